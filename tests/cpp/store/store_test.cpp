#include "carelearn/store/store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include "carelearn/io/errors.hpp"
#include "carelearn/io/json.hpp"
#include "record/fixtures.hpp"
#include "store/sqlite.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using testing::FullSession;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::MeetingTime;
using ::testing::StartsWith;
using testing::TempDir;

int Mode(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 0777);
}

// Runs `sql` on the file directly, as another program would.
void RawExec(const std::string& path, const std::string& sql) {
  auto db = detail::Database::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE((*db)->Exec(sql).ok());
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("learning.db");
    absl::StatusOr<Store> store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_.emplace(*std::move(store));
  }

  Store& store() { return *store_; }

  TempDir dir_;
  std::string path_;
  std::optional<Store> store_;
};

// ------------------------------------------------------------ opening

TEST_F(StoreTest, CreatesAWalFileOnlyItsOwnerCanRead) {
  EXPECT_EQ(Mode(path_), 0600);
  absl::StatusOr<StoreInfo> info = store().Info();
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->schema_version, Store::kSchemaVersion);
  EXPECT_EQ(info->journal_mode, "wal");
  EXPECT_EQ(info->synchronous, 2);  // FULL
  EXPECT_TRUE(store().CheckIntegrity().ok());
}

TEST_F(StoreTest, ReopensWhatWasWritten) {
  ASSERT_TRUE(store().PutSession(FullSession()).ok());
  store_.reset();
  absl::StatusOr<Store> again = Store::Open(path_);
  ASSERT_TRUE(again.ok()) << again.status();
  absl::StatusOr<Session> s = again->GetSession("s-1");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(*s, FullSession());
}

TEST(StoreOpenTest, AMissingFileIsNotFoundUnlessCreated) {
  TempDir dir;
  const std::string path = dir.File("none.db");
  StoreOptions options;
  options.create_if_missing = false;
  absl::StatusOr<Store> store = Store::Open(path, options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store.status().message(), path + ": there is no store here");
  options = {};
  options.read_only = true;
  EXPECT_EQ(Store::Open(path, options).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Store::Open("").status().message(), "Store::Open: the path is empty");
}

TEST(StoreOpenTest, InMemory) {
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(store->PutSession(FullSession()).ok());
  EXPECT_EQ(*store->GetSession("s-1"), FullSession());
  EXPECT_EQ(store->Info()->journal_mode, "memory");
}

TEST(StoreOpenTest, AFileThatIsNoDatabaseIsDataLoss) {
  TempDir dir;
  const std::string path = dir.File("notes.txt");
  std::ofstream(path) << "These are my notes, not a database. They go on for a while......\n"
                      << std::string(200, 'x');
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(store.status().message()), StartsWith(path + ": "));
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("file is not a database"));
}

TEST(StoreOpenTest, AnotherApplicationsDatabaseIsRefused) {
  TempDir dir;
  const std::string path = dir.File("other.db");
  RawExec(path, "CREATE TABLE patients (name TEXT)");
  absl::StatusOr<Store> store = Store::Open(path);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.status().message(),
            path + ": not a carelearn store (a database of another application)");

  const std::string other = dir.File("other-app.db");
  RawExec(other, "PRAGMA application_id = 42");
  EXPECT_EQ(Store::Open(other).status().message(),
            other + ": not a carelearn store (it belongs to application id 42)");
  EXPECT_TRUE(IsVersionMismatch(store.status()));
  EXPECT_TRUE(IsVersionMismatch(Store::Open(other).status()));
}

TEST_F(StoreTest, ANewerSchemaIsRefused) {
  store_.reset();
  RawExec(path_, "PRAGMA user_version = 5");
  absl::StatusOr<Store> store = Store::Open(path_);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store.status().message(),
            path_ +
                ": the store has schema version 5, newer than this library's 4; update "
                "carelearn");
  EXPECT_TRUE(IsVersionMismatch(store.status()));
}

TEST_F(StoreTest, ReadOnlyReadsButDoesNotWrite) {
  ASSERT_TRUE(store().PutSession(FullSession()).ok());
  StoreOptions options;
  options.read_only = true;
  absl::StatusOr<Store> reader = Store::Open(path_, options);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_TRUE(reader->GetSession("s-1").ok());
  absl::Status write = reader->PutSession(FullSession("s-2"));
  EXPECT_EQ(write.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(write.message()), StartsWith(path_ + ": "));
}

TEST_F(StoreTest, MovesKeepTheConnection) {
  Store moved = std::move(*store_);
  store_.reset();
  ASSERT_TRUE(moved.PutSession(FullSession()).ok());
  Store again = *Store::Open(":memory:");
  again = std::move(moved);
  EXPECT_TRUE(again.GetSession("s-1").ok());
}

// ------------------------------------------------------------ sessions

