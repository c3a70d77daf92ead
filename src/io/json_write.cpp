// Writing carelearn documents as JSON trees in canonical key order, with
// default values and empty lists left out. See docs/json-format.md.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
#include "io/json_tree.hpp"

namespace carelearn::detail {
namespace {

Node Str(std::string_view value) { return Node::String(std::string(value)); }

Node TextNode(const Text& text) {
  Node node = Node::Object();
  if (!text.da.empty()) node.Add("da", Str(text.da));
  if (!text.en.empty()) node.Add("en", Str(text.en));
  return node;
}

void AddText(Node& object, std::string_view key, const Text& text) {
  if (!text.empty()) object.Add(std::string(key), TextNode(text));
}

void AddString(Node& object, std::string_view key, const std::string& value) {
  if (!value.empty()) object.Add(std::string(key), Str(value));
}

void AddInt(Node& object, std::string_view key, const std::optional<int>& value) {
  if (value) object.Add(std::string(key), Node::Int(*value));
}

// "extensions" holds the text of a JSON object; an empty object or text is
// left out. Text that is not a JSON object is kept as a string, so that
// nothing is lost and the loader says what is wrong with it.
void AddExtensions(Node& object, const std::string& extensions) {
  if (extensions.empty()) return;
  std::optional<Node> parsed = ParseExtensions(extensions);
  if (!parsed) {
    object.Add("extensions", Str(extensions));
  } else if (!parsed->members.empty()) {
    object.Add("extensions", std::move(*parsed));
  }
}

std::string_view UnitKey(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMinute:
      return "minutes";
    case TimeUnit::kHour:
      return "hours";
    case TimeUnit::kDay:
      return "days";
  }
  return "minutes";
}

Node BudgetNode(const TimeBudget& budget) {
  Node node = Node::Object();
  switch (budget.kind) {
    case TimeBudget::Kind::kFixed:
      node.Add("kind", Str("fixed"));
      node.Add(std::string(UnitKey(budget.unit)), Node::Number(budget.min));
      break;
    case TimeBudget::Kind::kRange:
    case TimeBudget::Kind::kPerParticipant: {
      const bool range = budget.kind == TimeBudget::Kind::kRange;
      node.Add("kind", Str(range ? "range" : "per-participant"));
      if (!range && budget.min == budget.max) {
        node.Add(std::string(UnitKey(budget.unit)), Node::Number(budget.min));
      } else {
        Node pair = Node::Array();
        pair.items.push_back(Node::Number(budget.min));
        pair.items.push_back(Node::Number(budget.max));
        node.Add(std::string(UnitKey(budget.unit)), std::move(pair));
      }
      break;
    }
    case TimeBudget::Kind::kOpen:
      node.Add("kind", Str("open"));
      break;
  }
  if (budget.about) node.Add("about", Node::Bool(true));
  if (budget.skip != 0) node.Add("skip", Node::Int(budget.skip));
  return node;
}

Node CadenceNode(const Cadence& cadence) {
  Node node = Node::Object();
  node.Add("every", Node::Int(cadence.interval));
  node.Add("unit", Str(PeriodName(cadence.unit)));
  AddInt(node, "count", cadence.count);
  return node;
}

Node CapacityNode(const Capacity& capacity) {
  Node node = Node::Object();
  node.Add("min", Node::Int(capacity.min));
  AddInt(node, "max", capacity.max);
  AddInt(node, "typical", capacity.typical);
  return node;
}

Node SettingNode(const Setting& setting) {
  Node node = Node::Object();
  node.Add("place", Str(PlaceName(setting.place)));
  if (setting.standing) node.Add("standing", Node::Bool(true));
  return node;
}

Node FormatRefNode(const FormatRef& ref) {
  Node node = Node::Object();
  node.Add("id", Str(ref.id));
  AddInt(node, "version", ref.version);
  return node;
}

Node PromptNode(const Prompt& prompt) {
  Node node = Node::Object();
  node.Add("id", Str(prompt.id));
  node.Add("text", TextNode(prompt.text));
  AddString(node, "audience", prompt.audience);
  return node;
}

Node PromptsNode(const std::vector<Prompt>& prompts) {
  Node node = Node::Array();
  for (const Prompt& p : prompts) node.items.push_back(PromptNode(p));
  return node;
}

Node StepNode(const Step& step) {
  Node node = Node::Object();
  node.Add("id", Str(step.id));
  node.Add("title", TextNode(step.title));
  AddText(node, "purpose", step.purpose);
  node.Add("budget", BudgetNode(step.budget));
  AddString(node, "lead", step.lead);
  node.Add("participation", Str(ParticipationName(step.participation)));
  if (!step.prompts.empty()) node.Add("prompts", PromptsNode(step.prompts));
  if (!step.question_sets.empty()) {
    Node sets = Node::Array();
    for (const std::string& id : step.question_sets) sets.items.push_back(Str(id));
    node.Add("question_sets", std::move(sets));
  }
  if (!step.produces.empty()) {
    Node produces = Node::Array();
    for (const OutputKind kind : step.produces) produces.items.push_back(Str(OutputKindName(kind)));
    node.Add("produces", std::move(produces));
  }
  if (step.format) node.Add("format", FormatRefNode(*step.format));
  AddExtensions(node, step.extensions);
  return node;
}

Node RoleRequirementNode(const RoleRequirement& requirement) {
  Node node = Node::Object();
  node.Add("role", Str(requirement.role));
  node.Add("min", Node::Int(requirement.min));
  AddInt(node, "max", requirement.max);
  return node;
}

Node RoleRequirementsNode(const std::vector<RoleRequirement>& roles) {
  Node node = Node::Array();
  for (const RoleRequirement& r : roles) node.items.push_back(RoleRequirementNode(r));
  return node;
}

Node OutputNode(const DeclaredOutput& output) {
  Node node = Node::Object();
  node.Add("kind", Str(OutputKindName(output.kind)));
  node.Add("min", Node::Int(output.min));
  AddInt(node, "max", output.max);
  AddString(node, "destination", output.destination);
  AddText(node, "note", output.note);
  return node;
}

Node OutputsNode(const std::vector<DeclaredOutput>& outputs) {
  Node node = Node::Array();
  for (const DeclaredOutput& o : outputs) node.items.push_back(OutputNode(o));
  return node;
}

// Adds `key` with the array of `items` converted by `convert`, unless empty.
template <typename T, typename F>
void AddList(Node& object, std::string_view key, const std::vector<T>& items, F convert) {
  if (items.empty()) return;
  Node array = Node::Array();
  for (const T& item : items) array.items.push_back(convert(item));
  object.Add(std::string(key), std::move(array));
}

Node ChangeNode(const StepChange& change) {
  Node node = Node::Object();
  node.Add("op", Str(StepChangeOpName(change.op)));
  switch (change.op) {
    case StepChange::Op::kAdd:
      AddString(node, "after", change.target);
      if (change.step) node.Add("step", StepNode(*change.step));
      break;
    case StepChange::Op::kRemove:
      node.Add("target", Str(change.target));
      break;
    case StepChange::Op::kReplace:
      node.Add("target", Str(change.target));
      if (change.step) node.Add("step", StepNode(*change.step));
      break;
    case StepChange::Op::kSetBudget:
      node.Add("target", Str(change.target));
      if (change.budget) node.Add("budget", BudgetNode(*change.budget));
      break;
    case StepChange::Op::kSetPrompts:
      node.Add("target", Str(change.target));
      node.Add("prompts", PromptsNode(change.prompts));
      break;
  }
  return node;
}

Node Header(DocumentKind kind) {
  Node node = Node::Object();
  node.Add("carelearn", Str(absl::StrCat(Sv(DocumentKindName(kind)), "/", kSchemaVersion)));
  return node;
}

}  // namespace

