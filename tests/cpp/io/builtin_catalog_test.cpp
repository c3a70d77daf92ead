// The built-in catalog against the numbers of the source texts (shared/seeds/).
#include "carelearn/io/builtin_catalog.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "carelearn/io/json.hpp"
#include "carelearn/plan/agenda.hpp"
#include "carelearn/plan/validate.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;

const Catalog& Builtin() { return BuiltinCatalog(); }

const Format& Get(std::string_view id) {
  const Format* f = Builtin().Find(id);
  if (f == nullptr) {
    ADD_FAILURE() << "the built-in catalog has no format \"" << id << "\"";
    static const Format kEmpty;
    return kEmpty;
  }
  return *f;
}

int Count(const Format& f, OutputKind kind) {
  return static_cast<int>(std::count_if(f.steps.begin(), f.steps.end(), [&](const Step& s) {
    return std::find(s.produces.begin(), s.produces.end(), kind) != s.produces.end();
  }));
}

const DeclaredOutput* FindOutput(const Format& f, OutputKind kind) {
  for (const DeclaredOutput& o : f.outputs) {
    if (o.kind == kind) return &o;
  }
  return nullptr;
}

TEST(BuiltinCatalogTest, HoldsEveryFormatOfTheSources) {
  for (std::string_view id :
       {"systematic-learning-meeting", "learning-visit", "learning-visit-meeting",
        "interdisciplinary-case-meeting", "citizen-home-meeting", "learning-seminar",
        "learning-network-meeting", "cross-municipal-learning-network", "competence-module",
        "competence-module-session", "competence-module-reading", "trial-action-documentation"}) {
    const Format* f = Builtin().Find(id);
    ASSERT_NE(f, nullptr) << id;
    EXPECT_EQ(f->version, 1) << id;
    EXPECT_FALSE(f->title.da.empty()) << id << " has no Danish title";
    EXPECT_FALSE(f->title.en.empty()) << id << " has no English title";
    EXPECT_FALSE(f->purpose.da.empty()) << id << " has no Danish purpose";
    EXPECT_FALSE(f->purpose.en.empty()) << id << " has no English purpose";
    EXPECT_FALSE(f->source.empty()) << id << " does not name its source";
  }
}

TEST(BuiltinCatalogTest, EveryFormatValidatesWithoutErrors) {
  ValidationContext context;
  context.catalog = &Builtin();
  for (const Format* f : Builtin().formats()) {
    for (const Diagnostic& d : Validate(*f, context)) {
      EXPECT_NE(d.severity, Severity::kError) << f->id << ": " << FormatDiagnostic(d, Lang::kEn);
    }
  }
}

TEST(BuiltinCatalogTest, EveryTextIsInBothLanguages) {
  for (const Format* f : Builtin().formats()) {
    for (const Step& s : f->steps) {
      EXPECT_FALSE(s.title.da.empty() || s.title.en.empty()) << f->id << "/" << s.id;
      for (const Prompt& p : s.prompts) {
        EXPECT_FALSE(p.text.da.empty() || p.text.en.empty()) << f->id << "/" << s.id << "/" << p.id;
      }
    }
  }
  for (const QuestionSet* q : Builtin().question_sets()) {
    for (const Prompt& p : q->prompts) {
      EXPECT_FALSE(p.text.da.empty() || p.text.en.empty()) << q->id << "/" << p.id;
    }
  }
}

TEST(BuiltinCatalogTest, FilesAreInCanonicalForm) {
  const std::filesystem::path dir = std::filesystem::path(CARELEARN_SOURCE_DIR) / "catalog";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<Document> doc = ParseDocument(text.str());
    ASSERT_TRUE(doc.ok()) << entry.path() << ": " << doc.status();
    const std::string saved = std::visit([](const auto& d) { return ToJson(d); }, *doc);
    EXPECT_EQ(saved, text.str()) << entry.path() << " is not in canonical form";
    ++files;
  }
  EXPECT_GE(files, 12);
}

// "Varighed: ½ time hver anden uge – og gerne stående" and the five agenda steps.
TEST(SystematicLearningMeetingTest, HalfAnHourEveryOtherWeekStanding) {
  const Format& f = Get("systematic-learning-meeting");
  ASSERT_TRUE(f.duration.has_value());
  EXPECT_EQ(f.duration->Evaluate(1), (MinuteRange{30, 30}));
  ASSERT_TRUE(f.cadence.has_value());
  EXPECT_EQ(f.cadence->interval, 2);
  EXPECT_EQ(f.cadence->unit, Period::kWeek);
  EXPECT_TRUE(f.setting.standing);
  EXPECT_EQ(f.setting.place, Place::kWorkplace);
}

