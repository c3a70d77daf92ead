// Benchmarks of programme expansion (docs/schedule.md reports the figures).
//
// The workload: 1,000 care units (one municipality, 10 areas of 100 units),
// 3 formats each — the biweekly systematic learning meeting, a monthly
// meeting on the first Thursday, and two hours of reading a week — over the
// five years 2026–2030, on the Danish holidays with a summer closure every
// year and a day off of their own for one unit in ten.
//
//   BM_ExpandSharedSeries   one entry per format for all units (units = the municipality)
//   BM_ExpandPerUnitSeries  three entries per unit, each with its own weekday and time
//   BM_NaiveDayScan         the loop a user would write instead: every day of the
//                           five years, for every unit and format, tested against
//                           the rule and the calendar
//   BM_FindConflicts, BM_PlannedHoursPerUnit, BM_ExportICalendar  on the shared programme
//
// Run: cmake -DCARELEARN_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release …;
//      ./bench/carelearn_schedule_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "carelearn/schedule/icalendar.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn {
namespace {

constexpr int kAreas = 10;
constexpr int kUnitsPerArea = 100;
constexpr int kUnits = kAreas * kUnitsPerArea;

std::string UnitId(int i) { return absl::StrCat("unit-", i); }

std::vector<OrgUnit> Organisation() {
  std::vector<OrgUnit> units;
  units.push_back({"municipality", {"Kommunen", "The municipality"}, ""});
  for (int a = 0; a < kAreas; ++a) {
    units.push_back({absl::StrCat("area-", a), {}, "municipality"});
  }
  for (int i = 0; i < kUnits; ++i) {
    units.push_back({UnitId(i), {}, absl::StrCat("area-", i / kUnitsPerArea)});
  }
  return units;
}

RRule Rule(Frequency frequency, int interval, std::vector<WeekdayNum> by_day = {}) {
  RRule rule;
  rule.frequency = frequency;
  rule.interval = interval;
  rule.by_day = std::move(by_day);
  return rule;
}

// The three formats: start, duration and rule.
struct FormatSpec {
  std::string id;
  absl::CivilMinute start;
  absl::Duration duration;
  RRule rule;
  bool flexible;
};

std::vector<FormatSpec> Formats(int stagger) {
  const int day = stagger % 5;  // Monday to Friday
  const int hour = 9 + stagger % 6;
  return {
      {"systematic-learning-meeting", absl::CivilMinute(2026, 1, 5 + day, hour, 0),
       absl::Minutes(30), Rule(Frequency::kWeekly, 2), false},
      {"learning-network-meeting", absl::CivilMinute(2026, 1, 1, 13, 0), absl::Hours(2),
       Rule(Frequency::kMonthly, 1, {{1, static_cast<absl::Weekday>((3 + day) % 5)}}), false},
      {"competence-module-reading", absl::CivilMinute(2026, 1, 5 + (day + 2) % 5, 8, 0),
       absl::Hours(2), Rule(Frequency::kWeekly, 1), true},
  };
}

ProgrammeEntry Entry(const FormatSpec& spec, std::string id, std::vector<std::string> units) {
  ProgrammeEntry e;
  e.id = std::move(id);
  e.format = {spec.id, 1};
  e.units = std::move(units);
  e.recurrence.start = spec.start;
  e.recurrence.duration = spec.duration;
  e.recurrence.rule = spec.rule;
  e.flexible = spec.flexible;
  e.roles = {{"facilitator", 1}, {"colleague", 7}};
  return e;
}

Programme SharedProgramme() {
  Programme p;
  p.id = "bench-shared";
  p.units = Organisation();
  for (const FormatSpec& spec : Formats(0)) {
    p.entries.push_back(Entry(spec, spec.id, {"municipality"}));
  }
  return p;
}

Programme PerUnitProgramme() {
  Programme p;
  p.id = "bench-per-unit";
  p.units = Organisation();
  for (int i = 0; i < kUnits; ++i) {
    for (const FormatSpec& spec : Formats(i)) {
      p.entries.push_back(Entry(spec, absl::StrCat(spec.id, "-", i), {UnitId(i)}));
    }
  }
  return p;
}

WorkCalendar Calendar() {
  WorkCalendar calendar;
  for (int year = 2026; year <= 2030; ++year) {
    (void)calendar.AddClosure(
        {absl::CivilDay(year, 7, 6), absl::CivilDay(year, 7, 24), {"Sommerferie", "Summer"}});
  }
  for (int i = 0; i < kUnits; i += 10) {
    (void)calendar.AddClosure({absl::CivilDay(2027, 3, 1 + i % 28),
                               absl::CivilDay(2027, 3, 1 + i % 28),
                               {"Temadag", "Theme day"},
                               UnitId(i)});
  }
  return calendar;
}

TimeWindow FiveYears() {
  return TimeWindow::Days(absl::CivilDay(2026, 1, 1), absl::CivilDay(2031, 1, 1),
                          CopenhagenTimeZone());
}

// One weekly series over the five years on the calendar: the cost per occurrence.
void BM_ExpandOneSeries(benchmark::State& state) {
  const WorkCalendar calendar = Calendar();
  Recurrence r;
  r.start = absl::CivilMinute(2026, 1, 5, 14, 0);
  r.duration = absl::Minutes(30);
  r.rule = Rule(Frequency::kWeekly, 1);
  const TimeWindow window = FiveYears();
  std::size_t occurrences = 0;
  for (auto _ : state) {
    absl::StatusOr<CalendarExpansion> e = ExpandOnCalendar(r, window, calendar);
    occurrences = e->occurrences.size();
    benchmark::DoNotOptimize(e);
  }
  state.counters["occurrences"] = static_cast<double>(occurrences);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * occurrences));
}
BENCHMARK(BM_ExpandOneSeries)->Unit(benchmark::kMicrosecond);

