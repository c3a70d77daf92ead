// SessionTables from Session values; see carelearn/analysis/tables.hpp. The
// JSON Lines and store sources are in tables_json.cpp.
#include "carelearn/analysis/tables.hpp"

#include <cstdint>
#include <span>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "analysis/table_builder.hpp"

namespace carelearn {
namespace {

using detail::AppendText;

std::int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }

std::int64_t Micros(const std::optional<absl::Time>& t) {
  return t.has_value() ? Micros(*t) : kNullTimestamp;
}

// Appends the rows of one session to `t`.
void AddSession(SessionTables& t, detail::TableIndex& index, const Session& s,
                const TableOptions& options) {
  const bool text = detail::WantsText(options);
  const bool confidential = detail::WantsConfidential(options);
  const auto row = static_cast<std::int32_t>(t.sessions.size());

  SessionsTable& st = t.sessions;
  detail::AppendString(st.id, s.id);
  index.session_unit.Append(st.unit, s.unit);
  index.session_format.Append(st.format_id, s.format_id);
  st.format_version.push_back(s.format_version);
  st.planned_start.push_back(Micros(s.planned_start));
  st.actual_start.push_back(Micros(s.actual_start));
  st.actual_end.push_back(Micros(s.actual_end));
  st.status.codes.push_back(static_cast<std::int32_t>(s.status()));
  st.cancel_reason.codes.push_back(
      s.cancellation.has_value() ? static_cast<std::int32_t>(s.cancellation->reason) : kNullCode);
  const bool cancel_confidential = s.cancellation.has_value() && s.cancellation->confidential;
  st.cancel_confidential.push_back(cancel_confidential ? 1 : 0);
  AppendText(st.cancel_note, text, !cancel_confidential || confidential,
             s.cancellation.has_value() ? std::string_view(s.cancellation->note) : "");
  index.session_case_category.Append(
      st.case_category, s.presented_case ? std::string_view(s.presented_case->category) : "");
  index.session_citizen.Append(st.citizen,
                               s.presented_case ? std::string_view(s.presented_case->citizen) : "");
  st.participant_count.push_back(static_cast<std::int32_t>(s.participants.size()));
  st.step_count.push_back(static_cast<std::int32_t>(s.steps.size()));
  st.prompt_count.push_back(static_cast<std::int32_t>(s.prompts.size()));
  st.learning_point_count.push_back(static_cast<std::int32_t>(s.learning_points.size()));
  st.action_count.push_back(static_cast<std::int32_t>(s.actions.size()));
  st.feedback_count.push_back(static_cast<std::int32_t>(s.feedback.size()));
  st.note_count.push_back(static_cast<std::int32_t>(s.notes.size()));

  for (std::size_t i = 0; i < s.participants.size(); ++i) {
    const Participant& p = s.participants[i];
    ParticipantsTable& pt = t.participants;
    pt.session.push_back(row);
    pt.position.push_back(static_cast<std::int32_t>(i));
    index.participant_person.Append(pt.person, p.id);
    index.participant_role.Append(pt.role, p.role);
    index.participant_unit.Append(pt.unit, p.unit);
    index.participant_profession.Append(pt.profession, p.profession);
    pt.shift.codes.push_back(static_cast<std::int32_t>(p.shift));
  }
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const StepTiming& timing = s.steps[i];
    StepsTable& tt = t.steps;
    tt.session.push_back(row);
    tt.position.push_back(static_cast<std::int32_t>(i));
    index.step_step.Append(tt.step, timing.step_id);
    const std::int64_t start = Micros(timing.start);
    const std::int64_t end = Micros(timing.end);
    tt.start.push_back(start);
    tt.end.push_back(end);
    tt.minutes.push_back(detail::Minutes(start, end));
  }
  for (const PromptUse& p : s.prompts) {
    t.prompts.session.push_back(row);
    index.prompt_step.Append(t.prompts.step, p.step_id);
    index.prompt_question.Append(t.prompts.question, p.question_id);
  }
  for (std::size_t i = 0; i < s.learning_points.size(); ++i) {
    const LearningPoint& lp = s.learning_points[i];
    LearningPointsTable& lt = t.learning_points;
    lt.session.push_back(row);
    lt.position.push_back(static_cast<std::int32_t>(i));
    index.learning_point_step.Append(lt.step, lp.step_id);
    index.learning_point_author.Append(lt.author, lp.author);
    lt.confidential.push_back(lp.confidential ? 1 : 0);
    AppendText(lt.text, text, !lp.confidential || confidential, lp.text);
  }
  detail::AppendActions(t, index, row, std::span<const Action>(s.actions), text, confidential);
  for (const Feedback& f : s.feedback) {
    FeedbackTable& ft = t.feedback;
    ft.session.push_back(row);
    index.feedback_step.Append(ft.step, f.step_id);
    index.feedback_participant.Append(ft.participant, f.participant);
    ft.rating.push_back(static_cast<std::int8_t>(f.rating));
    ft.confidential.push_back(f.confidential ? 1 : 0);
    AppendText(ft.comment, text, !f.confidential || confidential, f.comment);
  }
  for (const Note& n : s.notes) {
    NotesTable& nt = t.notes;
    nt.session.push_back(row);
    index.note_step.Append(nt.step, n.step_id);
    nt.kind.codes.push_back(static_cast<std::int32_t>(n.kind));
    nt.confidential.push_back(n.confidential ? 1 : 0);
    AppendText(nt.text, text, !n.confidential || confidential, n.text);
  }
}

}  // namespace

SessionTables TablesFromSessions(std::span<const Session> sessions, const TableOptions& options) {
  SessionTables t = detail::EmptyTables(options);
  detail::TableIndex index;
  for (const Session& s : sessions) AddSession(t, index, s, options);
  detail::SetDictionaries(t, index);
  detail::MaskIdentifiersIn(t, options);
  return t;
}

}  // namespace carelearn
