// Formats for the plan layer's tests, built in C++ so the tests do not depend
// on the JSON loader. `SystematicLearningMeeting()` states exactly what
// catalog/systematic-learning-meeting.json states: 5 + 10 + 1–2 + ca. 1 per
// participant + 5 minutes in 30 minutes.
#ifndef CARELEARN_TESTS_CPP_PLAN_TEST_FORMATS_HPP_
#define CARELEARN_TESTS_CPP_PLAN_TEST_FORMATS_HPP_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/step.hpp"

namespace carelearn::plan_test {

/// A step with the fields most tests need.
inline Step MakeStep(std::string id, Text title, TimeBudget budget, std::string lead = {},
                     Participation participation = Participation::kPlenary) {
  Step step;
  step.id = std::move(id);
  step.title = std::move(title);
  step.budget = budget;
  step.lead = std::move(lead);
  step.participation = participation;
  return step;
}

/// The eight learning questions, as catalog/question-set-learning-questions.json states them.
inline QuestionSet LearningQuestions() {
  const std::string to = "case-presenter";
  QuestionSet set;
  set.id = "learning-questions";
  set.title = {"Læringsspørgsmål", "Learning questions"};
  set.source = {"Inspirationskort: Systematiske læringsmøder",
                "How-to card: Systematic learning meetings"};
  set.prompts = {
      {"biggest-challenge",
       {"Hvad var den største udfordring?", "What was the biggest challenge?"},
       to},
      {"easy-or-fun", {"Hvad var nemt eller sjovt?", "What was easy or fun?"}, to},
      {"roles",
       {"Hvad var din rolle? Hvem havde også en rolle?",
        "What was your role? Who else had a role?"},
       to},
      {"relationships", {"Hvordan var relationerne?", "What were the relationships like?"}, to},
      {"missing-knowledge",
       {"Hvilken viden eller information savnede du?",
        "What knowledge or information did you miss?"},
       to},
      {"decision-authority",
       {"Hvem havde beslutningskompetencen?", "Who had the authority to decide?"},
       to},
      {"do-differently",
       {"Hvad ville du have gjort anderledes med den viden, du har i dag?",
        "What would you have done differently with the knowledge you have today?"},
       to},
      {"most-important-learning",
       {"Hvad er den vigtigste læring, du gjorde dig?",
        "What is the most important lesson you learnt?"},
       to},
  };
  return set;
}

/// The systematic learning meeting, as catalog/systematic-learning-meeting.json states it.
inline Format SystematicLearningMeeting() {
  Format f;
  f.id = "systematic-learning-meeting";
  f.version = 1;
  f.title = {"Systematisk læringsmøde", "Systematic learning meeting"};
  f.purpose = {
      "Læringsmøderne skal skabe læring og udvikling i den daglige opgaveløsning og praksis.",
      "The learning meetings are to create learning and development in daily work and "
      "practice."};
  f.source = {"Inspirationskort: Systematiske læringsmøder",
              "How-to card: Systematic learning meetings"};
  f.prerequisites = {
      {"fixed-interval",
       {"Læringsmøderne holdes med et fast interval.",
        "The learning meetings are held at a fixed interval."}},
      {"facilitator", {"Der er en facilitator.", "There is a facilitator."}},
      {"recognisable-agenda", {"Dagsordenen er genkendelig.", "The agenda is recognisable."}},
      {"leader-backing",
       {"Lederen bakker op og prioriterer møderne.",
        "The leader backs the meetings and gives them priority."}},
  };
  f.setting = {Place::kWorkplace, true};
  f.capacity.min = 2;
  f.duration = TimeBudget::Fixed(30);
  f.cadence = Cadence{2, Period::kWeek, std::nullopt};
  f.roles = {
      {"facilitator", 1, 1},
      {"case-presenter", 1, std::nullopt},
      {"colleague", 1, std::nullopt},
      {"leader", 0, std::nullopt},
  };

  Step c = MakeStep(
      "case",
      {"En eller flere medarbejdere præsenterer en case/opgave, som han/hun gerne vil lære af",
       "One or more staff members present a case or task they want to learn from"},
      TimeBudget::Fixed(5), "case-presenter", Participation::kSpeaker);
  c.purpose = {"Det kan fx være en vanskelig samtale med en borger eller pårørende.",
               "It may be, for example, a difficult conversation with a citizen or a relative."};

  Step q = MakeStep("learning-questions",
                    {"Kollegaerne stiller læringsspørgsmål", "Colleagues ask learning questions"},
                    TimeBudget::Fixed(10), "facilitator", Participation::kQuestions);
  q.purpose = {"Find inspiration i de otte læringsspørgsmål.",
               "Draw on the eight learning questions."};
  q.question_sets = {"learning-questions"};

  Step l = MakeStep("case-learning",
                    {"Case-personen fortæller kort, hvilken læring kollegaernes spørgsmål gav",
                     "The case presenter briefly tells what the colleagues' questions taught them"},
                    TimeBudget::Range(1, 2), "case-presenter", Participation::kSpeaker);
  l.produces = {OutputKind::kLearningPoint};

  Step r = MakeStep("round",
                    {"Runde: hvilken læring giver casen i forhold til egen opgaveløsning",
                     "Round: what the case teaches each of us for our own work"},
                    TimeBudget::PerParticipant(1, 1).About(), "facilitator", Participation::kRound);
  r.purpose = {
      "Medarbejderne reflekterer over, hvilken læring casen giver dem i forhold til deres egen "
      "opgaveløsning. Ordet går på omgang.",
      "Staff reflect on what the case teaches them for their own work. The word goes around."};
  r.produces = {OutputKind::kReflection};

  Step j = MakeStep("joint-reflection",
                    {"Fælles refleksion over fælles organisatoriske tiltag",
                     "Joint reflection on shared organisational actions"},
                    TimeBudget::Fixed(5), "facilitator", Participation::kPlenary);
  j.purpose = {
      "Giver casen anledning til nogle fælles organisatoriske tiltag, fx nye procedurer eller "
      "standarder?",
      "Does the case give rise to shared organisational actions, such as new procedures or "
      "standards?"};
  j.produces = {OutputKind::kOrganisationalAction};

  f.steps = {c, q, l, r, j};
  f.outputs = {
      {OutputKind::kLearningPoint, 1, std::nullopt, "", {}},
      {OutputKind::kOrganisationalAction,
       0,
       std::nullopt,
       "leader",
       {"Forslag til fælles organisatoriske tiltag går til lederen.",
        "Proposed organisational actions go to the leader."}},
  };
  return f;
}

/// The joint learning meeting that ends a learning visit: 3 × 15 minutes.
inline Format LearningVisitMeeting() {
  Format f;
  f.id = "learning-visit-meeting";
  f.title = {"Fælles læringsmøde", "Joint learning meeting"};
  f.capacity = {2, 2, std::nullopt};
  f.duration = TimeBudget::Fixed(45);
  f.roles = {{"learning-agent", 1, 1}, {"host-colleague", 1, 1}};
  Step agent = MakeStep("agent-reflections",
                        {"Refleksioner fra læringsagenten", "Reflections from the learning agent"},
                        TimeBudget::Fixed(15), "learning-agent", Participation::kSpeaker);
  agent.prompts = {
      {"seen-and-heard",
       {"Hvad så og hørte læringsagenten?", "What did the learning agent see and hear?"},
       "learning-agent"},
  };
  Step host = MakeStep("colleague-reflections",
                       {"Refleksioner fra kollegaen", "Reflections from the colleague"},
                       TimeBudget::Fixed(15), "host-colleague", Participation::kSpeaker);
  host.prompts = {
      {"having-an-agent",
       {"Hvordan var det at have en læringsagent med på arbejde?",
        "What was it like to have a learning agent along at work?"},
       "host-colleague"},
  };
  Step points =
      MakeStep("learning-points",
               {"Fælles opstilling af tre læringspointer", "Three learning points together"},
               TimeBudget::Fixed(15), "", Participation::kPlenary);
  points.produces = {OutputKind::kLearningPoint};
  f.steps = {agent, host, points};
  f.outputs = {{OutputKind::kLearningPoint, 3, 3, "staff-meeting", {}}};
  return f;
}

/// The learning visit: ½–1 day, ending in the joint learning meeting as a sub-format step.
inline Format LearningVisit() {
  Format f;
  f.id = "learning-visit";
  f.title = {"Læringsbesøg", "Learning visit"};
  f.capacity = {2, 2, std::nullopt};
  f.duration = TimeBudget::Range(0.5, 1, TimeUnit::kDay);
  f.roles = {{"learning-agent", 1, 1}, {"host-colleague", 1, 1}};
  Step check_in = MakeStep("check-in", {"Fælles tjek-ind", "Joint check-in"},
                           TimeBudget::Range(15, 30), "learning-agent", Participation::kPlenary);
  Step shadowing = MakeStep("shadowing",
                            {"Læringsagenten går med kollegaen på arbejde",
                             "The learning agent goes to work with the colleague"},
                            TimeBudget::Open(), "host-colleague", Participation::kShadowing);
  Step meeting =
      MakeStep("joint-learning-meeting", {"Fælles læringsmøde", "Joint learning meeting"},
               TimeBudget::Fixed(45), "learning-agent", Participation::kPlenary);
  meeting.format = FormatRef{"learning-visit-meeting", 1};
  f.steps = {check_in, shadowing, meeting};
  f.outputs = {{OutputKind::kLearningPoint, 3, 3, "staff-meeting", {}}};
  return f;
}

/// A seminar for at most 100 people.
inline Format Seminar() {
  Format f;
  f.id = "seminar";
  f.title = {"Seminar", "Seminar"};
  f.setting.place = Place::kOffSite;
  f.capacity = {10, 100, 60};
  f.duration = TimeBudget::Fixed(6, TimeUnit::kHour);
  f.roles = {{"teacher", 1, std::nullopt}};
  f.steps = {
      MakeStep("welcome", {"Velkomst", "Welcome"}, TimeBudget::Fixed(30), "teacher"),
      MakeStep("teaching", {"Undervisning", "Teaching"}, TimeBudget::Fixed(4, TimeUnit::kHour),
               "teacher"),
      MakeStep("groups", {"Gruppearbejde", "Group work"}, TimeBudget::Open(), "",
               Participation::kGroups),
  };
  return f;
}

/// A catalog with every format above and the learning questions.
inline Catalog TestCatalog() {
  Catalog catalog;
  EXPECT_TRUE(catalog.Add(SystematicLearningMeeting()).ok());
  EXPECT_TRUE(catalog.Add(LearningVisitMeeting()).ok());
  EXPECT_TRUE(catalog.Add(LearningVisit()).ok());
  EXPECT_TRUE(catalog.Add(Seminar()).ok());
  EXPECT_TRUE(catalog.Add(LearningQuestions()).ok());
  return catalog;
}

}  // namespace carelearn::plan_test

#endif  // CARELEARN_TESTS_CPP_PLAN_TEST_FORMATS_HPP_
