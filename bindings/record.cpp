// bindings/record.cpp
//
// The record layer bound for Python: held sessions and their parts, the
// clocks, the live runner, pseudonyms, redacted exports, the checks against
// a format and the "session/1" JSON Lines form.
//
// Sessions and their parts are values, as the model is: fields are read-write
// properties, list fields read as tuples of copies and are replaced whole, and
// `==` compares every field. Times are aware datetime.datetime (UTC on the way
// out), due dates datetime.date, durations datetime.timedelta.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "carelearn/io/export_manifest.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/record/check.hpp"
#include "carelearn/record/clock.hpp"
#include "carelearn/record/identifiers.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/runner.hpp"
#include "carelearn/record/session.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

/// A name function's result as a std::string.
template <typename E>
std::string NameOf(std::string_view (*name)(E), E value) {
  return std::string(name(value));
}

void BindEnums(py::module_& m) {
  py::native_enum<SessionStatus>(m, "SessionStatus", "enum.Enum",
                                 "Whether a planned session took place.")
      .value("HELD", SessionStatus::kHeld, "The session took place (perhaps cut short).")
      .value("CANCELLED", SessionStatus::kCancelled,
             "The session was called off; `Session.cancellation` says why.")
      .finalize();
  m.def(
      "session_status_name", [](SessionStatus s) { return NameOf(&SessionStatusName, s); },
      py::arg("status"), "The canonical name of `status`: \"held\" or \"cancelled\".");
  m.def(
      "parse_session_status", [](std::string_view name) { return ParseSessionStatus(name); },
      py::arg("name"), "Parses a canonical session status name; None when unknown.");

  py::native_enum<CancelReason>(m, "CancelReason", "enum.Enum",
                                "Why a session was cancelled, so that cadence can be measured "
                                "honestly.")
      .value("STAFFING", CancelReason::kStaffing, "Too few staff on duty.")
      .value("WORKLOAD", CancelReason::kWorkload, "Acute work came first.")
      .value("NO_FACILITATOR", CancelReason::kNoFacilitator, "Nobody could facilitate.")
      .value("HOLIDAY", CancelReason::kHoliday, "A holiday or closure.")
      .value("OTHER", CancelReason::kOther, "Any other reason; `Cancellation.note` may say which.")
      .finalize();
  m.def(
      "cancel_reason_name", [](CancelReason r) { return NameOf(&CancelReasonName, r); },
      py::arg("reason"),
      "The canonical name of `reason`: \"staffing\", \"workload\", \"no-facilitator\",\n"
      "\"holiday\" or \"other\".");
  m.def(
      "parse_cancel_reason", [](std::string_view name) { return ParseCancelReason(name); },
      py::arg("name"), "Parses a canonical cancel reason name; None when unknown.");

  py::native_enum<Shift>(m, "Shift", "enum.Enum", "The shift a participant works.")
      .value("UNSPECIFIED", Shift::kUnspecified, "Not recorded.")
      .value("DAY", Shift::kDay, "Day shift (\"dagvagt\").")
      .value("EVENING", Shift::kEvening, "Evening shift (\"aftenvagt\").")
      .value("NIGHT", Shift::kNight, "Night shift (\"nattevagt\").")
      .finalize();
  m.def(
      "shift_name", [](Shift s) { return NameOf(&ShiftName, s); }, py::arg("shift"),
      "The canonical name of `shift`: \"unspecified\", \"day\", \"evening\" or \"night\".");
  m.def(
      "parse_shift", [](std::string_view name) { return ParseShift(name); }, py::arg("name"),
      "Parses a canonical shift name; None when unknown.");

  py::native_enum<ActionStatus>(m, "ActionStatus", "enum.Enum",
                                "Where a proposed organisational action stands.")
      .value("OPEN", ActionStatus::kOpen, "Proposed, not yet taken up.")
      .value("IN_PROGRESS", ActionStatus::kInProgress, "Being carried out.")
      .value("DONE", ActionStatus::kDone, "Carried out.")
      .value("DROPPED", ActionStatus::kDropped, "Decided against.")
      .finalize();
  m.def(
      "action_status_name", [](ActionStatus s) { return NameOf(&ActionStatusName, s); },
      py::arg("status"),
      "The canonical name of `status`: \"open\", \"in-progress\", \"done\" or \"dropped\".");
  m.def(
      "parse_action_status", [](std::string_view name) { return ParseActionStatus(name); },
      py::arg("name"), "Parses a canonical action status name; None when unknown.");

  py::native_enum<NoteKind>(m, "NoteKind", "enum.Enum", "What a note records.")
      .value("NOTE", NoteKind::kNote, "A free-text note.")
      .value("REFLECTION", NoteKind::kReflection,
             "A reflection, counted as the output kind \"reflection\".")
      .value("DOCUMENTATION", NoteKind::kDocumentation,
             "A written record, counted as the output kind \"documentation\".")
      .finalize();
  m.def(
      "note_kind_name", [](NoteKind k) { return NameOf(&NoteKindName, k); }, py::arg("kind"),
      "The canonical name of `kind`: \"note\", \"reflection\" or \"documentation\".");
  m.def(
      "parse_note_kind", [](std::string_view name) { return ParseNoteKind(name); }, py::arg("name"),
      "Parses a canonical note kind name; None when unknown.");

  py::native_enum<Redaction>(m, "Redaction", "enum.Enum",
                             "How much an exported session leaves out.")
      .value("NONE", Redaction::kNone, "Nothing: confidential text is included.")
      .value("CONFIDENTIAL", Redaction::kConfidential, "The text of confidential items.")
      .value("EVALUATOR", Redaction::kEvaluator, "All free text and every direct identifier.")
      .finalize();
  m.def(
      "redaction_name", [](Redaction r) { return NameOf(&RedactionName, r); }, py::arg("redaction"),
      "The canonical name of `redaction`: \"none\", \"confidential\" or \"evaluator\".");
  m.def(
      "parse_redaction", [](std::string_view name) { return ParseRedaction(name); },
      py::arg("name"), "Parses a canonical redaction name; None when unknown.");

  py::native_enum<IdentifierKind>(m, "IdentifierKind", "enum.Enum",
                                  "What kind of direct identifier the linter found.")
      .value("CPR_NUMBER", IdentifierKind::kCprNumber, "A Danish CPR number (personnummer).")
      .value("EMAIL", IdentifierKind::kEmail, "An e-mail address.")
      .value("PHONE_NUMBER", IdentifierKind::kPhoneNumber, "A Danish phone number.")
      .value("NAME", IdentifierKind::kName, "A personal name.")
      .finalize();
  m.def(
      "identifier_kind_name", [](IdentifierKind k) { return NameOf(&IdentifierKindName, k); },
      py::arg("kind"),
      "The canonical name of `kind`: \"cpr-number\", \"email\", \"phone-number\" or \"name\".");
  py::native_enum<IdentifierPolicy>(
      m, "IdentifierPolicy", "enum.Enum",
      "What happens when the linter finds a direct identifier in a session.")
      .value("WARN", IdentifierPolicy::kWarn, "A warning diagnostic; the session is kept.")
      .value("REFUSE", IdentifierPolicy::kRefuse, "An error: nothing is recorded or stored.")
      .finalize();
  m.def(
      "parse_identifier_policy", [](std::string_view name) { return ParseIdentifierPolicy(name); },
      py::arg("name"), "Parses \"warn\" or \"refuse\"; None when unknown.");
}