void BM_ExpandSharedSeries(benchmark::State& state) {
  const Programme p = SharedProgramme();
  const WorkCalendar calendar = Calendar();
  const TimeWindow window = FiveYears();
  std::size_t occurrences = 0;
  for (auto _ : state) {
    absl::StatusOr<Schedule> s = Expand(p, window, calendar);
    occurrences = s->occurrences.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["occurrences"] = static_cast<double>(occurrences);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * occurrences));
}
BENCHMARK(BM_ExpandSharedSeries)->Unit(benchmark::kMillisecond);

void BM_ExpandPerUnitSeries(benchmark::State& state) {
  const Programme p = PerUnitProgramme();
  const WorkCalendar calendar = Calendar();
  const TimeWindow window = FiveYears();
  std::size_t occurrences = 0;
  for (auto _ : state) {
    absl::StatusOr<Schedule> s = Expand(p, window, calendar);
    occurrences = s->occurrences.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["occurrences"] = static_cast<double>(occurrences);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * occurrences));
}
BENCHMARK(BM_ExpandPerUnitSeries)->Unit(benchmark::kMillisecond);

// The alternative a user would write: walk every day, test the rule and the
// calendar, and convert the matches. Same output (unit, format, start, end).
struct NaiveOccurrence {
  int unit;
  int format;
  absl::Time start;
  absl::Time end;
};

bool NaiveMatches(const FormatSpec& spec, absl::CivilDay day) {
  const absl::CivilDay first(spec.start);
  if (day < first) return false;
  const absl::Weekday weekday = absl::GetWeekday(day);
  if (spec.rule.frequency == Frequency::kMonthly) {
    return weekday == spec.rule.by_day[0].weekday && day.day() <= 7;
  }
  if (weekday != absl::GetWeekday(first)) return false;
  return ((day - first) / 7) % spec.rule.interval == 0;
}

void BM_NaiveDayScan(benchmark::State& state) {
  const Programme p = SharedProgramme();
  const WorkCalendar calendar = Calendar();
  const std::vector<FormatSpec> formats = Formats(0);
  const absl::TimeZone zone = CopenhagenTimeZone();
  std::vector<std::vector<std::string>> chains(kUnits);
  for (int i = 0; i < kUnits; ++i) {
    chains[i] = {UnitId(i), absl::StrCat("area-", i / kUnitsPerArea), "municipality"};
  }
  std::size_t occurrences = 0;
  for (auto _ : state) {
    std::vector<NaiveOccurrence> out;
    for (int u = 0; u < kUnits; ++u) {
      for (int f = 0; f < static_cast<int>(formats.size()); ++f) {
        const FormatSpec& spec = formats[f];
        for (absl::CivilDay d(2026, 1, 1); d < absl::CivilDay(2031, 1, 1); ++d) {
          if (!NaiveMatches(spec, d) || calendar.IsClosed(d, chains[u])) continue;
          const absl::Time start =
              zone.At(absl::CivilSecond(d.year(), d.month(), d.day(), spec.start.hour(),
                                        spec.start.minute(), 0))
                  .pre;
          out.push_back({u, f, start, start + spec.duration});
        }
      }
    }
    std::sort(out.begin(), out.end(), [](const NaiveOccurrence& a, const NaiveOccurrence& b) {
      return a.start != b.start ? a.start < b.start : a.unit < b.unit;
    });
    occurrences = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["occurrences"] = static_cast<double>(occurrences);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * occurrences));
}
BENCHMARK(BM_NaiveDayScan)->Unit(benchmark::kMillisecond);

void BM_FindConflicts(benchmark::State& state) {
  const absl::StatusOr<Schedule> s = Expand(SharedProgramme(), FiveYears(), Calendar());
  for (auto _ : state) benchmark::DoNotOptimize(FindConflicts(*s));
}
BENCHMARK(BM_FindConflicts)->Unit(benchmark::kMillisecond);

void BM_PlannedHoursPerUnit(benchmark::State& state) {
  const absl::StatusOr<Schedule> s = Expand(SharedProgramme(), FiveYears(), Calendar());
  for (auto _ : state) benchmark::DoNotOptimize(PlannedHoursPerUnit(*s));
}
BENCHMARK(BM_PlannedHoursPerUnit)->Unit(benchmark::kMillisecond);

void BM_ExportICalendarSeries(benchmark::State& state) {
  const Programme p = SharedProgramme();
  const WorkCalendar calendar = Calendar();
  IcsOptions options;
  options.stamp = absl::UnixEpoch();
  std::size_t bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<std::string> ics = ExportICalendar(p, FiveYears(), calendar, options);
    bytes = ics->size();
    benchmark::DoNotOptimize(ics);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ExportICalendarSeries)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace carelearn

BENCHMARK_MAIN();
