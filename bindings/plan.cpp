// bindings/plan.cpp
//
// The plan layer bound for Python: diagnostics, validation and agendas.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/plan/agenda.hpp"
#include "carelearn/plan/diagnostic.hpp"
#include "carelearn/plan/validate.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

using RoleCounts = std::map<std::string, int, std::less<>>;

void BindDiagnostic(py::module_& m) {
  py::native_enum<Severity>(m, "Severity", "enum.Enum", "How serious a finding is.")
      .value("INFO", Severity::kInfo, "Worth knowing; nothing is wrong.")
      .value("WARNING", Severity::kWarning, "Likely a mistake, but the format can be used.")
      .value("ERROR", Severity::kError, "The format cannot be used as it stands.")
      .finalize();
  m.def(
      "severity_name", [](Severity s) { return std::string(SeverityName(s)); }, py::arg("severity"),
      "The canonical name of `severity`: \"info\", \"warning\" or \"error\".");
  m.def(
      "parse_severity", [](std::string_view name) { return ParseSeverity(name); }, py::arg("name"),
      "Parses a canonical severity name; None when unknown.");

  py::class_<Diagnostic> diagnostic(
      m, "Diagnostic",
      "One finding of validation: a severity, a stable code, the path of the\n"
      "offending field (\"steps[3].budget\") and a message in Danish and English.\n\n"
      "`message(lang)` gives the message in one language; `text` holds both.\n"
      "str(d) is the English one-line form \"<severity> <code> at <path>: <message>\".");
  diagnostic
      .def(py::init([](Severity severity, std::string code, std::string path, Text text) {
             return Diagnostic{severity, std::move(code), std::move(path), std::move(text)};
           }),
           py::kw_only(), py::arg_v("severity", Severity::kError, "Severity.ERROR"),
           py::arg("code") = "", py::arg("path") = "", py::arg_v("text", Text{}, "Text()"),
           "A diagnostic from its fields.")
      .def(py::init<const Diagnostic&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("severity", &Diagnostic::severity, "How serious it is.")
      .def_readwrite("code", &Diagnostic::code,
                     "Stable code, e.g. \"budget-overrun\"; see docs/diagnostics.md.")
      .def_readwrite("path", &Diagnostic::path,
                     "Where: \"steps[3].budget\", \"roles\", \"\" for the whole format.")
      .def_readwrite("text", &Diagnostic::message,
                     "What is wrong and by how much, in Danish and English.")
      .def(
          "message",
          [](const Diagnostic& self, LangArg lang) {
            return std::string(self.message.Get(lang.lang));
          },
          py::arg_v("lang", Lang::kEn, "Lang.EN"), "The message in `lang`.")
      .def(
          "__str__", [](const Diagnostic& self) { return FormatDiagnostic(self, Lang::kEn); },
          "The diagnostic on one line, in English.");
  BindValue(diagnostic);
  m.def(
      "format_diagnostic",
      [](const Diagnostic& d, LangArg lang) { return FormatDiagnostic(d, lang.lang); },
      py::arg("diagnostic"), py::arg("lang"),
      "`diagnostic` on one line in `lang`: \"<severity> <code> at <path>: <message>\".");
  m.def(
      "has_errors",
      [](const std::vector<Diagnostic>& diagnostics) { return HasErrors(diagnostics); },
      py::arg("diagnostics"), "True when any of `diagnostics` is an error.");
}

void BindValidate(py::module_& m) {
  py::class_<ValidationContext> context(
      m, "ValidationContext",
      "What a format is validated against, beyond itself: a catalog to resolve\n"
      "references, a participant count, the roles present, the working day.\n"
      "The context keeps its catalog alive.");
  context
      .def(py::init([](const py::typing::Optional<Catalog>& catalog,
                       std::optional<int> participants, RoleCounts roles_present, WorkingDay day) {
             ValidationContext c;
             c.catalog = OptionalPointer<Catalog>(catalog, "ValidationContext(): catalog");
             c.participants = participants;
             c.roles_present = std::move(roles_present);
             c.day = day;
             return c;
           }),
           py::kw_only(), py::arg("catalog").none(true) = py::none(),
           py::arg("participants").none(true) = py::none(),
           py::arg_v("roles_present", RoleCounts{}, "{}"),
           py::arg_v("day", WorkingDay{}, "WorkingDay()"), py::keep_alive<1, 2>(),
           "A context from its fields, all keyword arguments.")
      .def(py::init<const ValidationContext&>(), py::arg("other"), py::keep_alive<1, 2>(),
           "A copy of `other`, sharing its catalog.")
      .def_property(
          "catalog", [](const ValidationContext& self) { return self.catalog; },
          py::cpp_function(
              [](ValidationContext& self, const Catalog* catalog) { self.catalog = catalog; },
              py::keep_alive<1, 2>()),
          py::return_value_policy::reference,
          "Resolves step formats, components and question sets; None skips the reference "
          "checks.")
      .def_readwrite("participants", &ValidationContext::participants,
                     "The number of people present; None skips the checks that need it.")
      .def_readwrite("roles_present", &ValidationContext::roles_present,
                     "How many of each role are present, by role id; empty skips the role "
                     "checks.")
      .def_readwrite("day", &ValidationContext::day,
                     "The length of a working day, for budgets in days.");
  BindValue(context);

  m.def(
      "validate",
      [](const Format& format, const ValidationContext& ctx) { return Validate(format, ctx); },
      py::arg("format"), py::arg_v("context", ValidationContext{}, "ValidationContext()"),
      "Checks `format` and returns what it finds, errors first, each with a stable code.\n\n"
      "Codes: no-steps, duplicate-step-id, empty-step-id, non-positive-budget,\n"
      "inverted-range, negative-skip, budget-overrun, budget-underrun,\n"
      "open-budget-without-duration, fits-at-most, missing-role, too-many-of-role,\n"
      "facilitator-prerequisite-without-role, capacity-exceeded, below-capacity,\n"
      "inverted-capacity, unresolved-reference, reference-cycle, unknown-question-set,\n"
      "output-not-produced, unknown-role. Never raises for anything in `format`.");
  m.def("max_participants_that_fit", &MaxParticipantsThatFit, py::arg("format"), py::arg("longest"),
        py::arg_v("day", WorkingDay{}, "WorkingDay()"),
        "The largest number of participants for which the steps fit the planned\n"
        "duration when each takes its longest (`longest` True) or its shortest time.\n\n"
        "None when the format has no planned duration or no step depends on the count.");
}

void BindAgenda(py::module_& m) {
  py::class_<AgendaItem> item(
      m, "AgendaItem",
      "One step of a planned agenda: its clock times (following the longest times),\n"
      "its minutes for this many people, and for a step that is a whole format,\n"
      "that format's agenda as `children`.");
  item.def(py::init<>(), "An empty item.");
  CopyConstructor(item);
  item.def_readwrite("step_id", &AgendaItem::step_id, "The step's id.")
      .def_readwrite("title", &AgendaItem::title, "The step's title.")
      .def_readwrite("lead", &AgendaItem::lead, "The role that leads it; empty when shared.")
      .def_readwrite("participation", &AgendaItem::participation, "How people take part.")
      .def_readwrite("budget", &AgendaItem::budget, "The step's budget as the format states it.")
      .def_readwrite("minutes", &AgendaItem::minutes,
                     "The step's shortest and longest time for this many people; for an open "
                     "step, its share of the planned duration.")
      .def_readwrite("start", &AgendaItem::start,
                     "Clock time the step starts (following longest times).")
      .def_readwrite("end", &AgendaItem::end, "Clock time the step ends (following longest times).")
      .def_readwrite("minutes_each", &AgendaItem::minutes_each,
                     "In a round: the minutes each person has; None otherwise.")
      .def_readwrite("turns", &AgendaItem::turns, "In a round: how many take a turn; 0 otherwise.");
  TupleField(item, "prompts", &AgendaItem::prompts,
             "The step's prompts, its question sets' resolved in.");
  TupleField(item, "produces", &AgendaItem::produces, "What the step produces.");
  TupleField(item, "children", &AgendaItem::children,
             "For a step that is a whole format: that format's agenda.");
  BindValue(item);

  py::class_<Agenda> agenda(m, "Agenda",
                            "A format planned for a date, a start time and a number of people.\n\n"
                            "Use carelearn.Agenda (from carelearn.plan_agenda), which adds str(),\n"
                            "render() and to_frame().");
  agenda.def(py::init<>(), "An empty agenda.");
  CopyConstructor(agenda);
  agenda.def_readwrite("format", &Agenda::format, "The planned format.")
      .def_readwrite("title", &Agenda::title, "Its title.")
      .def_readwrite("participants", &Agenda::participants, "How many people take part.")
      .def_readwrite("start", &Agenda::start, "When it starts.");
  TupleField(agenda, "items", &Agenda::items, "The steps in order.");
  agenda.def_readwrite("total", &Agenda::total, "What the steps take in all.")
      .def_readwrite("planned", &Agenda::planned, "The planned duration, when the format has one.")
      .def_readwrite("slack", &Agenda::slack,
                     "planned - total: positive is slack, negative is overrun; None without a "
                     "planned duration.");
  TupleField(agenda, "diagnostics", &Agenda::diagnostics,
             "What validate found for this count and catalog.");
  TupleField(agenda, "roles", &Agenda::roles,
             "The roles the format and the formats it expands define beyond the built-in ones.");
  BindValue(agenda);

  py::class_<AgendaOptions> options(
      m, "AgendaOptions",
      "Options for plan_agenda: the catalog that resolves step formats and question\n"
      "sets (None leaves them unresolved), and the working day. Keeps its catalog alive.");
  options
      .def(py::init([](const py::typing::Optional<Catalog>& catalog, WorkingDay day) {
             return AgendaOptions{OptionalPointer<Catalog>(catalog, "AgendaOptions(): catalog"),
                                  day};
           }),
           py::kw_only(), py::arg("catalog").none(true) = py::none(),
           py::arg_v("day", WorkingDay{}, "WorkingDay()"), py::keep_alive<1, 2>(),
           "Options from their fields, all keyword arguments.")
      .def(py::init<const AgendaOptions&>(), py::arg("other"), py::keep_alive<1, 2>(),
           "A copy of `other`, sharing its catalog.")
      .def_property(
          "catalog", [](const AgendaOptions& self) { return self.catalog; },
          py::cpp_function(
              [](AgendaOptions& self, const Catalog* catalog) { self.catalog = catalog; },
              py::keep_alive<1, 2>()),
          py::return_value_policy::reference,
          "Resolves step formats and question sets; None leaves them unresolved.")
      .def_readwrite("day", &AgendaOptions::day,
                     "The length of a working day, for budgets in days.");
  BindValue(options);

  m.def(
      "plan_agenda",
      [](const Format& format, int participants, absl::CivilMinute start,
         const AgendaOptions& opts) {
        return Unwrap(PlanAgenda(format, participants, start, opts));
      },
      py::arg("format"), py::arg("participants"), py::arg("start"),
      py::arg_v("options", AgendaOptions{}, "AgendaOptions()"),
      "Plans `format` for `participants` people starting at `start` (a naive\n"
      "datetime.datetime, taken to the minute).\n\n"
      "Open steps share what the planned duration leaves after the other steps.\n"
      "Raises FormatError when `participants` is below 1 or the format has no steps;\n"
      "overruns and other findings are diagnostics in the result.");
  m.def(
      "render_text", [](const Agenda& a, LangArg lang) { return RenderText(a, lang.lang); },
      py::arg("agenda"), py::arg("lang"), "`agenda` as plain text in `lang`.");
  m.def(
      "render_markdown", [](const Agenda& a, LangArg lang) { return RenderMarkdown(a, lang.lang); },
      py::arg("agenda"), py::arg("lang"), "`agenda` as a Markdown document in `lang`.");
}

}  // namespace

void BindPlan(py::module_& m) {
  BindDiagnostic(m);
  BindValidate(m);
  BindAgenda(m);
}

}  // namespace carelearn::bindings
