#include "record/fit.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "carelearn/model/role.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn::detail {
namespace {

// The output kind in words, plural: {da, en}.
std::pair<std::string_view, std::string_view> OutputWords(OutputKind kind) {
  switch (kind) {
    case OutputKind::kLearningPoint:
      return {"læringspointer", "learning points"};
    case OutputKind::kOrganisationalAction:
      return {"organisatoriske tiltag", "organisational actions"};
    case OutputKind::kFeedback:
      return {"feedback", "feedback"};
    case OutputKind::kReflection:
      return {"refleksioner", "reflections"};
    case OutputKind::kDocumentation:
      return {"dokumentation", "documentation"};
  }
  return {"", ""};
}

// How many a declared output asks for, in words: {da, en}.
std::pair<std::string, std::string> Asked(const DeclaredOutput& declared) {
  if (declared.max.has_value() && *declared.max == declared.min) {
    return {absl::StrCat("præcis ", declared.min), absl::StrCat("exactly ", declared.min)};
  }
  if (!declared.max.has_value()) {
    return {absl::StrCat("mindst ", declared.min), absl::StrCat("at least ", declared.min)};
  }
  return {absl::StrCat("fra ", declared.min, " til ", *declared.max),
          absl::StrCat("from ", declared.min, " to ", *declared.max)};
}

bool IsKnownRole(const Format& format, std::string_view role) {
  if (FindBuiltinRole(role) != nullptr) return true;
  for (const Role& r : format.defined_roles) {
    if (r.id == role) return true;
  }
  for (const RoleRequirement& r : format.roles) {
    if (r.role == role) return true;
  }
  return false;
}

}  // namespace

Diagnostic MakeFinding(Severity severity, std::string_view code, std::string path, std::string da,
                       std::string en) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::string(code);
  d.path = std::move(path);
  d.message = {std::move(da), std::move(en)};
  return d;
}

bool RequiresFacilitator(const Format& format) {
  const RoleRequirement* r = format.FindRole(roles::kFacilitator);
  if (r != nullptr && r->min >= 1) return true;
  return format.HasPrerequisite(prerequisites::kFacilitator);
}

std::vector<Diagnostic> RoleFindings(const Format& format,
                                     const std::vector<Participant>& participants) {
  std::vector<Diagnostic> found;
  std::map<std::string, int, std::less<>> present;
  for (const Participant& p : participants) ++present[p.role];
  auto count = [&](std::string_view role) {
    auto it = present.find(role);
    return it == present.end() ? 0 : it->second;
  };

  const bool needs_facilitator = RequiresFacilitator(format);
  if (needs_facilitator && count(roles::kFacilitator) == 0) {
    found.push_back(MakeFinding(Severity::kError, "missing-facilitator", "participants",
                                "Formatet kræver en facilitator, og ingen har rollen",
                                "the format needs a facilitator and nobody has the role"));
  }
  for (const RoleRequirement& r : format.roles) {
    const int n = count(r.role);
    if (n < r.min && !(needs_facilitator && r.role == roles::kFacilitator)) {
      found.push_back(MakeFinding(
          Severity::kWarning, "missing-role", "participants",
          absl::StrCat("rollen \"", r.role, "\": mindst ", r.min, " påkrævet, ", n, " til stede"),
          absl::StrCat("role \"", r.role, "\": at least ", r.min, " needed, ", n, " present")));
    }
    if (r.max.has_value() && n > *r.max) {
      found.push_back(MakeFinding(
          Severity::kWarning, "too-many-of-role", "participants",
          absl::StrCat("rollen \"", r.role, "\": højst ", *r.max, " tilladt, ", n, " til stede"),
          absl::StrCat("role \"", r.role, "\": at most ", *r.max, " allowed, ", n, " present")));
    }
  }
  for (std::size_t i = 0; i < participants.size(); ++i) {
    const std::string& role = participants[i].role;
    if (IsKnownRole(format, role)) continue;
    found.push_back(MakeFinding(
        Severity::kWarning, "unknown-role", absl::StrCat("participants[", i, "].role"),
        absl::StrCat("rollen \"", role, "\" er hverken indbygget eller defineret af formatet"),
        absl::StrCat("role \"", role, "\" is neither built in nor defined by the format")));
  }
  const auto n = static_cast<int>(participants.size());
  if (n < format.capacity.min) {
    found.push_back(MakeFinding(
        Severity::kWarning, "below-capacity", "participants",
        absl::StrCat(n, " deltagere; formatet er til mindst ", format.capacity.min),
        absl::StrCat(n, " participants; the format is for at least ", format.capacity.min)));
  }
  if (format.capacity.max.has_value() && n > *format.capacity.max) {
    found.push_back(MakeFinding(
        Severity::kWarning, "capacity-exceeded", "participants",
        absl::StrCat(n, " deltagere; formatet er til højst ", *format.capacity.max),
        absl::StrCat(n, " participants; the format is for at most ", *format.capacity.max)));
  }
  return found;
}

