// carelearn/record/session.hpp
//
// Defines `Session`, one held (or cancelled) occurrence of a format: who took
// part, when each step really started and ended, which questions were asked,
// the case, the learning points, the proposed organisational actions with
// their dated status changes, the feedback and the notes.
//
// A Session is a plain value. People in it are named only by pseudonyms (see
// carelearn/record/pseudonym.hpp); free text can be marked confidential and is
// then left out of exports unless the caller asks for it
// (carelearn/record/redact.hpp).
//
// Example:
//
//   carelearn::Session s;
//   s.id = "2026-03-04-home-care-north";
//   s.format_id = "systematic-learning-meeting";
//   s.format_version = 1;
//   s.unit = "home-care-north";
//   s.planned_start = absl::FromCivil(absl::CivilMinute(2026, 3, 4, 14, 0), tz);
//   s.actual_start = s.planned_start + absl::Minutes(2);
//   s.participants.push_back({"3f9a0c...", "facilitator", "home-care-north", "nurse",
//                             carelearn::Shift::kDay});
//   absl::Status ok = carelearn::ValidateSession(s);
#ifndef CARELEARN_RECORD_SESSION_HPP_
#define CARELEARN_RECORD_SESSION_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace carelearn {

/// Whether a planned session took place.
enum class SessionStatus {
  kHeld,       ///< The session took place (perhaps cut short).
  kCancelled,  ///< The session was called off; `Session::cancellation` says why.
};

/// Returns the canonical name of `status`: "held" or "cancelled".
std::string_view SessionStatusName(SessionStatus status);

/// Parses a canonical session status name; std::nullopt when unknown.
std::optional<SessionStatus> ParseSessionStatus(std::string_view name);

/// Why a session was cancelled, so that cadence can be measured honestly.
enum class CancelReason {
  kStaffing,       ///< Too few staff on duty.
  kWorkload,       ///< Acute work came first.
  kNoFacilitator,  ///< Nobody could facilitate.
  kHoliday,        ///< A holiday or closure.
  kOther,          ///< Any other reason; `Cancellation::note` may say which.
};

/// Returns the canonical name of `reason`: "staffing", "workload",
/// "no-facilitator", "holiday" or "other".
std::string_view CancelReasonName(CancelReason reason);

/// Parses a canonical cancel reason name; std::nullopt when unknown.
std::optional<CancelReason> ParseCancelReason(std::string_view name);

/// Why a session did not take place, or stopped early.
struct Cancellation {
  CancelReason reason = CancelReason::kOther;  ///< The reason, as a category.
  std::string note = {};      ///< A few words more; may be empty. Never write names here.
  bool confidential = false;  ///< True: the note is left out of exports unless asked for.

  /// Cancellations are equal when every field is.
  friend bool operator==(const Cancellation&, const Cancellation&) = default;
};

/// The shift a participant works.
enum class Shift {
  kUnspecified,  ///< Not recorded.
  kDay,          ///< Day shift ("dagvagt").
  kEvening,      ///< Evening shift ("aftenvagt").
  kNight,        ///< Night shift ("nattevagt").
};

/// Returns the canonical name of `shift`: "unspecified", "day", "evening" or "night".
std::string_view ShiftName(Shift shift);

/// Parses a canonical shift name; std::nullopt when unknown.
std::optional<Shift> ParseShift(std::string_view name);

/// One person who took part, by pseudonym.
struct Participant {
  std::string id = {};    ///< Pseudonymous id (see `Pseudonymiser`); never a name or a CPR number.
  std::string role = {};  ///< The role's id in this session, e.g. "facilitator".
  std::string unit = {};  ///< The unit the person belongs to (may differ from the session's).
  std::string profession =
      {};  ///< The profession, e.g. "nurse", "social-and-health-assistant"; may be empty.
  Shift shift = Shift::kUnspecified;  ///< The shift the person works.

  /// Participants are equal when every field is.
  friend bool operator==(const Participant&, const Participant&) = default;
};

