#include "carelearn/model/time_budget.hpp"

#include <gtest/gtest.h>

namespace carelearn {
namespace {

TEST(TimeBudgetTest, FixedIsTheSameForAnyCount) {
  const TimeBudget b = TimeBudget::Fixed(5);
  EXPECT_EQ(b.Evaluate(1), (MinuteRange{5, 5}));
  EXPECT_EQ(b.Evaluate(40), (MinuteRange{5, 5}));
  EXPECT_FALSE(b.DependsOnParticipants());
}

TEST(TimeBudgetTest, RangeGivesBothBounds) {
  EXPECT_EQ(TimeBudget::Range(1, 2).Evaluate(12), (MinuteRange{1, 2}));
}

TEST(TimeBudgetTest, HalfToOneDayUsesTheWorkingDay) {
  const TimeBudget visit = TimeBudget::Range(0.5, 1, TimeUnit::kDay);
  EXPECT_EQ(visit.Evaluate(2), (MinuteRange{222, 444}));
  EXPECT_EQ(visit.Evaluate(2, WorkingDay{480}), (MinuteRange{240, 480}));
}

TEST(TimeBudgetTest, HoursAreSixtyMinutes) {
  EXPECT_EQ(TimeBudget::Fixed(2, TimeUnit::kHour).Evaluate(1), (MinuteRange{120, 120}));
}

TEST(TimeBudgetTest, PerParticipantCountsEveryoneUnlessSkipped) {
  const TimeBudget round = TimeBudget::PerParticipant(1, 1).About();
  EXPECT_TRUE(round.about);
  EXPECT_TRUE(round.DependsOnParticipants());
  EXPECT_EQ(round.Evaluate(12), (MinuteRange{12, 12}));
  EXPECT_EQ(round.Skipping(1).Evaluate(12), (MinuteRange{11, 11}));
  EXPECT_EQ(TimeBudget::PerParticipant(1, 2).Evaluate(3), (MinuteRange{3, 6}));
}

TEST(TimeBudgetTest, NegativeCountsCountAsNobody) {
  EXPECT_EQ(TimeBudget::PerParticipant(1, 1).Evaluate(-3), (MinuteRange{0, 0}));
  EXPECT_EQ(TimeBudget::PerParticipant(1, 1).Skipping(5).Evaluate(3), (MinuteRange{0, 0}));
}

TEST(TimeBudgetTest, OpenTakesNoTimeOfItsOwn) {
  EXPECT_EQ(TimeBudget::Open().Evaluate(10), (MinuteRange{0, 0}));
}

TEST(TimeBudgetTest, UnitNamesRoundTrip) {
  for (TimeUnit u : {TimeUnit::kMinute, TimeUnit::kHour, TimeUnit::kDay}) {
    EXPECT_EQ(ParseTimeUnit(TimeUnitName(u)), u);
  }
  EXPECT_EQ(ParseTimeUnit("fortnight"), std::nullopt);
}

TEST(TimeBudgetKindTest, NamesRoundTrip) {
  for (const TimeBudget::Kind k : {TimeBudget::Kind::kFixed, TimeBudget::Kind::kRange,
                                   TimeBudget::Kind::kPerParticipant, TimeBudget::Kind::kOpen}) {
    EXPECT_EQ(ParseTimeBudgetKind(TimeBudgetKindName(k)), k);
  }
  EXPECT_EQ(TimeBudgetKindName(TimeBudget::Kind::kPerParticipant), "per-participant");
  EXPECT_EQ(ParseTimeBudgetKind("each"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
