// What the store and its exports keep out: the pseudonymisation key, direct
// identifiers, confidential text.
#include "carelearn/store/store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "carelearn/record/identifiers.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "record/fixtures.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using testing::FullSession;
using testing::ReadBytes;
using testing::TempDir;

const std::string kKey = "K3y-of-the-organisation/2026#x9Q";

std::string Hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

// A session whose people are pseudonymised from their real identifiers.
Session Pseudonymised(const Pseudonymiser& p, std::string id) {
  Session s = FullSession(std::move(id));
  const std::vector<std::string> staff_numbers = {"E1001", "E1002", "E1003", "E1004", "E1005"};
  for (std::size_t i = 0; i < s.participants.size(); ++i) {
    const std::string old = s.participants[i].id;
    const std::string pseudonym = p.Pseudonym(pseudonym_domains::kStaff, staff_numbers[i]);
    s.participants[i].id = pseudonym;
    for (LearningPoint& lp : s.learning_points) {
      if (lp.author == old) lp.author = pseudonym;
    }
    for (Feedback& f : s.feedback) {
      if (f.participant == old) f.participant = pseudonym;
    }
    for (Action& a : s.actions) {
      if (a.owner == old) a.owner = pseudonym;
    }
  }
  s.presented_case->citizen = p.Pseudonym(pseudonym_domains::kCitizen, "0101901234");
  return s;
}

TEST(PrivacyTest, TheKeyAndTheIdentifiersAreNowhereInTheFiles) {
  TempDir dir;
  const std::string path = dir.File("learning.db");
  absl::StatusOr<Pseudonymiser> p = Pseudonymiser::Create(kKey);
  ASSERT_TRUE(p.ok());
  std::string db_files;
  {
    absl::StatusOr<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE(store->PutSession(Pseudonymised(*p, "s-" + std::to_string(i))).ok());
    }
    EXPECT_EQ(store->GetSession("s-3")->presented_case->citizen,
              p->Pseudonym(pseudonym_domains::kCitizen, "0101901234"));
    // While open, the sessions are partly in the WAL.
    db_files = ReadBytes(path) + ReadBytes(path + "-wal") + ReadBytes(path + "-shm");
    struct stat info {};
    for (const char* suffix : {"", "-wal", "-shm"}) {
      ASSERT_EQ(::stat((path + suffix).c_str(), &info), 0) << suffix;
      EXPECT_EQ(info.st_mode & 0777, 0600u) << suffix;
    }
  }
  db_files += ReadBytes(path);  // and after the checkpoint at close
  ASSERT_GT(db_files.size(), 4096u);
  EXPECT_EQ(db_files.find(kKey), std::string::npos);
  EXPECT_EQ(db_files.find(Hex(kKey)), std::string::npos);
  EXPECT_EQ(db_files.find(kKey.substr(0, 12)), std::string::npos);
  EXPECT_EQ(db_files.find("0101901234"), std::string::npos);
  EXPECT_EQ(db_files.find("E1003"), std::string::npos);
  EXPECT_NE(db_files.find(p->Pseudonym(pseudonym_domains::kStaff, "E1003")), std::string::npos);
}

TEST(PrivacyTest, AnErasedSessionLeavesNoTextInTheFiles) {
  TempDir dir;
  const std::string path = dir.File("learning.db");
  absl::StatusOr<Store> store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  Session keep = FullSession("keep");
  Session erase = FullSession("erase");
  erase.notes[1].text = "Erase me: Mrs Olsen, Birkevej 12.";
  erase.actions[0].text = "Erase this action about Mrs Olsen.";
  ASSERT_TRUE(store->PutSession(keep).ok());
  ASSERT_TRUE(store->PutSession(erase).ok());
  ASSERT_TRUE(store->DeleteSession("erase").ok());
  const std::string files = ReadBytes(path) + ReadBytes(path + "-wal");
  EXPECT_EQ(files.find("Mrs Olsen"), std::string::npos);
  EXPECT_NE(files.find("Mrs Jensen"), std::string::npos);  // the kept session's note
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(PrivacyTest, ConfidentialTextLeavesOnlyWhenAskedFor) {
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->PutSession(FullSession()).ok());
  // Stored in full: it is the organisation's record.
  EXPECT_EQ(store->GetSession("s-1")->notes[1].text, FullSession().notes[1].text);

  std::ostringstream by_default;
  ASSERT_TRUE(store->ExportJsonLines(by_default).ok());
  EXPECT_EQ(by_default.str().find("Skovvej"), std::string::npos);
  EXPECT_EQ(by_default.str().find("medicinen"), std::string::npos);

  ExportOptions asked;
  asked.include_confidential = true;
  std::ostringstream on_request;
  ASSERT_TRUE(store->ExportJsonLines(on_request, {}, asked).ok());
  EXPECT_NE(on_request.str().find("Skovvej"), std::string::npos);
  EXPECT_NE(on_request.str().find("medicinen"), std::string::npos);
}