/// When one step of the format really started and ended.
struct StepTiming {
  std::string step_id = {};  ///< The format's step id.
  absl::Time start = {};     ///< When the step started.
  absl::Time end = {};       ///< When it ended; not before `start`.

  /// Timings are equal when every field is.
  friend bool operator==(const StepTiming&, const StepTiming&) = default;
};

/// A question that was used, by its stable id.
struct PromptUse {
  std::string step_id = {};      ///< The step it was used in.
  std::string question_id = {};  ///< The prompt's id (its step's, or its question set's).

  /// Prompt uses are equal when every field is.
  friend bool operator==(const PromptUse&, const PromptUse&) = default;
};

/// The case a session learnt from: a category and, when it concerns a
/// citizen, a pseudonymous reference, never a name.
struct Case {
  std::string category = {};  ///< What kind of case, e.g. "difficult-conversation", "fall".
  std::string citizen =
      {};  ///< Pseudonymous citizen reference; empty when the case concerns no citizen.

  /// Cases are equal when every field is.
  friend bool operator==(const Case&, const Case&) = default;
};

/// A learning point ("læringspointe").
struct LearningPoint {
  std::string step_id = {};   ///< The step it was recorded in.
  std::string text = {};      ///< What was learnt; empty when left out of an export.
  std::string author = {};    ///< The author's pseudonym; empty for the group.
  bool confidential = false;  ///< True: the text is left out of exports unless asked for.

  /// Learning points are equal when every field is.
  friend bool operator==(const LearningPoint&, const LearningPoint&) = default;
};

/// Where a proposed organisational action stands.
enum class ActionStatus {
  kOpen,        ///< Proposed, not yet taken up.
  kInProgress,  ///< Being carried out.
  kDone,        ///< Carried out.
  kDropped,     ///< Decided against.
};

/// Returns the canonical name of `status`: "open", "in-progress", "done" or "dropped".
std::string_view ActionStatusName(ActionStatus status);

/// Parses a canonical action status name; std::nullopt when unknown.
std::optional<ActionStatus> ParseActionStatus(std::string_view name);

/// One dated change of an action's status.
struct StatusChange {
  ActionStatus status = ActionStatus::kOpen;  ///< The status from this time on.
  absl::Time at = {};                         ///< When it changed.

  /// Changes are equal when every field is.
  friend bool operator==(const StatusChange&, const StatusChange&) = default;
};

/// A proposed organisational action (a new procedure or standard) and what became of it.
struct Action {
  std::string id = {};       ///< Unique within the session, e.g. "a1".
  std::string step_id = {};  ///< The step it was proposed in.
  std::string text = {};     ///< What is proposed; empty when left out of an export.
  std::string owner =
      {};  ///< Who takes it forward: a role ("leader") or a pseudonym; may be empty.
  std::optional<absl::CivilDay> due = {};  ///< When it is due; none when no date was set.
  /// The dated status changes, oldest first; the first is normally kOpen at
  /// the time it was proposed. Times never go backwards.
  std::vector<StatusChange> history = {};
  bool confidential = false;  ///< True: the text is left out of exports unless asked for.

  /// The status now: the last change's, or kOpen when there is none.
  [[nodiscard]] ActionStatus CurrentStatus() const {
    return history.empty() ? ActionStatus::kOpen : history.back().status;
  }

  /// Actions are equal when every field is.
  friend bool operator==(const Action&, const Action&) = default;
};

/// One participant's feedback on a session, as at the end of a seminar.
struct Feedback {
  std::string step_id = {};      ///< The step it was given in.
  std::string participant = {};  ///< The participant's pseudonym; one feedback per participant.
  int rating = 3;                ///< From 1 (poor) to 5 (excellent).
  std::string comment = {};      ///< Free text; may be empty.
  bool confidential = false;     ///< True: the comment is left out of exports unless asked for.

  /// Feedback values are equal when every field is.
  friend bool operator==(const Feedback&, const Feedback&) = default;
};

/// What a note records.
enum class NoteKind {
  kNote,           ///< A free-text note.
  kReflection,     ///< A reflection, counted as the output kind "reflection".
  kDocumentation,  ///< A written record, counted as the output kind "documentation".
};

