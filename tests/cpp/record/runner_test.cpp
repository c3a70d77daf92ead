#include "carelearn/record/runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/catalog.hpp"
#include "record/fixtures.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::LearningSeminar;
using testing::LearningVisit;
using ::testing::MatchesRegex;
using testing::MeetingGroup;
using testing::MeetingTime;
using testing::Person;
using testing::SystematicLearningMeeting;

// A runner on a fake clock at 14:02, planned for 14:00.
class RunnerTest : public ::testing::Test {
 protected:
  RunnerTest() : clock_(MeetingTime() + absl::Minutes(2)), catalog_(testing::QuestionCatalog()) {}

  Runner Make(Format format, MisfitPolicy misfit = MisfitPolicy::kReject) {
    RunnerOptions options;
    options.clock = &clock_;
    options.catalog = &catalog_;
    options.misfit = misfit;
    SessionPlan plan;
    plan.session_id = "s-1";
    plan.unit = "home-care-north";
    plan.planned_start = MeetingTime();
    absl::StatusOr<Runner> runner = Runner::Create(std::move(format), plan, options);
    EXPECT_TRUE(runner.ok()) << runner.status();
    return *std::move(runner);
  }

  // A meeting started with the usual group.
  Runner Started(Format format = SystematicLearningMeeting(),
                 MisfitPolicy misfit = MisfitPolicy::kReject) {
    Runner runner = Make(std::move(format), misfit);
    EXPECT_TRUE(runner.Start(MeetingGroup()).ok());
    return runner;
  }

  // Moves on to the step `id`.
  static void GoTo(Runner& runner, std::string_view id) {
    while (runner.current_step() != nullptr && runner.current_step()->id != id) {
      ASSERT_TRUE(runner.Next().ok());
    }
  }

  FakeClock clock_;
  Catalog catalog_;
};

Diagnostic Finding(Severity severity, std::string code, std::string path, std::string da,
                   std::string en) {
  return {severity, std::move(code), std::move(path), {std::move(da), std::move(en)}};
}

// ------------------------------------------------------------ creation

TEST_F(RunnerTest, CreateRefusesAFormatWithoutSteps) {
  Format programme;
  programme.id = "programme";
  absl::StatusOr<Runner> runner = Runner::Create(programme);
  EXPECT_EQ(runner.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(runner.status().message(), "format \"programme\" has no steps to run");
  programme.id.clear();
  EXPECT_EQ(Runner::Create(programme).status().message(), "the format has no id");
}

TEST_F(RunnerTest, CreateKeepsThePlanAndGivesARandomIdWithoutOne) {
  Runner runner = Make(SystematicLearningMeeting());
  EXPECT_EQ(runner.state(), RunnerState::kReady);
  EXPECT_EQ(runner.session().id, "s-1");
  EXPECT_EQ(runner.session().unit, "home-care-north");
  EXPECT_EQ(runner.session().format_id, "systematic-learning-meeting");
  EXPECT_EQ(runner.session().format_version, 1);
  EXPECT_EQ(runner.session().planned_start, MeetingTime());

  absl::StatusOr<Runner> anonymous = Runner::Create(SystematicLearningMeeting());
  ASSERT_TRUE(anonymous.ok());
  EXPECT_THAT(anonymous->session().id, MatchesRegex("[0-9a-f]{32}"));
}

TEST_F(RunnerTest, NothingRunsBeforeStart) {
  Runner runner = Make(SystematicLearningMeeting());
  EXPECT_EQ(runner.current_step(), nullptr);
  EXPECT_EQ(runner.TimeLeftInStep(), std::nullopt);
  EXPECT_EQ(runner.TimeLeftInSession(), std::nullopt);
  EXPECT_EQ(runner.Round(), std::nullopt);
}

// ------------------------------------------------------------ a whole meeting

TEST_F(RunnerTest, StepsThroughTheSystematicLearningMeeting) {
  Runner runner = Make(SystematicLearningMeeting());
  absl::StatusOr<std::vector<Diagnostic>> started = runner.Start(MeetingGroup());
  ASSERT_TRUE(started.ok()) << started.status();
  EXPECT_THAT(*started, IsEmpty());
  EXPECT_EQ(runner.state(), RunnerState::kRunning);
  EXPECT_EQ(runner.session().actual_start, MeetingTime() + absl::Minutes(2));
  ASSERT_NE(runner.current_step(), nullptr);
  EXPECT_EQ(runner.current_step()->id, "case");
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(5));
  EXPECT_EQ(runner.TimeLeftInSession(), absl::Minutes(30));
  ASSERT_TRUE(runner.SetCase({"difficult-conversation", "c-7f3a"}).ok());

  clock_.Advance(absl::Minutes(3));
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(2));
  EXPECT_EQ(runner.TimeLeftInSession(), absl::Minutes(27));
  clock_.Advance(absl::Minutes(3));
  EXPECT_EQ(runner.TimeLeftInStep(), -absl::Minutes(1));  // the case ran over

  ASSERT_TRUE(runner.Next().ok());
  EXPECT_EQ(runner.step_index(), 1u);
  EXPECT_EQ(runner.current_step()->id, "learning-questions");
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(10));
  absl::StatusOr<RecordResult> asked = runner.RecordPromptUsed("biggest-challenge");
  ASSERT_TRUE(asked.ok());
  EXPECT_TRUE(asked->recorded);
  EXPECT_THAT(asked->diagnostics, IsEmpty());
  clock_.Advance(absl::Minutes(9));

  ASSERT_TRUE(runner.Next().ok());
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(2));
  absl::StatusOr<RecordResult> point =
      runner.RecordLearningPoint({"", "Ask the relative first.", "p-case", false});
  ASSERT_TRUE(point.ok());
  EXPECT_TRUE(point->recorded);
  clock_.Advance(absl::Minutes(2));

  ASSERT_TRUE(runner.Next().ok());
  EXPECT_EQ(runner.current_step()->id, "round");
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(5));  // about 1 min for each of 5
  ASSERT_TRUE(runner.RecordNote({"", NoteKind::kReflection, "We rush relatives.", false}).ok());
  clock_.Advance(absl::Minutes(5));

  ASSERT_TRUE(runner.Next().ok());
  Action action;
  action.text = "A checklist for conversations with relatives.";
  action.owner = "leader";
  action.due = absl::CivilDay(2026, 3, 18);
  absl::StatusOr<RecordResult> proposed = runner.RecordAction(action);
  ASSERT_TRUE(proposed.ok());
  EXPECT_TRUE(proposed->recorded);
  clock_.Advance(absl::Minutes(4));
  EXPECT_EQ(runner.TimeLeftInSession(), absl::Minutes(4));

  absl::StatusOr<Session> session = runner.Finish();
  ASSERT_TRUE(session.ok()) << session.status();
  EXPECT_EQ(runner.state(), RunnerState::kFinished);
  EXPECT_EQ(runner.current_step(), nullptr);
  EXPECT_THAT(runner.diagnostics(),
              ElementsAre(Finding(Severity::kInfo, "step-overrun", "steps[0]",
                                  "trinnet \"case\" varede 6 min; dets tid er højst 5 min",
                                  "step \"case\" took 6 min; its budget is at most 5 min")));
  EXPECT_TRUE(ValidateSession(*session).ok());
  EXPECT_EQ(session->status(), SessionStatus::kHeld);

  const absl::Time t = MeetingTime() + absl::Minutes(2);
  EXPECT_THAT(
      session->steps,
      ElementsAre(StepTiming{"case", t, t + absl::Minutes(6)},
                  StepTiming{"learning-questions", t + absl::Minutes(6), t + absl::Minutes(15)},
                  StepTiming{"case-learning", t + absl::Minutes(15), t + absl::Minutes(17)},
                  StepTiming{"round", t + absl::Minutes(17), t + absl::Minutes(22)},
                  StepTiming{"joint-reflection", t + absl::Minutes(22), t + absl::Minutes(26)}));
  EXPECT_EQ(session->actual_end, t + absl::Minutes(26));
  EXPECT_EQ(session->presented_case, (Case{"difficult-conversation", "c-7f3a"}));
  EXPECT_THAT(session->prompts, ElementsAre(PromptUse{"learning-questions", "biggest-challenge"}));
  EXPECT_THAT(
      session->learning_points,
      ElementsAre(LearningPoint{"case-learning", "Ask the relative first.", "p-case", false}));
  EXPECT_THAT(session->notes,
              ElementsAre(Note{"round", NoteKind::kReflection, "We rush relatives.", false}));
  ASSERT_EQ(session->actions.size(), 1u);
  EXPECT_EQ(session->actions[0].id, "a1");
  EXPECT_EQ(session->actions[0].step_id, "joint-reflection");
  EXPECT_THAT(session->actions[0].history,
              ElementsAre(StatusChange{ActionStatus::kOpen, t + absl::Minutes(22)}));
  EXPECT_EQ(session->participants, MeetingGroup());
  EXPECT_EQ(*session, runner.session());
}

