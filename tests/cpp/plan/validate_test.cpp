#include "carelearn/plan/validate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "plan/test_formats.hpp"

namespace carelearn {
namespace {

using plan_test::LearningVisit;
using plan_test::MakeStep;
using plan_test::Seminar;
using plan_test::SystematicLearningMeeting;
using plan_test::TestCatalog;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

// The diagnostics with `code`.
std::vector<Diagnostic> WithCode(const std::vector<Diagnostic>& found, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : found) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

// The codes of `found`, in order.
std::vector<std::string> Codes(const std::vector<Diagnostic>& found) {
  std::vector<std::string> out;
  out.reserve(found.size());
  for (const Diagnostic& d : found) out.push_back(d.code);
  return out;
}

ValidationContext WithParticipants(int n) {
  ValidationContext ctx;
  ctx.participants = n;
  return ctx;
}

// A format that is valid on its own: one 10-minute step in 15 minutes.
Format Small(std::string id = "small") {
  Format f;
  f.id = std::move(id);
  f.title = {"Lille", "Small"};
  f.duration = TimeBudget::Fixed(15);
  f.steps = {MakeStep("talk", {"Snak", "Talk"}, TimeBudget::Fixed(10))};
  return f;
}

// A format whose only step is the format `target`.
Format StepIs(std::string id, std::string target) {
  Format f = Small(std::move(id));
  f.steps[0].budget = TimeBudget::Open();
  f.steps[0].format = FormatRef{std::move(target), std::nullopt};
  return f;
}

// ----- the systematic learning meeting --------------------------------------------------

TEST(MaxParticipantsThatFitTest, MeetingFitsEightAtLongestAndNineAtShortest) {
  const Format meeting = SystematicLearningMeeting();
  EXPECT_EQ(MaxParticipantsThatFit(meeting, /*longest=*/true), 8);
  EXPECT_EQ(MaxParticipantsThatFit(meeting, /*longest=*/false), 9);
}

TEST(MaxParticipantsThatFitTest, SkippedTurnsMakeRoomForOneMore) {
  Format meeting = SystematicLearningMeeting();
  meeting.steps[3].budget = meeting.steps[3].budget.Skipping(1);  // The case presenter passes.
  EXPECT_EQ(MaxParticipantsThatFit(meeting, true), 9);
  EXPECT_EQ(MaxParticipantsThatFit(meeting, false), 10);
}

TEST(MaxParticipantsThatFitTest, NoneWithoutDurationOrWithoutCountDependence) {
  Format open_ended = SystematicLearningMeeting();
  open_ended.duration.reset();
  EXPECT_EQ(MaxParticipantsThatFit(open_ended, true), std::nullopt);
  EXPECT_EQ(MaxParticipantsThatFit(Small(), true), std::nullopt);
}

TEST(MaxParticipantsThatFitTest, ZeroWhenTheOtherStepsAloneOverrun) {
  Format meeting = SystematicLearningMeeting();
  meeting.duration = TimeBudget::Fixed(20);
  EXPECT_EQ(MaxParticipantsThatFit(meeting, true), 0);
  EXPECT_EQ(MaxParticipantsThatFit(meeting, false), 0);
}

TEST(MaxParticipantsThatFitTest, WorkingDayScalesDayBudgets) {
  Format f = Small();
  f.duration = TimeBudget::Fixed(1, TimeUnit::kDay);
  f.steps = {MakeStep("round", {"Runde", "Round"}, TimeBudget::PerParticipant(60, 60))};
  EXPECT_EQ(MaxParticipantsThatFit(f, true), 7);                   // 444 min.
  EXPECT_EQ(MaxParticipantsThatFit(f, true, WorkingDay{480}), 8);  // 480 min.
}

TEST(ValidateTest, MeetingWithTwelveOverrunsByThreeToFourMinutes) {
  const std::vector<Diagnostic> found = Validate(SystematicLearningMeeting(), WithParticipants(12));
  const std::vector<Diagnostic> overrun = WithCode(found, "budget-overrun");
  ASSERT_THAT(overrun, SizeIs(1));
  EXPECT_EQ(overrun[0].severity, Severity::kError);
  EXPECT_EQ(overrun[0].path, "duration");
  EXPECT_EQ(overrun[0].message.en,
            "the steps take 33–34 min for 12 participants; 30 min are planned (3–4 min over)");
  EXPECT_EQ(overrun[0].message.da,
            "trinene tager 33–34 min for 12 deltagere; der er planlagt 30 min (3–4 min for meget)");
  EXPECT_EQ(found.front(), overrun[0]) << "errors come first";
  EXPECT_TRUE(HasErrors(found));
}

TEST(ValidateTest, MeetingWithEightHasNoOverrun) {
  const std::vector<Diagnostic> found = Validate(SystematicLearningMeeting(), WithParticipants(8));
  EXPECT_FALSE(HasErrors(found));
  EXPECT_THAT(Codes(found), ElementsAre("fits-at-most"));
}

TEST(ValidateTest, MeetingWithNineFitsOnlyAtTheShortestTimes) {
  const std::vector<Diagnostic> found = Validate(SystematicLearningMeeting(), WithParticipants(9));
  EXPECT_FALSE(HasErrors(found));
  const std::vector<Diagnostic> tight = WithCode(found, "budget-tight");
  ASSERT_THAT(tight, SizeIs(1));
  EXPECT_EQ(tight[0].severity, Severity::kWarning);
  EXPECT_EQ(tight[0].path, "duration");
  EXPECT_EQ(tight[0].message.en,
            "the steps take 30–31 min for 9 participants; 30 min are planned: they fit only if "
            "every step keeps to its shortest time (up to 1 min over)");
  EXPECT_EQ(tight[0].message.da,
            "trinene tager 30–31 min for 9 deltagere; der er planlagt 30 min: det kan kun nås, "
            "hvis hvert trin holder sig til sin korteste tid (op til 1 min for meget)");
}

TEST(ValidateTest, MeetingWithSixHasTimeToSpare) {
  const std::vector<Diagnostic> found = Validate(SystematicLearningMeeting(), WithParticipants(6));
  const std::vector<Diagnostic> under = WithCode(found, "budget-underrun");
  ASSERT_THAT(under, SizeIs(1));
  EXPECT_EQ(under[0].severity, Severity::kInfo);
  EXPECT_EQ(under[0].message.en,
            "the steps take 27–28 min for 6 participants; 30 min are planned (2–3 min to spare)");
  EXPECT_EQ(under[0].message.da,
            "trinene tager 27–28 min for 6 deltagere; der er planlagt 30 min (2–3 min til overs)");
}

TEST(ValidateTest, FitsAtMostSaysHowManyFit) {
  const std::vector<Diagnostic> fits =
      WithCode(Validate(SystematicLearningMeeting()), "fits-at-most");
  ASSERT_THAT(fits, SizeIs(1));
  EXPECT_EQ(fits[0].severity, Severity::kInfo);
  EXPECT_EQ(fits[0].path, "duration");
  EXPECT_EQ(fits[0].message.en,
            "at most 8 participants fit in the planned 30 min when every step takes its longest "
            "time (9 when every step takes its shortest)");
  EXPECT_EQ(fits[0].message.da,
            "der er tid til højst 8 deltagere inden for de planlagte 30 min, når hvert trin tager "
            "sin længste tid (9, når hvert trin tager sin korteste)");
  EXPECT_THAT(WithCode(Validate(Small()), "fits-at-most"), IsEmpty());
}

TEST(ValidateTest, EveryoneTakesATurnUnlessTheBudgetSkips) {
  Format meeting = SystematicLearningMeeting();
  EXPECT_THAT(WithCode(Validate(meeting, WithParticipants(12)), "budget-overrun")[0].message.en,
              HasSubstr("33–34 min"));
  meeting.steps[3].budget = meeting.steps[3].budget.Skipping(2);
  EXPECT_THAT(WithCode(Validate(meeting, WithParticipants(12)), "budget-overrun")[0].message.en,
              HasSubstr("31–32 min"));
}

TEST(ValidateTest, TheMeetingOnItsOwnIsClean) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  EXPECT_THAT(Codes(Validate(SystematicLearningMeeting(), ctx)), ElementsAre("fits-at-most"));
  EXPECT_THAT(Validate(LearningVisit(), ctx), IsEmpty());
  EXPECT_THAT(Validate(Seminar(), ctx), IsEmpty());
}

TEST(ValidateTest, WithoutACountTheFewestPeopleAreChecked) {
  Format meeting = SystematicLearningMeeting();
  meeting.capacity.min = 10;
  const std::vector<Diagnostic> overrun = WithCode(Validate(meeting), "budget-overrun");
  ASSERT_THAT(overrun, SizeIs(1));
  EXPECT_EQ(overrun[0].message.en,
            "the steps take 31–32 min for 10 participants, the fewest the format is for; 30 min "
            "are planned (1–2 min over)");
}

TEST(ValidateTest, OverrunWithoutCountDependenceNamesNoCount) {
  Format f = Small();
  f.duration = TimeBudget::Fixed(5);
  const std::vector<Diagnostic> overrun = WithCode(Validate(f), "budget-overrun");
  ASSERT_THAT(overrun, SizeIs(1));
  EXPECT_EQ(overrun[0].message.en, "the steps take 10 min; 5 min are planned (5 min over)");
}

TEST(ValidateTest, DayDurationsAreShownInDaysAndMinutes) {
  Format f = Small();
  f.duration = TimeBudget::Range(0.5, 1, TimeUnit::kDay);
  f.steps[0].budget = TimeBudget::Fixed(500);
  const std::vector<Diagnostic> overrun = WithCode(Validate(f), "budget-overrun");
  ASSERT_THAT(overrun, SizeIs(1));
  EXPECT_EQ(overrun[0].message.en,
            "the steps take 500 min; ½–1 day = 222–444 min is planned (56 min over)");
  EXPECT_EQ(overrun[0].message.da,
            "trinene tager 500 min; der er planlagt ½–1 dag = 222–444 min (56 min for meget)");
}

// ----- roles ----------------------------------------------------------------------------

TEST(ValidateTest, MissingFacilitatorIsAnError) {
  ValidationContext ctx;
  ctx.roles_present = {{"case-presenter", 1}, {"colleague", 10}};
  const std::vector<Diagnostic> found = Validate(SystematicLearningMeeting(), ctx);
  const std::vector<Diagnostic> missing = WithCode(found, "missing-role");
  ASSERT_THAT(missing, SizeIs(1));
  EXPECT_EQ(missing[0].severity, Severity::kError);
  EXPECT_EQ(missing[0].path, "roles[0]");
  EXPECT_EQ(missing[0].message.en,
            "the format needs at least 1 × Facilitator; 0 present (1 missing)");
  EXPECT_EQ(missing[0].message.da,
            "formatet kræver mindst 1 × Facilitator; 0 til stede (1 mangler)");
}

TEST(ValidateTest, AllRolesPresentIsFine) {
  ValidationContext ctx;
  ctx.roles_present = {{"facilitator", 1}, {"case-presenter", 1}, {"colleague", 10}};
  EXPECT_THAT(WithCode(Validate(SystematicLearningMeeting(), ctx), "missing-role"), IsEmpty());
  EXPECT_THAT(WithCode(Validate(SystematicLearningMeeting(), ctx), "too-many-of-role"), IsEmpty());
}

TEST(ValidateTest, RoleNamesComeFromTheFormatsOwnRoles) {
  Format f = Small();
  f.defined_roles = {{"night-nurse", {"Nattesygeplejerske", "Night nurse"}, {}}};
  f.roles = {{"night-nurse", 2, std::nullopt}};
  ValidationContext ctx;
  ctx.roles_present = {{"night-nurse", 1}};
  const std::vector<Diagnostic> missing = WithCode(Validate(f, ctx), "missing-role");
  ASSERT_THAT(missing, SizeIs(1));
  EXPECT_EQ(missing[0].message.da,
            "formatet kræver mindst 2 × Nattesygeplejerske; 1 til stede (1 mangler)");
}

TEST(ValidateTest, TooManyOfARoleIsAWarning) {
  ValidationContext ctx;
  ctx.roles_present = {{"facilitator", 2}, {"case-presenter", 1}, {"colleague", 10}};
  const std::vector<Diagnostic> found =
      WithCode(Validate(SystematicLearningMeeting(), ctx), "too-many-of-role");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].path, "roles[0]");
  EXPECT_EQ(found[0].message.en,
            "the format allows at most 1 × Facilitator; 2 present (1 too many)");
}

