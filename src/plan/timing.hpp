// Private to the plan layer: how long each step of a format takes for a number
// of people, with open steps given their share of the planned duration and
// steps that are whole formats given that format's time. `Validate`,
// `MaxParticipantsThatFit` and `PlanAgenda` all time a format through here, so
// they never disagree.
//
// Two schedules are kept side by side:
//   - the short schedule, in which every step takes its shortest time and the
//     open steps share what the shortest planned duration leaves;
//   - the long schedule, in which every step takes its longest time and the
//     open steps share what the longest planned duration leaves.
// An agenda's clock times follow the long schedule.
#ifndef CARELEARN_SRC_PLAN_TIMING_HPP_
#define CARELEARN_SRC_PLAN_TIMING_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/time_budget.hpp"

namespace carelearn::detail {

/// Tolerance for comparing sums of minutes held as doubles.
inline constexpr double kMinuteEpsilon = 1e-6;

/// The largest number of minutes one step or duration is taken to last;
/// larger, infinite or NaN amounts are held to this so clock arithmetic stays defined.
inline constexpr double kMaxMinutes = 1e9;

/// A format's identity in a chain of formats being expanded.
using FormatKey = std::pair<std::string, int>;

/// What one step takes.
struct StepTiming {
  MinuteRange minutes;       ///< The shortest and longest the step may take.
  double short_minutes = 0;  ///< The step's time in the short schedule.
  double long_minutes = 0;   ///< The step's time in the long schedule (clock times).
  bool open = false;         ///< True when the step shares what the planned duration leaves.
  /// True when the step is open but takes the time of the format it names.
  bool from_sub_format = false;
  /// The format the step is, when it names one the catalog has and that is not
  /// already being expanded; nullptr otherwise.
  const Format* sub_format = nullptr;
};

/// What a format's steps take for one participant count.
struct Timing {
  std::vector<StepTiming> steps;       ///< One per step, in order.
  MinuteRange fixed;                   ///< The steps that are not open, short and long.
  double short_total = 0;              ///< The whole short schedule.
  double long_total = 0;               ///< The whole long schedule.
  std::optional<MinuteRange> planned;  ///< The duration the open steps share, if any.
  int open_steps = 0;                  ///< How many steps are open.
};

/// `minutes` made safe for arithmetic: NaN becomes 0, the rest is held to ±kMaxMinutes.
double SafeMinutes(double minutes);

/// `budget` for `participants`, made safe (see SafeMinutes).
MinuteRange SafeEvaluate(const TimeBudget& budget, int participants, WorkingDay day);

/// The planned duration of `format` in minutes; std::nullopt when it has none
/// or its duration is open.
std::optional<MinuteRange> PlannedMinutes(const Format& format, int participants, WorkingDay day);

/// The format `step` names, resolved through `catalog`; nullptr when the step
/// names none, there is no catalog, or the catalog lacks it.
const Format* ResolveStepFormat(const Step& step, const Catalog* catalog);

/// Times `format` for `participants`.
///
/// `planned` is the duration the open steps share (the format's own, or the
/// slot of the step it is fitted into). `expanding` lists the formats being
/// expanded around this one; a step naming one of them is not expanded again.
Timing ComputeTiming(const Format& format, int participants, const Catalog* catalog, WorkingDay day,
                     std::optional<MinuteRange> planned, std::vector<FormatKey>& expanding);

/// Times `format` for `participants` against its own planned duration.
Timing ComputeTiming(const Format& format, int participants, const Catalog* catalog,
                     WorkingDay day);

/// `minutes` rounded to the nearest whole minute, halves up; a tiny tolerance
/// keeps sums such as 0.1 + 0.2 + 2.2 on the side they mean. Agenda clock
/// times are the start plus this of the running sum of the steps' minutes.
std::int64_t RoundMinutes(double minutes);

/// True when some step of `format`, or of a format a step names, takes longer
/// with more people.
bool DependsOnParticipants(const Format& format, const Catalog* catalog, WorkingDay day);

/// The largest count for which the long (`longest`) or short schedule fits the
/// longest planned duration; std::nullopt without a planned duration, when no
/// step depends on the count, or when more than 100 000 people would fit.
std::optional<int> MaxParticipantsThatFit(const Format& format, bool longest,
                                          const Catalog* catalog, WorkingDay day);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_PLAN_TIMING_HPP_
