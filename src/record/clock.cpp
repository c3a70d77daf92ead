#include "carelearn/record/clock.hpp"

#include "absl/time/clock.h"

namespace carelearn {

Clock& Clock::System() {
  static SystemClock* const kSystem = new SystemClock();
  return *kSystem;
}

absl::Time SystemClock::Now() const { return absl::Now(); }

absl::Time FakeClock::Now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_;
}

void FakeClock::Advance(absl::Duration d) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ += d;
}

void FakeClock::Set(absl::Time t) {
  std::lock_guard<std::mutex> lock(mutex_);
  now_ = t;
}

}  // namespace carelearn