TEST_F(StoreTest, PutReplacesGetAndDelete) {
  ASSERT_TRUE(store().PutSession(FullSession()).ok());
  Session changed = FullSession();
  changed.actions.pop_back();
  changed.learning_points[0].text = "Corrected.";
  ASSERT_TRUE(store().PutSession(changed).ok());
  EXPECT_EQ(*store().GetSession("s-1"), changed);
  EXPECT_EQ(store().FindActions()->size(), 1u);

  ASSERT_TRUE(store().DeleteSession("s-1").ok());
  absl::StatusOr<Session> gone = store().GetSession("s-1");
  EXPECT_EQ(gone.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(gone.status().message(), path_ + ": no session \"s-1\"");
  EXPECT_THAT(*store().FindActions(), IsEmpty());
  absl::Status again = store().DeleteSession("s-1");
  EXPECT_EQ(again.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(again.message(), path_ + ": no session \"s-1\"");
  EXPECT_TRUE(store().CheckIntegrity().ok());
}

TEST_F(StoreTest, AnInvalidSessionIsNotStored) {
  Session bad = FullSession();
  bad.feedback[0].rating = 9;
  absl::Status s = store().PutSession(bad);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "session \"s-1\": feedback[0].rating: 9 is not from 1 to 5");
  EXPECT_EQ(*store().CountSessions(), 0u);
}

TEST_F(StoreTest, KeepsSubSecondTimes) {
  Session s = FullSession();
  s.planned_start += absl::Nanoseconds(123456789);
  s.actions[0].history[0].at += absl::Nanoseconds(987654321);
  ASSERT_TRUE(store().PutSession(s).ok());
  EXPECT_EQ(*store().GetSession("s-1"), s);
}

// Sessions in two units, of two formats, over three weeks.
class StoreQueryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    for (int week = 0; week < 3; ++week) {
      for (const char* unit : {"home-care-north", "nursing-home-east"}) {
        Session s =
            FullSession(absl::StrCat(unit, "-", week), MeetingTime() + absl::Hours(24 * 7 * week));
        s.unit = unit;
        if (week == 2 && s.unit == "nursing-home-east") {
          s.format_id = "learning-visit";
          s.actions.clear();
        }
        ASSERT_TRUE(store().PutSession(s).ok());
      }
    }
    Session cancelled = FullSession("cancelled", MeetingTime() + absl::Hours(24 * 14 + 1));
    cancelled.cancellation = Cancellation{CancelReason::kStaffing, ""};
    cancelled.actions.clear();
    ASSERT_TRUE(store().PutSession(cancelled).ok());
  }

  std::vector<std::string> Ids(const SessionQuery& q) {
    absl::StatusOr<std::vector<Session>> found = store().FindSessions(q);
    EXPECT_TRUE(found.ok()) << found.status();
    std::vector<std::string> ids;
    for (const Session& s : *found) ids.push_back(s.id);
    if (q.limit == 0) {
      EXPECT_EQ(*store().CountSessions(q), ids.size());
    }
    return ids;
  }
};

TEST_F(StoreQueryTest, ByUnitFormatDateStatusAndActionStatus) {
  EXPECT_EQ(Ids({}).size(), 7u);
  SessionQuery by_unit;
  by_unit.unit = "nursing-home-east";
  EXPECT_THAT(Ids(by_unit),
              ElementsAre("nursing-home-east-0", "nursing-home-east-1", "nursing-home-east-2"));
  SessionQuery by_format;
  by_format.format_id = "learning-visit";
  EXPECT_THAT(Ids(by_format), ElementsAre("nursing-home-east-2"));
  by_format.format_id = "systematic-learning-meeting";
  by_format.format_version = 2;
  EXPECT_THAT(Ids(by_format), IsEmpty());

  SessionQuery by_date;
  by_date.from = MeetingTime() + absl::Hours(24 * 7);
  by_date.to = MeetingTime() + absl::Hours(24 * 14);  // the second week only
  EXPECT_THAT(Ids(by_date), ElementsAre("home-care-north-1", "nursing-home-east-1"));

  SessionQuery by_status;
  by_status.status = SessionStatus::kCancelled;
  EXPECT_THAT(Ids(by_status), ElementsAre("cancelled"));

  SessionQuery limited;
  limited.limit = 2;
  EXPECT_THAT(Ids(limited), ElementsAre("home-care-north-0", "nursing-home-east-0"));
  EXPECT_EQ(*store().CountSessions(limited), 7u);  // counting ignores the limit
}

