// carelearn/record/identifiers.hpp
//
// Defines the identifier linter: `FindIdentifiers`, which finds what looks
// like a direct identifier in free text (a Danish CPR number, an e-mail
// address, a phone number, a personal name), `IdentifierInId`, which says
// whether an id, a unit or a profession looks like one, `LintSession`, which
// holds a whole session up against both, and the masks that carelearn's
// displays, messages and exports use instead of what the linter finds
// (`MaskIdentifiers`, `MaskedId`).
//
// The linter is a safety net for a careless app, not a guarantee: it finds
// the common written forms and misses others; docs/privacy.md lists what it
// finds, what it misses (false negatives) and what it finds wrongly (false
// positives). What it finds:
//
//   - a CPR number: DDMMYY-SSSS or DDMMYYSSSS, whose six first digits are a
//     real date in the century the seventh digit gives (the CPR office's
//     rule); no modulus 11 check, since numbers issued since 2007 need not pass it;
//   - an e-mail address: local@domain.tld;
//   - a Danish phone number: eight digits whose first is 2–9, written
//     together, in pairs ("12 34 56 78") or fours ("1234 5678"), with or
//     without +45 or 0045 before them;
//   - a name: a capitalised word that is one of Danish's common first names
//     or surnames, with the capitalised words that follow it ("Mette
//     Hansen"); in an id also in lower case and joined by ".", "-" or "_"
//     ("mette.hansen"), or two or more capitalised words with a space between.
// A number counts only standing alone: digits or letters next to it (as in a
// hex pseudonym) make it part of something else.
//
// Example:
//
//   std::vector<carelearn::IdentifierMatch> found =
//       carelearn::FindIdentifiers("Ring til Mette Hansen på 21 43 65 87");
//   // {kName, 9, 12}, {kPhoneNumber, 26, 11}: offsets and lengths in bytes
//   std::string shown = carelearn::MaskIdentifiers("CPR 010190-1234");  // "CPR [cpr-number]"
#ifndef CARELEARN_RECORD_IDENTIFIERS_HPP_
#define CARELEARN_RECORD_IDENTIFIERS_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// What kind of direct identifier the linter found.
enum class IdentifierKind {
  kCprNumber,    ///< A Danish CPR number (personnummer).
  kEmail,        ///< An e-mail address.
  kPhoneNumber,  ///< A Danish phone number.
  kName,         ///< A personal name.
};

/// Returns the canonical name of `kind`: "cpr-number", "email", "phone-number" or "name".
std::string_view IdentifierKindName(IdentifierKind kind);

/// Parses a canonical identifier kind name; std::nullopt when unknown.
std::optional<IdentifierKind> ParseIdentifierKind(std::string_view name);

/// What happens when the linter finds a direct identifier in a session.
enum class IdentifierPolicy {
  kWarn,    ///< A warning diagnostic; the session is kept (the default).
  kRefuse,  ///< An error: the session, participant or output is refused.
};

/// Returns the canonical name of `policy`: "warn" or "refuse".
std::string_view IdentifierPolicyName(IdentifierPolicy policy);

/// Parses a canonical identifier policy name; std::nullopt when unknown.
std::optional<IdentifierPolicy> ParseIdentifierPolicy(std::string_view name);

/// One identifier found in a text: its kind and where it is, in bytes.
struct IdentifierMatch {
  IdentifierKind kind = IdentifierKind::kName;  ///< What it looks like.
  std::size_t offset = 0;                       ///< Where it starts, in bytes.
  std::size_t length = 0;                       ///< How long it is, in bytes.

  /// Matches are equal when every field is.
  friend bool operator==(const IdentifierMatch&, const IdentifierMatch&) = default;
};

/// True when `digits` (six digits, DDMMYY) and `seventh` (the first digit of
/// the serial number) make a real birth date under the CPR century rule.
/// `IsCprDate("290200", '4')` is true (29 February 2000), `IsCprDate("290200", '0')`
/// false (1900 was not a leap year).
[[nodiscard]] bool IsCprDate(std::string_view digits, char seventh);