// ------------------------------------------------------------ misuse

TEST_F(RunnerTest, EveryOperationBeforeStartIsAFailedPrecondition) {
  Runner runner = Make(SystematicLearningMeeting());
  const std::vector<std::pair<std::string, std::function<absl::Status()>>> calls = {
      {"Next", [&] { return runner.Next(); }},
      {"Finish", [&] { return runner.Finish().status(); }},
      {"SetCase",
       [&] {
         return runner.SetCase({"fall", ""});
       }},
      {"AddParticipant",
       [&] { return runner.AddParticipant(Person("p-x", "colleague")).status(); }},
      {"RecordLearningPoint",
       [&] {
         return runner.RecordLearningPoint({"", "text", "", false}).status();
       }},
      {"RecordAction", [&] { return runner.RecordAction({}).status(); }},
      {"RecordFeedback",
       [&] {
         return runner.RecordFeedback({"", "p-fac", 4, ""}).status();
       }},
      {"RecordNote", [&] { return runner.RecordNote({}).status(); }},
      {"RecordPromptUsed", [&] { return runner.RecordPromptUsed("roles").status(); }},
      {"PassTheWord", [&] { return runner.PassTheWord(); }},
  };
  for (const auto& [name, call] : calls) {
    absl::Status s = call();
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << name;
    EXPECT_EQ(s.message(), name + ": session \"s-1\" has not started");
  }
  EXPECT_EQ(runner.state(), RunnerState::kReady);
  EXPECT_EQ(runner.session().learning_points.size(), 0u);
}

TEST_F(RunnerTest, EveryOperationAfterFinishIsAFailedPrecondition) {
  Runner runner = Started();
  ASSERT_TRUE(runner.Finish().ok());
  const Session finished = runner.session();
  const std::vector<std::pair<std::string, std::function<absl::Status()>>> calls = {
      {"Start", [&] { return runner.Start(MeetingGroup()).status(); }},
      {"Next", [&] { return runner.Next(); }},
      {"Finish", [&] { return runner.Finish().status(); }},
      {"Cancel", [&] { return runner.Cancel({}).status(); }},
      {"SetCase",
       [&] {
         return runner.SetCase({"fall", ""});
       }},
      {"AddParticipant",
       [&] { return runner.AddParticipant(Person("p-x", "colleague")).status(); }},
      {"RecordLearningPoint",
       [&] {
         return runner.RecordLearningPoint({"", "text", "", false}).status();
       }},
      {"RecordAction", [&] { return runner.RecordAction({}).status(); }},
      {"RecordFeedback",
       [&] {
         return runner.RecordFeedback({"", "p-fac", 4, ""}).status();
       }},
      {"RecordNote", [&] { return runner.RecordNote({}).status(); }},
      {"RecordPromptUsed", [&] { return runner.RecordPromptUsed("roles").status(); }},
      {"PassTheWord", [&] { return runner.PassTheWord(); }},
  };
  for (const auto& [name, call] : calls) {
    absl::Status s = call();
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << name;
    EXPECT_EQ(s.message(), name + ": session \"s-1\" is finished");
  }
  EXPECT_EQ(runner.state(), RunnerState::kFinished);
  EXPECT_EQ(runner.session(), finished);
}

TEST_F(RunnerTest, StartTwiceIsAFailedPreconditionAndChangesNothing) {
  Runner runner = Started();
  clock_.Advance(absl::Minutes(1));
  absl::StatusOr<std::vector<Diagnostic>> again = runner.Start({Person("p-x", "colleague")});
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().message(), "Start: session \"s-1\" has already started");
  EXPECT_EQ(runner.session().participants, MeetingGroup());
  EXPECT_EQ(runner.session().actual_start, MeetingTime() + absl::Minutes(2));
}

TEST_F(RunnerTest, NextInTheLastStepAsksForFinish) {
  Runner runner = Started();
  GoTo(runner, "joint-reflection");
  absl::Status s = runner.Next();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "Next: \"joint-reflection\" is the last step; call Finish");
  EXPECT_EQ(runner.state(), RunnerState::kRunning);
  EXPECT_EQ(runner.session().steps.size(), 4u);
}

