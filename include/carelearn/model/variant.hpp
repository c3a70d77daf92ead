// carelearn/model/variant.hpp
//
// Defines `Variant`, a format derived from another: it names its base by id
// and version (`extends`) and lists what it changes. `ApplyVariant` turns a
// base and a variant into a full `Format` whose `lineage` records the base.
//
// Example: an evening shift that holds the systematic learning meeting in 20
// minutes without the closing step.
//
//   carelearn::Variant evening;
//   evening.id = "evening-learning-meeting";
//   evening.extends = {"systematic-learning-meeting", 1};
//   evening.duration = carelearn::TimeBudget::Fixed(20);
//   evening.changes.push_back(carelearn::StepChange::Remove("joint-reflection"));
//   absl::StatusOr<carelearn::Format> f = carelearn::ApplyVariant(*base, evening);
#ifndef CARELEARN_MODEL_VARIANT_HPP_
#define CARELEARN_MODEL_VARIANT_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "carelearn/model/format.hpp"

namespace carelearn {

/// One change a variant makes to its base's steps.
struct StepChange {
  /// What the change does.
  enum class Op {
    kAdd,         ///< Inserts `step` after the step `target` (at the start when `target` is empty).
    kRemove,      ///< Removes the step `target`.
    kReplace,     ///< Replaces the step `target` with `step`.
    kSetBudget,   ///< Gives the step `target` the budget `budget`.
    kSetPrompts,  ///< Gives the step `target` the prompts `prompts`.
  };

  Op op = Op::kRemove;  ///< What the change does.
  std::string target =
      {};  ///< The id of the step it applies to (for kAdd: the step to insert after).
  std::optional<Step> step = {};          ///< The new step, for kAdd and kReplace.
  std::optional<TimeBudget> budget = {};  ///< The new budget, for kSetBudget.
  std::vector<Prompt> prompts = {};       ///< The new prompts, for kSetPrompts.

  /// Inserts `step` after `after` (at the start when empty).
  static StepChange Add(Step step, std::string after = {});
  /// Removes the step `target`.
  static StepChange Remove(std::string target);
  /// Replaces the step `target` with `step`.
  static StepChange Replace(std::string target, Step step);
  /// Gives the step `target` a new budget.
  static StepChange SetBudget(std::string target, TimeBudget budget);
  /// Gives the step `target` new prompts.
  static StepChange SetPrompts(std::string target, std::vector<Prompt> prompts);

  /// Changes are equal when every field is.
  friend bool operator==(const StepChange&, const StepChange&) = default;
};

/// Returns the canonical name of `op`: "add", "remove", "replace", "set-budget" or "set-prompts".
std::string_view StepChangeOpName(StepChange::Op op);

/// Parses a canonical change name; std::nullopt when unknown.
std::optional<StepChange::Op> ParseStepChangeOp(std::string_view name);

/// A format derived from a base format by a list of changes.
///
/// Fields left unset keep the base's value.
struct Variant {
  std::string id = {};     ///< The derived format's id; differs from the base's.
  int version = 1;         ///< The derived format's version.
  FormatRef extends = {};  ///< The base format; a version should be given so the variant is stable.
  std::optional<Text> title = {};                           ///< A new title.
  std::optional<Text> purpose = {};                         ///< A new purpose.
  std::optional<Setting> setting = {};                      ///< A new setting.
  std::optional<Capacity> capacity = {};                    ///< A new capacity.
  std::optional<TimeBudget> duration = {};                  ///< A new planned duration.
  std::optional<Cadence> cadence = {};                      ///< A new cadence.
  std::optional<std::vector<RoleRequirement>> roles = {};   ///< New role requirements.
  std::optional<std::vector<DeclaredOutput>> outputs = {};  ///< New declared outputs.
  std::vector<StepChange> changes = {};  ///< Changes to the steps, applied in order.
  /// User data under the JSON key "extensions", as canonical JSON object text; empty when none.
  std::string extensions = {};

  /// Variants are equal when every field is.
  friend bool operator==(const Variant&, const Variant&) = default;
};

/// Applies `variant` to `base` and returns the derived format.
///
/// The result has the variant's id and version, the base's fields where the
/// variant leaves them unset, and `lineage` = base's lineage + the base itself.
///
/// Errors:
///   - kInvalidArgument when `base` is not the format `variant.extends` names
///     (id, or version when one is given), when a change names a step the
///     format does not have, when an added step's id is already taken, or when
///     a change lacks the field its op needs. The message names the change by
///     index ("changes[2]") and the step.
[[nodiscard]] absl::StatusOr<Format> ApplyVariant(const Format& base, const Variant& variant);

}  // namespace carelearn

#endif  // CARELEARN_MODEL_VARIANT_HPP_
