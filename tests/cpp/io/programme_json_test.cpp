// Tests of carelearn/io/programme_json.hpp: the example programmes load,
// expand to the facts of the source texts and save byte for byte as they are;
// every value round-trips; every class of load error has its exact code,
// message and location.
#include "carelearn/io/programme_json.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/io/json.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"
#include "gtest/gtest.h"

namespace carelearn {
namespace {

using M = absl::CivilMinute;

const std::filesystem::path kExamples =
    std::filesystem::path(CARELEARN_SOURCE_DIR) / "examples" / "programmes";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

ParseOptions Named(std::string name = "p.json") {
  ParseOptions options;
  options.source_name = std::move(name);
  return options;
}

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// A valid programme on one line: a municipality with two care centres, and
// one entry every other Wednesday. `replacements` edit its text.
std::string Doc(
    std::initializer_list<std::pair<std::string_view, std::string_view>> replacements = {}) {
  std::string text =
      R"({"carelearn": "programme/1", "id": "p", "units": [{"id": "hoersholm"}, )"
      R"({"id": "egely", "parent": "hoersholm"}, {"id": "sophielund", "parent": "hoersholm"}], )"
      R"("entries": [{"id": "meeting", "format": {"id": "systematic-learning-meeting"}, )"
      R"("units": ["hoersholm"], "recurrence": {"start": "2026-03-04T14:00", "duration": "PT30M", )"
      R"("rule": "FREQ=WEEKLY;INTERVAL=2"}}]})";
  for (const auto& [from, to] : replacements) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "no " << from << " in the document";
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  return text;
}

// Expects ParseProgramme(`json`) to fail with `code` and exactly `message`.
void ExpectError(const std::string& json, absl::StatusCode code, std::string_view message,
                 const ParseOptions& options = Named()) {
  const absl::StatusOr<ProgrammeDocument> result = ParseProgramme(json, options);
  ASSERT_FALSE(result.ok()) << "parsed: " << json;
  EXPECT_EQ(result.status().code(), code) << result.status();
  EXPECT_EQ(Message(result.status()), message);
}

void ExpectInvalid(const std::string& json, std::string_view message) {
  ExpectError(json, absl::StatusCode::kInvalidArgument, message);
}

TimeWindow Window(absl::CivilDay first, absl::CivilDay end) {
  return TimeWindow::Days(first, end, CopenhagenTimeZone());
}

// ------------------------------------------------------------------ the examples

TEST(ProgrammeJsonExamples, EachIsByteIdenticalWhenSaved) {
  std::size_t count = 0;
  for (const auto& file : std::filesystem::directory_iterator(kExamples)) {
    if (file.path().extension() != ".json") continue;
    ++count;
    const absl::StatusOr<ProgrammeDocument> doc = LoadProgramme(file.path());
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(ToJson(*doc), ReadFile(file.path())) << file.path();
    EXPECT_TRUE(ValidateProgramme(doc->programme).ok()) << file.path();
  }
  EXPECT_GE(count, 2u);
}

TEST(ProgrammeJsonExamples, CompetenceModuleGivesEightSessionsFromSeptemberToJanuary) {
  const absl::StatusOr<ProgrammeDocument> doc = LoadProgramme(kExamples / "competence-module.json");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const absl::StatusOr<Schedule> schedule =
      Expand(doc->programme, Window(absl::CivilDay(2018, 8, 1), absl::CivilDay(2019, 3, 1)),
             doc->calendar);
  ASSERT_TRUE(schedule.ok()) << schedule.status();
  std::vector<M> sessions;
  std::vector<const ScheduledOccurrence*> reading;
  for (const ScheduledOccurrence& o : schedule->occurrences) {
    if (schedule->entry_id(o) == "sessions") sessions.push_back(o.local_start);
    if (schedule->entry_id(o) == "reading") reading.push_back(&o);
  }
  // Every other Wednesday; 17 October (autumn holidays) and 26 December
  // (Christmas) are skipped and made up at the end, as docs/schedule.md says.
  const std::vector<M> expected = {
      M(2018, 9, 5, 9, 0),   M(2018, 9, 19, 9, 0),  M(2018, 10, 3, 9, 0),  M(2018, 10, 31, 9, 0),
      M(2018, 11, 14, 9, 0), M(2018, 11, 28, 9, 0), M(2018, 12, 12, 9, 0), M(2019, 1, 9, 9, 0)};
  EXPECT_EQ(sessions, expected);
  for (const ScheduledOccurrence& o : schedule->occurrences) {
    if (schedule->entry_id(o) == "sessions") {
      EXPECT_EQ(o.expected_people, 21);
    }
  }
  // Two hours of reading a week, one slot a week, in the weeks not closed.
  ASSERT_FALSE(reading.empty());
  std::set<absl::CivilDay> weeks;
  for (const ScheduledOccurrence* o : reading) {
    EXPECT_EQ(o->end - o->start, absl::Hours(2));
    const absl::CivilDay day(o->local_start);
    const absl::CivilDay monday =
        day - (static_cast<int>(absl::GetWeekday(day)) - static_cast<int>(absl::Weekday::monday));
    EXPECT_TRUE(weeks.insert(monday).second) << "two reading slots in the week of " << monday;
  }
  // 3 September 2018 to 28 January 2019 is 22 weeks; 15 October (autumn),
  // 24 and 31 December (Christmas) are closed.
  EXPECT_EQ(reading.size(), 22u - 3u);
  EXPECT_TRUE(schedule->entries[1].flexible);
  EXPECT_TRUE(FindConflicts(*schedule).empty());
}

TEST(ProgrammeJsonExamples, NetworkHasThreeSeminarsAndEveryUnitsMeetings) {
  const absl::StatusOr<ProgrammeDocument> doc =
      LoadProgramme(kExamples / "cross-municipal-network.json");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const Programme& p = doc->programme;
  // 7 municipalities, each with a unit or two.
  std::size_t municipalities = 0;
  for (const OrgUnit& u : p.units) {
    if (u.parent != "north-zealand") continue;
    ++municipalities;
    const auto units = std::count_if(p.units.begin(), p.units.end(),
                                     [&](const OrgUnit& c) { return c.parent == u.id; });
    EXPECT_TRUE(units == 1 || units == 2) << u.id;
  }
  EXPECT_EQ(municipalities, 7u);

  const absl::StatusOr<Schedule> schedule =
      Expand(p, Window(absl::CivilDay(2021, 9, 1), absl::CivilDay(2022, 7, 1)), doc->calendar);
  ASSERT_TRUE(schedule.ok()) << schedule.status();
  std::vector<M> seminars;
  int network = 0;
  std::set<std::string_view> meeting_units;
  for (const ScheduledOccurrence& o : schedule->occurrences) {
    if (schedule->entry_id(o) == "seminars") seminars.push_back(o.local_start);
    if (schedule->entry_id(o) == "network-meeting") ++network;
    if (schedule->entry_id(o) == "learning-meeting") meeting_units.insert(schedule->unit_id(o));
  }
  EXPECT_EQ(seminars,
            (std::vector<M>{M(2021, 10, 26, 9, 0), M(2022, 3, 22, 9, 0), M(2022, 5, 17, 9, 0)}));
  EXPECT_EQ(network, 10);                // the first Thursday of each month, September to June
  EXPECT_EQ(meeting_units.size(), 10u);  // every care centre, home care and rehabilitation unit
  // Each unit's learning meeting on 26 October 2021 falls on the first seminar's day.
  std::size_t seminar_days = 0;
  for (const Conflict& c : FindConflicts(*schedule)) {
    if (c.kind == ConflictKind::kSeminarDay) ++seminar_days;
  }
  EXPECT_EQ(seminar_days, 10u);
}

// ------------------------------------------------------------------ round trips

Programme EveryField() {
  Programme p;
  p.id = "every-field";
  p.title = {"Alt", "Everything"};
  p.on_closed_day = ClosedDayPolicy::kMoveToNextWorkingDay;
  p.units = {{"top", {"Top", ""}, ""}, {"leaf", {"", "Leaf"}, "top"}, {"bare", {}, "top"}};
  ProgrammeEntry e;
  e.id = "e";
  e.format = {"systematic-learning-meeting", 2};
  e.title = {"Møde", "Meeting"};
  e.units = {"leaf", "bare"};
  e.hosting = Hosting::kJoint;
  e.recurrence.start = M(2026, 3, 29, 2, 30);  // does not exist: summer time begins
  e.recurrence.duration = absl::Hours(1) + absl::Minutes(30) + absl::Seconds(15);
  e.recurrence.rule = *ParseRRule("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR,1MO;COUNT=5;WKST=SU");
  e.recurrence.rdates = {M(2026, 5, 1, 9, 0), M(2026, 4, 1, 9, 0)};
  e.recurrence.exdates = {M(2026, 6, 26, 2, 30)};
  e.recurrence.moves = {{M(2026, 3, 29, 2, 30), M(2026, 3, 30, 10, 0), absl::Minutes(45)},
                        {M(2026, 4, 24, 2, 30), M(2026, 4, 24, 12, 0), std::nullopt}};
  e.roles = {{"facilitator", 1}, {"colleague", 0}};
  e.people = {"p-1", "p-2"};
  e.on_closed_day = ClosedDayPolicy::kKeep;
  e.count_held_sessions = true;
  e.occupies_day = true;
  e.flexible = true;
  ProgrammeEntry utc = e;
  utc.id = "utc";
  utc.recurrence.zone = absl::UTCTimeZone();
  utc.recurrence.rule = *ParseRRule("FREQ=DAILY;BYMONTHDAY=1,-1;UNTIL=20261231T235900Z");
  utc.recurrence.moves.clear();
  utc.on_closed_day.reset();
  p.entries = {e, utc};
  return p;
}

WorkCalendar SomeCalendar() {
  WorkCalendar calendar(true);
  EXPECT_TRUE(calendar
                  .AddClosure({absl::CivilDay(2026, 7, 6),
                               absl::CivilDay(2026, 7, 31),
                               {"Sommerferie", "Summer holidays"}})
                  .ok());
  EXPECT_TRUE(
      calendar.AddClosure({absl::CivilDay(2026, 9, 14), absl::CivilDay(2026, 9, 14), {}, "leaf"})
          .ok());
  return calendar;
}

TEST(ProgrammeJsonRoundTrip, EveryFieldSurvives) {
  const Programme p = EveryField();
  const WorkCalendar calendar = SomeCalendar();
  const std::string text = ToJson(p, calendar);
  const absl::StatusOr<ProgrammeDocument> back = ParseProgramme(text, Named());
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << text;
  EXPECT_EQ(back->programme, p);
  EXPECT_EQ(back->calendar, calendar);
  EXPECT_EQ(ToJson(*back), text);
  // Only the zone that differs from the document's is written.
  EXPECT_NE(text.find(R"("time_zone": "UTC")"), std::string::npos);
  EXPECT_EQ(text.find("Europe/Copenhagen"), std::string::npos);
  EXPECT_NE(text.find(R"("duration": "PT1H30M15S")"), std::string::npos);
  EXPECT_NE(text.find(R"("holidays": "danish-and-common-days-off")"), std::string::npos);
}

TEST(ProgrammeJsonRoundTrip, DefaultsAreLeftOut) {
  Programme p;
  p.id = "bare";
  EXPECT_EQ(ToJson(p), "{\n  \"carelearn\": \"programme/1\",\n  \"id\": \"bare\"\n}\n");
  const absl::StatusOr<ProgrammeDocument> back = ParseProgramme(ToJson(p));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->programme, p);
  EXPECT_EQ(back->calendar, WorkCalendar());
  EXPECT_EQ(
      ToJson(p, WorkCalendar::WithoutHolidays()).find(R"("holidays": "none")") != std::string::npos,
      true);
}

TEST(ProgrammeJsonRoundTrip, ADocumentZoneIsWrittenOnceWhenAllEntriesShareIt) {
  absl::TimeZone helsinki;
  ASSERT_TRUE(absl::LoadTimeZone("Europe/Helsinki", &helsinki));
  const absl::StatusOr<ProgrammeDocument> doc =
      ParseProgramme(Doc({{R"("id": "p", )", R"("id": "p", "time_zone": "Europe/Helsinki", )"}}));
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->programme.entries[0].recurrence.zone, helsinki);
  const std::string text = ToJson(*doc);
  EXPECT_NE(text.find("  \"time_zone\": \"Europe/Helsinki\",\n  \"units\""), std::string::npos)
      << text;
  EXPECT_EQ(text.find("    \"time_zone\""), std::string::npos) << text;
}