std::string_view OutputCodeWord(OutputKind kind) {
  switch (kind) {
    case OutputKind::kLearningPoint:
      return "learning-points";
    case OutputKind::kOrganisationalAction:
      return "organisational-actions";
    case OutputKind::kFeedback:
      return "feedback";
    case OutputKind::kReflection:
      return "reflections";
    case OutputKind::kDocumentation:
      return "documentation";
  }
  return "";
}

std::string_view SessionListName(OutputKind kind) {
  switch (kind) {
    case OutputKind::kLearningPoint:
      return "learning_points";
    case OutputKind::kOrganisationalAction:
      return "actions";
    case OutputKind::kFeedback:
      return "feedback";
    case OutputKind::kReflection:
    case OutputKind::kDocumentation:
      return "notes";
  }
  return "";
}

int CountOutputs(const Session& session, OutputKind kind) {
  switch (kind) {
    case OutputKind::kLearningPoint:
      return static_cast<int>(session.learning_points.size());
    case OutputKind::kOrganisationalAction:
      return static_cast<int>(session.actions.size());
    case OutputKind::kFeedback:
      return static_cast<int>(session.feedback.size());
    case OutputKind::kReflection:
    case OutputKind::kDocumentation:
      return static_cast<int>(
          std::count_if(session.notes.begin(), session.notes.end(),
                        [kind](const Note& n) { return NoteOutput(n.kind) == kind; }));
  }
  return 0;
}

bool StepProduces(const Step& step, OutputKind kind) {
  return std::find(step.produces.begin(), step.produces.end(), kind) != step.produces.end();
}

bool OutputFits(const Format& format, const Step& step, OutputKind kind) {
  if (StepProduces(step, kind)) return true;
  if (kind != OutputKind::kFeedback || format.steps.empty()) return false;
  const bool declared = std::any_of(format.steps.begin(), format.steps.end(), [](const Step& s) {
    return StepProduces(s, OutputKind::kFeedback);
  });
  return !declared && step.id == format.steps.back().id;
}

std::optional<OutputKind> NoteOutput(NoteKind kind) {
  switch (kind) {
    case NoteKind::kReflection:
      return OutputKind::kReflection;
    case NoteKind::kDocumentation:
      return OutputKind::kDocumentation;
    case NoteKind::kNote:
      break;
  }
  return std::nullopt;
}

Diagnostic NotProducedHere(Severity severity, std::string path, OutputKind kind,
                           std::string_view step_id) {
  auto [da, en] = OutputWords(kind);
  return MakeFinding(severity, "output-not-produced-here", std::move(path),
                     absl::StrCat("trinnet \"", Sv(step_id), "\" giver ikke ", Sv(da)),
                     absl::StrCat("step \"", Sv(step_id), "\" does not produce ", Sv(en)));
}

