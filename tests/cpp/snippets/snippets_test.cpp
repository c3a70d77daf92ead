// The Example: blocks of the public headers, compiled and run, in the style
// of Boost.JSON's test/snippets.cpp. Each block is copied here between the
// markers "// [<header>#<n>]" and "// [end]" (the n-th Example: of the
// header), inside a function that gives it what it takes as given (a
// `session`, a `format`, a time zone `tz`, ...); ExamplesAreTheHeadersText
// checks that every block of the headers of io/, record/ and store/ (and of
// model/wording.hpp) is here, line for line, so an example can neither stop
// compiling nor drift from code that compiles. The functions run in a
// temporary directory, where the files the examples name are made.
#include "carelearn/carelearn.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "record/fixtures.hpp"

namespace carelearn {
namespace {

// ------------------------------------------------------------ what the examples take as given

Session GivenSession() { return testing::FullSession(); }

Format GivenFormat() { return *BuiltinCatalog().Find("systematic-learning-meeting"); }

// ------------------------------------------------------------ io

void BuiltinCatalogExample() {
  Format my_format = GivenFormat();
  my_format.id = "evening-learning-meeting";
  // clang-format off
  // [carelearn/io/builtin_catalog.hpp#1]
  carelearn::Catalog mine = carelearn::BuiltinCatalog();  // a copy to add to
  absl::Status s = mine.Add(my_format);
  const carelearn::Format* f = carelearn::BuiltinCatalog().Find("learning-visit");
  // [end]
  // clang-format on
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_NE(f, nullptr);
}

void ErrorsExample() {
  // clang-format off
  // [carelearn/io/errors.hpp#1]
  absl::StatusOr<carelearn::Format> f = carelearn::LoadFormat("huddle.json");
  if (carelearn::IsVersionMismatch(f.status())) {
    // "huddle.json:1:14: /carelearn: the document is "format/2", newer than ..."
  } else if (std::optional<carelearn::ErrorLocation> at =
                 carelearn::GetErrorLocation(f.status())) {
    std::cerr << "line " << at->line << ", column " << at->column << "\n";
  }
  // [end]
  // clang-format on
  EXPECT_TRUE(f.ok()) << f.status();
}

void FhirExample() {
  // clang-format off
  // [carelearn/io/fhir.hpp#1]
  const carelearn::Format* meeting =
      carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
  std::string plan = carelearn::ToPlanDefinition(*meeting);
  absl::StatusOr<carelearn::Format> back = carelearn::ParsePlanDefinition(plan);
  // *back == *meeting
  // [end]
  // clang-format on
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, *meeting);
}

void FhirUrlExample() {
  // clang-format off
  // [carelearn/io/fhir.hpp#2]
  std::string url = carelearn::PlanDefinitionUrl("learning-visit");
  // "https://carelearn.dk/fhir/PlanDefinition/learning-visit"
  // [end]
  // [carelearn/io/fhir.hpp#3]
  std::string ref = carelearn::PlanDefinitionCanonical({"learning-visit-meeting", 1});
  // "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting|1"
  // [end]
  // clang-format on
  EXPECT_EQ(url, "https://carelearn.dk/fhir/PlanDefinition/learning-visit");
  EXPECT_EQ(ref, "https://carelearn.dk/fhir/PlanDefinition/learning-visit-meeting|1");
}

void FhirWriteExample() {
  const Format format = GivenFormat();
  // clang-format off
  // [carelearn/io/fhir.hpp#4]
  std::string plan =
      carelearn::ToPlanDefinition(format, {carelearn::PublicationStatus::kDraft});
  // [end]
  // clang-format on
  EXPECT_THAT(plan, ::testing::HasSubstr("\"status\": \"draft\""));
}

void FhirVariantExample() {
  Variant evening;
  evening.id = "evening-learning-meeting";
  evening.extends = {"systematic-learning-meeting", 1};
  evening.title = Text{"Aftenmøde", "Evening meeting"};
  // clang-format off
  // [carelearn/io/fhir.hpp#5]
  absl::StatusOr<std::string> plan =
      carelearn::ToPlanDefinition(evening, carelearn::BuiltinCatalog());
  // [end]
  // [carelearn/io/fhir.hpp#6]
  const carelearn::QuestionSet* set =
      carelearn::BuiltinCatalog().FindQuestionSet("learning-questions");
  std::string q = carelearn::ToQuestionnaire(*set);
  // [end]
  // clang-format on
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(*plan, ::testing::HasSubstr("derived-from"));
  EXPECT_THAT(q, ::testing::HasSubstr("\"resourceType\": \"Questionnaire\""));
}

void ParsePlanDefinitionExample() {
  const std::string text = ToPlanDefinition(GivenFormat());
  // clang-format off
  // [carelearn/io/fhir.hpp#7]
  std::vector<std::string> skipped;
  absl::StatusOr<carelearn::Format> f =
      carelearn::ParsePlanDefinition(text, {.source_name = "plan.json"}, &skipped);
  // skipped: {"plan.json:40:7: /action/0/trigger: unsupported: ..."}
  // [end]
  // clang-format on
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_THAT(skipped, ::testing::IsEmpty());
}

void XapiExample() {
  const Session session = GivenSession();
  // clang-format off
  // [carelearn/io/xapi.hpp#1]
  carelearn::XapiOptions options;
  options.home_page = "https://pseudonyms.example-kommune.dk";
  absl::StatusOr<std::string> statements = carelearn::ToXapiStatements(session, options);
  // "[\n  {\n    \"id\": \"...\",\n    \"actor\": {...}, ...}\n]\n"
  // [end]
  // [carelearn/io/xapi.hpp#4]
  absl::StatusOr<std::string> json = carelearn::ToXapiStatements(session, options);
  // [end]
  // clang-format on
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json, *statements);
}

