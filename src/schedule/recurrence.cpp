// Recurrence rules and series; see carelearn/schedule/recurrence.hpp.
#include "carelearn/schedule/recurrence.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "detail/absl_compat.hpp"
#include "schedule/recurrence_engine.hpp"
#include "schedule/zoneinfo_data.hpp"

namespace carelearn {
namespace {

using detail::Sv;

constexpr std::array<std::string_view, 7> kWeekdayCodes = {"MO", "TU", "WE", "TH",
                                                           "FR", "SA", "SU"};

constexpr std::string_view kSupportedParts =
    "carelearn reads FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL and WKST";

int WeekdayIndex(absl::Weekday weekday) { return static_cast<int>(weekday); }

int DaysInMonth(absl::CivilMonth month) {
  return static_cast<int>(absl::CivilDay(month + 1) - absl::CivilDay(month));
}

absl::Status PartError(std::string_view part, std::string_view cause) {
  return absl::InvalidArgumentError(absl::StrCat("RRULE part \"", Sv(part), "\": ", Sv(cause)));
}

std::string WeekdayNumText(const WeekdayNum& w) {
  std::string out = w.ordinal == 0 ? std::string() : absl::StrCat(w.ordinal);
  absl::StrAppend(&out, Sv(WeekdayCode(w.weekday)));
  return out;
}

std::string ByDayPart(const RRule& rule) {
  std::string out = "BYDAY=";
  for (std::size_t i = 0; i < rule.by_day.size(); ++i) {
    if (i > 0) out += ',';
    out += WeekdayNumText(rule.by_day[i]);
  }
  return out;
}

std::string ByMonthDayPart(const RRule& rule) {
  return absl::StrCat("BYMONTHDAY=", absl::StrJoin(rule.by_month_day, ","));
}

std::string UntilText(const RRuleUntil& until) {
  const absl::CivilSecond& v = until.value;
  std::string out = absl::StrFormat("%04d%02d%02d", v.year(), v.month(), v.day());
  if (until.kind != RRuleUntil::Kind::kDate) {
    absl::StrAppend(&out, absl::StrFormat("T%02d%02d%02d", v.hour(), v.minute(), v.second()));
  }
  if (until.kind == RRuleUntil::Kind::kUtc) out += 'Z';
  return out;
}

// A whole number from 1 that fits an int; std::nullopt otherwise.
std::optional<int> ParsePositive(std::string_view value) {
  if (value.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(value.front()))) {
    return std::nullopt;
  }
  int n = 0;
  if (!absl::SimpleAtoi(Sv(value), &n) || n < 1) return std::nullopt;
  return n;
}

// Digits only, exactly `size` of them.
bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

int Digits(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

absl::StatusOr<RRuleUntil> ParseUntil(std::string_view part, std::string_view value) {
  constexpr std::string_view kExpected =
      "expected a date (YYYYMMDD) or a date-time (YYYYMMDDTHHMMSS, with Z for UTC)";
  RRuleUntil until;
  std::string_view date = value.substr(0, 8);
  if (value.size() == 8) {
    until.kind = RRuleUntil::Kind::kDate;
  } else if (value.size() == 15 && value[8] == 'T') {
    until.kind = RRuleUntil::Kind::kLocal;
  } else if (value.size() == 16 && value[8] == 'T' && value[15] == 'Z') {
    until.kind = RRuleUntil::Kind::kUtc;
  } else {
    return PartError(part, kExpected);
  }
  std::string_view time = until.kind == RRuleUntil::Kind::kDate ? "000000" : value.substr(9, 6);
  if (!AllDigits(date) || !AllDigits(time)) return PartError(part, kExpected);
  const int year = Digits(date.substr(0, 4));
  const int month = Digits(date.substr(4, 2));
  const int day = Digits(date.substr(6, 2));
  const int hour = Digits(time.substr(0, 2));
  const int minute = Digits(time.substr(2, 2));
  const int second = Digits(time.substr(4, 2));
  until.value = absl::CivilSecond(year, month, day, hour, minute, second);
  // Civil times normalise (31 April becomes 1 May): a changed field means no such date.
  if (until.value.month() != month || until.value.day() != day || until.value.hour() != hour ||
      until.value.minute() != minute || until.value.second() != second) {
    return PartError(part, "no such date or time");
  }
  return until;
}

absl::StatusOr<WeekdayNum> ParseWeekdayNum(std::string_view part, std::string_view item) {
  if (item.empty()) return PartError(part, "an empty weekday in the list");
  WeekdayNum w;
  const std::size_t code_at = item.size() >= 2 ? item.size() - 2 : 0;
  const std::string_view code = item.substr(code_at);
  const std::optional<absl::Weekday> weekday = ParseWeekdayCode(code);
  if (!weekday) {
    return PartError(part, absl::StrCat("unknown weekday \"", Sv(item),
                                        "\"; expected MO, TU, WE, TH, FR, SA or SU, "
                                        "optionally after an ordinal such as 1 or -1"));
  }
  w.weekday = *weekday;
  std::string_view ordinal = item.substr(0, code_at);
  if (!ordinal.empty()) {
    bool negative = false;
    if (ordinal.front() == '+' || ordinal.front() == '-') {
      negative = ordinal.front() == '-';
      ordinal.remove_prefix(1);
    }
    if (ordinal.empty() || ordinal.size() > 2 || !AllDigits(ordinal)) {
      return PartError(part, absl::StrCat("unknown weekday \"", Sv(item),
                                          "\"; expected MO, TU, WE, TH, FR, SA or SU, "
                                          "optionally after an ordinal such as 1 or -1"));
    }
    const int n = Digits(ordinal);
    if (n < 1 || n > 5) {
      return PartError(
          part, absl::StrCat("the ordinal of \"", Sv(item), "\" must be 1 to 5 or -1 to -5"));
    }
    w.ordinal = negative ? -n : n;
  }
  return w;
}

bool IsRfcPartName(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kUnsupported = {
      "BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS"};
  return std::find(kUnsupported.begin(), kUnsupported.end(), name) != kUnsupported.end();
}

// Whether `day` (of a month with `days_in_month` days) is one of `by_month_day`.
bool MatchesMonthDay(const std::vector<int>& by_month_day, int day, int days_in_month) {
  for (int v : by_month_day) {
    if ((v > 0 ? v : days_in_month + 1 + v) == day) return true;
  }
  return false;
}

// Whether `day` (a CivilDay of a month) matches one entry of `by_day`.
bool MatchesByDay(const std::vector<WeekdayNum>& by_day, absl::CivilDay day, int days_in_month) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  for (const WeekdayNum& w : by_day) {
    if (w.weekday != weekday) continue;
    if (w.ordinal == 0) return true;
    const int nth = w.ordinal > 0 ? (day.day() - 1) / 7 + 1 : (days_in_month - day.day()) / 7 + 1;
    if (nth == std::abs(w.ordinal)) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<absl::TimeZone> LoadCopenhagenTimeZone() {
  absl::TimeZone zone;
  // Referencing the hook links it (and the embedded zone) into every program
  // that plans in Europe/Copenhagen.
  const bool embedded = detail::EmbeddedZoneinfoHookInstalled();
  if (!absl::LoadTimeZone(Sv(kCopenhagenZoneName), &zone)) {
    return absl::NotFoundError(
        absl::StrCat("time zone \"", Sv(kCopenhagenZoneName), "\" is not in the system's tzdata",
                     embedded ? " nor embedded in carelearn"
                              : " and carelearn was built without CARELEARN_EMBED_TZDATA",
                     "; install the tzdata package"));
  }
  return zone;
}

std::string_view EmbeddedTzdataVersion() {
  if (!detail::EmbeddedZoneinfoHookInstalled() || detail::EmbeddedZones().empty()) return {};
  const std::string_view version = detail::EmbeddedZoneinfoVersion();
  return version.empty() ? std::string_view("unknown") : version;
}

absl::TimeZone CopenhagenTimeZone() {
  static const absl::TimeZone zone = [] {
    absl::StatusOr<absl::TimeZone> loaded = LoadCopenhagenTimeZone();
    return loaded.ok() ? *loaded : absl::UTCTimeZone();
  }();
  return zone;
}

std::string_view WeekdayCode(absl::Weekday weekday) {
  return kWeekdayCodes[static_cast<std::size_t>(WeekdayIndex(weekday))];
}

std::optional<absl::Weekday> ParseWeekdayCode(std::string_view code) {
  for (std::size_t i = 0; i < kWeekdayCodes.size(); ++i) {
    if (absl::EqualsIgnoreCase(Sv(code), Sv(kWeekdayCodes[i]))) {
      return static_cast<absl::Weekday>(i);
    }
  }
  return std::nullopt;
}

absl::Status ValidateRRule(const RRule& rule) {
  if (rule.interval < 1) {
    return PartError(absl::StrCat("INTERVAL=", rule.interval),
                     "INTERVAL must be a whole number from 1");
  }
  if (rule.count && *rule.count < 1) {
    return PartError(absl::StrCat("COUNT=", *rule.count), "COUNT must be a whole number from 1");
  }
  for (const WeekdayNum& w : rule.by_day) {
    if (w.ordinal < -5 || w.ordinal > 5) {
      return PartError(ByDayPart(rule), absl::StrCat("the ordinal of \"", WeekdayNumText(w),
                                                     "\" must be 1 to 5 or -1 to -5"));
    }
    if (w.ordinal != 0 && rule.frequency != Frequency::kMonthly) {
      return PartError(ByDayPart(rule),
                       absl::StrCat("a weekday with an ordinal (\"", WeekdayNumText(w),
                                    "\") needs FREQ=MONTHLY; this rule is FREQ=",
                                    Sv(FrequencyName(rule.frequency))));
    }
  }
  for (int d : rule.by_month_day) {
    if (d == 0 || d < -31 || d > 31) {
      return PartError(ByMonthDayPart(rule),
                       absl::StrCat("day ", d, " must be 1 to 31 or -1 to -31"));
    }
  }
  if (!rule.by_month_day.empty() && rule.frequency == Frequency::kWeekly) {
    return PartError(ByMonthDayPart(rule), "BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
  }
  if (rule.count && rule.until) {
    return PartError(absl::StrCat("COUNT=", *rule.count),
                     absl::StrCat("COUNT and UNTIL=", UntilText(*rule.until),
                                  " cannot both be given (RFC 5545)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<RRule> ParseRRule(std::string_view text) {
  std::string_view body = text;
  if (body.size() >= 6 && absl::EqualsIgnoreCase(Sv(body.substr(0, 6)), "RRULE:")) {
    body.remove_prefix(6);
  }
  if (body.empty()) {
    return absl::InvalidArgumentError(
        "RRULE is empty; expected at least FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY");
  }
  RRule rule;
  bool has_freq = false;
  std::vector<std::string> seen;
  for (absl::string_view piece : absl::StrSplit(Sv(body), ';')) {
    const std::string_view part = Sv(piece);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return PartError(part, "expected NAME=VALUE");
    }
    const std::string name = absl::AsciiStrToUpper(Sv(part.substr(0, eq)));
    const std::string value = absl::AsciiStrToUpper(Sv(part.substr(eq + 1)));
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      return PartError(part, absl::StrCat(name, " is given more than once"));
    }
    seen.push_back(name);
    if (name == "FREQ") {
      if (value == "DAILY") {
        rule.frequency = Frequency::kDaily;
      } else if (value == "WEEKLY") {
        rule.frequency = Frequency::kWeekly;
      } else if (value == "MONTHLY") {
        rule.frequency = Frequency::kMonthly;
      } else if (value == "SECONDLY" || value == "MINUTELY" || value == "HOURLY" ||
                 value == "YEARLY") {
        return PartError(part, "frequency not supported; expected DAILY, WEEKLY or MONTHLY");
      } else {
        return PartError(part, "unknown frequency; expected DAILY, WEEKLY or MONTHLY");
      }
      has_freq = true;
    } else if (name == "INTERVAL") {
      const std::optional<int> n = ParsePositive(value);
      if (!n) return PartError(part, "INTERVAL must be a whole number from 1");
      rule.interval = *n;
    } else if (name == "COUNT") {
      const std::optional<int> n = ParsePositive(value);
      if (!n) return PartError(part, "COUNT must be a whole number from 1");
      rule.count = *n;
    } else if (name == "BYDAY") {
      for (absl::string_view item : absl::StrSplit(value, ',')) {
        absl::StatusOr<WeekdayNum> w = ParseWeekdayNum(part, Sv(item));
        if (!w.ok()) return w.status();
        rule.by_day.push_back(*w);
      }
    } else if (name == "BYMONTHDAY") {
      for (absl::string_view item : absl::StrSplit(value, ',')) {
        int d = 0;
        if (item.empty() || !absl::SimpleAtoi(item, &d)) {
          return PartError(part, absl::StrCat("\"", item, "\" is not a day of the month"));
        }
        if (d == 0 || d < -31 || d > 31) {
          return PartError(part, absl::StrCat("day ", d, " must be 1 to 31 or -1 to -31"));
        }
        rule.by_month_day.push_back(d);
      }
    } else if (name == "UNTIL") {
      absl::StatusOr<RRuleUntil> until = ParseUntil(part, value);
      if (!until.ok()) return until.status();
      rule.until = *until;
    } else if (name == "WKST") {
      const std::optional<absl::Weekday> w = ParseWeekdayCode(value);
      if (!w) {
        return PartError(part, absl::StrCat("unknown weekday \"", value,
                                            "\"; expected MO, TU, WE, TH, FR, SA or SU"));
      }
      rule.week_start = *w;
    } else if (IsRfcPartName(name)) {
      return PartError(part, absl::StrCat("not supported; ", Sv(kSupportedParts)));
    } else {
      return PartError(part, absl::StrCat("unknown name \"", name, "\"; ", Sv(kSupportedParts)));
    }
  }
  if (!has_freq) {
    return absl::InvalidArgumentError(
        absl::StrCat("RRULE \"", Sv(text), "\": FREQ is required (DAILY, WEEKLY or MONTHLY)"));
  }
  if (absl::Status valid = ValidateRRule(rule); !valid.ok()) return valid;
  return rule;
}

std::string ToString(const RRule& rule) {
  std::string out = absl::StrCat("FREQ=", Sv(FrequencyName(rule.frequency)));
  if (rule.interval != 1) absl::StrAppend(&out, ";INTERVAL=", rule.interval);
  if (!rule.by_day.empty()) absl::StrAppend(&out, ";", ByDayPart(rule));
  if (!rule.by_month_day.empty()) absl::StrAppend(&out, ";", ByMonthDayPart(rule));
  if (rule.count) absl::StrAppend(&out, ";COUNT=", *rule.count);
  if (rule.until) absl::StrAppend(&out, ";UNTIL=", UntilText(*rule.until));
  if (rule.week_start != absl::Weekday::monday) {
    absl::StrAppend(&out, ";WKST=", Sv(WeekdayCode(rule.week_start)));
  }
  return out;
}

absl::StatusOr<RRule> RRuleFromCadence(const Cadence& cadence) {
  if (cadence.interval < 1) {
    return absl::InvalidArgumentError(absl::StrCat("cadence every ", cadence.interval, " ",
                                                   Sv(PeriodName(cadence.unit)),
                                                   ": the interval must be at least 1"));
  }
  if (cadence.count && *cadence.count < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("cadence count ", *cadence.count, ": the count must be at least 1"));
  }
  RRule rule;
  rule.interval = cadence.interval;
  switch (cadence.unit) {
    case Period::kDay:
      rule.frequency = Frequency::kDaily;
      break;
    case Period::kWeek:
      rule.frequency = Frequency::kWeekly;
      break;
    case Period::kMonth:
      rule.frequency = Frequency::kMonthly;
      break;
    case Period::kYear:
      if (cadence.interval > INT_MAX / 12) {
        return absl::InvalidArgumentError(absl::StrCat(
            "cadence every ", cadence.interval, " year: too many months for an RRULE INTERVAL"));
      }
      rule.frequency = Frequency::kMonthly;
      rule.interval = cadence.interval * 12;
      break;
  }
  rule.count = cadence.count;
  return rule;
}

std::optional<absl::CivilDay> NthWeekday(absl::CivilMonth month, absl::Weekday weekday,
                                         int ordinal) {
  if (ordinal == 0 || ordinal < -5 || ordinal > 5) return std::nullopt;
  const int dim = DaysInMonth(month);
  int day = 0;
  if (ordinal > 0) {
    const int first = WeekdayIndex(absl::GetWeekday(absl::CivilDay(month)));
    day = 1 + (WeekdayIndex(weekday) - first + 7) % 7 + 7 * (ordinal - 1);
  } else {
    const absl::CivilDay last(month.year(), month.month(), dim);
    const int last_index = WeekdayIndex(absl::GetWeekday(last));
    day = dim - (last_index - WeekdayIndex(weekday) + 7) % 7 - 7 * (-ordinal - 1);
  }
  if (day < 1 || day > dim) return std::nullopt;
  return absl::CivilDay(month.year(), month.month(), day);
}

absl::Status ValidateRecurrence(const Recurrence& recurrence) {
  if (recurrence.rule) {
    if (absl::Status s = ValidateRRule(*recurrence.rule); !s.ok()) return s;
    if (recurrence.rule->until) {
      const RRuleUntil& u = *recurrence.rule->until;
      const absl::TimeZone& zone = recurrence.zone;
      bool before = false;
      switch (u.kind) {
        case RRuleUntil::Kind::kDate:
          before = absl::CivilDay(u.value) < absl::CivilDay(recurrence.start);
          break;
        case RRuleUntil::Kind::kLocal:
          before = zone.At(u.value).pre < detail::LocalToTime(recurrence.start, zone);
          break;
        case RRuleUntil::Kind::kUtc:
          before = absl::FromCivil(u.value, absl::UTCTimeZone()) <
                   detail::LocalToTime(recurrence.start, zone);
          break;
      }
      if (before) {
        return PartError(
            absl::StrCat("UNTIL=", UntilText(u)),
            absl::StrCat("UNTIL is before the start ", absl::FormatCivilTime(recurrence.start),
                         ", which is always the first occurrence; the series "
                         "would be the start alone"));
      }
    }
  }
  if (recurrence.duration < absl::ZeroDuration() ||
      recurrence.duration == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(absl::StrCat("recurrence duration ",
                                                   absl::FormatDuration(recurrence.duration),
                                                   ": must be finite and not negative"));
  }
  for (std::size_t i = 0; i < recurrence.moves.size(); ++i) {
    const MovedOccurrence& move = recurrence.moves[i];
    if (move.duration &&
        (*move.duration < absl::ZeroDuration() || *move.duration == absl::InfiniteDuration())) {
      return absl::InvalidArgumentError(absl::StrCat("moves[", i, "] duration ",
                                                     absl::FormatDuration(*move.duration),
                                                     ": must be finite and not negative"));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (recurrence.moves[j].original == move.original) {
        return absl::InvalidArgumentError(absl::StrCat("moves[", i, "]: the occurrence ",
                                                       absl::FormatCivilTime(move.original),
                                                       " is already moved by moves[", j, "]"));
      }
    }
  }
  return absl::OkStatus();
}

namespace {

// Whether `rule` itself gives `start` (its BYDAY and BYMONTHDAY accept the day).
bool RuleGivesStart(const RRule& rule, absl::CivilMinute start) {
  const absl::CivilDay day(start);
  const int dim = DaysInMonth(absl::CivilMonth(day));
  const bool by_day = rule.by_day.empty() || MatchesByDay(rule.by_day, day, dim);
  const bool by_month_day =
      rule.by_month_day.empty() || MatchesMonthDay(rule.by_month_day, day.day(), dim);
  return by_day && by_month_day;
}

}  // namespace

std::vector<Diagnostic> CheckRecurrence(const Recurrence& recurrence) {
  std::vector<Diagnostic> found;
  if (!recurrence.rule || !recurrence.rule->count) return found;
  const RRule& rule = *recurrence.rule;
  if (RuleGivesStart(rule, recurrence.start)) return found;
  const int count = *rule.count;
  const std::string start = absl::FormatCivilTime(recurrence.start);
  const std::string text = ToString(rule);
  Diagnostic d;
  d.severity = Severity::kWarning;
  d.code = "start-not-in-rule";
  d.path = "start";
  d.message = {absl::StrCat("starten ", start, " er ikke en, reglen ", text,
                            " selv giver; carelearn tæller den som den første af de ", count,
                            " (RFC 5545), så reglen giver ", count - 1,
                            " til, hvor nogle kalenderprogrammer giver ", count),
               absl::StrCat("the start ", start, " is not one the rule ", text,
                            " gives itself; carelearn counts it as the first of the ", count,
                            " (RFC 5545), so the rule gives ", count - 1,
                            " more, where some calendar "
                            "programs give ",
                            count)};
  found.push_back(std::move(d));
  return found;
}

TimeWindow TimeWindow::Days(absl::CivilDay first, absl::CivilDay end, absl::TimeZone zone) {
  return {zone.At(absl::CivilSecond(first)).pre, zone.At(absl::CivilSecond(end)).pre};
}

absl::StatusOr<std::vector<Occurrence>> Expand(const Recurrence& recurrence,
                                               const TimeWindow& window) {
  absl::StatusOr<CalendarExpansion> expanded =
      detail::ExpandSeries(recurrence, window, detail::SeriesOptions{});
  if (!expanded.ok()) return expanded.status();
  return std::move(expanded->occurrences);
}

namespace detail {
namespace {

// A rule prepared for fast generation.
struct PreparedRule {
  std::array<bool, 7> weekdays{};  // BYDAY weekdays (ordinal 0), for DAILY filters
  std::vector<int> week_offsets;   // WEEKLY: days after the week's start, ascending
};

}  // namespace

absl::Time LocalToTime(absl::CivilMinute local, const absl::TimeZone& zone) {
  return zone.At(absl::CivilSecond(local)).pre;
}

absl::CivilMinute OffsetSpan::LocalEnd(const absl::TimeZone& zone, absl::Time start,
                                       absl::CivilMinute local_start, absl::Time end) {
  const absl::Duration length = end - start;
  if (length % absl::Minutes(1) != absl::ZeroDuration()) {
    return absl::CivilMinute(zone.At(end).cs);
  }
  if (start < from_ || end >= to_) {
    absl::TimeZone::CivilTransition change;
    from_ = start;
    to_ = zone.NextTransition(start, &change) ? zone.At(change.to).trans : absl::InfiniteFuture();
    if (end >= to_) return absl::CivilMinute(zone.At(end).cs);
  }
  // No change of offset between start and end: the local clock moves as time does.
  return local_start + absl::ToInt64Minutes(length);
}

Occurrence MakeOccurrence(absl::CivilMinute local, absl::CivilMinute original,
                          absl::Duration duration, const absl::TimeZone& zone, OffsetSpan* span) {
  Occurrence o;
  const absl::TimeZone::TimeInfo info = zone.At(absl::CivilSecond(local));
  o.start = info.pre;
  o.local_start = info.kind == absl::TimeZone::TimeInfo::SKIPPED
                      ? absl::CivilMinute(zone.At(o.start).cs)
                      : local;
  o.end = o.start + duration;
  if (duration == absl::ZeroDuration()) {
    o.local_end = o.local_start;
  } else if (span != nullptr && info.kind == absl::TimeZone::TimeInfo::UNIQUE) {
    o.local_end = span->LocalEnd(zone, o.start, o.local_start, o.end);
  } else {
    o.local_end = absl::CivilMinute(zone.At(o.end).cs);
  }
  o.original = original;
  return o;
}

std::int64_t ForEachRuleStart(const RRule* rule, absl::CivilMinute dtstart,
                              const absl::TimeZone& zone, absl::CivilDay first, absl::CivilDay last,
                              bool apply_count, absl::FunctionRef<bool(absl::CivilMinute)> visit) {
  const absl::CivilDay d0(dtstart);
  const absl::CivilDay horizon = absl::CivilDay(d0.year() + kHorizonYears, 1, 1) - 1;
  last = std::min(last, horizon);

  // UNTIL, as a bound on the local day and as an exact test.
  absl::Time until_time = absl::InfiniteFuture();
  if (rule != nullptr && rule->until) {
    const RRuleUntil& u = *rule->until;
    switch (u.kind) {
      case RRuleUntil::Kind::kDate:
        last = std::min(last, absl::CivilDay(u.value));
        break;
      case RRuleUntil::Kind::kLocal:
        // Compared as instants: 02:30 on the day summer time begins happens
        // at 03:30, after a local UNTIL of 03:00 (RFC 5545 3.3.5).
        until_time = zone.At(u.value).pre;
        last = std::min(last, absl::CivilDay(u.value));
        break;
      case RRuleUntil::Kind::kUtc:
        until_time = absl::FromCivil(u.value, absl::UTCTimeZone());
        last = std::min(last, absl::CivilDay(zone.At(until_time).cs) + 1);
        break;
    }
  }
  const auto within_until = [&](absl::CivilMinute m) {
    if (rule == nullptr || !rule->until) return true;
    switch (rule->until->kind) {
      case RRuleUntil::Kind::kDate:
        return absl::CivilDay(m) <= absl::CivilDay(rule->until->value);
      case RRuleUntil::Kind::kLocal:
      case RRuleUntil::Kind::kUtc:
        return LocalToTime(m, zone) <= until_time;
    }
    return true;
  };

  std::int64_t generated = 0;
  const std::int64_t limit =
      (apply_count && rule != nullptr && rule->count) ? *rule->count : INT64_MAX;
  const int hour = dtstart.hour();
  const int minute = dtstart.minute();
  // Offers the start on `d`; false when generation is to stop.
  const auto offer = [&](absl::CivilDay d) {
    if (d > last) return false;
    const absl::CivilMinute m(d.year(), d.month(), d.day(), hour, minute);
    if (generated > 0 && !within_until(m)) return false;
    ++generated;
    if (d >= first && !visit(m)) return false;
    return generated < limit;
  };

  if (!offer(d0) || rule == nullptr) return generated;

  // Without COUNT nothing needs counting: skip whole periods before `first`.
  const bool may_jump = !rule->count && first > d0;
  const std::int64_t interval = rule->interval;

  switch (rule->frequency) {
    case Frequency::kDaily: {
      PreparedRule p;
      for (const WeekdayNum& w : rule->by_day) {
        p.weekdays[static_cast<std::size_t>(WeekdayIndex(w.weekday))] = true;
      }
      const std::int64_t k0 = may_jump ? std::max<std::int64_t>(0, (first - d0) / interval - 1) : 0;
      // Stepped, not recomputed: adding a small number of days is cheap, a large one is not.
      absl::CivilDay d = d0 + k0 * interval;
      for (;; d += interval) {
        if (d > last) break;
        if (d <= d0) continue;
        if (!rule->by_day.empty() &&
            !p.weekdays[static_cast<std::size_t>(WeekdayIndex(absl::GetWeekday(d)))]) {
          continue;
        }
        if (!rule->by_month_day.empty() &&
            !MatchesMonthDay(rule->by_month_day, d.day(), DaysInMonth(absl::CivilMonth(d)))) {
          continue;
        }
        if (!offer(d)) break;
      }
      break;
    }
    case Frequency::kWeekly: {
      PreparedRule p;
      const int wkst = WeekdayIndex(rule->week_start);
      if (rule->by_day.empty()) {
        p.week_offsets.push_back((WeekdayIndex(absl::GetWeekday(d0)) - wkst + 7) % 7);
      } else {
        for (const WeekdayNum& w : rule->by_day) {
          p.week_offsets.push_back((WeekdayIndex(w.weekday) - wkst + 7) % 7);
        }
        std::sort(p.week_offsets.begin(), p.week_offsets.end());
        p.week_offsets.erase(std::unique(p.week_offsets.begin(), p.week_offsets.end()),
                             p.week_offsets.end());
      }
      const absl::CivilDay week0 = d0 - (WeekdayIndex(absl::GetWeekday(d0)) - wkst + 7) % 7;
      const std::int64_t k0 =
          may_jump ? std::max<std::int64_t>(0, ((first - week0) / 7) / interval - 1) : 0;
      absl::CivilDay week = week0 + k0 * 7 * interval;
      for (;; week += 7 * interval) {
        if (week > last) return generated;
        for (int offset : p.week_offsets) {
          const absl::CivilDay d = week + offset;
          if (d <= d0) continue;
          if (!offer(d)) return generated;
        }
      }
    }
    case Frequency::kMonthly: {
      const absl::CivilMonth month0(d0);
      const std::int64_t k0 =
          may_jump ? std::max<std::int64_t>(0, (absl::CivilMonth(first) - month0) / interval - 1)
                   : 0;
      std::array<bool, 32> days{};
      absl::CivilMonth month = month0 + k0 * interval;
      for (;; month += interval) {
        if (absl::CivilDay(month) > last) return generated;
        const int dim = DaysInMonth(month);
        days.fill(false);
        if (!rule->by_month_day.empty()) {
          for (int v : rule->by_month_day) {
            const int day = v > 0 ? v : dim + 1 + v;
            if (day < 1 || day > dim) continue;
            if (!rule->by_day.empty() &&
                !MatchesByDay(rule->by_day, absl::CivilDay(month.year(), month.month(), day),
                              dim)) {
              continue;
            }
            days[static_cast<std::size_t>(day)] = true;
          }
        } else if (!rule->by_day.empty()) {
          for (const WeekdayNum& w : rule->by_day) {
            if (w.ordinal != 0) {
              if (std::optional<absl::CivilDay> d = NthWeekday(month, w.weekday, w.ordinal)) {
                days[static_cast<std::size_t>(d->day())] = true;
              }
              continue;
            }
            const std::optional<absl::CivilDay> d = NthWeekday(month, w.weekday, 1);
            for (int day = d->day(); day <= dim; day += 7) {
              days[static_cast<std::size_t>(day)] = true;
            }
          }
        } else if (d0.day() <= dim) {
          days[static_cast<std::size_t>(d0.day())] = true;
        }
        for (int day = 1; day <= dim; ++day) {
          if (!days[static_cast<std::size_t>(day)]) continue;
          const absl::CivilDay d(month.year(), month.month(), day);
          if (d <= d0) continue;
          if (!offer(d)) return generated;
        }
      }
    }
  }
  return generated;
}

absl::StatusOr<CalendarExpansion> ExpandSeries(const Recurrence& recurrence,
                                               const TimeWindow& window,
                                               const SeriesOptions& options) {
  if (absl::Status s = ValidateRecurrence(recurrence); !s.ok()) return s;
  const RRule* rule = recurrence.rule ? &*recurrence.rule : nullptr;
  const bool endless = rule != nullptr && !rule->count && !rule->until;
  if (endless && window.to == absl::InfiniteFuture()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "RRULE \"", ToString(*rule),
        "\" has neither COUNT nor UNTIL: it can only be expanded within a window that ends"));
  }
  const absl::TimeZone& zone = recurrence.zone;
  const ClosedDayPolicy policy =
      options.calendar == nullptr ? ClosedDayPolicy::kKeep : options.policy;
  const bool count_held = options.count_held && rule != nullptr && rule->count;

  // Local times are matched as the instants they are (RFC 5545 3.3.5): a
  // time in the gap when summer time begins (02:30) is the instant of the
  // time an hour later (03:30), so an EXDATE, RDATE or RECURRENCE-ID at
  // either names the same occurrence. `Key` gives the local time that is
  // shown at the instant; only series with such lists pay for the lookup.
  const bool keyed =
      !recurrence.exdates.empty() || !recurrence.rdates.empty() || !recurrence.moves.empty();
  const auto key = [&](absl::CivilMinute m) {
    if (!keyed) return m;
    const absl::TimeZone::TimeInfo info = zone.At(absl::CivilSecond(m));
    return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? absl::CivilMinute(zone.At(info.pre).cs)
                                                          : m;
  };
  std::vector<absl::CivilMinute> exdates;
  exdates.reserve(recurrence.exdates.size());
  for (const absl::CivilMinute& e : recurrence.exdates) exdates.push_back(key(e));
  std::sort(exdates.begin(), exdates.end());
  std::vector<absl::CivilMinute> moved;
  moved.reserve(recurrence.moves.size());
  for (const MovedOccurrence& m : recurrence.moves) moved.push_back(key(m.original));
  std::sort(moved.begin(), moved.end());
  const auto contains = [&](const std::vector<absl::CivilMinute>& sorted, absl::CivilMinute m) {
    return std::binary_search(sorted.begin(), sorted.end(), key(m));
  };

  // The local days whose starts can end up in the window: a start moved to
  // the next working day may come from before it.
  const absl::CivilDay d0(recurrence.start);
  const int reach = policy == ClosedDayPolicy::kMoveToNextWorkingDay
                        ? options.calendar->LongestClosure() + 14
                        : 0;
  absl::CivilDay first = d0;
  for (const absl::CivilMinute& r : recurrence.rdates) first = std::min(first, absl::CivilDay(r));
  if (window.from != absl::InfinitePast()) {
    first = std::max(first, absl::CivilDay(zone.At(window.from).cs) - 1 - reach);
  }
  absl::CivilDay last = absl::CivilDay(d0.year() + kHorizonYears, 1, 1);
  for (const absl::CivilMinute& r : recurrence.rdates) last = std::max(last, absl::CivilDay(r));
  if (window.to != absl::InfiniteFuture()) {
    last = std::min(last, absl::CivilDay(zone.At(window.to).cs) + 1);
  }

  const auto closed = [&](absl::CivilDay day) {
    return policy != ClosedDayPolicy::kKeep && options.calendar->IsClosed(day);
  };

  // The rule's starts on the days of interest.
  std::vector<absl::CivilMinute> starts;
  std::int64_t held = 0;
  const std::int64_t wanted = count_held ? *rule->count : 0;
  const absl::CivilDay gen_first = count_held ? d0 : first;
  const std::int64_t generated = ForEachRuleStart(
      rule, recurrence.start, zone, gen_first, count_held ? absl::CivilDay::max() : last,
      !count_held, [&](absl::CivilMinute m) {
        const absl::CivilDay day(m);
        if (day >= first && day <= last) starts.push_back(m);
        if (!count_held) return true;
        const bool is_held =
            !contains(exdates, m) &&
            (contains(moved, m) || policy != ClosedDayPolicy::kSkip || !closed(day));
        if (is_held) ++held;
        return held < wanted;
      });

  // The RDATEs join the rule's starts; one instant is one occurrence (the
  // rule's start, or the first RDATE, names it).
  if (!recurrence.rdates.empty()) {
    std::vector<std::pair<absl::CivilMinute, absl::CivilMinute>> keyed_starts;  // key, start
    keyed_starts.reserve(starts.size() + recurrence.rdates.size());
    for (const absl::CivilMinute& m : starts) keyed_starts.emplace_back(key(m), m);
    for (const absl::CivilMinute& m : recurrence.rdates) keyed_starts.emplace_back(key(m), m);
    std::stable_sort(keyed_starts.begin(), keyed_starts.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // Stable: among starts at one instant the rule's comes first and stays.
    keyed_starts.erase(std::unique(keyed_starts.begin(), keyed_starts.end(),
                                   [](const auto& a, const auto& b) { return a.first == b.first; }),
                       keyed_starts.end());
    starts.clear();
    for (const auto& [k, m] : keyed_starts) starts.push_back(m);
  }

  CalendarExpansion out;
  out.occurrences.reserve(starts.size() + recurrence.moves.size());
  OffsetSpan span;
  for (const absl::CivilMinute& start : starts) {
    if (contains(exdates, start) || contains(moved, start)) continue;
    const absl::CivilDay day(start);
    if (closed(day)) {
      if (policy == ClosedDayPolicy::kSkip) {
        if (window.from == absl::InfinitePast() || window.Contains(LocalToTime(start, zone))) {
          out.skipped.push_back(start);
        }
        continue;
      }
      const std::optional<absl::CivilDay> next = options.calendar->NextWorkingDay(day);
      if (!next) {
        return absl::InvalidArgumentError(
            absl::StrCat("the occurrence at ", absl::FormatCivilTime(start),
                         " falls on a closed day and no working day follows within ten years"));
      }
      const absl::CivilMinute local(next->year(), next->month(), next->day(), start.hour(),
                                    start.minute());
      Occurrence o = MakeOccurrence(local, start, recurrence.duration, zone, &span);
      if (window.Contains(o.start)) out.occurrences.push_back(o);
      continue;
    }
    Occurrence o = MakeOccurrence(start, start, recurrence.duration, zone, &span);
    if (window.Contains(o.start)) out.occurrences.push_back(o);
  }

  // Moves (RECURRENCE-ID): the original must be an occurrence of the series.
  for (const MovedOccurrence& move : recurrence.moves) {
    const absl::CivilMinute original = key(move.original);
    bool member = original == key(recurrence.start) ||
                  std::any_of(recurrence.rdates.begin(), recurrence.rdates.end(),
                              [&](absl::CivilMinute r) { return key(r) == original; });
    if (!member && rule != nullptr) {
      const absl::CivilDay day(move.original);
      ForEachRuleStart(rule, recurrence.start, zone, day - 1, day + 1, !count_held,
                       [&](absl::CivilMinute m) {
                         if (key(m) == original) member = true;
                         return !member;
                       });
    }
    if (!member) {
      return absl::InvalidArgumentError(
          absl::StrCat("RECURRENCE-ID ", absl::FormatCivilTime(move.original),
                       ": the series has no occurrence starting then, so it cannot be moved"));
    }
    if (contains(exdates, move.original)) continue;
    Occurrence o = MakeOccurrence(move.start, move.original,
                                  move.duration.value_or(recurrence.duration), zone);
    if (window.Contains(o.start)) out.occurrences.push_back(o);
  }

  const auto earlier = [](const Occurrence& a, const Occurrence& b) {
    return a.start != b.start ? a.start < b.start : a.original < b.original;
  };
  if (!std::is_sorted(out.occurrences.begin(), out.occurrences.end(), earlier)) {
    std::sort(out.occurrences.begin(), out.occurrences.end(), earlier);
  }
  if (count_held) out.rule_count = static_cast<int>(generated);
  return out;
}

}  // namespace detail
}  // namespace carelearn
