// Tests of carelearn/io/fhir.hpp: every built-in format through a
// PlanDefinition and back, the elements written for hand-worked formats, the
// codes against the R4 value sets they are drawn from, the Questionnaire of a
// question set, a variant's lineage, foreign PlanDefinitions and located errors.
#include "carelearn/io/fhir.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "boost/json.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "gtest/gtest.h"

namespace carelearn {
namespace {

namespace bj = boost::json;

// R4 value sets, written out from the specification (hl7.org/fhir/R4/valueset-*.html).
const std::set<std::string> kPublicationStatus{"draft", "active", "retired", "unknown"};
const std::set<std::string> kActionParticipantType{"patient", "practitioner", "related-person",
                                                   "device"};
const std::set<std::string> kRelatedArtifactType{"documentation", "justification", "citation",
                                                 "predecessor",   "successor",     "derived-from",
                                                 "depends-on",    "composed-of"};
const std::set<std::string> kPlanDefinitionType{"order-set", "clinical-protocol", "eca-rule",
                                                "workflow-definition"};
const std::set<std::string> kUsageContextType{"gender", "age",   "focus",   "user",   "workflow",
                                              "task",   "venue", "species", "program"};
const std::set<std::string> kUnitsOfTime{"s", "min", "h", "d", "wk", "mo", "a"};
const std::set<std::string> kQuestionnaireItemType{
    "group",       "display",    "boolean",   "decimal", "integer", "date",
    "dateTime",    "time",       "string",    "text",    "url",     "choice",
    "open-choice", "attachment", "reference", "quantity"};
// UCUM codes of the units of time a Duration may use (the R4 "duration units" binding).
const std::set<std::string> kUcumTime{"ms", "s", "min", "h", "d", "wk", "mo", "a"};
constexpr std::string_view kPlanDefinitionTypeSystem =
    "http://terminology.hl7.org/CodeSystem/plan-definition-type";
constexpr std::string_view kUsageContextTypeSystem =
    "http://terminology.hl7.org/CodeSystem/usage-context-type";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string Str(const bj::value& v) { return std::string(v.as_string()); }

const bj::object& Ext(const bj::object& o, std::string_view name) {
  const std::string url = std::string(fhir::kExtensionBase) + "/" + std::string(name);
  for (const bj::value& e : o.at("extension").as_array()) {
    if (e.as_object().at("url").as_string() == url) return e.as_object();
  }
  ADD_FAILURE() << "no extension " << url;
  static const bj::object kNone;
  return kNone;
}

// Calls `visit` for each action, nested ones too.
void ForEachAction(const bj::object& holder, const std::function<void(const bj::object&)>& visit) {
  if (!holder.contains("action")) return;
  for (const bj::value& a : holder.at("action").as_array()) {
    visit(a.as_object());
    ForEachAction(a.as_object(), visit);
  }
}

TEST(FhirUrlTest, CanonicalUrlsFollowTheScheme) {
  EXPECT_EQ(PlanDefinitionUrl("learning-visit"),
            "https://carelearn.dk/fhir/PlanDefinition/learning-visit");
  EXPECT_EQ(PlanDefinitionCanonical({"learning-visit-meeting", 1}),
            "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting|1");
  EXPECT_EQ(PlanDefinitionCanonical({"learning-visit-meeting", std::nullopt}),
            "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting");
  EXPECT_EQ(QuestionnaireUrl("learning-questions"),
            "https://carelearn.dk/fhir/Questionnaire/learning-questions");
  // An id with characters a path may not hold is percent-encoded, as UTF-8 bytes.
  EXPECT_EQ(PlanDefinitionUrl("møde 2/b"),
            "https://carelearn.dk/fhir/PlanDefinition/m%C3%B8de%202%2Fb");
}

TEST(FhirStatusTest, CodesAreThoseOfTheValueSet) {
  for (const PublicationStatus s : {PublicationStatus::kDraft, PublicationStatus::kActive,
                                    PublicationStatus::kRetired, PublicationStatus::kUnknown}) {
    EXPECT_TRUE(kPublicationStatus.count(std::string(PublicationStatusCode(s))));
    EXPECT_EQ(ParsePublicationStatus(PublicationStatusCode(s)), s);
  }
  EXPECT_EQ(ParsePublicationStatus("bogus"), std::nullopt);
}

TEST(FhirRoundTripTest, EveryBuiltinFormatReadsBackEqual) {
  const Catalog& catalog = BuiltinCatalog();
  ASSERT_GE(catalog.formats().size(), 12u);
  for (const Format* format : catalog.formats()) {
    SCOPED_TRACE(format->id);
    const std::string plan = ToPlanDefinition(*format);
    std::vector<std::string> skipped;
    absl::StatusOr<Format> back = ParsePlanDefinition(plan, {}, &skipped);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, *format);
    EXPECT_TRUE(skipped.empty()) << skipped.front();
    EXPECT_EQ(ToPlanDefinition(*back), plan);  // and writes the same text again
  }
}

TEST(FhirRoundTripTest, EveryFieldOfAFormatReadsBackEqual) {
  Format f;
  f.id = "huddle 2/b";  // not a FHIR id: left out of "id", kept in the URL
  f.version = 3;
  f.title = {"", "Only English"};
  f.purpose = {"Kun dansk", ""};
  f.source = {"Kilde", "Source"};
  f.prerequisites = {{"ground-rules", {"Spilleregler", "Ground rules"}}};
  f.setting = {Place::kCitizensHome, true};
  f.capacity = {2, 9, 5};
  f.duration = TimeBudget::Range(0.5, 1, TimeUnit::kDay).About();
  f.cadence = Cadence{3, Period::kMonth, 4};
  f.defined_roles = {{"council-member", {"Rådsmedlem", "Council member"}, {"", "Speaks"}}};
  f.roles = {{"council-member", 0, 2}, {"citizen", 1, 1}, {"relative", 0, std::nullopt}};
  Step a;
  a.id = "check-in";
  a.title = {"Tjek-ind", "Check-in"};
  a.purpose = {"Hvorfor", "Why"};
  a.budget = TimeBudget::PerParticipant(1, 2).About().Skipping(1);
  a.lead = "citizen";
  a.participation = Participation::kRound;
  a.prompts = {{"q1", {"Hvad?", "What?"}, "relative"}, {"q2", {"", "How?"}, ""}};
  a.question_sets = {"after-action-review", "gibbs-reflective-cycle"};
  a.produces = {OutputKind::kReflection, OutputKind::kFeedback};
  a.extensions = "{\n  \"room\": \"B2\",\n  \"chairs\": [1, 2]\n}";
  Step b;
  b.id = "visit";
  b.title = {"Besøg", "Visit"};
  b.budget = TimeBudget::Fixed(1.25, TimeUnit::kHour);
  b.lead = "council-member";
  b.participation = Participation::kShadowing;
  b.format = FormatRef{"learning-visit-meeting", 1};
  Step c;
  c.id = "open";
  c.title = {"Åben", "Open"};
  c.budget = TimeBudget::Open();
  c.format = FormatRef{"not-in-any-catalog", std::nullopt};
  Step d;
  d.id = "fixed-about";
  d.title = {"Ca. fem", "About five"};
  d.budget = TimeBudget::Fixed(5).About();
  f.steps = {a, b, c, d};
  f.outputs = {{OutputKind::kDocumentation, 1, 3, "closing-report", {"Note", "Note"}},
               {OutputKind::kLearningPoint, 0, std::nullopt, "", {}}};
  f.components = {
      {{"learning-seminar", 1}, Cadence{1, Period::kYear, std::nullopt}, {"Årligt", ""}},
      {{"unknown-format", std::nullopt}, std::nullopt, {}}};
  f.lineage = {{"systematic-learning-meeting", 1}, {"local-base", std::nullopt}};
  f.extensions = "{\n  \"owner\": \"unit-7\"\n}";

  const std::string plan = ToPlanDefinition(f, {PublicationStatus::kDraft, nullptr});
  absl::StatusOr<Format> back = ParsePlanDefinition(plan);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, f);

