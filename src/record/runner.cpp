#include "carelearn/record/runner.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "carelearn/record/check.hpp"
#include "carelearn/record/identifiers.hpp"
#include "detail/absl_compat.hpp"
#include "record/fit.hpp"

namespace carelearn {
namespace {

using detail::Sv;

// Checks the ids of `participants` for `operation`'s error messages.
absl::Status CheckParticipantIds(std::string_view operation,
                                 const std::vector<Participant>& participants) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < participants.size(); ++i) {
    const std::string& id = participants[i].id;
    if (id.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(Sv(operation), ": participants[", i, "].id is empty"));
    }
    if (!seen.insert(id).second) {
      return absl::InvalidArgumentError(absl::StrCat(Sv(operation), ": participants[", i, "]: \"",
                                                     MaskedId(id), "\" takes part twice"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

Runner::Runner(Format format, Session session, RunnerOptions options)
    : format_(std::move(format)), session_(std::move(session)), options_(std::move(options)) {}

absl::StatusOr<Runner> Runner::Create(Format format, SessionPlan plan, RunnerOptions options) {
  if (format.id.empty()) return absl::InvalidArgumentError("the format has no id");
  if (format.steps.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("format \"", format.id, "\" has no steps to run"));
  }
  Session session;
  session.id = plan.session_id.empty() ? NewSessionId() : std::move(plan.session_id);
  session.format_id = format.id;
  session.format_version = format.version;
  session.unit = std::move(plan.unit);
  Runner runner(std::move(format), std::move(session), std::move(options));
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      runner.Identifiers(runner.session_, "", "Create");
  if (!identifiers.ok()) return identifiers.status();
  runner.diagnostics_ = *std::move(identifiers);
  if (plan.planned_start.has_value()) {
    runner.session_.planned_start = *plan.planned_start;
  } else {
    runner.session_.planned_start = absl::InfiniteFuture();  // set by Start or Cancel
  }
  return runner;
}

absl::StatusOr<Runner> Runner::Resume(Format format, Session session, RunnerOptions options) {
  if (format.steps.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("Resume: format \"", format.id, "\" has no steps to run"));
  }
  const std::string prefix = absl::StrCat("Resume: session \"", MaskedId(session.id), "\": ");
  if (!session.actual_start.has_value() && !session.cancellation.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat(prefix, "it has not started; Runner::Create plans a new one"));
  }
  if (absl::Status s = ValidateSession(session); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("Resume: ", s.message()));
  }
  if (session.format_id != format.id || session.format_version != format.version) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, "it is of format \"", session.format_id, "\" version ",
                     session.format_version, ", not \"", format.id, "\" version ", format.version));
  }
  if (session.cancellation.has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(prefix, "it was cancelled"));
  }
  if (session.actual_end.has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(prefix, "it is finished"));
  }
  if (session.steps.size() >= format.steps.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, "it holds all ", format.steps.size(), " steps but has no end"));
  }
  for (std::size_t i = 0; i < session.steps.size(); ++i) {
    if (session.steps[i].step_id != format.steps[i].id) {
      return absl::InvalidArgumentError(
          absl::StrCat(prefix, "steps[", i, "] is \"", session.steps[i].step_id,
                       "\" where the format's step ", i + 1, " is \"", format.steps[i].id, "\""));
    }
  }
  Runner runner(std::move(format), std::move(session), std::move(options));
  Session& s = runner.session_;
  runner.state_ = RunnerState::kRunning;
  runner.step_index_ = s.steps.size();
  runner.step_start_ = s.steps.empty() ? *s.actual_start : s.steps.back().end;
  runner.turn_index_ = 0;
  runner.turn_start_ = runner.step_start_;
  // The clock never goes back behind what was recorded.
  absl::Time latest = runner.step_start_;
  for (const Action& a : s.actions) {
    for (const StatusChange& c : a.history) latest = std::max(latest, c.at);
  }
  runner.last_now_ = latest;
  return runner;
}

