// A JSON value tree that remembers where each value and key stood in its
// text, the strict parser that builds it on Boost.JSON's basic_parser, and the
// canonical writer carelearn's documents use.
//
// The parser rejects what Boost.JSON would quietly accept: duplicate keys,
// integers too large for 64 bits, numbers that overflow to infinity, invalid
// UTF-8 (with its exact place), text after the document; and it turns each
// limit of `ParseOptions` into an error of its own. Every error names its
// place as a JSON Pointer, a line and a column.
//
// Example:
//
//   carelearn::detail::JsonText text("x.json", R"({"a": [1, 2]})");
//   absl::StatusOr<carelearn::detail::Node> root = carelearn::detail::ParseTree(text, {});
//   std::string out;
//   carelearn::detail::WriteCanonical(*root, 0, out);  // "{\n  \"a\": [1, 2]\n}"
#ifndef CARELEARN_SRC_IO_JSON_TREE_HPP_
#define CARELEARN_SRC_IO_JSON_TREE_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "carelearn/io/json.hpp"

namespace carelearn::detail {

/// The deepest nesting any caller can ask for; larger `ParseOptions::max_depth`
/// values are treated as this, so that no recursion over a tree can exhaust the stack.
inline constexpr std::size_t kMaxSupportedDepth = 1000;

struct Member;

/// One JSON value, with the ordinal of its first token in the text.
///
/// Tokens are the starts of values and of keys, counted from 0 in document
/// order; `JsonText::OffsetOfToken` turns one into a byte offset.
struct Node {
  /// The JSON type of a value; numbers keep how they were written.
  enum class Kind : std::uint8_t {
    kNull,    ///< null
    kBool,    ///< true or false
    kInt,     ///< an integer that fits int64
    kUint,    ///< an integer above int64's range that fits uint64
    kDouble,  ///< a number with a fraction or an exponent
    kString,  ///< a string (UTF-8)
    kArray,   ///< an array, in `items`
    kObject,  ///< an object, in `members`, in document order
  };

  Kind kind = Kind::kNull;             ///< The type.
  std::size_t token = 0;               ///< Ordinal of the value's first token.
  bool boolean = false;                ///< The value of a kBool.
  std::int64_t integer = 0;            ///< The value of a kInt.
  std::uint64_t unsigned_integer = 0;  ///< The value of a kUint.
  double number = 0;                   ///< The value of a kDouble.
  std::string string;                  ///< The value of a kString.
  std::vector<Node> items;             ///< The elements of a kArray.
  std::vector<Member> members;         ///< The members of a kObject.

  /// True for any of the three number kinds.
  [[nodiscard]] bool is_number() const {
    return kind == Kind::kInt || kind == Kind::kUint || kind == Kind::kDouble;
  }
  /// The member with `key`, or nullptr (objects only; keys are unique).
  [[nodiscard]] const Member* Find(std::string_view key) const;

  /// A string node.
  static Node String(std::string value);
  /// An integer node.
  static Node Int(std::int64_t value);
  /// A number node; integral values within int64 become kInt.
  static Node Number(double value);
  /// A boolean node.
  static Node Bool(bool value);
  /// An empty object node.
  static Node Object();
  /// An empty array node.
  static Node Array();
  /// Appends a member to an object node and returns *this.
  Node& Add(std::string key, Node value);
};

/// One member of an object: its key, the key's token ordinal, and its value.
struct Member {
  std::string key;        ///< The key, decoded.
  std::size_t token = 0;  ///< Ordinal of the key's token.
  Node value;             ///< The value.
};

/// A document's text and name, which turns token ordinals and byte offsets
/// into lines and columns and builds located errors.
class JsonText {
 public:
  /// `source` names the text in errors; `text` must outlive this object.
  /// `first_line` is the line number the text's first line has in its source
  /// (a line of a JSON Lines file), so that errors name the line in the file.
  JsonText(std::string_view source, std::string_view text, int first_line = 1)
      : source_(source), text_(text), first_line_(first_line) {}

  /// The text.
  [[nodiscard]] std::string_view text() const { return text_; }
  /// The name errors give the text.
  [[nodiscard]] std::string_view source() const { return source_; }

  /// The byte offset at which token `ordinal` starts (the text's size when
  /// there are fewer tokens). Assumes the text is valid JSON up to that token.
  [[nodiscard]] std::size_t OffsetOfToken(std::size_t ordinal) const;

  /// The line (counted from `first_line`) and 1-based column (in code points) of byte `offset`.
  [[nodiscard]] std::pair<int, int> LineColumn(std::size_t offset) const;

  /// An error located at byte `offset`, with the location as a payload.
  [[nodiscard]] absl::Status ErrorAt(absl::StatusCode code, std::size_t offset,
                                     std::string_view pointer, std::string_view message) const;
  /// An error located at token `ordinal`.
  [[nodiscard]] absl::Status ErrorAtToken(absl::StatusCode code, std::size_t ordinal,
                                          std::string_view pointer, std::string_view message) const;

 private:
  std::string_view source_;
  std::string_view text_;
  int first_line_ = 1;
};

/// The type URL of the status payload that carries an `ErrorLocation`.
inline constexpr std::string_view kErrorLocationPayloadUrl =
    "type.carelearn.dev/carelearn.ErrorLocation";

/// Encodes `location` as the payload text "<line>:<column>:<pointer>".
[[nodiscard]] std::string EncodeErrorLocation(const ErrorLocation& location);

/// Decodes a payload text written by `EncodeErrorLocation`; std::nullopt when malformed.
[[nodiscard]] std::optional<ErrorLocation> DecodeErrorLocation(std::string_view payload);

/// Builds the error message prefix "<source>:<line>:<column>: <pointer>: " and
/// attaches the location payload that `GetErrorLocation` reads.
[[nodiscard]] absl::Status MakeLocatedError(absl::StatusCode code, std::string_view source,
                                            const ErrorLocation& location,
                                            std::string_view message);

/// Parses `text` strictly into a tree; errors as documented in carelearn/io/json.hpp.
/// `limits` names the options type whose limits `options` carries, for the
/// messages of the limit errors ("... (ParseOptions::max_string_bytes)").
[[nodiscard]] absl::StatusOr<Node> ParseTree(const JsonText& text, const ParseOptions& options,
                                             std::string_view limits = "ParseOptions");

/// Appends the canonical text of `node` at nesting `depth` (2 spaces a level)
/// to `out`, without a trailing newline.
void WriteCanonical(const Node& node, int depth, std::string& out);

/// Appends `value` as a JSON string literal: quotes, escapes for '"', '\\'
/// and control characters, other UTF-8 as is (invalid bytes become U+FFFD).
void WriteString(std::string_view value, std::string& out);

/// Appends the canonical text of a number: an integer when `value` is
/// integral and within ±2^53, else the shortest text that reads back
/// exactly, always with a '.' or an exponent.
void WriteNumber(double value, std::string& out);

/// The offset of the first byte of `text` that is not valid UTF-8, or
/// std::string_view::npos when all of it is.
[[nodiscard]] std::size_t FindInvalidUtf8(std::string_view text);

/// Escapes `token` as one reference token of a JSON Pointer ("~" -> "~0", "/" -> "~1").
[[nodiscard]] std::string EscapePointerToken(std::string_view token);

/// A short, printable rendering of `value` for messages: at most 40 code
/// points, control characters escaped, quoted.
[[nodiscard]] std::string QuoteForMessage(std::string_view value);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_JSON_TREE_HPP_
