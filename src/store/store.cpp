#include "carelearn/store/store.hpp"

#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <functional>
#include <istream>
#include <mutex>
#include <ostream>
#include <string>
#include <utility>
#include <variant>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "carelearn/io/errors.hpp"
#include "carelearn/io/export_manifest.hpp"
#include "carelearn/io/json.hpp"
#include "carelearn/io/owner_only_file.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/identifiers.hpp"
#include "detail/absl_compat.hpp"
#include "detail/names.hpp"
#include "store/rows.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"

namespace carelearn {
namespace {

using detail::Database;
using detail::Statement;
using detail::Sv;
using detail::Transaction;

constexpr detail::NameTable<ConflictPolicy, 3> kConflictPolicies{{
    {ConflictPolicy::kFail, "fail"},
    {ConflictPolicy::kSkip, "skip"},
    {ConflictPolicy::kReplace, "replace"},
}};

// A WHERE clause and its arguments, bound in order.
struct Where {
  std::string sql;
  std::vector<std::variant<std::string, std::int64_t>> args;

  void Add(std::string_view condition, std::variant<std::string, std::int64_t> arg) {
    absl::StrAppend(&sql, sql.empty() ? " WHERE " : " AND ", Sv(condition));
    args.push_back(std::move(arg));
  }

  void BindTo(Statement& st) const {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (const std::string* s = std::get_if<std::string>(&args[i])) {
        st.Bind(index, std::string_view(*s));
      } else {
        st.Bind(index, std::get<std::int64_t>(args[i]));
      }
    }
  }
};

Where SessionWhere(const SessionQuery& q) {
  Where w;
  if (q.unit) w.Add("unit = ?", *q.unit);
  if (q.format_id) w.Add("format_id = ?", *q.format_id);
  if (q.format_version) w.Add("format_version = ?", std::int64_t{*q.format_version});
  if (q.from) w.Add("planned_start >= ?", detail::StoredTime(*q.from));
  if (q.to) w.Add("planned_start < ?", detail::StoredTime(*q.to));
  if (q.status) w.Add("status = ?", std::string(SessionStatusName(*q.status)));
  if (q.action_status) {
    w.Add("EXISTS (SELECT 1 FROM actions a WHERE a.session_id = sessions.id AND a.status = ?)",
          std::string(ActionStatusName(*q.action_status)));
  }
  return w;
}

absl::StatusOr<std::string> PragmaText(Database& db, std::string_view pragma) {
  absl::StatusOr<Statement> st = db.Prepare(absl::StrCat("PRAGMA ", Sv(pragma)));
  if (!st.ok()) return st.status();
  absl::StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::string();
  return st->Text(0);
}

absl::StatusOr<std::int64_t> PragmaInt(Database& db, std::string_view pragma) {
  absl::StatusOr<Statement> st = db.Prepare(absl::StrCat("PRAGMA ", Sv(pragma)));
  if (!st.ok()) return st.status();
  absl::StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->Int(0) : 0;
}

// Creates `path` readable and writable by its owner only, unless it exists.
absl::Status CreateFileIfMissing(const std::string& path, const StoreOptions& options) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return absl::OkStatus();
  if (errno != ENOENT) {
    return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  if (!options.create_if_missing || options.read_only) {
    return absl::NotFoundError(absl::StrCat(path, ": there is no store here"));
  }
  absl::StatusOr<OwnerOnlyFile> file = OwnerOnlyFile::Create(path, ExistingFile::kFail);
  if (file.status().code() == absl::StatusCode::kAlreadyExists) {
    return absl::OkStatus();  // another process was quicker
  }
  if (!file.ok()) return file.status();
  return file->Close();
}

// Brings the schema to the newest version, inside one write transaction.
absl::Status PrepareSchema(Database& db, bool read_only) {
  absl::StatusOr<std::int64_t> app = PragmaInt(db, "application_id");
  if (!app.ok()) return app.status();
  absl::StatusOr<std::int64_t> version = PragmaInt(db, "user_version");
  if (!version.ok()) return version.status();
  absl::StatusOr<std::int64_t> tables = PragmaInt(db, "schema_version");
  if (!tables.ok()) return tables.status();

  if (*app != 0 && *app != Store::kApplicationId) {
    return VersionMismatchError(absl::StrCat(
        db.path(), ": not a carelearn store (it belongs to application id ", *app, ")"));
  }
  if (*app == 0 && *tables != 0) {
    return VersionMismatchError(
        absl::StrCat(db.path(), ": not a carelearn store (a database of another application)"));
  }
  if (*version > Store::kSchemaVersion) {
    return VersionMismatchError(absl::StrCat(db.path(), ": the store has schema version ", *version,
                                             ", newer than this library's ", Store::kSchemaVersion,
                                             "; update carelearn"));
  }
  if (*app != 0 && *version == Store::kSchemaVersion) return absl::OkStatus();
  if (read_only) {
    return VersionMismatchError(
        absl::StrCat(db.path(), ": the store needs migrating from schema version ", *version,
                     " to ", Store::kSchemaVersion, "; open it once for writing"));
  }

  absl::StatusOr<Transaction> tx = Transaction::Begin(db, /*write=*/true);
  if (!tx.ok()) return tx.status();
  // Another connection may have created or migrated it meanwhile.
  version = PragmaInt(db, "user_version");
  if (!version.ok()) return version.status();
  app = PragmaInt(db, "application_id");
  if (!app.ok()) return app.status();
  absl::Status s;
  if (*app == 0) {
    s = detail::CreateSchema(db);
  } else if (*version < Store::kSchemaVersion) {
    s = detail::MigrateSchema(db, static_cast<int>(*version));
  }
  if (!s.ok()) return s;
  return tx->Commit();
}

// How an import reads its lines.
SessionReadOptions ReadingOptions(const ImportOptions& options) {
  SessionReadOptions reading = options.reading;
  reading.source_name = options.source_name;
  reading.validate = true;
  return reading;
}

}  // namespace

