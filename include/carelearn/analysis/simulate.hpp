// carelearn/analysis/simulate.hpp
//
// Defines `Simulate`, which makes a realistic, clearly synthetic data set for
// evaluators and benchmarks: a municipality's organisation (home care,
// nursing homes, rehabilitation), its staff roster with professions, shifts
// and membership periods (people join, leave and move between units), a
// programme of learning formats expanded on the Danish holidays, and for each
// planned occurrence the session that follows from it, held through the real
// `Runner` on a `FakeClock`, or cancelled with a reason.
//
// The same options and seed give byte-identical output on every run and
// every machine: the random numbers come from std::mt19937_64 (whose output
// the C++ standard fixes) through carelearn's own distributions, because the
// standard library's distributions differ between implementations.
// docs/simulate.md describes the model and every parameter, so that a reader
// knows what the figures are made of.
//
// Example: a year of a mid-sized municipality as JSON Lines.
//
//   carelearn::SimulationOptions options;
//   options.units = 12;
//   options.seed = 7;
//   std::ofstream out("sessions.jsonl");
//   carelearn::JsonLinesSink sink(out);
//   absl::StatusOr<carelearn::Simulation> sim = carelearn::Simulate(options, sink);
//   // sim->counts.sessions == 1517; sim->roster: who worked where, and when
#ifndef CARELEARN_ANALYSIS_SIMULATE_HPP_
#define CARELEARN_ANALYSIS_SIMULATE_HPP_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "carelearn/io/programme_json.hpp"
#include "carelearn/record/session.hpp"
#include "carelearn/store/store.hpp"

namespace carelearn {

/// The rates the simulation draws its events with; docs/simulate.md gives
/// the model they enter. Each is a probability from 0 to 1.
struct SimulationRates {
  /// A unit's occurrence on an ordinary day is cancelled for too few staff on duty.
  double staffing = 0.05;
  /// ... for acute work that came first.
  double workload = 0.04;
  /// ... because nobody could facilitate (formats that need a facilitator only).
  double no_facilitator = 0.02;
  /// An occurrence in the main holiday weeks (summer weeks 28–31, 22 December
  /// to 2 January) is cancelled for the holidays; in the smaller holiday weeks
  /// (weeks 7, 27, 32 and 42, the days before Easter) 0.4 times this.
  double holiday = 0.5;
  /// A session that starts is stopped part-way by acute work.
  double cut_short = 0.01;
  /// Each year, a member of staff moves to another unit on a random day.
  double moves = 0.05;
  /// Each year, a member of staff leaves on a random day (and is replaced).
  double leavers = 0.15;

  /// Equal when every rate is.
  friend bool operator==(const SimulationRates&, const SimulationRates&) = default;
};

/// What to simulate.
struct SimulationOptions {
  /// How many units (home care districts, nursing homes, rehabilitation
  /// centres, in the proportions 2 : 2 : 1); from 1 to 100,000.
  int units = 12;
  /// How many calendar years; from 1 to 50.
  int years = 1;
  /// The first year; from 1900 to 9000.
  int start_year = 2026;
  /// The seed of every random choice.
  std::uint64_t seed = 1;
  /// The municipality's name; its id is made from it ("Syntetisk Kommune" →
  /// "syntetisk-kommune"). The default says what the data are.
  std::string municipality = "Syntetisk Kommune";
  /// The rates of the events.
  SimulationRates rates;

  /// Equal when every option is.
  friend bool operator==(const SimulationOptions&, const SimulationOptions&) = default;
};

/// Checks `options`.
///
/// Errors (kInvalidArgument), naming the option: a count or year out of its
/// range; a rate outside 0–1 or not a number; staffing + workload +
/// no_facilitator above 1; a municipality name without a letter or digit.
///
/// Example:
///
///   options.units = 0;
///   carelearn::ValidateSimulationOptions(options).message();
///   // "SimulationOptions.units: 0 is not from 1 to 100000"
[[nodiscard]] absl::Status ValidateSimulationOptions(const SimulationOptions& options);

/// One period of one person's membership of one unit: a row of the roster.
struct RosterEntry {
  std::string person;         ///< The person's pseudonym (24 hex digits).
  std::string unit;           ///< The unit's id.
  std::string profession;     ///< E.g. "nurse", "social-and-health-helper", "physiotherapist".
  Shift shift = Shift::kDay;  ///< The shift the person works.
  absl::CivilDay from;        ///< The first day in the unit.
  std::optional<absl::CivilDay> to;  ///< The last day in the unit; none while still there.

