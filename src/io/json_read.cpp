// Reading carelearn documents from JSON trees: every key checked, every
// error located. See docs/json-format.md for the document shapes.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/role.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/model/variant.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_convert.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"

namespace carelearn::detail {
namespace {

constexpr std::array kUnits{TimeUnit::kMinute, TimeUnit::kHour, TimeUnit::kDay};
constexpr std::array kParticipations{Participation::kSpeaker,   Participation::kQuestions,
                                     Participation::kRound,     Participation::kPlenary,
                                     Participation::kGroups,    Participation::kShadowing,
                                     Participation::kIndividual};
constexpr std::array kOutputKinds{OutputKind::kLearningPoint, OutputKind::kOrganisationalAction,
                                  OutputKind::kReflection, OutputKind::kFeedback,
                                  OutputKind::kDocumentation};
constexpr std::array kPlaces{Place::kWorkplace, Place::kCitizensHome, Place::kOffSite,
                             Place::kEducation};
constexpr std::array kPeriods{Period::kDay, Period::kWeek, Period::kMonth, Period::kYear};
constexpr std::array kOps{StepChange::Op::kAdd, StepChange::Op::kRemove, StepChange::Op::kReplace,
                          StepChange::Op::kSetBudget, StepChange::Op::kSetPrompts};

std::string_view BudgetKindName(TimeBudget::Kind kind) {
  switch (kind) {
    case TimeBudget::Kind::kFixed:
      return "fixed";
    case TimeBudget::Kind::kRange:
      return "range";
    case TimeBudget::Kind::kPerParticipant:
      return "per-participant";
    case TimeBudget::Kind::kOpen:
      return "open";
  }
  return "fixed";
}
constexpr std::array kBudgetKinds{TimeBudget::Kind::kFixed, TimeBudget::Kind::kRange,
                                  TimeBudget::Kind::kPerParticipant, TimeBudget::Kind::kOpen};

absl::Status ReadBudget(const Reader& r, const Node& node, const Path& path, TimeBudget& out) {
  static constexpr std::array<std::string_view, 6> kKeys{"kind", "minutes", "hours",
                                                         "days", "about",   "skip"};
  static constexpr std::array<std::string_view, 1> kRequired{"kind"};
  static constexpr std::array<std::string_view, 3> kUnitKeys{"minutes", "hours", "days"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = TimeBudget{};
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "kind", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kBudgetKinds, &BudgetKindName, out.kind);
  }));
  const Member* amount = nullptr;
  for (std::size_t i = 0; i < kUnitKeys.size(); ++i) {
    const Member* m = node.Find(kUnitKeys[i]);
    if (m == nullptr) continue;
    if (amount != nullptr) {
      return r.json().ErrorAtToken(
          absl::StatusCode::kInvalidArgument, m->token, path.Child(m->key).Pointer(),
          absl::StrCat("a budget gives its amount in one unit; found both \"", amount->key,
                       "\" and \"", m->key, "\""));
    }
    amount = m;
    out.unit = kUnits[i];
  }
  if (out.kind == TimeBudget::Kind::kOpen) {
    if (amount != nullptr) {
      return r.json().ErrorAtToken(absl::StatusCode::kInvalidArgument, amount->token,
                                   path.Child(amount->key).Pointer(),
                                   "an \"open\" budget has no amount");
    }
  } else {
    if (amount == nullptr) {
      return r.Error(node, path,
                     absl::StrCat("missing the amount: a \"", Sv(BudgetKindName(out.kind)),
                                  "\" budget needs one of \"minutes\", \"hours\" or \"days\""));
    }
    const Path at = path.Child(amount->key);
    const Node& value = amount->value;
    const bool single = out.kind == TimeBudget::Kind::kFixed ||
                        (out.kind == TimeBudget::Kind::kPerParticipant && value.is_number());
    if (single) {
      if (!value.is_number()) {
        return r.Expected(value, at,
                          "a number of 0 or more (a \"fixed\" budget has one amount; write a "
                          "range as \"kind\": \"range\")");
      }
      CARELEARN_RETURN_IF_ERROR(r.Amount(value, at, out.min));
      out.max = out.min;
    } else {
      const std::string_view what = out.kind == TimeBudget::Kind::kRange
                                        ? "an array of two numbers [low, high]"
                                        : "a number or an array of two numbers [low, high]";
      if (value.kind != Node::Kind::kArray) return r.Expected(value, at, what);
      if (value.items.size() != 2) {
        return r.Error(
            value, at,
            absl::StrCat("expected ", Sv(what), ", found an array of ", value.items.size(),
                         value.items.size() == 1 ? " element" : " elements"));
      }
      CARELEARN_RETURN_IF_ERROR(r.Amount(value.items[0], at.Item(0), out.min));
      CARELEARN_RETURN_IF_ERROR(r.Amount(value.items[1], at.Item(1), out.max));
    }
  }
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "about", [&](const Node& v, const Path& p) { return r.Bool(v, p, out.about); }));
  if (const Member* skip = node.Find("skip")) {
    const Path at = path.Child("skip");
    if (out.kind != TimeBudget::Kind::kPerParticipant) {
      return r.json().ErrorAtToken(absl::StatusCode::kInvalidArgument, skip->token, at.Pointer(),
                                   "\"skip\" applies only to \"per-participant\" budgets");
    }
    CARELEARN_RETURN_IF_ERROR(r.Int(skip->value, at, out.skip, 0));
  }
  return absl::OkStatus();
}

