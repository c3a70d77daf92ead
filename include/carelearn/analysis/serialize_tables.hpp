// carelearn/analysis/serialize_tables.hpp
//
// Defines a compact binary form of `SessionTables`, for sending tables
// between processes (the Dask workers of python/carelearn/dask.py, Python's
// pickle): `SerializeTables` writes every table, every column and the
// skipped lines; `DeserializeTables` reads them back, equal to the original,
// and refuses damaged bytes with an error rather than undefined behaviour.
//
// The form (version 1), little-endian throughout, lengths as unsigned LEB128
// varints:
//
//   "CLTABLES" (8 bytes), the version (uint32)
//   for each table, in the order of `SessionTables`' members:
//     its rows (varint)
//     for each column, in the order the table declares them:
//       numbers (int8 ... int64, uint8, double) and a dictionary column's codes:
//         their count (varint), then 0 and every value, or 1 and one value
//         that every row has;
//       a dictionary column: its codes, then the number of values (varint)
//         and each value (varint length, bytes);
//       a string column: its offsets, its bytes (varint length, bytes), its
//         validity flags;
//   the skipped lines: their count (varint), then each one's source (varint
//   length, bytes), line (int64) and message (varint length, bytes).
//
// The bytes hold what the tables hold, no more: free text only as far as it
// was read (`TableOptions::free_text`, `confidential_text`).
//
// Example:
//
//   std::string blob = carelearn::SerializeTables(tables);
//   absl::StatusOr<carelearn::SessionTables> back = carelearn::DeserializeTables(blob);
//   if (!back.ok()) return back.status();  // kDataLoss: "session tables: steps.minutes: ..."
//   assert(*back == tables);
#ifndef CARELEARN_ANALYSIS_SERIALIZE_TABLES_HPP_
#define CARELEARN_ANALYSIS_SERIALIZE_TABLES_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "carelearn/analysis/tables.hpp"

namespace carelearn {

/// The version of the form `SerializeTables` writes and `DeserializeTables`
/// reads (the uint32 after the magic "CLTABLES").
inline constexpr std::uint32_t kTablesFormatVersion = 1;

/// The bytes of `tables` in the form the file comment describes: every
/// column of every table and the skipped lines, a column whose rows all hold
/// one value written as that value once. A table with rows has at least one
/// column written value by value, so that `DeserializeTables` can bound a
/// table's rows by the bytes that follow.
///
/// Precondition: the columns of each table have the table's rows (a
/// free-text column that was not read: none), as every reader makes them.
///
/// Example:
///
///   std::string blob = carelearn::SerializeTables(tables);
[[nodiscard]] std::string SerializeTables(const SessionTables& tables);

/// The tables whose bytes `SerializeTables` wrote, equal to those it was
/// given. Every length is checked against the bytes left before anything is
/// read or made, and the result is checked as the measures rely on it: each
/// column of a table has the table's rows (a string column: them or none),
/// each code is `kNullCode` or within its dictionary, each dictionary holds
/// each value once, each `session` names a row of `sessions` and each
/// `action_changes.action` a row of `actions`, each string column's offsets
/// start at 0, never fall and end at its bytes' length, its validity
/// flags are 0 or 1, and each time and day is of the years 0001 to 9999, as
/// the readers give them (or missing, where a column may miss one: a
/// measure sizes its periods by them).
///
/// Errors: kDataLoss, as `session tables: <table>.<column>: <cause>` (or
/// `session tables: <cause>` for the header, a table's rows, the skipped
/// lines and bytes left over), for bytes that are not such tables: another
/// magic, another version, cut short, or damaged.
///
/// Example:
///
///   absl::StatusOr<carelearn::SessionTables> t = carelearn::DeserializeTables(blob);
[[nodiscard]] absl::StatusOr<SessionTables> DeserializeTables(std::string_view bytes);

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_SERIALIZE_TABLES_HPP_