absl::Time Runner::Now() const {
  const Clock& clock = options_.clock != nullptr ? *options_.clock : Clock::System();
  last_now_ = std::max(last_now_, clock.Now());
  return last_now_;
}

absl::Status Runner::RequireRunning(std::string_view operation) const {
  switch (state_) {
    case RunnerState::kReady:
      return absl::FailedPreconditionError(
          absl::StrCat(Sv(operation), ": session \"", MaskedId(session_.id), "\" has not started"));
    case RunnerState::kFinished:
      return absl::FailedPreconditionError(
          absl::StrCat(Sv(operation), ": session \"", MaskedId(session_.id), "\" is finished"));
    case RunnerState::kRunning:
      break;
  }
  return absl::OkStatus();
}

const Step* Runner::current_step() const {
  return state_ == RunnerState::kRunning ? &format_.steps[step_index_] : nullptr;
}

absl::StatusOr<std::vector<Diagnostic>> Runner::Start(std::vector<Participant> participants) {
  if (state_ == RunnerState::kRunning) {
    return absl::FailedPreconditionError(
        absl::StrCat("Start: session \"", MaskedId(session_.id), "\" has already started"));
  }
  if (state_ == RunnerState::kFinished) {
    return absl::FailedPreconditionError(
        absl::StrCat("Start: session \"", MaskedId(session_.id), "\" is finished"));
  }
  if (participants.empty()) return absl::InvalidArgumentError("Start: no participants");
  if (absl::Status s = CheckParticipantIds("Start", participants); !s.ok()) return s;
  Session candidate = session_;
  candidate.participants = participants;
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      Identifiers(candidate, "participants", "Start");
  if (!identifiers.ok()) return identifiers.status();

  const absl::Time now = Now();
  if (session_.planned_start == absl::InfiniteFuture()) session_.planned_start = now;
  session_.actual_start = now;
  session_.participants = std::move(participants);
  state_ = RunnerState::kRunning;
  step_index_ = 0;
  step_start_ = now;
  turn_index_ = 0;
  turn_start_ = now;
  std::vector<Diagnostic> found = detail::RoleFindings(format_, session_.participants);
  found.insert(found.end(), identifiers->begin(), identifiers->end());
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  Changed();
  return found;
}

absl::StatusOr<std::vector<Diagnostic>> Runner::AddParticipant(Participant participant) {
  if (absl::Status s = RequireRunning("AddParticipant"); !s.ok()) return s;
  if (participant.id.empty()) {
    return absl::InvalidArgumentError("AddParticipant: the participant's id is empty");
  }
  if (session_.FindParticipant(participant.id) != nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("AddParticipant: \"", MaskedId(participant.id), "\" takes part already"));
  }
  Session candidate = session_;
  candidate.participants.push_back(participant);
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      Identifiers(candidate, absl::StrCat("participants[", session_.participants.size(), "]"),
                  "AddParticipant");
  if (!identifiers.ok()) return identifiers.status();
  const std::vector<Diagnostic> before = detail::RoleFindings(format_, session_.participants);
  session_.participants.push_back(std::move(participant));
  std::vector<Diagnostic> found;
  for (Diagnostic& d : detail::RoleFindings(format_, session_.participants)) {
    if (std::find(before.begin(), before.end(), d) == before.end()) found.push_back(std::move(d));
  }
  found.insert(found.end(), identifiers->begin(), identifiers->end());
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  Changed();
  return found;
}

absl::Status Runner::Next() {
  if (absl::Status s = RequireRunning("Next"); !s.ok()) return s;
  if (step_index_ + 1 >= format_.steps.size()) {
    return absl::FailedPreconditionError(absl::StrCat("Next: \"", format_.steps[step_index_].id,
                                                      "\" is the last step; call Finish"));
  }
  const absl::Time now = Now();
  session_.steps.push_back({format_.steps[step_index_].id, step_start_, now});
  ++step_index_;
  step_start_ = now;
  turn_index_ = 0;
  turn_start_ = now;
  Changed();
  return absl::OkStatus();
}