  /// Equal when every field is.
  friend bool operator==(const RosterEntry&, const RosterEntry&) = default;
};

/// The header line of the roster's CSV form, without the line end.
inline constexpr std::string_view kRosterCsvHeader = "person,unit,profession,shift,from,to";

/// Writes `roster` as CSV (RFC 4180, "\n" line ends): `kRosterCsvHeader`, then
/// one line per entry, days as YYYY-MM-DD and an empty `to` for someone still there.
///
/// Errors: kInternal when writing to `out` fails.
///
/// Example:
///
///   carelearn::WriteRosterCsv(sim->roster, std::cout);
///   // person,unit,profession,shift,from,to
///   // 3f9a0c5d7e1b2a4c6d8e0f1a,home-care-north,nurse,day,2026-01-01,
[[nodiscard]] absl::Status WriteRosterCsv(const std::vector<RosterEntry>& roster,
                                          std::ostream& out);

/// What a simulation made, counted.
struct SimulationCounts {
  std::size_t sessions = 0;         ///< Planned occurrences, each one session.
  std::size_t held = 0;             ///< Sessions held (perhaps cut short).
  std::size_t cancelled = 0;        ///< Sessions cancelled, before they began or part-way.
  std::size_t participants = 0;     ///< Participations, summed over the sessions.
  std::size_t learning_points = 0;  ///< Learning points recorded.
  std::size_t actions = 0;          ///< Organisational actions proposed.
  std::size_t feedback = 0;         ///< Feedback given.
  /// Outputs the runner did not take because the format does not produce
  /// them where they were offered; 0 with the built-in catalog.
  std::size_t rejected_outputs = 0;
  std::size_t people = 0;  ///< Distinct people on the roster.
  std::size_t units = 0;   ///< Units that hold sessions.

  /// Equal when every count is.
  friend bool operator==(const SimulationCounts&, const SimulationCounts&) = default;
};

/// What `Simulate` gives back beside the sessions.
struct Simulation {
  /// The municipality's id, the top unit of the programme and the host of
  /// the joint (cross-municipal) occurrences.
  std::string municipality_id;
  /// The ids of the partner municipalities whose staff take part in the
  /// network meetings and seminars; they are not on the roster.
  std::vector<std::string> partners;
  /// The plan: the programme and the work calendar it was expanded on.
  ProgrammeDocument programme;
  /// Every membership period, by unit in programme order, then first day.
  std::vector<RosterEntry> roster;
  SimulationCounts counts;  ///< What was made.
};

/// How far a simulation has come.
struct SimulationProgress {
  std::size_t done = 0;   ///< Sessions made so far.
  std::size_t total = 0;  ///< Sessions it will make in all.
};

/// Called as the simulation goes (every 1,000 sessions and at the end);
/// returning false stops it.
using SimulationProgressFn = std::function<bool(const SimulationProgress&)>;

/// Where `Simulate` puts the sessions it makes.
class SessionSink {
 public:
  virtual ~SessionSink() = default;

  /// Takes the next session; they come in order of planned start, then unit,
  /// then programme entry.
  [[nodiscard]] virtual absl::Status Add(const Session& session) = 0;

  /// Writes out whatever is buffered; `Simulate` calls it at the end.
  [[nodiscard]] virtual absl::Status Flush() { return absl::OkStatus(); }
};

/// A sink that writes each session as one JSON Lines line (`ToJsonLine`),
/// with its confidential text, since the data set is its own full record.
class JsonLinesSink final : public SessionSink {
 public:
  /// Writes to `out`, which must outlive the sink.
  explicit JsonLinesSink(std::ostream& out) : out_(&out) {}

  /// Writes the line. Errors: kInternal when writing fails.
  [[nodiscard]] absl::Status Add(const Session& session) override;

  /// Flushes `out`. Errors: kInternal when that fails.
  [[nodiscard]] absl::Status Flush() override;