void XapiIdsExample() {
  // clang-format off
  // [carelearn/io/xapi.hpp#2]
  absl::StatusOr<std::string> id =
      carelearn::UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org");
  // *id == "886313e1-3b8a-5372-9b90-0c9aee199e5d"
  // [end]
  // [carelearn/io/xapi.hpp#3]
  std::string registration = carelearn::XapiRegistration("s-1");
  // "aba0caf6-fe3c-55dc-8639-e8aa6d11ded2"
  // [end]
  // clang-format on
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_EQ(registration, "aba0caf6-fe3c-55dc-8639-e8aa6d11ded2");
}

void JsonExample() {
  // clang-format off
  // [carelearn/io/json.hpp#1]
  absl::StatusOr<carelearn::Format> f = carelearn::LoadFormat("huddle.json");
  if (!f.ok()) {
    std::cerr << f.status().message() << "\n";
    // huddle.json:7:18: /steps/1/budjet: unknown key "budjet"; did you mean "budget"?
  }
  std::string text = carelearn::ToJson(*f);
  // [end]
  // clang-format on
  EXPECT_EQ(text, ToJson(GivenFormat()));
}

void CanonicalExtensionsExample() {
  Step step;
  // clang-format off
  // [carelearn/io/json.hpp#2]
  step.extensions = *carelearn::CanonicalExtensions(R"({"room": "B2", "chairs": 8})");
  // "{\n  \"room\": \"B2\",\n  \"chairs\": 8\n}"
  // [end]
  // clang-format on
  EXPECT_EQ(step.extensions, "{\n  \"room\": \"B2\",\n  \"chairs\": 8\n}");
}

void OwnerOnlyFileExample() {
  // clang-format off
  // [carelearn/io/owner_only_file.hpp#1]
  absl::StatusOr<carelearn::OwnerOnlyFile> file = carelearn::OwnerOnlyFile::Create(
      "export.jsonl", carelearn::ExistingFile::kReplace);
  if (file.ok()) {
    file->stream() << "{...}\n";
    absl::Status s = file->Close();
  }
  // [end]
  // clang-format on
  EXPECT_TRUE(file.ok()) << file.status();
}

void ProgrammeJsonExample() {
  const TimeWindow window = TimeWindow::Days(absl::CivilDay(2018, 1, 1), absl::CivilDay(2019, 1, 1),
                                             CopenhagenTimeZone());
  // clang-format off
  // [carelearn/io/programme_json.hpp#1]
  absl::StatusOr<carelearn::ProgrammeDocument> doc =
      carelearn::LoadProgramme("examples/programmes/competence-module.json");
  if (!doc.ok()) {
    std::cerr << doc.status().message() << "\n";
    // competence-module.json:30:17: /entries/0/recurrence/rule: RRULE part
    // "FREQ=FORTNIGHTLY": unknown frequency; expected DAILY, WEEKLY or MONTHLY
  }
  auto schedule = carelearn::Expand(doc->programme, window, doc->calendar);
  std::string text = carelearn::ToJson(*doc);
  // [end]
  // clang-format on
  EXPECT_TRUE(schedule.ok()) << schedule.status();
  EXPECT_THAT(text, ::testing::StartsWith("{\n  \"carelearn\": \"programme/1\""));
}

