// carelearn/io/export_manifest.hpp
//
// Defines `ExportManifestJson`, the manifest that goes with an export of
// sessions: what the export left out, what it masked, and how its ids were
// pseudonymised (the method, the domains and the key's fingerprint, never the
// key). `Store::ExportJsonLines` writes it beside an evaluator's export file as
// "<file>.manifest.json"; docs/privacy.md shows one.
#ifndef CARELEARN_IO_EXPORT_MANIFEST_HPP_
#define CARELEARN_IO_EXPORT_MANIFEST_HPP_

#include <cstddef>
#include <filesystem>
#include <string>

#include "carelearn/record/redact.hpp"

namespace carelearn {

/// The manifest of an export of `sessions` sessions made with `options`, as
/// one JSON object with a newline: "kind" "export-manifest/1", "redaction",
/// "sessions", "removed" (what was left out, in words), "masked" (what the
/// identifier linter's masks replace) and "pseudonymisation": null, or
/// "method" "HMAC-SHA256", "key_fingerprint" (`Pseudonymiser::Fingerprint`),
/// "digits" 24 and "domains" (which ids were pseudonymised in which domain).
[[nodiscard]] std::string ExportManifestJson(const ExportOptions& options, std::size_t sessions);

/// Where the manifest of the export file `path` goes: `path` with
/// ".manifest.json" added ("for-study.jsonl.manifest.json").
[[nodiscard]] std::filesystem::path ManifestPathFor(const std::filesystem::path& path);

}  // namespace carelearn

#endif  // CARELEARN_IO_EXPORT_MANIFEST_HPP_