 private:
  std::ostream* out_;
};

/// A sink that stores sessions through the store's bulk import path
/// (`Store::ImportJsonLines` in bulk mode), a batch at a time: each batch is
/// one transaction, so an error loses only the batch it is in.
///
/// While the simulation makes the next batch, a thread of the sink's own
/// imports the last one: from construction until `Flush` returns (or the sink
/// is destroyed) the store must not be used by anyone else.
class StoreSink final : public SessionSink {
 public:
  /// Stores into `store`, which must outlive the sink, `batch` sessions per
  /// transaction (at least 1); a session already stored is a kAlreadyExists error.
  explicit StoreSink(Store& store, std::size_t batch = 20000);
  StoreSink(const StoreSink&) = delete;
  StoreSink& operator=(const StoreSink&) = delete;
  /// Waits for the batch being imported (without importing the one being
  /// filled: call `Flush` for that).
  ~StoreSink() override;

  /// Adds the session to the batch; hands the batch to the importing thread when it is full.
  /// Errors: those of `Store::ImportJsonLines` for an earlier batch.
  [[nodiscard]] absl::Status Add(const Session& session) override;

  /// Imports the sessions that wait and returns when they are stored.
  /// Errors: those of `Store::ImportJsonLines`.
  [[nodiscard]] absl::Status Flush() override;

 private:
  struct Importer;

  absl::Status Submit();

  std::size_t batch_;
  std::size_t pending_ = 0;
  std::size_t submitted_ = 0;
  std::string lines_;
  std::unique_ptr<Importer> importer_;
};

/// Simulates `options.years` years of `options.units` units and gives every
/// session to `sink`, in order of planned start, then unit, then entry.
///
/// The programme: each unit holds the systematic learning meeting every
/// other week, an interdisciplinary case meeting about a citizen every week,
/// a learning meeting at a citizen's home every other week, a learning visit
/// (a learning agent from another unit) every month and a trial action
/// documented by its learning activist every month; the municipality holds a
/// cross-municipal learning network meeting every month and three learning
/// seminars a year, with staff of partner municipalities. Public holidays are
/// skipped by the work calendar; docs/simulate.md says the rest.
///
/// `progress`, when given, is called every 1,000 sessions and at the end;
/// when it returns false the simulation stops with kCancelled after the
/// sessions given so far.
///
/// Errors: those of `ValidateSimulationOptions`; those of `sink`, passed on;
/// kCancelled when `progress` stopped it; kInternal for a session the
/// library's own checks refuse (a defect).
///
/// Example:
///
///   carelearn::JsonLinesSink sink(out);
///   auto sim = carelearn::Simulate(options, sink, [](const carelearn::SimulationProgress& p) {
///     std::cerr << p.done << "/" << p.total << "\r";
///     return true;
///   });
[[nodiscard]] absl::StatusOr<Simulation> Simulate(const SimulationOptions& options,
                                                  SessionSink& sink,
                                                  const SimulationProgressFn& progress = {});

/// How `WriteSimulation` stores the sessions.
enum class SimulationOutput {
  kStore,      ///< A SQLite store, "sessions.db".
  kJsonLines,  ///< JSON Lines, "sessions.jsonl".
};

/// The files of a simulated data set.
struct SimulationFiles {
  std::filesystem::path sessions;   ///< "sessions.db" or "sessions.jsonl".
  std::filesystem::path roster;     ///< "roster.csv" (`WriteRosterCsv`).
  std::filesystem::path programme;  ///< "programme.json", a "programme/1" document.
};

/// A simulation written to files.
struct WrittenSimulation {
  Simulation simulation;  ///< What was simulated.
  SimulationFiles files;  ///< Where it is.
};

/// Simulates as `Simulate` does into the directory `dir` (created when
/// missing): the sessions, "roster.csv" and "programme.json".
///
/// With `overwrite`, files of an earlier data set there are replaced (a
/// store's "-wal" and "-shm" files too); without it they are an error, and
/// nothing is touched. When the simulation fails or is stopped, what was
/// written so far stays (the batches a store has imported); write again with
/// `overwrite`.
///
/// Errors: those of `Simulate`; kAlreadyExists for a file there already
/// without `overwrite`; kNotFound when the directory or a file cannot be
/// created or written; those of `Store::Open`.
///
/// Example:
///
///   auto written = carelearn::WriteSimulation(options, "year",
///   carelearn::SimulationOutput::kStore);
///   // written->files.sessions == "year/sessions.db"
[[nodiscard]] absl::StatusOr<WrittenSimulation> WriteSimulation(
    const SimulationOptions& options, const std::filesystem::path& dir, SimulationOutput output,
    bool overwrite = false, const SimulationProgressFn& progress = {});

}  // namespace carelearn

#endif  // CARELEARN_ANALYSIS_SIMULATE_HPP_
