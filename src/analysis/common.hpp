// Private to the analysis layer: what the measures share. Local days of
// sessions, interning of string keys, medians, format look-ups.
#ifndef CARELEARN_SRC_ANALYSIS_COMMON_HPP_
#define CARELEARN_SRC_ANALYSIS_COMMON_HPP_

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/model/catalog.hpp"

namespace carelearn::detail {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The time of a timestamp column's value.
inline absl::Time FromMicros(std::int64_t us) { return absl::FromUnixMicros(us); }

/// Days since 1970-01-01 to a civil day.
inline absl::CivilDay DayFromEpoch(std::int64_t days) { return absl::CivilDay(1970, 1, 1) + days; }

/// `a / b`, or NaN when `b` is 0.
inline double Share(double a, double b) { return b == 0 ? kNaN : a / b; }

/// Interns strings as dense ids, in order of first appearance.
class Interner {
 public:
  /// The id of `s`, adding it when new.
  std::int32_t Id(std::string_view s) {
    auto it = ids_.find(std::string(s));
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::int32_t>(names_.size());
    names_.emplace_back(s);
    ids_.emplace(names_.back(), id);
    return id;
  }
  /// The id of `s`, or -1.
  [[nodiscard]] std::int32_t Find(std::string_view s) const {
    auto it = ids_.find(std::string(s));
    return it == ids_.end() ? -1 : it->second;
  }
  /// The string of `id`.
  [[nodiscard]] const std::string& Name(std::int32_t id) const {
    return names_[static_cast<std::size_t>(id)];
  }
  /// The number of strings.
  [[nodiscard]] std::size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string, std::int32_t> ids_;
  std::vector<std::string> names_;
};

/// For each code of `column`'s dictionary, the interned id of its value (-1 for none).
inline std::vector<std::int32_t> InternDictionary(const DictionaryColumn& column,
                                                  Interner& interner) {
  std::vector<std::int32_t> ids(column.dictionary.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = interner.Id(column.dictionary[i]);
  return ids;
}

/// The interned id of row `row` of `column` through `ids`, or -1 when missing.
inline std::int32_t IdAt(const DictionaryColumn& column, const std::vector<std::int32_t>& ids,
                         std::size_t row) {
  const std::int32_t code = column.codes[row];
  return code < 0 ? -1 : ids[static_cast<std::size_t>(code)];
}

/// Per session: local days and whether it was held or took place.
struct SessionDays {
  std::vector<std::int64_t> planned_day;   ///< Local day of the planned start.
  std::vector<std::int64_t> attended_day;  ///< Local day of the actual start, else planned.
  std::vector<std::uint8_t> held;          ///< 1 when the status is "held".
  std::vector<std::uint8_t> took_place;    ///< 1 when it has an actual start.
};

/// The local days of every session in `zone`.
SessionDays ComputeSessionDays(const SessionsTable& sessions, absl::TimeZone zone);

/// The median of `values` (reordered); NaN when empty.
double Median(std::vector<double>& values);

/// The format `id` in `catalog` at `version` or, failing that, its newest version; nullptr.
const Format* FindFormat(const Catalog* catalog, std::string_view id, int version);

/// The length in days of a format's cadence interval; NaN without a cadence.
double CadenceDays(const Format* format);

/// Row numbers for keys of `N` integers, in order of first appearance: an
/// open-addressing hash table (linear probing) over the rows' keys, since a
/// measure looks up a key for each of millions of records.
template <std::size_t N>
class RowIndex {
 public:
  using Key = std::array<std::int64_t, N>;

  /// The row of `key`, adding a row when new. The last key is remembered,
  /// as records of one session or unit come one after another.
  std::size_t Row(const Key& key) {
    if (!keys_.empty() && key == last_key_) return last_row_;
    if ((keys_.size() + 1) * 2 > slots_.size()) Grow();
    std::size_t i = Hash(key) & (slots_.size() - 1);
    while (true) {
      const std::int64_t row = slots_[i];
      if (row < 0) {
        slots_[i] = static_cast<std::int64_t>(keys_.size());
        keys_.push_back(key);
        break;
      }
      if (keys_[static_cast<std::size_t>(row)] == key) break;
      i = (i + 1) & (slots_.size() - 1);
    }
    last_key_ = key;
    last_row_ = static_cast<std::size_t>(slots_[i]);
    return last_row_;
  }
  /// The row of `key`, or std::nullopt.
  [[nodiscard]] std::optional<std::size_t> Find(const Key& key) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = Hash(key) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const std::int64_t row = slots_[i];
      if (row < 0) return std::nullopt;
      if (keys_[static_cast<std::size_t>(row)] == key) return static_cast<std::size_t>(row);
    }
  }
  /// The keys, by row.
  [[nodiscard]] const std::vector<Key>& keys() const { return keys_; }
  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return keys_.size(); }

 private:
  static std::size_t Hash(const Key& key) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (const std::int64_t v : key) {
      h = (h ^ static_cast<std::uint64_t>(v)) * 0xbf58476d1ce4e5b9ULL;
      h ^= h >> 31;
    }
    return static_cast<std::size_t>(h);
  }
  void Grow() {
    const std::size_t capacity = slots_.empty() ? 64 : slots_.size() * 2;
    slots_.assign(capacity, -1);
    for (std::size_t row = 0; row < keys_.size(); ++row) {
      std::size_t i = Hash(keys_[row]) & (capacity - 1);
      while (slots_[i] >= 0) i = (i + 1) & (capacity - 1);
      slots_[i] = static_cast<std::int64_t>(row);
    }
  }

  std::vector<std::int64_t> slots_;  // row numbers, −1 for free
  std::vector<Key> keys_;
  Key last_key_ = {};
  std::size_t last_row_ = 0;
};

