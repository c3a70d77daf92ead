// Dictionary indexes, empty tables with their closed vocabularies, and the
// merge of tables read in parts; see table_builder.hpp.
#include "analysis/table_builder.hpp"

#include "carelearn/record/identifiers.hpp"

#include <algorithm>
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

// Appends the codes of a worker's column of an open vocabulary, translated by `map`.
void AppendOpen(DictionaryColumn& all, const DictionaryColumn& part,
                const std::vector<std::int32_t>& map) {
  const std::size_t start = all.codes.size();
  all.codes.resize(start + part.codes.size());
  for (std::size_t i = 0; i < part.codes.size(); ++i) {
    const std::int32_t code = part.codes[i];
    all.codes[start + i] = code == kNullCode ? kNullCode : map[static_cast<std::size_t>(code)];
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

}  // namespace

std::uint64_t DictionaryIndex::Seed() {
  // Differs from process to process (address space layout), stays within one.
  static const std::uint64_t seed =
      Mix(reinterpret_cast<std::uintptr_t>(&seed) ^ 0x8EBC6AF09C88C6E3ULL, 0x589965CC75374CC3ULL);
  return seed;
}

void DictionaryIndex::Rehash(std::size_t capacity) {
  while (capacity * 3 < 4 * values_.size() + 4) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  // In code order, as the entries came.
  for (std::size_t code = 0; code < values_.size(); ++code) {
    const std::string& value = values_[code];
    const std::uint64_t hash = Hash(value);
    std::size_t i = static_cast<std::size_t>(hash) & mask_;
    while (slots_[i].code != kNullCode) i = (i + 1) & mask_;
    Fill(slots_[i], static_cast<std::uint16_t>(hash >> 48),
         static_cast<std::uint16_t>(std::min<std::size_t>(value.size(), kLong)),
         static_cast<std::int32_t>(code), value);
  }
}

std::array<DictionaryColumn*, kOpenColumns> OpenColumns(SessionTables& t) {
  return {&t.sessions.unit,
          &t.sessions.format_id,
          &t.sessions.case_category,
          &t.sessions.citizen,
          &t.participants.person,
          &t.participants.role,
          &t.participants.unit,
          &t.participants.profession,
          &t.steps.step,
          &t.prompts.step,
          &t.prompts.question,
          &t.learning_points.step,
          &t.learning_points.author,
          &t.actions.action,
          &t.actions.step,
          &t.actions.owner,
          &t.feedback.step,
          &t.feedback.participant,
          &t.notes.step};
}

void SetDictionaries(SessionTables& t, TableIndex& index) {
  const auto columns = OpenColumns(t);
  const auto indexes = index.All();
  for (std::size_t k = 0; k < kOpenColumns; ++k) columns[k]->dictionary = indexes[k]->values();
}

NewValues TakeNewValues(TableIndex& index, std::array<std::size_t, kOpenColumns>& seen) {
  NewValues out;
  const auto indexes = index.All();
  for (std::size_t k = 0; k < kOpenColumns; ++k) {
    const std::vector<std::string>& values = indexes[k]->values();
    out[k].assign(values.begin() + static_cast<std::ptrdiff_t>(seen[k]), values.end());
    seen[k] = values.size();
  }
  return out;
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

void MergeTables(SessionTables& all, TableIndex& index, SessionTables&& part,
                 const NewValues& added, CodeMaps& map) {
  const std::size_t sessions = all.sessions.size();
  const std::size_t actions = all.actions.size();
  {
    const auto all_columns = OpenColumns(all);
    const auto part_columns = OpenColumns(part);
    const auto indexes = index.All();
    for (std::size_t k = 0; k < kOpenColumns; ++k) {
      for (const std::string& value : added[k]) map[k].push_back(indexes[k]->Intern(value));
      AppendOpen(*all_columns[k], *part_columns[k], map[k]);
    }
  }
  {
    SessionsTable& a = all.sessions;
    const SessionsTable& p = part.sessions;
    AppendStrings(a.id, p.id);
    Append(a.format_version, p.format_version);
    Append(a.planned_start, p.planned_start);
    Append(a.actual_start, p.actual_start);
    Append(a.actual_end, p.actual_end);
    AppendClosed(a.status, p.status);
    AppendClosed(a.cancel_reason, p.cancel_reason);
    Append(a.cancel_confidential, p.cancel_confidential);
    AppendStrings(a.cancel_note, p.cancel_note);
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
    AppendClosed(a.shift, p.shift);
  }
  {
    StepsTable& a = all.steps;
    const StepsTable& p = part.steps;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    Append(a.start, p.start);
    Append(a.end, p.end);
    Append(a.minutes, p.minutes);
  }
  {
    PromptsTable& a = all.prompts;
    const PromptsTable& p = part.prompts;
    AppendShifted(a.session, p.session, sessions);
  }
  {
    LearningPointsTable& a = all.learning_points;
    const LearningPointsTable& p = part.learning_points;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    Append(a.confidential, p.confidential);
    AppendStrings(a.text, p.text);
  }
  {
    ActionsTable& a = all.actions;
    const ActionsTable& p = part.actions;
    AppendShifted(a.session, p.session, sessions);
    Append(a.position, p.position);
    Append(a.due, p.due);
    AppendClosed(a.status, p.status);
    Append(a.proposed_at, p.proposed_at);
    Append(a.started_at, p.started_at);
    Append(a.done_at, p.done_at);
    Append(a.dropped_at, p.dropped_at);
    Append(a.confidential, p.confidential);
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
    Append(a.rating, p.rating);
    Append(a.confidential, p.confidential);
    AppendStrings(a.comment, p.comment);
  }
  {
    NotesTable& a = all.notes;
    const NotesTable& p = part.notes;
    AppendShifted(a.session, p.session, sessions);
    AppendClosed(a.kind, p.kind);
    Append(a.confidential, p.confidential);
    AppendStrings(a.text, p.text);
  }
  for (SkippedLine& line : part.skipped) all.skipped.push_back(std::move(line));
  part = SessionTables();
}

void ReserveFor(SessionTables& t, double factor) {
  ForEachTable(t, [&](auto& table) {
    ForEachColumn(table, [&](auto& column) { Reserve(column, factor); });
  });
}

namespace {

// Replaces each value of `column` for which `flagged` holds by `MaskedId`.
template <typename Flagged>
void MaskDictionary(DictionaryColumn& column, Flagged flagged) {
  for (std::string& value : column.dictionary) {
    if (flagged(value)) value = MaskedId(value);
  }
}

// Rewrites each value of `column` by `rewrite`.
template <typename Rewrite>
void RewriteStrings(StringColumn& column, Rewrite rewrite) {
  StringColumn out;
  out.offsets.reserve(column.offsets.size());
  out.valid = column.valid;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (const std::optional<std::string_view> v = column.Value(row)) out.data += rewrite(*v);
    out.offsets.push_back(static_cast<std::int64_t>(out.data.size()));
  }
  column = std::move(out);
}

}  // namespace

void MaskDictionariesIn(SessionTables& t, const TableOptions& options) {
  if (options.identifiers) return;
  auto id = [](std::string_view v) { return IdentifierInId(v).has_value(); };
  auto label = [](std::string_view v) { return !FindIdentifiers(v).empty(); };
  MaskDictionary(t.sessions.unit, label);
  MaskDictionary(t.sessions.case_category, label);
  MaskDictionary(t.sessions.citizen, id);
  MaskDictionary(t.participants.person, id);
  MaskDictionary(t.participants.unit, label);
  MaskDictionary(t.participants.profession, label);
  MaskDictionary(t.learning_points.author, id);
  MaskDictionary(t.actions.action, id);
  MaskDictionary(t.actions.owner, id);
  MaskDictionary(t.feedback.participant, id);
}

void MaskRowsIn(SessionTables& t, const TableOptions& options) {
  if (options.identifiers) return;
  RewriteStrings(t.sessions.id, [](std::string_view v) { return MaskedId(v); });
  auto text = [](std::string_view v) { return MaskIdentifiers(v); };
  RewriteStrings(t.sessions.cancel_note, text);
  RewriteStrings(t.learning_points.text, text);
  RewriteStrings(t.actions.text, text);
  RewriteStrings(t.feedback.comment, text);
  RewriteStrings(t.notes.text, text);
}

void MaskIdentifiersIn(SessionTables& t, const TableOptions& options) {
  MaskRowsIn(t, options);
  MaskDictionariesIn(t, options);
}

}  // namespace carelearn::detail
