// The store's schema, its versions and the migrations between them.
//
// Version 1 (carelearn 0.x before actions were tracked): `sessions` with the
// whole session JSON in `body` (actions inside it) and the planned start in
// Unix seconds; `formats`. Version 2: STRICT tables; the planned start in
// nanoseconds and the status as columns; actions and their dated status
// changes in tables of their own, so that a status can change without
// rewriting the session and be queried; `formats` with the time it was stored.
// Version 3: `actions.confidential` (0 or 1), the action's flag, since the
// action's text is kept in `actions` rather than in the session's body; the
// body keeps the flags of the rest (feedback, cancellation) in its JSON.
// Version 4: the body is the whole session again, its actions and their
// status histories included, so that a session is one row to read;
// `actions` stays as an index for queries (position, step, owner, due date,
// current status, flag; not the text), and `action_changes` is gone.
//
// A version 1 store is migrated to the newest schema in one step (its
// sessions read from their bodies and written again); a version 2 store
// gains the column, 0 for every action it holds; a version 3 store's bodies
// are written again with their actions, read from the tables that then go.
#ifndef CARELEARN_SRC_STORE_SCHEMA_HPP_
#define CARELEARN_SRC_STORE_SCHEMA_HPP_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "carelearn/record/session.hpp"
#include "carelearn/store/store.hpp"
#include "store/sqlite.hpp"

namespace carelearn::detail {

/// Creates the newest schema in an empty database and stamps its
/// application id and version; the caller holds a write transaction.
[[nodiscard]] absl::Status CreateSchema(Database& db);

/// Migrates a database of schema `from` to the newest, step by step (from
/// version 1 in one step); the caller holds a write transaction.
///
/// Errors: kDataLoss (naming the session) when a stored session cannot be
/// read; kFailedPrecondition for a version there is no migration from.
[[nodiscard]] absl::Status MigrateSchema(Database& db, int from);

/// Creates a store of schema version 1 at `path` holding `sessions` and
/// `formats` as version 1 kept them; for testing the migration.
[[nodiscard]] absl::Status CreateVersion1Store(const std::string& path,
                                               const std::vector<Session>& sessions,
                                               const std::vector<StoredFormat>& formats = {});

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_STORE_SCHEMA_HPP_
