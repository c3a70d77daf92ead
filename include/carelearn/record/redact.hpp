// carelearn/record/redact.hpp
//
// Defines what an export leaves out of a session (`ExportOptions`) and
// `Redact`, which applies it. Three levels:
//
//   - "none": everything, confidential text included; only when the caller
//     sets `include_confidential` (an explicit request);
//   - "confidential" (the default): the text of confidential learning points,
//     actions and notes, the comment of confidential feedback and the note of
//     a confidential cancellation are left out; the items themselves stay
//     (with their `confidential` flag), so counts are honest;
//     what looks like a CPR number, an e-mail address, a phone number or a
//     name in the ids and the text left in is masked (see `Redact`);
//   - "evaluator": for an evaluator outside the organisation: no free text at
//     all, no citizen reference, no action owner that is not a role or a
//     participant, and, given the evaluation's own key, participant and
//     session ids re-pseudonymised so the export cannot be joined back to the
//     organisation's records.
//
// Every export carelearn writes goes through `Redact`. See docs/privacy.md.
//
// Example:
//
//   carelearn::ExportOptions options;            // confidential text left out
//   carelearn::Session safe = carelearn::Redact(session, options);
//   options.evaluator = true;                    // no free text, no direct identifiers
//   options.evaluator_pseudonymiser = &study_key;
//   carelearn::Session for_study = carelearn::Redact(session, options);
#ifndef CARELEARN_RECORD_REDACT_HPP_
#define CARELEARN_RECORD_REDACT_HPP_

#include <optional>
#include <string_view>

#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// How much an exported session leaves out.
enum class Redaction {
  kNone,          ///< Nothing: confidential text is included.
  kConfidential,  ///< The text of confidential items.
  kEvaluator,     ///< All free text and every direct identifier.
};

/// Returns the canonical name of `redaction`: "none", "confidential" or "evaluator".
std::string_view RedactionName(Redaction redaction);

/// Parses a canonical redaction name; std::nullopt when unknown.
std::optional<Redaction> ParseRedaction(std::string_view name);

/// What an export of sessions includes.
struct ExportOptions {
  /// Includes the confidential text: that of learning points, actions and
  /// notes, feedback comments and cancellation notes marked `confidential`.
  /// Off unless the caller asks for it; ignored for evaluators, who never get
  /// it.
  bool include_confidential = false;
  /// Exports for an evaluator: no free text and no direct identifiers.
  bool evaluator = false;
  /// With `evaluator`: re-pseudonymises participant ids, learning point
  /// authors, action owners that are participants, and session ids under
  /// this key (the evaluation's own, not the organisation's); nullptr keeps
  /// the organisation's pseudonyms. Not owned.
  const Pseudonymiser* evaluator_pseudonymiser = nullptr;
};

/// The redaction `options` ask for.
[[nodiscard]] Redaction RedactionOf(const ExportOptions& options);

/// `session` with what `options` leave out removed.
///
/// Items are never dropped, only their text, so counts stay true, and each
/// keeps its `confidential` flag. In the "confidential" redaction: the text of
/// every item marked confidential (learning point, action, feedback comment,
/// note, cancellation note) is empty. In the evaluator redaction: texts,
/// comments and the cancellation note are empty, confidential or not; the
/// citizen reference is removed (the case's category stays); an action
/// owner is kept only when it is a built-in role id or a participant; a unit
/// in which the linter (carelearn/record/identifiers.hpp) finds an identifier
/// is pseudonymised under the evaluator's key (domain "unit"), such a
/// profession or case category left out.
///
/// Every redaction but "none" also masks what the linter finds: the ids
/// (session, participants, authors, owners, feedback, citizen, action ids)
/// become `MaskedId`s, the units, professions and categories too, and the
/// identifiers in the free text left in are replaced by `MaskIdentifiers`.
/// Only "none" (`include_confidential`, asked for by name) gives the record
/// as it was written.
///
/// Example:
///
///   carelearn::Session s = carelearn::Redact(session, {});
///   std::string note = s.notes[0].text;  // "" when the note was confidential
[[nodiscard]] Session Redact(Session session, const ExportOptions& options);

}  // namespace carelearn

#endif  // CARELEARN_RECORD_REDACT_HPP_