TEST(ValidateTest, FacilitatorPrerequisiteNeedsAFacilitatorRole) {
  Format meeting = SystematicLearningMeeting();
  EXPECT_THAT(WithCode(Validate(meeting), "facilitator-prerequisite-without-role"), IsEmpty());
  meeting.roles.erase(meeting.roles.begin());
  const std::vector<Diagnostic> found =
      WithCode(Validate(meeting), "facilitator-prerequisite-without-role");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].path, "prerequisites[1]");
}

TEST(ValidateTest, UnknownRolesAreErrors) {
  Format f = Small();
  EXPECT_THAT(WithCode(Validate(f), "unknown-role"), IsEmpty());
  f.roles = {{"facilitatr", 1, 1}};
  f.steps[0].lead = "case-presentr";
  f.steps[0].prompts = {{"q", {"Hvad?", "What?"}, "learning-agnt"}};
  const std::vector<Diagnostic> found = WithCode(Validate(f), "unknown-role");
  ASSERT_THAT(found, SizeIs(3));
  EXPECT_EQ(found[0].path, "roles[0].role");
  EXPECT_EQ(found[0].message.en,
            "the role \"facilitatr\" is neither built in nor defined by the format");
  EXPECT_EQ(found[1].path, "steps[0].lead");
  EXPECT_EQ(found[2].path, "steps[0].prompts[0].audience");
  f.defined_roles = {{"facilitatr", {"F", "F"}, {}}};
  EXPECT_THAT(WithCode(Validate(f), "unknown-role"), SizeIs(2));
}