absl::StatusOr<Session> Runner::Finish() {
  if (absl::Status s = RequireRunning("Finish"); !s.ok()) return s;
  const absl::Time now = Now();
  session_.steps.push_back({format_.steps[step_index_].id, step_start_, now});
  session_.actual_end = now;
  state_ = RunnerState::kFinished;
  CheckOptions check;
  check.catalog = options_.catalog;
  check.day = options_.day;
  diagnostics_ = rejected_;
  std::vector<Diagnostic> found = CheckSession(session_, format_, check);
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  std::vector<Diagnostic> identifiers = LintSession(session_);
  diagnostics_.insert(diagnostics_.end(), identifiers.begin(), identifiers.end());
  Changed();
  return session_;
}

absl::StatusOr<Session> Runner::Cancel(Cancellation cancellation) {
  if (state_ == RunnerState::kFinished) {
    return absl::FailedPreconditionError(
        absl::StrCat("Cancel: session \"", MaskedId(session_.id), "\" is finished"));
  }
  Session candidate = session_;
  candidate.cancellation = cancellation;
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      Identifiers(candidate, "cancellation", "Cancel");
  if (!identifiers.ok()) return identifiers.status();
  const absl::Time now = Now();
  if (state_ == RunnerState::kRunning) {
    session_.steps.push_back({format_.steps[step_index_].id, step_start_, now});
    session_.actual_end = now;
  } else if (session_.planned_start == absl::InfiniteFuture()) {
    session_.planned_start = now;
  }
  session_.cancellation = std::move(cancellation);
  state_ = RunnerState::kFinished;
  diagnostics_ = rejected_;
  std::vector<Diagnostic> all = LintSession(session_);
  diagnostics_.insert(diagnostics_.end(), all.begin(), all.end());
  Changed();
  return session_;
}

absl::Status Runner::SetCase(Case presented_case) {
  if (absl::Status s = RequireRunning("SetCase"); !s.ok()) return s;
  if (presented_case.category.empty()) {
    return absl::InvalidArgumentError("SetCase: the category is empty");
  }
  Session candidate = session_;
  candidate.presented_case = presented_case;
  absl::StatusOr<std::vector<Diagnostic>> identifiers = Identifiers(candidate, "case", "SetCase");
  if (!identifiers.ok()) return identifiers.status();
  diagnostics_.insert(diagnostics_.end(), identifiers->begin(), identifiers->end());
  session_.presented_case = std::move(presented_case);
  Changed();
  return absl::OkStatus();
}

MisfitPolicy Runner::PolicyFor(std::optional<OutputKind> kind) const {
  if (kind.has_value()) {
    if (auto it = options_.misfit_by_kind.find(*kind); it != options_.misfit_by_kind.end()) {
      return it->second;
    }
  }
  return options_.misfit;
}

std::vector<Diagnostic> Runner::CheckOutput(OutputKind kind, std::size_t index) const {
  const MisfitPolicy policy = PolicyFor(kind);
  const Severity severity = policy == MisfitPolicy::kReject ? Severity::kError : Severity::kWarning;
  // A kept output is the element at `index`; a rejected one is not in the
  // session, so the finding points at the list.
  const std::string_view list = detail::SessionListName(kind);
  const std::string path =
      policy == MisfitPolicy::kKeep ? absl::StrCat(Sv(list), "[", index, "]") : std::string(list);
  std::vector<Diagnostic> found;
  const Step& step = format_.steps[step_index_];
  if (!detail::OutputFits(format_, step, kind)) {
    found.push_back(detail::NotProducedHere(severity, path, kind, step.id));
  }
  const int count = detail::CountOutputs(session_, kind);
  for (const DeclaredOutput& declared : format_.outputs) {
    if (declared.kind == kind && declared.max.has_value() && count >= *declared.max) {
      found.push_back(detail::MaximumReached(severity, kind, declared, count));
    }
  }
  return found;
}

