// carelearn/store/store.hpp
//
// Defines `Store`, where held sessions, the status history of their actions
// and a municipality's own formats are kept durably, in one SQLite file.
//
// Durability: the file is in WAL mode with synchronous=FULL, and every write
// is one transaction: when a write returns OK, the session is on disk and
// survives a crash of the process (tested by killing a writer mid-stream)
// and, as far as the disk keeps its promises, a power cut. A bulk import may
// trade that for speed (synchronous=NORMAL, ending with a checkpoint).
//
// Concurrency: a Store may be shared by threads (its calls take turns on one
// connection), or each thread or process opens its own Store on the file for
// reads in parallel; readers never wait for the writer and always see whole
// transactions; a second writer waits up to `StoreOptions::busy_timeout`.
//
// Privacy: the store holds pseudonyms, never the key that made them; the
// file is created readable by its owner only (mode 0600, by `OwnerOnlyFile`),
// as are the files it exports to. Confidential text is stored (it is the
// organisation's record) and left out of exports unless asked for. See
// docs/privacy.md.
//
// Example:
//
//   absl::StatusOr<carelearn::Store> store = carelearn::Store::Open("learning.db");
//   absl::Status s = store->PutSession(session);
//   carelearn::SessionQuery q;
//   q.unit = "home-care-north";
//   q.from = absl::FromCivil(absl::CivilDay(2026, 1, 1), tz);
//   absl::StatusOr<std::vector<carelearn::Session>> sessions = store->FindSessions(q);
//   absl::StatusOr<std::size_t> n = store->ExportJsonLines("for-evaluation.jsonl", q);
#ifndef CARELEARN_STORE_STORE_HPP_
#define CARELEARN_STORE_STORE_HPP_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/io/session_json.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/record/identifiers.hpp"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// How a store is opened.
struct StoreOptions {
  /// Creates the file (mode 0600) when it does not exist.
  bool create_if_missing = true;
  /// Opens for reading only: writes fail with kPermissionDenied, and a file
  /// that needs migrating cannot be opened.
  bool read_only = false;
  /// How long a write waits for another writer before kUnavailable.
  absl::Duration busy_timeout = absl::Seconds(5);
  /// What `PutSession` and the imports do when the identifier linter
  /// (carelearn/record/identifiers.hpp) finds a CPR number, an e-mail
  /// address, a phone number or a name in a session: kWarn (the default)
  /// stores it and reports the findings; kRefuse stores nothing and returns
  /// kInvalidArgument naming the field and the kind, never the value.
  IdentifierPolicy identifiers = IdentifierPolicy::kWarn;
};

/// Which sessions a query selects; fields left empty select all.
struct SessionQuery {
  std::optional<std::string> unit = {};       ///< The unit that held the session.
  std::optional<std::string> format_id = {};  ///< The format's id.
  std::optional<int> format_version = {};     ///< The format's version.
  std::optional<absl::Time> from = {};        ///< Planned to start at or after this time.
  std::optional<absl::Time> to = {};          ///< Planned to start before this time.
  std::optional<SessionStatus> status = {};   ///< Held or cancelled.
  /// Has at least one action whose current status is this.
  std::optional<ActionStatus> action_status = {};
  std::size_t limit = 0;  ///< At most this many; 0 for no limit.
};

/// Which actions a query selects; fields left empty select all.
struct ActionQuery {
  std::optional<std::string> session_id = {};  ///< In this session.
  std::optional<std::string> unit = {};        ///< In sessions of this unit.
  std::optional<std::string> format_id = {};   ///< In sessions of this format.
  std::optional<ActionStatus> status = {};     ///< With this current status.
  std::optional<absl::CivilDay> due_before =
      {};  ///< Due before this day (actions with a due date only).
};

/// An action with the session it was proposed in.
struct ActionRecord {
  std::string session_id = {};    ///< The session's id.
  std::string unit = {};          ///< The session's unit.
  std::string format_id = {};     ///< The session's format.
  absl::Time planned_start = {};  ///< When the session was planned to start.
  Action action = {};             ///< The action, with its whole status history.
};

