// carelearn/schedule/icalendar.hpp
//
// Defines `ExportICalendar`, which writes a programme as an iCalendar
// document (RFC 5545) that calendar programs import: either one VEVENT per
// series with its RRULE, RDATEs, EXDATEs and moved occurrences
// (RECURRENCE-ID), or one VEVENT per occurrence. Times are local with a
// VTIMEZONE derived from the zone's rules; lines end in CRLF and are folded
// at 75 octets; UIDs are stable, so importing again updates the events.
//
// Example:
//
//   carelearn::IcsOptions options;
//   options.lang = carelearn::Lang::kEn;
//   options.catalog = &carelearn::BuiltinCatalog();
//   absl::StatusOr<std::string> ics =
//       carelearn::ExportICalendar(programme, year, carelearn::WorkCalendar(), options);
//   std::ofstream("programme.ics", std::ios::binary) << *ics;
#ifndef CARELEARN_SCHEDULE_ICALENDAR_HPP_
#define CARELEARN_SCHEDULE_ICALENDAR_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn {

/// How a programme's occurrences become VEVENTs.
enum class IcsLayout {
  /// One VEVENT per series (an entry for one unit, or a joint entry) with
  /// DTSTART, DURATION, RRULE, RDATE and EXDATE, the starts skipped for a
  /// closed day among the EXDATEs, and one more VEVENT with a RECURRENCE-ID
  /// for each occurrence moved (by a move, or to the next working day).
  kSeries,
  /// One VEVENT per occurrence in the window, with DTSTART and DTEND.
  kExpanded,
};

/// Returns the canonical name of `layout`: "series" or "expanded".
std::string_view IcsLayoutName(IcsLayout layout);

/// Parses a canonical layout name; std::nullopt when unknown.
std::optional<IcsLayout> ParseIcsLayout(std::string_view name);

/// Options for `ExportICalendar`.
struct IcsOptions {
  Lang lang = Lang::kDa;                  ///< The language of SUMMARY and DESCRIPTION.
  IcsLayout layout = IcsLayout::kSeries;  ///< Series or single events.
  /// DTSTAMP, when the document is made; none for the current time. Tests
  /// set it so that the output is the same on every run.
  std::optional<absl::Time> stamp = {};
  /// Resolves format titles (for entries without a title) and purposes (for
  /// DESCRIPTION), and the durations of entries that give none; a programme
  /// is checked against it (`ValidateProgramme(programme, catalog)`), so a
  /// misspelt format id is an error. nullptr uses the entry's title, or the
  /// format id, and every entry must give its duration.
  const Catalog* catalog = nullptr;
};

/// Writes `programme` on `calendar` as an iCalendar document.
///
/// With `IcsLayout::kSeries` each series that has an occurrence in `window`
/// is written whole: a rule with COUNT or UNTIL from its start to its end
/// (with COUNT raised by the starts skipped when the entry counts held
/// sessions), a rule with neither up to the window's end (an UNTIL is added).
/// With `IcsLayout::kExpanded` exactly the occurrences `Expand` gives for the
/// window are written. Either way a calendar program shows the sessions
/// `Expand` gives.
///
/// Each event has a stable UID (from the programme id, the entry id, the unit
/// id and, for single events, the original start), SUMMARY "<title> – <unit
/// name>", X-CARELEARN-PROGRAMME, -ENTRY, -FORMAT and -UNIT; a flexible entry
/// is TRANSP:TRANSPARENT. Local times carry TZID and one VTIMEZONE per zone
/// is written, derived from the zone's transitions in the years covered
/// (for Europe/Copenhagen: summer time from the last Sunday of March to the
/// last Sunday of October); UTC times are written with Z.
///
/// Errors: those of `Expand(const Programme&, ...)` with `options.catalog`.
[[nodiscard]] absl::StatusOr<std::string> ExportICalendar(const Programme& programme,
                                                          const TimeWindow& window,
                                                          const WorkCalendar& calendar,
                                                          const IcsOptions& options = {});

/// Writes a schedule that was expanded already as an iCalendar document: one
/// VEVENT per occurrence, as `IcsLayout::kExpanded` does (a schedule holds
/// occurrences, not series, so `options.layout` is not used), without
/// expanding the programme again.
///
/// Errors: kInvalidArgument when an occurrence refers to an entry or unit
/// the schedule does not have (a schedule not made by `Expand`).
///
/// Example:
///
///   absl::StatusOr<carelearn::Schedule> year = carelearn::Expand(p, window, calendar, &catalog);
///   // ... show it, count it, list year->skipped ...
///   absl::StatusOr<std::string> ics = carelearn::ExportICalendar(*year, options);
[[nodiscard]] absl::StatusOr<std::string> ExportICalendar(const Schedule& schedule,
                                                          const IcsOptions& options = {});

/// `text` as an RFC 5545 TEXT value: backslash, semicolon and comma escaped
/// with a backslash, a newline (LF or CRLF) written as "\n", other control
/// characters left out.
///
/// Example:
///
///   carelearn::EscapeIcsText("Refleksion; læring, handling");
///   // "Refleksion\; læring\, handling"
[[nodiscard]] std::string EscapeIcsText(std::string_view text);

/// `line` as one or more RFC 5545 content lines, each at most 75 octets
/// before its CRLF, continuation lines starting with a space; a UTF-8
/// character is never split.
///
/// Example:
///
///   carelearn::FoldIcsLine("SUMMARY:" + std::string(100, 'x'));
///   // "SUMMARY:xxx…x\r\n xxx…x\r\n": 75 octets, then a space and the other 33
[[nodiscard]] std::string FoldIcsLine(std::string_view line);

/// A VTIMEZONE component for `zone` that is right for the years `first` to
/// `last`, derived from the zone's transitions: when every year has the same
/// two changes (as Europe/Copenhagen: the last Sunday of March at 02:00 and
/// of October at 03:00) a STANDARD and a DAYLIGHT with a yearly RRULE;
/// otherwise one component per change; one STANDARD for a zone without
/// changes. CRLF line endings.
///
/// Example:
///
///   std::string vtz = carelearn::VTimeZone(carelearn::CopenhagenTimeZone(), 2025, 2026);
///   // BEGIN:VTIMEZONE, TZID:Europe/Copenhagen, BEGIN:DAYLIGHT, …,
///   // RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU, …, END:VTIMEZONE
[[nodiscard]] std::string VTimeZone(const absl::TimeZone& zone, absl::civil_year_t first,
                                    absl::civil_year_t last);

/// A stable UID for a series (`occurrence` none) or one occurrence: a 64-bit
/// FNV-1a hash of the parts, in hex, then "@carelearn". It is the same on
/// every run and machine (absl::Hash is not: it is seeded per process).
///
/// Example:
///
///   carelearn::IcsUid("gentofte-2018", "sessions", "center-for-netvaerk");
///   // "…16 hex digits…@carelearn"
[[nodiscard]] std::string IcsUid(std::string_view programme, std::string_view entry,
                                 std::string_view unit,
                                 std::optional<absl::CivilMinute> occurrence = std::nullopt);

}  // namespace carelearn

#endif  // CARELEARN_SCHEDULE_ICALENDAR_HPP_
