#include "carelearn/analysis/circles.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/common.hpp"
#include "analysis/roster_index.hpp"

namespace carelearn {
namespace {

// Participation as the circle measures see it, computed once for both.
struct CircleData {
  detail::Interner names;
  std::vector<std::int32_t> host;          // per session: interned unit, -1 when missing
  std::vector<std::int32_t> unit_of;       // per participant row: interned unit, -1 when missing
  std::vector<std::int32_t> municipality;  // per interned name: interned municipality
  std::vector<std::int64_t> period;        // per session: period start
  detail::SessionDays days;
  detail::ByParent people;  // participant rows by session
};

CircleData Prepare(const SessionTables& tables, const CircleOptions& options) {
  const SessionsTable& s = tables.sessions;
  CircleData p;
  const std::vector<std::int32_t> hosts = detail::InternDictionary(s.unit, p.names);
  const std::vector<std::int32_t> units =
      detail::InternDictionary(tables.participants.unit, p.names);
  p.host.resize(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) p.host[i] = detail::IdAt(s.unit, hosts, i);
  p.unit_of.resize(tables.participants.size());
  for (std::size_t r = 0; r < p.unit_of.size(); ++r) {
    p.unit_of[r] = detail::IdAt(tables.participants.unit, units, r);
  }
  const std::size_t unit_names = p.names.size();
  p.municipality.resize(unit_names);
  for (std::size_t u = 0; u < unit_names; ++u) {
    p.municipality[u] =
        p.names.Id(MunicipalityOf(p.names.Name(static_cast<std::int32_t>(u)), options));
  }
  p.days = detail::ComputeSessionDays(s, options.period.zone);
  p.period = detail::SessionPeriods(options.period, p.days);
  p.people = detail::GroupByParent(tables.participants.session, s.size());
  return p;
}

}  // namespace

std::string MunicipalityOf(std::string_view unit, const CircleOptions& options) {
  if (auto it = options.municipality.find(unit); it != options.municipality.end()) {
    return it->second;
  }
  return std::string(unit.substr(0, unit.find('-')));
}

std::map<std::string, std::string, std::less<>> MunicipalitiesOf(const Programme& programme) {
  std::map<std::string, std::string, std::less<>> out;
  for (const OrgUnit& unit : programme.units) {
    const OrgUnit* top = &unit;
    // Parents cannot lead back to a unit in a valid programme; the bound keeps
    // an invalid one from looping.
    for (std::size_t steps = 0; !top->parent.empty() && steps < programme.units.size(); ++steps) {
      const OrgUnit* parent = programme.FindUnit(top->parent);
      if (parent == nullptr) break;
      top = parent;
    }
    out[unit.id] = top->id;
  }
  return out;
}

CircleMatrixTable MeasureCircleMatrix(const SessionTables& tables, const CircleOptions& options) {
  const CircleData p = Prepare(tables, options);
  const ParticipantsTable& part = tables.participants;
  detail::RowIndex<3> rows;  // period start, participant unit, host unit
  std::vector<std::int64_t> participations;
  std::vector<std::pair<std::uint32_t, std::int32_t>> people;
  std::vector<std::int64_t> session_count;
  std::vector<std::size_t> touched;  // the rows one session adds to
  const std::int32_t none = -1;
  for (std::size_t i = 0; i < tables.sessions.size(); ++i) {
    if (p.days.took_place[i] == 0 || p.host[i] < 0) continue;
    touched.clear();
    for (const std::size_t r : p.people.Of(i)) {
      const std::size_t row =
          rows.Row({p.period[i], p.unit_of[r] < 0 ? none : p.unit_of[r], std::int64_t{p.host[i]}});
      if (row == participations.size()) {
        participations.push_back(0);
        session_count.push_back(0);
      }
      ++participations[row];
      people.emplace_back(static_cast<std::uint32_t>(row), part.person.codes[r]);
      touched.push_back(row);
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (const std::size_t row : touched) ++session_count[row];
  }
  detail::SortPairs(people, rows.size());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  std::vector<std::int64_t> people_count(rows.size(), 0);
  for (const auto& [row, person] : people) ++people_count[row];
  const auto name = [&](std::int64_t id) {
    return id < 0 ? std::string() : p.names.Name(static_cast<std::int32_t>(id));
  };
  const std::vector<std::size_t> order =
      detail::SortedRows(rows, [&](std::size_t k, std::int64_t a, std::int64_t b) {
        return k == 0 ? a < b : name(a) < name(b);
      });
  CircleMatrixTable t;
  detail::PeriodTable labels(options.period, 0, -1);
  for (const std::size_t r : order) {
    const auto& k = rows.keys()[r];
    t.period.push_back(labels.Label(k[0]));
    t.period_start.push_back(k[0]);
    t.participant_unit.push_back(name(k[1]));
    t.host_unit.push_back(name(k[2]));
    t.people.push_back(people_count[r]);
    t.participations.push_back(participations[r]);
    t.sessions.push_back(session_count[r]);
    t.suppressed.push_back(0);
  }
  return t;
}

CircleTable MeasureCircles(const SessionTables& tables, const CircleOptions& options) {
  const CircleData p = Prepare(tables, options);
  const ParticipantsTable& part = tables.participants;
  struct Sums {
    std::int64_t sessions = 0;
    std::int64_t participations = 0;
    std::int64_t cross_unit = 0;
    std::int64_t shift_known = 0;
    std::int64_t cross_shift = 0;
    std::int64_t cross_municipality = 0;
    std::int64_t mixed = 0;
  };
  detail::RowIndex<1> rows;
  std::vector<Sums> sums;
  std::vector<std::pair<std::uint32_t, std::int32_t>> people;
  for (std::size_t i = 0; i < tables.sessions.size(); ++i) {
    if (p.days.took_place[i] == 0) continue;
    const std::size_t row = rows.Row({p.period[i]});
    if (row == sums.size()) sums.emplace_back();
    Sums& a = sums[row];
    ++a.sessions;
    const std::int32_t host = p.host[i];
    std::int32_t first_unit = -1;
    bool mixed = false;
    std::uint32_t shifts = 0;  // bit per known shift
    std::int64_t known = 0;
    for (const std::size_t r : p.people.Of(i)) {
      ++a.participations;
      people.emplace_back(static_cast<std::uint32_t>(row), part.person.codes[r]);
      const std::int32_t unit = p.unit_of[r];
      if (unit >= 0) {
        if (first_unit < 0) first_unit = unit;
        mixed = mixed || unit != first_unit;
        if (host >= 0 && unit != host) {
          ++a.cross_unit;
          if (p.municipality[static_cast<std::size_t>(unit)] !=
              p.municipality[static_cast<std::size_t>(host)]) {
            ++a.cross_municipality;
          }
        }
      }
      const std::int32_t shift = part.shift.codes[r];
      if (shift >= 1 && shift <= 3) {
        ++known;
        shifts |= 1U << static_cast<unsigned>(shift);
      }
    }
    a.shift_known += known;
    // With two or more known shifts in the session, everyone with a known
    // shift met someone of another shift.
    if ((shifts & (shifts - 1)) != 0) a.cross_shift += known;
    a.mixed += mixed ? 1 : 0;
  }
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  std::vector<std::int64_t> people_count(rows.size(), 0);
  for (const auto& [row, person] : people) ++people_count[row];
  const std::vector<std::size_t> order =
      detail::SortedRows(rows, [](std::size_t, std::int64_t a, std::int64_t b) { return a < b; });
  CircleTable t;
  detail::PeriodTable labels(options.period, 0, -1);
  for (const std::size_t r : order) {
    const auto& k = rows.keys()[r];
    const Sums& a = sums[r];
    const auto n = static_cast<double>(a.participations);
    t.period.push_back(labels.Label(k[0]));
    t.period_start.push_back(k[0]);
    t.sessions.push_back(a.sessions);
    t.people.push_back(people_count[r]);
    t.participations.push_back(a.participations);
    t.cross_unit.push_back(a.cross_unit);
    const double share = detail::Share(static_cast<double>(a.cross_unit), n);
    t.cross_unit_change.push_back(t.cross_unit_share.empty() ? detail::kNaN
                                                             : share - t.cross_unit_share.back());
    t.cross_unit_share.push_back(share);
    t.shift_known.push_back(a.shift_known);
    t.cross_shift.push_back(a.cross_shift);
    t.cross_shift_share.push_back(
        detail::Share(static_cast<double>(a.cross_shift), static_cast<double>(a.shift_known)));
    t.cross_municipality.push_back(a.cross_municipality);
    t.cross_municipality_share.push_back(
        detail::Share(static_cast<double>(a.cross_municipality), n));
    t.mixed_unit_sessions.push_back(a.mixed);
    t.suppressed.push_back(0);
  }
  return t;
}

}  // namespace carelearn