// Fix (privacy issue, point 4): the store keeps the flag of an action (in
// `actions`), of feedback and of a cancellation (in the session's body), and
// its exports leave their text out unless asked for.
TEST(PrivacyTest, ConfidentialActionsFeedbackAndCancellationNotesLeaveOnlyWhenAskedFor) {
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Session s = FullSession();
  s.actions[1].text = "Hent nøglen hos 010203-1234 (hemmelig handling).";
  s.actions[1].confidential = true;
  s.feedback[0].comment = "Hemmelig kommentar.";
  s.feedback[0].confidential = true;
  s.actual_end = *s.actual_start + absl::Minutes(15);  // called off after two steps
  s.steps.resize(2);
  s.cancellation = Cancellation{CancelReason::kWorkload, "Hemmelig aflysning.", true};
  ASSERT_TRUE(store->PutSession(s).ok());
  // Stored in full, flags and all.
  EXPECT_EQ(*store->GetSession("s-1"), s);
  ActionQuery of_session;
  of_session.session_id = "s-1";
  absl::StatusOr<std::vector<ActionRecord>> actions = store->FindActions(of_session);
  ASSERT_TRUE(actions.ok());
  ASSERT_EQ(actions->size(), 2u);
  EXPECT_FALSE((*actions)[0].action.confidential);
  EXPECT_TRUE((*actions)[1].action.confidential);
  EXPECT_EQ((*actions)[1].action, s.actions[1]);
  std::vector<bool> scanned;
  ASSERT_TRUE(store
                  ->ScanSessions({},
                                 [&](const StoredSessionView& v) {
                                   absl::StatusOr<Session> read = ParseSessionLine(v.body);
                                   EXPECT_TRUE(read.ok()) << read.status();
                                   if (!read.ok()) return absl::OkStatus();
                                   for (const Action& a : read->actions) {
                                     scanned.push_back(a.confidential);
                                   }
                                   return absl::OkStatus();
                                 })
                  .ok());
  EXPECT_EQ(scanned, (std::vector<bool>{false, true}));

  std::ostringstream by_default;
  ASSERT_TRUE(store->ExportJsonLines(by_default).ok());
  for (const char* secret :
       {"010203", "hemmelig handling", "Hemmelig kommentar", "Hemmelig aflysning", "Hent nøglen"}) {
    EXPECT_EQ(by_default.str().find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(by_default.str().find("A checklist for conversations"), std::string::npos);
  EXPECT_NE(by_default.str().find(R"("cancellation":{"reason":"workload","confidential":true})"),
            std::string::npos);

  ExportOptions asked;
  asked.include_confidential = true;
  std::ostringstream on_request;
  ASSERT_TRUE(store->ExportJsonLines(on_request, {}, asked).ok());
  for (const char* secret : {"Hent nøglen hos 010203-1234 (hemmelig handling).",
                             "Hemmelig kommentar.", "Hemmelig aflysning."}) {
    EXPECT_NE(on_request.str().find(secret), std::string::npos) << secret;
  }
  // The full export imports to the same session, flags and all.
  absl::StatusOr<Store> copy = Store::Open(":memory:");
  ASSERT_TRUE(copy.ok());
  std::istringstream in(on_request.str());
  ASSERT_TRUE(copy->ImportJsonLines(in).ok());
  EXPECT_EQ(*copy->GetSession("s-1"), s);
}

TEST(PrivacyTest, TheEvaluatorExportHasNoDirectIdentifiers) {
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Session s = FullSession();
  s.actions[0].owner = "Anne Jensen";
  s.cancellation = Cancellation{CancelReason::kOther, "Fru Hansen faldt"};
  ASSERT_TRUE(store->PutSession(s).ok());
  absl::StatusOr<Pseudonymiser> study = Pseudonymiser::Create("the evaluation's own key 2026");
  ASSERT_TRUE(study.ok());
  ExportOptions options;
  options.evaluator = true;
  options.include_confidential = true;  // has no effect for evaluators
  options.evaluator_pseudonymiser = &*study;
  std::ostringstream out;
  ASSERT_TRUE(store->ExportJsonLines(out, {}, options).ok());
  const std::string text = out.str();
  std::vector<std::string> identifying = {"Anne Jensen", "Fru Hansen", "c-7f3a", "\"s-1\""};
  for (const Participant& p : s.participants) identifying.push_back("\"" + p.id + "\"");
  for (const LearningPoint& lp : s.learning_points) identifying.push_back(lp.text);
  for (const Action& a : s.actions) identifying.push_back(a.text);
  for (const Note& n : s.notes) identifying.push_back(n.text);
  identifying.push_back(s.feedback[0].comment);
  for (const std::string& needle : identifying) {
    EXPECT_EQ(text.find(needle), std::string::npos) << needle;
  }
  EXPECT_NE(text.find(R"("redaction":"evaluator")"), std::string::npos);
  EXPECT_NE(text.find(R"("profession":"nurse")"), std::string::npos);  // what evaluators need
  EXPECT_NE(text.find(R"("category":"difficult-conversation")"), std::string::npos);
  EXPECT_NE(text.find(R"("rating":4)"), std::string::npos);
}

// The linter at the store's door: warnings by default, refused when strict.
TEST(PrivacyTest, PutAndImportReportWhatTheLinterFinds) {
  Session s = FullSession();
  s.participants[1].id = "mette.hansen";
  s.learning_points[0].author = "mette.hansen";
  s.notes[1].text = "";  // the fixture's confidential note names Mrs Jensen
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  std::vector<Diagnostic> findings;
  ASSERT_TRUE(store->PutSession(s, &findings).ok());
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].path, "participants[1].id");
  EXPECT_EQ(findings[1].path, "learning_points[0].author");
  EXPECT_EQ(findings[0].severity, Severity::kWarning);

  StoreOptions strict;
  strict.identifiers = IdentifierPolicy::kRefuse;
  absl::StatusOr<Store> careful = Store::Open(":memory:", strict);
  ASSERT_TRUE(careful.ok());
  const absl::Status refused = careful->PutSession(s);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(refused.message()),
            "PutSession: session \"s-1\": participants[1].id: looks like a name; use a pseudonym "
            "(Pseudonymiser) (identifier policy \"refuse\")");
  EXPECT_EQ(*careful->CountSessions(), 0u);

  ExportOptions all;
  all.include_confidential = true;
  std::ostringstream lines;
  ASSERT_TRUE(store->ExportJsonLines(lines, {}, all).ok());
  absl::StatusOr<Store> other = Store::Open(":memory:");
  std::istringstream in(lines.str());
  ImportOptions how;
  how.source_name = "full.jsonl";
  absl::StatusOr<ImportResult> imported = other->ImportJsonLines(in, how);
  ASSERT_TRUE(imported.ok()) << imported.status();
  ASSERT_EQ(imported->findings.size(), 2u);
  EXPECT_EQ(imported->findings[0].line, 1u);
  EXPECT_EQ(imported->findings[0].diagnostic.path, "participants[1].id");
  std::istringstream again(lines.str());
  absl::StatusOr<ImportResult> stopped = careful->ImportJsonLines(again, how);
  EXPECT_EQ(stopped.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(stopped.status().message()),
            "full.jsonl:1: session \"s-1\": participants[1].id: looks like a name; use a "
            "pseudonym (Pseudonymiser) (identifier policy \"refuse\")");
  EXPECT_EQ(*careful->CountSessions(), 0u);
}

