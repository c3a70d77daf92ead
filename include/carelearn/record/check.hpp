// carelearn/record/check.hpp
//
// Defines `CheckSession`, which holds a recorded session up against its
// format: the roles present (a facilitator where the format needs one), the
// group's size, the outputs the format declares ("exactly three learning
// points"), outputs recorded in steps that do not produce them, questions
// that are not the step's, steps that were not held, and time overruns.
//
// The runner runs the same checks live; an evaluator runs them again on
// imported sessions. Findings are `Diagnostic`s with stable codes and paths
// into the session ("learning_points[3]", "participants"); nothing throws.
// docs/sessions.md lists every code.
//
// Example:
//
//   for (const carelearn::Diagnostic& d : carelearn::CheckSession(session, *format)) {
//     std::cout << carelearn::FormatDiagnostic(d, carelearn::Lang::kEn) << "\n";
//   }
//   // error too-few-learning-points at learning_points: learning points: exactly 3
//   // asked for, 2 recorded
#ifndef CARELEARN_RECORD_CHECK_HPP_
#define CARELEARN_RECORD_CHECK_HPP_

#include <vector>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// What a session is checked against, beyond its format.
struct CheckOptions {
  /// Resolves the question sets a step draws on, so that a question id can
  /// be checked; nullptr accepts any id in a step that draws on a question set.
  const Catalog* catalog = nullptr;
  /// The length of a working day, for budgets in days.
  WorkingDay day = {};
};

/// Checks `session` against `format` and returns what it finds, errors first.
///
/// Codes (severity):
///   - "format-mismatch" (error): `format` is not the session's format and version;
///     nothing else is checked then;
///   - "missing-facilitator" (error): the format needs a facilitator (a role
///     requirement or the "facilitator" prerequisite) and nobody has the role;
///   - "missing-role", "too-many-of-role", "below-capacity", "capacity-exceeded",
///     "unknown-role" (warnings);
///   - "too-few-KIND", "too-many-KIND" (errors) against the declared
///     outputs, where KIND is "learning-points", "organisational-actions",
///     "feedback", "reflections" or "documentation";
///   - "output-not-produced-here", "unknown-prompt", "unknown-step",
///     "step-not-held", "duration-overrun" (warnings);
///   - "step-overrun" (info).
/// A cancelled session is checked only for "format-mismatch".
[[nodiscard]] std::vector<Diagnostic> CheckSession(const Session& session, const Format& format,
                                                   const CheckOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_RECORD_CHECK_HPP_
