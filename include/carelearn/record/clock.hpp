// carelearn/record/clock.hpp
//
// Defines `Clock`, where the runner reads the time, with `SystemClock` (the
// real time) and `FakeClock` (a time the test sets and advances), so that a
// test of a 30-minute meeting runs in microseconds and never sleeps.
//
// Example:
//
//   carelearn::FakeClock clock(absl::FromUnixSeconds(1772629200));
//   carelearn::RunnerOptions options;
//   options.clock = &clock;  // a runner made with these options reads this clock
//   clock.Advance(absl::Minutes(5));  // the case has been presented
#ifndef CARELEARN_RECORD_CLOCK_HPP_
#define CARELEARN_RECORD_CLOCK_HPP_

#include <mutex>

#include "absl/time/time.h"

namespace carelearn {

/// A source of the current time.
///
/// Implementations must be safe to call from several threads.
class Clock {
 public:
  virtual ~Clock() = default;

  /// The current time.
  [[nodiscard]] virtual absl::Time Now() const = 0;

  /// The process-wide real clock (a `SystemClock`); never destroyed.
  static Clock& System();
};

/// The real time, from absl::Now().
class SystemClock final : public Clock {
 public:
  /// absl::Now().
  [[nodiscard]] absl::Time Now() const override;
};

/// A clock that stands still until it is told to move; for tests.
///
/// Example:
///
///   carelearn::FakeClock clock(absl::UnixEpoch());
///   clock.Advance(absl::Seconds(90));
///   absl::Time now = clock.Now();  // 1970-01-01 00:01:30 UTC
class FakeClock final : public Clock {
 public:
  /// A clock that reads `start` until it is moved.
  explicit FakeClock(absl::Time start = absl::UnixEpoch()) : now_(start) {}

  /// The time it was last set to.
  [[nodiscard]] absl::Time Now() const override;

  /// Moves the clock by `d` (which may be negative, to test clocks that jump back).
  void Advance(absl::Duration d);

  /// Sets the clock to `t`.
  void Set(absl::Time t);

 private:
  mutable std::mutex mutex_;
  absl::Time now_;
};

}  // namespace carelearn

#endif  // CARELEARN_RECORD_CLOCK_HPP_