void ParseProgrammeExample() {
  std::ifstream in("examples/programmes/competence-module.json", std::ios::binary);
  std::stringstream read;
  read << in.rdbuf();
  const std::string text = read.str();
  // clang-format off
  // [carelearn/io/programme_json.hpp#2]
  auto doc = carelearn::ParseProgramme(text, {.source_name = "plan.json"});
  // [end]
  // clang-format on
  EXPECT_TRUE(doc.ok()) << doc.status();
}

void ProgrammeToJsonExample() {
  const ProgrammeDocument document = *LoadProgramme("examples/programmes/competence-module.json");
  const Programme& programme = document.programme;
  const WorkCalendar& calendar = document.calendar;
  // clang-format off
  // [carelearn/io/programme_json.hpp#3]
  std::string text = carelearn::ToJson(programme, calendar);
  // {
  //   "carelearn": "programme/1",
  //   "id": "gentofte-2018",
  //   ...
  // [end]
  // clang-format on
  EXPECT_EQ(text, ToJson(document));
}

void SessionJsonExample() {
  const Session session = GivenSession();
  ASSERT_TRUE(WriteSessionsFile("export.jsonl", std::vector<Session>{session}).ok());
  // clang-format off
  // [carelearn/io/session_json.hpp#1]
  std::string line = carelearn::ToJsonLine(session);  // confidential text left out
  // {"carelearn":"session/1","id":"s-1","format":{"id":"systematic-learning-meeting",...
  absl::StatusOr<carelearn::Session> back = carelearn::ParseSessionLine(line);

  absl::StatusOr<carelearn::SessionReader> reader =
      carelearn::SessionReader::Open("export.jsonl");
  while (std::optional<carelearn::SessionLine> next = reader->Next()) {
    if (!next->session.ok()) std::cerr << next->session.status().message() << "\n";
    // export.jsonl:3:57: /participants/0/shift: expected one of "unspecified", ...
  }
  // [end]
  // clang-format on
  EXPECT_TRUE(back.ok()) << back.status();
}

// ------------------------------------------------------------ record

void CheckExample() {
  const Session session = GivenSession();
  const std::optional<Format> format = GivenFormat();
  // clang-format off
  // [carelearn/record/check.hpp#1]
  for (const carelearn::Diagnostic& d : carelearn::CheckSession(session, *format)) {
    std::cout << carelearn::FormatDiagnostic(d, carelearn::Lang::kEn) << "\n";
  }
  // error too-few-learning-points at learning_points: learning points: exactly 3
  // asked for, 2 recorded
  // [end]
  // clang-format on
}

void ClockExample() {
  // clang-format off
  // [carelearn/record/clock.hpp#1]
  carelearn::FakeClock clock(absl::FromUnixSeconds(1772629200));
  carelearn::RunnerOptions options;
  options.clock = &clock;  // a runner made with these options reads this clock
  clock.Advance(absl::Minutes(5));  // the case has been presented
  // [end]
  // clang-format on
  EXPECT_EQ(options.clock->Now(), absl::FromUnixSeconds(1772629200) + absl::Minutes(5));
}

void FakeClockExample() {
  // clang-format off
  // [carelearn/record/clock.hpp#2]
  carelearn::FakeClock clock(absl::UnixEpoch());
  clock.Advance(absl::Seconds(90));
  absl::Time now = clock.Now();  // 1970-01-01 00:01:30 UTC
  // [end]
  // clang-format on
  EXPECT_EQ(now, absl::FromCivil(absl::CivilSecond(1970, 1, 1, 0, 1, 30), absl::UTCTimeZone()));
}

void IdentifiersExample() {
  // clang-format off
  // [carelearn/record/identifiers.hpp#1]
  std::vector<carelearn::IdentifierMatch> found =
      carelearn::FindIdentifiers("Ring til Mette Hansen på 21 43 65 87");
  // {kName, 9, 12}, {kPhoneNumber, 26, 11}: offsets and lengths in bytes
  std::string shown = carelearn::MaskIdentifiers("CPR 010190-1234");  // "CPR [cpr-number]"
  // [end]
  // clang-format on
  EXPECT_THAT(found, ::testing::ElementsAre(IdentifierMatch{IdentifierKind::kName, 9, 12},
                                            IdentifierMatch{IdentifierKind::kPhoneNumber, 26, 11}));
  EXPECT_EQ(shown, "CPR [cpr-number]");
}

