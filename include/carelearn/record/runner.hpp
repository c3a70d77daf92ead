// carelearn/record/runner.hpp
//
// Defines `Runner`, which steps through a format live, as on the tablet in
// the meeting room: `Start` with the people present, `Next` from step to
// step, the time left in the step and in the meeting, who has the word in a
// round, recording the outputs (learning points, actions, feedback, notes,
// questions used), and `Finish`, which hands back the held `Session`.
//
// The runner keeps to the format. What does not fit it is a `Diagnostic`
// with a stable code, never a crash: a missing facilitator, an output in a
// step that does not produce it ("output-not-produced-here", at the recorded
// element such as "feedback[0]", or at the list when rejected), a fourth
// learning point where the format asks for exactly three
// ("too-many-learning-points"), too few at the end ("too-few-learning-points").
// Calls in the wrong state (`Next` after `Finish`, `Start` twice, recording
// before `Start`) return absl::FailedPreconditionError and change nothing.
//
// The identifier linter reads everything recorded: what looks like a CPR
// number, an e-mail address, a phone number or a name is a warning
// ("identifier-in-id", "identifier-in-text"), or refused with
// `RunnerOptions::identifiers` = kRefuse. Error messages show ids as
// `MaskedId`, so a name typed as an id is not quoted back.
//
// Time comes from an injectable `Clock`; tests use a `FakeClock` and never sleep.
//
// Example:
//
//   carelearn::FakeClock clock(start);
//   carelearn::RunnerOptions options;
//   options.clock = &clock;
//   carelearn::SessionPlan plan;
//   plan.unit = "home-care-north";
//   auto runner = carelearn::Runner::Create(*format, plan, options);
//   auto found = runner->Start(participants);         // diagnostics about roles, size
//   clock.Advance(absl::Minutes(5));
//   absl::Status s = runner->Next();                   // to "learning-questions"
//   auto r = runner->RecordPromptUsed("biggest-challenge");
//   // ... the other steps, each with Next() ...
//   absl::StatusOr<carelearn::Session> session = runner->Finish();
#ifndef CARELEARN_RECORD_RUNNER_HPP_
#define CARELEARN_RECORD_RUNNER_HPP_

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/record/clock.hpp"
#include "carelearn/record/identifiers.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// What the runner does with an output that does not fit the format.
enum class MisfitPolicy {
  /// Leaves it out of the session and reports an error diagnostic; the app
  /// can tell the group and record it where it belongs.
  kReject,
  /// Keeps it in the session and reports a warning diagnostic.
  kKeep,
};

/// Returns the canonical name of `policy`: "reject" or "keep".
std::string_view MisfitPolicyName(MisfitPolicy policy);

/// Parses a canonical misfit policy name; std::nullopt when unknown.
std::optional<MisfitPolicy> ParseMisfitPolicy(std::string_view name);

/// How a runner is set up.
struct RunnerOptions {
  /// Where the runner reads the time; nullptr for `Clock::System()`. Not
  /// owned: it must outlive the runner.
  const Clock* clock = nullptr;
  /// Resolves the question sets steps draw on, to check question ids;
  /// nullptr accepts any id in such a step. Not owned.
  const Catalog* catalog = nullptr;
  /// What happens to an output that does not fit the format, and to a
  /// question that is not the step's: the policy for every kind not in
  /// `misfit_by_kind`.
  MisfitPolicy misfit = MisfitPolicy::kReject;
  /// The policy for one output kind, overriding `misfit` for it: e.g.
  /// `{{OutputKind::kFeedback, MisfitPolicy::kKeep}}` takes feedback in any
  /// step while other misfits and unknown questions are still rejected.
  std::map<OutputKind, MisfitPolicy> misfit_by_kind = {};
  /// Called with the session as recorded so far after every change (Start,
  /// AddParticipant, Next, SetCase, each output recorded, Finish, Cancel), so
  /// the app can keep it durably, e.g. with `Store::PutSession`; after a
  /// crash `Runner::Resume` continues from the last one kept. Empty: not called.
  std::function<void(const Session&)> on_change = {};
  /// The length of a working day, for budgets in days.
  WorkingDay day = {};
  /// What happens when the identifier linter (carelearn/record/identifiers.hpp)
  /// finds a CPR number, an e-mail address, a phone number or a name in what
  /// is recorded: kWarn (the default) records it and adds the
  /// "identifier-in-id" or "identifier-in-text" warning to the result;
  /// kRefuse records nothing and returns kInvalidArgument, naming the field
  /// and the kind, never the value.
  IdentifierPolicy identifiers = IdentifierPolicy::kWarn;
};

/// What is known of a session before it starts.
struct SessionPlan {
  /// The session's id; empty for a new random id (32 hex digits).
  std::string session_id = {};
  /// The unit that holds the session.
  std::string unit = {};
  /// When the session was planned to start; none for the time `Start` is called.
  std::optional<absl::Time> planned_start = {};
};

/// What recording an output did.
struct RecordResult {
  /// True when the output is in the session now.
  bool recorded = false;
  /// What did not fit: errors for a rejected output, warnings for a kept one.
  std::vector<Diagnostic> diagnostics = {};
};

