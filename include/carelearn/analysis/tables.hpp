// carelearn/analysis/tables.hpp
//
// Defines `SessionTables`: held sessions as typed column tables, the form an
// evaluator's measures and a notebook's DataFrames are made of. Every part of a
// session is a table of its own (sessions, participants, steps, prompts,
// learning points, actions, action status changes, feedback, notes); each
// child table names its session by the session's row number in `sessions`.
//
// Column types:
//   - times are int64 microseconds since 1970-01-01T00:00:00Z (UTC), with
//     `kNullTimestamp` (INT64_MIN, which pandas reads as NaT) for a missing time;
//   - calendar days are int32 days since 1970-01-01, `kNullDay` when missing;
//   - every repeated string (unit, format, role, profession, shift, step id,
//     question id, pseudonym, status, reason) is dictionary-encoded: int32
//     codes into one dictionary per column, `kNullCode` (-1) for a missing
//     value; the layout of pandas `Categorical`, Arrow `DictionaryArray` and
//     polars `Categorical`;
//   - free text (learning points, actions, feedback comments, notes,
//     cancellation notes) is an Arrow-style string column, filled only when
//     `TableOptions::free_text` asks for it, and confidential text only when
//     `TableOptions::confidential_text` asks for it by name; each of them has
//     a uint8 flag column beside it, 1 when the item is confidential
//     (`confidential`, and `cancel_confidential` in `sessions`), always filled.
//
// Dictionary codes are stable: a column of a closed vocabulary (session
// status, cancel reason, shift, action status, note kind) has the whole
// vocabulary as its dictionary, in the order of its C++ enum, whatever the
// data; an open column numbers its values in order of first appearance in row
// order, so the same input gives the same codes however many threads read it.
//
// Row order: sessions in input order; child rows by session, then in the
// order the session lists them.
//
// Missing values: an empty string is a missing value in every column (the
// JSON form leaves empty strings out, so the two cannot be told apart), and a
// free-text column that was not asked for has no rows at all (`size() == 0`),
// so that "not loaded" differs from "missing". A cancelled session without a
// "cancellation" object has the reason "other", as `ParseSessionLine` reads it.
//
// JSON Lines: one "session/1" record per line (docs/sessions.md), UTF-8, "\n"
// or "\r\n" line ends, the last line with or without one. A line that is
// empty or only whitespace is skipped (it still counts in line numbers), as
// `Store::ImportJsonLines` does. Each line is checked as strictly as the
// document loader checks a document (carelearn/io/json.hpp: syntax, UTF-8,
// duplicate keys, integers that do not fit, the limits of `TableLimits`) and
// as `ParseSessionLine` checks a session (unknown keys, with the likely
// intended key, required keys, types, names, the "session/1" kind), and
// gives the error `ParseSessionLine` gives, located:
// `<source>:<line>:<column>: <JSON pointer>: <cause>`. Times must be RFC 3339
// times from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, due dates days of
// the years 0001 to 9999 (stricter than `ParseSessionLine`, which takes any
// year Abseil can hold).
//
// Example:
//
//   absl::StatusOr<carelearn::SessionTables> t =
//       carelearn::ReadTables("sessions.jsonl", {.threads = 2});
//   if (!t.ok()) return t.status();  // "sessions.jsonl:17:31: /steps/2/end: ..."
//   std::size_t held = 0;
//   for (std::int32_t code : t->sessions.status.codes) held += code == 0;
#ifndef CARELEARN_ANALYSIS_TABLES_HPP_
#define CARELEARN_ANALYSIS_TABLES_HPP_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "carelearn/record/session.hpp"
#include "carelearn/store/store.hpp"

namespace carelearn {

/// The value of a missing time in a timestamp column (pandas reads it as NaT).
inline constexpr std::int64_t kNullTimestamp = std::numeric_limits<std::int64_t>::min();

/// The value of a missing day in a day column.
inline constexpr std::int32_t kNullDay = std::numeric_limits<std::int32_t>::min();

/// The code of a missing value in a dictionary-encoded column.
inline constexpr std::int32_t kNullCode = -1;

/// A dictionary-encoded string column: one int32 code per row into `dictionary`.
struct DictionaryColumn {
  std::vector<std::int32_t> codes = {};      ///< One per row; `kNullCode` when missing.
  std::vector<std::string> dictionary = {};  ///< The distinct values; a code is an index.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return codes.size(); }

  /// The value of row `row`, or std::nullopt when it is missing.
  [[nodiscard]] std::optional<std::string_view> Value(std::size_t row) const {
    const std::int32_t code = codes[row];
    if (code == kNullCode) return std::nullopt;
    return std::string_view(dictionary[static_cast<std::size_t>(code)]);
  }