std::string_view ConflictPolicyName(ConflictPolicy policy) {
  return detail::NameOf(kConflictPolicies, policy);
}

std::optional<ConflictPolicy> ParseConflictPolicy(std::string_view name) {
  return detail::ValueOf(kConflictPolicies, name);
}

// Every call on a Store: refuses a Store that was moved from, then holds the
// connection's mutex for the call.
#define CARELEARN_STORE_LOCK(operation)                                                     \
  if (impl_ == nullptr) {                                                                   \
    return absl::FailedPreconditionError("Store::" operation                                \
                                         ": this Store was moved from; use the one it was " \
                                         "moved to");                                       \
  }                                                                                         \
  const std::lock_guard<std::mutex> store_lock(impl_->mu)

struct Store::Impl {
  std::unique_ptr<Database> db;
  StoreOptions options;
  // One SQLite connection serves one call at a time: calls from several
  // threads take turns (each call is one transaction, so they never interleave).
  std::mutex mu;

  absl::Status ForEachSession(const SessionQuery& query,
                              const std::function<absl::Status(Session)>& each) {
    absl::StatusOr<Transaction> tx = Transaction::Begin(*db, /*write=*/false);
    if (!tx.ok()) return tx.status();
    const Where where = SessionWhere(query);
    std::string sql =
        absl::StrCat("SELECT id, body FROM sessions", where.sql, " ORDER BY planned_start, id");
    if (query.limit > 0) sql += " LIMIT ?";  // bound, so the statement cache stays small
    absl::StatusOr<Statement> st = db->Prepare(sql);
    if (!st.ok()) return st.status();
    where.BindTo(*st);
    if (query.limit > 0) {
      st->Bind(static_cast<int>(where.args.size()) + 1, static_cast<std::int64_t>(query.limit));
    }
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      absl::StatusOr<Session> session = detail::ReadSession(*db, st->Text(0), st->Text(1));
      if (!session.ok()) return session.status();
      if (absl::Status s = each(*std::move(session)); !s.ok()) return s;
    }
    return tx->Commit();
  }

  absl::StatusOr<bool> SessionExists(std::string_view id) {
    absl::StatusOr<Statement> st = db->Prepare("SELECT 1 FROM sessions WHERE id = ?");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    return st->Step();
  }

  // Imports what `reader` reads, in one transaction.
  absl::StatusOr<ImportResult> Import(SessionReader& reader, const ImportOptions& how) {
    Database& store = *db;
    const IdentifierPolicy identifier_policy = options.identifiers;
    // Bulk mode relaxes fsync for the import only; FULL comes back on every path.
    struct Durability {
      Database* db = nullptr;
      ~Durability() {
        if (db != nullptr)
          sqlite3_exec(db->get(), "PRAGMA synchronous = FULL", nullptr, nullptr, nullptr);
      }
    } durability;
    if (how.bulk) {
      if (absl::Status s = store.Exec("PRAGMA synchronous = NORMAL"); !s.ok()) return s;
      durability.db = &store;
    }
    const std::string source = how.source_name.empty() ? "<input>" : how.source_name;
    ImportResult result;
    {
      absl::StatusOr<Transaction> tx = Transaction::Begin(store, /*write=*/true);
      if (!tx.ok()) return tx.status();
      while (std::optional<SessionLine> line = reader.Next()) {
        if (!line->session.ok()) return line->session.status();
        const Session& session = *line->session;
        const std::string at = absl::StrCat(source, ":", line->line, ": ");
        if (line->redaction != Redaction::kNone && !how.allow_redacted) {
          return absl::InvalidArgumentError(
              absl::StrCat(at, "session \"", MaskedId(session.id), "\" is redacted (\"",
                           Sv(RedactionName(line->redaction)),
                           "\"); importing it keeps it without what it left out; set "
                           "allow_redacted to do so"));
        }
        absl::StatusOr<std::vector<Diagnostic>> identifiers = ApplyIdentifierPolicy(
            session, identifier_policy, absl::StrCat(source, ":", line->line));
        if (!identifiers.ok()) return identifiers.status();
        for (Diagnostic& d : *identifiers) result.findings.push_back({line->line, std::move(d)});
        absl::StatusOr<bool> exists = SessionExists(session.id);
        if (!exists.ok()) return exists.status();
        if (*exists) {
          if (how.on_conflict == ConflictPolicy::kFail) {
            return absl::AlreadyExistsError(
                absl::StrCat(at, "session \"", MaskedId(session.id), "\" is in the store already"));
          }
          if (how.on_conflict == ConflictPolicy::kSkip) {
            ++result.skipped;
            continue;
          }
        }
        if (absl::Status s = detail::WriteSession(store, session); !s.ok()) return s;
        ++result.imported;
      }
      if (absl::Status s = tx->Commit(); !s.ok()) return s;
    }
    if (how.bulk) {
      if (absl::StatusOr<std::string> done = PragmaText(store, "wal_checkpoint(TRUNCATE)");
          !done.ok()) {
        return done.status();
      }
    }
    return result;
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&& other) noexcept = default;
Store& Store::operator=(Store&& other) noexcept = default;
Store::~Store() = default;

