// carelearn/schedule/recurrence.hpp
//
// Defines `RRule`, the subset of the iCalendar recurrence rule (RFC 5545,
// section 3.3.10) that learning formats need, with `ParseRRule` and `ToString`;
// and `Recurrence`, a series of occurrences: a local start time, a duration, a
// time zone, an optional rule, extra dates (RDATE), excluded dates (EXDATE)
// and single occurrences moved to another time (RECURRENCE-ID).
//
// Times are local civil times in the recurrence's time zone (by default
// Europe/Copenhagen, from the system's tzdata or carelearn's embedded copy), so a meeting at 14:00
// stays at 14:00 when daylight saving time begins or ends; `Expand` gives each
// occurrence both as an absolute `absl::Time` and as a local `absl::CivilMinute`.
//
// Example: the systematic learning meeting, every other Wednesday at 14:00.
//
//   carelearn::Recurrence meetings;
//   meetings.start = absl::CivilMinute(2026, 3, 4, 14, 0);
//   meetings.duration = absl::Minutes(30);
//   meetings.rule = *carelearn::ParseRRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
//   auto spring = carelearn::Expand(meetings, carelearn::TimeWindow::Days(
//       absl::CivilDay(2026, 3, 1), absl::CivilDay(2026, 7, 1), meetings.zone));
//   // (*spring)[2].local_start == absl::CivilMinute(2026, 4, 1, 14, 0), now at UTC+2.
#ifndef CARELEARN_SCHEDULE_RECURRENCE_HPP_
#define CARELEARN_SCHEDULE_RECURRENCE_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/model/format.hpp"
#include "carelearn/plan/diagnostic.hpp"

namespace carelearn {

/// The IANA name of the time zone carelearn plans in by default.
inline constexpr std::string_view kCopenhagenZoneName = "Europe/Copenhagen";

/// Loads Europe/Copenhagen: from the system's time zone database (`TZDIR`,
/// else /usr/share/zoneinfo) when it has the zone, else from the copy of
/// Debian's tzdata that carelearn embeds at build time (CMake option
/// `CARELEARN_EMBED_TZDATA`, on by default; see docs/embedding.md). With the
/// embedded copy a container without tzdata still plans in Danish time.
///
/// Errors: kNotFound when neither has the zone (only possible in a build
/// with `CARELEARN_EMBED_TZDATA=OFF`).
///
/// Example:
///
///   absl::StatusOr<absl::TimeZone> cph = carelearn::LoadCopenhagenTimeZone();
[[nodiscard]] absl::StatusOr<absl::TimeZone> LoadCopenhagenTimeZone();

/// Europe/Copenhagen, loaded once by `LoadCopenhagenTimeZone`.
///
/// Only in a build with `CARELEARN_EMBED_TZDATA=OFF` on a system without
/// tzdata can the zone be missing; this is then UTC, as absl::LoadTimeZone
/// gives, so such builds call `LoadCopenhagenTimeZone` to know.
///
/// Example:
///
///   absl::TimeZone cph = carelearn::CopenhagenTimeZone();
absl::TimeZone CopenhagenTimeZone();

/// The tzdata release whose Europe/Copenhagen carelearn embeds ("2026f"),
/// "unknown" when the build machine's tzdata did not say, or "" when built
/// with `CARELEARN_EMBED_TZDATA=OFF`.
///
/// Example:
///
///   std::cout << "embedded tzdata " << carelearn::EmbeddedTzdataVersion() << "\n";
[[nodiscard]] std::string_view EmbeddedTzdataVersion();

/// How often a rule repeats (RFC 5545 FREQ); carelearn reads these three.
enum class Frequency {
  kDaily,    ///< FREQ=DAILY: every INTERVAL days.
  kWeekly,   ///< FREQ=WEEKLY: every INTERVAL weeks.
  kMonthly,  ///< FREQ=MONTHLY: every INTERVAL months.
};

/// Returns the RFC 5545 name of `frequency`: "DAILY", "WEEKLY" or "MONTHLY".
std::string_view FrequencyName(Frequency frequency);

/// Parses an RFC 5545 frequency name as `FrequencyName` writes it; std::nullopt when unknown.
std::optional<Frequency> ParseFrequency(std::string_view name);

/// Returns the RFC 5545 two-letter code of `weekday`: "MO", "TU", … "SU".
std::string_view WeekdayCode(absl::Weekday weekday);

/// Parses an RFC 5545 weekday code ("MO" … "SU", case-insensitive); std::nullopt when unknown.
std::optional<absl::Weekday> ParseWeekdayCode(std::string_view code);

/// A day of the week in a BYDAY list, with an optional position in the month.
///
/// `ordinal` 0 means every such weekday; 1 to 5 the first to fifth in the
/// month, -1 to -5 the last to fifth-last (FREQ=MONTHLY only). "1WE" is
/// {1, wednesday}, "-1FR" {-1, friday}, "MO" {0, monday}.
struct WeekdayNum {
  int ordinal = 0;                                ///< The position in the month; 0 for every one.
  absl::Weekday weekday = absl::Weekday::monday;  ///< The day of the week.

