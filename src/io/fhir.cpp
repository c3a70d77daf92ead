// carelearn's FHIR R4 forms (carelearn/io/fhir.hpp): the writers build
// Boost.JSON values; the reader walks the strict, located tree of
// json_tree.hpp, so that every error names its place. docs/fhir.md is the
// mapping, element by element; the names and tables here follow it.
#include "carelearn/io/fhir.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json/array.hpp"
#include "boost/json/object.hpp"
#include "boost/json/value.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/role.hpp"
#include "detail/absl_compat.hpp"
#include "detail/names.hpp"
#include "io/fhir_json.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"

namespace carelearn {

namespace {
constexpr std::array<std::pair<PublicationStatus, std::string_view>, 4> kStatusCodes{{
    {PublicationStatus::kDraft, "draft"},
    {PublicationStatus::kActive, "active"},
    {PublicationStatus::kRetired, "retired"},
    {PublicationStatus::kUnknown, "unknown"},
}};
}  // namespace

std::string_view PublicationStatusCode(PublicationStatus status) {
  return detail::NameOf<PublicationStatus>(kStatusCodes, status);
}

std::optional<PublicationStatus> ParsePublicationStatus(std::string_view code) {
  return detail::ValueOf<PublicationStatus>(kStatusCodes, code);
}

std::string PlanDefinitionUrl(std::string_view id) {
  return absl::StrCat(detail::Sv(fhir::kPlanDefinitionBase), "/", detail::EncodePathSegment(id));
}

std::string PlanDefinitionCanonical(const FormatRef& ref) {
  std::string out = PlanDefinitionUrl(ref.id);
  if (ref.version) absl::StrAppend(&out, "|", *ref.version);
  return out;
}

std::string QuestionnaireUrl(std::string_view id) {
  return absl::StrCat(detail::Sv(fhir::kQuestionnaireBase), "/", detail::EncodePathSegment(id));
}

namespace detail {
namespace {

namespace bj = boost::json;

// --- Names shared by the writer and the reader ----------------------------------------------

// carelearn's extensions, each `fhir::kExtensionBase + "/" + name`.
constexpr std::string_view kExtTimeBudget = "time-budget";
constexpr std::string_view kExtCadence = "cadence";
constexpr std::string_view kExtCapacity = "capacity";
constexpr std::string_view kExtStanding = "standing";
constexpr std::string_view kExtRoleRequirement = "role-requirement";
constexpr std::string_view kExtDefinedRole = "defined-role";
constexpr std::string_view kExtDeclaredOutput = "declared-output";
constexpr std::string_view kExtProduces = "produces";
constexpr std::string_view kExtComponent = "component";
constexpr std::string_view kExtAudience = "audience";
constexpr std::string_view kExtJson = "extensions";

// carelearn's code systems, each `fhir::kCodeSystemBase + "/" + name`.
constexpr std::string_view kCsRole = "role";
constexpr std::string_view kCsPlace = "place";
constexpr std::string_view kCsParticipation = "participation";
constexpr std::string_view kCsOutputKind = "output-kind";

constexpr std::string_view kUsageContextType =
    "http://terminology.hl7.org/CodeSystem/usage-context-type";
constexpr std::string_view kPlanDefinitionType =
    "http://terminology.hl7.org/CodeSystem/plan-definition-type";

std::string ExtensionUrl(std::string_view name) {
  return absl::StrCat(Sv(fhir::kExtensionBase), "/", Sv(name));
}

std::string CodeSystem(std::string_view name) {
  return absl::StrCat(Sv(fhir::kCodeSystemBase), "/", Sv(name));
}

// UCUM codes of a budget's units, and the units-of-time codes of a cadence's periods.
constexpr std::array<std::pair<TimeUnit, std::string_view>, 3> kUcumUnits{{
    {TimeUnit::kMinute, "min"},
    {TimeUnit::kHour, "h"},
    {TimeUnit::kDay, "d"},
}};
constexpr std::array<std::pair<Period, std::string_view>, 4> kPeriodUnits{{
    {Period::kDay, "d"},
    {Period::kWeek, "wk"},
    {Period::kMonth, "mo"},
    {Period::kYear, "a"},
}};
constexpr std::array<std::pair<TimeBudget::Kind, std::string_view>, 4> kBudgetKinds{{
    {TimeBudget::Kind::kFixed, "fixed"},
    {TimeBudget::Kind::kRange, "range"},
    {TimeBudget::Kind::kPerParticipant, "per-participant"},
    {TimeBudget::Kind::kOpen, "open"},
}};

// The R4 action-participant-type a role takes part as.
std::string_view ParticipantType(std::string_view role) {
  if (role == roles::kCitizen) return "patient";
  if (role == roles::kRelative) return "related-person";
  return "practitioner";
}

// A role's name: the format's own definition, else the built-in role's; empty when unknown.
Text RoleName(const Format* format, std::string_view role) {
  if (format != nullptr) {
    for (const Role& r : format->defined_roles) {
      if (r.id == role) return r.name;
    }
  }
  if (const Role* builtin = FindBuiltinRole(role)) return builtin->name;
  return {};
}

bool IsFhirId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
  });
}

// A FHIR `name` ("usable as an identifier"): the id's words in PascalCase.
std::string PascalName(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u) != 0) {
      out.push_back(upper ? static_cast<char>(std::toupper(u)) : c);
      upper = false;
    } else {
      upper = true;
    }
  }
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out[0])) != 0) {
    out.insert(0, "Format");
  }
  return out;
}

// --- Writing ---------------------------------------------------------------------------------

bj::object Translation(std::string_view lang, std::string_view content) {
  bj::array parts;
  parts.push_back(bj::object{{"url", "lang"}, {"valueCode", lang}});
  parts.push_back(bj::object{{"url", "content"}, {"valueString", content}});
  return bj::object{{"url", fhir::kTranslationUrl}, {"extension", std::move(parts)}};
}

// Writes `text` as the string element `key` in Danish (the resource's
// language) and, in "_key", its English translation.
void PutText(bj::object& o, std::string_view key, const Text& text) {
  if (!text.da.empty()) o[key] = text.da;
  if (!text.en.empty()) {
    bj::array translations;
    translations.push_back(Translation("en", text.en));
    o[absl::StrCat("_", Sv(key))] = bj::object{{"extension", std::move(translations)}};
  }
}

bj::object Coding(std::string_view system, std::string_view code, std::string_view display = {}) {
  bj::object c{{"system", system}, {"code", code}};
  if (!display.empty()) c["display"] = display;
  return c;
}

bj::object Ext(std::string_view name, std::string_view value_key, bj::value value) {
  bj::object e{{"url", ExtensionUrl(name)}};
  e[value_key] = std::move(value);
  return e;
}

bj::object Part(std::string_view url, std::string_view value_key, bj::value value) {
  bj::object e{{"url", url}};
  e[value_key] = std::move(value);
  return e;
}

// A sub-extension holding a Text as two sub-extensions "da" and "en".
bj::object TextPart(std::string_view url, const Text& text) {
  bj::array parts;
  if (!text.da.empty()) parts.push_back(Part("da", "valueString", bj::value(text.da)));
  if (!text.en.empty()) parts.push_back(Part("en", "valueString", bj::value(text.en)));
  return bj::object{{"url", url}, {"extension", std::move(parts)}};
}

bj::object Quantity(double amount, TimeUnit unit) {
  const std::string_view code = NameOf<TimeUnit>(kUcumUnits, unit);
  return bj::object{
      {"value", Amount(amount)}, {"unit", code}, {"system", fhir::kUcum}, {"code", code}};
}

// carelearn's time-budget extension: the budget whole, for what FHIR's timing cannot say.
bj::object BudgetExtension(const TimeBudget& budget) {
  bj::array parts;
  parts.push_back(
      Part("kind", "valueCode", bj::value(NameOf<TimeBudget::Kind>(kBudgetKinds, budget.kind))));
  if (budget.kind != TimeBudget::Kind::kOpen) {
    parts.push_back(Part("unit", "valueCode", bj::value(TimeUnitName(budget.unit))));
    parts.push_back(Part("min", "valueDecimal", Amount(budget.min)));
    parts.push_back(Part("max", "valueDecimal", Amount(budget.max)));
  }
  if (budget.about) parts.push_back(Part("about", "valueBoolean", bj::value(true)));
  if (budget.skip != 0) parts.push_back(Part("skip", "valueInteger", bj::value(budget.skip)));
  return bj::object{{"url", ExtensionUrl(kExtTimeBudget)}, {"extension", std::move(parts)}};
}

