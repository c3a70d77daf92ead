#include "carelearn/record/clock.hpp"

#include <gtest/gtest.h>

#include "absl/time/clock.h"

namespace carelearn {
namespace {

TEST(FakeClockTest, StandsStillUntilMoved) {
  FakeClock clock(absl::FromUnixSeconds(1000));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(1000));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(1000));
  clock.Advance(absl::Minutes(5));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(1300));
  clock.Advance(-absl::Seconds(100));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(1200));
  clock.Set(absl::UnixEpoch());
  EXPECT_EQ(clock.Now(), absl::UnixEpoch());
}

TEST(FakeClockTest, StartsAtTheEpochByDefault) { EXPECT_EQ(FakeClock().Now(), absl::UnixEpoch()); }

TEST(FakeClockTest, WorksThroughTheInterface) {
  FakeClock fake(absl::FromUnixSeconds(5));
  const Clock& clock = fake;
  fake.Advance(absl::Seconds(1));
  EXPECT_EQ(clock.Now(), absl::FromUnixSeconds(6));
}

TEST(SystemClockTest, ReadsTheRealTime) {
  const absl::Time before = absl::Now();
  const absl::Time now = Clock::System().Now();
  EXPECT_GE(now, before);
  EXPECT_LE(now, absl::Now());
  EXPECT_EQ(&Clock::System(), &Clock::System());
}

}  // namespace
}  // namespace carelearn