  /// Equal when ordinal and weekday are.
  friend bool operator==(const WeekdayNum&, const WeekdayNum&) = default;
};

/// The last start a rule gives (RFC 5545 UNTIL, inclusive), in one of its three forms.
struct RRuleUntil {
  /// How `value` is read.
  enum class Kind {
    kDate,   ///< "UNTIL=20190131": starts on or before that local day.
    kLocal,  ///< "UNTIL=20190131T120000": starts at or before that local time.
    kUtc,    ///< "UNTIL=20190131T110000Z": starts at or before that UTC time.
  };
  Kind kind = Kind::kUtc;        ///< How `value` is read.
  absl::CivilSecond value = {};  ///< The bound; for kDate its time of day is 00:00:00.

  /// Equal when kind and value are.
  friend bool operator==(const RRuleUntil&, const RRuleUntil&) = default;
};

/// Returns the canonical name of `kind`: "date", "local" or "utc".
std::string_view RRuleUntilKindName(RRuleUntil::Kind kind);

/// Parses a canonical UNTIL kind name; std::nullopt when unknown.
std::optional<RRuleUntil::Kind> ParseRRuleUntilKind(std::string_view name);

/// A recurrence rule: the RFC 5545 subset FREQ (DAILY, WEEKLY, MONTHLY),
/// INTERVAL, BYDAY (with ordinals for MONTHLY), BYMONTHDAY (negative counts
/// from the month's end), COUNT, UNTIL and WKST.
///
/// The rule's first occurrence is the series' start (RFC 5545: DTSTART always
/// counts as the first occurrence), and every occurrence has the start's time
/// of day. Without BYDAY and BYMONTHDAY a weekly rule repeats the start's
/// weekday and a monthly rule the start's day of the month (a month without
/// that day, such as 31 in April, has no occurrence).
///
/// Example:
///
///   carelearn::RRule rule;
///   rule.frequency = carelearn::Frequency::kMonthly;
///   rule.by_day = {{-1, absl::Weekday::friday}};   // the last Friday
///   carelearn::ToString(rule);                     // "FREQ=MONTHLY;BYDAY=-1FR"
struct RRule {
  Frequency frequency = Frequency::kWeekly;  ///< FREQ.
  int interval = 1;                          ///< INTERVAL: every this many periods, from 1.
  std::vector<WeekdayNum> by_day = {};       ///< BYDAY; empty when absent.
  std::vector<int> by_month_day = {};    ///< BYMONTHDAY: 1 to 31 or -1 to -31; empty when absent.
  std::optional<int> count = {};         ///< COUNT: the number of occurrences, from 1.
  std::optional<RRuleUntil> until = {};  ///< UNTIL: the last start, inclusive.
  absl::Weekday week_start = absl::Weekday::monday;  ///< WKST: the first day of a week.