// ----- capacity -------------------------------------------------------------------------

TEST(ValidateTest, SeminarForAHundredRejectsAHundredAndOne) {
  EXPECT_THAT(WithCode(Validate(Seminar(), WithParticipants(100)), "capacity-exceeded"), IsEmpty());
  const std::vector<Diagnostic> found =
      WithCode(Validate(Seminar(), WithParticipants(101)), "capacity-exceeded");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].path, "capacity");
  EXPECT_EQ(found[0].message.en, "101 participants; the format is for at most 100 (1 too many)");
  EXPECT_EQ(found[0].message.da, "101 deltagere; formatet er for højst 100 (1 for mange)");
}

TEST(ValidateTest, FewerThanTheMinimumIsAnError) {
  EXPECT_THAT(
      WithCode(Validate(SystematicLearningMeeting(), WithParticipants(2)), "below-capacity"),
      IsEmpty());
  const std::vector<Diagnostic> found =
      WithCode(Validate(SystematicLearningMeeting(), WithParticipants(1)), "below-capacity");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].path, "capacity");
  EXPECT_EQ(found[0].message.en, "1 participant; the format is for at least 2 (1 too few)");
  EXPECT_EQ(found[0].message.da, "1 deltager; formatet er for mindst 2 (1 for få)");
}

