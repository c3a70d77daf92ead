#include "carelearn/analysis/simulate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "analysis/simulate_organisation.hpp"
#include "analysis/simulate_sessions.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/io/programme_json.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/record/check.hpp"
#include "carelearn/schedule/holidays.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/store/store.hpp"
#include "store/temp_dir.hpp"

namespace carelearn {
namespace {

using ::testing::HasSubstr;

// A simulation kept in memory: its sessions and the result.
struct SimRun {
  Simulation sim;
  std::vector<Session> sessions;
  std::string jsonl;
};

// Collects the sessions it is given.
class Collect final : public SessionSink {
 public:
  explicit Collect(std::vector<Session>& into) : into_(&into) {}
  absl::Status Add(const Session& session) override {
    into_->push_back(session);
    return absl::OkStatus();
  }

 private:
  std::vector<Session>* into_;
};

// Gives each session to two sinks.
class Both final : public SessionSink {
 public:
  Both(SessionSink& a, SessionSink& b) : a_(&a), b_(&b) {}
  absl::Status Add(const Session& s) override {
    if (absl::Status st = a_->Add(s); !st.ok()) return st;
    return b_->Add(s);
  }
  absl::Status Flush() override {
    if (absl::Status st = a_->Flush(); !st.ok()) return st;
    return b_->Flush();
  }

