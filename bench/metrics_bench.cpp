// Benchmarks of the evaluator's measures on a million sessions (docs/metrics.md
// reports the figures).
//
// The workload, generated before timing starts (the measures run "after
// loading"): 4,000 units in 40 municipalities, each holding the systematic
// learning meeting every other week at 14:00 over the ten years 2016–2025 on
// the Danish holidays (about 1,040,000 planned occurrences); of those 85 %
// held, 10 % cancelled (reasons drawn at random) and 5 % not recorded, plus an
// unplanned meeting after 2 % of them: about 1,000,000 sessions. Each unit
// has 12 staff on the roster (48,000 people; one in twenty moves unit on
// 2020-07-01). A held meeting has 6 participants (a facilitator and five
// colleagues; one visitor from the next unit in twenty meetings), its five
// steps timed around their budgets (one meeting in twenty with two steps
// swapped), three of the eight learning questions, one to three learning
// points, an action in three meetings of ten (most taken up, some done),
// and three ratings. The tables are filled directly, column by column, as a
// reader fills them; the text and unused columns are left empty.
//
// Each benchmark runs its measure once (one iteration) on one core;
// BM_AllMeasures runs every measure once (link and cadence, reach, dose,
// fidelity per unit × format × month and per step, outcomes, responsiveness,
// the circle matrix and the circle shares), the figure the 5-second goal is
// about.
//
// Run: cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARELEARN_BUILD_BENCH=ON
//      cmake --build build/bench --target carelearn_metrics_bench
//      ./build/bench/bench/carelearn_metrics_bench --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "carelearn/analysis/metrics.hpp"
#include "carelearn/record/roster.hpp"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn {
namespace {

constexpr int kMunicipalities = 40;
constexpr int kUnitsPerMunicipality = 100;
constexpr int kUnits = kMunicipalities * kUnitsPerMunicipality;
constexpr int kStaffPerUnit = 12;
constexpr int kPeoplePerMeeting = 6;
constexpr std::int64_t kMinute = 60'000'000;

std::string MunicipalityId(int m) { return absl::StrFormat("m%02d", m); }
std::string UnitId(int u) { return absl::StrFormat("m%02d-u%04d", u / kUnitsPerMunicipality, u); }

// Appends `value`'s code to `column`, adding it to the dictionary the first time.
class Coder {
 public:
  explicit Coder(DictionaryColumn& column) : column_(column) {}
  void Add(std::int32_t code) { column_.codes.push_back(code); }
  std::int32_t Code(const std::string& value) {
    auto [it, added] = codes_.emplace(value, static_cast<std::int32_t>(codes_.size()));
    if (added) column_.dictionary.push_back(value);
    return it->second;
  }

 private:
  DictionaryColumn& column_;
  std::unordered_map<std::string, std::int32_t> codes_;
};

void AddString(StringColumn& column, const std::string& value) {
  column.data += value;
  column.offsets.push_back(static_cast<std::int64_t>(column.data.size()));
  column.valid.push_back(1);
}

struct World {
  Programme programme;
  Schedule schedule;
  Roster roster;
  SessionTables tables;
};

Programme MakeProgramme() {
  Programme p;
  p.id = "bench";
  for (int m = 0; m < kMunicipalities; ++m) p.units.push_back({MunicipalityId(m), {}, ""});
  for (int u = 0; u < kUnits; ++u) {
    p.units.push_back({UnitId(u), {}, MunicipalityId(u / kUnitsPerMunicipality)});
  }
  // Four entries of ten municipalities each, on Monday to Thursday.
  for (int k = 0; k < 4; ++k) {
    ProgrammeEntry e;
    e.id = absl::StrCat("meeting-", k);
    e.format = {"systematic-learning-meeting", 1};
    for (int m = k * 10; m < k * 10 + 10; ++m) e.units.push_back(MunicipalityId(m));
    e.recurrence.start = absl::CivilMinute(2016, 1, 4 + k, 14, 0);
    e.recurrence.duration = absl::Minutes(30);
    e.recurrence.rule = *ParseRRule("FREQ=WEEKLY;INTERVAL=2");
    p.entries.push_back(e);
  }
  return p;
}

World MakeWorld() {
  World w;
  w.programme = MakeProgramme();
  const absl::TimeZone cph = CopenhagenTimeZone();
  w.schedule = *Expand(
      w.programme, TimeWindow::Days(absl::CivilDay(2016, 1, 1), absl::CivilDay(2026, 1, 1), cph),
      WorkCalendar());
  std::mt19937_64 random(20260319);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);

