#include "carelearn/record/roster.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace carelearn {
namespace {

Roster Moved() {
  Roster r;
  r.members = {
      {"p1", "egely", "nurse", Shift::kDay, absl::CivilDay(2026, 1, 1),
       absl::CivilDay(2026, 3, 15)},
      {"p1", "sophielund", "nurse", Shift::kDay, absl::CivilDay(2026, 3, 16), std::nullopt},
      {"p2", "egely", "", Shift::kNight, absl::CivilDay(2026, 2, 1), std::nullopt},
  };
  return r;
}

TEST(RosterTest, MembershipOnADay) {
  const Roster r = Moved();
  EXPECT_EQ(r.MemberOn("p1", "egely", absl::CivilDay(2026, 3, 15)), &r.members[0]);  // inclusive
  EXPECT_EQ(r.MemberOn("p1", "egely", absl::CivilDay(2026, 3, 16)), nullptr);
  EXPECT_EQ(r.MemberOn("p1", "sophielund", absl::CivilDay(2027, 1, 1)), &r.members[1]);
  EXPECT_EQ(r.MemberOn("p2", "egely", absl::CivilDay(2026, 1, 31)), nullptr);
  EXPECT_THAT(r.MembershipsOn("p1", absl::CivilDay(2026, 3, 16)),
              ::testing::ElementsAre(&r.members[1]));
  EXPECT_TRUE(r.members[0].Overlaps(absl::CivilDay(2026, 3, 1), absl::CivilDay(2026, 4, 1)));
  EXPECT_FALSE(r.members[0].Overlaps(absl::CivilDay(2026, 3, 16), absl::CivilDay(2026, 4, 1)));
}

TEST(RosterTest, ValidRosterPasses) { EXPECT_TRUE(ValidateRoster(Moved()).ok()); }

TEST(RosterTest, EmptyPersonOrUnit) {
  Roster r = Moved();
  r.members[2].person.clear();
  EXPECT_EQ(ValidateRoster(r).message(), "members[2]: empty person");
  r = Moved();
  r.members[1].unit.clear();
  EXPECT_EQ(ValidateRoster(r).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateRoster(r).message(), "members[1]: empty unit");
}

TEST(RosterTest, EndBeforeBeginning) {
  Roster r = Moved();
  r.members[0].to = absl::CivilDay(2025, 12, 31);
  EXPECT_EQ(ValidateRoster(r).message(),
            "members[0]: the membership ends (2025-12-31) before it begins (2026-01-01)");
}

TEST(RosterTest, OverlappingMembershipsOfOneUnit) {
  Roster r = Moved();
  r.members.push_back({"p2", "egely", "", Shift::kDay, absl::CivilDay(2026, 6, 1), std::nullopt});
  EXPECT_EQ(ValidateRoster(r).message(),
            "members[3]: person \"p2\" is in unit \"egely\" from 2026-02-01 in members[2] too: "
            "the memberships overlap");
  // One after another is fine; in two units at once is fine.
  r.members[2].to = absl::CivilDay(2026, 5, 31);
  r.members.push_back(
      {"p2", "sophielund", "", Shift::kDay, absl::CivilDay(2026, 2, 1), std::nullopt});
  EXPECT_TRUE(ValidateRoster(r).ok());
  EXPECT_EQ(ValidateRoster(r, [](std::size_t i) { return "line " + std::to_string(i + 2); })
                .message()
                .empty(),
            true);
  r.members[2].to.reset();
  EXPECT_EQ(
      ValidateRoster(r, [](std::size_t i) { return "line " + std::to_string(i + 2); }).message(),
      "line 5: person \"p2\" is in unit \"egely\" from 2026-02-01 in line 4 too: the "
      "memberships overlap");
}

TEST(RosterTest, RepseudonymiseLikeTheSessions) {
  auto key = Pseudonymiser::Create(std::string(32, 'k'));
  ASSERT_TRUE(key.ok());
  const Roster r = Repseudonymise(Moved(), *key);
  const std::string p1 = key->Pseudonym(pseudonym_domains::kStaff, "p1");
  EXPECT_EQ(r.members[0].person, p1);
  EXPECT_EQ(r.members[1].person, p1);  // one person stays one person
  EXPECT_EQ(r.members[2].person, key->Pseudonym(pseudonym_domains::kStaff, "p2"));
  EXPECT_EQ(r.members[0].unit, "egely");
  EXPECT_EQ(p1.size(), Pseudonymiser::kPseudonymDigits);
}

}  // namespace
}  // namespace carelearn
