#include "carelearn/analysis/tables.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "analysis/table_fixtures.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/store/store.hpp"
#include "store/sqlite.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using testing::TempDir;

// A third meeting in another unit, held between the two fixtures.
Session ThirdMeeting() {
  Session s = testing::HeldMeeting();
  s.id = "s-3";
  s.unit = "nursing-home-east";
  s.planned_start = testing::Utc(9, 10, 0);
  s.actual_start = testing::Utc(9, 10, 1);
  s.actual_end = testing::Utc(9, 10, 30);
  s.actions[1].history = {{ActionStatus::kOpen, testing::Utc(9, 10, 29)},
                          {ActionStatus::kDropped, testing::Utc(10, 8, 0)}};
  s.actions.push_back({"a3", "reflection", "Ny vagtplan.", "p-c", std::nullopt, {}});
  return s;
}

class StoreTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Store> opened = Store::Open(dir_.File("learning.db"));
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_.emplace(*std::move(opened));
    // Stored out of order: the store gives them by planned start.
    for (const Session& s : {testing::CancelledMeeting(), testing::HeldMeeting(), ThirdMeeting()}) {
      ASSERT_TRUE(store_->PutSession(s).ok());
    }
  }

  TempDir dir_;
  std::optional<Store> store_;
};

TEST_F(StoreTablesTest, TheStoreGivesTheTablesOfItsSessions) {
  for (const TableOptions& options : {TableOptions{}, TableOptions{.free_text = true},
                                      TableOptions{.free_text = true, .confidential_text = true}}) {
    absl::StatusOr<SessionTables> t = ReadTables(*store_, {}, options);
    ASSERT_TRUE(t.ok()) << t.status();
    const std::vector<Session> sessions = *store_->FindSessions();
    EXPECT_EQ(*t, TablesFromSessions(sessions, options));
    EXPECT_THAT(t->sessions.action_count, ElementsAre(2, 3, 0));
    // s-1: a1 (3 changes), a2; s-3: a1 (3), a2 (2), a3.
    EXPECT_THAT(t->action_changes.action, ElementsAre(0, 0, 0, 2, 2, 2, 3, 3));
  }
}

// The store keeps an action's flag in its own table: its text is filled only
// when asked for by name, as from a file.
TEST_F(StoreTablesTest, ConfidentialActionTextFromAStoreOnlyByName) {
  Session secret = ThirdMeeting();
  secret.actions.back().text = "Hemmelig vagtplan.";
  secret.actions.back().confidential = true;
  secret.feedback[0].confidential = true;
  ASSERT_TRUE(store_->PutSession(secret).ok());  // replaces s-3
  Session called_off = testing::CancelledMeeting();
  called_off.cancellation->confidential = true;
  ASSERT_TRUE(store_->PutSession(called_off).ok());  // replaces s-2
  const std::vector<Session> sessions = *store_->FindSessions();
  for (const TableOptions& options : {TableOptions{}, TableOptions{.free_text = true},
                                      TableOptions{.free_text = true, .confidential_text = true}}) {
    absl::StatusOr<SessionTables> t = ReadTables(*store_, {}, options);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(*t, TablesFromSessions(sessions, options));
    // s-1: a1, a2; s-3: a1, a2, a3 (confidential).
    EXPECT_THAT(t->actions.confidential, ElementsAre(0, 0, 0, 0, 1));
    EXPECT_THAT(t->feedback.confidential, ElementsAre(0, 0, 1, 0));
    EXPECT_THAT(t->sessions.cancel_confidential, ElementsAre(0, 0, 1));
  }
  absl::StatusOr<SessionTables> open = ReadTables(*store_, {}, {.free_text = true});
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->actions.text.Value(4), std::nullopt);
  EXPECT_EQ(open->actions.text.data.find("Hemmelig"), std::string::npos);
  EXPECT_EQ(open->feedback.comment.Value(2), std::nullopt);
  EXPECT_EQ(open->sessions.cancel_note.Value(2), std::nullopt);
  absl::StatusOr<SessionTables> all =
      ReadTables(*store_, {}, {.free_text = true, .confidential_text = true});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->actions.text.Value(4), "Hemmelig vagtplan.");
  EXPECT_EQ(all->feedback.comment.Value(2), "Godt.");
  EXPECT_EQ(all->sessions.cancel_note.Value(2), "Sygdom.");
}

