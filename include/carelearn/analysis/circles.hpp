// carelearn/analysis/circles.hpp
//
// Defines the learning-circle measures: who learnt with whom across units,
// shifts and municipalities (the cross-municipal learning network's
// "learning circles across departments, care centres, shifts and
// municipalities"). `MeasureCircleMatrix` gives the unit × unit matrix of
// co-participation (people of unit A in sessions held by unit B) as a long
// table; `MeasureCircles` the share of participation that crosses units,
// shifts and municipalities per period, and its change from the period
// before. docs/metrics.md defines them.
//
// A participation is one person taking part in one session that took place
// (held, or cancelled part-way after it began). The person's unit, shift
// and profession are those the session records for them.
//
// Example:
//
//   carelearn::CircleOptions options;
//   options.period.kind = carelearn::PeriodKind::kQuarter;
//   options.municipality = carelearn::MunicipalitiesOf(programme);
//   carelearn::CircleTable c = carelearn::MeasureCircles(tables, options);
//   c.cross_unit_share[1];   // 0.18
//   c.cross_unit_change[1];  // +0.05 against the quarter before
#ifndef CARELEARN_ANALYSIS_CIRCLES_HPP_
#define CARELEARN_ANALYSIS_CIRCLES_HPP_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "carelearn/analysis/result.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/schedule/programme.hpp"

namespace carelearn {

/// How learning circles are measured.
struct CircleOptions {
  PeriodGrouping period;  ///< The periods, by the day the session took place.
  /// The municipality of each unit id. A unit not in the map belongs to the
  /// municipality named by its id up to the first '-' ("hoersholm-egely" →
  /// "hoersholm"; an id without '-' is its own municipality).
  std::map<std::string, std::string, std::less<>> municipality;
};

/// The municipality of `unit` under `options`: the map's, else the id's prefix.
///
/// Example:
///
///   carelearn::MunicipalityOf("rudersdal-bistrup", {});  // "rudersdal"
[[nodiscard]] std::string MunicipalityOf(std::string_view unit, const CircleOptions& options);

/// Each unit of `programme` mapped to its top ancestor (the unit without a
/// parent above it): the municipality when the programme's organisation
/// starts at the municipalities.
///
/// Example:
///
///   options.municipality = carelearn::MunicipalitiesOf(programme);  // egely → hoersholm
[[nodiscard]] std::map<std::string, std::string, std::less<>> MunicipalitiesOf(
    const Programme& programme);

/// Co-participation per period × participant unit × host unit: how many
/// people of one unit took part in sessions held by another (or their own,
/// on the diagonal). Sorted by period start, participant unit, host unit;
/// only pairs with participation.
struct CircleMatrixTable {
  std::vector<std::string> period;            ///< The period's label.
  std::vector<std::int64_t> period_start;     ///< Its first day (days since 1970-01-01).
  std::vector<std::string> participant_unit;  ///< The unit the participants belong to (A).
  std::vector<std::string> host_unit;         ///< The unit that held the sessions (B).
  std::vector<std::int64_t> people;           ///< Distinct people of A in B's sessions.
  std::vector<std::int64_t> participations;   ///< Participations of A's people in B's sessions.
  std::vector<std::int64_t> sessions;         ///< B's sessions with someone of A.
  std::vector<std::uint8_t> suppressed;       ///< Set by `SuppressSmallCells`.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return period.size(); }
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
    return {{"period", R::kKey, &t.period},
            {"period_start", R::kKey, &t.period_start},
            {"participant_unit", R::kKey, &t.participant_unit},
            {"host_unit", R::kKey, &t.host_unit},
            {"people", R::kPeople, &t.people},
            {"participations", R::kDerived, &t.participations},
            {"sessions", R::kValue, &t.sessions},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// The unit × unit matrix of the sessions in `tables`.
///
/// Example:
///
///   carelearn::CircleMatrixTable m = carelearn::MeasureCircleMatrix(tables);
[[nodiscard]] CircleMatrixTable MeasureCircleMatrix(const SessionTables& tables,
                                                    const CircleOptions& options = {});

/// Crossing participation per period, sorted by period start.
struct CircleTable {
  std::vector<std::string> period;           ///< The period's label.
  std::vector<std::int64_t> period_start;    ///< Its first day (days since 1970-01-01).
  std::vector<std::int64_t> sessions;        ///< Sessions that took place.
  std::vector<std::int64_t> people;          ///< Distinct people who took part.
  std::vector<std::int64_t> participations;  ///< Participations in all.
  /// Participations in a session held by another unit than the person's.
  std::vector<std::int64_t> cross_unit;
  std::vector<double> cross_unit_share;  ///< cross_unit / participations.
  /// cross_unit_share − the previous row's (the latest earlier period with
  /// participation); NaN for the first row.
  std::vector<double> cross_unit_change;
  /// Participations with a known shift (not "unspecified").
  std::vector<std::int64_t> shift_known;
  /// Of those, in a session where someone else has another known shift.
  std::vector<std::int64_t> cross_shift;
  std::vector<double> cross_shift_share;  ///< cross_shift / shift_known.
  /// Participations in a session held by a unit of another municipality.
  std::vector<std::int64_t> cross_municipality;
  std::vector<double> cross_municipality_share;  ///< cross_municipality / participations.
  /// Sessions whose participants come from two or more units.
  std::vector<std::int64_t> mixed_unit_sessions;
  std::vector<std::uint8_t> suppressed;  ///< Set by `SuppressSmallCells`.

  /// The number of rows.
  [[nodiscard]] std::size_t size() const { return period.size(); }
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
    return {{"period", R::kKey, &t.period},
            {"period_start", R::kKey, &t.period_start},
            {"sessions", R::kValue, &t.sessions},
            {"people", R::kPeople, &t.people},
            {"participations", R::kDerived, &t.participations},
            {"cross_unit", R::kDerived, &t.cross_unit},
            {"cross_unit_share", R::kDerived, &t.cross_unit_share},
            {"cross_unit_change", R::kDerived, &t.cross_unit_change},
            {"shift_known", R::kDerived, &t.shift_known},
            {"cross_shift", R::kDerived, &t.cross_shift},
            {"cross_shift_share", R::kDerived, &t.cross_shift_share},
            {"cross_municipality", R::kDerived, &t.cross_municipality},
            {"cross_municipality_share", R::kDerived, &t.cross_municipality_share},
            {"mixed_unit_sessions", R::kValue, &t.mixed_unit_sessions},
            {"suppressed", R::kFlag, &t.suppressed}};
  }
};

/// Crossing participation of the sessions in `tables`, per period.
///
/// Example:
///
///   carelearn::CircleTable c = carelearn::MeasureCircles(tables);
[[nodiscard]] CircleTable MeasureCircles(const SessionTables& tables,
                                         const CircleOptions& options = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_CIRCLES_HPP_
