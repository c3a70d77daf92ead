// Migrating a store of schema version 1 (sessions with their actions inside
// the JSON body, planned start in seconds), of version 2 (actions in tables
// of their own, without their confidential flag) and of version 3 (actions
// in tables of their own, with the flag) to version 4 (the whole session in
// its body, the actions indexed beside it).
#include "store/schema.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
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
  EXPECT_EQ(store->Info()->schema_version, 4);
  EXPECT_EQ(UserVersion(path), 4);
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
                ": the store needs migrating from schema version 1 to 4; open it once for "
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
                ": migrating from schema 1 to 4: session \"s-2\": sessions.body:1:1: (root): "
                "missing required key \"id\"");
  EXPECT_EQ(UserVersion(path), 1);  // rolled back
  auto db = detail::Database::Open(path, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(db.ok());
  auto st = (*db)->Prepare("SELECT count(*) FROM sessions");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->Int(0), 3);
}

// A store of schema version 2 as carelearn wrote it before actions could be
// marked confidential, made by hand: the version 2 tables, a held session
// (its body without actions; feedback without a flag), its action and status
// changes, a cancelled session (its cancellation without a flag), a format.
constexpr std::string_view kVersion2Store = R"sql(
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
INSERT INTO sessions VALUES ('s-2', 'systematic-learning-meeting', 1, 'home-care-north',
  1772632800000000000, 'held',
  '{"carelearn":"session/1","id":"s-2","format":{"id":"systematic-learning-meeting","version":1},"unit":"home-care-north","planned_start":"2026-03-04T14:00:00Z","actual_start":"2026-03-04T14:02:00Z","actual_end":"2026-03-04T14:31:00Z","status":"held","redaction":"none","participants":[{"id":"p-c1","role":"colleague"}],"steps":[],"prompts":[],"learning_points":[{"step":"case-learning","text":"Spørg de pårørende først.","confidential":false}],"actions":[],"feedback":[{"step":"joint-reflection","participant":"p-c1","rating":4,"comment":"Godt at høre de andre."}],"notes":[]}');
INSERT INTO actions VALUES ('s-2', 'a1', 0, 'joint-reflection',
  'En tjekliste til pårørendesamtaler.', 'leader', '2026-03-18', 'done');
INSERT INTO action_changes VALUES ('s-2', 'a1', 0, 'open', 1772634540000000000);
INSERT INTO action_changes VALUES ('s-2', 'a1', 1, 'done', 1773133200000000000);
INSERT INTO sessions VALUES ('s-3', 'systematic-learning-meeting', 1, 'home-care-north',
  1773842400000000000, 'cancelled',
  '{"carelearn":"session/1","id":"s-3","format":{"id":"systematic-learning-meeting","version":1},"unit":"home-care-north","planned_start":"2026-03-18T14:00:00Z","status":"cancelled","cancellation":{"reason":"holiday","note":"Ferie."},"redaction":"none","participants":[],"steps":[],"prompts":[],"learning_points":[],"actions":[],"feedback":[],"notes":[]}');
INSERT INTO formats VALUES ('huddle', 1, '{"id":"huddle"}', 1772632800000000000);
PRAGMA application_id = 1130450021;
PRAGMA user_version = 2;
)sql";

absl::Time Utc(int month, int day, int hour, int minute) {
  return absl::FromCivil(absl::CivilMinute(2026, month, day, hour, minute), absl::UTCTimeZone());
}

// The sessions of kVersion2Store, worked by hand: nothing was confidential.
std::vector<Session> Version2Sessions() {
  Session held;
  held.id = "s-2";
  held.format_id = "systematic-learning-meeting";
  held.unit = "home-care-north";
  held.planned_start = Utc(3, 4, 14, 0);
  held.actual_start = Utc(3, 4, 14, 2);
  held.actual_end = Utc(3, 4, 14, 31);
  held.participants = {{"p-c1", "colleague", "", "", Shift::kUnspecified}};
  held.learning_points = {{"case-learning", "Spørg de pårørende først.", "", false}};
  held.actions = {
      {"a1",
       "joint-reflection",
       "En tjekliste til pårørendesamtaler.",
       "leader",
       absl::CivilDay(2026, 3, 18),
       {{ActionStatus::kOpen, Utc(3, 4, 14, 29)}, {ActionStatus::kDone, Utc(3, 10, 9, 0)}},
       false}};
  held.feedback = {{"joint-reflection", "p-c1", 4, "Godt at høre de andre.", false}};
  Session cancelled;
  cancelled.id = "s-3";
  cancelled.format_id = "systematic-learning-meeting";
  cancelled.unit = "home-care-north";
  cancelled.planned_start = Utc(3, 18, 14, 0);
  cancelled.cancellation = Cancellation{CancelReason::kHoliday, "Ferie.", false};
  return {held, cancelled};
}