void FindIdentifiersExample() {
  // clang-format off
  // [carelearn/record/identifiers.hpp#2]
  auto found = carelearn::FindIdentifiers("skriv til jens@example.dk");
  // {kEmail, 10, 15}
  // [end]
  // clang-format on
  EXPECT_THAT(found, ::testing::ElementsAre(IdentifierMatch{IdentifierKind::kEmail, 10, 15}));
}

void MaskedIdExample() {
  // clang-format off
  // [carelearn/record/identifiers.hpp#3]
  std::string unit = carelearn::MaskedId("home-care-north");  // "home-care-north"
  std::string cpr = carelearn::MaskedId("0101901234");  // "masked-5d0c1f9e7a2b44c18e03d6aa"
  // [end]
  // clang-format on
  EXPECT_EQ(unit, "home-care-north");
  EXPECT_EQ(cpr.size(), 31u);
}

void LintSessionExample() {
  Session session = GivenSession();
  session.participants[0].id = "Mette Hansen";
  std::ostringstream shown;
  std::streambuf* const was = std::cout.rdbuf(shown.rdbuf());
  // clang-format off
  // [carelearn/record/identifiers.hpp#4]
  for (const carelearn::Diagnostic& d : carelearn::LintSession(session)) {
    std::cout << carelearn::FormatDiagnostic(d, carelearn::Lang::kEn) << "\n";
  }
  // warning identifier-in-id at participants[0].id: looks like a name; use a pseudonym ...
  // [end]
  // clang-format on
  std::cout.rdbuf(was);
  EXPECT_THAT(shown.str(), ::testing::StartsWith("warning identifier-in-id at participants[0].id: "
                                                 "looks like a name; use a pseudonym"));
}

void ApplyIdentifierPolicyExample() {
  Session session = GivenSession();
  session.participants[0].id = "0101901234";
  // clang-format off
  // [carelearn/record/identifiers.hpp#5]
  absl::StatusOr<std::vector<carelearn::Diagnostic>> found =
      carelearn::ApplyIdentifierPolicy(session, carelearn::IdentifierPolicy::kRefuse,
                                       "PutSession");
  // [end]
  // clang-format on
  EXPECT_EQ(found.status().code(), absl::StatusCode::kInvalidArgument);
}

void PseudonymExample() {
  const std::string key_from_secret_store(32, 'k');
  // clang-format off
  // [carelearn/record/pseudonym.hpp#1]
  auto p = carelearn::Pseudonymiser::Create(key_from_secret_store);
  std::string citizen = p->Pseudonym(carelearn::pseudonym_domains::kCitizen, "0101901234");
  // "5d0c1f9e7a2b44c18e03d6aa" (24 hex digits; depends on the key)
  // [end]
  // clang-format on
  EXPECT_EQ(citizen.size(), 24u);
}

void PseudonymCreateExample() {
  const std::string key_bytes(32, 'k');
  // clang-format off
  // [carelearn/record/pseudonym.hpp#2]
  auto p = carelearn::Pseudonymiser::Create(key_bytes);  // 32 random bytes
  // [end]
  // clang-format on
  EXPECT_TRUE(p.ok()) << p.status();
}

void RedactExample() {
  const Session session = GivenSession();
  const Pseudonymiser study_key = *Pseudonymiser::Create(std::string(32, 's'));
  // clang-format off
  // [carelearn/record/redact.hpp#1]
  carelearn::ExportOptions options;            // confidential text left out
  carelearn::Session safe = carelearn::Redact(session, options);
  options.evaluator = true;                    // no free text, no direct identifiers
  options.evaluator_pseudonymiser = &study_key;
  carelearn::Session for_study = carelearn::Redact(session, options);
  // [end]
  // clang-format on
  EXPECT_EQ(safe.learning_points.size(), for_study.learning_points.size());
}

void RedactSessionExample() {
  Session session = GivenSession();
  session.notes[0].confidential = true;
  // clang-format off
  // [carelearn/record/redact.hpp#2]
  carelearn::Session s = carelearn::Redact(session, {});
  std::string note = s.notes[0].text;  // "" when the note was confidential
  // [end]
  // clang-format on
  EXPECT_EQ(note, "");
}