 private:
  SessionSink* a_;
  SessionSink* b_;
};

SimRun MustSimulate(const SimulationOptions& options) {
  SimRun run;
  std::ostringstream out;
  JsonLinesSink lines(out);
  Collect collect(run.sessions);
  Both both(lines, collect);
  absl::StatusOr<Simulation> sim = Simulate(options, both);
  EXPECT_TRUE(sim.ok()) << sim.status();
  if (sim.ok()) run.sim = *std::move(sim);
  run.jsonl = out.str();
  return run;
}

// The default run (12 units, 2026), made once.
const SimRun& Default() {
  static const SimRun* const run = new SimRun(MustSimulate(SimulationOptions()));
  return *run;
}

absl::CivilDay LocalDay(absl::Time t) { return absl::ToCivilDay(t, CopenhagenTimeZone()); }

std::string RosterCsv(const std::vector<RosterEntry>& roster) {
  std::ostringstream out;
  EXPECT_TRUE(WriteRosterCsv(roster, out).ok());
  return out.str();
}

// --- Options -------------------------------------------------------------------------

TEST(SimulateOptionsTest, TheDefaultsAreValid) {
  EXPECT_TRUE(ValidateSimulationOptions(SimulationOptions()).ok());
}

TEST(SimulateOptionsTest, EachBadOptionIsNamed) {
  auto message = [](auto change) {
    SimulationOptions o;
    change(o);
    const absl::Status s = ValidateSimulationOptions(o);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    return std::string(s.message());
  };
  EXPECT_EQ(message([](SimulationOptions& o) { o.units = 0; }),
            "SimulationOptions.units: 0 is not from 1 to 100000");
  EXPECT_EQ(message([](SimulationOptions& o) { o.years = 51; }),
            "SimulationOptions.years: 51 is not from 1 to 50");
  EXPECT_EQ(message([](SimulationOptions& o) { o.start_year = 1899; }),
            "SimulationOptions.start_year: 1899 is not from 1900 to 9000");
  EXPECT_EQ(message([](SimulationOptions& o) { o.rates.holiday = 1.5; }),
            "SimulationOptions.rates.holiday: 1.5 is not a probability from 0 to 1");
  EXPECT_EQ(message([](SimulationOptions& o) {
              o.rates.leavers = std::numeric_limits<double>::quiet_NaN();
            }),
            "SimulationOptions.rates.leavers: nan is not a probability from 0 to 1");
  EXPECT_EQ(message([](SimulationOptions& o) {
              o.rates.staffing = 0.6;
              o.rates.workload = 0.5;
            }),
            "SimulationOptions.rates: staffing + workload + no_facilitator is 1.12; it cannot "
            "be above 1");
  EXPECT_EQ(message([](SimulationOptions& o) { o.municipality = "—!"; }),
            "SimulationOptions.municipality: \"—!\" has no letter or digit to make an id of");
}

TEST(SimulateOptionsTest, SimulateRefusesBadOptions) {
  SimulationOptions o;
  o.units = 0;
  std::vector<Session> sessions;
  Collect sink(sessions);
  const absl::StatusOr<Simulation> sim = Simulate(o, sink);
  EXPECT_EQ(sim.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(sessions.empty());
}

TEST(SimulateOrganisationTest, MunicipalityIdsAreAsciiWords) {
  EXPECT_EQ(detail::MunicipalityId("Syntetisk Kommune"), "syntetisk-kommune");
  EXPECT_EQ(detail::MunicipalityId("Høje-Taastrup Kommune"), "hoeje-taastrup-kommune");
  EXPECT_EQ(detail::MunicipalityId("  Ærø  "), "aeroe");
  EXPECT_EQ(detail::MunicipalityId("Lyngby-Taarbæk"), "lyngby-taarbaek");
  EXPECT_EQ(detail::MunicipalityId("Kommune 7"), "kommune-7");
  EXPECT_EQ(detail::MunicipalityId("!?"), "");
}

// --- The plan ------------------------------------------------------------------------

// One home care unit in 2026, counted by hand from the calendar:
//   learning meeting, every other Tuesday from 6 January: 26, none on a holiday;
//   case meeting, every Monday: 52, less Easter Monday and Whit Monday: 50;
//   home meeting, every other Thursday from 1 January: 27, less New Year's Day: 26
//     (31 December is only commonly given off: planned, then cancelled);
//   learning visit, the second Friday of each month: 12;
//   trial action, the last Friday of each month: 12, less Christmas Day: 11;
//   network meeting, the first Wednesday of each month: 12;
//   seminars, the third Friday of March, May and October: 3.
TEST(SimulateTest, OneUnitsYearHasTheSessionsTheCalendarGives) {
  SimulationOptions o;
  o.units = 1;
  const SimRun run = MustSimulate(o);
  std::map<std::string, int> by_format;
  for (const Session& s : run.sessions) ++by_format[s.format_id];
  EXPECT_EQ(by_format["systematic-learning-meeting"], 26);
  EXPECT_EQ(by_format["interdisciplinary-case-meeting"], 50);
  EXPECT_EQ(by_format["citizen-home-meeting"], 26);
  EXPECT_EQ(by_format["learning-visit"], 12);
  EXPECT_EQ(by_format["trial-action-documentation"], 11);
  EXPECT_EQ(by_format["learning-network-meeting"], 12);
  EXPECT_EQ(by_format["learning-seminar"], 3);
  EXPECT_EQ(run.sim.counts.sessions, 140u);
  EXPECT_EQ(run.sessions.size(), 140u);
  EXPECT_EQ(run.sim.counts.units, 1u);
  ASSERT_FALSE(run.sessions.empty());
  // The first: the home meeting of 1 January is skipped, so Monday 5 January at 13:00.
  EXPECT_EQ(run.sessions.front().id, "sim-20260105T1300-case-meeting-home-care-home-care-north");
}

TEST(SimulateTest, TheProgrammeIsAProgrammeDocumentThatExpandsToTheSessions) {
  const SimRun& run = Default();
  const ProgrammeDocument& doc = run.sim.programme;
  EXPECT_EQ(doc.programme.id, "syntetisk-kommune-2026");
  EXPECT_EQ(doc.programme.title.en, "Synthetic learning programme for Syntetisk Kommune");
  // The municipality, three areas, twelve units.
  ASSERT_EQ(doc.programme.units.size(), 1u + 3u + 12u);
  EXPECT_EQ(doc.programme.units[0].id, "syntetisk-kommune");
  EXPECT_EQ(doc.programme.units[4].id, "home-care-north");
  EXPECT_EQ(doc.programme.units[5].id, "nursing-home-birkely");
  EXPECT_EQ(doc.programme.units[8].id, "rehabilitation-north");
  EXPECT_EQ(doc.programme.units[8].name.da, "Rehabiliteringen Nord");
  EXPECT_EQ(doc.programme.units[8].parent, "rehabilitation");

  const std::string text = ToJson(doc);
  absl::StatusOr<ProgrammeDocument> back = ParseProgramme(text);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, doc);
  // Its rules end with the year, so it expands without a window to every session.
  absl::StatusOr<Schedule> schedule = Expand(back->programme, TimeWindow(), back->calendar);
  ASSERT_TRUE(schedule.ok()) << schedule.status();
  EXPECT_EQ(schedule->occurrences.size(), run.sessions.size());
  for (std::size_t i = 0; i < run.sessions.size(); ++i) {
    ASSERT_EQ(run.sessions[i].planned_start, schedule->occurrences[i].start) << i;
    ASSERT_EQ(run.sessions[i].unit, schedule->unit_id(schedule->occurrences[i])) << i;
  }
}

// --- Determinism ---------------------------------------------------------------------

TEST(SimulateTest, TheSameOptionsGiveTheSameBytes) {
  const SimRun again = MustSimulate(SimulationOptions());
  EXPECT_EQ(again.jsonl, Default().jsonl);
  EXPECT_EQ(RosterCsv(again.sim.roster), RosterCsv(Default().sim.roster));
  EXPECT_EQ(ToJson(again.sim.programme), ToJson(Default().sim.programme));
  EXPECT_EQ(again.sim.counts, Default().sim.counts);
}

TEST(SimulateTest, AnotherSeedGivesOtherSessionsOnTheSamePlan) {
  SimulationOptions o;
  o.seed = 2;
  const SimRun other = MustSimulate(o);
  EXPECT_NE(other.jsonl, Default().jsonl);
  EXPECT_NE(RosterCsv(other.sim.roster), RosterCsv(Default().sim.roster));
  EXPECT_EQ(ToJson(other.sim.programme), ToJson(Default().sim.programme));
  EXPECT_EQ(other.sim.counts.sessions, Default().sim.counts.sessions);
}

// --- The sessions are sound ----------------------------------------------------------

TEST(SimulateTest, EverySessionIsValidAndReadsBackFromItsLine) {
  const SimRun& run = Default();
  ASSERT_EQ(run.sessions.size(), run.sim.counts.sessions);
  std::set<std::string> ids;
  const std::vector<std::string> lines = absl::StrSplit(run.jsonl, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), run.sessions.size());
  for (std::size_t i = 0; i < run.sessions.size(); ++i) {
    const Session& s = run.sessions[i];
    ASSERT_TRUE(ValidateSession(s).ok()) << ValidateSession(s);
    EXPECT_TRUE(ids.insert(s.id).second) << s.id;
    EXPECT_EQ(s.id.rfind("sim-", 0), 0u) << s.id;
    absl::StatusOr<Session> back = ParseSessionLine(lines[i]);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, s);
    if (i > 0) {
      EXPECT_LE(run.sessions[i - 1].planned_start, s.planned_start);
    }
  }
}

