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
//   carelearn::SessionTables all = carelearn::detail::EmptyTables(options);
//   carelearn::detail::TableIndex index;
//   carelearn::detail::CodeMaps map;  // one per worker
//   for (Part& part : parts) {
//     carelearn::detail::MergeTables(all, index, std::move(part.tables), part.added, map);
//   }
//   carelearn::detail::SetDictionaries(all, index);
#ifndef CARELEARN_SRC_ANALYSIS_TABLE_BUILDER_HPP_
#define CARELEARN_SRC_ANALYSIS_TABLE_BUILDER_HPP_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn::detail {

/// True when the `n` bytes at `a` and at `b` are the same; inline, without a
/// call, for the short strings of ids and keys.
inline bool EqualBytes(const char* a, const char* b, std::size_t n) {
  const auto load8 = [](const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  };
  const auto load4 = [](const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (load8(a + i) != load8(b + i)) return false;
    }
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

/// The codes of the strings of one dictionary column: an open-addressing
/// hash table (linear probing, at most three quarters full) whose slots hold each
/// string's hash tag, code, size and first bytes, so that a lookup of a short
/// string (ids, pseudonyms) reads one slot and nothing else. `Prefetch` lets a
/// caller with many lookups to make start them all before waiting for any.
class DictionaryIndex {
 public:
  /// The code of `value`, a new one (the next) when it is new; the empty
  /// string is missing (`kNullCode`).
  std::int32_t Intern(std::string_view value) {
    if (value.empty()) return kNullCode;
    return InternHashed(value, Hash(value));
  }

  /// `Intern` for a non-empty `value` whose `Hash` is `hash`.
  std::int32_t InternHashed(std::string_view value, std::uint64_t hash) {
    if (slots_.empty()) Rehash(16);
    const auto tag = static_cast<std::uint16_t>(hash >> 48);
    const auto size = static_cast<std::uint16_t>(std::min<std::size_t>(value.size(), kLong));
    std::size_t i = static_cast<std::size_t>(hash) & mask_;
    while (true) {
      const Slot& slot = slots_[i];
      if (slot.code == kNullCode) break;
      if (slot.tag == tag && slot.size == size && Same(slot, value)) return slot.code;
      i = (i + 1) & mask_;
    }
    const auto code = static_cast<std::int32_t>(values_.size());
    values_.emplace_back(value);
    Fill(slots_[i], tag, size, code, value);
    // At most three quarters full.
    if (values_.size() * 4 > slots_.size() * 3) Rehash(slots_.size() * 2);
    return code;
  }

  /// Appends the code of `value` (see `Intern`) to `column`.
  void Append(DictionaryColumn& column, std::string_view value) {
    column.codes.push_back(Intern(value));
  }

  /// The values, a code being an index.
  [[nodiscard]] const std::vector<std::string>& values() const { return values_; }

  /// Starts loading the slot where the lookup of a string with `hash` begins.
  void Prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::size_t>(hash) & mask_]);
  }

  /// The hash of a dictionary string: a multiply-mix of its 8-byte words,
  /// seeded per process so that crafted input cannot make strings collide.
  static std::uint64_t Hash(std::string_view value) {
    const char* p = value.data();
    const std::size_t n = value.size();
    std::uint64_t seed = Seed() ^ (n * 0x9E3779B97F4A7C15ULL);
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    if (n >= 8) {
      std::size_t i = 0;
      for (; i + 16 < n; i += 16)
        seed = Mix(Load(p + i) ^ 0xA0761D6478BD642FULL, Load(p + i + 8) ^ seed);
      a = n >= 16 ? Load(p + n - 16) : Load(p);
      b = Load(p + n - 8);
    } else if (n >= 4) {
      std::uint32_t x = 0;
      std::uint32_t y = 0;
      std::memcpy(&x, p, 4);
      std::memcpy(&y, p + n - 4, 4);
      a = x;
      b = y;
    } else if (n > 0) {
      a = (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
          (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1]));
    }
    return Mix(a ^ 0xE7037ED1A0B428DBULL, b ^ seed);
  }

 private:
  static constexpr std::size_t kHead = 24;        // bytes of a string held in its slot
  static constexpr std::uint16_t kLong = 0xFFFF;  // the size of a string of 65535 bytes or more

  // Two to a cache line, so that a lookup reads one line.
  struct alignas(32) Slot {
    std::uint16_t tag = 0;   // the hash's top 16 bits
    std::uint16_t size = 0;  // the string's size, or kLong
    std::int32_t code = kNullCode;
    char head[kHead] = {};  // the string's first bytes
  };
  static_assert(sizeof(Slot) == 32);

  static void Fill(Slot& slot, std::uint16_t tag, std::uint16_t size, std::int32_t code,
                   std::string_view value) {
    slot.tag = tag;
    slot.size = size;
    slot.code = code;
    std::memcpy(slot.head, value.data(), std::min(value.size(), kHead));
  }

  static std::uint64_t Load(const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  }
  static std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
    __extension__ using Wide = unsigned __int128;  // GCC and Clang; the full 128-bit product
    const Wide r = static_cast<Wide>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
  }
  static std::uint64_t Seed();

  // True when `slot`, whose tag and size match, holds `value`.
  bool Same(const Slot& slot, std::string_view value) const {
    if (value.size() <= kHead) return EqualBytes(slot.head, value.data(), value.size());
    return EqualBytes(slot.head, value.data(), kHead) &&
           values_[static_cast<std::size_t>(slot.code)] == value;
  }

  void Rehash(std::size_t capacity);

  std::vector<std::string> values_;
  std::vector<Slot> slots_;
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

  /// Every index, in the order of `OpenColumns`.
  std::array<DictionaryIndex*, 19> All() {
    return {&session_unit,
            &session_format,
            &session_case_category,
            &session_citizen,
            &participant_person,
            &participant_role,
            &participant_unit,
            &participant_profession,
            &step_step,
            &prompt_step,
            &prompt_question,
            &learning_point_step,
            &learning_point_author,
            &action_action,
            &action_step,
            &action_owner,
            &feedback_step,
            &feedback_participant,
            &note_step};
  }
};