void RunnerExample() {
  const absl::Time start = testing::MeetingTime();
  const std::optional<Format> format = GivenFormat();
  const std::vector<Participant> participants = GivenSession().participants;
  // clang-format off
  // [carelearn/record/runner.hpp#1]
  carelearn::FakeClock clock(start);
  carelearn::RunnerOptions options;
  options.clock = &clock;
  carelearn::SessionPlan plan;
  plan.unit = "home-care-north";
  auto runner = carelearn::Runner::Create(*format, plan, options);
  auto found = runner->Start(participants);         // diagnostics about roles, size
  clock.Advance(absl::Minutes(5));
  absl::Status s = runner->Next();                   // to "learning-questions"
  auto r = runner->RecordPromptUsed("biggest-challenge");
  // ... the other steps, each with Next() ...
  absl::StatusOr<carelearn::Session> session = runner->Finish();
  // [end]
  // clang-format on
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(session.status().ok()) << session.status();
  EXPECT_TRUE(found.ok()) << found.status();
}

void RunnerResumeExample() {
  const std::optional<Format> format = GivenFormat();
  FakeClock clock(testing::MeetingTime());
  RunnerOptions options;
  options.clock = &clock;
  absl::StatusOr<Runner> live = Runner::Create(*format, {.session_id = "s-9"}, options);
  ASSERT_TRUE(live.ok()) << live.status();
  ASSERT_TRUE(live->Start(GivenSession().participants).ok());
  std::optional<Store> store = *Store::Open(":memory:");
  const std::string id = "s-9";
  ASSERT_TRUE(store->PutSession(live->session()).ok());
  // clang-format off
  // [carelearn/record/runner.hpp#2]
  absl::StatusOr<carelearn::Session> partial = store->GetSession(id);
  absl::StatusOr<carelearn::Runner> runner =
      carelearn::Runner::Resume(*format, *partial, options);
  // [end]
  // clang-format on
  ASSERT_TRUE(runner.ok()) << runner.status();
}

void RosterIoExample() {
  {
    std::ofstream csv("staff.csv", std::ios::binary);
    csv << "person,unit,profession,shift,from,to\n"
           "p1,egely,nurse,day,2026-01-01,\n"
           "p2,egely,nurse,day,2026-01-01,\n"
           "3f9a0c4d2e1b7a9c,egely,nurse,day,2026-13-01,\n";
  }
  // clang-format off
  // [carelearn/io/roster_io.hpp#1]
  absl::StatusOr<carelearn::Roster> roster = carelearn::LoadRosterCsv("staff.csv");
  if (!roster.ok()) {
    std::cerr << roster.status().message() << "\n";
    // staff.csv:4:34: column "from": no such date: "2026-13-01"
  }
  // [end]
  // clang-format on
  EXPECT_EQ(roster.status().message(),
            "staff.csv:4:34: column \"from\": no such date: \"2026-13-01\"");
}

void ParseRosterCsvExample() {
  // clang-format off
  // [carelearn/io/roster_io.hpp#2]
  auto roster = carelearn::ParseRosterCsv("person,unit,from\np1,egely,2026-01-01\n", "staff");
  // [end]
  // clang-format on
  ASSERT_TRUE(roster.ok()) << roster.status();
  {
    std::ofstream csv("staff.csv", std::ios::binary);
    csv << RosterToCsv(*roster);
  }
  {
    std::ofstream json("staff.json", std::ios::binary);
    json << R"({"carelearn": "roster/1", "members": [)"
            R"({"person": "p1", "unit": "egely", "from": "2026-01-01"}]})";
  }
}

void LoadRosterCsvExample() {
  // clang-format off
  // [carelearn/io/roster_io.hpp#3]
  auto roster = carelearn::LoadRosterCsv("staff.csv");
  // [end]
  // clang-format on
  ASSERT_TRUE(roster.ok()) << roster.status();
  EXPECT_EQ(roster->members.size(), 1U);
}

void ParseRosterJsonExample() {
  const std::string text =
      R"({"carelearn": "roster/1", "members": [{"person": "p1", "unit": "egely", "from": "2026-01-01"}]})";
  // clang-format off
  // [carelearn/io/roster_io.hpp#4]
  auto roster = carelearn::ParseRosterJson(text, {.source_name = "staff.json"});
  // [end]
  // clang-format on
  ASSERT_TRUE(roster.ok()) << roster.status();
  EXPECT_EQ(roster->members.size(), 1U);
}