std::optional<Node> ParseExtensions(std::string_view extensions) {
  const JsonText json("extensions", extensions);
  // The text may come from a document read with raised limits; keep all of it.
  ParseOptions options;
  options.max_depth = kMaxSupportedDepth;
  options.max_document_bytes = std::numeric_limits<std::size_t>::max();
  options.max_string_bytes = std::numeric_limits<std::size_t>::max();
  absl::StatusOr<Node> node = ParseTree(json, options);
  if (!node.ok() || node->kind != Node::Kind::kObject) return std::nullopt;
  return std::move(*node);
}

Node ToNode(const Format& format) {
  Node node = Header(DocumentKind::kFormat);
  node.Add("id", Str(format.id));
  node.Add("version", Node::Int(format.version));
  node.Add("title", TextNode(format.title));
  node.Add("purpose", TextNode(format.purpose));
  AddText(node, "source", format.source);
  AddList(node, "prerequisites", format.prerequisites, [](const Prerequisite& p) {
    Node item = Node::Object();
    item.Add("id", Str(p.id));
    item.Add("text", TextNode(p.text));
    return item;
  });
  // Every format says where it happens and for how many, so these two are
  // written even when they hold their defaults (the loader supplies the
  // defaults when a hand-written document leaves them out).
  node.Add("setting", SettingNode(format.setting));
  node.Add("capacity", CapacityNode(format.capacity));
  if (format.duration) node.Add("duration", BudgetNode(*format.duration));
  if (format.cadence) node.Add("cadence", CadenceNode(*format.cadence));
  AddList(node, "defined_roles", format.defined_roles, [](const Role& role) {
    Node item = Node::Object();
    item.Add("id", Str(role.id));
    item.Add("name", TextNode(role.name));
    AddText(item, "description", role.description);
    return item;
  });
  AddList(node, "roles", format.roles, RoleRequirementNode);
  AddList(node, "steps", format.steps, StepNode);
  AddList(node, "outputs", format.outputs, OutputNode);
  AddList(node, "components", format.components, [](const Component& component) {
    Node item = Node::Object();
    item.Add("format", FormatRefNode(component.format));
    if (component.cadence) item.Add("cadence", CadenceNode(*component.cadence));
    AddText(item, "note", component.note);
    return item;
  });
  AddList(node, "lineage", format.lineage, FormatRefNode);
  AddExtensions(node, format.extensions);
  return node;
}

