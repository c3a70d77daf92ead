// bindings/fhir.cpp
//
// carelearn's FHIR R4 forms bound for Python (carelearn/io/fhir.hpp): formats
// as PlanDefinitions and back, question sets as Questionnaires. The package's
// `carelearn.fhir` turns the JSON text into dicts.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "carelearn/io/fhir.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

/// The catalog `catalog` holds, or nullptr for None.
const Catalog* OptionalCatalog(const py::typing::Optional<Catalog>& catalog) {
  return catalog.is_none() ? nullptr : catalog.cast<const Catalog*>();
}

}  // namespace

void BindFhir(py::module_& m) {
  py::native_enum<PublicationStatus>(m, "PublicationStatus", "enum.Enum",
                                     "A FHIR resource's publication status (R4 "
                                     "\"publication-status\").")
      .value("DRAFT", PublicationStatus::kDraft, "\"draft\": not yet ready for use.")
      .value("ACTIVE", PublicationStatus::kActive, "\"active\": ready for use.")
      .value("RETIRED", PublicationStatus::kRetired, "\"retired\": withdrawn or superseded.")
      .value("UNKNOWN", PublicationStatus::kUnknown, "\"unknown\": the author does not know.")
      .finalize();
  m.def(
      "publication_status_code",
      [](PublicationStatus status) { return std::string(PublicationStatusCode(status)); },
      py::arg("status"),
      "The R4 code of `status`: \"draft\", \"active\", \"retired\" or \"unknown\".");
  m.def(
      "parse_publication_status",
      [](std::string_view code) { return ParsePublicationStatus(code); }, py::arg("code"),
      "The status whose R4 code is `code`, or None.");
  m.def("plan_definition_url", &PlanDefinitionUrl, py::arg("id"),
        "The canonical URL of the format `id`: "
        "\"https://carelearn.dk/fhir/PlanDefinition/<id>\", the id percent-encoded.");
  m.def("plan_definition_canonical", &PlanDefinitionCanonical, py::arg("ref"),
        "The canonical reference to `ref`: its URL, then ``\"|<version>\"`` when it names one.");
  m.def("questionnaire_url", &QuestionnaireUrl, py::arg("id"),
        "The canonical URL of the question set `id`: "
        "\"https://carelearn.dk/fhir/Questionnaire/<id>\".");
  m.def(
      "to_plan_definition",
      [](const Format& format, PublicationStatus status,
         const py::typing::Optional<Catalog>& catalog) {
        return ToPlanDefinition(format, FhirWriteOptions{status, OptionalCatalog(catalog)});
      },
      py::arg("format"),
      py::arg_v("status", PublicationStatus::kActive, "PublicationStatus.ACTIVE"),
      py::arg("catalog").none(true) = py::none(),
      "The FHIR R4 PlanDefinition of `format` as JSON text. `catalog` (None: the\n"
      "built-in one) resolves a step that is a whole format into nested actions.");
  m.def(
      "variant_to_plan_definition",
      [](const Variant& variant, const Catalog& catalog, PublicationStatus status) {
        return Unwrap(ToPlanDefinition(variant, catalog, FhirWriteOptions{status, nullptr}));
      },
      py::arg("variant"), py::arg("catalog"),
      py::arg_v("status", PublicationStatus::kActive, "PublicationStatus.ACTIVE"),
      "The PlanDefinition of the format `variant` derives from its base in `catalog`,\n"
      "its lineage as relatedArtifact of type \"derived-from\". Raises NotFoundError\n"
      "when the base is not in `catalog`, FormatError when a change does not fit it.");
  m.def(
      "to_questionnaire",
      [](const QuestionSet& set, PublicationStatus status) {
        return ToQuestionnaire(set, FhirWriteOptions{status, nullptr});
      },
      py::arg("question_set"),
      py::arg_v("status", PublicationStatus::kActive, "PublicationStatus.ACTIVE"),
      "The FHIR R4 Questionnaire of `question_set` as JSON text: an item of type\n"
      "\"display\" per prompt, linkId = the prompt's id.");
  m.def(
      "parse_plan_definition",
      [](std::string_view json, const ParseOptions& options) {
        return Unwrap(ParsePlanDefinition(json, options));
      },
      py::arg("json"), py::arg_v("options", ParseOptions{}, "ParseOptions()"),
      "Reads a FHIR R4 PlanDefinition as a format. Raises FormatError, located\n"
      "(\"<source>:<line>:<column>: <pointer>: ...\"), for malformed input and for an\n"
      "element a format has no place for; LimitError past a limit of `options`.");
  m.def(
      "read_plan_definition",
      [](std::string_view json, const ParseOptions& options) {
        std::vector<std::string> skipped;
        Format format = Unwrap(ParsePlanDefinition(json, options, &skipped));
        return std::make_pair(std::move(format), std::move(skipped));
      },
      py::arg("json"), py::arg_v("options", ParseOptions{}, "ParseOptions()"),
      "As parse_plan_definition, but leaves out the elements a format has no place\n"
      "for and returns them, as located messages, beside the format.");
}

}  // namespace carelearn::bindings
