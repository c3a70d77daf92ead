// Dictionary indexes, empty tables with their closed vocabularies, and the
// merge of tables read in parts; see table_builder.hpp.
#include "analysis/table_builder.hpp"

#include <string>
#include <utility>

#include "absl/hash/hash.h"

namespace carelearn::detail {
namespace {

template <typename T>
void Append(std::vector<T>& all, const std::vector<T>& part) {
  all.insert(all.end(), part.begin(), part.end());
}

// Appends row numbers of `part`, shifted by `shift` rows.
void AppendShifted(std::vector<std::int32_t>& all, const std::vector<std::int32_t>& part,
                   std::size_t shift) {
  const auto by = static_cast<std::int32_t>(shift);
  const std::size_t start = all.size();
  all.resize(start + part.size());
  for (std::size_t i = 0; i < part.size(); ++i) all[start + i] = part[i] + by;
}

// Appends a column of a closed vocabulary: its dictionary is fixed, its codes stay.
void AppendClosed(DictionaryColumn& all, const DictionaryColumn& part) {
  Append(all.codes, part.codes);
}

// Appends a column of an open vocabulary, remapping its codes into `all`'s dictionary.
void AppendOpen(DictionaryColumn& all, DictionaryIndex& index, const DictionaryColumn& part) {
  std::vector<std::int32_t> remap(part.dictionary.size());
  for (std::size_t i = 0; i < part.dictionary.size(); ++i) {
    remap[i] = index.Intern(all, part.dictionary[i]);
  }
  const std::size_t start = all.codes.size();
  all.codes.resize(start + part.codes.size());
  for (std::size_t i = 0; i < part.codes.size(); ++i) {
    const std::int32_t code = part.codes[i];
    all.codes[start + i] = code == kNullCode ? kNullCode : remap[static_cast<std::size_t>(code)];
  }
}

void AppendStrings(StringColumn& all, const StringColumn& part) {
  const auto shift = static_cast<std::int64_t>(all.data.size());
  all.data.append(part.data);
  const std::size_t start = all.offsets.size();
  all.offsets.resize(start + part.offsets.size() - 1);
  for (std::size_t i = 1; i < part.offsets.size(); ++i) {
    all.offsets[start + i - 1] = part.offsets[i] + shift;
  }
  Append(all.valid, part.valid);
}

template <typename T>
void Reserve(std::vector<T>& v, double factor) {
  v.reserve(static_cast<std::size_t>(static_cast<double>(v.size()) * factor) + 16);
}
void Reserve(DictionaryColumn& c, double factor) { Reserve(c.codes, factor); }
void Reserve(StringColumn& c, double factor) {
  Reserve(c.offsets, factor);
  Reserve(c.valid, factor);
  c.data.reserve(static_cast<std::size_t>(static_cast<double>(c.data.size()) * factor) + 16);
}

template <typename... Columns>
void ReserveAll(double factor, Columns&... columns) {
  (Reserve(columns, factor), ...);
}

}  // namespace

std::uint64_t DictionaryIndex::Hash(std::string_view value) {
  return absl::Hash<std::string_view>{}(value);
}

void DictionaryIndex::Grow(const std::vector<std::string>& dictionary) {
  std::size_t capacity = slots_.empty() ? 16 : slots_.size() * 2;
  while (dictionary.size() * 2 > capacity) capacity *= 2;
  slots_.assign(capacity, kNullCode);
  mask_ = capacity - 1;
  for (std::size_t code = 0; code < dictionary.size(); ++code) {
    std::size_t i = static_cast<std::size_t>(hashes_[code]) & mask_;
    while (slots_[i] != kNullCode) i = (i + 1) & mask_;
    slots_[i] = static_cast<std::int32_t>(code);
  }
}

void DictionaryIndex::Truncate(DictionaryColumn& column, std::size_t size) {
  while (column.dictionary.size() > size) {
    const std::size_t code = column.dictionary.size() - 1;
    std::size_t i = static_cast<std::size_t>(hashes_[code]) & mask_;
    while (slots_[i] != static_cast<std::int32_t>(code)) i = (i + 1) & mask_;
    slots_[i] = kNullCode;
    column.dictionary.pop_back();
    hashes_.pop_back();
  }
}

SessionTables EmptyTables(const TableOptions& /*options*/) {
  SessionTables t;
  t.sessions.status.dictionary = {std::string(SessionStatusName(SessionStatus::kHeld)),
                                  std::string(SessionStatusName(SessionStatus::kCancelled))};
  for (CancelReason r :
       {CancelReason::kStaffing, CancelReason::kWorkload, CancelReason::kNoFacilitator,
        CancelReason::kHoliday, CancelReason::kOther}) {
    t.sessions.cancel_reason.dictionary.emplace_back(CancelReasonName(r));
  }
  for (Shift s : {Shift::kUnspecified, Shift::kDay, Shift::kEvening, Shift::kNight}) {
    t.participants.shift.dictionary.emplace_back(ShiftName(s));
  }
  for (ActionStatus s : {ActionStatus::kOpen, ActionStatus::kInProgress, ActionStatus::kDone,
                         ActionStatus::kDropped}) {
    t.actions.status.dictionary.emplace_back(ActionStatusName(s));
  }
  t.action_changes.status.dictionary = t.actions.status.dictionary;
  for (NoteKind k : {NoteKind::kNote, NoteKind::kReflection, NoteKind::kDocumentation}) {
    t.notes.kind.dictionary.emplace_back(NoteKindName(k));
  }
  return t;
}

void MergeTables(SessionTables& all, TableIndex& index, SessionTables&& part) {
  const std::size_t sessions = all.sessions.size();
  const std::size_t actions = all.actions.size();
  {
    SessionsTable& a = all.sessions;
    const SessionsTable& p = part.sessions;
    AppendStrings(a.id, p.id);
    AppendOpen(a.unit, index.session_unit, p.unit);
    AppendOpen(a.format_id, index.session_format, p.format_id);
    Append(a.format_version, p.format_version);
    Append(a.planned_start, p.planned_start);
    Append(a.actual_start, p.actual_start);
    Append(a.actual_end, p.actual_end);
    AppendClosed(a.status, p.status);
    AppendClosed(a.cancel_reason, p.cancel_reason);
    AppendStrings(a.cancel_note, p.cancel_note);
    AppendOpen(a.case_category, index.session_case_category, p.case_category);
    AppendOpen(a.citizen, index.session_citizen, p.citizen);
    Append(a.participant_count, p.participant_count);
    Append(a.step_count, p.step_count);
    Append(a.prompt_count, p.prompt_count);
    Append(a.learning_point_count, p.learning_point_count);
    Append(a.action_count, p.action_count);
    Append(a.feedback_count, p.feedback_count);
    Append(a.note_count, p.note_count);
  }
  {
    ParticipantsTable& a = all.participants;
    const ParticipantsTable& p = part.participants;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    AppendOpen(a.person, index.participant_person, p.person);
    AppendOpen(a.role, index.participant_role, p.role);
    AppendOpen(a.unit, index.participant_unit, p.unit);
    AppendOpen(a.profession, index.participant_profession, p.profession);
    AppendClosed(a.shift, p.shift);
  }
  {
    StepsTable& a = all.steps;
    const StepsTable& p = part.steps;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    AppendOpen(a.step, index.step_step, p.step);
    Append(a.start, p.start);
    Append(a.end, p.end);
    Append(a.minutes, p.minutes);
  }
  {
    PromptsTable& a = all.prompts;
    const PromptsTable& p = part.prompts;
    AppendShifted(a.session, p.session, sessions);
    AppendOpen(a.step, index.prompt_step, p.step);
    AppendOpen(a.question, index.prompt_question, p.question);
  }
  {
    LearningPointsTable& a = all.learning_points;
    const LearningPointsTable& p = part.learning_points;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    AppendOpen(a.step, index.learning_point_step, p.step);
    AppendOpen(a.author, index.learning_point_author, p.author);
    Append(a.confidential, p.confidential);
    AppendStrings(a.text, p.text);
  }
  {
    ActionsTable& a = all.actions;
    const ActionsTable& p = part.actions;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    AppendOpen(a.action, index.action_action, p.action);
    AppendOpen(a.step, index.action_step, p.step);
    AppendOpen(a.owner, index.action_owner, p.owner);
    Append(a.due, p.due);
    AppendClosed(a.status, p.status);
    Append(a.proposed_at, p.proposed_at);
    Append(a.started_at, p.started_at);
    Append(a.done_at, p.done_at);
    Append(a.dropped_at, p.dropped_at);
    AppendStrings(a.text, p.text);
  }
  {
    ActionChangesTable& a = all.action_changes;
    const ActionChangesTable& p = part.action_changes;
    AppendShifted(a.session, p.session, sessions);
    AppendShifted(a.action, p.action, actions);
    Append(a.position, p.position);
    AppendClosed(a.status, p.status);
    Append(a.at, p.at);
  }
  {
    FeedbackTable& a = all.feedback;
    const FeedbackTable& p = part.feedback;
    AppendShifted(a.session, p.session, sessions);
    AppendOpen(a.step, index.feedback_step, p.step);
    AppendOpen(a.participant, index.feedback_participant, p.participant);
    Append(a.rating, p.rating);
    AppendStrings(a.comment, p.comment);
  }
  {
    NotesTable& a = all.notes;
    const NotesTable& p = part.notes;
    AppendShifted(a.session, p.session, sessions);
    AppendOpen(a.step, index.note_step, p.step);
    AppendClosed(a.kind, p.kind);
    Append(a.confidential, p.confidential);
    AppendStrings(a.text, p.text);
  }
  for (SkippedLine& line : part.skipped) all.skipped.push_back(std::move(line));
  part = SessionTables();
}

void ReserveFor(SessionTables& t, double factor) {
  SessionsTable& s = t.sessions;
  ReserveAll(factor, s.id, s.unit, s.format_id, s.format_version, s.planned_start, s.actual_start,
             s.actual_end, s.status, s.cancel_reason, s.cancel_note, s.case_category, s.citizen,
             s.participant_count, s.step_count, s.prompt_count, s.learning_point_count,
             s.action_count, s.feedback_count, s.note_count);
  ParticipantsTable& p = t.participants;
  ReserveAll(factor, p.session, p.position, p.person, p.role, p.unit, p.profession, p.shift);
  StepsTable& st = t.steps;
  ReserveAll(factor, st.session, st.position, st.step, st.start, st.end, st.minutes);
  PromptsTable& pr = t.prompts;
  ReserveAll(factor, pr.session, pr.step, pr.question);
  LearningPointsTable& lp = t.learning_points;
  ReserveAll(factor, lp.session, lp.position, lp.step, lp.author, lp.confidential, lp.text);
  ActionsTable& a = t.actions;
  ReserveAll(factor, a.session, a.position, a.action, a.step, a.owner, a.due, a.status,
             a.proposed_at, a.started_at, a.done_at, a.dropped_at, a.text);
  ActionChangesTable& c = t.action_changes;
  ReserveAll(factor, c.session, c.action, c.position, c.status, c.at);
  FeedbackTable& f = t.feedback;
  ReserveAll(factor, f.session, f.step, f.participant, f.rating, f.comment);
  NotesTable& n = t.notes;
  ReserveAll(factor, n.session, n.step, n.kind, n.confidential, n.text);
}

}  // namespace carelearn::detail
