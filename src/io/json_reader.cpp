// The shared reading machinery of json_reader.hpp: typo suggestions, value
// descriptions for messages, texts, format references and document headers.
#include "io/json_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// Optimal string alignment distance: edits, counting a swap of two
// neighbouring characters as one.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

// "a", "a" or "b", "a", "b" or "c": each with its version.
std::string KindList(Keys kinds, int version, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) absl::StrAppend(&out, i + 1 == kinds.size() ? Sv(conjunction) : ", ");
    absl::StrAppend(&out, "\"", Sv(kinds[i]), "/", version, "\"");
  }
  return out;
}

}  // namespace

// The candidate closest to `word`, when it is close enough to be a likely typo.
std::optional<std::string_view> Closest(std::string_view word, Keys candidates) {
  if (word.size() > 64) return std::nullopt;  // no typo of a short key is this long
  const std::string lower = absl::AsciiStrToLower(Sv(word));
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (const std::string_view candidate : candidates) {
    std::size_t distance = EditDistance(lower, candidate);
    if (distance < EditDistance(word, candidate)) distance = std::max<std::size_t>(distance, 1);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), std::size_t{12}) / 3);
  if (best && best_distance <= allowed) return best;
  return std::nullopt;
}

std::string QuoteList(Keys words) {
  std::vector<std::string> quoted;
  quoted.reserve(words.size());
  for (const std::string_view w : words) quoted.push_back(absl::StrCat("\"", Sv(w), "\""));
  return absl::StrJoin(quoted, ", ");
}

// What a message calls the value `node`.
std::string Found(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kNull:
      return "null";
    case Node::Kind::kBool:
      return node.boolean ? "true" : "false";
    case Node::Kind::kInt:
      return absl::StrCat("the number ", node.integer);
    case Node::Kind::kUint:
      return absl::StrCat("the number ", node.unsigned_integer);
    case Node::Kind::kDouble: {
      std::string text;
      WriteNumber(node.number, text);
      return absl::StrCat("the number ", text);
    }
    case Node::Kind::kString:
      return absl::StrCat("the string ", QuoteForMessage(node.string));
    case Node::Kind::kArray:
      return "an array";
    case Node::Kind::kObject:
      return "an object";
  }
  return "a value";
}

absl::Status ReadText(const Reader& r, const Node& node, const Path& path, Text& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"da", "en"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, {}));
  out = Text{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "da", [&](const Node& v, const Path& p) { return r.String(v, p, out.da); }));
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "en", [&](const Node& v, const Path& p) { return r.String(v, p, out.en); }));
  if (out.empty()) {
    return r.Error(node, path, "a text needs at least one language: \"da\" or \"en\"");
  }
  return absl::OkStatus();
}

absl::Status ReadText(const Reader& r, const Node& node, const Path& path,
                      std::optional<Text>& out) {
  Text text;
  CARELEARN_RETURN_IF_ERROR(ReadText(r, node, path, text));
  out = std::move(text);
  return absl::OkStatus();
}

absl::Status ReadFormatRef(const Reader& r, const Node& node, const Path& path, FormatRef& out) {
  static constexpr std::array<std::string_view, 2> kKeys{"id", "version"};
  static constexpr std::array<std::string_view, 1> kRequired{"id"};
  CARELEARN_RETURN_IF_ERROR(r.CheckObject(node, path, kKeys, kRequired));
  out = FormatRef{};
  CARELEARN_RETURN_IF_ERROR(r.Field(
      node, path, "id", [&](const Node& v, const Path& p) { return r.String(v, p, out.id); }));
  return r.Field(node, path, "version",
                 [&](const Node& v, const Path& p) { return r.Int(v, p, out.version, 1); });
}

absl::StatusOr<std::string_view> ReadDocumentHeader(const Reader& r, const Node& root, Keys wanted,
                                                    Keys suggested, int version) {
  const Path path;
  if (root.kind != Node::Kind::kObject) {
    return r.Expected(root, path, "an object (a carelearn document)");
  }
  const Member* header = root.Find("carelearn");
  const std::string example = absl::StrCat("\"", Sv(wanted.front()), "/", version, "\"");
  if (header == nullptr) {
    return r.Error(root, path,
                   absl::StrCat("missing required key \"carelearn\"; a carelearn document names "
                                "its kind first, as in \"carelearn\": ",
                                example));
  }
  const Path at = path.Child("carelearn");
  const Node& value = header->value;
  const std::string form = absl::StrCat("a document kind and version such as ", example);
  if (value.kind != Node::Kind::kString) return r.Expected(value, at, form);
  const std::string_view text = value.string;
  const std::size_t slash = text.rfind('/');
  int found_version = 0;
  bool well_formed = slash != std::string_view::npos && slash > 0 && slash + 1 < text.size() &&
                     text[slash + 1] != '0' && text.size() - slash - 1 <= 9;
  for (std::size_t i = slash + 1; well_formed && i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      well_formed = false;
    } else {
      found_version = found_version * 10 + (text[i] - '0');
    }
  }
  if (!well_formed) return r.Expected(value, at, form);
  const std::string_view name = text.substr(0, slash);
  const auto known = std::find(kKnownDocumentKinds.begin(), kKnownDocumentKinds.end(), name);
  if (known == kKnownDocumentKinds.end()) {
    return r.Error(value, at,
                   absl::StrCat("unknown document kind ", QuoteForMessage(text), "; expected ",
                                KindList(suggested, version, " or ")));
  }
  if (std::find(wanted.begin(), wanted.end(), name) == wanted.end()) {
    return MarkVersionMismatch(
        r.Error(value, at,
                absl::StrCat("expected a ", KindList(wanted, version, " or "), " document, found ",
                             QuoteForMessage(text)),
                absl::StatusCode::kFailedPrecondition));
  }
  if (found_version > version) {
    return MarkVersionMismatch(
        r.Error(value, at,
                absl::StrCat("the document is ", QuoteForMessage(text), ", newer than \"", Sv(name),
                             "/", version, "\", the newest this version of carelearn reads"),
                absl::StatusCode::kFailedPrecondition));
  }
  return *known;
}

absl::StatusOr<std::string> ReadDocumentFile(const std::filesystem::path& path,
                                             ParseOptions& options) {
  if (options.source_name.empty()) options.source_name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::NotFoundError(absl::StrCat(path.string(), ": cannot read: it is a directory"));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > options.max_document_bytes) {
    return MakeLocatedError(
        absl::StatusCode::kResourceExhausted, options.source_name, ErrorLocation{"", 1, 1},
        absl::StrCat("the document is ", size, " bytes, more than the limit of ",
                     options.max_document_bytes, " bytes (ParseOptions::max_document_bytes)"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    return absl::NotFoundError(absl::StrCat(
        path.string(),
        ": cannot read: ", error != 0 ? std::strerror(error) : "the file cannot be opened"));
  }
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return absl::NotFoundError(absl::StrCat(path.string(), ": cannot read: a read error"));
  }
  return content;
}

}  // namespace carelearn::detail