TEST(ValidateTest, InvertedCapacity) {
  Format f = Seminar();
  EXPECT_THAT(WithCode(Validate(f), "inverted-capacity"), IsEmpty());
  f.capacity = {120, 100, std::nullopt};
  const std::vector<Diagnostic> found = WithCode(Validate(f), "inverted-capacity");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].path, "capacity");
  EXPECT_EQ(found[0].message.en,
            "the format is for at least 120 and at most 100 participants: the minimum is 20 above "
            "the maximum");
}

TEST(ValidateTest, NegativeCountsAndInvertedRoleAndOutputRanges) {
  Format f = SystematicLearningMeeting();
  EXPECT_THAT(WithCode(Validate(f), "negative-count"), IsEmpty());
  EXPECT_THAT(WithCode(Validate(f), "inverted-range"), IsEmpty());
  f.roles[1].min = -1;
  f.outputs[0] = {OutputKind::kLearningPoint, 3, 1, "", {}};
  f.capacity.min = -2;
  const std::vector<Diagnostic> negative = WithCode(Validate(f), "negative-count");
  ASSERT_THAT(negative, SizeIs(2));
  EXPECT_EQ(negative[0].path, "roles[1]");
  EXPECT_EQ(negative[0].message.en,
            "the role \"case-presenter\" has the count -1; a count cannot be negative");
  EXPECT_EQ(negative[1].path, "capacity");
  const std::vector<Diagnostic> inverted = WithCode(Validate(f), "inverted-range");
  ASSERT_THAT(inverted, SizeIs(1));
  EXPECT_EQ(inverted[0].path, "outputs[0]");
  EXPECT_EQ(inverted[0].message.en,
            "the output \"learning-point\" runs from at least 3 to at most 1: the minimum is 2 "
            "above the maximum");
}

