#include "carelearn/record/redact.hpp"

#include <array>
#include <set>
#include <string>
#include <utility>

#include "carelearn/model/role.hpp"
#include "carelearn/record/identifiers.hpp"

namespace carelearn {
namespace {

// `label` (a unit, a profession, a case category) unchanged unless the
// linter's free-text rules find an identifier in it; then its mask.
std::string MaskedLabel(const std::string& label) {
  return FindIdentifiers(label).empty() ? label : MaskedId(label);
}

// What every redaction but "none" does: masks the direct identifiers the
// linter finds in ids, labels and the free text left in.
Session Masked(Session s) {
  s.id = MaskedId(s.id);
  s.unit = MaskedLabel(s.unit);
  if (s.cancellation.has_value()) s.cancellation->note = MaskIdentifiers(s.cancellation->note);
  for (Participant& p : s.participants) {
    p.id = MaskedId(p.id);
    p.unit = MaskedLabel(p.unit);
    p.profession = MaskedLabel(p.profession);
  }
  if (s.presented_case.has_value()) {
    s.presented_case->category = MaskedLabel(s.presented_case->category);
    s.presented_case->citizen = MaskedId(s.presented_case->citizen);
  }
  for (LearningPoint& lp : s.learning_points) {
    lp.text = MaskIdentifiers(lp.text);
    lp.author = MaskedId(lp.author);
  }
  for (Action& a : s.actions) {
    a.id = MaskedId(a.id);
    a.text = MaskIdentifiers(a.text);
    a.owner = MaskedId(a.owner);
  }
  for (Feedback& f : s.feedback) {
    f.participant = MaskedId(f.participant);
    f.comment = MaskIdentifiers(f.comment);
  }
  for (Note& n : s.notes) n.text = MaskIdentifiers(n.text);
  return s;
}

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
    // An action id is the app's to choose; one that looks like an identifier
    // is pseudonymised too (the others stay, as "a1", "a2").
    if (IdentifierInId(a.id).has_value()) {
      a.id = rekey == nullptr ? MaskedId(a.id) : rekey->Pseudonym("action", a.id);
    }
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
  // Units and professions are kept for the evaluation, but not when the
  // linter finds an identifier in them: a unit is then pseudonymised under
  // the evaluator's key (so it still groups), a profession or a case's
  // category left out.
  auto unit = [&](std::string& u) {
    if (FindIdentifiers(u).empty()) return;
    u = rekey == nullptr ? MaskedId(u) : rekey->Pseudonym("unit", u);
  };
  auto label = [](std::string& l) {
    if (!FindIdentifiers(l).empty()) l.clear();
  };
  unit(s.unit);
  for (Participant& p : s.participants) {
    unit(p.unit);
    label(p.profession);
  }
  if (s.presented_case.has_value()) label(s.presented_case->category);
  // Without the evaluator's key, the ids the linter flags are masked.
  return rekey == nullptr ? Masked(std::move(s)) : s;
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
      if (session.cancellation.has_value() && session.cancellation->confidential) {
        session.cancellation->note.clear();
      }
      for (LearningPoint& lp : session.learning_points) {
        if (lp.confidential) lp.text.clear();
      }
      for (Action& a : session.actions) {
        if (a.confidential) a.text.clear();
      }
      for (Feedback& f : session.feedback) {
        if (f.confidential) f.comment.clear();
      }
      for (Note& n : session.notes) {
        if (n.confidential) n.text.clear();
      }
      return Masked(std::move(session));
    case Redaction::kEvaluator:
      return ForEvaluator(std::move(session), options.evaluator_pseudonymiser);
  }
  return session;
}

}  // namespace carelearn
