// Tests of carelearn/io/json.hpp: canonical round trips and every class of
// load error, each with its exact status code and message.
#include "carelearn/io/json.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include <unistd.h>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace carelearn {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

ParseOptions Named(std::string name = "t.json") {
  ParseOptions options;
  options.source_name = std::move(name);
  return options;
}

// A valid format document with `members` added at the end of its object.
std::string Minimal(std::string_view members = "") {
  std::string text = R"({"carelearn": "format/1", "id": "x", "version": 1, "title": {"da": "t"}, )"
                     R"("purpose": {"en": "p"})";
  if (!members.empty()) text.append(", ").append(members);
  text.append("}");
  return text;
}

// A valid format whose one step has `budget` as its budget.
std::string WithBudget(std::string_view budget) {
  return Minimal(std::string(R"("steps": [{"id": "s", "title": {"da": "t"}, "budget": )") +
                 std::string(budget) + R"(, "participation": "round"}])");
}

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// Expects ParseFormat(`json`) to fail with `code` and exactly `message`.
void ExpectFormatError(std::string_view json, absl::StatusCode code, std::string_view message,
                       const ParseOptions& options = Named()) {
  const absl::StatusOr<Format> result = ParseFormat(json, options);
  ASSERT_FALSE(result.ok()) << "parsed: " << json;
  EXPECT_EQ(result.status().code(), code) << result.status();
  EXPECT_EQ(Message(result.status()), message);
}

// ---------------------------------------------------------------- round trips

TEST(JsonRoundTrip, ExemplarIsByteIdentical) {
  const std::string text =
      ReadFile(CARELEARN_SOURCE_DIR "/catalog/systematic-learning-meeting.json");
  ASSERT_FALSE(text.empty());
  const absl::StatusOr<Format> format = ParseFormat(text, Named("exemplar"));
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_EQ(format->id, "systematic-learning-meeting");
  ASSERT_EQ(format->steps.size(), 5u);
  EXPECT_EQ(format->steps[2].budget, TimeBudget::Range(1, 2));
  EXPECT_EQ(format->steps[3].budget, TimeBudget::PerParticipant(1, 1).About());
  EXPECT_EQ(format->steps[1].question_sets, std::vector<std::string>{"learning-questions"});
  ASSERT_TRUE(format->cadence.has_value());
  EXPECT_EQ(format->cadence->interval, 2);
  EXPECT_EQ(format->cadence->unit, Period::kWeek);
  EXPECT_TRUE(format->setting.standing);
  EXPECT_EQ(format->outputs[1].destination, "leader");
  EXPECT_EQ(ToJson(*format), text);
}

TEST(JsonRoundTrip, EveryCatalogDocumentIsCanonical) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CARELEARN_SOURCE_DIR "/catalog")) {
    if (entry.path().extension() != ".json") continue;
    const std::string text = ReadFile(entry.path());
    const absl::StatusOr<Document> document = ParseDocument(text, Named(entry.path().string()));
    ASSERT_TRUE(document.ok()) << document.status();
    const std::string saved = std::visit([](const auto& d) { return ToJson(d); }, *document);
    EXPECT_EQ(saved, text) << entry.path();
    ++count;
  }
  EXPECT_GE(count, 1);
}

TEST(JsonRoundTrip, VariantTestDataIsByteIdentical) {
  const std::string text = ReadFile(CARELEARN_TEST_DATA_DIR "/evening-learning-meeting.json");
  const absl::StatusOr<Variant> variant = ParseVariant(text, Named());
  ASSERT_TRUE(variant.ok()) << variant.status();
  EXPECT_EQ(variant->extends.id, "systematic-learning-meeting");
  EXPECT_EQ(variant->extends.version, 1);
  ASSERT_TRUE(variant->setting.has_value());
  EXPECT_EQ(*variant->setting, Setting{});
  ASSERT_TRUE(variant->roles.has_value());
  EXPECT_TRUE(variant->roles->empty());
  EXPECT_FALSE(variant->outputs.has_value());
  ASSERT_EQ(variant->changes.size(), 5u);
  EXPECT_EQ(variant->changes[0], StepChange::Remove("joint-reflection"));
  EXPECT_EQ(variant->changes[1],
            StepChange::SetBudget("learning-questions", TimeBudget::Range(5, 7.5).About()));
  EXPECT_EQ(variant->changes[2].op, StepChange::Op::kAdd);
  EXPECT_EQ(variant->changes[2].target, "case");
  ASSERT_TRUE(variant->changes[2].step.has_value());
  EXPECT_EQ(variant->changes[2].step->budget, TimeBudget::PerParticipant(0.5, 1).Skipping(1));
  EXPECT_EQ(variant->changes[2].step->extensions,
            "{\n  \"kommune.example/timer\": {\n    \"sound\": \"bell\",\n    \"volume\": "
            "[0.25, 1e-7],\n    \"tags\": [],\n    \"meta\": {}\n  }\n}");
  EXPECT_EQ(variant->changes[4].step->budget, TimeBudget::Open());
  EXPECT_EQ(variant->extensions,
            "{\n  \"note\": \"Tab\\tand \\\"quotes\\\" and \\\\ and \\u0001\"\n}");
  EXPECT_EQ(ToJson(*variant), text);
}

