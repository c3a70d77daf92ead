#include "carelearn/plan/agenda.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/plan/validate.hpp"
#include "plan/test_formats.hpp"

namespace carelearn {
namespace {

using plan_test::LearningQuestions;
using plan_test::LearningVisit;
using plan_test::MakeStep;
using plan_test::Seminar;
using plan_test::SystematicLearningMeeting;
using plan_test::TestCatalog;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr absl::CivilMinute kStart(2026, 3, 4, 14, 0);

absl::CivilMinute At(int hour, int minute) { return absl::CivilMinute(2026, 3, 4, hour, minute); }

std::vector<std::string> Codes(const std::vector<Diagnostic>& found) {
  std::vector<std::string> out;
  out.reserve(found.size());
  for (const Diagnostic& d : found) out.push_back(d.code);
  return out;
}

TEST(PlanAgendaTest, MeetingForTwelveFollowsTheLongestTimes) {
  const absl::StatusOr<Agenda> agenda = PlanAgenda(SystematicLearningMeeting(), 12, kStart);
  ASSERT_TRUE(agenda.ok()) << agenda.status();
  EXPECT_EQ(agenda->format, (FormatRef{"systematic-learning-meeting", 1}));
  EXPECT_EQ(agenda->title.en, "Systematic learning meeting");
  EXPECT_EQ(agenda->participants, 12);
  EXPECT_EQ(agenda->start, kStart);
  ASSERT_THAT(agenda->items, SizeIs(5));
  const std::vector<std::pair<absl::CivilMinute, absl::CivilMinute>> expected{
      {At(14, 0), At(14, 5)},
      {At(14, 5), At(14, 15)},
      {At(14, 15), At(14, 17)},
      {At(14, 17), At(14, 29)},
      {At(14, 29), At(14, 34)}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(agenda->items[i].start, expected[i].first) << i;
    EXPECT_EQ(agenda->items[i].end, expected[i].second) << i;
  }
  EXPECT_EQ(agenda->items[2].minutes, (MinuteRange{1, 2}));
  EXPECT_EQ(agenda->total, (MinuteRange{33, 34}));
  EXPECT_EQ(agenda->planned, (MinuteRange{30, 30}));
  EXPECT_EQ(agenda->slack, (MinuteRange{-4, -3}));
}

TEST(PlanAgendaTest, RoundGivesEachPersonAMinuteAndCountsTurns) {
  const absl::StatusOr<Agenda> agenda = PlanAgenda(SystematicLearningMeeting(), 12, kStart);
  ASSERT_TRUE(agenda.ok());
  const AgendaItem& round = agenda->items[3];
  EXPECT_EQ(round.step_id, "round");
  EXPECT_EQ(round.participation, Participation::kRound);
  EXPECT_EQ(round.lead, "facilitator");
  EXPECT_EQ(round.minutes_each, (MinuteRange{1, 1}));
  EXPECT_EQ(round.turns, 12);
  EXPECT_EQ(round.minutes, (MinuteRange{12, 12}));
  EXPECT_THAT(round.produces, ElementsAre(OutputKind::kReflection));
  EXPECT_EQ(agenda->items[0].minutes_each, std::nullopt);
  EXPECT_EQ(agenda->items[0].turns, 0);
}

TEST(PlanAgendaTest, SkippedTurnsAreNotCounted) {
  Format meeting = SystematicLearningMeeting();
  meeting.steps[3].budget = meeting.steps[3].budget.Skipping(1);
  const absl::StatusOr<Agenda> agenda = PlanAgenda(meeting, 6, kStart);
  ASSERT_TRUE(agenda.ok());
  EXPECT_EQ(agenda->items[3].turns, 5);
  EXPECT_EQ(agenda->items[3].minutes, (MinuteRange{5, 5}));
}

TEST(PlanAgendaTest, DiagnosticsAreValidationsForThatCount) {
  const Catalog catalog = TestCatalog();
  AgendaOptions options;
  options.catalog = &catalog;
  const absl::StatusOr<Agenda> twelve =
      PlanAgenda(SystematicLearningMeeting(), 12, kStart, options);
  ASSERT_TRUE(twelve.ok());
  EXPECT_THAT(Codes(twelve->diagnostics), ElementsAre("budget-overrun", "fits-at-most"));
  ValidationContext ctx;
  ctx.catalog = &catalog;
  ctx.participants = 12;
  EXPECT_EQ(twelve->diagnostics, Validate(SystematicLearningMeeting(), ctx));
  const absl::StatusOr<Agenda> eight = PlanAgenda(SystematicLearningMeeting(), 8, kStart, options);
  ASSERT_TRUE(eight.ok());
  EXPECT_THAT(Codes(eight->diagnostics), ElementsAre("fits-at-most"));
  EXPECT_EQ(eight->slack, (MinuteRange{0, 1}));
}

TEST(PlanAgendaTest, QuestionSetsAreResolvedIntoThePrompts) {
  const Catalog catalog = TestCatalog();
  AgendaOptions options;
  options.catalog = &catalog;
  const absl::StatusOr<Agenda> agenda = PlanAgenda(SystematicLearningMeeting(), 6, kStart, options);
  ASSERT_TRUE(agenda.ok());
  const std::vector<Prompt>& prompts = agenda->items[1].prompts;
  ASSERT_THAT(prompts, SizeIs(8));
  EXPECT_EQ(prompts[0].id, "biggest-challenge");
  EXPECT_EQ(prompts[7].text.da, "Hvad er den vigtigste læring, du gjorde dig?");
  const absl::StatusOr<Agenda> bare = PlanAgenda(SystematicLearningMeeting(), 6, kStart);
  ASSERT_TRUE(bare.ok());
  EXPECT_THAT(bare->items[1].prompts, IsEmpty()) << "no catalog, nothing to resolve";
}

TEST(PlanAgendaTest, StepPromptsComeFirstAndAreNotRepeated) {
  const Catalog catalog = TestCatalog();
  AgendaOptions options;
  options.catalog = &catalog;
  Format meeting = SystematicLearningMeeting();
  meeting.steps[1].prompts = {{"relationships", {"Relationer?", "Relations?"}, ""},
                              {"own", {"Egen?", "Own?"}, ""}};
  const absl::StatusOr<Agenda> agenda = PlanAgenda(meeting, 6, kStart, options);
  ASSERT_TRUE(agenda.ok());
  const std::vector<Prompt>& prompts = agenda->items[1].prompts;
  ASSERT_THAT(prompts, SizeIs(9));
  EXPECT_EQ(prompts[0].text.en, "Relations?");
  EXPECT_EQ(prompts[1].id, "own");
  EXPECT_EQ(prompts[2].id, "biggest-challenge");
}

TEST(PlanAgendaTest, FractionalMinutesRoundOnTheRunningSum) {
  Format f;
  f.id = "thirds";
  f.steps = {MakeStep("a", {"A", "A"}, TimeBudget::Fixed(1.5)),
             MakeStep("b", {"B", "B"}, TimeBudget::Fixed(1.5)),
             MakeStep("c", {"C", "C"}, TimeBudget::Fixed(1.5)),
             MakeStep("d", {"D", "D"}, TimeBudget::PerParticipant(0.4, 0.4))};
  const absl::StatusOr<Agenda> agenda = PlanAgenda(f, 5, kStart);
  ASSERT_TRUE(agenda.ok());
  EXPECT_EQ(agenda->items[0].end, At(14, 2));  // 1.5 → 2
  EXPECT_EQ(agenda->items[1].start, At(14, 2));
  EXPECT_EQ(agenda->items[1].end, At(14, 3));  // 3.0 → 3
  EXPECT_EQ(agenda->items[2].end, At(14, 5));  // 4.5 → 5
  EXPECT_EQ(agenda->items[3].end, At(14, 7));  // 6.5 → 7 (0.4 × 5 = 2.0000000000000004)
  EXPECT_EQ(agenda->total.max, 6.5);
  EXPECT_EQ(agenda->planned, std::nullopt);
  EXPECT_EQ(agenda->slack, std::nullopt);
}

TEST(PlanAgendaTest, OpenStepsShareWhatIsLeft) {
  const absl::StatusOr<Agenda> agenda = PlanAgenda(Seminar(), 60, At(9, 0));
  ASSERT_TRUE(agenda.ok());
  ASSERT_THAT(agenda->items, SizeIs(3));
  EXPECT_EQ(agenda->items[2].minutes, (MinuteRange{90, 90}));
  EXPECT_EQ(agenda->items[2].start, At(13, 30));
  EXPECT_EQ(agenda->items[2].end, At(15, 0));
  EXPECT_EQ(agenda->total, (MinuteRange{360, 360}));
  EXPECT_EQ(agenda->slack, (MinuteRange{0, 0}));

  Format two_open = Seminar();
  two_open.steps.insert(two_open.steps.begin() + 1,
                        MakeStep("coffee", {"Kaffe", "Coffee"}, TimeBudget::Open()));
  const absl::StatusOr<Agenda> shared = PlanAgenda(two_open, 60, At(9, 0));
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->items[1].minutes, (MinuteRange{45, 45}));
  EXPECT_EQ(shared->items[3].minutes, (MinuteRange{45, 45}));
}

TEST(PlanAgendaTest, OpenStepsWithoutDurationTakeNoTime) {
  Format f = Seminar();
  f.duration.reset();
  const absl::StatusOr<Agenda> agenda = PlanAgenda(f, 60, At(9, 0));
  ASSERT_TRUE(agenda.ok());
  EXPECT_EQ(agenda->items[2].minutes, (MinuteRange{0, 0}));
  EXPECT_EQ(agenda->items[2].start, agenda->items[2].end);
  EXPECT_THAT(Codes(agenda->diagnostics), ElementsAre("open-budget-without-duration"));
}

TEST(PlanAgendaTest, LearningVisitEndsInTheJointMeetingAsChildren) {
  const Catalog catalog = TestCatalog();
  AgendaOptions options;
  options.catalog = &catalog;
  const absl::StatusOr<Agenda> agenda = PlanAgenda(LearningVisit(), 2, At(8, 0), options);
  ASSERT_TRUE(agenda.ok()) << agenda.status();
  ASSERT_THAT(agenda->items, SizeIs(3));
  // ½–1 day is 222–444 minutes; the check-in takes 15–30 and the meeting 45,
  // so the open shadowing has 222 − 60 = 162 to 444 − 75 = 369 minutes.
  EXPECT_EQ(agenda->items[1].minutes, (MinuteRange{162, 369}));
  EXPECT_EQ(agenda->items[0].end, At(8, 30));
  EXPECT_EQ(agenda->items[1].end, At(14, 39));
  const AgendaItem& meeting = agenda->items[2];
  EXPECT_EQ(meeting.start, At(14, 39));
  EXPECT_EQ(meeting.end, At(15, 24));
  ASSERT_THAT(meeting.children, SizeIs(3));
  EXPECT_EQ(meeting.children[0].start, At(14, 39));
  EXPECT_EQ(meeting.children[0].end, At(14, 54));
  EXPECT_EQ(meeting.children[2].end, meeting.end) << "fitted into the step's time";
  EXPECT_EQ(meeting.children[0].prompts[0].audience, "learning-agent");
  EXPECT_EQ(agenda->total, (MinuteRange{222, 444}));
  EXPECT_EQ(agenda->slack, (MinuteRange{0, 222}));
  EXPECT_THAT(agenda->diagnostics, IsEmpty());
}

TEST(PlanAgendaTest, SubFormatOpenStepsShareTheStepsTime) {
  Catalog catalog;
  Format inner;
  inner.id = "inner";
  inner.duration = TimeBudget::Fixed(10);  // Replaced by the step's 60 minutes.
  inner.steps = {MakeStep("fixed", {"F", "F"}, TimeBudget::Fixed(20)),
                 MakeStep("rest", {"R", "R"}, TimeBudget::Open())};
  ASSERT_TRUE(catalog.Add(inner).ok());
  Format outer;
  outer.id = "outer";
  outer.steps = {MakeStep("hold", {"H", "H"}, TimeBudget::Fixed(60))};
  outer.steps[0].format = FormatRef{"inner", std::nullopt};
  AgendaOptions options;
  options.catalog = &catalog;
  const absl::StatusOr<Agenda> agenda = PlanAgenda(outer, 4, At(10, 0), options);
  ASSERT_TRUE(agenda.ok());
  const std::vector<AgendaItem>& children = agenda->items[0].children;
  ASSERT_THAT(children, SizeIs(2));
  EXPECT_EQ(children[1].minutes, (MinuteRange{40, 40}));
  EXPECT_EQ(children[1].end, At(11, 0));
}

TEST(PlanAgendaTest, OpenStepNamingAFormatTakesThatFormatsTime) {
  const Catalog catalog = TestCatalog();
  Format f;
  f.id = "wrapper";
  f.steps = {MakeStep("visit-meeting", {"Møde", "Meeting"}, TimeBudget::Open())};
  f.steps[0].format = FormatRef{"learning-visit-meeting", std::nullopt};
  AgendaOptions options;
  options.catalog = &catalog;
  const absl::StatusOr<Agenda> agenda = PlanAgenda(f, 2, At(10, 0), options);
  ASSERT_TRUE(agenda.ok());
  EXPECT_EQ(agenda->items[0].minutes, (MinuteRange{45, 45}));
  EXPECT_EQ(agenda->items[0].end, At(10, 45));
  EXPECT_THAT(agenda->items[0].children, SizeIs(3));
}

TEST(PlanAgendaTest, WithoutACatalogStepFormatsStayUnexpanded) {
  const absl::StatusOr<Agenda> agenda = PlanAgenda(LearningVisit(), 2, At(8, 0));
  ASSERT_TRUE(agenda.ok());
  EXPECT_THAT(agenda->items[2].children, IsEmpty());
  EXPECT_EQ(agenda->items[2].minutes, (MinuteRange{45, 45}));
}

TEST(PlanAgendaTest, CyclesAreNotExpandedForever) {
  Catalog catalog;
  Format a;
  a.id = "a";
  a.steps = {MakeStep("b", {"B", "B"}, TimeBudget::Fixed(10))};
  a.steps[0].format = FormatRef{"b", std::nullopt};
  Format b = a;
  b.id = "b";
  b.steps[0].format = FormatRef{"a", std::nullopt};
  ASSERT_TRUE(catalog.Add(a).ok());
  ASSERT_TRUE(catalog.Add(b).ok());
  AgendaOptions options;
  options.catalog = &catalog;
  const absl::StatusOr<Agenda> agenda = PlanAgenda(a, 3, kStart, options);
  ASSERT_TRUE(agenda.ok());
  ASSERT_THAT(agenda->items[0].children, SizeIs(1));
  EXPECT_THAT(agenda->items[0].children[0].children, IsEmpty());
  EXPECT_THAT(Codes(agenda->diagnostics), ElementsAre("reference-cycle"));
}

TEST(PlanAgendaTest, RolesDefinedByTheFormatAreCarried) {
  Format f = SystematicLearningMeeting();
  f.defined_roles = {{"night-nurse", {"Nattesygeplejerske", "Night nurse"}, {}}};
  const absl::StatusOr<Agenda> agenda = PlanAgenda(f, 6, kStart);
  ASSERT_TRUE(agenda.ok());
  ASSERT_THAT(agenda->roles, SizeIs(1));
  EXPECT_EQ(agenda->roles[0].id, "night-nurse");
}

TEST(PlanAgendaTest, AtLeastOneParticipant) {
  const absl::StatusOr<Agenda> agenda = PlanAgenda(SystematicLearningMeeting(), 0, kStart);
  ASSERT_FALSE(agenda.ok());
  EXPECT_EQ(agenda.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(agenda.status().message(),
            "PlanAgenda: format \"systematic-learning-meeting\": participants must be at least 1; "
            "got 0");
}

TEST(PlanAgendaTest, AFormatWithoutStepsCannotBePlanned) {
  Format programme;
  programme.id = "programme";
  programme.components = {{{"systematic-learning-meeting", std::nullopt}, std::nullopt, {}}};
  const absl::StatusOr<Agenda> agenda = PlanAgenda(programme, 5, kStart);
  ASSERT_FALSE(agenda.ok());
  EXPECT_EQ(agenda.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(agenda.status().message(),
            "PlanAgenda: format \"programme\" has no steps to plan; a programme's components are "
            "planned one by one");
}

TEST(PlanAgendaTest, BrokenBudgetsStillGiveAnAgenda) {
  Format f = SystematicLearningMeeting();
  f.steps[0].budget = TimeBudget::Fixed(std::numeric_limits<double>::quiet_NaN());
  f.steps[1].budget = TimeBudget::Fixed(std::numeric_limits<double>::infinity());
  f.steps[2].budget = TimeBudget::Fixed(-7);
  const absl::StatusOr<Agenda> agenda = PlanAgenda(f, 12, kStart);
  ASSERT_TRUE(agenda.ok());
  EXPECT_TRUE(HasErrors(agenda->diagnostics));
  EXPECT_EQ(agenda->items[0].end, kStart);
}

// The test helpers state the built-in catalog's meeting and questions exactly,
// so what these tests and the golden files show holds for the built-in format.
TEST(BuiltinCatalogTest, TheTestMeetingIsTheBuiltinOne) {
  const Catalog& builtin = BuiltinCatalog();
  const Format* meeting = builtin.Find("systematic-learning-meeting");
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(*meeting, SystematicLearningMeeting());
  const QuestionSet* questions = builtin.FindQuestionSet("learning-questions");
  ASSERT_NE(questions, nullptr);
  EXPECT_EQ(*questions, LearningQuestions());
}

TEST(BuiltinCatalogTest, EveryBuiltinFormatWithStepsCanBePlanned) {
  const Catalog& builtin = BuiltinCatalog();
  AgendaOptions options;
  options.catalog = &builtin;
  for (const Format* format : builtin.formats()) {
    ValidationContext ctx;
    ctx.catalog = &builtin;
    EXPECT_FALSE(HasErrors(Validate(*format, ctx))) << format->id;
    if (format->steps.empty()) continue;
    const int people = std::max(2, format->capacity.min);
    const absl::StatusOr<Agenda> agenda = PlanAgenda(*format, people, kStart, options);
    ASSERT_TRUE(agenda.ok()) << format->id << ": " << agenda.status();
    EXPECT_EQ(agenda->items.size(), format->steps.size()) << format->id;
    EXPECT_FALSE(RenderText(*agenda, Lang::kDa).empty());
  }
}

TEST(BuiltinCatalogTest, TheBuiltinLearningVisitEndsInItsMeeting) {
  const Catalog& builtin = BuiltinCatalog();
  const Format* visit = builtin.Find("learning-visit");
  ASSERT_NE(visit, nullptr);
  AgendaOptions options;
  options.catalog = &builtin;
  const absl::StatusOr<Agenda> agenda = PlanAgenda(*visit, 2, At(8, 0), options);
  ASSERT_TRUE(agenda.ok()) << agenda.status();
  const auto with_children =
      std::find_if(agenda->items.begin(), agenda->items.end(),
                   [](const AgendaItem& item) { return !item.children.empty(); });
  ASSERT_NE(with_children, agenda->items.end());
  EXPECT_EQ(with_children->children.front().start, with_children->start);
  EXPECT_EQ(with_children->children.back().end, with_children->end);
  EXPECT_EQ(agenda->planned, (MinuteRange{222, 444}));
}

}  // namespace
}  // namespace carelearn
