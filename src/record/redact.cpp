#include "carelearn/record/redact.hpp"

#include <array>
#include <set>
#include <string>
#include <utility>

#include "carelearn/model/role.hpp"

namespace carelearn {
namespace {

// The evaluator redaction.
Session ForEvaluator(Session s, const Pseudonymiser* rekey) {
  std::set<std::string, std::less<>> participants;  // the organisation's pseudonyms
  for (const Participant& p : s.participants) participants.insert(p.id);
  auto staff = [&](const std::string& id) {
    return rekey == nullptr ? id : rekey->Pseudonym(pseudonym_domains::kStaff, id);
  };
  if (rekey != nullptr) s.id = rekey->Pseudonym("session", s.id);
  if (s.cancellation.has_value()) s.cancellation->note.clear();
  for (Participant& p : s.participants) p.id = staff(p.id);
  if (s.presented_case.has_value()) s.presented_case->citizen.clear();
  for (LearningPoint& lp : s.learning_points) {
    lp.text.clear();
    if (!lp.author.empty()) lp.author = staff(lp.author);
  }
  for (Action& a : s.actions) {
    a.text.clear();
    if (participants.count(a.owner) > 0) {
      a.owner = staff(a.owner);
    } else if (FindBuiltinRole(a.owner) == nullptr) {
      a.owner.clear();
    }
  }
  for (Feedback& f : s.feedback) {
    f.comment.clear();
    f.participant = staff(f.participant);
  }
  for (Note& n : s.notes) n.text.clear();
  return s;
}

}  // namespace

Redaction RedactionOf(const ExportOptions& options) {
  if (options.evaluator) return Redaction::kEvaluator;
  return options.include_confidential ? Redaction::kNone : Redaction::kConfidential;
}

Session Redact(Session session, const ExportOptions& options) {
  switch (RedactionOf(options)) {
    case Redaction::kNone:
      return session;
    case Redaction::kConfidential:
      for (LearningPoint& lp : session.learning_points) {
        if (lp.confidential) lp.text.clear();
      }
      for (Note& n : session.notes) {
        if (n.confidential) n.text.clear();
      }
      return session;
    case Redaction::kEvaluator:
      return ForEvaluator(std::move(session), options.evaluator_pseudonymiser);
  }
  return session;
}

}  // namespace carelearn
