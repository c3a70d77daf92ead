#include "carelearn/model/variant.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/diff.hpp"

namespace carelearn {
namespace {

using ::testing::HasSubstr;

Step MakeStep(std::string id, TimeBudget budget) {
  Step s;
  s.id = std::move(id);
  s.title = {s.id + " (da)", s.id + " (en)"};
  s.budget = budget;
  return s;
}

Format Meeting() {
  Format f;
  f.id = "meeting";
  f.version = 2;
  f.title = {"Møde", "Meeting"};
  f.duration = TimeBudget::Fixed(30);
  f.steps = {MakeStep("case", TimeBudget::Fixed(5)), MakeStep("questions", TimeBudget::Fixed(10)),
             MakeStep("round", TimeBudget::PerParticipant(1, 1).About()),
             MakeStep("joint", TimeBudget::Fixed(5))};
  return f;
}

Variant Evening() {
  Variant v;
  v.id = "evening-meeting";
  v.extends = {"meeting", 2};
  v.duration = TimeBudget::Fixed(20);
  v.changes = {StepChange::Remove("joint"),
               StepChange::SetBudget("questions", TimeBudget::Fixed(6)),
               StepChange::Add(MakeStep("check-in", TimeBudget::Fixed(2)))};
  return v;
}

TEST(ApplyVariantTest, AppliesChangesInOrderAndKeepsTheLineage) {
  absl::StatusOr<Format> f = ApplyVariant(Meeting(), Evening());
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->id, "evening-meeting");
  EXPECT_EQ(f->version, 1);
  EXPECT_EQ(f->title, Meeting().title);
  EXPECT_EQ(f->duration, TimeBudget::Fixed(20));
  ASSERT_EQ(f->steps.size(), 4u);
  EXPECT_EQ(f->steps[0].id, "check-in");
  EXPECT_EQ(f->steps[1].id, "case");
  EXPECT_EQ(f->steps[2].budget, TimeBudget::Fixed(6));
  EXPECT_EQ(f->steps[3].id, "round");
  ASSERT_EQ(f->lineage.size(), 1u);
  EXPECT_EQ(f->lineage[0], (FormatRef{"meeting", 2}));
}

TEST(ApplyVariantTest, ReplaceAndSetPromptsAndAddAfter) {
  Variant v = Evening();
  v.changes = {StepChange::Replace("case", MakeStep("story", TimeBudget::Fixed(4))),
               StepChange::SetPrompts("round", {Prompt{"p1", {"Hvad?", "What?"}, ""}}),
               StepChange::Add(MakeStep("pause", TimeBudget::Fixed(1)), "story")};
  absl::StatusOr<Format> f = ApplyVariant(Meeting(), v);
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->steps[0].id, "story");
  EXPECT_EQ(f->steps[1].id, "pause");
  ASSERT_EQ(f->FindStep("round")->prompts.size(), 1u);
  EXPECT_EQ(f->FindStep("round")->prompts[0].id, "p1");
}

TEST(ApplyVariantTest, AVariantOfAVariantKeepsTheWholeLineage) {
  absl::StatusOr<Format> evening = ApplyVariant(Meeting(), Evening());
  ASSERT_TRUE(evening.ok());
  Variant night;
  night.id = "night-meeting";
  night.extends = {"evening-meeting", 1};
  absl::StatusOr<Format> f = ApplyVariant(*evening, night);
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->lineage, (std::vector<FormatRef>{{"meeting", 2}, {"evening-meeting", 1}}));
}

TEST(ApplyVariantTest, UnknownStepIsAnErrorNamingTheChange) {
  Variant v = Evening();
  v.changes = {StepChange::SetBudget("questions", TimeBudget::Fixed(6)),
               StepChange::Remove("closing")};
  absl::StatusOr<Format> f = ApplyVariant(Meeting(), v);
  ASSERT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(f.status().message(),
            "variant \"evening-meeting\": changes[1]: remove: the format has no step \"closing\"");
}

TEST(ApplyVariantTest, AddingATakenIdIsAnError) {
  Variant v = Evening();
  v.changes = {StepChange::Add(MakeStep("round", TimeBudget::Fixed(1)))};
  absl::StatusOr<Format> f = ApplyVariant(Meeting(), v);
  EXPECT_THAT(f.status().message(),
              HasSubstr("changes[0]: add: the format already has a step \"round\""));
}

TEST(ApplyVariantTest, ChangesWithoutTheirValueAreErrors) {
  Variant v = Evening();
  v.changes = {StepChange{StepChange::Op::kSetBudget, "case", std::nullopt, std::nullopt, {}}};
  EXPECT_THAT(ApplyVariant(Meeting(), v).status().message(),
              HasSubstr("changes[0]: set-budget: no budget given"));
  v.changes = {StepChange{StepChange::Op::kReplace, "case", std::nullopt, std::nullopt, {}}};
  EXPECT_THAT(ApplyVariant(Meeting(), v).status().message(),
              HasSubstr("changes[0]: replace: no step to put in"));
}

TEST(ApplyVariantTest, WrongBaseIsAnError) {
  Variant v = Evening();
  v.extends = {"meeting", 1};
  absl::StatusOr<Format> f = ApplyVariant(Meeting(), v);
  ASSERT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(f.status().message(),
            "variant \"evening-meeting\" extends \"meeting\" version 1, not \"meeting\" version 2");
  v.extends = {"meeting", std::nullopt};
  v.id = "meeting";
  EXPECT_THAT(ApplyVariant(Meeting(), v).status().message(), HasSubstr("has the id of its base"));
}

