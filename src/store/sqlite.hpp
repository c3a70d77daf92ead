// RAII for SQLite: a connection that closes itself and caches its prepared
// statements, a lease on a statement that resets it when done with, and a
// transaction that rolls back unless committed. Every error becomes an
// absl::Status that names the database file, what was being done and SQLite's
// own message.
//
// Example:
//
//   auto db = carelearn::detail::Database::Open("x.db", SQLITE_OPEN_READWRITE);
//   auto tx = carelearn::detail::Transaction::Begin(**db, /*write=*/true);
//   auto st = (*db)->Prepare("INSERT INTO t(a) VALUES (?)");
//   st->Bind(1, "x");
//   absl::Status s = st->Run();
//   s = tx->Commit();
#ifndef CARELEARN_SRC_STORE_SQLITE_HPP_
#define CARELEARN_SRC_STORE_SQLITE_HPP_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace carelearn::detail {

class Statement;

/// An open SQLite connection and its cache of prepared statements.
class Database {
 public:
  /// Opens `path` with `flags` (SQLITE_OPEN_*).
  ///
  /// Errors: as `StatusFromCode`, led by "<path>: opening the database".
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Database>> Open(const std::string& path,
                                                                      int flags);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  /// Finalises the cached statements and closes the connection.
  ~Database();

  /// Runs `sql`, which may hold several statements and return no rows.
  [[nodiscard]] absl::Status Exec(std::string_view sql);

  /// A lease on the prepared statement for `sql`, prepared once and cached.
  [[nodiscard]] absl::StatusOr<Statement> Prepare(std::string_view sql);

  /// A status for SQLite result `code`, whose message names the file,
  /// `what` was being done and SQLite's message.
  ///
  /// Codes: SQLITE_BUSY and SQLITE_LOCKED are kUnavailable; SQLITE_CORRUPT and
  /// SQLITE_NOTADB kDataLoss; SQLITE_FULL kResourceExhausted; SQLITE_READONLY,
  /// SQLITE_PERM and SQLITE_AUTH kPermissionDenied; SQLITE_CANTOPEN kNotFound;
  /// SQLITE_CONSTRAINT kAlreadyExists; others kInternal.
  [[nodiscard]] absl::Status StatusFromCode(int code, std::string_view what) const;

  /// The raw connection.
  [[nodiscard]] sqlite3* get() const { return db_; }

  /// The file name it was opened with.
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  friend class Statement;
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool leased = false;
  };

  sqlite3* db_;
  std::string path_;
  std::map<std::string, Cached, std::less<>> cache_;
};

/// A lease on a prepared statement: bind, step, read columns; reset when the
/// lease ends. A statement leased twice at once is prepared afresh for the
/// second lease and finalised at its end.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  /// Resets the statement and clears its bindings (or finalises an uncached one).
  ~Statement();

  /// Binds text to the 1-based parameter `index`.
  void Bind(int index, std::string_view text);
  /// Binds an integer.
  void Bind(int index, std::int64_t value);
  /// Binds text, or NULL when `value` is empty.
  void BindOrNull(int index, const std::optional<std::string>& value);

  /// Steps once: true when a row is ready, false when done.
  ///
  /// Errors: a bind error, or SQLite's error as `Database::StatusFromCode`.
  [[nodiscard]] absl::StatusOr<bool> Step();

  /// Steps until done.
  [[nodiscard]] absl::Status Run();

  /// Column `i` of the current row as an integer.
  [[nodiscard]] std::int64_t Int(int i) const;
  /// Column `i` as text ("" for NULL).
  [[nodiscard]] std::string Text(int i) const;
  /// Column `i` as text ("" for NULL), without a copy: valid until the next
  /// `Step` or the end of the lease.
  [[nodiscard]] std::string_view TextView(int i) const;
  /// True when column `i` is NULL.
  [[nodiscard]] bool IsNull(int i) const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt, Database::Cached* cached)
      : db_(db), stmt_(stmt), cached_(cached) {}
  void NoteBind(int rc, int index);

  Database* db_;
  sqlite3_stmt* stmt_;
  Database::Cached* cached_;  // nullptr for an uncached statement
  absl::Status bind_status_;
};

/// A transaction that rolls back unless it is committed.
class Transaction {
 public:
  /// Begins a write (BEGIN IMMEDIATE: takes the write lock now, waiting up
  /// to the busy timeout) or a read transaction (BEGIN: one consistent snapshot).
  [[nodiscard]] static absl::StatusOr<Transaction> Begin(Database& db, bool write);

  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  /// Rolls back when not committed.
  ~Transaction();

  /// Commits; afterwards the destructor does nothing.
  [[nodiscard]] absl::Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_STORE_SQLITE_HPP_