// The columns of `table` as `PRAGMA table_info` gives them: name, type, not null, default.
std::vector<std::string> Columns(const std::string& path, std::string_view table) {
  std::vector<std::string> out;
  auto db = detail::Database::Open(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return out;
  auto st = (*db)->Prepare(absl::StrCat(
      "SELECT name, type, \"notnull\", ifnull(dflt_value, '') FROM pragma_table_info('",
      std::string(table), "') ORDER BY cid"));
  if (!st.ok()) return out;
  while (*st->Step()) {
    out.push_back(absl::StrCat(st->Text(0), " ", st->Text(1), " ", st->Int(2), " ", st->Text(3)));
  }
  return out;
}

TEST(MigrationTest, FromVersion2KeepsEverySessionAndAddsTheActionsFlag) {
  TempDir dir;
  const std::string path = dir.File("v2.db");
  {
    auto db = detail::Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok()) << db.status();
    ASSERT_TRUE((*db)->Exec(kVersion2Store).ok());
  }
  ASSERT_EQ(UserVersion(path), 2);

  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(store->Info()->schema_version, 4);
  EXPECT_EQ(UserVersion(path), 4);
  for (const Session& s : Version2Sessions()) {
    absl::StatusOr<Session> back = store->GetSession(s.id);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(*store->FindSessions({}), Version2Sessions());
  ActionQuery done;
  done.status = ActionStatus::kDone;
  absl::StatusOr<std::vector<ActionRecord>> found = store->FindActions(done);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_FALSE((*found)[0].action.confidential);
  EXPECT_EQ(store->GetFormat("huddle")->json, R"({"id":"huddle"})");
  EXPECT_TRUE(store->CheckIntegrity().ok());

  // The migrated store keeps the flags of what is written to it now.
  Session secret = Version2Sessions()[0];
  secret.id = "s-4";
  secret.actions[0].confidential = true;
  secret.feedback[0].confidential = true;
  ASSERT_TRUE(store->PutSession(secret).ok());
  EXPECT_EQ(*store->GetSession("s-4"), secret);
  EXPECT_TRUE((*store->FindActions({.session_id = "s-4"}))[0].action.confidential);

  // Its tables are those of a store created with version 4.
  const std::string fresh = dir.File("fresh.db");
  ASSERT_TRUE(Store::Open(fresh).ok());
  for (std::string_view table : {"sessions", "actions", "action_changes", "formats"}) {
    EXPECT_EQ(Columns(path, table), Columns(fresh, table)) << table;
  }
  EXPECT_THAT(Columns(path, "actions"), ::testing::Contains("confidential INTEGER 1 0"));
  EXPECT_THAT(Columns(path, "actions"), ::testing::Not(::testing::Contains("text TEXT 1 ")));
  EXPECT_THAT(Columns(path, "action_changes"), ::testing::IsEmpty());

  // A migrated store opens again without migrating.
  store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*store->CountSessions(), 3u);
}

// kVersion2Store made version 3 by hand: the actions' flag, and a second,
// confidential action of s-2 with two status changes.
constexpr std::string_view kVersion2To3 = R"sql(
ALTER TABLE actions ADD COLUMN
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));
INSERT INTO actions VALUES ('s-2', 'a2', 1, 'case-learning',
  'Tal med fru Jensens datter om aftensmaden.', 'leader', NULL, 'in-progress', 1);
INSERT INTO action_changes VALUES ('s-2', 'a2', 0, 'open', 1772634600000000000);
INSERT INTO action_changes VALUES ('s-2', 'a2', 1, 'in-progress', 1772721000000000000);
PRAGMA user_version = 3;
)sql";