  const bj::object root = bj::parse(plan).as_object();
  EXPECT_FALSE(root.contains("id"));
  EXPECT_EQ(Str(root.at("url")), "https://carelearn.dk/fhir/PlanDefinition/huddle%202%2Fb");
  EXPECT_EQ(Str(root.at("version")), "3");
  EXPECT_EQ(Str(root.at("status")), "draft");
  EXPECT_FALSE(root.contains("title"));  // no Danish title: only its English translation
  EXPECT_TRUE(root.contains("_title"));
  EXPECT_EQ(Str(root.at("purpose")), "Kun dansk");
  EXPECT_FALSE(root.contains("_purpose"));
  // The nested format was found in the built-in catalog, the other was not.
  const bj::array& actions = root.at("action").as_array();
  ASSERT_EQ(actions.size(), 6u);
  EXPECT_EQ(actions[1].as_object().at("action").as_array().size(), 3u);
  EXPECT_FALSE(actions[2].as_object().contains("action"));
  // A component: its marker, its format's title when the catalog has it, its cadence.
  const bj::object& seminar = actions[4].as_object();
  EXPECT_EQ(Str(seminar.at("title")), "Læringsseminar");
  EXPECT_EQ(Str(seminar.at("definitionCanonical")),
            "https://carelearn.dk/fhir/PlanDefinition/learning-seminar|1");
  EXPECT_EQ(bj::serialize(seminar.at("timingTiming")),
            R"({"repeat":{"frequency":1,"period":1,"periodUnit":"a"}})");
  EXPECT_FALSE(actions[5].as_object().contains("title"));
}

