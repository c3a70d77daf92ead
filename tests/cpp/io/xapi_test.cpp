// Tests of carelearn/io/xapi.hpp: UUID v5 against RFC 4122's and Python's
// values, the statements of a hand-worked session (verbs, order, ids,
// timestamps, durations, context), what is never exported, and errors.
#include "carelearn/io/xapi.hpp"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "boost/json.hpp"
#include "carelearn/record/identifiers.hpp"
#include "gtest/gtest.h"

namespace carelearn {
namespace {

namespace bj = boost::json;

constexpr std::string_view kHome = "https://pseudonyms.example-kommune.dk";

absl::Time At(int hour, int minute, int second = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, 3, 4, hour, minute, second), absl::UTCTimeZone());
}

// A systematic learning meeting held by home-care-north on 4 March 2026.
Session Meeting() {
  Session s;
  s.id = "s-1";
  s.format_id = "systematic-learning-meeting";
  s.format_version = 1;
  s.unit = "home-care-north";
  s.planned_start = At(14, 0);
  s.actual_start = At(14, 2);
  s.actual_end = At(14, 33, 30);
  s.participants = {{"p-facilitator", "facilitator", "home-care-north", "nurse", Shift::kDay},
                    {"p-presenter", "case-presenter", "home-care-north", "", Shift::kDay},
                    {"p-colleague", "colleague", "home-care-south", "", Shift::kEvening}};
  s.steps = {{"case", At(14, 2), At(14, 7)},
             {"learning-questions", At(14, 7), At(14, 17)},
             {"case-learning", At(14, 17), At(14, 18, 30)},
             {"round", At(14, 18, 30), At(14, 22)},
             {"joint-reflection", At(14, 22), At(14, 33, 30)}};
  s.prompts = {{"learning-questions", "biggest-challenge"}, {"learning-questions", "roles"}};
  s.presented_case = Case{"fall", "citizen-7f3a9c"};
  s.learning_points = {{"case-learning", "Check the shoes before a walk", "", false},
                       {"round", "Fru Hansen fell twice this week", "p-colleague", true}};
  Action action;
  action.id = "a1";
  action.step_id = "joint-reflection";
  action.text = "A fall round every morning";
  action.owner = "leader";
  action.history = {{ActionStatus::kOpen, At(14, 25)}};
  s.actions = {action};
  s.notes = {{"round", NoteKind::kReflection, "Confidential remark about a colleague", true}};
  return s;
}

bj::array Statements(const Session& s, bool include_text = false) {
  XapiOptions options;
  options.home_page = std::string(kHome);
  options.include_text = include_text;
  absl::StatusOr<std::string> json = ToXapiStatements(s, options);
  EXPECT_TRUE(json.ok()) << json.status();
  if (!json.ok()) return {};
  return bj::parse(*json).as_array();
}

std::string Str(const bj::value& v) { return std::string(v.as_string()); }

