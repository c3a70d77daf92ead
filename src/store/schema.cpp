#include "store/schema.hpp"

#include <cstdint>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "carelearn/io/session_json.hpp"
#include "carelearn/store/store.hpp"
#include "detail/absl_compat.hpp"
#include "store/rows.hpp"

namespace carelearn::detail {
namespace {

// Version 3: version 2 with the action's `confidential` flag beside its text.
constexpr std::string_view kSchemaVersion3 = R"sql(
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
  text TEXT NOT NULL,
  owner TEXT NOT NULL,
  due TEXT,
  status TEXT NOT NULL,
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  PRIMARY KEY (session_id, action_id)
) STRICT;
CREATE INDEX actions_by_status ON actions (status, session_id);
CREATE TABLE action_changes (
  session_id TEXT NOT NULL,
  action_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (session_id, action_id, seq),
  FOREIGN KEY (session_id, action_id) REFERENCES actions (session_id, action_id)
) STRICT;
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
  if (absl::Status s = db.Exec(kSchemaVersion3); !s.ok()) return s;
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
                                              Store::kSchemaVersion, ": session \"", id,
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

}  // namespace

absl::Status CreateSchema(Database& db) {
  static_assert(Store::kSchemaVersion == 3, "kSchemaVersion3 is the newest schema");
  if (absl::Status s = db.Exec(kSchemaVersion3); !s.ok()) return s;
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
  ExportOptions everything;
  everything.include_confidential = true;
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
    st->Bind(6, ToJsonLine(session, everything));
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
