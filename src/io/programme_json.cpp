// The "programme/1" document (carelearn/io/programme_json.hpp): reading with
// the shared, located reader of json_reader.hpp, then checking that the
// programme holds together (ids, parents, references), and writing in
// canonical key order. docs/schedule.md describes the document.
#include "carelearn/io/programme_json.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/schedule/recurrence.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"

namespace carelearn {
namespace detail {
namespace {

constexpr std::string_view kProgrammeKind = "programme";
constexpr int kProgrammeVersion = 1;
constexpr int kFirstYear = 1583;  // the Gregorian computus of the holidays holds from here
constexpr int kLastYear = 9999;   // four digits
constexpr std::int64_t kLongestDurationSeconds = std::int64_t{366} * 24 * 3600;
constexpr std::size_t kLongestZoneName = 64;

// --- Names --------------------------------------------------------------------------------

// A frequency as a programme document spells it: "daily", "weekly", "monthly"
// (FrequencyName in lower case); "" for a value outside the enumeration.
std::string_view FrequencyKey(Frequency frequency) {
  switch (frequency) {
    case Frequency::kDaily:
      return "daily";
    case Frequency::kWeekly:
      return "weekly";
    case Frequency::kMonthly:
      return "monthly";
  }
  return {};
}

// Which holidays a document's calendar closes.
enum class HolidaySet { kDanish, kDanishAndCommonDaysOff, kNone };

std::string_view HolidaySetName(HolidaySet set) {
  switch (set) {
    case HolidaySet::kDanish:
      return "danish";
    case HolidaySet::kDanishAndCommonDaysOff:
      return "danish-and-common-days-off";
    case HolidaySet::kNone:
      return "none";
  }
  return {};
}

HolidaySet HolidaysOf(const WorkCalendar& calendar) {
  if (!calendar.danish_holidays()) return HolidaySet::kNone;
  return calendar.common_days_off() ? HolidaySet::kDanishAndCommonDaysOff : HolidaySet::kDanish;
}

WorkCalendar CalendarWith(HolidaySet set) {
  switch (set) {
    case HolidaySet::kDanish:
      return WorkCalendar();
    case HolidaySet::kDanishAndCommonDaysOff:
      return WorkCalendar(true);
    case HolidaySet::kNone:
      return WorkCalendar::WithoutHolidays();
  }
  return WorkCalendar();
}

// --- Dates, times, durations ------------------------------------------------------------

// The `n` decimal digits of `text` from `from`, or -1.
int DigitsAt(std::string_view text, std::size_t from, std::size_t n) {
  if (from + n > text.size()) return -1;
  int value = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The forms a date and time is written in.
enum class TimeForm {
  kDay,         // YYYY-MM-DD
  kMinute,      // YYYY-MM-DDTHH:MM
  kSecond,      // YYYY-MM-DDTHH:MM:SS
  kSecondZulu,  // YYYY-MM-DDTHH:MM:SSZ
};

// Reads `text` in one of the forms; std::nullopt when it does not have the
// form's shape. Fields are not yet checked for range.
struct CivilFields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

std::optional<CivilFields> SplitTime(std::string_view text, TimeForm form) {
  static constexpr std::array<std::size_t, 4> kLengths{10, 16, 19, 20};
  if (text.size() != kLengths[static_cast<std::size_t>(form)]) return std::nullopt;
  CivilFields f;
  f.year = DigitsAt(text, 0, 4);
  f.month = DigitsAt(text, 5, 2);
  f.day = DigitsAt(text, 8, 2);
  if (f.year < 0 || f.month < 0 || f.day < 0 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  if (form == TimeForm::kDay) return f;
  f.hour = DigitsAt(text, 11, 2);
  f.minute = DigitsAt(text, 14, 2);
  if (text[10] != 'T' || text[13] != ':' || f.hour < 0 || f.minute < 0) return std::nullopt;
  if (form == TimeForm::kMinute) return f;
  f.second = DigitsAt(text, 17, 2);
  if (text[16] != ':' || f.second < 0) return std::nullopt;
  if (form == TimeForm::kSecondZulu && text[19] != 'Z') return std::nullopt;
  return f;
}

// Checks the fields' ranges: a real date and time in the years carelearn plans in.
absl::Status CheckFields(const Reader& r, const Node& node, const Path& path,
                         const CivilFields& f) {
  if (f.year < kFirstYear || f.year > kLastYear) {
    return r.Error(node, path,
                   absl::StrCat("the year ", f.year, " is outside the years ", kFirstYear, " to ",
                                kLastYear, " that carelearn plans in"));
  }
  const absl::CivilSecond t(f.year, f.month, f.day, f.hour, f.minute, f.second);
  if (t.month() != f.month || t.day() != f.day || t.hour() != f.hour || t.minute() != f.minute ||
      t.second() != f.second) {
    return r.Error(node, path,
                   absl::StrCat("no such date or time: ", QuoteForMessage(node.string)));
  }
  return absl::OkStatus();
}

absl::Status ReadMinute(const Reader& r, const Node& node, const Path& path,
                        absl::CivilMinute& out) {
  static constexpr std::string_view kWhat =
      "a local date and time \"YYYY-MM-DDTHH:MM\" such as \"2026-03-04T14:00\"";
  if (node.kind != Node::Kind::kString) return r.Expected(node, path, kWhat);
  const std::optional<CivilFields> f = SplitTime(node.string, TimeForm::kMinute);
  if (!f) return r.Expected(node, path, kWhat);
  CARELEARN_RETURN_IF_ERROR(CheckFields(r, node, path, *f));
  out = absl::CivilMinute(f->year, f->month, f->day, f->hour, f->minute);
  return absl::OkStatus();
}

absl::Status ReadDay(const Reader& r, const Node& node, const Path& path, absl::CivilDay& out) {
  static constexpr std::string_view kWhat = "a date \"YYYY-MM-DD\" such as \"2026-07-06\"";
  if (node.kind != Node::Kind::kString) return r.Expected(node, path, kWhat);
  const std::optional<CivilFields> f = SplitTime(node.string, TimeForm::kDay);
  if (!f) return r.Expected(node, path, kWhat);
  CARELEARN_RETURN_IF_ERROR(CheckFields(r, node, path, *f));
  out = absl::CivilDay(f->year, f->month, f->day);
  return absl::OkStatus();
}

// An RRULE UNTIL in ISO form: a date, a local time to the second, or a UTC time.
absl::Status ReadUntil(const Reader& r, const Node& node, const Path& path, RRuleUntil& out) {
  static constexpr std::string_view kWhat =
      "the last start as a date \"2019-01-31\", a local time \"2019-01-31T12:00:00\" or a UTC "
      "time \"2019-01-31T11:00:00Z\"";
  if (node.kind != Node::Kind::kString) return r.Expected(node, path, kWhat);
  for (const auto& [form, kind] : {std::pair{TimeForm::kDay, RRuleUntil::Kind::kDate},
                                   std::pair{TimeForm::kSecond, RRuleUntil::Kind::kLocal},
                                   std::pair{TimeForm::kSecondZulu, RRuleUntil::Kind::kUtc}}) {
    const std::optional<CivilFields> f = SplitTime(node.string, form);
    if (!f) continue;
    CARELEARN_RETURN_IF_ERROR(CheckFields(r, node, path, *f));
    out = RRuleUntil{kind,
                     absl::CivilSecond(f->year, f->month, f->day, f->hour, f->minute, f->second)};
    return absl::OkStatus();
  }
  return r.Expected(node, path, kWhat);
}

// An exact duration "PT[nH][nM][nS]", at least one part, at most 366 days.
absl::Status ReadDuration(const Reader& r, const Node& node, const Path& path,
                          absl::Duration& out) {
  static constexpr std::string_view kWhat =
      "an exact duration such as \"PT30M\", \"PT6H\" or \"PT1H30M\"";
  if (node.kind != Node::Kind::kString) return r.Expected(node, path, kWhat);
  const std::string_view text = node.string;
  if (text.size() > 1 && text[0] == 'P' && text.find('T') != 1 &&
      (text.find('D') != std::string_view::npos || text.find('W') != std::string_view::npos)) {
    return r.Error(node, path,
                   absl::StrCat("expected ", Sv(kWhat), ", found ", Found(node),
                                "; a day or a week is not an exact duration (a day has 23 or 25 "
                                "hours when summer time begins or ends): write hours, e.g. "
                                "\"PT24H\""));
  }
  if (text.size() < 4 || text.substr(0, 2) != "PT") return r.Expected(node, path, kWhat);
  static constexpr std::array<std::pair<char, std::int64_t>, 3> kUnits{
      {{'H', 3600}, {'M', 60}, {'S', 1}}};
  std::size_t unit = 0;  // the next unit allowed: H, then M, then S
  std::size_t i = 2;
  std::int64_t seconds = 0;
  while (i < text.size()) {
    std::size_t digits = 0;
    std::int64_t amount = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (++digits > 9) return r.Expected(node, path, kWhat);
      amount = amount * 10 + (text[i] - '0');
      ++i;
    }
    if (digits == 0 || i == text.size()) return r.Expected(node, path, kWhat);
    while (unit < kUnits.size() && kUnits[unit].first != text[i]) ++unit;
    if (unit == kUnits.size()) return r.Expected(node, path, kWhat);
    seconds += amount * kUnits[unit].second;
    ++unit;
    ++i;
  }
  if (seconds > kLongestDurationSeconds) {
    return r.Error(node, path,
                   absl::StrCat("the duration ", QuoteForMessage(text),
                                " is longer than 366 days, the longest carelearn plans"));
  }
  out = absl::Seconds(seconds);
  return absl::OkStatus();
}

// The canonical text of a duration: PT0S, PT30M, PT6H, PT1H30M, PT1M30S.
// Fractions of a second are dropped; a negative duration is written with a
// leading '-', which the loader rejects, naming it.
std::string DurationText(absl::Duration d) {
  std::int64_t seconds = absl::ToInt64Seconds(d);
  std::string out;
  if (seconds < 0) {
    out = "-";
    seconds = seconds == std::numeric_limits<std::int64_t>::min()
                  ? std::numeric_limits<std::int64_t>::max()
                  : -seconds;
  }
  out += "PT";
  if (seconds == 0) return out + "0S";
  if (seconds >= 3600) absl::StrAppend(&out, seconds / 3600, "H");
  if (seconds % 3600 >= 60) absl::StrAppend(&out, seconds % 3600 / 60, "M");
  if (seconds % 60 != 0) absl::StrAppend(&out, seconds % 60, "S");
  return out;
}

// An IANA time zone name the system's tzdata has, or one of absl's fixed
// offsets ("Fixed/UTC+01:00:00", what absl::FixedTimeZone is called). Names
// are restricted to the characters IANA uses, so that no name reaches outside
// the tzdata directory ("../", an absolute path, "file:") or asks for the
// process's own zone ("localtime").
absl::Status ReadZone(const Reader& r, const Node& node, const Path& path, absl::TimeZone& out) {
  static constexpr std::string_view kWhat = "an IANA time zone name such as \"Europe/Copenhagen\"";
  if (node.kind != Node::Kind::kString || node.string.empty()) {
    return r.Expected(node, path, kWhat);
  }
  const std::string_view name = node.string;
  bool plausible = name.size() <= kLongestZoneName && name.front() != '/' && name.back() != '/' &&
                   name.find("..") == std::string_view::npos &&
                   name.find("//") == std::string_view::npos && name != "localtime";
  // ':' only in absl's fixed offsets ("Fixed/UTC+01:00:00"): elsewhere it
  // could name a file ("file:/etc/passwd").
  const bool fixed = name.substr(0, 9) == "Fixed/UTC";
  for (const char c : name) {
    plausible = plausible && (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '/' ||
                              c == '_' || c == '-' || c == '+' || c == '.' || (fixed && c == ':'));
  }
  if (plausible && absl::LoadTimeZone(std::string(name), &out)) return absl::OkStatus();
  std::string message = absl::StrCat("unknown time zone ", QuoteForMessage(name),
                                     "; expected an IANA name such as \"Europe/Copenhagen\" that "
                                     "the system's time zone database has");
  static constexpr std::array<std::string_view, 1> kLikely{kCopenhagenZoneName};
  if (const auto likely = Closest(name, kLikely); likely && *likely != name) {
    absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
  }
  return r.Error(node, path, message);
}

// --- Rules ----------------------------------------------------------------------------------

// A BYDAY value: "WE", "1WE", "-1FR", "+2MO".
absl::Status ReadWeekdayNum(const Reader& r, const Node& node, const Path& path, WeekdayNum& out) {
  static constexpr std::string_view kWhat =
      "a weekday \"MO\" to \"SU\", with an ordinal for a monthly rule (\"1WE\", \"-1FR\")";
  if (node.kind != Node::Kind::kString || node.string.size() < 2 || node.string.size() > 4) {
    return r.Expected(node, path, kWhat);
  }
  const std::string_view text = node.string;
  const std::string_view code = text.substr(text.size() - 2);
  const std::optional<absl::Weekday> weekday = ParseWeekdayCode(code);
  if (!weekday) return r.Expected(node, path, kWhat);
  std::string_view prefix = text.substr(0, text.size() - 2);
  int sign = 1;
  if (!prefix.empty() && (prefix.front() == '+' || prefix.front() == '-')) {
    sign = prefix.front() == '-' ? -1 : 1;
    prefix.remove_prefix(1);
    if (prefix.empty()) return r.Expected(node, path, kWhat);
  }
  int ordinal = 0;
  if (!prefix.empty()) {
    ordinal = DigitsAt(prefix, 0, prefix.size());
    if (ordinal < 0) return r.Expected(node, path, kWhat);
    if (ordinal < 1 || ordinal > 5) {
      return r.Error(node, path,
                     absl::StrCat("the ordinal in ", QuoteForMessage(text),
                                  " must be 1 to 5 or -1 to -5 (the first to fifth, or the last "
                                  "to fifth-last, in the month)"));
    }
  }
  out = WeekdayNum{sign * ordinal, *weekday};
  return absl::OkStatus();
}

absl::Status ReadMonthDay(const Reader& r, const Node& node, const Path& path, int& out) {
  static constexpr std::string_view kWhat = "a day of the month from 1 to 31 or -1 to -31";
  int value = 0;
  if (node.kind == Node::Kind::kInt && node.integer >= -31 && node.integer <= 31) {
    value = static_cast<int>(node.integer);
  } else if (node.kind == Node::Kind::kDouble && node.number >= -31 && node.number <= 31 &&
             static_cast<double>(static_cast<int>(node.number)) == node.number) {
    value = static_cast<int>(node.number);
  } else {
    return r.Expected(node, path, kWhat);
  }
  if (value == 0) return r.Expected(node, path, kWhat);
  out = value;
  return absl::OkStatus();
}

absl::Status ReadWeekStart(const Reader& r, const Node& node, const Path& path,
                           absl::Weekday& out) {
  static constexpr std::string_view kWhat = "a weekday \"MO\" to \"SU\"";
  if (node.kind != Node::Kind::kString) return r.Expected(node, path, kWhat);
  const std::optional<absl::Weekday> day = ParseWeekdayCode(node.string);
  if (!day) return r.Expected(node, path, kWhat);
  out = *day;
  return absl::OkStatus();
}

absl::Status ReadUntilPart(const Reader& r, const Node& node, const Path& path,
                           std::optional<RRuleUntil>& out) {
  return ReadUntil(r, node, path, out.emplace());
}

constexpr std::array kRuleRules{
    Rule<&RRule::frequency, AsEnum<&FrequencyKey>>("frequency", kRequiredKey),
    Rule<&RRule::interval, AsInt<1>>("interval", kOptionalKey),
    Rule<&RRule::by_day, ListOf<Via<&ReadWeekdayNum>>>("by_day", kOptionalKey),
    Rule<&RRule::by_month_day, ListOf<Via<&ReadMonthDay>>>("by_month_day", kOptionalKey),
    Rule<&RRule::count, AsInt<1>>("count", kOptionalKey),
    Rule<&RRule::until, Via<&ReadUntilPart>>("until", kOptionalKey),
    Rule<&RRule::week_start, Via<&ReadWeekStart>>("week_start", kOptionalKey),
};

absl::Status ReadRuleObject(const Reader& r, const Node& node, const Path& path, RRule& out) {
  out = RRule{};
  CARELEARN_RETURN_IF_ERROR(ReadFields(r, node, path, kRuleRules, out));
  if (absl::Status s = ValidateRRule(out); !s.ok()) return r.Error(node, path, Sv(s.message()));
  return absl::OkStatus();
}

// A rule: RRULE text, or an object of its parts.
absl::Status ReadRule(const Reader& r, const Node& node, const Path& path,
                      std::optional<RRule>& out) {
  if (node.kind == Node::Kind::kObject) return ReadRuleObject(r, node, path, out.emplace());
  if (node.kind != Node::Kind::kString) {
    return r.Expected(node, path,
                      "an RRULE such as \"FREQ=WEEKLY;INTERVAL=2\", or an object of its parts");
  }
  absl::StatusOr<RRule> rule = ParseRRule(node.string);
  if (!rule.ok()) return r.Error(node, path, Sv(rule.status().message()));
  // The RRULE text and the object form bound UNTIL alike: ParseRRule reads
  // any year, this document only those that carelearn plans in.
  if (rule->until.has_value()) {
    const absl::civil_year_t year = rule->until->value.year();
    if (year < kFirstYear || year > kLastYear) {
      return r.Error(node, path,
                     absl::StrCat("UNTIL: the year ", year, " is outside the years ", kFirstYear,
                                  " to ", kLastYear, " that carelearn plans in"));
    }
  }
  out = *std::move(rule);
  return absl::OkStatus();
}

// --- The document ---------------------------------------------------------------------------

absl::Status ReadOptionalDuration(const Reader& r, const Node& node, const Path& path,
                                  std::optional<absl::Duration>& out) {
  return ReadDuration(r, node, path, out.emplace());
}

constexpr std::array kMoveRules{
    Rule<&MovedOccurrence::original, Via<&ReadMinute>>("original", kRequiredKey),
    Rule<&MovedOccurrence::start, Via<&ReadMinute>>("start", kRequiredKey),
    Rule<&MovedOccurrence::duration, Via<&ReadOptionalDuration>>("duration", kOptionalKey),
};

// A recurrence's moves: each original moved once.
absl::Status ReadMoves(const Reader& r, const Node& node, const Path& path,
                       std::vector<MovedOccurrence>& out) {
  std::map<absl::CivilMinute, std::size_t> originals;
  return r.Array(node, path, [&](const Node& item, const Path& ip) {
    CARELEARN_RETURN_IF_ERROR(ReadFields(r, item, ip, kMoveRules, out.emplace_back()));
    const auto [it, inserted] = originals.emplace(out.back().original, ip.index);
    if (!inserted) {
      return r.Error(item.Find("original")->value, ip.Child("original"),
                     absl::StrCat("the occurrence ", absl::FormatCivilTime(out.back().original),
                                  " is already moved by ", path.Pointer(), "/", it->second));
    }
    return absl::OkStatus();
  });
}

constexpr std::array kRecurrenceRules{
    Rule<&Recurrence::start, Via<&ReadMinute>>("start", kRequiredKey),
    Rule<&Recurrence::duration, Via<&ReadDuration>>("duration", kRequiredKey),
    Rule<&Recurrence::zone, Via<&ReadZone>>("time_zone", kOptionalKey),
    Rule<&Recurrence::rule, Via<&ReadRule>>("rule", kOptionalKey),
    Rule<&Recurrence::rdates, ListOf<Via<&ReadMinute>>>("rdates", kOptionalKey),
    Rule<&Recurrence::exdates, ListOf<Via<&ReadMinute>>>("exdates", kOptionalKey),
    Rule<&Recurrence::moves, Via<&ReadMoves>>("moves", kOptionalKey),
};

constexpr std::array kExpectedRoleRules{
    Rule<&ExpectedRole::role, AsString>("role", kRequiredKey),
    Rule<&ExpectedRole::people, AsInt<0>>("people", kRequiredKey),
};

absl::Status ReadIds(const Reader& r, const Node& node, const Path& path,
                     std::vector<std::string>& out) {
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return r.String(item, p, out.emplace_back());
  });
}

// An entry's units: at least one.
absl::Status ReadEntryUnits(const Reader& r, const Node& node, const Path& path,
                            std::vector<std::string>& out) {
  if (node.kind == Node::Kind::kArray && node.items.empty()) {
    return r.Error(node, path, "an entry names at least one unit");
  }
  return ReadIds(r, node, path, out);
}

// A recurrence, whose time zone is the one it had (the programme's) unless it names its own.
absl::Status ReadRecurrence(const Reader& r, const Node& node, const Path& path, Recurrence& out) {
  return ReadFields(r, node, path, kRecurrenceRules, out);
}

absl::Status ReadOnClosedDay(const Reader& r, const Node& node, const Path& path,
                             std::optional<ClosedDayPolicy>& out) {
  return r.Enum(node, path, &ClosedDayPolicyName, out.emplace());
}

constexpr std::array kEntryRules{
    Rule<&ProgrammeEntry::id, AsString>("id", kRequiredKey),
    Rule<&ProgrammeEntry::format, Via<&ReadFormatRef>>("format", kRequiredKey),
    Rule<&ProgrammeEntry::title, AsText>("title", kOptionalKey),
    Rule<&ProgrammeEntry::units, Via<&ReadEntryUnits>>("units", kRequiredKey),
    Rule<&ProgrammeEntry::hosting, AsEnum<&HostingName>>("hosting", kOptionalKey),
    Rule<&ProgrammeEntry::recurrence, Via<&ReadRecurrence>>("recurrence", kRequiredKey),
    Rule<&ProgrammeEntry::roles, ListOf<AsPart<kExpectedRoleRules>>>("roles", kOptionalKey),
    Rule<&ProgrammeEntry::people, Via<&ReadIds>>("people", kOptionalKey),
    Rule<&ProgrammeEntry::on_closed_day, Via<&ReadOnClosedDay>>("on_closed_day", kOptionalKey),
    Rule<&ProgrammeEntry::count_held_sessions, AsBool>("count_held_sessions", kOptionalKey),
    Rule<&ProgrammeEntry::occupies_day, AsBool>("occupies_day", kOptionalKey),
    Rule<&ProgrammeEntry::flexible, AsBool>("flexible", kOptionalKey),
};

absl::Status ReadEntry(const Reader& r, const Node& node, const Path& path,
                       const absl::TimeZone& zone, ProgrammeEntry& out) {
  out.recurrence.zone = zone;
  return ReadFields(r, node, path, kEntryRules, out);
}

constexpr std::array kUnitRules{
    Rule<&OrgUnit::id, AsString>("id", kRequiredKey),
    Rule<&OrgUnit::name, AsText>("name", kOptionalKey),
    Rule<&OrgUnit::parent, AsString>("parent", kOptionalKey),
};

absl::Status ReadClosure(const Reader& r, const Node& node, const Path& path,
                         WorkCalendar& calendar) {
  static constexpr std::array<std::string_view, 4> kKeys{"first", "last", "reason", "unit"};
  static constexpr std::array<std::string_view, 2> kRequired{"first", "last"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  Closure closure;
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "first", [&](const Node& v, const Path& p) {
    return ReadDay(r, v, p, closure.first);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "last", [&](const Node& v, const Path& p) {
    if (absl::Status s = ReadDay(r, v, p, closure.last); !s.ok()) return s;
    if (closure.last < closure.first) {
      return r.Error(v, p,
                     absl::StrCat("the closure ends on ", absl::FormatCivilTime(closure.last),
                                  ", before it begins on ", absl::FormatCivilTime(closure.first)));
    }
    return absl::OkStatus();
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "reason", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, closure.reason);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "unit", [&](const Node& v, const Path& p) {
    return r.String(v, p, closure.unit);
  }));
  if (absl::Status s = calendar.AddClosure(std::move(closure)); !s.ok()) {
    return r.Error(node, path, Sv(s.message()));
  }
  return absl::OkStatus();
}

absl::Status ReadCalendar(const Reader& r, const Node& node, const Path& path, WorkCalendar& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"holidays", "closures"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, {}));
  HolidaySet holidays = HolidaySet::kDanish;
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "holidays", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, &HolidaySetName, holidays);
  }));
  out = CalendarWith(holidays);
  return r.Field(node, path, "closures", [&](const Node& v, const Path& p) {
    return r.Array(v, p,
                   [&](const Node& item, const Path& ip) { return ReadClosure(r, item, ip, out); });
  });
}

