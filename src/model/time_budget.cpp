#include "carelearn/model/time_budget.hpp"

#include <algorithm>

namespace carelearn {
namespace {

double MinutesPer(TimeUnit unit, const WorkingDay& day) {
  switch (unit) {
    case TimeUnit::kMinute:
      return 1.0;
    case TimeUnit::kHour:
      return 60.0;
    case TimeUnit::kDay:
      return day.minutes;
  }
  return 1.0;
}

}  // namespace

TimeBudget TimeBudget::Fixed(double amount, TimeUnit unit) {
  return {.kind = Kind::kFixed, .min = amount, .max = amount, .unit = unit};
}

TimeBudget TimeBudget::Range(double lo, double hi, TimeUnit unit) {
  return {.kind = Kind::kRange, .min = lo, .max = hi, .unit = unit};
}

TimeBudget TimeBudget::PerParticipant(double lo, double hi, TimeUnit unit) {
  return {.kind = Kind::kPerParticipant, .min = lo, .max = hi, .unit = unit};
}

TimeBudget TimeBudget::Open() { return {.kind = Kind::kOpen}; }

TimeBudget TimeBudget::About() const {
  TimeBudget copy = *this;
  copy.about = true;
  return copy;
}

TimeBudget TimeBudget::Skipping(int n) const {
  TimeBudget copy = *this;
  copy.skip = n;
  return copy;
}

MinuteRange TimeBudget::Evaluate(int participants, WorkingDay day) const {
  const double per = MinutesPer(unit, day);
  switch (kind) {
    case Kind::kFixed:
    case Kind::kRange:
      return {min * per, max * per};
    case Kind::kPerParticipant: {
      const int turns = std::max(0, std::max(0, participants) - std::max(0, skip));
      return {min * per * turns, max * per * turns};
    }
    case Kind::kOpen:
      return {0, 0};
  }
  return {0, 0};
}

}  // namespace carelearn