/// A stored session as `Store::ScanSessions` hands it over: the text the
/// store keeps rather than a `Session`. Valid during the call only.
struct StoredSessionView {
  std::string_view id;  ///< The session's id.
  /// Its whole "session/1" line: everything, its actions with their status
  /// histories and confidential text included.
  std::string_view body;
};

/// A user format's canonical JSON text, as it was stored.
struct StoredFormat {
  std::string id = {};    ///< The format's id.
  int version = 1;        ///< Its version.
  std::string json = {};  ///< The canonical JSON text (`ToJson`), byte for byte as stored.
};

/// What an import does with a session whose id is in the store already.
enum class ConflictPolicy {
  kFail,     ///< Stops with kAlreadyExists; nothing of the import is kept.
  kSkip,     ///< Keeps the stored session and goes on.
  kReplace,  ///< Replaces the stored session.
};

/// Returns the canonical name of `policy`: "fail", "skip" or "replace".
std::string_view ConflictPolicyName(ConflictPolicy policy);

/// Parses a canonical conflict policy name; std::nullopt when unknown.
std::optional<ConflictPolicy> ParseConflictPolicy(std::string_view name);

/// How an import of JSON Lines runs.
struct ImportOptions {
  /// Bulk mode: synchronous=NORMAL during the import, and a WAL checkpoint
  /// (TRUNCATE) at its end; for loading data that can be loaded again.
  bool bulk = false;
  /// What to do with a session already in the store.
  ConflictPolicy on_conflict = ConflictPolicy::kFail;
  /// Accepts lines whose "redaction" is not "none". Off by default, so that
  /// an export without its confidential text does not silently replace the
  /// full record.
  bool allow_redacted = false;
  /// The name errors give the input, e.g. its file path; "<input>" when empty.
  std::string source_name = {};
  /// The limits each line must keep (`SessionReadOptions`); its own
  /// `source_name` and `validate` are not used: the import names the input
  /// by `source_name` above and always validates.
  SessionReadOptions reading = {};
};

/// A finding of the identifier linter in an imported session.
struct ImportFinding {
  std::size_t line = 0;        ///< The input's line (from 1) that held the session.
  Diagnostic diagnostic = {};  ///< "identifier-in-id" or "identifier-in-text", a warning.
};

/// What an import did.
struct ImportResult {
  std::size_t imported = 0;  ///< Sessions written.
  std::size_t skipped = 0;   ///< Sessions left alone (`ConflictPolicy::kSkip`).
  /// What the identifier linter found in the sessions read, in input order
  /// (with `StoreOptions::identifiers` kWarn; kRefuse stops the import instead).
  std::vector<ImportFinding> findings = {};
};

/// Facts about an open store.
struct StoreInfo {
  int schema_version = 0;         ///< PRAGMA user_version.
  std::string journal_mode = {};  ///< "wal" for a file; "memory" for ":memory:".
  int synchronous = 0;            ///< 0 off, 1 normal, 2 full, 3 extra.
};

/// Sessions, action histories and user formats in one SQLite file.
///
/// Movable, not copyable. A Store is one connection, safe to share between
/// threads: each call holds the Store's mutex for its one transaction, so
/// calls from several threads take turns. Threads that should read in
/// parallel open a Store each on the same file. Moving a Store is not safe
/// while another thread uses it; a call on a Store that was moved from
/// returns kFailedPrecondition ("Store::PutSession: this Store was moved from; …").
class Store {
 public:
  /// The schema version this library writes (PRAGMA user_version).
  static constexpr int kSchemaVersion = 4;
  /// PRAGMA application_id of a carelearn store ("CaLe").
  static constexpr int kApplicationId = 0x43614c65;