/// The direct identifiers in the free text `text` (UTF-8), in the order they
/// occur; they do not overlap. Never fails: text that is not UTF-8 is
/// searched byte by byte.
///
/// Example:
///
///   auto found = carelearn::FindIdentifiers("skriv til jens@example.dk");
///   // {kEmail, 10, 15}
[[nodiscard]] std::vector<IdentifierMatch> FindIdentifiers(std::string_view text);

/// What a whole id (a participant's pseudonym, a session id, a unit, a
/// profession, an action's owner) looks like, when it looks like a direct
/// identifier: one of `FindIdentifiers`' finds anywhere in it, or a name
/// ("Mette Hansen", "mette.hansen", "Jensen"). std::nullopt for an id that
/// looks like none (a hex pseudonym, "home-care-north", "nurse"):
/// `IdentifierInId("mette.hansen")` is kName, `IdentifierInId("3f9a0c2e5b7d41aa")` none.
[[nodiscard]] std::optional<IdentifierKind> IdentifierInId(std::string_view id);

/// `text` with each of `FindIdentifiers`' finds replaced by its kind's name in
/// brackets: "[cpr-number]", "[email]", "[phone-number]", "[name]";
/// `MaskIdentifiers("Mette Hansen, 21436587")` is "[name], [phone-number]".
[[nodiscard]] std::string MaskIdentifiers(std::string_view text);

/// `id` unchanged when `IdentifierInId` finds nothing in it; otherwise
/// "masked-" and 24 hex digits of an HMAC-SHA256 under a random key that this
/// process makes once and never writes anywhere. The same id gives the same
/// mask within one process (so an export stays consistent), and no one can
/// turn a mask back or recompute it from a guessed identifier.
///
/// Example:
///
///   std::string unit = carelearn::MaskedId("home-care-north");  // "home-care-north"
///   std::string cpr = carelearn::MaskedId("0101901234");  // "masked-5d0c1f9e7a2b44c18e03d6aa"
[[nodiscard]] std::string MaskedId(std::string_view id);

/// Holds every id and free text of `session` up against the linter; one
/// diagnostic per field in which it finds something, in the order of the
/// session's fields, with `severity` (a warning by default).
///
/// Codes: "identifier-in-id" for an id, a unit, a profession, an owner or
/// a citizen reference; "identifier-in-text" for a text, comment or note.
/// The path names the field ("participants[2].id", "actions[0].text") and
/// the message the kind ("looks like a CPR number"); no diagnostic quotes
/// what it found. A text already left out of an export (empty) is not read.
///
/// Example:
///
///   for (const carelearn::Diagnostic& d : carelearn::LintSession(session)) {
///     std::cout << carelearn::FormatDiagnostic(d, carelearn::Lang::kEn) << "\n";
///   }
///   // warning identifier-in-id at participants[0].id: looks like a name; use a pseudonym ...
[[nodiscard]] std::vector<Diagnostic> LintSession(const Session& session,
                                                  Severity severity = Severity::kWarning);

/// The linter's findings in `session` as `policy` wants them: the warnings
/// of `LintSession` with kWarn; with kRefuse, none but an error status
/// for the first finding.
///
/// Errors: kInvalidArgument with kRefuse, `<where>: session "<masked id>":
/// <path>: looks like a <kind>; <advice> (identifier policy "refuse")`, led
/// by `where` when it is not empty; the session id is shown as `MaskedId`.
///
/// Example:
///
///   absl::StatusOr<std::vector<carelearn::Diagnostic>> found =
///       carelearn::ApplyIdentifierPolicy(session, carelearn::IdentifierPolicy::kRefuse,
///                                        "PutSession");
[[nodiscard]] absl::StatusOr<std::vector<Diagnostic>> ApplyIdentifierPolicy(
    const Session& session, IdentifierPolicy policy, std::string_view where = {});

/// A one-line description of `session` for displays and logs that quotes no
/// free text and shows ids as `MaskedId`: "session \"s-1\" of
/// systematic-learning-meeting v1 at home-care-north, held, planned
/// 2026-03-04 14:00 UTC: 5 participants, 2 learning points, 2 actions, 1
/// feedback, 2 notes".
[[nodiscard]] std::string SummarizeSession(const Session& session);

}  // namespace carelearn

#endif  // CARELEARN_RECORD_IDENTIFIERS_HPP_