// The checks that need the whole document: ids unique, references resolve,
// parents do not lead back. The values have been read, so the tree's shape is known.
class References {
 public:
  References(const Reader& r, const Node& root, const ProgrammeDocument& doc)
      : r_(r), root_(root), doc_(doc) {}

  absl::Status Check() {
    CARELEARN_RETURN_IF_ERROR(CheckUnits());
    CARELEARN_RETURN_IF_ERROR(CheckEntries());
    return CheckClosures();
  }

 private:
  const Node& At(const Node& object, std::string_view key) const { return object.Find(key)->value; }

  absl::Status Unknown(const Node& at, const Path& path, std::string_view id,
                       std::string_view what) const {
    std::string message =
        absl::StrCat(Sv(what), " ", QuoteForMessage(id), " is not a unit of the programme");
    if (const auto likely = Closest(id, ids_)) {
      absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
    }
    return r_.Error(at, path, message);
  }

  absl::Status CheckUnits() {
    const std::vector<OrgUnit>& units = doc_.programme.units;
    if (units.empty()) return absl::OkStatus();
    const Node& list = At(root_, "units");
    const Path root;
    const Path at = root.Child("units");
    for (std::size_t i = 0; i < units.size(); ++i) {
      const auto [it, inserted] = index_.emplace(units[i].id, i);
      if (!inserted) {
        const Path item = at.Item(i);
        return r_.Error(At(list.items[i], "id"), item.Child("id"),
                        absl::StrCat("the unit id ", QuoteForMessage(units[i].id),
                                     " is already used by /units/", it->second));
      }
      ids_.push_back(units[i].id);
    }
    std::vector<std::size_t> parent(units.size(), units.size());  // units.size(): none
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (units[i].parent.empty()) continue;
      const auto it = index_.find(units[i].parent);
      const Path item = at.Item(i);
      if (it == index_.end()) {
        return Unknown(At(list.items[i], "parent"), item.Child("parent"), units[i].parent,
                       "the parent");
      }
      parent[i] = it->second;
    }
    // Each unit is visited once: 0 not yet, 1 on the current walk, 2 done.
    std::vector<char> state(units.size(), 0);
    for (std::size_t start = 0; start < units.size(); ++start) {
      std::vector<std::size_t> walk;
      std::size_t u = start;
      while (u < units.size() && state[u] == 0) {
        state[u] = 1;
        walk.push_back(u);
        u = parent[u];
      }
      if (u < units.size() && state[u] == 1) {
        // walk.back()'s parent is u, which is on this walk: a cycle.
        std::string chain;
        std::size_t shown = 0;
        for (auto it = std::find(walk.begin(), walk.end(), u); it != walk.end(); ++it) {
          if (++shown > 8) {
            absl::StrAppend(&chain, " -> ...");
            break;
          }
          absl::StrAppend(&chain, QuoteForMessage(units[*it].id), " -> ");
        }
        if (shown <= 8) absl::StrAppend(&chain, QuoteForMessage(units[u].id));
        const std::size_t last = walk.back();
        const Path item = at.Item(last);
        return r_.Error(At(list.items[last], "parent"), item.Child("parent"),
                        absl::StrCat("the parents of unit ", QuoteForMessage(units[u].id),
                                     " lead back to it: ", chain));
      }
      for (const std::size_t w : walk) state[w] = 2;
    }
    return absl::OkStatus();
  }

  absl::Status CheckEntries() {
    const std::vector<ProgrammeEntry>& entries = doc_.programme.entries;
    if (entries.empty()) return absl::OkStatus();
    const Node& list = At(root_, "entries");
    const Path root;
    const Path at = root.Child("entries");
    std::map<std::string_view, std::size_t> ids;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Path item = at.Item(i);
      const auto [it, inserted] = ids.emplace(entries[i].id, i);
      if (!inserted) {
        return r_.Error(At(list.items[i], "id"), item.Child("id"),
                        absl::StrCat("the entry id ", QuoteForMessage(entries[i].id),
                                     " is already used by /entries/", it->second));
      }
      const Path units = item.Child("units");
      const Node& unit_list = At(list.items[i], "units");
      for (std::size_t j = 0; j < entries[i].units.size(); ++j) {
        if (index_.contains(entries[i].units[j])) continue;
        const Path unit = units.Item(j);
        return Unknown(unit_list.items[j], unit, entries[i].units[j], "the unit");
      }
    }
    return absl::OkStatus();
  }

  absl::Status CheckClosures() {
    const std::vector<Closure>& closures = doc_.calendar.closures();
    const Path root;
    const Path calendar = root.Child("calendar");
    const Path at = calendar.Child("closures");
    for (std::size_t i = 0; i < closures.size(); ++i) {
      if (closures[i].unit.empty() || index_.contains(closures[i].unit)) continue;
      const Node& list = At(At(root_, "calendar"), "closures");
      const Path closure = at.Item(i);
      return Unknown(At(list.items[i], "unit"), closure.Child("unit"), closures[i].unit,
                     "the unit");
    }
    return absl::OkStatus();
  }

  const Reader& r_;
  const Node& root_;
  const ProgrammeDocument& doc_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<std::string_view> ids_;
};