  /// Opens the store at `path` (or ":memory:"), creating or migrating its schema.
  ///
  /// Errors:
  ///   - kNotFound: the file does not exist and `create_if_missing` is off;
  ///   - kFailedPrecondition: the file is another application's database, its
  ///     schema is newer than this library's, or it needs migrating and is
  ///     opened read-only;
  ///   - kDataLoss: the file is not a database or is corrupt, or a stored
  ///     session cannot be read while migrating;
  ///   - kUnavailable: another writer held the lock past the busy timeout.
  /// Messages start with the path.
  [[nodiscard]] static absl::StatusOr<Store> Open(const std::string& path,
                                                  const StoreOptions& options = {});

  /// Takes over `other`'s connection; `other` can only be destroyed or assigned to.
  Store(Store&& other) noexcept;
  /// Closes this connection and takes over `other`'s.
  Store& operator=(Store&& other) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  /// Closes the connection.
  ~Store();

  /// Stores `session`, replacing a stored session with the same id, in one transaction.
  ///
  /// The identifier linter reads it first (`StoreOptions::identifiers`): its
  /// warnings go to `findings` when that is not nullptr (emptied otherwise).
  ///
  /// Errors: kInvalidArgument when `ValidateSession` fails, or with the
  /// kRefuse identifier policy when the linter finds an identifier;
  /// kPermissionDenied when read-only; kUnavailable when another writer holds
  /// the lock too long.
  [[nodiscard]] absl::Status PutSession(const Session& session,
                                        std::vector<Diagnostic>* findings = nullptr);

  /// The session with `id`, with its actions' whole history.
  ///
  /// Errors: kNotFound when there is none; kDataLoss when its record cannot be read.
  [[nodiscard]] absl::StatusOr<Session> GetSession(std::string_view id) const;

  /// Removes the session `id` with its actions (e.g. to honour an erasure request).
  ///
  /// The store runs with secure_delete, so the rows are overwritten, and a
  /// checkpoint then empties the WAL; a reader holding an old snapshot at
  /// that moment delays the WAL's part until the next checkpoint. Copies
  /// outside the file (backups, exports) are the caller's to erase.
  ///
  /// Errors: kNotFound when there is none.
  [[nodiscard]] absl::Status DeleteSession(std::string_view id);

  /// The sessions `query` selects, ordered by planned start, then id, read
  /// in one snapshot.
  [[nodiscard]] absl::StatusOr<std::vector<Session>> FindSessions(
      const SessionQuery& query = {}) const;

  /// Calls `each` for every session `query` selects, in the order of
  /// `FindSessions` and in one snapshot, with the text the store keeps
  /// rather than a `Session`; for readers of many sessions at once
  /// (carelearn/analysis/tables.hpp). Stops at the first error of `each`.
  ///
  /// Errors: those of SQLite; those of `each`. The bodies are handed over
  /// as they are stored, unparsed: a damaged one is the reader's to find.
  ///
  /// Example:
  ///
  ///   absl::Status s = store->ScanSessions({}, [](const carelearn::StoredSessionView& v) {
  ///     std::cout << v.id << ": " << v.body.size() << " bytes\n";
  ///     return absl::OkStatus();
  ///   });
  [[nodiscard]] absl::Status ScanSessions(
      const SessionQuery& query,
      const std::function<absl::Status(const StoredSessionView&)>& each) const;

  /// How many sessions `query` selects (its limit is ignored).
  [[nodiscard]] absl::StatusOr<std::size_t> CountSessions(const SessionQuery& query = {}) const;

  /// Records that action `action_id` of session `session_id` changed to `status` at `at`.
  ///
  /// Errors: kNotFound for an unknown session or action; kFailedPrecondition
  /// when the action has that status already; kInvalidArgument when `at` is
  /// before the action's last change.
  [[nodiscard]] absl::Status UpdateActionStatus(std::string_view session_id,
                                                std::string_view action_id, ActionStatus status,
                                                absl::Time at);

  /// The actions `query` selects, ordered by their session's planned start,
  /// then session id, then the order they were proposed in.
  [[nodiscard]] absl::StatusOr<std::vector<ActionRecord>> FindActions(
      const ActionQuery& query = {}) const;

