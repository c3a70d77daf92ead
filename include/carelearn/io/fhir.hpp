// carelearn/io/fhir.hpp
//
// Defines carelearn's FHIR R4 forms: a `Format` as a `PlanDefinition`, a
// `QuestionSet` as a `Questionnaire`, a `Variant` as the PlanDefinition of the
// format it derives (its lineage as `relatedArtifact` of type "derived-from"),
// and the way back from a PlanDefinition to a `Format`.
//
// A PlanDefinition that carelearn wrote reads back to an equal format: what
// FHIR has an element for goes there (title, purpose, an `action` per step with
// `timingDuration` / `timingRange`, the step's lead as a `participant`, nested
// actions for a step that is a whole format, prerequisites, source and lineage
// as `relatedArtifact`, the place as a `useContext` of type "venue", a step's
// prompts as a contained `Questionnaire`); the rest goes into carelearn's own
// extensions. A PlanDefinition written elsewhere is read as far as it maps;
// what does not map is an error located in the document, or, when asked,
// skipped and listed. docs/fhir.md describes the mapping element by element.
//
// Canonical URLs: `https://carelearn.dk/fhir/PlanDefinition/<id>` (and
// `.../Questionnaire/<id>`), with the version as the resource's `version`, so
// that a versioned reference is `https://carelearn.dk/fhir/PlanDefinition/<id>|<version>`.
// The host is a naming scheme, not a server: nothing is served there.
//
// Example:
//
//   const carelearn::Format* meeting =
//       carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
//   std::string plan = carelearn::ToPlanDefinition(*meeting);
//   absl::StatusOr<carelearn::Format> back = carelearn::ParsePlanDefinition(plan);
//   // *back == *meeting
#ifndef CARELEARN_IO_FHIR_HPP_
#define CARELEARN_IO_FHIR_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "carelearn/io/json.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/variant.hpp"

