// carelearn/io/roster_io.hpp
//
// Reads a `Roster` (carelearn/record/roster.hpp) from CSV, as staff lists are
// usually kept, and from a "roster/1" JSON document; both strict, with errors
// that name the line, the column and the cause, and both checked with
// `ValidateRoster` (a membership that overlaps another of the same person in
// the same unit is an error naming both lines).
//
// CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks
// in double quotes, "" for a quote; LF or CRLF line ends; a UTF-8 byte order
// mark is skipped). The first line names the columns, in any order:
//
//   person,unit,profession,shift,from,to
//   3f9a0c1d,home-care-north,nurse,day,2026-01-01,2026-03-15
//   3f9a0c1d,home-care-south,nurse,day,2026-03-16,
//
// `person`, `unit` and `from` are required; `profession` (empty allowed),
// `shift` ("day", "evening", "night", "unspecified" or empty) and `to` (empty:
// still a member) may be left out. Dates are "YYYY-MM-DD"; `to` is the last
// day of the membership, inclusive. Blank lines are skipped.
//
// JSON: {"carelearn": "roster/1", "members": [{"person": ..., "unit": ...,
// "profession": ..., "shift": ..., "from": "2026-01-01", "to": "2026-03-15"}]}
// with the same keys and rules; unknown keys are errors (with the likely
// intended key).
//
// Example:
//
//   absl::StatusOr<carelearn::Roster> roster = carelearn::LoadRosterCsv("staff.csv");
//   if (!roster.ok()) {
//     std::cerr << roster.status().message() << "\n";
//     // staff.csv:4:34: column "from": no such date: "2026-13-01"
//   }
#ifndef CARELEARN_IO_ROSTER_IO_HPP_
#define CARELEARN_IO_ROSTER_IO_HPP_

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "carelearn/io/json.hpp"
#include "carelearn/record/roster.hpp"

namespace carelearn {

/// Parses a roster from CSV text; `source` names it in errors.
///
/// Errors (kInvalidArgument), each led by "<source>:<line>:<column>: ": a
/// missing header or required column, an unknown column (with the likely
/// intended one) or a column named twice; a row with more or fewer fields
/// than the header; an unterminated quoted field; an empty person or unit;
/// a date that is not "YYYY-MM-DD" or no such day; an unknown shift; and,
/// led by "<source>:<line>: ", every error of `ValidateRoster`. The status
/// carries the location (`GetErrorLocation`), its pointer being
/// "/<row>/<column>" (row 0 is the first line after the header).
///
/// Example:
///
///   auto roster = carelearn::ParseRosterCsv("person,unit,from\np1,egely,2026-01-01\n", "staff");
[[nodiscard]] absl::StatusOr<Roster> ParseRosterCsv(std::string_view text,
                                                    std::string_view source = "<input>");

/// Reads and parses the CSV file at `path`, named by its path in errors.
///
/// Errors: kNotFound when the file cannot be read; those of `ParseRosterCsv`.
///
/// Example:
///
///   auto roster = carelearn::LoadRosterCsv("staff.csv");
[[nodiscard]] absl::StatusOr<Roster> LoadRosterCsv(const std::filesystem::path& path);

/// Parses a "roster/1" JSON document.
///
/// Errors (kInvalidArgument unless said otherwise), each led by
/// "<source>:<line>:<column>: <pointer>: ": the syntax and limit errors of
/// `ParseFormat`; a document that is not "roster/1" (kFailedPrecondition for
/// another kind or a newer version); unknown or missing keys; wrong types; a
/// bad date or shift; and every error of `ValidateRoster`, naming the member.
///
/// Example:
///
///   auto roster = carelearn::ParseRosterJson(text, {.source_name = "staff.json"});
[[nodiscard]] absl::StatusOr<Roster> ParseRosterJson(std::string_view json,
                                                     const ParseOptions& options = {});

/// Reads and parses the "roster/1" JSON file at `path`.
///
/// Errors: kNotFound when the file cannot be read; kResourceExhausted when
/// it is larger than `options.max_document_bytes`; those of `ParseRosterJson`.
///
/// Example:
///
///   auto roster = carelearn::LoadRosterJson("staff.json");
[[nodiscard]] absl::StatusOr<Roster> LoadRosterJson(const std::filesystem::path& path,
                                                    ParseOptions options = {});

/// Writes `roster` as CSV with the header "person,unit,profession,shift,from,to",
/// members in roster order, quoting fields that need it; `ParseRosterCsv`
/// reads it back to an equal roster.
///
/// Example:
///
///   std::string csv = carelearn::RosterToCsv(roster);
[[nodiscard]] std::string RosterToCsv(const Roster& roster);

}  // namespace carelearn

#endif  // CARELEARN_IO_ROSTER_IO_HPP_
