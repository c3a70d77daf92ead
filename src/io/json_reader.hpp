// The reading half of carelearn's JSON documents, shared by every document
// kind: `Path` (where a value lies, as a JSON Pointer), `Reader` (typed reads
// of a tree from json_tree.hpp that build located errors, with the likely
// intended key for a misspelt one), the readers of the parts that several
// kinds share (texts, format references) and of the "carelearn" header.
//
// Example:
//
//   const carelearn::detail::Reader r(text);
//   const carelearn::detail::Path root;
//   std::string id;
//   CARELEARN_RETURN_IF_ERROR(r.Field(tree, root, "id", [&](const Node& v, const Path& p) {
//     return r.String(v, p, id);
//   }));
#ifndef CARELEARN_SRC_IO_JSON_READER_HPP_
#define CARELEARN_SRC_IO_JSON_READER_HPP_

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "carelearn/io/json.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/text.hpp"
#include "detail/absl_compat.hpp"
#include "io/json_tree.hpp"

// Returns from the enclosing function when `expr` yields a non-OK status.
#define CARELEARN_RETURN_IF_ERROR(expr)                 \
  do {                                                  \
    if (absl::Status status_ = (expr); !status_.ok()) { \
      return status_;                                   \
    }                                                   \
  } while (false)

namespace carelearn::detail {

/// A list of keys or names, for `Reader::CheckObject` and messages.
using Keys = std::span<const std::string_view>;

/// A place in a document, as a chain of keys and indices up to the root;
/// `Pointer()` gives it as a JSON Pointer.
struct Path {
  const Path* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;

  [[nodiscard]] Path Child(std::string_view k) const { return Path{this, k, 0, false}; }
  [[nodiscard]] Path Item(std::size_t i) const { return Path{this, {}, i, true}; }

  [[nodiscard]] std::string Pointer() const {
    std::vector<const Path*> chain;
    for (const Path* p = this; p->parent != nullptr; p = p->parent) chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if ((*it)->is_index) {
        absl::StrAppend(&out, "/", (*it)->index);
      } else {
        absl::StrAppend(&out, "/", EscapePointerToken((*it)->key));
      }
    }
    return out;
  }
};

/// The candidate closest to `word`, when it is close enough (by optimal
/// string alignment distance, ignoring case) to be a likely typo.
[[nodiscard]] std::optional<std::string_view> Closest(std::string_view word, Keys candidates);

/// `words` quoted and joined by ", ": "\"a\", \"b\"".
[[nodiscard]] std::string QuoteList(Keys words);

/// What a message calls the value `node`: "the string \"x\"", "an array", ...
[[nodiscard]] std::string Found(const Node& node);

/// Reads values of one document, building located errors.
class Reader {
 public:
  explicit Reader(const JsonText& json) : json_(json) {}

  [[nodiscard]] absl::Status Error(
      const Node& at, const Path& path, std::string_view message,
      absl::StatusCode code = absl::StatusCode::kInvalidArgument) const {
    return json_.ErrorAtToken(code, at.token, path.Pointer(), message);
  }

  [[nodiscard]] absl::Status Expected(const Node& at, const Path& path,
                                      std::string_view what) const {
    return Error(at, path, absl::StrCat("expected ", Sv(what), ", found ", Found(at)));
  }

  // Checks that `node` is an object whose keys are all in `allowed` and that
  // has every key in `required`. `context` adds to the unknown-key message.
  [[nodiscard]] absl::Status CheckObject(const Node& node, const Path& path, Keys allowed,
                                         Keys required, std::string_view context = {}) const {
    if (node.kind != Node::Kind::kObject) return Expected(node, path, "an object");
    for (const Member& member : node.members) {
      if (std::find(allowed.begin(), allowed.end(), member.key) != allowed.end()) continue;
      std::string message = absl::StrCat("unknown key ", QuoteForMessage(member.key), Sv(context));
      if (const auto likely = Closest(member.key, allowed)) {
        absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
      } else {
        absl::StrAppend(&message, "; expected one of ", QuoteList(allowed));
      }
      return json_.ErrorAtToken(absl::StatusCode::kInvalidArgument, member.token,
                                path.Child(member.key).Pointer(), message);
    }
    for (const std::string_view key : required) {
      if (node.Find(key) == nullptr) {
        return Error(node, path,
                     absl::StrCat("missing required key \"", Sv(key), "\"", Sv(context)));
      }
    }
    return absl::OkStatus();
  }

  // Calls `read(value, path)` for the member `key` of `object` when it is present.
  template <typename F>
  [[nodiscard]] absl::Status Field(const Node& object, const Path& path, std::string_view key,
                                   F&& read) const {
    const Member* member = object.Find(key);
    if (member == nullptr) return absl::OkStatus();
    const Path child = path.Child(key);
    return read(member->value, child);
  }

