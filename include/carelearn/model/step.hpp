// carelearn/model/step.hpp
//
// Defines `Step`, one part of a format's agenda: what happens, for how long,
// who leads, how people take part, which prompts are used and what the step
// produces. A step may also be a whole other format (`Step::format`), as the
// learning visit ends in a joint learning meeting.
//
// Example:
//
//   carelearn::Step round;
//   round.id = "round";
//   round.title = {"Runde", "Round"};
//   round.budget = carelearn::TimeBudget::PerParticipant(1, 1).About();
//   round.participation = carelearn::Participation::kRound;
//   round.produces = {carelearn::OutputKind::kReflection};
#ifndef CARELEARN_MODEL_STEP_HPP_
#define CARELEARN_MODEL_STEP_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carelearn/model/prompt.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"

namespace carelearn {

/// How the people in a step take part.
enum class Participation {
  kSpeaker,     ///< One person speaks (presents a case, tells what was learnt).
  kQuestions,   ///< Colleagues ask questions of one person.
  kRound,       ///< A round where the word goes around, each in turn.
  kPlenary,     ///< Everyone together, in open dialogue.
  kGroups,      ///< In pairs or small groups.
  kShadowing,   ///< One follows another at work.
  kIndividual,  ///< Each on their own (personal reflection, reading, writing).
};

/// Returns the canonical name of `p`: "speaker", "questions", "round", "plenary",
/// "groups", "shadowing" or "individual".
std::string_view ParticipationName(Participation p);

/// Parses a canonical participation name; std::nullopt when unknown.
std::optional<Participation> ParseParticipation(std::string_view name);

/// What a step produces, and what a format declares as its outputs.
enum class OutputKind {
  kLearningPoint,         ///< A learning point ("læringspointe").
  kOrganisationalAction,  ///< A proposed organisational action (a new procedure or standard).
  kReflection,            ///< A reflection.
  kFeedback,              ///< Feedback to the organisers or the presenter.
  kDocumentation,         ///< A written record, such as a documented trial action.
};

/// Returns the canonical name of `kind`: "learning-point", "organisational-action",
/// "reflection", "feedback" or "documentation".
std::string_view OutputKindName(OutputKind kind);

/// Parses a canonical output kind name; std::nullopt when unknown.
std::optional<OutputKind> ParseOutputKind(std::string_view name);

/// A reference to a format by id and, optionally, version (none: the newest).
struct FormatRef {
  std::string id = {};              ///< The referenced format's id.
  std::optional<int> version = {};  ///< The version, or none for the newest in the catalog.

  /// References are equal when id and version are.
  friend bool operator==(const FormatRef&, const FormatRef&) = default;
};

/// One part of a format's agenda.
struct Step {
  std::string id = {};     ///< Stable id, unique within the format.
  Text title = {};         ///< What happens, in a few words.
  Text purpose = {};       ///< Why, or how to do it well; may be empty.
  TimeBudget budget = {};  ///< The time the step is given.
  std::string lead = {};   ///< The id of the role that leads the step; empty when shared.
  Participation participation = Participation::kPlenary;  ///< How people take part.
  std::vector<Prompt> prompts = {};                       ///< Prompts written into the step.
  std::vector<std::string> question_sets = {};  ///< Ids of catalog question sets the step draws on.
  std::vector<OutputKind> produces = {};        ///< What the step produces.
  std::optional<FormatRef> format = {};         ///< Set when the step is a whole other format.
  /// User data under the JSON key "extensions", kept verbatim as canonical JSON
  /// text of an object; empty when there is none.
  std::string extensions = {};

  /// Steps are equal when every field is.
  friend bool operator==(const Step&, const Step&) = default;
};

}  // namespace carelearn

#endif  // CARELEARN_MODEL_STEP_HPP_