void LoadRosterJsonExample() {
  // clang-format off
  // [carelearn/io/roster_io.hpp#5]
  auto roster = carelearn::LoadRosterJson("staff.json");
  // [end]
  // clang-format on
  ASSERT_TRUE(roster.ok()) << roster.status();
  EXPECT_EQ(roster->members[0].unit, "egely");
}

void RosterToCsvExample() {
  const Roster roster = *ParseRosterCsv("person,unit,from\np1,egely,2026-01-01\n");
  // clang-format off
  // [carelearn/io/roster_io.hpp#6]
  std::string csv = carelearn::RosterToCsv(roster);
  // [end]
  // clang-format on
  EXPECT_EQ(csv, "person,unit,profession,shift,from,to\np1,egely,,,2026-01-01,\n");
}

void RosterExample() {
  // clang-format off
  // [carelearn/record/roster.hpp#1]
  carelearn::Roster roster;
  roster.members.push_back({"3f9a0c...", "home-care-north", "nurse", carelearn::Shift::kDay,
                            absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 3, 15)});
  roster.members.push_back({"3f9a0c...", "home-care-south", "nurse", carelearn::Shift::kDay,
                            absl::CivilDay(2026, 3, 16), std::nullopt});
  absl::Status ok = carelearn::ValidateRoster(roster);
  const carelearn::RosterMember* gone =
      roster.MemberOn("3f9a0c...", "home-care-north", absl::CivilDay(2026, 4, 1));  // nullptr
  // [end]
  // clang-format on
  EXPECT_TRUE(ok.ok()) << ok;
  EXPECT_EQ(gone, nullptr);
}

void ValidateRosterExample() {
  Roster roster;
  for (const int month : {1, 2, 3}) {
    roster.members.push_back({absl::StrCat("p", month), "egely", "", Shift::kDay,
                              absl::CivilDay(2026, month, 1), std::nullopt});
  }
  roster.members.push_back(
      {"3f9a0c...", "egely", "", Shift::kDay, absl::CivilDay(2026, 2, 1), std::nullopt});
  roster.members[1].person = "3f9a0c...";
  roster.members[1].from = absl::CivilDay(2026, 1, 1);
  // clang-format off
  // [carelearn/record/roster.hpp#2]
  std::string why(carelearn::ValidateRoster(roster).message());
  // members[3]: person "3f9a0c..." is in unit "egely" from 2026-01-01 in members[1]
  // too: the memberships overlap
  // [end]
  // [carelearn/record/roster.hpp#3]
  absl::Status s =
      carelearn::ValidateRoster(roster, [](std::size_t i) { return "row " + std::to_string(i); });
  // [end]
  // clang-format on
  EXPECT_THAT(why, ::testing::StartsWith("members[3]: person \"3f9a0c...\""));
  EXPECT_THAT(std::string(s.message()), ::testing::StartsWith("row 3: "));
}

void RepseudonymiseExample() {
  const Roster roster = *ParseRosterCsv("person,unit,from\np1,egely,2026-01-01\n");
  const Pseudonymiser study_key = *Pseudonymiser::Create(std::string(32, 's'));
  // clang-format off
  // [carelearn/record/roster.hpp#4]
  carelearn::Roster for_study = carelearn::Repseudonymise(roster, study_key);
  // [end]
  // clang-format on
  EXPECT_NE(for_study.members[0].person, "p1");
}

void SessionExample() {
  const absl::TimeZone tz = CopenhagenTimeZone();
  // clang-format off
  // [carelearn/record/session.hpp#1]
  carelearn::Session s;
  s.id = "2026-03-04-home-care-north";
  s.format_id = "systematic-learning-meeting";
  s.format_version = 1;
  s.unit = "home-care-north";
  s.planned_start = absl::FromCivil(absl::CivilMinute(2026, 3, 4, 14, 0), tz);
  s.actual_start = s.planned_start + absl::Minutes(2);
  s.participants.push_back({"3f9a0c...", "facilitator", "home-care-north", "nurse",
                            carelearn::Shift::kDay});
  absl::Status ok = carelearn::ValidateSession(s);
  // [end]
  // clang-format on
  EXPECT_TRUE(ok.ok()) << ok;
}