TEST(JsonRoundTrip, QuestionSetTestDataIsByteIdentical) {
  const std::string text = ReadFile(CARELEARN_TEST_DATA_DIR "/learning-questions.json");
  const absl::StatusOr<QuestionSet> set = ParseQuestionSet(text, Named());
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(set->version, 2);
  ASSERT_EQ(set->prompts.size(), 2u);
  EXPECT_EQ(set->prompts[1].text.en, "");
  EXPECT_EQ(ToJson(*set), text);
}

TEST(JsonRoundTrip, ParseDocumentChoosesByKind) {
  const absl::StatusOr<Document> format = ParseDocument(Minimal());
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_TRUE(std::holds_alternative<Format>(*format));
  const absl::StatusOr<Document> set = ParseDocument(
      R"({"carelearn": "question-set/1", "id": "q", "version": 1, "title": {"da": "t"},
          "prompts": [{"id": "a", "text": {"en": "Why?"}}]})");
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE(std::holds_alternative<QuestionSet>(*set));
  const absl::StatusOr<Document> variant = ParseDocument(
      R"({"carelearn": "variant/1", "id": "v", "version": 1, "extends": {"id": "x"}})");
  ASSERT_TRUE(variant.ok()) << variant.status();
  EXPECT_TRUE(std::holds_alternative<Variant>(*variant));
}

TEST(JsonWrite, CanonicalFormOfABuiltFormat) {
  Format format;
  format.id = "huddle";
  format.version = 3;
  format.title = {"Tavlemøde", ""};
  format.purpose = {"", "Short daily check-in."};
  format.duration = TimeBudget::Range(0.5, 1, TimeUnit::kDay);
  format.capacity = Capacity{};  // the default: written all the same
  Step step;
  step.id = "check-in";
  step.title = {"Runde", "Round"};
  step.budget = TimeBudget::PerParticipant(0.1, 0.1, TimeUnit::kHour);
  step.participation = Participation::kRound;
  format.steps.push_back(step);
  format.lineage.push_back(FormatRef{"base", std::nullopt});
  EXPECT_EQ(ToJson(format),
            R"({
  "carelearn": "format/1",
  "id": "huddle",
  "version": 3,
  "title": {
    "da": "Tavlemøde"
  },
  "purpose": {
    "en": "Short daily check-in."
  },
  "setting": {
    "place": "workplace"
  },
  "capacity": {
    "min": 1
  },
  "duration": {
    "kind": "range",
    "days": [0.5, 1]
  },
  "steps": [
    {
      "id": "check-in",
      "title": {
        "da": "Runde",
        "en": "Round"
      },
      "budget": {
        "kind": "per-participant",
        "hours": 0.1
      },
      "participation": "round"
    }
  ],
  "lineage": [
    {
      "id": "base"
    }
  ]
}
)");
}

TEST(JsonWrite, NumbersAreIntegersWhenIntegralAndShortestOtherwise) {
  const std::string text =
      WithBudget(R"({"kind": "range", "minutes": [30.0, 1.5e1], "about": false})");
  const absl::StatusOr<Format> format = ParseFormat(text);
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_NE(ToJson(*format).find("\"minutes\": [30, 15]\n"), std::string::npos);
  Format f = *format;
  f.steps[0].budget = TimeBudget::Range(0.1, 1e300);
  EXPECT_NE(ToJson(f).find("\"minutes\": [0.1, 1e300]\n"), std::string::npos);
  EXPECT_EQ(ParseFormat(ToJson(f))->steps[0].budget, f.steps[0].budget);
}