/// Returns the canonical name of `kind`: "note", "reflection" or "documentation".
std::string_view NoteKindName(NoteKind kind);

/// Parses a canonical note kind name; std::nullopt when unknown.
std::optional<NoteKind> ParseNoteKind(std::string_view name);

/// A free-text note, reflection or piece of documentation.
struct Note {
  std::string step_id = {};         ///< The step it was written in.
  NoteKind kind = NoteKind::kNote;  ///< What it records.
  std::string text = {};            ///< The text; empty when left out of an export.
  bool confidential = false;        ///< True: the text is left out of exports unless asked for.

  /// Notes are equal when every field is.
  friend bool operator==(const Note&, const Note&) = default;
};

/// One held or cancelled occurrence of a format.
struct Session {
  std::string id = {};            ///< Unique id of the session (the store's key).
  std::string format_id = {};     ///< The format that was held.
  int format_version = 1;         ///< Its version.
  std::string unit = {};          ///< The unit that held it, e.g. "home-care-north".
  absl::Time planned_start = {};  ///< When it was planned to start.
  std::optional<absl::Time> actual_start =
      {};                                     ///< When it started; none when cancelled beforehand.
  std::optional<absl::Time> actual_end = {};  ///< When it ended; none when it never started.
  /// Set when the session was cancelled (before it began or part-way).
  std::optional<Cancellation> cancellation = {};
  std::vector<Participant> participants =
      {};                               ///< Who took part, in the order they sat (a round's order).
  std::vector<StepTiming> steps = {};   ///< The steps that were held, in order.
  std::vector<PromptUse> prompts = {};  ///< The questions that were used.
  std::optional<Case> presented_case = {};          ///< The case, when the format works on one.
  std::vector<LearningPoint> learning_points = {};  ///< The learning points.
  std::vector<Action> actions = {};                 ///< The proposed organisational actions.
  std::vector<Feedback> feedback = {};              ///< The feedback, at most one per participant.
  std::vector<Note> notes = {};                     ///< Notes, reflections and documentation.

  /// kCancelled when `cancellation` is set, kHeld otherwise.
  [[nodiscard]] SessionStatus status() const {
    return cancellation.has_value() ? SessionStatus::kCancelled : SessionStatus::kHeld;
  }

  /// The participant with pseudonym `id`, or nullptr.
  [[nodiscard]] const Participant* FindParticipant(std::string_view participant_id) const;

  /// The action with `action_id`, or nullptr.
  [[nodiscard]] const Action* FindAction(std::string_view action_id) const;

  /// The action with `action_id`, or nullptr (mutable).
  [[nodiscard]] Action* FindAction(std::string_view action_id);

  /// Sessions are equal when every field is.
  friend bool operator==(const Session&, const Session&) = default;
};

/// A new random session id: 32 lower-case hex digits (128 bits) from
/// OpenSSL's cryptographic random source.
///
/// Example:
///
///   std::string id = carelearn::NewSessionId();  // "9b1f0c2e..."
[[nodiscard]] std::string NewSessionId();

/// Checks the invariants a stored session must keep.
///
/// Errors (kInvalidArgument), each message led by `session "<id>": <path>: `:
///   - an empty id or format id, a format version below 1;
///   - a held session without an actual start; an end before the start;
///   - a time or a due date outside the years 0001 to 9999, which a session
///     line (RFC 3339, "YYYY-MM-DD") cannot hold;
///   - an empty or repeated participant id;
///   - a step timing with an empty step id or an end before its start;
///   - an action with an empty or repeated id, or a history whose times go backwards;
///   - feedback with a rating outside 1–5, without a participant, or a
///     second feedback from the same participant.
/// Empty texts are allowed: exports leave confidential text out.
///
/// Example:
///
///   absl::Status s = carelearn::ValidateSession(session);
///   // session "s-1": feedback[0].rating: 7 is not from 1 to 5
[[nodiscard]] absl::Status ValidateSession(const Session& session);

}  // namespace carelearn

#endif  // CARELEARN_RECORD_SESSION_HPP_