void BindIdentifiers(py::module_& m) {
  py::class_<IdentifierMatch> match(m, "IdentifierMatch",
                                    "One identifier found in a text: its kind and where it is.");
  match
      .def(py::init([](IdentifierKind kind, std::size_t offset, std::size_t length) {
             return IdentifierMatch{kind, offset, length};
           }),
           py::arg("kind"), py::arg("offset"), py::arg("length"),
           "A match from its fields (offsets and lengths in UTF-8 bytes).")
      .def_readwrite("kind", &IdentifierMatch::kind, "What it looks like.")
      .def_readwrite("offset", &IdentifierMatch::offset, "Where it starts, in UTF-8 bytes.")
      .def_readwrite("length", &IdentifierMatch::length, "How long it is, in UTF-8 bytes.");
  BindValue(match);
  m.def(
      "find_identifiers", [](std::string_view text) { return FindIdentifiers(text); },
      py::arg("text"),
      "The CPR numbers, e-mail addresses, Danish phone numbers and names in the free text\n"
      "`text`, in order (offsets in UTF-8 bytes). See docs/privacy.md for what it misses.");
  m.def(
      "identifier_in_id", [](std::string_view id) { return IdentifierInId(id); }, py::arg("id"),
      "What the id looks like when it looks like a direct identifier; None otherwise.");
  m.def(
      "mask_identifiers", [](std::string_view text) { return MaskIdentifiers(text); },
      py::arg("text"), "`text` with each identifier found replaced by \"[<kind>]\".");
  m.def(
      "masked_id", [](std::string_view id) { return MaskedId(id); }, py::arg("id"),
      "`id` unchanged unless it looks like an identifier; then \"masked-\" and 24 hex digits\n"
      "under a random key of this process (stable within it, never written).");
  m.def(
      "lint_session", [](const Session& s, Severity severity) { return LintSession(s, severity); },
      py::arg("session"), py::arg_v("severity", Severity::kWarning, "Severity.WARNING"),
      "The identifier linter's findings in `session`: \"identifier-in-id\" and\n"
      "\"identifier-in-text\" diagnostics naming the field and the kind, never the value.");
  m.def(
      "summarize_session", [](const Session& s) { return SummarizeSession(s); }, py::arg("session"),
      "A one-line description of `session` that quotes no free text and masks ids.");
}