TEST(ProgrammeJsonRoundTrip, ARuleObjectReadsAsItsText) {
  const absl::StatusOr<ProgrammeDocument> text_form = ParseProgramme(Doc(
      {{R"("FREQ=WEEKLY;INTERVAL=2")",
        R"("FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE,-1FR;BYMONTHDAY=1,-1;UNTIL=20261231T120000;WKST=SU")"}}));
  const absl::StatusOr<ProgrammeDocument> object_form = ParseProgramme(
      Doc({{R"("FREQ=WEEKLY;INTERVAL=2")",
            R"({"frequency": "monthly", "interval": 2.0, "by_day": ["1WE", "-1fr"], )"
            R"("by_month_day": [1, -1], "until": "2026-12-31T12:00:00", "week_start": "SU"})"}}));
  ASSERT_TRUE(text_form.ok()) << text_form.status();
  ASSERT_TRUE(object_form.ok()) << object_form.status();
  EXPECT_EQ(object_form->programme, text_form->programme);
  const absl::StatusOr<ProgrammeDocument> utc =
      ParseProgramme(Doc({{R"("FREQ=WEEKLY;INTERVAL=2")",
                           R"({"frequency": "daily", "count": 3, "by_day": ["MO", "+2TU"]})"}}));
  ASSERT_FALSE(utc.ok());  // an ordinal needs a monthly rule
  const absl::StatusOr<ProgrammeDocument> until =
      ParseProgramme(Doc({{R"("FREQ=WEEKLY;INTERVAL=2")",
                           R"({"frequency": "weekly", "until": "2026-12-31T11:00:00Z"})"}}));
  ASSERT_TRUE(until.ok()) << until.status();
  EXPECT_EQ(ToString(*until->programme.entries[0].recurrence.rule),
            "FREQ=WEEKLY;UNTIL=20261231T110000Z");
}