  /// The code of `value`, or `kNullCode` when the dictionary has no such value.
  [[nodiscard]] std::int32_t CodeOf(std::string_view value) const {
    for (std::size_t i = 0; i < dictionary.size(); ++i) {
      if (dictionary[i] == value) return static_cast<std::int32_t>(i);
    }
    return kNullCode;
  }

  /// Columns are equal when codes and dictionary are.
  friend bool operator==(const DictionaryColumn&, const DictionaryColumn&) = default;
};

/// A column of optional UTF-8 strings in Arrow's large-string layout.
struct StringColumn {
  std::vector<std::int64_t> offsets = {0};  ///< Row i is data[offsets[i], offsets[i+1]).
  std::string data = {};                    ///< The bytes of all rows, back to back.
  std::vector<std::uint8_t> valid = {};     ///< 1 when row i has a value, 0 when missing.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return valid.size(); }

  /// The value of row `row`, or std::nullopt when it is missing.
  [[nodiscard]] std::optional<std::string_view> Value(std::size_t row) const {
    if (valid[row] == 0) return std::nullopt;
    return std::string_view(data).substr(static_cast<std::size_t>(offsets[row]),
                                         static_cast<std::size_t>(offsets[row + 1] - offsets[row]));
  }

  /// Columns are equal when every row is.
  friend bool operator==(const StringColumn&, const StringColumn&) = default;
};

/// One row per session.
struct SessionsTable {
  StringColumn id = {};                           ///< The session's id.
  DictionaryColumn unit = {};                     ///< The unit that held it.
  DictionaryColumn format_id = {};                ///< The format's id.
  std::vector<std::int32_t> format_version = {};  ///< The format's version.
  std::vector<std::int64_t> planned_start = {};   ///< When it was planned to start.
  std::vector<std::int64_t> actual_start = {};    ///< When it started, or kNullTimestamp.
  std::vector<std::int64_t> actual_end = {};      ///< When it ended, or kNullTimestamp.
  DictionaryColumn status = {};                   ///< "held" or "cancelled" (codes 0 and 1).
  DictionaryColumn cancel_reason = {};            ///< The CancelReason name; missing when held.
  /// 1 when the cancellation's note is confidential; 0 when it is not or the session was held.
  std::vector<std::uint8_t> cancel_confidential = {};
  StringColumn cancel_note = {};        ///< The cancellation's note (free text), when asked for.
  DictionaryColumn case_category = {};  ///< The presented case's category, if any.
  DictionaryColumn citizen = {};        ///< The case's pseudonymous citizen reference, if any.
  std::vector<std::int32_t> participant_count = {};     ///< Number of participants.
  std::vector<std::int32_t> step_count = {};            ///< Number of step timings.
  std::vector<std::int32_t> prompt_count = {};          ///< Number of prompts used.
  std::vector<std::int32_t> learning_point_count = {};  ///< Number of learning points.
  std::vector<std::int32_t> action_count = {};          ///< Number of actions.
  std::vector<std::int32_t> feedback_count = {};        ///< Number of feedback entries.
  std::vector<std::int32_t> note_count = {};            ///< Number of notes.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return format_version.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const SessionsTable&, const SessionsTable&) = default;
};

/// One row per participant of a session.
struct ParticipantsTable {
  std::vector<std::int32_t> session = {};   ///< The session's row in `SessionsTable`.
  std::vector<std::int32_t> position = {};  ///< 0-based place in the session's list (seat order).
  DictionaryColumn person = {};             ///< The participant's pseudonym.
  DictionaryColumn role = {};               ///< The role id.
  DictionaryColumn unit = {};               ///< The participant's own unit.
  DictionaryColumn profession = {};         ///< The profession; missing when empty.
  DictionaryColumn shift = {};  ///< "unspecified", "day", "evening", "night" (codes 0–3).

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const ParticipantsTable&, const ParticipantsTable&) = default;
};

/// One row per held step.
struct StepsTable {
  std::vector<std::int32_t> session = {};   ///< The session's row.
  std::vector<std::int32_t> position = {};  ///< 0-based order in which the steps were held.
  DictionaryColumn step = {};               ///< The format's step id.
  std::vector<std::int64_t> start = {};     ///< When the step started.
  std::vector<std::int64_t> end = {};       ///< When it ended.
  std::vector<double> minutes = {};         ///< end − start in minutes.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const StepsTable&, const StepsTable&) = default;
};

/// One row per question used.
struct PromptsTable {
  std::vector<std::int32_t> session = {};  ///< The session's row.
  DictionaryColumn step = {};              ///< The step it was used in.
  DictionaryColumn question = {};          ///< The question's stable id.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const PromptsTable&, const PromptsTable&) = default;
};