  /// Rules are equal when every part is (in the order given).
  friend bool operator==(const RRule&, const RRule&) = default;
};

/// Checks that `rule` keeps to the subset and to RFC 5545.
///
/// Errors (kInvalidArgument), each naming the part as ToString writes it:
/// INTERVAL or COUNT below 1; an ordinal outside ±1..±5, or an ordinal with a
/// frequency other than MONTHLY; a BYMONTHDAY of 0 or outside ±31; BYMONTHDAY
/// with FREQ=WEEKLY; COUNT together with UNTIL.
///
/// Example:
///
///   carelearn::RRule rule;
///   rule.interval = 0;
///   carelearn::ValidateRRule(rule).message();
///   // RRULE part "INTERVAL=0": INTERVAL must be a whole number from 1
[[nodiscard]] absl::Status ValidateRRule(const RRule& rule);

/// Parses the text of an RRULE ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"), with or
/// without a leading "RRULE:"; names and values are case-insensitive.
///
/// Errors (kInvalidArgument) name the part and the cause, for example
///   RRULE part "FREQ=FORTNIGHTLY": unknown frequency; expected DAILY, WEEKLY or MONTHLY
///   RRULE part "BYMONTH=3": not supported; carelearn reads FREQ, INTERVAL, BYDAY, BYMONTHDAY,
///   COUNT, UNTIL and WKST RRULE "INTERVAL=2": FREQ is required
/// as well as every error of `ValidateRRule`.
///
/// Example:
///
///   absl::StatusOr<carelearn::RRule> rule = carelearn::ParseRRule("FREQ=MONTHLY;BYDAY=1WE");
[[nodiscard]] absl::StatusOr<RRule> ParseRRule(std::string_view text);

/// Writes `rule` as RRULE text in canonical form: the parts in the order FREQ,
/// INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL, WKST, upper case, leaving out
/// INTERVAL=1 and WKST=MO. `ParseRRule(ToString(r)) == r` for every valid rule.
///
/// Example:
///
///   carelearn::ToString(*carelearn::ParseRRule("byday=we;interval=2;freq=weekly"));
///   // "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
[[nodiscard]] std::string ToString(const RRule& rule);

/// The rule that holds a format at `cadence`: every 2 weeks becomes
/// FREQ=WEEKLY;INTERVAL=2, a count becomes COUNT, every n years becomes
/// FREQ=MONTHLY;INTERVAL=12n (the subset has no YEARLY).
///
/// Errors: kInvalidArgument when the interval or the count is below 1, or
/// when the interval in months does not fit an int.
///
/// Example:
///
///   carelearn::Cadence biweekly{2, carelearn::Period::kWeek, 8};
///   carelearn::ToString(*carelearn::RRuleFromCadence(biweekly));
///   // "FREQ=WEEKLY;INTERVAL=2;COUNT=8"
[[nodiscard]] absl::StatusOr<RRule> RRuleFromCadence(const Cadence& cadence);

/// The `ordinal`th `weekday` of `month`: 1 the first, -1 the last;
/// std::nullopt when the month has no such day (a fifth Monday) or `ordinal`
/// is 0 or outside ±5.
///
/// Example:
///
///   carelearn::NthWeekday(absl::CivilMonth(2018, 9), absl::Weekday::wednesday, 1);
///   // absl::CivilDay(2018, 9, 5)
std::optional<absl::CivilDay> NthWeekday(absl::CivilMonth month, absl::Weekday weekday,
                                         int ordinal);

/// One occurrence of a series moved to another time (RFC 5545 RECURRENCE-ID).
struct MovedOccurrence {
  absl::CivilMinute original = {};  ///< The local start the series gives (the RECURRENCE-ID).
  absl::CivilMinute start = {};     ///< The new local start.
  /// The new duration; none keeps the series' duration.
  std::optional<absl::Duration> duration = std::nullopt;

  /// Equal when every field is.
  friend bool operator==(const MovedOccurrence&, const MovedOccurrence&) = default;
};

/// A series of occurrences in a time zone.
///
/// The series is `start` (always the first occurrence, as DTSTART in RFC
/// 5545), the starts `rule` gives, and the `rdates`, less the `exdates`; each
/// of the `moves` then puts one of those occurrences at another time. All
/// times are local civil times in `zone`. A local time that does not exist
/// (02:30 on the last Sunday of March) is read with the offset before the
/// change, i.e. 03:30 summer time; a time that happens twice (02:30 on the
/// last Sunday of October) is the first of the two, as RFC 5545 says.
///
/// Example: three seminar dates and nothing else.
///
///   carelearn::Recurrence seminars;
///   seminars.start = absl::CivilMinute(2021, 10, 26, 9, 0);
///   seminars.rdates = {absl::CivilMinute(2022, 3, 22, 9, 0), absl::CivilMinute(2022, 5, 17, 9,
///   0)}; seminars.duration = absl::Hours(6);
struct Recurrence {
  absl::CivilMinute start = {};  ///< The first occurrence's local start (DTSTART).
  absl::Duration duration =
      absl::ZeroDuration();                     ///< How long each occurrence lasts; not negative.
  absl::TimeZone zone = CopenhagenTimeZone();   ///< The zone the local times are in.
  std::optional<RRule> rule = {};               ///< The rule; none for explicit dates only.
  std::vector<absl::CivilMinute> rdates = {};   ///< Extra local starts (RDATE).
  std::vector<absl::CivilMinute> exdates = {};  ///< Local starts left out (EXDATE).
  std::vector<MovedOccurrence> moves = {};      ///< Occurrences moved (RECURRENCE-ID).

