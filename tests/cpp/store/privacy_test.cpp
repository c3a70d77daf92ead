// What the store and its exports keep out: the pseudonymisation key, direct
// identifiers, confidential text.
#include "carelearn/store/store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <sstream>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace carelearn