TEST(SystematicLearningMeetingTest, FiveStepsWithTheSourcesMinutes) {
  const Format& f = Get("systematic-learning-meeting");
  ASSERT_EQ(f.steps.size(), 5u);
  EXPECT_EQ(f.steps[0].budget, TimeBudget::Fixed(5));
  EXPECT_EQ(f.steps[1].budget, TimeBudget::Fixed(10));
  EXPECT_EQ(f.steps[2].budget, TimeBudget::Range(1, 2));
  EXPECT_EQ(f.steps[3].budget, TimeBudget::PerParticipant(1, 1).About());
  EXPECT_EQ(f.steps[3].participation, Participation::kRound);
  EXPECT_EQ(f.steps[4].budget, TimeBudget::Fixed(5));
  EXPECT_THAT(f.steps[4].produces, ElementsAre(OutputKind::kOrganisationalAction));
}

TEST(SystematicLearningMeetingTest, FourPrerequisites) {
  const Format& f = Get("systematic-learning-meeting");
  EXPECT_TRUE(f.HasPrerequisite(prerequisites::kFixedInterval));
  EXPECT_TRUE(f.HasPrerequisite(prerequisites::kFacilitator));
  EXPECT_TRUE(f.HasPrerequisite(prerequisites::kRecognisableAgenda));
  EXPECT_TRUE(f.HasPrerequisite(prerequisites::kLeaderBacking));
  ASSERT_NE(f.FindRole(roles::kFacilitator), nullptr);
  EXPECT_EQ(f.FindRole(roles::kFacilitator)->min, 1);
}

TEST(SystematicLearningMeetingTest, EightLearningQuestions) {
  const Format& f = Get("systematic-learning-meeting");
  ASSERT_THAT(f.steps[1].question_sets, ElementsAre("learning-questions"));
  const QuestionSet* q = Builtin().FindQuestionSet("learning-questions");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->prompts.size(), 8u);
  EXPECT_EQ(q->prompts[0].text.da, "Hvad var den største udfordring?");
  EXPECT_EQ(q->prompts[7].text.da, "Hvad er den vigtigste læring, du gjorde dig?");
  std::vector<std::string> ids;
  for (const Prompt& p : q->prompts) ids.push_back(p.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end()) << "question ids must be unique";
}

TEST(SystematicLearningMeetingTest, FitsEightAtTheLongestAndNineAtTheShortest) {
  const Format& f = Get("systematic-learning-meeting");
  EXPECT_EQ(MaxParticipantsThatFit(f, /*longest=*/true), 8);
  EXPECT_EQ(MaxParticipantsThatFit(f, /*longest=*/false), 9);
}

TEST(SystematicLearningMeetingTest, TwelveParticipantsOverrunByThreeToFourMinutes) {
  const Format& f = Get("systematic-learning-meeting");
  AgendaOptions options;
  options.catalog = &Builtin();
  absl::StatusOr<Agenda> agenda = PlanAgenda(f, 12, absl::CivilMinute(2026, 3, 4, 14, 0), options);
  ASSERT_TRUE(agenda.ok()) << agenda.status();
  EXPECT_EQ(agenda->total, (MinuteRange{33, 34}));
  ASSERT_TRUE(agenda->slack.has_value());
  EXPECT_EQ(*agenda->slack, (MinuteRange{-4, -3}));
  const bool overrun = std::any_of(agenda->diagnostics.begin(), agenda->diagnostics.end(),
                                   [](const Diagnostic& d) { return d.code == "budget-overrun"; });
  EXPECT_TRUE(overrun);
}

// "Varighed: ½ - 1 dag" and "Fælles opstilling af tre læringspointer".
TEST(LearningVisitTest, HalfToOneDayEndingInAJointLearningMeeting) {
  const Format& f = Get("learning-visit");
  ASSERT_TRUE(f.duration.has_value());
  EXPECT_EQ(f.duration->Evaluate(2), (MinuteRange{222, 444}));
  ASSERT_EQ(f.steps.size(), 3u);
  EXPECT_EQ(f.steps[1].participation, Participation::kShadowing);
  ASSERT_TRUE(f.steps[2].format.has_value());
  EXPECT_EQ(f.steps[2].format->id, "learning-visit-meeting");
  ASSERT_NE(f.FindRole(roles::kLearningAgent), nullptr);
  ASSERT_NE(f.FindRole(roles::kHostColleague), nullptr);
  EXPECT_TRUE(f.HasPrerequisite(prerequisites::kGroundRules));
}

TEST(LearningVisitTest, ExactlyThreeLearningPointsForALaterStaffMeeting) {
  for (std::string_view id : {"learning-visit", "learning-visit-meeting"}) {
    const DeclaredOutput* points = FindOutput(Get(id), OutputKind::kLearningPoint);
    ASSERT_NE(points, nullptr) << id;
    EXPECT_EQ(points->min, 3) << id;
    EXPECT_EQ(points->max, 3) << id;
    EXPECT_EQ(points->destination, "staff-meeting") << id;
  }
  EXPECT_GE(Count(Get("learning-visit-meeting"), OutputKind::kLearningPoint), 1);
}