void NewSessionIdExample() {
  // clang-format off
  // [carelearn/record/session.hpp#2]
  std::string id = carelearn::NewSessionId();  // "9b1f0c2e..."
  // [end]
  // clang-format on
  EXPECT_EQ(id.size(), 32u);
}

void ValidateSessionExample() {
  Session session = GivenSession();
  session.feedback[0].rating = 7;
  // clang-format off
  // [carelearn/record/session.hpp#3]
  absl::Status s = carelearn::ValidateSession(session);
  // session "s-1": feedback[0].rating: 7 is not from 1 to 5
  // [end]
  // clang-format on
  EXPECT_EQ(s.message(), "session \"s-1\": feedback[0].rating: 7 is not from 1 to 5");
}

// ------------------------------------------------------------ store

void StoreExample() {
  const Session session = GivenSession();
  const absl::TimeZone tz = CopenhagenTimeZone();
  // clang-format off
  // [carelearn/store/store.hpp#1]
  absl::StatusOr<carelearn::Store> store = carelearn::Store::Open("learning.db");
  absl::Status s = store->PutSession(session);
  carelearn::SessionQuery q;
  q.unit = "home-care-north";
  q.from = absl::FromCivil(absl::CivilDay(2026, 1, 1), tz);
  absl::StatusOr<std::vector<carelearn::Session>> sessions = store->FindSessions(q);
  absl::StatusOr<std::size_t> n = store->ExportJsonLines("for-evaluation.jsonl", q);
  // [end]
  // clang-format on
  EXPECT_TRUE(s.ok()) << s;
  ASSERT_TRUE(sessions.ok()) << sessions.status();
  EXPECT_TRUE(n.ok()) << n.status();
}

void ScanSessionsExample() {
  std::optional<Store> store = *Store::Open(":memory:");
  ASSERT_TRUE(store->PutSession(GivenSession()).ok());
  // clang-format off
  // [carelearn/store/store.hpp#2]
  absl::Status s = store->ScanSessions({}, [](const carelearn::StoredSessionView& v) {
    std::cout << v.id << ": " << v.body.size() << " bytes\n";
    return absl::OkStatus();
  });
  // [end]
  // clang-format on
  EXPECT_TRUE(s.ok()) << s;
}

// ------------------------------------------------------------ model

void WordingExample() {
  // clang-format off
  // [carelearn/model/wording.hpp#1]
  std::string round = carelearn::DescribeBudget(
      carelearn::TimeBudget::PerParticipant(1, 1).About());  // "ca. 1 min each"
  carelearn::Cadence fortnightly;
  fortnightly.interval = 2;  // weeks
  std::string da = carelearn::DescribeCadence(fortnightly, carelearn::Lang::kDa);
  // "hver 2. uge"
  // [end]
  // clang-format on
  EXPECT_EQ(round, "ca. 1 min each");
  EXPECT_EQ(da, "hver 2. uge");
}

// ------------------------------------------------------------ the checks

// The Example: blocks of `header` (a path under include/), each as its lines
// without their comment marker and the three spaces that indent the code.
std::vector<std::string> HeaderExamples(const std::string& header) {
  std::ifstream in(std::filesystem::path(CARELEARN_SOURCE_DIR) / "include" / header);
  std::vector<std::optional<std::string>> comments;  // std::nullopt: not a comment line
  for (std::string line; std::getline(in, line);) {
    line.erase(0, std::min(line.size(), line.find_first_not_of(' ')));
    if (line.rfind("///", 0) == 0) {
      comments.emplace_back(line.substr(3));
    } else if (line.rfind("//", 0) == 0) {
      comments.emplace_back(line.substr(2));
    } else {
      comments.emplace_back(std::nullopt);
    }
  }
  const auto code = [&](std::size_t i) {
    return i < comments.size() && comments[i] && comments[i]->rfind("   ", 0) == 0;
  };
  const auto blank = [&](std::size_t i) {
    return i < comments.size() && comments[i] &&
           comments[i]->find_first_not_of(' ') == std::string::npos;
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    if (!comments[i] || comments[i]->find("Example:") == std::string::npos) continue;
    ++i;
    while (blank(i)) ++i;
    std::string block;
    while (code(i) || (blank(i) && code(i + 1))) {
      if (code(i)) block += comments[i]->substr(3);
      block += "\n";
      ++i;
    }
    out.push_back(block);
  }
  return out;
}