RecordResult Runner::Conclude(std::vector<Diagnostic> found, MisfitPolicy policy) {
  RecordResult result;
  result.recorded = found.empty() || policy == MisfitPolicy::kKeep;
  diagnostics_.insert(diagnostics_.end(), found.begin(), found.end());
  if (!result.recorded) rejected_.insert(rejected_.end(), found.begin(), found.end());
  result.diagnostics = std::move(found);
  return result;
}

absl::StatusOr<std::vector<Diagnostic>> Runner::Identifiers(const Session& candidate,
                                                            std::string_view prefix,
                                                            std::string_view operation) const {
  std::vector<Diagnostic> found;
  for (Diagnostic& d : LintSession(candidate)) {
    const std::string_view path = d.path;
    if (prefix.empty() || (path.substr(0, prefix.size()) == prefix &&
                           (path.size() == prefix.size() || path[prefix.size()] == '.' ||
                            path[prefix.size()] == '['))) {
      found.push_back(std::move(d));
    }
  }
  if (found.empty() || options_.identifiers == IdentifierPolicy::kWarn) return found;
  return absl::InvalidArgumentError(absl::StrCat(Sv(operation), ": ", found.front().path, ": ",
                                                 found.front().message.en,
                                                 " (identifier policy \"refuse\")"));
}

void Runner::Changed() const {
  if (options_.on_change) options_.on_change(session_);
}

absl::StatusOr<RecordResult> Runner::RecordLearningPoint(LearningPoint point) {
  if (absl::Status s = RequireRunning("RecordLearningPoint"); !s.ok()) return s;
  if (point.text.empty()) {
    return absl::InvalidArgumentError("RecordLearningPoint: the text is empty");
  }
  if (!point.author.empty() && session_.FindParticipant(point.author) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "RecordLearningPoint: author \"", MaskedId(point.author), "\" is not a participant"));
  }
  Session candidate = session_;
  candidate.learning_points.push_back(point);
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      Identifiers(candidate, absl::StrCat("learning_points[", session_.learning_points.size(), "]"),
                  "RecordLearningPoint");
  if (!identifiers.ok()) return identifiers.status();
  point.step_id = format_.steps[step_index_].id;
  RecordResult result =
      Conclude(CheckOutput(OutputKind::kLearningPoint, session_.learning_points.size()),
               PolicyFor(OutputKind::kLearningPoint));
  if (result.recorded) {
    session_.learning_points.push_back(std::move(point));
    Changed();
  }
  result.diagnostics.insert(result.diagnostics.end(), identifiers->begin(), identifiers->end());
  diagnostics_.insert(diagnostics_.end(), identifiers->begin(), identifiers->end());
  return result;
}

absl::StatusOr<RecordResult> Runner::RecordAction(Action action) {
  if (absl::Status s = RequireRunning("RecordAction"); !s.ok()) return s;
  if (action.text.empty()) return absl::InvalidArgumentError("RecordAction: the text is empty");
  if (action.id.empty()) {
    for (std::size_t n = session_.actions.size() + 1;; ++n) {
      action.id = absl::StrCat("a", n);
      if (session_.FindAction(action.id) == nullptr) break;
    }
  } else if (session_.FindAction(action.id) != nullptr) {
    return absl::AlreadyExistsError(
        absl::StrCat("RecordAction: action \"", MaskedId(action.id), "\" is recorded already"));
  }
  Session candidate = session_;
  candidate.actions.push_back(action);
  absl::StatusOr<std::vector<Diagnostic>> identifiers = Identifiers(
      candidate, absl::StrCat("actions[", session_.actions.size(), "]"), "RecordAction");
  if (!identifiers.ok()) return identifiers.status();
  action.step_id = format_.steps[step_index_].id;
  if (action.history.empty()) action.history.push_back({ActionStatus::kOpen, Now()});
  RecordResult result =
      Conclude(CheckOutput(OutputKind::kOrganisationalAction, session_.actions.size()),
               PolicyFor(OutputKind::kOrganisationalAction));
  if (result.recorded) {
    session_.actions.push_back(std::move(action));
    Changed();
  }
  result.diagnostics.insert(result.diagnostics.end(), identifiers->begin(), identifiers->end());
  diagnostics_.insert(diagnostics_.end(), identifiers->begin(), identifiers->end());
  return result;
}

