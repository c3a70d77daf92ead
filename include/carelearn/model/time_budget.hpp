// carelearn/model/time_budget.hpp
//
// Defines `TimeBudget`, the time a step or a whole format is given, and
// `MinuteRange`, what a budget comes to for a number of participants.
//
// A budget is one of four kinds, as the source texts use them:
//   - fixed: "5 min";
//   - a range: "1-2 min", "½-1 dag";
//   - per participant: "ca. 1 min til hver" in a round where the word goes around;
//   - open: no time of its own; open steps share what the format's planned
//     duration leaves after the other steps.
//
// Example:
//
//   auto round = carelearn::TimeBudget::PerParticipant(1, 1).About();
//   carelearn::MinuteRange r = round.Evaluate(12);  // {12, 12}
//   auto visit = carelearn::TimeBudget::Range(0.5, 1, carelearn::TimeUnit::kDay);
//   visit.Evaluate(2).max;  // 444 minutes with the default 7.4-hour working day
#ifndef CARELEARN_MODEL_TIME_BUDGET_HPP_
#define CARELEARN_MODEL_TIME_BUDGET_HPP_

#include <optional>
#include <string_view>

namespace carelearn {

/// The unit in which a budget's amounts are stated.
enum class TimeUnit {
  kMinute,  ///< Minutes.
  kHour,    ///< Hours of 60 minutes.
  kDay,     ///< Working days, whose length a `WorkingDay` states.
};

/// Returns the canonical name of `unit`: "minute", "hour" or "day".
std::string_view TimeUnitName(TimeUnit unit);

/// Parses a canonical unit name; std::nullopt when unknown.
std::optional<TimeUnit> ParseTimeUnit(std::string_view name);

/// The length of a working day, used to turn "½-1 day" into minutes.
struct WorkingDay {
  /// Minutes in one working day; the default is the Danish 37-hour week's 7.4 hours.
  double minutes = 444.0;

  /// Working days are equal when their lengths are.
  friend bool operator==(const WorkingDay&, const WorkingDay&) = default;
};

/// A closed range of minutes [min, max], what a budget comes to.
struct MinuteRange {
  double min = 0;  ///< The shortest the budget allows, in minutes.
  double max = 0;  ///< The longest the budget allows, in minutes.

  /// Adds two ranges bound by bound.
  friend MinuteRange operator+(MinuteRange a, MinuteRange b) {
    return {a.min + b.min, a.max + b.max};
  }
  /// Ranges are equal when both bounds are.
  friend bool operator==(const MinuteRange&, const MinuteRange&) = default;
};

/// The time given to a step or a format.
///
/// A value type: build it with one of the named constructors, then mark it
/// with `About()` where the source says "ca." (about).
struct TimeBudget {
  /// What kind of budget this is.
  enum class Kind {
    kFixed,           ///< One amount: `min == max`.
    kRange,           ///< From `min` to `max`.
    kPerParticipant,  ///< `min` to `max` for each participant who takes a turn.
    kOpen,            ///< No time of its own: shares what the format leaves.
  };

  Kind kind = Kind::kFixed;           ///< The kind of budget.
  double min = 0;                     ///< The lower amount, in `unit`.
  double max = 0;                     ///< The upper amount, in `unit`.
  TimeUnit unit = TimeUnit::kMinute;  ///< The unit of `min` and `max`.
  bool about = false;                 ///< True where the source says "about" ("ca.").
  /// For per-participant budgets: how many of those present do not take a
  /// turn (0 means everyone present speaks, the default in a round).
  int skip = 0;

  /// A fixed budget of `amount` in `unit`.
  static TimeBudget Fixed(double amount, TimeUnit unit = TimeUnit::kMinute);
  /// A budget from `lo` to `hi` in `unit`.
  static TimeBudget Range(double lo, double hi, TimeUnit unit = TimeUnit::kMinute);
  /// From `lo` to `hi` in `unit` for each participant who takes a turn.
  static TimeBudget PerParticipant(double lo, double hi, TimeUnit unit = TimeUnit::kMinute);
  /// A step with no time of its own.
  static TimeBudget Open();

  /// Returns a copy marked "about".
  [[nodiscard]] TimeBudget About() const;
  /// Returns a per-participant copy in which `n` of those present take no turn.
  [[nodiscard]] TimeBudget Skipping(int n) const;

  /// The minutes this budget comes to with `participants` present.
  ///
  /// Open budgets evaluate to {0, 0}: the format's planner decides their share.
  /// Negative counts are treated as zero.
  [[nodiscard]] MinuteRange Evaluate(int participants, WorkingDay day = {}) const;

  /// True for a per-participant budget, whose length depends on who is present.
  [[nodiscard]] bool DependsOnParticipants() const { return kind == Kind::kPerParticipant; }

  /// Budgets are equal when every field is.
  friend bool operator==(const TimeBudget&, const TimeBudget&) = default;
};

/// Returns the canonical name of `kind`: "fixed", "range", "per-participant" or "open".
std::string_view TimeBudgetKindName(TimeBudget::Kind kind);

/// Parses a canonical budget kind name; std::nullopt when unknown.
std::optional<TimeBudget::Kind> ParseTimeBudgetKind(std::string_view name);

}  // namespace carelearn

#endif  // CARELEARN_MODEL_TIME_BUDGET_HPP_