// The blocks copied into this file, by "<header>#<n>", without the two
// spaces that indent a function's body.
std::map<std::string, std::string> CopiedExamples() {
  std::ifstream in(std::filesystem::path(CARELEARN_SOURCE_DIR) / "tests" / "cpp" / "snippets" /
                   "snippets_test.cpp");
  std::map<std::string, std::string> out;
  std::string name;
  std::string block;
  for (std::string line; std::getline(in, line);) {
    const std::size_t indent = std::min(line.size(), line.find_first_not_of(' '));
    const std::string trimmed = line.substr(indent);
    if (trimmed.rfind("// [carelearn/", 0) == 0 && trimmed.back() == ']') {
      name = trimmed.substr(4, trimmed.size() - 5);
      block.clear();
    } else if (trimmed == "// [end]" && !name.empty()) {
      out[name] = block;
      name.clear();
    } else if (!name.empty()) {
      block += (line.size() >= 2 ? line.substr(2) : std::string()) + "\n";
    }
  }
  return out;
}

TEST(SnippetsTest, ExamplesAreTheHeadersText) {
  const std::map<std::string, std::string> copied = CopiedExamples();
  std::vector<std::string> headers = {"carelearn/model/wording.hpp"};
  for (const char* layer : {"io", "record", "store"}) {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(CARELEARN_SOURCE_DIR) / "include" / "carelearn" / layer)) {
      headers.push_back(absl::StrCat("carelearn/", layer, "/", entry.path().filename().string()));
    }
  }
  std::size_t checked = 0;
  for (const std::string& header : headers) {
    const std::vector<std::string> examples = HeaderExamples(header);
    for (std::size_t i = 0; i < examples.size(); ++i) {
      const std::string name = absl::StrCat(header, "#", i + 1);
      const auto it = copied.find(name);
      if (it == copied.end()) {
        ADD_FAILURE() << name << " is not copied into tests/cpp/snippets/snippets_test.cpp";
        continue;
      }
      EXPECT_EQ(it->second, examples[i]) << name << " differs from the header's text";
      ++checked;
    }
  }
  EXPECT_EQ(checked, copied.size()) << "a block here names an example the headers do not have";
  EXPECT_GE(checked, 22u);
}

TEST(SnippetsTest, ExamplesRun) {
  const std::filesystem::path home = std::filesystem::current_path();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / absl::StrCat("carelearn-snippets-", ::getpid());
  std::filesystem::create_directories(dir / "examples" / "programmes");
  std::filesystem::copy_file(std::filesystem::path(CARELEARN_SOURCE_DIR) / "examples" /
                                 "programmes" / "competence-module.json",
                             dir / "examples" / "programmes" / "competence-module.json");
  {
    std::ofstream huddle(dir / "huddle.json", std::ios::binary);
    huddle << ToJson(GivenFormat());
  }
  std::filesystem::current_path(dir);
  for (void (*example)() : {&BuiltinCatalogExample,
                            &ErrorsExample,
                            &JsonExample,
                            &CanonicalExtensionsExample,
                            &OwnerOnlyFileExample,
                            &ProgrammeJsonExample,
                            &ParseProgrammeExample,
                            &ProgrammeToJsonExample,
                            &SessionJsonExample,
                            &CheckExample,
                            &ClockExample,
                            &FakeClockExample,
                            &PseudonymExample,
                            &PseudonymCreateExample,
                            &IdentifiersExample,
                            &FindIdentifiersExample,
                            &MaskedIdExample,
                            &LintSessionExample,
                            &ApplyIdentifierPolicyExample,
                            &RedactExample,
                            &RedactSessionExample,
                            &RunnerExample,
                            &SessionExample,
                            &NewSessionIdExample,
                            &ValidateSessionExample,
                            &StoreExample,
                            &WordingExample,
                            &FhirExample,
                            &FhirUrlExample,
                            &FhirWriteExample,
                            &FhirVariantExample,
                            &ParsePlanDefinitionExample,
                            &XapiExample,
                            &XapiIdsExample,
                            &RunnerResumeExample,
                            &RosterIoExample,
                            &ParseRosterCsvExample,
                            &LoadRosterCsvExample,
                            &ParseRosterJsonExample,
                            &LoadRosterJsonExample,
                            &RosterToCsvExample,
                            &RosterExample,
                            &ValidateRosterExample,
                            &RepseudonymiseExample,
                            &ScanSessionsExample}) {
    example();
  }
  std::filesystem::current_path(home);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace carelearn