// ----- steps and budgets ----------------------------------------------------------------

TEST(ValidateTest, NoStepsAndNoComponents) {
  Format f = Small();
  EXPECT_THAT(WithCode(Validate(f), "no-steps"), IsEmpty());
  f.steps.clear();
  const std::vector<Diagnostic> found = WithCode(Validate(f), "no-steps");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(Codes(Validate(SystematicLearningMeeting())), ElementsAre("fits-at-most"));
  Format empty_meeting = SystematicLearningMeeting();
  empty_meeting.steps.clear();
  EXPECT_THAT(Codes(Validate(empty_meeting)), ElementsAre("no-steps"))
      << "no time or output findings about steps that are not there";
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].path, "steps");
  f.components = {{{"small", std::nullopt}, std::nullopt, {}}};
  EXPECT_THAT(WithCode(Validate(f), "no-steps"), IsEmpty()) << "a programme has components";
}

TEST(ValidateTest, DuplicateAndEmptyStepIds) {
  Format f = SystematicLearningMeeting();
  EXPECT_THAT(WithCode(Validate(f), "duplicate-step-id"), IsEmpty());
  EXPECT_THAT(WithCode(Validate(f), "empty-step-id"), IsEmpty());
  f.steps[3].id = "case";
  f.steps[4].id = "";
  const std::vector<Diagnostic> dup = WithCode(Validate(f), "duplicate-step-id");
  ASSERT_THAT(dup, SizeIs(1));
  EXPECT_EQ(dup[0].path, "steps[3].id");
  EXPECT_EQ(dup[0].message.en,
            "the step id \"case\" is also used by steps[0]; step ids must be unique within a "
            "format");
  const std::vector<Diagnostic> empty = WithCode(Validate(f), "empty-step-id");
  ASSERT_THAT(empty, SizeIs(1));
  EXPECT_EQ(empty[0].path, "steps[4].id");
}

TEST(ValidateTest, ZeroAndNegativeBudgets) {
  Format f = SystematicLearningMeeting();
  f.steps[2].budget = TimeBudget::Range(0, 2);  // May be skipped: fine.
  EXPECT_THAT(WithCode(Validate(f), "non-positive-budget"), IsEmpty());
  f.steps[0].budget = TimeBudget::Fixed(0);
  f.steps[4].budget = TimeBudget::Fixed(-5);
  f.duration = TimeBudget::Fixed(0);
  const std::vector<Diagnostic> found = WithCode(Validate(f), "non-positive-budget");
  ASSERT_THAT(found, SizeIs(3));
  EXPECT_EQ(found[0].path, "duration");
  EXPECT_EQ(found[0].message.en,
            "the planned duration is 0 min; give a positive duration, or none for an open-ended "
            "format");
  EXPECT_EQ(found[1].path, "steps[0].budget");
  EXPECT_EQ(found[2].path, "steps[4].budget");
  EXPECT_EQ(found[2].message.en,
            "the step's budget is -5 min; a step needs some time, or an open budget that shares "
            "the format's time");
  EXPECT_EQ(found[2].message.da,
            "trinets budget er -5 min; et trin skal have tid, eller et åbent budget, der deler "
            "formatets tid");
}