TEST_F(StoreTablesTest, ThreadsAndChunksGiveTheSameTables) {
  // More sessions, so that there are many chunks.
  for (int i = 0; i < 30; ++i) {
    Session s = i % 3 == 0 ? testing::CancelledMeeting() : ThirdMeeting();
    s.id = absl::StrCat("m-", i);
    s.unit = absl::StrCat("unit-", i % 4);
    s.planned_start = testing::Utc(1 + i % 5, 8, i);
    ASSERT_TRUE(store_->PutSession(s).ok());
  }
  const std::vector<Session> sessions = *store_->FindSessions();
  const TableOptions base{.free_text = true};
  const SessionTables expected = TablesFromSessions(sessions, base);
  for (const int threads : {1, 2, 3}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{5000}}) {
      TableOptions options = base;
      options.threads = threads;
      options.chunk_bytes = chunk;
      absl::StatusOr<SessionTables> t = ReadTables(*store_, {}, options);
      ASSERT_TRUE(t.ok()) << t.status();
      EXPECT_EQ(*t, expected) << threads << " threads, chunks of " << chunk << " bytes";
    }
  }
}

TEST_F(StoreTablesTest, AQuerySelectsTheSessions) {
  SessionQuery query;
  query.unit = "nursing-home-east";
  absl::StatusOr<SessionTables> east = ReadTables(*store_, query);
  ASSERT_TRUE(east.ok()) << east.status();
  EXPECT_EQ(*east, TablesFromSessions(std::vector<Session>{ThirdMeeting()}));

  SessionQuery first_two;
  first_two.limit = 2;
  first_two.status = SessionStatus::kHeld;
  absl::StatusOr<SessionTables> two = ReadTables(*store_, first_two);
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(*two, TablesFromSessions(std::vector<Session>{testing::HeldMeeting(), ThirdMeeting()}));

  SessionQuery none;
  none.unit = "nowhere";
  absl::StatusOr<SessionTables> empty = ReadTables(*store_, none);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, TablesFromSessions({}));
}

TEST_F(StoreTablesTest, ActionStatusChangesAfterStoringShow) {
  ASSERT_TRUE(
      store_->UpdateActionStatus("s-1", "a2", ActionStatus::kInProgress, testing::Utc(20, 9, 0))
          .ok());
  absl::StatusOr<SessionTables> t = ReadTables(*store_, {});
  ASSERT_TRUE(t.ok());
  const std::vector<Session> sessions = *store_->FindSessions();
  EXPECT_EQ(*t, TablesFromSessions(sessions));
  EXPECT_EQ(t->actions.status.Value(1), "in-progress");
}

TEST_F(StoreTablesTest, AnUnreadableBodyIsDataLoss) {
  {
    auto db = detail::Database::Open(dir_.File("learning.db"), SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec(R"(UPDATE sessions SET body = '{"carelearn":"session/1","id":"s-2"}' )"
                           R"(WHERE id = 's-2')")
                    .ok());
  }
  for (const int threads : {1, 2}) {
    absl::StatusOr<SessionTables> t = ReadTables(*store_, {}, {.threads = threads});
    EXPECT_EQ(t.status().code(), absl::StatusCode::kDataLoss);
    EXPECT_EQ(t.status().message(),
              "the stored session \"s-2\" cannot be read: body:1:1: (root): missing required "
              "key \"format\"");
  }
  // Skipping it reads the others, and says which it left out and why.
  absl::StatusOr<SessionTables> t = ReadTables(*store_, {}, {.on_error = OnError::kSkip});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->sessions.size(), 2U);
  ASSERT_EQ(t->skipped.size(), 1U);
  EXPECT_EQ(t->skipped[0].source, "store");
  EXPECT_EQ(t->skipped[0].line, 3);
  EXPECT_EQ(t->skipped[0].message,
            "the stored session \"s-2\" cannot be read: body:1:1: (root): missing required key "
            "\"format\"");
}