TEST(ProgrammeJsonRoundTrip, AHandWrittenDocumentSavesCanonically) {
  const std::string hand =
      "{\"entries\": [], \"id\": \"x\", \"carelearn\": \"programme/1\",\n"
      " \"calendar\": {\"holidays\": \"danish\"}, \"on_closed_day\": \"skip\", "
      "\"time_zone\": \"Europe/Copenhagen\"}";
  const absl::StatusOr<ProgrammeDocument> doc = ParseProgramme(hand);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(ToJson(*doc), "{\n  \"carelearn\": \"programme/1\",\n  \"id\": \"x\"\n}\n");
}

TEST(ProgrammeJsonRoundTrip, ExpandingAfterLoadingKeepsTheLocalClockAcrossSummerTime) {
  const absl::StatusOr<ProgrammeDocument> doc = ParseProgramme(Doc());
  ASSERT_TRUE(doc.ok()) << doc.status();
  const absl::StatusOr<Schedule> s =
      Expand(doc->programme, Window(absl::CivilDay(2026, 3, 1), absl::CivilDay(2026, 11, 30)),
             doc->calendar);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_FALSE(s->occurrences.empty());
  for (const ScheduledOccurrence& o : s->occurrences) {
    EXPECT_EQ(o.local_start.hour(), 14);
    EXPECT_EQ(o.local_start.minute(), 0);
  }
  // Both care centres hold each meeting.
  EXPECT_EQ(s->occurrences[0].local_start, M(2026, 3, 4, 14, 0));
  EXPECT_EQ(s->unit_id(s->occurrences[0]), "egely");
  EXPECT_EQ(s->unit_id(s->occurrences[1]), "sophielund");
}

