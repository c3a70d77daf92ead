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

// Each object is read by a table of `FieldRule`s (json_reader.hpp) that lists
// every key once, with how it is read; the table gives the allowed and the
// required keys too. Budgets and variant changes, whose keys depend on one
// another, are read by hand.

constexpr std::array kUnitKeys{std::pair{std::string_view("minutes"), TimeUnit::kMinute},
                               std::pair{std::string_view("hours"), TimeUnit::kHour},
                               std::pair{std::string_view("days"), TimeUnit::kDay}};

absl::Status ReadBudget(const Reader& r, const Node& node, const Path& path, TimeBudget& out) {
  static constexpr std::array<std::string_view, 6> kKeys{"kind", "minutes", "hours",
                                                         "days", "about",   "skip"};
  static constexpr std::array<std::string_view, 1> kRequired{"kind"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = TimeBudget{};
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "kind", [&](const Node& v, const Path& p) {
    return r.Enum(v, p, &TimeBudgetKindName, out.kind);
  }));
  const Member* amount = nullptr;
  for (const auto& [key, unit] : kUnitKeys) {
    const Member* m = node.Find(key);
    if (m == nullptr) continue;
    if (amount != nullptr) {
      return r.json().ErrorAtToken(
          absl::StatusCode::kInvalidArgument, m->token, path.Child(m->key).Pointer(),
          absl::StrCat("a budget gives its amount in one unit; found both \"", amount->key,
                       "\" and \"", m->key, "\""));
    }
    amount = m;
    out.unit = unit;
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
                     absl::StrCat("missing the amount: a \"", Sv(TimeBudgetKindName(out.kind)),
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

// Codecs of the parts: each reads its value, replacing what it held, by its table.
template <typename T, std::size_t N>
absl::Status ReadObject(const Reader& r, const Node& node, const Path& path,
                        const std::array<FieldRule<T>, N>& rules, T& out) {
  out = T{};
  return ReadFields(r, node, path, rules, out);
}

using AsBudget = Via<&ReadBudget>;
using AsFormatRef = Via<&ReadFormatRef>;
using AsPeriod = AsEnum<&PeriodName>;
using AsPlace = AsEnum<&PlaceName>;
using AsParticipation = AsEnum<&ParticipationName>;
using AsOutputKind = AsEnum<&OutputKindName>;

constexpr std::array kCadenceRules{
    Rule<&Cadence::interval, AsInt<1>>("every", kRequiredKey),
    Rule<&Cadence::unit, AsPeriod>("unit", kRequiredKey),
    Rule<&Cadence::count, AsInt<1>>("count", kOptionalKey),
};
struct AsCadence {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path,
                           std::optional<Cadence>& out) {
    Cadence cadence;
    CARELEARN_RETURN_IF_ERROR(ReadFields(r, node, path, kCadenceRules, cadence));
    out = cadence;
    return absl::OkStatus();
  }
};

constexpr std::array kCapacityRules{
    Rule<&Capacity::min, AsInt<1>>("min", kRequiredKey),
    Rule<&Capacity::max, AsInt<1>>("max", kOptionalKey),
    Rule<&Capacity::typical, AsInt<1>>("typical", kOptionalKey),
};
struct AsCapacity {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path, Capacity& out) {
    return ReadObject(r, node, path, kCapacityRules, out);
  }
};

constexpr std::array kSettingRules{
    Rule<&Setting::place, AsPlace>("place", kRequiredKey),
    Rule<&Setting::standing, AsBool>("standing", kOptionalKey),
};
struct AsSetting {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path, Setting& out) {
    return ReadObject(r, node, path, kSettingRules, out);
  }
};

constexpr std::array kPromptRules{
    Rule<&Prompt::id, AsString>("id", kRequiredKey),
    Rule<&Prompt::text, AsText>("text", kRequiredKey),
    Rule<&Prompt::audience, AsString>("audience", kOptionalKey),
};
struct AsPrompt {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path, Prompt& out) {
    return ReadObject(r, node, path, kPromptRules, out);
  }
};
using AsPrompts = ListOf<AsPrompt>;

