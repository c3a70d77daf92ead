// The strict JSON parser and the canonical writer; see json_tree.hpp.
//
// Parsing runs Boost.JSON's basic_parser with `TreeBuilder` as its handler.
// Boost tells the handler what it found but not where, so the builder counts
// tokens (each value's start and each key) and a located error asks
// `JsonText::OffsetOfToken` to find that token again by a quick rescan of the
// text before it, which Boost has already proven to be valid JSON. Syntax
// errors take the offset at which Boost stopped, and `DescribeSyntaxError`
// reads the text just before it to say what was expected.
#include "io/json_tree.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "boost/json/basic_parser_impl.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

namespace bj = boost::json;

std::string_view View(bj::string_view s) { return {s.data(), s.size()}; }

bool IsJsonWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsDelimiter(char c) {
  return IsJsonWhitespace(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '"';
}

// The length of the UTF-8 sequence that starts `text` at `i`, or 0 when
// the bytes there are not a valid sequence (overlong forms, surrogates and
// code points above U+10FFFF are invalid).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

// Decodes the valid UTF-8 sequence at `i`.
char32_t DecodeUtf8(std::string_view text, std::size_t i, std::size_t length) {
  const auto byte = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[k]));
  };
  switch (length) {
    case 1:
      return byte(i);
    case 2:
      return ((byte(i) & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    case 3:
      return ((byte(i) & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
    default:
      return ((byte(i) & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6) |
             (byte(i + 3) & 0x3F);
  }
}

// What a message calls the character at `offset` of `text`.
std::string DescribeCharAt(std::string_view text, std::size_t offset, bool in_string) {
  if (offset >= text.size()) return "the end of the document";
  const char c = text[offset];
  const auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u == 0x7F) return absl::StrFormat("the control character U+%04X", u);
  if (c == '"' && !in_string) return "a string";
  if (!in_string && (std::isalnum(u) || c == '-' || c == '+' || c == '.' || c == '_')) {
    std::size_t end = offset;
    while (end < text.size() && end - offset < 24 && !IsDelimiter(text[end]) &&
           static_cast<unsigned char>(text[end]) > 0x20 &&
           static_cast<unsigned char>(text[end]) < 0x7F) {
      ++end;
    }
    return absl::StrCat("\"", Sv(text.substr(offset, end - offset)), "\"");
  }
  const std::size_t length = Utf8SequenceLength(text, offset);
  if (length == 0) return absl::StrFormat("the byte 0x%02X", u);
  if (length == 1) return absl::StrCat("'", Sv(text.substr(offset, 1)), "'");
  const char32_t cp = DecodeUtf8(text, offset, length);
  if (cp == 0xFEFF) return "a byte order mark (U+FEFF)";
  return absl::StrCat("'", Sv(text.substr(offset, length)), "'");
}

// The lexical state of a valid JSON prefix: which containers are open, whether
// it ends inside a string or a number or literal, and its last significant token.
struct Lexer {
  struct Open {
    char bracket;        // '{' or '['
    std::size_t offset;  // where it opens
  };
  std::vector<Open> open;
  bool in_string = false;
  bool string_is_key = false;
  bool escape_pending = false;  // the prefix ends just after a backslash in a string
  std::size_t string_start = 0;
  char last = '\0';  // last significant character: { [ } ] , : " or 'v' (scalar)
  bool last_string_was_key = false;
  bool root_done = false;
  bool anything = false;  // any token at all
  std::size_t scalar_start = 0;
  std::size_t scalar_end = 0;  // one past the last scalar's text

  void Scan(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
      const char c = text[i];
      if (in_string) {
        if (c == '\\') {
          if (i + 1 >= n) escape_pending = true;
          i += 2;
          continue;
        }
        if (c == '"') {
          in_string = false;
          last = '"';
          last_string_was_key = string_is_key;
          if (open.empty()) root_done = true;
        }
        ++i;
        continue;
      }
      if (IsJsonWhitespace(c)) {
        ++i;
        continue;
      }
      anything = true;
      switch (c) {
        case '"':
          in_string = true;
          string_start = i;
          string_is_key =
              !open.empty() && open.back().bracket == '{' && (last == '{' || last == ',');
          ++i;
          break;
        case '{':
        case '[':
          open.push_back({c, i});
          last = c;
          ++i;
          break;
        case '}':
        case ']':
          if (!open.empty()) open.pop_back();
          if (open.empty()) root_done = true;
          last = c;
          ++i;
          break;
        case ',':
        case ':':
          last = c;
          ++i;
          break;
        default:
          scalar_start = i;
          while (i < n && !IsDelimiter(text[i])) ++i;
          scalar_end = i;
          last = 'v';
          if (open.empty()) root_done = true;
          break;
      }
    }
  }
};

// How a failed parse is reported.
struct ParseFailure {
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  std::size_t offset = 0;
  std::string pointer;
  std::string message;
};

// Builds the tree from basic_parser's events, counts tokens, and stops with
// an error of its own at a duplicate key, a too-long string, an integer
// beyond 64 bits or a number that overflows.
class TreeBuilder {
 public:
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();

  TreeBuilder(std::size_t max_string_bytes, std::string_view limits)
      : max_string_bytes_(max_string_bytes), limits_(limits) {}

  bool on_document_begin(bj::error_code& /*ec*/) { return true; }
  bool on_document_end(bj::error_code& /*ec*/) { return true; }

  bool on_object_begin(bj::error_code& /*ec*/) {
    Frame frame;
    frame.node.kind = Node::Kind::kObject;
    frame.node.token = tokens_++;
    stack_.push_back(std::move(frame));
    return true;
  }
  bool on_object_end(std::size_t /*n*/, bj::error_code& /*ec*/) { return CloseContainer(); }
  bool on_array_begin(bj::error_code& /*ec*/) {
    Frame frame;
    frame.node.kind = Node::Kind::kArray;
    frame.node.token = tokens_++;
    stack_.push_back(std::move(frame));
    return true;
  }
  bool on_array_end(std::size_t /*n*/, bj::error_code& /*ec*/) { return CloseContainer(); }

  bool on_key_part(bj::string_view s, std::size_t n, bj::error_code& ec) {
    return AppendKey(View(s), n, ec);
  }
  bool on_key(bj::string_view s, std::size_t n, bj::error_code& ec) {
    if (!AppendKey(View(s), n, ec)) return false;
    in_key_ = false;
    Frame& top = stack_.back();
    if (IsDuplicate(top, key_)) {
      const Member* first = top.node.Find(key_);
      return Fail(ec, absl::StatusCode::kInvalidArgument, key_token_, Pointer(true, &key_),
                  absl::StrCat("duplicate key ", QuoteForMessage(key_),
                               "; a key may appear only once in an object"),
                  first == nullptr ? kNoToken : first->token);
    }
    top.pending_key = std::move(key_);
    top.pending_key_token = key_token_;
    top.has_pending_key = true;
    key_.clear();
    return true;
  }

  bool on_string_part(bj::string_view s, std::size_t n, bj::error_code& ec) {
    return AppendString(View(s), n, ec);
  }
  bool on_string(bj::string_view s, std::size_t n, bj::error_code& ec) {
    if (!AppendString(View(s), n, ec)) return false;
    in_string_ = false;
    Node node;
    node.kind = Node::Kind::kString;
    node.token = value_token_;
    node.string = std::move(buffer_);
    buffer_.clear();
    AddValue(std::move(node));
    return true;
  }

  bool on_number_part(bj::string_view s, bj::error_code& /*ec*/) {
    if (!in_number_) {
      in_number_ = true;
      value_token_ = tokens_++;
      buffer_.clear();
    }
    buffer_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, bj::string_view /*s*/, bj::error_code& /*ec*/) {
    Node node;
    node.kind = Node::Kind::kInt;
    node.integer = i;
    node.token = EndNumber();
    AddValue(std::move(node));
    return true;
  }
  bool on_uint64(std::uint64_t u, bj::string_view /*s*/, bj::error_code& /*ec*/) {
    Node node;
    node.kind = Node::Kind::kUint;
    node.unsigned_integer = u;
    node.token = EndNumber();
    AddValue(std::move(node));
    return true;
  }
  bool on_double(double d, bj::string_view s, bj::error_code& ec) {
    if (in_number_) buffer_.append(s.data(), s.size());
    const std::string text = in_number_ ? std::move(buffer_) : std::string(View(s));
    buffer_.clear();
    const std::size_t token = EndNumber();
    if (text.find_first_of(".eE") == std::string::npos) {
      return Fail(ec, absl::StatusCode::kInvalidArgument, token, Pointer(true),
                  absl::StrCat("the integer ", Abbreviate(text),
                               " is too large; integers must lie within -9223372036854775808 "
                               "and 18446744073709551615"));
    }
    // Boost.JSON 1.81 reads decimals approximately; from_chars reads them exactly,
    // so that every number carelearn writes reads back to the same double.
    double exact = 0;
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), exact);
    if (err == std::errc::result_out_of_range) {
      // Out of range one way or the other. Boost's approximate reading tells
      // which: a tiny value underflows (and reads as Boost rounded it, zero or
      // a subnormal); a large one overflows, which JSON cannot hold.
      if (!std::isfinite(d) || std::abs(d) >= 1) {
        return Fail(ec, absl::StatusCode::kInvalidArgument, token, Pointer(true),
                    absl::StrCat("the number ", Abbreviate(text),
                                 " is out of range; numbers must be finite doubles"));
      }
      exact = d;
    } else if (err != std::errc() || end != text.data() + text.size() || !std::isfinite(exact)) {
      exact = std::isfinite(d) ? d : 0;  // cannot happen for text Boost accepted as a number
    }
    Node node;
    node.kind = Node::Kind::kDouble;
    node.number = exact;
    node.token = token;
    AddValue(std::move(node));
    return true;
  }
  bool on_bool(bool b, bj::error_code& /*ec*/) {
    Node node;
    node.kind = Node::Kind::kBool;
    node.boolean = b;
    node.token = tokens_++;
    AddValue(std::move(node));
    return true;
  }
  bool on_null(bj::error_code& /*ec*/) {
    Node node;
    node.token = tokens_++;
    AddValue(std::move(node));
    return true;
  }
  bool on_comment_part(bj::string_view /*s*/, bj::error_code& /*ec*/) { return true; }
  bool on_comment(bj::string_view /*s*/, bj::error_code& /*ec*/) { return true; }

  /// The error the builder stopped at, if any.
  [[nodiscard]] const std::optional<ParseFailure>& failure() const { return failure_; }
  /// The token ordinal of the first occurrence of a duplicate key, if that failed.
  [[nodiscard]] std::size_t first_token() const { return first_token_; }
  /// Takes the finished root.
  Node TakeRoot() { return std::move(root_); }

  /// The JSON Pointer of the innermost open place; with `child`, the
  /// pending key of an innermost object (or `key` when given), or the next
  /// index of an innermost array.
  [[nodiscard]] std::string Pointer(bool child, const std::string* key = nullptr) const {
    std::string out;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const Frame& frame = stack_[i];
      const bool innermost = i + 1 == stack_.size();
      if (innermost && !child) break;
      if (frame.node.kind == Node::Kind::kObject) {
        if (innermost && key != nullptr) {
          absl::StrAppend(&out, "/", EscapePointerToken(*key));
        } else if (frame.has_pending_key) {
          absl::StrAppend(&out, "/", EscapePointerToken(frame.pending_key));
        }
      } else {
        absl::StrAppend(&out, "/", frame.node.items.size());
      }
    }
    return out;
  }
  /// The JSON Pointer of the value read last in the innermost open container.
  [[nodiscard]] std::string LastValuePointer() const {
    if (stack_.empty()) return {};
    std::string out = Pointer(false);
    const Node& top = stack_.back().node;
    if (top.kind == Node::Kind::kObject && !top.members.empty()) {
      absl::StrAppend(&out, "/", EscapePointerToken(top.members.back().key));
    } else if (top.kind == Node::Kind::kArray && !top.items.empty()) {
      absl::StrAppend(&out, "/", top.items.size() - 1);
    }
    return out;
  }
  /// True when the innermost open container is an object with a key read and its value not.
  [[nodiscard]] bool has_pending_key() const {
    return !stack_.empty() && stack_.back().node.kind == Node::Kind::kObject &&
           stack_.back().has_pending_key;
  }
  /// True when the innermost open container is an array.
  [[nodiscard]] bool in_array() const {
    return !stack_.empty() && stack_.back().node.kind == Node::Kind::kArray;
  }

 private:
  static constexpr std::size_t kNoToken = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t kLinearKeySearch = 16;

  struct Frame {
    Node node;
    std::string pending_key;
    std::size_t pending_key_token = 0;
    bool has_pending_key = false;
    std::unique_ptr<std::unordered_set<std::string>> keys;  // for large objects
  };

  static std::string Abbreviate(std::string_view text) {
    if (text.size() <= 40) return std::string(text);
    return absl::StrCat(Sv(text.substr(0, 20)), "...", Sv(text.substr(text.size() - 8)), " (",
                        text.size(), " digits)");
  }

  bool IsDuplicate(Frame& frame, const std::string& key) {
    std::vector<Member>& members = frame.node.members;
    if (members.size() < kLinearKeySearch) {
      return std::any_of(members.begin(), members.end(),
                         [&](const Member& m) { return m.key == key; });
    }
    if (!frame.keys) {
      frame.keys = std::make_unique<std::unordered_set<std::string>>();
      for (const Member& m : members) frame.keys->insert(m.key);
    }
    return !frame.keys->insert(key).second;
  }

  bool Fail(bj::error_code& ec, absl::StatusCode code, std::size_t token, std::string pointer,
            std::string message, std::size_t first_token = kNoToken) {
    failure_ = ParseFailure{code, token, std::move(pointer), std::move(message)};
    first_token_ = first_token;
    ec = bj::error::exception;
    return false;
  }

  bool AppendKey(std::string_view s, std::size_t n, bj::error_code& ec) {
    if (!in_key_) {
      in_key_ = true;
      key_token_ = tokens_++;
      key_.clear();
    }
    if (n > max_string_bytes_) {
      return Fail(ec, absl::StatusCode::kResourceExhausted, key_token_, Pointer(false),
                  absl::StrCat("a key longer than ", max_string_bytes_, " bytes (", Sv(limits_),
                               "::max_string_bytes)"));
    }
    key_.append(s);
    return true;
  }

  bool AppendString(std::string_view s, std::size_t n, bj::error_code& ec) {
    if (!in_string_) {
      in_string_ = true;
      value_token_ = tokens_++;
      buffer_.clear();
    }
    if (n > max_string_bytes_) {
      return Fail(ec, absl::StatusCode::kResourceExhausted, value_token_, Pointer(true),
                  absl::StrCat("a string longer than ", max_string_bytes_, " bytes (", Sv(limits_),
                               "::max_string_bytes)"));
    }
    buffer_.append(s);
    return true;
  }

  std::size_t EndNumber() {
    if (in_number_) {
      in_number_ = false;
      return value_token_;
    }
    return tokens_++;
  }

  bool CloseContainer() {
    Node node = std::move(stack_.back().node);
    stack_.pop_back();
    AddValue(std::move(node));
    return true;
  }

  void AddValue(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == Node::Kind::kObject) {
      top.node.members.push_back(
          Member{std::move(top.pending_key), top.pending_key_token, std::move(node)});
      top.pending_key.clear();
      top.has_pending_key = false;
    } else {
      top.node.items.push_back(std::move(node));
    }
  }

  std::size_t max_string_bytes_;
  std::string_view limits_;  // the options type that sets the limits, for messages
  std::vector<Frame> stack_;
  Node root_;
  std::size_t tokens_ = 0;
  bool in_key_ = false;
  bool in_string_ = false;
  bool in_number_ = false;
  std::size_t key_token_ = 0;
  std::size_t value_token_ = 0;
  std::string key_;
  std::string buffer_;
  std::optional<ParseFailure> failure_;
  std::size_t first_token_ = kNoToken;
};