absl::StatusOr<RecordResult> Runner::RecordFeedback(Feedback feedback) {
  if (absl::Status s = RequireRunning("RecordFeedback"); !s.ok()) return s;
  if (feedback.rating < 1 || feedback.rating > 5) {
    return absl::InvalidArgumentError(
        absl::StrCat("RecordFeedback: rating ", feedback.rating, " is not from 1 to 5"));
  }
  if (session_.FindParticipant(feedback.participant) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "RecordFeedback: \"", MaskedId(feedback.participant), "\" is not a participant"));
  }
  for (const Feedback& f : session_.feedback) {
    if (f.participant == feedback.participant) {
      return absl::AlreadyExistsError(absl::StrCat(
          "RecordFeedback: \"", MaskedId(feedback.participant), "\" already gave feedback"));
    }
  }
  Session candidate = session_;
  candidate.feedback.push_back(feedback);
  absl::StatusOr<std::vector<Diagnostic>> identifiers = Identifiers(
      candidate, absl::StrCat("feedback[", session_.feedback.size(), "]"), "RecordFeedback");
  if (!identifiers.ok()) return identifiers.status();
  feedback.step_id = format_.steps[step_index_].id;
  RecordResult result = Conclude(CheckOutput(OutputKind::kFeedback, session_.feedback.size()),
                                 PolicyFor(OutputKind::kFeedback));
  if (result.recorded) {
    session_.feedback.push_back(std::move(feedback));
    Changed();
  }
  result.diagnostics.insert(result.diagnostics.end(), identifiers->begin(), identifiers->end());
  diagnostics_.insert(diagnostics_.end(), identifiers->begin(), identifiers->end());
  return result;
}

absl::StatusOr<RecordResult> Runner::RecordNote(Note note) {
  if (absl::Status s = RequireRunning("RecordNote"); !s.ok()) return s;
  if (note.text.empty()) return absl::InvalidArgumentError("RecordNote: the text is empty");
  Session candidate = session_;
  candidate.notes.push_back(note);
  absl::StatusOr<std::vector<Diagnostic>> identifiers =
      Identifiers(candidate, absl::StrCat("notes[", session_.notes.size(), "]"), "RecordNote");
  if (!identifiers.ok()) return identifiers.status();
  note.step_id = format_.steps[step_index_].id;
  std::vector<Diagnostic> found;
  const std::optional<OutputKind> kind = detail::NoteOutput(note.kind);
  if (kind.has_value()) found = CheckOutput(*kind, session_.notes.size());
  RecordResult result = Conclude(std::move(found), PolicyFor(kind));
  if (result.recorded) {
    session_.notes.push_back(std::move(note));
    Changed();
  }
  result.diagnostics.insert(result.diagnostics.end(), identifiers->begin(), identifiers->end());
  diagnostics_.insert(diagnostics_.end(), identifiers->begin(), identifiers->end());
  return result;
}

absl::StatusOr<RecordResult> Runner::RecordPromptUsed(std::string question_id) {
  if (absl::Status s = RequireRunning("RecordPromptUsed"); !s.ok()) return s;
  if (question_id.empty()) {
    return absl::InvalidArgumentError("RecordPromptUsed: the question id is empty");
  }
  const Step& step = format_.steps[step_index_];
  for (const PromptUse& use : session_.prompts) {
    if (use.step_id == step.id && use.question_id == question_id) {
      return RecordResult{true, {}};
    }
  }
  std::vector<Diagnostic> found;
  const MisfitPolicy policy = PolicyFor(std::nullopt);
  auto known = detail::KnownPrompts(step, options_.catalog);
  if (known.has_value() && known->count(question_id) == 0) {
    found.push_back(detail::UnknownPrompt(
        policy == MisfitPolicy::kReject ? Severity::kError : Severity::kWarning,
        policy == MisfitPolicy::kKeep ? absl::StrCat("prompts[", session_.prompts.size(), "]")
                                      : std::string("prompts"),
        question_id, step.id));
  }
  RecordResult result = Conclude(std::move(found), policy);
  if (result.recorded) {
    session_.prompts.push_back({step.id, std::move(question_id)});
    Changed();
  }
  return result;
}

