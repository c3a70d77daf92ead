// bindings/store.cpp
//
// The store bound for Python: sessions, action histories and user formats in
// one SQLite file, queries, JSON Lines import and export, the integrity check.
//
// A C++ Store is closed by destroying it; Python wants `close()` and `with`,
// so the bound class holds the Store in a `StoreHandle` (store_handle.hpp)
// that can be closed, after which every call raises StateError.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "carelearn/store/store.hpp"
#include "common.hpp"
#include "store_handle.hpp"

namespace carelearn::bindings {
namespace {

/// The value of a store's `result`, or raises its error: a failure of the
/// database or the file under it is StoreError (Source::kStore).
template <typename T>
T UnwrapStore(absl::StatusOr<T> result) {
  return Unwrap(std::move(result), Source::kStore);
}

/// Raises a store's error, as UnwrapStore.
void ThrowIfStoreError(const absl::Status& status) {
  ThrowIfError(status, Source::kStore);
}

void BindQueries(py::module_& m) {
  py::class_<SessionQuery> session(
      m, "SessionQuery",
      "Which sessions a query selects; fields left None select all.\n\n"
      "`start` and `end` bound the planned start: at or after `start`, before `end`.");
  session.def(py::init([](std::optional<std::string> unit, std::optional<std::string> format_id,
                          std::optional<int> format_version, std::optional<absl::Time> start,
                          std::optional<absl::Time> end, std::optional<SessionStatus> status,
                          std::optional<ActionStatus> action_status, std::size_t limit) {
                SessionQuery q;
                q.unit = std::move(unit);
                q.format_id = std::move(format_id);
                q.format_version = format_version;
                q.from = start;
                q.to = end;
                q.status = status;
                q.action_status = action_status;
                q.limit = limit;
                return q;
              }),
              py::kw_only(), py::arg("unit") = py::none(), py::arg("format_id") = py::none(),
              py::arg("format_version") = py::none(), py::arg("start") = py::none(),
              py::arg("end") = py::none(), py::arg("status") = py::none(),
              py::arg("action_status") = py::none(), py::arg("limit") = 0,
              "A query from its fields, all keyword arguments.");
  CopyConstructor(session);
  session.def_readwrite("unit", &SessionQuery::unit, "The unit that held the session.")
      .def_readwrite("format_id", &SessionQuery::format_id, "The format's id.")
      .def_readwrite("format_version", &SessionQuery::format_version, "The format's version.")
      .def_readwrite("start", &SessionQuery::from,
                     "Planned to start at or after this time (an aware datetime).")
      .def_readwrite("end", &SessionQuery::to, "Planned to start before this time.")
      .def_readwrite("status", &SessionQuery::status, "Held or cancelled.")
      .def_readwrite("action_status", &SessionQuery::action_status,
                     "Has at least one action whose current status is this.")
      .def_readwrite("limit", &SessionQuery::limit, "At most this many; 0 for no limit.");
  BindValue(session);

  py::class_<ActionQuery> action(m, "ActionQuery",
                                 "Which actions a query selects; fields left None select all.");
  action.def(py::init([](std::optional<std::string> session_id, std::optional<std::string> unit,
                         std::optional<std::string> format_id, std::optional<ActionStatus> status,
                         std::optional<absl::CivilDay> due_before) {
               return ActionQuery{std::move(session_id), std::move(unit), std::move(format_id),
                                  status, due_before};
             }),
             py::kw_only(), py::arg("session_id") = py::none(), py::arg("unit") = py::none(),
             py::arg("format_id") = py::none(), py::arg("status") = py::none(),
             py::arg("due_before") = py::none(), "A query from its fields, all keyword arguments.");
  CopyConstructor(action);
  action.def_readwrite("session_id", &ActionQuery::session_id, "In this session.")
      .def_readwrite("unit", &ActionQuery::unit, "In sessions of this unit.")
      .def_readwrite("format_id", &ActionQuery::format_id, "In sessions of this format.")
      .def_readwrite("status", &ActionQuery::status, "With this current status.")
      .def_readwrite("due_before", &ActionQuery::due_before,
                     "Due before this day (a datetime.date; actions with a due date only).");
  BindValue(action);

  py::class_<ActionRecord> record(m, "ActionRecord",
                                  "An action with the session it was proposed in.");
  record.def(py::init([](std::string session_id, std::string unit, std::string format_id,
                         absl::Time planned_start, Action a) {
               return ActionRecord{std::move(session_id), std::move(unit), std::move(format_id),
                                   planned_start, std::move(a)};
             }),
             py::kw_only(), py::arg("session_id") = "", py::arg("unit") = "",
             py::arg("format_id") = "",
             py::arg_v("planned_start", absl::UnixEpoch(),
                       "datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"),
             py::arg_v("action", Action{}, "Action()"), "A record from its fields.");
  CopyConstructor(record);
  record.def_readwrite("session_id", &ActionRecord::session_id, "The session's id.")
      .def_readwrite("unit", &ActionRecord::unit, "The session's unit.")
      .def_readwrite("format_id", &ActionRecord::format_id, "The session's format.")
      .def_readwrite("planned_start", &ActionRecord::planned_start,
                     "When the session was planned to start.")
      .def_readwrite("action", &ActionRecord::action, "The action, with its whole status history.");
  BindValue(record);
}

void BindOptions(py::module_& m) {
  py::class_<StoredFormat> format(m, "StoredFormat",
                                  "A user format's canonical JSON text, as it was stored.");
  format
      .def(py::init([](std::string id, int version, std::string json) {
             return StoredFormat{std::move(id), version, std::move(json)};
           }),
           py::kw_only(), py::arg("id") = "", py::arg("version") = 1, py::arg("json") = "",
           "A stored format from its fields.")
      .def(py::init<const StoredFormat&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("id", &StoredFormat::id, "The format's id.")
      .def_readwrite("version", &StoredFormat::version, "Its version.")
      .def_readwrite("json", &StoredFormat::json, "The canonical JSON text, byte for byte.");
  BindValue(format);

  py::native_enum<ConflictPolicy>(
      m, "ConflictPolicy", "enum.Enum",
      "What an import does with a session whose id is in the store already.")
      .value("FAIL", ConflictPolicy::kFail,
             "Stops with AlreadyExistsError; nothing of the import is kept.")
      .value("SKIP", ConflictPolicy::kSkip, "Keeps the stored session and goes on.")
      .value("REPLACE", ConflictPolicy::kReplace, "Replaces the stored session.")
      .finalize();
  m.def(
      "conflict_policy_name", [](ConflictPolicy p) { return std::string(ConflictPolicyName(p)); },
      py::arg("policy"), "The canonical name of `policy`: \"fail\", \"skip\" or \"replace\".");
  m.def(
      "parse_conflict_policy", [](std::string_view name) { return ParseConflictPolicy(name); },
      py::arg("name"), "The conflict policy named `name`, or None when there is none.");

  py::class_<ImportOptions> import(m, "ImportOptions", "How an import of JSON Lines runs.");
  import
      .def(py::init([](bool bulk, ConflictPolicy on_conflict, bool allow_redacted,
                       std::string source_name) {
             ImportOptions options;
  options.bulk = bulk;
  options.on_conflict = on_conflict;
  options.allow_redacted = allow_redacted;
  options.source_name = std::move(source_name);
  return options;
}),
           py::kw_only(), py::arg("bulk") = false,
           py::arg_v("on_conflict", ConflictPolicy::kFail, "ConflictPolicy.FAIL"),
           py::arg("allow_redacted") = false, py::arg("source_name") = "",
           "Options from their fields, all keyword arguments.")
      .def(py::init<const ImportOptions&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("bulk", &ImportOptions::bulk,
                     "synchronous=NORMAL during the import and a checkpoint at its end; for "
                     "data that can be loaded again.")
      .def_readwrite("on_conflict", &ImportOptions::on_conflict,
                     "What to do with a session already in the store.")
      .def_readwrite("allow_redacted", &ImportOptions::allow_redacted,
                     "Accepts lines whose \"redaction\" is not \"none\".")
      .def_readwrite("source_name", &ImportOptions::source_name,
                     "The name errors give the input, e.g. its file path; \"<input>\" when "
                     "empty.");
BindValue(import);

py::class_<ImportResult> result(m, "ImportResult", "What an import did.");
result
    .def(py::init([](std::size_t imported, std::size_t skipped) {
           return ImportResult{imported, skipped};
         }),
         py::kw_only(), py::arg("imported") = 0, py::arg("skipped") = 0,
         "A result from its fields.")
    .def(py::init<const ImportResult&>(), py::arg("other"), "A copy of `other`.")
    .def_readwrite("imported", &ImportResult::imported, "Sessions written.")
    .def_readwrite("skipped", &ImportResult::skipped, "Sessions left alone (ConflictPolicy.SKIP).");
BindValue(result);

py::class_<StoreInfo> info(m, "StoreInfo", "Facts about an open store.");
info.def(py::init([](int schema_version, std::string journal_mode, int synchronous) {
           return StoreInfo{schema_version, std::move(journal_mode), synchronous};
         }),
         py::kw_only(), py::arg("schema_version") = 0, py::arg("journal_mode") = "",
         py::arg("synchronous") = 0, "Facts from their fields.")
    .def(py::init<const StoreInfo&>(), py::arg("other"), "A copy of `other`.")
    .def_readwrite("schema_version", &StoreInfo::schema_version, "PRAGMA user_version.")
    .def_readwrite("journal_mode", &StoreInfo::journal_mode,
                   "\"wal\" for a file; \"memory\" for \":memory:\".")
    .def_readwrite("synchronous", &StoreInfo::synchronous, "0 off, 1 normal, 2 full, 3 extra.");
BindValue(info);
}  // namespace

void BindStoreClass(py::module_& m) {
  py::class_<StoreHandle> store(
      m, "Store",
      "Sessions, action histories and user formats in one SQLite file.\n\n"
      "Every write is one transaction in WAL mode with synchronous=FULL: when it\n"
      "returns, the session survives a crash. The file is created readable by its\n"
      "owner only; the store holds pseudonyms, never the key that made them.\n"
      "One Store per thread. Use carelearn.Store, a context manager with keyword\n"
      "queries and JSON Lines files.");
  store.attr("SCHEMA_VERSION") = Store::kSchemaVersion;
  store.attr("APPLICATION_ID") = Store::kApplicationId;
  store
      .def(py::init([](const std::string& path, bool create_if_missing, bool read_only,
                       absl::Duration busy_timeout) {
             StoreOptions options;
             options.create_if_missing = create_if_missing;
             options.read_only = read_only;
             options.busy_timeout = busy_timeout;
             return StoreHandle(UnwrapStore(Store::Open(path, options)), path);
           }),
           py::arg("path"), py::kw_only(), py::arg("create_if_missing") = true,
           py::arg("read_only") = false,
           py::arg_v("busy_timeout", absl::Seconds(5), "datetime.timedelta(seconds=5)"),
           "Opens the store at `path` (or \":memory:\"), creating or migrating its schema.\n\n"
           "Raises NotFoundError when the file does not exist and `create_if_missing` is\n"
           "off; VersionError for another application's database, a newer schema, or a\n"
           "file that needs migrating opened read-only; StoreError when the file is not\n"
           "a database or is damaged, or another writer held the lock past `busy_timeout`.")
      .def_property_readonly("path", &StoreHandle::path, "The path the store was opened with.")
      .def_property_readonly("closed", &StoreHandle::closed, "True once closed.")
      .def("close", &StoreHandle::Close,
           "Closes the store; later calls raise StateError. Closing twice does nothing.")
      .def(
          "put_session",
          [](StoreHandle& self, const Session& s) { ThrowIfStoreError(self.Get().PutSession(s)); },
          py::arg("session"),
          "Stores `session`, replacing one with the same id, in one transaction.\n\n"
          "Raises FormatError when validate_session fails; StoreError when read-only or\n"
          "when another writer holds the lock too long.")
      .def(
          "get_session",
          [](StoreHandle& self, std::string_view id) {
            return UnwrapStore(self.Get().GetSession(id));
          },
          py::arg("id"),
          "The session with `id`, with its actions' whole history; NotFoundError when none.")
      .def(
          "delete_session",
          [](StoreHandle& self, std::string_view id) {
            ThrowIfStoreError(self.Get().DeleteSession(id));
          },
          py::arg("id"),
          "Removes the session `id` with its actions (an erasure request): the rows are\n"
          "overwritten and the WAL emptied. NotFoundError when there is none.")
      .def(
          "find_sessions",
          [](StoreHandle& self, const SessionQuery& q) {
            return UnwrapStore(self.Get().FindSessions(q));
          },
          py::arg_v("query", SessionQuery{}, "SessionQuery()"),
          "The sessions `query` selects, ordered by planned start, then id.")
      .def(
          "count_sessions",
          [](StoreHandle& self, const SessionQuery& q) {
            return UnwrapStore(self.Get().CountSessions(q));
          },
          py::arg_v("query", SessionQuery{}, "SessionQuery()"),
          "How many sessions `query` selects (its limit is ignored).")
      .def(
          "update_action_status",
          [](StoreHandle& self, std::string_view session_id, std::string_view action_id,
             ActionStatus status, absl::Time at) {
            ThrowIfError(self.Get().UpdateActionStatus(session_id, action_id, status, at));
          },
          py::arg("session_id"), py::arg("action_id"), py::arg("status"), py::arg("at"),
          "Records that the action changed to `status` at `at` (an aware datetime).\n\n"
          "Raises NotFoundError for an unknown session or action; StateError when the\n"
          "action has that status already; FormatError when `at` is before its last change.")
      .def(
          "find_actions",
          [](StoreHandle& self, const ActionQuery& q) {
            return UnwrapStore(self.Get().FindActions(q));
          },
          py::arg_v("query", ActionQuery{}, "ActionQuery()"),
          "The actions `query` selects, ordered by their session's planned start, then\n"
          "session id, then the order they were proposed in.")
      .def(
          "put_format",
          [](StoreHandle& self, const Format& format) {
            ThrowIfStoreError(self.Get().PutFormat(format));
          },
          py::arg("format"),
          "Stores a user format, as its canonical JSON text, under its id and version.\n\n"
          "Raises AlreadyExistsError when that id and version hold another format (raise\n"
          "the version); FormatError for an empty id or a version below 1.")
      .def(
          "get_format",
          [](StoreHandle& self, std::string_view id, std::optional<int> version) {
            return UnwrapStore(self.Get().GetFormat(id, version));
          },
          py::arg("id"), py::arg("version") = py::none(),
          "The stored format `id` at `version` (None: the newest); NotFoundError when none.")
      .def(
          "list_formats", [](StoreHandle& self) { return UnwrapStore(self.Get().ListFormats()); },
          "Every stored format, ordered by id and version.")
      .def(
          "import_json_lines",
          [](StoreHandle& self, const std::string& path, ImportOptions options) {
            Store& open = self.Get();
            if (options.source_name.empty()) options.source_name = path;
            return UnwrapStore(open.ImportJsonLines(std::filesystem::path(path), options));
          },
          py::arg("path"), py::arg_v("options", ImportOptions{}, "ImportOptions()"),
          "Imports the JSON Lines file at `path` in one transaction: all or nothing.\n\n"
          "Errors name \"<source>:<line>:\" first (the source is `path` unless\n"
          "options.source_name says otherwise), with the column and JSON pointer of the\n"
          "place for a line that does not read: FormatError for a line that does not\n"
          "parse or validate, or a redacted line without allow_redacted; LimitError for\n"
          "a line beyond the reader's limits; VersionError for another kind or a newer\n"
          "version; AlreadyExistsError for a stored id under ConflictPolicy.FAIL;\n"
          "NotFoundError when the file cannot be read.")
      .def(
          "import_json_lines_text",
          [](StoreHandle& self, const std::string& text, const ImportOptions& options) {
            std::istringstream in(text);
            return UnwrapStore(self.Get().ImportJsonLines(in, options));
          },
          py::arg("text"), py::arg_v("options", ImportOptions{}, "ImportOptions()"),
          "Imports JSON Lines from `text`; as import_json_lines.")
      .def(
          "export_json_lines",
          [](StoreHandle& self, const std::string& path, const SessionQuery& q,
             const ExportOptions& options) {
            return UnwrapStore(self.Get().ExportJsonLines(std::filesystem::path(path), q, options));
          },
          py::arg("path"), py::arg_v("query", SessionQuery{}, "SessionQuery()"),
          py::arg_v("options", ExportOptions{}, "ExportOptions()"),
          "Writes the sessions `query` selects to the file `path` (created or replaced,\n"
          "mode 0600) as JSON\n"
          "Lines, redacted as `options` say (confidential text left out by default);\n"
          "returns how many were written.")
      .def(
          "export_json_lines_text",
          [](StoreHandle& self, const SessionQuery& q, const ExportOptions& options) {
            std::ostringstream out;
            UnwrapStore(self.Get().ExportJsonLines(out, q, options));
            return out.str();
          },
          py::arg_v("query", SessionQuery{}, "SessionQuery()"),
          py::arg_v("options", ExportOptions{}, "ExportOptions()"),
          "The sessions `query` selects as JSON Lines text; as export_json_lines.")
      .def(
          "check_integrity",
          [](StoreHandle& self) { ThrowIfStoreError(self.Get().CheckIntegrity()); },
          "Runs SQLite's integrity check and the foreign key check; StoreError with\n"
          "SQLite's findings when the file is damaged.")
      .def(
          "info", [](StoreHandle& self) { return UnwrapStore(self.Get().Info()); },
          "The schema version, journal mode and synchronous setting in force.");
}

}  // namespace carelearn::bindings

void BindStore(py::module_& m) {
  BindQueries(m);
  BindOptions(m);
  BindStoreClass(m);
}

}  // namespace carelearn::bindings