TEST_F(RunnerTest, StartChecksTheParticipants) {
  Runner runner = Make(SystematicLearningMeeting());
  EXPECT_EQ(runner.Start({}).status().message(), "Start: no participants");
  EXPECT_EQ(
      runner.Start({Person("p-1", "facilitator"), Person("", "colleague")}).status().message(),
      "Start: participants[1].id is empty");
  absl::Status twice =
      runner.Start({Person("p-1", "facilitator"), Person("p-1", "colleague")}).status();
  EXPECT_EQ(twice.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(twice.message(), "Start: participants[1]: \"p-1\" takes part twice");
  EXPECT_EQ(runner.state(), RunnerState::kReady);
}

// ------------------------------------------------------------ roles and capacity

TEST_F(RunnerTest, StartWithoutAFacilitatorIsAnErrorDiagnosticNotAFailure) {
  Runner runner = Make(SystematicLearningMeeting());
  absl::StatusOr<std::vector<Diagnostic>> found =
      runner.Start({Person("p-case", "case-presenter"), Person("p-c1", "colleague")});
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(*found,
              ElementsAre(Finding(Severity::kError, "missing-facilitator", "participants",
                                  "Formatet kræver en facilitator, og ingen har rollen",
                                  "the format needs a facilitator and nobody has the role")));
  EXPECT_EQ(runner.state(), RunnerState::kRunning);
  EXPECT_EQ(runner.diagnostics(), *found);
}

TEST_F(RunnerTest, StartReportsRolesAndCapacity) {
  Runner runner = Make(LearningVisit());
  absl::StatusOr<std::vector<Diagnostic>> found = runner.Start(
      {Person("p-1", "learning-agent"), Person("p-2", "learning-agent"), Person("p-3", "cook")});
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(
      *found,
      ElementsAre(Finding(Severity::kWarning, "too-many-of-role", "participants",
                          "rollen \"learning-agent\": højst 1 tilladt, 2 til stede",
                          "role \"learning-agent\": at most 1 allowed, 2 present"),
                  Finding(Severity::kWarning, "missing-role", "participants",
                          "rollen \"host-colleague\": mindst 1 påkrævet, 0 til stede",
                          "role \"host-colleague\": at least 1 needed, 0 present"),
                  Finding(Severity::kWarning, "unknown-role", "participants[2].role",
                          "rollen \"cook\" er hverken indbygget eller defineret af formatet",
                          "role \"cook\" is neither built in nor defined by the format"),
                  Finding(Severity::kWarning, "capacity-exceeded", "participants",
                          "3 deltagere; formatet er til højst 2",
                          "3 participants; the format is for at most 2")));
}

TEST_F(RunnerTest, StartReportsAGroupBelowCapacity) {
  Runner runner = Make(SystematicLearningMeeting());
  absl::StatusOr<std::vector<Diagnostic>> found = runner.Start({Person("p-fac", "facilitator")});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[0].code, "missing-role");  // case-presenter
  EXPECT_EQ((*found)[1].code, "missing-role");  // colleague
  EXPECT_EQ((*found)[2], Finding(Severity::kWarning, "below-capacity", "participants",
                                 "1 deltagere; formatet er til mindst 2",
                                 "1 participants; the format is for at least 2"));
}

TEST_F(RunnerTest, AddParticipantReportsOnlyWhatChanges) {
  Runner runner = Started();
  absl::StatusOr<std::vector<Diagnostic>> found =
      runner.AddParticipant(Person("p-fac2", "facilitator"));
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(*found, ElementsAre(Finding(Severity::kWarning, "too-many-of-role", "participants",
                                          "rollen \"facilitator\": højst 1 tilladt, 2 til stede",
                                          "role \"facilitator\": at most 1 allowed, 2 present")));
  EXPECT_EQ(runner.session().participants.size(), 6u);
  found = runner.AddParticipant(Person("p-c3", "colleague"));
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(*found, IsEmpty());

  EXPECT_EQ(runner.AddParticipant(Person("p-c3", "colleague")).status().message(),
            "AddParticipant: \"p-c3\" takes part already");
  EXPECT_EQ(runner.AddParticipant(Person("", "colleague")).status().message(),
            "AddParticipant: the participant's id is empty");
}

// ------------------------------------------------------------ outputs

TEST_F(RunnerTest, RejectsAnOutputInAStepThatDoesNotProduceIt) {
  Runner runner = Started();
  absl::StatusOr<RecordResult> r = runner.RecordLearningPoint({"", "Too early.", "", false});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->recorded);
  const Diagnostic expected =
      Finding(Severity::kError, "output-not-produced-here", "learning_points",
              "trinnet \"case\" giver ikke læringspointer",
              "step \"case\" does not produce learning points");
  EXPECT_THAT(r->diagnostics, ElementsAre(expected));
  EXPECT_THAT(runner.session().learning_points, IsEmpty());

  // The rejection stays in the runner's diagnostics after Finish, before the check's.
  GoTo(runner, "case-learning");
  ASSERT_TRUE(runner.RecordLearningPoint({"", "In place.", "", false}).ok());
  ASSERT_TRUE(runner.Finish().ok());
  ASSERT_FALSE(runner.diagnostics().empty());
  EXPECT_EQ(runner.diagnostics()[0], expected);
}

TEST_F(RunnerTest, KeepsAMisfitWithAWarningWhenAskedTo) {
  Runner runner = Started(SystematicLearningMeeting(), MisfitPolicy::kKeep);
  absl::StatusOr<RecordResult> r = runner.RecordLearningPoint({"", "Early.", "", false});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->recorded);
  ASSERT_EQ(r->diagnostics.size(), 1u);
  EXPECT_EQ(r->diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(r->diagnostics[0].code, "output-not-produced-here");
  ASSERT_EQ(runner.session().learning_points.size(), 1u);
  EXPECT_EQ(runner.session().learning_points[0].step_id, "case");
}

TEST_F(RunnerTest, LearningVisitTakesExactlyThreeLearningPoints) {
  Runner runner = Make(LearningVisit());
  ASSERT_TRUE(
      runner.Start({Person("p-agent", "learning-agent"), Person("p-host", "host-colleague")}).ok());
  GoTo(runner, "learning-meeting");
  for (const char* text : {"One.", "Two.", "Three."}) {
    absl::StatusOr<RecordResult> r = runner.RecordLearningPoint({"", text, "p-agent", false});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->recorded) << text;
    EXPECT_THAT(r->diagnostics, IsEmpty());
  }
  absl::StatusOr<RecordResult> fourth = runner.RecordLearningPoint({"", "Four.", "", false});
  ASSERT_TRUE(fourth.ok());
  EXPECT_FALSE(fourth->recorded);
  EXPECT_THAT(fourth->diagnostics,
              ElementsAre(Finding(Severity::kError, "too-many-learning-points", "learning_points",
                                  "læringspointer: præcis 3 efterspurgt, og 3 er allerede "
                                  "registreret",
                                  "learning points: exactly 3 asked for, and 3 are recorded "
                                  "already")));
  EXPECT_EQ(runner.session().learning_points.size(), 3u);
  ASSERT_TRUE(runner.Finish().ok());
  EXPECT_EQ(runner.diagnostics().size(), 1u);  // only the rejection
}

