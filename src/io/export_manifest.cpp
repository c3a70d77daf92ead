#include "carelearn/io/export_manifest.hpp"

#include <string>

#include "boost/json/array.hpp"
#include "boost/json/object.hpp"
#include "boost/json/serialize.hpp"

#include "carelearn/version.hpp"

namespace carelearn {

std::string ExportManifestJson(const ExportOptions& options, std::size_t sessions) {
  namespace json = boost::json;
  const Redaction redaction = RedactionOf(options);
  json::object m;
  m["kind"] = "export-manifest/1";
  m["redaction"] = std::string(RedactionName(redaction));
  m["sessions"] = sessions;
  json::array removed;
  json::array masked;
  switch (redaction) {
    case Redaction::kNone:
      break;
    case Redaction::kConfidential:
      removed.emplace_back(
          "the text of confidential learning points, actions, feedback comments, notes and "
          "cancellation notes");
      break;
    case Redaction::kEvaluator:
      removed.emplace_back(
          "all free text: learning points, actions, feedback comments, notes, cancellation notes");
      removed.emplace_back("citizen references (the case's category stays)");
      removed.emplace_back("action owners that are neither a built-in role nor a participant");
      removed.emplace_back(
          "professions and case categories in which the identifier linter finds an identifier");
      break;
  }
  if (redaction != Redaction::kNone) {
    if (redaction != Redaction::kEvaluator || options.evaluator_pseudonymiser == nullptr) {
      masked.emplace_back(
          "ids, units, professions and case categories in which the identifier linter finds a "
          "CPR number, an e-mail address, a phone number or a name: \"masked-\" and 24 hex "
          "digits under a random key of the exporting process, which was never written");
    }
    if (redaction == Redaction::kConfidential) {
      masked.emplace_back(
          "CPR numbers, e-mail addresses, phone numbers and names the identifier linter finds in "
          "the text left in: \"[cpr-number]\", \"[email]\", \"[phone-number]\", \"[name]\"");
    }
  }
  m["removed"] = std::move(removed);
  m["masked"] = std::move(masked);
  if (redaction == Redaction::kEvaluator && options.evaluator_pseudonymiser != nullptr) {
    json::object p;
    p["method"] = "HMAC-SHA256";
    p["key_fingerprint"] = options.evaluator_pseudonymiser->Fingerprint();
    p["digits"] = Pseudonymiser::kPseudonymDigits;
    json::object domains;
    domains["session ids"] = "session";
    domains["participants, learning point authors, action owners who take part, feedback"] =
        "staff";
    domains["units in which the identifier linter finds an identifier"] = "unit";
    domains["action ids in which the identifier linter finds an identifier"] = "action";
    p["domains"] = std::move(domains);
    p["note"] = "the evaluation's own key: these pseudonyms cannot be joined to the organisation's";
    m["pseudonymisation"] = std::move(p);
  } else {
    m["pseudonymisation"] = nullptr;
  }
  m["carelearn"] = std::string(kVersion);
  return json::serialize(m) + "\n";
}

std::filesystem::path ManifestPathFor(const std::filesystem::path& path) {
  std::filesystem::path out = path;
  out += ".manifest.json";
  return out;
}

}  // namespace carelearn