/// One row per learning point.
struct LearningPointsTable {
  std::vector<std::int32_t> session = {};       ///< The session's row.
  std::vector<std::int32_t> position = {};      ///< 0-based place in the session's list.
  DictionaryColumn step = {};                   ///< The step it was recorded in.
  DictionaryColumn author = {};                 ///< The author's pseudonym; missing for the group.
  std::vector<std::uint8_t> confidential = {};  ///< 1 when the text is confidential.
  StringColumn text = {};                       ///< The text, when asked for (see TableOptions).

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const LearningPointsTable&, const LearningPointsTable&) = default;
};

/// One row per proposed organisational action.
struct ActionsTable {
  std::vector<std::int32_t> session = {};   ///< The session's row.
  std::vector<std::int32_t> position = {};  ///< 0-based place in the session's list.
  DictionaryColumn action = {};             ///< The action's id within its session.
  DictionaryColumn step = {};               ///< The step it was proposed in.
  DictionaryColumn owner = {};              ///< A role or a pseudonym; missing when empty.
  std::vector<std::int32_t> due = {};       ///< Due day (days since 1970-01-01) or kNullDay.
  /// The current status: "open", "in-progress", "done", "dropped" (codes 0–3).
  DictionaryColumn status = {};
  std::vector<std::int64_t> proposed_at = {};   ///< The first change's time, or kNullTimestamp.
  std::vector<std::int64_t> started_at = {};    ///< First change to in-progress, or null.
  std::vector<std::int64_t> done_at = {};       ///< First change to done, or null.
  std::vector<std::int64_t> dropped_at = {};    ///< First change to dropped, or null.
  std::vector<std::uint8_t> confidential = {};  ///< 1 when the text is confidential.
  StringColumn text = {};                       ///< The text, when asked for.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const ActionsTable&, const ActionsTable&) = default;
};

/// One row per dated status change of an action.
struct ActionChangesTable {
  std::vector<std::int32_t> session = {};   ///< The session's row.
  std::vector<std::int32_t> action = {};    ///< The action's row in `ActionsTable`.
  std::vector<std::int32_t> position = {};  ///< 0-based place in the action's history.
  DictionaryColumn status = {};             ///< The status from then on (codes 0–3).
  std::vector<std::int64_t> at = {};        ///< When it changed.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const ActionChangesTable&, const ActionChangesTable&) = default;
};

/// One row per feedback entry.
struct FeedbackTable {
  std::vector<std::int32_t> session = {};       ///< The session's row.
  DictionaryColumn step = {};                   ///< The step it was given in.
  DictionaryColumn participant = {};            ///< The participant's pseudonym.
  std::vector<std::int8_t> rating = {};         ///< 1 (poor) to 5 (excellent).
  std::vector<std::uint8_t> confidential = {};  ///< 1 when the comment is confidential.
  StringColumn comment = {};                    ///< The comment, when asked for.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const FeedbackTable&, const FeedbackTable&) = default;
};

/// One row per note, reflection or piece of documentation.
struct NotesTable {
  std::vector<std::int32_t> session = {};  ///< The session's row.
  DictionaryColumn step = {};              ///< The step it was written in.
  DictionaryColumn kind = {};              ///< "note", "reflection", "documentation" (codes 0–2).
  std::vector<std::uint8_t> confidential = {};  ///< 1 when the text is confidential.
  StringColumn text = {};                       ///< The text, when asked for.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return session.size(); }
  /// Tables are equal when every column is.
  friend bool operator==(const NotesTable&, const NotesTable&) = default;
};

/// A line that was not read, when `TableOptions::on_error` is `kSkip`.
struct SkippedLine {
  std::string source = {};   ///< The file (or source name) it stood in.
  std::int64_t line = 0;     ///< Its 1-based line number.
  std::string message = {};  ///< Why: the same located message a strict read gives.

  /// Skipped lines are equal when every field is.
  friend bool operator==(const SkippedLine&, const SkippedLine&) = default;
};

/// Every part of a set of sessions as column tables.
struct SessionTables {
  SessionsTable sessions = {};               ///< One row per session.
  ParticipantsTable participants = {};       ///< One row per participant.
  StepsTable steps = {};                     ///< One row per held step.
  PromptsTable prompts = {};                 ///< One row per question used.
  LearningPointsTable learning_points = {};  ///< One row per learning point.
  ActionsTable actions = {};                 ///< One row per action.
  ActionChangesTable action_changes = {};    ///< One row per action status change.
  FeedbackTable feedback = {};               ///< One row per feedback entry.
  NotesTable notes = {};                     ///< One row per note.
  std::vector<SkippedLine> skipped = {};     ///< Lines left out under `OnError::kSkip`.

