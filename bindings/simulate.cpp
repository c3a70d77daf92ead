// bindings/simulate.cpp
//
// The simulated data set bound for Python: the rates, and
// `write_simulation`, which runs `carelearn::WriteSimulation` with the GIL
// released, calling an optional progress callback (with the GIL) every 1,000
// sessions. Ctrl-C stops it: the callback checks for signals, and the
// KeyboardInterrupt (or the callback's own exception) is raised when the
// simulation has stopped.
#include <pybind11/stl/filesystem.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "carelearn/analysis/simulate.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

void BindRates(py::module_& m) {
  py::class_<SimulationRates> rates(
      m, "SimulationRates",
      "The probabilities the simulation draws its events with (docs/simulate.md).");
  rates
      .def(py::init([](double staffing, double workload, double no_facilitator, double holiday,
                       double cut_short, double moves, double leavers) {
             return SimulationRates{staffing,  workload, no_facilitator, holiday,
                                    cut_short, moves,    leavers};
           }),
           py::kw_only(), py::arg("staffing") = SimulationRates().staffing,
           py::arg("workload") = SimulationRates().workload,
           py::arg("no_facilitator") = SimulationRates().no_facilitator,
           py::arg("holiday") = SimulationRates().holiday,
           py::arg("cut_short") = SimulationRates().cut_short,
           py::arg("moves") = SimulationRates().moves,
           py::arg("leavers") = SimulationRates().leavers,
           "The rates, each a keyword argument; the defaults are the model's.")
      .def_readwrite("staffing", &SimulationRates::staffing,
                     "An ordinary occurrence is cancelled for too few staff on duty.")
      .def_readwrite("workload", &SimulationRates::workload, "... for acute work that came first.")
      .def_readwrite("no_facilitator", &SimulationRates::no_facilitator,
                     "... because nobody could facilitate (formats that need a facilitator).")
      .def_readwrite("holiday", &SimulationRates::holiday,
                     "An occurrence in the main holiday weeks is cancelled for the holidays.")
      .def_readwrite("cut_short", &SimulationRates::cut_short,
                     "A session that starts is stopped part-way by acute work.")
      .def_readwrite("moves", &SimulationRates::moves,
                     "Each year, a member of staff moves to another unit.")
      .def_readwrite("leavers", &SimulationRates::leavers,
                     "Each year, a member of staff leaves (and is replaced).");
  ValueEquality(rates);
  rates.def(
      "__repr__",
      [](const SimulationRates& r) {
        return py::str(
                   "SimulationRates(staffing={!r}, workload={!r}, no_facilitator={!r}, "
                   "holiday={!r}, cut_short={!r}, moves={!r}, leavers={!r})")
            .format(r.staffing, r.workload, r.no_facilitator, r.holiday, r.cut_short, r.moves,
                    r.leavers);
      },
      "The call that would build these rates.");
}

/// What a written simulation made and where, as a dict (the Python layer
/// turns it into carelearn.SimulationSummary).
py::typing::Dict<py::str, py::object> Summary(const WrittenSimulation& w) {
  const SimulationCounts& c = w.simulation.counts;
  py::dict counts;
  counts["sessions"] = c.sessions;
  counts["held"] = c.held;
  counts["cancelled"] = c.cancelled;
  counts["participants"] = c.participants;
  counts["learning_points"] = c.learning_points;
  counts["actions"] = c.actions;
  counts["feedback"] = c.feedback;
  counts["rejected_outputs"] = c.rejected_outputs;
  counts["people"] = c.people;
  counts["units"] = c.units;
  py::dict out;
  out["sessions_file"] = w.files.sessions;
  out["roster_file"] = w.files.roster;
  out["programme_file"] = w.files.programme;
  out["municipality_id"] = w.simulation.municipality_id;
  out["partners"] = w.simulation.partners;
  out["counts"] = counts;
  return out;
}

}  // namespace

void BindSimulate(py::module_& m) {
  BindRates(m);
  m.def(
      "write_simulation",
      [](const std::filesystem::path& directory, int units, int years, int start_year,
         std::uint64_t seed, std::string municipality, const SimulationRates& rates,
         bool json_lines, bool overwrite,
         std::optional<py::typing::Callable<void(std::size_t, std::size_t)>> progress) {
        const SimulationOptions options{units, years, start_year, seed, std::move(municipality),
                                        rates};
        // Called with the GIL released; takes it to check for Ctrl-C and to
        // call `progress`. An exception stops the simulation and is kept to
        // be raised once the GIL is back.
        std::optional<py::error_already_set> raised;
        auto report = [&](const SimulationProgress& p) -> bool {
          py::gil_scoped_acquire gil;
          try {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            if (progress.has_value()) (*progress)(p.done, p.total);
          } catch (py::error_already_set& e) {
            raised.emplace(std::move(e));
            return false;
          }
          return true;
        };
        absl::StatusOr<WrittenSimulation> written;
        {
          py::gil_scoped_release release;
          written =
              WriteSimulation(options, directory,
                              json_lines ? SimulationOutput::kJsonLines : SimulationOutput::kStore,
                              overwrite, report);
        }
        if (raised.has_value()) throw std::move(*raised);
        return Summary(Unwrap(std::move(written)));
      },
      py::arg("directory"), py::kw_only(), py::arg("units") = SimulationOptions().units,
      py::arg("years") = SimulationOptions().years,
      py::arg("start_year") = SimulationOptions().start_year,
      py::arg("seed") = SimulationOptions().seed,
      py::arg("municipality") = SimulationOptions().municipality,
      py::arg("rates") = SimulationRates(), py::arg("json_lines") = false,
      py::arg("overwrite") = false, py::arg("progress") = py::none(),
      "Simulates `units` units for `years` years from `start_year` into `directory`\n"
      "(created when missing): the sessions (\"sessions.db\", or \"sessions.jsonl\" with\n"
      "`json_lines`), \"roster.csv\" and \"programme.json\"; returns a dict of the files\n"
      "(\"sessions_file\", \"roster_file\", \"programme_file\"), \"municipality_id\",\n"
      "\"partners\" and \"counts\" (a dict of the carelearn::SimulationCounts fields).\n\n"
      "`progress(done, total)` is called every 1,000 sessions and at the end; an\n"
      "exception it raises (or Ctrl-C) stops the simulation and is raised here.\n"
      "Raises carelearn.AlreadyExistsError for an earlier data set there without\n"
      "`overwrite`, carelearn.FormatError for options out of range, carelearn.NotFoundError\n"
      "when a file cannot be written. The GIL is released while it runs.");
}

}  // namespace carelearn::bindings
