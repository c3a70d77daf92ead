// Run by ctest as schedule.no_system_tzdata with TZDIR pointing at an empty
// directory, as in a slim container without the tzdata package: carelearn
// must still plan in Europe/Copenhagen (from its embedded copy), never
// silently in UTC.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "carelearn/schedule/icalendar.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"

namespace carelearn {
namespace {

TEST(NoSystemTzdata, TheSystemHasNoZonesHere) {
  const char* tzdir = std::getenv("TZDIR");
  ASSERT_NE(tzdir, nullptr) << "ctest runs this with TZDIR set to an empty directory";
  absl::TimeZone berlin;
  EXPECT_FALSE(absl::LoadTimeZone("Europe/Berlin", &berlin))
      << "Europe/Berlin loaded from " << tzdir << ": the test does not run without tzdata";
}

TEST(NoSystemTzdata, CopenhagenStillLoads) {
  absl::StatusOr<absl::TimeZone> zone = LoadCopenhagenTimeZone();
  ASSERT_TRUE(zone.ok()) << zone.status();
  EXPECT_EQ(zone->name(), "Europe/Copenhagen");
  EXPECT_EQ(CopenhagenTimeZone().name(), "Europe/Copenhagen");
  EXPECT_FALSE(EmbeddedTzdataVersion().empty());
  // Winter +01:00, summer +02:00, the change on the last Sunday of March at 02:00.
  EXPECT_EQ(zone->At(absl::FromCivil(absl::CivilSecond(2026, 1, 15, 12, 0, 0), absl::UTCTimeZone()))
                .offset,
            3600);
  EXPECT_EQ(zone->At(absl::FromCivil(absl::CivilSecond(2026, 7, 15, 12, 0, 0), absl::UTCTimeZone()))
                .offset,
            7200);
  EXPECT_EQ(zone->At(absl::CivilSecond(2026, 3, 29, 2, 30, 0)).kind,
            absl::TimeZone::TimeInfo::SKIPPED);
  // Far beyond the last transition in the file, the rule in its footer applies.
  EXPECT_EQ(zone->At(absl::FromCivil(absl::CivilSecond(2090, 7, 1, 12, 0, 0), absl::UTCTimeZone()))
                .offset,
            7200);
}

TEST(NoSystemTzdata, AMeetingAt1400IsAt1400DanishTime) {
  Recurrence meeting;
  meeting.start = absl::CivilMinute(2026, 6, 3, 14, 0);
  meeting.duration = absl::Minutes(30);
  absl::StatusOr<std::vector<Occurrence>> all = Expand(meeting);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].start,
            absl::FromCivil(absl::CivilSecond(2026, 6, 3, 12, 0, 0), absl::UTCTimeZone()));
}

TEST(NoSystemTzdata, TheCalendarFileHasLocalDanishTimes) {
  Programme p;
  p.id = "p";
  p.units = {{.id = "egely", .name = {"Egely", "Egely"}}};
  ProgrammeEntry e;
  e.id = "meeting";
  e.format = {"systematic-learning-meeting", 1};
  e.units = {"egely"};
  e.recurrence.start = absl::CivilMinute(2026, 6, 3, 14, 0);
  e.recurrence.duration = absl::Minutes(30);
  p.entries.push_back(e);
  IcsOptions options;
  options.stamp = absl::FromUnixSeconds(0);
  absl::StatusOr<std::string> ics = ExportICalendar(p, {}, WorkCalendar(), options);
  ASSERT_TRUE(ics.ok()) << ics.status();
  EXPECT_NE(ics->find("DTSTART;TZID=Europe/Copenhagen:20260603T140000\r\n"), std::string::npos)
      << *ics;
  EXPECT_NE(ics->find("TZOFFSETTO:+0200\r\n"), std::string::npos) << *ics;
}

}  // namespace
}  // namespace carelearn
