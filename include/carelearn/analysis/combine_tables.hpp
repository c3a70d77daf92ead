// carelearn/analysis/combine_tables.hpp
//
// Defines the two operations that split and join `SessionTables` without
// reading their records again, for measures computed in parts (the Dask
// path, python/carelearn/dask.py): `ConcatenateTables` joins the tables of
// several inputs as if they had been read as one, and `KeepParticipants`
// keeps some of the participant rows (the people of one part of a
// split by person) and every other row. `PersonMeasureTables` keeps them
// too, and of the rest only what the measures split by person read, to
// send a part of a split by person between processes at a fraction of the
// size (with carelearn/analysis/serialize_tables.hpp).
//
// Example:
//
//   std::vector<carelearn::SessionTables> files = ...;  // one per file, in order
//   carelearn::SessionTables all = carelearn::ConcatenateTables(std::move(files));
//   std::vector<std::uint8_t> keep(all.participants.size(), 0);
//   keep[0] = 1;
//   carelearn::SessionTables one = carelearn::KeepParticipants(all, keep);
//   carelearn::SessionTables small = carelearn::PersonMeasureTables(all, keep);
#ifndef CARELEARN_ANALYSIS_COMBINE_TABLES_HPP_
#define CARELEARN_ANALYSIS_COMBINE_TABLES_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "carelearn/analysis/tables.hpp"

namespace carelearn {

/// Joins `parts` in order, as if their records had been read from one input:
/// the sessions of `parts[1]` follow those of `parts[0]`, and so on; the row
/// numbers of the child tables (`session`, `action_changes.action`) are
/// offset by the rows of the parts before; an open column's dictionary is
/// in order of first appearance in the whole, so that the tables of files
/// read one by one and joined equal the tables of the files concatenated,
/// codes included; skipped lines are listed in order. The parts should have
/// been read with the same text options (`TableOptions::free_text`,
/// `confidential_text`): a free-text column is filled only as far as its
/// parts are. No parts: empty tables.
///
/// Example:
///
///   carelearn::SessionTables all = carelearn::ConcatenateTables({*march, *april});
[[nodiscard]] SessionTables ConcatenateTables(std::vector<SessionTables> parts);

/// The participant rows of `tables` for which `keep` is non-zero (one flag
/// per row of `tables.participants`, in row order), and every row of the
/// other tables, unchanged: the dictionaries stay as they are (a value may
/// so have no row left), and `sessions.participant_count` still counts the
/// people each session recorded. Measures of distinct people (reach, dose,
/// the people of the learning circles) over tables split so by person add
/// up to the measures of the whole.
///
/// Precondition: `keep.size() == tables.participants.size()`.
///
/// Example:
///
///   carelearn::SessionTables mine = carelearn::KeepParticipants(tables, keep);
[[nodiscard]] SessionTables KeepParticipants(const SessionTables& tables,
                                             std::span<const std::uint8_t> keep);

/// The participant rows of `tables` that `keep` marks, as `KeepParticipants`
/// keeps them, and of everything else only what the measures split by person
/// (`MeasureReach`, `MeasureDose`, and the `people` of `MeasureCircles`)
/// read, so that they give the same results on the projection as on
/// `KeepParticipants(tables, keep)`:
///
///   - sessions: every row, with `unit`, `planned_start`, `actual_start`,
///     `actual_end` and `status`; the other columns blank;
///   - participants: the kept rows, with `session`, `person`, `unit`,
///     `profession` and `shift`; `position` and `role` blank; the
///     dictionaries of `person`, `unit` and `profession` only the values
///     the kept rows use, in their order in `tables`;
///   - steps: the rows of the sessions that started and have no end (the
///     sessions whose minutes `MeasureDose` sums from their steps), with
///     `session` and `minutes`; the other columns blank;
///   - prompts, learning points, actions, action changes, feedback, notes
///     and the skipped lines: none;
///
/// where a blank column has a missing value in every row (a dictionary
/// column: `kNullCode`, its dictionary empty, or the fixed vocabulary of a
/// closed column; a string column: missing; times: `kNullTimestamp`), or 0
/// (counts, positions, flags, `format_version`). No free text is kept (the
/// text columns are unread), nor the sessions' ids, formats, case
/// categories or citizens.
///
/// Precondition: `keep.size() == tables.participants.size()`.
///
/// Example:
///
///   std::string part = carelearn::SerializeTables(carelearn::PersonMeasureTables(tables, keep));
[[nodiscard]] SessionTables PersonMeasureTables(const SessionTables& tables,
                                                std::span<const std::uint8_t> keep);

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_COMBINE_TABLES_HPP_