// Says what is wrong at `offset`, where Boost stopped with `ec`.
ParseFailure DescribeSyntaxError(const JsonText& json, std::size_t offset, bj::error_code ec,
                                 const TreeBuilder& builder, std::size_t max_depth,
                                 std::string_view limits) {
  const std::string_view text = json.text();
  Lexer lex;
  lex.Scan(text.substr(0, offset));
  ParseFailure failure;
  failure.offset = offset;
  const bool inside_token = lex.in_string || (lex.last == 'v' && lex.scalar_end == offset &&
                                              offset < text.size() && !lex.root_done);
  failure.pointer =
      builder.Pointer(builder.has_pending_key() || (builder.in_array() && inside_token));
  const std::string found = DescribeCharAt(text, offset, lex.in_string);

  if (ec == bj::error::too_deep) {
    failure.code = absl::StatusCode::kResourceExhausted;
    failure.message = absl::StrCat("nesting deeper than ", max_depth,
                                   " levels of arrays and objects (", Sv(limits), "::max_depth)");
    return failure;
  }
  if (offset >= text.size()) {
    if (!lex.anything) {
      failure.message = "the document is empty; expected a JSON object";
      return failure;
    }
    if (lex.in_string) {
      const auto [line, column] = json.LineColumn(lex.string_start);
      failure.message = absl::StrCat("unexpected end of the document in the string that starts at ",
                                     line, ":", column, "; the document is truncated");
      return failure;
    }
    if (!lex.open.empty()) {
      const auto& open = lex.open.back();
      const auto [line, column] = json.LineColumn(open.offset);
      failure.message = absl::StrCat("unexpected end of the document; the ",
                                     open.bracket == '{' ? "object" : "array", " opened at ", line,
                                     ":", column, " is not closed; the document is truncated");
      return failure;
    }
    failure.message = "unexpected end of the document; the document is truncated";
    return failure;
  }
  const auto u = static_cast<unsigned char>(text[offset]);
  if (lex.in_string) {
    if (ec == bj::error::expected_hex_digit) {
      failure.message = absl::StrCat("expected 4 hex digits after \\u in a string, found ", found);
    } else if (ec == bj::error::illegal_trailing_surrogate) {
      failure.message =
          "invalid \\u escape: a UTF-16 low surrogate (\\udc00-\\udfff) must follow a high "
          "surrogate (\\ud800-\\udbff)";
    } else if (ec == bj::error::illegal_leading_surrogate) {
      failure.message =
          "invalid \\u escape: a UTF-16 high surrogate (\\ud800-\\udbff) must be followed by a low "
          "surrogate (\\udc00-\\udfff)";
    } else if (lex.escape_pending) {
      failure.message = absl::StrCat("invalid escape sequence in a string: expected one of ",
                                     "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found ", found);
    } else if (u < 0x20) {
      failure.message = absl::StrFormat(
          "a string may not hold the raw control character U+%04X; write it as an escape "
          "such as \\n or \\u%04x",
          u, u);
    } else {
      failure.message = absl::StrCat(
          "a UTF-16 high surrogate escape (\\ud800-\\udbff) must be followed by a "
          "low surrogate escape (\\udc00-\\udfff), found ",
          found);
    }
    return failure;
  }
  if (ec == bj::error::exponent_overflow) {
    failure.message = "the number's exponent is out of range; numbers must be finite doubles";
    return failure;
  }
  if (offset == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    failure.message =
        "the document starts with a byte order mark (U+FEFF); save it as UTF-8 "
        "without one";
    return failure;
  }
  if (inside_token) {
    const std::string_view scalar = text.substr(lex.scalar_start, offset - lex.scalar_start);
    if ((scalar == "0" || scalar == "-0") && u >= '0' && u <= '9') {
      failure.pointer = builder.LastValuePointer();
      failure.message = "a number may not have a leading zero";
      return failure;
    }
    const char tail = scalar.empty() ? '\0' : scalar.back();
    if (tail == '-' || tail == '+' || tail == '.' || tail == 'e' || tail == 'E') {
      failure.message =
          absl::StrCat("invalid number \"", Sv(scalar), "\": expected a digit, found ", found);
      return failure;
    }
  }
  std::string expected;
  if (lex.root_done) {
    failure.message = absl::StrCat("unexpected text after the document, found ", found,
                                   "; a file holds one JSON value");
    return failure;
  }
  if (lex.open.empty()) {
    expected = "a value (an object, an array, a string, a number, true, false or null)";
  } else if (lex.open.back().bracket == '{') {
    switch (lex.last) {
      case '{':
        expected = "a key (a string in double quotes) or '}'";
        break;
      case ',':
        expected = u == '}' ? "a key after ','; a comma may not come before '}'"
                            : "a key (a string in double quotes)";
        break;
      case ':':
        expected = "a value";
        break;
      case '"':
        expected = lex.last_string_was_key ? "':' after the key" : "',' or '}' after a value";
        break;
      default:
        expected = "',' or '}' after a value";
        break;
    }
  } else {
    switch (lex.last) {
      case '[':
        expected = "a value or ']'";
        break;
      case ',':
        expected = u == ']' ? "a value after ','; a comma may not come before ']'" : "a value";
        break;
      default:
        expected = "',' or ']' after a value";
        break;
    }
  }
  failure.message = absl::StrCat("syntax error: expected ", expected, ", found ", found);
  return failure;
}

}  // namespace

