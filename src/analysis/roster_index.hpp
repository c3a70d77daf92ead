// Private to the analysis layer: a roster keyed to the tables' dictionaries,
// for reach and dose.
#ifndef CARELEARN_SRC_ANALYSIS_ROSTER_INDEX_HPP_
#define CARELEARN_SRC_ANALYSIS_ROSTER_INDEX_HPP_

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "analysis/common.hpp"
#include "carelearn/analysis/reach.hpp"
#include "carelearn/record/roster.hpp"

namespace carelearn::detail {

/// The memberships of a roster as numbers, and who of the participants is on it.
struct RosterIndex {
  static constexpr std::int64_t kOpenEnd = std::numeric_limits<std::int64_t>::max();

  std::vector<std::int32_t> unit;        ///< Interned unit id of each membership.
  std::vector<std::int32_t> profession;  ///< Interned profession (the empty string when none).
  std::vector<std::int32_t> shift;       ///< Shift as a number (0 unspecified … 3 night).
  std::vector<std::int64_t> from;        ///< First day, days since 1970-01-01.
  std::vector<std::int64_t> to;          ///< Last day (inclusive), or kOpenEnd.
  std::vector<std::int32_t> person;      ///< The person's number (0 … people − 1).
  std::size_t people = 0;                ///< Distinct people on the roster.
  /// Memberships of person p: by_person[offsets[p]] … by_person[offsets[p + 1] − 1].
  std::vector<std::size_t> offsets;
  std::vector<std::size_t> by_person;  ///< Membership indexes grouped by person.
  /// Per code of the participants' person dictionary: the roster person, or −1.
  std::vector<std::int32_t> person_of_code;

  /// True when person `p` has exactly one membership.
  [[nodiscard]] bool Single(std::int32_t p) const {
    const auto i = static_cast<std::size_t>(p);
    return offsets[i + 1] - offsets[i] == 1;
  }

  /// Builds the index; strings are interned in `names`.
  RosterIndex(const Roster& roster, const DictionaryColumn& participants, Interner& names);
};

/// Result rows keyed by a group of `N` keys and a period (an index into a
/// sorted list of period starts): a dense table of group × period finds a
/// row without hashing, which matters when every roster membership touches
/// every period.
template <std::size_t N>
class GroupPeriodRows {
 public:
  /// Rows for `periods` (sorted period starts).
  explicit GroupPeriodRows(std::vector<std::int64_t> periods) : periods_(std::move(periods)) {}

  /// The row of `group` in period `period` (an index into the periods).
  std::size_t Row(const std::array<std::int64_t, N>& group, std::size_t period) {
    const std::size_t g = groups_.Row(group);
    const std::size_t k = g * periods_.size() + period;
    if (dense_.size() <= k) dense_.resize((g + 1) * periods_.size(), -1);
    if (dense_[k] < 0) {
      std::array<std::int64_t, N + 1> key{};
      for (std::size_t i = 0; i < N; ++i) key[i] = group[i];
      key[N] = periods_[period];
      dense_[k] = static_cast<std::int64_t>(rows_.Row(key));
    }
    return static_cast<std::size_t>(dense_[k]);
  }
  /// The rows' keys: the group's, then the period's start.
  [[nodiscard]] const RowIndex<N + 1>& rows() const { return rows_; }
  /// The period starts.
  [[nodiscard]] const std::vector<std::int64_t>& periods() const { return periods_; }

 private:
  std::vector<std::int64_t> periods_;
  RowIndex<N> groups_;
  RowIndex<N + 1> rows_;
  std::vector<std::int64_t> dense_;
};

/// The index in `periods` of each session's period start (sessions outside
/// them get −1).
std::vector<std::int32_t> SessionPeriodIndex(const std::vector<std::int64_t>& periods,
                                             const std::vector<std::int64_t>& session_period);

/// The first days of the periods from the one holding `first` to the one holding `last`.
std::vector<std::int64_t> PeriodStarts(const PeriodGrouping& grouping, std::int64_t first,
                                       std::int64_t last);

/// The days a roster measure covers: `days` when given, else the first to
/// the last day on which a session took place; none when no session did.
std::optional<std::pair<std::int64_t, std::int64_t>> CoveredDays(
    const std::optional<DayRange>& days, const SessionDays& sessions);

/// The first day of the period of each session's attended day.
std::vector<std::int64_t> SessionPeriods(const PeriodGrouping& grouping, const SessionDays& days);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_ROSTER_INDEX_HPP_
