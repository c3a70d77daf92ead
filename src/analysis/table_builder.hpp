// The machinery every source of `SessionTables` shares: `DictionaryIndex`,
// which gives a string its code in a column's dictionary (first appearance
// first); `TableIndex`, one index per dictionary-encoded column of an open
// vocabulary; `Vocabularies`, which sets the fixed dictionaries of the closed
// columns; `TextColumn`, which appends free text or leaves it out; and
// `MergeTables`, which appends one part's tables to the whole, remapping its
// codes, so that tables read in parts on many threads equal the tables read
// in one piece, codes included.
//
// Example:
//
//   carelearn::SessionTables all = carelearn::detail::EmptyTables();
//   carelearn::detail::TableIndex index;
//   for (carelearn::SessionTables& part : parts) {
//     carelearn::detail::MergeTables(all, index, std::move(part));
//   }
#ifndef CARELEARN_SRC_ANALYSIS_TABLE_BUILDER_HPP_
#define CARELEARN_SRC_ANALYSIS_TABLE_BUILDER_HPP_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "carelearn/analysis/tables.hpp"

namespace carelearn::detail {

/// The codes of the strings of one dictionary column: an open-addressing
/// hash table whose slots hold each string's hash, code and place in an
/// arena of the strings' bytes, so that a lookup touches a slot and the bytes
/// it compares, not the column's std::strings.
class DictionaryIndex {
 public:
  /// The code of `value` in `column`'s dictionary, appended when new; the
  /// empty string is missing (`kNullCode`).
  std::int32_t Intern(DictionaryColumn& column, std::string_view value) {
    if (value.empty()) return kNullCode;
    if (slots_.empty()) Rehash(16);
    const std::uint64_t hash = Hash(value);
    std::size_t i = static_cast<std::size_t>(hash) & mask_;
    while (true) {
      const Slot& slot = slots_[i];
      if (slot.code == kNullCode) break;
      if (slot.hash == hash && slot.size == value.size() &&
          std::memcmp(arena_.data() + slot.offset, value.data(), value.size()) == 0) {
        return slot.code;
      }
      i = (i + 1) & mask_;
    }
    const auto code = static_cast<std::int32_t>(column.dictionary.size());
    column.dictionary.emplace_back(value);
    slots_[i] = Slot{hash, arena_.size(), code, static_cast<std::uint32_t>(value.size())};
    arena_.append(value);
    if (column.dictionary.size() * 2 > slots_.size()) Rehash(slots_.size() * 2);
    return code;
  }

  /// Appends the code of `value` (see `Intern`) to `column`.
  void Append(DictionaryColumn& column, std::string_view value) {
    column.codes.push_back(Intern(column, value));
  }

  /// Forgets the dictionary entries from code `size` on, which must be the
  /// newest ones (entries are forgotten newest first, which linear probing allows).
  void Truncate(DictionaryColumn& column, std::size_t size);

  /// The hash of a dictionary string.
  static std::uint64_t Hash(std::string_view value);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t offset = 0;  // of the string's bytes in `arena_`
    std::int32_t code = kNullCode;
    std::uint32_t size = 0;
  };

  void Rehash(std::size_t capacity);

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t mask_ = 0;
};

/// One `DictionaryIndex` per dictionary-encoded column of an open vocabulary.
struct TableIndex {
  DictionaryIndex session_unit;            ///< sessions.unit
  DictionaryIndex session_format;          ///< sessions.format_id
  DictionaryIndex session_case_category;   ///< sessions.case_category
  DictionaryIndex session_citizen;         ///< sessions.citizen
  DictionaryIndex participant_person;      ///< participants.person
  DictionaryIndex participant_role;        ///< participants.role
  DictionaryIndex participant_unit;        ///< participants.unit
  DictionaryIndex participant_profession;  ///< participants.profession
  DictionaryIndex step_step;               ///< steps.step
  DictionaryIndex prompt_step;             ///< prompts.step
  DictionaryIndex prompt_question;         ///< prompts.question
  DictionaryIndex learning_point_step;     ///< learning_points.step
  DictionaryIndex learning_point_author;   ///< learning_points.author
  DictionaryIndex action_action;           ///< actions.action
  DictionaryIndex action_step;             ///< actions.step
  DictionaryIndex action_owner;            ///< actions.owner
  DictionaryIndex feedback_step;           ///< feedback.step
  DictionaryIndex feedback_participant;    ///< feedback.participant
  DictionaryIndex note_step;               ///< notes.step
};

