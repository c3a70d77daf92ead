// bindings/metrics.cpp
//
// The evaluator's measures bound for Python (carelearn/analysis/metrics.hpp)
// and the roster they divide by (carelearn/record/roster.hpp,
// carelearn/io/roster_io.hpp). Each measure runs with the GIL released and
// returns its result table as a list of (name, role, values) columns, in the
// C++ order: numbers as new numpy arrays, keys as lists of str. The package's
// carelearn.metrics turns them into DataFrames; no logic lives here beyond
// reading the arguments.
#include <pybind11/numpy.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/analysis/metrics.hpp"
#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/io/roster_io.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/roster.hpp"
#include "carelearn/schedule/programme.hpp"
#include "common.hpp"
#include "tables_handle.hpp"

namespace carelearn::bindings {
namespace {

/// A column's values for Python: a numpy array of a number type, or a list of str.
template <typename T>
py::object ValuesOf(const std::vector<T>& values) {
  if constexpr (std::is_same_v<T, std::string>) {
    return py::cast(values);
  } else {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    if (!values.empty()) {
      std::copy(values.begin(), values.end(), out.mutable_data());
    }
    return py::object(std::move(out));
  }
}

/// The numbers of a one-dimensional numpy array (of `T`'s kind and size) as a vector.
template <typename T>
std::vector<T> Copied(const py::handle& values) {
  const auto array = py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(values);
  if (!array || array.ndim() != 1) throw py::value_error("values: not a one-dimensional array");
  return std::vector<T>(array.data(), array.data() + array.size());
}

/// What the Python caller asks of small cells.
struct SmallCells {
  bool apply = true;         ///< False: leave the result as it is.
  SmallCellOptions options;  ///< Threshold, zero and mode.
};

/// Reads `small_cells` ("suppress", "flag" or "off"), `threshold` and `zero_is_small`.
SmallCells ReadSmallCells(std::string_view mode, std::int64_t threshold, bool zero_is_small) {
  SmallCells out;
  if (mode == "suppress") {
    out.options.mode = SmallCellMode::kSuppress;
  } else if (mode == "flag") {
    out.options.mode = SmallCellMode::kFlag;
  } else if (mode == "off") {
    out.apply = false;
  } else {
    throw py::value_error(absl::StrCat("small_cells: unknown value \"", std::string(mode),
                                       "\"; expected \"suppress\", \"flag\" or \"off\""));
  }
  if (threshold < 1) {
    throw py::value_error(
        absl::StrCat("threshold: ", threshold, " is below 1; a small cell has 1 or more people"));
  }
  out.options.threshold = threshold;
  out.options.zero_is_small = zero_is_small;
  return out;
}

/// Reads a period's kind: "month", "quarter" or "year".
PeriodGrouping ReadPeriod(std::string_view kind) {
  PeriodGrouping period;
  if (kind == "month") {
    period.kind = PeriodKind::kMonth;
  } else if (kind == "quarter") {
    period.kind = PeriodKind::kQuarter;
  } else if (kind == "year") {
    period.kind = PeriodKind::kYear;
  } else {
    throw py::value_error(absl::StrCat("period: unknown value \"", std::string(kind),
                                       "\"; expected \"month\", \"quarter\" or \"year\""));
  }
  return period;
}

/// Reads a link window: "same-day" or "within" (with a tolerance).
LinkOptions ReadLink(std::string_view window, absl::Duration tolerance) {
  LinkOptions link;
  if (window == "same-day") {
    link.window = LinkWindow::kSameLocalDay;
  } else if (window == "within") {
    link.window = LinkWindow::kWithin;
  } else {
    throw py::value_error(absl::StrCat("window: unknown value \"", std::string(window),
                                       "\"; expected \"same-day\" or \"within\""));
  }
  if (tolerance < absl::ZeroDuration()) {
    throw py::value_error("tolerance: a negative duration; give 0 or more");
  }
  link.tolerance = tolerance;
  return link;
}

/// The catalog `value` names (None: the built-in one).
const Catalog* ReadCatalog(const py::handle& value) {
  const Catalog* catalog = OptionalPointer<Catalog>(value, "catalog");
  return catalog != nullptr ? catalog : &BuiltinCatalog();
}

/// The days [first, last] from optional bounds; none when both are missing.
std::optional<DayRange> ReadDays(std::optional<absl::CivilDay> first,
                                 std::optional<absl::CivilDay> last) {
  if (!first && !last) return std::nullopt;
  if (!first || !last) {
    throw py::value_error(absl::StrCat(first ? "last" : "first",
                                       ": give both first and last, or neither (the days "
                                       "on which sessions took place)"));
  }
  if (*last < *first) {
    throw py::value_error(absl::StrCat("last: ", absl::FormatCivilTime(*last), " is before first, ",
                                       absl::FormatCivilTime(*first)));
  }
  return DayRange{*first, *last};
}

/// Computes `measure` without the GIL, applies small cells and lists the columns.
template <typename Measure>
py::list Run(const SmallCells& small, Measure measure) {
  using Result = decltype(measure());
  std::optional<Result> result;
  {
    py::gil_scoped_release release;
    result.emplace(measure());
    if (small.apply) SuppressSmallCells(*result, small.options);
  }
  py::list out;
  for (const ResultColumn& c : result->Columns()) {
    py::object values = std::visit([](const auto* v) { return ValuesOf(*v); }, c.data);
    out.append(py::make_tuple(std::string(c.name), std::string(ColumnRoleName(c.role)),
                              std::move(values)));
  }
  return out;
}

constexpr const char* kResultDoc =
    "\n\nReturns the result table as a list of (name, role, values) columns in the C++\n"
    "order: role is \"key\", \"people\", \"people-cell\", \"derived\", \"value\" or \"flag\";\n"
    "values a numpy array (int64, float64 or uint8) or a list of str. A withheld count\n"
    "is -1, a withheld share NaN. small_cells is \"suppress\" (withhold counts of people\n"
    "from 1 to threshold - 1 and what derives from them), \"flag\" (only set\n"
    "`suppressed`) or \"off\".";

void BindRoster(py::module_& m) {
  py::class_<Roster> roster(
      m, "Roster",
      "The pseudonymous staff of the units: who belonged to which unit, with which\n"
      "profession and shift, from which day to which day.");
  roster.def(py::init<>(), "An empty roster.");
  CopyConstructor(roster);
  roster
      .def(
          "__len__", [](const Roster& self) { return self.members.size(); },
          "The number of memberships.")
      .def(
          "columns",
          [](const Roster& self) {
            const std::size_t n = self.members.size();
            std::vector<std::string> person, unit, profession, shift;
            std::vector<std::optional<absl::CivilDay>> to;
            std::vector<absl::CivilDay> from;
            person.reserve(n);
            unit.reserve(n);
            profession.reserve(n);
            shift.reserve(n);
            from.reserve(n);
            to.reserve(n);
            for (const RosterMember& r : self.members) {
              person.push_back(r.person);
              unit.push_back(r.unit);
              profession.push_back(r.profession);
              shift.emplace_back(ShiftName(r.shift));
              from.push_back(r.from);
              to.push_back(r.to);
            }
            py::dict out;
            out["person"] = std::move(person);
            out["unit"] = std::move(unit);
            out["profession"] = std::move(profession);
            out["shift"] = std::move(shift);
            out["from"] = std::move(from);
            out["to"] = std::move(to);
            return out;
          },
          "The memberships as columns: a dict of lists person, unit, profession, shift\n"
          "(its name), from (datetime.date) and to (datetime.date or None), in roster order.")
      .def(
          "to_csv", [](const Roster& self) { return RosterToCsv(self); },
          "The roster as CSV with the header person,unit,profession,shift,from,to.")
      .def(
          "repseudonymise",
          [](const Roster& self, const Pseudonymiser& key) { return Repseudonymise(self, key); },
          py::arg("key"),
          "The roster with every person rekeyed under `key`, as sessions are for an\n"
          "evaluator: rosters and sessions rekeyed with one key still join on the person.")
      .def(
          "__repr__",
          [](const Roster& self) {
            return absl::StrCat("<Roster: ", self.members.size(), " memberships>");
          },
          "The number of memberships.");
  ValueEquality(roster);

  m.def(
      "roster_from_columns",
      [](std::vector<std::string> person, std::vector<std::string> unit,
         std::vector<std::string> profession, std::vector<std::string> shift,
         std::vector<absl::CivilDay> from, std::vector<std::optional<absl::CivilDay>> to) {
        const std::size_t n = person.size();
        const std::pair<const char*, std::size_t> sizes[] = {{"unit", unit.size()},
                                                             {"profession", profession.size()},
                                                             {"shift", shift.size()},
                                                             {"from", from.size()},
                                                             {"to", to.size()}};
        for (const auto& [name, size] : sizes) {
          if (size != n) {
            throw py::value_error(absl::StrCat(name, ": ", size, " values for ", n,
                                               " people; every column needs one per membership"));
          }
        }
        Roster out;
        out.members.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
          std::optional<Shift> s =
              shift[i].empty() ? std::optional<Shift>(Shift::kUnspecified) : ParseShift(shift[i]);
          if (!s) {
            throw py::value_error(absl::StrCat(
                "shift[", i, "]: unknown shift \"", shift[i],
                "\"; expected \"day\", \"evening\", \"night\", \"unspecified\" or \"\""));
          }
          out.members.push_back({std::move(person[i]), std::move(unit[i]), std::move(profession[i]),
                                 *s, from[i], to[i]});
        }
        ThrowIfError(ValidateRoster(out));
        return out;
      },
      py::arg("person"), py::arg("unit"), py::arg("profession"), py::arg("shift"), py::arg("from_"),
      py::arg("to"),
      "A roster from equally long columns, one membership per row: shift a name\n"
      "(\"day\", \"evening\", \"night\", \"unspecified\" or \"\"), to None while it lasts.\n"
      "Raises ValueError naming a column of another length or an unknown shift, and\n"
      "FormatError (\"members[<i>]: ...\") for an empty person or unit, a membership\n"
      "that ends before it begins, or two of one person in one unit that overlap.");
  m.def(
      "parse_roster_csv",
      [](std::string_view text, std::string_view source) {
        return Unwrap(ParseRosterCsv(text, source));
      },
      py::arg("text"), py::arg("source") = "<input>",
      "A roster from CSV text (header person,unit[,profession][,shift],from[,to]);\n"
      "FormatError naming <source>:<line>:<column> and the cause.");
  m.def(
      "load_roster_csv", [](const std::string& path) { return Unwrap(LoadRosterCsv(path)); },
      py::arg("path"),
      "A roster from the CSV file at `path`; NotFoundError when it cannot be read,\n"
      "FormatError naming <path>:<line>:<column> and the cause.");
  m.def(
      "parse_roster_json",
      [](std::string_view text, std::string source) {
        ParseOptions options;
        options.source_name = std::move(source);
        return Unwrap(ParseRosterJson(text, options));
      },
      py::arg("text"), py::arg("source") = "<json>",
      "A roster from a \"roster/1\" JSON document; FormatError naming the place,\n"
      "VersionError for another kind or a newer version.");
  m.def(
      "load_roster_json", [](const std::string& path) { return Unwrap(LoadRosterJson(path)); },
      py::arg("path"),
      "A roster from the \"roster/1\" JSON file at `path`; NotFoundError when it cannot\n"
      "be read, LimitError when it is too large, else as parse_roster_json.");
}

void BindMeasures(py::module_& m) {
  m.def(
      "link_sessions",
      [](const py::handle& tables, const Schedule& schedule, std::string_view window,
         absl::Duration tolerance) {
        const auto t = SessionTablesOf(tables, "tables");
        const LinkOptions link = ReadLink(window, tolerance);
        PlanLink result;
        {
          py::gil_scoped_release release;
          result = LinkSessions(*t, schedule, link);
        }
        return py::make_tuple(ValuesOf(result.session), ValuesOf(result.outcome),
                              ValuesOf(result.occurrence));
      },
      py::arg("tables"), py::arg("schedule"), py::kw_only(), py::arg("window") = "same-day",
      py::arg("tolerance") = absl::ZeroDuration(),
      "Links the sessions of `tables` to the occurrences of `schedule` (see\n"
      "docs/metrics.md, \"Plan and record\"): (session row per occurrence or -1,\n"
      "outcome per occurrence 0 held / 1 cancelled / 2 not recorded, occurrence per\n"
      "session row or -1). window is \"same-day\" (the local day in Copenhagen) or\n"
      "\"within\" (at most `tolerance` apart).");

  m.def(
      "measure_cadence",
      [](const py::handle& tables, const Schedule& schedule, std::string_view period,
         std::string_view window, absl::Duration tolerance, const py::handle& catalog,
         std::string_view small_cells, std::int64_t threshold, bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        CadenceOptions options;
        options.period = ReadPeriod(period);
        options.link = ReadLink(window, tolerance);
        options.catalog = ReadCatalog(catalog);
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureCadence(*t, schedule, options); });
      },
      py::arg("tables"), py::arg("schedule"), py::kw_only(), py::arg("period") = "month",
      py::arg("window") = "same-day", py::arg("tolerance") = absl::ZeroDuration(),
      py::arg("catalog") = py::none(), py::arg("small_cells") = "suppress",
      py::arg("threshold") = 5, py::arg("zero_is_small") = false,
      (std::string("Cadence per unit x format x period against `schedule`; catalog gives the\n"
                   "formats' cadences (None: the built-in catalog).") +
       kResultDoc)
          .c_str());

  m.def(
      "measure_reach",
      [](const py::handle& tables, const Roster& roster, std::string_view period,
         bool by_profession, bool by_shift, int min_sessions, std::optional<absl::CivilDay> first,
         std::optional<absl::CivilDay> last, std::string_view small_cells, std::int64_t threshold,
         bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        ReachOptions options;
        options.period = ReadPeriod(period);
        options.by_profession = by_profession;
        options.by_shift = by_shift;
        if (min_sessions < 1) {
          throw py::value_error(absl::StrCat("min_sessions: ", min_sessions, " is below 1"));
        }
        options.min_sessions = min_sessions;
        options.days = ReadDays(first, last);
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureReach(*t, roster, options); });
      },
      py::arg("tables"), py::arg("roster"), py::kw_only(), py::arg("period") = "month",
      py::arg("by_profession") = false, py::arg("by_shift") = false, py::arg("min_sessions") = 2,
      py::arg("first") = py::none(), py::arg("last") = py::none(),
      py::arg("small_cells") = "suppress", py::arg("threshold") = 5,
      py::arg("zero_is_small") = false,
      (std::string("Reach per unit (x profession x shift) x period against `roster`, over\n"
                   "the days first..last (inclusive; None: the days sessions took place).") +
       kResultDoc)
          .c_str());

  m.def(
      "measure_dose",
      [](const py::handle& tables, const Roster& roster, const py::handle& schedule,
         std::string_view period, std::optional<absl::CivilDay> first,
         std::optional<absl::CivilDay> last, std::string_view small_cells, std::int64_t threshold,
         bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        const Schedule* plan = OptionalPointer<Schedule>(schedule, "schedule");
        DoseOptions options;
        options.period = ReadPeriod(period);
        options.days = ReadDays(first, last);
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureDose(*t, roster, plan, options); });
      },
      py::arg("tables"), py::arg("roster"), py::arg("schedule") = py::none(), py::kw_only(),
      py::arg("period") = "month", py::arg("first") = py::none(), py::arg("last") = py::none(),
      py::arg("small_cells") = "suppress", py::arg("threshold") = 5,
      py::arg("zero_is_small") = false,
      (std::string("Dose (learning hours per person) per unit x period for the staff on\n"
                   "`roster`, against the hours `schedule` planned (None: none).") +
       kResultDoc)
          .c_str());

  // The four fidelity tables share their arguments.
  auto fidelity = [&m](const char* name, auto measure, const char* doc) {
    m.def(
        name,
        [measure](const py::handle& tables, const py::handle& catalog, std::string_view period,
                  std::string_view small_cells, std::int64_t threshold, bool zero_is_small) {
          const auto t = SessionTablesOf(tables, "tables");
          FidelityOptions options;
          options.catalog = ReadCatalog(catalog);
          options.period = ReadPeriod(period);
          return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                     [&] { return measure(*t, options); });
        },
        py::arg("tables"), py::kw_only(), py::arg("catalog") = py::none(),
        py::arg("period") = "month", py::arg("small_cells") = "suppress", py::arg("threshold") = 5,
        py::arg("zero_is_small") = false, (std::string(doc) + kResultDoc).c_str());
  };
  fidelity(
      "step_budgets",
      [](const SessionTables& t, const FidelityOptions& o) { return StepBudgets(t, o); },
      "Each step of `tables` (one row per steps row) against its budget for the\n"
      "people present; catalog None: the built-in catalog.");
  fidelity(
      "measure_session_fidelity",
      [](const SessionTables& t, const FidelityOptions& o) { return MeasureSessionFidelity(t, o); },
      "Fidelity of each held session: steps held, skipped, reordered, over budget,\n"
      "questions used, outputs met, facilitator.");
  fidelity(
      "measure_fidelity",
      [](const SessionTables& t, const FidelityOptions& o) { return MeasureFidelity(t, o); },
      "Fidelity per unit x format x period of the held sessions of known formats.");
  fidelity(
      "measure_step_fidelity",
      [](const SessionTables& t, const FidelityOptions& o) { return MeasureStepFidelity(t, o); },
      "Step minutes against budget per unit x format x period x step.");

  m.def(
      "measure_outcomes",
      [](const py::handle& tables, std::string_view period, std::optional<absl::Time> as_of,
         std::string_view small_cells, std::int64_t threshold, bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        OutcomeOptions options;
        options.period = ReadPeriod(period);
        if (as_of) options.as_of = *as_of;
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureOutcomes(*t, options); });
      },
      py::arg("tables"), py::kw_only(), py::arg("period") = "month", py::arg("as_of") = py::none(),
      py::arg("small_cells") = "suppress", py::arg("threshold") = 5,
      py::arg("zero_is_small") = false,
      (std::string("Learning points and the follow-through of actions per unit x format x\n"
                   "period, statuses read at the aware datetime `as_of` (None: at the end of\n"
                   "time, and nothing is overdue).") +
       kResultDoc)
          .c_str());

  m.def(
      "measure_responsiveness",
      [](const py::handle& tables, std::string_view period, double confidence,
         std::string_view small_cells, std::int64_t threshold, bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        ResponsivenessOptions options;
        options.period = ReadPeriod(period);
        if (!(confidence > 0 && confidence < 1)) {
          throw py::value_error(
              absl::StrCat("confidence: ", confidence, " is not between 0 and 1 (exclusive)"));
        }
        options.confidence = confidence;
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureResponsiveness(*t, options); });
      },
      py::arg("tables"), py::kw_only(), py::arg("period") = "month", py::arg("confidence") = 0.95,
      py::arg("small_cells") = "suppress", py::arg("threshold") = 5,
      py::arg("zero_is_small") = false,
      (std::string("Feedback ratings per unit x format x period: distribution, mean and\n"
                   "its interval at `confidence`.") +
       kResultDoc)
          .c_str());

  using Municipalities = std::map<std::string, std::string, std::less<>>;
  m.def(
      "measure_circle_matrix",
      [](const py::handle& tables, std::string_view period, Municipalities municipality,
         std::string_view small_cells, std::int64_t threshold, bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        CircleOptions options;
        options.period = ReadPeriod(period);
        options.municipality = std::move(municipality);
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureCircleMatrix(*t, options); });
      },
      py::arg("tables"), py::kw_only(), py::arg("period") = "month",
      py::arg("municipality") = Municipalities{}, py::arg("small_cells") = "suppress",
      py::arg("threshold") = 5, py::arg("zero_is_small") = false,
      (std::string("Co-participation per period x participant unit x host unit.") + kResultDoc)
          .c_str());
  m.def(
      "measure_circles",
      [](const py::handle& tables, std::string_view period, Municipalities municipality,
         std::string_view small_cells, std::int64_t threshold, bool zero_is_small) {
        const auto t = SessionTablesOf(tables, "tables");
        CircleOptions options;
        options.period = ReadPeriod(period);
        options.municipality = std::move(municipality);
        return Run(ReadSmallCells(small_cells, threshold, zero_is_small),
                   [&] { return MeasureCircles(*t, options); });
      },
      py::arg("tables"), py::kw_only(), py::arg("period") = "month",
      py::arg("municipality") = Municipalities{}, py::arg("small_cells") = "suppress",
      py::arg("threshold") = 5, py::arg("zero_is_small") = false,
      (std::string("Participation that crosses units, shifts and municipalities per period;\n"
                   "`municipality` maps unit ids to municipalities (others: the id up to '-').") +
       kResultDoc)
          .c_str());
  m.def(
      "suppress_columns",
      [](const py::list& columns, std::string_view small_cells, std::int64_t threshold,
         bool zero_is_small) {
        const SmallCells small = ReadSmallCells(small_cells, threshold, zero_is_small);
        // The columns' data, held here while SuppressColumns writes to it.
        struct Column {
          std::string name;
          ColumnRole role = ColumnRole::kKey;
          std::variant<std::vector<std::string>, std::vector<std::int64_t>, std::vector<double>,
                       std::vector<std::uint8_t>>
              data;
        };
        constexpr ColumnRole kRoles[] = {ColumnRole::kKey,        ColumnRole::kPeople,
                                         ColumnRole::kPeopleCell, ColumnRole::kDerived,
                                         ColumnRole::kValue,      ColumnRole::kFlag};
        std::vector<Column> held;
        held.reserve(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) {
          const auto item = columns[i].cast<py::tuple>();
          if (item.size() != 3) {
            throw py::value_error(
                absl::StrCat("columns[", i, "]: not a (name, role, values) tuple"));
          }
          Column c;
          c.name = item[0].cast<std::string>();
          const auto role = item[1].cast<std::string>();
          const auto* found = std::find_if(std::begin(kRoles), std::end(kRoles),
                                           [&](ColumnRole r) { return ColumnRoleName(r) == role; });
          if (found == std::end(kRoles)) {
            throw py::value_error(
                absl::StrCat("columns[", i, "]: unknown role \"", role, "\"; expected \"key\", ",
                             "\"people\", \"people-cell\", \"derived\", \"value\" or \"flag\""));
          }
          c.role = *found;
          const py::handle values = item[2];
          if (py::isinstance<py::list>(values)) {
            c.data = values.cast<std::vector<std::string>>();
          } else {
            const auto array = py::array::ensure(values);
            if (!array) {
              throw py::type_error(
                  absl::StrCat("columns[", i, "]: values must be a list or an array"));
            }
            const char kind = array.dtype().kind();
            const py::ssize_t size = array.dtype().itemsize();
            if (kind == 'i' && size == 8) {
              c.data = Copied<std::int64_t>(values);
            } else if (kind == 'f' && size == 8) {
              c.data = Copied<double>(values);
            } else if ((kind == 'u' || kind == 'b') && size == 1) {
              c.data = Copied<std::uint8_t>(values);
            } else {
              throw py::type_error(absl::StrCat("columns[", i, "] (", c.name,
                                                "): values must be int64, float64 or uint8, not ",
                                                py::str(array.dtype()).cast<std::string>()));
            }
          }
          held.push_back(std::move(c));
        }
        const std::size_t rows =
            held.empty() ? 0 : std::visit([](const auto& v) { return v.size(); }, held[0].data);
        for (const Column& c : held) {
          if (std::visit([](const auto& v) { return v.size(); }, c.data) != rows) {
            throw py::value_error(
                absl::StrCat(c.name, ": another number of rows than ", held[0].name));
          }
        }
        if (small.apply) {
          std::vector<MutableResultColumn> view;
          view.reserve(held.size());
          for (Column& c : held) {
            std::visit(
                [&](auto& v) {
                  view.push_back(MutableResultColumn{c.name, c.role, &v});
                },
                c.data);
          }
          py::gil_scoped_release release;
          SuppressColumns(view, small.options);
        }
        py::list out;
        for (const Column& c : held) {
          py::object values = std::visit([](const auto& v) { return ValuesOf(v); }, c.data);
          out.append(
              py::make_tuple(c.name, std::string(ColumnRoleName(c.role)), std::move(values)));
        }
        return out;
      },
      py::arg("columns"), py::kw_only(), py::arg("small_cells") = "suppress",
      py::arg("threshold") = 5, py::arg("zero_is_small") = false,
      "Applies small-cell suppression (SuppressColumns) to a result given as the\n"
      "(name, role, values) columns the measures return, such as the columns of a\n"
      "measure computed in parts with small_cells=\"off\" and then combined; returns\n"
      "the columns in the same form. small_cells and threshold as for the measures.\n"
      "Raises ValueError for an unknown role or columns of unequal length, TypeError\n"
      "for values that are neither a list of str nor an int64, float64 or uint8 array.");
  m.def(
      "municipalities_of", [](const Programme& programme) { return MunicipalitiesOf(programme); },
      py::arg("programme"),
      "Each unit of `programme` mapped to its top ancestor (its municipality when the\n"
      "organisation starts at the municipalities).");
}

}  // namespace

void BindMetrics(py::module_& m) {
  BindRoster(m);
  BindMeasures(m);
}

}  // namespace carelearn::bindings