  /// Equal when every field is.
  friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

/// Checks `recurrence`: a valid rule whose UNTIL is not before the start
/// (compared as instants), a duration not negative, each move's original
/// given once.
///
/// Errors: kInvalidArgument with the message of `ValidateRRule`, or naming
/// UNTIL (`RRULE part "UNTIL=20260101T000000": UNTIL is before the start
/// 2026-03-04T14:00, …`), the duration or the move.
[[nodiscard]] absl::Status ValidateRecurrence(const Recurrence& recurrence);

/// What is allowed in `recurrence` but likely not meant, as warnings; empty
/// when nothing is.
///
/// "start-not-in-rule" (path "start"): the rule has COUNT and would not give
/// the start itself (FREQ=WEEKLY;BYDAY=MO;COUNT=4 starting on a Wednesday).
/// RFC 5545 leaves that case undefined and readers differ by one: carelearn
/// counts the start as the first of the COUNT occurrences (the start and 3
/// Mondays), where python-dateutil, for one, gives 4 Mondays.
///
/// Example:
///
///   for (const carelearn::Diagnostic& d : carelearn::CheckRecurrence(series)) {
///     std::cerr << carelearn::FormatDiagnostic(d, carelearn::Lang::kEn) << "\n";
///   }
[[nodiscard]] std::vector<Diagnostic> CheckRecurrence(const Recurrence& recurrence);

/// A half-open span of absolute time [from, to); the defaults are unbounded.
///
/// Example: the year 2026 in Copenhagen.
///
///   auto year = carelearn::TimeWindow::Days(absl::CivilDay(2026, 1, 1),
///                                           absl::CivilDay(2027, 1, 1),
///                                           carelearn::CopenhagenTimeZone());
struct TimeWindow {
  absl::Time from = absl::InfinitePast();  ///< The first instant in the window.
  absl::Time to = absl::InfiniteFuture();  ///< The first instant after the window.

  /// The window from local midnight at the start of `first` to local midnight
  /// at the start of `end` (exclusive) in `zone`.
  static TimeWindow Days(absl::CivilDay first, absl::CivilDay end, absl::TimeZone zone);

  /// True when `from <= t < to`.
  [[nodiscard]] bool Contains(absl::Time t) const { return from <= t && t < to; }

  /// Equal when both ends are.
  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

/// One occurrence of a series.
struct Occurrence {
  absl::Time start = {};               ///< When it starts.
  absl::Time end = {};                 ///< When it ends: start + duration.
  absl::CivilMinute local_start = {};  ///< `start` on the local clock.
  absl::CivilMinute local_end = {};    ///< `end` on the local clock.
  /// The local start the series gives it (its RECURRENCE-ID); differs from
  /// `local_start` when the occurrence was moved.
  absl::CivilMinute original = {};

  /// True when the occurrence was moved from where the series puts it.
  [[nodiscard]] bool moved() const { return original != local_start; }

  /// Equal when every field is.
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

/// The occurrences of `recurrence` that start in `window`, sorted by start.
///
/// A rule with neither COUNT nor UNTIL goes on for ever and is expanded only
/// within the window; starts later than 1000 years after `recurrence.start`
/// are never given. An RDATE equal to a start the rule gives is one
/// occurrence, not two; COUNT counts the rule's starts only (DTSTART among
/// them), before EXDATE takes any away, as RFC 5545 says.
///
/// Errors: those of `ValidateRecurrence`; kInvalidArgument when the rule goes
/// on for ever and the window has no end; kInvalidArgument when a move's
/// original is not an occurrence of the series.
///
/// Example:
///
///   auto all = carelearn::Expand(module_sessions);  // a COUNT=8 rule: all 8
[[nodiscard]] absl::StatusOr<std::vector<Occurrence>> Expand(const Recurrence& recurrence,
                                                             const TimeWindow& window = {});

}  // namespace carelearn

#endif  // CARELEARN_SCHEDULE_RECURRENCE_HPP_
