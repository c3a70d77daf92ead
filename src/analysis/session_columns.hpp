// The column reader of "session/1" JSON Lines: `SessionLineReader` writes
// each value of a line straight into the columns of `SessionTables`, never
// building a `Session` or a JSON tree. Two paths share the row-writing code:
// the fast path parses with simdjson and walks its tape with the schema in
// hand, taking only plainly valid lines; the reference path parses with
// Boost.JSON's basic_parser and a handler (a key -> field state machine)
// that knows every error and its place.
//
// A line is read whole or not at all: on an error the tables are rolled back
// to where they stood before the line, dictionaries included, so that the
// codes do not depend on the bad lines there were.
//
// Errors are those of the document loader (io/json_tree.hpp) for the JSON
// itself, which the reader asks `ParseTree` to describe once it knows a line
// is bad, and those of `ParseSessionLine` for the session, the first one in
// the order `ParseSessionLine` checks, located by line and column.
//
// Example:
//
//   carelearn::detail::SessionLineReader reader(options);
//   std::optional<carelearn::detail::LineError> e = reader.Read(line, false, tables, index);
//   if (e) return carelearn::detail::LineStatus("x.jsonl", 17, *e);
#ifndef CARELEARN_SRC_ANALYSIS_SESSION_COLUMNS_HPP_
#define CARELEARN_SRC_ANALYSIS_SESSION_COLUMNS_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "analysis/table_builder.hpp"
#include "carelearn/analysis/tables.hpp"

namespace carelearn::detail {

/// Why one line was not read, located within the line.
struct LineError {
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;  ///< The status code.
  int column = 1;                                              ///< 1-based, in code points.
  std::string pointer;  ///< The JSON Pointer of the place; empty for the line's root.
  std::string cause;    ///< What is wrong.
  /// True when `cause` names a place on the line as " at 1:<column>", which
  /// `LineStatus` turns into the line's number in the input.
  bool names_line = false;
};

/// The cause of a line of `bytes` bytes that passes `limits.max_line_bytes`.
[[nodiscard]] std::string TooLong(std::size_t bytes, const TableLimits& limits);

/// The located status of `error` at `line` of `source`:
/// "<source>:<line>:<column>: <pointer>: <cause>", with an `ErrorLocation` payload.
[[nodiscard]] absl::Status LineStatus(std::string_view source, std::int64_t line,
                                      const LineError& error);

/// Reads "session/1" lines into tables; one per thread.
class SessionLineReader {
 public:
  /// A reader that fills text columns and checks limits as `options` say.
  /// With `fast_path`, a line is first read by simdjson and a walk of its
  /// tape that takes only plainly valid sessions; any other line, and every
  /// line without it, is read by Boost.JSON's basic_parser and the handler
  /// that gives the located errors. Both give the same tables.
  explicit SessionLineReader(const TableOptions& options, bool fast_path = true);
  ~SessionLineReader();
  SessionLineReader(const SessionLineReader&) = delete;
  SessionLineReader& operator=(const SessionLineReader&) = delete;

  /// Appends the session on `line` (without its line end; not blank) to
  /// `tables`, whose open columns `index` indexes. With `padded`, the 64
  /// bytes after the line may be read (not written), which spares a copy. On
  /// an error, leaves `tables` and `index` as they were and returns the error.
  [[nodiscard]] std::optional<LineError> Read(std::string_view line, bool padded,
                                              SessionTables& tables, TableIndex& index);

  /// The bytes after a line that `Read` with `padded` may read.
  static constexpr std::size_t kPadding = 64;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_SESSION_COLUMNS_HPP_
