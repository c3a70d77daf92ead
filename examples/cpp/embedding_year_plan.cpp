// docs/embedding.md, "Planning a year": a programme checked against the
// catalog, expanded on the Danish holidays, what was skipped and why, and the
// schedule written as iCalendar without expanding it again.
#include <iostream>

#include "carelearn/carelearn.hpp"

int main() {
  const carelearn::Catalog& catalog = carelearn::BuiltinCatalog();
  carelearn::Programme p;
  p.id = "egely-2026";
  p.units = {{.id = "egely", .name = {"Plejecenter Egely", "Egely care centre"}}};
  carelearn::ProgrammeEntry meeting;
  meeting.id = "learning-meeting";
  meeting.format = {.id = "systematic-learning-meting", .version = 1};  // misspelt
  meeting.units = {"egely"};
  meeting.recurrence.start = absl::CivilMinute(2026, 1, 5, 14, 0);  // Mondays; no duration given
  meeting.recurrence.rule = *carelearn::ParseRRule("FREQ=WEEKLY;INTERVAL=2");
  p.entries = {meeting};

  // A misspelt format id is an error with the likely id, not a silent fallback.
  std::cout << carelearn::ValidateProgramme(p, catalog).message() << "\n";
  p.entries[0].format.id = "systematic-learning-meeting";

  const carelearn::TimeWindow year = carelearn::TimeWindow::Days(
      absl::CivilDay(2026, 1, 1), absl::CivilDay(2027, 1, 1), carelearn::CopenhagenTimeZone());
  // With the catalog, the meeting's duration is its format's 30 minutes.
  absl::StatusOr<carelearn::Schedule> schedule =
      carelearn::Expand(p, year, carelearn::WorkCalendar(), &catalog);
  if (!schedule.ok()) {
    std::cerr << schedule.status() << "\n";
    return 1;
  }
  const carelearn::ScheduledOccurrence& first = schedule->occurrences.front();
  std::cout << schedule->occurrences.size() << " meetings of "
            << absl::ToInt64Minutes(first.end - first.start) << " minutes; skipped:\n";
  for (const carelearn::SkippedOccurrence& s : schedule->skipped) {
    std::cout << "  " << absl::FormatCivilTime(s.original) << " "
              << carelearn::SkipReasonName(s.reason) << " "
              << (s.holiday ? carelearn::HolidayName(*s.holiday).en : s.closure.en) << "\n";
  }
  carelearn::IcsOptions options;
  options.catalog = &catalog;
  options.stamp = absl::FromUnixSeconds(0);  // a fixed DTSTAMP; leave it out in an app
  absl::StatusOr<std::string> ics = carelearn::ExportICalendar(*schedule, options);
  if (!ics.ok()) return 1;
  std::cout << "iCalendar: " << ics->size() << " bytes, first event at "
            << ics->substr(ics->find("DTSTART;"), 46) << "\n";
  return 0;
}