  /// Tables are equal when every table is.
  friend bool operator==(const SessionTables&, const SessionTables&) = default;
};

/// What a reader does with a line it cannot read.
enum class OnError {
  kFail,  ///< Stop with the line's located error.
  kSkip,  ///< Leave the line out and list it in `SessionTables::skipped`.
};

/// The limits of the JSON Lines readers. Passing one is a kResourceExhausted
/// error for that line (or a skipped line under `OnError::kSkip`), located
/// like any other and naming the limit, e.g.
/// `x.jsonl:3:1: (root): the line is 96 bytes, more than the limit of 50 bytes
/// (TableLimits::max_line_bytes)`.
struct TableLimits {
  /// The longest line, in bytes, without its line end. A reader never holds
  /// more than this of one line in memory.
  std::size_t max_line_bytes = std::size_t{16} << 20;
  /// The longest string or key, in bytes after unescaping.
  std::size_t max_string_bytes = std::size_t{64} << 10;
  /// The deepest nesting of arrays and objects, the line's own object
  /// counting 1; values above 1000 count as 1000.
  std::size_t max_depth = 64;
  /// The most items in one array.
  std::size_t max_array_items = std::size_t{1} << 16;
};

/// How tables are built.
struct TableOptions {
  /// Fill the free-text columns (texts, comments, notes) that are not confidential.
  bool free_text = false;
  /// Fill confidential text too; needs `free_text`. Confidential text is health
  /// data: ask for it only where the caller is entitled to it.
  bool confidential_text = false;
  /// Threads that parse; 0 means one per hardware thread.
  int threads = 1;
  /// Strict (kFail) or forgiving (kSkip).
  OnError on_error = OnError::kFail;
  /// How many bytes of input one thread parses at a time; a chunk ends at a
  /// line end and always holds at least one whole line.
  std::size_t chunk_bytes = std::size_t{8} << 20;
  /// The limits every line is checked against.
  TableLimits limits = {};
  /// Keeps the ids, units, professions, categories and texts in which the
  /// identifier linter (carelearn/record/identifiers.hpp) finds a CPR number,
  /// an e-mail address, a phone number or a name as they were written. Off
  /// (the default): such an id, unit, profession or category is its
  /// `MaskedId`, and the finds in a text are masked (`MaskIdentifiers`).
  bool identifiers = false;
};

/// Reads a JSON Lines file of `session/1` records into tables, streaming it in
/// chunks (never the whole file in memory) and parsing chunks on
/// `options.threads` threads; the result does not depend on the thread count.
///
/// Errors: kNotFound / kPermissionDenied when the file cannot be opened (or is
/// a directory); kUnavailable when reading it fails; under `OnError::kFail`,
/// for the first bad line in file order, kInvalidArgument as
/// `<path>:<line>:<column>: <JSON pointer>: <cause>` (kFailedPrecondition for
/// a record of another kind or a newer version, kResourceExhausted for a limit
/// passed). docs/tables.md lists them.
///
/// Example:
///
///   auto t = carelearn::ReadTables("sessions.jsonl", {.threads = 0});
[[nodiscard]] absl::StatusOr<SessionTables> ReadTables(const std::string& path,
                                                       const TableOptions& options = {});

/// Reads JSON Lines text held in memory, as `ReadTables` reads a file;
/// `source` names it in errors ("<input>" when empty).
///
/// Example:
///
///   auto t = carelearn::ReadTablesFromText(text, "upload", {});
[[nodiscard]] absl::StatusOr<SessionTables> ReadTablesFromText(std::string_view text,
                                                               std::string_view source,
                                                               const TableOptions& options = {});

/// Builds the tables from Session values (in the given order); the same
/// tables the readers give for the same sessions.
///
/// Example:
///
///   carelearn::SessionTables t = carelearn::TablesFromSessions(sessions);
[[nodiscard]] SessionTables TablesFromSessions(std::span<const Session> sessions,
                                               const TableOptions& options = {});

/// Builds the tables from the sessions a store query selects, in the store's
/// order (planned start, then id), read from the text the store keeps
/// (`Store::ScanSessions`) by the same reader as JSON Lines; with threads,
/// the store is read on the calling thread while workers parse.
///
/// Errors: the store's; kDataLoss for a stored session that cannot be read
/// ("the stored session \"<id>\" cannot be read: ..."), which `OnError::kSkip`
/// lists in `skipped` (source "store", line its place in the query's order).
///
/// Example:
///
///   auto t = carelearn::ReadTables(*store, {.unit = "home-care-north"});
[[nodiscard]] absl::StatusOr<SessionTables> ReadTables(const Store& store,
                                                       const SessionQuery& query,
                                                       const TableOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_TABLES_HPP_
