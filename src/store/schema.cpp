#include "store/schema.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/identifiers.hpp"
#include "carelearn/store/store.hpp"
#include "detail/absl_compat.hpp"
#include "store/rows.hpp"

namespace carelearn::detail {
namespace {

// Version 4: a session's body is its whole line, its actions and their
// histories included; `actions` indexes the actions for queries (their
// current status, owner, due date and flag), without their text.
constexpr std::string_view kSchemaVersion4 = R"sql(
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  format_id TEXT NOT NULL,
  format_version INTEGER NOT NULL,
  unit TEXT NOT NULL,
  planned_start INTEGER NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_start ON sessions (planned_start);
CREATE INDEX sessions_by_unit ON sessions (unit, planned_start);
CREATE INDEX sessions_by_format ON sessions (format_id, planned_start);
CREATE TABLE actions (
  session_id TEXT NOT NULL REFERENCES sessions (id),
  action_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  step_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  due TEXT,
  status TEXT NOT NULL,
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  PRIMARY KEY (session_id, action_id)
) STRICT;
CREATE INDEX actions_by_status ON actions (status, session_id);
CREATE TABLE formats (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  stored_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
)sql";

constexpr std::string_view kSchemaVersion1 = R"sql(
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  format_id TEXT NOT NULL,
  format_version INTEGER NOT NULL,
  unit TEXT NOT NULL,
  planned_start INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX sessions_by_unit ON sessions (unit, planned_start);
CREATE TABLE formats (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
)sql";

std::string Stamp(int version) {
  return absl::StrCat("PRAGMA application_id = ", Store::kApplicationId,
                      "; PRAGMA user_version = ", version, ";");
}

// Version 1 kept each whole session in `body`: every session is read and
// written again by the current writer, into the newest schema at once.
absl::Status Migrate1ToNewest(Database& db) {
  if (absl::Status s = db.Exec(
          "ALTER TABLE sessions RENAME TO sessions_v1; ALTER TABLE formats RENAME TO formats_v1; "
          "DROP INDEX sessions_by_unit;");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = db.Exec(kSchemaVersion4); !s.ok()) return s;
  if (absl::Status s = db.Exec("INSERT INTO formats (id, version, json, stored_at) "
                               "SELECT id, version, json, 0 FROM formats_v1");
      !s.ok()) {
    return s;
  }
  absl::StatusOr<Statement> st = db.Prepare("SELECT id, body FROM sessions_v1 ORDER BY id");
  if (!st.ok()) return st.status();
  while (true) {
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string id = st->Text(0);
    absl::StatusOr<Session> session = ParseSessionLine(st->Text(1), nullptr, StoredBodyOptions());
    absl::Status valid = session.ok() ? ValidateSession(*session) : session.status();
    if (!valid.ok()) {
      return absl::DataLossError(absl::StrCat(db.path(), ": migrating from schema 1 to ",
                                              Store::kSchemaVersion, ": session \"", MaskedId(id),
                                              "\": ", valid.message()));
    }
    if (absl::Status s = WriteSession(db, *session); !s.ok()) return s;
  }
  return db.Exec("DROP TABLE sessions_v1; DROP TABLE formats_v1;");
}

// Version 2 had no confidential flag on actions: every stored action was
// written before an action could be marked confidential, so 0 is its value.
// The bodies need nothing: a line without "confidential" reads as false.
absl::Status Migrate2To3(Database& db) {
  return db.Exec(
      "ALTER TABLE actions ADD COLUMN "
      "confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));");
}

// A version 3 session: its body without its actions, which are read from
// their rows in `actions` (text included) and `action_changes`.
absl::StatusOr<Session> ReadVersion3Session(Database& db, const std::string& id,
                                            std::string_view body) {
  const auto unreadable = [&](std::string_view what) {
    return absl::DataLossError(absl::StrCat(db.path(), ": migrating from schema 3 to 4: session \"",
                                            MaskedId(id), "\": ", Sv(what)));
  };
  absl::StatusOr<Session> session = ParseSessionLine(body, nullptr, StoredBodyOptions());
  if (!session.ok()) return unreadable(Sv(session.status().message()));
  session->actions.clear();
  {
    absl::StatusOr<Statement> st = db.Prepare(
        "SELECT action_id, step_id, text, owner, due, confidential FROM actions "
        "WHERE session_id = ? ORDER BY position");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      Action& a = session->actions.emplace_back();
      a.id = st->Text(0);
      a.step_id = st->Text(1);
      a.text = st->Text(2);
      a.owner = st->Text(3);
      if (!st->IsNull(4)) {
        absl::CivilDay due;
        if (!absl::ParseCivilTime(st->Text(4), &due)) {
          return unreadable(absl::StrCat("action \"", a.id, "\": bad due date"));
        }
        a.due = due;
      }
      a.confidential = st->Int(5) != 0;
    }
  }
  absl::StatusOr<Statement> st = db.Prepare(
      "SELECT action_id, status, at FROM action_changes WHERE session_id = ? "
      "ORDER BY action_id, seq");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  while (true) {
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string action_id = st->Text(0);
    const std::optional<ActionStatus> status = ParseActionStatus(st->Text(1));
    auto it = std::find_if(session->actions.begin(), session->actions.end(),
                           [&](const Action& a) { return a.id == action_id; });
    if (it == session->actions.end() || !status.has_value()) {
      return unreadable(absl::StrCat("action \"", action_id, "\": bad status change"));
    }
    it->history.push_back({*status, absl::FromUnixNanos(st->Int(2))});
  }
  return session;
}

// Version 3 kept the actions in tables of their own, apart from the body:
// each body is written again with its actions, whose text and history then
// leave those tables.
absl::Status Migrate3To4(Database& db) {
  std::vector<std::string> ids;
  {
    absl::StatusOr<Statement> st = db.Prepare("SELECT id FROM sessions ORDER BY id");
    if (!st.ok()) return st.status();
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      ids.push_back(st->Text(0));
    }
  }
  for (const std::string& id : ids) {
    absl::StatusOr<std::optional<std::string>> body = ReadBody(db, id);
    if (!body.ok()) return body.status();
    absl::StatusOr<Session> session = ReadVersion3Session(db, id, body->value_or(""));
    if (!session.ok()) return session.status();
    if (absl::Status valid = ValidateSession(*session); !valid.ok()) {
      return absl::DataLossError(absl::StrCat(db.path(),
                                              ": migrating from schema 3 to 4: session \"",
                                              MaskedId(id), "\": ", valid.message()));
    }
    if (absl::Status s = RewriteBody(db, *session); !s.ok()) return s;
  }
  return db.Exec("DROP TABLE action_changes; ALTER TABLE actions DROP COLUMN text;");
}

}  // namespace

