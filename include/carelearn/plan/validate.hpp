// carelearn/plan/validate.hpp
//
// Defines `Validate`, which checks a format on its own and, when a context
// gives them, against a participant count, the roles present and a catalog;
// and `MaxParticipantsThatFit`, how many people a format's planned duration
// has room for.
//
// Example: the systematic learning meeting with 12 participants overruns.
//
//   carelearn::ValidationContext ctx;
//   ctx.catalog = &carelearn::BuiltinCatalog();
//   ctx.participants = 12;
//   auto found = carelearn::Validate(*ctx.catalog->Find("systematic-learning-meeting"), ctx);
//   // found[0]: error "budget-overrun" at "duration": "the steps take 33–34 min for
//   //   12 participants; 30 min are planned (3–4 min over)"
//   // found[1]: info "fits-at-most" at "duration": "at most 8 participants fit in the
//   //   planned 30 min when every step takes its longest time (9 when every step takes
//   //   its shortest)"
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
  /// the reference checks (a step naming the format itself is still a cycle).
  const Catalog* catalog = nullptr;
  /// The number of people present; none skips the capacity checks and checks
  /// the time for the fewest people the format is for (`capacity.min`).
  std::optional<int> participants = {};
  /// How many of each role are present, by role id; empty skips the role checks.
  std::map<std::string, int, std::less<>> roles_present = {};
  /// The length of a working day, for budgets in days.
  WorkingDay day = {};
};

/// Checks `format` and returns what it finds: errors first, then warnings,
/// then info, each group in the order the format states things. Each finding
/// has a stable code, the path of the field (0-based: "steps[3].budget") and a
/// message in Danish and English that says what is wrong and by how much.
///
/// Checks, by code (severity; path) — docs/diagnostics.md explains each with
/// an example and a fix:
///   - "no-steps" (error; "steps"): neither steps nor components;
///   - "empty-step-id", "duplicate-step-id" (error; "steps[i].id");
///   - "non-positive-budget", "inverted-range", "non-finite-budget",
///     "negative-skip" (error; "steps[i].budget" or "duration"): a budget of
///     zero or less, min above max, NaN or infinity, a negative `skip`;
///     "inverted-range" and "negative-count" (error) also for "roles[i]",
///     "outputs[i]" and (as "negative-count") "capacity";
///   - "budget-overrun" (error; "duration"): even at their shortest the steps
///     take longer than the longest planned duration;
///     "budget-tight" (warning): they fit only at their shortest;
///     "budget-underrun" (info): at their longest they leave time over, with
///     a known count (or none needed) and no open steps to take it;
///   - "open-budget-without-duration" (info; "steps[i].budget"): an open step
///     in a format with no planned duration gets no time;
///     "open-budget-squeezed" (warning; "duration"): the other steps leave the
///     open steps no time;
///   - "sub-format-overrun" (warning; "steps[i].format"): the format a step
///     is does not fit the step's time;
///   - "fits-at-most" (info; "duration"): how many people fit the planned
///     duration (see `MaxParticipantsThatFit`); given whatever the context;
///   - "missing-role" (error), "too-many-of-role" (warning) ("roles[i]"):
///     against `roles_present`;
///     "facilitator-prerequisite-without-role" (warning; "prerequisites[i]");
///   - "capacity-exceeded", "below-capacity" (error; "capacity"): against
///     `participants`; "inverted-capacity" (error; "capacity");
///   - "unresolved-reference" (error; "steps[i].format", "components[i].format"),
///     "unknown-question-set" (error; "steps[i].question_sets[j]"): with a catalog;
///     "reference-cycle" (error): formats that contain each other through
///     step formats and components, of any length, reported once per cycle
///     at the reference that leads into it, the cycle spelt out ("a → b → a");
///   - "output-not-produced" (warning; "outputs[i]"): a declared output that
///     no step produces, nor any format a step or component is;
///   - "unknown-role" (error; "roles[i].role", "steps[i].lead",
///     "steps[i].prompts[j].audience"): neither built in nor defined by the format;
///   - "duplicate-prompt-id" (warning; "steps[i].prompts[j].id").
///
/// Never throws for anything in `format` or `context`.
[[nodiscard]] std::vector<Diagnostic> Validate(const Format& format,
                                               const ValidationContext& context = {});

/// The largest number of participants for which the steps fit the planned
/// duration (its longest time) when each takes its longest (`longest` true)
/// or its shortest time. Open steps take only what is left, so they never
/// make a format overrun; steps that name other formats count with their own
/// budgets (no catalog is consulted).
///
/// Returns 0 when the steps do not fit even without participants, and
/// std::nullopt when the format has no planned duration or no step depends
/// on the participant count (then any number fits, or none does), or when
/// more than 100 000 would fit.
///
/// Example: the systematic learning meeting (5 + 10 + 1–2 + ca. 1 per person
/// + 5 minutes in 30 minutes) fits 8 at the longest and 9 at the shortest.
///
///   carelearn::MaxParticipantsThatFit(meeting, /*longest=*/true);   // 8
///   carelearn::MaxParticipantsThatFit(meeting, /*longest=*/false);  // 9
[[nodiscard]] std::optional<int> MaxParticipantsThatFit(const Format& format, bool longest,
                                                        WorkingDay day = {});

}  // namespace carelearn

#endif  // CARELEARN_PLAN_VALIDATE_HPP_
