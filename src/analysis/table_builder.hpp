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
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "carelearn/analysis/tables.hpp"

namespace carelearn::detail {

/// The codes of the strings of one dictionary column: an open-addressing hash
/// table of codes, whose strings stay in the column's own dictionary.
class DictionaryIndex {
 public:
  /// The code of `value` in `column`'s dictionary, appended when new; the
  /// empty string is missing (`kNullCode`).
  std::int32_t Intern(DictionaryColumn& column, std::string_view value) {
    if (value.empty()) return kNullCode;
    const std::uint64_t hash = Hash(value);
    if (slots_.empty()) Grow(column.dictionary);
    std::size_t i = static_cast<std::size_t>(hash) & mask_;
    while (true) {
      const std::int32_t code = slots_[i];
      if (code == kNullCode) break;
      const auto c = static_cast<std::size_t>(code);
      if (hashes_[c] == hash && column.dictionary[c] == value) return code;
      i = (i + 1) & mask_;
    }
    const auto code = static_cast<std::int32_t>(column.dictionary.size());
    column.dictionary.emplace_back(value);
    hashes_.push_back(hash);
    slots_[i] = code;
    if (column.dictionary.size() * 2 > slots_.size()) Grow(column.dictionary);
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
  void Grow(const std::vector<std::string>& dictionary);

  std::vector<std::int32_t> slots_;    // a code, or kNullCode for an empty slot
  std::vector<std::uint64_t> hashes_;  // the hash of each code's string
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