// An evaluator's export file comes with its manifest: what was removed, how
// ids were pseudonymised, the key's fingerprint, never the key.
TEST(PrivacyTest, TheEvaluatorExportHasAManifest) {
  TempDir dir;
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->PutSession(FullSession()).ok());
  const std::string key = "the evaluation's own key 2026";
  absl::StatusOr<Pseudonymiser> study = Pseudonymiser::Create(key);
  ASSERT_TRUE(study.ok());
  ExportOptions options;
  options.evaluator = true;
  options.evaluator_pseudonymiser = &*study;
  const std::filesystem::path out = dir.File("for-study.jsonl");
  ASSERT_TRUE(store->ExportJsonLines(out, {}, options).ok());
  const std::string manifest = ReadBytes(dir.File("for-study.jsonl.manifest.json"));
  EXPECT_NE(manifest.find(R"("kind":"export-manifest/1")"), std::string::npos);
  EXPECT_NE(manifest.find(R"("sessions":1)"), std::string::npos);
  EXPECT_NE(manifest.find(R"("key_fingerprint":")" + study->Fingerprint() + "\""),
            std::string::npos);
  EXPECT_EQ(manifest.find(key), std::string::npos);
  EXPECT_EQ(manifest.find(Hex(key)), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(dir.File("for-study.jsonl.manifest.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // The organisation's own export has no manifest beside it.
  ASSERT_TRUE(store->ExportJsonLines(std::filesystem::path(dir.File("own.jsonl"))).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.File("own.jsonl.manifest.json")));
}
}  // namespace
}  // namespace carelearn
