// The rows a session is kept in (schema version 3): one row in `sessions`
// whose `body` is the session's JSON line without its actions, one row per
// action in `actions` (with its confidential flag), one row per status change
// in `action_changes`.
// The callers hold the transaction.
#ifndef CARELEARN_SRC_STORE_ROWS_HPP_
#define CARELEARN_SRC_STORE_ROWS_HPP_

#include <cstdint>
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

/// Writes `session` over any stored session with its id (session row,
/// actions, status changes). `session` must pass ValidateSession.
[[nodiscard]] absl::Status WriteSession(Database& db, const Session& session);

/// Removes the rows of session `id`; false when there were none.
[[nodiscard]] absl::StatusOr<bool> EraseSession(Database& db, std::string_view id);

/// The session whose row has `id` and `body`, with its actions read from
/// their tables.
///
/// Errors: kDataLoss when the body or an action row cannot be read.
[[nodiscard]] absl::StatusOr<Session> ReadSession(Database& db, std::string_view id,
                                                  std::string_view body);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_STORE_ROWS_HPP_
