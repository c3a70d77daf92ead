// Tests of the io layer's private JSON tree (src/io/json_tree.hpp): number
// and string writing, UTF-8 checks, pointers and token positions.
#include "io/json_tree.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace carelearn::detail {
namespace {

std::string Number(double value) {
  std::string out;
  WriteNumber(value, out);
  return out;
}

TEST(JsonTreeWrite, NumbersAreIntegersWhereIntegral) {
  EXPECT_EQ(Number(30), "30");
  EXPECT_EQ(Number(-0.0), "0");
  EXPECT_EQ(Number(-7), "-7");
  EXPECT_EQ(Number(9007199254740992.0), "9007199254740992");
}

TEST(JsonTreeWrite, OtherNumbersAreShortestAndKeepAFractionOrExponent) {
  EXPECT_EQ(Number(0.1), "0.1");
  EXPECT_EQ(Number(1.5), "1.5");
  EXPECT_EQ(Number(1e-7), "1e-7");
  EXPECT_EQ(Number(1e300), "1e300");
  EXPECT_EQ(Number(5e-324), "5e-324");
  // Integral but beyond 2^53: an integer literal could read back as another number.
  EXPECT_EQ(Number(18014398509481984.0), "1.8014398509481984e16");
  EXPECT_EQ(Number(1.2345678901234568e21), "1.2345678901234568e21");
  EXPECT_EQ(Number(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonTreeWrite, StringsEscapeOnlyWhatJsonNeeds) {
  std::string out;
  WriteString("a\"b\\c\n\t\x01\x7F æ 😀 /", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\u0001\x7F æ 😀 /\"");
  out.clear();
  WriteString("bad \xFF byte", out);
  EXPECT_EQ(out, "\"bad \xEF\xBF\xBD byte\"");
}

TEST(JsonTreeWrite, CanonicalLayout) {
  Node root = Node::Object();
  Node numbers = Node::Array();
  numbers.items.push_back(Node::Int(1));
  numbers.items.push_back(Node::Number(2.5));
  Node mixed = Node::Array();
  mixed.items.push_back(Node::Int(1));
  mixed.items.push_back(Node::String("x"));
  root.Add("numbers", std::move(numbers));
  root.Add("mixed", std::move(mixed));
  root.Add("empty", Node::Object());
  root.Add("none", Node::Array());
  std::string out;
  WriteCanonical(root, 0, out);
  EXPECT_EQ(out,
            "{\n  \"numbers\": [1, 2.5],\n  \"mixed\": [\n    1,\n    \"x\"\n  ],\n"
            "  \"empty\": {},\n  \"none\": []\n}");
}

TEST(JsonTreeUtf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("plain æøå 😀"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);            // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("\xC0\x80"), 0u);          // overlong
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // encoded surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ok\x80"), 2u);            // lone continuation byte
}

TEST(JsonTreePointer, TokensAreEscaped) {
  EXPECT_EQ(EscapePointerToken("a/b~c"), "a~1b~0c");
  EXPECT_EQ(EscapePointerToken(""), "");
}

TEST(JsonTreeMessage, QuotedValuesAreShortAndPrintable) {
  EXPECT_EQ(QuoteForMessage("a\"b\n"), "\"a\\\"b\\u000a\"");
  EXPECT_EQ(QuoteForMessage(std::string(50, 'x')), "\"" + std::string(40, 'x') + "...\"");
  EXPECT_EQ(QuoteForMessage("æ\xFF"), "\"æ\xEF\xBF\xBD\"");
}

TEST(JsonTreeLocation, PayloadRoundTrips) {
  const ErrorLocation location{"/a:b/0", 3, 14};
  const std::optional<ErrorLocation> decoded = DecodeErrorLocation(EncodeErrorLocation(location));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->pointer, "/a:b/0");
  EXPECT_EQ(decoded->line, 3);
  EXPECT_EQ(decoded->column, 14);
  EXPECT_FALSE(DecodeErrorLocation("nonsense").has_value());
  EXPECT_FALSE(DecodeErrorLocation("x:1:/").has_value());
}

TEST(JsonTreeText, TokensAndLineColumns) {
  const JsonText text("t", "{\"a\\\"\": [1, \"x,]\"],\n \"æ\": true}");
  EXPECT_EQ(text.OffsetOfToken(0), 0u);   // {
  EXPECT_EQ(text.OffsetOfToken(1), 1u);   // "a\""
  EXPECT_EQ(text.OffsetOfToken(2), 8u);   // [
  EXPECT_EQ(text.OffsetOfToken(3), 9u);   // 1
  EXPECT_EQ(text.OffsetOfToken(4), 12u);  // "x,]"
  EXPECT_EQ(text.OffsetOfToken(5), 21u);  // "æ"
  EXPECT_EQ(text.OffsetOfToken(6), 27u);  // true
  EXPECT_EQ(text.OffsetOfToken(7), text.text().size());
  EXPECT_EQ(text.LineColumn(27), (std::pair<int, int>{2, 7}));
}

TEST(JsonTreeParse, KeepsKeyOrderAndTokens) {
  const JsonText text("t", R"({"b": 1, "a": [true, null, 18446744073709551615, 0.5]})");
  const absl::StatusOr<Node> root = ParseTree(text, ParseOptions{});
  ASSERT_TRUE(root.ok()) << root.status();
  ASSERT_EQ(root->members.size(), 2u);
  EXPECT_EQ(root->members[0].key, "b");
  EXPECT_EQ(root->members[1].key, "a");
  const Node& a = root->members[1].value;
  EXPECT_EQ(a.items[2].kind, Node::Kind::kUint);
  EXPECT_EQ(a.items[3].kind, Node::Kind::kDouble);
  EXPECT_EQ(text.OffsetOfToken(a.items[3].token), 49u);
}

TEST(JsonTreeParse, ReadsDecimalsExactly) {
  // Boost.JSON 1.81 reads some decimals one unit in the last place off.
  const JsonText text("t",
                      "[0.1, 2.2250738585072011e-308, 1.7976931348623157e308, 9007199254740993]");
  const absl::StatusOr<Node> root = ParseTree(text, ParseOptions{});
  ASSERT_TRUE(root.ok()) << root.status();
  EXPECT_EQ(root->items[0].number, 0.1);
  EXPECT_EQ(root->items[1].number, 2.2250738585072011e-308);
  EXPECT_EQ(root->items[2].number, 1.7976931348623157e308);
  EXPECT_EQ(root->items[3].integer, 9007199254740993);
}

}  // namespace
}  // namespace carelearn::detail