TEST(DiffTest, EqualFormatsHaveNoDifferences) { EXPECT_TRUE(Diff(Meeting(), Meeting()).empty()); }

TEST(DiffTest, ReportsWhatTheVariantChangedStepByStep) {
  absl::StatusOr<Format> evening = ApplyVariant(Meeting(), Evening());
  ASSERT_TRUE(evening.ok());
  const std::vector<Difference> d = Diff(Meeting(), *evening);
  const std::vector<Difference> expected = {
      {Difference::Kind::kChanged, "id", "meeting", "evening-meeting"},
      {Difference::Kind::kChanged, "version", "2", "1"},
      {Difference::Kind::kChanged, "duration", "30 min", "20 min"},
      {Difference::Kind::kChanged, "lineage", "", "meeting v2"},
      {Difference::Kind::kAdded, "steps[check-in]", "", "check-in (da) / check-in (en) (2 min)"},
      {Difference::Kind::kChanged, "steps[questions].budget", "10 min", "6 min"},
      {Difference::Kind::kRemoved, "steps[joint]", "joint (da) / joint (en) (5 min)", ""},
  };
  EXPECT_EQ(d, expected);
}

TEST(DiffTest, AMovedStepShowsItsNewPosition) {
  Format moved = Meeting();
  std::swap(moved.steps[0], moved.steps[1]);
  const std::vector<Difference> d = Diff(Meeting(), moved);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], (Difference{Difference::Kind::kChanged, "steps[questions].position", "2", "1"}));
  EXPECT_EQ(d[1], (Difference{Difference::Kind::kChanged, "steps[case].position", "1", "2"}));
}

TEST(DescribeBudgetTest, ReadsAsInTheSources) {
  EXPECT_EQ(DescribeBudget(TimeBudget::Fixed(5)), "5 min");
  EXPECT_EQ(DescribeBudget(TimeBudget::Range(1, 2)), "1–2 min");
  EXPECT_EQ(DescribeBudget(TimeBudget::PerParticipant(1, 1).About()), "ca. 1 min each");
  EXPECT_EQ(DescribeBudget(TimeBudget::Range(0.5, 1, TimeUnit::kDay)), "½–1 day");
  EXPECT_EQ(DescribeBudget(TimeBudget::Open()), "open");
}

TEST(CatalogTest, FindsByIdAndVersionAndTheNewest) {
  Catalog c;
  Format v1 = Meeting();
  v1.version = 1;
  ASSERT_TRUE(c.Add(v1).ok());
  ASSERT_TRUE(c.Add(Meeting()).ok());
  Format other = Meeting();
  other.id = "meeting-plus";
  ASSERT_TRUE(c.Add(other).ok());
  EXPECT_EQ(c.size(), 3u);
  ASSERT_NE(c.Find("meeting"), nullptr);
  EXPECT_EQ(c.Find("meeting")->version, 2);
  EXPECT_EQ(c.Find("meeting", 1)->version, 1);
  EXPECT_EQ(c.Find("meeting", 3), nullptr);
  EXPECT_EQ(c.Find("meet"), nullptr);
  EXPECT_EQ(c.Find(FormatRef{"meeting-plus", std::nullopt})->id, "meeting-plus");
  const auto all = c.formats();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]->version, 1);
  EXPECT_EQ(all[2]->id, "meeting-plus");
}

TEST(CatalogTest, RejectsDuplicatesAndBadIds) {
  Catalog c;
  ASSERT_TRUE(c.Add(Meeting()).ok());
  absl::Status again = c.Add(Meeting());
  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(again.message(), "catalog: format \"meeting\" version 2 is already in the catalog");
  Format nameless = Meeting();
  nameless.id.clear();
  EXPECT_EQ(c.Add(nameless).code(), absl::StatusCode::kInvalidArgument);
  Format zero = Meeting();
  zero.version = 0;
  EXPECT_EQ(c.Add(zero).message(),
            "catalog: format \"meeting\" has version 0; versions start at 1");
}

TEST(CatalogTest, AddVariantResolvesAgainstTheBase) {
  Catalog c;
  ASSERT_TRUE(c.Add(Meeting()).ok());
  ASSERT_TRUE(c.AddVariant(Evening()).ok());
  ASSERT_NE(c.Find("evening-meeting"), nullptr);
  EXPECT_EQ(c.Find("evening-meeting")->steps.size(), 4u);
  Variant orphan = Evening();
  orphan.extends = {"missing", 1};
  absl::Status s = c.AddVariant(orphan);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(),
            "catalog: variant \"evening-meeting\" extends \"missing\" version 1, which is not in "
            "the catalog");
}

TEST(CatalogTest, QuestionSets) {
  Catalog c;
  QuestionSet q{"aar", 1, {"AAR", "AAR"}, {}, {Prompt{"planned", {"Hvad?", "What?"}, ""}}};
  ASSERT_TRUE(c.Add(q).ok());
  EXPECT_EQ(c.Add(q).code(), absl::StatusCode::kAlreadyExists);
  ASSERT_NE(c.FindQuestionSet("aar"), nullptr);
  EXPECT_EQ(c.FindQuestionSet("aar")->prompts.size(), 1u);
  EXPECT_EQ(c.FindQuestionSet("aar", 2), nullptr);
  EXPECT_EQ(c.question_sets().size(), 1u);
}

TEST(DifferenceKindTest, NamesRoundTrip) {
  for (const Difference::Kind k :
       {Difference::Kind::kAdded, Difference::Kind::kRemoved, Difference::Kind::kChanged}) {
    EXPECT_EQ(ParseDifferenceKind(DifferenceKindName(k)), k);
  }
  EXPECT_EQ(ParseDifferenceKind("moved"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
