// carelearn/io/session_json.hpp
//
// Defines the JSON form of a `Session`, "session/1": one object per line
// (JSON Lines), each naming its kind and version first, "carelearn":
// "session/1", and saying what it leaves out ("redaction"). docs/sessions.md
// describes every key and docs/json-format.md the rules of reading.
//
// Writing goes through `Redact`, so confidential text is left out unless the
// caller asks for it. Times are RFC 3339 in UTC ("2026-03-04T14:00:00Z") in
// the years 0001 to 9999; whatever carelearn writes it reads back byte for byte.
//
// Reading is the strict reader of the JSON documents (carelearn/io/json.hpp):
// every error is "<source>:<line>:<column>: <JSON pointer>: <cause>" with a
// location payload (`GetErrorLocation`); a duplicate key, an unknown key (with
// the likely intended one), a wrong type, an unknown name, a time that is not
// strictly RFC 3339 and invalid UTF-8 are errors; every limit of
// `SessionReadOptions` is an error of its own. `SessionReader` reads a file or
// a stream line by line in chunks, never the whole input at once: the store's
// import and Python's `read_sessions` both read through it.
//
// Example:
//
//   std::string line = carelearn::ToJsonLine(session);  // confidential text left out
//   // {"carelearn":"session/1","id":"s-1","format":{"id":"systematic-learning-meeting",...
//   absl::StatusOr<carelearn::Session> back = carelearn::ParseSessionLine(line);
//
//   absl::StatusOr<carelearn::SessionReader> reader =
//       carelearn::SessionReader::Open("export.jsonl");
//   while (std::optional<carelearn::SessionLine> next = reader->Next()) {
//     if (!next->session.ok()) std::cerr << next->session.status().message() << "\n";
//     // export.jsonl:3:57: /participants/0/shift: expected one of "unspecified", ...
//   }
#ifndef CARELEARN_IO_SESSION_JSON_HPP_
#define CARELEARN_IO_SESSION_JSON_HPP_

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// The kind and version every session line names under the key "carelearn".
inline constexpr std::string_view kSessionDocument = "session/1";

/// How session lines are read: their name in errors, the limits each line
/// must keep (each passed limit is an error of its own, kResourceExhausted,
/// naming the limit), and whether sessions are validated.
///
/// The defaults hold every session a care organisation records with room to
/// spare; a caller who needs more raises a limit.
struct SessionReadOptions {
  /// The name errors give the input, e.g. its file path; "<input>" when empty.
  std::string source_name;
  /// The longest line, in bytes, its line break not counted. A longer line is
  /// never held in memory whole: the reader skips its rest.
  std::size_t max_line_bytes = std::size_t{1} << 20;
  std::size_t max_string_bytes = std::size_t{64} << 10;  ///< The longest string, in bytes.
  std::size_t max_participants = 1000;                   ///< Participants in one session.
  std::size_t max_steps = 1000;                          ///< Step timings in one session.
  std::size_t max_prompts = 10000;                       ///< Questions used in one session.
  std::size_t max_learning_points = 1000;                ///< Learning points in one session.
  std::size_t max_actions = 1000;                        ///< Actions in one session.
  std::size_t max_status_changes = 1000;                 ///< Status changes of one action.
  std::size_t max_feedback = 1000;                       ///< Feedback in one session.
  std::size_t max_notes = 1000;                          ///< Notes in one session.
  /// `SessionReader` and `ReadSessions` check each session with
  /// `ValidateSession`; `ParseSessionLine` never does.
  bool validate = true;
};

/// `session`, redacted as `options` say, as one line of JSON (no newline at the end).
///
/// Keys come in a fixed order; times are RFC 3339 in UTC with as many fraction
/// digits as they need ("2026-03-04T14:00:00Z", "2026-03-30T09:30:00.25Z"),
/// due dates "YYYY-MM-DD"; UTF-8 text is written as it is (a byte that is not
/// UTF-8 as U+FFFD). A session that `ValidateSession` accepts reads back
/// equal, and written again gives the same line. (A time outside the years
/// 0001 to 9999, which `ValidateSession` refuses, has no RFC 3339 form: it is
/// written with its year as a plain number, which the reader refuses.)
[[nodiscard]] std::string ToJsonLine(const Session& session, const ExportOptions& options = {});