TEST_F(RunnerTest, LearningVisitWithTwoLearningPointsEndsWithTooFew) {
  Runner runner = Make(LearningVisit());
  ASSERT_TRUE(
      runner.Start({Person("p-agent", "learning-agent"), Person("p-host", "host-colleague")}).ok());
  GoTo(runner, "learning-meeting");
  ASSERT_TRUE(runner.RecordLearningPoint({"", "One.", "", false}).ok());
  ASSERT_TRUE(runner.RecordLearningPoint({"", "Two.", "", false}).ok());
  absl::StatusOr<Session> session = runner.Finish();
  ASSERT_TRUE(session.ok());
  EXPECT_THAT(runner.diagnostics(),
              ElementsAre(Finding(Severity::kError, "too-few-learning-points", "learning_points",
                                  "læringspointer: præcis 3 efterspurgt, 2 registreret",
                                  "learning points: exactly 3 asked for, 2 recorded")));
}

TEST_F(RunnerTest, OpenStepsShareThePlannedDuration) {
  Runner runner = Make(LearningVisit());
  ASSERT_TRUE(
      runner.Start({Person("p-agent", "learning-agent"), Person("p-host", "host-colleague")}).ok());
  // One working day is 444 minutes; three open steps get 148 each.
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(148));
  EXPECT_EQ(runner.TimeLeftInSession(), absl::Minutes(444));
  clock_.Advance(absl::Hours(1));
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(88));
}

TEST_F(RunnerTest, ActionsGetIdsAndAnOpeningStatus) {
  Runner runner = Started();
  GoTo(runner, "joint-reflection");
  Action first;
  first.text = "A checklist.";
  ASSERT_TRUE(runner.RecordAction(first).ok());
  Action named;
  named.id = "huddle";
  named.text = "A weekly huddle.";
  ASSERT_TRUE(runner.RecordAction(named).ok());
  Action second;
  second.text = "Fewer handovers.";
  ASSERT_TRUE(runner.RecordAction(second).ok());
  ASSERT_EQ(runner.session().actions.size(), 3u);
  EXPECT_EQ(runner.session().actions[0].id, "a1");
  EXPECT_EQ(runner.session().actions[1].id, "huddle");
  EXPECT_EQ(runner.session().actions[2].id, "a3");
  EXPECT_EQ(runner.session().actions[2].CurrentStatus(), ActionStatus::kOpen);

  absl::Status twice = runner.RecordAction(named).status();
  EXPECT_EQ(twice.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(twice.message(), "RecordAction: action \"huddle\" is recorded already");
  EXPECT_EQ(runner.RecordAction({}).status().message(), "RecordAction: the text is empty");
}

TEST_F(RunnerTest, ActionInTheWrongStepIsRejected) {
  Runner runner = Started();
  Action action;
  action.text = "Too early.";
  absl::StatusOr<RecordResult> r = runner.RecordAction(action);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->recorded);
  EXPECT_THAT(r->diagnostics,
              ElementsAre(Finding(Severity::kError, "output-not-produced-here", "actions",
                                  "trinnet \"case\" giver ikke organisatoriske tiltag",
                                  "step \"case\" does not produce organisational actions")));
}

