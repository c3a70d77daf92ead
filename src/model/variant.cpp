#include "carelearn/model/variant.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "detail/absl_compat.hpp"

namespace carelearn {
namespace {

std::vector<Step>::iterator FindStepIn(std::vector<Step>& steps, std::string_view id) {
  return std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return s.id == id; });
}

absl::Status ChangeError(std::size_t index, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("changes[", index, "]: ", detail::Sv(what)));
}

absl::Status ApplyChange(std::vector<Step>& steps, const StepChange& change, std::size_t index) {
  const auto target = FindStepIn(steps, change.target);
  const bool needs_target = change.op != StepChange::Op::kAdd || !change.target.empty();
  if (needs_target && target == steps.end()) {
    return ChangeError(index, absl::StrCat(detail::Sv(StepChangeOpName(change.op)),
                                           ": the format has no step \"", change.target, "\""));
  }
  switch (change.op) {
    case StepChange::Op::kAdd: {
      if (!change.step) return ChangeError(index, "add: no step to add");
      if (FindStepIn(steps, change.step->id) != steps.end()) {
        return ChangeError(
            index, absl::StrCat("add: the format already has a step \"", change.step->id, "\""));
      }
      const auto where = change.target.empty() ? steps.begin() : std::next(target);
      steps.insert(where, *change.step);
      return absl::OkStatus();
    }
    case StepChange::Op::kRemove:
      steps.erase(target);
      return absl::OkStatus();
    case StepChange::Op::kReplace: {
      if (!change.step) return ChangeError(index, "replace: no step to put in");
      if (change.step->id != target->id && FindStepIn(steps, change.step->id) != steps.end()) {
        return ChangeError(index, absl::StrCat("replace: the format already has a step \"",
                                               change.step->id, "\""));
      }
      *target = *change.step;
      return absl::OkStatus();
    }
    case StepChange::Op::kSetBudget:
      if (!change.budget) return ChangeError(index, "set-budget: no budget given");
      target->budget = *change.budget;
      return absl::OkStatus();
    case StepChange::Op::kSetPrompts:
      target->prompts = change.prompts;
      return absl::OkStatus();
  }
  return ChangeError(index, "unknown change");
}

}  // namespace

StepChange StepChange::Add(Step step, std::string after) {
  StepChange c;
  c.op = Op::kAdd;
  c.target = std::move(after);
  c.step = std::move(step);
  return c;
}

StepChange StepChange::Remove(std::string target) {
  StepChange c;
  c.op = Op::kRemove;
  c.target = std::move(target);
  return c;
}

StepChange StepChange::Replace(std::string target, Step step) {
  StepChange c;
  c.op = Op::kReplace;
  c.target = std::move(target);
  c.step = std::move(step);
  return c;
}

StepChange StepChange::SetBudget(std::string target, TimeBudget budget) {
  StepChange c;
  c.op = Op::kSetBudget;
  c.target = std::move(target);
  c.budget = budget;
  return c;
}

StepChange StepChange::SetPrompts(std::string target, std::vector<Prompt> prompts) {
  StepChange c;
  c.op = Op::kSetPrompts;
  c.target = std::move(target);
  c.prompts = std::move(prompts);
  return c;
}

absl::StatusOr<Format> ApplyVariant(const Format& base, const Variant& variant) {
  if (base.id != variant.extends.id ||
      (variant.extends.version && *variant.extends.version != base.version)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "variant \"", variant.id, "\" extends \"", variant.extends.id, "\"",
        variant.extends.version ? absl::StrCat(" version ", *variant.extends.version) : "",
        ", not \"", base.id, "\" version ", base.version));
  }
  if (variant.id.empty()) return absl::InvalidArgumentError("variant: the id is empty");
  if (variant.id == base.id) {
    return absl::InvalidArgumentError(
        absl::StrCat("variant \"", variant.id, "\" has the id of its base; give it its own id"));
  }
  Format out = base;
  out.id = variant.id;
  out.version = variant.version;
  if (variant.title) out.title = *variant.title;
  if (variant.purpose) out.purpose = *variant.purpose;
  if (variant.setting) out.setting = *variant.setting;
  if (variant.capacity) out.capacity = *variant.capacity;
  if (variant.duration) out.duration = *variant.duration;
  if (variant.cadence) out.cadence = *variant.cadence;
  if (variant.roles) out.roles = *variant.roles;
  if (variant.outputs) out.outputs = *variant.outputs;
  if (!variant.extensions.empty()) out.extensions = variant.extensions;
  for (std::size_t i = 0; i < variant.changes.size(); ++i) {
    if (absl::Status s = ApplyChange(out.steps, variant.changes[i], i); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("variant \"", variant.id, "\": ", s.message()));
    }
  }
  out.lineage.push_back(FormatRef{base.id, base.version});
  return out;
}

}  // namespace carelearn