TEST(JsonWrite, ExtensionsAreKeptInTheirOrder) {
  const std::string text = Minimal(
      R"("extensions": {"z": 1, "a": [1, 2.50, "x", null, true], "m": {"k": {}}, "e": []})");
  const absl::StatusOr<Format> format = ParseFormat(text);
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_EQ(format->extensions, R"({
  "z": 1,
  "a": [
    1,
    2.5,
    "x",
    null,
    true
  ],
  "m": {
    "k": {}
  },
  "e": []
})");
  const std::string saved = ToJson(*format);
  EXPECT_NE(saved.find("  \"extensions\": {\n    \"z\": 1,\n    \"a\": [\n      1,\n"),
            std::string::npos)
      << saved;
  EXPECT_EQ(ParseFormat(saved)->extensions, format->extensions);
  EXPECT_EQ(ParseFormat(Minimal(R"("extensions": {})"))->extensions, "");
}

TEST(JsonWrite, ExtensionsThatAreNotAnObjectAreKeptAsAString) {
  Format format = *ParseFormat(Minimal());
  format.extensions = "not json";
  const std::string saved = ToJson(format);
  EXPECT_NE(saved.find("  \"extensions\": \"not json\"\n"), std::string::npos);
  ExpectFormatError(saved, absl::StatusCode::kInvalidArgument,
                    "t.json:17:17: /extensions: expected an object, found the string \"not json\"");
}

TEST(JsonWrite, CanonicalExtensions) {
  const absl::StatusOr<std::string> text = CanonicalExtensions(R"({"room":"B2","chairs":8.0})");
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "{\n  \"room\": \"B2\",\n  \"chairs\": 8\n}");
  EXPECT_EQ(*CanonicalExtensions("{}"), "");
  const absl::StatusOr<std::string> array = CanonicalExtensions("[1]");
  EXPECT_EQ(array.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(array.status()),
            "<input>:1:1: (root): expected an object: extensions are a JSON object");
}

TEST(JsonWrite, StringsAreEscapedOnlyWhereJsonRequires) {
  Format format = *ParseFormat(Minimal());
  format.title.da = "æøå \"q\" \\ \n\t\x01 / \xE2\x80\xA8";
  const std::string saved = ToJson(format);
  EXPECT_NE(saved.find(R"("da": "æøå \"q\" \\ \n\t\u0001 / )"
                       "\xE2\x80\xA8\""),
            std::string::npos)
      << saved;
  EXPECT_EQ(ParseFormat(saved)->title, format.title);
}

// ---------------------------------------------------------------- syntax errors

TEST(JsonSyntaxError, MissingCommaHasLineAndColumn) {
  ExpectFormatError("{\"carelearn\": \"format/1\",\n  \"steps\": [\n    {\"id\": \"a\" \"b\": 1}]}",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:3:16: /steps/0: syntax error: expected ',' or '}' after a value, "
                    "found a string");
}

