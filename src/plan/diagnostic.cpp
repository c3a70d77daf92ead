#include "carelearn/plan/diagnostic.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "detail/names.hpp"

namespace carelearn {
namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverities{{
    {Severity::kInfo, "info"},
    {Severity::kWarning, "warning"},
    {Severity::kError, "error"},
}};

std::span<const std::pair<Severity, std::string_view>> SeverityTable() { return kSeverities; }

}  // namespace

std::string_view SeverityName(Severity severity) {
  return detail::NameOf(SeverityTable(), severity);
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  return detail::ValueOf(SeverityTable(), name);
}

std::string FormatDiagnostic(const Diagnostic& d, Lang lang) {
  std::string out(SeverityName(d.severity));
  out += ' ';
  out += d.code;
  if (!d.path.empty()) {
    out += " at ";
    out += d.path;
  }
  out += ": ";
  out += d.message.Get(lang);
  return out;
}

bool HasErrors(std::span<const Diagnostic> diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace carelearn
