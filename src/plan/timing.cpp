// Timing of a format's steps; see schedule.hpp.
#include "plan/timing.hpp"

#include <algorithm>
#include <cmath>

namespace carelearn::detail {
namespace {

// The most people MaxParticipantsThatFit considers.
constexpr int kMaxCount = 100000;

bool IsExpanding(const std::vector<FormatKey>& expanding, const Format& format) {
  return std::any_of(expanding.begin(), expanding.end(), [&](const FormatKey& key) {
    return key.first == format.id && key.second == format.version;
  });
}

// The time of a step that is open and names a format: that format's planned
// duration, or what its steps take when none of them is open; std::nullopt
// when the format's length is open too, so the step shares like any open step.
std::optional<MinuteRange> SubFormatOwnTime(const Format& sub, int participants,
                                            const Catalog* catalog, WorkingDay day,
                                            std::vector<FormatKey>& expanding) {
  if (std::optional<MinuteRange> planned = PlannedMinutes(sub, participants, day)) {
    return planned;
  }
  const Timing timing = ComputeTiming(sub, participants, catalog, day, std::nullopt, expanding);
  if (timing.open_steps > 0) return std::nullopt;
  return MinuteRange{timing.short_total, timing.long_total};
}

}  // namespace

double SafeMinutes(double minutes) {
  if (std::isnan(minutes)) return 0;
  return std::clamp(minutes, -kMaxMinutes, kMaxMinutes);
}

std::int64_t RoundMinutes(double minutes) {
  return static_cast<std::int64_t>(std::floor(SafeMinutes(minutes) + 0.5 + kMinuteEpsilon));
}

MinuteRange SafeEvaluate(const TimeBudget& budget, int participants, WorkingDay day) {
  const MinuteRange r = budget.Evaluate(participants, day);
  return {SafeMinutes(r.min), SafeMinutes(r.max)};
}

std::optional<MinuteRange> PlannedMinutes(const Format& format, int participants, WorkingDay day) {
  if (!format.duration || format.duration->kind == TimeBudget::Kind::kOpen) return std::nullopt;
  return SafeEvaluate(*format.duration, participants, day);
}

const Format* ResolveStepFormat(const Step& step, const Catalog* catalog) {
  if (!step.format || catalog == nullptr) return nullptr;
  return catalog->Find(*step.format);
}

Timing ComputeTiming(const Format& format, int participants, const Catalog* catalog, WorkingDay day,
                     std::optional<MinuteRange> planned, std::vector<FormatKey>& expanding) {
  expanding.emplace_back(format.id, format.version);
  Timing timing;
  timing.planned = planned;
  timing.steps.reserve(format.steps.size());
  for (const Step& step : format.steps) {
    StepTiming st;
    const Format* sub = ResolveStepFormat(step, catalog);
    if (sub != nullptr && !IsExpanding(expanding, *sub)) st.sub_format = sub;
    if (step.budget.kind == TimeBudget::Kind::kOpen) {
      std::optional<MinuteRange> own;
      if (st.sub_format != nullptr) {
        own = SubFormatOwnTime(*st.sub_format, participants, catalog, day, expanding);
      }
      if (own) {
        st.minutes = *own;
        st.from_sub_format = true;
      } else {
        st.open = true;
        ++timing.open_steps;
      }
    } else {
      st.minutes = SafeEvaluate(step.budget, participants, day);
    }
    if (!st.open) {
      st.short_minutes = st.minutes.min;
      st.long_minutes = st.minutes.max;
      timing.fixed = timing.fixed + st.minutes;
    }
    timing.steps.push_back(st);
  }
  timing.short_total = timing.fixed.min;
  timing.long_total = timing.fixed.max;
  if (timing.open_steps > 0 && planned) {
    const double short_left = std::max(0.0, planned->min - timing.fixed.min);
    const double long_left = std::max(0.0, planned->max - timing.fixed.max);
    const double short_share = short_left / timing.open_steps;
    const double long_share = long_left / timing.open_steps;
    for (StepTiming& st : timing.steps) {
      if (!st.open) continue;
      st.short_minutes = short_share;
      st.long_minutes = long_share;
      st.minutes = {std::min(short_share, long_share), std::max(short_share, long_share)};
    }
    timing.short_total += short_left;
    timing.long_total += long_left;
  }
  expanding.pop_back();
  return timing;
}

Timing ComputeTiming(const Format& format, int participants, const Catalog* catalog,
                     WorkingDay day) {
  std::vector<FormatKey> expanding;
  return ComputeTiming(format, participants, catalog, day,
                       PlannedMinutes(format, participants, day), expanding);
}

bool DependsOnParticipants(const Format& format, const Catalog* catalog, WorkingDay day) {
  const Timing none = ComputeTiming(format, 0, catalog, day);
  const Timing many = ComputeTiming(format, kMaxCount, catalog, day);
  return none.fixed != many.fixed;
}

std::optional<int> MaxParticipantsThatFit(const Format& format, bool longest,
                                          const Catalog* catalog, WorkingDay day) {
  if (!PlannedMinutes(format, 0, day)) return std::nullopt;
  if (!DependsOnParticipants(format, catalog, day)) return std::nullopt;
  const auto fits = [&](int n) {
    const std::optional<MinuteRange> planned = PlannedMinutes(format, n, day);
    if (!planned) return true;
    const Timing timing = ComputeTiming(format, n, catalog, day);
    const double total = longest ? timing.long_total : timing.short_total;
    return total <= planned->max + kMinuteEpsilon;
  };
  if (!fits(0)) return 0;
  if (fits(kMaxCount)) return std::nullopt;
  int lo = 0;          // fits
  int hi = kMaxCount;  // does not fit
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    if (fits(mid)) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return lo;
}

}  // namespace carelearn::detail