TEST(JsonSyntaxError, TrailingComma) {
  ExpectFormatError("{\"carelearn\": \"format/1\",\n  \"id\": \"a\",\n}",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:3:1: (root): syntax error: expected a key after ','; a comma may not "
                    "come before '}', found '}'");
  ExpectFormatError(Minimal(R"("lineage": [{"id": "a"},])"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:122: /lineage: syntax error: expected a value after ','; a comma "
                    "may not come before ']', found ']'");
}

TEST(JsonSyntaxError, MissingColon) {
  ExpectFormatError(R"({"carelearn" "format/1"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:14: /carelearn: syntax error: expected ':' after the key, found a "
                    "string");
}

TEST(JsonSyntaxError, TruncatedDocument) {
  ExpectFormatError("{\"carelearn\": \"format/1\",\n  \"steps\": [\n    {\"id\": \"a\"",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:3:15: /steps/0: unexpected end of the document; the object opened at "
                    "3:5 is not closed; the document is truncated");
  ExpectFormatError("{\"carelearn\": \"format/1\",\n  \"steps\": [\n    {\"id\": \"a",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:3:14: /steps/0/id: unexpected end of the document in the string that "
                    "starts at 3:12; the document is truncated");
}

TEST(JsonSyntaxError, EmptyDocument) {
  ExpectFormatError("", absl::StatusCode::kInvalidArgument,
                    "t.json:1:1: (root): the document is empty; expected a JSON object");
  ExpectFormatError(" \n ", absl::StatusCode::kInvalidArgument,
                    "t.json:2:2: (root): the document is empty; expected a JSON object");
}

TEST(JsonSyntaxError, TextAfterTheDocument) {
  ExpectFormatError(Minimal() + "\n{}", absl::StatusCode::kInvalidArgument,
                    "t.json:2:1: (root): unexpected text after the document, found '{'; a file "
                    "holds one JSON value");
}

TEST(JsonSyntaxError, InvalidUtf8NamesTheByteAndThePlace) {
  ExpectFormatError("{\"carelearn\": \"format/1\",\n \"title\": {\"da\": \"bl\xC3\xA5 \xFF!\"}}",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:2:23: /title/da: invalid UTF-8: the bytes 0xFF do not form a "
                    "character; save the document as UTF-8");
  // An overlong encoding and an encoded surrogate are invalid too.
  ExpectFormatError("{\"id\": \"\xC0\xAF\"}", absl::StatusCode::kInvalidArgument,
                    "t.json:1:9: /id: invalid UTF-8: the bytes 0xC0 0xAF do not form a "
                    "character; save the document as UTF-8");
  ExpectFormatError("{\"id\": \"\xED\xA0\x80\"}", absl::StatusCode::kInvalidArgument,
                    "t.json:1:9: /id: invalid UTF-8: the bytes 0xED 0xA0 0x80 do not form a "
                    "character; save the document as UTF-8");
}

TEST(JsonSyntaxError, AnEarlierSyntaxErrorWinsOverLaterInvalidUtf8) {
  ExpectFormatError("{\"a\" 1, \"b\": \"\xFF\"}", absl::StatusCode::kInvalidArgument,
                    "t.json:1:6: /a: syntax error: expected ':' after the key, found \"1\"");
}

TEST(JsonSyntaxError, ByteOrderMark) {
  ExpectFormatError("\xEF\xBB\xBF" + Minimal(), absl::StatusCode::kInvalidArgument,
                    "t.json:1:1: (root): the document starts with a byte order mark (U+FEFF); "
                    "save it as UTF-8 without one");
}

TEST(JsonSyntaxError, StringContents) {
  ExpectFormatError("{\"id\": \"tab\there\"}", absl::StatusCode::kInvalidArgument,
                    "t.json:1:12: /id: a string may not hold the raw control character U+0009; "
                    "write it as an escape such as \\n or \\u0009");
  ExpectFormatError(R"({"id": "a\qb"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:11: /id: invalid escape sequence in a string: expected one of \\\" "
                    "\\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found 'q'");
  ExpectFormatError(R"({"id": "\u12G4"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:13: /id: expected 4 hex digits after \\u in a string, found 'G'");
  ExpectFormatError(R"({"id": "\ud800"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:15: /id: a UTF-16 high surrogate escape (\\ud800-\\udbff) must be "
                    "followed by a low surrogate escape (\\udc00-\\udfff), found '\"'");
  ExpectFormatError(
      R"({"id": "\udc00"})", absl::StatusCode::kInvalidArgument,
      "t.json:1:15: /id: invalid \\u escape: a UTF-16 low surrogate (\\udc00-\\udfff) "
      "must follow a high surrogate (\\ud800-\\udbff)");
}

TEST(JsonSyntaxError, Numbers) {
  ExpectFormatError(R"({"version": 01})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:14: /version: a number may not have a leading zero");
  ExpectFormatError(R"({"version": 1.})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:15: /version: invalid number \"1.\": expected a digit, found '}'");
  ExpectFormatError(R"({"version": tru})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:13: /version: syntax error: expected a value, found \"tru\"");
  ExpectFormatError(R"({"version": NaN})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:13: /version: syntax error: expected a value, found \"NaN\"");
}

// ---------------------------------------------------------------- Boost.JSON's traps

TEST(JsonTrap, DuplicateKeysAreRejected) {
  ExpectFormatError("{\"carelearn\": \"format/1\",\n \"id\": \"a\",\n \"id\": \"b\"}",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:3:2: /id: duplicate key \"id\"; a key may appear only once in an "
                    "object (first at 2:2)");
}

TEST(JsonTrap, DuplicateKeysInExtensionsAreRejected) {
  ExpectFormatError(Minimal(R"("extensions": {"a": {"k": 1, "k": 2}})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:127: /extensions/a/k: duplicate key \"k\"; a key may appear only "
                    "once in an object (first at 1:119)");
}

TEST(JsonTrap, DuplicateKeysInLargeObjectsAreRejected) {
  std::string members;
  for (int i = 0; i < 100; ++i) members += "\"k" + std::to_string(i) + "\": 0, ";
  members += "\"k57\": 1";
  const absl::StatusOr<Format> result =
      ParseFormat(Minimal("\"extensions\": {" + members + "}"), Named());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(Message(result.status()).find("/extensions/k57: duplicate key \"k57\""),
            std::string::npos)
      << result.status();
}

TEST(JsonTrap, ThirtyDigitIntegerIsRejected) {
  ExpectFormatError(R"({"carelearn": "format/1", "version": 123456789012345678901234567890})",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:38: /version: the integer 123456789012345678901234567890 is too "
                    "large; integers must lie within -9223372036854775808 and "
                    "18446744073709551615");
  // Also where any value is allowed.
  ExpectFormatError(Minimal(R"("extensions": {"n": [-9223372036854775809]})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:119: /extensions/n/0: the integer -9223372036854775809 is too large; "
                    "integers must lie within -9223372036854775808 and 18446744073709551615");
}

TEST(JsonTrap, NumberThatOverflowsToInfinityIsRejected) {
  ExpectFormatError(WithBudget(R"({"kind": "fixed", "minutes": 1e400})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:181: /steps/0/budget/minutes: the number 1e400 is out of range; "
                    "numbers must be finite doubles");
  ExpectFormatError(Minimal(R"("extensions": {"n": -1.5E+999})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:118: /extensions/n: the number -1.5E+999 is out of range; numbers "
                    "must be finite doubles");
}

TEST(JsonTrap, UnderflowReadsAsZero) {
  const absl::StatusOr<Format> format =
      ParseFormat(WithBudget(R"({"kind": "fixed", "minutes": 1e-400})"));
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_EQ(format->steps[0].budget.min, 0.0);
}

std::string Nested(int depth) {
  return Minimal("\"extensions\": {\"deep\": " + std::string(static_cast<std::size_t>(depth), '[') +
                 std::string(static_cast<std::size_t>(depth), ']') + "}");
}

TEST(JsonTrap, NestingBeyondBoostsDefaultButWithinOurLimitIsRead) {
  // The document's object and "extensions" are 2 levels; 60 arrays make 62.
  const absl::StatusOr<Format> format = ParseFormat(Nested(60));
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_EQ(ToJson(*ParseFormat(ToJson(*format))), ToJson(*format));
}

TEST(JsonTrap, DeepExtensionsReadWithARaisedLimitAreKept) {
  ParseOptions deep;
  deep.max_depth = 200;
  const absl::StatusOr<Format> format = ParseFormat(Nested(150), deep);
  ASSERT_TRUE(format.ok()) << format.status();
  const std::string saved = ToJson(*format);
  EXPECT_EQ(std::count(saved.begin(), saved.end(), '['), 150);
  EXPECT_EQ(ParseFormat(saved, deep)->extensions, format->extensions);
}

TEST(JsonTrap, NestingDeeperThanTheLimitIsItsOwnError) {
  const absl::StatusOr<Format> format = ParseFormat(Nested(63), Named());
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(Message(format.status()).substr(0, 25), "t.json:1:183: /extensions");
  EXPECT_NE(Message(format.status())
                .find(": nesting deeper than 64 levels of arrays and objects "
                      "(ParseOptions::max_depth)"),
            std::string::npos);
  ParseOptions shallow = Named();
  shallow.max_depth = 2;
  ExpectFormatError(Minimal(R"("extensions": {"a": {}})"), absl::StatusCode::kResourceExhausted,
                    "t.json:1:118: /extensions/a: nesting deeper than 2 levels of arrays and "
                    "objects (ParseOptions::max_depth)",
                    shallow);
}

TEST(JsonTrap, HugeDepthIsCappedNotACrash) {
  ParseOptions options = Named();
  options.max_depth = std::size_t{1} << 40;
  const std::string deep(200000, '[');
  const absl::StatusOr<Format> format = ParseFormat(deep, options);
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(JsonLimit, DocumentSize) {
  ParseOptions options = Named();
  options.max_document_bytes = 50;
  ExpectFormatError(Minimal(), absl::StatusCode::kResourceExhausted,
                    "t.json:1:1: (root): the document is 96 bytes, more than the limit of 50 "
                    "bytes (ParseOptions::max_document_bytes)",
                    options);
}

TEST(JsonLimit, StringLength) {
  ParseOptions options = Named();
  options.max_string_bytes = 9;
  ExpectFormatError(R"({"carelearn": "format/1", "id": "abcdefghij"})",
                    absl::StatusCode::kResourceExhausted,
                    "t.json:1:33: /id: a string longer than 9 bytes "
                    "(ParseOptions::max_string_bytes)",
                    options);
  ExpectFormatError(
      R"({"carelearn": "format/1", "extensions": 1})", absl::StatusCode::kResourceExhausted,
      "t.json:1:27: (root): a key longer than 9 bytes (ParseOptions::max_string_bytes)", options);
  const std::string long_title =
      Minimal("\"source\": {\"da\": \"" + std::string(70000, 'a') + "\"}");
  ExpectFormatError(long_title, absl::StatusCode::kResourceExhausted,
                    "t.json:1:115: /source/da: a string longer than 65536 bytes "
                    "(ParseOptions::max_string_bytes)");
}

// ---------------------------------------------------------------- document errors

TEST(JsonDocumentError, NotAnObject) {
  ExpectFormatError(
      "[1, 2]", absl::StatusCode::kInvalidArgument,
      "t.json:1:1: (root): expected an object (a carelearn document), found an array");
}

TEST(JsonDocumentError, MissingKind) {
  ExpectFormatError(R"({"id": "x"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:1: (root): missing required key \"carelearn\"; a carelearn document "
                    "names its kind first, as in \"carelearn\": \"format/1\"");
}

TEST(JsonDocumentError, NewerVersionIsAFailedPrecondition) {
  ExpectFormatError(R"({"carelearn": "format/2", "id": "x", "brand-new-key": true})",
                    absl::StatusCode::kFailedPrecondition,
                    "t.json:1:15: /carelearn: the document is \"format/2\", newer than "
                    "\"format/1\", the newest this version of carelearn reads");
}

TEST(JsonDocumentError, AnotherKindIsAFailedPrecondition) {
  ExpectFormatError(R"({"carelearn": "variant/1"})", absl::StatusCode::kFailedPrecondition,
                    "t.json:1:15: /carelearn: expected a \"format/1\" document, found "
                    "\"variant/1\"");
  const absl::StatusOr<QuestionSet> set = ParseQuestionSet(Minimal(), Named());
  EXPECT_EQ(set.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Message(set.status()),
            "t.json:1:15: /carelearn: expected a \"question-set/1\" document, found \"format/1\"");
}

TEST(JsonDocumentError, UnknownOrMalformedKind) {
  ExpectFormatError(R"({"carelearn": "recipe/1"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:15: /carelearn: unknown document kind \"recipe/1\"; expected "
                    "\"format/1\", \"variant/1\" or \"question-set/1\"");
  ExpectFormatError(R"({"carelearn": "format/01"})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:15: /carelearn: expected a document kind and version such as "
                    "\"format/1\", found the string \"format/01\"");
  ExpectFormatError(R"({"carelearn": 1})", absl::StatusCode::kInvalidArgument,
                    "t.json:1:15: /carelearn: expected a document kind and version such as "
                    "\"format/1\", found the number 1");
}

TEST(JsonDocumentError, UnknownKeySuggestsTheLikelyKey) {
  ExpectFormatError(
      WithBudget(R"({"kind": "fixed", "minutes": 5})").replace(141, 8, "\"budjet\""),
      absl::StatusCode::kInvalidArgument,
      "t.json:1:142: /steps/0/budjet: unknown key \"budjet\"; did you mean \"budget\"?");
  ExpectFormatError(Minimal(R"("Title": {"da": "x"})"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:98: /Title: unknown key \"Title\"; did you mean \"title\"?");
  ExpectFormatError(Minimal(R"("question-sets": [])"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:98: /question-sets: unknown key \"question-sets\"; expected one of "
                    "\"carelearn\", \"id\", \"version\", \"title\", \"purpose\", \"source\", "
                    "\"prerequisites\", \"setting\", \"capacity\", \"duration\", \"cadence\", "
                    "\"defined_roles\", \"roles\", \"steps\", \"outputs\", \"components\", "
                    "\"lineage\", \"extensions\"");
}

TEST(JsonDocumentError, UnknownKeyInAChangeNamesTheOp) {
  const absl::StatusOr<Variant> variant = ParseVariant(
      R"({"carelearn": "variant/1", "id": "v", "version": 1, "extends": {"id": "x"},
 "changes": [{"op": "remove", "target": "a", "step": {}}]})",
      Named());
  EXPECT_EQ(variant.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(variant.status()),
            "t.json:2:46: /changes/0/step: unknown key \"step\" in a \"remove\" change; "
            "expected one of \"op\", \"target\"");
}

TEST(JsonDocumentError, MissingRequiredKey) {
  ExpectFormatError(R"({"carelearn": "format/1", "id": "x", "version": 1, "purpose": {"da": "p"}})",
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:1: (root): missing required key \"title\"");
  ExpectFormatError(WithBudget(R"({"minutes": 5})"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:152: /steps/0/budget: missing required key \"kind\"");
}

TEST(JsonDocumentError, WrongType) {
  ExpectFormatError(
      R"({"carelearn": "format/1", "id": "x", "version": "1", "title": {"da": "t"}, "purpose": {"da": "p"}})",
      absl::StatusCode::kInvalidArgument,
      "t.json:1:49: /version: expected an integer from 1 to 2147483647, found the "
      "string \"1\"");
  ExpectFormatError(
      R"({"carelearn": "format/1", "id": ["x"], "version": 1, "title": {"da": "t"}, "purpose": {"da": "p"}})",
      absl::StatusCode::kInvalidArgument,
      "t.json:1:33: /id: expected a non-empty string, found an array");
  ExpectFormatError(Minimal(R"("setting": {"place": "workplace", "standing": "yes"})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:144: /setting/standing: expected true or false, found the string "
                    "\"yes\"");
}

TEST(JsonDocumentError, IntegersOutOfRange) {
  ExpectFormatError(
      R"({"carelearn": "format/1", "id": "x", "version": 0, "title": {"da": "t"}, "purpose": {"da": "p"}})",
      absl::StatusCode::kInvalidArgument,
      "t.json:1:49: /version: expected an integer from 1 to 2147483647, found the "
      "number 0");
  ExpectFormatError(
      R"({"carelearn": "format/1", "id": "x", "version": 2147483648, "title": {"da": "t"}, "purpose": {"da": "p"}})",
      absl::StatusCode::kInvalidArgument,
      "t.json:1:49: /version: expected an integer from 1 to 2147483647, found the "
      "number 2147483648");
  ExpectFormatError(
      R"({"carelearn": "format/1", "id": "x", "version": 1.5, "title": {"da": "t"}, "purpose": {"da": "p"}})",
      absl::StatusCode::kInvalidArgument,
      "t.json:1:49: /version: expected an integer from 1 to 2147483647, found the "
      "number 1.5");
  EXPECT_EQ(ParseFormat(R"({"carelearn": "format/1", "id": "x", "version": 2.0,
      "title": {"da": "t"}, "purpose": {"da": "p"}})")
                ->version,
            2);
}

TEST(JsonDocumentError, EnumValueSuggestsTheLikelyName) {
  ExpectFormatError(Minimal(R"("setting": {"place": "ofsite"})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:119: /setting/place: expected one of \"workplace\", "
                    "\"citizens-home\", \"off-site\", \"education\", found the string \"ofsite\"; "
                    "did you mean \"off-site\"?");
}

TEST(JsonDocumentError, TextNeedsALanguage) {
  ExpectFormatError(Minimal(R"("source": {})"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:108: /source: a text needs at least one language: \"da\" or \"en\"");
  ExpectFormatError(Minimal(R"("source": {"da": ""})"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:115: /source/da: expected a non-empty string, found the string \"\"");
  ExpectFormatError(Minimal(R"("source": {"de": "Quelle"})"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:109: /source/de: unknown key \"de\"; did you mean \"da\"?");
}

TEST(JsonDocumentError, Budgets) {
  ExpectFormatError(WithBudget(R"({"kind": "fixed", "minutes": 5, "hours": 1})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:184: /steps/0/budget/hours: a budget gives its amount in one unit; "
                    "found both \"minutes\" and \"hours\"");
  ExpectFormatError(WithBudget(R"({"kind": "open", "minutes": 5})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:169: /steps/0/budget/minutes: an \"open\" budget has no amount");
  ExpectFormatError(WithBudget(R"({"kind": "range"})"), absl::StatusCode::kInvalidArgument,
                    "t.json:1:152: /steps/0/budget: missing the amount: a \"range\" budget needs "
                    "one of \"minutes\", \"hours\" or \"days\"");
  ExpectFormatError(WithBudget(R"({"kind": "range", "minutes": [1, 2, 3]})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:181: /steps/0/budget/minutes: expected an array of two numbers "
                    "[low, high], found an array of 3 elements");
  ExpectFormatError(WithBudget(R"({"kind": "fixed", "minutes": [1, 2]})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:181: /steps/0/budget/minutes: expected a number of 0 or more (a "
                    "\"fixed\" budget has one amount; write a range as \"kind\": \"range\"), "
                    "found an array");
  ExpectFormatError(WithBudget(R"({"kind": "fixed", "minutes": -5})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:181: /steps/0/budget/minutes: expected a number of 0 or more, "
                    "found the number -5");
  ExpectFormatError(WithBudget(R"({"kind": "fixed", "minutes": 5, "skip": 1})"),
                    absl::StatusCode::kInvalidArgument,
                    "t.json:1:184: /steps/0/budget/skip: \"skip\" applies only to "
                    "\"per-participant\" budgets");
}

// ---------------------------------------------------------------- locations and files

TEST(JsonErrorLocation, CarriedAsAPayload) {
  const absl::StatusOr<Format> result =
      ParseFormat(Minimal("\n \"steps\": [{\"id\": 5}]"), Named());
  ASSERT_FALSE(result.ok());
  const std::optional<ErrorLocation> location = GetErrorLocation(result.status());
  ASSERT_TRUE(location.has_value());
  EXPECT_EQ(location->pointer, "/steps/0");
  EXPECT_EQ(location->line, 2);
  EXPECT_EQ(location->column, 12);
  EXPECT_FALSE(GetErrorLocation(absl::InternalError("elsewhere")).has_value());
  EXPECT_FALSE(GetErrorLocation(absl::OkStatus()).has_value());
}

TEST(JsonErrorLocation, ColumnsCountCharactersNotBytes) {
  const absl::StatusOr<Format> result =
      ParseFormat("{\"carelearn\": \"format/1\", \"titel\": {\"da\": \"æøå\"}, \"x\": 1}", Named());
  ASSERT_FALSE(result.ok());
  const std::optional<ErrorLocation> location = GetErrorLocation(result.status());
  ASSERT_TRUE(location.has_value());
  EXPECT_EQ(location->pointer, "/titel");
  EXPECT_EQ(location->column, 27);
}

TEST(JsonErrorLocation, PointerTokensAreEscaped) {
  const absl::StatusOr<Format> result = ParseFormat(R"({"carelearn": "format/1", "a/b~c": 1})");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(GetErrorLocation(result.status())->pointer, "/a~1b~0c");
  EXPECT_EQ(Message(result.status()).substr(0, 25), "<input>:1:27: /a~1b~0c: u");
}

class JsonFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("carelearn_io_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path Write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(JsonFileTest, LoadsAndNamesTheFileInErrors) {
  const std::filesystem::path good = Write("good.json", Minimal());
  const absl::StatusOr<Format> format = LoadFormat(good);
  ASSERT_TRUE(format.ok()) << format.status();
  EXPECT_EQ(format->id, "x");
  const std::filesystem::path bad = Write("bad.json", Minimal("\n\"steps\": 1"));
  const absl::StatusOr<Format> failed = LoadFormat(bad);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(failed.status()),
            bad.string() + ":2:10: /steps: expected an array, found the number 1");
  ParseOptions named;
  named.source_name = "mine";
  EXPECT_EQ(Message(LoadFormat(bad, named).status()).substr(0, 10), "mine:2:10:");
  const absl::StatusOr<Document> document = LoadDocument(good);
  ASSERT_TRUE(document.ok());
  EXPECT_TRUE(std::holds_alternative<Format>(*document));
  EXPECT_EQ(LoadVariant(good).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(LoadQuestionSet(good).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(JsonFileTest, MissingFileIsNotFound) {
  const std::filesystem::path missing = dir_ / "missing.json";
  const absl::StatusOr<Format> format = LoadFormat(missing);
  EXPECT_EQ(format.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(format.status()),
            missing.string() + ": cannot read: No such file or directory");
  EXPECT_EQ(LoadDocument(dir_).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(JsonFileTest, TooLargeFileIsNotReadWhole) {
  const std::filesystem::path big = Write("big.json", Minimal());
  ParseOptions options;
  options.max_document_bytes = 10;
  const absl::StatusOr<Format> format = LoadFormat(big, options);
  EXPECT_EQ(format.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(Message(format.status()),
            big.string() +
                ":1:1: (root): the document is 96 bytes, more than the limit of 10 "
                "bytes (ParseOptions::max_document_bytes)");
}

// ---------------------------------------------------------------- catalogs

TEST(JsonCatalog, AddsEachKind) {
  Catalog catalog;
  ASSERT_TRUE(AddToCatalog(catalog, ReadFile(CARELEARN_SOURCE_DIR
                                             "/catalog/systematic-learning-meeting.json"))
                  .ok());
  ASSERT_TRUE(
      AddToCatalog(catalog, ReadFile(CARELEARN_TEST_DATA_DIR "/learning-questions.json")).ok());
  EXPECT_NE(catalog.FindQuestionSet("learning-questions"), nullptr);
  const absl::Status duplicate = AddToCatalog(
      catalog, ReadFile(CARELEARN_SOURCE_DIR "/catalog/systematic-learning-meeting.json"),
      Named("again.json"));
  EXPECT_EQ(duplicate.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(Message(duplicate).substr(0, 12), "again.json: ");
  const absl::Status syntax = AddToCatalog(catalog, "{", Named("broken.json"));
  EXPECT_EQ(syntax.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(GetErrorLocation(syntax).has_value());
}

}  // namespace
}  // namespace carelearn