struct AsStepFormat {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path,
                           std::optional<FormatRef>& out) {
    return ReadFormatRef(r, node, path, out.emplace());
  }
};

struct AsExtensions {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path, std::string& out) {
    return r.Extensions(node, path, out);
  }
};

constexpr std::array kStepRules{
    Rule<&Step::id, AsString>("id", kRequiredKey),
    Rule<&Step::title, AsText>("title", kRequiredKey),
    Rule<&Step::purpose, AsText>("purpose", kOptionalKey),
    Rule<&Step::budget, AsBudget>("budget", kRequiredKey),
    Rule<&Step::lead, AsString>("lead", kOptionalKey),
    Rule<&Step::participation, AsParticipation>("participation", kRequiredKey),
    Rule<&Step::prompts, AsPrompts>("prompts", kOptionalKey),
    Rule<&Step::question_sets, ListOf<AsString>>("question_sets", kOptionalKey),
    Rule<&Step::produces, ListOf<AsOutputKind>>("produces", kOptionalKey),
    Rule<&Step::format, AsStepFormat>("format", kOptionalKey),
    Rule<&Step::extensions, AsExtensions>("extensions", kOptionalKey),
};
struct AsStep {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path, Step& out) {
    return ReadObject(r, node, path, kStepRules, out);
  }
};

constexpr std::array kPrerequisiteRules{
    Rule<&Prerequisite::id, AsString>("id", kRequiredKey),
    Rule<&Prerequisite::text, AsText>("text", kRequiredKey),
};
constexpr std::array kRoleRules{
    Rule<&Role::id, AsString>("id", kRequiredKey),
    Rule<&Role::name, AsText>("name", kRequiredKey),
    Rule<&Role::description, AsText>("description", kOptionalKey),
};
constexpr std::array kRoleRequirementRules{
    Rule<&RoleRequirement::role, AsString>("role", kRequiredKey),
    Rule<&RoleRequirement::min, AsInt<0>>("min", kRequiredKey),
    Rule<&RoleRequirement::max, AsInt<0>>("max", kOptionalKey),
};
constexpr std::array kOutputRules{
    Rule<&DeclaredOutput::kind, AsOutputKind>("kind", kRequiredKey),
    Rule<&DeclaredOutput::min, AsInt<0>>("min", kRequiredKey),
    Rule<&DeclaredOutput::max, AsInt<0>>("max", kOptionalKey),
    Rule<&DeclaredOutput::destination, AsString>("destination", kOptionalKey),
    Rule<&DeclaredOutput::note, AsText>("note", kOptionalKey),
};
constexpr std::array kComponentRules{
    Rule<&Component::format, AsFormatRef>("format", kRequiredKey),
    Rule<&Component::cadence, AsCadence>("cadence", kOptionalKey),
    Rule<&Component::note, AsText>("note", kOptionalKey),
};

using AsRoleRequirements = ListOf<AsPart<kRoleRequirementRules>>;
using AsOutputs = ListOf<AsPart<kOutputRules>>;

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
  CARELEARN_RETURN_IF_ERROR(r.Enum(op->value, path.Child("op"), &StepChangeOpName, out.op));
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
    return AsStep::Read(r, v, p, out.step.emplace());
  }));
  CARELEARN_RETURN_IF_ERROR(r.Field(node, path, "budget", [&](const Node& v, const Path& p) {
    return ReadBudget(r, v, p, out.budget.emplace());
  }));
  return r.Field(node, path, "prompts", [&](const Node& v, const Path& p) {
    return AsPrompts::Read(r, v, p, out.prompts);
  });
}

