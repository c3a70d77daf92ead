// Conversions between carelearn's model values and JSON trees (json_tree.hpp):
// the model headers know nothing of JSON, so every conversion lives here.
//
// Example:
//
//   carelearn::detail::Node tree = carelearn::detail::ToNode(format);
//   std::string text;
//   carelearn::detail::WriteCanonical(tree, 0, text);
#ifndef CARELEARN_SRC_IO_JSON_CONVERT_HPP_
#define CARELEARN_SRC_IO_JSON_CONVERT_HPP_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "carelearn/io/json.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/variant.hpp"
#include "io/json_tree.hpp"

namespace carelearn::detail {

/// The kinds of catalog document, as their "carelearn" key names them.
enum class DocumentKind {
  kFormat,       ///< "format/1"
  kVariant,      ///< "variant/1"
  kQuestionSet,  ///< "question-set/1"
};

/// The kind's name without its version: "format", "variant" or "question-set".
[[nodiscard]] std::string_view DocumentKindName(DocumentKind kind);

/// The newest schema version of `kind` this library reads and writes.
inline constexpr int kSchemaVersion = 1;

/// The tree of a format document, keys in canonical order, defaults left out.
[[nodiscard]] Node ToNode(const Format& format);
/// The tree of a variant document.
[[nodiscard]] Node ToNode(const Variant& variant);
/// The tree of a question-set document.
[[nodiscard]] Node ToNode(const QuestionSet& set);

/// Reads the document tree `root` of `json`; when `expected` is given, a
/// document of another kind is a kFailedPrecondition error.
[[nodiscard]] absl::StatusOr<Document> ReadDocument(const JsonText& json, const Node& root,
                                                    std::optional<DocumentKind> expected);

/// The canonical text of the JSON object `extensions` holds (see
/// `Step::extensions`), or std::nullopt when it holds no object.
[[nodiscard]] std::optional<Node> ParseExtensions(std::string_view extensions);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_JSON_CONVERT_HPP_