// ------------------------------------------------------------------ errors

TEST(ProgrammeJsonErrors, Syntax) {
  ExpectInvalid(Doc({{R"("id": "p", )", R"("id": "p" )"}}),
                "p.json:1:40: (root): syntax error: expected ',' or '}' after a value, found a "
                "string");
}

TEST(ProgrammeJsonErrors, UnknownKeyWithTheLikelyOne) {
  ExpectInvalid(Doc({{R"("rule":)", R"("rrule":)"}}),
                "p.json:1:326: /entries/0/recurrence/rrule: unknown key \"rrule\"; did you mean "
                "\"rule\"?");
  ExpectInvalid(Doc({{R"("units": ["hoersholm"])", R"("unit": ["hoersholm"])"}}),
                "p.json:1:237: /entries/0/unit: unknown key \"unit\"; did you mean \"units\"?");
}

TEST(ProgrammeJsonErrors, MissingKey) {
  ExpectInvalid(Doc({{R"(, "duration": "PT30M")", ""}}),
                "p.json:1:275: /entries/0/recurrence: missing required key \"duration\"");
  ExpectInvalid(Doc({{R"("id": "p", )", ""}}), "p.json:1:1: (root): missing required key \"id\"");
}

TEST(ProgrammeJsonErrors, WrongType) {
  ExpectInvalid(Doc({{R"("units": ["hoersholm"])", R"("units": "hoersholm")"}}),
                "p.json:1:246: /entries/0/units: expected an array, found the string "
                "\"hoersholm\"");
  ExpectInvalid(Doc({{R"("PT30M")", "30"}}),
                "p.json:1:317: /entries/0/recurrence/duration: expected an exact duration such as "
                "\"PT30M\", \"PT6H\" or \"PT1H30M\", found the number 30");
}