// The documents. "carelearn" is read first, by ReadDocumentHeader.
constexpr FieldRule<Format> kFormatHeader{"carelearn", kRequiredKey, nullptr};
constexpr std::array kFormatRules{
    kFormatHeader,
    Rule<&Format::id, AsString>("id", kRequiredKey),
    Rule<&Format::version, AsInt<1>>("version", kRequiredKey),
    Rule<&Format::title, AsText>("title", kRequiredKey),
    Rule<&Format::purpose, AsText>("purpose", kRequiredKey),
    Rule<&Format::source, AsText>("source", kOptionalKey),
    Rule<&Format::prerequisites, ListOf<AsPart<kPrerequisiteRules>>>("prerequisites", kOptionalKey),
    Rule<&Format::setting, AsSetting>("setting", kOptionalKey),
    Rule<&Format::capacity, AsCapacity>("capacity", kOptionalKey),
    Rule<&Format::duration, Optional<AsBudget>>("duration", kOptionalKey),
    Rule<&Format::cadence, AsCadence>("cadence", kOptionalKey),
    Rule<&Format::defined_roles, ListOf<AsPart<kRoleRules>>>("defined_roles", kOptionalKey),
    Rule<&Format::roles, AsRoleRequirements>("roles", kOptionalKey),
    Rule<&Format::steps, ListOf<AsStep>>("steps", kOptionalKey),
    Rule<&Format::outputs, AsOutputs>("outputs", kOptionalKey),
    Rule<&Format::components, ListOf<AsPart<kComponentRules>>>("components", kOptionalKey),
    Rule<&Format::lineage, ListOf<AsFormatRef>>("lineage", kOptionalKey),
    Rule<&Format::extensions, AsExtensions>("extensions", kOptionalKey),
};

constexpr FieldRule<Variant> kVariantHeader{"carelearn", kRequiredKey, nullptr};
constexpr std::array kVariantRules{
    kVariantHeader,
    Rule<&Variant::id, AsString>("id", kRequiredKey),
    Rule<&Variant::version, AsInt<1>>("version", kRequiredKey),
    Rule<&Variant::extends, AsFormatRef>("extends", kRequiredKey),
    Rule<&Variant::title, AsText>("title", kOptionalKey),
    Rule<&Variant::purpose, AsText>("purpose", kOptionalKey),
    Rule<&Variant::setting, Optional<AsSetting>>("setting", kOptionalKey),
    Rule<&Variant::capacity, Optional<AsCapacity>>("capacity", kOptionalKey),
    Rule<&Variant::duration, Optional<AsBudget>>("duration", kOptionalKey),
    Rule<&Variant::cadence, AsCadence>("cadence", kOptionalKey),
    Rule<&Variant::roles, Optional<AsRoleRequirements>>("roles", kOptionalKey),
    Rule<&Variant::outputs, Optional<AsOutputs>>("outputs", kOptionalKey),
    Rule<&Variant::changes, ListOf<Via<&ReadChange>>>("changes", kOptionalKey),
    Rule<&Variant::extensions, AsExtensions>("extensions", kOptionalKey),
};

// A question set's prompts: at least one.
struct AsQuestionSetPrompts {
  static absl::Status Read(const Reader& r, const Node& node, const Path& path,
                           std::vector<Prompt>& out) {
    if (node.kind == Node::Kind::kArray && node.items.empty()) {
      return r.Error(node, path, "a question set needs at least one prompt");
    }
    return AsPrompts::Read(r, node, path, out);
  }
};

constexpr FieldRule<QuestionSet> kQuestionSetHeader{"carelearn", kRequiredKey, nullptr};
constexpr std::array kQuestionSetRules{
    kQuestionSetHeader,
    Rule<&QuestionSet::id, AsString>("id", kRequiredKey),
    Rule<&QuestionSet::version, AsInt<1>>("version", kRequiredKey),
    Rule<&QuestionSet::title, AsText>("title", kRequiredKey),
    Rule<&QuestionSet::source, AsText>("source", kOptionalKey),
    Rule<&QuestionSet::prompts, AsQuestionSetPrompts>("prompts", kRequiredKey),
};

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
      CARELEARN_RETURN_IF_ERROR(ReadFields(r, root, path, kFormatRules, format));
      return Document(std::move(format));
    }
    case DocumentKind::kVariant: {
      Variant variant;
      CARELEARN_RETURN_IF_ERROR(ReadFields(r, root, path, kVariantRules, variant));
      return Document(std::move(variant));
    }
    case DocumentKind::kQuestionSet: {
      QuestionSet set;
      CARELEARN_RETURN_IF_ERROR(ReadFields(r, root, path, kQuestionSetRules, set));
      return Document(std::move(set));
    }
  }
  return absl::InternalError("unknown document kind");
}

}  // namespace carelearn::detail
