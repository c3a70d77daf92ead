// Migrating a store of schema version 1 (sessions with their actions inside
// the JSON body, planned start in seconds) to version 2.
#include "store/schema.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "carelearn/store/store.hpp"
#include "record/fixtures.hpp"
#include "store/sqlite.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using testing::FullSession;
using ::testing::HasSubstr;
using testing::MeetingTime;
using testing::TempDir;

std::vector<Session> OldSessions() {
  Session done = FullSession("s-2", MeetingTime() + absl::Hours(24 * 14));
  done.actions[0].history.push_back(
      {ActionStatus::kDone, done.actions[0].history[0].at + absl::Hours(24 * 5)});
  Session cancelled = FullSession("s-3", MeetingTime() + absl::Hours(24 * 28));
  cancelled.cancellation = Cancellation{CancelReason::kHoliday, "Påske"};
  cancelled.actions.clear();
  return {FullSession("s-1"), done, cancelled};
}

std::int64_t UserVersion(const std::string& path) {
  auto db = detail::Database::Open(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return -1;
  auto st = (*db)->Prepare("PRAGMA user_version");
  if (!st.ok() || !*st->Step()) return -1;
  return st->Int(0);
}

TEST(MigrationTest, FromVersion1KeepsEverySessionAndFormat) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  const std::vector<Session> old = OldSessions();
  ASSERT_TRUE(detail::CreateVersion1Store(path, old, {{"huddle", 1, R"({"id":"huddle"})"}}).ok());
  ASSERT_EQ(UserVersion(path), 1);

  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(store->Info()->schema_version, 2);
  EXPECT_EQ(UserVersion(path), 2);
  for (const Session& s : old) {
    absl::StatusOr<Session> back = store->GetSession(s.id);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, s);
  }
  // What version 2 adds: actions queryable by status, dates in nanoseconds.
  ActionQuery done;
  done.status = ActionStatus::kDone;
  ASSERT_EQ(store->FindActions(done)->size(), 1u);
  EXPECT_EQ((*store->FindActions(done))[0].session_id, "s-2");
  SessionQuery range;
  range.from = MeetingTime() + absl::Hours(24 * 14);
  range.to = *range.from + absl::Seconds(1);
  ASSERT_EQ(store->FindSessions(range)->size(), 1u);
  SessionQuery cancelled;
  cancelled.status = SessionStatus::kCancelled;
  EXPECT_EQ((*store->FindSessions(cancelled))[0].id, "s-3");
  EXPECT_EQ(store->GetFormat("huddle")->json, R"({"id":"huddle"})");
  EXPECT_TRUE(store->CheckIntegrity().ok());

  // A migrated store opens again without migrating.
  store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*store->CountSessions(), 3u);
}

TEST(MigrationTest, ReadOnlyCannotMigrate) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  ASSERT_TRUE(detail::CreateVersion1Store(path, OldSessions()).ok());
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<Store> store = Store::Open(path, options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.status().message(),
            path +
                ": the store needs migrating from schema version 1 to 2; open it once for "
                "writing");
  EXPECT_EQ(UserVersion(path), 1);
}

TEST(MigrationTest, AnUnreadableSessionStopsTheMigrationAndChangesNothing) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  ASSERT_TRUE(detail::CreateVersion1Store(path, OldSessions()).ok());
  {
    auto db = detail::Database::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec(R"(UPDATE sessions SET body = '{"carelearn":"session/1"}' )"
                           R"(WHERE id = 's-2')")
                    .ok());
  }
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(store.status().message(),
            path +
                ": migrating from schema 1 to 2: session \"s-2\": sessions.body:1:1: (root): "
                "missing required key \"id\"");
  EXPECT_EQ(UserVersion(path), 1);  // rolled back
  auto db = detail::Database::Open(path, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(db.ok());
  auto st = (*db)->Prepare("SELECT count(*) FROM sessions");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->Int(0), 3);
}

TEST(MigrationTest, ThereIsNoMigrationFromVersionZeroOfATable) {
  TempDir dir;
  const std::string path = dir.File("odd.db");
  auto db = detail::Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_TRUE(db.ok());
  absl::Status s = detail::MigrateSchema(**db, 0);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), path + ": there is no migration from schema version 0");
  EXPECT_THAT(std::string(s.message()), HasSubstr("version 0"));
}

}  // namespace
}  // namespace carelearn