// With workers the store is scanned on a thread of its own: a bad session
// met while it still has chunks to hand over stops it, and the store is left
// as it was, to be read and written again.
TEST_F(StoreTablesTest, AnUnreadableBodyStopsAThreadedScanAndTheStoreGoesOn) {
  for (int i = 0; i < 40; ++i) {
    Session s = ThirdMeeting();
    s.id = absl::StrCat("m-", i);
    s.planned_start = testing::Utc(1 + i % 5, 8, i);
    ASSERT_TRUE(store_->PutSession(s).ok());
  }
  {
    auto db = detail::Database::Open(dir_.File("learning.db"), SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE sessions SET body = '[]' WHERE id = 'm-7'").ok());
  }
  for (const int threads : {2, 3}) {
    absl::StatusOr<SessionTables> t =
        ReadTables(*store_, {}, {.threads = threads, .chunk_bytes = 1});
    EXPECT_EQ(t.status().code(), absl::StatusCode::kDataLoss) << threads << " threads";
    EXPECT_EQ(std::string(t.status().message()),
              "the stored session \"m-7\" cannot be read: body:1:1: (root): expected an object (a "
              "carelearn document), found an array");
  }
  absl::StatusOr<SessionTables> skipped =
      ReadTables(*store_, {}, {.threads = 2, .on_error = OnError::kSkip, .chunk_bytes = 1});
  ASSERT_TRUE(skipped.ok()) << skipped.status();
  EXPECT_EQ(skipped->sessions.size(), 42U);
  ASSERT_EQ(skipped->skipped.size(), 1U);
  EXPECT_THAT(skipped->skipped[0].message, ::testing::HasSubstr("\"m-7\""));

  Session later = ThirdMeeting();
  later.id = "later";
  ASSERT_TRUE(store_->PutSession(later).ok());
  EXPECT_EQ(*store_->CountSessions(), 44U);
  SessionQuery query;
  query.unit = "nursing-home-east";
  query.limit = 1;
  absl::StatusOr<SessionTables> one = ReadTables(*store_, query, {.threads = 2});
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->sessions.size(), 1U);
}

TEST_F(StoreTablesTest, ScanSessionsHandsOverTheStoredText) {
  const std::vector<Session> stored = *store_->FindSessions();
  std::vector<std::string> ids;
  std::vector<std::size_t> histories;
  absl::Status s = store_->ScanSessions({}, [&](const StoredSessionView& v) {
    ids.emplace_back(v.id);
    // The body is the whole session, its actions and their histories included.
    absl::StatusOr<Session> read = ParseSessionLine(v.body);
    EXPECT_TRUE(read.ok()) << read.status();
    if (!read.ok()) return absl::OkStatus();
    EXPECT_EQ(*read, stored[ids.size() - 1]);
    for (const Action& a : read->actions) histories.push_back(a.history.size());
    return absl::OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_THAT(ids, ElementsAre("s-1", "s-3", "s-2"));
  EXPECT_THAT(histories, ElementsAre(3, 0, 3, 2, 0));
  // An error of the callback stops the scan and comes back.
  int calls = 0;
  absl::Status stopped = store_->ScanSessions({}, [&](const StoredSessionView&) {
    ++calls;
    return absl::CancelledError("enough");
  });
  EXPECT_EQ(stopped, absl::CancelledError("enough"));
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace carelearn