TEST_F(RunnerTest, LearningPointsNeedTextAndAKnownAuthor) {
  Runner runner = Started();
  GoTo(runner, "case-learning");
  absl::Status empty = runner.RecordLearningPoint({}).status();
  EXPECT_EQ(empty.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(empty.message(), "RecordLearningPoint: the text is empty");
  EXPECT_EQ(runner.RecordLearningPoint({"", "x", "p-nobody", false}).status().message(),
            "RecordLearningPoint: author \"p-nobody\" is not a participant");
}

TEST_F(RunnerTest, FeedbackAtTheSeminar) {
  Runner runner = Make(LearningSeminar());
  ASSERT_TRUE(runner.Start({Person("p-1", "colleague"), Person("p-2", "leader")}).ok());
  absl::StatusOr<RecordResult> early = runner.RecordFeedback({"", "p-1", 5, "Inspiring."});
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->recorded);
  EXPECT_EQ(early->diagnostics[0].code, "output-not-produced-here");
  EXPECT_EQ(early->diagnostics[0].message.en, "step \"inspiration\" does not produce feedback");

  GoTo(runner, "feedback");
  absl::Status seven = runner.RecordFeedback({"", "p-1", 7, ""}).status();
  EXPECT_EQ(seven.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(seven.message(), "RecordFeedback: rating 7 is not from 1 to 5");
  EXPECT_EQ(runner.RecordFeedback({"", "p-9", 3, ""}).status().message(),
            "RecordFeedback: \"p-9\" is not a participant");
  absl::StatusOr<RecordResult> given = runner.RecordFeedback({"", "p-1", 5, "Inspiring."});
  ASSERT_TRUE(given.ok());
  EXPECT_TRUE(given->recorded);
  absl::Status twice = runner.RecordFeedback({"", "p-1", 4, ""}).status();
  EXPECT_EQ(twice.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(twice.message(), "RecordFeedback: \"p-1\" already gave feedback");
  EXPECT_THAT(runner.session().feedback, ElementsAre(Feedback{"feedback", "p-1", 5, "Inspiring."}));
}

TEST_F(RunnerTest, SeminarWithoutFeedbackEndsWithTooFew) {
  Runner runner = Make(LearningSeminar());
  ASSERT_TRUE(runner.Start({Person("p-1", "colleague")}).ok());
  ASSERT_TRUE(runner.Finish().ok());
  ASSERT_FALSE(runner.diagnostics().empty());
  EXPECT_EQ(runner.diagnostics()[0], Finding(Severity::kError, "too-few-feedback", "feedback",
                                             "feedback: mindst 1 efterspurgt, 0 registreret",
                                             "feedback: at least 1 asked for, 0 recorded"));
}

TEST_F(RunnerTest, PlainNotesFitEveryStepReflectionsOnlyTheirOwn) {
  Runner runner = Started();
  absl::StatusOr<RecordResult> note =
      runner.RecordNote({"", NoteKind::kNote, "Room was cold.", false});
  ASSERT_TRUE(note.ok());
  EXPECT_TRUE(note->recorded);
  absl::StatusOr<RecordResult> reflection =
      runner.RecordNote({"", NoteKind::kReflection, "Early thought.", true});
  ASSERT_TRUE(reflection.ok());
  EXPECT_FALSE(reflection->recorded);
  EXPECT_EQ(reflection->diagnostics[0].path, "notes");  // rejected: not an element
  EXPECT_EQ(reflection->diagnostics[0].message.en, "step \"case\" does not produce reflections");
  EXPECT_EQ(runner.RecordNote({}).status().message(), "RecordNote: the text is empty");
  EXPECT_THAT(runner.session().notes,
              ElementsAre(Note{"case", NoteKind::kNote, "Room was cold.", false}));
}

// ------------------------------------------------------------ prompts

TEST_F(RunnerTest, QuestionsAreCheckedAgainstTheStepAndItsQuestionSets) {
  Runner runner = Started();
  absl::StatusOr<RecordResult> in_case = runner.RecordPromptUsed("roles");
  ASSERT_TRUE(in_case.ok());
  EXPECT_FALSE(in_case->recorded);
  EXPECT_THAT(in_case->diagnostics,
              ElementsAre(Finding(Severity::kError, "unknown-prompt", "prompts",
                                  "spørgsmålet \"roles\" hører ikke til trinnet \"case\"",
                                  "question \"roles\" is not one of step \"case\"'s questions")));
  GoTo(runner, "learning-questions");
  ASSERT_TRUE(runner.RecordPromptUsed("roles")->recorded);
  ASSERT_TRUE(runner.RecordPromptUsed("roles")->recorded);  // once is enough
  EXPECT_FALSE(runner.RecordPromptUsed("the-weather")->recorded);
  EXPECT_EQ(runner.RecordPromptUsed("").status().message(),
            "RecordPromptUsed: the question id is empty");
  EXPECT_THAT(runner.session().prompts, ElementsAre(PromptUse{"learning-questions", "roles"}));
}

TEST_F(RunnerTest, WithoutACatalogQuestionSetsAcceptAnyId) {
  RunnerOptions options;
  options.clock = &clock_;
  absl::StatusOr<Runner> runner = Runner::Create(SystematicLearningMeeting(), {}, options);
  ASSERT_TRUE(runner.ok());
  ASSERT_TRUE(runner->Start(MeetingGroup()).ok());
  ASSERT_TRUE(runner->Next().ok());
  EXPECT_TRUE(runner->RecordPromptUsed("anything")->recorded);
}

TEST_F(RunnerTest, QuestionsWrittenIntoTheStep) {
  Runner runner = Make(LearningVisit());
  ASSERT_TRUE(
      runner.Start({Person("p-agent", "learning-agent"), Person("p-host", "host-colleague")}).ok());
  EXPECT_TRUE(runner.RecordPromptUsed("agent-goals")->recorded);
  EXPECT_FALSE(runner.RecordPromptUsed("biggest-challenge")->recorded);
}

// ------------------------------------------------------------ the round

TEST_F(RunnerTest, TheWordGoesAroundByTheClock) {
  Runner runner = Started();
  EXPECT_EQ(runner.Round(), std::nullopt);  // "case" is not a round
  absl::Status not_round = runner.PassTheWord();
  EXPECT_EQ(not_round.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(not_round.message(), "PassTheWord: step \"case\" is not a round");

  GoTo(runner, "round");
  std::optional<RoundTurn> turn = runner.Round();
  ASSERT_TRUE(turn.has_value());
  EXPECT_THAT(turn->order, ElementsAre("p-fac", "p-case", "p-c1", "p-c2", "p-lead"));
  EXPECT_EQ(turn->each, (MinuteRange{1, 1}));
  EXPECT_EQ(turn->speaker, 0u);
  EXPECT_EQ(turn->time_left, absl::Minutes(1));

  clock_.Advance(absl::Seconds(80));
  turn = runner.Round();
  EXPECT_EQ(turn->speaker, 1u);
  EXPECT_EQ(turn->time_left, absl::Seconds(40));

  ASSERT_TRUE(runner.PassTheWord().ok());  // p-case is done early
  turn = runner.Round();
  EXPECT_EQ(turn->speaker, 2u);
  EXPECT_EQ(turn->time_left, absl::Minutes(1));

  clock_.Advance(absl::Minutes(3));
  turn = runner.Round();
  EXPECT_TRUE(turn->done());
  EXPECT_EQ(turn->speaker, 5u);
  EXPECT_EQ(turn->time_left, absl::ZeroDuration());
  absl::Status done = runner.PassTheWord();
  EXPECT_EQ(done.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(done.message(), "PassTheWord: everyone in the round has spoken");
}

TEST_F(RunnerTest, ThoseWhoLeadTheRoundAreLeftOutFirst) {
  Format format = SystematicLearningMeeting();
  format.steps[3].budget = TimeBudget::PerParticipant(1, 2).Skipping(1);
  Runner runner = Started(format);
  GoTo(runner, "round");
  std::optional<RoundTurn> turn = runner.Round();
  ASSERT_TRUE(turn.has_value());
  EXPECT_THAT(turn->order, ElementsAre("p-case", "p-c1", "p-c2", "p-lead"));
  EXPECT_EQ(turn->each, (MinuteRange{1, 2}));
  EXPECT_EQ(turn->time_left, absl::Minutes(2));
  EXPECT_EQ(runner.TimeLeftInStep(), absl::Minutes(8));
}

// ------------------------------------------------------------ finishing and cancelling

TEST_F(RunnerTest, FinishingEarlyLeavesLaterStepsNotHeld) {
  Runner runner = Started();
  GoTo(runner, "case-learning");
  ASSERT_TRUE(runner.RecordLearningPoint({"", "Point.", "", false}).ok());
  absl::StatusOr<Session> session = runner.Finish();
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->steps.size(), 3u);
  EXPECT_THAT(
      runner.diagnostics(),
      ElementsAre(Finding(Severity::kWarning, "step-not-held", "steps",
                          "trinnet \"round\" blev ikke holdt", "step \"round\" was not held"),
                  Finding(Severity::kWarning, "step-not-held", "steps",
                          "trinnet \"joint-reflection\" blev ikke holdt",
                          "step \"joint-reflection\" was not held")));
}

TEST_F(RunnerTest, CancelBeforeStart) {
  RunnerOptions options;
  options.clock = &clock_;
  absl::StatusOr<Runner> runner =
      Runner::Create(SystematicLearningMeeting(), {"s-2", "unit", std::nullopt}, options);
  ASSERT_TRUE(runner.ok());
  absl::StatusOr<Session> session =
      runner->Cancel({CancelReason::kStaffing, "Two called in sick."});
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(runner->state(), RunnerState::kFinished);
  EXPECT_EQ(session->status(), SessionStatus::kCancelled);
  EXPECT_EQ(session->cancellation, (Cancellation{CancelReason::kStaffing, "Two called in sick."}));
  EXPECT_EQ(session->planned_start, clock_.Now());  // no plan: the time it was called off
  EXPECT_EQ(session->actual_start, std::nullopt);
  EXPECT_THAT(session->steps, IsEmpty());
  EXPECT_TRUE(ValidateSession(*session).ok());
  EXPECT_THAT(runner->diagnostics(), IsEmpty());
}

TEST_F(RunnerTest, CancelPartWayKeepsWhatWasRecorded) {
  Runner runner = Started();
  ASSERT_TRUE(runner.SetCase({"fall", ""}).ok());
  clock_.Advance(absl::Minutes(4));
  absl::StatusOr<Session> session = runner.Cancel({CancelReason::kWorkload, ""});
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->status(), SessionStatus::kCancelled);
  EXPECT_EQ(session->actual_end, clock_.Now());
  EXPECT_THAT(session->steps,
              ElementsAre(StepTiming{"case", clock_.Now() - absl::Minutes(4), clock_.Now()}));
  EXPECT_EQ(session->presented_case, (Case{"fall", ""}));
  EXPECT_TRUE(ValidateSession(*session).ok());
}

// An action and a cancellation recorded as confidential keep their flag, so
// that every export leaves their text out.
TEST_F(RunnerTest, ConfidentialActionsAndCancellationsKeepTheirFlag) {
  Runner runner = Started();
  GoTo(runner, "joint-reflection");
  Action secret;
  secret.text = "Skift låsen hos borgeren.";
  secret.owner = "leader";
  secret.confidential = true;
  absl::StatusOr<RecordResult> recorded = runner.RecordAction(secret);
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_TRUE(recorded->recorded);
  Action open;
  open.text = "En tjekliste.";
  ASSERT_TRUE(runner.RecordAction(open).ok());
  absl::StatusOr<Session> session =
      runner.Cancel({CancelReason::kOther, "Borgeren døde i nat.", true});
  ASSERT_TRUE(session.ok()) << session.status();
  ASSERT_EQ(session->actions.size(), 2u);
  EXPECT_TRUE(session->actions[0].confidential);
  EXPECT_EQ(session->actions[0].text, "Skift låsen hos borgeren.");
  EXPECT_FALSE(session->actions[1].confidential);
  EXPECT_EQ(session->cancellation,
            (Cancellation{CancelReason::kOther, "Borgeren døde i nat.", true}));
  EXPECT_TRUE(ValidateSession(*session).ok());
}

TEST_F(RunnerTest, SetCaseNeedsACategory) {
  Runner runner = Started();
  absl::Status s = runner.SetCase({"", "c-1"});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "SetCase: the category is empty");
}

TEST_F(RunnerTest, AClockThatJumpsBackDoesNotMakeTimeRunBackwards) {
  Runner runner = Started();
  clock_.Advance(absl::Minutes(2));
  ASSERT_TRUE(runner.Next().ok());
  clock_.Advance(-absl::Minutes(10));
  ASSERT_TRUE(runner.Next().ok());
  absl::StatusOr<Session> session = runner.Finish();
  ASSERT_TRUE(session.ok());
  EXPECT_TRUE(ValidateSession(*session).ok());
  EXPECT_EQ(session->steps[1].start, session->steps[1].end);
}

// ------------------------------------------------------------ the built-in catalog

TEST(RunnerBuiltinTest, RunsTheBuiltinSystematicLearningMeeting) {
  const Catalog& catalog = BuiltinCatalog();
  const Format* format = catalog.Find("systematic-learning-meeting");
  ASSERT_NE(format, nullptr);
  FakeClock clock(MeetingTime());
  RunnerOptions options;
  options.clock = &clock;
  options.catalog = &catalog;
  absl::StatusOr<Runner> runner = Runner::Create(*format, {}, options);
  ASSERT_TRUE(runner.ok());
  ASSERT_TRUE(runner->Start(MeetingGroup()).ok());
  EXPECT_EQ(runner->TimeLeftInSession(), absl::Minutes(30));
  ASSERT_TRUE(runner->Next().ok());
  EXPECT_TRUE(runner->RecordPromptUsed("most-important-learning")->recorded);
  EXPECT_FALSE(runner->RecordPromptUsed("no-such-question")->recorded);
}

TEST(RunnerBuiltinTest, TheBuiltinLearningVisitTakesThreeLearningPoints) {
  const Format* format = BuiltinCatalog().Find("learning-visit");
  ASSERT_NE(format, nullptr);
  FakeClock clock(MeetingTime());
  RunnerOptions options;
  options.clock = &clock;
  absl::StatusOr<Runner> runner = Runner::Create(*format, {}, options);
  ASSERT_TRUE(runner.ok());
  absl::StatusOr<std::vector<Diagnostic>> found =
      runner->Start({Person("p-agent", "learning-agent"), Person("p-host", "host-colleague")});
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(*found, IsEmpty());
  while (runner->current_step()->id != "learning-meeting") ASSERT_TRUE(runner->Next().ok());
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(runner->RecordLearningPoint({"", "x", "", false})->recorded);
  absl::StatusOr<RecordResult> fourth = runner->RecordLearningPoint({"", "x", "", false});
  ASSERT_TRUE(fourth.ok());
  EXPECT_FALSE(fourth->recorded);
  EXPECT_EQ(fourth->diagnostics[0].code, "too-many-learning-points");
}

// ------------------------------------------------------------ feedback, per-kind policy

// No step of the systematic learning meeting declares feedback: it fits the
// last step, where the meeting ends, and nowhere else.
TEST_F(RunnerTest, FeedbackFitsTheLastStepWhenNoStepDeclaresIt) {
  Runner runner = Started();
  absl::StatusOr<RecordResult> early = runner.RecordFeedback({"", "p-c1", 4, ""});
  ASSERT_TRUE(early.ok()) << early.status();
  EXPECT_FALSE(early->recorded);
  // Rejected: the finding points at the list, not at a "feedback[0]" that does not exist.
  EXPECT_THAT(early->diagnostics,
              ElementsAre(Finding(Severity::kError, "output-not-produced-here", "feedback",
                                  "trinnet \"case\" giver ikke feedback",
                                  "step \"case\" does not produce feedback")));
  GoTo(runner, "joint-reflection");
  absl::StatusOr<RecordResult> at_end = runner.RecordFeedback({"", "p-c1", 4, "Useful."});
  ASSERT_TRUE(at_end.ok()) << at_end.status();
  EXPECT_TRUE(at_end->recorded);
  EXPECT_THAT(at_end->diagnostics, IsEmpty());
  ASSERT_TRUE(runner.RecordLearningPoint({"", "x", "", false}).ok());
  absl::StatusOr<Session> session = runner.Finish();
  ASSERT_TRUE(session.ok());
  EXPECT_THAT(session->feedback, ElementsAre(Feedback{.step_id = "joint-reflection",
                                                      .participant = "p-c1",
                                                      .rating = 4,
                                                      .comment = "Useful."}));
  for (const Diagnostic& d : runner.diagnostics()) {
    EXPECT_NE(d.path, "feedback[0]") << d.code;  // CheckSession agrees that it fits
  }
}

TEST_F(RunnerTest, AFormatThatDeclaresFeedbackTakesItOnlyWhereDeclared) {
  Format meeting = SystematicLearningMeeting();
  meeting.steps[2].produces.push_back(OutputKind::kFeedback);  // "case-learning"
  Runner runner = Started(meeting);
  GoTo(runner, "joint-reflection");
  absl::StatusOr<RecordResult> last = runner.RecordFeedback({"", "p-c1", 5, ""});
  ASSERT_TRUE(last.ok());
  EXPECT_FALSE(last->recorded);
  ASSERT_EQ(last->diagnostics.size(), 1u);
  EXPECT_EQ(last->diagnostics[0].code, "output-not-produced-here");
}

TEST_F(RunnerTest, MisfitPolicyPerOutputKind) {
  RunnerOptions options;
  options.clock = &clock_;
  options.catalog = &catalog_;
  options.misfit_by_kind = {{OutputKind::kFeedback, MisfitPolicy::kKeep}};
  absl::StatusOr<Runner> runner =
      Runner::Create(SystematicLearningMeeting(), {.session_id = "s-1"}, options);
  ASSERT_TRUE(runner.ok());
  ASSERT_TRUE(runner->Start(MeetingGroup()).ok());
  // Feedback in "case" is kept, with a warning at the element it became.
  absl::StatusOr<RecordResult> feedback = runner->RecordFeedback({"", "p-c1", 4, ""});
  ASSERT_TRUE(feedback.ok());
  EXPECT_TRUE(feedback->recorded);
  EXPECT_THAT(feedback->diagnostics,
              ElementsAre(Finding(Severity::kWarning, "output-not-produced-here", "feedback[0]",
                                  "trinnet \"case\" giver ikke feedback",
                                  "step \"case\" does not produce feedback")));
  // A learning point there, and an unknown question, are still rejected.
  absl::StatusOr<RecordResult> point = runner->RecordLearningPoint({"", "Early.", "", false});
  ASSERT_TRUE(point.ok());
  EXPECT_FALSE(point->recorded);
  ASSERT_EQ(point->diagnostics.size(), 1u);
  EXPECT_EQ(point->diagnostics[0].path, "learning_points");
  EXPECT_EQ(point->diagnostics[0].severity, Severity::kError);
  ASSERT_TRUE(runner->Next().ok());
  absl::StatusOr<RecordResult> prompt = runner->RecordPromptUsed("no-such-question");
  ASSERT_TRUE(prompt.ok());
  EXPECT_FALSE(prompt->recorded);
  ASSERT_EQ(prompt->diagnostics.size(), 1u);
  EXPECT_EQ(prompt->diagnostics[0].code, "unknown-prompt");
  EXPECT_EQ(prompt->diagnostics[0].path, "prompts");
  EXPECT_THAT(runner->session().learning_points, IsEmpty());
  EXPECT_THAT(runner->session().prompts, IsEmpty());
}

// ------------------------------------------------------------ on_change and Resume

TEST_F(RunnerTest, OnChangeSeesEveryChange) {
  std::vector<Session> seen;
  RunnerOptions options;
  options.clock = &clock_;
  options.on_change = [&](const Session& s) { seen.push_back(s); };
  absl::StatusOr<Runner> runner =
      Runner::Create(SystematicLearningMeeting(), {.session_id = "s-1"}, options);
  ASSERT_TRUE(runner.ok());
  ASSERT_TRUE(runner->Start(MeetingGroup()).ok());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen.back().participants.size(), 5u);
  ASSERT_TRUE(runner->SetCase({.category = "fall"}).ok());
  ASSERT_TRUE(runner->Next().ok());
  ASSERT_TRUE(runner->RecordNote({.text = "A plain note."}).ok());
  // A rejected output changes nothing and is not reported.
  ASSERT_FALSE(runner->RecordLearningPoint({.text = "Too early."})->recorded);
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen.back().notes.size(), 1u);
  EXPECT_EQ(seen.back().steps.size(), 1u);
  ASSERT_TRUE(runner->Finish().ok());
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen.back(), runner->session());
}