std::string MakeVersion3Store(const TempDir& dir, std::string_view more = "") {
  const std::string path = dir.File("v3.db");
  auto db = detail::Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  EXPECT_TRUE(db.ok()) << db.status();
  if (!db.ok()) return path;
  EXPECT_TRUE((*db)->Exec(kVersion2Store).ok());
  EXPECT_TRUE((*db)->Exec(kVersion2To3).ok());
  if (!more.empty()) {
    EXPECT_TRUE((*db)->Exec(more).ok());
  }
  return path;
}

std::string RawText(const std::string& path, const std::string& sql) {
  auto db = detail::Database::Open(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return "";
  auto st = (*db)->Prepare(sql);
  if (!st.ok() || !*st->Step()) return "";
  return st->Text(0);
}

TEST(MigrationTest, FromVersion3PutsEachSessionsActionsInItsBody) {
  TempDir dir;
  const std::string path = MakeVersion3Store(dir);
  ASSERT_EQ(UserVersion(path), 3);

  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(UserVersion(path), 4);
  std::vector<Session> expected = Version2Sessions();
  const Action second{
      "a2",
      "case-learning",
      "Tal med fru Jensens datter om aftensmaden.",
      "leader",
      std::nullopt,
      {{ActionStatus::kOpen, Utc(3, 4, 14, 30)}, {ActionStatus::kInProgress, Utc(3, 5, 14, 30)}},
      true};
  expected[0].actions.push_back(second);
  EXPECT_EQ(*store->FindSessions({}), expected);

  // The body holds the actions, text and history; the index keeps no text,
  // and the table of changes is gone.
  const std::string body = RawText(path, "SELECT body FROM sessions WHERE id = 's-2'");
  EXPECT_THAT(body, HasSubstr("Tal med fru Jensens datter om aftensmaden."));
  EXPECT_THAT(body, HasSubstr(R"("status":"in-progress","at":"2026-03-05T14:30:00Z")"));
  EXPECT_EQ(RawText(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'action_changes'"), "0");
  EXPECT_THAT(Columns(path, "actions"), ::testing::Not(::testing::Contains("text TEXT 1 ")));
  EXPECT_EQ(RawText(path, "SELECT status FROM actions WHERE action_id = 'a2'"), "in-progress");

  // Queries and status changes go on from the body.
  ActionQuery going;
  going.status = ActionStatus::kInProgress;
  absl::StatusOr<std::vector<ActionRecord>> found = store->FindActions(going);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].action, second);
  ASSERT_TRUE(store->UpdateActionStatus("s-2", "a2", ActionStatus::kDone, Utc(3, 6, 9, 0)).ok());
  const Session after = *store->GetSession("s-2");
  ASSERT_EQ(after.actions.size(), 2u);
  ASSERT_EQ(after.actions[1].history.size(), 3u);
  EXPECT_EQ(after.actions[1].history[2].status, ActionStatus::kDone);
  EXPECT_EQ(after.actions[1].history[2].at, Utc(3, 6, 9, 0));
  ActionQuery done;
  done.status = ActionStatus::kDone;
  EXPECT_EQ(store->FindActions(done)->size(), 2u);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(MigrationTest, AVersion3ChangeOfNoActionStopsTheMigrationAndChangesNothing) {
  TempDir dir;
  const std::string path = MakeVersion3Store(
      dir,
      "PRAGMA foreign_keys = OFF; "
      "INSERT INTO action_changes VALUES ('s-2', 'zz', 0, 'open', 1772634600000000000);");
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(store.status().message(),
            path +
                ": migrating from schema 3 to 4: session \"s-2\": action \"zz\": bad status "
                "change");
  EXPECT_EQ(UserVersion(path), 3);  // rolled back
  EXPECT_THAT(Columns(path, "actions"), ::testing::Contains("text TEXT 1 "));
  EXPECT_EQ(RawText(path, "SELECT count(*) FROM action_changes"), "5");
}

TEST(MigrationTest, AVersion2StoreOpenedReadOnlyIsNotMigrated) {
  TempDir dir;
  const std::string path = dir.File("v2.db");
  {
    auto db = detail::Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec(kVersion2Store).ok());
  }
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<Store> store = Store::Open(path, options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.status().message(),
            path +
                ": the store needs migrating from schema version 2 to 4; open it once for "
                "writing");
  EXPECT_EQ(UserVersion(path), 2);
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
