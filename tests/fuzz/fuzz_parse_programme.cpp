// libFuzzer target: carelearn::ParseProgramme on any bytes.
//
// Checks: every error is located; every accepted document saves canonically
// and loads back the same; the loader's own checks leave nothing for
// ValidateProgramme to find; and a small accepted programme expands over two
// months (with conflicts, planned hours and an iCalendar export) without a
// crash, any error of those naming the entry.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "absl/time/civil_time.h"
#include "carelearn/io/programme_json.hpp"
#include "carelearn/schedule/icalendar.hpp"
#include "carelearn/schedule/programme.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using carelearn::fuzz::Check;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const auto parsed = carelearn::ParseProgramme(json, carelearn::fuzz::Options());
  if (!parsed.ok()) {
    carelearn::fuzz::CheckError(parsed.status());
    return 0;
  }
  carelearn::fuzz::CheckRoundTrip(
      *parsed, [](std::string_view text, const carelearn::ParseOptions& options) {
        return carelearn::ParseProgramme(text, options);
      });
  const carelearn::Programme& programme = parsed->programme;
  // The loader checks a rule on its own, not against its series' start, so
  // an UNTIL before the start is left to ValidateProgramme, which names it.
  if (const absl::Status valid = carelearn::ValidateProgramme(programme); !valid.ok()) {
    const std::string_view message(valid.message().data(), valid.message().size());
    Check(message.find("UNTIL is before the start") != std::string_view::npos,
          "a loaded programme is valid but for an UNTIL before the start");
    return 0;
  }

  // Expanding is bounded by occurrences × units; keep it to small programmes.
  if (programme.units.size() * programme.entries.size() > 64) return 0;
  for (const carelearn::ProgrammeEntry& e : programme.entries) {
    const absl::CivilDay first(e.recurrence.start);
    const carelearn::TimeWindow window =
        carelearn::TimeWindow::Days(first, first + 61, carelearn::CopenhagenTimeZone());
    const auto schedule = carelearn::Expand(programme, window, parsed->calendar);
    if (!schedule.ok()) {
      // Left to expansion: a move of an occurrence the series does not have,
      // and a closed day with no working day to move to; both name the entry.
      Check(schedule.status().code() == absl::StatusCode::kInvalidArgument,
            "an expansion error is kInvalidArgument");
      const std::string_view message(schedule.status().message().data(),
                                     schedule.status().message().size());
      Check(message.substr(0, 8) == "entries[", "an expansion error names the entry");
      return 0;
    }
    if (schedule->occurrences.size() > 20000) return 0;
    (void)carelearn::FindConflicts(*schedule);
    (void)carelearn::PlannedHoursPerUnit(*schedule);
    carelearn::IcsOptions options;
    options.stamp = absl::UnixEpoch();
    // The series layout writes whole series, beyond the window; there a start
    // may find no working day to move to, an error that names the entry.
    const auto ics = carelearn::ExportICalendar(programme, window, parsed->calendar, options);
    if (!ics.ok()) {
      const std::string_view message(ics.status().message().data(), ics.status().message().size());
      Check(ics.status().code() == absl::StatusCode::kInvalidArgument &&
                message.substr(0, 8) == "entries[",
            "an export error names the entry");
    }
    break;  // the first entry's months are enough
  }
  return 0;
}
