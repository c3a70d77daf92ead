// bindings/schedule.cpp
//
// The scheduling part of the plan layer bound for Python: recurrence rules
// (RRULE), series and their occurrences, the Danish holidays, work calendars,
// programmes and their schedules, conflicts, planned hours, the iCalendar
// export, and the "programme/1" JSON document.
//
// Local times are naive datetime.datetime values (to the minute), instants
// aware ones (UTC on the way out), durations datetime.timedelta, days
// datetime.date, a month the date of its first day, a time zone its IANA name.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/io/json.hpp"
#include "carelearn/io/programme_json.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/schedule/holidays.hpp"
#include "carelearn/schedule/icalendar.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"
#include "common.hpp"

// After common.hpp, which includes pybind11 first.
#include <pybind11/numpy.h>

namespace carelearn::bindings {
namespace {

// --- Conversions that only this unit needs ------------------------------------------------

/// `t` as a naive datetime.datetime, to the second.
py::object NaiveDateTime(const absl::CivilSecond& t) {
  static const py::object datetime = py::module_::import("datetime").attr("datetime");
  return datetime(t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second());
}

/// The naive datetime.datetime `value` as a civil second (microseconds dropped).
absl::CivilSecond CivilSecondOf(const py::handle& value) {
  static const py::object datetime = py::module_::import("datetime").attr("datetime");
  if (!py::isinstance(value, datetime)) {
    throw py::type_error(std::string("RRuleUntil: value must be a naive datetime.datetime, not ") +
                         Py_TYPE(value.ptr())->tp_name);
  }
  if (!value.attr("tzinfo").is_none()) {
    throw py::value_error(
        "RRuleUntil: value must be a naive datetime: UNTIL's kind says how it is read");
  }
  return absl::CivilSecond(value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                           value.attr("day").cast<int>(), value.attr("hour").cast<int>(),
                           value.attr("minute").cast<int>(), value.attr("second").cast<int>());
}

/// `month` as the datetime.date of its first day.
py::object FirstDay(const absl::CivilMonth& month) {
  static const py::object date = py::module_::import("datetime").attr("date");
  return date(month.year(), month.month(), 1);
}

/// The zone named `name` from the system's tzdata; raises ValueError when it has none.
absl::TimeZone ZoneNamed(const std::string& name) {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(name, &zone)) {
    throw py::value_error("unknown time zone \"" + name +
                          "\"; expected an IANA name such as \"Europe/Copenhagen\" that the "
                          "system's time zone database has");
  }
  return zone;
}

/// An instant or None for an unbounded end of a window.
py::object InstantOrNone(absl::Time t) {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) return py::none();
  return py::cast(t);
}

// --- Rules ----------------------------------------------------------------------------------

void BindRules(py::module_& m) {
  py::native_enum<absl::Weekday>(m, "Weekday", "enum.Enum", "A day of the week.")
      .value("MONDAY", absl::Weekday::monday, "Monday (MO).")
      .value("TUESDAY", absl::Weekday::tuesday, "Tuesday (TU).")
      .value("WEDNESDAY", absl::Weekday::wednesday, "Wednesday (WE).")
      .value("THURSDAY", absl::Weekday::thursday, "Thursday (TH).")
      .value("FRIDAY", absl::Weekday::friday, "Friday (FR).")
      .value("SATURDAY", absl::Weekday::saturday, "Saturday (SA).")
      .value("SUNDAY", absl::Weekday::sunday, "Sunday (SU).")
      .finalize();
  m.def(
      "weekday_code", [](absl::Weekday d) { return std::string(WeekdayCode(d)); },
      py::arg("weekday"), "The RFC 5545 two-letter code of `weekday`: \"MO\" ... \"SU\".");
  m.def(
      "parse_weekday_code", [](std::string_view code) { return ParseWeekdayCode(code); },
      py::arg("code"), "Parses \"MO\" ... \"SU\" (any case); None when unknown.");

  py::native_enum<Frequency>(m, "Frequency", "enum.Enum",
                             "How often a rule repeats (RFC 5545 FREQ).")
      .value("DAILY", Frequency::kDaily, "Every INTERVAL days.")
      .value("WEEKLY", Frequency::kWeekly, "Every INTERVAL weeks.")
      .value("MONTHLY", Frequency::kMonthly, "Every INTERVAL months.")
      .finalize();

  py::class_<WeekdayNum> day(m, "WeekdayNum",
                             "A day of the week in a BYDAY list, with an optional position in "
                             "the month:\n\"1WE\" is WeekdayNum(1, Weekday.WEDNESDAY), \"-1FR\" "
                             "the last Friday, \"MO\" every Monday.");
  day.def(py::init([](int ordinal, absl::Weekday weekday) {
            return WeekdayNum{ordinal, weekday};
          }),
          py::arg("ordinal") = 0, py::arg_v("weekday", absl::Weekday::monday, "Weekday.MONDAY"),
          "The `ordinal`th `weekday` of the month (0: every one; 1 to 5, or -1 to -5 from the "
          "end).");
  CopyConstructor(day);
  day.def_readwrite("ordinal", &WeekdayNum::ordinal,
                    "The position in the month; 0 for every such weekday.")
      .def_readwrite("weekday", &WeekdayNum::weekday, "The day of the week.")
      .def(
          "__str__",
          [](const WeekdayNum& self) {
            std::string out = self.ordinal == 0 ? "" : std::to_string(self.ordinal);
            out += WeekdayCode(self.weekday);
            return out;
          },
          "As written in an RRULE: \"WE\", \"1WE\", \"-1FR\".");
  BindValue(day);

  py::class_<RRuleUntil> until(m, "RRuleUntil",
                               "The last start a rule gives (RFC 5545 UNTIL, inclusive): a "
                               "date, a local time or a UTC time.");
  py::native_enum<RRuleUntil::Kind>(until, "Kind", "enum.Enum", "How `value` is read.")
      .value("DATE", RRuleUntil::Kind::kDate, "Starts on or before that local day.")
      .value("LOCAL", RRuleUntil::Kind::kLocal, "Starts at or before that local time.")
      .value("UTC", RRuleUntil::Kind::kUtc, "Starts at or before that UTC time.")
      .finalize();
  until.def(py::init([](RRuleUntil::Kind kind, const py::object& value) {
              return RRuleUntil{kind, value.is_none() ? absl::CivilSecond() : CivilSecondOf(value)};
            }),
            py::kw_only(), py::arg_v("kind", RRuleUntil::Kind::kUtc, "RRuleUntil.Kind.UTC"),
            py::arg("value") = py::none(),
            "An UNTIL of `kind` at `value`, a naive datetime (for DATE its time is 00:00).");
  CopyConstructor(until);
  until.def_readwrite("kind", &RRuleUntil::kind, "How `value` is read.")
      .def_property(
          "value", [](const RRuleUntil& self) { return NaiveDateTime(self.value); },
          [](RRuleUntil& self, const py::object& v) { self.value = CivilSecondOf(v); },
          "The bound, a naive datetime.datetime; for DATE its time of day is 00:00:00.");
  QualifyNestedEnum(until, "Kind");
  BindValue(until);

  py::class_<RRule> rule(m, "RRule",
                         "A recurrence rule: the RFC 5545 subset FREQ (DAILY, WEEKLY, MONTHLY),\n"
                         "INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL and WKST.\n\n"
                         "str(rule) is its canonical RRULE text; RRule.parse reads one.\n\n"
                         "Example:\n"
                         "    RRule.parse('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE').interval  # 2");
  rule.def(py::init([](Frequency frequency, int interval, std::vector<WeekdayNum> by_day,
                       std::vector<int> by_month_day, std::optional<int> count,
                       std::optional<RRuleUntil> until_value, absl::Weekday week_start) {
             return RRule{frequency, interval,    std::move(by_day), std::move(by_month_day),
                          count,     until_value, week_start};
           }),
           py::kw_only(), py::arg_v("frequency", Frequency::kWeekly, "Frequency.WEEKLY"),
           py::arg("interval") = 1, py::arg_v("by_day", std::vector<WeekdayNum>{}, "()"),
           py::arg_v("by_month_day", std::vector<int>{}, "()"), py::arg("count") = py::none(),
           py::arg("until") = py::none(),
           py::arg_v("week_start", absl::Weekday::monday, "Weekday.MONDAY"),
           "A rule from its parts, all keyword arguments.");
  CopyConstructor(rule);
  rule.def_readwrite("frequency", &RRule::frequency, "FREQ.")
      .def_readwrite("interval", &RRule::interval, "INTERVAL: every this many periods, from 1.");
  TupleField(rule, "by_day", &RRule::by_day, "BYDAY; empty when absent.");
  TupleField(rule, "by_month_day", &RRule::by_month_day,
             "BYMONTHDAY: 1 to 31 or -1 to -31; empty when absent.");
  rule.def_readwrite("count", &RRule::count, "COUNT: the number of occurrences; None when absent.")
      .def_readwrite("until", &RRule::until, "UNTIL: the last start, inclusive; None when absent.")
      .def_readwrite("week_start", &RRule::week_start, "WKST: the first day of a week.")
      .def_static(
          "parse", [](std::string_view text) { return Unwrap(ParseRRule(text)); }, py::arg("text"),
          "Parses RRULE text (\"FREQ=WEEKLY;INTERVAL=2\", with or without \"RRULE:\"; any\n"
          "case). Raises FormatError naming the part and the cause.")
      .def(
          "__str__", [](const RRule& self) { return ToString(self); },
          "The canonical RRULE text: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL, WKST.")
      .def(
          "validate", [](const RRule& self) { ThrowIfError(ValidateRRule(self)); },
          "Raises FormatError when the rule leaves the subset or breaks RFC 5545.");
  rule.def(
      "__repr__",
      [](const RRule& self) {
        return "RRule.parse(" + py::repr(py::str(ToString(self))).cast<std::string>() + ")";
      },
      "`RRule.parse('FREQ=WEEKLY;INTERVAL=2')`: the call that builds this rule.");
  BindValue(rule);
  m.def(
      "parse_rrule", [](std::string_view text) { return Unwrap(ParseRRule(text)); },
      py::arg("text"), "Parses RRULE text; raises FormatError naming the part and the cause.");
  m.def(
      "rrule_from_cadence",
      [](const Cadence& cadence) { return Unwrap(RRuleFromCadence(cadence)); }, py::arg("cadence"),
      "The rule that holds a format at `cadence`: every 2 weeks is FREQ=WEEKLY;INTERVAL=2,\n"
      "a count becomes COUNT, every n years FREQ=MONTHLY;INTERVAL=12n.");
}

