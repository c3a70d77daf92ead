// carelearn/analysis/responsiveness.hpp
//
// Defines `MeasureResponsiveness`, Carroll et al.'s participant
// responsiveness (Proctor et al.'s acceptability) as the feedback ratings
// (1 poor … 5 excellent) per unit × format × period: how many rated, the
// distribution, and the mean with a confidence interval. docs/metrics.md
// says what the interval does and does not account for.
//
// Example:
//
//   carelearn::ResponsivenessTable r = carelearn::MeasureResponsiveness(tables);
//   r.mean[0];                      // 4.2
//   r.ci_low[0], r.ci_high[0];      // 3.7, 4.7 (Student's t, 95 %)
#ifndef CARELEARN_ANALYSIS_RESPONSIVENESS_HPP_
#define CARELEARN_ANALYSIS_RESPONSIVENESS_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"

namespace carelearn {

/// How responsiveness is measured.
struct ResponsivenessOptions {
  PeriodGrouping period;     ///< The periods, by the session's planned start.
  double confidence = 0.95;  ///< The interval's confidence level, between 0 and 1.
};

/// Feedback ratings per unit × format × period (the sessions' unit and
/// format), over the feedback of all sessions; sorted by unit, format, then
/// period start. Rows only where someone gave feedback.
struct ResponsivenessTable {
  std::vector<std::string> unit;           ///< The unit that held the sessions.
  std::vector<std::string> format;         ///< The format's id.
  std::vector<std::string> period;         ///< The period's label.
  std::vector<std::int64_t> period_start;  ///< Its first day (days since 1970-01-01).
  std::vector<std::int64_t> raters;        ///< Distinct people who gave a rating.
  std::vector<std::int64_t> ratings;       ///< Ratings given (a person rates each session once).
  std::vector<std::int64_t> rating_1;      ///< Ratings of 1.
  std::vector<std::int64_t> rating_2;      ///< Ratings of 2.
  std::vector<std::int64_t> rating_3;      ///< Ratings of 3.
  std::vector<std::int64_t> rating_4;      ///< Ratings of 4.
  std::vector<std::int64_t> rating_5;      ///< Ratings of 5.
  std::vector<double> mean;                ///< The mean rating.
  std::vector<double> sd;  ///< The sample standard deviation (n − 1); NaN below 2 ratings.
  /// The lower end of the interval mean ± t(1 − α/2, n − 1) · sd / √n; NaN below 2 ratings.
  std::vector<double> ci_low;
  std::vector<double> ci_high;           ///< The upper end.
  std::vector<std::uint8_t> suppressed;  ///< Set by `SuppressSmallCells`.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return unit.size(); }
  /// The columns, in the order above.
  [[nodiscard]] std::vector<ResultColumn> Columns() const { return List<ResultColumn>(*this); }
  /// The columns, writable, for `SuppressSmallCells`.
  [[nodiscard]] std::vector<MutableResultColumn> MutableColumns() {
    return List<MutableResultColumn>(*this);
  }

 private:
  template <typename Column, typename Self>
  static std::vector<Column> List(Self& t) {
    using R = ColumnRole;
    return {{"unit", R::kKey, &t.unit},
            {"format", R::kKey, &t.format},
            {"period", R::kKey, &t.period},
            {"period_start", R::kKey, &t.period_start},
            {"raters", R::kPeople, &t.raters},
            {"ratings", R::kDerived, &t.ratings},
            {"rating_1", R::kPeopleCell, &t.rating_1},
            {"rating_2", R::kPeopleCell, &t.rating_2},
            {"rating_3", R::kPeopleCell, &t.rating_3},
            {"rating_4", R::kPeopleCell, &t.rating_4},
            {"rating_5", R::kPeopleCell, &t.rating_5},
            {"mean", R::kDerived, &t.mean},
            {"sd", R::kDerived, &t.sd},
            {"ci_low", R::kDerived, &t.ci_low},
            {"ci_high", R::kDerived, &t.ci_high},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Feedback ratings of the sessions in `tables`.
///
/// Example:
///
///   carelearn::ResponsivenessTable r = carelearn::MeasureResponsiveness(tables);
[[nodiscard]] ResponsivenessTable MeasureResponsiveness(const SessionTables& tables,
                                                        const ResponsivenessOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_RESPONSIVENESS_HPP_
