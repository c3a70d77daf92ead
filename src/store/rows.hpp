// The rows a session is kept in (schema version 4): one row in `sessions`
// whose `body` is the session's whole JSON line (its actions and their
// status histories included, confidential text too), and one row per action
// in `actions`, which indexes the actions' current status, owner and due
// date for queries; the body is what a session is.
// The callers hold the transaction.
#ifndef CARELEARN_SRC_STORE_ROWS_HPP_
#define CARELEARN_SRC_STORE_ROWS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/session.hpp"
#include "store/sqlite.hpp"

namespace carelearn::detail {

/// A time as stored: nanoseconds since the Unix epoch, UTC.
inline std::int64_t StoredTime(absl::Time t) { return absl::ToUnixNanos(t); }

/// How a stored session body is read: named "sessions.body" in errors, and
/// without the limits of an import, since every stored session was
/// validated when it was written.
[[nodiscard]] SessionReadOptions StoredBodyOptions();

/// Writes `session` over any stored session with its id (its row and the
/// index rows of its actions). `session` must pass ValidateSession.
[[nodiscard]] absl::Status WriteSession(Database& db, const Session& session);

/// The body the store keeps for `session`: its whole "session/1" line,
/// confidential text included.
[[nodiscard]] std::string StoredBody(const Session& session);

/// Writes `StoredBody(session)` into the row of the stored session with its
/// id (the row is there; its other columns and index rows stay).
[[nodiscard]] absl::Status RewriteBody(Database& db, const Session& session);

/// The stored body of session `id`, or nullopt when no row has that id.
[[nodiscard]] absl::StatusOr<std::optional<std::string>> ReadBody(Database& db,
                                                                  std::string_view id);

/// Removes the rows of session `id`; false when there were none.
[[nodiscard]] absl::StatusOr<bool> EraseSession(Database& db, std::string_view id);

/// The session whose row has `id` and `body`.
///
/// Errors: kDataLoss when the body cannot be read or is another session's.
[[nodiscard]] absl::StatusOr<Session> ReadSession(Database& db, std::string_view id,
                                                  std::string_view body);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_STORE_ROWS_HPP_
