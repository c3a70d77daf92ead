// carelearn/io/programme_json.hpp
//
// Defines the "programme/1" JSON document: a `Programme` (its organisation
// units, its entries with their recurrences, expected roles and people) and
// the `WorkCalendar` it is planned on (which holidays, which closures), with
// strict, located loading and canonical saving, as for the catalog documents
// of carelearn/io/json.hpp: save -> load -> save is byte-identical.
//
// A recurrence's rule is written as RRULE text ("FREQ=WEEKLY;INTERVAL=2") or
// as an object of its parts ({"frequency": "weekly", "interval": 2}); local
// times as "2026-03-04T14:00"; durations as RFC 5545 / ISO 8601 exact
// durations ("PT30M", "PT6H"); time zones by their IANA name. The loader also
// checks that the programme holds together: unique ids, parents and units
// that exist, no cycles. docs/schedule.md describes every key;
// schema/programme-1.schema.json says the same for JSON Schema tools.
//
// Example:
//
//   absl::StatusOr<carelearn::ProgrammeDocument> doc =
//       carelearn::LoadProgramme("examples/programmes/competence-module.json");
//   if (!doc.ok()) {
//     std::cerr << doc.status().message() << "\n";
//     // competence-module.json:30:17: /entries/0/recurrence/rule: RRULE part
//     // "FREQ=FORTNIGHTLY": unknown frequency; expected DAILY, WEEKLY or MONTHLY
//   }
//   auto schedule = carelearn::Expand(doc->programme, window, doc->calendar);
//   std::string text = carelearn::ToJson(*doc);
#ifndef CARELEARN_IO_PROGRAMME_JSON_HPP_
#define CARELEARN_IO_PROGRAMME_JSON_HPP_

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "carelearn/io/json.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn {

/// What a "programme/1" document holds: a programme and the calendar it is
/// planned on.
///
/// A `Programme` does not hold its calendar, because the same programme can
/// be expanded on different calendars; a document keeps the one it was
/// written for, so that loading and expanding it gives what its author saw.
struct ProgrammeDocument {
  Programme programme = {};    ///< The programme.
  WorkCalendar calendar = {};  ///< The calendar: the Danish holidays and no closures by default.

  /// Equal when both the programme and the calendar are.
  friend bool operator==(const ProgrammeDocument&, const ProgrammeDocument&) = default;
};

/// Parses a "programme/1" document.
///
/// Errors (all kInvalidArgument unless said otherwise), each message led by
/// "<source>:<line>:<column>: <pointer>: ":
///   - every error of `ParseFormat`: syntax, duplicate, unknown (with the
///     likely intended key) and missing keys, wrong types, numbers out of
///     range, the limits of `options` (kResourceExhausted), a document of
///     another kind or a newer version (kFailedPrecondition);
///   - an RRULE text that `ParseRRule` rejects, with its message; a rule
///     object whose parts break RFC 5545 (`ValidateRRule`'s message);
///   - a local time that is not "YYYY-MM-DDTHH:MM", a date that is not
///     "YYYY-MM-DD", or either outside the years 1583 to 9999; an UNTIL
///     outside those years, in the RRULE text as in the object form;
///   - a duration that is not an exact duration ("PT1H30M") or is longer
///     than 366 days;
///   - a time zone the system's tzdata does not have;
///   - a unit or entry id used twice; a parent, an entry's unit or a
///     closure's unit that is not a unit of the programme (with the likely
///     intended id); parents that lead back to a unit; an entry without
///     units; a closure that ends before it begins; an occurrence moved twice.
///
/// Example:
///
///   auto doc = carelearn::ParseProgramme(text, {.source_name = "plan.json"});
[[nodiscard]] absl::StatusOr<ProgrammeDocument> ParseProgramme(std::string_view json,
                                                               const ParseOptions& options = {});

/// Reads and parses the "programme/1" file at `path`.
///
/// Errors: kNotFound when the file cannot be read; otherwise those of
/// `ParseProgramme`, naming the file.
[[nodiscard]] absl::StatusOr<ProgrammeDocument> LoadProgramme(const std::filesystem::path& path,
                                                              ParseOptions options = {});

/// The canonical JSON text of `programme` planned on `calendar`, ending in a
/// newline. Keys come in the order docs/schedule.md gives, keys at their
/// default are left out, rules are written as canonical RRULE text
/// (`ToString`), durations in whole seconds.
///
/// Example:
///
///   std::string text = carelearn::ToJson(programme, calendar);
///   // {
///   //   "carelearn": "programme/1",
///   //   "id": "gentofte-2018",
///   //   ...
[[nodiscard]] std::string ToJson(const Programme& programme,
                                 const WorkCalendar& calendar = WorkCalendar());

/// The canonical JSON text of `document`: `ToJson(document.programme, document.calendar)`.
[[nodiscard]] std::string ToJson(const ProgrammeDocument& document);

}  // namespace carelearn

#endif  // CARELEARN_IO_PROGRAMME_JSON_HPP_