  // Reads an array, calling `read(item, path)` for each element.
  template <typename F>
  [[nodiscard]] absl::Status Array(const Node& node, const Path& path, F&& read,
                                   std::string_view what = "an array") const {
    if (node.kind != Node::Kind::kArray) return Expected(node, path, what);
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const Path item = path.Item(i);
      CARELEARN_RETURN_IF_ERROR(read(node.items[i], item));
    }
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status String(const Node& node, const Path& path, std::string& out,
                                    bool non_empty = true) const {
    if (node.kind != Node::Kind::kString) {
      return Expected(node, path, non_empty ? "a non-empty string" : "a string");
    }
    if (non_empty && node.string.empty()) return Expected(node, path, "a non-empty string");
    out = node.string;
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status Bool(const Node& node, const Path& path, bool& out) const {
    if (node.kind != Node::Kind::kBool) return Expected(node, path, "true or false");
    out = node.boolean;
    return absl::OkStatus();
  }

  // Reads an integer from `min` to INT_MAX; integral numbers such as 2.0 count.
  [[nodiscard]] absl::Status Int(const Node& node, const Path& path, int& out, int min) const {
    const std::string what = absl::StrCat("an integer from ", min, " to ", INT_MAX);
    bool fits = false;
    std::int64_t value = 0;
    switch (node.kind) {
      case Node::Kind::kInt:
        fits = node.integer >= min && node.integer <= INT_MAX;
        value = node.integer;
        break;
      case Node::Kind::kUint:
        break;
      case Node::Kind::kDouble:
        if (std::trunc(node.number) == node.number && node.number >= min &&
            node.number <= INT_MAX) {
          fits = true;
          value = static_cast<std::int64_t>(node.number);
        }
        break;
      default:
        return Expected(node, path, what);
    }
    if (!fits) return Expected(node, path, what);
    out = static_cast<int>(value);
    return absl::OkStatus();
  }

  [[nodiscard]] absl::Status Int(const Node& node, const Path& path, std::optional<int>& out,
                                 int min) const {
    int value = 0;
    CARELEARN_RETURN_IF_ERROR(Int(node, path, value, min));
    out = value;
    return absl::OkStatus();
  }

  // Reads a finite number of 0 or more.
  [[nodiscard]] absl::Status Amount(const Node& node, const Path& path, double& out) const {
    switch (node.kind) {
      case Node::Kind::kInt:
        out = static_cast<double>(node.integer);
        break;
      case Node::Kind::kUint:
        out = static_cast<double>(node.unsigned_integer);
        break;
      case Node::Kind::kDouble:
        out = node.number;
        break;
      default:
        return Expected(node, path, "a number of 0 or more");
    }
    if (out < 0) return Expected(node, path, "a number of 0 or more");
    if (out == 0) out = 0;  // -0 reads as 0
    return absl::OkStatus();
  }

  // Reads one of the names `names` (for the enumerators `values`) into `out`.
  template <typename E, std::size_t N>
  [[nodiscard]] absl::Status Enum(const Node& node, const Path& path,
                                  const std::array<E, N>& values, std::string_view (*name_of)(E),
                                  E& out) const {
    std::array<std::string_view, N> names;
    for (std::size_t i = 0; i < N; ++i) names[i] = name_of(values[i]);
    const std::string what = absl::StrCat("one of ", QuoteList(names));
    if (node.kind != Node::Kind::kString) return Expected(node, path, what);
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == node.string) {
        out = values[i];
        return absl::OkStatus();
      }
    }
    std::string message = absl::StrCat("expected ", what, ", found ", Found(node));
    if (const auto likely = Closest(node.string, names)) {
      absl::StrAppend(&message, "; did you mean \"", Sv(*likely), "\"?");
    }
    return Error(node, path, message);
  }

  // Reads an "extensions" object as its canonical text ("" when empty).
  [[nodiscard]] absl::Status Extensions(const Node& node, const Path& path,
                                        std::string& out) const {
    if (node.kind != Node::Kind::kObject) return Expected(node, path, "an object");
    out.clear();
    if (!node.members.empty()) WriteCanonical(node, 0, out);
    return absl::OkStatus();
  }

  [[nodiscard]] const JsonText& json() const { return json_; }

 private:
  const JsonText& json_;
};

/// Reads a Text: an object with "da" and/or "en", at least one, each non-empty.
[[nodiscard]] absl::Status ReadText(const Reader& r, const Node& node, const Path& path, Text& out);

/// Reads a Text into an optional.
[[nodiscard]] absl::Status ReadText(const Reader& r, const Node& node, const Path& path,
                                    std::optional<Text>& out);

/// Reads a FormatRef: {"id": ..., "version": ...}.
[[nodiscard]] absl::Status ReadFormatRef(const Reader& r, const Node& node, const Path& path,
                                         FormatRef& out);

/// The document kinds carelearn knows, without their versions.
inline constexpr std::array<std::string_view, 4> kKnownDocumentKinds{"format", "variant",
                                                                     "question-set", "programme"};

/// Reads the "carelearn" key of the document `root`: its kind, which must be
/// one of `wanted` (kind names without a version), and its schema version,
/// which must not be newer than `version`. Returns the kind's name.
///
/// Errors: a missing or malformed key, an unknown kind (kInvalidArgument; the
/// message lists `suggested`, the kinds the caller reads); a known kind that
/// is not wanted, a newer version (kFailedPrecondition).
[[nodiscard]] absl::StatusOr<std::string_view> ReadDocumentHeader(const Reader& r, const Node& root,
                                                                  Keys wanted, Keys suggested,
                                                                  int version);

/// Reads the file at `path` for a loader: names the document after the file
/// when `options.source_name` is empty, and checks the size limit before
/// reading, so that a huge file is never read whole.
///
/// Errors: kNotFound when the file cannot be read (a directory, missing,
/// unreadable); kResourceExhausted, located at 1:1, when it is larger than
/// `options.max_document_bytes`.
[[nodiscard]] absl::StatusOr<std::string> ReadDocumentFile(const std::filesystem::path& path,
                                                           ParseOptions& options);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_JSON_READER_HPP_
