#include "carelearn/record/redact.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "absl/strings/str_format.h"
#include "carelearn/record/identifiers.hpp"
#include "record/fixtures.hpp"

namespace carelearn {
namespace {

using testing::FullSession;

TEST(RedactionTest, Names) {
  for (Redaction r : {Redaction::kNone, Redaction::kConfidential, Redaction::kEvaluator}) {
    EXPECT_EQ(ParseRedaction(RedactionName(r)), r);
  }
  EXPECT_EQ(ParseRedaction("all"), std::nullopt);
}

TEST(RedactionTest, TheDefaultLeavesConfidentialTextOut) {
  ExportOptions options;
  EXPECT_EQ(RedactionOf(options), Redaction::kConfidential);
  const Session original = FullSession();
  Session s = Redact(original, options);
  ASSERT_EQ(s.learning_points.size(), 2u);
  EXPECT_EQ(s.learning_points[0].text, original.learning_points[0].text);
  EXPECT_EQ(s.learning_points[1].text, "");  // confidential
  EXPECT_TRUE(s.learning_points[1].confidential);
  EXPECT_EQ(s.notes[0].text, original.notes[0].text);
  EXPECT_EQ(s.notes[1].text, "");  // confidential
  // Everything else stays.
  s.learning_points[1].text = original.learning_points[1].text;
  s.notes[1].text = original.notes[1].text;
  EXPECT_EQ(s, original);
}

// A held session whose second action, feedback comment and cancellation
// note are marked confidential; the first action and the second feedback not.
Session WithConfidentialActionFeedbackAndCancellation() {
  Session s = FullSession();
  s.actions[1].text = "Ring til borgeren 010203-1234 om nøglen.";
  s.actions[1].confidential = true;
  s.feedback[0].comment = "Datteren til Mette Hansen ringer hver dag.";
  s.feedback[0].confidential = true;
  s.feedback.push_back({"joint-reflection", "p-c2", 5, "Godt møde.", false});
  s.cancellation = Cancellation{CancelReason::kOther, "Borgeren 010203-1234 døde i nat.", true};
  return s;
}

// Fix (privacy issue, point 4): an action text, a feedback comment and a
// cancellation note can be marked confidential, and are then left out as
// learning points and notes are.
TEST(RedactionTest, TheDefaultLeavesConfidentialActionsFeedbackAndCancellationNotesOut) {
  const Session original = WithConfidentialActionFeedbackAndCancellation();
  Session s = Redact(original, {});
  EXPECT_EQ(s.actions[0].text, "A checklist for conversations with relatives.");
  EXPECT_EQ(s.actions[1].text, "");
  EXPECT_TRUE(s.actions[1].confidential);
  EXPECT_FALSE(s.actions[0].confidential);
  EXPECT_EQ(s.feedback[0].comment, "");
  EXPECT_TRUE(s.feedback[0].confidential);
  EXPECT_EQ(s.feedback[0].rating, 4);  // only the text goes
  EXPECT_EQ(s.feedback[1].comment, "Godt møde.");
  ASSERT_TRUE(s.cancellation.has_value());
  EXPECT_EQ(s.cancellation->note, "");
  EXPECT_TRUE(s.cancellation->confidential);
  EXPECT_EQ(s.cancellation->reason, CancelReason::kOther);
  // The items stay, so the counts are true; nothing else changes.
  EXPECT_EQ(s.actions.size(), 2u);
  EXPECT_EQ(s.feedback.size(), 2u);
  s.actions[1].text = original.actions[1].text;
  s.feedback[0].comment = original.feedback[0].comment;
  s.cancellation->note = original.cancellation->note;
  // The confidential learning point and note go as before.
  s.learning_points[1].text = original.learning_points[1].text;
  s.notes[1].text = original.notes[1].text;
  EXPECT_EQ(s, original);
  // Not confidential, the same texts stay, their identifiers masked.
  Session plain = original;
  plain.actions[1].confidential = false;
  plain.feedback[0].confidential = false;
  plain.cancellation->confidential = false;
  const Session masked = Redact(plain, {});
  EXPECT_EQ(masked.actions[1].text, "Ring til borgeren [cpr-number] om nøglen.");
  EXPECT_EQ(masked.feedback[0].comment, "Datteren til [name] ringer hver dag.");
  EXPECT_EQ(masked.cancellation->note, "Borgeren [cpr-number] døde i nat.");
}

TEST(RedactionTest, ConfidentialActionsFeedbackAndCancellationNotesOnlyWhenAskedFor) {
  const Session original = WithConfidentialActionFeedbackAndCancellation();
  ExportOptions everything;
  everything.include_confidential = true;
  EXPECT_EQ(Redact(original, everything), original);
  // Evaluators get no free text, confidential or not, even when they ask.
  everything.evaluator = true;
  const Session s = Redact(original, everything);
  for (const Action& a : s.actions) EXPECT_EQ(a.text, "");
  for (const Feedback& f : s.feedback) EXPECT_EQ(f.comment, "");
  EXPECT_EQ(s.cancellation->note, "");
  EXPECT_TRUE(s.actions[1].confidential);
  EXPECT_TRUE(s.feedback[0].confidential);
  EXPECT_TRUE(s.cancellation->confidential);
}

TEST(RedactionTest, ConfidentialTextOnlyWhenAskedFor) {
  ExportOptions options;
  options.include_confidential = true;
  EXPECT_EQ(RedactionOf(options), Redaction::kNone);
  EXPECT_EQ(Redact(FullSession(), options), FullSession());
}

TEST(RedactionTest, EvaluatorsGetNoFreeTextAndNoCitizen) {
  ExportOptions options;
  options.evaluator = true;
  options.include_confidential = true;  // ignored for evaluators
  EXPECT_EQ(RedactionOf(options), Redaction::kEvaluator);
  Session original = FullSession();
  original.cancellation = Cancellation{CancelReason::kOther, "Ms Hansen fell."};
  original.actions[0].owner = "Anne Jensen";  // a name, not a role or a participant
  Session s = Redact(original, options);
  EXPECT_EQ(s.id, original.id);
  EXPECT_EQ(s.participants, original.participants);
  EXPECT_EQ(s.cancellation->note, "");
  EXPECT_EQ(s.cancellation->reason, CancelReason::kOther);
  EXPECT_EQ(s.presented_case, (Case{"difficult-conversation", ""}));
  for (const LearningPoint& lp : s.learning_points) EXPECT_EQ(lp.text, "");
  EXPECT_EQ(s.learning_points[0].author, "p-case");
  for (const Action& a : s.actions) EXPECT_EQ(a.text, "");
  EXPECT_EQ(s.actions[0].owner, "");      // a name is dropped
  EXPECT_EQ(s.actions[1].owner, "p-c1");  // a participant stays
  EXPECT_EQ(s.actions[0].due, original.actions[0].due);
  EXPECT_EQ(s.feedback[0].comment, "");
  EXPECT_EQ(s.feedback[0].rating, 4);
  for (const Note& n : s.notes) EXPECT_EQ(n.text, "");
  EXPECT_EQ(s.steps, original.steps);
  EXPECT_EQ(s.prompts, original.prompts);
}

TEST(RedactionTest, EvaluatorsCanGetTheirOwnPseudonyms) {
  absl::StatusOr<Pseudonymiser> study = Pseudonymiser::Create("evaluation-2026-key-material!");
  ASSERT_TRUE(study.ok());
  ExportOptions options;
  options.evaluator = true;
  options.evaluator_pseudonymiser = &*study;
  Session original = FullSession();
  original.actions[0].owner = "leader";
  Session s = Redact(original, options);
  EXPECT_EQ(s.id, study->Pseudonym("session", "s-1"));
  for (std::size_t i = 0; i < s.participants.size(); ++i) {
    EXPECT_EQ(s.participants[i].id,
              study->Pseudonym(pseudonym_domains::kStaff, original.participants[i].id));
    EXPECT_EQ(s.participants[i].role, original.participants[i].role);
    EXPECT_EQ(s.participants[i].profession, original.participants[i].profession);
  }
  EXPECT_EQ(s.learning_points[0].author, study->Pseudonym(pseudonym_domains::kStaff, "p-case"));
  EXPECT_EQ(s.actions[0].owner, "leader");  // a role stays as it is
  EXPECT_EQ(s.actions[1].owner, study->Pseudonym(pseudonym_domains::kStaff, "p-c1"));
  EXPECT_EQ(s.feedback[0].participant, study->Pseudonym(pseudonym_domains::kStaff, "p-c1"));
  // The same person is the same pseudonym across sessions.
  Session other = Redact(FullSession("s-2"), options);
  EXPECT_EQ(other.participants[0].id, s.participants[0].id);
  EXPECT_NE(other.id, s.id);
}

// A careless app: names, a CPR number, an e-mail address and phone numbers
// in ids, labels and free text that is not marked confidential.
Session Careless() {
  Session s = FullSession();
  s.id = "0101901234";
  s.unit = "Plejecentret, tlf. 21436587";
  s.participants[0].id = "Mette Hansen";
  s.participants[1].profession = "nurse 21436587";
  s.participants[2].unit = "jens@aarhus.dk";
  s.presented_case = Case{"fall", "120345-1234"};
  s.learning_points[0].text = "Ring til datteren, CPR 120345-1234.";
  s.learning_points[0].author = "Mette Hansen";
  s.actions[0].text = "Mette Hansen laver en tjekliste";
  s.actions[1].owner = "mette.hansen@aarhus.dk";
  s.feedback[0].comment = "Ring mig op på +45 21 43 65 87";
  s.notes[0].text = "fru Kjærgaard var med";
  return s;
}

// Fix: a CPR number in an action text, a name as a participant id, a phone
// number in a profession went out in every export but the evaluator's.
TEST(RedactionTest, TheDefaultMasksWhatTheLinterFinds) {
  const Session original = Careless();
  const Session s = Redact(original, {});
  EXPECT_EQ(s.id, MaskedId("0101901234"));
  EXPECT_EQ(s.unit, MaskedId("Plejecentret, tlf. 21436587"));
  EXPECT_EQ(s.participants[0].id, MaskedId("Mette Hansen"));
  EXPECT_EQ(s.participants[1].id, "p-case");  // a pseudonym stays
  EXPECT_EQ(s.participants[1].profession, MaskedId("nurse 21436587"));
  EXPECT_EQ(s.participants[2].unit, MaskedId("jens@aarhus.dk"));
  EXPECT_EQ(s.participants[3].profession, "nurse");
  EXPECT_EQ(s.presented_case, (Case{"fall", MaskedId("120345-1234")}));
  EXPECT_EQ(s.learning_points[0].text, "Ring til datteren, CPR [cpr-number].");
  EXPECT_EQ(s.learning_points[0].author, s.participants[0].id);  // consistent within the export
  EXPECT_EQ(s.actions[0].text, "[name] laver en tjekliste");
  EXPECT_EQ(s.actions[1].owner, MaskedId("mette.hansen@aarhus.dk"));
  EXPECT_EQ(s.feedback[0].comment, "Ring mig op på [phone-number]");
  EXPECT_EQ(s.notes[0].text, "fru [name] var med");
  EXPECT_TRUE(LintSession(s).empty());
  // Asked for by name, the record comes as it was written.
  ExportOptions everything;
  everything.include_confidential = true;
  EXPECT_EQ(Redact(original, everything), original);
}

// Fix: profession and unit were copied verbatim into evaluator exports.
TEST(RedactionTest, EvaluatorsGetNoIdentifierInAUnitOrAProfession) {
  absl::StatusOr<Pseudonymiser> study = Pseudonymiser::Create("evaluation-2026-key-material!");
  ASSERT_TRUE(study.ok());
  ExportOptions options;
  options.evaluator = true;
  options.evaluator_pseudonymiser = &*study;
  const Session s = Redact(Careless(), options);
  EXPECT_EQ(s.unit, study->Pseudonym("unit", "Plejecentret, tlf. 21436587"));
  EXPECT_EQ(s.participants[0].unit, "home-care-north");
  EXPECT_EQ(s.participants[1].profession, "");
  EXPECT_EQ(s.participants[2].unit, study->Pseudonym("unit", "jens@aarhus.dk"));
  EXPECT_EQ(s.participants[3].profession, "nurse");
  EXPECT_EQ(s.participants[0].id, study->Pseudonym(pseudonym_domains::kStaff, "Mette Hansen"));
  EXPECT_EQ(s.actions[0].id, "a1");
  EXPECT_TRUE(LintSession(s).empty());
  Session named_action = Careless();
  named_action.actions[1].id = "jens@aarhus.dk";
  EXPECT_EQ(Redact(named_action, options).actions[1].id,
            study->Pseudonym("action", "jens@aarhus.dk"));
  // Without the evaluator's key, the ids the linter flags are masked.
  options.evaluator_pseudonymiser = nullptr;
  const Session unkeyed = Redact(Careless(), options);
  EXPECT_EQ(unkeyed.id, MaskedId("0101901234"));
  EXPECT_EQ(unkeyed.participants[0].id, MaskedId("Mette Hansen"));
  EXPECT_EQ(unkeyed.participants[1].id, "p-case");
  EXPECT_TRUE(LintSession(unkeyed).empty());
}

TEST(RedactionTest, AKeysFingerprintIsStableAndNotTheKey) {
  const std::string key = "evaluation-2026-key-material!";
  absl::StatusOr<Pseudonymiser> a = Pseudonymiser::Create(key);
  absl::StatusOr<Pseudonymiser> b = Pseudonymiser::Create(key);
  absl::StatusOr<Pseudonymiser> c = Pseudonymiser::Create("another-evaluation-key-material");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->Fingerprint().size(), 16u);
  EXPECT_EQ(a->Fingerprint(), b->Fingerprint());
  EXPECT_NE(a->Fingerprint(), c->Fingerprint());
  const std::array<unsigned char, 32> mac = a->Mac("carelearn key fingerprint");
  EXPECT_EQ(a->Fingerprint().substr(0, 2), absl::StrFormat("%02x", mac[0]));
}
}  // namespace
}  // namespace carelearn