TEST_F(StoreQueryTest, ByActionStatus) {
  SessionQuery done;
  done.action_status = ActionStatus::kDone;
  EXPECT_THAT(Ids(done), IsEmpty());
  ASSERT_TRUE(store()
                  .UpdateActionStatus("home-care-north-1", "a1", ActionStatus::kDone,
                                      MeetingTime() + absl::Hours(24 * 10))
                  .ok());
  EXPECT_THAT(Ids(done), ElementsAre("home-care-north-1"));
  SessionQuery open;
  open.action_status = ActionStatus::kOpen;
  open.unit = "home-care-north";
  EXPECT_THAT(Ids(open), ElementsAre("home-care-north-0", "home-care-north-1",
                                     "home-care-north-2"));  // a2 is still open in week 1
}

TEST_F(StoreQueryTest, ActionsByStatusUnitAndDueDate) {
  ActionQuery query;
  query.unit = "nursing-home-east";
  EXPECT_EQ(store().FindActions(query)->size(), 4u);  // two in each of weeks 0 and 1
  query = {};
  query.due_before = absl::CivilDay(2026, 3, 18);
  EXPECT_THAT(*store().FindActions(query), IsEmpty());
  query.due_before = absl::CivilDay(2026, 3, 19);
  absl::StatusOr<std::vector<ActionRecord>> due = store().FindActions(query);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 5u);  // every a1 is due on 18 March; a2 has no due date
  EXPECT_EQ((*due)[0].session_id, "home-care-north-0");
  EXPECT_EQ((*due)[0].unit, "home-care-north");
  EXPECT_EQ((*due)[0].format_id, "systematic-learning-meeting");
  EXPECT_EQ((*due)[0].planned_start, MeetingTime());
  EXPECT_EQ((*due)[0].action, FullSession().actions[0]);
  query = {};
  query.session_id = "home-care-north-2";
  query.status = ActionStatus::kOpen;
  EXPECT_EQ(store().FindActions(query)->size(), 2u);
}

// ------------------------------------------------------------ action status

TEST_F(StoreTest, ActionStatusChangesAreDatedAndKept) {
  ASSERT_TRUE(store().PutSession(FullSession()).ok());
  const absl::Time opened = FullSession().actions[0].history[0].at;
  const absl::Time later = opened + absl::Hours(24 * 3);
  ASSERT_TRUE(store().UpdateActionStatus("s-1", "a1", ActionStatus::kInProgress, later).ok());
  ASSERT_TRUE(
      store().UpdateActionStatus("s-1", "a1", ActionStatus::kDone, later + absl::Hours(48)).ok());
  absl::StatusOr<Session> s = store().GetSession("s-1");
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(s->actions[0].history,
              ElementsAre(StatusChange{ActionStatus::kOpen, opened},
                          StatusChange{ActionStatus::kInProgress, later},
                          StatusChange{ActionStatus::kDone, later + absl::Hours(48)}));
  EXPECT_EQ(s->actions[0].CurrentStatus(), ActionStatus::kDone);
  ActionQuery done;
  done.status = ActionStatus::kDone;
  ASSERT_EQ(store().FindActions(done)->size(), 1u);
  EXPECT_EQ((*store().FindActions(done))[0].action, s->actions[0]);
}

TEST_F(StoreTest, ActionStatusErrors) {
  ASSERT_TRUE(store().PutSession(FullSession()).ok());
  const absl::Time opened = FullSession().actions[0].history[0].at;
  absl::Status s = store().UpdateActionStatus("s-9", "a1", ActionStatus::kDone, opened);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), path_ + ": no session \"s-9\"");
  s = store().UpdateActionStatus("s-1", "a9", ActionStatus::kDone, opened);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), path_ + ": session \"s-1\" has no action \"a9\"");
  s = store().UpdateActionStatus("s-1", "a1", ActionStatus::kOpen, opened);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), path_ + ": action \"a1\" of session \"s-1\" is \"open\" already");
  EXPECT_FALSE(IsVersionMismatch(s));  // a call in the wrong state
  s = store().UpdateActionStatus("s-1", "a1", ActionStatus::kDone, opened - absl::Minutes(1));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), path_ +
                             ": action \"a1\" of session \"s-1\": the change at "
                             "2026-03-04T14:28:00+00:00 is before the last change at "
                             "2026-03-04T14:29:00+00:00");
  EXPECT_EQ(*store().GetSession("s-1"), FullSession());  // nothing changed
}

