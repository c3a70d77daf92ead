// Readers and writers on one file through separate connections: readers never
// wait for the writer and only ever see whole transactions; two writers take
// turns within the busy timeout.
#include "carelearn/store/store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "record/fixtures.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using testing::FullSession;
using testing::MeetingTime;
using testing::TempDir;

constexpr int kSessions = 200;

TEST(ConcurrencyTest, ReadersSeeWholeSessionsWhileOneWriterWrites) {
  TempDir dir;
  const std::string path = dir.File("shared.db");
  ASSERT_TRUE(Store::Open(path).ok());  // create the schema first

  std::atomic<bool> writing{true};
  std::atomic<int> write_errors{0};
  std::thread writer([&] {
    absl::StatusOr<Store> store = Store::Open(path);
    if (!store.ok()) {
      ++write_errors;
    } else {
      for (int i = 0; i < kSessions; ++i) {
        if (!store->PutSession(FullSession(absl::StrCat("w-", i), MeetingTime() + absl::Minutes(i)))
                 .ok()) {
          ++write_errors;
        }
      }
    }
    writing = false;
  });

  int reads = 0;
  int read_errors = 0;
  int partial = 0;
  std::size_t last_count = 0;
  int went_back = 0;
  {
    absl::StatusOr<Store> reader = Store::Open(path);
    ASSERT_TRUE(reader.ok()) << reader.status();
    bool last_round = false;
    while (!last_round) {
      last_round = !writing;
      absl::StatusOr<std::size_t> count = reader->CountSessions();
      SessionQuery newest;
      newest.from = MeetingTime() + absl::Minutes(static_cast<int>(last_count) - 3);
      absl::StatusOr<std::vector<Session>> found = reader->FindSessions(newest);
      if (!count.ok() || !found.ok()) {
        ++read_errors;
        continue;
      }
      ++reads;
      if (*count < last_count) ++went_back;
      last_count = *count;
      for (const Session& s : *found) {
        if (s.actions.size() != 2 || s.actions[1].history.size() != 1) ++partial;
      }
    }
  }
  writer.join();

  EXPECT_EQ(write_errors, 0);
  EXPECT_EQ(read_errors, 0);
  EXPECT_EQ(partial, 0);
  EXPECT_EQ(went_back, 0);
  EXPECT_GT(reads, 1);
  EXPECT_EQ(last_count, static_cast<std::size_t>(kSessions));
  absl::StatusOr<Store> check = Store::Open(path);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->CheckIntegrity().ok());
}

TEST(ConcurrencyTest, TwoWritersTakeTurns) {
  TempDir dir;
  const std::string path = dir.File("shared.db");
  ASSERT_TRUE(Store::Open(path).ok());
  std::atomic<int> errors{0};
  auto write = [&](std::string prefix) {
    absl::StatusOr<Store> store = Store::Open(path);
    if (!store.ok()) {
      ++errors;
      return;
    }
    for (int i = 0; i < kSessions / 2; ++i) {
      if (!store->PutSession(FullSession(absl::StrCat(prefix, i))).ok()) ++errors;
    }
  };
  std::thread a(write, "a-");
  std::thread b(write, "b-");
  a.join();
  b.join();
  EXPECT_EQ(errors, 0);
  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(*store->CountSessions(), static_cast<std::size_t>(kSessions));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// One Store shared by two threads (one connection): the calls take turns on
// the Store's mutex. Without it SQLite's connection state is shared between
// the threads' transactions and fails ("running "BEGIN IMMEDIATE": not an error").
TEST(ConcurrencyTest, OneStoreSharedByTwoThreadsTakesTurns) {
  TempDir dir;
  absl::StatusOr<Store> store = Store::Open(dir.File("one.db"));
  ASSERT_TRUE(store.ok()) << store.status();
  std::vector<std::string> errors[2];
  auto work = [&](int t) {
    for (int i = 0; i < kSessions / 2; ++i) {
      const std::string id = absl::StrCat("t", t, "-", i);
      if (absl::Status s = store->PutSession(FullSession(id, MeetingTime() + absl::Minutes(i)));
          !s.ok()) {
        errors[t].push_back(std::string(s.message()));
      }
      absl::StatusOr<Session> back = store->GetSession(id);
      if (!back.ok()) errors[t].push_back(std::string(back.status().message()));
      if (absl::StatusOr<std::size_t> n = store->CountSessions(); !n.ok()) {
        errors[t].push_back(std::string(n.status().message()));
      }
    }
  };
  std::thread a(work, 0);
  std::thread b(work, 1);
  a.join();
  b.join();
  EXPECT_TRUE(errors[0].empty()) << errors[0].front();
  EXPECT_TRUE(errors[1].empty()) << errors[1].front();
  EXPECT_EQ(*store->CountSessions(), static_cast<std::size_t>(kSessions));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(ConcurrencyTest, AStoreMovedFromSaysSo) {
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status();
  Store moved = *std::move(store);
  absl::Status s = store->PutSession(FullSession());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "Store::PutSession: this Store was moved from; use the one it was moved to");
  EXPECT_TRUE(moved.PutSession(FullSession()).ok());
}

}  // namespace
}  // namespace carelearn
