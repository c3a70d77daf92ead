// The reading half of carelearn's JSON documents, shared by every document
// kind: `Path` (where a value lies, as a JSON Pointer), `Reader` (typed reads
// of a tree from json_tree.hpp that build located errors, with the likely
// intended key for a misspelt one), `FieldRule` tables that list each key of
// an object once with how it is read, the readers of the parts that several
// kinds share (texts, format references) and of the "carelearn" header.
//
// Example:
//
//   struct Room { std::string name; int seats = 0; };
//   constexpr std::array kRoomRules{
//       carelearn::detail::Rule<&Room::name, carelearn::detail::AsString>("name", kRequiredKey),
//       carelearn::detail::Rule<&Room::seats, carelearn::detail::AsInt<1>>("seats", kOptionalKey)};
//   const carelearn::detail::Reader r(text);
//   Room room;
//   absl::Status s = carelearn::detail::ReadFields(r, tree, carelearn::detail::Path(),
//                                                  kRoomRules, room);
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

/// The enumerators of `E` that have a canonical name, in their order. Every
/// enumeration of carelearn has a name function (`PlaceName`, ...) that gives
/// "" for a value outside it, and no more than 64 enumerators.
template <typename E>
[[nodiscard]] std::vector<E> EnumValues(std::string_view (*name_of)(E)) {
  std::vector<E> out;
  for (int i = 0; i < 64; ++i) {
    const auto value = static_cast<E>(i);
    if (!name_of(value).empty()) out.push_back(value);
  }
  return out;
}

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

  // Reads an integer from `min` to `max`; integral numbers such as 2.0 count.
  [[nodiscard]] absl::Status IntInRange(const Node& node, const Path& path, int& out, int min,
                                        int max) const {
    int value = 0;
    const absl::Status s = Int(node, path, value, min);
    if (!s.ok() || value > max) {
      return Expected(node, path, absl::StrCat("an integer from ", min, " to ", max));
    }
    out = value;
    return absl::OkStatus();
  }

  // Reads one of the canonical names of `E`, as `name_of` gives them, into `out`.
  template <typename E>
  [[nodiscard]] absl::Status Enum(const Node& node, const Path& path,
                                  std::string_view (*name_of)(E), E& out) const {
    std::vector<E> values;
    std::vector<std::string_view> names;
    for (const E value : EnumValues(name_of)) {
      values.push_back(value);
      names.push_back(name_of(value));
    }
    const std::string what = absl::StrCat("one of ", QuoteList(names));
    if (node.kind != Node::Kind::kString) return Expected(node, path, what);
    for (std::size_t i = 0; i < names.size(); ++i) {
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

/// Marks a key of `FieldRule` as one an object must have.
inline constexpr bool kRequiredKey = true;
/// Marks a key of `FieldRule` as one an object may leave out.
inline constexpr bool kOptionalKey = false;

/// One key of an object and how it is read into a `T` by a reader of type
/// `R` (a `Reader`, or a reader built on it); `read` is nullptr for a key
/// read elsewhere (the document's "carelearn" header).
template <typename T, typename R = Reader>
struct FieldRule {
  std::string_view key;   ///< The key.
  bool required = false;  ///< True when the object must have it.
  /// Reads the key's value into the object being read.
  absl::Status (*read)(const R&, const Node&, const Path&, T&) = nullptr;
};

/// Reads the object `node` into `out` by `rules`, each key listed once: the
/// keys of the rules are the keys allowed, those marked kRequiredKey the keys
/// required, and each present key is read in the rules' order. `context`
/// adds to the unknown-key and missing-key messages. A rule is a `FieldRule`
/// or any type with its `key`, `required` and `read`.
template <typename R, typename Rule, std::size_t N, typename T>
[[nodiscard]] absl::Status ReadFields(const R& r, const Node& node, const Path& path,
                                      const std::array<Rule, N>& rules, T& out,
                                      std::string_view context = {}) {
  std::array<std::string_view, N> keys{};
  std::array<std::string_view, N> required{};
  std::size_t required_count = 0;
  for (std::size_t i = 0; i < N; ++i) {
    keys[i] = rules[i].key;
    if (rules[i].required) required[required_count++] = rules[i].key;
  }
  CARELEARN_RETURN_IF_ERROR(
      r.CheckObject(node, path, keys, Keys(required.data(), required_count), context));
  for (const Rule& rule : rules) {
    if (rule.read == nullptr) continue;
    CARELEARN_RETURN_IF_ERROR(r.Field(node, path, rule.key, [&](const Node& v, const Path& p) {
      return rule.read(r, v, p, out);
    }));
  }
  return absl::OkStatus();
}

/// The class a pointer to member `M` points into.
template <typename C, typename V>
C ClassOfMember(V C::*);
/// The class a pointer to member `M` points into.
template <auto M>
using MemberClass = decltype(ClassOfMember(M));

/// Reads the member `M` of the object being read with the codec `Codec`, a
/// type whose static `Read(r, node, path, value)` reads one value.
template <auto M, typename Codec, typename R>
absl::Status ReadMember(const R& r, const Node& node, const Path& path, MemberClass<M>& out) {
  return Codec::Read(r, node, path, out.*M);
}

/// The rule that reads `key` into the member `M` with `Codec`.
template <auto M, typename Codec, typename R = Reader>
[[nodiscard]] constexpr FieldRule<MemberClass<M>, R> Rule(std::string_view key, bool required) {
  return {key, required, &ReadMember<M, Codec, R>};
}

/// Codec: a non-empty string.
struct AsString {
  /// Reads `out`.
  template <typename R>
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::string& out) {
    return r.String(node, path, out);
  }
};

/// Codec: any string, empty ones too.
struct AsAnyString {
  /// Reads `out`.
  template <typename R>
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::string& out) {
    return r.String(node, path, out, /*non_empty=*/false);
  }
};

