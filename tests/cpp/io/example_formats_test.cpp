// The formats in examples/formats/, which show a municipality writing its own
// format and a variant of a built-in one, load, validate and diff as documented.
#include "carelearn/io/json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/diff.hpp"
#include "carelearn/plan/validate.hpp"

namespace carelearn {
namespace {

std::filesystem::path Example(std::string_view name) {
  return std::filesystem::path(CARELEARN_SOURCE_DIR) / "examples" / "formats" / name;
}

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool HasCode(const std::vector<Diagnostic>& found, std::string_view code) {
  for (const Diagnostic& d : found) {
    if (d.code == code) return true;
  }
  return false;
}

TEST(ExampleFormatsTest, TheShiftHuddleFitsTenInFifteenMinutes) {
  absl::StatusOr<Format> huddle = LoadFormat(Example("shift-handover-huddle.json"));
  ASSERT_TRUE(huddle.ok()) << huddle.status();
  EXPECT_EQ(ToJson(*huddle), Read(Example("shift-handover-huddle.json")));
  ValidationContext context;
  context.catalog = &BuiltinCatalog();
  EXPECT_FALSE(HasErrors(Validate(*huddle, context)));
  EXPECT_EQ(MaxParticipantsThatFit(*huddle, /*longest=*/true), 10);
  context.participants = 11;
  const std::vector<Diagnostic> crowded = Validate(*huddle, context);
  EXPECT_TRUE(HasCode(crowded, "capacity-exceeded"));
  EXPECT_TRUE(HasCode(crowded, "budget-overrun"));
}

TEST(ExampleFormatsTest, TheEveningVariantResolvesValidatesAndDiffs) {
  absl::StatusOr<Variant> evening = LoadVariant(Example("evening-shift-learning-meeting.json"));
  ASSERT_TRUE(evening.ok()) << evening.status();
  EXPECT_EQ(ToJson(*evening), Read(Example("evening-shift-learning-meeting.json")));

  Catalog catalog = BuiltinCatalog();
  ASSERT_TRUE(catalog.AddVariant(*evening).ok());
  const Format* derived = catalog.Find("evening-shift-learning-meeting");
  ASSERT_NE(derived, nullptr);
  ASSERT_EQ(derived->lineage.size(), 1u);
  EXPECT_EQ(derived->lineage[0], (FormatRef{"systematic-learning-meeting", 1}));
  EXPECT_EQ(derived->steps.size(), 4u);

  ValidationContext context;
  context.catalog = &catalog;
  EXPECT_FALSE(HasErrors(Validate(*derived, context)));
  EXPECT_EQ(MaxParticipantsThatFit(*derived, /*longest=*/true), 7);
  EXPECT_EQ(MaxParticipantsThatFit(*derived, /*longest=*/false), 8);

  const Format& base = *BuiltinCatalog().Find("systematic-learning-meeting");
  bool saw_budget = false;
  bool saw_removed = false;
  for (const Difference& d : Diff(base, *derived)) {
    if (d.path == "steps[learning-questions].budget") {
      saw_budget = true;
      EXPECT_EQ(d.before, "10 min");
      EXPECT_EQ(d.after, "6 min");
    }
    if (d.path == "steps[joint-reflection]") {
      saw_removed = true;
      EXPECT_EQ(d.kind, Difference::Kind::kRemoved);
    }
    if (d.path == "duration") {
      EXPECT_EQ(d.before, "30 min");
      EXPECT_EQ(d.after, "20 min");
    }
  }
  EXPECT_TRUE(saw_budget);
  EXPECT_TRUE(saw_removed);
}

TEST(ExampleFormatsTest, AVariantWithoutItsOutputsChangeWouldNotValidate) {
  // Removing the joint reflection leaves the base's declared organisational
  // actions produced by no step: the example therefore declares its own outputs.
  absl::StatusOr<Variant> evening = LoadVariant(Example("evening-shift-learning-meeting.json"));
  ASSERT_TRUE(evening.ok()) << evening.status();
  evening->outputs.reset();
  Catalog catalog = BuiltinCatalog();
  ASSERT_TRUE(catalog.AddVariant(*evening).ok());
  ValidationContext context;
  context.catalog = &catalog;
  EXPECT_TRUE(HasCode(Validate(*catalog.Find("evening-shift-learning-meeting"), context),
                      "output-not-produced"));
}

}  // namespace
}  // namespace carelearn
