#include "carelearn/analysis/combine_tables.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/table_fixtures.hpp"
#include "carelearn/analysis/tables.hpp"

namespace carelearn {
namespace {

using testing::CancelledMeeting;
using ::testing::ElementsAre;
using testing::HeldMeeting;

// A third meeting of another unit, with a person of the first and a new one,
// so that the joined dictionaries must be renumbered.
Session SouthMeeting() {
  Session s = HeldMeeting();
  s.id = "s-3";
  s.unit = "home-care-south";
  s.participants = {{"p-d", "facilitator", "home-care-south", "nurse", Shift::kNight},
                    {"p-a", "colleague", "home-care-north", "nurse", Shift::kDay}};
  return s;
}

TableOptions Text() {
  TableOptions options;
  options.free_text = true;
  options.confidential_text = true;
  return options;
}

TEST(ConcatenateTablesTest, EqualsTheTablesOfTheSessionsTogether) {
  const std::vector<Session> all = {HeldMeeting(), CancelledMeeting(), SouthMeeting()};
  std::vector<SessionTables> parts;
  parts.push_back(TablesFromSessions(std::vector<Session>{all[0]}, Text()));
  parts.push_back(TablesFromSessions(std::vector<Session>{all[1], all[2]}, Text()));
  const SessionTables joined = ConcatenateTables(std::move(parts));
  EXPECT_EQ(joined, TablesFromSessions(all, Text()));
  // Worked by hand: the third session's people are rows 3 and 4 of session 2,
  // "p-d" new (code 3), "p-a" the first file's code 0.
  EXPECT_THAT(joined.participants.session, ElementsAre(0, 0, 0, 2, 2));
  EXPECT_THAT(joined.participants.person.codes, ElementsAre(0, 1, 2, 3, 0));
  EXPECT_THAT(joined.participants.person.dictionary, ElementsAre("p-a", "p-b", "p-c", "p-d"));
  // The action changes name their action by its row in the whole: the
  // third session's first action is row 2 (after the first session's two).
  EXPECT_THAT(joined.action_changes.action, ElementsAre(0, 0, 0, 2, 2, 2));
}

TEST(ConcatenateTablesTest, NoPartsAreEmptyTables) {
  EXPECT_EQ(ConcatenateTables({}), TablesFromSessions(std::vector<Session>{}));
}

TEST(ConcatenateTablesTest, KeepsTheSkippedLinesInOrder) {
  TableOptions options;
  options.on_error = OnError::kSkip;
  auto first = ReadTablesFromText("{\n", "a.jsonl", options);
  auto second = ReadTablesFromText("\n[]\n", "b.jsonl", options);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  std::vector<SessionTables> parts;
  parts.push_back(*std::move(first));
  parts.push_back(*std::move(second));
  const SessionTables joined = ConcatenateTables(std::move(parts));
  ASSERT_EQ(joined.skipped.size(), 2U);
  EXPECT_EQ(joined.skipped[0].source, "a.jsonl");
  EXPECT_EQ(joined.skipped[0].line, 1);
  EXPECT_EQ(joined.skipped[1].source, "b.jsonl");
  EXPECT_EQ(joined.skipped[1].line, 2);
}

TEST(KeepParticipantsTest, KeepsTheMarkedPeopleAndEverythingElse) {
  const SessionTables tables =
      TablesFromSessions(std::vector<Session>{HeldMeeting(), SouthMeeting()}, Text());
  // Rows: p-a, p-b, p-c (session 0), p-d, p-a (session 1); keep p-a and p-d.
  const std::vector<std::uint8_t> keep = {1, 0, 0, 1, 1};
  const SessionTables kept = KeepParticipants(tables, keep);
  EXPECT_THAT(kept.participants.session, ElementsAre(0, 1, 1));
  EXPECT_THAT(kept.participants.position, ElementsAre(0, 0, 1));
  EXPECT_THAT(kept.participants.person.codes, ElementsAre(0, 3, 0));
  EXPECT_EQ(kept.participants.person.dictionary, tables.participants.person.dictionary);
  EXPECT_THAT(kept.participants.shift.codes, ElementsAre(1, 3, 1));
  EXPECT_EQ(kept.participants.unit.dictionary, tables.participants.unit.dictionary);
  EXPECT_EQ(kept.sessions, tables.sessions);  // participant_count still 3 and 2
  EXPECT_EQ(kept.steps, tables.steps);
  EXPECT_EQ(kept.actions, tables.actions);
  EXPECT_EQ(kept.feedback, tables.feedback);
  EXPECT_EQ(kept.notes, tables.notes);
}

TEST(KeepParticipantsTest, NoneKeptLeavesNoParticipants) {
  const SessionTables tables = TablesFromSessions(std::vector<Session>{HeldMeeting()});
  const SessionTables kept = KeepParticipants(tables, std::vector<std::uint8_t>(3, 0));
  EXPECT_EQ(kept.participants.size(), 0U);
  EXPECT_EQ(kept.participants.person.size(), 0U);
  EXPECT_EQ(kept.sessions, tables.sessions);
}

}  // namespace
}  // namespace carelearn