TEST(FhirPlanDefinitionTest, TheSystematicLearningMeetingByHand) {
  const Format& meeting = *BuiltinCatalog().Find("systematic-learning-meeting");
  const std::string plan = ToPlanDefinition(meeting);
  ASSERT_FALSE(plan.empty());
  EXPECT_EQ(plan.back(), '\n');
  EXPECT_EQ(plan.substr(0, 36), "{\n  \"resourceType\": \"PlanDefinition\"");
  const bj::object root = bj::parse(plan).as_object();

  EXPECT_EQ(Str(root.at("id")), "systematic-learning-meeting");
  EXPECT_EQ(Str(root.at("url")),
            "https://carelearn.dk/fhir/PlanDefinition/systematic-learning-meeting");
  EXPECT_EQ(Str(root.at("version")), "1");
  EXPECT_EQ(Str(root.at("name")), "SystematicLearningMeeting");
  EXPECT_EQ(Str(root.at("language")), "da");
  EXPECT_EQ(Str(root.at("status")), "active");
  EXPECT_EQ(Str(root.at("title")), "Systematisk læringsmøde");
  EXPECT_EQ(bj::serialize(root.at("_title")),
            R"({"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation",)"
            R"("extension":[{"url":"lang","valueCode":"en"},)"
            R"({"url":"content","valueString":"Systematic learning meeting"}]}]})");
  EXPECT_EQ(
      Str(root.at("purpose")),
      "Læringsmøderne skal skabe læring og udvikling i den daglige opgaveløsning og praksis.");
  EXPECT_EQ(bj::serialize(root.at("type")),
            R"({"coding":[{"system":"http://terminology.hl7.org/CodeSystem/plan-definition-type",)"
            R"("code":"workflow-definition","display":"Workflow Definition"}]})");
  EXPECT_EQ(bj::serialize(root.at("useContext")),
            R"([{"code":{"system":"http://terminology.hl7.org/CodeSystem/usage-context-type",)"
            R"("code":"venue","display":"Venue"},"valueCodeableConcept":{"coding":[{"system":)"
            R"("https://carelearn.dk/fhir/CodeSystem/place","code":"workplace"}]}}])");

  // The planned 30 minutes, the fortnightly cadence, standing, at least 2 people.
  EXPECT_EQ(bj::serialize(Ext(root, "time-budget").at("extension")),
            R"([{"url":"kind","valueCode":"fixed"},{"url":"unit","valueCode":"minute"},)"
            R"({"url":"min","valueDecimal":30},{"url":"max","valueDecimal":30}])");
  EXPECT_EQ(bj::serialize(Ext(root, "cadence").at("valueTiming")),
            R"({"repeat":{"frequency":1,"period":2,"periodUnit":"wk"}})");
  EXPECT_EQ(Ext(root, "standing").at("valueBoolean").as_bool(), true);
  EXPECT_EQ(bj::serialize(Ext(root, "capacity").at("extension")),
            R"([{"url":"min","valueInteger":2}])");

  // Source first, then the four prerequisites.
  const bj::array& artifacts = root.at("relatedArtifact").as_array();
  ASSERT_EQ(artifacts.size(), 5u);
  EXPECT_EQ(Str(artifacts[0].at("type")), "citation");
  EXPECT_EQ(Str(artifacts[0].at("citation")), "Inspirationskort: Systematiske læringsmøder");
  EXPECT_EQ(Str(artifacts[1].at("type")), "depends-on");
  EXPECT_EQ(Str(artifacts[1].at("label")), "fixed-interval");
  EXPECT_EQ(Str(artifacts[1].at("display")), "Læringsmøderne holdes med et fast interval.");

  const bj::array& actions = root.at("action").as_array();
  ASSERT_EQ(actions.size(), 5u);
  // "case": 5 minutes, led by the case presenter, one speaker.
  const bj::object& first = actions[0].as_object();
  EXPECT_EQ(Str(first.at("id")), "case");
  EXPECT_EQ(bj::serialize(first.at("timingDuration")),
            R"({"value":5,"unit":"min","system":"http://unitsofmeasure.org","code":"min"})");
  EXPECT_EQ(bj::serialize(first.at("participant")),
            R"([{"type":"practitioner","role":{"coding":[{"system":)"
            R"("https://carelearn.dk/fhir/CodeSystem/role","code":"case-presenter",)"
            R"("display":"Case-person"}]}}])");
  EXPECT_EQ(bj::serialize(first.at("code")),
            R"([{"coding":[{"system":"https://carelearn.dk/fhir/CodeSystem/participation",)"
            R"("code":"speaker"}]}])");
  // "learning-questions" draws on the question set's Questionnaire.
  EXPECT_EQ(bj::serialize(actions[1].at("documentation")),
            R"([{"type":"documentation","label":"question-set","resource":)"
            R"("https://carelearn.dk/fhir/Questionnaire/learning-questions"}])");
  // "case-learning": 1–2 minutes as a Range.
  EXPECT_EQ(
      bj::serialize(actions[2].at("timingRange")),
      R"({"low":{"value":1,"unit":"min","system":"http://unitsofmeasure.org","code":"min"},)"
      R"("high":{"value":2,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}})");
  // "round": about a minute each, which only carelearn's extension can say.
  const bj::object& round = actions[3].as_object();
  EXPECT_FALSE(round.contains("timingDuration"));
  EXPECT_FALSE(round.contains("timingRange"));
  EXPECT_EQ(bj::serialize(Ext(round, "time-budget").at("extension")),
            R"([{"url":"kind","valueCode":"per-participant"},{"url":"unit","valueCode":"minute"},)"
            R"({"url":"min","valueDecimal":1},{"url":"max","valueDecimal":1},)"
            R"({"url":"about","valueBoolean":true}])");
  EXPECT_EQ(bj::serialize(Ext(round, "produces").at("valueCoding")),
            R"({"system":"https://carelearn.dk/fhir/CodeSystem/output-kind","code":"reflection"})");
}

TEST(FhirPlanDefinitionTest, AStepThatIsAWholeFormatHasNestedActions) {
  const Format& visit = *BuiltinCatalog().Find("learning-visit");
  const Format& meeting = *BuiltinCatalog().Find("learning-visit-meeting");
  const bj::object root = bj::parse(ToPlanDefinition(visit)).as_object();
  const bj::object& step = root.at("action").as_array()[2].as_object();
  EXPECT_EQ(Str(step.at("id")), "learning-meeting");
  EXPECT_EQ(Str(step.at("definitionCanonical")),
            "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting|1");
  const bj::array& nested = step.at("action").as_array();
  ASSERT_EQ(nested.size(), meeting.steps.size());
  for (std::size_t i = 0; i < nested.size(); ++i) {
    EXPECT_EQ(Str(nested[i].at("id")), "learning-meeting." + meeting.steps[i].id);
    EXPECT_EQ(Str(nested[i].at("title")), meeting.steps[i].title.da);
  }
  // The learning visit's half to whole day is in working days ("d", carelearn's day).
  const bj::array& budget = Ext(root, "time-budget").at("extension").as_array();
  ASSERT_EQ(budget.size(), 4u);
  EXPECT_EQ(Str(budget[0].at("valueCode")), "range");
  EXPECT_EQ(Str(budget[1].at("valueCode")), "day");
  EXPECT_EQ(budget[2].at("valueDecimal").as_double(), 0.5);
  EXPECT_EQ(budget[3].at("valueDecimal").as_int64(), 1);
  // Decimals are written in their shortest form, not as Boost.JSON's "5E-1".
  EXPECT_NE(ToPlanDefinition(visit).find("\"valueDecimal\": 0.5\n"), std::string::npos);
}

TEST(FhirPlanDefinitionTest, CodesAreDrawnFromTheR4ValueSets) {
  const Catalog& catalog = BuiltinCatalog();
  int participants = 0;
  int artifacts = 0;
  int timings = 0;
  for (const Format* format : catalog.formats()) {
    SCOPED_TRACE(format->id);
    for (const PublicationStatus status :
         {PublicationStatus::kDraft, PublicationStatus::kActive, PublicationStatus::kRetired}) {
      const bj::object root = bj::parse(ToPlanDefinition(*format, {status, nullptr})).as_object();
      EXPECT_TRUE(kPublicationStatus.count(Str(root.at("status"))));
    }
    const bj::object root = bj::parse(ToPlanDefinition(*format)).as_object();
    for (const bj::value& coding : root.at("type").at("coding").as_array()) {
      EXPECT_EQ(Str(coding.at("system")), kPlanDefinitionTypeSystem);
      EXPECT_TRUE(kPlanDefinitionType.count(Str(coding.at("code"))));
    }
    for (const bj::value& context : root.at("useContext").as_array()) {
      EXPECT_EQ(Str(context.at("code").at("system")), kUsageContextTypeSystem);
      EXPECT_TRUE(kUsageContextType.count(Str(context.at("code").at("code"))));
    }
    if (root.contains("relatedArtifact")) {
      for (const bj::value& a : root.at("relatedArtifact").as_array()) {
        EXPECT_TRUE(kRelatedArtifactType.count(Str(a.at("type")))) << Str(a.at("type"));
        ++artifacts;
      }
    }
    ForEachAction(root, [&](const bj::object& action) {
      if (action.contains("participant")) {
        for (const bj::value& p : action.at("participant").as_array()) {
          EXPECT_TRUE(kActionParticipantType.count(Str(p.at("type"))));
          ++participants;
        }
      }
      if (action.contains("documentation")) {
        for (const bj::value& a : action.at("documentation").as_array()) {
          EXPECT_TRUE(kRelatedArtifactType.count(Str(a.at("type"))));
        }
      }
      if (action.contains("timingDuration")) {
        ++timings;
        EXPECT_EQ(Str(action.at("timingDuration").at("system")), fhir::kUcum);
        EXPECT_TRUE(kUcumTime.count(Str(action.at("timingDuration").at("code"))));
      }
      if (action.contains("timingRange")) {
        ++timings;
        for (const char* end : {"low", "high"}) {
          EXPECT_TRUE(kUcumTime.count(Str(action.at("timingRange").at(end).at("code"))));
        }
      }
      if (action.contains("timingTiming")) {
        EXPECT_TRUE(
            kUnitsOfTime.count(Str(action.at("timingTiming").at("repeat").at("periodUnit"))));
      }
    });
    if (root.contains("contained")) {
      for (const bj::value& q : root.at("contained").as_array()) {
        EXPECT_TRUE(kPublicationStatus.count(Str(q.at("status"))));
        for (const bj::value& item : q.at("item").as_array()) {
          EXPECT_TRUE(kQuestionnaireItemType.count(Str(item.at("type"))));
        }
      }
    }
  }
  // The checks above did check something.
  EXPECT_GT(participants, 10);
  EXPECT_GT(artifacts, 10);
  EXPECT_GE(timings, 4);
}

TEST(FhirQuestionnaireTest, TheLearningQuestions) {
  const QuestionSet& set = *BuiltinCatalog().FindQuestionSet("learning-questions");
  const bj::object q = bj::parse(ToQuestionnaire(set)).as_object();
  EXPECT_EQ(Str(q.at("resourceType")), "Questionnaire");
  EXPECT_EQ(Str(q.at("id")), "learning-questions");
  EXPECT_EQ(Str(q.at("url")), "https://carelearn.dk/fhir/Questionnaire/learning-questions");
  EXPECT_EQ(Str(q.at("version")), "1");
  EXPECT_EQ(Str(q.at("status")), "active");
  EXPECT_EQ(Str(q.at("title")), "Læringsspørgsmål");
  const bj::array& items = q.at("item").as_array();
  ASSERT_EQ(items.size(), 8u);
  EXPECT_EQ(Str(items[0].at("linkId")), "biggest-challenge");
  EXPECT_EQ(Str(items[0].at("text")), "Hvad var den største udfordring?");
  EXPECT_EQ(Str(items[0].at("type")), "display");
  EXPECT_EQ(Str(items[0].at("_text").at("extension").at(0).at("extension").at(1).at("valueString")),
            "What was the biggest challenge?");
  EXPECT_EQ(bj::serialize(items[0].at("extension")),
            R"([{"url":"https://carelearn.dk/fhir/StructureDefinition/audience","valueCoding":)"
            R"({"system":"https://carelearn.dk/fhir/CodeSystem/role","code":"case-presenter",)"
            R"("display":"Case-person"}}])");
  EXPECT_EQ(Str(items[7].at("linkId")), "most-important-learning");
  for (const QuestionSet* s : BuiltinCatalog().question_sets()) {
    SCOPED_TRACE(s->id);
    const bj::object each = bj::parse(ToQuestionnaire(*s)).as_object();
    ASSERT_EQ(each.at("item").as_array().size(), s->prompts.size());
    for (std::size_t i = 0; i < s->prompts.size(); ++i) {
      EXPECT_EQ(Str(each.at("item").at(i).at("linkId")), s->prompts[i].id);
      EXPECT_TRUE(kQuestionnaireItemType.count(Str(each.at("item").at(i).at("type"))));
    }
  }
}

TEST(FhirVariantTest, AVariantCarriesItsLineage) {
  absl::StatusOr<Variant> evening = ParseVariant(
      ReadFile(std::filesystem::path(CARELEARN_TEST_DATA_DIR) / "evening-learning-meeting.json"));
  ASSERT_TRUE(evening.ok()) << evening.status();
  const Catalog& catalog = BuiltinCatalog();
  absl::StatusOr<std::string> plan = ToPlanDefinition(*evening, catalog);
  ASSERT_TRUE(plan.ok()) << plan.status();
  const bj::object root = bj::parse(*plan).as_object();
  EXPECT_EQ(Str(root.at("url")),
            "https://carelearn.dk/fhir/PlanDefinition/evening-learning-meeting");
  const bj::array& artifacts = root.at("relatedArtifact").as_array();
  const bj::object& last = artifacts.back().as_object();
  EXPECT_EQ(Str(last.at("type")), "derived-from");
  EXPECT_EQ(Str(last.at("resource")),
            "https://carelearn.dk/fhir/PlanDefinition/systematic-learning-meeting|1");

  absl::StatusOr<Format> applied =
      ApplyVariant(*catalog.Find("systematic-learning-meeting"), *evening);
  ASSERT_TRUE(applied.ok());
  absl::StatusOr<Format> back = ParsePlanDefinition(*plan);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, *applied);
  ASSERT_EQ(back->lineage.size(), 1u);
  EXPECT_EQ(back->lineage[0], (FormatRef{"systematic-learning-meeting", 1}));

  Variant orphan = *evening;
  orphan.extends = {"no-such-base", 1};
  absl::StatusOr<std::string> none = ToPlanDefinition(orphan, catalog);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(
      none.status().message(),
      "variant \"evening-learning-meeting\": its base \"no-such-base\" is not in the catalog");
}

// A PlanDefinition as another system might write it.
constexpr std::string_view kForeign = R"({
  "resourceType": "PlanDefinition",
  "id": "huddle",
  "meta": {"lastUpdated": "2026-01-05T10:00:00Z"},
  "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">Huddle</div>"},
  "url": "http://example.org/fhir/PlanDefinition/huddle",
  "version": "2",
  "name": "Huddle",
  "title": "Tavlemøde",
  "status": "draft",
  "publisher": "Example Kommune",
  "purpose": "Et kort møde ved tavlen.",
  "relatedArtifact": [
    {"type": "derived-from", "resource": "http://example.org/fhir/PlanDefinition/base-huddle|4"}
  ],
  "action": [
    {"title": "Status", "timingDuration": {"value": 5, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min"}},
    {"title": "Plan", "textEquivalent": "Planlæg dagen", "timingRange": {"low": {"value": 1, "code": "h"}, "high": {"value": 2, "code": "h"}},
     "participant": [{"type": "patient"}]},
    {"id": "close", "title": "Afslutning"}
  ]
})";

TEST(FhirForeignTest, APlanDefinitionFromElsewhereReadsAsFarAsItMaps) {
  absl::StatusOr<Format> f = ParsePlanDefinition(kForeign);
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->id, "huddle");  // not carelearn's URL: the resource's id
  EXPECT_EQ(f->version, 2);
  EXPECT_EQ(f->title, (Text{"Tavlemøde", ""}));
  EXPECT_EQ(f->purpose, (Text{"Et kort møde ved tavlen.", ""}));
  EXPECT_EQ(f->lineage, (std::vector<FormatRef>{{"base-huddle", 4}}));
  EXPECT_EQ(f->setting, Setting{});
  EXPECT_EQ(f->duration, std::nullopt);
  ASSERT_EQ(f->steps.size(), 3u);
  EXPECT_EQ(f->steps[0].id, "step-1");
  EXPECT_EQ(f->steps[0].budget, TimeBudget::Fixed(5));
  EXPECT_EQ(f->steps[0].participation, Participation::kPlenary);
  EXPECT_EQ(f->steps[1].id, "step-2");
  EXPECT_EQ(f->steps[1].budget, TimeBudget::Range(1, 2, TimeUnit::kHour));
  EXPECT_EQ(f->steps[1].lead, "citizen");
  EXPECT_EQ(f->steps[2].id, "close");
  EXPECT_EQ(f->steps[2].budget, TimeBudget::Open());
}

TEST(FhirForeignTest, AnEnglishResourceFillsTheEnglishSide) {
  absl::StatusOr<Format> f = ParsePlanDefinition(
      R"({"resourceType": "PlanDefinition", "id": "x", "language": "en-GB", "status": "active",
          "title": "Huddle", "_title": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation",
          "extension": [{"url": "lang", "valueCode": "da"}, {"url": "content", "valueString": "Tavlemøde"}]},
          {"url": "http://hl7.org/fhir/StructureDefinition/translation",
          "extension": [{"url": "lang", "valueCode": "de"}, {"url": "content", "valueString": "Besprechung"}]}]}})");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->title, (Text{"Tavlemøde", "Huddle"}));
  EXPECT_EQ(f->version, 1);
}