/// Codec: true or false.
struct AsBool {
  /// Reads `out`.
  template <typename R>
  static absl::Status Read(const R& r, const Node& node, const Path& path, bool& out) {
    return r.Bool(node, path, out);
  }
};

/// Codec: an integer from `Min` to INT_MAX.
template <int Min>
struct AsInt {
  /// Reads `out`.
  template <typename R>
  static absl::Status Read(const R& r, const Node& node, const Path& path, int& out) {
    return r.Int(node, path, out, Min);
  }
  /// Reads `out`.
  template <typename R>
  static absl::Status Read(const R& r, const Node& node, const Path& path,
                           std::optional<int>& out) {
    return r.Int(node, path, out, Min);
  }
};

/// Codec: one of the canonical names that `NameOf` gives an enumeration.
template <auto NameOf>
struct AsEnum {
  /// Reads `out`.
  template <typename R, typename E>
  static absl::Status Read(const R& r, const Node& node, const Path& path, E& out) {
    return r.Enum(node, path, NameOf, out);
  }
};

/// Codec: a value read by the function `F(r, node, path, value)`.
template <auto F>
struct Via {
  /// Reads `out`.
  template <typename R, typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, T& out) {
    return F(r, node, path, out);
  }
};

/// Codec: an optional value, read with `Inner` when present.
template <typename Inner>
struct Optional {
  /// Reads `out`.
  template <typename R, typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::optional<T>& out) {
    return Inner::Read(r, node, path, out.emplace());
  }
};

/// Codec: an object read by the table `Rules` into the value given (a list
/// element, new already; a value to be read over keeps the keys left out).
template <const auto& Rules>
struct AsPart {
  /// Reads `out`.
  template <typename R, typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, T& out) {
    return ReadFields(r, node, path, Rules, out);
  }
};

/// Codec: an array, each element read with `Item`; replaces what `out` held.
template <typename Item>
struct ListOf {
  /// Reads `out`.
  template <typename R, typename T>
  static absl::Status Read(const R& r, const Node& node, const Path& path, std::vector<T>& out) {
    out.clear();
    return r.Array(node, path, [&](const Node& item, const Path& at) {
      return Item::Read(r, item, at, out.emplace_back());
    });
  }
};

/// Reads a Text: an object with "da" and/or "en", at least one, each non-empty.
[[nodiscard]] absl::Status ReadText(const Reader& r, const Node& node, const Path& path, Text& out);

/// Reads a Text into an optional.
[[nodiscard]] absl::Status ReadText(const Reader& r, const Node& node, const Path& path,
                                    std::optional<Text>& out);

/// Reads a FormatRef: {"id": ..., "version": ...}.
[[nodiscard]] absl::Status ReadFormatRef(const Reader& r, const Node& node, const Path& path,
                                         FormatRef& out);

/// Codec: a Text, or an optional Text.
struct AsText {
  /// Reads `out`.
  static absl::Status Read(const Reader& r, const Node& node, const Path& path, Text& out) {
    return ReadText(r, node, path, out);
  }
  /// Reads `out`.
  static absl::Status Read(const Reader& r, const Node& node, const Path& path,
                           std::optional<Text>& out) {
    return ReadText(r, node, path, out);
  }
};

/// The document kinds carelearn knows, without their versions.
inline constexpr std::array<std::string_view, 5> kKnownDocumentKinds{
    "format", "variant", "question-set", "programme", "session"};

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
