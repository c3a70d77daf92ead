// Crash recovery of a live session: a child process runs the systematic
// learning meeting with the runner's on_change keeping the session in the
// store, records learning points in step 3 and reports each after it is kept;
// the parent kills it with SIGKILL mid-session, reads the partial session
// back and resumes it with Runner::Resume: nothing that was reported is lost.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "carelearn/record/runner.hpp"
#include "carelearn/store/store.hpp"
#include "record/fixtures.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using testing::MeetingGroup;
using testing::SystematicLearningMeeting;
using testing::TempDir;

constexpr std::string_view kSessionId = "live-1";

// The child: runs the meeting until killed.
[[noreturn]] void RunUntilKilled(const std::string& path, int report) {
  absl::StatusOr<Store> store = Store::Open(path);
  if (!store.ok()) _exit(2);
  RunnerOptions options;
  options.on_change = [&](const Session& s) {
    if (!store->PutSession(s).ok()) _exit(3);
  };
  absl::StatusOr<Runner> runner =
      Runner::Create(SystematicLearningMeeting(),
                     {.session_id = std::string(kSessionId), .unit = "egely"}, options);
  if (!runner.ok() || !runner->Start(MeetingGroup()).ok()) _exit(4);
  if (!runner->Next().ok() || !runner->Next().ok()) _exit(5);  // step 3, "case-learning"
  for (int i = 0;; ++i) {
    const std::string text = absl::StrCat("point ", i);
    absl::StatusOr<RecordResult> r = runner->RecordLearningPoint({.text = text});
    if (!r.ok() || !r->recorded) _exit(6);
    const std::string line = text + "\n";  // kept by on_change before this
    if (write(report, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(7);
  }
}

TEST(ResumeCrashTest, ALiveSessionKilledInStep3IsResumedWithNothingLost) {
  TempDir dir;
  const std::string path = dir.File("live.db");
  ASSERT_TRUE(Store::Open(path).ok());

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    RunUntilKilled(path, fds[1]);
  }
  close(fds[1]);

  constexpr std::size_t kEnough = 25;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::string reported;
  auto lines = [&] {
    return static_cast<std::size_t>(std::count(reported.begin(), reported.end(), '\n'));
  };
  char buffer[4096];
  while (lines() < kEnough && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    reported.append(buffer, static_cast<std::size_t>(n));
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited by itself with " << WEXITSTATUS(status);
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) {
    reported.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  std::vector<std::string> points;
  for (absl::string_view line : absl::StrSplit(reported, '\n')) {
    if (!line.empty()) points.emplace_back(line);
  }
  if (!reported.empty() && reported.back() != '\n') points.pop_back();  // a torn report
  ASSERT_GE(points.size(), 5u) << "too few learning points to test anything";

  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<Session> partial = store->GetSession(kSessionId);
  ASSERT_TRUE(partial.ok()) << partial.status();
  EXPECT_FALSE(partial->actual_end.has_value());
  ASSERT_GE(partial->learning_points.size(), points.size());
  EXPECT_LE(partial->learning_points.size(), points.size() + 1);  // one kept, unreported
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(partial->learning_points[i].text, points[i]);
  }

  RunnerOptions options;
  options.on_change = [&](const Session& s) { ASSERT_TRUE(store->PutSession(s).ok()); };
  absl::StatusOr<Runner> resumed = Runner::Resume(SystematicLearningMeeting(), *partial, options);
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  ASSERT_NE(resumed->current_step(), nullptr);
  EXPECT_EQ(resumed->current_step()->id, "case-learning");
  ASSERT_TRUE(resumed->RecordLearningPoint({.text = "after the crash"})->recorded);
  ASSERT_TRUE(resumed->Next().ok());
  ASSERT_TRUE(resumed->Next().ok());
  ASSERT_TRUE(resumed->Finish().ok());

  absl::StatusOr<Session> held = store->GetSession(kSessionId);
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_TRUE(held->actual_end.has_value());
  EXPECT_EQ(held->participants, MeetingGroup());
  ASSERT_EQ(held->steps.size(), 5u);
  EXPECT_EQ(held->learning_points.size(), partial->learning_points.size() + 1);
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(held->learning_points[i].text, points[i]);
  }
  EXPECT_EQ(held->learning_points.back().text, "after the crash");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

}  // namespace
}  // namespace carelearn