TEST(FhirForeignTest, UnsupportedElementsAreLocatedErrorsOrSkippedWhenAsked) {
  constexpr std::string_view kTriggered = R"({
  "resourceType": "PlanDefinition",
  "id": "x",
  "status": "active",
  "title": "X",
  "goal": [{"description": {"text": "Fewer falls"}}],
  "action": [
    {"title": "A", "trigger": [{"type": "named-event", "name": "admission"}]},
    {"title": "B", "code": [{"coding": [{"system": "http://snomed.info/sct", "code": "225368008"}]}]}
  ]
})";
  ParseOptions options;
  options.source_name = "plan.json";
  absl::StatusOr<Format> strict = ParsePlanDefinition(kTriggered, options);
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(strict.status().message(),
            "plan.json:6:11: /goal: unsupported: \"goal\" of a PlanDefinition; a carelearn format "
            "has no place for it");
  std::optional<ErrorLocation> where = GetErrorLocation(strict.status());
  ASSERT_TRUE(where.has_value());
  EXPECT_EQ(where->pointer, "/goal");
  EXPECT_EQ(where->line, 6);

  std::vector<std::string> skipped;
  absl::StatusOr<Format> lenient = ParsePlanDefinition(kTriggered, options, &skipped);
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  ASSERT_EQ(lenient->steps.size(), 2u);
  EXPECT_EQ(lenient->steps[1].participation, Participation::kPlenary);
  EXPECT_EQ(skipped,
            (std::vector<std::string>{
                "plan.json:6:11: /goal: unsupported: \"goal\" of a PlanDefinition; a "
                "carelearn format has no place for it",
                "plan.json:8:31: /action/0/trigger: unsupported: \"trigger\" of an action; "
                "a carelearn format has no place for it",
                "plan.json:9:41: /action/1/code/0/coding/0: unsupported: an action code "
                "outside carelearn's; a carelearn format has no place for it"}));
}