// The body is the session; the actions' rows only index it. Where the two
// disagree (a file changed by another program), the store says so rather
// than guess.
TEST_F(StoreTest, ABodyThatDisagreesWithItsRowsIsDataLoss) {
  ASSERT_TRUE(store().PutSession(FullSession()).ok());
  ASSERT_TRUE(store().PutSession(FullSession("s-2", MeetingTime() + absl::Hours(1))).ok());
  store_.reset();
  // s-1's action a1 is indexed at a position its body does not have.
  RawExec(path_, "UPDATE actions SET position = 3 WHERE session_id = 's-1'");
  // s-2's body is s-1's.
  RawExec(path_,
          "UPDATE sessions SET body = (SELECT body FROM sessions WHERE id = 's-1') "
          "WHERE id = 's-2'");
  absl::StatusOr<Store> store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status();

  ActionQuery of_s1;
  of_s1.session_id = "s-1";
  absl::StatusOr<std::vector<ActionRecord>> found = store->FindActions(of_s1);
  EXPECT_EQ(found.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(found.status().message(),
            path_ + ": session \"s-1\": action \"a1\" is not in its body at position 3");

  absl::StatusOr<Session> other = store->GetSession("s-2");
  EXPECT_EQ(other.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(other.status().message(), path_ + ": session \"s-2\": its body is another session's");
  const absl::Time later = FullSession().actions[0].history[0].at + absl::Hours(1);
  absl::Status changed = store->UpdateActionStatus("s-2", "a1", ActionStatus::kDone, later);
  EXPECT_EQ(changed.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(changed.message(), path_ + ": session \"s-2\": its body is another session's");

  // An action the index has and the body lacks.
  RawExec(path_,
          "INSERT INTO actions (session_id, action_id, position, step_id, owner, status) "
          "VALUES ('s-1', 'a7', 1, 'joint-reflection', '', 'open')");
  changed = store->UpdateActionStatus("s-1", "a7", ActionStatus::kDone, later);
  EXPECT_EQ(changed.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(changed.message(), path_ +
                                   ": action \"a7\" of session \"s-1\": the session's body "
                                   "has no such action");
  // Nothing was written on the way.
  EXPECT_EQ(*store->GetSession("s-1"), FullSession());
}

// A damaged session whose id names a person is named by its mask, not its id.
TEST_F(StoreTest, AnUnreadableSessionsIdIsMaskedInTheError) {
  ASSERT_TRUE(store().PutSession(FullSession("anne-jensen-1")).ok());
  store_.reset();
  RawExec(path_, "UPDATE sessions SET body = '[]' WHERE id = 'anne-jensen-1'");
  absl::StatusOr<Store> store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<Session> s = store->GetSession("anne-jensen-1");
  EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.status().message()), HasSubstr(": session \"masked-"));
  EXPECT_THAT(std::string(s.status().message()), ::testing::Not(HasSubstr("anne")));
}

// ------------------------------------------------------------ formats

// A user's own format, as a municipality would write it.
Format Huddle(int version) {
  Format f;
  f.id = "huddle";
  f.version = version;
  f.title = Text{"Tavlemøde", "Huddle"};
  f.purpose = Text{"Dagens overblik", "Today's overview"};
  f.duration = TimeBudget::Fixed(version == 1 ? 15 : 10);
  return f;
}

TEST_F(StoreTest, KeepsFormatsAsTheirCanonicalText) {
  ASSERT_TRUE(store().PutFormat(Huddle(1)).ok());
  ASSERT_TRUE(store().PutFormat(Huddle(2)).ok());
  ASSERT_TRUE(store().PutFormat(Huddle(1)).ok());  // the same again is fine
  Format anonymous;
  anonymous.id = "anonymous";
  ASSERT_TRUE(store().PutFormat(anonymous).ok());
  absl::StatusOr<StoredFormat> newest = store().GetFormat("huddle");
  ASSERT_TRUE(newest.ok());
  EXPECT_EQ(newest->version, 2);
  EXPECT_EQ(newest->json, ToJson(Huddle(2)));
  EXPECT_EQ(store().GetFormat("huddle", 1)->json, ToJson(Huddle(1)));
  EXPECT_EQ(*ParseFormat(store().GetFormat("huddle", 1)->json), Huddle(1));
  absl::StatusOr<std::vector<StoredFormat>> all = store().ListFormats();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, "anonymous");
  EXPECT_EQ((*all)[2].version, 2);
}

TEST_F(StoreTest, FormatErrors) {
  ASSERT_TRUE(store().PutFormat(Huddle(1)).ok());
  Format changed = Huddle(1);
  changed.duration = TimeBudget::Fixed(20);
  absl::Status s = store().PutFormat(changed);
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(s.message(), path_ +
                             ": format \"huddle\" version 1 is stored already with other "
                             "text; raise the version");
  Format no_id = Huddle(1);
  no_id.id.clear();
  EXPECT_EQ(store().PutFormat(no_id).message(), "PutFormat: the id is empty");
  EXPECT_EQ(store().PutFormat(Huddle(0)).message(), "PutFormat: version 0 is below 1");
  absl::StatusOr<StoredFormat> none = store().GetFormat("nope");
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(none.status().message(), path_ + ": no format \"nope\"");
  EXPECT_EQ(store().GetFormat("huddle", 7).status().message(),
            path_ + ": no format \"huddle\" version 7");
}

}  // namespace
}  // namespace carelearn
