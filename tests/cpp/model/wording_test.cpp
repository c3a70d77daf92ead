#include "carelearn/model/wording.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace carelearn {
namespace {

TEST(DescribeBudgetTest, InBothLanguages) {
  EXPECT_EQ(DescribeBudget(TimeBudget::PerParticipant(1, 1).About(), Lang::kDa), "ca. 1 min hver");
  EXPECT_EQ(DescribeBudget(TimeBudget::Range(0.5, 1, TimeUnit::kDay), Lang::kDa), "½–1 dag");
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(2, TimeUnit::kDay)), "2 days");
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(2, TimeUnit::kDay), Lang::kDa), "2 dage");
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(1.5, TimeUnit::kHour)), "1½ h");
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(1.5, TimeUnit::kHour), Lang::kDa), "1½ t");
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(2.25)), "2.25 min");
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(2.25), Lang::kDa), "2,25 min");
  EXPECT_EQ(DescribeBudget(TimeBudget::PerParticipant(1, 2).Skipping(1)), "1–2 min each (1 skip)");
  EXPECT_EQ(DescribeBudget(TimeBudget::PerParticipant(1, 2).Skipping(1), Lang::kDa),
            "1–2 min hver (1 springes over)");
  EXPECT_EQ(DescribeBudget(TimeBudget::Open(), Lang::kDa), "åben");
}

Cadence Every(int interval, Period unit, std::optional<int> count = std::nullopt) {
  Cadence c;
  c.interval = interval;
  c.unit = unit;
  c.count = count;
  return c;
}

TEST(DescribeCadenceTest, InBothLanguages) {
  EXPECT_EQ(DescribeCadence(Every(2, Period::kWeek)), "every 2 weeks");
  EXPECT_EQ(DescribeCadence(Every(2, Period::kWeek), Lang::kDa), "hver 2. uge");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kWeek)), "every week");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kWeek), Lang::kDa), "hver uge");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kYear), Lang::kDa), "hvert år");
  EXPECT_EQ(DescribeCadence(Every(3, Period::kYear), Lang::kDa), "hvert 3. år");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kMonth, 8)), "every month, 8 times");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kMonth, 8), Lang::kDa), "hver måned, 8 gange");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kDay, 1)), "every day, 1 time");
  EXPECT_EQ(DescribeCadence(Every(1, Period::kDay, 1), Lang::kDa), "hver dag, 1 gang");
}

}  // namespace
}  // namespace carelearn