TEST(ProgrammeJsonErrors, AnRRuleThatDoesNotParseIsReportedWithParseRRulesMessage) {
  const std::string doc = Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=FORTNIGHTLY"}});
  ExpectInvalid(doc,
                "p.json:1:334: /entries/0/recurrence/rule: RRULE part \"FREQ=FORTNIGHTLY\": "
                "unknown frequency; expected DAILY, WEEKLY or MONTHLY");
  const absl::StatusOr<ProgrammeDocument> result = ParseProgramme(doc, Named());
  const std::optional<ErrorLocation> where = GetErrorLocation(result.status());
  ASSERT_TRUE(where.has_value());
  EXPECT_EQ(where->pointer, "/entries/0/recurrence/rule");
  EXPECT_EQ(where->line, 1);
  EXPECT_EQ(where->column, 334);
  ExpectInvalid(Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;BYMONTH=3"}}),
                "p.json:1:334: /entries/0/recurrence/rule: RRULE part \"BYMONTH=3\": not "
                "supported; carelearn reads FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL and "
                "WKST");
  ExpectInvalid(Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;COUNT=3;UNTIL=20261231"}}),
                "p.json:1:334: /entries/0/recurrence/rule: RRULE part \"COUNT=3\": COUNT and "
                "UNTIL=20261231 cannot both be given (RFC 5545)");
}

