// Sessions in and out of a store as JSON Lines.
#include "carelearn/store/store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "carelearn/io/errors.hpp"
#include "carelearn/io/session_json.hpp"
#include "record/fixtures.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using testing::FullSession;
using ::testing::HasSubstr;
using testing::MeetingTime;
using ::testing::StartsWith;
using testing::TempDir;

class ImportExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"a.db", "b.db"}) {
      absl::StatusOr<Store> store = Store::Open(dir_.File(name));
      ASSERT_TRUE(store.ok()) << store.status();
      stores_.push_back(*std::move(store));
    }
    for (int i = 0; i < 4; ++i) {
      Session s = FullSession(absl::StrCat("s-", i), MeetingTime() + absl::Hours(24 * i));
      if (i % 2 == 1) s.unit = "nursing-home-east";
      ASSERT_TRUE(source().PutSession(s).ok());
    }
  }

  Store& source() { return stores_[0]; }
  Store& target() { return stores_[1]; }

  std::string Export(const ExportOptions& options, const SessionQuery& query = {}) {
    std::ostringstream out;
    absl::StatusOr<std::size_t> n = source().ExportJsonLines(out, query, options);
    EXPECT_TRUE(n.ok()) << n.status();
    return out.str();
  }

  static ExportOptions Everything() {
    ExportOptions options;
    options.include_confidential = true;
    return options;
  }

  TempDir dir_;
  std::vector<Store> stores_;
};

TEST_F(ImportExportTest, EveryLineNamesItsKind) {
  const std::string text = Export({});
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 4u);
  for (const std::string& line : lines) {
    EXPECT_THAT(line, StartsWith(R"({"carelearn":"session/1",)"));
    EXPECT_THAT(line, HasSubstr(R"("redaction":"confidential")"));
  }
  EXPECT_EQ(text.back(), '\n');
}

TEST_F(ImportExportTest, AFullExportImportsToTheSameSessions) {
  std::istringstream in(Export(Everything()));
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(in);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->imported, 4u);
  EXPECT_EQ(r->skipped, 0u);
  EXPECT_EQ(*target().FindSessions(), *source().FindSessions());
}

TEST_F(ImportExportTest, ExportsWhatAQuerySelects) {
  SessionQuery query;
  query.unit = "nursing-home-east";
  std::ostringstream out;
  absl::StatusOr<std::size_t> n = source().ExportJsonLines(out, query, Everything());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2u);
  EXPECT_THAT(out.str(), HasSubstr(R"("id":"s-1")"));
  EXPECT_THAT(out.str(), HasSubstr(R"("id":"s-3")"));
  EXPECT_THAT(out.str(), ::testing::Not(HasSubstr(R"("id":"s-0")")));
}

TEST_F(ImportExportTest, ARedactedExportIsRefusedUnlessAllowed) {
  const std::string text = Export({});
  std::istringstream in(text);
  ImportOptions options;
  options.source_name = "export.jsonl";
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(in, options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "export.jsonl:1: session \"s-0\" is redacted (\"confidential\"); importing it keeps "
            "it without what it left out; set allow_redacted to do so");
  options.allow_redacted = true;
  std::istringstream again(text);
  r = target().ImportJsonLines(again, options);
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<Session> s = target().GetSession("s-0");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->learning_points[1].text, "");
  EXPECT_TRUE(s->learning_points[1].confidential);
}

TEST_F(ImportExportTest, ABadLineImportsNothingAndNamesTheLine) {
  std::string text = Export(Everything());
  text += "\n   \n{\"carelearn\":\"session/1\",\"id\":\n";
  std::istringstream in(text);
  ImportOptions options;
  options.source_name = "sessions.jsonl";
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(in, options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(r.status().message()),
            "sessions.jsonl:7:31: /id: unexpected end of the document; the object opened at 7:1 "
            "is not closed; the document is truncated");
  EXPECT_EQ(*target().CountSessions(), 0u);
}

TEST_F(ImportExportTest, AnInvalidSessionNamesTheLine) {
  Session s = FullSession("held-without-start");
  s.actual_start.reset();
  s.actual_end.reset();
  std::istringstream in(ToJsonLine(s, Everything()) + "\r\n");
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(in);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "<input>:1: session \"held-without-start\": actual_start: a held session needs an "
            "actual start");
  std::istringstream newer(R"({"carelearn":"session/9"})");
  r = target().ImportJsonLines(newer);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(std::string(r.status().message()),
            "<input>:1:14: /carelearn: the document is \"session/9\", newer than \"session/1\", "
            "the newest this version of carelearn reads");
  EXPECT_TRUE(IsVersionMismatch(r.status()));
}