// --- Series ---------------------------------------------------------------------------------

void BindSeries(py::module_& m) {
  py::class_<MovedOccurrence> move(
      m, "MovedOccurrence",
      "One occurrence of a series moved to another time (RFC 5545 RECURRENCE-ID).");
  move.def(py::init([](absl::CivilMinute original, absl::CivilMinute start,
                       std::optional<absl::Duration> duration) {
             return MovedOccurrence{original, start, duration};
           }),
           py::kw_only(),
           py::arg_v("original", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
           py::arg_v("start", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
           py::arg("duration") = py::none(),
           "The occurrence the series starts at `original` (naive local time) moved to `start`,\n"
           "lasting `duration` (None: the series' duration).");
  CopyConstructor(move);
  move.def_readwrite("original", &MovedOccurrence::original,
                     "The local start the series gives (the RECURRENCE-ID).")
      .def_readwrite("start", &MovedOccurrence::start, "The new local start.")
      .def_readwrite("duration", &MovedOccurrence::duration,
                     "The new duration; None keeps the series' duration.");
  BindValue(move);

  py::class_<Recurrence> rec(
      m, "Recurrence",
      "A series of occurrences in a time zone: the first local start (DTSTART), the\n"
      "duration, an optional rule, extra starts (RDATE), starts left out (EXDATE) and\n"
      "occurrences moved (RECURRENCE-ID). Local times are naive datetimes; `zone` is an\n"
      "IANA name, Europe/Copenhagen by default.");
  rec.def(py::init([](absl::CivilMinute start, absl::Duration duration, const std::string& zone,
                      std::optional<RRule> rule_value, std::vector<absl::CivilMinute> rdates,
                      std::vector<absl::CivilMinute> exdates, std::vector<MovedOccurrence> moves) {
            Recurrence r;
            r.start = start;
            r.duration = duration;
            r.zone = ZoneNamed(zone);
            r.rule = std::move(rule_value);
            r.rdates = std::move(rdates);
            r.exdates = std::move(exdates);
            r.moves = std::move(moves);
            return r;
          }),
          py::kw_only(), py::arg_v("start", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
          py::arg_v("duration", absl::ZeroDuration(), "datetime.timedelta(0)"),
          py::arg("zone") = std::string(kCopenhagenZoneName), py::arg("rule") = py::none(),
          py::arg_v("rdates", std::vector<absl::CivilMinute>{}, "()"),
          py::arg_v("exdates", std::vector<absl::CivilMinute>{}, "()"),
          py::arg_v("moves", std::vector<MovedOccurrence>{}, "()"),
          "A series from its fields, all keyword arguments. Raises ValueError for a zone\n"
          "the system's time zone database does not have.");
  CopyConstructor(rec);
  rec.def_readwrite("start", &Recurrence::start, "The first occurrence's local start (DTSTART).")
      .def_readwrite("duration", &Recurrence::duration, "How long each occurrence lasts.")
      .def_property(
          "zone", [](const Recurrence& self) { return self.zone.name(); },
          [](Recurrence& self, const std::string& name) { self.zone = ZoneNamed(name); },
          "The IANA name of the zone the local times are in.")
      .def_readwrite("rule", &Recurrence::rule, "The rule; None for explicit dates only.");
  TupleField(rec, "rdates", &Recurrence::rdates, "Extra local starts (RDATE).");
  TupleField(rec, "exdates", &Recurrence::exdates, "Local starts left out (EXDATE).");
  TupleField(rec, "moves", &Recurrence::moves, "Occurrences moved (RECURRENCE-ID).");
  rec.def(
      "validate", [](const Recurrence& self) { ThrowIfError(ValidateRecurrence(self)); },
      "Raises FormatError for an invalid rule, a negative duration or a move given twice.");
  BindValue(rec);

  py::class_<TimeWindow> window(
      m, "TimeWindow",
      "A half-open span [``from_``, ``to``) of aware datetimes; None for an unbounded end.\n\n"
      "TimeWindow.days(first, end, zone) is the local days from `first` up to `end`.");
  window
      .def(py::init([](std::optional<absl::Time> from, std::optional<absl::Time> to) {
             return TimeWindow{from.value_or(absl::InfinitePast()),
                               to.value_or(absl::InfiniteFuture())};
           }),
           py::arg("from_") = py::none(), py::arg("to") = py::none(),
           "The window from `from_` to `to` (aware datetimes; None: unbounded).")
      .def_static(
          "days",
          [](absl::CivilDay first, absl::CivilDay end, const std::string& zone) {
            return TimeWindow::Days(first, end, ZoneNamed(zone));
          },
          py::arg("first"), py::arg("end"), py::arg("zone") = std::string(kCopenhagenZoneName),
          "From local midnight at the start of the date `first` to local midnight at the\n"
          "start of `end` (exclusive) in `zone`.");
  CopyConstructor(window);
  window
      .def_property(
          "from_", [](const TimeWindow& self) { return InstantOrNone(self.from); },
          [](TimeWindow& self, std::optional<absl::Time> t) {
            self.from = t.value_or(absl::InfinitePast());
          },
          "The first instant in the window; None when unbounded.")
      .def_property(
          "to", [](const TimeWindow& self) { return InstantOrNone(self.to); },
          [](TimeWindow& self, std::optional<absl::Time> t) {
            self.to = t.value_or(absl::InfiniteFuture());
          },
          "The first instant after the window; None when unbounded.")
      .def("contains", &TimeWindow::Contains, py::arg("t"), "True when ``from_ <= t < to``.");
  BindValue(window);

  py::class_<Occurrence> occurrence(
      m, "SeriesOccurrence",
      "One occurrence of a series (C++ carelearn::Occurrence): `start`/`end` as aware\n"
      "UTC datetimes, `local_start`/`local_end` as naive local ones, and `original`,\n"
      "where the series put it. carelearn.Occurrence is a programme's occurrence.");
  occurrence.def(py::init([](absl::Time start, absl::Time end, absl::CivilMinute local_start,
                             absl::CivilMinute local_end, absl::CivilMinute original) {
                   return Occurrence{start, end, local_start, local_end, original};
                 }),
                 py::kw_only(),
                 py::arg_v("start", absl::UnixEpoch(),
                           "datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)"),
                 py::arg_v("end", absl::UnixEpoch(),
                           "datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)"),
                 py::arg_v("local_start", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
                 py::arg_v("local_end", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
                 py::arg_v("original", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
                 "An occurrence from its fields, all keyword arguments.");
  CopyConstructor(occurrence);
  occurrence.def_readwrite("start", &Occurrence::start, "When it starts (aware, UTC).")
      .def_readwrite("end", &Occurrence::end, "When it ends (aware, UTC).")
      .def_readwrite("local_start", &Occurrence::local_start, "`start` on the local clock.")
      .def_readwrite("local_end", &Occurrence::local_end, "`end` on the local clock.")
      .def_readwrite("original", &Occurrence::original,
                     "The local start the series gives it (its RECURRENCE-ID).")
      .def("moved", &Occurrence::moved, "True when it was moved from where the series puts it.");
  BindValue(occurrence);

  m.def(
      "expand_recurrence",
      [](const Recurrence& r, const TimeWindow& w) { return Unwrap(Expand(r, w)); },
      py::arg("recurrence"), py::arg_v("window", TimeWindow{}, "TimeWindow()"),
      "The occurrences of `recurrence` that start in `window`, sorted by start.\n\n"
      "Raises FormatError for an invalid recurrence, a rule without COUNT or UNTIL in a\n"
      "window without an end, or a move of an occurrence the series does not have.");
}

// --- Holidays and calendars -----------------------------------------------------------------

void BindCalendars(py::module_& m) {
  py::native_enum<HolidayKind>(m, "HolidayKind", "enum.Enum",
                               "A Danish public holiday, or a day commonly given off.")
      .value("NEW_YEARS_DAY", HolidayKind::kNewYearsDay, "Nytårsdag, 1 January.")
      .value("MAUNDY_THURSDAY", HolidayKind::kMaundyThursday, "Skærtorsdag, Easter - 3 days.")
      .value("GOOD_FRIDAY", HolidayKind::kGoodFriday, "Langfredag, Easter - 2 days.")
      .value("EASTER_SUNDAY", HolidayKind::kEasterSunday, "Påskedag.")
      .value("EASTER_MONDAY", HolidayKind::kEasterMonday, "2. påskedag, Easter + 1 day.")
      .value("GREAT_PRAYER_DAY", HolidayKind::kGreatPrayerDay,
             "Store bededag, Easter + 26 days; up to and including 2023.")
      .value("ASCENSION_DAY", HolidayKind::kAscensionDay, "Kristi himmelfartsdag, Easter + 39.")
      .value("WHIT_SUNDAY", HolidayKind::kWhitSunday, "Pinsedag, Easter + 49 days.")
      .value("WHIT_MONDAY", HolidayKind::kWhitMonday, "2. pinsedag, Easter + 50 days.")
      .value("CHRISTMAS_DAY", HolidayKind::kChristmasDay, "Juledag, 25 December.")
      .value("BOXING_DAY", HolidayKind::kBoxingDay, "2. juledag, 26 December.")
      .value("CONSTITUTION_DAY", HolidayKind::kConstitutionDay,
             "Grundlovsdag, 5 June: commonly given off, not a public holiday.")
      .value("CHRISTMAS_EVE", HolidayKind::kChristmasEve,
             "Juleaftensdag, 24 December: commonly given off, not a public holiday.")
      .value("NEW_YEARS_EVE", HolidayKind::kNewYearsEve,
             "Nytårsaftensdag, 31 December: commonly given off, not a public holiday.")
      .finalize();
  m.def(
      "holiday_id", [](HolidayKind kind) { return std::string(HolidayId(kind)); }, py::arg("kind"),
      "The stable id of `kind`, e.g. \"easter-monday\".");
  m.def(
      "holiday_name", [](HolidayKind kind) { return HolidayName(kind); }, py::arg("kind"),
      "The name of `kind` in Danish and English, e.g. Text(da='2. påskedag', en='Easter "
      "Monday').");
  m.def("is_public_holiday", &IsPublicHoliday, py::arg("kind"),
        "True for the public holidays; False for the days only commonly given off.");

  py::class_<Holiday> holiday(m, "Holiday", "One holiday in one year: its date and which it is.");
  holiday.def(py::init([](absl::CivilDay day, HolidayKind kind) {
                return Holiday{day, kind};
              }),
              py::kw_only(), py::arg_v("day", absl::CivilDay(), "datetime.date(1970, 1, 1)"),
              py::arg_v("kind", HolidayKind::kNewYearsDay, "HolidayKind.NEW_YEARS_DAY"),
              "A holiday on `day`.");
  CopyConstructor(holiday);
  holiday.def_readwrite("day", &Holiday::day, "The date.")
      .def_readwrite("kind", &Holiday::kind, "Which holiday it is.");
  BindValue(holiday);

  m.def(
      "easter_sunday", [](absl::civil_year_t year) { return EasterSunday(year); }, py::arg("year"),
      "Easter Sunday of `year` in the Gregorian calendar (from 1583).");
  m.def(
      "danish_holidays",
      [](absl::civil_year_t year, bool common_days_off) {
        return DanishHolidays(year, common_days_off);
      },
      py::arg("year"), py::arg("common_days_off") = false,
      "The Danish holidays of `year` in date order; with `common_days_off` also\n"
      "grundlovsdag, juleaftensdag and nytårsaftensdag. Store bededag up to 2023.");
  m.def(
      "danish_holiday_on",
      [](absl::CivilDay day, bool common_days_off) {
        return DanishHolidayOn(day, common_days_off);
      },
      py::arg("day"), py::arg("common_days_off") = false,
      "The holiday on the date `day`, or None.");

  py::native_enum<ClosedDayPolicy>(m, "ClosedDayPolicy", "enum.Enum",
                                   "What becomes of an occurrence that falls on a closed day.")
      .value("KEEP", ClosedDayPolicy::kKeep, "It is held anyway.")
      .value("SKIP", ClosedDayPolicy::kSkip, "It is not held.")
      .value("MOVE_TO_NEXT_WORKING_DAY", ClosedDayPolicy::kMoveToNextWorkingDay,
             "It is held at the same clock time on the next working day.")
      .finalize();

  py::class_<Closure> closure(m, "Closure",
                              "A period in which a workplace is closed for learning, both days "
                              "included;\nfor one unit (and its sub-units) or, with `unit` "
                              "empty, for all.");
  closure.def(
      py::init([](absl::CivilDay first, absl::CivilDay last, Text reason, std::string unit) {
        return Closure{first, last, std::move(reason), std::move(unit)};
      }),
      py::kw_only(), py::arg_v("first", absl::CivilDay(), "datetime.date(1970, 1, 1)"),
      py::arg_v("last", absl::CivilDay(), "datetime.date(1970, 1, 1)"),
      py::arg_v("reason", Text{}, "Text()"), py::arg("unit") = "",
      "A closure from `first` to `last` (dates, inclusive).");
  CopyConstructor(closure);
  closure.def_readwrite("first", &Closure::first, "The first closed day.")
      .def_readwrite("last", &Closure::last, "The last closed day (inclusive).")
      .def_readwrite("reason", &Closure::reason, "Why; may be empty.")
      .def_readwrite("unit", &Closure::unit, "The unit it applies to; empty for every unit.");
  BindValue(closure);

  py::class_<WorkCalendar> calendar(
      m, "WorkCalendar",
      "The days on which learning is not held: the Danish public holidays (optionally\n"
      "also the days commonly given off), or none, and closure periods.\n\n"
      "A working day is Monday to Friday and not closed; weekends are not closed days.");
  calendar
      .def(py::init([](bool danish_holidays, bool common_days_off, std::vector<Closure> closures) {
             if (!danish_holidays && common_days_off) {
               throw py::value_error(
                   "common_days_off needs danish_holidays: a calendar without holidays has none "
                   "of them");
             }
             WorkCalendar c =
                 danish_holidays ? WorkCalendar(common_days_off) : WorkCalendar::WithoutHolidays();
             for (Closure& closure_value : closures) {
               ThrowIfError(c.AddClosure(std::move(closure_value)));
             }
             return c;
           }),
           py::kw_only(), py::arg("danish_holidays") = true, py::arg("common_days_off") = false,
           py::arg_v("closures", std::vector<Closure>{}, "()"),
           "A calendar, all keyword arguments. Raises FormatError for a closure that ends\n"
           "before it begins.")
      .def_static("without_holidays", &WorkCalendar::WithoutHolidays,
                  "A calendar with no holidays at all, only the closures added to it.");
  CopyConstructor(calendar);
  calendar
      .def_property_readonly("danish_holidays", &WorkCalendar::danish_holidays,
                             "True when the Danish holidays are closed days.")
      .def_property_readonly("common_days_off", &WorkCalendar::common_days_off,
                             "True when the days commonly given off are closed days too.")
      .def_property_readonly(
          "closures",
          [](const WorkCalendar& self) {
            py::typing::Tuple<Closure, py::ellipsis> out(self.closures().size());
            for (std::size_t i = 0; i < self.closures().size(); ++i) {
              out[i] = py::cast(self.closures()[i]);
            }
            return out;
          },
          "The closures, in the order they were added; add one with add_closure.")
      .def(
          "add_closure",
          [](WorkCalendar& self, Closure c) { ThrowIfError(self.AddClosure(std::move(c))); },
          py::arg("closure"), "Adds a closure; raises FormatError when it ends before it begins.")
      .def("holiday_on", &WorkCalendar::HolidayOn, py::arg("day"),
           "The holiday this calendar keeps on the date `day`, or None.")
      .def(
          "is_closed",
          [](const WorkCalendar& self, absl::CivilDay d, const std::vector<std::string>& units) {
            return self.IsClosed(d, units);
          },
          py::arg("day"), py::arg_v("units", std::vector<std::string>{}, "()"),
          "True when `day` is a holiday of this calendar, in a closure for every unit, or\n"
          "in a closure of one of `units`.")
      .def("is_working_day", &WorkCalendar::IsWorkingDay, py::arg("day"),
           "True when `day` is Monday to Friday and not closed for every unit.")
      .def("next_working_day", &WorkCalendar::NextWorkingDay, py::arg("day"),
           "The first working day after `day`; None when none follows within ten years.")
      .def(
          "for_units",
          [](const WorkCalendar& self, const std::vector<std::string>& units) {
            return self.ForUnits(units);
          },
          py::arg("units"),
          "This calendar as `units` see it: their closures apply to everyone, other units'\n"
          "are left out.")
      .def("longest_closure", &WorkCalendar::LongestClosure,
           "The longest run of days closed by closures alone; 0 without closures.");
  BindValue(calendar);

  py::class_<CalendarRules> rules(m, "CalendarRules", "How expand_on_calendar applies a calendar.");
  rules
      .def(py::init([](ClosedDayPolicy policy, bool count_held_sessions) {
             return CalendarRules{policy, count_held_sessions};
           }),
           py::kw_only(), py::arg_v("policy", ClosedDayPolicy::kSkip, "ClosedDayPolicy.SKIP"),
           py::arg("count_held_sessions") = false, "Rules from their fields.")
      .def(py::init<const CalendarRules&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("policy", &CalendarRules::policy, "What a closed day does to an occurrence.")
      .def_readwrite("count_held_sessions", &CalendarRules::count_held_sessions,
                     "True: COUNT is the number of sessions held (skipped starts are made up).");
  BindValue(rules);

  py::class_<CalendarExpansion> expansion(m, "CalendarExpansion",
                                          "A series expanded on a calendar.");
  expansion.def(py::init([](std::vector<Occurrence> occurrences,
                            std::vector<absl::CivilMinute> skipped, std::optional<int> rule_count) {
                  return CalendarExpansion{std::move(occurrences), std::move(skipped), rule_count};
                }),
                py::kw_only(), py::arg_v("occurrences", std::vector<Occurrence>{}, "()"),
                py::arg_v("skipped", std::vector<absl::CivilMinute>{}, "()"),
                py::arg("rule_count") = py::none(), "An expansion from its fields.");
  CopyConstructor(expansion);
  TupleField(expansion, "occurrences", &CalendarExpansion::occurrences,
             "The occurrences held that start in the window, sorted by start.");
  TupleField(expansion, "skipped", &CalendarExpansion::skipped,
             "The original local starts skipped for a closed day (EXDATEs in iCalendar).");
  expansion.def_readwrite("rule_count", &CalendarExpansion::rule_count,
                          "With count_held_sessions, the COUNT an RFC 5545 reader needs.");
  BindValue(expansion);

  m.def(
      "expand_on_calendar",
      [](const Recurrence& r, const TimeWindow& w, const WorkCalendar& c, const CalendarRules& cr) {
        return Unwrap(ExpandOnCalendar(r, w, c, cr));
      },
      py::arg("recurrence"), py::arg("window"), py::arg("calendar"),
      py::arg_v("rules", CalendarRules{}, "CalendarRules()"),
      "The occurrences of `recurrence` in `window` with those on a closed day kept,\n"
      "skipped or moved by `rules.policy`. Raises as expand_recurrence.");
}

// --- Programmes -----------------------------------------------------------------------------

void BindProgrammes(py::module_& m) {
  py::native_enum<Hosting>(m, "Hosting", "enum.Enum", "Who holds an entry's occurrences.")
      .value("EACH_UNIT", Hosting::kEachUnit, "Each unit holds its own.")
      .value("JOINT", Hosting::kJoint, "One occurrence for all the units together.")
      .finalize();

  py::class_<OrgUnit> unit(m, "OrgUnit",
                           "A unit of the organisation: a municipality, an area, a care centre.");
  unit.def(py::init([](std::string id, Text name, std::string parent) {
             return OrgUnit{std::move(id), std::move(name), std::move(parent)};
           }),
           py::arg("id") = "", py::arg_v("name", Text{}, "Text()"), py::arg("parent") = "",
           "A unit `id` named `name`, below `parent` (empty for a top unit).");
  CopyConstructor(unit);
  unit.def_readwrite("id", &OrgUnit::id, "Stable id, unique within the programme.")
      .def_readwrite("name", &OrgUnit::name, "The unit's name.")
      .def_readwrite("parent", &OrgUnit::parent, "The parent unit's id; empty for a top unit.");
  BindValue(unit);

  py::class_<ExpectedRole> role(m, "ExpectedRole",
                                "How many people of a role are expected at each occurrence.");
  role.def(py::init([](std::string role_id, int people) {
             return ExpectedRole{std::move(role_id), people};
           }),
           py::arg("role") = "", py::arg("people") = 0, "`people` people of the role `role`.");
  CopyConstructor(role);
  role.def_readwrite("role", &ExpectedRole::role, "The role's id.")
      .def_readwrite("people", &ExpectedRole::people, "How many, from 0.");
  BindValue(role);

  py::class_<ProgrammeEntry> entry(
      m, "ProgrammeEntry",
      "One format in a programme: for which units, when (a Recurrence), with whom,\n"
      "and how closed days, held sessions, whole days and flexible time are treated.");
  entry.def(
      py::init([](std::string id, FormatRef format, Text title, std::vector<std::string> units,
                  Hosting hosting, Recurrence recurrence, std::vector<ExpectedRole> roles,
                  std::vector<std::string> people, std::optional<ClosedDayPolicy> on_closed_day,
                  bool count_held_sessions, bool occupies_day, bool flexible) {
        ProgrammeEntry e;
        e.id = std::move(id);
        e.format = std::move(format);
        e.title = std::move(title);
        e.units = std::move(units);
        e.hosting = hosting;
        e.recurrence = std::move(recurrence);
        e.roles = std::move(roles);
        e.people = std::move(people);
        e.on_closed_day = on_closed_day;
        e.count_held_sessions = count_held_sessions;
        e.occupies_day = occupies_day;
        e.flexible = flexible;
        return e;
      }),
      py::kw_only(), py::arg("id") = "", py::arg_v("format", FormatRef{}, "FormatRef()"),
      py::arg_v("title", Text{}, "Text()"), py::arg_v("units", std::vector<std::string>{}, "()"),
      py::arg_v("hosting", Hosting::kEachUnit, "Hosting.EACH_UNIT"),
      py::arg_v("recurrence", Recurrence{}, "Recurrence()"),
      py::arg_v("roles", std::vector<ExpectedRole>{}, "()"),
      py::arg_v("people", std::vector<std::string>{}, "()"), py::arg("on_closed_day") = py::none(),
      py::arg("count_held_sessions") = false, py::arg("occupies_day") = false,
      py::arg("flexible") = false, "An entry from its fields, all keyword arguments.");
  CopyConstructor(entry);
  entry.def_readwrite("id", &ProgrammeEntry::id, "Stable id, unique within the programme.")
      .def_readwrite("format", &ProgrammeEntry::format, "The format held.")
      .def_readwrite("title", &ProgrammeEntry::title,
                     "The title to show; empty for the format's title.");
  TupleField(entry, "units", &ProgrammeEntry::units,
             "The units by id; a unit with sub-units stands for the units below it. For a\n"
             "joint entry the first is the host.");
  entry.def_readwrite("hosting", &ProgrammeEntry::hosting, "Each unit, or all together.")
      .def_readwrite("recurrence", &ProgrammeEntry::recurrence, "When.");
  TupleField(entry, "roles", &ProgrammeEntry::roles, "Who is expected, by role.");
  TupleField(entry, "people", &ProgrammeEntry::people,
             "Pseudonymous ids of the people expected; their number is the expected count.");
  entry
      .def_readwrite("on_closed_day", &ProgrammeEntry::on_closed_day,
                     "What a closed day does; None for the programme's policy.")
      .def_readwrite("count_held_sessions", &ProgrammeEntry::count_held_sessions,
                     "True: COUNT counts the sessions held (8 teaching sessions stay 8).")
      .def_readwrite("occupies_day", &ProgrammeEntry::occupies_day,
                     "True: attending takes the whole day (a seminar).")
      .def_readwrite("flexible", &ProgrammeEntry::flexible,
                     "True: a time budget, not an appointment (never in conflicts).")
      .def("expected_people", &ProgrammeEntry::ExpectedPeople,
           "The number of people expected: len(people) when given, else the sum of roles.");
  BindValue(entry);

  py::class_<Programme> programme(
      m, "Programme",
      "A composition over time of formats for the units of an organisation.\n\n"
      "Use carelearn.Programme, which adds load/save, expand, to_frame and to_ics and\n"
      "keeps the work calendar the programme is planned on.");
  programme.def(py::init([](std::string id, Text title, std::vector<OrgUnit> units,
                            std::vector<ProgrammeEntry> entries, ClosedDayPolicy on_closed_day) {
                  Programme p;
                  p.id = std::move(id);
                  p.title = std::move(title);
                  p.units = std::move(units);
                  p.entries = std::move(entries);
                  p.on_closed_day = on_closed_day;
                  return p;
                }),
                py::kw_only(), py::arg("id") = "", py::arg_v("title", Text{}, "Text()"),
                py::arg_v("units", std::vector<OrgUnit>{}, "()"),
                py::arg_v("entries", std::vector<ProgrammeEntry>{}, "()"),
                py::arg_v("on_closed_day", ClosedDayPolicy::kSkip, "ClosedDayPolicy.SKIP"),
                "A programme from its fields, all keyword arguments.");
  CopyConstructor(programme);
  programme.def_readwrite("id", &Programme::id, "Stable id; part of iCalendar UIDs.")
      .def_readwrite("title", &Programme::title, "The programme's name.");
  TupleField(programme, "units", &Programme::units, "The organisation's units.");
  TupleField(programme, "entries", &Programme::entries, "The formats held.");
  programme
      .def_readwrite("on_closed_day", &Programme::on_closed_day,
                     "What a closed day does to an occurrence, unless the entry says otherwise.")
      .def(
          "find_unit",
          [](const Programme& self, std::string_view id) -> std::optional<OrgUnit> {
            const OrgUnit* found = self.FindUnit(id);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("id"), "The unit with `id`, or None.");
  BindValue(programme);

  m.def(
      "validate_programme", [](const Programme& p) { ThrowIfError(ValidateProgramme(p)); },
      py::arg("programme"),
      "Raises FormatError when `programme` is not well formed (ids, parents, units,\n"
      "counts, recurrences), naming the place.");
  m.def(
      "entry_from_component",
      [](const Component& component, absl::CivilMinute start, absl::Duration duration,
         std::vector<std::string> units) {
        return Unwrap(EntryFromComponent(component, start, duration, std::move(units)));
      },
      py::arg("component"), py::arg("start"), py::arg("duration"), py::arg("units"),
      "The entry that holds `component` of a programme-level format: its cadence becomes\n"
      "the rule, starting at `start` (naive local) for `duration`.");

  py::class_<ScheduledEntry> scheduled_entry(m, "ScheduledEntry",
                                             "An entry as a schedule holds it.");
  scheduled_entry.def(
      py::init([](std::string id, std::string format_id, Hosting hosting,
                  std::vector<std::uint32_t> units, std::uint32_t host,
                  std::vector<std::string> people, bool occupies_day, bool flexible) {
        return ScheduledEntry{std::move(id), std::move(format_id), hosting,      std::move(units),
                              host,          std::move(people),    occupies_day, flexible};
      }),
      py::kw_only(), py::arg("id") = "", py::arg("format_id") = "",
      py::arg_v("hosting", Hosting::kEachUnit, "Hosting.EACH_UNIT"),
      py::arg_v("units", std::vector<std::uint32_t>{}, "()"), py::arg("host") = 0,
      py::arg_v("people", std::vector<std::string>{}, "()"), py::arg("occupies_day") = false,
      py::arg("flexible") = false, "An entry from its fields, all keyword arguments.");
  CopyConstructor(scheduled_entry);
  scheduled_entry.def_readwrite("id", &ScheduledEntry::id, "The entry's id.")
      .def_readwrite("format_id", &ScheduledEntry::format_id, "The id of the format held.")
      .def_readwrite("hosting", &ScheduledEntry::hosting, "Each unit, or all together.");
  TupleField(scheduled_entry, "units", &ScheduledEntry::units,
             "The units (indexes into Schedule.units) that hold or attend it.");
  scheduled_entry.def_readwrite("host", &ScheduledEntry::host,
                                "For a joint entry: the host's index.");
  TupleField(scheduled_entry, "people", &ScheduledEntry::people, "The people expected.");
  scheduled_entry
      .def_readwrite("occupies_day", &ScheduledEntry::occupies_day, "Attending takes the day.")
      .def_readwrite("flexible", &ScheduledEntry::flexible, "A time budget, not an appointment.");
  BindValue(scheduled_entry);

  py::class_<ScheduledOccurrence> scheduled(m, "ScheduledOccurrence",
                                            "One occurrence of one entry for one unit.");
  scheduled.def(
      py::init([](std::uint32_t entry_index, std::uint32_t unit_index, absl::Time start,
                  absl::Time end, absl::CivilMinute local_start, absl::CivilMinute local_end,
                  absl::CivilMinute original, int expected_people) {
        return ScheduledOccurrence{entry_index, unit_index, start,    end,
                                   local_start, local_end,  original, expected_people};
      }),
      py::kw_only(), py::arg("entry") = 0, py::arg("unit") = 0,
      py::arg_v("start", absl::UnixEpoch(),
                "datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)"),
      py::arg_v("end", absl::UnixEpoch(),
                "datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)"),
      py::arg_v("local_start", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
      py::arg_v("local_end", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
      py::arg_v("original", absl::CivilMinute(), "datetime.datetime(1970, 1, 1)"),
      py::arg("expected_people") = 0, "An occurrence from its fields, all keyword arguments.");
  CopyConstructor(scheduled);
  scheduled.def_readwrite("entry", &ScheduledOccurrence::entry, "Index into Schedule.entries.")
      .def_readwrite("unit", &ScheduledOccurrence::unit,
                     "Index into Schedule.units: the holder, or the host of a joint entry.")
      .def_readwrite("start", &ScheduledOccurrence::start, "When it starts (aware, UTC).")
      .def_readwrite("end", &ScheduledOccurrence::end, "When it ends (aware, UTC).")
      .def_readwrite("local_start", &ScheduledOccurrence::local_start,
                     "`start` on the entry's local clock.")
      .def_readwrite("local_end", &ScheduledOccurrence::local_end, "`end` on the local clock.")
      .def_readwrite("original", &ScheduledOccurrence::original,
                     "Where the series put it (differs when moved).")
      .def_readwrite("expected_people", &ScheduledOccurrence::expected_people,
                     "The people expected.");
  BindValue(scheduled);

  py::class_<Schedule> schedule(
      m, "Schedule",
      "A programme expanded: its units and entries, and the occurrences sorted by start,\n"
      "then unit, then entry, referring to units and entries by index.");
  schedule.def(py::init([](std::string programme_id, std::vector<OrgUnit> units,
                           std::vector<ScheduledEntry> entries,
                           std::vector<ScheduledOccurrence> occurrences) {
                 return Schedule{std::move(programme_id), std::move(units), std::move(entries),
                                 std::move(occurrences)};
               }),
               py::kw_only(), py::arg("programme_id") = "",
               py::arg_v("units", std::vector<OrgUnit>{}, "()"),
               py::arg_v("entries", std::vector<ScheduledEntry>{}, "()"),
               py::arg_v("occurrences", std::vector<ScheduledOccurrence>{}, "()"),
               "A schedule from its fields; expand_programme makes one from a programme.");
  CopyConstructor(schedule);
  schedule.def_readwrite("programme_id", &Schedule::programme_id, "The programme's id.");
  TupleField(schedule, "units", &Schedule::units, "The programme's units, in its order.");
  TupleField(schedule, "entries", &Schedule::entries, "One per programme entry, in its order.");
  TupleField(schedule, "occurrences", &Schedule::occurrences, "Sorted by start, unit, entry.");
  schedule
      .def(
          "unit_id",
          [](const Schedule& self, const ScheduledOccurrence& o) {
            return std::string(self.unit_id(o));
          },
          py::arg("occurrence"), "The id of the unit holding `occurrence`.")
      .def(
          "format_id",
          [](const Schedule& self, const ScheduledOccurrence& o) {
            return std::string(self.format_id(o));
          },
          py::arg("occurrence"), "The id of the format `occurrence` holds.")
      .def(
          "entry_id",
          [](const Schedule& self, const ScheduledOccurrence& o) {
            return std::string(self.entry_id(o));
          },
          py::arg("occurrence"), "The id of the entry `occurrence` belongs to.")
      .def(
          "__len__", [](const Schedule& self) { return self.occurrences.size(); },
          "The number of occurrences.");
  schedule.def(
      "__repr__",
      [](const Schedule& self) {
        return "Schedule(programme_id=" + py::repr(py::str(self.programme_id)).cast<std::string>() +
               ", units=<" + std::to_string(self.units.size()) + ">, entries=<" +
               std::to_string(self.entries.size()) + ">, occurrences=<" +
               std::to_string(self.occurrences.size()) + ">)";
      },
      "The programme's id and how many units, entries and occurrences it has.");
  BindValue(schedule);

  m.def(
      "schedule_columns",
      [](const Schedule& s) {
        // One pass over the C++ occurrences into numpy arrays: no Python object
        // per occurrence. Instants are microseconds since the Unix epoch (UTC),
        // local times minutes since 1970-01-01 00:00 on the local clock.
        const auto n = static_cast<py::ssize_t>(s.occurrences.size());
        py::array_t<std::int32_t> entry_codes(n);
        py::array_t<std::int32_t> unit_codes(n);
        py::array_t<std::int32_t> people(n);
        py::array_t<std::int64_t> start(n);
        py::array_t<std::int64_t> end(n);
        py::array_t<std::int64_t> local_start(n);
        py::array_t<std::int64_t> local_end(n);
        py::array_t<std::int64_t> original(n);
        auto e = entry_codes.mutable_unchecked<1>();
        auto u = unit_codes.mutable_unchecked<1>();
        auto p = people.mutable_unchecked<1>();
        auto b = start.mutable_unchecked<1>();
        auto f = end.mutable_unchecked<1>();
        auto lb = local_start.mutable_unchecked<1>();
        auto lf = local_end.mutable_unchecked<1>();
        auto o = original.mutable_unchecked<1>();
        const absl::CivilMinute epoch(1970, 1, 1, 0, 0);
        for (py::ssize_t i = 0; i < n; ++i) {
          const ScheduledOccurrence& occurrence = s.occurrences[static_cast<std::size_t>(i)];
          e(i) = static_cast<std::int32_t>(occurrence.entry);
          u(i) = static_cast<std::int32_t>(occurrence.unit);
          p(i) = occurrence.expected_people;
          b(i) = absl::ToUnixMicros(occurrence.start);
          f(i) = absl::ToUnixMicros(occurrence.end);
          lb(i) = occurrence.local_start - epoch;
          lf(i) = occurrence.local_end - epoch;
          o(i) = occurrence.original - epoch;
        }
        py::list entries;
        py::list formats;
        for (const ScheduledEntry& se : s.entries) {
          entries.append(se.id);
          formats.append(se.format_id);
        }
        py::list units;
        for (const OrgUnit& ou : s.units) units.append(ou.id);
        py::dict out;
        out["entry"] = entry_codes;
        out["unit"] = unit_codes;
        out["start"] = start.attr("view")("datetime64[us]");
        out["end"] = end.attr("view")("datetime64[us]");
        out["local_start"] = local_start.attr("view")("datetime64[m]");
        out["local_end"] = local_end.attr("view")("datetime64[m]");
        out["original"] = original.attr("view")("datetime64[m]");
        out["expected_people"] = people;
        out["entries"] = entries;
        out["formats"] = formats;
        out["units"] = units;
        return out;
      },
      py::arg("schedule"),
      "The occurrences of `schedule` as columns, numpy arrays built in one pass in C++:\n"
      "`entry` and `unit` (int32 indexes into the lists `entries` and `units`;\n"
      "`formats` holds each entry's format id), `start` and `end` (datetime64[us], UTC),\n"
      "`local_start`, `local_end` and `original` (datetime64[m] on the entry's local\n"
      "clock) and `expected_people` (int32). Needs numpy.");

  m.def(
      "expand_programme",
      [](const Programme& p, const TimeWindow& w, const WorkCalendar& c) {
        return Unwrap(Expand(p, w, c));
      },
      py::arg("programme"), py::arg("window"),
      py::arg_v("calendar", WorkCalendar(), "WorkCalendar()"),
      "Expands `programme` in `window` on `calendar` into a Schedule.\n\n"
      "Raises FormatError for a programme that is not well formed, or an entry that\n"
      "cannot be expanded (a rule without an end in a window without one), naming it.");

  py::native_enum<ConflictKind>(m, "ConflictKind", "enum.Enum",
                                "What kind of collision a unit has.")
      .value("DOUBLE_BOOKED", ConflictKind::kDoubleBooked, "Two occurrences overlap in time.")
      .value("SEMINAR_DAY", ConflictKind::kSeminarDay,
             "The unit attends a whole-day occurrence and has another one that day.")
      .finalize();
  m.def(
      "conflict_kind_name", [](ConflictKind k) { return std::string(ConflictKindName(k)); },
      py::arg("kind"), "The canonical name of `kind`: \"double-booked\" or \"seminar-day\".");

  py::class_<Conflict> conflict(
      m, "ScheduledConflict",
      "A collision of two occurrences of a Schedule for one unit, by index (C++\n"
      "carelearn::Conflict); carelearn.Conflict holds the occurrences themselves.");
  conflict
      .def(py::init(
               [](ConflictKind kind, std::string unit_id, std::size_t first, std::size_t second) {
                 return Conflict{kind, std::move(unit_id), first, second};
               }),
           py::kw_only(),
           py::arg_v("kind", ConflictKind::kDoubleBooked, "ConflictKind.DOUBLE_BOOKED"),
           py::arg("unit") = "", py::arg("first") = 0, py::arg("second") = 0,
           "A conflict from its fields.")
      .def(py::init<const Conflict&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("kind", &Conflict::kind, "What kind.")
      .def_readwrite("unit", &Conflict::unit, "The id of the unit concerned.")
      .def_readwrite("first", &Conflict::first,
                     "Index into Schedule.occurrences: the one that starts first.")
      .def_readwrite("second", &Conflict::second, "Index into Schedule.occurrences: the other.");
  BindValue(conflict);
  m.def("find_conflicts", &FindConflicts, py::arg("schedule"),
        "The collisions in `schedule`, by unit and then by the occurrences' order.\n"
        "Flexible entries never collide; back-to-back occurrences do not overlap.");

  py::class_<UnitMonthLoad> unit_load(m, "UnitMonthLoad",
                                      "The planned learning time of one unit in one month.");
  unit_load.def(py::init([](std::string unit_id, absl::CivilDay month, int sessions, double hours,
                            double person_hours) {
                  return UnitMonthLoad{std::move(unit_id), absl::CivilMonth(month), sessions, hours,
                                       person_hours};
                }),
                py::kw_only(), py::arg("unit") = "",
                py::arg_v("month", absl::CivilDay(1970, 1, 1), "datetime.date(1970, 1, 1)"),
                py::arg("sessions") = 0, py::arg("hours") = 0.0, py::arg("person_hours") = 0.0,
                "A load from its fields; `month` is any date in the month.");
  CopyConstructor(unit_load);
  unit_load.def_readwrite("unit", &UnitMonthLoad::unit, "The unit's id.")
      .def_property(
          "month", [](const UnitMonthLoad& self) { return FirstDay(self.month); },
          [](UnitMonthLoad& self, absl::CivilDay day) { self.month = absl::CivilMonth(day); },
          "The month, as the datetime.date of its first day.")
      .def_readwrite("sessions", &UnitMonthLoad::sessions, "How many occurrences.")
      .def_readwrite("hours", &UnitMonthLoad::hours, "Their hours in all.")
      .def_readwrite("person_hours", &UnitMonthLoad::person_hours,
                     "Hours x expected people, over the occurrences the unit holds.");
  BindValue(unit_load);

  py::class_<PersonMonthLoad> person_load(m, "PersonMonthLoad",
                                          "The planned learning time of one person in one month.");
  person_load.def(
      py::init([](std::string person, absl::CivilDay month, int sessions, double hours) {
        return PersonMonthLoad{std::move(person), absl::CivilMonth(month), sessions, hours};
      }),
      py::kw_only(), py::arg("person") = "",
      py::arg_v("month", absl::CivilDay(1970, 1, 1), "datetime.date(1970, 1, 1)"),
      py::arg("sessions") = 0, py::arg("hours") = 0.0,
      "A load from its fields; `month` is any date in the month.");
  CopyConstructor(person_load);
  person_load.def_readwrite("person", &PersonMonthLoad::person, "The person's pseudonymous id.")
      .def_property(
          "month", [](const PersonMonthLoad& self) { return FirstDay(self.month); },
          [](PersonMonthLoad& self, absl::CivilDay day) { self.month = absl::CivilMonth(day); },
          "The month, as the datetime.date of its first day.")
      .def_readwrite("sessions", &PersonMonthLoad::sessions, "How many occurrences.")
      .def_readwrite("hours", &PersonMonthLoad::hours, "Their hours in all.");
  BindValue(person_load);

  m.def("planned_hours_per_unit", &PlannedHoursPerUnit, py::arg("schedule"),
        "The planned hours per unit per month, flexible time included; sorted by unit\n"
        "(programme order), then month.");
  m.def("planned_hours_per_person", &PlannedHoursPerPerson, py::arg("schedule"),
        "The planned hours per named person per month; sorted by person, then month.");
}

// --- iCalendar and JSON ---------------------------------------------------------------------

void BindExports(py::module_& m) {
  py::native_enum<IcsLayout>(m, "IcsLayout", "enum.Enum",
                             "How a programme's occurrences become VEVENTs.")
      .value("SERIES", IcsLayout::kSeries,
             "One VEVENT per series with RRULE, RDATE, EXDATE and RECURRENCE-ID events.")
      .value("EXPANDED", IcsLayout::kExpanded, "One VEVENT per occurrence in the window.")
      .finalize();
  m.def(
      "ics_layout_name", [](IcsLayout layout) { return std::string(IcsLayoutName(layout)); },
      py::arg("layout"), "The canonical name of `layout`: \"series\" or \"expanded\".");
  m.def(
      "parse_ics_layout", [](std::string_view name) { return ParseIcsLayout(name); },
      py::arg("name"), "The layout named `name`, or None when there is none.");

  py::class_<IcsOptions> options(m, "IcsOptions",
                                 "Options for export_icalendar. Keeps its catalog alive.");
  options
      // The catalog comes as an object: a None for a pointer is refused by
      // pybind11 3.1's first overload pass, and the copy constructor makes two.
      .def(py::init([](LangArg lang, IcsLayout layout, std::optional<absl::Time> stamp,
                       const py::typing::Optional<Catalog>& catalog) {
             return IcsOptions{lang.lang, layout, stamp,
                               OptionalPointer<Catalog>(catalog, "IcsOptions(): catalog")};
           }),
           py::kw_only(), py::arg_v("lang", Lang::kDa, "Lang.DA"),
           py::arg_v("layout", IcsLayout::kSeries, "IcsLayout.SERIES"),
           py::arg("stamp") = py::none(), py::arg("catalog") = py::none(), py::keep_alive<1, 5>(),
           "Options from their fields: the language of SUMMARY and DESCRIPTION, the layout,\n"
           "DTSTAMP (an aware datetime; None: now) and the catalog for titles and purposes.")
      .def(py::init<const IcsOptions&>(), py::arg("other"), py::keep_alive<1, 2>(),
           "A copy of `other`, sharing its catalog.")
      .def_readwrite("lang", &IcsOptions::lang, "The language of SUMMARY and DESCRIPTION.")
      .def_readwrite("layout", &IcsOptions::layout, "Series or single events.")
      .def_readwrite("stamp", &IcsOptions::stamp, "DTSTAMP; None for the time of export.")
      .def_property(
          "catalog", [](const IcsOptions& self) { return self.catalog; },
          py::cpp_function(
              [](IcsOptions& self, const py::typing::Optional<Catalog>& c) {
                self.catalog = OptionalPointer<Catalog>(c, "IcsOptions.catalog");
              },
              py::keep_alive<1, 2>()),
          py::return_value_policy::reference,
          "Resolves format titles and purposes; None uses the entry's title or the format id.");

  m.def(
      "export_icalendar",
      [](const Programme& p, const TimeWindow& w, const WorkCalendar& c, const IcsOptions& o) {
        return Unwrap(ExportICalendar(p, w, c, o));
      },
      py::arg("programme"), py::arg("window"),
      py::arg_v("calendar", WorkCalendar(), "WorkCalendar()"),
      py::arg_v("options", IcsOptions{}, "IcsOptions()"),
      "`programme` on `calendar` as an RFC 5545 iCalendar document (CRLF line ends):\n"
      "the series with an occurrence in `window` (SERIES), or exactly its occurrences\n"
      "there (EXPANDED). Raises as expand_programme.");

  py::class_<ProgrammeDocument> document(
      m, "ProgrammeDocument",
      "What a \"programme/1\" document holds: a programme and the calendar it is planned on.");
  document
      .def(py::init([](Programme p, WorkCalendar c) {
             return ProgrammeDocument{std::move(p), std::move(c)};
           }),
           py::kw_only(), py::arg_v("programme", Programme{}, "Programme()"),
           py::arg_v("calendar", WorkCalendar(), "WorkCalendar()"), "A document from its parts.")
      .def(py::init<const ProgrammeDocument&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("programme", &ProgrammeDocument::programme, "The programme.")
      .def_readwrite("calendar", &ProgrammeDocument::calendar, "The work calendar.");
  BindValue(document);

  const ParseOptions defaults;
  m.def(
      "parse_programme",
      [](std::string_view json, const ParseOptions& o) { return Unwrap(ParseProgramme(json, o)); },
      py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      "Parses a \"programme/1\" document.\n\n"
      "Raises FormatError (with path, line and column) for a syntax error, an unknown\n"
      "or missing key, a wrong type, an RRULE that does not parse, a bad time, duration\n"
      "or time zone, or a reference to a unit that is not there; LimitError and\n"
      "VersionError as the other loaders. Each message is led by\n"
      "\"<source>:<line>:<column>: <pointer>: \".");
  m.def(
      "load_programme",
      [](const std::string& path, ParseOptions o) {
        return Unwrap(LoadProgramme(path, std::move(o)));
      },
      py::arg("path"), py::arg_v("options", defaults, "ParseOptions()"),
      "Reads and parses the \"programme/1\" file at `path`. Raises NotFoundError when it\n"
      "cannot be read; otherwise as parse_programme.");
  m.def(
      "to_json", [](const Programme& p, const WorkCalendar& c) { return ToJson(p, c); },
      py::arg("programme"), py::arg_v("calendar", WorkCalendar(), "WorkCalendar()"),
      "The canonical JSON text of `programme` planned on `calendar`, ending in a newline.");
  m.def(
      "to_json", [](const ProgrammeDocument& d) { return ToJson(d); }, py::arg("document"),
      "The canonical JSON text of a programme document, ending in a newline.");
}

}  // namespace

void BindSchedule(py::module_& m) {
  BindRules(m);
  BindSeries(m);
  BindCalendars(m);
  BindProgrammes(m);
  BindExports(m);
}

}  // namespace carelearn::bindings