/// Sorts `items` by (bucket, value) — what std::sort does with pairs — with a
/// counting sort on the bucket (below `buckets`) and a sort of the values
/// within each bucket, which is much faster for millions of items in many
/// small buckets.
template <typename I, typename T>
void SortPairs(std::vector<std::pair<I, T>>& items, std::size_t buckets) {
  std::vector<std::size_t> offsets(buckets + 1, 0);
  for (const auto& item : items) ++offsets[item.first + 1];
  for (std::size_t b = 0; b < buckets; ++b) offsets[b + 1] += offsets[b];
  std::vector<std::pair<I, T>> sorted(items.size());
  std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
  for (auto& item : items) sorted[next[item.first]++] = std::move(item);
  for (std::size_t b = 0; b < buckets; ++b) {
    const auto first = sorted.begin() + static_cast<std::ptrdiff_t>(offsets[b]);
    const auto last = sorted.begin() + static_cast<std::ptrdiff_t>(offsets[b + 1]);
    if (last - first > 1) {
      std::sort(first, last, [](const auto& x, const auto& y) { return x.second < y.second; });
    }
  }
  items = std::move(sorted);
}

/// The rows of `index` ordered by their keys, each key part compared by
/// `less(part, a, b)`: the documented row order of a result.
template <std::size_t N, typename Less>
std::vector<std::size_t> SortedRows(const RowIndex<N>& index, Less less) {
  std::vector<std::size_t> order(index.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& keys = index.keys();
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    for (std::size_t part = 0; part < N; ++part) {
      if (less(part, keys[a][part], keys[b][part])) return true;
      if (less(part, keys[b][part], keys[a][part])) return false;
    }
    return false;
  });
  return order;
}

/// The child rows of one session: a range of row numbers, either listed or
/// (when the child table is in session order, as the tables keep it) running
/// from `first` to `last`.
class RowRange {
 public:
  /// Iterates the row numbers.
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;  ///< A forward iterator.
    using value_type = std::size_t;                       ///< Row numbers.
    using difference_type = std::ptrdiff_t;               ///< Distances.
    using pointer = const std::size_t*;                   ///< Unused.
    using reference = std::size_t;                        ///< By value.

    Iterator() = default;
    Iterator(const std::size_t* list, std::size_t at) : list_(list), at_(at) {}
    std::size_t operator*() const { return list_ != nullptr ? list_[at_] : at_; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at_;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }

   private:
    const std::size_t* list_ = nullptr;
    std::size_t at_ = 0;
  };

  RowRange(const std::size_t* list, std::size_t first, std::size_t last)
      : list_(list), first_(first), last_(last) {}
  [[nodiscard]] Iterator begin() const { return {list_, first_}; }
  [[nodiscard]] Iterator end() const { return {list_, last_}; }
  [[nodiscard]] std::size_t size() const { return last_ - first_; }

 private:
  const std::size_t* list_;
  std::size_t first_;
  std::size_t last_;
};

/// Child rows grouped by session (compressed rows): the rows of session `i`
/// are `rows[offsets[i]]` to `rows[offsets[i + 1] - 1]`, in child-row order;
/// when the child table is already in session order `rows` is left empty and
/// the rows are `offsets[i]` to `offsets[i + 1] - 1` themselves.
struct ByParent {
  std::vector<std::size_t> offsets;  ///< One more than there are sessions.
  std::vector<std::size_t> rows;     ///< Child rows, grouped; empty when in order already.
  bool in_order = false;             ///< True when the rows are numbered in session order.

  /// The child rows of session `i`.
  [[nodiscard]] RowRange Of(std::size_t i) const {
    return {in_order ? nullptr : rows.data(), offsets[i], offsets[i + 1]};
  }
};

/// Groups the child rows whose session column is `session` by session.
ByParent GroupByParent(const std::vector<std::int32_t>& session, std::size_t sessions);

/// Periods of days looked up in a table over a range of days, so that a
/// measure over millions of records does no calendar arithmetic per record.
/// Days outside the range are computed (slower, same answer).
class PeriodTable {
 public:
  /// A table for the days `first` to `last` (days since 1970-01-01, inclusive).
  PeriodTable(const PeriodGrouping& grouping, std::int64_t first, std::int64_t last);

  /// The first day of the period of `day`.
  [[nodiscard]] std::int64_t Start(std::int64_t day) const {
    const std::int64_t i = day - first_;
    if (i >= 0 && i < static_cast<std::int64_t>(start_.size())) {
      return start_[static_cast<std::size_t>(i)];
    }
    return DaysSinceEpoch(grouping_.Start(DayFromEpoch(day)));
  }
  /// 0 when `day` is in the first half of its period (before start + ⌊length / 2⌋), else 1.
  [[nodiscard]] int Half(std::int64_t day) const;
  /// The label of the period that starts on `start` (cached).
  const std::string& Label(std::int64_t start);

 private:
  const PeriodGrouping& grouping_;
  std::int64_t first_ = 0;
  std::vector<std::int64_t> start_;
  std::vector<std::uint8_t> half_;
  std::unordered_map<std::int64_t, std::string> labels_;
};

/// A table over every planned and attended day of `days` (and `extra`, e.g.
/// the days of planned occurrences).
PeriodTable MakePeriodTable(const PeriodGrouping& grouping, const SessionDays& days,
                            std::span<const std::int64_t> extra = {});

/// A period key: the interned group and the period's first day.
struct PeriodOf {
  const PeriodGrouping& grouping;
  /// The first day (days since epoch) of the period of the day `day` (days since epoch).
  [[nodiscard]] std::int64_t operator()(std::int64_t day) const {
    return DaysSinceEpoch(grouping.Start(DayFromEpoch(day)));
  }
};

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_COMMON_HPP_