TEST(ValidateTest, InvertedRange) {
  Format f = SystematicLearningMeeting();
  f.steps[2].budget = TimeBudget::Range(5, 2);
  const std::vector<Diagnostic> found = WithCode(Validate(f), "inverted-range");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].path, "steps[2].budget");
  EXPECT_EQ(found[0].message.en,
            "the budget runs from 5 min down to 2 min: its shortest time is 3 min longer than its "
            "longest");
  f.duration = TimeBudget::Range(1, 0.5, TimeUnit::kDay);
  EXPECT_THAT(WithCode(Validate(f), "inverted-range"), SizeIs(2));
  EXPECT_EQ(WithCode(Validate(f), "inverted-range")[0].message.da,
            "budgettet går fra 1 dag ned til ½ dag: den korteste tid er ½ dag længere end den "
            "længste");
}

TEST(ValidateTest, NegativeSkip) {
  Format f = SystematicLearningMeeting();
  f.steps[3].budget = f.steps[3].budget.Skipping(1);
  EXPECT_THAT(WithCode(Validate(f), "negative-skip"), IsEmpty());
  f.steps[3].budget = f.steps[3].budget.Skipping(-1);
  const std::vector<Diagnostic> found = WithCode(Validate(f), "negative-skip");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].path, "steps[3].budget");
}

TEST(ValidateTest, NonFiniteBudgetsAreReportedNotCrashedOn) {
  Format f = SystematicLearningMeeting();
  EXPECT_THAT(WithCode(Validate(f), "non-finite-budget"), IsEmpty());
  f.steps[0].budget = TimeBudget::Fixed(std::numeric_limits<double>::quiet_NaN());
  f.steps[1].budget = TimeBudget::Range(1, std::numeric_limits<double>::infinity());
  const std::vector<Diagnostic> found = Validate(f, WithParticipants(12));
  const std::vector<Diagnostic> bad = WithCode(found, "non-finite-budget");
  ASSERT_THAT(bad, SizeIs(2));
  EXPECT_EQ(bad[0].path, "steps[0].budget");
  EXPECT_EQ(bad[1].path, "steps[1].budget");
  EXPECT_EQ(bad[1].message.en, "the budget 1–∞ min is not a finite number");
  EXPECT_THAT(Codes(found), ElementsAre("non-finite-budget", "non-finite-budget"))
      << "no time findings from totals that cannot be trusted";
}

TEST(ValidateTest, DuplicatePromptIds) {
  Format f = Small();
  f.steps[0].prompts = {{"a", {"A?", "A?"}, ""}, {"b", {"B?", "B?"}, ""}};
  EXPECT_THAT(WithCode(Validate(f), "duplicate-prompt-id"), IsEmpty());
  f.steps[0].prompts.push_back({"a", {"C?", "C?"}, ""});
  const std::vector<Diagnostic> found = WithCode(Validate(f), "duplicate-prompt-id");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].path, "steps[0].prompts[2].id");
}

// ----- open budgets ---------------------------------------------------------------------

TEST(ValidateTest, OpenStepsWithoutDurationGetNoTime) {
  Format f = Small();
  f.steps.push_back(MakeStep("open", {"Åben", "Open"}, TimeBudget::Open()));
  EXPECT_THAT(WithCode(Validate(f), "open-budget-without-duration"), IsEmpty());
  f.duration.reset();
  const std::vector<Diagnostic> found = WithCode(Validate(f), "open-budget-without-duration");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].path, "steps[1].budget");
  EXPECT_FALSE(HasErrors(Validate(f)));
}

TEST(ValidateTest, OpenStepsSqueezedOutByTheOthers) {
  Format f = Small();
  f.steps.push_back(MakeStep("open", {"Åben", "Open"}, TimeBudget::Open()));
  EXPECT_THAT(WithCode(Validate(f), "open-budget-squeezed"), IsEmpty());
  EXPECT_THAT(WithCode(Validate(f), "budget-underrun"), IsEmpty()) << "the open step fills it";
  f.duration = TimeBudget::Fixed(10);
  const std::vector<Diagnostic> found = WithCode(Validate(f), "open-budget-squeezed");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].path, "duration");
  EXPECT_EQ(found[0].message.en,
            "the other steps take 10 min of the planned 10 min, leaving no time for the open "
            "step \"open\"");
}

// ----- references -----------------------------------------------------------------------