/// Who has the word in a round, and for how long.
struct RoundTurn {
  /// The participants who take a turn, by pseudonym, in the order they speak.
  std::vector<std::string> order = {};
  /// Index into `order` of who has the word; `order.size()` once everyone has spoken.
  std::size_t speaker = 0;
  /// Each person's minutes ("about 1 min each").
  MinuteRange each = {};
  /// Time left for the speaker, by the longest of `each`; the word moves on
  /// when it is up. Zero once everyone has spoken.
  absl::Duration time_left = absl::ZeroDuration();

  /// True once everyone in `order` has had their turn.
  [[nodiscard]] bool done() const { return speaker >= order.size(); }
};

/// Where a runner is in a session's life.
enum class RunnerState {
  kReady,     ///< Created; `Start` or `Cancel` next.
  kRunning,   ///< Started; in one of the format's steps.
  kFinished,  ///< Finished or cancelled; only reading is left.
};

/// Returns the canonical name of `state`: "ready", "running" or "finished".
std::string_view RunnerStateName(RunnerState state);

/// Parses a canonical runner state name; std::nullopt when unknown.
std::optional<RunnerState> ParseRunnerState(std::string_view name);

/// Steps through a format live and produces a `Session`.
///
/// A runner is a value that can be moved, not copied; it is not safe to use
/// from several threads at once.
class Runner {
 public:
  /// A runner for `format`, planned as `plan`.
  ///
  /// The format is copied. Steps are run at the top level: a step that is a
  /// whole other format (the learning visit's joint learning meeting) is one
  /// step here, producing what the step declares.
  ///
  /// The linter's warnings about the plan's session id and unit are in
  /// `diagnostics()` from the start.
  ///
  /// Errors: kInvalidArgument when the format has no steps (a programme of
  /// components is planned, not run) or an empty id.
  [[nodiscard]] static absl::StatusOr<Runner> Create(Format format, SessionPlan plan = {},
                                                     RunnerOptions options = {});

  /// A runner that continues `session`, a session of `format` that was
  /// started and not finished (as `RunnerOptions::on_change` last gave it,
  /// e.g. read back from the store after the app crashed).
  ///
  /// The runner is in the step after the last one `session.steps` holds,
  /// which started when that one ended (at the actual start for the first
  /// step): the time the app was down counts as time spent in that step.
  /// Everything recorded is kept; a round starts again with its first
  /// speaker by the clock. Rejected outputs from before are not in
  /// `diagnostics()` (they were never recorded); `Finish` checks the whole session.
  ///
  /// Errors: kInvalidArgument when the session fails `ValidateSession`,
  /// is of another format or version, or its steps are not the format's
  /// first steps in order (naming `steps[i]`); kFailedPrecondition when it
  /// has not started (plan it with `Create`), or is finished or cancelled.
  ///
  /// Example:
  ///
  ///   absl::StatusOr<carelearn::Session> partial = store->GetSession(id);
  ///   absl::StatusOr<carelearn::Runner> runner =
  ///       carelearn::Runner::Resume(*format, *partial, options);
  [[nodiscard]] static absl::StatusOr<Runner> Resume(Format format, Session session,
                                                     RunnerOptions options = {});

  /// Starts the session with `participants` (in the order they sit, which
  /// is the order of a round) and enters the first step.
  ///
  /// Returns what does not fit the format's roles and capacity:
  /// "missing-facilitator" (error), "missing-role", "too-many-of-role",
  /// "unknown-role", "below-capacity", "capacity-exceeded" (warnings). The
  /// session starts in any case: it is happening.
  ///
  /// Errors: kFailedPrecondition when started or finished already;
  /// kInvalidArgument for no participants, an empty or repeated id.
  [[nodiscard]] absl::StatusOr<std::vector<Diagnostic>> Start(
      std::vector<Participant> participants);

  /// Adds someone who arrives late; returns the role and capacity findings
  /// that change ("too-many-of-role", "capacity-exceeded", "unknown-role").
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for an
  /// empty id or one already present.
  [[nodiscard]] absl::StatusOr<std::vector<Diagnostic>> AddParticipant(Participant participant);

  /// Ends the current step and starts the next.
  ///
  /// Errors: kFailedPrecondition unless running, or in the last step ("call Finish").
  [[nodiscard]] absl::Status Next();

  /// Ends the session: the current step ends now, later steps are not held.
  ///
  /// Returns the session. `diagnostics()` then holds the outputs that were
  /// rejected, followed by `CheckSession` of the result.
  ///
  /// Errors: kFailedPrecondition unless running.
  [[nodiscard]] absl::StatusOr<Session> Finish();

  /// Calls the session off, before it starts or part-way, for `cancellation`.
  ///
  /// Returns the cancelled session, with what was recorded until then.
  ///
  /// Errors: kFailedPrecondition when finished already.
  [[nodiscard]] absl::StatusOr<Session> Cancel(Cancellation cancellation);