absl::Status ReadBudget(const Reader& r, const Node& node, const Path& path,
                        std::optional<TimeBudget>& out) {
  TimeBudget budget;
  CARELEARN_RETURN_IF_ERROR(ReadBudget(r, node, path, budget));
  out = budget;
  return absl::OkStatus();
}

absl::Status ReadCadence(const Reader& r, const Node& node, const Path& path,
                         std::optional<Cadence>& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"every", "unit", "count"};
  static constexpr std::array<std::string_view, 2> kRequired{"every", "unit"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  Cadence cadence;
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "every", [&](const Node& v, const Path& p) {
    return r.Int(v, p, cadence.interval, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "unit", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kPeriods, &PeriodName, cadence.unit);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "count", [&](const Node& v, const Path& p) {
    return r.Int(v, p, cadence.count, 1);
  }));
  out = cadence;
  return absl::OkStatus();
}

absl::Status ReadCapacity(const Reader& r, const Node& node, const Path& path, Capacity& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"min", "max", "typical"};
  static constexpr std::array<std::string_view, 1> kRequired{"min"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = Capacity{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "min", [&](const Node& v, const Path& p) { return r.Int(v, p, out.min, 1); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "max", [&](const Node& v, const Path& p) { return r.Int(v, p, out.max, 1); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "typical", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.typical, 1);
  }));
  return absl::OkStatus();
}

absl::Status ReadSetting(const Reader& r, const Node& node, const Path& path, Setting& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"place", "standing"};
  static constexpr std::array<std::string_view, 1> kRequired{"place"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = Setting{};
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "place", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kPlaces, &PlaceName, out.place);
  }));
  return r.Field(node, path, "standing",
                 [&](const Node& v, const Path& p) { return r.Bool(v, p, out.standing); });
}

absl::Status ReadPrompt(const Reader& r, const Node& node, const Path& path, Prompt& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"id", "text", "audience"};
  static constexpr std::array<std::string_view, 2> kRequired{"id", "text"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "text", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.text);
  }));
  return r.Field(node, path, "audience",
                 [&](const Node& v, const Path& p) { return r.String(v, p, out.audience); });
}

absl::Status ReadPrompts(const Reader& r, const Node& node, const Path& path,
                         std::vector<Prompt>& out) {
  out.clear();
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return ReadPrompt(r, item, p, out.emplace_back());
  });
}