TEST(LearningVisitTest, ReflectionQuestionsForTheAgentAndTheColleague) {
  const QuestionSet* agent = Builtin().FindQuestionSet("learning-visit-agent-reflections");
  const QuestionSet* colleague = Builtin().FindQuestionSet("learning-visit-colleague-reflections");
  ASSERT_NE(agent, nullptr);
  ASSERT_NE(colleague, nullptr);
  EXPECT_GE(agent->prompts.size(), 2u);
  EXPECT_GE(colleague->prompts.size(), 2u);
}

// "3 læringsseminarer med op til 100 deltagere".
TEST(LearningSeminarTest, UpToAHundredLeadersAndStaff) {
  const Format& f = Get("learning-seminar");
  ASSERT_TRUE(f.capacity.max.has_value());
  EXPECT_EQ(*f.capacity.max, 100);
  EXPECT_EQ(f.setting.place, Place::kOffSite);
  ValidationContext context;
  context.catalog = &Builtin();
  context.participants = 101;
  const auto found = Validate(f, context);
  EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                          [](const Diagnostic& d) { return d.code == "capacity-exceeded"; }));
  context.participants = 100;
  for (const Diagnostic& d : Validate(f, context)) EXPECT_NE(d.code, "capacity-exceeded");
  const DeclaredOutput* feedback = FindOutput(f, OutputKind::kFeedback);
  ASSERT_NE(feedback, nullptr);
  EXPECT_EQ(feedback->destination, "next-seminar");
}

TEST(CrossMunicipalNetworkTest, ThreeSeminarsAndMonthlyMeetings) {
  const Format& f = Get("cross-municipal-learning-network");
  const Component* seminars = nullptr;
  const Component* meetings = nullptr;
  for (const Component& c : f.components) {
    if (c.format.id == "learning-seminar") seminars = &c;
    if (c.format.id == "learning-network-meeting") meetings = &c;
  }
  ASSERT_NE(seminars, nullptr);
  ASSERT_TRUE(seminars->cadence.has_value());
  EXPECT_EQ(seminars->cadence->count, 3);
  ASSERT_NE(meetings, nullptr);
  ASSERT_TRUE(meetings->cadence.has_value());
  EXPECT_EQ(meetings->cadence->interval, 1);
  EXPECT_EQ(meetings->cadence->unit, Period::kMonth);
}

// "otte undervisningsforløb", "hver anden onsdag", "to timer ugentligt til at læse", 21 staff.
TEST(CompetenceModuleTest, EightSessionsEveryOtherWeekAndTwoHoursOfReading) {
  const Format& f = Get("competence-module");
  EXPECT_EQ(f.capacity.typical, 21);
  const Component* sessions = nullptr;
  const Component* reading = nullptr;
  for (const Component& c : f.components) {
    if (c.format.id == "competence-module-session") sessions = &c;
    if (c.format.id == "competence-module-reading") reading = &c;
  }
  ASSERT_NE(sessions, nullptr);
  ASSERT_TRUE(sessions->cadence.has_value());
  EXPECT_EQ(sessions->cadence->count, 8);
  EXPECT_EQ(sessions->cadence->interval, 2);
  EXPECT_EQ(sessions->cadence->unit, Period::kWeek);
  ASSERT_NE(reading, nullptr);
  const Format& read = Get("competence-module-reading");
  ASSERT_TRUE(read.duration.has_value());
  EXPECT_EQ(read.duration->Evaluate(1), (MinuteRange{120, 120}));
}

TEST(TrialActionDocumentationTest, TheActivistsFiveQuestions) {
  const Format& f = Get("trial-action-documentation");
  EXPECT_EQ(f.steps.size(), 5u);
  EXPECT_GE(Count(f, OutputKind::kLearningPoint), 1);
  ASSERT_NE(f.FindRole(roles::kLearningActivist), nullptr);
}

TEST(InterdisciplinaryCaseMeetingTest, AroundARealCitizenWithReflectionQuestions) {
  const Format& f = Get("interdisciplinary-case-meeting");
  bool uses_questions = false;
  for (const Step& s : f.steps) uses_questions = uses_questions || !s.question_sets.empty();
  EXPECT_TRUE(uses_questions);
  const Format& home = Get("citizen-home-meeting");
  EXPECT_EQ(home.setting.place, Place::kCitizensHome);
  ASSERT_NE(home.FindRole(roles::kCitizen), nullptr);
}

}  // namespace
}  // namespace carelearn
