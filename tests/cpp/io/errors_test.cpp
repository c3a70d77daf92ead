#include "carelearn/io/errors.hpp"

#include <gtest/gtest.h>

#include <string>

#include "carelearn/io/json.hpp"

namespace carelearn {
namespace {

TEST(VersionMismatchTest, MarksAFailedPreconditionWithoutChangingIt) {
  const absl::Status plain = absl::FailedPreconditionError("the runner is finished");
  EXPECT_FALSE(IsVersionMismatch(plain));
  const absl::Status marked = MarkVersionMismatch(plain);
  EXPECT_TRUE(IsVersionMismatch(marked));
  EXPECT_EQ(marked.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(marked.message(), "the runner is finished");
  EXPECT_TRUE(MarkVersionMismatch(absl::OkStatus()).ok());
  const absl::Status made = VersionMismatchError("x.db: newer");
  EXPECT_TRUE(IsVersionMismatch(made));
  EXPECT_EQ(made.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(made.message(), "x.db: newer");
}

TEST(VersionMismatchTest, TheLoadersMarkAnotherKindOrANewerVersion) {
  const absl::Status newer = ParseFormat(R"({"carelearn": "format/2", "id": "x"})").status();
  EXPECT_EQ(newer.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(IsVersionMismatch(newer));
  EXPECT_TRUE(GetErrorLocation(newer).has_value());  // both payloads
  const absl::Status other = ParseFormat(R"({"carelearn": "variant/1", "id": "x"})").status();
  EXPECT_TRUE(IsVersionMismatch(other));
  const absl::Status bad = ParseFormat(R"({"carelearn": "format/1"})").status();
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(IsVersionMismatch(bad));
}

TEST(ErrorLocationTest, IsReadFromTheStatus) {
  const absl::Status s =
      ParseFormat("{\n  \"carelearn\": 1\n}", {.source_name = "f.json"}).status();
  const std::optional<ErrorLocation> at = GetErrorLocation(s);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->pointer, "/carelearn");
  EXPECT_EQ(at->line, 2);
  EXPECT_EQ(at->column, 16);
  EXPECT_FALSE(GetErrorLocation(absl::InvalidArgumentError("elsewhere")).has_value());
}

}  // namespace
}  // namespace carelearn