TEST(ValidateTest, UnresolvedStepFormat) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  EXPECT_THAT(WithCode(Validate(LearningVisit(), ctx), "unresolved-reference"), IsEmpty());
  Format visit = LearningVisit();
  visit.steps[2].format = FormatRef{"learning-visit-meting", 1};
  const std::vector<Diagnostic> found = WithCode(Validate(visit, ctx), "unresolved-reference");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].path, "steps[2].format");
  EXPECT_EQ(found[0].message.en,
            "the step is the format \"learning-visit-meting\" version 1, which is not in the "
            "catalog");
  EXPECT_EQ(found[0].message.da,
            "trinet er formatet \"learning-visit-meting\" version 1, som ikke findes i kataloget");
  EXPECT_THAT(WithCode(Validate(visit), "unresolved-reference"), IsEmpty())
      << "no catalog, no reference checks";
}

TEST(ValidateTest, UnresolvedComponent) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  Format programme;
  programme.id = "programme";
  programme.components = {{{"systematic-learning-meeting", std::nullopt}, std::nullopt, {}},
                          {{"learning-visit", 1}, std::nullopt, {}}};
  EXPECT_THAT(Validate(programme, ctx), IsEmpty());
  programme.components.push_back({{"no-such-format", std::nullopt}, std::nullopt, {}});
  const std::vector<Diagnostic> found = WithCode(Validate(programme, ctx), "unresolved-reference");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].path, "components[2].format");
  EXPECT_EQ(found[0].message.en,
            "the component is the format \"no-such-format\", which is not in the catalog");
}

TEST(ValidateTest, UnknownQuestionSet) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  EXPECT_THAT(WithCode(Validate(SystematicLearningMeeting(), ctx), "unknown-question-set"),
              IsEmpty());
  const Catalog empty;
  ctx.catalog = &empty;
  const std::vector<Diagnostic> found =
      WithCode(Validate(SystematicLearningMeeting(), ctx), "unknown-question-set");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].path, "steps[1].question_sets[0]");
  EXPECT_EQ(found[0].message.en, "the question set \"learning-questions\" is not in the catalog");
}

TEST(ValidateTest, TwoFormatsThatAreEachOthersStep) {
  Catalog catalog;
  ASSERT_TRUE(catalog.Add(StepIs("a", "b")).ok());
  ASSERT_TRUE(catalog.Add(StepIs("b", "a")).ok());
  ValidationContext ctx;
  ctx.catalog = &catalog;
  const std::vector<Diagnostic> found =
      WithCode(Validate(*catalog.Find("a"), ctx), "reference-cycle");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].path, "steps[0].format");
  EXPECT_EQ(found[0].message.en,
            "the formats refer to each other in a cycle: a → b → a; a format cannot contain "
            "itself");
  EXPECT_EQ(found[0].message.da,
            "formaterne henviser til hinanden i ring: a → b → a; et format kan ikke indeholde sig "
            "selv");
}

TEST(ValidateTest, LongerCycleThroughComponentsIsSpeltOutOnce) {
  Catalog catalog;
  Format a = Small("a");
  a.components = {{{"b", std::nullopt}, std::nullopt, {}}};
  a.steps.push_back(StepIs("x", "b").steps[0]);
  a.steps.back().id = "again";
  ASSERT_TRUE(catalog.Add(a).ok());
  ASSERT_TRUE(catalog.Add(StepIs("b", "c")).ok());
  Format c = Small("c");
  c.components = {{{"d", std::nullopt}, std::nullopt, {}}};
  ASSERT_TRUE(catalog.Add(c).ok());
  Format d = Small("d");
  d.components = {{{"a", std::nullopt}, std::nullopt, {}}};
  ASSERT_TRUE(catalog.Add(d).ok());
  ValidationContext ctx;
  ctx.catalog = &catalog;
  const std::vector<Diagnostic> found = WithCode(Validate(a, ctx), "reference-cycle");
  ASSERT_THAT(found, SizeIs(1)) << "a reaches b twice; the cycle is one";
  EXPECT_EQ(found[0].path, "steps[1].format");
  EXPECT_THAT(found[0].message.en, HasSubstr("a → b → c → d → a"));
}