absl::StatusOr<Store> Store::Open(const std::string& path, const StoreOptions& options) {
  const bool memory = path == ":memory:";
  if (path.empty()) return absl::InvalidArgumentError("Store::Open: the path is empty");
  if (!memory) {
    if (absl::Status s = CreateFileIfMissing(path, options); !s.ok()) return s;
  }
  const int flags = options.read_only ? SQLITE_OPEN_READONLY
                                      : SQLITE_OPEN_READWRITE | (memory ? SQLITE_OPEN_CREATE : 0);
  absl::StatusOr<std::unique_ptr<Database>> db = Database::Open(path, flags);
  if (!db.ok()) return db.status();
  sqlite3_busy_timeout((*db)->get(),
                       static_cast<int>(absl::ToInt64Milliseconds(options.busy_timeout)));
  if (!options.read_only) {
    // WAL is a property of the file; a read-only connection uses what is there.
    if (absl::StatusOr<std::string> mode = PragmaText(**db, "journal_mode = WAL"); !mode.ok()) {
      return mode.status();
    }
  }
  // secure_delete: what is deleted is overwritten with zeros, not left in free pages.
  if (absl::Status s = (*db)->Exec(
          "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = PrepareSchema(**db, options.read_only); !s.ok()) return s;
  auto impl = std::make_unique<Impl>();
  impl->db = *std::move(db);
  impl->options = options;
  return Store(std::move(impl));
}

absl::Status Store::PutSession(const Session& session, std::vector<Diagnostic>* findings) {
  CARELEARN_STORE_LOCK("PutSession");
  if (absl::Status s = ValidateSession(session); !s.ok()) return s;
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      ApplyIdentifierPolicy(session, impl_->options.identifiers, "PutSession");
  if (!identifiers.ok()) return identifiers.status();
  if (findings != nullptr) *findings = *std::move(identifiers);
  absl::StatusOr<Transaction> tx = Transaction::Begin(*impl_->db, /*write=*/true);
  if (!tx.ok()) return tx.status();
  if (absl::Status s = detail::WriteSession(*impl_->db, session); !s.ok()) return s;
  return tx->Commit();
}

absl::StatusOr<Session> Store::GetSession(std::string_view id) const {
  CARELEARN_STORE_LOCK("GetSession");
  absl::StatusOr<Transaction> tx = Transaction::Begin(*impl_->db, /*write=*/false);
  if (!tx.ok()) return tx.status();
  absl::StatusOr<std::optional<std::string>> body = detail::ReadBody(*impl_->db, id);
  if (!body.ok()) return body.status();
  if (!body->has_value()) {
    return absl::NotFoundError(
        absl::StrCat(impl_->db->path(), ": no session \"", MaskedId(id), "\""));
  }
  absl::StatusOr<Session> session = detail::ReadSession(*impl_->db, id, **body);
  if (!session.ok()) return session.status();
  if (absl::Status s = tx->Commit(); !s.ok()) return s;
  return session;
}

absl::Status Store::DeleteSession(std::string_view id) {
  CARELEARN_STORE_LOCK("DeleteSession");
  absl::StatusOr<Transaction> tx = Transaction::Begin(*impl_->db, /*write=*/true);
  if (!tx.ok()) return tx.status();
  absl::StatusOr<bool> erased = detail::EraseSession(*impl_->db, id);
  if (!erased.ok()) return erased.status();
  if (!*erased) {
    return absl::NotFoundError(
        absl::StrCat(impl_->db->path(), ": no session \"", MaskedId(id), "\""));
  }
  if (absl::Status s = tx->Commit(); !s.ok()) return s;
  // Copy the zeroed pages into the file and empty the WAL, which still holds
  // the session's earlier pages; best effort: a reader may hold the WAL open.
  (void)PragmaText(*impl_->db, "wal_checkpoint(TRUNCATE)");
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Session>> Store::FindSessions(const SessionQuery& query) const {
  CARELEARN_STORE_LOCK("FindSessions");
  std::vector<Session> out;
  absl::Status s = impl_->ForEachSession(query, [&](Session session) {
    out.push_back(std::move(session));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return out;
}

absl::Status Store::ScanSessions(
    const SessionQuery& query,
    const std::function<absl::Status(const StoredSessionView&)>& each) const {
  Database& db = *impl_->db;
  // The scan reads every page of the sessions and actions, several times over
  // (three statements): mapped into memory, SQLite reads them without a copy
  // through the kernel for each. Only for the scan, and given back after it.
  struct Mapped {
    Database& db;
    explicit Mapped(Database& d) : db(d) {
      sqlite3_exec(db.get(), "PRAGMA mmap_size = 2147418112", nullptr, nullptr, nullptr);
    }
    ~Mapped() { sqlite3_exec(db.get(), "PRAGMA mmap_size = 0", nullptr, nullptr, nullptr); }
    Mapped(const Mapped&) = delete;
    Mapped& operator=(const Mapped&) = delete;
  } mapped(db);
  absl::StatusOr<Transaction> tx = Transaction::Begin(db, /*write=*/false);
  if (!tx.ok()) return tx.status();
  // One statement: a session's body is all of it (schema 4), so a session
  // costs one step of the planned-start index and one read of its row.
  const Where where = SessionWhere(query);
  std::string sql =
      absl::StrCat("SELECT id, body FROM sessions", where.sql, " ORDER BY planned_start, id");
  if (query.limit > 0) sql += " LIMIT ?";
  absl::StatusOr<Statement> sessions = db.Prepare(sql);
  if (!sessions.ok()) return sessions.status();
  where.BindTo(*sessions);
  if (query.limit > 0) {
    sessions->Bind(static_cast<int>(where.args.size()) + 1, static_cast<std::int64_t>(query.limit));
  }
  while (true) {
    absl::StatusOr<bool> row = sessions->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (absl::Status s = each(StoredSessionView{sessions->TextView(0), sessions->TextView(1)});
        !s.ok()) {
      return s;
    }
  }
  return tx->Commit();
}

absl::StatusOr<std::size_t> Store::CountSessions(const SessionQuery& query) const {
  CARELEARN_STORE_LOCK("CountSessions");
  const Where where = SessionWhere(query);
  absl::StatusOr<Statement> st =
      impl_->db->Prepare(absl::StrCat("SELECT count(*) FROM sessions", where.sql));
  if (!st.ok()) return st.status();
  where.BindTo(*st);
  absl::StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return static_cast<std::size_t>(st->Int(0));
}

absl::Status Store::UpdateActionStatus(std::string_view session_id, std::string_view action_id,
                                       ActionStatus status, absl::Time at) {
  CARELEARN_STORE_LOCK("UpdateActionStatus");
  Database& db = *impl_->db;
  absl::StatusOr<Transaction> tx = Transaction::Begin(db, /*write=*/true);
  if (!tx.ok()) return tx.status();
  const std::string where = absl::StrCat("action \"", MaskedId(action_id), "\" of session \"",
                                         MaskedId(session_id), "\"");
  {
    absl::StatusOr<Statement> st =
        db.Prepare("SELECT status FROM actions WHERE session_id = ? AND action_id = ?");
    if (!st.ok()) return st.status();
    st->Bind(1, session_id);
    st->Bind(2, action_id);
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      absl::StatusOr<bool> exists = impl_->SessionExists(session_id);
      if (!exists.ok()) return exists.status();
      if (!*exists) {
        return absl::NotFoundError(
            absl::StrCat(db.path(), ": no session \"", MaskedId(session_id), "\""));
      }
      return absl::NotFoundError(absl::StrCat(db.path(), ": session \"", MaskedId(session_id),
                                              "\" has no action \"", MaskedId(action_id), "\""));
    }
    if (st->Text(0) == ActionStatusName(status)) {
      return absl::FailedPreconditionError(absl::StrCat(
          db.path(), ": ", where, " is \"", Sv(ActionStatusName(status)), "\" already"));
    }
  }
  // The change goes into the session's body, which is the session, and the
  // index row takes the new status.
  absl::StatusOr<std::optional<std::string>> body = detail::ReadBody(db, session_id);
  if (!body.ok()) return body.status();
  if (!body->has_value()) {
    return absl::DataLossError(
        absl::StrCat(db.path(), ": ", where, ": the action's session row is missing"));
  }
  absl::StatusOr<Session> session = detail::ReadSession(db, session_id, **body);
  if (!session.ok()) return session.status();
  auto action = std::find_if(session->actions.begin(), session->actions.end(),
                             [&](const Action& a) { return a.id == action_id; });
  if (action == session->actions.end()) {
    return absl::DataLossError(
        absl::StrCat(db.path(), ": ", where, ": the session's body has no such action"));
  }
  if (!action->history.empty() && at < action->history.back().at) {
    const absl::Time last = action->history.back().at;
    return absl::InvalidArgumentError(absl::StrCat(
        db.path(), ": ", where, ": the change at ", absl::FormatTime(at, absl::UTCTimeZone()),
        " is before the last change at ", absl::FormatTime(last, absl::UTCTimeZone())));
  }
  action->history.push_back({status, at});
  if (absl::Status s = detail::RewriteBody(db, *session); !s.ok()) return s;
  {
    absl::StatusOr<Statement> st =
        db.Prepare("UPDATE actions SET status = ? WHERE session_id = ? AND action_id = ?");
    if (!st.ok()) return st.status();
    st->Bind(1, ActionStatusName(status));
    st->Bind(2, session_id);
    st->Bind(3, action_id);
    if (absl::Status s = st->Run(); !s.ok()) return s;
  }
  return tx->Commit();
}

absl::StatusOr<std::vector<ActionRecord>> Store::FindActions(const ActionQuery& query) const {
  CARELEARN_STORE_LOCK("FindActions");
  Database& db = *impl_->db;
  absl::StatusOr<Transaction> tx = Transaction::Begin(db, /*write=*/false);
  if (!tx.ok()) return tx.status();
  Where where;
  if (query.session_id) where.Add("a.session_id = ?", *query.session_id);
  if (query.unit) where.Add("s.unit = ?", *query.unit);
  if (query.format_id) where.Add("s.format_id = ?", *query.format_id);
  if (query.status) where.Add("a.status = ?", std::string(ActionStatusName(*query.status)));
  if (query.due_before) {
    where.Add("a.due IS NOT NULL AND a.due < ?", absl::FormatCivilTime(*query.due_before));
  }
  // The index selects the actions; each comes from its session's body,
  // read once for all of its actions.
  absl::StatusOr<Statement> st = db.Prepare(absl::StrCat(
      "SELECT a.session_id, s.unit, s.format_id, s.planned_start, a.action_id, a.position, "
      "s.body FROM actions a JOIN sessions s ON s.id = a.session_id",
      where.sql, " ORDER BY s.planned_start, a.session_id, a.position"));
  if (!st.ok()) return st.status();
  where.BindTo(*st);
  std::vector<ActionRecord> out;
  std::optional<Session> session;
  while (true) {
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string_view session_id = st->TextView(0);
    if (!session.has_value() || session->id != session_id) {
      absl::StatusOr<Session> read = detail::ReadSession(db, session_id, st->TextView(6));
      if (!read.ok()) return read.status();
      session = *std::move(read);
    }
    const std::int64_t position = st->Int(5);
    if (position < 0 || static_cast<std::uint64_t>(position) >= session->actions.size() ||
        session->actions[static_cast<std::size_t>(position)].id != st->TextView(4)) {
      return absl::DataLossError(absl::StrCat(db.path(), ": session \"", MaskedId(session_id),
                                              "\": action \"", MaskedId(st->TextView(4)),
                                              "\" is not in its body at position ", position));
    }
    ActionRecord& r = out.emplace_back();
    r.session_id = std::string(session_id);
    r.unit = st->Text(1);
    r.format_id = st->Text(2);
    r.planned_start = absl::FromUnixNanos(st->Int(3));
    r.action = session->actions[static_cast<std::size_t>(position)];
  }
  if (absl::Status s = tx->Commit(); !s.ok()) return s;
  return out;
}

absl::Status Store::PutFormat(const Format& format) {
  CARELEARN_STORE_LOCK("PutFormat");
  const std::string_view id = format.id;
  const int version = format.version;
  if (id.empty()) return absl::InvalidArgumentError("PutFormat: the id is empty");
  if (version < 1) {
    return absl::InvalidArgumentError(absl::StrCat("PutFormat: version ", version, " is below 1"));
  }
  const std::string json = ToJson(format);

  Database& db = *impl_->db;
  absl::StatusOr<Transaction> tx = Transaction::Begin(db, /*write=*/true);
  if (!tx.ok()) return tx.status();
  {
    absl::StatusOr<Statement> st =
        db.Prepare("SELECT json FROM formats WHERE id = ? AND version = ?");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    st->Bind(2, std::int64_t{version});
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      if (st->Text(0) == json) return absl::OkStatus();
      return absl::AlreadyExistsError(
          absl::StrCat(db.path(), ": format \"", Sv(id), "\" version ", version,
                       " is stored already with other text; raise the version"));
    }
  }
  absl::StatusOr<Statement> st =
      db.Prepare("INSERT INTO formats (id, version, json, stored_at) VALUES (?, ?, ?, ?)");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  st->Bind(2, std::int64_t{version});
  st->Bind(3, json);
  st->Bind(4, detail::StoredTime(absl::Now()));
  if (absl::Status s = st->Run(); !s.ok()) return s;
  return tx->Commit();
}

absl::StatusOr<StoredFormat> Store::GetFormat(std::string_view id,
                                              std::optional<int> version) const {
  CARELEARN_STORE_LOCK("GetFormat");
  absl::StatusOr<Statement> st = impl_->db->Prepare(
      version.has_value()
          ? "SELECT id, version, json FROM formats WHERE id = ? AND version = ?"
          : "SELECT id, version, json FROM formats WHERE id = ? ORDER BY version DESC LIMIT 1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  if (version.has_value()) st->Bind(2, std::int64_t{*version});
  absl::StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return absl::NotFoundError(
        absl::StrCat(impl_->db->path(), ": no format \"", Sv(id), "\"",
                     version.has_value() ? absl::StrCat(" version ", *version) : std::string()));
  }
  return StoredFormat{st->Text(0), static_cast<int>(st->Int(1)), st->Text(2)};
}

absl::StatusOr<std::vector<StoredFormat>> Store::ListFormats() const {
  CARELEARN_STORE_LOCK("ListFormats");
  absl::StatusOr<Statement> st =
      impl_->db->Prepare("SELECT id, version, json FROM formats ORDER BY id, version");
  if (!st.ok()) return st.status();
  std::vector<StoredFormat> out;
  while (true) {
    absl::StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({st->Text(0), static_cast<int>(st->Int(1)), st->Text(2)});
  }
  return out;
}

absl::StatusOr<ImportResult> Store::ImportJsonLines(std::istream& in,
                                                    const ImportOptions& options) {
  CARELEARN_STORE_LOCK("ImportJsonLines");
  SessionReader reader(in, ReadingOptions(options));
  return impl_->Import(reader, options);
}

absl::StatusOr<ImportResult> Store::ImportJsonLines(const std::filesystem::path& path,
                                                    const ImportOptions& options) {
  CARELEARN_STORE_LOCK("ImportJsonLines");
  absl::StatusOr<SessionReader> reader = SessionReader::Open(path, ReadingOptions(options));
  if (!reader.ok()) return reader.status();
  return impl_->Import(*reader, options);
}

absl::StatusOr<std::size_t> Store::ExportJsonLines(std::ostream& out, const SessionQuery& query,
                                                   const ExportOptions& options) const {
  CARELEARN_STORE_LOCK("ExportJsonLines");
  std::size_t count = 0;
  absl::Status s = impl_->ForEachSession(query, [&](Session session) {
    out << ToJsonLine(session, options) << '\n';
    if (!out.good()) {
      return absl::InternalError(
          absl::StrCat("ExportJsonLines: writing session \"", MaskedId(session.id), "\" failed"));
    }
    ++count;
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return count;
}

absl::StatusOr<std::size_t> Store::ExportJsonLines(const std::filesystem::path& path,
                                                   const SessionQuery& query,
                                                   const ExportOptions& options) const {
  absl::StatusOr<OwnerOnlyFile> file = OwnerOnlyFile::Create(path, ExistingFile::kReplace);
  if (!file.ok()) return file.status();
  absl::StatusOr<std::size_t> count = ExportJsonLines(file->stream(), query, options);
  absl::Status closed = file->Close();
  if (!count.ok()) return count.status();
  if (!closed.ok()) return closed;
  if (options.evaluator) {
    // What was left out and how the ids were pseudonymised, beside the file.
    absl::StatusOr<OwnerOnlyFile> manifest =
        OwnerOnlyFile::Create(ManifestPathFor(path), ExistingFile::kReplace);
    if (!manifest.ok()) return manifest.status();
    manifest->stream() << ExportManifestJson(options, *count);
    if (absl::Status s = manifest->Close(); !s.ok()) return s;
  }
  return count;
}

absl::Status Store::CheckIntegrity() const {
  CARELEARN_STORE_LOCK("CheckIntegrity");
  Database& db = *impl_->db;
  std::vector<std::string> findings;
  {
    absl::StatusOr<Statement> st = db.Prepare("PRAGMA integrity_check");
    if (!st.ok()) return st.status();
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      if (st->Text(0) != "ok") findings.push_back(st->Text(0));
    }
  }
  {
    absl::StatusOr<Statement> st = db.Prepare("PRAGMA foreign_key_check");
    if (!st.ok()) return st.status();
    while (true) {
      absl::StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      findings.push_back(
          absl::StrCat("a row of ", st->Text(0), " refers to a missing ", st->Text(2), " row"));
    }
  }
  if (findings.empty()) return absl::OkStatus();
  return absl::DataLossError(
      absl::StrCat(db.path(), ": integrity check failed: ", absl::StrJoin(findings, "; ")));
}

absl::StatusOr<StoreInfo> Store::Info() const {
  CARELEARN_STORE_LOCK("Info");
  StoreInfo info;
  absl::StatusOr<std::int64_t> version = PragmaInt(*impl_->db, "user_version");
  if (!version.ok()) return version.status();
  info.schema_version = static_cast<int>(*version);
  absl::StatusOr<std::string> mode = PragmaText(*impl_->db, "journal_mode");
  if (!mode.ok()) return mode.status();
  info.journal_mode = *mode;
  absl::StatusOr<std::int64_t> sync = PragmaInt(*impl_->db, "synchronous");
  if (!sync.ok()) return sync.status();
  info.synchronous = static_cast<int>(*sync);
  return info;
}

}  // namespace carelearn