  /// Stores a user format, as its canonical JSON text (`ToJson`), under its
  /// id and version.
  ///
  /// Storing the same format again is OK; a version, once stored, cannot change.
  ///
  /// Errors: kInvalidArgument for an empty id or a version below 1;
  /// kAlreadyExists when that id and version hold another format (raise the version).
  [[nodiscard]] absl::Status PutFormat(const Format& format);

  /// The stored format `id` at `version`, or its newest version.
  ///
  /// Errors: kNotFound when there is none.
  [[nodiscard]] absl::StatusOr<StoredFormat> GetFormat(
      std::string_view id, std::optional<int> version = std::nullopt) const;

  /// Every stored format, ordered by id and version.
  [[nodiscard]] absl::StatusOr<std::vector<StoredFormat>> ListFormats() const;

  /// Imports sessions from JSON Lines (see docs/sessions.md) in one
  /// transaction: all of them or, on an error, none. The lines are read by
  /// `SessionReader`, a chunk at a time.
  ///
  /// Blank lines are skipped. Errors name the source and the line first:
  ///   - the errors of `ParseSessionLine`, "<source>:<line>:<column>: <pointer>: ",
  ///     with the limits of `options.reading` (kInvalidArgument,
  ///     kResourceExhausted, kFailedPrecondition marked `IsVersionMismatch`);
  ///   - kInvalidArgument, "<source>:<line>: ": a session that fails
  ///     `ValidateSession`; a redacted line without `allow_redacted`; with the
  ///     kRefuse identifier policy, a session in which the linter finds an identifier;
  ///   - kAlreadyExists, "<source>:<line>: ": a session in the store already,
  ///     with `ConflictPolicy::kFail`;
  ///   - kDataLoss: reading the input failed.
  [[nodiscard]] absl::StatusOr<ImportResult> ImportJsonLines(std::istream& in,
                                                             const ImportOptions& options = {});

  /// Imports the JSON Lines file at `path`, as `ImportJsonLines(std::istream&)`;
  /// errors name the file unless `options.source_name` is set. kNotFound when
  /// it cannot be read.
  [[nodiscard]] absl::StatusOr<ImportResult> ImportJsonLines(const std::filesystem::path& path,
                                                             const ImportOptions& options = {});

  /// Writes the sessions `query` selects to `out` as JSON Lines, redacted as
  /// `options` say (confidential text is left out by default); returns how
  /// many were written. Reads one snapshot and streams session by session.
  ///
  /// Errors: kDataLoss when a stored record cannot be read; kInternal when
  /// writing to `out` fails.
  [[nodiscard]] absl::StatusOr<std::size_t> ExportJsonLines(
      std::ostream& out, const SessionQuery& query = {}, const ExportOptions& options = {}) const;

  /// Writes the sessions `query` selects to the file `path` as JSON Lines, as
  /// `ExportJsonLines(std::ostream&)`. The file is created, or replaced,
  /// readable and writable by its owner only (`OwnerOnlyFile`, `ExistingFile::kReplace`).
  /// An evaluator's export (`ExportOptions::evaluator`) gets its manifest
  /// beside it, "<path>.manifest.json" (`ExportManifestJson`), also 0600.
  ///
  /// Errors: those of `OwnerOnlyFile::Create` and `OwnerOnlyFile::Close`; kDataLoss when a
  /// stored record cannot be read.
  [[nodiscard]] absl::StatusOr<std::size_t> ExportJsonLines(
      const std::filesystem::path& path, const SessionQuery& query = {},
      const ExportOptions& options = {}) const;

  /// Runs SQLite's integrity check and the foreign key check.
  ///
  /// Errors: kDataLoss with SQLite's findings when the file is damaged.
  [[nodiscard]] absl::Status CheckIntegrity() const;

  /// The schema version, journal mode and synchronous setting in force.
  [[nodiscard]] absl::StatusOr<StoreInfo> Info() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace carelearn

#endif  // CARELEARN_STORE_STORE_HPP_