absl::Status ReadStep(const Reader& r, const Node& node, const Path& path, Step& out) {
  static constexpr std::array<std::string_view, 11> kKeys{
      "id",      "title",         "purpose",  "budget", "lead",      "participation",
      "prompts", "question_sets", "produces", "format", "extensions"};
  static constexpr std::array<std::string_view, 4> kRequired{"id", "title", "budget",
                                                             "participation"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = Step{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "purpose", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.purpose);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "budget", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.budget);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "lead", [&](const Node& v, const Path& p) { return r.String(v, p, out.lead); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "participation", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kParticipations, &ParticipationName, out.participation);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "prompts", [&](const Node& v, const Path& p) {
    return ReadPrompts(r, v, p, out.prompts);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "question_sets", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return r.String(item, ip, out.question_sets.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "produces", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return r.Enum(item, ip, kOutputKinds, &OutputKindName, out.produces.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "format", [&](const Node& v, const Path& p) {
    return ReadFormatRef(r, v, p, out.format.emplace());
  }));
  return r.Field(node, path, "extensions",
                 [&](const Node& v, const Path& p) { return r.Extensions(v, p, out.extensions); });
}

absl::Status ReadPrerequisite(const Reader& r, const Node& node, const Path& path,
                              Prerequisite& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"id", "text"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  return r.Field(node, path, "text",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.text); });
}

absl::Status ReadRole(const Reader& r, const Node& node, const Path& path, Role& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"id", "name", "description"};
  static constexpr std::array<std::string_view, 2> kRequired{"id", "name"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "name", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.name);
  }));
  return r.Field(node, path, "description",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.description); });
}

absl::Status ReadRoleRequirement(const Reader& r, const Node& node, const Path& path,
                                 RoleRequirement& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"role", "min", "max"};
  static constexpr std::array<std::string_view, 2> kRequired{"role", "min"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "role", [&](const Node& v, const Path& p) { return r.String(v, p, out.role); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "min", [&](const Node& v, const Path& p) { return r.Int(v, p, out.min, 0); }));
  return r.Field(node, path, "max",
                 [&](const Node& v, const Path& p) { return r.Int(v, p, out.max, 0); });
}

absl::Status ReadRoleRequirements(const Reader& r, const Node& node, const Path& path,
                                  std::vector<RoleRequirement>& out) {
  out.clear();
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return ReadRoleRequirement(r, item, p, out.emplace_back());
  });
}

absl::Status ReadOutput(const Reader& r, const Node& node, const Path& path, DeclaredOutput& out) {
  static constexpr std::array<std::string_view, 5> kKeys{"kind", "min", "max", "destination",
                                                         "note"};
  static constexpr std::array<std::string_view, 2> kRequired{"kind", "min"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "kind", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, kOutputKinds, &OutputKindName, out.kind);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "min", [&](const Node& v, const Path& p) { return r.Int(v, p, out.min, 0); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "max", [&](const Node& v, const Path& p) { return r.Int(v, p, out.max, 0); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "destination", [&](const Node& v, const Path& p) {
    return r.String(v, p, out.destination);
  }));
  return r.Field(node, path, "note",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.note); });
}

absl::Status ReadOutputs(const Reader& r, const Node& node, const Path& path,
                         std::vector<DeclaredOutput>& out) {
  out.clear();
  return r.Array(node, path, [&](const Node& item, const Path& p) {
    return ReadOutput(r, item, p, out.emplace_back());
  });
}

absl::Status ReadComponent(const Reader& r, const Node& node, const Path& path, Component& out) {
  static constexpr std::array<std::string_view, 3> kKeys{"format", "cadence", "note"};
  static constexpr std::array<std::string_view, 1> kRequired{"format"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "format", [&](const Node& v, const Path& p) {
    return ReadFormatRef(r, v, p, out.format);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "cadence", [&](const Node& v, const Path& p) {
    return ReadCadence(r, v, p, out.cadence);
  }));
  return r.Field(node, path, "note",
                 [&](const Node& v, const Path& p) { return ReadText(r, v, p, out.note); });
}