Diagnostic MaximumReached(Severity severity, OutputKind kind, const DeclaredOutput& declared,
                          int count) {
  auto [da, en] = OutputWords(kind);
  auto [asked_da, asked_en] = Asked(declared);
  return MakeFinding(
      severity, absl::StrCat("too-many-", Sv(OutputCodeWord(kind))),
      std::string(SessionListName(kind)),
      absl::StrCat(Sv(da), ": ", asked_da, " efterspurgt, og ", count, " er allerede registreret"),
      absl::StrCat(Sv(en), ": ", asked_en, " asked for, and ", count, " are recorded already"));
}

std::optional<Diagnostic> CountFinding(const DeclaredOutput& declared, int count) {
  const bool too_few = count < declared.min;
  const bool too_many = declared.max.has_value() && count > *declared.max;
  if (!too_few && !too_many) return std::nullopt;
  auto [da, en] = OutputWords(declared.kind);
  auto [asked_da, asked_en] = Asked(declared);
  return MakeFinding(
      Severity::kError,
      absl::StrCat(too_few ? "too-few-" : "too-many-", Sv(OutputCodeWord(declared.kind))),
      std::string(SessionListName(declared.kind)),
      absl::StrCat(Sv(da), ": ", asked_da, " efterspurgt, ", count, " registreret"),
      absl::StrCat(Sv(en), ": ", asked_en, " asked for, ", count, " recorded"));
}

std::optional<std::set<std::string, std::less<>>> KnownPrompts(const Step& step,
                                                               const Catalog* catalog) {
  std::set<std::string, std::less<>> ids;
  for (const Prompt& p : step.prompts) ids.insert(p.id);
  for (const std::string& set_id : step.question_sets) {
    const QuestionSet* set = catalog == nullptr ? nullptr : catalog->FindQuestionSet(set_id);
    if (set == nullptr) return std::nullopt;
    for (const Prompt& p : set->prompts) ids.insert(p.id);
  }
  return ids;
}

Diagnostic UnknownPrompt(Severity severity, std::string path, std::string_view question_id,
                         std::string_view step_id) {
  return MakeFinding(severity, "unknown-prompt", std::move(path),
                     absl::StrCat("spørgsmålet \"", Sv(question_id), "\" hører ikke til trinnet \"",
                                  Sv(step_id), "\""),
                     absl::StrCat("question \"", Sv(question_id), "\" is not one of step \"",
                                  Sv(step_id), "\"'s questions"));
}

std::optional<double> StepMaxMinutes(const Format& format, std::size_t index, int participants,
                                     WorkingDay day) {
  if (index >= format.steps.size()) return std::nullopt;
  const TimeBudget& budget = format.steps[index].budget;
  if (budget.kind != TimeBudget::Kind::kOpen) return budget.Evaluate(participants, day).max;
  if (!format.duration.has_value() || format.duration->kind == TimeBudget::Kind::kOpen) {
    return std::nullopt;
  }
  double rest = format.duration->Evaluate(participants, day).max;
  int open = 0;
  for (const Step& s : format.steps) {
    if (s.budget.kind == TimeBudget::Kind::kOpen) {
      ++open;
    } else {
      rest -= s.budget.Evaluate(participants, day).max;
    }
  }
  return std::max(0.0, rest / open);
}

std::optional<double> SessionMaxMinutes(const Format& format, int participants, WorkingDay day) {
  if (format.duration.has_value() && format.duration->kind != TimeBudget::Kind::kOpen) {
    return format.duration->Evaluate(participants, day).max;
  }
  double total = 0;
  for (const Step& s : format.steps) {
    if (s.budget.kind == TimeBudget::Kind::kOpen) return std::nullopt;
    total += s.budget.Evaluate(participants, day).max;
  }
  return total;
}

std::string Minutes(double minutes) { return absl::StrFormat("%g", std::round(minutes * 10) / 10); }

}  // namespace carelearn::detail
