// Formats and sessions shared by the record and store tests. The formats
// follow catalog/systematic-learning-meeting.json, learning-visit.json and
// learning-seminar.json in the parts the runner uses, so that the tests do
// not change when the catalog's wording does.
#ifndef CARELEARN_TESTS_CPP_RECORD_FIXTURES_HPP_
#define CARELEARN_TESTS_CPP_RECORD_FIXTURES_HPP_

#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn::testing {

/// 2026-03-04 14:00 UTC, a Wednesday.
inline absl::Time MeetingTime() {
  return absl::FromCivil(absl::CivilMinute(2026, 3, 4, 14, 0), absl::UTCTimeZone());
}

inline Step MakeStep(std::string id, TimeBudget budget, Participation participation,
                     std::string lead = {}, std::vector<OutputKind> produces = {}) {
  Step s;
  s.id = std::move(id);
  s.title = {s.id, s.id};
  s.budget = budget;
  s.participation = participation;
  s.lead = std::move(lead);
  s.produces = std::move(produces);
  return s;
}

/// The systematic learning meeting: 30 min, every other week, a facilitator.
inline Format SystematicLearningMeeting() {
  Format f;
  f.id = "systematic-learning-meeting";
  f.version = 1;
  f.title = {"Systematisk læringsmøde", "Systematic learning meeting"};
  f.prerequisites = {{"facilitator", {"Der er en facilitator.", "There is a facilitator."}}};
  f.capacity.min = 2;
  f.duration = TimeBudget::Fixed(30);
  f.roles = {{"facilitator", 1, 1},
             {"case-presenter", 1, std::nullopt},
             {"colleague", 1, std::nullopt},
             {"leader", 0, std::nullopt}};
  f.steps = {
      MakeStep("case", TimeBudget::Fixed(5), Participation::kSpeaker, "case-presenter"),
      MakeStep("learning-questions", TimeBudget::Fixed(10), Participation::kQuestions,
               "facilitator"),
      MakeStep("case-learning", TimeBudget::Range(1, 2), Participation::kSpeaker, "case-presenter",
               {OutputKind::kLearningPoint}),
      MakeStep("round", TimeBudget::PerParticipant(1, 1).About(), Participation::kRound,
               "facilitator", {OutputKind::kReflection}),
      MakeStep("joint-reflection", TimeBudget::Fixed(5), Participation::kPlenary, "facilitator",
               {OutputKind::kOrganisationalAction}),
  };
  f.steps[1].question_sets = {"learning-questions"};
  f.outputs = {{OutputKind::kLearningPoint, 1, std::nullopt, "", {}},
               {OutputKind::kOrganisationalAction, 0, std::nullopt, "leader", {}}};
  return f;
}

/// The learning visit: a learning agent follows a host colleague; exactly
/// three learning points.
inline Format LearningVisit() {
  Format f;
  f.id = "learning-visit";
  f.version = 1;
  f.title = {"Læringsbesøg", "Learning visit"};
  f.capacity = {2, 2, std::nullopt};
  f.duration = TimeBudget::Range(0.5, 1, TimeUnit::kDay);
  f.roles = {{"learning-agent", 1, 1}, {"host-colleague", 1, 1}};
  f.steps = {
      MakeStep("check-in", TimeBudget::Open(), Participation::kPlenary),
      MakeStep("shadowing", TimeBudget::Open(), Participation::kShadowing, "host-colleague"),
      MakeStep("learning-meeting", TimeBudget::Open(), Participation::kPlenary, "",
               {OutputKind::kReflection, OutputKind::kLearningPoint}),
  };
  f.steps[0].prompts = {{"agent-goals", {"Mål?", "Goals?"}, "learning-agent"},
                        {"focus", {"Fokus?", "Focus?"}, "host-colleague"}};
  f.steps[2].format = FormatRef{"learning-visit-meeting", 1};
  f.outputs = {{OutputKind::kLearningPoint, 3, 3, "staff-meeting", {}}};
  return f;
}