  // The roster: 12 per unit; one in twenty moves on 2020-07-01.
  std::vector<std::string> person_ids;
  for (int u = 0; u < kUnits; ++u) {
    for (int k = 0; k < kStaffPerUnit; ++k) {
      const std::string id = absl::StrFormat("p%06d", u * kStaffPerUnit + k);
      person_ids.push_back(id);
      const std::string profession = k < 4 ? "nurse" : "social-and-health-assistant";
      const auto shift = static_cast<Shift>(1 + k % 3);
      if (uniform(random) < 0.05) {
        w.roster.members.push_back({id, UnitId(u), profession, shift, absl::CivilDay(2015, 1, 1),
                                    absl::CivilDay(2020, 6, 30)});
        w.roster.members.push_back({id, UnitId((u + 7) % kUnits), profession, shift,
                                    absl::CivilDay(2020, 7, 1), std::nullopt});
      } else {
        w.roster.members.push_back(
            {id, UnitId(u), profession, shift, absl::CivilDay(2015, 1, 1), std::nullopt});
      }
    }
  }

  SessionTables& t = w.tables;
  SessionsTable& s = t.sessions;
  s.status.dictionary = {"held", "cancelled"};
  s.cancel_reason.dictionary = {"staffing", "workload", "no-facilitator", "holiday", "other"};
  t.participants.shift.dictionary = {"unspecified", "day", "evening", "night"};
  t.actions.status.dictionary = {"open", "in-progress", "done", "dropped"};
  t.action_changes.status.dictionary = t.actions.status.dictionary;
  Coder units(s.unit);
  Coder formats(s.format_id);
  Coder people(t.participants.person);
  Coder roles(t.participants.role);
  Coder participant_units(t.participants.unit);
  Coder professions(t.participants.profession);
  Coder steps(t.steps.step);
  Coder prompt_steps(t.prompts.step);
  Coder questions(t.prompts.question);
  Coder action_ids(t.actions.action);
  Coder feedback_people(t.feedback.participant);
  const std::int32_t meeting = formats.Code("systematic-learning-meeting");
  const std::int32_t facilitator = roles.Code("facilitator");
  const std::int32_t colleague = roles.Code("colleague");
  const std::array<std::string, 5> step_ids{"case", "learning-questions", "case-learning", "round",
                                            "joint-reflection"};
  const std::array<double, 5> step_minutes{5, 10, 1.5, 6, 5};
  std::array<std::int32_t, 5> step_codes{};
  for (std::size_t k = 0; k < 5; ++k) step_codes[k] = steps.Code(step_ids[k]);
  const std::array<std::string, 8> question_ids{
      "biggest-challenge", "easy-or-fun",        "roles",          "relationships",
      "missing-knowledge", "decision-authority", "do-differently", "most-important-learning"};
  const std::int32_t question_step = prompt_steps.Code("learning-questions");
  std::vector<std::int32_t> unit_codes(kUnits);
  std::vector<std::int32_t> participant_unit_codes(kUnits);
  for (int u = 0; u < kUnits; ++u) {
    unit_codes[static_cast<std::size_t>(u)] = units.Code(UnitId(u));
    participant_unit_codes[static_cast<std::size_t>(u)] = participant_units.Code(UnitId(u));
  }
  const std::int32_t nurse = professions.Code("nurse");
  const std::int32_t assistant = professions.Code("social-and-health-assistant");