absl::Status ReadProgramme(const Reader& r, const Node& node, ProgrammeDocument& out) {
  static constexpr std::array<std::string_view, 8> kKeys{
      "carelearn", "id", "title", "time_zone", "on_closed_day", "calendar", "units", "entries"};
  static constexpr std::array<std::string_view, 2> kRequired{"carelearn", "id"};
  const Path path;
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  Programme& p = out.programme;
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& at) { return r.String(v, at, p.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& at) {
    return ReadText(r, v, at, p.title);
  }));
  absl::TimeZone zone = CopenhagenTimeZone();
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "time_zone", [&](const Node& v, const Path& at) {
    return ReadZone(r, v, at, zone);
  }));
  CARELEARN_RETURN_IF_ERROR(
      r.Field(node, path, "on_closed_day", [&](const Node& v, const Path& at) {
        return r.Enum(v, at, &ClosedDayPolicyName, p.on_closed_day);
      }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "calendar", [&](const Node& v, const Path& at) {
    return ReadCalendar(r, v, at, out.calendar);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "units", [&](const Node& v, const Path& at) {
    return r.Array(v, at, [&](const Node& item, const Path& ip) {
      return ReadFields(r, item, ip, kUnitRules, p.units.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "entries", [&](const Node& v, const Path& at) {
    return r.Array(v, at, [&](const Node& item, const Path& ip) {
      return ReadEntry(r, item, ip, zone, p.entries.emplace_back());
    });
  }));
  return References(r, node, out).Check();
}

// --- Writing --------------------------------------------------------------------------------

Node Str(std::string_view value) { return Node::String(std::string(value)); }

void AddText(Node& object, std::string_view key, const Text& text) {
  if (text.empty()) return;
  Node node = Node::Object();
  if (!text.da.empty()) node.Add("da", Str(text.da));
  if (!text.en.empty()) node.Add("en", Str(text.en));
  object.Add(std::string(key), std::move(node));
}

void AddStrings(Node& object, std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  Node list = Node::Array();
  for (const std::string& v : values) list.items.push_back(Str(v));
  object.Add(std::string(key), std::move(list));
}

void AddMinutes(Node& object, std::string_view key, const std::vector<absl::CivilMinute>& values) {
  if (values.empty()) return;
  Node list = Node::Array();
  for (const absl::CivilMinute& t : values) list.items.push_back(Str(absl::FormatCivilTime(t)));
  object.Add(std::string(key), std::move(list));
}

Node RecurrenceNode(const Recurrence& rec, const absl::TimeZone& zone) {
  Node node = Node::Object();
  node.Add("start", Str(absl::FormatCivilTime(rec.start)));
  node.Add("duration", Str(DurationText(rec.duration)));
  if (rec.zone != zone) node.Add("time_zone", Str(rec.zone.name()));
  if (rec.rule) node.Add("rule", Str(ToString(*rec.rule)));
  AddMinutes(node, "rdates", rec.rdates);
  AddMinutes(node, "exdates", rec.exdates);
  if (!rec.moves.empty()) {
    Node moves = Node::Array();
    for (const MovedOccurrence& m : rec.moves) {
      Node move = Node::Object();
      move.Add("original", Str(absl::FormatCivilTime(m.original)));
      move.Add("start", Str(absl::FormatCivilTime(m.start)));
      if (m.duration) move.Add("duration", Str(DurationText(*m.duration)));
      moves.items.push_back(std::move(move));
    }
    node.Add("moves", std::move(moves));
  }
  return node;
}

Node EntryNode(const ProgrammeEntry& e, const absl::TimeZone& zone) {
  Node node = Node::Object();
  node.Add("id", Str(e.id));
  Node format = Node::Object();
  format.Add("id", Str(e.format.id));
  if (e.format.version) format.Add("version", Node::Int(*e.format.version));
  node.Add("format", std::move(format));
  AddText(node, "title", e.title);
  Node units = Node::Array();
  for (const std::string& u : e.units) units.items.push_back(Str(u));
  node.Add("units", std::move(units));  // always: an entry names at least one unit
  if (e.hosting != Hosting::kEachUnit) node.Add("hosting", Str(HostingName(e.hosting)));
  node.Add("recurrence", RecurrenceNode(e.recurrence, zone));
  if (!e.roles.empty()) {
    Node roles = Node::Array();
    for (const ExpectedRole& role : e.roles) {
      Node item = Node::Object();
      item.Add("role", Str(role.role));
      item.Add("people", Node::Int(role.people));
      roles.items.push_back(std::move(item));
    }
    node.Add("roles", std::move(roles));
  }
  AddStrings(node, "people", e.people);
  if (e.on_closed_day) node.Add("on_closed_day", Str(ClosedDayPolicyName(*e.on_closed_day)));
  if (e.count_held_sessions) node.Add("count_held_sessions", Node::Bool(true));
  if (e.occupies_day) node.Add("occupies_day", Node::Bool(true));
  if (e.flexible) node.Add("flexible", Node::Bool(true));
  return node;
}

// The zone written once for the document: the entries' zone when they all
// share one; else Copenhagen, the default, which is not written.
absl::TimeZone DocumentZone(const Programme& p) {
  if (p.entries.empty()) return CopenhagenTimeZone();
  const absl::TimeZone first = p.entries.front().recurrence.zone;
  for (const ProgrammeEntry& e : p.entries) {
    if (e.recurrence.zone != first) return CopenhagenTimeZone();
  }
  return first;
}

Node ProgrammeNode(const Programme& p, const WorkCalendar& calendar) {
  Node root = Node::Object();
  root.Add("carelearn", Str(absl::StrCat(Sv(kProgrammeKind), "/", kProgrammeVersion)));
  root.Add("id", Str(p.id));
  AddText(root, "title", p.title);
  const absl::TimeZone zone = DocumentZone(p);
  if (zone != CopenhagenTimeZone()) root.Add("time_zone", Str(zone.name()));
  if (p.on_closed_day != ClosedDayPolicy::kSkip) {
    root.Add("on_closed_day", Str(ClosedDayPolicyName(p.on_closed_day)));
  }
  const HolidaySet holidays = HolidaysOf(calendar);
  if (holidays != HolidaySet::kDanish || !calendar.closures().empty()) {
    Node node = Node::Object();
    if (holidays != HolidaySet::kDanish) node.Add("holidays", Str(HolidaySetName(holidays)));
    if (!calendar.closures().empty()) {
      Node closures = Node::Array();
      for (const Closure& c : calendar.closures()) {
        Node item = Node::Object();
        item.Add("first", Str(absl::FormatCivilTime(c.first)));
        item.Add("last", Str(absl::FormatCivilTime(c.last)));
        AddText(item, "reason", c.reason);
        if (!c.unit.empty()) item.Add("unit", Str(c.unit));
        closures.items.push_back(std::move(item));
      }
      node.Add("closures", std::move(closures));
    }
    root.Add("calendar", std::move(node));
  }
  if (!p.units.empty()) {
    Node units = Node::Array();
    for (const OrgUnit& u : p.units) {
      Node item = Node::Object();
      item.Add("id", Str(u.id));
      AddText(item, "name", u.name);
      if (!u.parent.empty()) item.Add("parent", Str(u.parent));
      units.items.push_back(std::move(item));
    }
    root.Add("units", std::move(units));
  }
  if (!p.entries.empty()) {
    Node entries = Node::Array();
    for (const ProgrammeEntry& e : p.entries) entries.items.push_back(EntryNode(e, zone));
    root.Add("entries", std::move(entries));
  }
  return root;
}

}  // namespace
}  // namespace detail

absl::StatusOr<ProgrammeDocument> ParseProgramme(std::string_view json,
                                                 const ParseOptions& options) {
  const detail::JsonText text(
      options.source_name.empty() ? std::string_view("<input>") : options.source_name, json);
  absl::StatusOr<detail::Node> root = detail::ParseTree(text, options);
  if (!root.ok()) return root.status();
  const detail::Reader r(text);
  static constexpr std::array<std::string_view, 1> kWanted{detail::kProgrammeKind};
  const absl::StatusOr<std::string_view> kind =
      detail::ReadDocumentHeader(r, *root, kWanted, kWanted, detail::kProgrammeVersion);
  if (!kind.ok()) return kind.status();
  ProgrammeDocument document;
  if (absl::Status s = detail::ReadProgramme(r, *root, document); !s.ok()) return s;
  return document;
}

absl::StatusOr<ProgrammeDocument> LoadProgramme(const std::filesystem::path& path,
                                                ParseOptions options) {
  absl::StatusOr<std::string> content = detail::ReadDocumentFile(path, options);
  if (!content.ok()) return content.status();
  return ParseProgramme(*content, options);
}

std::string ToJson(const Programme& programme, const WorkCalendar& calendar) {
  std::string out;
  detail::WriteCanonical(detail::ProgrammeNode(programme, calendar), 0, out);
  out.push_back('\n');
  return out;
}

std::string ToJson(const ProgrammeDocument& document) {
  return ToJson(document.programme, document.calendar);
}

}  // namespace carelearn
