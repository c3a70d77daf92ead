// Canonical names of the record layer's enumerations.
#include <optional>
#include <string_view>

#include "carelearn/record/redact.hpp"
#include "carelearn/record/runner.hpp"
#include "carelearn/record/session.hpp"
#include "detail/names.hpp"

namespace carelearn {
namespace {

constexpr detail::NameTable<SessionStatus, 2> kSessionStatuses{{
    {SessionStatus::kHeld, "held"},
    {SessionStatus::kCancelled, "cancelled"},
}};

constexpr detail::NameTable<CancelReason, 5> kCancelReasons{{
    {CancelReason::kStaffing, "staffing"},
    {CancelReason::kWorkload, "workload"},
    {CancelReason::kNoFacilitator, "no-facilitator"},
    {CancelReason::kHoliday, "holiday"},
    {CancelReason::kOther, "other"},
}};

constexpr detail::NameTable<Shift, 4> kShifts{{
    {Shift::kUnspecified, "unspecified"},
    {Shift::kDay, "day"},
    {Shift::kEvening, "evening"},
    {Shift::kNight, "night"},
}};

constexpr detail::NameTable<ActionStatus, 4> kActionStatuses{{
    {ActionStatus::kOpen, "open"},
    {ActionStatus::kInProgress, "in-progress"},
    {ActionStatus::kDone, "done"},
    {ActionStatus::kDropped, "dropped"},
}};

constexpr detail::NameTable<NoteKind, 3> kNoteKinds{{
    {NoteKind::kNote, "note"},
    {NoteKind::kReflection, "reflection"},
    {NoteKind::kDocumentation, "documentation"},
}};

constexpr detail::NameTable<Redaction, 3> kRedactions{{
    {Redaction::kNone, "none"},
    {Redaction::kConfidential, "confidential"},
    {Redaction::kEvaluator, "evaluator"},
}};

constexpr detail::NameTable<MisfitPolicy, 2> kMisfitPolicies{{
    {MisfitPolicy::kReject, "reject"},
    {MisfitPolicy::kKeep, "keep"},
}};

constexpr detail::NameTable<RunnerState, 3> kRunnerStates{{
    {RunnerState::kReady, "ready"},
    {RunnerState::kRunning, "running"},
    {RunnerState::kFinished, "finished"},
}};

}  // namespace

std::string_view SessionStatusName(SessionStatus status) {
  return detail::NameOf(kSessionStatuses, status);
}
std::optional<SessionStatus> ParseSessionStatus(std::string_view name) {
  return detail::ValueOf(kSessionStatuses, name);
}

std::string_view CancelReasonName(CancelReason reason) {
  return detail::NameOf(kCancelReasons, reason);
}
std::optional<CancelReason> ParseCancelReason(std::string_view name) {
  return detail::ValueOf(kCancelReasons, name);
}

std::string_view ShiftName(Shift shift) { return detail::NameOf(kShifts, shift); }
std::optional<Shift> ParseShift(std::string_view name) { return detail::ValueOf(kShifts, name); }

std::string_view ActionStatusName(ActionStatus status) {
  return detail::NameOf(kActionStatuses, status);
}
std::optional<ActionStatus> ParseActionStatus(std::string_view name) {
  return detail::ValueOf(kActionStatuses, name);
}

std::string_view NoteKindName(NoteKind kind) { return detail::NameOf(kNoteKinds, kind); }
std::optional<NoteKind> ParseNoteKind(std::string_view name) {
  return detail::ValueOf(kNoteKinds, name);
}

std::string_view RedactionName(Redaction redaction) {
  return detail::NameOf(kRedactions, redaction);
}
std::optional<Redaction> ParseRedaction(std::string_view name) {
  return detail::ValueOf(kRedactions, name);
}

std::string_view MisfitPolicyName(MisfitPolicy policy) {
  return detail::NameOf(kMisfitPolicies, policy);
}
std::optional<MisfitPolicy> ParseMisfitPolicy(std::string_view name) {
  return detail::ValueOf(kMisfitPolicies, name);
}

std::string_view RunnerStateName(RunnerState state) { return detail::NameOf(kRunnerStates, state); }
std::optional<RunnerState> ParseRunnerState(std::string_view name) {
  return detail::ValueOf(kRunnerStates, name);
}

}  // namespace carelearn
