#include "carelearn/schedule/icalendar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "carelearn/io/builtin_catalog.hpp"
#include "schedule/network_programme.hpp"

namespace carelearn {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using D = absl::CivilDay;
using M = absl::CivilMinute;

const absl::Time kStamp =
    absl::FromCivil(absl::CivilSecond(2026, 1, 15, 12, 0, 0), absl::UTCTimeZone());

// --- Escaping, folding, UIDs ----------------------------------------------------------

TEST(ICalendarTest, EscapesText) {
  EXPECT_EQ(EscapeIcsText("Refleksion; læring, handling"), "Refleksion\\; læring\\, handling");
  EXPECT_EQ(EscapeIcsText("C:\\temp"), "C:\\\\temp");
  EXPECT_EQ(EscapeIcsText("a\nb\r\nc\rd"), "a\\nb\\nc\\nd");
  EXPECT_EQ(EscapeIcsText(std::string("tab\there\x01\x7f")), "tab\there");
  EXPECT_EQ(EscapeIcsText("Hvad lærte vi?"), "Hvad lærte vi?");
}

TEST(ICalendarTest, FoldsAt75Octets) {
  const std::string line = "SUMMARY:" + std::string(100, 'x');  // 108 octets
  const std::string folded = FoldIcsLine(line);
  EXPECT_EQ(folded, "SUMMARY:" + std::string(67, 'x') + "\r\n " + std::string(33, 'x') + "\r\n");
  EXPECT_EQ(FoldIcsLine("VERSION:2.0"), "VERSION:2.0\r\n");
  EXPECT_EQ(FoldIcsLine(std::string(75, 'y')), std::string(75, 'y') + "\r\n");
  EXPECT_EQ(FoldIcsLine(std::string(76, 'y')), std::string(75, 'y') + "\r\n y\r\n");
  // Continuation lines hold 74 octets after their space.
  EXPECT_EQ(FoldIcsLine(std::string(75 + 74 + 1, 'z')),
            std::string(75, 'z') + "\r\n " + std::string(74, 'z') + "\r\n z\r\n");
}

TEST(ICalendarTest, FoldingNeverSplitsAUtf8Character) {
  // "ø" is two octets; at octets 75–76 it would be cut in half, so it moves down.
  const std::string line = std::string(74, 'a') + "ø" + "bc";
  EXPECT_EQ(FoldIcsLine(line), std::string(74, 'a') + "\r\n øbc\r\n");
  // "–" (an en dash) is three octets.
  const std::string dash = std::string(73, 'a') + "–";
  EXPECT_EQ(FoldIcsLine(dash), std::string(73, 'a') + "\r\n –\r\n");
}

TEST(ICalendarTest, UidsAreStableAndDistinct) {
  const std::string uid = IcsUid("gentofte-2018", "sessions", "center-for-netvaerk");
  EXPECT_EQ(uid, IcsUid("gentofte-2018", "sessions", "center-for-netvaerk"));
  EXPECT_EQ(uid.size(), 16u + std::string("@carelearn").size());
  EXPECT_THAT(uid, ::testing::EndsWith("@carelearn"));
  // FNV-1a 64 of the parts, each followed by 0x1f (checked with an independent
  // implementation): pinned, so that a change is noticed.
  EXPECT_EQ(IcsUid("", "", ""), "8f3e7418d31fe7b4@carelearn");
  EXPECT_NE(IcsUid("ab", "c", "u"), IcsUid("a", "bc", "u"));
  EXPECT_NE(uid, IcsUid("gentofte-2018", "sessions", "center-for-netvaerk", M(2018, 9, 5, 9, 0)));
}

// --- VTIMEZONE ------------------------------------------------------------------------

TEST(ICalendarTest, CopenhagenVTimeZoneFromItsRules) {
  EXPECT_EQ(VTimeZone(CopenhagenTimeZone(), 2017, 2019),
            "BEGIN:VTIMEZONE\r\n"
            "TZID:Europe/Copenhagen\r\n"
            "BEGIN:DAYLIGHT\r\n"
            "TZOFFSETFROM:+0100\r\n"
            "TZOFFSETTO:+0200\r\n"
            "TZNAME:CEST\r\n"
            "DTSTART:20170326T020000\r\n"
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
            "END:DAYLIGHT\r\n"
            "BEGIN:STANDARD\r\n"
            "TZOFFSETFROM:+0200\r\n"
            "TZOFFSETTO:+0100\r\n"
            "TZNAME:CET\r\n"
            "DTSTART:20171029T030000\r\n"
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
            "END:STANDARD\r\n"
            "END:VTIMEZONE\r\n");
}

TEST(ICalendarTest, AZoneWithoutChangesHasOneStandard) {
  EXPECT_EQ(VTimeZone(absl::FixedTimeZone(3600), 2026, 2026),
            "BEGIN:VTIMEZONE\r\n"
            "TZID:Fixed/UTC+01:00:00\r\n"
            "BEGIN:STANDARD\r\n"
            "TZOFFSETFROM:+0100\r\n"
            "TZOFFSETTO:+0100\r\n"
            "TZNAME:+01\r\n"
            "DTSTART:19700101T000000\r\n"
            "END:STANDARD\r\n"
            "END:VTIMEZONE\r\n");
}

TEST(ICalendarTest, AZoneWhoseRulesChangeGetsEachChange) {
  // Brazil ended summer time in 2019: no yearly rule fits 2017–2020.
  absl::TimeZone sao_paulo;
  ASSERT_TRUE(absl::LoadTimeZone("America/Sao_Paulo", &sao_paulo));
  const std::string vtz = VTimeZone(sao_paulo, 2017, 2020);
  EXPECT_THAT(vtz, Not(HasSubstr("RRULE")));
  EXPECT_THAT(vtz, HasSubstr("DTSTART:20190217T000000\r\n"));  // the last end of summer time
  EXPECT_THAT(vtz, HasSubstr("TZOFFSETFROM:-0200\r\nTZOFFSETTO:-0300\r\n"));
}

// --- Exports ----------------------------------------------------------------------------

Catalog TestCatalog() {
  Catalog catalog;
  Format session;
  session.id = "competence-module-session";
  session.title = {"Undervisningsgang i diplommodulet", "Diploma module teaching session"};
  session.purpose = {
      "Et fælles kompetenceløft: alle medarbejdere tager samme diplommodul, skruet sammen, så "
      "det passer til arbejdspladsens behov og ønsker; undervisning hver anden onsdag.",
      "A shared competence boost: all staff take the same diploma module, put together to fit "
      "the workplace's needs and wishes; teaching every other Wednesday."};
  Format reading;
  reading.id = "competence-module-reading";
  reading.title = {"Læsetid til diplommodulet", "Reading time for the diploma module"};
  for (Format* f : {&session, &reading}) EXPECT_TRUE(catalog.Add(*f).ok());
  return catalog;
}

Programme ModuleProgramme() {
  Programme p;
  p.id = "gentofte-2018";
  p.title = {"Skræddersyet diplommodul, Center for Netværk",
             "Tailored diploma module, Center for Netværk"};
  p.units = {{"gentofte", {"Gentofte Kommune", "Gentofte Municipality"}},
             {"center-for-netvaerk", {"Center for Netværk", "Center for Netværk"}, "gentofte"}};
  ProgrammeEntry sessions;
  sessions.id = "sessions";
  sessions.format = {"competence-module-session", 1};
  sessions.units = {"gentofte"};
  sessions.recurrence.start = M(2018, 9, 5, 9, 0);
  sessions.recurrence.duration = absl::Hours(6);
  sessions.recurrence.rule = *ParseRRule("FREQ=WEEKLY;INTERVAL=2;COUNT=8");
  sessions.count_held_sessions = true;
  sessions.roles = {{"teacher", 1}, {"colleague", 21}};
  ProgrammeEntry reading;
  reading.id = "reading";
  reading.format = {"competence-module-reading", 1};
  reading.units = {"center-for-netvaerk"};
  reading.recurrence.start = M(2018, 9, 3, 8, 0);
  reading.recurrence.duration = absl::Hours(2);
  reading.recurrence.rule = *ParseRRule("FREQ=WEEKLY;UNTIL=20190131");
  reading.flexible = true;
  p.entries = {sessions, reading};
  return p;
}

WorkCalendar ModuleCalendar() {
  WorkCalendar calendar;
  EXPECT_TRUE(
      calendar.AddClosure({D(2018, 12, 24), D(2019, 1, 1), {"Juleferie", "Christmas"}}).ok());
  EXPECT_TRUE(calendar
                  .AddClosure({D(2018, 10, 15),
                               D(2018, 10, 19),
                               {"Efterårsferie", "Autumn"},
                               "center-for-netvaerk"})
                  .ok());
  return calendar;
}

std::string Export(const Programme& p, const TimeWindow& window, const WorkCalendar& calendar,
                   IcsLayout layout, Lang lang, const Catalog* catalog) {
  IcsOptions options;
  options.layout = layout;
  options.lang = lang;
  options.stamp = kStamp;
  options.catalog = catalog;
  absl::StatusOr<std::string> ics = ExportICalendar(p, window, calendar, options);
  EXPECT_TRUE(ics.ok()) << ics.status();
  return ics.ok() ? *ics : "";
}

// Every line ends in CRLF, is at most 75 octets, and BEGIN/END pair up.
void ExpectWellFormed(const std::string& ics) {
  ASSERT_FALSE(ics.empty());
  ASSERT_EQ(ics.substr(ics.size() - 2), "\r\n");
  std::vector<std::string> open;
  for (absl::string_view piece : absl::StrSplit(ics, "\r\n")) {
    const std::string line(piece);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << "bare LF in " << line;
    EXPECT_EQ(line.find('\r'), std::string::npos) << "bare CR in " << line;
    if (line.rfind("BEGIN:", 0) == 0) open.push_back(line.substr(6));
    if (line.rfind("END:", 0) == 0) {
      ASSERT_FALSE(open.empty()) << line;
      EXPECT_EQ(open.back(), line.substr(4));
      open.pop_back();
    }
  }
  EXPECT_TRUE(open.empty());
}

// Compares `ics` with the golden file; CARELEARN_UPDATE_GOLDEN=1 rewrites it.
void ExpectGolden(const std::string& ics, const std::string& name) {
  const std::string path = std::string(CARELEARN_TEST_DATA_DIR) + "/" + name;
  const char* update = std::getenv("CARELEARN_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << ics;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path
                  << "; run with CARELEARN_UPDATE_GOLDEN=1 to write it";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(ics, golden.str()) << "differs from " << path;
}

TEST(ICalendarTest, CompetenceModuleAsSeriesGolden) {
  const Catalog catalog = TestCatalog();
  const std::string ics =
      Export(ModuleProgramme(), {}, ModuleCalendar(), IcsLayout::kSeries, Lang::kDa, &catalog);
  ExpectWellFormed(ics);
  // Eight sessions held: COUNT counts the two skipped starts too, and they are EXDATEs.
  EXPECT_THAT(ics, HasSubstr("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=10\r\n"));
  EXPECT_THAT(ics, HasSubstr("EXDATE;TZID=Europe/Copenhagen:20181017T090000\r\n"));
  EXPECT_THAT(ics, HasSubstr("EXDATE;TZID=Europe/Copenhagen:20181226T090000\r\n"));
  // UNTIL as a date becomes the end of that day in UTC.
  EXPECT_THAT(ics, HasSubstr("RRULE:FREQ=WEEKLY;UNTIL=20190131T225959Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("TRANSP:TRANSPARENT\r\n"));
  EXPECT_THAT(ics, HasSubstr("DTSTAMP:20260115T120000Z\r\n"));
  ExpectGolden(ics, "competence_module_series.ics");
}

TEST(ICalendarTest, CompetenceModuleExpandedGolden) {
  const Catalog catalog = TestCatalog();
  const TimeWindow window = TimeWindow::Days(D(2018, 9, 1), D(2019, 2, 1), CopenhagenTimeZone());
  Programme p = ModuleProgramme();
  p.entries.pop_back();  // the teaching sessions only
  const std::string ics =
      Export(p, window, ModuleCalendar(), IcsLayout::kExpanded, Lang::kEn, &catalog);
  ExpectWellFormed(ics);
  std::size_t events = 0;
  for (std::size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos;
       at = ics.find("BEGIN:VEVENT", at + 1)) {
    ++events;
  }
  EXPECT_EQ(events, 8u);
  EXPECT_THAT(ics, HasSubstr("DTSTART;TZID=Europe/Copenhagen:20190109T090000\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("RRULE:FREQ=WEEKLY")));
  ExpectGolden(ics, "competence_module_expanded.ics");
}

TEST(ICalendarTest, NetworkAsSeriesGolden) {
  const std::string ics =
      Export(fixtures::NetworkProgramme(), fixtures::NetworkWindow(), fixtures::NetworkCalendar(),
             IcsLayout::kSeries, Lang::kEn, nullptr);
  ExpectWellFormed(ics);
  // The three seminar dates: DTSTART and two RDATEs.
  EXPECT_THAT(ics, HasSubstr("DTSTART;TZID=Europe/Copenhagen:20211026T090000\r\n"
                             "DURATION:PT6H\r\n"
                             "RDATE;TZID=Europe/Copenhagen:20220322T090000\r\n"
                             "RDATE;TZID=Europe/Copenhagen:20220517T090000\r\n"));
  EXPECT_THAT(ics, HasSubstr("RRULE:FREQ=MONTHLY;BYDAY=1TH;UNTIL=20220630T215959Z\r\n"));
  // Birkebo's meeting in Rudersdal's Christmas closure.
  EXPECT_THAT(ics, HasSubstr("EXDATE;TZID=Europe/Copenhagen:20211221T140000\r\n"));
  ExpectGolden(ics, "network_series.ics");
}

TEST(ICalendarTest, MovedOccurrencesBecomeRecurrenceIds) {
  Programme p;
  p.id = "p";
  p.units = {{"egely", {"Plejecenter Egely", "Egely care centre"}}};
  ProgrammeEntry e;
  e.id = "learning-meeting";
  e.format = {"systematic-learning-meeting", 1};
  e.title = {"Læringsmøde", "Learning meeting"};
  e.units = {"egely"};
  e.recurrence.start = M(2026, 3, 30, 14, 0);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.rule = *ParseRRule("FREQ=WEEKLY;COUNT=3");
  e.recurrence.moves = {{M(2026, 4, 13, 14, 0), M(2026, 4, 14, 9, 0), absl::Hours(1)}};
  e.on_closed_day = ClosedDayPolicy::kMoveToNextWorkingDay;
  p.entries = {e};
  const std::string ics = Export(p, {}, WorkCalendar(), IcsLayout::kSeries, Lang::kDa, nullptr);
  ExpectWellFormed(ics);
  const std::string uid = IcsUid("p", "learning-meeting", "egely");
  EXPECT_THAT(ics, HasSubstr("BEGIN:VEVENT\r\nUID:" + uid +
                             "\r\nDTSTAMP:20260115T120000Z\r\n"
                             "RECURRENCE-ID;TZID=Europe/Copenhagen:20260406T140000\r\n"
                             "DTSTART;TZID=Europe/Copenhagen:20260407T140000\r\n"
                             "DURATION:PT30M\r\n"
                             "SUMMARY:Læringsmøde – Plejecenter Egely\r\n"));
  EXPECT_THAT(ics, HasSubstr("RECURRENCE-ID;TZID=Europe/Copenhagen:20260413T140000\r\n"
                             "DTSTART;TZID=Europe/Copenhagen:20260414T090000\r\n"
                             "DURATION:PT1H\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("EXDATE")));
}

TEST(ICalendarTest, AnEndlessSeriesEndsAtTheWindow) {
  Programme p;
  p.id = "p";
  p.units = {{"egely", {"Egely", "Egely"}}};
  ProgrammeEntry e;
  e.id = "m";
  e.format = {"systematic-learning-meeting", 1};
  e.units = {"egely"};
  e.recurrence.start = M(2026, 1, 7, 14, 0);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.rule = *ParseRRule("FREQ=WEEKLY;INTERVAL=2");
  p.entries = {e};
  const TimeWindow year = TimeWindow::Days(D(2026, 1, 1), D(2027, 1, 1), CopenhagenTimeZone());
  const std::string ics = Export(p, year, WorkCalendar(), IcsLayout::kSeries, Lang::kEn, nullptr);
  ExpectWellFormed(ics);
  EXPECT_THAT(ics, HasSubstr("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231T225959Z\r\n"));
  // Holidays in 2026 on the series' Wednesdays: none; the summary falls back to the format id.
  EXPECT_THAT(ics, HasSubstr("SUMMARY:systematic-learning-meeting – Egely\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("EXDATE")));
  // A window before the series starts exports no event.
  const TimeWindow before = TimeWindow::Days(D(2025, 1, 1), D(2026, 1, 1), CopenhagenTimeZone());
  EXPECT_THAT(Export(p, before, WorkCalendar(), IcsLayout::kSeries, Lang::kEn, nullptr),
              Not(HasSubstr("BEGIN:VEVENT")));
}

TEST(ICalendarTest, UtcEntriesAreWrittenInUtc) {
  Programme p;
  p.id = "p";
  p.units = {{"u", {"U", "U"}}};
  ProgrammeEntry e;
  e.id = "e";
  e.format = {"f", 1};
  e.units = {"u"};
  e.recurrence.start = M(2026, 3, 4, 13, 0);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.zone = absl::UTCTimeZone();
  p.entries = {e};
  const std::string ics = Export(p, {}, WorkCalendar(), IcsLayout::kExpanded, Lang::kEn, nullptr);
  EXPECT_THAT(ics, HasSubstr("DTSTART:20260304T130000Z\r\nDTEND:20260304T133000Z\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("VTIMEZONE")));
}

// An occurrence that ends in the hour repeated when summer time ends would
// read, as a local DTEND, as the first of the two times: zero length. Its end
// is written in UTC. (Found by tests/python/test_icalendar_roundtrip.py.)
TEST(ICalendarTest, AnEndInTheRepeatedHourIsWrittenInUtc) {
  Programme p;
  p.id = "p";
  p.units = {{"u", {"U", "U"}}};
  ProgrammeEntry e;
  e.id = "e";
  e.format = {"f", 1};
  e.units = {"u"};
  e.recurrence.start = M(2025, 10, 26, 2, 30);  // 02:30+02:00, the first of the two
  e.recurrence.duration = absl::Hours(1);       // ends 02:30+01:00
  p.entries = {e};
  const std::string ics = Export(p, {}, WorkCalendar(), IcsLayout::kExpanded, Lang::kEn, nullptr);
  EXPECT_THAT(ics, HasSubstr("DTSTART;TZID=Europe/Copenhagen:20251026T023000\r\n"
                             "DTEND:20251026T013000Z\r\n"));
  EXPECT_THAT(ics, HasSubstr("BEGIN:VTIMEZONE"));
}

TEST(ICalendarTest, InvalidProgrammesAreErrors) {
  Programme p = fixtures::NetworkProgramme();
  p.entries[1].units = {"nowhere"};
  const absl::StatusOr<std::string> ics = ExportICalendar(p, fixtures::NetworkWindow(), {});
  ASSERT_FALSE(ics.ok());
  EXPECT_EQ(ics.status().message(),
            "entries[1] \"network-meeting\": unit \"nowhere\" is not a unit of the programme");
}

TEST(ICalendarTest, AScheduleIsWrittenWithoutExpandingAgain) {
  const Catalog catalog = TestCatalog();
  const TimeWindow window = TimeWindow::Days(D(2018, 9, 1), D(2019, 2, 1), CopenhagenTimeZone());
  const Programme p = ModuleProgramme();
  absl::StatusOr<Schedule> schedule = Expand(p, window, ModuleCalendar(), &catalog);
  ASSERT_TRUE(schedule.ok()) << schedule.status();
  IcsOptions options;
  options.lang = Lang::kEn;
  options.stamp = kStamp;
  options.catalog = &catalog;
  absl::StatusOr<std::string> from_schedule = ExportICalendar(*schedule, options);
  ASSERT_TRUE(from_schedule.ok()) << from_schedule.status();
  EXPECT_EQ(*from_schedule,
            Export(p, window, ModuleCalendar(), IcsLayout::kExpanded, Lang::kEn, &catalog));
  Schedule broken = *schedule;
  broken.occurrences[0].entry = 7;
  EXPECT_EQ(ExportICalendar(broken, options).status().message(),
            "occurrences[0]: entry 7 or unit 1 is not in the schedule (2 entries, 2 units)");
}

TEST(ICalendarTest, AMisspeltFormatIsAnErrorWithACatalog) {
  Programme p = ModuleProgramme();
  p.entries[0].format.id = "competence-module-sesion";
  IcsOptions options;
  options.stamp = kStamp;
  EXPECT_TRUE(ExportICalendar(p, {}, WorkCalendar(), options).ok());  // no catalog: no check
  const Catalog catalog = TestCatalog();
  options.catalog = &catalog;
  for (IcsLayout layout : {IcsLayout::kSeries, IcsLayout::kExpanded}) {
    options.layout = layout;
    absl::StatusOr<std::string> ics = ExportICalendar(p, {}, WorkCalendar(), options);
    EXPECT_EQ(ics.status().message(),
              "entries[0] \"sessions\": format \"competence-module-sesion\" is not in the "
              "catalog; did you mean \"competence-module-session\"?");
  }
}

TEST(ICalendarTest, ADurationNotGivenComesFromTheFormatOrIsAnError) {
  Programme p;
  p.id = "p";
  p.units = {{.id = "egely"}};
  ProgrammeEntry e;
  e.id = "m";
  e.format = {"systematic-learning-meeting", 1};
  e.units = {"egely"};
  e.recurrence.start = M(2026, 1, 7, 14, 0);  // no duration
  p.entries = {e};
  IcsOptions options;
  options.stamp = kStamp;
  EXPECT_EQ(ExportICalendar(p, {}, WorkCalendar(), options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.catalog = &BuiltinCatalog();
  absl::StatusOr<std::string> ics = ExportICalendar(p, {}, WorkCalendar(), options);
  ASSERT_TRUE(ics.ok()) << ics.status();
  EXPECT_THAT(*ics, HasSubstr("DTSTART;TZID=Europe/Copenhagen:20260107T140000\r\n"
                              "DURATION:PT30M\r\n"));
}

// RFC 5545 3.8.4.4: a RECURRENCE-ID event may keep the start and change the duration.
TEST(ICalendarTest, AMoveThatOnlyChangesTheDurationIsWritten) {
  Programme p;
  p.id = "p";
  p.units = {{.id = "egely"}};
  ProgrammeEntry e;
  e.id = "m";
  e.format = {"systematic-learning-meeting", 1};
  e.units = {"egely"};
  e.recurrence.start = M(2026, 3, 4, 14, 0);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.rule = *ParseRRule("FREQ=WEEKLY;COUNT=3");
  e.recurrence.moves = {{M(2026, 3, 11, 14, 0), M(2026, 3, 11, 14, 0), absl::Hours(1)}};
  p.entries = {e};
  const std::string ics = Export(p, {}, WorkCalendar(), IcsLayout::kSeries, Lang::kEn, nullptr);
  ExpectWellFormed(ics);
  EXPECT_THAT(ics, HasSubstr("RECURRENCE-ID;TZID=Europe/Copenhagen:20260311T140000\r\n"
                             "DTSTART;TZID=Europe/Copenhagen:20260311T140000\r\n"
                             "DURATION:PT1H\r\n"));
  EXPECT_THAT(ics, Not(HasSubstr("EXDATE")));
}

// An occurrence at a time that does not exist is at the series' instant: no
// RECURRENCE-ID event of its own.
TEST(ICalendarTest, AnOccurrenceInTheSpringGapIsNotAnOverride) {
  Programme p;
  p.id = "p";
  p.units = {{.id = "egely"}};
  ProgrammeEntry e;
  e.id = "night";
  e.format = {"systematic-learning-meeting", 1};
  e.units = {"egely"};
  e.recurrence.start = M(2026, 3, 28, 2, 30);
  e.recurrence.duration = absl::Minutes(30);
  e.recurrence.rule = *ParseRRule("FREQ=DAILY;COUNT=3");
  e.recurrence.rdates = {M(2026, 3, 29, 3, 30)};  // the same instant as the rule's 02:30
  p.entries = {e};
  const std::string ics =
      Export(p, {}, WorkCalendar::WithoutHolidays(), IcsLayout::kSeries, Lang::kEn, nullptr);
  ExpectWellFormed(ics);
  EXPECT_THAT(ics, Not(HasSubstr("RECURRENCE-ID")));
  std::size_t events = 0;
  for (std::size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos;
       at = ics.find("BEGIN:VEVENT", at + 1)) {
    ++events;
  }
  EXPECT_EQ(events, 1u);
}

TEST(IcsLayoutTest, NamesRoundTrip) {
  for (const IcsLayout l : {IcsLayout::kSeries, IcsLayout::kExpanded}) {
    EXPECT_EQ(ParseIcsLayout(IcsLayoutName(l)), l);
  }
  EXPECT_EQ(IcsLayoutName(IcsLayout::kExpanded), "expanded");
  EXPECT_EQ(ParseIcsLayout("flat"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