void BindParts(py::module_& m) {
  py::class_<Cancellation> cancellation(m, "Cancellation",
                                        "Why a session did not take place, or stopped early.");
  cancellation.def(py::init([](CancelReason reason, std::string note, bool confidential) {
                     return Cancellation{reason, std::move(note), confidential};
                   }),
                   py::arg_v("reason", CancelReason::kOther, "CancelReason.OTHER"),
                   py::arg("note") = "", py::kw_only(), py::arg("confidential") = false,
                   "A cancellation for `reason`, with a few words more in `note`;\n"
                   "`confidential` leaves the note out of exports unless asked for.");
  CopyConstructor(cancellation);
  cancellation.def_readwrite("reason", &Cancellation::reason, "The reason, as a category.")
      .def_readwrite("note", &Cancellation::note,
                     "A few words more; may be empty. Never write names here.")
      .def_readwrite("confidential", &Cancellation::confidential,
                     "True: the note is left out of exports unless asked for.");
  BindValue(cancellation);

  py::class_<Participant> person(
      m, "Participant",
      "One person who took part, by pseudonym (see Pseudonymiser), never by name.");
  person.def(py::init([](std::string id, std::string role, std::string unit, std::string profession,
                         Shift shift) {
               return Participant{std::move(id), std::move(role), std::move(unit),
                                  std::move(profession), shift};
             }),
             py::arg("id") = "", py::arg("role") = "", py::arg("unit") = "",
             py::arg("profession") = "",
             py::arg_v("shift", Shift::kUnspecified, "Shift.UNSPECIFIED"),
             "A participant from its fields.");
  CopyConstructor(person);
  person
      .def_readwrite("id", &Participant::id,
                     "Pseudonymous id (see Pseudonymiser); never a name or a CPR number.")
      .def_readwrite("role", &Participant::role,
                     "The role's id in this session, e.g. \"facilitator\".")
      .def_readwrite("unit", &Participant::unit,
                     "The unit the person belongs to (may differ from the session's).")
      .def_readwrite("profession", &Participant::profession,
                     "The profession, e.g. \"nurse\"; may be empty.")
      .def_readwrite("shift", &Participant::shift, "The shift the person works.");
  BindValue(person);

  py::class_<StepTiming> timing(m, "StepTiming",
                                "When one step of the format really started and ended.");
  timing.def(py::init([](std::string step_id, absl::Time start, absl::Time end) {
               return StepTiming{std::move(step_id), start, end};
             }),
             py::kw_only(), py::arg("step_id") = "",
             py::arg_v("start", absl::UnixEpoch(),
                       "datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"),
             py::arg_v("end", absl::UnixEpoch(),
                       "datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"),
             "A step timing from its fields (aware datetimes).");
  CopyConstructor(timing);
  timing.def_readwrite("step_id", &StepTiming::step_id, "The format's step id.")
      .def_readwrite("start", &StepTiming::start, "When the step started.")
      .def_readwrite("end", &StepTiming::end, "When it ended; not before `start`.");
  BindValue(timing);

  py::class_<PromptUse> prompt(m, "PromptUse", "A question that was used, by its stable id.");
  prompt.def(py::init([](std::string step_id, std::string question_id) {
               return PromptUse{std::move(step_id), std::move(question_id)};
             }),
             py::arg("step_id") = "", py::arg("question_id") = "",
             "The question `question_id`, used in the step `step_id`.");
  CopyConstructor(prompt);
  prompt.def_readwrite("step_id", &PromptUse::step_id, "The step it was used in.")
      .def_readwrite("question_id", &PromptUse::question_id,
                     "The prompt's id (its step's, or its question set's).");
  BindValue(prompt);

  py::class_<Case> case_(m, "Case",
                         "The case a session learnt from: a category and, when it concerns a\n"
                         "citizen, a pseudonymous reference, never a name.");
  case_.def(py::init([](std::string category, std::string citizen) {
              return Case{std::move(category), std::move(citizen)};
            }),
            py::arg("category") = "", py::arg("citizen") = "",
            "A case of `category`, about the citizen with the pseudonym `citizen` (or none).");
  CopyConstructor(case_);
  case_
      .def_readwrite("category", &Case::category,
                     "What kind of case, e.g. \"difficult-conversation\", \"fall\".")
      .def_readwrite("citizen", &Case::citizen,
                     "Pseudonymous citizen reference; empty when the case concerns no citizen.");
  BindValue(case_);

  py::class_<LearningPoint> point(m, "LearningPoint", "A learning point (\"laeringspointe\").");
  point.def(
      py::init([](std::string text, std::string step_id, std::string author, bool confidential) {
        return LearningPoint{std::move(step_id), std::move(text), std::move(author), confidential};
      }),
      py::arg("text") = "", py::kw_only(), py::arg("step_id") = "", py::arg("author") = "",
      py::arg("confidential") = false, "A learning point with `text`; the runner sets `step_id`.");
  CopyConstructor(point);
  point
      .def_readwrite("text", &LearningPoint::text,
                     "What was learnt; empty when left out of an export.")
      .def_readwrite("step_id", &LearningPoint::step_id, "The step it was recorded in.")
      .def_readwrite("author", &LearningPoint::author,
                     "The author's pseudonym; empty for the group.")
      .def_readwrite("confidential", &LearningPoint::confidential,
                     "True: the text is left out of exports unless asked for.");
  BindValue(point);

  py::class_<StatusChange> change(m, "StatusChange", "One dated change of an action's status.");
  change.def(py::init([](ActionStatus status, absl::Time at) {
               return StatusChange{status, at};
             }),
             py::arg_v("status", ActionStatus::kOpen, "ActionStatus.OPEN"),
             py::arg_v("at", absl::UnixEpoch(),
                       "datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"),
             "The action has `status` from `at` (an aware datetime) on.");
  CopyConstructor(change);
  change.def_readwrite("status", &StatusChange::status, "The status from this time on.")
      .def_readwrite("at", &StatusChange::at, "When it changed.");
  BindValue(change);

  py::class_<Action> action(
      m, "Action",
      "A proposed organisational action (a new procedure or standard) and what became of it.");
  action.def(py::init([](std::string text, std::string id, std::string step_id, std::string owner,
                         std::optional<absl::CivilDay> due, std::vector<StatusChange> history,
                         bool confidential) {
               return Action{std::move(id), std::move(step_id), std::move(text), std::move(owner),
                             due,           std::move(history), confidential};
             }),
             py::arg("text") = "", py::kw_only(), py::arg("id") = "", py::arg("step_id") = "",
             py::arg("owner") = "", py::arg("due") = py::none(),
             py::arg_v("history", std::vector<StatusChange>{}, "()"),
             py::arg("confidential") = false,
             "An action with `text`; the runner sets `step_id`, an id when empty, and the\n"
             "first status change (open, now) when `history` is empty. `confidential`\n"
             "leaves the text out of exports unless asked for.");
  CopyConstructor(action);
  action.def_readwrite("text", &Action::text, "What is proposed; empty when left out of an export.")
      .def_readwrite("id", &Action::id, "Unique within the session, e.g. \"a1\".")
      .def_readwrite("step_id", &Action::step_id, "The step it was proposed in.")
      .def_readwrite("owner", &Action::owner,
                     "Who takes it forward: a role (\"leader\") or a pseudonym; may be empty.")
      .def_readwrite("due", &Action::due, "When it is due (a datetime.date); None when not set.")
      .def_readwrite("confidential", &Action::confidential,
                     "True: the text is left out of exports unless asked for.");
  TupleField(action, "history", &Action::history,
             "The dated status changes, oldest first; times never go backwards.");
  action.def("current_status", &Action::CurrentStatus,
             "The status now: the last change's, or ActionStatus.OPEN when there is none.");
  BindValue(action);

  py::class_<Feedback> feedback(m, "Feedback", "One participant's feedback on a session.");
  feedback.def(py::init([](std::string participant, int rating, std::string comment,
                           std::string step_id, bool confidential) {
                 return Feedback{std::move(step_id), std::move(participant), rating,
                                 std::move(comment), confidential};
               }),
               py::arg("participant") = "", py::arg("rating") = 3, py::arg("comment") = "",
               py::kw_only(), py::arg("step_id") = "", py::arg("confidential") = false,
               "`participant`'s feedback: a rating from 1 to 5 and a comment; the runner sets\n"
               "`step_id`. `confidential` leaves the comment out of exports unless asked for.");
  CopyConstructor(feedback);
  feedback
      .def_readwrite("participant", &Feedback::participant,
                     "The participant's pseudonym; one feedback per participant.")
      .def_readwrite("rating", &Feedback::rating, "From 1 (poor) to 5 (excellent).")
      .def_readwrite("comment", &Feedback::comment, "Free text; may be empty.")
      .def_readwrite("step_id", &Feedback::step_id, "The step it was given in.")
      .def_readwrite("confidential", &Feedback::confidential,
                     "True: the comment is left out of exports unless asked for.");
  BindValue(feedback);

  py::class_<Note> note(m, "Note", "A free-text note, reflection or piece of documentation.");
  note.def(py::init([](std::string text, NoteKind kind, std::string step_id, bool confidential) {
             return Note{std::move(step_id), kind, std::move(text), confidential};
           }),
           py::arg("text") = "", py::kw_only(), py::arg_v("kind", NoteKind::kNote, "NoteKind.NOTE"),
           py::arg("step_id") = "", py::arg("confidential") = false,
           "A note of `kind` with `text`; the runner sets `step_id`.");
  CopyConstructor(note);
  note.def_readwrite("text", &Note::text, "The text; empty when left out of an export.")
      .def_readwrite("kind", &Note::kind, "What it records.")
      .def_readwrite("step_id", &Note::step_id, "The step it was written in.")
      .def_readwrite("confidential", &Note::confidential,
                     "True: the text is left out of exports unless asked for.");
  BindValue(note);
}