/// Empty tables with the fixed dictionaries of the closed columns set, and
/// the free-text columns that `options` asks for ready to take rows.
[[nodiscard]] SessionTables EmptyTables(const TableOptions& options);

/// True when `options` asks for free text.
[[nodiscard]] inline bool WantsText(const TableOptions& options) { return options.free_text; }

/// True when `options` asks for confidential text too.
[[nodiscard]] inline bool WantsConfidential(const TableOptions& options) {
  return options.free_text && options.confidential_text;
}

/// Appends `text` to `column`, or a missing value when it is empty or not
/// `included`; does nothing when `wanted` is false (the column is not loaded).
inline void AppendText(StringColumn& column, bool wanted, bool included, std::string_view text) {
  if (!wanted) return;
  if (included && !text.empty()) {
    column.data.append(text);
    column.valid.push_back(1);
  } else {
    column.valid.push_back(0);
  }
  column.offsets.push_back(static_cast<std::int64_t>(column.data.size()));
}

/// Appends `value` to `column` as a present value, even when it is empty.
inline void AppendString(StringColumn& column, std::string_view value) {
  column.data.append(value);
  column.valid.push_back(1);
  column.offsets.push_back(static_cast<std::int64_t>(column.data.size()));
}

/// Days from 1970-01-01 to `day`.
[[nodiscard]] inline std::int32_t DaysSinceEpoch(absl::CivilDay day) {
  return static_cast<std::int32_t>(day - absl::CivilDay(1970, 1, 1));
}

/// The minutes from `start` to `end` (microseconds since the epoch).
[[nodiscard]] inline double Minutes(std::int64_t start, std::int64_t end) {
  return static_cast<double>(end - start) / 60e6;
}

/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(SessionsTable& t, F&& f) {
  f(t.id), f(t.unit), f(t.format_id), f(t.format_version), f(t.planned_start), f(t.actual_start);
  f(t.actual_end), f(t.status), f(t.cancel_reason), f(t.cancel_note), f(t.case_category);
  f(t.citizen), f(t.participant_count), f(t.step_count), f(t.prompt_count);
  f(t.learning_point_count), f(t.action_count), f(t.feedback_count), f(t.note_count);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(ParticipantsTable& t, F&& f) {
  f(t.session), f(t.position), f(t.person), f(t.role), f(t.unit), f(t.profession), f(t.shift);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(StepsTable& t, F&& f) {
  f(t.session), f(t.position), f(t.step), f(t.start), f(t.end), f(t.minutes);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(PromptsTable& t, F&& f) {
  f(t.session), f(t.step), f(t.question);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(LearningPointsTable& t, F&& f) {
  f(t.session), f(t.position), f(t.step), f(t.author), f(t.confidential), f(t.text);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(ActionsTable& t, F&& f) {
  f(t.session), f(t.position), f(t.action), f(t.step), f(t.owner), f(t.due), f(t.status);
  f(t.proposed_at), f(t.started_at), f(t.done_at), f(t.dropped_at), f(t.text);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(ActionChangesTable& t, F&& f) {
  f(t.session), f(t.action), f(t.position), f(t.status), f(t.at);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(FeedbackTable& t, F&& f) {
  f(t.session), f(t.step), f(t.participant), f(t.rating), f(t.comment);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(NotesTable& t, F&& f) {
  f(t.session), f(t.step), f(t.kind), f(t.confidential), f(t.text);
}
/// Calls `f(table)` for every table of `t`.
template <typename F>
void ForEachTable(SessionTables& t, F&& f) {
  f(t.sessions), f(t.participants), f(t.steps), f(t.prompts), f(t.learning_points);
  f(t.actions), f(t.action_changes), f(t.feedback), f(t.notes);
}

/// Appends `part` (tables read from the sessions that follow those in `all`)
/// to `all`: session and action row numbers are shifted, dictionary codes
/// remapped through `index` (the index of `all`'s open columns), skipped
/// lines appended. `part` is left empty.
void MergeTables(SessionTables& all, TableIndex& index, SessionTables&& part);

/// Reserves room in every column of `tables` for `factor` times the rows it
/// has now (a guess from the first part of the input, to spare the copies of
/// growing vectors).
void ReserveFor(SessionTables& tables, double factor);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_TABLE_BUILDER_HPP_