absl::Status ReadChange(const Reader& r, const Node& node, const Path& path, StepChange& out) {
  static constexpr std::array<std::string_view, 6> kAllKeys{"op",   "after",  "target",
                                                            "step", "budget", "prompts"};
  static constexpr std::array<std::string_view, 1> kOp{"op"};
  if (node.kind != Node::Kind::kObject) return r.Expected(node, path, "an object");
  const Member* op = node.Find("op");
  if (op == nullptr) {
    // Report a mistyped "op" key before saying that it is missing.
    CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kAllKeys, kOp));
    return r.Error(node, path, "missing required key \"op\"");
  }
  CARELEARN_RETURN_IF_ERROR(r.Enum(op->value, path.Child("op"), kOps, &StepChangeOpName, out.op));
  const std::string context = absl::StrCat(" in a \"", Sv(StepChangeOpName(out.op)), "\" change");
  switch (out.op) {
    case StepChange::Op::kAdd: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "after", "step"};
      static constexpr std::array<std::string_view, 2> kRequired{"op", "step"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired, context));
      CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "after", [&](const Node& v, const Path& p) {
        return r.String(v, p, out.target);
      }));
      break;
    }
    case StepChange::Op::kRemove: {
      static constexpr std::array<std::string_view, 2> kKeys{"op", "target"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
    case StepChange::Op::kReplace: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "target", "step"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
    case StepChange::Op::kSetBudget: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "target", "budget"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
    case StepChange::Op::kSetPrompts: {
      static constexpr std::array<std::string_view, 3> kKeys{"op", "target", "prompts"};
      CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kKeys, context));
      break;
    }
  }
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "target", [&](const Node& v, const Path& p) {
    return r.String(v, p, out.target);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "step", [&](const Node& v, const Path& p) {
    return ReadStep(r, v, p, out.step.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "budget", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.budget);
  }));
  return r.Field(node, path, "prompts",
                 [&](const Node& v, const Path& p) { return ReadPrompts(r, v, p, out.prompts); });
}

absl::Status ReadFormat(const Reader& r, const Node& node, const Path& path, Format& out) {
  static constexpr std::array<std::string_view, 18> kKeys{
      "carelearn",     "id",      "version",  "title",      "purpose", "source",
      "prerequisites", "setting", "capacity", "duration",   "cadence", "defined_roles",
      "roles",         "steps",   "outputs",  "components", "lineage", "extensions"};
  static constexpr std::array<std::string_view, 5> kRequired{"carelearn", "id", "version", "title",
                                                             "purpose"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "version", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.version, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "purpose", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.purpose);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "source", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.source);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "prerequisites", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadPrerequisite(r, item, ip, out.prerequisites.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "setting", [&](const Node& v, const Path& p) {
    return ReadSetting(r, v, p, out.setting);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "capacity", [&](const Node& v, const Path& p) {
    return ReadCapacity(r, v, p, out.capacity);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "duration", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.duration);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "cadence", [&](const Node& v, const Path& p) {
    return ReadCadence(r, v, p, out.cadence);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "defined_roles", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadRole(r, item, ip, out.defined_roles.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "roles", [&](const Node& v, const Path& p) {
    return ReadRoleRequirements(r, v, p, out.roles);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "steps", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadStep(r, item, ip, out.steps.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "outputs", [&](const Node& v, const Path& p) {
    return ReadOutputs(r, v, p, out.outputs);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "components", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadComponent(r, item, ip, out.components.emplace_back());
    });
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "lineage", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadFormatRef(r, item, ip, out.lineage.emplace_back());
    });
  }));
  return r.Field(node, path, "extensions",
                 [&](const Node& v, const Path& p) { return r.Extensions(v, p, out.extensions); });
}

