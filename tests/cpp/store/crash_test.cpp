// Nothing lost on a crash: a child process writes sessions in a loop and
// reports each commit through a pipe; the parent kills it with SIGKILL in
// mid-stream, reopens the file and finds every reported session there and
// the file intact. Bounded to a few seconds.
#include "carelearn/store/store.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "record/fixtures.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using testing::FullSession;
using testing::MeetingTime;
using testing::TempDir;

// The child: writes sessions until killed, reporting each id after its commit.
[[noreturn]] void WriteUntilKilled(const std::string& path, int report) {
  absl::StatusOr<Store> store = Store::Open(path);
  if (!store.ok()) _exit(2);
  for (int i = 0;; ++i) {
    const std::string id = absl::StrCat("crash-", i);
    if (!store->PutSession(FullSession(id, MeetingTime() + absl::Minutes(i))).ok()) _exit(3);
    const std::string line = id + "\n";
    if (write(report, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
  }
}

TEST(CrashTest, EveryReportedCommitSurvivesSigkill) {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  ASSERT_TRUE(Store::Open(path).ok());  // the schema exists before the child starts

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    WriteUntilKilled(path, fds[1]);
  }
  close(fds[1]);

  // Read reports until enough commits were seen or two seconds passed, then kill.
  constexpr std::size_t kEnough = 150;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  const auto started = std::chrono::steady_clock::now();
  std::string reported;
  auto lines = [&] {
    return static_cast<std::size_t>(std::count(reported.begin(), reported.end(), '\n'));
  };
  char buffer[4096];
  while (lines() < kEnough && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;  // the child died on its own
    reported.append(buffer, static_cast<std::size_t>(n));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer exited by itself with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  // Reports still in the pipe were sent after their commits too.
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) {
    reported.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);

  std::vector<std::string> ids;
  for (absl::string_view line : absl::StrSplit(reported, '\n')) {
    if (line.empty()) continue;
    ids.emplace_back(line);
  }
  if (!reported.empty() && reported.back() != '\n') ids.pop_back();  // a torn report
  ASSERT_GT(ids.size(), 10u) << "too few commits to test anything";
  std::cout << "[ figures  ] " << ids.size() << " sessions committed with synchronous=FULL in "
            << seconds << " s (" << static_cast<int>(static_cast<double>(ids.size()) / seconds)
            << " commits/s) before SIGKILL\n";

  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_TRUE(store->CheckIntegrity().ok());
  std::size_t missing = 0;
  for (const std::string& id : ids) {
    absl::StatusOr<Session> s = store->GetSession(id);
    if (!s.ok()) {
      ++missing;
      ADD_FAILURE() << "lost " << id << ": " << s.status();
      continue;
    }
    Session expected = FullSession(id, s->planned_start);
    EXPECT_EQ(*s, expected);
  }
  EXPECT_EQ(missing, 0u);
  // At most the one commit whose report the kill cut off is there unreported.
  const std::size_t count = *store->CountSessions();
  EXPECT_GE(count, ids.size());
  EXPECT_LE(count, ids.size() + 1);
}

}  // namespace
}  // namespace carelearn
