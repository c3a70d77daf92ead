// carelearn/io/xapi.hpp
//
// Defines carelearn's xAPI 1.0.3 form of a held session: the statements a
// Learning Record Store (LRS) keeps of it, following carelearn's xAPI profile
// (docs/xapi.md, schema/xapi-profile.jsonld).
//
// A session gives, in this order:
//   - "attended" the format, for each participant;
//   - "presented" the case's category, by the case presenter, when there is a case;
//   - for each step that was held, in order: "asked" each question used in
//     it, "proposed" each organisational action proposed in it, and
//     "completed" the step;
//   - "completed" the format, when the session ran to its end.
// A session cancelled before it began gives none.
//
// People appear only as pseudonymous accounts: `account.homePage` is the IRI
// the organisation gives its pseudonyms (`XapiOptions::home_page`),
// `account.name` the participant's pseudonym; never a name or an e-mail.
// The statements of a session share `context.registration`, a UUID v5 of the
// session's id; each statement's `id` is a UUID v5 of the session's id and
// the event, so exporting the same session again gives the same ids and an
// LRS stores nothing twice. Confidential text is never included; free text (an
// action's wording) only when asked for.
//
// Example:
//
//   carelearn::XapiOptions options;
//   options.home_page = "https://pseudonyms.example-kommune.dk";
//   absl::StatusOr<std::string> statements = carelearn::ToXapiStatements(session, options);
//   // "[\n  {\n    \"id\": \"...\",\n    \"actor\": {...}, ...}\n]\n"
#ifndef CARELEARN_IO_XAPI_HPP_
#define CARELEARN_IO_XAPI_HPP_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "carelearn/model/catalog.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// The IRIs of carelearn's xAPI profile. The host is a naming scheme, not a server.
namespace xapi {
/// The base of every IRI carelearn's profile defines.
inline constexpr std::string_view kBase = "https://carelearn.dk/xapi";
/// The profile's IRI.
inline constexpr std::string_view kProfile = "https://carelearn.dk/xapi/profile";
/// The IRI of this version of the profile, which every statement names as a
/// `category` context activity.
inline constexpr std::string_view kProfileVersion = "https://carelearn.dk/xapi/profile/v1";
/// The activity type of a profile version in a `category` context activity.
inline constexpr std::string_view kProfileActivityType =
    "http://adlnet.gov/expapi/activities/profile";

/// ADL's "attended": a participant took part in the held format.
inline constexpr std::string_view kAttended = "http://adlnet.gov/expapi/verbs/attended";
/// carelearn's "presented": the case presenter brought a case.
inline constexpr std::string_view kPresented = "https://carelearn.dk/xapi/verbs/presented";
/// ADL's "asked": the group asked a question.
inline constexpr std::string_view kAsked = "http://adlnet.gov/expapi/verbs/asked";
/// carelearn's "proposed": the group proposed an organisational action.
inline constexpr std::string_view kProposed = "https://carelearn.dk/xapi/verbs/proposed";
/// ADL's "completed": the group completed a step, or the whole format.
inline constexpr std::string_view kCompleted = "http://adlnet.gov/expapi/verbs/completed";

/// The activity type of a learning format held.
inline constexpr std::string_view kFormatType = "https://carelearn.dk/xapi/activity-types/format";
/// The activity type of one step of a format.
inline constexpr std::string_view kStepType = "https://carelearn.dk/xapi/activity-types/step";
/// ADL's activity type of a question.
inline constexpr std::string_view kQuestionType = "http://adlnet.gov/expapi/activities/question";
/// The activity type of a case category.
inline constexpr std::string_view kCaseType = "https://carelearn.dk/xapi/activity-types/case";
/// The activity type of a proposed organisational action.
inline constexpr std::string_view kActionType =
    "https://carelearn.dk/xapi/activity-types/organisational-action";

/// Context extension: the participant's role id in the session.
inline constexpr std::string_view kRoleExtension = "https://carelearn.dk/xapi/extensions/role";
/// Context extension: the id of the unit that held the session.
inline constexpr std::string_view kUnitExtension = "https://carelearn.dk/xapi/extensions/unit";
/// Result extension: how many learning points the session recorded.
inline constexpr std::string_view kLearningPointsExtension =
    "https://carelearn.dk/xapi/extensions/learning-points";
/// Result extension: how many organisational actions the session proposed.
inline constexpr std::string_view kActionsExtension =
    "https://carelearn.dk/xapi/extensions/actions";
/// Context extension: the role that takes a proposed action forward.
inline constexpr std::string_view kOwnerRoleExtension =
    "https://carelearn.dk/xapi/extensions/owner-role";

/// The namespace of carelearn's UUID v5 ids: the UUID v5 of the URL
/// "https://carelearn.dk/xapi" in RFC 4122's URL namespace.
inline constexpr std::string_view kUuidNamespace = "58824342-7726-5b8d-9fba-e1d492a87ce8";
}  // namespace xapi