void BindSession(py::module_& m) {
  py::class_<Session> session(
      m, "Session",
      "One held or cancelled occurrence of a format: who took part (by pseudonym),\n"
      "when each step really started and ended, the questions used, the case, the\n"
      "learning points, the actions with their status history, feedback and notes.\n\n"
      "Use carelearn.Session, which adds to_dict/from_dict (the \"session/1\" JSON),\n"
      "JSON lines and pickling.");
  session.def(
      py::init([](std::string id, std::string format_id, int format_version, std::string unit,
                  absl::Time planned_start, std::optional<absl::Time> actual_start,
                  std::optional<absl::Time> actual_end, std::optional<Cancellation> cancellation,
                  std::vector<Participant> participants, std::vector<StepTiming> steps,
                  std::vector<PromptUse> prompts, std::optional<Case> presented_case,
                  std::vector<LearningPoint> learning_points, std::vector<Action> actions,
                  std::vector<Feedback> feedback, std::vector<Note> notes) {
        Session s;
        s.id = std::move(id);
        s.format_id = std::move(format_id);
        s.format_version = format_version;
        s.unit = std::move(unit);
        s.planned_start = planned_start;
        s.actual_start = actual_start;
        s.actual_end = actual_end;
        s.cancellation = std::move(cancellation);
        s.participants = std::move(participants);
        s.steps = std::move(steps);
        s.prompts = std::move(prompts);
        s.presented_case = std::move(presented_case);
        s.learning_points = std::move(learning_points);
        s.actions = std::move(actions);
        s.feedback = std::move(feedback);
        s.notes = std::move(notes);
        return s;
      }),
      py::kw_only(), py::arg("id") = "", py::arg("format_id") = "", py::arg("format_version") = 1,
      py::arg("unit") = "",
      py::arg_v("planned_start", absl::UnixEpoch(),
                "datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"),
      py::arg("actual_start") = py::none(), py::arg("actual_end") = py::none(),
      py::arg("cancellation") = py::none(),
      py::arg_v("participants", std::vector<Participant>{}, "()"),
      py::arg_v("steps", std::vector<StepTiming>{}, "()"),
      py::arg_v("prompts", std::vector<PromptUse>{}, "()"), py::arg("presented_case") = py::none(),
      py::arg_v("learning_points", std::vector<LearningPoint>{}, "()"),
      py::arg_v("actions", std::vector<Action>{}, "()"),
      py::arg_v("feedback", std::vector<Feedback>{}, "()"),
      py::arg_v("notes", std::vector<Note>{}, "()"),
      "A session from its fields, all keyword arguments; times are aware datetimes.");
  CopyConstructor(session);
  session.def_readwrite("id", &Session::id, "Unique id of the session (the store's key).")
      .def_readwrite("format_id", &Session::format_id, "The format that was held.")
      .def_readwrite("format_version", &Session::format_version, "Its version.")
      .def_readwrite("unit", &Session::unit, "The unit that held it, e.g. \"home-care-north\".")
      .def_readwrite("planned_start", &Session::planned_start, "When it was planned to start.")
      .def_readwrite("actual_start", &Session::actual_start,
                     "When it started; None when cancelled beforehand.")
      .def_readwrite("actual_end", &Session::actual_end,
                     "When it ended; None when it never started.")
      .def_readwrite("cancellation", &Session::cancellation,
                     "Set when the session was cancelled (before it began or part-way).");
  TupleField(session, "participants", &Session::participants,
             "Who took part, in the order they sat (a round's order).");
  TupleField(session, "steps", &Session::steps, "The steps that were held, in order.");
  TupleField(session, "prompts", &Session::prompts, "The questions that were used.");
  session.def_readwrite("presented_case", &Session::presented_case,
                        "The case, when the format works on one.");
  TupleField(session, "learning_points", &Session::learning_points, "The learning points.");
  TupleField(session, "actions", &Session::actions, "The proposed organisational actions.");
  TupleField(session, "feedback", &Session::feedback, "The feedback, at most one per participant.");
  TupleField(session, "notes", &Session::notes, "Notes, reflections and documentation.");
  session
      .def("status", &Session::status,
           "SessionStatus.CANCELLED when `cancellation` is set, HELD otherwise.")
      .def(
          "find_participant",
          [](const Session& self, std::string_view id) -> std::optional<Participant> {
            const Participant* found = self.FindParticipant(id);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("participant_id"), "A copy of the participant with that pseudonym, or None.")
      .def(
          "find_action",
          [](const Session& self, std::string_view id) -> std::optional<Action> {
            const Action* found = self.FindAction(id);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("action_id"), "A copy of the action with `action_id`, or None.");
  // Before BindValue, which gives a class a constructor-like repr only when it
  // has none: a session's would show its confidential text.
  session.def(
      "__repr__", [](const Session& self) { return "<" + SummarizeSession(self) + ">"; },
      "A summary that quotes no free text and masks ids that look like identifiers.");
  BindValue(session);

  m.def("new_session_id", &NewSessionId,
        "A new random session id: 32 lower-case hex digits (128 bits) from OpenSSL.");
  m.def(
      "validate_session", [](const Session& s) { ThrowIfError(ValidateSession(s)); },
      py::arg("session"),
      "Checks the invariants a stored session must keep.\n\n"
      "Raises FormatError, its message led by ``session \"<id>\": <path>:``, for an\n"
      "empty id or format id, a held session without an actual start, an end before\n"
      "its start, an empty or repeated participant or action id, a history that goes\n"
      "backwards, or feedback outside 1-5 or repeated. Empty texts are allowed.");
}

void BindClocks(py::module_& m) {
  py::class_<Clock> clock(m, "Clock",
                          "A source of the current time, where a Runner reads it.\n\n"
                          "`Clock.system()` is the real clock; tests use FakeClock.");
  clock.def("now", &Clock::Now, "The current time, as an aware datetime in UTC.")
      .def_static("system", &Clock::System, py::return_value_policy::reference,
                  "The process-wide real clock (a SystemClock).");

  py::class_<SystemClock, Clock> system(m, "SystemClock", "The real time.");
  system.def(py::init<>(), "The real clock.");

  py::class_<FakeClock, Clock> fake(
      m, "FakeClock",
      "A clock that stands still until it is told to move, so that a test of a\n"
      "30-minute meeting never sleeps.\n\n"
      "Example:\n"
      "    clock = FakeClock(datetime.datetime(2026, 3, 4, 14, 0, tzinfo=datetime.timezone.utc))\n"
      "    clock.advance(datetime.timedelta(minutes=5))");
  fake.def(py::init<absl::Time>(),
           py::arg_v("start", absl::UnixEpoch(),
                     "datetime.datetime(1970, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)"),
           "A clock that reads `start` (an aware datetime) until it is moved.")
      .def("advance", &FakeClock::Advance, py::arg("delta"),
           "Moves the clock by `delta` (a timedelta; negative to test a clock that jumps back).")
      .def("set", &FakeClock::Set, py::arg("time"), "Sets the clock to `time`.");
}

void BindPseudonyms(py::module_& m) {
  py::class_<Pseudonymiser> p(
      m, "Pseudonymiser",
      "Makes keyed pseudonyms with HMAC-SHA256 under the organisation's secret key.\n\n"
      "The same key and identifier always give the same pseudonym; another key gives\n"
      "unrelated ones. The key is kept in one place in C++ memory and wiped when the\n"
      "object goes; it cannot be read back, copied or pickled. Keep the key file in\n"
      "the organisation's secret store, never beside the database (docs/privacy.md).");
  p.def(py::init([](const py::bytes& key) {
          char* data = nullptr;
          Py_ssize_t size = 0;
          if (PyBytes_AsStringAndSize(key.ptr(), &data, &size) != 0) throw py::error_already_set();
          return Unwrap(Pseudonymiser::Create(std::string_view(data, static_cast<size_t>(size))));
        }),
        py::arg("key"),
        "A pseudonymiser keyed by `key` (raw bytes; use 32 random bytes).\n\n"
        "Raises FormatError when the key is shorter than 16 bytes.")
      .def("pseudonym", &Pseudonymiser::Pseudonym, py::arg("domain"), py::arg("identifier"),
           "The pseudonym of `identifier` in `domain` (Pseudonymiser.CITIZEN or .STAFF):\n"
           "24 lower-case hex digits. Normalise the identifier first (strip spaces and\n"
           "dashes from a CPR number) so that one person gets one pseudonym.")
      .def(
          "mac",
          [](const Pseudonymiser& self, const py::bytes& message) {
            char* data = nullptr;
            Py_ssize_t size = 0;
            if (PyBytes_AsStringAndSize(message.ptr(), &data, &size) != 0) {
              throw py::error_already_set();
            }
            const auto mac = self.Mac(std::string_view(data, static_cast<size_t>(size)));
            return py::bytes(reinterpret_cast<const char*>(mac.data()), mac.size());
          },
          py::arg("message"), "The full HMAC-SHA256 of `message` under the key (32 bytes).")
      .def("fingerprint", &Pseudonymiser::Fingerprint,
           "A fingerprint of the key (16 hex digits) that says which key made a set of\n"
           "pseudonyms without revealing it.")
      .def(
          "__repr__", [](const Pseudonymiser&) { return std::string("Pseudonymiser(<key>)"); },
          "Pseudonymiser(<key>): the key is never shown.");
  p.attr("CITIZEN") = std::string(pseudonym_domains::kCitizen);
  p.attr("STAFF") = std::string(pseudonym_domains::kStaff);
  p.attr("MIN_KEY_BYTES") = Pseudonymiser::kMinKeyBytes;
  p.attr("PSEUDONYM_DIGITS") = Pseudonymiser::kPseudonymDigits;

  py::class_<ExportOptions> options(
      m, "ExportOptions",
      "What an export of sessions includes. The default leaves the text of\n"
      "confidential learning points, actions, feedback comments, notes and cancellation\n"
      "notes out; `include_confidential` asks for it;\n"
      "`evaluator` leaves out all free text and every direct identifier and, with\n"
      "`evaluator_pseudonymiser` (the evaluation's own key), re-pseudonymises ids.\n"
      "Keeps its pseudonymiser alive.");
  options
      // The pseudonymiser comes as an object: a None for a pointer is refused by
      // pybind11 3.1's first overload pass, and the copy constructor makes two.
      .def(py::init([](bool include_confidential, bool evaluator,
                       const py::typing::Optional<Pseudonymiser>& key) {
             return ExportOptions{
                 include_confidential, evaluator,
                 OptionalPointer<Pseudonymiser>(key, "ExportOptions(): evaluator_pseudonymiser")};
           }),
           py::kw_only(), py::arg("include_confidential") = false, py::arg("evaluator") = false,
           py::arg("evaluator_pseudonymiser") = py::none(), py::keep_alive<1, 4>(),
           "Options from their fields, all keyword arguments.")
      .def(py::init<const ExportOptions&>(), py::arg("other"), py::keep_alive<1, 2>(),
           "A copy of `other`, sharing its pseudonymiser.")
      .def_readwrite("include_confidential", &ExportOptions::include_confidential,
                     "Includes the text of confidential items; ignored for evaluators.")
      .def_readwrite("evaluator", &ExportOptions::evaluator,
                     "Exports for an evaluator: no free text and no direct identifiers.")
      .def_property(
          "evaluator_pseudonymiser",
          [](const ExportOptions& self) -> py::typing::Optional<Pseudonymiser> {
            if (self.evaluator_pseudonymiser == nullptr) return py::none();
            return py::cast(self.evaluator_pseudonymiser, py::return_value_policy::reference);
          },
          py::cpp_function(
              [](ExportOptions& self, const py::typing::Optional<Pseudonymiser>& key) {
                self.evaluator_pseudonymiser =
                    OptionalPointer<Pseudonymiser>(key, "ExportOptions.evaluator_pseudonymiser");
              },
              py::keep_alive<1, 2>()),
          py::return_value_policy::reference,
          "With `evaluator`: re-pseudonymises participant ids, authors, owners and session\n"
          "ids under this key; None keeps the organisation's pseudonyms.");
  BindValue(options);

  m.def("export_manifest_json", &ExportManifestJson, py::arg("options"), py::arg("sessions"),
        "The manifest of an export of `sessions` sessions made with `options`: one JSON\n"
        "object (and a newline) saying what was left out and masked, and how ids were\n"
        "pseudonymised (the key's fingerprint, never the key).");

  m.def("redaction_of", &RedactionOf, py::arg("options"), "The redaction `options` ask for.");
  m.def("redact", &Redact, py::arg("session"),
        py::arg_v("options", ExportOptions{}, "ExportOptions()"),
        "`session` with what `options` leave out removed: items are never dropped, only\n"
        "their text, so counts stay true.");
}

void BindJsonLines(py::module_& m) {
  m.attr("SESSION_DOCUMENT") = std::string(kSessionDocument);
  m.def("to_json_line", &ToJsonLine, py::arg("session"),
        py::arg_v("options", ExportOptions{}, "ExportOptions()"),
        "`session`, redacted as `options` say (confidential text left out by default),\n"
        "as one line of \"session/1\" JSON without a newline at the end.");
  m.def(
      "parse_session_line",
      [](std::string_view line) {
        Redaction redaction = Redaction::kNone;
        Session session = Unwrap(ParseSessionLine(line, &redaction));
        return std::make_pair(std::move(session), redaction);
      },
      py::arg("line"),
      "Reads one \"session/1\" line; returns the session and what the line left out.\n\n"
      "Raises FormatError, its message led by \"<input>:1:<column>: <JSON pointer>: \", for\n"
      "text that is not JSON, a duplicate, unknown or missing key, a wrong type, an\n"
      "unknown name or a time that is not RFC 3339; LimitError for a line, a string\n"
      "or a list beyond the reader's limits; VersionError for a document of another\n"
      "kind or a newer version. The session is not checked further (see\n"
      "validate_session).");
  m.def(
      "read_sessions",
      [](const std::string& path, bool validate) {
        SessionReadOptions options;
        options.validate = validate;
        return Unwrap(ReadSessionsFile(path, std::move(options)));
      },
      py::arg("path"), py::kw_only(), py::arg("validate") = true,
      "Every session of the \"session/1\" JSON Lines file at `path`, read a chunk at a\n"
      "time; blank lines are skipped; with `validate`, each is checked with\n"
      "validate_session.\n\n"
      "Raises, for the first bad line, FormatError (\"<path>:<line>:<column>: <pointer>: \"\n"
      "for what does not read, \"<path>:<line>: \" for what does not validate), LimitError\n"
      "or VersionError; NotFoundError when the file cannot be read.");
  m.def(
      "write_sessions",
      [](const std::string& path, const std::vector<Session>& sessions,
         const ExportOptions& options) {
        return Unwrap(WriteSessionsFile(path, sessions, options));
      },
      py::arg("path"), py::arg("sessions"),
      py::arg_v("options", ExportOptions{}, "ExportOptions()"),
      "Writes `sessions` to the file `path` as \"session/1\" JSON Lines, redacted as\n"
      "`options` say; returns how many. The file is created, or replaced, readable and\n"
      "writable by its owner only.\n\n"
      "Raises FormatError for a session that fails validate_session; NotFoundError or\n"
      "StoreError when the file cannot be created.");
}

void BindCheck(py::module_& m) {
  m.def(
      "check_session",
      [](const Session& session, const Format& format, const py::typing::Optional<Catalog>& catalog,
         WorkingDay day) {
        CheckOptions options;
        options.catalog = OptionalPointer<Catalog>(catalog, "check_session(): catalog");
        options.day = day;
        return CheckSession(session, format, options);
      },
      py::arg("session"), py::arg("format"), py::kw_only(), py::arg("catalog") = py::none(),
      py::arg_v("day", WorkingDay{}, "WorkingDay()"),
      "Checks `session` against `format` and returns what it finds, errors first.\n\n"
      "`catalog` resolves the question sets steps draw on (None accepts any question\n"
      "id there). Codes: format-mismatch, missing-facilitator, missing-role,\n"
      "too-many-of-role, below-capacity, capacity-exceeded, unknown-role,\n"
      "too-few-<outputs>, too-many-<outputs>, output-not-produced-here, unknown-prompt,\n"
      "unknown-step, step-not-held, duration-overrun, step-overrun (docs/sessions.md).\n"
      "Never raises for anything in the session.");
}

void BindRunner(py::module_& m) {
  py::native_enum<MisfitPolicy>(m, "MisfitPolicy", "enum.Enum",
                                "What the runner does with an output that does not fit the "
                                "format.")
      .value("REJECT", MisfitPolicy::kReject,
             "Leaves it out of the session and reports an error diagnostic.")
      .value("KEEP", MisfitPolicy::kKeep, "Keeps it in the session and reports a warning.")
      .finalize();
  py::native_enum<RunnerState>(m, "RunnerState", "enum.Enum",
                               "Where a runner is in a session's life.")
      .value("READY", RunnerState::kReady, "Created; start or cancel next.")
      .value("RUNNING", RunnerState::kRunning, "Started; in one of the format's steps.")
      .value("FINISHED", RunnerState::kFinished, "Finished or cancelled; only reading is left.")
      .finalize();

  py::class_<RecordResult> result(m, "RecordResult", "What recording an output did.");
  result.def(py::init([](bool recorded, std::vector<Diagnostic> diagnostics) {
               return RecordResult{recorded, std::move(diagnostics)};
             }),
             py::kw_only(), py::arg("recorded") = false,
             py::arg_v("diagnostics", std::vector<Diagnostic>{}, "()"),
             "A result from its fields.");
  CopyConstructor(result);
  result.def_readwrite("recorded", &RecordResult::recorded,
                       "True when the output is in the session now.");
  TupleField(result, "diagnostics", &RecordResult::diagnostics,
             "What did not fit: errors for a rejected output, warnings for a kept one.");
  BindValue(result);

  py::class_<RoundTurn> turn(m, "RoundTurn", "Who has the word in a round, and for how long.");
  turn.def(py::init([](std::vector<std::string> order, std::size_t speaker, MinuteRange each,
                       absl::Duration time_left) {
             return RoundTurn{std::move(order), speaker, each, time_left};
           }),
           py::kw_only(), py::arg_v("order", std::vector<std::string>{}, "()"),
           py::arg("speaker") = 0, py::arg_v("each", MinuteRange{}, "MinuteRange()"),
           py::arg_v("time_left", absl::ZeroDuration(), "datetime.timedelta(0)"),
           "A turn from its fields.");
  CopyConstructor(turn);
  TupleField(turn, "order", &RoundTurn::order,
             "The participants who take a turn, by pseudonym, in the order they speak.");
  turn.def_readwrite("speaker", &RoundTurn::speaker,
                     "Index into `order` of who has the word; len(order) once all have spoken.")
      .def_readwrite("each", &RoundTurn::each, "Each person's minutes.")
      .def_readwrite("time_left", &RoundTurn::time_left,
                     "Time left for the speaker, by the longest of `each`.")
      .def("done", &RoundTurn::done, "True once everyone in `order` has had their turn.");
  BindValue(turn);

  py::class_<Runner> runner(
      m, "Runner",
      "Steps through a format live and produces a Session: start with the people\n"
      "present, next from step to step, the time left, record the outputs, finish.\n\n"
      "What does not fit the format is a Diagnostic, never an exception; a call in the\n"
      "wrong state (next after finish) raises StateError and changes nothing.\n"
      "Use carelearn.Runner, which adds keyword forms of the record methods.");
  runner
      .def(py::init([](Format format, std::string session_id, std::string unit,
                       std::optional<absl::Time> planned_start,
                       const py::typing::Optional<Clock>& clock,
                       const py::typing::Optional<Catalog>& catalog, MisfitPolicy misfit,
                       WorkingDay day, IdentifierPolicy identifiers) {
             SessionPlan plan;
             plan.session_id = std::move(session_id);
             plan.unit = std::move(unit);
             plan.planned_start = planned_start;
             RunnerOptions options;
             options.clock = OptionalPointer<Clock>(clock, "Runner(): clock");
             options.catalog = OptionalPointer<Catalog>(catalog, "Runner(): catalog");
             options.misfit = misfit;
             options.day = day;
             options.identifiers = identifiers;
             return Unwrap(Runner::Create(std::move(format), std::move(plan), options));
           }),
           py::arg("format"), py::kw_only(), py::arg("session_id") = "", py::arg("unit") = "",
           py::arg("planned_start") = py::none(), py::arg("clock") = py::none(),
           py::arg("catalog") = py::none(),
           py::arg_v("misfit", MisfitPolicy::kReject, "MisfitPolicy.REJECT"),
           py::arg_v("day", WorkingDay{}, "WorkingDay()"),
           py::arg_v("identifiers", IdentifierPolicy::kWarn, "IdentifierPolicy.WARN"),
           py::keep_alive<1, 6>(), py::keep_alive<1, 7>(),
           "A runner for `format` (copied).\n\n"
           "`session_id` (empty: a new random id), `unit` and `planned_start` (None: when\n"
           "start is called) plan the session; `clock` (None: the system clock) is where\n"
           "the time is read; `catalog` resolves question sets to check question ids\n"
           "(None: any id is accepted there); `identifiers` REFUSE refuses what the\n"
           "identifier linter finds (WARN: a warning diagnostic). The runner keeps its clock\n"
           "and catalog alive.\n\n"
           "Raises FormatError when the format has no steps or no id.")
      .def(
          "start",
          [](Runner& self, std::vector<Participant> participants) {
            return Unwrap(self.Start(std::move(participants)));
          },
          py::arg("participants"),
          "Starts the session with `participants` (in the order they sit) and enters the\n"
          "first step. Returns the role and capacity findings; the session starts anyway.\n\n"
          "Raises StateError when started or finished already; FormatError for no\n"
          "participants, an empty or repeated id.")
      .def(
          "add_participant",
          [](Runner& self, Participant late) {
            return Unwrap(self.AddParticipant(std::move(late)));
          },
          py::arg("participant"),
          "Adds someone who arrives late; returns the role and capacity findings that change.")
      .def(
          "next", [](Runner& self) { ThrowIfError(self.Next()); },
          "Ends the current step and starts the next.\n\n"
          "Raises StateError unless running, or in the last step (call finish).")
      .def(
          "finish", [](Runner& self) { return Unwrap(self.Finish()); },
          "Ends the session and returns it; `diagnostics` then holds the rejected outputs\n"
          "and check_session's findings. Raises StateError unless running.")
      .def(
          "cancel", [](Runner& self, Cancellation c) { return Unwrap(self.Cancel(c)); },
          py::arg("cancellation"),
          "Calls the session off, before it starts or part-way; returns the cancelled\n"
          "session. Raises StateError when finished already.")
      .def(
          "set_case", [](Runner& self, Case c) { ThrowIfError(self.SetCase(std::move(c))); },
          py::arg("case"), "Records the case the session works on (replacing one before).")
      .def(
          "record_learning_point",
          [](Runner& self, LearningPoint p) {
            return Unwrap(self.RecordLearningPoint(std::move(p)));
          },
          py::arg("point"),
          "Records a learning point in the current step.\n\n"
          "Findings: output-not-produced-here, too-many-learning-points. Raises StateError\n"
          "unless running; FormatError for an empty text or an unknown author.")
      .def(
          "record_action",
          [](Runner& self, Action a) { return Unwrap(self.RecordAction(std::move(a))); },
          py::arg("action"),
          "Records a proposed organisational action in the current step.\n\n"
          "Raises AlreadyExistsError for an id in use, FormatError for an empty text.")
      .def(
          "record_feedback",
          [](Runner& self, Feedback f) { return Unwrap(self.RecordFeedback(std::move(f))); },
          py::arg("feedback"),
          "Records one participant's feedback in the current step.\n\n"
          "Raises FormatError for a rating outside 1-5 or someone who is not a\n"
          "participant; AlreadyExistsError for a second feedback from one participant.")
      .def(
          "record_note", [](Runner& self, Note n) { return Unwrap(self.RecordNote(std::move(n))); },
          py::arg("note"),
          "Records a note in the current step; a reflection or documentation must be\n"
          "produced by the step.")
      .def(
          "record_prompt_used",
          [](Runner& self, std::string id) { return Unwrap(self.RecordPromptUsed(std::move(id))); },
          py::arg("question_id"),
          "Records that the question `question_id` was used in the current step.\n\n"
          "Findings: unknown-prompt.")
      .def(
          "pass_the_word", [](Runner& self) { ThrowIfError(self.PassTheWord()); },
          "In a round: gives the word to the next person now.\n\n"
          "Raises StateError unless in a round, or when everyone has spoken.")
      .def_property_readonly("state", &Runner::state, "Where the runner is.")
      .def_property_readonly(
          "current_step",
          [](const Runner& self) -> std::optional<Step> {
            const Step* step = self.current_step();
            if (step == nullptr) return std::nullopt;
            return *step;
          },
          "A copy of the step being held, or None unless running.")
      .def_property_readonly("step_index", &Runner::step_index,
                             "The index of the step being held in format.steps; 0 unless running.")
      .def("time_left_in_step", &Runner::TimeLeftInStep,
           "Time left in the current step by its longest budget for the people present\n"
           "(a timedelta, negative when over); None unless running or not knowable.")
      .def("time_left_in_session", &Runner::TimeLeftInSession,
           "Time left in the session (a timedelta, negative when over); None unless\n"
           "running or not knowable.")
      .def("round", &Runner::Round,
           "Who has the word when the current step is a round; None otherwise.")
      .def_property_readonly(
          "session", [](const Runner& self) { return self.session(); },
          "A copy of the session as recorded so far.")
      .def_property_readonly(
          "format", [](const Runner& self) { return self.format(); },
          "A copy of the format being run.")
      .def_property_readonly(
          "diagnostics", [](const Runner& self) { return self.diagnostics(); },
          "What has not fitted so far; after finish, the rejected outputs and the final\n"
          "check_session.");
}

}  // namespace

void BindRecord(py::module_& m) {
  BindEnums(m);
  BindParts(m);
  BindSession(m);
  BindIdentifiers(m);
  BindClocks(m);
  BindPseudonyms(m);
  BindJsonLines(m);
  BindCheck(m);
  BindRunner(m);
}

}  // namespace carelearn::bindings