TEST_F(ImportExportTest, ConflictsFailSkipOrReplace) {
  Session changed = FullSession("s-0", MeetingTime());
  changed.unit = "changed";
  Session added = FullSession("s-new");
  ASSERT_TRUE(target().PutSession(FullSession("s-0", MeetingTime())).ok());
  const std::string text =
      ToJsonLine(added, Everything()) + "\n" + ToJsonLine(changed, Everything()) + "\n";

  std::istringstream fail(text);
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(fail);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(r.status().message(), "<input>:2: session \"s-0\" is in the store already");
  EXPECT_EQ(*target().CountSessions(), 1u);  // s-new was rolled back too

  ImportOptions options;
  options.on_conflict = ConflictPolicy::kSkip;
  std::istringstream skip(text);
  r = target().ImportJsonLines(skip, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->imported, 1u);
  EXPECT_EQ(r->skipped, 1u);
  EXPECT_EQ(target().GetSession("s-0")->unit, "home-care-north");

  options.on_conflict = ConflictPolicy::kReplace;
  std::istringstream replace(text);
  r = target().ImportJsonLines(replace, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->imported, 2u);
  EXPECT_EQ(target().GetSession("s-0")->unit, "changed");
}

TEST_F(ImportExportTest, BulkImportChecksPointsAndRestoresFullSync) {
  constexpr int kCount = 1000;
  std::string text;
  for (int i = 0; i < kCount; ++i) {
    absl::StrAppend(
        &text,
        ToJsonLine(FullSession(absl::StrCat("bulk-", i), MeetingTime() + absl::Minutes(i)),
                   Everything()),
        "\n");
  }
  const auto timed = [&](bool bulk, Store& store) {
    std::istringstream in(text);
    ImportOptions options;
    options.bulk = bulk;
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<ImportResult> r = store.ImportJsonLines(in, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->imported, static_cast<std::size_t>(kCount));
    return seconds;
  };
  const double bulk_seconds = timed(true, target());
  EXPECT_EQ(target().Info()->synchronous, 2);
  struct stat wal {};
  ASSERT_EQ(::stat(dir_.File("b.db-wal").c_str(), &wal), 0);
  EXPECT_EQ(wal.st_size, 0);  // checkpointed and truncated
  EXPECT_EQ(*target().CountSessions(), static_cast<std::size_t>(kCount));
  EXPECT_TRUE(target().CheckIntegrity().ok());

  absl::StatusOr<Store> plain = Store::Open(dir_.File("c.db"));
  ASSERT_TRUE(plain.ok());
  const double plain_seconds = timed(false, *plain);
  std::cout << "[ figures  ] importing " << kCount << " sessions (" << text.size() / 1024
            << " KiB of JSON Lines) in one transaction: " << bulk_seconds << " s in bulk mode, "
            << plain_seconds << " s with synchronous=FULL\n";
  std::ostringstream out;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(target().ExportJsonLines(out, {}, Everything()).ok());
  std::cout << "[ figures  ] exporting them again: "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            << " s\n";
  EXPECT_EQ(out.str(), text);
}

TEST_F(ImportExportTest, ExportsToAnOwnerOnlyFileAndImportsFromIt) {
  const std::string path = dir_.File("export.jsonl");
  {
    std::ofstream old(path);
    old << "an older export\n";
  }
  ::chmod(path.c_str(), 0644);
  absl::StatusOr<std::size_t> n = source().ExportJsonLines(path, {}, Everything());
  ASSERT_TRUE(n.ok()) << n.status();
  EXPECT_EQ(*n, 4u);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(std::filesystem::path(path));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->imported, 4u);
  EXPECT_EQ(*target().FindSessions(), *source().FindSessions());

  absl::StatusOr<ImportResult> none =
      target().ImportJsonLines(std::filesystem::path(dir_.File("nowhere.jsonl")));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(std::string(none.status().message()),
            dir_.File("nowhere.jsonl") + ": cannot read: No such file or directory");
  absl::StatusOr<std::size_t> nowhere =
      source().ExportJsonLines(std::filesystem::path(dir_.File("no-dir/x.jsonl")));
  EXPECT_EQ(nowhere.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ImportExportTest, TheImportKeepsTheReadersLimits) {
  std::istringstream in(Export(Everything()));
  ImportOptions options;
  options.source_name = "big.jsonl";
  options.reading.max_participants = 2;
  absl::StatusOr<ImportResult> r = target().ImportJsonLines(in, options);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(r.status().message()), StartsWith("big.jsonl:1:"));
  EXPECT_THAT(std::string(r.status().message()),
              ::testing::HasSubstr(": /participants: 5 participants, more than the limit of 2 "
                                   "(SessionReadOptions::max_participants)"));
  EXPECT_EQ(*target().CountSessions(), 0u);
}

TEST(ConflictPolicyTest, NamesRoundTrip) {
  for (const ConflictPolicy p :
       {ConflictPolicy::kFail, ConflictPolicy::kSkip, ConflictPolicy::kReplace}) {
    EXPECT_EQ(ParseConflictPolicy(ConflictPolicyName(p)), p);
  }
  EXPECT_EQ(ConflictPolicyName(ConflictPolicy::kSkip), "skip");
  EXPECT_EQ(ParseConflictPolicy("overwrite"), std::nullopt);
}

TEST_F(ImportExportTest, AFailingStreamIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  absl::StatusOr<std::size_t> n = source().ExportJsonLines(out);
  EXPECT_EQ(n.status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(n.status().message(), "ExportJsonLines: writing session \"s-0\" failed");
}

}  // namespace
}  // namespace carelearn