TEST_F(RunnerTest, ResumeContinuesWhereTheSessionStopped) {
  Session partial;
  {
    Runner first = Started();
    clock_.Advance(absl::Minutes(5));
    ASSERT_TRUE(first.Next().ok());
    ASSERT_TRUE(first.RecordPromptUsed("biggest-challenge")->recorded);
    clock_.Advance(absl::Minutes(10));
    ASSERT_TRUE(first.Next().ok());  // into "case-learning" at 14:17
    ASSERT_TRUE(first.RecordLearningPoint({.text = "Call the GP early."})->recorded);
    partial = first.session();
  }  // the app dies here
  clock_.Advance(absl::Minutes(1));
  RunnerOptions options;
  options.clock = &clock_;
  options.catalog = &catalog_;
  absl::StatusOr<Runner> resumed = Runner::Resume(SystematicLearningMeeting(), partial, options);
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  EXPECT_EQ(resumed->state(), RunnerState::kRunning);
  ASSERT_NE(resumed->current_step(), nullptr);
  EXPECT_EQ(resumed->current_step()->id, "case-learning");
  EXPECT_EQ(resumed->step_index(), 2u);
  // "case-learning" has 1–2 min and began at 14:17; it is 14:18 now.
  EXPECT_EQ(resumed->TimeLeftInStep(), absl::Minutes(1));
  EXPECT_EQ(resumed->TimeLeftInSession(), absl::Minutes(30 - 16));
  EXPECT_EQ(resumed->session(), partial);
  ASSERT_TRUE(resumed->RecordLearningPoint({.text = "Write it down."})->recorded);
  ASSERT_TRUE(resumed->Next().ok());
  ASSERT_TRUE(resumed->Next().ok());
  absl::StatusOr<Session> done = resumed->Finish();
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->learning_points.size(), 2u);
  EXPECT_EQ(done->prompts, partial.prompts);
  ASSERT_EQ(done->steps.size(), 5u);
  EXPECT_EQ(done->steps[2].start, partial.steps[1].end);
}