/// The number of dictionary-encoded columns of an open vocabulary.
inline constexpr std::size_t kOpenColumns = 19;

/// The dictionary-encoded columns of an open vocabulary of `t`, in the order
/// of `TableIndex::All`.
std::array<DictionaryColumn*, kOpenColumns> OpenColumns(SessionTables& t);

/// Gives the open columns of `t` the dictionaries of `index`.
void SetDictionaries(SessionTables& t, TableIndex& index);

/// The values a worker's dictionaries gained while it read one part of the
/// input, for each open column: those with codes from the count in `seen`
/// on, which is brought up to date.
using NewValues = std::array<std::vector<std::string>, kOpenColumns>;

/// Copies out what `index` gained since `seen` (see `NewValues`).
[[nodiscard]] NewValues TakeNewValues(TableIndex& index,
                                      std::array<std::size_t, kOpenColumns>& seen);

/// For one worker and each open column, the code in the whole of each of
/// the worker's own codes.
using CodeMaps = std::array<std::vector<std::int32_t>, kOpenColumns>;

/// Empty tables with the fixed dictionaries of the closed columns set, and
/// the free-text columns that `options` asks for ready to take rows.
[[nodiscard]] SessionTables EmptyTables(const TableOptions& options);

/// Masks, unless `options.identifiers`, what the identifier linter finds in
/// the ids, labels and texts of `t` (see `TableOptions::identifiers`):
/// `MaskRowsIn` and `MaskDictionariesIn`.
void MaskIdentifiersIn(SessionTables& t, const TableOptions& options);

/// Masks, unless `options.identifiers`, what is row by row in `t`: the
/// session ids and the free texts. Each row on its own, so that tables read
/// in parts can be masked part by part (on the workers) before they are
/// joined.
void MaskRowsIn(SessionTables& t, const TableOptions& options);

/// Masks, unless `options.identifiers`, the values of `t`'s dictionaries that
/// the linter flags (people, units, professions, ...): once, on the joined
/// tables.
void MaskDictionariesIn(SessionTables& t, const TableOptions& options);

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
  std::int64_t micros = 0;
  if (__builtin_sub_overflow(end, start, &micros)) {
    // Only times near the ends of int64 (an infinite absl::Time) get here.
    return (static_cast<double>(end) - static_cast<double>(start)) / 60e6;
  }
  return static_cast<double>(micros) / 60e6;
}