/// A learning seminar of one day, ending in feedback.
inline Format LearningSeminar() {
  Format f;
  f.id = "learning-seminar";
  f.version = 1;
  f.capacity = {1, 100, std::nullopt};
  f.duration = TimeBudget::Fixed(1, TimeUnit::kDay);
  f.steps = {
      MakeStep("inspiration", TimeBudget::Open(), Participation::kSpeaker),
      MakeStep("personal-reflection", TimeBudget::Open(), Participation::kIndividual, "",
               {OutputKind::kReflection}),
      MakeStep("feedback", TimeBudget::Open(), Participation::kIndividual, "",
               {OutputKind::kFeedback}),
  };
  f.outputs = {{OutputKind::kFeedback, 1, std::nullopt, "next-seminar", {}}};
  return f;
}

/// A catalog with the learning questions (ids as in the built-in set).
inline Catalog QuestionCatalog() {
  QuestionSet set;
  set.id = "learning-questions";
  for (const char* id :
       {"biggest-challenge", "easy-or-fun", "roles", "relationships", "missing-knowledge",
        "decision-authority", "do-differently", "most-important-learning"}) {
    set.prompts.push_back({id, {id, id}, ""});
  }
  Catalog catalog;
  if (!catalog.Add(set).ok()) return {};
  return catalog;
}

inline Participant Person(std::string id, std::string role, Shift shift = Shift::kDay) {
  return {std::move(id), std::move(role), "home-care-north", "social-and-health-assistant", shift};
}

/// Five people for the systematic learning meeting, the facilitator first.
inline std::vector<Participant> MeetingGroup() {
  return {Person("p-fac", "facilitator"), Person("p-case", "case-presenter"),
          Person("p-c1", "colleague"), Person("p-c2", "colleague", Shift::kEvening),
          Person("p-lead", "leader")};
}

/// A held session with something in every field.
inline Session FullSession(std::string id = "s-1", absl::Time start = MeetingTime()) {
  Session s;
  s.id = std::move(id);
  s.format_id = "systematic-learning-meeting";
  s.format_version = 1;
  s.unit = "home-care-north";
  s.planned_start = start;
  s.actual_start = start + absl::Minutes(2);
  s.actual_end = start + absl::Minutes(31);
  s.participants = MeetingGroup();
  s.participants[3].profession = "nurse";
  const absl::Time t = *s.actual_start;
  s.steps = {{"case", t, t + absl::Minutes(5)},
             {"learning-questions", t + absl::Minutes(5), t + absl::Minutes(15)},
             {"case-learning", t + absl::Minutes(15), t + absl::Minutes(17)},
             {"round", t + absl::Minutes(17), t + absl::Minutes(24)},
             {"joint-reflection", t + absl::Minutes(24), t + absl::Minutes(29)}};
  s.prompts = {{"learning-questions", "biggest-challenge"},
               {"learning-questions", "do-differently"}};
  s.presented_case = Case{"difficult-conversation", "c-7f3a"};
  s.learning_points = {
      {"case-learning", "Ask the relative first what they already know.", "p-case", false},
      {"case-learning", "Borgerens datter var vred over medicinen.", "p-case", true}};
  s.actions = {{"a1",
                "joint-reflection",
                "A checklist for conversations with relatives.",
                "leader",
                absl::CivilDay(2026, 3, 18),
                {{ActionStatus::kOpen, t + absl::Minutes(27)}}},
               {"a2",
                "joint-reflection",
                "Introduce a weekly handover huddle.",
                "p-c1",
                std::nullopt,
                {{ActionStatus::kOpen, t + absl::Minutes(28)}}}};
  s.feedback = {{"joint-reflection", "p-c1", 4, "Good to hear the others."}};
  s.notes = {{"round", NoteKind::kReflection, "We rush the relatives.", false},
             {"case", NoteKind::kNote, "The case concerns Mrs Jensen at Skovvej 3.", true}};
  return s;
}

}  // namespace carelearn::testing

#endif  // CARELEARN_TESTS_CPP_RECORD_FIXTURES_HPP_