TEST_F(RunnerTest, ResumeRefusesWhatItCannotContinue) {
  Runner runner = Started();
  ASSERT_TRUE(runner.Next().ok());
  Session partial = runner.session();

  Format other = SystematicLearningMeeting();
  other.version = 2;
  EXPECT_EQ(Runner::Resume(other, partial).status().message(),
            "Resume: session \"s-1\": it is of format \"systematic-learning-meeting\" version 1, "
            "not \"systematic-learning-meeting\" version 2");
  Session shuffled = partial;
  shuffled.steps[0].step_id = "round";
  absl::Status s = Runner::Resume(SystematicLearningMeeting(), shuffled).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "Resume: session \"s-1\": steps[0] is \"round\" where the format's step 1 is \"case\"");
  Session ended = partial;
  ended.actual_end = *ended.actual_start + absl::Minutes(30);
  EXPECT_EQ(Runner::Resume(SystematicLearningMeeting(), ended).status().code(),
            absl::StatusCode::kFailedPrecondition);
  Session cancelled = partial;
  cancelled.cancellation = Cancellation{.reason = CancelReason::kStaffing};
  EXPECT_EQ(Runner::Resume(SystematicLearningMeeting(), cancelled).status().message(),
            "Resume: session \"s-1\": it was cancelled");
  Session broken = partial;
  broken.id.clear();
  EXPECT_EQ(Runner::Resume(SystematicLearningMeeting(), broken).status().code(),
            absl::StatusCode::kInvalidArgument);
  Session planned = partial;
  planned.actual_start.reset();
  planned.steps.clear();
  EXPECT_EQ(Runner::Resume(SystematicLearningMeeting(), planned).status().message(),
            "Resume: session \"s-1\": it has not started; Runner::Create plans a new one");
}