bj::object TimingOf(const Cadence& cadence) {
  bj::object repeat{{"frequency", 1},
                    {"period", cadence.interval},
                    {"periodUnit", NameOf<Period>(kPeriodUnits, cadence.unit)}};
  if (cadence.count) repeat["count"] = *cadence.count;
  return bj::object{{"repeat", std::move(repeat)}};
}

class PlanWriter {
 public:
  explicit PlanWriter(const FhirWriteOptions& options)
      : options_(options),
        catalog_(options.catalog != nullptr ? *options.catalog : BuiltinCatalog()) {}

  bj::object Write(const Format& format) {
    bj::object plan{{"resourceType", "PlanDefinition"}};
    if (IsFhirId(format.id)) plan["id"] = format.id;
    plan["language"] = "da";

    bj::array contained;
    for (std::size_t i = 0; i < format.steps.size(); ++i) {
      const Step& step = format.steps[i];
      if (step.prompts.empty()) continue;
      contained.push_back(PromptsQuestionnaire(PromptsId(i), step.prompts));
    }
    if (!contained.empty()) plan["contained"] = std::move(contained);

    bj::array extensions;
    if (format.duration) extensions.push_back(BudgetExtension(*format.duration));
    if (format.cadence)
      extensions.push_back(Ext(kExtCadence, "valueTiming", TimingOf(*format.cadence)));
    if (format.capacity != Capacity{}) {
      bj::array parts;
      parts.push_back(Part("min", "valueInteger", bj::value(format.capacity.min)));
      if (format.capacity.max) {
        parts.push_back(Part("max", "valueInteger", bj::value(*format.capacity.max)));
      }
      if (format.capacity.typical) {
        parts.push_back(Part("typical", "valueInteger", bj::value(*format.capacity.typical)));
      }
      extensions.push_back(
          bj::object{{"url", ExtensionUrl(kExtCapacity)}, {"extension", std::move(parts)}});
    }
    if (format.setting.standing) {
      extensions.push_back(Ext(kExtStanding, "valueBoolean", bj::value(true)));
    }
    for (const RoleRequirement& requirement : format.roles) {
      bj::array parts;
      parts.push_back(Part("role", "valueCoding", RoleCoding(format, requirement.role)));
      parts.push_back(Part("min", "valueInteger", bj::value(requirement.min)));
      if (requirement.max)
        parts.push_back(Part("max", "valueInteger", bj::value(*requirement.max)));
      extensions.push_back(
          bj::object{{"url", ExtensionUrl(kExtRoleRequirement)}, {"extension", std::move(parts)}});
    }
    for (const Role& role : format.defined_roles) {
      bj::array parts;
      parts.push_back(Part("role", "valueCoding", Coding(CodeSystem(kCsRole), role.id)));
      parts.push_back(TextPart("name", role.name));
      if (!role.description.empty()) parts.push_back(TextPart("description", role.description));
      extensions.push_back(
          bj::object{{"url", ExtensionUrl(kExtDefinedRole)}, {"extension", std::move(parts)}});
    }
    for (const DeclaredOutput& output : format.outputs) {
      bj::array parts;
      parts.push_back(Part("kind", "valueCoding",
                           Coding(CodeSystem(kCsOutputKind), OutputKindName(output.kind))));
      parts.push_back(Part("min", "valueInteger", bj::value(output.min)));
      if (output.max) parts.push_back(Part("max", "valueInteger", bj::value(*output.max)));
      if (!output.destination.empty()) {
        parts.push_back(Part("destination", "valueString", bj::value(output.destination)));
      }
      if (!output.note.empty()) parts.push_back(TextPart("note", output.note));
      extensions.push_back(
          bj::object{{"url", ExtensionUrl(kExtDeclaredOutput)}, {"extension", std::move(parts)}});
    }
    if (!format.extensions.empty()) {
      extensions.push_back(Ext(kExtJson, "valueString", bj::value(format.extensions)));
    }
    if (!extensions.empty()) plan["extension"] = std::move(extensions);

    plan["url"] = PlanDefinitionUrl(format.id);
    plan["version"] = absl::StrCat(format.version);
    if (std::string name = PascalName(format.id); !name.empty()) plan["name"] = name;
    PutText(plan, "title", format.title);
    bj::array type_codings;
    type_codings.push_back(
        Coding(kPlanDefinitionType, "workflow-definition", "Workflow Definition"));
    plan["type"] = bj::object{{"coding", std::move(type_codings)}};
    plan["status"] = PublicationStatusCode(options_.status);

    bj::array use_context;
    bj::array place_codings;
    place_codings.push_back(Coding(CodeSystem(kCsPlace), PlaceName(format.setting.place)));
    use_context.push_back(
        bj::object{{"code", Coding(kUsageContextType, "venue", "Venue")},
                   {"valueCodeableConcept", bj::object{{"coding", std::move(place_codings)}}}});
    plan["useContext"] = std::move(use_context);
    bj::array jurisdiction_codings;
    jurisdiction_codings.push_back(Coding("urn:iso:std:iso:3166", "DK", "Denmark"));
    bj::array jurisdiction;
    jurisdiction.push_back(bj::object{{"coding", std::move(jurisdiction_codings)}});
    plan["jurisdiction"] = std::move(jurisdiction);
    PutText(plan, "purpose", format.purpose);

    bj::array artifacts;
    if (!format.source.empty()) {
      bj::object a{{"type", "citation"}};
      PutText(a, "citation", format.source);
      artifacts.push_back(std::move(a));
    }
    for (const Prerequisite& p : format.prerequisites) {
      bj::object a{{"type", "depends-on"}, {"label", p.id}};
      PutText(a, "display", p.text);
      artifacts.push_back(std::move(a));
    }
    for (const FormatRef& base : format.lineage) {
      artifacts.push_back(
          bj::object{{"type", "derived-from"}, {"resource", PlanDefinitionCanonical(base)}});
    }
    if (!artifacts.empty()) plan["relatedArtifact"] = std::move(artifacts);

    bj::array actions;
    for (std::size_t i = 0; i < format.steps.size(); ++i) {
      std::vector<std::string> trail{format.id};
      actions.push_back(StepAction(format, format.steps[i], PromptsId(i), "", trail));
    }
    for (const Component& component : format.components) {
      actions.push_back(ComponentAction(component));
    }
    if (!actions.empty()) plan["action"] = std::move(actions);
    return plan;
  }

  bj::object Questionnaire(const QuestionSet& set) {
    bj::object q{{"resourceType", "Questionnaire"}};
    if (IsFhirId(set.id)) q["id"] = set.id;
    q["language"] = "da";
    q["url"] = QuestionnaireUrl(set.id);
    q["version"] = absl::StrCat(set.version);
    if (std::string name = PascalName(set.id); !name.empty()) q["name"] = name;
    PutText(q, "title", set.title);
    q["status"] = PublicationStatusCode(options_.status);
    PutText(q, "description", set.source);
    q["item"] = Items(set.prompts);
    return q;
  }

 private:
  static std::string PromptsId(std::size_t step_index) {
    return absl::StrCat("prompts-", step_index + 1);
  }

  bj::object RoleCoding(const Format& format, std::string_view role) const {
    return Coding(CodeSystem(kCsRole), role, RoleName(&format, role).Get(Lang::kDa));
  }

  static bj::array Items(const std::vector<Prompt>& prompts) {
    bj::array items;
    for (const Prompt& prompt : prompts) {
      bj::object item;
      if (!prompt.audience.empty()) {
        bj::array ext;
        ext.push_back(Ext(kExtAudience, "valueCoding",
                          Coding(CodeSystem(kCsRole), prompt.audience,
                                 RoleName(nullptr, prompt.audience).Get(Lang::kDa))));
        item["extension"] = std::move(ext);
      }
      item["linkId"] = prompt.id;
      PutText(item, "text", prompt.text);
      item["type"] = "display";
      items.push_back(std::move(item));
    }
    return items;
  }

  bj::object PromptsQuestionnaire(const std::string& id, const std::vector<Prompt>& prompts) const {
    return bj::object{{"resourceType", "Questionnaire"},
                      {"id", id},
                      {"status", PublicationStatusCode(options_.status)},
                      {"item", Items(prompts)}};
  }