TEST(SimulateTest, HeldSessionsKeepToTheirFormats) {
  const SimRun& run = Default();
  EXPECT_EQ(run.sim.counts.rejected_outputs, 0u);
  CheckOptions check;
  check.catalog = &BuiltinCatalog();
  std::map<std::string, int> feedback, actions;
  for (const Session& s : run.sessions) {
    const Format* f = BuiltinCatalog().Find(s.format_id, s.format_version);
    ASSERT_NE(f, nullptr);
    for (const Diagnostic& d : CheckSession(s, *f, check)) {
      EXPECT_NE(d.code, "unknown-prompt") << s.id;
      EXPECT_NE(d.code, "output-not-produced-here") << s.id;
      EXPECT_NE(d.code, "unknown-step") << s.id;
      EXPECT_NE(d.code, "unknown-role") << s.id;
      EXPECT_NE(d.code, "missing-facilitator") << s.id;
    }
    feedback[s.format_id] += static_cast<int>(s.feedback.size());
    actions[s.format_id] += static_cast<int>(s.actions.size());
  }
  // Feedback only where the format asks for it (the seminar), actions only
  // where a step proposes them (the learning meeting and the trial action).
  for (const auto& [format, n] : feedback) {
    if (format != "learning-seminar") {
      EXPECT_EQ(n, 0) << format;
    }
  }
  EXPECT_GT(feedback["learning-seminar"], 0);
  for (const auto& [format, n] : actions) {
    if (format != "systematic-learning-meeting" && format != "trial-action-documentation") {
      EXPECT_EQ(n, 0) << format;
    }
  }
  EXPECT_GT(actions["systematic-learning-meeting"], 0);
  EXPECT_GT(actions["trial-action-documentation"], 0);
}