struct BadCase {
  const char* name;
  std::string_view json;
  std::string_view message;
};

TEST(FhirErrorTest, BadInputIsALocatedError) {
  const BadCase cases[] = {
      {"not a PlanDefinition", R"({"resourceType": "Questionnaire", "status": "active"})",
       R"(t.json:1:18: /resourceType: expected "PlanDefinition", found the string "Questionnaire")"},
      {"no resourceType", R"({"status": "active"})",
       R"(t.json:1:1: (root): missing required key "resourceType")"},
      {"bad status",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "activ", "title": "X"})",
       R"(t.json:1:57: /status: expected one of "draft", "active", "retired", "unknown", found the string "activ"; did you mean "active"?)"},
      {"no status", R"({"resourceType": "PlanDefinition", "id": "x", "title": "X"})",
       R"(t.json:1:1: (root): missing required key "status")"},
      {"unknown element",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "titel": "X"})",
       R"(t.json:1:66: /titel: unknown element "titel" of a PlanDefinition in FHIR R4; did you mean "title"?)"},
      {"version not whole",
       R"({"resourceType": "PlanDefinition", "id": "x", "version": "1.2", "status": "draft", "title": "X"})",
       R"(t.json:1:58: /version: expected a whole number from 1 (carelearn's format versions), found the string "1.2")"},
      {"no id", R"({"resourceType": "PlanDefinition", "status": "draft", "title": "X"})",
       R"(t.json:1:1: (root): missing required key "url" or "id": a format needs an id)"},
      {"timing in weeks",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "title": "X", "action": [{"title": "A", "timingDuration": {"value": 1, "code": "wk"}}]})",
       R"(t.json:1:145: /action/0/timingDuration/code: expected one of "min", "h", "d", found the string "wk")"},
      {"timing not UCUM",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "title": "X", "action": [{"title": "A", "timingDuration": {"value": 1, "system": "urn:x", "code": "min"}}]})",
       R"(t.json:1:147: /action/0/timingDuration/system: expected "http://unitsofmeasure.org", found the string "urn:x")"},
      {"step without title",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "title": "X", "action": [{"id": "a"}]})",
       R"(t.json:1:91: /action/0: missing required key "title" of a step)"},
      {"bad carelearn extension",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "title": "X", "extension": [{"url": "https://carelearn.dk/fhir/StructureDefinition/capacity", "extension": [{"url": "min", "valueInteger": 0}]}]})",
       R"(t.json:1:205: /extension/0/extension/0/valueInteger: expected an integer from 1 to 2147483647, found the number 0)"},
      {"unknown carelearn extension",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "title": "X", "extension": [{"url": "https://carelearn.dk/fhir/StructureDefinition/colour", "valueString": "red"}]})",
       R"(t.json:1:94: /extension/0/url: unknown carelearn extension "colour" on a PlanDefinition)"},
      {"missing contained",
       R"({"resourceType": "PlanDefinition", "id": "x", "status": "draft", "title": "X", "action": [{"title": "A", "documentation": [{"type": "documentation", "resource": "#p"}]}]})",
       R"(t.json:1:162: /action/0/documentation/0/resource: no contained Questionnaire has the id "p")"},
      {"syntax", R"({"resourceType": "PlanDefinition",})",
       R"(t.json:1:35: (root): syntax error: expected a key after ','; a comma may not come before '}', found '}')"},
  };
  ParseOptions options;
  options.source_name = "t.json";
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<Format> f = ParsePlanDefinition(c.json, options);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(std::string(f.status().message()), c.message);
    EXPECT_TRUE(GetErrorLocation(f.status()).has_value());
  }
}

}  // namespace
}  // namespace carelearn
