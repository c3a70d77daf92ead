// carelearn/model/prompt.hpp
//
// Defines `Prompt`, a question with a stable id, and `QuestionSet`, a named
// list of prompts that formats reuse (the 8 learning questions, After Action
// Review, Gibbs' reflective cycle, ...). A held session records the ids of
// the prompts that were used, so the ids never change once published.
//
// Example:
//
//   carelearn::Prompt q{"biggest-challenge",
//                       {"Hvad var den største udfordring?", "What was the biggest challenge?"}};
#ifndef CARELEARN_MODEL_PROMPT_HPP_
#define CARELEARN_MODEL_PROMPT_HPP_

#include <string>
#include <vector>

#include "carelearn/model/text.hpp"

namespace carelearn {

/// A question or prompt shown to the people in a step.
struct Prompt {
  std::string id = {};  ///< Stable id, unique within its step or question set.
  Text text = {};       ///< The question in Danish and English.
  /// The role the question is addressed to (e.g. "learning-agent"); empty for everyone.
  std::string audience = {};

  /// Prompts are equal when every field is.
  friend bool operator==(const Prompt&, const Prompt&) = default;
};

/// A reusable, versioned list of prompts.
struct QuestionSet {
  std::string id = {};               ///< Stable id, e.g. "learning-questions".
  int version = 1;                   ///< Version, raised when prompts change.
  Text title = {};                   ///< The set's name.
  Text source = {};                  ///< Where the questions come from; may be empty.
  std::vector<Prompt> prompts = {};  ///< The prompts, in the order they are asked.

  /// Question sets are equal when every field is.
  friend bool operator==(const QuestionSet&, const QuestionSet&) = default;
};

}  // namespace carelearn

#endif  // CARELEARN_MODEL_PROMPT_HPP_
