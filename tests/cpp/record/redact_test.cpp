#include "carelearn/record/redact.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace carelearn