Node ToNode(const Variant& variant) {
  Node node = Header(DocumentKind::kVariant);
  node.Add("id", Str(variant.id));
  node.Add("version", Node::Int(variant.version));
  node.Add("extends", FormatRefNode(variant.extends));
  if (variant.title) node.Add("title", TextNode(*variant.title));
  if (variant.purpose) node.Add("purpose", TextNode(*variant.purpose));
  if (variant.setting) node.Add("setting", SettingNode(*variant.setting));
  if (variant.capacity) node.Add("capacity", CapacityNode(*variant.capacity));
  if (variant.duration) node.Add("duration", BudgetNode(*variant.duration));
  if (variant.cadence) node.Add("cadence", CadenceNode(*variant.cadence));
  // A variant's lists replace the base's, so an empty list is written: it
  // says "none", where a missing key says "as the base".
  if (variant.roles) node.Add("roles", RoleRequirementsNode(*variant.roles));
  if (variant.outputs) node.Add("outputs", OutputsNode(*variant.outputs));
  AddList(node, "changes", variant.changes, ChangeNode);
  AddExtensions(node, variant.extensions);
  return node;
}

Node ToNode(const QuestionSet& set) {
  Node node = Header(DocumentKind::kQuestionSet);
  node.Add("id", Str(set.id));
  node.Add("version", Node::Int(set.version));
  node.Add("title", TextNode(set.title));
  AddText(node, "source", set.source);
  node.Add("prompts", PromptsNode(set.prompts));
  return node;
}

}  // namespace carelearn::detail
