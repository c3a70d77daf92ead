// carelearn/analysis/result.hpp
//
// Defines what every evaluator measure returns: a small result table, a
// struct of equally long column vectors with a documented row order, and a
// generic listing of its columns (`ResultColumn`: name, role, data) so that a
// binding turns any result into a DataFrame column by column, and so that
// `SuppressSmallCells` works on any result; and `PeriodGrouping`, the
// calendar periods (month, quarter, year in Europe/Copenhagen) results are
// grouped by.
//
// Column types are four: std::string (keys), std::int64_t (counts, days),
// double (shares, minutes, means; NaN when undefined) and std::uint8_t
// (flags). A count withheld by small-cell suppression is `kWithheld` (-1);
// a withheld double is NaN; either way the row's `suppressed` flag is set.
//
// Example:
//
//   carelearn::ReachTable reach = carelearn::MeasureReach(tables, roster, {});
//   carelearn::SuppressSmallCells(reach);              // fewer than 5 people: withheld
//   for (const carelearn::ResultColumn& c : reach.Columns()) {
//     std::cout << c.name << "\n";                     // "period", "period_start", "unit", ...
//   }
#ifndef CARELEARN_ANALYSIS_RESULT_HPP_
#define CARELEARN_ANALYSIS_RESULT_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/schedule/recurrence.hpp"

namespace carelearn {

/// The value of a count withheld by small-cell suppression.
inline constexpr std::int64_t kWithheld = -1;

/// What a result column holds, which decides what small-cell suppression does with it.
enum class ColumnRole {
  kKey,  ///< A grouping key (unit, format, period): never withheld.
  /// A count of distinct people that describes the whole row (staff on the
  /// roster, people reached): a value from 1 to below the threshold withholds
  /// the row's people counts and derived values.
  kPeople,
  /// A count of people in one category of a distribution (how many rated 4):
  /// a small value withholds that cell, and one more cell of the row so the
  /// withheld one cannot be recovered from the row's total.
  kPeopleCell,
  kDerived,  ///< Computed from the row's people (a share, a mean): withheld with them.
  kValue,    ///< Not about people (sessions planned, minutes): never withheld.
  kFlag,     ///< The row's `suppressed` flag.
};

/// Returns the canonical name of `role`: "key", "people", "people-cell", "derived",
/// "value" or "flag".
std::string_view ColumnRoleName(ColumnRole role);

/// One column of a result, by name, role and a pointer to its data;
/// `kMutable` gives write access (for suppression), otherwise read-only.
template <bool kMutable>
struct BasicResultColumn {
  /// A pointer to a column vector of `T`, const unless `kMutable`.
  template <typename T>
  using Ptr = std::conditional_t<kMutable, std::vector<T>*, const std::vector<T>*>;

  std::string_view name;               ///< The column's name, as a DataFrame shows it.
  ColumnRole role = ColumnRole::kKey;  ///< What it holds.
  /// The data: one of the four column types.
  std::variant<Ptr<std::string>, Ptr<std::int64_t>, Ptr<double>, Ptr<std::uint8_t>> data;
};

/// A read-only column of a result: what a binding lists.
using ResultColumn = BasicResultColumn<false>;
/// A writable column of a result: what `SuppressSmallCells` changes.
using MutableResultColumn = BasicResultColumn<true>;

/// How small cells are treated.
enum class SmallCellMode {
  kSuppress,  ///< Withhold the values (kWithheld / NaN) and set the flag: for publishing.
  kFlag,      ///< Keep the values, set the flag: for the unit's own eyes.
};

/// What counts as a small cell and what is done with it.
struct SmallCellOptions {
  /// Counts of people from 1 to `threshold - 1` are small. The default, 5,
  /// is the discretion practice of Danish statistics on persons (see
  /// docs/metrics.md, "Small cells").
  std::int64_t threshold = 5;
  /// Treat a count of 0 as small too (it tells that nobody in the group did something).
  bool zero_is_small = false;
  SmallCellMode mode = SmallCellMode::kSuppress;  ///< Withhold or only flag.
};

/// Applies small-cell suppression to the columns of one result: for each row,
/// when a `kPeople` value is small, every `kPeople`, `kPeopleCell` and
/// `kDerived` value of the row is withheld; otherwise each small `kPeopleCell`
/// value is withheld, and when that leaves a single withheld cell in the row,
/// the smallest other non-zero `kPeopleCell` value is withheld too
/// (secondary suppression within the row). Rows with anything withheld get
/// `suppressed` = 1. Values already withheld stay withheld. Returns the
/// number of rows flagged. Nothing protects against differencing across
/// rows or against totals published elsewhere; see docs/metrics.md.
///
/// Example:
///
///   carelearn::SuppressColumns(reach.MutableColumns(), {});
std::size_t SuppressColumns(std::span<const MutableResultColumn> columns,
                            const SmallCellOptions& options = {});

/// Applies small-cell suppression to any result table (anything with
/// `MutableColumns()`); see `SuppressColumns`. Returns the rows flagged.
///
/// Example:
///
///   carelearn::ReachTable reach = carelearn::MeasureReach(tables, roster, {});
///   carelearn::SuppressSmallCells(reach);  // threshold 5, values withheld
template <typename Result>
std::size_t SuppressSmallCells(Result& result, const SmallCellOptions& options = {}) {
  const std::vector<MutableResultColumn> columns = result.MutableColumns();
  return SuppressColumns(columns, options);
}

/// The calendar period a result groups by.
enum class PeriodKind {
  kMonth,    ///< Calendar months: "2026-03".
  kQuarter,  ///< Calendar quarters: "2026-Q1".
  kYear,     ///< Calendar years: "2026".
};

/// Returns the canonical name of `kind`: "month", "quarter" or "year".
std::string_view PeriodKindName(PeriodKind kind);

/// How results are grouped in time: by local calendar periods in `zone`.
struct PeriodGrouping {
  PeriodKind kind = PeriodKind::kMonth;        ///< Month, quarter or year.
  absl::TimeZone zone = CopenhagenTimeZone();  ///< Whose calendar: Europe/Copenhagen.

  /// The first day of the period `day` falls in.
  [[nodiscard]] absl::CivilDay Start(absl::CivilDay day) const;
  /// The first day after the period that starts on `start`.
  [[nodiscard]] absl::CivilDay End(absl::CivilDay start) const;
  /// The label of the period that starts on `start`: "2026-03", "2026-Q1" or "2026".
  [[nodiscard]] std::string Label(absl::CivilDay start) const;
  /// The local day of `t` in `zone`.
  [[nodiscard]] absl::CivilDay Day(absl::Time t) const { return absl::ToCivilDay(t, zone); }
};

/// Days since 1970-01-01 of `day`, as result columns and the tables hold days.
[[nodiscard]] inline std::int64_t DaysSinceEpoch(absl::CivilDay day) {
  return day - absl::CivilDay(1970, 1, 1);
}

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_RESULT_HPP_
