// carelearn's JSON documents: the public loaders and writers of
// carelearn/io/json.hpp, on top of the strict tree parser (json_tree.hpp) and
// the conversions (json_read.cpp, json_write.cpp).
#include "carelearn/io/json.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "detail/absl_compat.hpp"
#include "io/json_convert.hpp"
#include "io/json_reader.hpp"
#include "io/json_tree.hpp"

namespace carelearn {
namespace {

constexpr std::string_view kDefaultSource = "<input>";

std::string_view SourceName(const ParseOptions& options) {
  return options.source_name.empty() ? kDefaultSource : std::string_view(options.source_name);
}

absl::StatusOr<Document> Parse(std::string_view json, const ParseOptions& options,
                               std::optional<detail::DocumentKind> expected) {
  const detail::JsonText text(SourceName(options), json);
  absl::StatusOr<detail::Node> root = detail::ParseTree(text, options);
  if (!root.ok()) return root.status();
  return detail::ReadDocument(text, *root, expected);
}

template <typename T>
absl::StatusOr<T> ParseAs(std::string_view json, const ParseOptions& options,
                          detail::DocumentKind kind) {
  absl::StatusOr<Document> document = Parse(json, options, kind);
  if (!document.ok()) return document.status();
  return std::get<T>(std::move(*document));
}

template <typename T>
absl::StatusOr<T> LoadAs(const std::filesystem::path& path, ParseOptions options,
                         std::optional<detail::DocumentKind> kind) {
  absl::StatusOr<std::string> content = detail::ReadDocumentFile(path, options);
  if (!content.ok()) return content.status();
  if constexpr (std::is_same_v<T, Document>) {
    return Parse(*content, options, std::nullopt);
  } else {
    return ParseAs<T>(*content, options, *kind);
  }
}

std::string Write(const detail::Node& node) {
  std::string out;
  detail::WriteCanonical(node, 0, out);
  out.push_back('\n');
  return out;
}

}  // namespace

absl::StatusOr<Format> ParseFormat(std::string_view json, const ParseOptions& options) {
  return ParseAs<Format>(json, options, detail::DocumentKind::kFormat);
}

absl::StatusOr<Variant> ParseVariant(std::string_view json, const ParseOptions& options) {
  return ParseAs<Variant>(json, options, detail::DocumentKind::kVariant);
}

absl::StatusOr<QuestionSet> ParseQuestionSet(std::string_view json, const ParseOptions& options) {
  return ParseAs<QuestionSet>(json, options, detail::DocumentKind::kQuestionSet);
}

absl::StatusOr<Document> ParseDocument(std::string_view json, const ParseOptions& options) {
  return Parse(json, options, std::nullopt);
}

absl::StatusOr<Format> LoadFormat(const std::filesystem::path& path, ParseOptions options) {
  return LoadAs<Format>(path, std::move(options), detail::DocumentKind::kFormat);
}

absl::StatusOr<Variant> LoadVariant(const std::filesystem::path& path, ParseOptions options) {
  return LoadAs<Variant>(path, std::move(options), detail::DocumentKind::kVariant);
}

absl::StatusOr<QuestionSet> LoadQuestionSet(const std::filesystem::path& path,
                                            ParseOptions options) {
  return LoadAs<QuestionSet>(path, std::move(options), detail::DocumentKind::kQuestionSet);
}

absl::StatusOr<Document> LoadDocument(const std::filesystem::path& path, ParseOptions options) {
  return LoadAs<Document>(path, std::move(options), std::nullopt);
}

absl::Status AddToCatalog(Catalog& catalog, std::string_view json, const ParseOptions& options) {
  absl::StatusOr<Document> document = ParseDocument(json, options);
  if (!document.ok()) return document.status();
  absl::Status status = std::visit(
      [&catalog](auto&& value) -> absl::Status {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, Variant>) {
          return catalog.AddVariant(value);
        } else {
          return catalog.Add(std::move(value));
        }
      },
      std::move(*document));
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat(detail::Sv(SourceName(options)), ": ", status.message()));
}

absl::StatusOr<std::string> CanonicalExtensions(std::string_view json,
                                                const ParseOptions& options) {
  const detail::JsonText text(SourceName(options), json);
  absl::StatusOr<detail::Node> root = detail::ParseTree(text, options);
  if (!root.ok()) return root.status();
  if (root->kind != detail::Node::Kind::kObject) {
    return text.ErrorAtToken(absl::StatusCode::kInvalidArgument, 0, "",
                             "expected an object: extensions are a JSON object");
  }
  std::string out;
  if (!root->members.empty()) detail::WriteCanonical(*root, 0, out);
  return out;
}

std::string ToJson(const Format& format) { return Write(detail::ToNode(format)); }

std::string ToJson(const Variant& variant) { return Write(detail::ToNode(variant)); }

std::string ToJson(const QuestionSet& set) { return Write(detail::ToNode(set)); }

}  // namespace carelearn
