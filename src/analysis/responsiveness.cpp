#include "carelearn/analysis/responsiveness.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "analysis/common.hpp"

namespace carelearn {

ResponsivenessTable MeasureResponsiveness(const SessionTables& tables,
                                          const ResponsivenessOptions& options) {
  const SessionsTable& s = tables.sessions;
  const FeedbackTable& feedback = tables.feedback;
  const PeriodGrouping& grouping = options.period;
  const detail::SessionDays days = detail::ComputeSessionDays(s, grouping.zone);
  detail::PeriodTable periods = detail::MakePeriodTable(grouping, days);
  detail::Interner names;
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(s.unit, names);
  const std::vector<std::int32_t> format_ids = detail::InternDictionary(s.format_id, names);

  detail::RowIndex<3> rows;
  std::vector<std::array<std::int64_t, 5>> counts;
  std::vector<std::pair<std::size_t, std::int32_t>> raters;
  for (std::size_t f = 0; f < feedback.size(); ++f) {
    const auto session = static_cast<std::size_t>(feedback.session[f]);
    const int rating = feedback.rating[f];
    if (rating < 1 || rating > 5) continue;
    const std::int32_t unit = detail::IdAt(s.unit, unit_ids, session);
    const std::int32_t format = detail::IdAt(s.format_id, format_ids, session);
    if (unit < 0 || format < 0) continue;
    const std::size_t r = rows.Row({unit, format, periods.Start(days.planned_day[session])});
    if (r == counts.size()) counts.push_back({0, 0, 0, 0, 0});
    ++counts[r][static_cast<std::size_t>(rating - 1)];
    raters.emplace_back(r, feedback.participant.codes[f]);
  }
  detail::SortPairs(raters, rows.size());
  raters.erase(std::unique(raters.begin(), raters.end()), raters.end());
  std::vector<std::int64_t> distinct(rows.size(), 0);
  for (const auto& [row, person] : raters) ++distinct[row];

  ResponsivenessTable t;
  const std::vector<std::size_t> order =
      detail::SortedRows(rows, [&](std::size_t part, std::int64_t a, std::int64_t b) {
        if (part <= 1) {
          return names.Name(static_cast<std::int32_t>(a)) <
                 names.Name(static_cast<std::int32_t>(b));
        }
        return a < b;
      });
  const double alpha = 1 - std::clamp(options.confidence, 1e-9, 1 - 1e-9);
  std::unordered_map<std::int64_t, double> quantiles;
  for (const std::size_t r : order) {
    const auto& k = rows.keys()[r];
    const auto& c = counts[r];
    t.unit.push_back(names.Name(static_cast<std::int32_t>(k[0])));
    t.format.push_back(names.Name(static_cast<std::int32_t>(k[1])));
    t.period.push_back(periods.Label(k[2]));
    t.period_start.push_back(k[2]);
    t.raters.push_back(distinct[r]);
    std::int64_t n = 0;
    double sum = 0;
    for (std::size_t v = 0; v < 5; ++v) {
      n += c[v];
      sum += static_cast<double>(c[v]) * static_cast<double>(v + 1);
    }
    t.ratings.push_back(n);
    t.rating_1.push_back(c[0]);
    t.rating_2.push_back(c[1]);
    t.rating_3.push_back(c[2]);
    t.rating_4.push_back(c[3]);
    t.rating_5.push_back(c[4]);
    const double mean = sum / static_cast<double>(n);
    t.mean.push_back(mean);
    if (n < 2) {
      t.sd.push_back(detail::kNaN);
      t.ci_low.push_back(detail::kNaN);
      t.ci_high.push_back(detail::kNaN);
    } else {
      double squares = 0;
      for (std::size_t v = 0; v < 5; ++v) {
        const double d = static_cast<double>(v + 1) - mean;
        squares += static_cast<double>(c[v]) * d * d;
      }
      const double sd = std::sqrt(squares / static_cast<double>(n - 1));
      // The quantile depends on n only: computed once per n.
      auto q = quantiles.find(n);
      if (q == quantiles.end()) {
        const boost::math::students_t dist(static_cast<double>(n - 1));
        q = quantiles.emplace(n, boost::math::quantile(dist, 1 - alpha / 2)).first;
      }
      const double half = q->second * sd / std::sqrt(static_cast<double>(n));
      t.sd.push_back(sd);
      t.ci_low.push_back(mean - half);
      t.ci_high.push_back(mean + half);
    }
    t.suppressed.push_back(0);
  }
  return t;
}

}  // namespace carelearn