// The RRULE text bounds UNTIL as the object form does (issue 10: it took year 0).
TEST(ProgrammeJsonErrors, AnRRuleUntilOutsideThePlanningYearsIsRefused) {
  ExpectInvalid(Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY;UNTIL=00000101"}}),
                "p.json:1:334: /entries/0/recurrence/rule: UNTIL: the year 0 is outside the years "
                "1583 to 9999 that carelearn plans in");
  ExpectInvalid(Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY;UNTIL=15821231T235959Z"}}),
                "p.json:1:334: /entries/0/recurrence/rule: UNTIL: the year 1582 is outside the "
                "years 1583 to 9999 that carelearn plans in");
  ExpectInvalid(
      Doc({{R"("FREQ=WEEKLY;INTERVAL=2")", R"({"frequency": "daily", "until": "0000-01-01"})"}}),
      "p.json:1:366: /entries/0/recurrence/rule/until: the year 0 is outside the years "
      "1583 to 9999 that carelearn plans in");
  EXPECT_TRUE(
      ParseProgramme(Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY;UNTIL=99991231"}}), Named()).ok());
}

TEST(ProgrammeJsonErrors, ARuleObjectIsCheckedPartByPart) {
  const auto with_rule = [](std::string_view rule) {
    return Doc({{R"("FREQ=WEEKLY;INTERVAL=2")", rule}});
  };
  ExpectInvalid(with_rule(R"({"frequency": "fortnightly"})"),
                "p.json:1:348: /entries/0/recurrence/rule/frequency: expected one of \"daily\", "
                "\"weekly\", \"monthly\", found the string \"fortnightly\"");
  ExpectInvalid(with_rule(R"({"frequency": "weekly", "interval": 0})"),
                "p.json:1:370: /entries/0/recurrence/rule/interval: expected an integer from 1 to "
                "2147483647, found the number 0");
  ExpectInvalid(with_rule(R"({"frequency": "monthly", "by_day": ["6WE"]})"),
                "p.json:1:370: /entries/0/recurrence/rule/by_day/0: the ordinal in \"6WE\" must be "
                "1 to 5 or -1 to -5 (the first to fifth, or the last to fifth-last, in the month)");
  ExpectInvalid(with_rule(R"({"frequency": "monthly", "by_month_day": [32]})"),
                "p.json:1:376: /entries/0/recurrence/rule/by_month_day/0: expected a day of the "
                "month from 1 to 31 or -1 to -31, found the number 32");
  ExpectInvalid(with_rule(R"({"frequency": "weekly", "by_month_day": [15]})"),
                "p.json:1:334: /entries/0/recurrence/rule: RRULE part \"BYMONTHDAY=15\": "
                "BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
  ExpectInvalid(with_rule(R"({"frequency": "weekly", "until": "2026-12-31T12:00"})"),
                "p.json:1:367: /entries/0/recurrence/rule/until: expected the last start as a date "
                "\"2019-01-31\", a local time \"2019-01-31T12:00:00\" or a UTC time "
                "\"2019-01-31T11:00:00Z\", found the string \"2026-12-31T12:00\"");
  ExpectInvalid(with_rule(R"({"frequency": "weekly", "week_start": "XX"})"),
                "p.json:1:372: /entries/0/recurrence/rule/week_start: expected a weekday \"MO\" to "
                "\"SU\", found the string \"XX\"");
  ExpectInvalid(with_rule(R"({"frequency": "weekly", "bymonthday": [1]})"),
                "p.json:1:358: /entries/0/recurrence/rule/bymonthday: unknown key \"bymonthday\"; "
                "did you mean \"by_month_day\"?");
}

TEST(ProgrammeJsonErrors, LocalTimesAndDates) {
  ExpectInvalid(Doc({{"2026-03-04T14:00", "2026-03-04 14:00"}}),
                "p.json:1:285: /entries/0/recurrence/start: expected a local date and time "
                "\"YYYY-MM-DDTHH:MM\" such as \"2026-03-04T14:00\", found the string \"2026-03-04 "
                "14:00\"");
  ExpectInvalid(Doc({{"2026-03-04T14:00", "2026-02-30T14:00"}}),
                "p.json:1:285: /entries/0/recurrence/start: no such date or time: "
                "\"2026-02-30T14:00\"");
  ExpectInvalid(Doc({{"2026-03-04T14:00", "2026-03-04T24:00"}}),
                "p.json:1:285: /entries/0/recurrence/start: no such date or time: "
                "\"2026-03-04T24:00\"");
  ExpectInvalid(Doc({{"2026-03-04T14:00", "1200-03-04T14:00"}}),
                "p.json:1:285: /entries/0/recurrence/start: the year 1200 is outside the years "
                "1583 to 9999 that carelearn plans in");
  ExpectInvalid(
      Doc({{R"("id": "p", )",
            R"("id": "p", "calendar": {"closures": [{"first": "2026-07-31", "last": "2026-07-06"}]}, )"}}),
      "p.json:1:99: /calendar/closures/0/last: the closure ends on 2026-07-06, before it begins "
      "on 2026-07-31");
  ExpectInvalid(
      Doc({{R"("id": "p", )",
            R"("id": "p", "calendar": {"closures": [{"first": "6 July", "last": "2026-07-06"}]}, )"}}),
      "p.json:1:77: /calendar/closures/0/first: expected a date \"YYYY-MM-DD\" such as "
      "\"2026-07-06\", found the string \"6 July\"");
}

TEST(ProgrammeJsonErrors, Durations) {
  const auto with = [](std::string_view duration) { return Doc({{R"("PT30M")", duration}}); };
  ExpectInvalid(with(R"("P1D")"),
                "p.json:1:317: /entries/0/recurrence/duration: expected an exact duration such as "
                "\"PT30M\", \"PT6H\" or \"PT1H30M\", found the string \"P1D\"; a day or a week is "
                "not an exact duration (a day has 23 or 25 hours when summer time begins or ends): "
                "write hours, e.g. \"PT24H\"");
  ExpectInvalid(with(R"("PT30M1H")"),
                "p.json:1:317: /entries/0/recurrence/duration: expected an exact duration such as "
                "\"PT30M\", \"PT6H\" or \"PT1H30M\", found the string \"PT30M1H\"");
  ExpectInvalid(with(R"("PT")"),
                "p.json:1:317: /entries/0/recurrence/duration: expected an exact duration such as "
                "\"PT30M\", \"PT6H\" or \"PT1H30M\", found the string \"PT\"");
  ExpectInvalid(with(R"("PT8785H")"),
                "p.json:1:317: /entries/0/recurrence/duration: the duration \"PT8785H\" is longer "
                "than 366 days, the longest carelearn plans");
  const absl::StatusOr<ProgrammeDocument> longest = ParseProgramme(with(R"("PT8784H")"));
  ASSERT_TRUE(longest.ok()) << longest.status();
  EXPECT_EQ(longest->programme.entries[0].recurrence.duration, absl::Hours(8784));
}

TEST(ProgrammeJsonErrors, TimeZones) {
  ExpectInvalid(Doc({{R"("id": "p", )", R"("id": "p", "time_zone": "Europe/Copenhagn", )"}}),
                "p.json:1:54: /time_zone: unknown time zone \"Europe/Copenhagn\"; expected an IANA "
                "name such as \"Europe/Copenhagen\" that the system's time zone database has; did "
                "you mean \"Europe/Copenhagen\"?");
  for (const std::string_view name :
       {"../../etc/passwd", "/etc/localtime", "localtime", "Europe//Copenhagen", "a:b",
        "file:/usr/share/zoneinfo/UTC", "Fixed/UTC+01:00:00:x"}) {
    const std::string doc =
        Doc({{R"("duration": "PT30M", )",
              std::string(R"("duration": "PT30M", "time_zone": ")") + std::string(name) + "\", "}});
    const absl::StatusOr<ProgrammeDocument> result = ParseProgramme(doc, Named());
    ASSERT_FALSE(result.ok()) << name;
    EXPECT_NE(Message(result.status()).find("/entries/0/recurrence/time_zone: unknown time zone"),
              std::string::npos)
        << result.status();
  }
}

TEST(ProgrammeJsonRoundTrip, AFixedOffsetZoneSurvives) {
  Programme p = EveryField();
  p.entries[1].recurrence.zone = absl::FixedTimeZone(3600);
  const std::string text = ToJson(p);
  EXPECT_NE(text.find(R"("time_zone": "Fixed/UTC+01:00:00")"), std::string::npos) << text;
  const absl::StatusOr<ProgrammeDocument> back = ParseProgramme(text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->programme, p);
}

TEST(ProgrammeJsonErrors, References) {
  ExpectInvalid(Doc({{R"(["hoersholm"])", R"(["hoersholm", "egley"])"}}),
                "p.json:1:260: /entries/0/units/1: the unit \"egley\" is not a unit of the "
                "programme; did you mean \"egely\"?");
  ExpectInvalid(Doc({{R"(["hoersholm"])", "[]"}}),
                "p.json:1:246: /entries/0/units: an entry names at least one unit");
  ExpectInvalid(Doc({{R"({"id": "sophielund", "parent": "hoersholm"})",
                      R"({"id": "egely", "parent": "hoersholm"})"}}),
                "p.json:1:119: /units/2/id: the unit id \"egely\" is already used by /units/1");
  ExpectInvalid(Doc({{R"("parent": "hoersholm"}, {"id": "sophielund")",
                      R"("parent": "horsholm"}, {"id": "sophielund")"}}),
                "p.json:1:98: /units/1/parent: the parent \"horsholm\" is not a unit of the "
                "programme; did you mean \"hoersholm\"?");
  ExpectInvalid(Doc({{R"({"id": "hoersholm"})", R"({"id": "hoersholm", "parent": "sophielund"})"}}),
                "p.json:1:167: /units/2/parent: the parents of unit \"hoersholm\" lead back to "
                "it: \"hoersholm\" -> \"sophielund\" -> \"hoersholm\"");
  ExpectInvalid(
      Doc({{R"({"id": "egely", "parent": "hoersholm"})", R"({"id": "egely", "parent": "egely"})"}}),
      "p.json:1:98: /units/1/parent: the parents of unit \"egely\" lead back to it: "
      "\"egely\" -> \"egely\"");
  ExpectInvalid(
      Doc({{R"("rule": "FREQ=WEEKLY;INTERVAL=2"}}])",
            R"("rule": "FREQ=WEEKLY;INTERVAL=2"}}, {"id": "meeting", "format": {"id": "x"}, )"
            R"("units": ["egely"], "recurrence": {"start": "2026-03-04T14:00", "duration": "PT1H"}}])"}}),
      "p.json:1:369: /entries/1/id: the entry id \"meeting\" is already used by /entries/0");
  ExpectInvalid(
      Doc({{R"("id": "p", )",
            R"("id": "p", "calendar": {"closures": [{"first": "2026-07-06", "last": "2026-07-06", "unit": "sophie"}]}, )"}}),
      "p.json:1:121: /calendar/closures/0/unit: the unit \"sophie\" is not a unit of the "
      "programme");
  ExpectInvalid(
      Doc({{R"("rule": "FREQ=WEEKLY;INTERVAL=2")",
            R"("rule": "FREQ=WEEKLY;INTERVAL=2", "moves": [)"
            R"({"original": "2026-03-18T14:00", "start": "2026-03-19T14:00"}, )"
            R"({"original": "2026-03-18T14:00", "start": "2026-03-20T14:00"}])"}}),
      "p.json:1:446: /entries/0/recurrence/moves/1/original: the occurrence 2026-03-18T14:00 is "
      "already moved by /entries/0/recurrence/moves/0");
}

TEST(ProgrammeJsonErrors, NamesAndNumbers) {
  ExpectInvalid(
      Doc({{R"("units": ["hoersholm"], )", R"("units": ["hoersholm"], "hosting": "jointly", )"}}),
      "p.json:1:272: /entries/0/hosting: expected one of \"each-unit\", \"joint\", found "
      "the string \"jointly\"; did you mean \"joint\"?");
  ExpectInvalid(Doc({{R"("id": "p", )", R"("id": "p", "on_closed_day": "move", )"}}),
                "p.json:1:58: /on_closed_day: expected one of \"keep\", \"skip\", "
                "\"move-to-next-working-day\", found the string \"move\"");
  ExpectInvalid(
      Doc({{R"("id": "p", )", R"("id": "p", "calendar": {"holidays": "danish-common"}, )"}}),
      "p.json:1:66: /calendar/holidays: expected one of \"danish\", "
      "\"danish-and-common-days-off\", \"none\", found the string \"danish-common\"");
  ExpectInvalid(
      Doc({{R"("units": ["hoersholm"], )",
            R"("units": ["hoersholm"], "roles": [{"role": "colleague", "people": -1}], )"}}),
      "p.json:1:303: /entries/0/roles/0/people: expected an integer from 0 to 2147483647, found "
      "the number -1");
}

TEST(ProgrammeJsonErrors, KindsAndVersions) {
  ExpectError(Doc({{"programme/1", "format/1"}}), absl::StatusCode::kFailedPrecondition,
              "p.json:1:15: /carelearn: expected a \"programme/1\" document, found \"format/1\"");
  ExpectError(Doc({{"programme/1", "programme/2"}}), absl::StatusCode::kFailedPrecondition,
              "p.json:1:15: /carelearn: the document is \"programme/2\", newer than "
              "\"programme/1\", the newest this version of carelearn reads");
  ExpectInvalid(Doc({{"programme/1", "programm/1"}}),
                "p.json:1:15: /carelearn: unknown document kind \"programm/1\"; expected "
                "\"programme/1\"");
  // The catalog loaders name the kind they want.
  const absl::StatusOr<Format> format = ParseFormat(Doc(), Named());
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(format.status()),
            "p.json:1:15: /carelearn: expected a \"format/1\" document, found \"programme/1\"");
  const absl::StatusOr<Document> any = ParseDocument(Doc(), Named());
  ASSERT_FALSE(any.ok());
  EXPECT_EQ(Message(any.status()),
            "p.json:1:15: /carelearn: expected a \"format/1\", \"variant/1\" or "
            "\"question-set/1\" document, found \"programme/1\"");
}

TEST(ProgrammeJsonErrors, Limits) {
  ParseOptions small = Named();
  small.max_document_bytes = 100;
  ExpectError(Doc(), absl::StatusCode::kResourceExhausted,
              "p.json:1:1: (root): the document is 361 bytes, more than the limit of 100 bytes "
              "(ParseOptions::max_document_bytes)",
              small);
  ParseOptions shallow = Named();
  shallow.max_depth = 3;
  ExpectError(Doc(), absl::StatusCode::kResourceExhausted,
              "p.json:1:198: /entries/0/format: nesting deeper than 3 levels of arrays and objects "
              "(ParseOptions::max_depth)",
              shallow);
  ParseOptions short_strings = Named();
  short_strings.max_string_bytes = 12;
  ExpectError(Doc(), absl::StatusCode::kResourceExhausted,
              "p.json:1:205: /entries/0/format/id: a string longer than 12 bytes "
              "(ParseOptions::max_string_bytes)",
              short_strings);
}

TEST(ProgrammeJsonErrors, Files) {
  const absl::StatusOr<ProgrammeDocument> missing = LoadProgramme("/nonexistent/plan.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(missing.status()),
            "/nonexistent/plan.json: cannot read: No such file or directory");
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "carelearn_programme_json_test.json";
  std::ofstream(path, std::ios::binary)
      << Doc({{"FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=0"}});
  const absl::StatusOr<ProgrammeDocument> bad = LoadProgramme(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Message(bad.status()),
            path.string() +
                ":1:334: /entries/0/recurrence/rule: RRULE part \"INTERVAL=0\": INTERVAL must be "
                "a whole number from 1");
}

}  // namespace
}  // namespace carelearn