TEST(SimulateTest, QuestionsComeFromTheFormatsQuestionSets) {
  std::map<std::string, int> asked;
  for (const Session& s : Default().sessions) {
    for (const PromptUse& p : s.prompts) {
      if (s.format_id == "systematic-learning-meeting") {
        EXPECT_EQ(p.step_id, "learning-questions");
        ++asked[p.question_id];
      }
    }
  }
  // All eight learning questions are used, the biggest challenge (weight 9)
  // more often than decision authority (weight 3).
  EXPECT_EQ(asked.size(), 8u);
  EXPECT_GT(asked["biggest-challenge"], 2 * asked["decision-authority"]);
}

TEST(SimulateTest, CountsMatchTheSessions) {
  const SimRun& run = Default();
  SimulationCounts c;
  for (const Session& s : run.sessions) {
    ++c.sessions;
    (s.status() == SessionStatus::kHeld ? c.held : c.cancelled)++;
    c.participants += s.participants.size();
    c.learning_points += s.learning_points.size();
    c.actions += s.actions.size();
    c.feedback += s.feedback.size();
  }
  EXPECT_EQ(run.sim.counts.sessions, c.sessions);
  EXPECT_EQ(run.sim.counts.held, c.held);
  EXPECT_EQ(run.sim.counts.cancelled, c.cancelled);
  EXPECT_EQ(run.sim.counts.participants, c.participants);
  EXPECT_EQ(run.sim.counts.learning_points, c.learning_points);
  EXPECT_EQ(run.sim.counts.actions, c.actions);
  EXPECT_EQ(run.sim.counts.feedback, c.feedback);
  EXPECT_EQ(run.sim.counts.units, 12u);
  std::set<std::string> people;
  for (const RosterEntry& e : run.sim.roster) people.insert(e.person);
  EXPECT_EQ(run.sim.counts.people, people.size());
}

// --- Cancellations -------------------------------------------------------------------

// The share of a unit's occurrences on ordinary days (no holiday period, no
// day commonly given off) that are cancelled for staffing, workload or no facilitator.
struct Ordinary {
  int planned = 0;
  int cancelled = 0;
  std::map<CancelReason, int> reasons;
};

Ordinary OrdinaryDays(const SimRun& run) {
  Ordinary o;
  for (const Session& s : run.sessions) {
    if (s.format_id == "learning-network-meeting" || s.format_id == "learning-seminar") continue;
    const absl::CivilDay day = LocalDay(s.planned_start);
    if (detail::HolidayPeriodFactor(day) > 0 || DanishHolidayOn(day, true)) continue;
    ++o.planned;
    // Sessions stopped part-way started: they are not cancellations of the plan.
    if (s.status() == SessionStatus::kCancelled && !s.actual_start.has_value()) {
      ++o.cancelled;
      ++o.reasons[s.cancellation->reason];
    }
  }
  return o;
}

// The configured rates are per planned occurrence on an ordinary day; the
// units' factors (mean 1) and the seasons' (mean 1 over the months) move them
// about, not on average. For the learning meeting (25 of every 124 of a
// unit's occurrences) the facilitator's rate adds.
TEST(SimulateTest, OrdinaryCancellationsKeepToTheConfiguredRates) {
  SimulationOptions options;
  options.units = 40;
  options.rates.staffing = 0.20;
  options.rates.workload = 0.10;
  options.rates.no_facilitator = 0.05;
  const SimRun run = MustSimulate(options);
  const Ordinary o = OrdinaryDays(run);
  ASSERT_GT(o.planned, 4000);
  // Expected: 0.20 + 0.10 + 0.05 * (share of learning meetings).
  int meetings = 0;
  for (const Session& s : run.sessions) {
    const absl::CivilDay day = LocalDay(s.planned_start);
    if (s.format_id == "systematic-learning-meeting" && detail::HolidayPeriodFactor(day) == 0 &&
        !DanishHolidayOn(day, true)) {
      ++meetings;
    }
  }
  const double expected = 0.30 + 0.05 * meetings / o.planned;
  const double rate = static_cast<double>(o.cancelled) / o.planned;
  // The binomial standard deviation is about 0.007 here; 0.025 also covers
  // the weighting of the season factors by the months' occurrences.
  EXPECT_NEAR(rate, expected, 0.025) << o.cancelled << " of " << o.planned;
  const double staffing = static_cast<double>(o.reasons.at(CancelReason::kStaffing)) / o.planned;
  const double workload = static_cast<double>(o.reasons.at(CancelReason::kWorkload)) / o.planned;
  EXPECT_NEAR(staffing, 0.20, 0.02);
  EXPECT_NEAR(workload, 0.10, 0.015);
  EXPECT_EQ(o.reasons.count(CancelReason::kHoliday), 0u);
}

