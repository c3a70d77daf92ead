#include "carelearn/analysis/simulate.hpp"

#include <cmath>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <ostream>
#include <sstream>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "analysis/simulate_organisation.hpp"
#include "analysis/simulate_programme.hpp"
#include "analysis/simulate_random.hpp"
#include "analysis/simulate_sessions.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn {
namespace {

using detail::Sv;

// How many sessions pass between two calls of the progress callback.
constexpr std::size_t kProgressEvery = 1000;

absl::Status CheckRange(std::string_view name, int value, int lo, int hi) {
  if (value < lo || value > hi) {
    return absl::InvalidArgumentError(
        absl::StrCat("SimulationOptions.", Sv(name), ": ", value, " is not from ", lo, " to ", hi));
  }
  return absl::OkStatus();
}

absl::Status CheckRate(std::string_view name, double value) {
  if (!(value >= 0 && value <= 1)) {  // NaN fails too
    return absl::InvalidArgumentError(absl::StrCat("SimulationOptions.rates.", Sv(name), ": ",
                                                   value, " is not a probability from 0 to 1"));
  }
  return absl::OkStatus();
}

std::string Day(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
void Field(std::string& line, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    line.append(value);
    return;
  }
  line.push_back('"');
  for (char c : value) {
    if (c == '"') line.push_back('"');
    line.push_back(c);
  }
  line.push_back('"');
}

// The key of the pseudonyms: made from the seed, so the same seed gives the
// same people. It is not secret: the data are synthetic.
std::string PseudonymKey(std::uint64_t seed) {
  return absl::StrFormat("carelearn-simulate-%016x", seed);
}

}  // namespace

absl::Status ValidateSimulationOptions(const SimulationOptions& options) {
  if (absl::Status s = CheckRange("units", options.units, 1, 100000); !s.ok()) return s;
  if (absl::Status s = CheckRange("years", options.years, 1, 50); !s.ok()) return s;
  if (absl::Status s = CheckRange("start_year", options.start_year, 1900, 9000); !s.ok()) return s;
  const SimulationRates& r = options.rates;
  for (const auto& [name, value] : {std::pair<std::string_view, double>{"staffing", r.staffing},
                                    {"workload", r.workload},
                                    {"no_facilitator", r.no_facilitator},
                                    {"holiday", r.holiday},
                                    {"cut_short", r.cut_short},
                                    {"moves", r.moves},
                                    {"leavers", r.leavers}}) {
    if (absl::Status s = CheckRate(name, value); !s.ok()) return s;
  }
  if (r.staffing + r.workload + r.no_facilitator > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("SimulationOptions.rates: staffing + workload + no_facilitator is ",
                     r.staffing + r.workload + r.no_facilitator, "; it cannot be above 1"));
  }
  if (r.moves + r.leavers > 1) {
    return absl::InvalidArgumentError(absl::StrCat("SimulationOptions.rates: moves + leavers is ",
                                                   r.moves + r.leavers, "; it cannot be above 1"));
  }
  if (detail::MunicipalityId(options.municipality).empty()) {
    return absl::InvalidArgumentError(absl::StrCat("SimulationOptions.municipality: \"",
                                                   options.municipality,
                                                   "\" has no letter or digit to make an id of"));
  }
  return absl::OkStatus();
}

absl::Status WriteRosterCsv(const std::vector<RosterEntry>& roster, std::ostream& out) {
  std::string line;
  out << Sv(kRosterCsvHeader) << '\n';
  for (const RosterEntry& e : roster) {
    line.clear();
    Field(line, e.person);
    line.push_back(',');
    Field(line, e.unit);
    line.push_back(',');
    Field(line, e.profession);
    line.push_back(',');
    line.append(ShiftName(e.shift));
    line.push_back(',');
    line.append(Day(e.from));
    line.push_back(',');
    if (e.to.has_value()) line.append(Day(*e.to));
    line.push_back('\n');
    out << line;
  }
  out.flush();
  if (!out.good()) return absl::InternalError("WriteRosterCsv: writing the roster failed");
  return absl::OkStatus();
}

absl::Status JsonLinesSink::Add(const Session& session) {
  ExportOptions options;
  options.include_confidential = true;
  *out_ << ToJsonLine(session, options) << '\n';
  if (!out_->good()) {
    return absl::InternalError(
        absl::StrCat("JsonLinesSink: writing session \"", session.id, "\" failed"));
  }
  return absl::OkStatus();
}