TEST(RunnerNamesTest, RoundTrip) {
  for (const MisfitPolicy p : {MisfitPolicy::kReject, MisfitPolicy::kKeep}) {
    EXPECT_EQ(ParseMisfitPolicy(MisfitPolicyName(p)), p);
  }
  for (const RunnerState s : {RunnerState::kReady, RunnerState::kRunning, RunnerState::kFinished}) {
    EXPECT_EQ(ParseRunnerState(RunnerStateName(s)), s);
  }
  EXPECT_EQ(MisfitPolicyName(MisfitPolicy::kKeep), "keep");
  EXPECT_EQ(RunnerStateName(RunnerState::kRunning), "running");
  EXPECT_EQ(RunnerStateName(static_cast<RunnerState>(7)), "");
  EXPECT_EQ(ParseRunnerState("done"), std::nullopt);
}

// ------------------------------------------------------------ identifiers

TEST_F(RunnerTest, TheLinterWarnsAboutWhatIsRecorded) {
  Runner runner = Make(SystematicLearningMeeting());
  std::vector<Participant> group = MeetingGroup();
  group[2].id = "Mette Hansen";
  absl::StatusOr<std::vector<Diagnostic>> started = runner.Start(group);
  ASSERT_TRUE(started.ok()) << started.status();
  EXPECT_THAT(*started, ::testing::Contains(
                            Finding(Severity::kWarning, "identifier-in-id", "participants[2].id",
                                    "ligner et navn; brug et pseudonym (Pseudonymiser)",
                                    "looks like a name; use a pseudonym (Pseudonymiser)")));
  GoTo(runner, "case-learning");
  absl::StatusOr<RecordResult> point =
      runner.RecordLearningPoint({"", "Datteren (tlf. 21 43 65 87) skal ringes op", "", false});
  ASSERT_TRUE(point.ok());
  EXPECT_TRUE(point->recorded);
  ASSERT_EQ(point->diagnostics.size(), 1u);
  EXPECT_EQ(point->diagnostics[0].code, "identifier-in-text");
  EXPECT_EQ(point->diagnostics[0].path, "learning_points[0].text");
  // A name typed as an id is not quoted back in an error.
  absl::StatusOr<std::vector<Diagnostic>> again =
      runner.AddParticipant(Person("Mette Hansen", "colleague"));
  ASSERT_EQ(again.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(again.status().message()),
            "AddParticipant: \"" + MaskedId("Mette Hansen") + "\" takes part already");
  EXPECT_EQ(std::string(again.status().message()).find("Mette"), std::string::npos);
  absl::StatusOr<RecordResult> feedback = runner.RecordFeedback({"", "Jens Jensen", 4, ""});
  EXPECT_EQ(feedback.status().message().find("Jens"), absl::string_view::npos);
  // Finish lints the whole session once more.
  absl::StatusOr<Session> done = runner.Finish();
  ASSERT_TRUE(done.ok());
  std::vector<std::string> paths;
  for (const Diagnostic& d : runner.diagnostics()) {
    if (d.code.rfind("identifier-", 0) == 0) paths.push_back(d.path);
  }
  EXPECT_THAT(paths, ::testing::ElementsAre("participants[2].id", "learning_points[0].text"));
}

TEST_F(RunnerTest, TheStrictPolicyRefusesAndRecordsNothing) {
  RunnerOptions options;
  options.clock = &clock_;
  options.identifiers = IdentifierPolicy::kRefuse;
  SessionPlan plan;
  plan.session_id = "s-1";
  plan.unit = "home-care-north";
  absl::StatusOr<Runner> runner = Runner::Create(SystematicLearningMeeting(), plan, options);
  ASSERT_TRUE(runner.ok());
  std::vector<Participant> group = MeetingGroup();
  group[1].id = "0101901234";
  absl::StatusOr<std::vector<Diagnostic>> refused = runner->Start(group);
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(refused.status().message()),
            "Start: participants[1].id: looks like a CPR number; use a pseudonym "
            "(Pseudonymiser) (identifier policy \"refuse\")");
  EXPECT_EQ(runner->state(), RunnerState::kReady);
  ASSERT_TRUE(runner->Start(MeetingGroup()).ok());
  absl::StatusOr<RecordResult> note =
      runner->RecordNote({"", NoteKind::kNote, "Skriv til jens@aarhus.dk", false});
  ASSERT_EQ(note.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(note.status().message()),
            "RecordNote: notes[0].text: looks like an e-mail address; describe the situation, "
            "not the person, or mark the text confidential (identifier policy \"refuse\")");
  EXPECT_TRUE(runner->session().notes.empty());
  absl::StatusOr<Session> cancelled = runner->Cancel({CancelReason::kOther, "Mette Hansen er syg"});
  EXPECT_EQ(cancelled.status().code(), absl::StatusCode::kInvalidArgument);
  // A plan whose unit holds a phone number is refused at once.
  plan.unit = "Hjemmeplejen, 21436587";
  EXPECT_EQ(Runner::Create(SystematicLearningMeeting(), plan, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}
}  // namespace
}  // namespace carelearn