TEST(SimulateTest, DefaultRatesCancelAboutOneInNineOnOrdinaryDays) {
  const Ordinary o = OrdinaryDays(Default());
  const double rate = static_cast<double>(o.cancelled) / o.planned;
  // 0.05 + 0.04 (+ 0.02 for a fifth of them): about 0.094.
  EXPECT_NEAR(rate, 0.094, 0.025) << o.cancelled << " of " << o.planned;
}

TEST(SimulateTest, NoRatesNoCancellations) {
  SimulationOptions o;
  o.units = 5;
  o.rates = {0, 0, 0, 0, 0, 0, 0};
  const SimRun run = MustSimulate(o);
  for (const Session& s : run.sessions) {
    if (s.status() == SessionStatus::kHeld) continue;
    // Only the days commonly given off are still called off.
    ASSERT_TRUE(s.cancellation.has_value());
    EXPECT_EQ(s.cancellation->reason, CancelReason::kHoliday) << s.id;
    EXPECT_TRUE(DanishHolidayOn(LocalDay(s.planned_start), true).has_value()) << s.id;
  }
  // Nobody joins, leaves or moves.
  for (const RosterEntry& e : run.sim.roster) {
    EXPECT_EQ(e.from, absl::CivilDay(2026, 1, 1));
    EXPECT_FALSE(e.to.has_value());
  }
}

TEST(SimulateTest, HolidaysNeverGetAHeldSession) {
  const SimRun& run = Default();
  int on_days_off = 0;
  int in_holiday_weeks = 0, cancelled_in_holiday_weeks = 0;
  for (const Session& s : run.sessions) {
    const absl::CivilDay day = LocalDay(s.planned_start);
    if (std::optional<HolidayKind> h = DanishHolidayOn(day, true)) {
      // The calendar skips public holidays; the days commonly given off are planned
      // and then called off.
      EXPECT_FALSE(IsPublicHoliday(*h)) << s.id;
      EXPECT_EQ(s.status(), SessionStatus::kCancelled) << s.id;
      ASSERT_TRUE(s.cancellation.has_value());
      EXPECT_EQ(s.cancellation->reason, CancelReason::kHoliday);
      EXPECT_EQ(s.cancellation->note, HolidayName(*h).da);
      ++on_days_off;
    }
    if (detail::HolidayPeriodFactor(day) == 1 && s.format_id != "learning-seminar") {
      ++in_holiday_weeks;
      if (s.cancellation.has_value() && s.cancellation->reason == CancelReason::kHoliday) {
        ++cancelled_in_holiday_weeks;
      }
    }
  }
  // 24 and 31 December 2026 are Thursdays.
  EXPECT_GT(on_days_off, 0);
  // Half the main holiday weeks' occurrences are called off for the holidays.
  ASSERT_GT(in_holiday_weeks, 100);
  EXPECT_NEAR(static_cast<double>(cancelled_in_holiday_weeks) / in_holiday_weeks, 0.5, 0.08);
}

TEST(SimulateTest, HolidayPeriodsAndSeasons) {
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2026, 7, 14)), 1);  // week 29
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2026, 12, 22)), 1);
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2027, 1, 2)), 1);
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2027, 1, 4)), 0);
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2026, 2, 10)), 0.4);   // week 7
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2026, 10, 13)), 0.4);  // week 42
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2026, 3, 31)), 0.4);   // Easter week
  EXPECT_EQ(detail::HolidayPeriodFactor(absl::CivilDay(2026, 3, 9)), 0);
  double sum = 0;
  for (int m = 1; m <= 12; ++m) sum += detail::SeasonFactor(m);
  EXPECT_DOUBLE_EQ(sum / 12, 1.0);
}

// --- Time ----------------------------------------------------------------------------