absl::Status CreateSchema(Database& db) {
  static_assert(Store::kSchemaVersion == 4, "kSchemaVersion4 is the newest schema");
  if (absl::Status s = db.Exec(kSchemaVersion4); !s.ok()) return s;
  return db.Exec(Stamp(Store::kSchemaVersion));
}

absl::Status MigrateSchema(Database& db, int from) {
  int version = from;
  while (version < Store::kSchemaVersion) {
    absl::Status s;
    int to = version + 1;
    switch (version) {
      case 1:
        s = Migrate1ToNewest(db);
        to = Store::kSchemaVersion;
        break;
      case 2:
        s = Migrate2To3(db);
        break;
      case 3:
        s = Migrate3To4(db);
        break;
      default:
        return absl::FailedPreconditionError(
            absl::StrCat(db.path(), ": there is no migration from schema version ", version));
    }
    if (!s.ok()) return s;
    if (s = db.Exec(Stamp(to)); !s.ok()) return s;
    version = to;
  }
  return absl::OkStatus();
}

absl::Status CreateVersion1Store(const std::string& path, const std::vector<Session>& sessions,
                                 const std::vector<StoredFormat>& formats) {
  absl::StatusOr<std::unique_ptr<Database>> db =
      Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db.ok()) return db.status();
  if (absl::Status s = (*db)->Exec(kSchemaVersion1); !s.ok()) return s;
  for (const Session& session : sessions) {
    absl::StatusOr<Statement> st = (*db)->Prepare(
        "INSERT INTO sessions (id, format_id, format_version, unit, planned_start, body) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!st.ok()) return st.status();
    st->Bind(1, session.id);
    st->Bind(2, session.format_id);
    st->Bind(3, std::int64_t{session.format_version});
    st->Bind(4, session.unit);
    st->Bind(5, absl::ToUnixSeconds(session.planned_start));
    st->Bind(6, StoredBody(session));
    if (absl::Status s = st->Run(); !s.ok()) return s;
  }
  for (const StoredFormat& format : formats) {
    absl::StatusOr<Statement> st =
        (*db)->Prepare("INSERT INTO formats (id, version, json) VALUES (?, ?, ?)");
    if (!st.ok()) return st.status();
    st->Bind(1, format.id);
    st->Bind(2, std::int64_t{format.version});
    st->Bind(3, format.json);
    if (absl::Status s = st->Run(); !s.ok()) return s;
  }
  return (*db)->Exec(Stamp(1));
}

}  // namespace carelearn::detail
