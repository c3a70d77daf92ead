// carelearn/plan/validate.hpp
//
// Defines `Validate`, which checks a format on its own and, when a context
// gives them, against a participant count, the roles present and a catalog.
//
// Example: the systematic learning meeting with 12 participants overruns.
//
//   carelearn::ValidationContext ctx;
//   ctx.catalog = &carelearn::Catalog::Builtin();
//   ctx.participants = 12;
//   auto found = carelearn::Validate(*ctx.catalog->Find("systematic-learning-meeting"), ctx);
//   // one error "budget-overrun" at "duration": 33–34 min planned against 30 min
#ifndef CARELEARN_PLAN_VALIDATE_HPP_
#define CARELEARN_PLAN_VALIDATE_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/plan/diagnostic.hpp"

namespace carelearn {

/// What a format is validated against, beyond itself.
struct ValidationContext {
  /// Resolves step formats, components and question sets; nullptr skips
  /// the reference checks.
  const Catalog* catalog = nullptr;
  /// The number of people present; none skips the checks that need it
  /// (time for a count, capacity).
  std::optional<int> participants;
  /// How many of each role are present, by role id; empty skips the role checks.
  std::map<std::string, int, std::less<>> roles_present;
  /// The length of a working day, for budgets in days.
  WorkingDay day;
};

/// Checks `format` and returns what it finds, errors first, each with a stable code.
///
/// Checks, by code:
///   - "no-steps": a format with neither steps nor components;
///   - "duplicate-step-id", "empty-step-id";
///   - "non-positive-budget", "inverted-range", "negative-skip";
///   - "budget-overrun" / "budget-underrun": with a participant count, the
///     steps' total against the planned duration; "open-budget-without-duration";
///   - "fits-at-most" (info): how many people fit the planned duration;
///   - "missing-role", "too-many-of-role": against `roles_present`;
///     "facilitator-prerequisite-without-role": a facilitator prerequisite with no role for it;
///   - "capacity-exceeded", "below-capacity", "inverted-capacity";
///   - "unresolved-reference", "reference-cycle", "unknown-question-set";
///   - "output-not-produced": a declared output that no step produces;
///   - "unknown-role": a role id that is neither built in nor defined by the format.
/// Never throws for anything in `format`.
[[nodiscard]] std::vector<Diagnostic> Validate(const Format& format,
                                               const ValidationContext& context = {});

/// The largest number of participants for which the steps fit the planned
/// duration when each takes its longest (`longest` true) or its shortest time.
///
/// Returns std::nullopt when the format has no planned duration or no step
/// depends on the participant count (then any number fits, or none does).
[[nodiscard]] std::optional<int> MaxParticipantsThatFit(const Format& format, bool longest,
                                                        WorkingDay day = {});

}  // namespace carelearn

#endif  // CARELEARN_PLAN_VALIDATE_HPP_