TEST(SimulateTest, OverrunsGrowWithTheGroup) {
  SimulationOptions options;
  options.units = 24;
  const SimRun run = MustSimulate(options);
  // Minutes over the 30 planned, by group size, for the learning meetings held in full.
  std::map<std::size_t, std::pair<double, int>> over;
  for (const Session& s : run.sessions) {
    if (s.format_id != "systematic-learning-meeting" || s.status() != SessionStatus::kHeld) {
      continue;
    }
    const double minutes = absl::ToDoubleMinutes(*s.actual_end - *s.actual_start) - 30;
    auto& [sum, n] = over[s.participants.size()];
    sum += minutes;
    ++n;
  }
  auto mean = [&](std::size_t lo, std::size_t hi) {
    double sum = 0;
    int n = 0;
    for (const auto& [size, v] : over) {
      if (size >= lo && size <= hi) {
        sum += v.first;
        n += v.second;
      }
    }
    EXPECT_GT(n, 20) << lo << "-" << hi;
    return sum / n;
  };
  // By the model (docs/simulate.md): about 21.5 minutes of fixed steps, a
  // minute per person in the round, and the questions and the joint
  // reflection 3 % and 2 % longer per person above six. Four people: about
  // 25.5 minutes (4.5 under); twelve: about 35.9 (5.9 over).
  const double small = mean(3, 5);
  const double large = mean(11, 16);
  EXPECT_LT(small, -2);
  EXPECT_GT(small, -7);
  EXPECT_GT(large, 3);
  EXPECT_LT(large, 10);
  // And on average the time grows with every person more.
  double previous = -100;
  int rises = 0, steps = 0;
  for (const auto& [size, v] : over) {
    if (v.second < 10) continue;
    const double m = v.first / v.second;
    rises += m > previous ? 1 : 0;
    ++steps;
    previous = m;
  }
  EXPECT_GE(rises, steps - 2);
}

TEST(SimulateTest, ActionsMoveOnOverTheYear) {
  const SimRun& run = Default();
  const absl::Time end = absl::FromCivil(absl::CivilDay(2027, 1, 1), CopenhagenTimeZone());
  std::map<ActionStatus, int> now;
  for (const Session& s : run.sessions) {
    for (const Action& a : s.actions) {
      ASSERT_FALSE(a.history.empty());
      EXPECT_EQ(a.history.front().status, ActionStatus::kOpen);
      EXPECT_TRUE(a.due.has_value());
      EXPECT_GE(a.history.front().at, *s.actual_start);
      for (std::size_t i = 1; i < a.history.size(); ++i) {
        EXPECT_LT(a.history[i - 1].at, a.history[i].at);
        EXPECT_LT(a.history[i].at, end);
      }
      // open → in-progress → done or dropped, or open → dropped.
      if (a.history.size() >= 2) {
        const ActionStatus second = a.history[1].status;
        EXPECT_TRUE(second == ActionStatus::kInProgress || second == ActionStatus::kDropped);
      }
      if (a.history.size() == 3) {
        EXPECT_EQ(a.history[1].status, ActionStatus::kInProgress);
        EXPECT_TRUE(a.history[2].status == ActionStatus::kDone ||
                    a.history[2].status == ActionStatus::kDropped);
      }
      EXPECT_LE(a.history.size(), 3u);
      ++now[a.CurrentStatus()];
    }
  }
  EXPECT_GT(now[ActionStatus::kOpen], 0);
  EXPECT_GT(now[ActionStatus::kInProgress], 0);
  EXPECT_GT(now[ActionStatus::kDone], now[ActionStatus::kDropped]);
  EXPECT_GT(now[ActionStatus::kDropped], 0);
}

// --- The roster ----------------------------------------------------------------------

TEST(SimulateTest, RosterCsvHasTheDocumentedForm) {
  const std::string csv = RosterCsv(Default().sim.roster);
  const std::vector<std::string> lines = absl::StrSplit(csv, '\n', absl::SkipEmpty());
  ASSERT_GT(lines.size(), 1u);
  EXPECT_EQ(lines[0], "person,unit,profession,shift,from,to");
  EXPECT_EQ(lines[0], kRosterCsvHeader);
  ASSERT_EQ(lines.size(), Default().sim.roster.size() + 1);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> f = absl::StrSplit(lines[i], ',');
    ASSERT_EQ(f.size(), 6u) << lines[i];
    EXPECT_EQ(f[0].size(), 24u);
    EXPECT_TRUE(ParseShift(f[3]).has_value()) << lines[i];
    EXPECT_EQ(f[4].size(), 10u);
    EXPECT_TRUE(f[5].empty() || f[5].size() == 10u);
  }
  // A hand-made roster: days as YYYY-MM-DD, an open end empty, a comma quoted.
  std::vector<RosterEntry> hand = {
      {"p1", "home-care-north", "nurse", Shift::kEvening, absl::CivilDay(2026, 1, 1), {}},
      {"p2", "a,b", "say \"x\"", Shift::kNight, absl::CivilDay(2026, 2, 3),
       absl::CivilDay(2026, 12, 31)}};
  EXPECT_EQ(RosterCsv(hand),
            "person,unit,profession,shift,from,to\n"
            "p1,home-care-north,nurse,evening,2026-01-01,\n"
            "p2,\"a,b\",\"say \"\"x\"\"\",night,2026-02-03,2026-12-31\n");
}