absl::Status JsonLinesSink::Flush() {
  out_->flush();
  if (!out_->good()) return absl::InternalError("JsonLinesSink: flushing failed");
  return absl::OkStatus();
}

// The thread that imports one batch while the next is made.
struct StoreSink::Importer {
  explicit Importer(Store& s) : store(&s), thread([this] { Run(); }) {}

  ~Importer() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    changed.notify_all();
    thread.join();
  }

  // Waits until the last batch is stored; its status.
  absl::Status Wait() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [this] { return !busy; });
    return status;
  }

  // Hands over a batch; the importer must be idle and its status OK.
  void Start(std::string batch, std::string source) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      lines = std::move(batch);
      name = std::move(source);
      busy = true;
    }
    changed.notify_all();
  }

  void Run() {
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      changed.wait(lock, [this] { return stop || busy; });
      if (!busy) return;  // stopping with nothing to do
      std::istringstream in(std::move(lines));
      ImportOptions options;
      options.bulk = true;
      options.on_conflict = ConflictPolicy::kFail;
      options.source_name = name;
      lock.unlock();
      absl::StatusOr<ImportResult> result = store->ImportJsonLines(in, options);
      lock.lock();
      status = result.status();
      busy = false;
      changed.notify_all();
    }
  }

  Store* store;
  std::mutex mutex;
  std::condition_variable changed;
  std::string lines;
  std::string name;
  bool busy = false;
  bool stop = false;
  absl::Status status;
  std::thread thread;  // last: starts once the rest is ready
};

StoreSink::StoreSink(Store& store, std::size_t batch)
    : batch_(batch == 0 ? 1 : batch), importer_(std::make_unique<Importer>(store)) {}

StoreSink::~StoreSink() = default;

absl::Status StoreSink::Add(const Session& session) {
  ExportOptions options;
  options.include_confidential = true;
  lines_.append(ToJsonLine(session, options));
  lines_.push_back('\n');
  if (++pending_ >= batch_) return Submit();
  return absl::OkStatus();
}

absl::Status StoreSink::Submit() {
  if (absl::Status s = importer_->Wait(); !s.ok()) return s;
  if (pending_ == 0) return absl::OkStatus();
  std::string source =
      absl::StrCat("simulated sessions ", submitted_ + 1, "-", submitted_ + pending_);
  submitted_ += pending_;
  pending_ = 0;
  importer_->Start(std::exchange(lines_, std::string()), std::move(source));
  return absl::OkStatus();
}

absl::Status StoreSink::Flush() {
  if (absl::Status s = Submit(); !s.ok()) return s;
  return importer_->Wait();
}

absl::StatusOr<Simulation> Simulate(const SimulationOptions& options, SessionSink& sink,
                                    const SimulationProgressFn& progress) {
  if (absl::Status s = ValidateSimulationOptions(options); !s.ok()) return s;
  absl::StatusOr<Pseudonymiser> pseudonyms = Pseudonymiser::Create(PseudonymKey(options.seed));
  if (!pseudonyms.ok()) return pseudonyms.status();

  Simulation sim;
  sim.municipality_id = detail::MunicipalityId(options.municipality);
  const detail::SimOrganisation org =
      detail::BuildOrganisation(options, sim.municipality_id, *pseudonyms);
  const detail::SimProgramme programme = detail::BuildProgramme(org, options);
  sim.programme = programme.document;
  for (const detail::SimPartner& p : org.partners) sim.partners.push_back(p.id);
  sim.roster = detail::RosterOf(org);

  detail::SessionMaker maker(org, programme, options, *pseudonyms);
  if (absl::Status s = maker.Init(); !s.ok()) return s;

  // One year at a time, so that a long simulation never holds all its occurrences.
  const absl::TimeZone zone = CopenhagenTimeZone();
  std::vector<TimeWindow> years;
  for (int y = options.start_year; y < options.start_year + options.years; ++y) {
    years.push_back(TimeWindow::Days(absl::CivilDay(y, 1, 1), absl::CivilDay(y + 1, 1, 1), zone));
  }
  SimulationProgress at;
  for (const TimeWindow& window : years) {
    absl::StatusOr<Schedule> s =
        Expand(programme.document.programme, window, programme.document.calendar);
    if (!s.ok())
      return absl::InternalError(absl::StrCat("the simulated programme: ", s.status().ToString()));
    at.total += s->occurrences.size();
  }
  for (const TimeWindow& window : years) {
    absl::StatusOr<Schedule> schedule =
        Expand(programme.document.programme, window, programme.document.calendar);
    if (!schedule.ok()) return schedule.status();
    for (const ScheduledOccurrence& o : schedule->occurrences) {
      absl::StatusOr<Session> session = maker.Make(*schedule, o);
      if (!session.ok()) return session.status();
      if (absl::Status s = sink.Add(*session); !s.ok()) return s;
      ++at.done;
      if (progress && at.done % kProgressEvery == 0 && !progress(at)) {
        return absl::CancelledError(
            absl::StrCat("the simulation was stopped after ", at.done, " sessions"));
      }
    }
  }
  if (absl::Status s = sink.Flush(); !s.ok()) return s;
  if (progress && at.done % kProgressEvery != 0 && !progress(at)) {
    return absl::CancelledError(
        absl::StrCat("the simulation was stopped after ", at.done, " sessions"));
  }
  sim.counts = maker.counts();
  sim.counts.people = org.people.size();
  sim.counts.units = org.units.size();
  return sim;
}