TEST(ValidateTest, CycleFurtherDownIsReportedAtTheWayIn) {
  Catalog catalog;
  ASSERT_TRUE(catalog.Add(StepIs("a", "b")).ok());
  ASSERT_TRUE(catalog.Add(StepIs("b", "c")).ok());
  ASSERT_TRUE(catalog.Add(StepIs("c", "b")).ok());
  ValidationContext ctx;
  ctx.catalog = &catalog;
  const std::vector<Diagnostic> found =
      WithCode(Validate(*catalog.Find("a"), ctx), "reference-cycle");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].path, "steps[0].format");
  EXPECT_THAT(found[0].message.en, HasSubstr("b → c → b"));
}

TEST(ValidateTest, AFormatThatIsItsOwnStepWithoutACatalog) {
  const std::vector<Diagnostic> found = WithCode(Validate(StepIs("a", "a")), "reference-cycle");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(found[0].message.en, HasSubstr("a → a"));
}

TEST(ValidateTest, NoCycleInTheLearningVisit) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  EXPECT_THAT(WithCode(Validate(LearningVisit(), ctx), "reference-cycle"), IsEmpty());
}

TEST(ValidateTest, SubFormatThatDoesNotFitItsStep) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  ctx.participants = 2;
  Format visit = LearningVisit();
  EXPECT_THAT(WithCode(Validate(visit, ctx), "sub-format-overrun"), IsEmpty());
  visit.steps[2].budget = TimeBudget::Fixed(30);
  const std::vector<Diagnostic> found = WithCode(Validate(visit, ctx), "sub-format-overrun");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].path, "steps[2].format");
  EXPECT_EQ(found[0].message.en,
            "the format \"learning-visit-meeting\" takes 45 min; the step gives it 30 min (15 min "
            "over)");
}

// ----- outputs --------------------------------------------------------------------------

TEST(ValidateTest, OutputThatNoStepProduces) {
  Format meeting = SystematicLearningMeeting();
  EXPECT_THAT(WithCode(Validate(meeting), "output-not-produced"), IsEmpty());
  meeting.steps[4].produces.clear();
  const std::vector<Diagnostic> found = WithCode(Validate(meeting), "output-not-produced");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].path, "outputs[1]");
  EXPECT_EQ(found[0].message.en,
            "the format promises organisational actions, but no step produces them");
  EXPECT_EQ(found[0].message.da,
            "formatet lover organisatoriske tiltag, men intet trin frembringer dem");
}

TEST(ValidateTest, OutputProducedThroughASubFormat) {
  const Catalog catalog = TestCatalog();
  ValidationContext ctx;
  ctx.catalog = &catalog;
  EXPECT_THAT(WithCode(Validate(LearningVisit(), ctx), "output-not-produced"), IsEmpty());
  EXPECT_THAT(WithCode(Validate(LearningVisit()), "output-not-produced"), IsEmpty())
      << "without a catalog the sub-format might produce it";
  Format visit = LearningVisit();
  visit.outputs.push_back({OutputKind::kFeedback, 1, std::nullopt, "", {}});
  const std::vector<Diagnostic> found = WithCode(Validate(visit, ctx), "output-not-produced");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0].path, "outputs[1]");
}

// ----- robustness -----------------------------------------------------------------------

TEST(ValidateTest, ExtremeCountsDoNotCrash) {
  for (const int n : {std::numeric_limits<int>::min(), -1, 0, std::numeric_limits<int>::max()}) {
    const std::vector<Diagnostic> found =
        Validate(SystematicLearningMeeting(), WithParticipants(n));
    EXPECT_TRUE(HasErrors(found)) << n;
  }
  Format huge = SystematicLearningMeeting();
  huge.duration = TimeBudget::Fixed(1e300);
  huge.steps[0].budget = TimeBudget::Fixed(-1e300);
  EXPECT_THAT(Validate(huge, WithParticipants(5)), Not(IsEmpty()));
}

TEST(ValidateTest, ErrorsComeFirstThenWarningsThenInfo) {
  Format meeting = SystematicLearningMeeting();
  meeting.steps[4].produces.clear();  // warning
  const std::vector<Diagnostic> found = Validate(meeting, WithParticipants(12));
  ASSERT_THAT(found, SizeIs(3));
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[1].severity, Severity::kWarning);
  EXPECT_EQ(found[2].severity, Severity::kInfo);
}

}  // namespace
}  // namespace carelearn