/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(SessionsTable& t, F&& f) {
  f(t.id), f(t.unit), f(t.format_id), f(t.format_version), f(t.planned_start), f(t.actual_start);
  f(t.actual_end), f(t.status), f(t.cancel_reason), f(t.cancel_confidential), f(t.cancel_note);
  f(t.case_category);
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
  f(t.proposed_at), f(t.started_at), f(t.done_at), f(t.dropped_at), f(t.confidential), f(t.text);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(ActionChangesTable& t, F&& f) {
  f(t.session), f(t.action), f(t.position), f(t.status), f(t.at);
}
/// Calls `f(column)` for every column of `t`.
template <typename F>
void ForEachColumn(FeedbackTable& t, F&& f) {
  f(t.session), f(t.step), f(t.participant), f(t.rating), f(t.confidential), f(t.comment);
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

/// Appends the rows of `actions` (`Action` values) of the session in row
/// `session` to the actions and action changes tables; the text when `text` asks for it, and a confidential
/// action's text only when `confidential` asks for it too.
template <typename A>
void AppendActions(SessionTables& t, TableIndex& index, std::int32_t session,
                   std::span<const A> actions, bool text, bool confidential) {
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const A& a = actions[i];
    ActionsTable& at = t.actions;
    const auto row = static_cast<std::int32_t>(at.size());
    at.session.push_back(session);
    at.position.push_back(static_cast<std::int32_t>(i));
    index.action_action.Append(at.action, a.id);
    index.action_step.Append(at.step, a.step_id);
    index.action_owner.Append(at.owner, a.owner);
    at.due.push_back(a.due.has_value() ? DaysSinceEpoch(*a.due) : kNullDay);
    std::int32_t status = static_cast<std::int32_t>(ActionStatus::kOpen);
    std::int64_t proposed = kNullTimestamp;
    std::int64_t started = kNullTimestamp;
    std::int64_t done = kNullTimestamp;
    std::int64_t dropped = kNullTimestamp;
    for (std::size_t j = 0; j < a.history.size(); ++j) {
      const StatusChange& c = a.history[j];
      const std::int64_t when = absl::ToUnixMicros(c.at);
      if (j == 0) proposed = when;
      if (c.status == ActionStatus::kInProgress && started == kNullTimestamp) started = when;
      if (c.status == ActionStatus::kDone && done == kNullTimestamp) done = when;
      if (c.status == ActionStatus::kDropped && dropped == kNullTimestamp) dropped = when;
      status = static_cast<std::int32_t>(c.status);
      ActionChangesTable& ct = t.action_changes;
      ct.session.push_back(session);
      ct.action.push_back(row);
      ct.position.push_back(static_cast<std::int32_t>(j));
      ct.status.codes.push_back(static_cast<std::int32_t>(c.status));
      ct.at.push_back(when);
    }
    at.status.codes.push_back(status);
    at.proposed_at.push_back(proposed);
    at.started_at.push_back(started);
    at.done_at.push_back(done);
    at.dropped_at.push_back(dropped);
    at.confidential.push_back(a.confidential ? 1 : 0);
    AppendText(at.text, text, !a.confidential || confidential, a.text);
  }
}

/// Appends `part` (tables a worker read from the sessions that follow those
/// in `all`) to `all`: session and action row numbers are shifted, skipped
/// lines appended, and the worker's codes in the open columns translated
/// through `map`, which first takes the codes in `index` (the index of
/// `all`) of the values the worker's dictionaries gained with the part,
/// `added`. Codes so stay in order of first appearance in `all`. `part` is
/// left empty.
void MergeTables(SessionTables& all, TableIndex& index, SessionTables&& part,
                 const NewValues& added, CodeMaps& map);

/// Reserves room in every column of `tables` for `factor` times the rows it
/// has now (a guess from the first part of the input, to spare the copies of
/// growing vectors).
void ReserveFor(SessionTables& tables, double factor);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_TABLE_BUILDER_HPP_