  // The action of `step`; `prompts_id` names its contained Questionnaire
  // (empty in a nested format's expansion, which leaves prompts to that
  // format's own PlanDefinition); `trail` holds the formats being expanded.
  bj::object StepAction(const Format& format, const Step& step, const std::string& prompts_id,
                        std::string_view id_prefix, std::vector<std::string>& trail) {
    bj::object action;
    bj::array extensions;
    const bool native_timing = step.budget.kind == TimeBudget::Kind::kFixed ||
                               step.budget.kind == TimeBudget::Kind::kRange;
    if (step.budget.kind == TimeBudget::Kind::kPerParticipant || step.budget.about) {
      extensions.push_back(BudgetExtension(step.budget));
    }
    for (const OutputKind kind : step.produces) {
      extensions.push_back(Ext(kExtProduces, "valueCoding",
                               Coding(CodeSystem(kCsOutputKind), OutputKindName(kind))));
    }
    if (!step.extensions.empty() && !prompts_id.empty()) {
      extensions.push_back(Ext(kExtJson, "valueString", bj::value(step.extensions)));
    }
    if (!extensions.empty()) action["extension"] = std::move(extensions);
    action["id"] = absl::StrCat(Sv(id_prefix), step.id);
    PutText(action, "title", step.title);
    PutText(action, "description", step.purpose);
    bj::array codings;
    codings.push_back(Coding(CodeSystem(kCsParticipation), ParticipationName(step.participation)));
    bj::array code;
    code.push_back(bj::object{{"coding", std::move(codings)}});
    action["code"] = std::move(code);

    bj::array documentation;
    if (!step.prompts.empty() && !prompts_id.empty()) {
      documentation.push_back(bj::object{
          {"type", "documentation"}, {"label", "prompts"}, {"resource", "#" + prompts_id}});
    }
    for (const std::string& set : step.question_sets) {
      documentation.push_back(bj::object{{"type", "documentation"},
                                         {"label", "question-set"},
                                         {"resource", QuestionnaireUrl(set)}});
    }
    if (!documentation.empty()) action["documentation"] = std::move(documentation);

    if (native_timing) {
      if (step.budget.kind == TimeBudget::Kind::kFixed) {
        action["timingDuration"] = Quantity(step.budget.min, step.budget.unit);
      } else {
        action["timingRange"] = bj::object{{"low", Quantity(step.budget.min, step.budget.unit)},
                                           {"high", Quantity(step.budget.max, step.budget.unit)}};
      }
    }
    if (!step.lead.empty()) {
      bj::array codings_role;
      codings_role.push_back(RoleCoding(format, step.lead));
      bj::array participants;
      participants.push_back(bj::object{{"type", ParticipantType(step.lead)},
                                        {"role", bj::object{{"coding", std::move(codings_role)}}}});
      action["participant"] = std::move(participants);
    }
    if (step.format) {
      action["definitionCanonical"] = PlanDefinitionCanonical(*step.format);
      const Format* nested = catalog_.Find(*step.format);
      if (nested != nullptr && trail.size() < 8 &&
          std::find(trail.begin(), trail.end(), nested->id) == trail.end()) {
        trail.push_back(nested->id);
        bj::array sub;
        const std::string prefix = absl::StrCat(Sv(id_prefix), step.id, ".");
        for (const Step& inner : nested->steps) {
          sub.push_back(StepAction(*nested, inner, "", prefix, trail));
        }
        trail.pop_back();
        if (!sub.empty()) action["action"] = std::move(sub);
      }
    }
    return action;
  }

  bj::object ComponentAction(const Component& component) const {
    bj::object action;
    bj::array extensions;
    extensions.push_back(Ext(kExtComponent, "valueBoolean", bj::value(true)));
    action["extension"] = std::move(extensions);
    if (const Format* nested = catalog_.Find(component.format)) {
      PutText(action, "title", nested->title);
    }
    PutText(action, "description", component.note);
    if (component.cadence) action["timingTiming"] = TimingOf(*component.cadence);
    action["definitionCanonical"] = PlanDefinitionCanonical(component.format);
    return action;
  }

  const FhirWriteOptions& options_;
  const Catalog& catalog_;
};

// --- Reading ---------------------------------------------------------------------------------

using KeyList = std::span<const std::string_view>;