namespace {

// Removes `path` for an overwrite, or says it is in the way.
absl::Status Clear(const std::filesystem::path& path, bool overwrite) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return absl::OkStatus();
  if (!overwrite) {
    return absl::AlreadyExistsError(
        absl::StrCat(path.string(),
                     ": exists already; ask to overwrite it, or choose another "
                     "directory"));
  }
  if (!std::filesystem::remove(path, error) || error) {
    return absl::NotFoundError(
        absl::StrCat(path.string(), ": cannot remove it: ", error.message()));
  }
  return absl::OkStatus();
}

// Writes `text` to the file at `path`.
absl::Status WriteFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return absl::NotFoundError(absl::StrCat(path.string(), ": cannot write"));
  out << Sv(text);
  out.flush();
  if (!out.good()) return absl::NotFoundError(absl::StrCat(path.string(), ": writing failed"));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<WrittenSimulation> WriteSimulation(const SimulationOptions& options,
                                                  const std::filesystem::path& dir,
                                                  SimulationOutput output, bool overwrite,
                                                  const SimulationProgressFn& progress) {
  if (absl::Status s = ValidateSimulationOptions(options); !s.ok()) return s;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir, error)) {
    return absl::NotFoundError(
        absl::StrCat(dir.string(), ": cannot create the directory: ", error.message()));
  }
  WrittenSimulation written;
  SimulationFiles& files = written.files;
  files.sessions = dir / (output == SimulationOutput::kStore ? "sessions.db" : "sessions.jsonl");
  files.roster = dir / "roster.csv";
  files.programme = dir / "programme.json";
  std::vector<std::filesystem::path> ours = {files.sessions, files.roster, files.programme};
  if (output == SimulationOutput::kStore) {
    ours.push_back(dir / "sessions.db-wal");
    ours.push_back(dir / "sessions.db-shm");
  }
  // Check all before removing any, so that a refusal leaves everything as it was.
  if (!overwrite) {
    for (const auto& path : ours) {
      if (absl::Status s = Clear(path, false); !s.ok()) return s;
    }
  }
  for (const auto& path : ours) {
    if (absl::Status s = Clear(path, true); !s.ok()) return s;
  }

  absl::StatusOr<Simulation> sim;
  if (output == SimulationOutput::kStore) {
    absl::StatusOr<Store> store = Store::Open(files.sessions.string());
    if (!store.ok()) return store.status();
    StoreSink sink(*store);
    sim = Simulate(options, sink, progress);
  } else {
    std::vector<char> buffer(std::size_t{1} << 20);
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(files.sessions, std::ios::binary | std::ios::trunc);
    if (!out) return absl::NotFoundError(absl::StrCat(files.sessions.string(), ": cannot write"));
    JsonLinesSink sink(out);
    sim = Simulate(options, sink, progress);
  }
  if (!sim.ok()) return sim.status();
  {
    std::ofstream out(files.roster, std::ios::binary | std::ios::trunc);
    if (!out) return absl::NotFoundError(absl::StrCat(files.roster.string(), ": cannot write"));
    if (absl::Status s = WriteRosterCsv(sim->roster, out); !s.ok()) {
      return absl::NotFoundError(absl::StrCat(files.roster.string(), ": writing failed"));
    }
  }
  if (absl::Status s = WriteFile(files.programme, ToJson(sim->programme)); !s.ok()) return s;
  written.simulation = *std::move(sim);
  return written;
}

}  // namespace carelearn