  /// Records the case the session works on (replacing one recorded before).
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for an empty category.
  [[nodiscard]] absl::Status SetCase(Case presented_case);

  /// Records a learning point in the current step; the step id is set by the runner.
  ///
  /// Findings: "output-not-produced-here" when the step does not produce
  /// learning points; "too-many-learning-points" when the format's declared
  /// maximum is reached.
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for an
  /// empty text or an author who is not a participant.
  [[nodiscard]] absl::StatusOr<RecordResult> RecordLearningPoint(LearningPoint point);

  /// Records a proposed organisational action in the current step.
  ///
  /// The runner sets the step id, an id when empty ("a1", "a2", ...) and,
  /// when the history is empty, the first change: kOpen now.
  /// Findings as `RecordLearningPoint`, for "organisational-action".
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for an
  /// empty text; kAlreadyExists for an id in use.
  [[nodiscard]] absl::StatusOr<RecordResult> RecordAction(Action action);

  /// Records one participant's feedback in the current step.
  ///
  /// Feedback fits the steps that declare it; a format none of whose steps
  /// declares feedback takes it in its last step, since feedback is given
  /// at the end (the systematic learning meeting's "joint-reflection").
  /// Findings as `RecordLearningPoint`, for "feedback".
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for a
  /// rating outside 1–5 or someone who is not a participant; kAlreadyExists
  /// when that participant already gave feedback.
  [[nodiscard]] absl::StatusOr<RecordResult> RecordFeedback(Feedback feedback);

  /// Records a note in the current step. A plain note fits any step; a
  /// reflection or documentation must be produced by the step.
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for an empty text.
  [[nodiscard]] absl::StatusOr<RecordResult> RecordNote(Note note);

  /// Records that the question `question_id` was used in the current step.
  ///
  /// Findings: "unknown-prompt" when the id is neither one of the step's
  /// prompts nor, when the catalog resolves them, of its question sets. Using
  /// a question twice in a step records it once.
  ///
  /// Errors: kFailedPrecondition unless running; kInvalidArgument for an empty id.
  [[nodiscard]] absl::StatusOr<RecordResult> RecordPromptUsed(std::string question_id);

  /// In a round: gives the word to the next person now, before their time is up.
  ///
  /// Errors: kFailedPrecondition unless running in a round step, or when
  /// everyone has spoken.
  [[nodiscard]] absl::Status PassTheWord();

  /// Where the runner is.
  [[nodiscard]] RunnerState state() const { return state_; }

  /// The step being held, or nullptr unless running.
  [[nodiscard]] const Step* current_step() const;

  /// The index of the step being held in `format().steps`; 0 unless running.
  [[nodiscard]] std::size_t step_index() const { return step_index_; }

  /// Time left in the current step by its longest budget for the people
  /// present; negative when over. An open step gets an equal share of what
  /// the planned duration leaves after the other steps. None unless running,
  /// or when the step has no time that can be known.
  [[nodiscard]] std::optional<absl::Duration> TimeLeftInStep() const;

  /// Time left in the session: the planned duration (or, without one, the
  /// steps' longest total) since the actual start; negative when over. None
  /// unless running, or when it cannot be known.
  [[nodiscard]] std::optional<absl::Duration> TimeLeftInSession() const;

  /// Who has the word, when the current step is a round; none otherwise.
  ///
  /// Each person has the longest of their per-person minutes, from the
  /// start of the step or the last `PassTheWord`. Those who lead the step
  /// are left out first when the budget says some take no turn.
  [[nodiscard]] std::optional<RoundTurn> Round() const;

  /// The session as recorded so far.
  [[nodiscard]] const Session& session() const { return session_; }

  /// The format being run.
  [[nodiscard]] const Format& format() const { return format_; }

  /// What has not fitted so far; after `Finish`, the rejected outputs and the
  /// final `CheckSession`.
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  Runner(Format format, Session session, RunnerOptions options);

  absl::Status RequireRunning(std::string_view operation) const;
  absl::StatusOr<std::vector<Diagnostic>> Identifiers(const Session& candidate,
                                                      std::string_view prefix,
                                                      std::string_view operation) const;
  absl::Time Now() const;
  MisfitPolicy PolicyFor(std::optional<OutputKind> kind) const;
  std::vector<Diagnostic> CheckOutput(OutputKind kind, std::size_t index) const;
  RecordResult Conclude(std::vector<Diagnostic> found, MisfitPolicy policy);
  void Changed() const;

  Format format_;
  Session session_;
  RunnerOptions options_;
  RunnerState state_ = RunnerState::kReady;
  std::size_t step_index_ = 0;
  absl::Time step_start_;
  std::size_t turn_index_ = 0;  // explicit turns passed in the current round
  absl::Time turn_start_;       // when the current explicit turn began
  std::vector<Diagnostic> diagnostics_;
  std::vector<Diagnostic> rejected_;
  mutable absl::Time last_now_ = absl::InfinitePast();  // the clock, never going back
};

}  // namespace carelearn

#endif  // CARELEARN_RECORD_RUNNER_HPP_
