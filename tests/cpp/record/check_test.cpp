#include "carelearn/record/check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "record/fixtures.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using testing::FullSession;
using ::testing::IsEmpty;
using testing::LearningVisit;
using testing::Person;
using testing::SystematicLearningMeeting;

Diagnostic Finding(Severity severity, std::string code, std::string path, std::string da,
                   std::string en) {
  return {severity, std::move(code), std::move(path), {std::move(da), std::move(en)}};
}

class CheckSessionTest : public ::testing::Test {
 protected:
  CheckSessionTest() : catalog_(testing::QuestionCatalog()) { options_.catalog = &catalog_; }

  Catalog catalog_;
  CheckOptions options_;
};

// No step of the meeting declares feedback, so it fits the last step,
// "joint-reflection", where the full session has it; elsewhere it does not.
TEST_F(CheckSessionTest, AFullSessionHasALongRound) {
  EXPECT_THAT(CheckSession(FullSession(), SystematicLearningMeeting(), options_),
              ElementsAre(Finding(Severity::kInfo, "step-overrun", "steps[3]",
                                  "trinnet \"round\" varede 7 min; dets tid er højst 5 min",
                                  "step \"round\" took 7 min; its budget is at most 5 min")));
}

TEST_F(CheckSessionTest, FeedbackBeforeTheLastStepIsMisplaced) {
  Session s = FullSession();
  s.feedback[0].step_id = "case";
  EXPECT_THAT(CheckSession(s, SystematicLearningMeeting(), options_),
              ElementsAre(Finding(Severity::kWarning, "output-not-produced-here", "feedback[0]",
                                  "trinnet \"case\" giver ikke feedback",
                                  "step \"case\" does not produce feedback"),
                          Finding(Severity::kInfo, "step-overrun", "steps[3]",
                                  "trinnet \"round\" varede 7 min; dets tid er højst 5 min",
                                  "step \"round\" took 7 min; its budget is at most 5 min")));
}

TEST_F(CheckSessionTest, AnotherFormatIsAMismatchAndNothingElse) {
  EXPECT_THAT(CheckSession(FullSession(), LearningVisit(), options_),
              ElementsAre(Finding(
                  Severity::kError, "format-mismatch", "format",
                  "sessionen er af formatet \"systematic-learning-meeting\" version 1, ikke "
                  "\"learning-visit\" version 1",
                  "the session is of format \"systematic-learning-meeting\" version 1, not "
                  "\"learning-visit\" version 1")));
  Format newer = SystematicLearningMeeting();
  newer.version = 2;
  ASSERT_EQ(CheckSession(FullSession(), newer).size(), 1u);
  EXPECT_EQ(CheckSession(FullSession(), newer)[0].code, "format-mismatch");
}

TEST_F(CheckSessionTest, ACancelledSessionHasNothingToCheck) {
  Session s = FullSession();
  s.cancellation = Cancellation{CancelReason::kHoliday, ""};
  s.learning_points.clear();
  EXPECT_THAT(CheckSession(s, SystematicLearningMeeting(), options_), IsEmpty());
}

TEST_F(CheckSessionTest, ErrorsComeFirst) {
  Session s = FullSession();
  s.participants[0].role = "colleague";  // no facilitator
  s.learning_points.clear();
  s.feedback[0].step_id = "case";  // a warning
  std::vector<Diagnostic> found = CheckSession(s, SystematicLearningMeeting(), options_);
  ASSERT_GE(found.size(), 3u);
  EXPECT_EQ(found[0].code, "missing-facilitator");
  EXPECT_EQ(found[1], Finding(Severity::kError, "too-few-learning-points", "learning_points",
                              "læringspointer: mindst 1 efterspurgt, 0 registreret",
                              "learning points: at least 1 asked for, 0 recorded"));
  EXPECT_EQ(found[2].severity, Severity::kWarning);
}

TEST_F(CheckSessionTest, QuestionsStepsAndDuration) {
  Session s = FullSession();
  s.prompts.push_back({"case", "roles"});
  s.steps.push_back({"coffee", *s.actual_end, *s.actual_end});
  s.actual_end = *s.actual_start + absl::Minutes(43);
  std::vector<Diagnostic> found = CheckSession(s, SystematicLearningMeeting(), options_);
  EXPECT_THAT(found,
              ElementsAre(Finding(Severity::kWarning, "unknown-prompt", "prompts[2]",
                                  "spørgsmålet \"roles\" hører ikke til trinnet \"case\"",
                                  "question \"roles\" is not one of step \"case\"'s questions"),
                          Finding(Severity::kWarning, "unknown-step", "steps[5]",
                                  "trinnet \"coffee\" findes ikke i formatet",
                                  "step \"coffee\" is not in the format"),
                          Finding(Severity::kWarning, "duration-overrun", "actual_end",
                                  "sessionen varede 43 min; der var planlagt 30 min",
                                  "the session took 43 min; 30 min were planned"),
                          Finding(Severity::kInfo, "step-overrun", "steps[3]",
                                  "trinnet \"round\" varede 7 min; dets tid er højst 5 min",
                                  "step \"round\" took 7 min; its budget is at most 5 min")));
}

TEST_F(CheckSessionTest, WithoutACatalogQuestionSetsAreNotChecked) {
  Session s = FullSession();
  s.prompts.push_back({"learning-questions", "anything"});
  for (const Diagnostic& d : CheckSession(s, SystematicLearningMeeting())) {
    EXPECT_NE(d.code, "unknown-prompt");
  }
}

TEST_F(CheckSessionTest, TooManyLearningPointsForAVisit) {
  Session s;
  s.id = "visit";
  s.format_id = "learning-visit";
  s.actual_start = testing::MeetingTime();
  s.actual_end = *s.actual_start + absl::Hours(6);
  s.participants = {Person("p-agent", "learning-agent"), Person("p-host", "host-colleague")};
  for (const char* step : {"check-in", "shadowing", "learning-meeting"}) {
    s.steps.push_back({step, *s.actual_start, *s.actual_start + absl::Hours(2)});
  }
  for (int i = 0; i < 4; ++i) s.learning_points.push_back({"learning-meeting", "x", "", false});
  EXPECT_THAT(CheckSession(s, LearningVisit()),
              ElementsAre(Finding(Severity::kError, "too-many-learning-points", "learning_points",
                                  "læringspointer: præcis 3 efterspurgt, 4 registreret",
                                  "learning points: exactly 3 asked for, 4 recorded")));
  s.learning_points.resize(3);
  EXPECT_THAT(CheckSession(s, LearningVisit()), IsEmpty());
}

TEST_F(CheckSessionTest, ARangeOfOutputsIsWorded) {
  Format f = SystematicLearningMeeting();
  f.outputs = {{OutputKind::kOrganisationalAction, 1, 1, "", {}},
               {OutputKind::kReflection, 2, 4, "", {}}};
  std::vector<Diagnostic> found = CheckSession(FullSession(), f);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0], Finding(Severity::kError, "too-many-organisational-actions", "actions",
                              "organisatoriske tiltag: præcis 1 efterspurgt, 2 registreret",
                              "organisational actions: exactly 1 asked for, 2 recorded"));
  EXPECT_EQ(found[1], Finding(Severity::kError, "too-few-reflections", "notes",
                              "refleksioner: fra 2 til 4 efterspurgt, 1 registreret",
                              "reflections: from 2 to 4 asked for, 1 recorded"));
}

}  // namespace
}  // namespace carelearn
