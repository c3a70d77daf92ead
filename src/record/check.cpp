#include "carelearn/record/check.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "detail/absl_compat.hpp"
#include "record/fit.hpp"

namespace carelearn {
namespace {

using detail::MakeFinding;
using detail::Sv;

// Outputs recorded in steps that do not produce them.
void CheckPlaces(const Session& session, const Format& format, std::vector<Diagnostic>& found) {
  auto check = [&](std::string_view list, std::size_t i, const std::string& step_id,
                   OutputKind kind) {
    const Step* step = format.FindStep(step_id);
    if (step == nullptr || detail::OutputFits(format, *step, kind)) return;
    found.push_back(detail::NotProducedHere(Severity::kWarning, absl::StrCat(Sv(list), "[", i, "]"),
                                            kind, step_id));
  };
  for (std::size_t i = 0; i < session.learning_points.size(); ++i) {
    check("learning_points", i, session.learning_points[i].step_id, OutputKind::kLearningPoint);
  }
  for (std::size_t i = 0; i < session.actions.size(); ++i) {
    check("actions", i, session.actions[i].step_id, OutputKind::kOrganisationalAction);
  }
  for (std::size_t i = 0; i < session.feedback.size(); ++i) {
    check("feedback", i, session.feedback[i].step_id, OutputKind::kFeedback);
  }
  for (std::size_t i = 0; i < session.notes.size(); ++i) {
    if (auto kind = detail::NoteOutput(session.notes[i].kind)) {
      check("notes", i, session.notes[i].step_id, *kind);
    }
  }
}

void CheckPrompts(const Session& session, const Format& format, const CheckOptions& options,
                  std::vector<Diagnostic>& found) {
  for (std::size_t i = 0; i < session.prompts.size(); ++i) {
    const PromptUse& use = session.prompts[i];
    const Step* step = format.FindStep(use.step_id);
    if (step == nullptr) continue;  // reported as an unknown step
    auto known = detail::KnownPrompts(*step, options.catalog);
    if (!known.has_value() || known->count(use.question_id) > 0) continue;
    found.push_back(detail::UnknownPrompt(Severity::kWarning, absl::StrCat("prompts[", i, "]"),
                                          use.question_id, use.step_id));
  }
}

void CheckSteps(const Session& session, const Format& format, const CheckOptions& options,
                std::vector<Diagnostic>& found) {
  const auto n = static_cast<int>(session.participants.size());
  std::set<std::string, std::less<>> held;
  for (std::size_t i = 0; i < session.steps.size(); ++i) {
    const StepTiming& t = session.steps[i];
    held.insert(t.step_id);
    const auto it = std::find_if(format.steps.begin(), format.steps.end(),
                                 [&](const Step& s) { return s.id == t.step_id; });
    if (it == format.steps.end()) {
      found.push_back(
          MakeFinding(Severity::kWarning, "unknown-step", absl::StrCat("steps[", i, "]"),
                      absl::StrCat("trinnet \"", t.step_id, "\" findes ikke i formatet"),
                      absl::StrCat("step \"", t.step_id, "\" is not in the format")));
      continue;
    }
    const auto index = static_cast<std::size_t>(it - format.steps.begin());
    const std::optional<double> budget = detail::StepMaxMinutes(format, index, n, options.day);
    const double took = absl::ToDoubleMinutes(t.end - t.start);
    if (budget.has_value() && it->budget.kind != TimeBudget::Kind::kOpen && took > *budget) {
      found.push_back(MakeFinding(
          Severity::kInfo, "step-overrun", absl::StrCat("steps[", i, "]"),
          absl::StrCat("trinnet \"", t.step_id, "\" varede ", detail::Minutes(took),
                       " min; dets tid er højst ", detail::Minutes(*budget), " min"),
          absl::StrCat("step \"", t.step_id, "\" took ", detail::Minutes(took),
                       " min; its budget is at most ", detail::Minutes(*budget), " min")));
    }
  }
  for (const Step& s : format.steps) {
    if (held.count(s.id) > 0) continue;
    found.push_back(MakeFinding(Severity::kWarning, "step-not-held", "steps",
                                absl::StrCat("trinnet \"", s.id, "\" blev ikke holdt"),
                                absl::StrCat("step \"", s.id, "\" was not held")));
  }
  if (session.actual_start.has_value() && session.actual_end.has_value()) {
    const std::optional<double> planned = detail::SessionMaxMinutes(format, n, options.day);
    const double took = absl::ToDoubleMinutes(*session.actual_end - *session.actual_start);
    if (planned.has_value() && took > *planned) {
      found.push_back(
          MakeFinding(Severity::kWarning, "duration-overrun", "actual_end",
                      absl::StrCat("sessionen varede ", detail::Minutes(took),
                                   " min; der var planlagt ", detail::Minutes(*planned), " min"),
                      absl::StrCat("the session took ", detail::Minutes(took), " min; ",
                                   detail::Minutes(*planned), " min were planned")));
    }
  }
}

}  // namespace

std::vector<Diagnostic> CheckSession(const Session& session, const Format& format,
                                     const CheckOptions& options) {
  std::vector<Diagnostic> found;
  if (session.format_id != format.id || session.format_version != format.version) {
    found.push_back(MakeFinding(
        Severity::kError, "format-mismatch", "format",
        absl::StrCat("sessionen er af formatet \"", session.format_id, "\" version ",
                     session.format_version, ", ikke \"", format.id, "\" version ", format.version),
        absl::StrCat("the session is of format \"", session.format_id, "\" version ",
                     session.format_version, ", not \"", format.id, "\" version ",
                     format.version)));
    return found;
  }
  if (session.status() == SessionStatus::kCancelled) return found;

  std::vector<Diagnostic> roles = detail::RoleFindings(format, session.participants);
  found.insert(found.end(), roles.begin(), roles.end());
  for (const DeclaredOutput& declared : format.outputs) {
    if (auto d = detail::CountFinding(declared, detail::CountOutputs(session, declared.kind))) {
      found.push_back(*std::move(d));
    }
  }
  CheckPlaces(session, format, found);
  CheckPrompts(session, format, options, found);
  CheckSteps(session, format, options, found);

  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return static_cast<int>(a.severity) > static_cast<int>(b.severity);
  });
  return found;
}

}  // namespace carelearn
