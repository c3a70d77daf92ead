// carelearn/plan/diagnostic.hpp
//
// Defines `Diagnostic`, what validation finds: a severity, a stable code, the
// path of the offending field (`steps[3].budget`) and a message in Danish and
// English. Validation returns diagnostics; it never throws for a user's mistake.
//
// Example:
//
//   for (const carelearn::Diagnostic& d : carelearn::Validate(format, context)) {
//     std::cout << carelearn::FormatDiagnostic(d, carelearn::Lang::kEn) << "\n";
//   }
//   // error budget-overrun at duration: the steps take 33–34 min for 12 participants;
//   //   30 min are planned (3–4 min over)
#ifndef CARELEARN_PLAN_DIAGNOSTIC_HPP_
#define CARELEARN_PLAN_DIAGNOSTIC_HPP_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "carelearn/model/text.hpp"

namespace carelearn {

/// How serious a finding is.
enum class Severity {
  kInfo,     ///< Worth knowing; nothing is wrong.
  kWarning,  ///< Likely a mistake, but the format can be used.
  kError,    ///< The format cannot be used as it stands.
};

/// Returns the canonical name of `severity`: "info", "warning" or "error".
std::string_view SeverityName(Severity severity);

/// Parses a canonical severity name; std::nullopt when unknown.
std::optional<Severity> ParseSeverity(std::string_view name);

/// One finding of validation.
struct Diagnostic {
  Severity severity = Severity::kError;  ///< How serious it is.
  std::string code = {};  ///< Stable code, e.g. "budget-overrun"; see docs/diagnostics.md.
  std::string path = {};  ///< Where: "steps[3].budget", "roles", "" for the whole format.
  Text message = {};      ///< What is wrong and by how much, in Danish and English.

  /// Diagnostics are equal when every field is.
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Writes `d` on one line: "<severity> <code> at <path>: <message>", the
/// message in `lang`; " at <path>" is left out when the path is empty. The
/// severity, code and path are the same in every language, so logs can be searched.
///
/// Example: "error missing-role at roles[0]: the format needs at least 1 × Facilitator;
/// 0 present (1 missing)".
[[nodiscard]] std::string FormatDiagnostic(const Diagnostic& d, Lang lang);

/// True when any of `diagnostics` is an error (warnings and info do not count).
[[nodiscard]] bool HasErrors(std::span<const Diagnostic> diagnostics);

}  // namespace carelearn

#endif  // CARELEARN_PLAN_DIAGNOSTIC_HPP_