/// Reads one session line written by `ToJsonLine`; stores its "redaction" in
/// `*redaction` when that is not nullptr. The line is line 1 of
/// `options.source_name`.
///
/// Errors, each message led by "<source>:<line>:<column>: <JSON pointer>: ":
///   - kInvalidArgument: not JSON, a duplicate key, invalid UTF-8 (at its
///     byte), not an object; an unknown key (with the likely intended key);
///     a missing required key ("carelearn", "id", "format", "planned_start",
///     "status"); a value of the wrong type; an unknown name (status, shift,
///     ...); a time that is not RFC 3339 or lies outside the years 0001 to
///     9999, or is a leap second; a date that is not "YYYY-MM-DD"; a number
///     out of range; a cancellation of a held session;
///   - kResourceExhausted: a line, a string or a list longer than `options` allow;
///   - kFailedPrecondition, marked `IsVersionMismatch`: a document of another
///     kind, or of a newer session version, naming both.
/// The session is not checked further; use `ValidateSession` for that.
[[nodiscard]] absl::StatusOr<Session> ParseSessionLine(std::string_view line,
                                                       Redaction* redaction = nullptr,
                                                       const SessionReadOptions& options = {});

/// One line of JSON Lines as `SessionReader` read it.
struct SessionLine {
  std::size_t line = 0;  ///< The line's number in the input, from 1.
  /// The session, or the line's error: those of `ParseSessionLine` with the
  /// line's number, and with `validate` those of `ValidateSession`, led by
  /// "<source>:<line>: " (located at the line, column 0).
  absl::StatusOr<Session> session;
  Redaction redaction = Redaction::kNone;  ///< What the line says it leaves out.
};

/// Reads "session/1" JSON Lines from a file or a stream, one line at a time,
/// in chunks: never more than a chunk and the longest line allowed are held.
/// Blank lines (spaces and tabs only) are skipped; a line may end in "\r\n".
///
/// Movable, not copyable. The stream given must outlive the reader.
class SessionReader {
 public:
  /// Reads from `in`.
  explicit SessionReader(std::istream& in, SessionReadOptions options = {});

  /// Reads the file at `path`; errors name it unless `options.source_name` is set.
  ///
  /// Errors: kNotFound when the file cannot be opened (missing, a directory,
  /// unreadable), led by the path.
  [[nodiscard]] static absl::StatusOr<SessionReader> Open(const std::filesystem::path& path,
                                                          SessionReadOptions options = {});

  /// Takes over `other`'s input.
  SessionReader(SessionReader&& other) noexcept;
  /// Takes over `other`'s input.
  SessionReader& operator=(SessionReader&& other) noexcept;
  SessionReader(const SessionReader&) = delete;
  SessionReader& operator=(const SessionReader&) = delete;
  /// Closes a file it opened.
  ~SessionReader();

  /// The next line that is not blank, or std::nullopt at the end of the input.
  ///
  /// A line's error does not end the reading: the next call reads the next
  /// line. When the input itself fails, one last line carries kDataLoss
  /// ("<source>:<line>: reading failed") and the reading ends.
  [[nodiscard]] std::optional<SessionLine> Next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Every session of the JSON Lines in `in`, stopping at the first line's error.
[[nodiscard]] absl::StatusOr<std::vector<Session>> ReadSessions(
    std::istream& in, const SessionReadOptions& options = {});

/// Every session of the JSON Lines file at `path`, stopping at the first
/// error; kNotFound when the file cannot be opened.
[[nodiscard]] absl::StatusOr<std::vector<Session>> ReadSessionsFile(
    const std::filesystem::path& path, SessionReadOptions options = {});

/// Writes `sessions` to the file `path` as JSON Lines, each redacted as
/// `options` say; returns how many were written. The file is created (or
/// replaced) readable and writable by its owner only, as `OwnerOnlyFile`.
///
/// Errors: those of `OwnerOnlyFile::Create` (with `ExistingFile::kReplace`)
/// and `OwnerOnlyFile::Close`; kInvalidArgument, naming the session's index,
/// when a session fails `ValidateSession` (the file then holds those before it).
[[nodiscard]] absl::StatusOr<std::size_t> WriteSessionsFile(const std::filesystem::path& path,
                                                            std::span<const Session> sessions,
                                                            const ExportOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_IO_SESSION_JSON_HPP_
