#include "carelearn/io/owner_only_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"

namespace carelearn {
namespace {

class OwnerOnlyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("carelearn-owner-only-", ::getpid(), "-",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static unsigned Mode(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return info.st_mode & 0777;
  }

  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::filesystem::path dir_;
};

TEST_F(OwnerOnlyFileTest, CreatesAFileOnlyItsOwnerCanRead) {
  const std::filesystem::path path = dir_ / "new.jsonl";
  const mode_t old = ::umask(0);  // even a permissive umask cannot widen it
  absl::StatusOr<OwnerOnlyFile> file = OwnerOnlyFile::Create(path, ExistingFile::kFail);
  ::umask(old);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(Mode(path), 0600u);
  file->stream() << "line one\n" << std::string(200000, 'x') << "\n";
  EXPECT_TRUE(file->Close().ok());
  EXPECT_TRUE(file->Close().ok());  // twice does nothing
  EXPECT_EQ(Read(path), "line one\n" + std::string(200000, 'x') + "\n");
  EXPECT_EQ(file->path(), path);
}

TEST_F(OwnerOnlyFileTest, FailsOrReplacesAFileThatExists) {
  const std::filesystem::path path = dir_ / "old.jsonl";
  {
    std::ofstream out(path);
    out << "what was here";
  }
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                std::filesystem::perms::group_read | std::filesystem::perms::others_read);
  absl::StatusOr<OwnerOnlyFile> refused = OwnerOnlyFile::Create(path, ExistingFile::kFail);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(std::string(refused.status().message()),
            path.string() + ": cannot create: File exists");
  EXPECT_EQ(Mode(path), 0644u);
  absl::StatusOr<OwnerOnlyFile> replaced = OwnerOnlyFile::Create(path, ExistingFile::kReplace);
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_EQ(Mode(path), 0600u);  // made owner-only, though it was readable by all
  replaced->stream() << "new";
  ASSERT_TRUE(replaced->Close().ok());
  EXPECT_EQ(Read(path), "new");
}

TEST_F(OwnerOnlyFileTest, NamesThePathWhenItCannotCreate) {
  absl::StatusOr<OwnerOnlyFile> missing =
      OwnerOnlyFile::Create(dir_ / "no-such-dir" / "x.jsonl", ExistingFile::kReplace);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(
      std::string(missing.status().message()),
      (dir_ / "no-such-dir" / "x.jsonl").string() + ": cannot create: No such file or directory");
  EXPECT_EQ(OwnerOnlyFile::Create(dir_, ExistingFile::kReplace).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(OwnerOnlyFileTest, ClosesWhenDestroyedOrMoved) {
  const std::filesystem::path a = dir_ / "a";
  const std::filesystem::path b = dir_ / "b";
  {
    absl::StatusOr<OwnerOnlyFile> first = OwnerOnlyFile::Create(a, ExistingFile::kFail);
    ASSERT_TRUE(first.ok());
    first->stream() << "a";
    OwnerOnlyFile moved = *std::move(first);
    moved.stream() << "b";
    absl::StatusOr<OwnerOnlyFile> second = OwnerOnlyFile::Create(b, ExistingFile::kFail);
    ASSERT_TRUE(second.ok());
    second->stream() << "c";
    moved = *std::move(second);  // closes a, takes over b
    EXPECT_EQ(Read(a), "ab");
  }
  EXPECT_EQ(Read(b), "c");
}

TEST(ExistingFileTest, NamesRoundTrip) {
  for (const ExistingFile e : {ExistingFile::kFail, ExistingFile::kReplace}) {
    EXPECT_EQ(ParseExistingFile(ExistingFileName(e)), e);
  }
  EXPECT_EQ(ExistingFileName(ExistingFile::kReplace), "replace");
  EXPECT_EQ(ParseExistingFile("overwrite"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