const Member* Node::Find(std::string_view key) const {
  for (const Member& m : members) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

Node Node::String(std::string value) {
  Node n;
  n.kind = Kind::kString;
  n.string = std::move(value);
  return n;
}

Node Node::Int(std::int64_t value) {
  Node n;
  n.kind = Kind::kInt;
  n.integer = value;
  return n;
}

Node Node::Number(double value) {
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (std::isfinite(value) && std::trunc(value) == value && std::abs(value) <= kExact) {
    return Int(static_cast<std::int64_t>(value));
  }
  Node n;
  n.kind = Kind::kDouble;
  n.number = value;
  return n;
}

Node Node::Bool(bool value) {
  Node n;
  n.kind = Kind::kBool;
  n.boolean = value;
  return n;
}

Node Node::Object() {
  Node n;
  n.kind = Kind::kObject;
  return n;
}

Node Node::Array() {
  Node n;
  n.kind = Kind::kArray;
  return n;
}

Node& Node::Add(std::string key, Node value) {
  members.push_back(Member{std::move(key), 0, std::move(value)});
  return *this;
}

std::size_t JsonText::OffsetOfToken(std::size_t ordinal) const {
  std::size_t count = 0;
  std::size_t i = 0;
  const std::size_t n = text_.size();
  while (i < n) {
    const char c = text_[i];
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case ',':
      case ':':
      case ']':
      case '}':
        ++i;
        break;
      case '{':
      case '[':
        if (count++ == ordinal) return i;
        ++i;
        break;
      case '"':
        if (count++ == ordinal) return i;
        ++i;
        while (i < n && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
        ++i;
        break;
      default:
        if (count++ == ordinal) return i;
        while (i < n && !IsDelimiter(text_[i])) ++i;
        break;
    }
  }
  return n;
}

std::pair<int, int> JsonText::LineColumn(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  int line = first_line_;
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto u = static_cast<unsigned char>(text_[i]);
    if (u == '\n') {
      ++line;
      column = 1;
    } else if ((u & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

absl::Status JsonText::ErrorAt(absl::StatusCode code, std::size_t offset, std::string_view pointer,
                               std::string_view message) const {
  const auto [line, column] = LineColumn(offset);
  return MakeLocatedError(code, source_, ErrorLocation{std::string(pointer), line, column},
                          message);
}

absl::Status JsonText::ErrorAtToken(absl::StatusCode code, std::size_t ordinal,
                                    std::string_view pointer, std::string_view message) const {
  return ErrorAt(code, OffsetOfToken(ordinal), pointer, message);
}

std::string EncodeErrorLocation(const ErrorLocation& location) {
  return absl::StrCat(location.line, ":", location.column, ":", location.pointer);
}

std::optional<ErrorLocation> DecodeErrorLocation(std::string_view payload) {
  const std::size_t first = payload.find(':');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = payload.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  ErrorLocation location;
  const auto parse = [](std::string_view digits, int& out) {
    const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return err == std::errc() && end == digits.data() + digits.size();
  };
  if (!parse(payload.substr(0, first), location.line) ||
      !parse(payload.substr(first + 1, second - first - 1), location.column)) {
    return std::nullopt;
  }
  location.pointer = std::string(payload.substr(second + 1));
  return location;
}

absl::Status MakeLocatedError(absl::StatusCode code, std::string_view source,
                              const ErrorLocation& location, std::string_view message) {
  absl::Status status(code, absl::StrCat(Sv(source), ":", location.line, ":", location.column, ": ",
                                         location.pointer.empty() ? "(root)" : location.pointer,
                                         ": ", Sv(message)));
  status.SetPayload(Sv(kErrorLocationPayloadUrl), absl::Cord(EncodeErrorLocation(location)));
  return status;
}

absl::StatusOr<Node> ParseTree(const JsonText& json, const ParseOptions& options,
                               std::string_view limits) {
  const std::string_view text = json.text();
  if (text.size() > options.max_document_bytes) {
    return json.ErrorAt(
        absl::StatusCode::kResourceExhausted, 0, "",
        absl::StrCat("the document is ", text.size(), " bytes, more than the limit of ",
                     options.max_document_bytes, " bytes (", Sv(limits), "::max_document_bytes)"));
  }
  const std::size_t invalid = FindInvalidUtf8(text);
  const std::size_t end = invalid == std::string_view::npos ? text.size() : invalid;
  const std::size_t max_depth = std::min(options.max_depth, kMaxSupportedDepth);

  bj::parse_options boost_options;
  boost_options.max_depth = max_depth;
  bj::basic_parser<TreeBuilder> parser(boost_options, options.max_string_bytes, limits);
  bj::error_code ec;
  // With invalid UTF-8 ahead, parse only the text before it (more = true), so
  // that an earlier error wins and the builder knows the place of the bad byte.
  const std::size_t consumed =
      parser.write_some(invalid != std::string_view::npos, text.data(), end, ec);
  const TreeBuilder& builder = parser.handler();
  if (builder.failure()) {
    const ParseFailure& f = *builder.failure();
    std::string message = f.message;
    if (builder.first_token() != std::numeric_limits<std::size_t>::max()) {
      // Name the first occurrence of a duplicate key by line and column.
      const auto [line, column] = json.LineColumn(json.OffsetOfToken(builder.first_token()));
      absl::StrAppend(&message, " (first at ", line, ":", column, ")");
    }
    return json.ErrorAtToken(f.code, f.offset, f.pointer, message);
  }
  if (ec) {
    const ParseFailure f = DescribeSyntaxError(json, consumed, ec, builder, max_depth, limits);
    return json.ErrorAt(f.code, f.offset, f.pointer, f.message);
  }
  if (invalid != std::string_view::npos) {
    std::string bytes;
    for (std::size_t i = invalid; i < text.size() && i < invalid + 4; ++i) {
      if (i > invalid && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) break;
      absl::StrAppendFormat(&bytes, "%s0x%02X", i == invalid ? "" : " ",
                            static_cast<unsigned char>(text[i]));
    }
    Lexer lex;
    lex.Scan(text.substr(0, invalid));
    return json.ErrorAt(absl::StatusCode::kInvalidArgument, invalid,
                        parser.handler().Pointer(parser.handler().has_pending_key() ||
                                                 (parser.handler().in_array() && lex.in_string)),
                        absl::StrCat("invalid UTF-8: the bytes ", bytes,
                                     " do not form a character; save the document as UTF-8"));
  }
  if (consumed < text.size()) {
    const ParseFailure f = DescribeSyntaxError(json, consumed, ec, builder, max_depth, limits);
    return json.ErrorAt(f.code, f.offset, f.pointer, f.message);
  }
  return parser.handler().TakeRoot();
}

void WriteString(std::string_view value, std::string& out) {
  out.push_back('"');
  std::size_t i = 0;
  while (i < value.size()) {
    const char c = value[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t length = Utf8SequenceLength(value, i);
      if (length == 0) {
        out.append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
        ++i;
      } else {
        out.append(value.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default:
        if (u < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", u);
        } else {
          out.push_back(c);
        }
        break;
    }
    ++i;
  }
  out.push_back('"');
}

void WriteNumber(double value, std::string& out) {
  if (!std::isfinite(value)) {
    out.append("null");  // JSON has no infinities; the loader rejects this where a number is due.
    return;
  }
  const Node as_node = Node::Number(value);
  if (as_node.kind == Node::Kind::kInt) {
    absl::StrAppend(&out, as_node.integer);
    return;
  }
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  if (text.find_first_of(".eE") == std::string_view::npos) {
    // A large integral double: write it with an exponent, since an integer
    // literal beyond 64 bits is an error to the loader.
    result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    text = std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer));
  }
  // to_chars writes exponents as printf does ("1e-07", "1e+300"); the
  // canonical form drops the '+' and the leading zeros: "1e-7", "1e300".
  const std::size_t e = text.find('e');
  if (e == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.append(text.substr(0, e + 1));
  std::size_t digits = e + 1;
  if (text[digits] == '-') out.push_back(text[digits]);
  if (text[digits] == '-' || text[digits] == '+') ++digits;
  while (digits + 1 < text.size() && text[digits] == '0') ++digits;
  out.append(text.substr(digits));
}

void WriteCanonical(const Node& node, int depth, std::string& out) {
  const auto indent = [&out](int level) { out.append(static_cast<std::size_t>(level) * 2, ' '); };
  switch (node.kind) {
    case Node::Kind::kNull:
      out.append("null");
      return;
    case Node::Kind::kBool:
      out.append(node.boolean ? "true" : "false");
      return;
    case Node::Kind::kInt:
      absl::StrAppend(&out, node.integer);
      return;
    case Node::Kind::kUint:
      absl::StrAppend(&out, node.unsigned_integer);
      return;
    case Node::Kind::kDouble:
      WriteNumber(node.number, out);
      return;
    case Node::Kind::kString:
      WriteString(node.string, out);
      return;
    case Node::Kind::kArray: {
      if (node.items.empty()) {
        out.append("[]");
        return;
      }
      const bool numbers = std::all_of(node.items.begin(), node.items.end(),
                                       [](const Node& n) { return n.is_number(); });
      if (numbers) {
        out.push_back('[');
        for (std::size_t i = 0; i < node.items.size(); ++i) {
          if (i > 0) out.append(", ");
          WriteCanonical(node.items[i], depth + 1, out);
        }
        out.push_back(']');
        return;
      }
      out.append("[\n");
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        indent(depth + 1);
        WriteCanonical(node.items[i], depth + 1, out);
        out.append(i + 1 < node.items.size() ? ",\n" : "\n");
      }
      indent(depth);
      out.push_back(']');
      return;
    }
    case Node::Kind::kObject: {
      if (node.members.empty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      for (std::size_t i = 0; i < node.members.size(); ++i) {
        indent(depth + 1);
        WriteString(node.members[i].key, out);
        out.append(": ");
        WriteCanonical(node.members[i].value, depth + 1, out);
        out.append(i + 1 < node.members.size() ? ",\n" : "\n");
      }
      indent(depth);
      out.push_back('}');
      return;
    }
  }
}

std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (const char c : token) {
    if (c == '~') {
      out.append("~0");
    } else if (c == '/') {
      out.append("~1");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string QuoteForMessage(std::string_view value) {
  constexpr int kMaxCodePoints = 40;
  std::string out = "\"";
  int count = 0;
  std::size_t i = 0;
  while (i < value.size()) {
    if (count == kMaxCodePoints) {
      out.append("...");
      break;
    }
    const auto u = static_cast<unsigned char>(value[i]);
    if (u < 0x20 || u == 0x7F) {
      absl::StrAppendFormat(&out, "\\u%04x", u);
      ++i;
    } else if (u == '"' || u == '\\') {
      out.push_back('\\');
      out.push_back(value[i]);
      ++i;
    } else if (u < 0x80) {
      out.push_back(value[i]);
      ++i;
    } else {
      const std::size_t length = Utf8SequenceLength(value, i);
      if (length == 0) {
        out.append("\xEF\xBF\xBD");
        ++i;
      } else {
        out.append(value.substr(i, length));
        i += length;
      }
    }
    ++count;
  }
  out.push_back('"');
  return out;
}

}  // namespace carelearn::detail