/// How sessions become xAPI statements.
struct XapiOptions {
  /// The IRI of the system whose pseudonyms the participants' ids are: every
  /// actor is `{"account": {"homePage": home_page, "name": <pseudonym>}}`.
  /// Required; an absolute http(s) IRI.
  std::string home_page;
  /// Includes the wording of proposed actions (`result.response`) that are
  /// not marked confidential. Off by default. Confidential text is never
  /// included: a confidential action's statement has no response, and
  /// learning points and notes are counted, not quoted.
  bool include_text = false;
  /// Where the formats are looked up to name their activities (titles,
  /// questions) in Danish and English; nullptr: the built-in catalog. A
  /// format not found is named by its IRI alone. Not owned.
  const Catalog* catalog = nullptr;
};

/// The UUID v5 (RFC 4122, SHA-1) of `name` in the namespace `namespace_uuid`,
/// in lower-case 8-4-4-4-12 form.
///
/// Errors: kInvalidArgument when `namespace_uuid` is not a UUID in that form.
///
/// Example:
///
///   absl::StatusOr<std::string> id =
///       carelearn::UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org");
///   // *id == "886313e1-3b8a-5372-9b90-0c9aee199e5d"
[[nodiscard]] absl::StatusOr<std::string> UuidV5(std::string_view namespace_uuid,
                                                 std::string_view name);

/// The `context.registration` of a session's statements: the UUID v5 of
/// "session/" + `session_id` in `xapi::kUuidNamespace`.
///
/// Example:
///
///   std::string registration = carelearn::XapiRegistration("s-1");
///   // "aba0caf6-fe3c-55dc-8639-e8aa6d11ded2"
[[nodiscard]] std::string XapiRegistration(std::string_view session_id);

/// The IRI of the activity "format `id`, version `version`":
/// "https://carelearn.dk/xapi/activities/formats/<id>/<version>", the id percent-encoded.
[[nodiscard]] std::string XapiFormatIri(std::string_view id, int version);

/// The xAPI 1.0.3 statements of `session`, as the JSON text of an array (2-space
/// indentation, ending in a newline), in the order the file comment gives.
/// The session is first redacted as every default export is (`Redact` with
/// default options): ids in which the identifier linter finds a name, a CPR
/// number, an e-mail address or a phone number are their `MaskedId`s, and
/// such finds in an action's wording are masked.
///
/// Errors (kInvalidArgument): `options.home_page` empty or not an absolute
/// http(s) IRI; the errors of `ValidateSession`.
///
/// Example:
///
///   absl::StatusOr<std::string> json = carelearn::ToXapiStatements(session, options);
[[nodiscard]] absl::StatusOr<std::string> ToXapiStatements(const Session& session,
                                                           const XapiOptions& options);

}  // namespace carelearn

#endif  // CARELEARN_IO_XAPI_HPP_