absl::Status ReadVariant(const Reader& r, const Node& node, const Path& path, Variant& out) {
  static constexpr std::array<std::string_view, 14> kKeys{
      "carelearn", "id",       "version", "extends", "title",   "purpose", "setting",
      "capacity",  "duration", "cadence", "roles",   "outputs", "changes", "extensions"};
  static constexpr std::array<std::string_view, 4> kRequired{"carelearn", "id", "version",
                                                             "extends"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "version", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.version, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "extends", [&](const Node& v, const Path& p) {
    return ReadFormatRef(r, v, p, out.extends);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "purpose", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.purpose);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "setting", [&](const Node& v, const Path& p) {
    return ReadSetting(r, v, p, out.setting.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "capacity", [&](const Node& v, const Path& p) {
    return ReadCapacity(r, v, p, out.capacity.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "duration", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.duration);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "cadence", [&](const Node& v, const Path& p) {
    return ReadCadence(r, v, p, out.cadence);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "roles", [&](const Node& v, const Path& p) {
    return ReadRoleRequirements(r, v, p, out.roles.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "outputs", [&](const Node& v, const Path& p) {
    return ReadOutputs(r, v, p, out.outputs.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "changes", [&](const Node& v, const Path& p) {
    return r.Array(v, p, [&](const Node& item, const Path& ip) {
      return ReadChange(r, item, ip, out.changes.emplace_back());
    });
  }));
  return r.Field(node, path, "extensions",
                 [&](const Node& v, const Path& p) { return r.Extensions(v, p, out.extensions); });
}

absl::Status ReadQuestionSet(const Reader& r, const Node& node, const Path& path,
                             QuestionSet& out) {
  static constexpr std::array<std::string_view, 6> kKeys{"carelearn", "id",     "version",
                                                         "title",     "source", "prompts"};
  static constexpr std::array<std::string_view, 5> kRequired{"carelearn", "id", "version", "title",
                                                             "prompts"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "version", [&](const Node& v, const Path& p) {
    return r.Int(v, p, out.version, 1);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "title", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.title);
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "source", [&](const Node& v, const Path& p) {
    return ReadText(r, v, p, out.source);
  }));
  return r.Field(node, path, "prompts", [&](const Node& v, const Path& p) {
    if (v.kind == Node::Kind::kArray && v.items.empty()) {
      return r.Error(v, p, "a question set needs at least one prompt");
    }
    return ReadPrompts(r, v, p, out.prompts);
  });
}

}  // namespace

std::string_view DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kFormat:
      return "format";
    case DocumentKind::kVariant:
      return "variant";
    case DocumentKind::kQuestionSet:
      return "question-set";
  }
  return "format";
}

absl::StatusOr<Document> ReadDocument(const JsonText& json, const Node& root,
                                      std::optional<DocumentKind> expected) {
  const Reader r(json);
  const Path path;
  static constexpr std::array<std::string_view, 3> kCatalogKinds{"format", "variant",
                                                                 "question-set"};
  std::array<std::string_view, 1> only{};
  Keys wanted = kCatalogKinds;
  if (expected) {
    only[0] = DocumentKindName(*expected);
    wanted = only;
  }
  const absl::StatusOr<std::string_view> name =
      ReadDocumentHeader(r, root, wanted, kCatalogKinds, kSchemaVersion);
  if (!name.ok()) return name.status();
  DocumentKind kind = DocumentKind::kFormat;
  for (const DocumentKind k :
       {DocumentKind::kFormat, DocumentKind::kVariant, DocumentKind::kQuestionSet}) {
    if (DocumentKindName(k) == *name) kind = k;
  }
  switch (kind) {
    case DocumentKind::kFormat: {
      Format format;
      CARELEARN_RETURN_IF_ERROR(ReadFormat(r, root, path, format));
      return Document(std::move(format));
    }
    case DocumentKind::kVariant: {
      Variant variant;
      CARELEARN_RETURN_IF_ERROR(ReadVariant(r, root, path, variant));
      return Document(std::move(variant));
    }
    case DocumentKind::kQuestionSet: {
      QuestionSet set;
      CARELEARN_RETURN_IF_ERROR(ReadQuestionSet(r, root, path, set));
      return Document(std::move(set));
    }
  }
  return absl::InternalError("unknown document kind");
}

}  // namespace carelearn::detail