  std::int64_t row = 0;
  std::int64_t action_row = 0;
  const auto add_session = [&](int u, std::int64_t planned, bool held) {
    const std::int32_t session = static_cast<std::int32_t>(row++);
    AddString(s.id, absl::StrCat("s", session));
    units.Add(unit_codes[static_cast<std::size_t>(u)]);
    formats.Add(meeting);
    s.format_version.push_back(1);
    s.planned_start.push_back(planned);
    if (!held) {
      s.actual_start.push_back(kNullTimestamp);
      s.actual_end.push_back(kNullTimestamp);
      s.status.codes.push_back(1);
      s.cancel_reason.codes.push_back(static_cast<std::int32_t>(random() % 5));
      for (auto* count :
           {&s.participant_count, &s.step_count, &s.prompt_count, &s.learning_point_count,
            &s.action_count, &s.feedback_count, &s.note_count}) {
        count->push_back(0);
      }
      return;
    }
    const std::int64_t start = planned + static_cast<std::int64_t>(random() % 6) * kMinute;
    s.status.codes.push_back(0);
    s.cancel_reason.codes.push_back(kNullCode);
    s.actual_start.push_back(start);
    // Participants: a facilitator and five colleagues from the unit's 12; now and then a visitor.
    const int first = static_cast<int>(random() % kStaffPerUnit);
    for (int k = 0; k < kPeoplePerMeeting; ++k) {
      const bool visitor = k == kPeoplePerMeeting - 1 && random() % 20 == 0;
      const int home = visitor ? (u + 1) % kUnits : u;
      const int staff = (first + k * 5) % kStaffPerUnit;
      t.participants.session.push_back(session);
      t.participants.position.push_back(k);
      people.Add(people.Code(person_ids[static_cast<std::size_t>(home * kStaffPerUnit + staff)]));
      roles.Add(k == 0 ? facilitator : colleague);
      participant_units.Add(participant_unit_codes[static_cast<std::size_t>(home)]);
      professions.Add(staff < 4 ? nurse : assistant);
      t.participants.shift.codes.push_back(1 + staff % 3);
    }
    // Steps, now and then with two swapped.
    std::array<std::size_t, 5> order{0, 1, 2, 3, 4};
    if (random() % 20 == 0) std::swap(order[1], order[2]);
    std::int64_t at = start;
    for (std::size_t k = 0; k < 5; ++k) {
      const double minutes = step_minutes[order[k]] * (0.8 + 0.4 * uniform(random));
      const auto length = static_cast<std::int64_t>(minutes * static_cast<double>(kMinute));
      t.steps.session.push_back(session);
      t.steps.position.push_back(static_cast<std::int32_t>(k));
      steps.Add(step_codes[order[k]]);
      t.steps.start.push_back(at);
      t.steps.end.push_back(at + length);
      t.steps.minutes.push_back(static_cast<double>(length) / static_cast<double>(kMinute));
      at += length;
    }
    s.actual_end.push_back(at);
    for (int k = 0; k < 3; ++k) {
      t.prompts.session.push_back(session);
      prompt_steps.Add(question_step);
      questions.Add(questions.Code(question_ids[random() % 8]));
    }
    const auto points = static_cast<std::int32_t>(1 + random() % 3);
    // An action in three meetings of ten: open, in progress a week later, done a month after.
    std::int32_t actions = 0;
    if (random() % 10 < 3) {
      actions = 1;
      t.actions.session.push_back(session);
      t.actions.position.push_back(0);
      action_ids.Add(action_ids.Code("a1"));
      t.actions.step.codes.push_back(kNullCode);
      t.actions.owner.codes.push_back(kNullCode);
      t.actions.due.push_back(
          static_cast<std::int32_t>(at / (std::int64_t{86'400} * 1'000'000) + 30));
      t.actions.proposed_at.push_back(at);
      std::int32_t status = 0;
      std::int64_t started = kNullTimestamp;
      std::int64_t done = kNullTimestamp;
      const auto change = [&](std::int32_t to, std::int64_t when, std::int32_t position) {
        t.action_changes.session.push_back(session);
        t.action_changes.action.push_back(static_cast<std::int32_t>(action_row));
        t.action_changes.position.push_back(position);
        t.action_changes.status.codes.push_back(to);
        t.action_changes.at.push_back(when);
      };
      change(0, at, 0);
      if (random() % 10 < 6) {
        status = 1;
        started = at + 7 * 24 * 60 * kMinute;
        change(1, started, 1);
        if (random() % 10 < 4) {
          status = 2;
          done = started + 30 * 24 * 60 * kMinute;
          change(2, done, 2);
        }
      }
      t.actions.status.codes.push_back(status);
      t.actions.started_at.push_back(started);
      t.actions.done_at.push_back(done);
      t.actions.dropped_at.push_back(kNullTimestamp);
      ++action_row;
    }
    const std::size_t first_participant = t.participants.size() - kPeoplePerMeeting;
    for (std::size_t k = 0; k < 3; ++k) {
      t.feedback.session.push_back(session);
      t.feedback.step.codes.push_back(kNullCode);
      const std::int32_t person = t.participants.person.codes[first_participant + k];
      feedback_people.Add(
          feedback_people.Code(t.participants.person.dictionary[static_cast<std::size_t>(person)]));
      t.feedback.rating.push_back(static_cast<std::int8_t>(1 + random() % 5));
    }
    s.participant_count.push_back(kPeoplePerMeeting);
    s.step_count.push_back(5);
    s.prompt_count.push_back(3);
    s.learning_point_count.push_back(points);
    s.action_count.push_back(actions);
    s.feedback_count.push_back(3);
    s.note_count.push_back(0);
  };
  for (const ScheduledOccurrence& o : w.schedule.occurrences) {
    const double r = uniform(random);
    const int u = std::stoi(std::string(w.schedule.unit_id(o).substr(5)));
    const std::int64_t planned = absl::ToUnixMicros(o.start);
    if (r >= 0.05) add_session(u, planned, r >= 0.15);
    if (uniform(random) < 0.02) add_session(u, planned + 3 * 24 * 60 * kMinute, true);
  }
  return w;
}

const World& TheWorld() {
  static const World* const world = new World(MakeWorld());
  return *world;
}

void Report(benchmark::State& state) {
  const World& w = TheWorld();
  state.counters["sessions"] = static_cast<double>(w.tables.sessions.size());
  state.counters["occurrences"] = static_cast<double>(w.schedule.occurrences.size());
  state.counters["participants"] = static_cast<double>(w.tables.participants.size());
}

void BM_LinkAndCadence(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureCadence(w.tables, w.schedule));
  Report(state);
}
void BM_Reach(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureReach(w.tables, w.roster));
  Report(state);
}
void BM_Dose(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureDose(w.tables, w.roster, &w.schedule));
  Report(state);
}
void BM_Fidelity(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureFidelity(w.tables));
  Report(state);
}
void BM_StepFidelity(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureStepFidelity(w.tables));
  Report(state);
}
void BM_Outcomes(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureOutcomes(w.tables));
  Report(state);
}
void BM_Responsiveness(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureResponsiveness(w.tables));
  Report(state);
}
void BM_CircleMatrix(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureCircleMatrix(w.tables));
  Report(state);
}
void BM_Circles(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) benchmark::DoNotOptimize(MeasureCircles(w.tables));
  Report(state);
}
void BM_AllMeasures(benchmark::State& state) {
  const World& w = TheWorld();
  for (auto _ : state) {
    benchmark::DoNotOptimize(MeasureCadence(w.tables, w.schedule));
    benchmark::DoNotOptimize(MeasureReach(w.tables, w.roster));
    benchmark::DoNotOptimize(MeasureDose(w.tables, w.roster, &w.schedule));
    benchmark::DoNotOptimize(MeasureFidelity(w.tables));
    benchmark::DoNotOptimize(MeasureStepFidelity(w.tables));
    benchmark::DoNotOptimize(MeasureOutcomes(w.tables));
    benchmark::DoNotOptimize(MeasureResponsiveness(w.tables));
    benchmark::DoNotOptimize(MeasureCircleMatrix(w.tables));
    benchmark::DoNotOptimize(MeasureCircles(w.tables));
  }
  Report(state);
}

BENCHMARK(BM_LinkAndCadence)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Reach)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Dose)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Fidelity)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_StepFidelity)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Outcomes)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Responsiveness)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_CircleMatrix)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Circles)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_AllMeasures)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace carelearn

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  (void)carelearn::TheWorld();  // generate before any timing
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
