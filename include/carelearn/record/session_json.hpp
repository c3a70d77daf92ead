// carelearn/record/session_json.hpp
//
// Defines the JSON form of a `Session`: one object per line (JSON Lines),
// each naming its kind and version first, "carelearn": "session/1", and
// saying what it leaves out ("redaction"). docs/sessions.md describes every
// key. Writing goes through `Redact`, so confidential text is left out unless
// the caller asks for it.
//
// Reading is strict: an unknown key, a value of the wrong type or an unknown
// name is an error that names its place as a JSON Pointer.
//
// Example:
//
//   std::string line = carelearn::ToJsonLine(session);  // confidential text left out
//   // {"carelearn":"session/1","id":"s-1","format":{"id":"systematic-learning-meeting",...
//   absl::StatusOr<carelearn::Session> back = carelearn::ParseSessionLine(line);
#ifndef CARELEARN_RECORD_SESSION_JSON_HPP_
#define CARELEARN_RECORD_SESSION_JSON_HPP_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// The kind and version every session line names under the key "carelearn".
inline constexpr std::string_view kSessionDocument = "session/1";

/// `session`, redacted as `options` say, as one line of JSON (no newline at the end).
///
/// Keys come in a fixed order; times are RFC 3339 in UTC ("2026-03-04T14:00:00Z"),
/// due dates are "YYYY-MM-DD". UTF-8 text is written as it is.
[[nodiscard]] std::string ToJsonLine(const Session& session, const ExportOptions& options = {});

/// Reads one session line written by `ToJsonLine`; stores its "redaction" in
/// `*redaction` when that is not nullptr.
///
/// Errors, each message led by the JSON Pointer of the offending value:
///   - kInvalidArgument: not JSON, not an object; an unknown key; a missing
///     required key ("carelearn", "id", "format", "planned_start", "status");
///     a value of the wrong type; an unknown name (status, shift, ...); a
///     time or date that does not parse; a number out of range;
///   - kFailedPrecondition: a document of another kind, or of a newer
///     session version, naming both.
/// The session is not checked further; use `ValidateSession` for that.
[[nodiscard]] absl::StatusOr<Session> ParseSessionLine(std::string_view line,
                                                       Redaction* redaction = nullptr);

}  // namespace carelearn

#endif  // CARELEARN_RECORD_SESSION_JSON_HPP_
