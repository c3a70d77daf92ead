// carelearn/io/json.hpp
//
// Defines carelearn's JSON documents: strict, versioned loading that names
// the place and the cause of every error, and canonical saving (stable key
// order, integers where integers serve, UTF-8 as is), so that
// save -> load -> save is byte-identical.
//
// Every document names its kind and schema version in its first key:
//   {"carelearn": "format/1", "id": "...", ...}
// The kinds are "format/1", "variant/1" and "question-set/1"; their JSON
// Schemas are in schema/ and docs/json-format.md describes them.
//
// Example:
//
//   absl::StatusOr<carelearn::Format> f = carelearn::LoadFormat("huddle.json");
//   if (!f.ok()) {
//     std::cerr << f.status().message() << "\n";
//     // huddle.json:7:18: /steps/1/budjet: unknown key "budjet"; did you mean "budget"?
//   }
//   std::string text = carelearn::ToJson(*f);
#ifndef CARELEARN_IO_JSON_HPP_
#define CARELEARN_IO_JSON_HPP_

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "carelearn/io/errors.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/variant.hpp"

namespace carelearn {

/// Limits and naming for the loaders. Each limit, when passed, is its own error.
struct ParseOptions {
  /// The deepest nesting of arrays and objects, the document's own object
  /// counting 1; values above 1000 count as 1000.
  std::size_t max_depth = 64;
  std::size_t max_document_bytes = std::size_t{16} << 20;  ///< The largest document, in bytes.
  std::size_t max_string_bytes = std::size_t{64} << 10;    ///< The longest string, in bytes.
  /// The name errors give the document, e.g. its file path; "<input>" when empty.
  std::string source_name = {};
};

/// Any carelearn catalog document.
using Document = std::variant<Format, Variant, QuestionSet>;

/// Parses a "format/1" document.
///
/// Errors (all kInvalidArgument unless said otherwise), each message led by
/// "<source>:<line>:<column>: <pointer>: ":
///   - syntax errors, a truncated document, invalid UTF-8;
///   - a duplicate key; an unknown key (with the likely intended key);
///   - a missing required key; a value of the wrong type ("expected an integer, found a string");
///   - a number out of range (an integer too large, a number that overflows to infinity);
///   - nesting deeper, a document or a string longer than `options` allows (kResourceExhausted);
///   - a document of another kind, or of a newer schema version than this
///     library reads (kFailedPrecondition, naming both versions, marked
///     `IsVersionMismatch`).
[[nodiscard]] absl::StatusOr<Format> ParseFormat(std::string_view json,
                                                 const ParseOptions& options = {});
/// Parses a "variant/1" document; errors as `ParseFormat`.
[[nodiscard]] absl::StatusOr<Variant> ParseVariant(std::string_view json,
                                                   const ParseOptions& options = {});
/// Parses a "question-set/1" document; errors as `ParseFormat`.
[[nodiscard]] absl::StatusOr<QuestionSet> ParseQuestionSet(std::string_view json,
                                                           const ParseOptions& options = {});
/// Parses a document of any catalog kind, chosen by its "carelearn" key; errors as `ParseFormat`.
[[nodiscard]] absl::StatusOr<Document> ParseDocument(std::string_view json,
                                                     const ParseOptions& options = {});

/// Reads and parses the "format/1" file at `path`; kNotFound when it cannot be read.
[[nodiscard]] absl::StatusOr<Format> LoadFormat(const std::filesystem::path& path,
                                                ParseOptions options = {});
/// Reads and parses the "variant/1" file at `path`; kNotFound when it cannot be read.
[[nodiscard]] absl::StatusOr<Variant> LoadVariant(const std::filesystem::path& path,
                                                  ParseOptions options = {});
/// Reads and parses the "question-set/1" file at `path`; kNotFound when it cannot be read.
[[nodiscard]] absl::StatusOr<QuestionSet> LoadQuestionSet(const std::filesystem::path& path,
                                                          ParseOptions options = {});
/// Reads and parses a document of any catalog kind at `path`.
[[nodiscard]] absl::StatusOr<Document> LoadDocument(const std::filesystem::path& path,
                                                    ParseOptions options = {});

/// Adds the document `json` to `catalog` (a variant is resolved against its base there).
[[nodiscard]] absl::Status AddToCatalog(Catalog& catalog, std::string_view json,
                                        const ParseOptions& options = {});

/// The canonical text of the JSON object `json`, as the `extensions` fields of
/// `Format`, `Step` and `Variant` hold it: 2-space indentation, keys in their
/// original order, integers where the value is integral; "" for `{}`.
///
/// Errors: those of `ParseFormat` for the JSON text itself; kInvalidArgument
/// when it is not an object.
///
/// Example:
///
///   step.extensions = *carelearn::CanonicalExtensions(R"({"room": "B2", "chairs": 8})");
///   // "{\n  \"room\": \"B2\",\n  \"chairs\": 8\n}"
[[nodiscard]] absl::StatusOr<std::string> CanonicalExtensions(std::string_view json,
                                                              const ParseOptions& options = {});

/// The canonical JSON text of `format`, ending in a newline.
[[nodiscard]] std::string ToJson(const Format& format);
/// The canonical JSON text of `variant`, ending in a newline.
[[nodiscard]] std::string ToJson(const Variant& variant);
/// The canonical JSON text of `set`, ending in a newline.
[[nodiscard]] std::string ToJson(const QuestionSet& set);

}  // namespace carelearn

#endif  // CARELEARN_IO_JSON_HPP_