TEST(UuidV5Test, MatchesRfc4122AndPython) {
  // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example of Python's documentation.
  EXPECT_EQ(*UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  // carelearn's namespace is uuid.uuid5(uuid.NAMESPACE_URL, "https://carelearn.dk/xapi").
  EXPECT_EQ(*UuidV5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://carelearn.dk/xapi"),
            xapi::kUuidNamespace);
  EXPECT_EQ(*UuidV5("6BA7B811-9DAD-11D1-80B4-00C04FD430C8", "https://carelearn.dk/xapi"),
            xapi::kUuidNamespace);
  EXPECT_EQ(XapiRegistration("s-1"), "aba0caf6-fe3c-55dc-8639-e8aa6d11ded2");
  absl::StatusOr<std::string> bad = UuidV5("not-a-uuid", "x");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "the namespace \"not-a-uuid\" is not a UUID of the form "
            "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
}

TEST(XapiTest, TheStatementsOfAHeldMeetingInOrder) {
  const bj::array statements = Statements(Meeting());
  std::vector<std::string> verbs;
  for (const bj::value& s : statements) {
    const std::string verb = Str(s.at("verb").at("id"));
    verbs.push_back(verb.substr(verb.rfind('/') + 1) + " " +
                    Str(s.at("object").at("id"))
                        .substr(std::string("https://carelearn.dk/xapi/activities/").size()));
  }
  EXPECT_EQ(
      verbs,
      (std::vector<std::string>{
          "attended formats/systematic-learning-meeting/1",
          "attended formats/systematic-learning-meeting/1",
          "attended formats/systematic-learning-meeting/1",
          "presented case-categories/fall",
          "completed formats/systematic-learning-meeting/1/steps/case",
          "asked formats/systematic-learning-meeting/1/steps/learning-questions/questions/"
          "biggest-challenge",
          "asked formats/systematic-learning-meeting/1/steps/learning-questions/questions/roles",
          "completed formats/systematic-learning-meeting/1/steps/learning-questions",
          "completed formats/systematic-learning-meeting/1/steps/case-learning",
          "completed formats/systematic-learning-meeting/1/steps/round",
          "proposed actions/aba0caf6-fe3c-55dc-8639-e8aa6d11ded2/a1",
          "completed formats/systematic-learning-meeting/1/steps/joint-reflection",
          "completed formats/systematic-learning-meeting/1",
      }));
  // Every statement: the session's registration, the profile as category, no version.
  for (const bj::value& s : statements) {
    EXPECT_EQ(Str(s.at("context").at("registration")), "aba0caf6-fe3c-55dc-8639-e8aa6d11ded2");
    EXPECT_EQ(bj::serialize(s.at("context").at("contextActivities").at("category")),
              R"([{"objectType":"Activity","id":"https://carelearn.dk/xapi/profile/v1",)"
              R"("definition":{"type":"http://adlnet.gov/expapi/activities/profile"}}])");
    EXPECT_FALSE(s.as_object().contains("version"));
  }
}

TEST(XapiTest, AttendedByHand) {
  const bj::array statements = Statements(Meeting());
  // id = uuid.uuid5(UUID("58824342-..."), "s-1\nattended/p-facilitator") in Python.
  EXPECT_EQ(bj::serialize(statements[0]),
            R"({"id":"bdbd0554-b62b-5cfc-a0ed-b579fb6de4ef",)"
            R"("actor":{"objectType":"Agent","account":{"homePage":)"
            R"("https://pseudonyms.example-kommune.dk","name":"p-facilitator"}},)"
            R"("verb":{"id":"http://adlnet.gov/expapi/verbs/attended","display":)"
            R"({"da":"deltog i","en":"attended"}},)"
            R"("object":{"objectType":"Activity","id":)"
            R"("https://carelearn.dk/xapi/activities/formats/systematic-learning-meeting/1",)"
            R"("definition":{"type":"https://carelearn.dk/xapi/activity-types/format","name":)"
            R"({"da":"Systematisk læringsmøde","en":"Systematic learning meeting"}}},)"
            R"("context":{"registration":"aba0caf6-fe3c-55dc-8639-e8aa6d11ded2",)"
            R"("contextActivities":{"category":[{"objectType":"Activity","id":)"
            R"("https://carelearn.dk/xapi/profile/v1","definition":{"type":)"
            R"("http://adlnet.gov/expapi/activities/profile"}}]},"platform":"carelearn",)"
            R"("extensions":{"https://carelearn.dk/xapi/extensions/role":"facilitator",)"
            R"("https://carelearn.dk/xapi/extensions/unit":"home-care-north"}},)"
            R"("timestamp":"2026-03-04T14:02:00.000Z"})");
}

TEST(XapiTest, QuestionsStepsAndTheWholeByHand) {
  const bj::array statements = Statements(Meeting());
  const bj::object& asked = statements[5].as_object();
  EXPECT_EQ(Str(asked.at("id")), "e03e9244-3a7c-595a-8659-4f65293c96f7");
  EXPECT_EQ(Str(asked.at("timestamp")), "2026-03-04T14:07:00.000Z");
  EXPECT_EQ(Str(asked.at("actor").at("account").at("name")), "unit:home-care-north");
  EXPECT_EQ(asked.at("actor").at("member").as_array().size(), 3u);
  // The question's wording comes from the question set the step draws on.
  EXPECT_EQ(Str(asked.at("object").at("definition").at("name").at("da")),
            "Hvad var den største udfordring?");
  EXPECT_EQ(Str(asked.at("object").at("definition").at("type")),
            "http://adlnet.gov/expapi/activities/question");
  EXPECT_EQ(Str(asked.at("context").at("contextActivities").at("parent").at(0).at("id")),
            "https://carelearn.dk/xapi/activities/formats/systematic-learning-meeting/1/steps/"
            "learning-questions");
  EXPECT_EQ(Str(asked.at("context").at("contextActivities").at("grouping").at(0).at("id")),
            "https://carelearn.dk/xapi/activities/formats/systematic-learning-meeting/1");

  // 14:17 to 14:18:30 and 14:18:30 to 14:22.
  EXPECT_EQ(bj::serialize(statements[8].at("result")),
            R"({"completion":true,"duration":"PT1M30S"})");
  EXPECT_EQ(Str(statements[9].at("result").at("duration")), "PT3M30S");
  EXPECT_EQ(Str(statements[9].at("timestamp")), "2026-03-04T14:22:00.000Z");

  const bj::object& proposed = statements[10].as_object();
  EXPECT_EQ(Str(proposed.at("id")), "588043ec-6e45-53d1-a2b5-dcab7e172907");
  EXPECT_EQ(Str(proposed.at("timestamp")), "2026-03-04T14:25:00.000Z");
  EXPECT_FALSE(proposed.contains("result"));  // no free text unless asked
  EXPECT_EQ(Str(proposed.at("context")
                    .at("extensions")
                    .at("https://carelearn.dk/xapi/extensions/owner-role")),
            "leader");

  const bj::object& whole = statements[12].as_object();
  EXPECT_EQ(Str(whole.at("id")), "820ea088-f55d-5fc4-8440-f9af8f373663");
  EXPECT_EQ(Str(whole.at("timestamp")), "2026-03-04T14:33:30.000Z");
  EXPECT_EQ(bj::serialize(whole.at("result")),
            R"({"completion":true,"duration":"PT31M30S","extensions":)"
            R"({"https://carelearn.dk/xapi/extensions/learning-points":2,)"
            R"("https://carelearn.dk/xapi/extensions/actions":1}})");
}

TEST(XapiTest, NoNamesNoCitizenNoConfidentialText) {
  for (const bool include_text : {false, true}) {
    XapiOptions options;
    options.home_page = std::string(kHome);
    options.include_text = include_text;
    const std::string json = *ToXapiStatements(Meeting(), options);
    EXPECT_EQ(json.find("mbox"), std::string::npos);
    EXPECT_EQ(json.find("citizen-7f3a9c"), std::string::npos);
    EXPECT_EQ(json.find("Fru Hansen"), std::string::npos);
    EXPECT_EQ(json.find("Confidential remark"), std::string::npos);
    EXPECT_EQ(json.find("Check the shoes"), std::string::npos);  // learning points are counted
    EXPECT_EQ(json.find("nurse"), std::string::npos);            // nor professions
    EXPECT_EQ(json.find("\"s-1\""), std::string::npos);          // nor the store's session id
    EXPECT_EQ(json.find("A fall round every morning") != std::string::npos, include_text);
  }
  const bj::array with_text = Statements(Meeting(), true);
  EXPECT_EQ(bj::serialize(with_text[10].at("result")),
            R"({"response":"A fall round every morning"})");
}

// A confidential action is proposed, dated and owned in its statement, but
// its wording is not there even when free text is asked for.
TEST(XapiTest, AConfidentialActionHasNoResponse) {
  Session s = Meeting();
  s.actions[0].text = "Skift låsen hos borgeren 010203-1234";
  s.actions[0].confidential = true;
  const bj::array plain = Statements(Meeting(), true);
  const bj::array statements = Statements(s, true);
  ASSERT_EQ(statements.size(), plain.size());
  EXPECT_FALSE(statements[10].as_object().contains("result"));
  EXPECT_EQ(statements[10].at("verb"), plain[10].at("verb"));
  EXPECT_EQ(statements[10].at("object"), plain[10].at("object"));
  XapiOptions options;
  options.home_page = std::string(kHome);
  options.include_text = true;
  const std::string json = *ToXapiStatements(s, options);
  EXPECT_EQ(json.find("låsen"), std::string::npos);
  EXPECT_EQ(json.find("010203"), std::string::npos);
}

TEST(XapiTest, DeterministicAndIndented) {
  XapiOptions options;
  options.home_page = std::string(kHome);
  const std::string a = *ToXapiStatements(Meeting(), options);
  EXPECT_EQ(a, *ToXapiStatements(Meeting(), options));
  EXPECT_EQ(a.substr(0, 14), "[\n  {\n    \"id\"");
  EXPECT_EQ(a.back(), '\n');
}

TEST(XapiTest, CancelledSessions) {
  Session before = Meeting();
  before.actual_start.reset();
  before.actual_end.reset();
  before.steps.clear();
  before.prompts.clear();
  before.actions.clear();
  before.learning_points.clear();
  before.notes.clear();
  before.presented_case.reset();
  before.participants.clear();
  before.cancellation = Cancellation{CancelReason::kStaffing, ""};
  EXPECT_TRUE(Statements(before).empty());

  // Cut short after the case: what happened, and no "completed" of the whole.
  Session cut = Meeting();
  cut.steps.resize(1);
  cut.prompts.clear();
  cut.actions.clear();
  cut.actual_end = At(14, 7);
  cut.cancellation = Cancellation{CancelReason::kWorkload, "alarm"};
  const bj::array statements = Statements(cut);
  ASSERT_EQ(statements.size(), 5u);  // 3 attended, presented, completed step
  EXPECT_EQ(
      Str(statements[4].at("object").at("id")),
      "https://carelearn.dk/xapi/activities/formats/systematic-learning-meeting/1/steps/case");
}

TEST(XapiTest, AFormatOutsideTheCatalogIsNamedByItsIri) {
  Session s = Meeting();
  s.format_id = "local huddle";  // percent-encoded in the IRI
  s.prompts.clear();
  const bj::array statements = Statements(s);
  EXPECT_EQ(Str(statements[0].at("object").at("id")),
            "https://carelearn.dk/xapi/activities/formats/local%20huddle/1");
  EXPECT_FALSE(statements[0].at("object").at("definition").as_object().contains("name"));
}

TEST(XapiTest, Errors) {
  XapiOptions options;
  absl::StatusOr<std::string> none = ToXapiStatements(Meeting(), options);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(none.status().message(),
            "XapiOptions::home_page: expected an absolute http(s) IRI naming the system of the "
            "pseudonyms, found \"\"");
  options.home_page = "mailto:someone@example.org";
  EXPECT_EQ(ToXapiStatements(Meeting(), options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.home_page = std::string(kHome);
  Session bad = Meeting();
  bad.id.clear();
  EXPECT_EQ(ToXapiStatements(bad, options).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(XapiTest, IsoDurations) {
  Session s = Meeting();
  s.prompts.clear();
  s.actions.clear();
  s.steps = {{"case", At(14, 2), At(14, 2)},
             {"round", At(14, 2), At(14, 2) + absl::Milliseconds(1234)},
             {"joint-reflection", At(14, 2), At(15, 3, 0)}};
  s.actual_end = At(16, 2, 0) + absl::Milliseconds(500);
  const bj::array statements = Statements(s);
  ASSERT_EQ(statements.size(), 8u);
  EXPECT_EQ(Str(statements[4].at("result").at("duration")), "PT0S");
  EXPECT_EQ(Str(statements[5].at("result").at("duration")), "PT1.23S");
  EXPECT_EQ(Str(statements[6].at("result").at("duration")), "PT1H1M");
  EXPECT_EQ(Str(statements[7].at("result").at("duration")), "PT2H0.5S");
  EXPECT_EQ(Str(statements[7].at("timestamp")), "2026-03-04T16:02:00.500Z");
}

// A careless app's identifiers do not reach a learning record store.
TEST(XapiTest, IdsAndWordingThatLookLikeIdentifiersAreMasked) {
  Session s = Meeting();
  s.participants[0].id = "Mette Hansen";
  for (Action& a : s.actions) a.text = "Ring til 21 43 65 87";
  const std::string json = bj::serialize(Statements(s, /*include_text=*/true));
  EXPECT_EQ(json.find("Mette"), std::string::npos);
  EXPECT_EQ(json.find("21 43 65 87"), std::string::npos);
  EXPECT_NE(json.find(MaskedId("Mette Hansen")), std::string::npos);
}
}  // namespace
}  // namespace carelearn