bool Contains(KeyList keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// PlanDefinition's R4 elements: those carelearn reads, those a reader may
// ignore, and those that would change the plan's meaning but have no place in a format.
constexpr std::array<std::string_view, 16> kPlanRead{
    "resourceType", "id",      "language",   "contained",       "extension",
    "url",          "version", "name",       "title",           "type",
    "status",       "purpose", "useContext", "relatedArtifact", "action",
    "jurisdiction"};
constexpr std::array<std::string_view, 19> kPlanIgnored{
    "meta",      "text",         "identifier",     "subtitle",        "experimental",
    "date",      "publisher",    "contact",        "description",     "usage",
    "copyright", "approvalDate", "lastReviewDate", "effectivePeriod", "topic",
    "author",    "editor",       "reviewer",       "endorser"};
constexpr std::array<std::string_view, 6> kPlanUnsupported{
    "implicitRules",    "modifierExtension", "subjectCodeableConcept",
    "subjectReference", "library",           "goal"};

constexpr std::array<std::string_view, 12> kActionRead{"id",
                                                       "extension",
                                                       "title",
                                                       "description",
                                                       "code",
                                                       "documentation",
                                                       "timingDuration",
                                                       "timingRange",
                                                       "timingTiming",
                                                       "participant",
                                                       "definitionCanonical",
                                                       "action"};
constexpr std::array<std::string_view, 9> kActionIgnored{"prefix",
                                                         "textEquivalent",
                                                         "priority",
                                                         "reason",
                                                         "type",
                                                         "groupingBehavior",
                                                         "precheckBehavior",
                                                         "cardinalityBehavior",
                                                         "requiredBehavior"};
constexpr std::array<std::string_view, 16> kActionUnsupported{"modifierExtension",
                                                              "goalId",
                                                              "subjectCodeableConcept",
                                                              "subjectReference",
                                                              "trigger",
                                                              "condition",
                                                              "input",
                                                              "output",
                                                              "relatedAction",
                                                              "timingDateTime",
                                                              "timingAge",
                                                              "timingPeriod",
                                                              "selectionBehavior",
                                                              "definitionUri",
                                                              "transform",
                                                              "dynamicValue"};

std::string_view LastSegment(std::string_view url) {
  const std::size_t bar = url.find('|');
  if (bar != std::string_view::npos) url = url.substr(0, bar);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  const std::size_t slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

class PlanReader {
 public:
  PlanReader(const JsonText& text, const Node& root, std::vector<std::string>* skipped)
      : r_(text), root_(root), skipped_(skipped) {}

  absl::StatusOr<Format> Read() {
    const Node& root = root_;
    const Path path;
    if (root.kind != Node::Kind::kObject) return r_.Expected(root, path, "a FHIR resource object");
    const Member* type = root.Find("resourceType");
    if (type == nullptr) return r_.Error(root, path, "missing required key \"resourceType\"");
    if (type->value.kind != Node::Kind::kString || type->value.string != "PlanDefinition") {
      return r_.Expected(type->value, path.Child("resourceType"), "\"PlanDefinition\"");
    }
    CARELEARN_RETURN_IF_ERROR(
        CheckKeys(root, path, kPlanRead, kPlanIgnored, kPlanUnsupported, "a PlanDefinition"));
    CARELEARN_RETURN_IF_ERROR(ReadLanguage(root, path));
    CARELEARN_RETURN_IF_ERROR(ReadContained(root, path));

    Format format;
    CARELEARN_RETURN_IF_ERROR(ReadIdentity(root, path, format));
    const Member* status = root.Find("status");
    if (status == nullptr) return r_.Error(root, path, "missing required key \"status\"");
    CARELEARN_RETURN_IF_ERROR(ReadCode(status->value, path.Child("status"), kStatusCodes));
    CARELEARN_RETURN_IF_ERROR(ReadText(root, path, "title", format.title));
    if (format.title.empty()) {
      const Member* name = root.Find("name");
      if (name == nullptr) return r_.Error(root, path, "missing required key \"title\"");
      std::string text;
      CARELEARN_RETURN_IF_ERROR(r_.String(name->value, path.Child("name"), text));
      (primary_ == Lang::kEn ? format.title.en : format.title.da) = text;
    }
    CARELEARN_RETURN_IF_ERROR(ReadText(root, path, "purpose", format.purpose));
    CARELEARN_RETURN_IF_ERROR(r_.Field(root, path, "extension", [&](const Node& v, const Path& p) {
      return ReadPlanExtensions(v, p, format);
    }));
    CARELEARN_RETURN_IF_ERROR(r_.Field(root, path, "useContext", [&](const Node& v, const Path& p) {
      return r_.Array(
          v, p, [&](const Node& item, const Path& ip) { return ReadUseContext(item, ip, format); });
    }));
    CARELEARN_RETURN_IF_ERROR(
        r_.Field(root, path, "relatedArtifact", [&](const Node& v, const Path& p) {
          return r_.Array(v, p, [&](const Node& item, const Path& ip) {
            return ReadArtifact(item, ip, format);
          });
        }));
    CARELEARN_RETURN_IF_ERROR(r_.Field(root, path, "action", [&](const Node& v, const Path& p) {
      return r_.Array(
          v, p, [&](const Node& item, const Path& ip) { return ReadAction(item, ip, format); });
    }));
    return format;
  }

 private:
  // An element carelearn cannot represent: an error, or, when the caller
  // collects them, a located note and no error.
  absl::Status Unsupported(const Node& at, const Path& path, std::string_view what) {
    absl::Status status = r_.Error(
        at, path,
        absl::StrCat("unsupported: ", Sv(what), "; a carelearn format has no place for it"));
    if (skipped_ == nullptr) return status;
    skipped_->emplace_back(status.message());
    return absl::OkStatus();
  }

  absl::Status UnsupportedKey(const Node& object, const Path& path, std::string_view key,
                              std::string_view what) {
    const Member* m = object.Find(key);
    return Unsupported(m->value, path.Child(key), absl::StrCat("\"", Sv(key), "\" of ", Sv(what)));
  }

  // Checks the keys of `object`: each read, ignored, or unsupported, or a
  // primitive's extension ("_title"); any other key is not R4 and an error.
  absl::Status CheckKeys(const Node& object, const Path& path, KeyList read, KeyList ignored,
                         KeyList unsupported, std::string_view what) {
    for (const Member& m : object.members) {
      if (Contains(read, m.key) || Contains(ignored, m.key)) continue;
      if (Contains(unsupported, m.key)) {
        CARELEARN_RETURN_IF_ERROR(UnsupportedKey(object, path, m.key, what));
        continue;
      }
      if (m.key.size() > 1 && m.key[0] == '_') {
        const std::string_view base = std::string_view(m.key).substr(1);
        if (Contains(read, base) || Contains(ignored, base) || Contains(unsupported, base))
          continue;
      }
      std::vector<std::string_view> all(read.begin(), read.end());
      all.insert(all.end(), ignored.begin(), ignored.end());
      all.insert(all.end(), unsupported.begin(), unsupported.end());
      std::string message =
          absl::StrCat("unknown element ", QuoteForMessage(m.key), " of ", Sv(what), " in FHIR R4");
      if (const auto likely = Closest(m.key, all)) {
        absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
      }
      return r_.json().ErrorAtToken(absl::StatusCode::kInvalidArgument, m.token,
                                    path.Child(m.key).Pointer(), message);
    }
    return absl::OkStatus();
  }

  template <typename E, std::size_t N>
  absl::Status ReadCode(const Node& node, const Path& path,
                        const std::array<std::pair<E, std::string_view>, N>& table,
                        E* out = nullptr) {
    std::array<std::string_view, N> names;
    for (std::size_t i = 0; i < N; ++i) names[i] = table[i].second;
    if (node.kind == Node::Kind::kString) {
      if (const std::optional<E> value = ValueOf<E>(table, node.string)) {
        if (out != nullptr) *out = *value;
        return absl::OkStatus();
      }
    }
    std::string message =
        absl::StrCat("expected one of ", QuoteList(names), ", found ", Found(node));
    if (node.kind == Node::Kind::kString) {
      if (const auto likely = Closest(node.string, names)) {
        absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
      }
    }
    return r_.Error(node, path, message);
  }

  absl::Status ReadLanguage(const Node& root, const Path& path) {
    const Member* language = root.Find("language");
    if (language == nullptr) return absl::OkStatus();  // Danish, carelearn's source language
    std::string code;
    CARELEARN_RETURN_IF_ERROR(r_.String(language->value, path.Child("language"), code));
    primary_ = LangOfTag(code);
    if (!primary_) {
      return Unsupported(language->value, path.Child("language"),
                         absl::StrCat("texts in the language ", QuoteForMessage(code),
                                      "; carelearn holds Danish and English"));
    }
    return absl::OkStatus();
  }

  static std::optional<Lang> LangOfTag(std::string_view tag) {
    const std::size_t dash = tag.find('-');
    return ParseLang(tag.substr(0, dash));
  }

  absl::Status ReadContained(const Node& root, const Path& path) {
    const Member* contained = root.Find("contained");
    if (contained == nullptr) return absl::OkStatus();
    const Path cpath = path.Child("contained");
    return r_.Array(contained->value, cpath, [&](const Node& item, const Path& ip) -> absl::Status {
      if (item.kind != Node::Kind::kObject) return r_.Expected(item, ip, "a FHIR resource object");
      const Member* type = item.Find("resourceType");
      const Member* id = item.Find("id");
      if (type == nullptr || type->value.kind != Node::Kind::kString) {
        return r_.Error(item, ip, "missing required key \"resourceType\"");
      }
      if (type->value.string != "Questionnaire") {
        return Unsupported(item, ip, absl::StrCat("a contained ", type->value.string));
      }
      if (id == nullptr || id->value.kind != Node::Kind::kString) {
        return r_.Error(item, ip, "missing required key \"id\"");
      }
      contained_[id->value.string] = ip.index;
      return absl::OkStatus();
    });
  }

  absl::Status ReadIdentity(const Node& root, const Path& path, Format& format) {
    const Member* url = root.Find("url");
    const Member* id = root.Find("id");
    std::string url_text;
    if (url != nullptr)
      CARELEARN_RETURN_IF_ERROR(r_.String(url->value, path.Child("url"), url_text));
    const std::string base = absl::StrCat(Sv(fhir::kPlanDefinitionBase), "/");
    if (url != nullptr && url_text.starts_with(base)) {
      format.id = DecodePathSegment(std::string_view(url_text).substr(base.size()));
    } else if (id != nullptr) {
      CARELEARN_RETURN_IF_ERROR(r_.String(id->value, path.Child("id"), format.id));
    } else if (url != nullptr) {
      format.id = DecodePathSegment(LastSegment(url_text));
    }
    if (format.id.empty()) {
      return r_.Error(root, path, "missing required key \"url\" or \"id\": a format needs an id");
    }
    if (const Member* version = root.Find("version")) {
      const Path vpath = path.Child("version");
      std::string text;
      CARELEARN_RETURN_IF_ERROR(r_.String(version->value, vpath, text));
      int value = 0;
      if (!std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) ||
          !absl::SimpleAtoi(text, &value) || value < 1) {
        return r_.Expected(version->value, vpath,
                           "a whole number from 1 (carelearn's format versions)");
      }
      format.version = value;
    }
    return absl::OkStatus();
  }

  // Reads the string element `key` of `object` and the translations in "_key".
  absl::Status ReadText(const Node& object, const Path& path, std::string_view key, Text& out) {
    out = Text{};
    if (const Member* m = object.Find(key)) {
      std::string text;
      CARELEARN_RETURN_IF_ERROR(r_.String(m->value, path.Child(key), text));
      if (primary_) (*primary_ == Lang::kEn ? out.en : out.da) = std::move(text);
    }
    const std::string ext_key = absl::StrCat("_", Sv(key));
    const Member* ext = object.Find(ext_key);
    if (ext == nullptr) return absl::OkStatus();
    const Path epath = path.Child(ext_key);
    if (ext->value.kind != Node::Kind::kObject) return r_.Expected(ext->value, epath, "an object");
    return r_.Field(ext->value, epath, "extension", [&](const Node& v, const Path& p) {
      return r_.Array(v, p, [&](const Node& e, const Path& ep) -> absl::Status {
        std::string url;
        CARELEARN_RETURN_IF_ERROR(ExtensionUrlOf(e, ep, url));
        if (url != fhir::kTranslationUrl) return absl::OkStatus();
        std::string lang;
        std::string content;
        CARELEARN_RETURN_IF_ERROR(Parts(
            e, ep, [&](std::string_view part, const Node& pn, const Path& pp) -> absl::Status {
              if (part == "lang") return Value(pn, pp, "valueCode", lang);
              if (part == "content") return Value(pn, pp, "valueString", content);
              return absl::OkStatus();
            }));
        const std::optional<Lang> l = LangOfTag(lang);
        if (!l) return absl::OkStatus();  // a third language: carelearn holds two
        std::string& slot = *l == Lang::kEn ? out.en : out.da;
        if (slot.empty()) slot = std::move(content);
        return absl::OkStatus();
      });
    });
  }

  absl::Status ExtensionUrlOf(const Node& e, const Path& path, std::string& url) {
    if (e.kind != Node::Kind::kObject) return r_.Expected(e, path, "an extension object");
    const Member* m = e.Find("url");
    if (m == nullptr) return r_.Error(e, path, "missing required key \"url\"");
    return r_.String(m->value, path.Child("url"), url);
  }

  // Calls `read(url, part, path)` for each sub-extension of the complex extension `e`.
  template <typename F>
  absl::Status Parts(const Node& e, const Path& path, F&& read) {
    const Member* parts = e.Find("extension");
    if (parts == nullptr) return r_.Error(e, path, "missing required key \"extension\"");
    return r_.Array(parts->value, path.Child("extension"),
                    [&](const Node& part, const Path& pp) -> absl::Status {
                      std::string url;
                      CARELEARN_RETURN_IF_ERROR(ExtensionUrlOf(part, pp, url));
                      return read(std::string_view(url), part, pp);
                    });
  }

  // The value member `key` ("valueString", ...) of the extension `e`.
  absl::StatusOr<const Node*> ValueNode(const Node& e, const Path& path, std::string_view key) {
    const Member* m = e.Find(key);
    if (m == nullptr)
      return r_.Error(e, path, absl::StrCat("missing required key \"", Sv(key), "\""));
    return &m->value;
  }

  absl::Status Value(const Node& e, const Path& path, std::string_view key, std::string& out) {
    absl::StatusOr<const Node*> v = ValueNode(e, path, key);
    if (!v.ok()) return v.status();
    return r_.String(**v, path.Child(key), out);
  }

  absl::Status IntValue(const Node& e, const Path& path, int& out, int min) {
    absl::StatusOr<const Node*> v = ValueNode(e, path, "valueInteger");
    if (!v.ok()) return v.status();
    return r_.Int(**v, path.Child("valueInteger"), out, min);
  }

  absl::Status IntValue(const Node& e, const Path& path, std::optional<int>& out, int min) {
    int value = 0;
    CARELEARN_RETURN_IF_ERROR(IntValue(e, path, value, min));
    out = value;
    return absl::OkStatus();
  }

  absl::Status BoolValue(const Node& e, const Path& path, bool& out) {
    absl::StatusOr<const Node*> v = ValueNode(e, path, "valueBoolean");
    if (!v.ok()) return v.status();
    return r_.Bool(**v, path.Child("valueBoolean"), out);
  }

  // Reads the code of a Coding in carelearn's code system `system`.
  absl::Status CodingCode(const Node& coding, const Path& path, std::string_view system,
                          std::string& code) {
    if (coding.kind != Node::Kind::kObject) return r_.Expected(coding, path, "a Coding object");
    const Member* s = coding.Find("system");
    const std::string wanted = CodeSystem(system);
    if (s == nullptr || s->value.kind != Node::Kind::kString || s->value.string != wanted) {
      return r_.Error(s == nullptr ? coding : s->value, s == nullptr ? path : path.Child("system"),
                      absl::StrCat("expected a coding of the system \"", wanted, "\""));
    }
    const Member* c = coding.Find("code");
    if (c == nullptr) return r_.Error(coding, path, "missing required key \"code\"");
    return r_.String(c->value, path.Child("code"), code);
  }

  absl::Status CodingValue(const Node& e, const Path& path, std::string_view system,
                           std::string& code) {
    absl::StatusOr<const Node*> v = ValueNode(e, path, "valueCoding");
    if (!v.ok()) return v.status();
    return CodingCode(**v, path.Child("valueCoding"), system, code);
  }

  absl::Status TextValue(const Node& e, const Path& path, Text& out) {
    out = Text{};
    CARELEARN_RETURN_IF_ERROR(
        Parts(e, path, [&](std::string_view url, const Node& p, const Path& pp) -> absl::Status {
          if (url == "da") return Value(p, pp, "valueString", out.da);
          if (url == "en") return Value(p, pp, "valueString", out.en);
          return r_.Error(
              p, pp,
              absl::StrCat("expected a text part \"da\" or \"en\", found ", QuoteForMessage(url)));
        }));
    if (out.empty())
      return r_.Error(e, path, "a text needs at least one language: \"da\" or \"en\"");
    return absl::OkStatus();
  }

  absl::Status ReadBudgetExtension(const Node& e, const Path& path, TimeBudget& out) {
    out = TimeBudget{};
    bool has_kind = false;
    bool has_min = false;
    bool has_max = false;
    CARELEARN_RETURN_IF_ERROR(
        Parts(e, path, [&](std::string_view url, const Node& p, const Path& pp) -> absl::Status {
          if (url == "kind") {
            has_kind = true;
            absl::StatusOr<const Node*> v = ValueNode(p, pp, "valueCode");
            if (!v.ok()) return v.status();
            return ReadCode(**v, pp.Child("valueCode"), kBudgetKinds, &out.kind);
          }
          if (url == "unit") {
            absl::StatusOr<const Node*> v = ValueNode(p, pp, "valueCode");
            if (!v.ok()) return v.status();
            static constexpr std::array<std::pair<TimeUnit, std::string_view>, 3> kUnits{
                {{TimeUnit::kMinute, "minute"},
                 {TimeUnit::kHour, "hour"},
                 {TimeUnit::kDay, "day"}}};
            return ReadCode(**v, pp.Child("valueCode"), kUnits, &out.unit);
          }
          if (url == "min" || url == "max") {
            absl::StatusOr<const Node*> v = ValueNode(p, pp, "valueDecimal");
            if (!v.ok()) return v.status();
            (url == "min" ? has_min : has_max) = true;
            return r_.Amount(**v, pp.Child("valueDecimal"), url == "min" ? out.min : out.max);
          }
          if (url == "about") return BoolValue(p, pp, out.about);
          if (url == "skip") return IntValue(p, pp, out.skip, 0);
          return r_.Error(p, pp,
                          absl::StrCat("unknown part ", QuoteForMessage(url),
                                       " of carelearn's time-budget extension"));
        }));
    if (!has_kind) return r_.Error(e, path, "missing the part \"kind\" of the time budget");
    if (out.kind != TimeBudget::Kind::kOpen && !(has_min && has_max)) {
      return r_.Error(e, path, "missing the parts \"min\" and \"max\" of the time budget");
    }
    return absl::OkStatus();
  }

  absl::Status ReadTiming(const Node& timing, const Path& path, Cadence& out) {
    if (timing.kind != Node::Kind::kObject) return r_.Expected(timing, path, "a Timing object");
    for (const Member& m : timing.members) {
      if (m.key != "repeat")
        return Unsupported(m.value, path.Child(m.key), "a timing other than a repeat");
    }
    const Member* repeat = timing.Find("repeat");
    if (repeat == nullptr) return r_.Error(timing, path, "missing required key \"repeat\"");
    const Path rp = path.Child("repeat");
    const Node& r = repeat->value;
    if (r.kind != Node::Kind::kObject) return r_.Expected(r, rp, "an object");
    out = Cadence{};
    for (const Member& m : r.members) {
      const Path mp = rp.Child(m.key);
      if (m.key == "frequency") {
        int frequency = 0;
        CARELEARN_RETURN_IF_ERROR(r_.Int(m.value, mp, frequency, 1));
        if (frequency != 1) return Unsupported(m.value, mp, "more than one occurrence a period");
      } else if (m.key == "period") {
        CARELEARN_RETURN_IF_ERROR(r_.Int(m.value, mp, out.interval, 1));
      } else if (m.key == "periodUnit") {
        CARELEARN_RETURN_IF_ERROR(ReadCode(m.value, mp, kPeriodUnits, &out.unit));
      } else if (m.key == "count") {
        CARELEARN_RETURN_IF_ERROR(r_.Int(m.value, mp, out.count, 1));
      } else {
        CARELEARN_RETURN_IF_ERROR(
            Unsupported(m.value, mp, absl::StrCat("the repeat element \"", m.key, "\"")));
      }
    }
    if (r.Find("period") == nullptr || r.Find("periodUnit") == nullptr) {
      return r_.Error(r, rp, "a cadence needs \"period\" and \"periodUnit\"");
    }
    return absl::OkStatus();
  }

  absl::Status ReadPlanExtensions(const Node& node, const Path& path, Format& format) {
    return r_.Array(node, path, [&](const Node& e, const Path& ep) -> absl::Status {
      std::string url;
      CARELEARN_RETURN_IF_ERROR(ExtensionUrlOf(e, ep, url));
      if (url == ExtensionUrl(kExtTimeBudget)) {
        TimeBudget budget;
        CARELEARN_RETURN_IF_ERROR(ReadBudgetExtension(e, ep, budget));
        format.duration = budget;
      } else if (url == ExtensionUrl(kExtCadence)) {
        absl::StatusOr<const Node*> v = ValueNode(e, ep, "valueTiming");
        if (!v.ok()) return v.status();
        Cadence cadence;
        CARELEARN_RETURN_IF_ERROR(ReadTiming(**v, ep.Child("valueTiming"), cadence));
        format.cadence = cadence;
      } else if (url == ExtensionUrl(kExtCapacity)) {
        format.capacity = Capacity{};
        return Parts(
            e, ep, [&](std::string_view part, const Node& p, const Path& pp) -> absl::Status {
              if (part == "min") return IntValue(p, pp, format.capacity.min, 1);
              if (part == "max") return IntValue(p, pp, format.capacity.max, 1);
              if (part == "typical") return IntValue(p, pp, format.capacity.typical, 1);
              return r_.Error(
                  p, pp, absl::StrCat("unknown part ", QuoteForMessage(part), " of a capacity"));
            });
      } else if (url == ExtensionUrl(kExtStanding)) {
        return BoolValue(e, ep, format.setting.standing);
      } else if (url == ExtensionUrl(kExtRoleRequirement)) {
        RoleRequirement requirement;
        CARELEARN_RETURN_IF_ERROR(
            Parts(e, ep, [&](std::string_view part, const Node& p, const Path& pp) -> absl::Status {
              if (part == "role") return CodingValue(p, pp, kCsRole, requirement.role);
              if (part == "min") return IntValue(p, pp, requirement.min, 0);
              if (part == "max") return IntValue(p, pp, requirement.max, 0);
              return r_.Error(
                  p, pp,
                  absl::StrCat("unknown part ", QuoteForMessage(part), " of a role requirement"));
            }));
        if (requirement.role.empty()) return r_.Error(e, ep, "missing the part \"role\"");
        format.roles.push_back(std::move(requirement));
      } else if (url == ExtensionUrl(kExtDefinedRole)) {
        Role role;
        CARELEARN_RETURN_IF_ERROR(
            Parts(e, ep, [&](std::string_view part, const Node& p, const Path& pp) -> absl::Status {
              if (part == "role") return CodingValue(p, pp, kCsRole, role.id);
              if (part == "name") return TextValue(p, pp, role.name);
              if (part == "description") return TextValue(p, pp, role.description);
              return r_.Error(
                  p, pp,
                  absl::StrCat("unknown part ", QuoteForMessage(part), " of a defined role"));
            }));
        if (role.id.empty() || role.name.empty()) {
          return r_.Error(e, ep, "a defined role needs the parts \"role\" and \"name\"");
        }
        format.defined_roles.push_back(std::move(role));
      } else if (url == ExtensionUrl(kExtDeclaredOutput)) {
        DeclaredOutput output;
        bool has_kind = false;
        CARELEARN_RETURN_IF_ERROR(
            Parts(e, ep, [&](std::string_view part, const Node& p, const Path& pp) -> absl::Status {
              if (part == "kind") {
                has_kind = true;
                return OutputKindValue(p, pp, output.kind);
              }
              if (part == "min") return IntValue(p, pp, output.min, 0);
              if (part == "max") return IntValue(p, pp, output.max, 0);
              if (part == "destination") return Value(p, pp, "valueString", output.destination);
              if (part == "note") return TextValue(p, pp, output.note);
              return r_.Error(
                  p, pp,
                  absl::StrCat("unknown part ", QuoteForMessage(part), " of a declared output"));
            }));
        if (!has_kind) return r_.Error(e, ep, "missing the part \"kind\" of a declared output");
        format.outputs.push_back(std::move(output));
      } else if (url == ExtensionUrl(kExtJson)) {
        return JsonExtensions(e, ep, format.extensions);
      } else if (url.starts_with(absl::StrCat(Sv(fhir::kExtensionBase), "/"))) {
        return r_.Error(e, ep.Child("url"),
                        absl::StrCat("unknown carelearn extension ",
                                     QuoteForMessage(url.substr(fhir::kExtensionBase.size() + 1)),
                                     " on a PlanDefinition"));
      }
      return absl::OkStatus();  // another party's extension: a reader may ignore it
    });
  }

  absl::Status OutputKindValue(const Node& e, const Path& path, OutputKind& out) {
    std::string code;
    CARELEARN_RETURN_IF_ERROR(CodingValue(e, path, kCsOutputKind, code));
    const std::optional<OutputKind> kind = ParseOutputKind(code);
    if (!kind) {
      return r_.Error(e, path, absl::StrCat("unknown output kind ", QuoteForMessage(code)));
    }
    out = *kind;
    return absl::OkStatus();
  }

  absl::Status JsonExtensions(const Node& e, const Path& path, std::string& out) {
    std::string text;
    CARELEARN_RETURN_IF_ERROR(Value(e, path, "valueString", text));
    absl::StatusOr<std::string> canonical = CanonicalExtensions(text);
    if (!canonical.ok()) {
      return r_.Error(e, path.Child("valueString"),
                      absl::StrCat("carelearn's extensions must hold a JSON object: ",
                                   canonical.status().message()));
    }
    out = *std::move(canonical);
    return absl::OkStatus();
  }

  absl::Status ReadUseContext(const Node& item, const Path& path, Format& format) {
    if (item.kind != Node::Kind::kObject) return r_.Expected(item, path, "a UsageContext object");
    const Member* code = item.Find("code");
    const bool venue = code != nullptr && code->value.kind == Node::Kind::kObject &&
                       code->value.Find("code") != nullptr &&
                       code->value.Find("code")->value.kind == Node::Kind::kString &&
                       code->value.Find("code")->value.string == "venue";
    const Member* value = item.Find("valueCodeableConcept");
    if (!venue || value == nullptr)
      return Unsupported(item, path, "a use context other than a venue");
    const Path vp = path.Child("valueCodeableConcept");
    if (value->value.kind != Node::Kind::kObject) return r_.Expected(value->value, vp, "an object");
    const Member* codings = value->value.Find("coding");
    if (codings == nullptr || codings->value.kind != Node::Kind::kArray ||
        codings->value.items.empty()) {
      return Unsupported(value->value, vp, "a venue without a coding");
    }
    const Path cp = vp.Child("coding").Item(0);
    std::string place;
    const Node& coding = codings->value.items[0];
    const Member* system = coding.kind == Node::Kind::kObject ? coding.Find("system") : nullptr;
    if (system == nullptr || system->value.kind != Node::Kind::kString ||
        system->value.string != CodeSystem(kCsPlace)) {
      return Unsupported(coding, cp, "a venue coded outside carelearn's places");
    }
    CARELEARN_RETURN_IF_ERROR(CodingCode(coding, cp, kCsPlace, place));
    const std::optional<Place> parsed = ParsePlace(place);
    if (!parsed) {
      return r_.Error(coding, cp.Child("code"),
                      absl::StrCat("unknown place ", QuoteForMessage(place)));
    }
    format.setting.place = *parsed;
    return absl::OkStatus();
  }

  absl::Status ReadArtifact(const Node& item, const Path& path, Format& format) {
    if (item.kind != Node::Kind::kObject)
      return r_.Expected(item, path, "a RelatedArtifact object");
    const Member* type = item.Find("type");
    if (type == nullptr) return r_.Error(item, path, "missing required key \"type\"");
    std::string t;
    CARELEARN_RETURN_IF_ERROR(r_.String(type->value, path.Child("type"), t));
    if (t == "citation" && item.Find("citation") != nullptr && format.source.empty()) {
      return ReadText(item, path, "citation", format.source);
    }
    if (t == "depends-on" && item.Find("label") != nullptr && item.Find("display") != nullptr &&
        item.Find("resource") == nullptr && item.Find("url") == nullptr) {
      Prerequisite p;
      CARELEARN_RETURN_IF_ERROR(r_.String(item.Find("label")->value, path.Child("label"), p.id));
      CARELEARN_RETURN_IF_ERROR(ReadText(item, path, "display", p.text));
      format.prerequisites.push_back(std::move(p));
      return absl::OkStatus();
    }
    if (t == "derived-from" && item.Find("resource") != nullptr) {
      std::string canonical;
      CARELEARN_RETURN_IF_ERROR(
          r_.String(item.Find("resource")->value, path.Child("resource"), canonical));
      FormatRef ref;
      CARELEARN_RETURN_IF_ERROR(
          RefOf(item.Find("resource")->value, path.Child("resource"), canonical, ref));
      format.lineage.push_back(std::move(ref));
      return absl::OkStatus();
    }
    return Unsupported(item, path, absl::StrCat("a related artifact of type \"", t, "\""));
  }

  // A format reference from a canonical "<url>|<version>": the id is the last path segment.
  absl::Status RefOf(const Node& at, const Path& path, std::string_view canonical, FormatRef& out) {
    out = FormatRef{};
    const std::size_t bar = canonical.find('|');
    out.id = DecodePathSegment(LastSegment(canonical));
    if (out.id.empty()) return r_.Expected(at, path, "a canonical URL naming a format");
    if (bar != std::string_view::npos) {
      int version = 0;
      if (!absl::SimpleAtoi(Sv(canonical.substr(bar + 1)), &version) || version < 1) {
        return r_.Expected(at, path, "a canonical whose version is a whole number from 1");
      }
      out.version = version;
    }
    return absl::OkStatus();
  }

  absl::Status ReadAction(const Node& node, const Path& path, Format& format) {
    if (node.kind != Node::Kind::kObject) return r_.Expected(node, path, "an action object");
    CARELEARN_RETURN_IF_ERROR(
        CheckKeys(node, path, kActionRead, kActionIgnored, kActionUnsupported, "an action"));
    bool component = false;
    const Member* ext = node.Find("extension");
    if (ext != nullptr && ext->value.kind == Node::Kind::kArray) {
      for (const Node& e : ext->value.items) {
        const Member* url = e.kind == Node::Kind::kObject ? e.Find("url") : nullptr;
        if (url != nullptr && url->value.kind == Node::Kind::kString &&
            url->value.string == ExtensionUrl(kExtComponent)) {
          component = true;
        }
      }
    }
    if (!component && node.Find("timingTiming") != nullptr &&
        node.Find("definitionCanonical") != nullptr) {
      component = true;  // another party's programme: a format held on a cadence
    }
    if (component) return ReadComponent(node, path, format);
    return ReadStep(node, path, format);
  }

  absl::Status ReadComponent(const Node& node, const Path& path, Format& format) {
    Component component;
    const Member* canonical = node.Find("definitionCanonical");
    if (canonical == nullptr) {
      return r_.Error(node, path, "missing required key \"definitionCanonical\" of a component");
    }
    std::string text;
    CARELEARN_RETURN_IF_ERROR(r_.String(canonical->value, path.Child("definitionCanonical"), text));
    CARELEARN_RETURN_IF_ERROR(
        RefOf(canonical->value, path.Child("definitionCanonical"), text, component.format));
    CARELEARN_RETURN_IF_ERROR(ReadText(node, path, "description", component.note));
    if (const Member* timing = node.Find("timingTiming")) {
      Cadence cadence;
      CARELEARN_RETURN_IF_ERROR(ReadTiming(timing->value, path.Child("timingTiming"), cadence));
      component.cadence = cadence;
    }
    if (absl::Status s = r_.Field(
            node, path, "extension",
            [&](const Node& v, const Path& p) {
              return r_.Array(v, p, [&](const Node& e, const Path& ep) -> absl::Status {
                std::string url;
                CARELEARN_RETURN_IF_ERROR(ExtensionUrlOf(e, ep, url));
                if (url == ExtensionUrl(kExtComponent)) {
                  bool flag = false;
                  return BoolValue(e, ep, flag);
                }
                if (url.starts_with(absl::StrCat(Sv(fhir::kExtensionBase), "/"))) {
                  return r_.Error(
                      e, ep.Child("url"),
                      absl::StrCat("unknown carelearn extension ",
                                   QuoteForMessage(url.substr(fhir::kExtensionBase.size() + 1)),
                                   " on a component"));
                }
                return absl::OkStatus();
              });
            });
        !s.ok()) {
      return s;
    }
    for (const std::string_view key :
         {"timingDuration", "timingRange", "participant", "code", "documentation", "action"}) {
      if (node.Find(key) != nullptr) {
        CARELEARN_RETURN_IF_ERROR(UnsupportedKey(node, path, key, "a component"));
      }
    }
    format.components.push_back(std::move(component));
    return absl::OkStatus();
  }

  absl::Status ReadQuantity(const Node& node, const Path& path, double& amount, TimeUnit& unit) {
    if (node.kind != Node::Kind::kObject) return r_.Expected(node, path, "a Quantity object");
    const Member* value = node.Find("value");
    if (value == nullptr) return r_.Error(node, path, "missing required key \"value\"");
    CARELEARN_RETURN_IF_ERROR(r_.Amount(value->value, path.Child("value"), amount));
    if (const Member* system = node.Find("system")) {
      if (system->value.kind != Node::Kind::kString || system->value.string != fhir::kUcum) {
        return r_.Expected(system->value, path.Child("system"),
                           absl::StrCat("\"", Sv(fhir::kUcum), "\""));
      }
    }
    const Member* code = node.Find("code");
    if (code == nullptr) code = node.Find("unit");
    if (code == nullptr) return r_.Error(node, path, "missing required key \"code\"");
    const Path cp = path.Child(code->key);
    return ReadCode(code->value, cp, kUcumUnits, &unit);
  }

  absl::Status ReadStep(const Node& node, const Path& path, Format& format) {
    Step step;
    if (const Member* id = node.Find("id")) {
      CARELEARN_RETURN_IF_ERROR(r_.String(id->value, path.Child("id"), step.id));
    } else {
      step.id = absl::StrCat("step-", path.index + 1);
    }
    CARELEARN_RETURN_IF_ERROR(ReadText(node, path, "title", step.title));
    if (step.title.empty()) return r_.Error(node, path, "missing required key \"title\" of a step");
    CARELEARN_RETURN_IF_ERROR(ReadText(node, path, "description", step.purpose));

    step.budget = TimeBudget::Open();
    if (const Member* d = node.Find("timingDuration")) {
      double amount = 0;
      TimeUnit unit = TimeUnit::kMinute;
      CARELEARN_RETURN_IF_ERROR(ReadQuantity(d->value, path.Child("timingDuration"), amount, unit));
      step.budget = TimeBudget::Fixed(amount, unit);
    }
    if (const Member* range = node.Find("timingRange")) {
      const Path rp = path.Child("timingRange");
      if (range->value.kind != Node::Kind::kObject)
        return r_.Expected(range->value, rp, "a Range object");
      const Member* low = range->value.Find("low");
      const Member* high = range->value.Find("high");
      if (low == nullptr || high == nullptr) {
        return Unsupported(range->value, rp, "a range open at one end");
      }
      double lo = 0;
      double hi = 0;
      TimeUnit lo_unit = TimeUnit::kMinute;
      TimeUnit hi_unit = TimeUnit::kMinute;
      CARELEARN_RETURN_IF_ERROR(ReadQuantity(low->value, rp.Child("low"), lo, lo_unit));
      CARELEARN_RETURN_IF_ERROR(ReadQuantity(high->value, rp.Child("high"), hi, hi_unit));
      if (lo_unit != hi_unit) {
        return Unsupported(range->value, rp, "a range whose ends are in different units");
      }
      step.budget = TimeBudget::Range(lo, hi, lo_unit);
    }
    if (node.Find("timingTiming") != nullptr) {
      CARELEARN_RETURN_IF_ERROR(UnsupportedKey(node, path, "timingTiming", "a step"));
    }

    if (absl::Status s = r_.Field(
            node, path, "extension",
            [&](const Node& v, const Path& p) {
              return r_.Array(v, p, [&](const Node& e, const Path& ep) -> absl::Status {
                std::string url;
                CARELEARN_RETURN_IF_ERROR(ExtensionUrlOf(e, ep, url));
                if (url == ExtensionUrl(kExtTimeBudget))
                  return ReadBudgetExtension(e, ep, step.budget);
                if (url == ExtensionUrl(kExtProduces)) {
                  OutputKind kind = OutputKind::kLearningPoint;
                  CARELEARN_RETURN_IF_ERROR(OutputKindValue(e, ep, kind));
                  step.produces.push_back(kind);
                  return absl::OkStatus();
                }
                if (url == ExtensionUrl(kExtJson)) return JsonExtensions(e, ep, step.extensions);
                if (url.starts_with(absl::StrCat(Sv(fhir::kExtensionBase), "/"))) {
                  return r_.Error(
                      e, ep.Child("url"),
                      absl::StrCat("unknown carelearn extension ",
                                   QuoteForMessage(url.substr(fhir::kExtensionBase.size() + 1)),
                                   " on a step"));
                }
                return absl::OkStatus();
              });
            });
        !s.ok()) {
      return s;
    }

    if (const Member* code = node.Find("code")) {
      const Path cp = path.Child("code");
      CARELEARN_RETURN_IF_ERROR(r_.Array(code->value, cp, [&](const Node& cc, const Path& ccp) {
        return ReadParticipation(cc, ccp, step);
      }));
    }
    if (const Member* participants = node.Find("participant")) {
      const Path pp = path.Child("participant");
      CARELEARN_RETURN_IF_ERROR(
          r_.Array(participants->value, pp, [&](const Node& p, const Path& ip) -> absl::Status {
            if (ip.index > 0)
              return Unsupported(p, ip, "a second participant of a step (its lead)");
            return ReadLead(p, ip, step);
          }));
    }
    if (const Member* docs = node.Find("documentation")) {
      CARELEARN_RETURN_IF_ERROR(
          r_.Array(docs->value, path.Child("documentation"),
                   [&](const Node& d, const Path& dp) { return ReadDocumentation(d, dp, step); }));
    }
    if (const Member* canonical = node.Find("definitionCanonical")) {
      const Path cp = path.Child("definitionCanonical");
      std::string text;
      CARELEARN_RETURN_IF_ERROR(r_.String(canonical->value, cp, text));
      FormatRef ref;
      CARELEARN_RETURN_IF_ERROR(RefOf(canonical->value, cp, text, ref));
      step.format = std::move(ref);
      // Nested actions are that format's steps, written for the reader: the
      // reference is what the step holds.
    } else if (node.Find("action") != nullptr) {
      CARELEARN_RETURN_IF_ERROR(
          UnsupportedKey(node, path, "action", "a step that is not a whole format"));
    }
    format.steps.push_back(std::move(step));
    return absl::OkStatus();
  }

  absl::Status ReadParticipation(const Node& cc, const Path& path, Step& step) {
    if (cc.kind != Node::Kind::kObject) return r_.Expected(cc, path, "a CodeableConcept");
    const Member* codings = cc.Find("coding");
    if (codings == nullptr) return Unsupported(cc, path, "an action code without a coding");
    return r_.Array(codings->value, path.Child("coding"),
                    [&](const Node& coding, const Path& cp) -> absl::Status {
                      const Member* system =
                          coding.kind == Node::Kind::kObject ? coding.Find("system") : nullptr;
                      if (system == nullptr || system->value.kind != Node::Kind::kString ||
                          system->value.string != CodeSystem(kCsParticipation)) {
                        return Unsupported(coding, cp, "an action code outside carelearn's");
                      }
                      std::string code;
                      CARELEARN_RETURN_IF_ERROR(CodingCode(coding, cp, kCsParticipation, code));
                      const std::optional<Participation> p = ParseParticipation(code);
                      if (!p) {
                        return r_.Error(
                            coding, cp.Child("code"),
                            absl::StrCat("unknown participation ", QuoteForMessage(code)));
                      }
                      step.participation = *p;
                      return absl::OkStatus();
                    });
  }

  absl::Status ReadLead(const Node& participant, const Path& path, Step& step) {
    if (participant.kind != Node::Kind::kObject) {
      return r_.Expected(participant, path, "a participant object");
    }
    const Member* type = participant.Find("type");
    if (type == nullptr) return r_.Error(participant, path, "missing required key \"type\"");
    static constexpr std::array<std::pair<int, std::string_view>, 4> kTypes{
        {{0, "patient"}, {1, "practitioner"}, {2, "related-person"}, {3, "device"}}};
    int type_code = 0;
    CARELEARN_RETURN_IF_ERROR(ReadCode(type->value, path.Child("type"), kTypes, &type_code));
    const Member* role = participant.Find("role");
    if (role != nullptr) {
      const Path rp = path.Child("role");
      const Member* codings =
          role->value.kind == Node::Kind::kObject ? role->value.Find("coding") : nullptr;
      if (codings != nullptr && codings->value.kind == Node::Kind::kArray) {
        for (std::size_t i = 0; i < codings->value.items.size(); ++i) {
          const Node& coding = codings->value.items[i];
          const Member* system =
              coding.kind == Node::Kind::kObject ? coding.Find("system") : nullptr;
          if (system != nullptr && system->value.kind == Node::Kind::kString &&
              system->value.string == CodeSystem(kCsRole)) {
            return CodingCode(coding, rp.Child("coding").Item(i), kCsRole, step.lead);
          }
        }
      }
      return Unsupported(role->value, rp, "a participant role outside carelearn's roles");
    }
    if (type_code == 0) {
      step.lead = std::string(roles::kCitizen);
    } else if (type_code == 2) {
      step.lead = std::string(roles::kRelative);
    } else {
      return Unsupported(participant, path, "a participant that names no role");
    }
    return absl::OkStatus();
  }

  absl::Status ReadDocumentation(const Node& doc, const Path& path, Step& step) {
    if (doc.kind != Node::Kind::kObject) return r_.Expected(doc, path, "a RelatedArtifact object");
    const Member* resource = doc.Find("resource");
    if (resource == nullptr) return Unsupported(doc, path, "documentation that is not a resource");
    const Path rp = path.Child("resource");
    std::string canonical;
    CARELEARN_RETURN_IF_ERROR(r_.String(resource->value, rp, canonical));
    if (canonical.starts_with("#")) {
      const auto it = contained_.find(canonical.substr(1));
      if (it == contained_.end()) {
        return r_.Error(resource->value, rp,
                        absl::StrCat("no contained Questionnaire has the id ",
                                     QuoteForMessage(canonical.substr(1))));
      }
      return ReadPrompts(it->second, step);
    }
    if (canonical.find("/Questionnaire/") != std::string::npos) {
      step.question_sets.push_back(DecodePathSegment(LastSegment(canonical)));
      return absl::OkStatus();
    }
    return Unsupported(doc, path, "documentation other than a Questionnaire");
  }

  absl::Status ReadPrompts(std::size_t contained_index, Step& step) {
    const Path root;
    const Path cp = root.Child("contained");
    const Path qp = cp.Item(contained_index);
    const Node& q = root_.Find("contained")->value.items[contained_index];
    const Member* items = q.Find("item");
    if (items == nullptr) return absl::OkStatus();
    return r_.Array(
        items->value, qp.Child("item"), [&](const Node& item, const Path& ip) -> absl::Status {
          if (item.kind != Node::Kind::kObject) return r_.Expected(item, ip, "an item object");
          Prompt prompt;
          const Member* link = item.Find("linkId");
          if (link == nullptr) return r_.Error(item, ip, "missing required key \"linkId\"");
          CARELEARN_RETURN_IF_ERROR(r_.String(link->value, ip.Child("linkId"), prompt.id));
          CARELEARN_RETURN_IF_ERROR(ReadText(item, ip, "text", prompt.text));
          if (prompt.text.empty())
            return r_.Error(item, ip, "missing required key \"text\" of a prompt");
          if (item.Find("item") != nullptr) {
            CARELEARN_RETURN_IF_ERROR(
                UnsupportedKey(item, ip, "item", "a prompt (nested questions)"));
          }
          if (absl::Status s = r_.Field(
                  item, ip, "extension",
                  [&](const Node& v, const Path& p) {
                    return r_.Array(v, p, [&](const Node& e, const Path& ep) -> absl::Status {
                      std::string url;
                      CARELEARN_RETURN_IF_ERROR(ExtensionUrlOf(e, ep, url));
                      if (url == ExtensionUrl(kExtAudience))
                        return CodingValue(e, ep, kCsRole, prompt.audience);
                      return absl::OkStatus();
                    });
                  });
              !s.ok()) {
            return s;
          }
          step.prompts.push_back(std::move(prompt));
          return absl::OkStatus();
        });
  }

  Reader r_;
  const Node& root_;
  std::vector<std::string>* skipped_;
  std::optional<Lang> primary_ = Lang::kDa;
  std::map<std::string, std::size_t, std::less<>> contained_;
};

}  // namespace
}  // namespace detail