TEST(SimulateTest, TheRosterChangesOverTheYear) {
  const std::vector<RosterEntry>& roster = Default().sim.roster;
  std::map<std::string, std::vector<const RosterEntry*>> by_person;
  int ended = 0, joined = 0;
  for (const RosterEntry& e : roster) {
    by_person[e.person].push_back(&e);
    if (e.to.has_value()) {
      ++ended;
      EXPECT_LE(e.from, *e.to);
    }
    if (e.from > absl::CivilDay(2026, 1, 1)) ++joined;
  }
  // About 15 % leave and 5 % move in a year, of some 520 staff.
  EXPECT_GT(ended, 60);
  EXPECT_LT(ended, 160);
  EXPECT_GT(joined, 60);
  int moved = 0;
  for (const auto& [person, entries] : by_person) {
    if (entries.size() < 2) continue;
    ++moved;
    // A move: the old unit's last day is the day before the new unit's first.
    std::vector<const RosterEntry*> sorted = entries;
    std::sort(sorted.begin(), sorted.end(),
              [](const RosterEntry* a, const RosterEntry* b) { return a->from < b->from; });
    ASSERT_TRUE(sorted[0]->to.has_value());
    EXPECT_EQ(*sorted[0]->to + 1, sorted[1]->from);
    EXPECT_NE(sorted[0]->unit, sorted[1]->unit);
    EXPECT_EQ(sorted[0]->profession, sorted[1]->profession);
  }
  EXPECT_GT(moved, 5);
}

TEST(SimulateTest, PeopleTakePartOnlyWhileTheyAreInTheirUnit) {
  SimulationOptions options;
  options.units = 10;
  options.rates.moves = 0.3;  // many moves, to see them in the sessions
  const SimRun run = MustSimulate(options);
  std::map<std::pair<std::string, std::string>, std::vector<const RosterEntry*>> periods;
  std::set<std::string> units;
  for (const RosterEntry& e : run.sim.roster) {
    periods[{e.person, e.unit}].push_back(&e);
    units.insert(e.unit);
  }
  std::map<std::string, std::set<std::string>> units_of;  // person → units seen in
  std::size_t checked = 0;
  for (const Session& s : run.sessions) {
    const absl::CivilDay day = LocalDay(s.planned_start);
    for (const Participant& p : s.participants) {
      if (!units.contains(p.unit)) continue;  // citizens, relatives, partner municipalities
      if (p.role == "citizen" || p.role == "relative" ||
          p.role == "senior-council-representative") {
        continue;
      }
      auto it = periods.find({p.id, p.unit});
      ASSERT_NE(it, periods.end()) << s.id << ": " << p.id << " never in " << p.unit;
      const bool member = std::any_of(it->second.begin(), it->second.end(), [&](auto* e) {
        return e->from <= day && (!e->to.has_value() || day <= *e->to);
      });
      EXPECT_TRUE(member) << s.id << ": " << p.id << " is not in " << p.unit << " on that day";
      units_of[p.id].insert(p.unit);
      ++checked;
    }
  }
  EXPECT_GT(checked, 5000u);
  // Some who moved were seen in both their units.
  int both = 0;
  for (const auto& [person, seen] : units_of) {
    if (seen.size() < 2) continue;
    int periods_of = 0;
    for (const RosterEntry& e : run.sim.roster) periods_of += e.person == person ? 1 : 0;
    both += periods_of >= 2 ? 1 : 0;
  }
  EXPECT_GT(both, 3);
}

// --- Progress and files --------------------------------------------------------------