namespace carelearn {

/// The URLs and codes of carelearn's FHIR forms.
namespace fhir {
/// The base of every canonical URL carelearn writes. A naming scheme, not a server.
inline constexpr std::string_view kBase = "https://carelearn.dk/fhir";
/// The base of the canonical URLs of formats: `kPlanDefinitionBase + "/" + id`.
inline constexpr std::string_view kPlanDefinitionBase = "https://carelearn.dk/fhir/PlanDefinition";
/// The base of the canonical URLs of question sets.
inline constexpr std::string_view kQuestionnaireBase = "https://carelearn.dk/fhir/Questionnaire";
/// The base of carelearn's extension definitions: `kExtensionBase + "/" + name`.
inline constexpr std::string_view kExtensionBase = "https://carelearn.dk/fhir/StructureDefinition";
/// The base of carelearn's code systems: `kCodeSystemBase + "/" + name`.
inline constexpr std::string_view kCodeSystemBase = "https://carelearn.dk/fhir/CodeSystem";
/// HL7's extension for a translation of a string element.
inline constexpr std::string_view kTranslationUrl =
    "http://hl7.org/fhir/StructureDefinition/translation";
/// UCUM, the system of the units of a `Duration` or a `Range`.
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
}  // namespace fhir

/// A resource's publication status (the R4 value set "publication-status").
enum class PublicationStatus {
  kDraft,    ///< "draft": not yet ready for use.
  kActive,   ///< "active": ready for use.
  kRetired,  ///< "retired": withdrawn or superseded.
  kUnknown,  ///< "unknown": the author does not know.
};

/// Returns the R4 code of `status`: "draft", "active", "retired" or "unknown".
std::string_view PublicationStatusCode(PublicationStatus status);

/// Parses an R4 publication-status code; std::nullopt when it is not one.
std::optional<PublicationStatus> ParsePublicationStatus(std::string_view code);

/// How the FHIR writers write.
struct FhirWriteOptions {
  /// The resource's `status`. Formats carry no status of their own.
  PublicationStatus status = PublicationStatus::kActive;
  /// Where a step that is a whole format, and a programme's component, are
  /// looked up, to write the nested format's steps as nested actions and its
  /// title; nullptr: the built-in catalog. A format not found there is written
  /// by its canonical reference alone. Not owned.
  const Catalog* catalog = nullptr;
};

/// The canonical URL of the format `id`: "https://carelearn.dk/fhir/PlanDefinition/<id>",
/// the id percent-encoded where it holds characters a URL path may not.
///
/// Example:
///
///   std::string url = carelearn::PlanDefinitionUrl("learning-visit");
///   // "https://carelearn.dk/fhir/PlanDefinition/learning-visit"
[[nodiscard]] std::string PlanDefinitionUrl(std::string_view id);

/// The canonical reference to `ref`: its URL, then "|<version>" when the
/// reference names a version.
///
/// Example:
///
///   std::string ref = carelearn::PlanDefinitionCanonical({"learning-visit-meeting", 1});
///   // "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting|1"
[[nodiscard]] std::string PlanDefinitionCanonical(const FormatRef& ref);

/// The canonical URL of the question set `id`: "https://carelearn.dk/fhir/Questionnaire/<id>".
[[nodiscard]] std::string QuestionnaireUrl(std::string_view id);

/// The FHIR R4 PlanDefinition of `format`, as JSON text (2-space indentation,
/// ending in a newline). `ParsePlanDefinition` reads it back to an equal format.
///
/// Example:
///
///   std::string plan =
///       carelearn::ToPlanDefinition(format, {carelearn::PublicationStatus::kDraft});
[[nodiscard]] std::string ToPlanDefinition(const Format& format,
                                           const FhirWriteOptions& options = {});

/// The PlanDefinition of the format `variant` derives from its base in
/// `catalog`: the lineage is written as `relatedArtifact` of type "derived-from".
///
/// Errors: kNotFound when the base is not in `catalog`; the errors of
/// `ApplyVariant`.
///
/// Example:
///
///   absl::StatusOr<std::string> plan =
///       carelearn::ToPlanDefinition(evening, carelearn::BuiltinCatalog());
[[nodiscard]] absl::StatusOr<std::string> ToPlanDefinition(const Variant& variant,
                                                           const Catalog& catalog,
                                                           const FhirWriteOptions& options = {});

/// The FHIR R4 Questionnaire of `set`, as JSON text: an item of type "display"
/// per prompt, whose `linkId` is the prompt's id.
///
/// Example:
///
///   const carelearn::QuestionSet* set =
///       carelearn::BuiltinCatalog().FindQuestionSet("learning-questions");
///   std::string q = carelearn::ToQuestionnaire(*set);
[[nodiscard]] std::string ToQuestionnaire(const QuestionSet& set,
                                          const FhirWriteOptions& options = {});

/// Reads the FHIR R4 PlanDefinition `json` as a format.
///
/// What carelearn maps is read; what FHIR says a reader may ignore (narrative,
/// metadata, publisher, contact, other parties' non-modifier extensions) is
/// ignored; what would change the plan's meaning but has no place in a format
/// (a modifier extension, a trigger or condition on an action, a goal, ...) is
/// *unsupported*: an error, or, when `skipped` is given, left out and listed
/// there as a located message.
///
/// Errors (kInvalidArgument unless said otherwise), each message led by
/// "<source>:<line>:<column>: <pointer>: ":
///   - the JSON errors and limits of `ParseFormat`;
///   - not a PlanDefinition (`resourceType`); a missing `status` or one not in
///     the R4 publication-status value set; a `version` that is not a whole
///     number from 1; neither `url` nor `id`;
///   - an element of the wrong type, a code that carelearn does not know, a
///     malformed carelearn extension, a timing in units other than "min",
///     "h" and "d";
///   - an unsupported element (unless `skipped` is given).
///
/// Example:
///
///   std::vector<std::string> skipped;
///   absl::StatusOr<carelearn::Format> f =
///       carelearn::ParsePlanDefinition(text, {.source_name = "plan.json"}, &skipped);
///   // skipped: {"plan.json:40:7: /action/0/trigger: unsupported: ..."}
[[nodiscard]] absl::StatusOr<Format> ParsePlanDefinition(
    std::string_view json, const ParseOptions& options = {},
    std::vector<std::string>* skipped = nullptr);

}  // namespace carelearn

#endif  // CARELEARN_IO_FHIR_HPP_