std::string ToPlanDefinition(const Format& format, const FhirWriteOptions& options) {
  detail::PlanWriter writer(options);
  return detail::WriteIndented(writer.Write(format));
}

absl::StatusOr<std::string> ToPlanDefinition(const Variant& variant, const Catalog& catalog,
                                             const FhirWriteOptions& options) {
  const Format* base = catalog.Find(variant.extends);
  if (base == nullptr) {
    return absl::NotFoundError(absl::StrCat("variant \"", variant.id, "\": its base \"",
                                            variant.extends.id, "\" is not in the catalog"));
  }
  absl::StatusOr<Format> derived = ApplyVariant(*base, variant);
  if (!derived.ok()) return derived.status();
  FhirWriteOptions with_catalog = options;
  if (with_catalog.catalog == nullptr) with_catalog.catalog = &catalog;
  return ToPlanDefinition(*derived, with_catalog);
}

std::string ToQuestionnaire(const QuestionSet& set, const FhirWriteOptions& options) {
  detail::PlanWriter writer(options);
  return detail::WriteIndented(writer.Questionnaire(set));
}

absl::StatusOr<Format> ParsePlanDefinition(std::string_view json, const ParseOptions& options,
                                           std::vector<std::string>* skipped) {
  const std::string_view source = options.source_name.empty()
                                      ? std::string_view("<input>")
                                      : std::string_view(options.source_name);
  const detail::JsonText text(source, json);
  absl::StatusOr<detail::Node> root = detail::ParseTree(text, options);
  if (!root.ok()) return root.status();
  std::vector<std::string> collected;
  detail::PlanReader reader(text, *root, skipped != nullptr ? &collected : nullptr);
  absl::StatusOr<Format> format = reader.Read();
  if (format.ok() && skipped != nullptr) *skipped = std::move(collected);
  return format;
}

}  // namespace carelearn