TEST(SimulateTest, ProgressCountsUpToTheTotal) {
  SimulationOptions o;
  o.units = 10;
  std::vector<Session> sessions;
  Collect sink(sessions);
  std::vector<SimulationProgress> seen;
  absl::StatusOr<Simulation> sim = Simulate(o, sink, [&](const SimulationProgress& p) {
    seen.push_back(p);
    return true;
  });
  ASSERT_TRUE(sim.ok()) << sim.status();
  ASSERT_GE(seen.size(), 2u);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].total, sim->counts.sessions);
    if (i + 1 < seen.size()) {
      EXPECT_EQ(seen[i].done, 1000 * (i + 1));
    }
  }
  EXPECT_EQ(seen.back().done, sim->counts.sessions);
}

TEST(SimulateTest, ProgressCanStopIt) {
  SimulationOptions o;
  o.units = 10;
  std::vector<Session> sessions;
  Collect sink(sessions);
  absl::StatusOr<Simulation> sim =
      Simulate(o, sink, [](const SimulationProgress&) { return false; });
  EXPECT_EQ(sim.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(sim.status().message(), "the simulation was stopped after 1000 sessions");
  EXPECT_EQ(sessions.size(), 1000u);
}

TEST(SimulateTest, WritesAStoreTheRosterAndTheProgramme) {
  testing::TempDir dir;
  SimulationOptions o;
  o.units = 3;
  absl::StatusOr<WrittenSimulation> w =
      WriteSimulation(o, dir.File("data"), SimulationOutput::kStore);
  ASSERT_TRUE(w.ok()) << w.status();
  EXPECT_EQ(w->files.sessions, std::filesystem::path(dir.File("data")) / "sessions.db");
  {
    absl::StatusOr<Store> store = Store::Open(w->files.sessions.string());
    ASSERT_TRUE(store.ok()) << store.status();
    absl::StatusOr<std::size_t> n = store->CountSessions();
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, w->simulation.counts.sessions);
    SessionQuery cancelled;
    cancelled.status = SessionStatus::kCancelled;
    EXPECT_EQ(*store->CountSessions(cancelled), w->simulation.counts.cancelled);
    // The store keeps each session as the JSON Lines form gives it.
    const SimRun same = MustSimulate(o);
    for (const Session& s : same.sessions) {
      absl::StatusOr<Session> stored = store->GetSession(s.id);
      ASSERT_TRUE(stored.ok()) << stored.status();
      ASSERT_EQ(*stored, s) << s.id;
    }
  }
  EXPECT_EQ(testing::ReadBytes(w->files.roster.string()), RosterCsv(w->simulation.roster));
  EXPECT_EQ(testing::ReadBytes(w->files.programme.string()), ToJson(w->simulation.programme));

  // Again: refused without overwrite, and nothing is touched.
  const std::string roster_before = testing::ReadBytes(w->files.roster.string());
  absl::StatusOr<WrittenSimulation> again =
      WriteSimulation(o, dir.File("data"), SimulationOutput::kStore);
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(again.status().message(), HasSubstr("sessions.db: exists already"));
  EXPECT_EQ(testing::ReadBytes(w->files.roster.string()), roster_before);
  again = WriteSimulation(o, dir.File("data"), SimulationOutput::kStore, /*overwrite=*/true);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->simulation.counts, w->simulation.counts);
}

TEST(SimulateTest, WritesJsonLinesByteForByte) {
  testing::TempDir dir;
  SimulationOptions o;
  o.units = 3;
  absl::StatusOr<WrittenSimulation> w =
      WriteSimulation(o, dir.File("data"), SimulationOutput::kJsonLines);
  ASSERT_TRUE(w.ok()) << w.status();
  EXPECT_EQ(w->files.sessions.filename(), "sessions.jsonl");
  EXPECT_EQ(testing::ReadBytes(w->files.sessions.string()), MustSimulate(o).jsonl);
}

TEST(SimulateTest, StoreSinkReportsAnImportError) {
  absl::StatusOr<Store> store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  const Session& first = Default().sessions.front();
  {
    StoreSink sink(*store, 2);
    ASSERT_TRUE(sink.Add(first).ok());
    ASSERT_TRUE(sink.Flush().ok());
  }
  StoreSink sink(*store, 2);
  ASSERT_TRUE(sink.Add(Default().sessions[1]).ok());
  ASSERT_TRUE(sink.Add(first).ok());  // the batch is full: imported in the background
  const absl::Status s = sink.Flush();
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(), HasSubstr("simulated sessions 1-2:2: session \"" + first.id +
                                     "\" is in the store already"));
  EXPECT_EQ(*store->CountSessions(), 1u);  // the batch's transaction is rolled back
}

}  // namespace
}  // namespace carelearn