absl::Status Runner::PassTheWord() {
  if (absl::Status s = RequireRunning("PassTheWord"); !s.ok()) return s;
  std::optional<RoundTurn> turn = Round();
  if (!turn.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat("PassTheWord: step \"", format_.steps[step_index_].id, "\" is not a round"));
  }
  if (turn->done()) {
    return absl::FailedPreconditionError("PassTheWord: everyone in the round has spoken");
  }
  turn_index_ = turn->speaker + 1;
  turn_start_ = Now();
  return absl::OkStatus();
}

std::optional<RoundTurn> Runner::Round() const {
  if (state_ != RunnerState::kRunning) return std::nullopt;
  const Step& step = format_.steps[step_index_];
  if (step.participation != Participation::kRound) return std::nullopt;

  RoundTurn turn;
  const auto present = static_cast<int>(session_.participants.size());
  const int skip = step.budget.kind == TimeBudget::Kind::kPerParticipant
                       ? std::clamp(step.budget.skip, 0, present)
                       : 0;
  // Those who lead the round are left out first, then the last to speak.
  std::vector<const Participant*> speakers;
  int left_out = 0;
  for (const Participant& p : session_.participants) {
    if (left_out < skip && !step.lead.empty() && p.role == step.lead) {
      ++left_out;
      continue;
    }
    speakers.push_back(&p);
  }
  while (left_out < skip && !speakers.empty()) {
    speakers.pop_back();
    ++left_out;
  }
  for (const Participant* p : speakers) turn.order.push_back(p->id);

  const auto turns = static_cast<double>(turn.order.size());
  if (step.budget.kind == TimeBudget::Kind::kPerParticipant) {
    turn.each = step.budget.Evaluate(step.budget.skip + 1, options_.day);
  } else if (turns > 0) {
    if (std::optional<double> total =
            detail::StepMaxMinutes(format_, step_index_, present, options_.day)) {
      const MinuteRange r = step.budget.kind == TimeBudget::Kind::kOpen
                                ? MinuteRange{*total, *total}
                                : step.budget.Evaluate(present, options_.day);
      turn.each = {r.min / turns, r.max / turns};
    }
  }

  const absl::Duration each = absl::Minutes(turn.each.max);
  const absl::Duration spent = Now() - turn_start_;
  std::size_t speaker = turn_index_;
  absl::Duration into_turn = spent;
  if (each > absl::ZeroDuration()) {
    const int64_t passed = absl::IDivDuration(spent, each, &into_turn);
    speaker += static_cast<std::size_t>(std::max<int64_t>(0, passed));
  }
  if (speaker >= turn.order.size()) {
    turn.speaker = turn.order.size();
    turn.time_left = absl::ZeroDuration();
  } else {
    turn.speaker = speaker;
    turn.time_left = each > absl::ZeroDuration() ? each - into_turn : absl::ZeroDuration();
  }
  return turn;
}

std::optional<absl::Duration> Runner::TimeLeftInStep() const {
  if (state_ != RunnerState::kRunning) return std::nullopt;
  std::optional<double> budget = detail::StepMaxMinutes(
      format_, step_index_, static_cast<int>(session_.participants.size()), options_.day);
  if (!budget.has_value()) return std::nullopt;
  return absl::Minutes(*budget) - (Now() - step_start_);
}

std::optional<absl::Duration> Runner::TimeLeftInSession() const {
  if (state_ != RunnerState::kRunning) return std::nullopt;
  std::optional<double> planned = detail::SessionMaxMinutes(
      format_, static_cast<int>(session_.participants.size()), options_.day);
  if (!planned.has_value()) return std::nullopt;
  return absl::Minutes(*planned) - (Now() - *session_.actual_start);
}

}  // namespace carelearn
