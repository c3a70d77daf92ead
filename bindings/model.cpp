// bindings/model.cpp
//
// The model layer bound for Python: texts, time budgets, roles, prompts,
// steps, formats, variants, differences and the catalog.
//
// Every model type is a value: fields are read-write properties, list fields
// read as tuples of copies and are replaced whole, and `==` compares every field.
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "carelearn/io/builtin_catalog.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/diff.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/role.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/model/variant.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

/// A name function's result as a std::string.
template <typename E>
std::string NameOf(std::string_view (*name)(E), E value) {
  return std::string(name(value));
}

void BindEnums(py::module_& m) {
  py::native_enum<Lang>(m, "Lang", "enum.Enum",
                        "A language in which carelearn shows text to people.")
      .value("DA", Lang::kDa, "Danish, the source language of the built-in formats.")
      .value("EN", Lang::kEn, "English.")
      .finalize();
  m.def(
      "lang_code", [](Lang lang) { return NameOf(&LangCode, lang); }, py::arg("lang"),
      "The ISO 639-1 code of `lang`: \"da\" or \"en\".");
  m.def(
      "parse_lang", [](std::string_view code) { return ParseLang(code); }, py::arg("code"),
      "Parses an ISO 639-1 code (\"da\" or \"en\", any case); None when unknown.");

  py::native_enum<TimeUnit>(m, "TimeUnit", "enum.Enum",
                            "The unit in which a budget's amounts are stated.")
      .value("MINUTE", TimeUnit::kMinute, "Minutes.")
      .value("HOUR", TimeUnit::kHour, "Hours of 60 minutes.")
      .value("DAY", TimeUnit::kDay, "Working days, whose length a WorkingDay states.")
      .finalize();
  m.def(
      "time_unit_name", [](TimeUnit unit) { return NameOf(&TimeUnitName, unit); }, py::arg("unit"),
      "The canonical name of `unit`: \"minute\", \"hour\" or \"day\".");
  m.def(
      "parse_time_unit", [](std::string_view name) { return ParseTimeUnit(name); }, py::arg("name"),
      "Parses a canonical unit name; None when unknown.");

  py::native_enum<Participation>(m, "Participation", "enum.Enum",
                                 "How the people in a step take part.")
      .value("SPEAKER", Participation::kSpeaker,
             "One person speaks (presents a case, tells what was learnt).")
      .value("QUESTIONS", Participation::kQuestions, "Colleagues ask questions of one person.")
      .value("ROUND", Participation::kRound, "A round where the word goes around, each in turn.")
      .value("PLENARY", Participation::kPlenary, "Everyone together, in open dialogue.")
      .value("GROUPS", Participation::kGroups, "In pairs or small groups.")
      .value("SHADOWING", Participation::kShadowing, "One follows another at work.")
      .value("INDIVIDUAL", Participation::kIndividual,
             "Each on their own (personal reflection, reading, writing).")
      .finalize();
  m.def(
      "participation_name", [](Participation p) { return NameOf(&ParticipationName, p); },
      py::arg("participation"),
      "The canonical name of `participation`, e.g. \"round\" or \"plenary\".");
  m.def(
      "parse_participation", [](std::string_view name) { return ParseParticipation(name); },
      py::arg("name"), "Parses a canonical participation name; None when unknown.");

  py::native_enum<OutputKind>(m, "OutputKind", "enum.Enum",
                              "What a step produces, and what a format declares as its outputs.")
      .value("LEARNING_POINT", OutputKind::kLearningPoint, "A learning point (\"laeringspointe\").")
      .value("ORGANISATIONAL_ACTION", OutputKind::kOrganisationalAction,
             "A proposed organisational action (a new procedure or standard).")
      .value("REFLECTION", OutputKind::kReflection, "A reflection.")
      .value("FEEDBACK", OutputKind::kFeedback, "Feedback to the organisers or the presenter.")
      .value("DOCUMENTATION", OutputKind::kDocumentation,
             "A written record, such as a documented trial action.")
      .finalize();
  m.def(
      "output_kind_name", [](OutputKind kind) { return NameOf(&OutputKindName, kind); },
      py::arg("kind"), "The canonical name of `kind`, e.g. \"learning-point\".");
  m.def(
      "parse_output_kind", [](std::string_view name) { return ParseOutputKind(name); },
      py::arg("name"), "Parses a canonical output kind name; None when unknown.");

  py::native_enum<Place>(m, "Place", "enum.Enum", "Where a format takes place.")
      .value("WORKPLACE", Place::kWorkplace, "At the unit, in working hours.")
      .value("CITIZENS_HOME", Place::kCitizensHome, "At the citizen's home.")
      .value("OFF_SITE", Place::kOffSite, "Away from daily work (a seminar venue).")
      .value("EDUCATION", Place::kEducation, "At an educational institution.")
      .finalize();
  m.def(
      "place_name", [](Place place) { return NameOf(&PlaceName, place); }, py::arg("place"),
      "The canonical name of `place`: \"workplace\", \"citizens-home\", \"off-site\" or "
      "\"education\".");
  m.def(
      "parse_place", [](std::string_view name) { return ParsePlace(name); }, py::arg("name"),
      "Parses a canonical place name; None when unknown.");

  py::native_enum<Period>(m, "Period", "enum.Enum", "A calendar period.")
      .value("DAY", Period::kDay, "Days.")
      .value("WEEK", Period::kWeek, "Weeks.")
      .value("MONTH", Period::kMonth, "Months.")
      .value("YEAR", Period::kYear, "Years.")
      .finalize();
  m.def(
      "period_name", [](Period period) { return NameOf(&PeriodName, period); }, py::arg("period"),
      "The canonical name of `period`: \"day\", \"week\", \"month\" or \"year\".");
  m.def(
      "parse_period", [](std::string_view name) { return ParsePeriod(name); }, py::arg("name"),
      "Parses a canonical period name; None when unknown.");
}

void BindText(py::module_& m) {
  py::class_<Text> text(m, "Text",
                        "A human-facing string in Danish and English.\n\n"
                        "Either side may be empty; `get` falls back to the other language, so a\n"
                        "format written in one language only still shows something.\n\n"
                        "Example:\n"
                        "    Text(da='Runde', en='Round').get(Lang.EN)  # 'Round'");
  text.def(py::init([](std::string da, std::string en) {
             return Text{std::move(da), std::move(en)};
           }),
           py::arg("da") = "", py::arg("en") = "",
           "A text with the Danish wording `da` and the English wording `en`.");
  CopyConstructor(text);
  text.def_readwrite("da", &Text::da, "The Danish wording.")
      .def_readwrite("en", &Text::en, "The English wording.")
      .def(
          "get", [](const Text& self, LangArg lang) { return std::string(self.Get(lang.lang)); },
          py::arg("lang"),
          "The wording in `lang`, or in the other language when that one is empty.")
      .def("empty", &Text::empty, "True when both languages are empty.")
      .def(
          "__bool__", [](const Text& self) { return !self.empty(); },
          "False when both languages are empty.");
  BindValue(text);
}

void BindTime(py::module_& m) {
  py::class_<WorkingDay> day(m, "WorkingDay",
                             "The length of a working day, used to turn \"1/2-1 day\" into "
                             "minutes.\n\nThe default is the Danish 37-hour week's 7.4 hours "
                             "(444 minutes).");
  day.def(py::init([](Finite minutes) { return WorkingDay{minutes}; }), py::arg("minutes") = 444.0,
          "A working day of `minutes` minutes.");
  CopyConstructor(day);
  day.def_readwrite("minutes", &WorkingDay::minutes, "Minutes in one working day.");
  BindValue(day);

  py::class_<MinuteRange> range(m, "MinuteRange",
                                "A closed range of minutes [min, max], what a budget comes to.");
  range.def(py::init([](double lo, double hi) {
              return MinuteRange{lo, hi};
            }),
            py::arg("min") = 0.0, py::arg("max") = 0.0, "The range from `min` to `max` minutes.");
  CopyConstructor(range);
  range.def_readwrite("min", &MinuteRange::min, "The shortest the budget allows, in minutes.")
      .def_readwrite("max", &MinuteRange::max, "The longest the budget allows, in minutes.")
      .def(py::self + py::self, "Adds two ranges bound by bound.");
  BindValue(range);

  py::class_<TimeBudget> budget(
      m, "TimeBudget",
      "The time given to a step or a format.\n\n"
      "Build it with a named constructor: `TimeBudget.fixed(5)`, `TimeBudget.range(1, 2)`,\n"
      "`TimeBudget.per_participant(1, 1, about=True)` (\"about 1 min each\" in a round),\n"
      "`TimeBudget.open()` (no time of its own: shares what the format leaves).\n"
      "`evaluate(participants)` gives the minutes for a number of people.\n\n"
      "Example:\n"
      "    TimeBudget.range(0.5, 1, TimeUnit.DAY).evaluate(2).max  # 444.0");
  py::native_enum<TimeBudget::Kind>(budget, "Kind", "enum.Enum", "What kind of budget this is.")
      .value("FIXED", TimeBudget::Kind::kFixed, "One amount: min == max.")
      .value("RANGE", TimeBudget::Kind::kRange, "From min to max.")
      .value("PER_PARTICIPANT", TimeBudget::Kind::kPerParticipant,
             "min to max for each participant who takes a turn.")
      .value("OPEN", TimeBudget::Kind::kOpen, "No time of its own: shares what the format leaves.")
      .finalize();
  budget.def(py::init([](TimeBudget::Kind kind, Finite lo, Finite hi, TimeUnit unit, bool about,
                         int skip) { return TimeBudget{kind, lo, hi, unit, about, skip}; }),
             py::kw_only(), py::arg_v("kind", TimeBudget::Kind::kFixed, "TimeBudget.Kind.FIXED"),
             py::arg("min") = 0.0, py::arg("max") = 0.0,
             py::arg_v("unit", TimeUnit::kMinute, "TimeUnit.MINUTE"), py::arg("about") = false,
             py::arg("skip") = 0,
             "A budget from its fields; the named constructors are usually clearer.");
  CopyConstructor(budget);
  budget.def_readwrite("kind", &TimeBudget::kind, "The kind of budget.")
      .def_readwrite("min", &TimeBudget::min, "The lower amount, in `unit`.")
      .def_readwrite("max", &TimeBudget::max, "The upper amount, in `unit`.")
      .def_readwrite("unit", &TimeBudget::unit, "The unit of `min` and `max`.")
      .def_readwrite("about", &TimeBudget::about, "True where the source says \"about\" (\"ca.\").")
      .def_readwrite("skip", &TimeBudget::skip,
                     "For per-participant budgets: how many of those present take no turn.")
      .def_static(
          "fixed",
          [](Finite amount, TimeUnit unit, bool about) {
            TimeBudget b = TimeBudget::Fixed(amount, unit);
            b.about = about;
            return b;
          },
          py::arg("amount"), py::arg_v("unit", TimeUnit::kMinute, "TimeUnit.MINUTE"), py::kw_only(),
          py::arg("about") = false,
          "A fixed budget of `amount` in `unit`; `about` marks it \"about\".")
      .def_static(
          "range",
          [](Finite lo, Finite hi, TimeUnit unit, bool about) {
            TimeBudget b = TimeBudget::Range(lo, hi, unit);
            b.about = about;
            return b;
          },
          py::arg("lo"), py::arg("hi"), py::arg_v("unit", TimeUnit::kMinute, "TimeUnit.MINUTE"),
          py::kw_only(), py::arg("about") = false, "A budget from `lo` to `hi` in `unit`.")
      .def_static(
          "per_participant",
          [](Finite lo, Finite hi, TimeUnit unit, bool about) {
            TimeBudget b = TimeBudget::PerParticipant(lo, hi, unit);
            b.about = about;
            return b;
          },
          py::arg("lo"), py::arg("hi"), py::arg_v("unit", TimeUnit::kMinute, "TimeUnit.MINUTE"),
          py::kw_only(), py::arg("about") = false,
          "From `lo` to `hi` in `unit` for each participant who takes a turn.")
      .def_static("open", &TimeBudget::Open, "A step with no time of its own.")
      .def("as_about", &TimeBudget::About, "A copy marked \"about\".")
      .def("skipping", &TimeBudget::Skipping, py::arg("n"),
           "A per-participant copy in which `n` of those present take no turn.")
      .def("evaluate", &TimeBudget::Evaluate, py::arg("participants"),
           py::arg_v("day", WorkingDay{}, "WorkingDay()"),
           "The minutes this budget comes to with `participants` present.\n\n"
           "Open budgets evaluate to MinuteRange(0, 0); negative counts count as zero.")
      .def("depends_on_participants", &TimeBudget::DependsOnParticipants,
           "True for a per-participant budget, whose length depends on who is present.");
  budget.def(
      "__repr__",
      [](const py::object& self) {
        // The named constructor that builds it: TimeBudget.fixed(5),
        // TimeBudget.per_participant(1, 2).skipping(1); else its fields.
        const auto& b = self.cast<const TimeBudget&>();
        const std::string unit =
            b.unit == TimeUnit::kMinute ? "" : ", " + FieldRepr(py::cast(b.unit));
        const std::string about = b.about ? ", about=True" : "";
        const std::string amounts = NumberRepr(b.min) + ", " + NumberRepr(b.max) + unit + about;
        std::string call;
        switch (b.kind) {
          case TimeBudget::Kind::kOpen:
            if (b.about || b.min != 0 || b.max != 0 || b.skip != 0 || !unit.empty()) break;
            return std::string("TimeBudget.open()");
          case TimeBudget::Kind::kFixed:
            if (b.min == b.max) call = "TimeBudget.fixed(" + NumberRepr(b.min) + unit + about + ")";
            break;
          case TimeBudget::Kind::kRange:
            call = "TimeBudget.range(" + amounts + ")";
            break;
          case TimeBudget::Kind::kPerParticipant:
            call = "TimeBudget.per_participant(" + amounts + ")";
            if (b.skip != 0) call += ".skipping(" + std::to_string(b.skip) + ")";
            break;
        }
        if (call.empty() || (b.skip != 0 && b.kind != TimeBudget::Kind::kPerParticipant)) {
          return ConstructorRepr(self);
        }
        return call;
      },
      "The named constructor that builds this budget, e.g. `TimeBudget.fixed(5)`.");
  QualifyNestedEnum(budget, "Kind");
  BindValue(budget);
}

void BindRolesAndPrompts(py::module_& m) {
  py::class_<Role> role(m, "Role",
                        "A part a person plays in a format (facilitator, case presenter, ...).");
  role.def(py::init([](std::string id, Text name, Text description) {
             return Role{std::move(id), std::move(name), std::move(description)};
           }),
           py::arg("id") = "", py::arg_v("name", Text{}, "Text()"),
           py::arg_v("description", Text{}, "Text()"), "A role from its fields.");
  CopyConstructor(role);
  role.def_readwrite("id", &Role::id, "Stable id, lower-case words joined by hyphens.")
      .def_readwrite("name", &Role::name, "The role's name in Danish and English.")
      .def_readwrite("description", &Role::description,
                     "What the role does, in Danish and English; may be empty.");
  BindValue(role);
  m.def(
      "builtin_roles",
      [] {
        std::span<const Role> all = BuiltinRoles();
        return std::vector<Role>(all.begin(), all.end());
      },
      "The built-in roles of the source texts, in a fixed order.");
  m.def(
      "find_builtin_role",
      [](std::string_view id) -> std::optional<Role> {
        const Role* found = FindBuiltinRole(id);
        if (found == nullptr) return std::nullopt;
        return *found;
      },
      py::arg("id"), "The built-in role with `id`, or None.");

  py::class_<RoleRequirement> requirement(m, "RoleRequirement",
                                          "How many people of a role a format needs.");
  requirement.def(py::init([](std::string role_id, int lo, std::optional<int> hi) {
                    return RoleRequirement{std::move(role_id), lo, hi};
                  }),
                  py::arg("role") = "", py::arg("min") = 0, py::arg("max") = py::none(),
                  "`min` to `max` people of the role `role` (max None: no limit).");
  CopyConstructor(requirement);
  requirement.def_readwrite("role", &RoleRequirement::role, "The role's id.")
      .def_readwrite("min", &RoleRequirement::min, "The fewest needed; 0 for an optional role.")
      .def_readwrite("max", &RoleRequirement::max, "The most allowed; None for no limit.");
  BindValue(requirement);

  py::class_<Prompt> prompt(m, "Prompt",
                            "A question or prompt shown to the people in a step, with a stable "
                            "id\nso that a record can say which were asked.");
  prompt.def(py::init([](std::string id, Text text, std::string audience) {
               return Prompt{std::move(id), std::move(text), std::move(audience)};
             }),
             py::arg("id") = "", py::arg_v("text", Text{}, "Text()"), py::arg("audience") = "",
             "A prompt from its fields.");
  CopyConstructor(prompt);
  prompt.def_readwrite("id", &Prompt::id, "Stable id, unique within its step or question set.")
      .def_readwrite("text", &Prompt::text, "The question in Danish and English.")
      .def_readwrite("audience", &Prompt::audience,
                     "The role the question is addressed to; empty for everyone.");
  BindValue(prompt);

  py::class_<QuestionSet> set(m, "QuestionSet",
                              "A reusable, versioned list of prompts (e.g. the 8 learning "
                              "questions).");
  set.def(py::init([](std::string id, int version, Text title, Text source,
                      std::vector<Prompt> prompts) {
            return QuestionSet{std::move(id), version, std::move(title), std::move(source),
                               std::move(prompts)};
          }),
          py::kw_only(), py::arg("id") = "", py::arg("version") = 1,
          py::arg_v("title", Text{}, "Text()"), py::arg_v("source", Text{}, "Text()"),
          py::arg_v("prompts", std::vector<Prompt>{}, "()"), "A question set from its fields.");
  CopyConstructor(set);
  set.def_readwrite("id", &QuestionSet::id, "Stable id, e.g. \"learning-questions\".")
      .def_readwrite("version", &QuestionSet::version, "Version, raised when prompts change.")
      .def_readwrite("title", &QuestionSet::title, "The set's name.")
      .def_readwrite("source", &QuestionSet::source,
                     "Where the questions come from; may be empty.");
  TupleField(set, "prompts", &QuestionSet::prompts, "The prompts, in the order they are asked.");
  BindValue(set);
}

void BindStep(py::module_& m) {
  py::class_<FormatRef> ref(m, "FormatRef",
                            "A reference to a format by id and, optionally, version (None: the "
                            "newest).");
  ref.def(py::init([](std::string id, std::optional<int> version) {
            return FormatRef{std::move(id), version};
          }),
          py::arg("id") = "", py::arg("version") = py::none(), "A reference to `id` at `version`.");
  CopyConstructor(ref);
  ref.def_readwrite("id", &FormatRef::id, "The referenced format's id.")
      .def_readwrite("version", &FormatRef::version,
                     "The version, or None for the newest in the catalog.");
  BindValue(ref);

  py::class_<Step> step(m, "Step",
                        "One part of a format's agenda: what happens, for how long, who leads,\n"
                        "how people take part, which prompts are used and what it produces.\n"
                        "A step may be a whole other format (`format`).\n\n"
                        "Example:\n"
                        "    Step(id='round', title=Text(da='Runde', en='Round'),\n"
                        "         budget=TimeBudget.per_participant(1, 1, about=True),\n"
                        "         participation=Participation.ROUND,\n"
                        "         produces=[OutputKind.REFLECTION])");
  step.def(
      py::init([](std::string id, Text title, Text purpose, TimeBudget budget, std::string lead,
                  Participation participation, std::vector<Prompt> prompts,
                  std::vector<std::string> question_sets, std::vector<OutputKind> produces,
                  std::optional<FormatRef> format, std::string extensions) {
        return Step{
            std::move(id),       std::move(title),  std::move(purpose),   budget,
            std::move(lead),     participation,     std::move(prompts),   std::move(question_sets),
            std::move(produces), std::move(format), std::move(extensions)};
      }),
      py::kw_only(), py::arg("id") = "", py::arg_v("title", Text{}, "Text()"),
      py::arg_v("purpose", Text{}, "Text()"), py::arg_v("budget", TimeBudget{}, "TimeBudget()"),
      py::arg("lead") = "",
      py::arg_v("participation", Participation::kPlenary, "Participation.PLENARY"),
      py::arg_v("prompts", std::vector<Prompt>{}, "()"),
      py::arg_v("question_sets", std::vector<std::string>{}, "()"),
      py::arg_v("produces", std::vector<OutputKind>{}, "()"), py::arg("format") = py::none(),
      py::arg("extensions") = "", "A step from its fields.");
  CopyConstructor(step);
  step.def_readwrite("id", &Step::id, "Stable id, unique within the format.")
      .def_readwrite("title", &Step::title, "What happens, in a few words.")
      .def_readwrite("purpose", &Step::purpose, "Why, or how to do it well; may be empty.")
      .def_readwrite("budget", &Step::budget, "The time the step is given.")
      .def_readwrite("lead", &Step::lead,
                     "The id of the role that leads the step; empty when shared.")
      .def_readwrite("participation", &Step::participation, "How people take part.");
  TupleField(step, "prompts", &Step::prompts, "Prompts written into the step.");
  TupleField(step, "question_sets", &Step::question_sets,
             "Ids of catalog question sets the step draws on.");
  TupleField(step, "produces", &Step::produces, "What the step produces.");
  step.def_readwrite("format", &Step::format, "Set when the step is a whole other format.")
      .def_readwrite("extensions", &Step::extensions,
                     "User data (JSON key \"extensions\") as canonical JSON object text; empty "
                     "when none.");
  BindValue(step);
}

void BindFormat(py::module_& m) {
  py::class_<Prerequisite> prerequisite(m, "Prerequisite", "A condition for a format to work.");
  prerequisite.def(
      py::init([](std::string id, Text text) {
        return Prerequisite{std::move(id), std::move(text)};
      }),
      py::arg("id") = "", py::arg_v("text", Text{}, "Text()"),
      "A prerequisite with the stable id `id` (e.g. \"fixed-interval\") and its wording.");
  CopyConstructor(prerequisite);
  prerequisite
      .def_readwrite("id", &Prerequisite::id,
                     "Stable id: \"fixed-interval\", \"facilitator\", \"recognisable-agenda\", "
                     "\"leader-backing\", \"ground-rules\" or a format's own.")
      .def_readwrite("text", &Prerequisite::text, "What it asks, in Danish and English.");
  BindValue(prerequisite);

  py::class_<Setting> setting(m, "Setting", "The physical setting of a format.");
  setting.def(py::init([](Place place, bool standing) {
                return Setting{place, standing};
              }),
              py::arg_v("place", Place::kWorkplace, "Place.WORKPLACE"), py::arg("standing") = false,
              "Held at `place`, standing or not.");
  CopyConstructor(setting);
  setting.def_readwrite("place", &Setting::place, "Where it happens.")
      .def_readwrite("standing", &Setting::standing, "True when held standing.");
  BindValue(setting);

  py::class_<Capacity> capacity(m, "Capacity", "How many people a format is for.");
  capacity
      .def(py::init([](int lo, std::optional<int> hi, std::optional<int> typical) {
             return Capacity{lo, hi, typical};
           }),
           py::arg("min") = 1, py::arg("max") = py::none(), py::arg("typical") = py::none(),
           "From `min` to `max` participants (max None: no limit), usually `typical`.")
      .def(py::init<const Capacity&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("min", &Capacity::min, "The fewest participants.")
      .def_readwrite("max", &Capacity::max, "The most participants; None for no limit.")
      .def_readwrite("typical", &Capacity::typical,
                     "The usual group size, where the source gives one.");
  BindValue(capacity);

  py::class_<Cadence> cadence(m, "Cadence",
                              "How often a format is held: every `interval` `unit`s, optionally "
                              "`count` times in all.");
  cadence
      .def(py::init([](int interval, Period unit, std::optional<int> count) {
             return Cadence{interval, unit, count};
           }),
           py::arg("interval") = 1, py::arg_v("unit", Period::kWeek, "Period.WEEK"),
           py::arg("count") = py::none(),
           "Every `interval` `unit`s, `count` times (None: ongoing).")
      .def(py::init<const Cadence&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("interval", &Cadence::interval, "Every this many units.")
      .def_readwrite("unit", &Cadence::unit, "The unit of the interval.")
      .def_readwrite("count", &Cadence::count, "How many times in all; None when it goes on.");
  BindValue(cadence);

  py::class_<DeclaredOutput> output(m, "DeclaredOutput",
                                    "An output a format promises, and where it goes next.");
  output
      .def(py::init([](OutputKind kind, int lo, std::optional<int> hi, std::string destination,
                       Text note) {
             return DeclaredOutput{kind, lo, hi, std::move(destination), std::move(note)};
           }),
           py::arg_v("kind", OutputKind::kLearningPoint, "OutputKind.LEARNING_POINT"),
           py::arg("min") = 0, py::arg("max") = py::none(), py::arg("destination") = "",
           py::arg_v("note", Text{}, "Text()"),
           "`min` to `max` outputs of `kind` (min == max: exactly that many), going to "
           "`destination`.")
      .def(py::init<const DeclaredOutput&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("kind", &DeclaredOutput::kind, "What is produced.")
      .def_readwrite("min", &DeclaredOutput::min, "The fewest the format asks for.")
      .def_readwrite("max", &DeclaredOutput::max, "The most; None for no limit.")
      .def_readwrite("destination", &DeclaredOutput::destination,
                     "Where it goes next (e.g. \"staff-meeting\", \"leader\"); may be empty.")
      .def_readwrite("note", &DeclaredOutput::note, "How it is passed on, in words; may be empty.");
  BindValue(output);

  py::class_<Component> component(m, "Component",
                                  "A format that a programme-level format contains, and how "
                                  "often.");
  component
      .def(py::init([](FormatRef format, std::optional<Cadence> cadence_, Text note) {
             return Component{std::move(format), cadence_, std::move(note)};
           }),
           py::arg_v("format", FormatRef{}, "FormatRef()"), py::arg("cadence") = py::none(),
           py::arg_v("note", Text{}, "Text()"), "The contained `format`, held at `cadence`.")
      .def(py::init<const Component&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("format", &Component::format, "The contained format.")
      .def_readwrite("cadence", &Component::cadence,
                     "How often it is held within the programme; None when not said.")
      .def_readwrite("note", &Component::note, "Who holds it, or other notes; may be empty.");
  BindValue(component);

  py::class_<Format> format(
      m, "Format",
      "A learning format: a protocol of steps with roles, time, cadence and outputs.\n\n"
      "A plain value; it refers to other formats only by id (FormatRef), resolved\n"
      "through a Catalog. Use carelearn.Format, which adds to_dict/from_dict, save,\n"
      "iteration over the steps and a constructor-like repr.");
  format.def(py::init([](std::string id, int version, Text title, Text purpose, Text source,
                         std::vector<Prerequisite> prerequisites, Setting setting_,
                         Capacity capacity_, std::optional<TimeBudget> duration,
                         std::optional<Cadence> cadence_, std::vector<Role> defined_roles,
                         std::vector<RoleRequirement> roles, std::vector<Step> steps,
                         std::vector<DeclaredOutput> outputs, std::vector<Component> components,
                         std::vector<FormatRef> lineage, std::string extensions) {
               Format f;
               f.id = std::move(id);
               f.version = version;
               f.title = std::move(title);
               f.purpose = std::move(purpose);
               f.source = std::move(source);
               f.prerequisites = std::move(prerequisites);
               f.setting = setting_;
               f.capacity = capacity_;
               f.duration = duration;
               f.cadence = cadence_;
               f.defined_roles = std::move(defined_roles);
               f.roles = std::move(roles);
               f.steps = std::move(steps);
               f.outputs = std::move(outputs);
               f.components = std::move(components);
               f.lineage = std::move(lineage);
               f.extensions = std::move(extensions);
               return f;
             }),
             py::kw_only(), py::arg("id") = "", py::arg("version") = 1,
             py::arg_v("title", Text{}, "Text()"), py::arg_v("purpose", Text{}, "Text()"),
             py::arg_v("source", Text{}, "Text()"),
             py::arg_v("prerequisites", std::vector<Prerequisite>{}, "()"),
             py::arg_v("setting", Setting{}, "Setting()"),
             py::arg_v("capacity", Capacity{}, "Capacity()"), py::arg("duration") = py::none(),
             py::arg("cadence") = py::none(), py::arg_v("defined_roles", std::vector<Role>{}, "()"),
             py::arg_v("roles", std::vector<RoleRequirement>{}, "()"),
             py::arg_v("steps", std::vector<Step>{}, "()"),
             py::arg_v("outputs", std::vector<DeclaredOutput>{}, "()"),
             py::arg_v("components", std::vector<Component>{}, "()"),
             py::arg_v("lineage", std::vector<FormatRef>{}, "()"), py::arg("extensions") = "",
             "A format from its fields, all keyword arguments.");
  CopyConstructor(format);
  format.def_readwrite("id", &Format::id, "Stable id, lower-case words joined by hyphens.")
      .def_readwrite("version", &Format::version, "Raised whenever the format changes.")
      .def_readwrite("title", &Format::title, "The format's name.")
      .def_readwrite("purpose", &Format::purpose, "Why it is held.")
      .def_readwrite("source", &Format::source,
                     "Where the format comes from (a source text); may be empty.");
  TupleField(format, "prerequisites", &Format::prerequisites, "What it needs to work.");
  format.def_readwrite("setting", &Format::setting, "Where it takes place.")
      .def_readwrite("capacity", &Format::capacity, "How many people it is for.")
      .def_readwrite("duration", &Format::duration, "The planned duration; None when open-ended.")
      .def_readwrite("cadence", &Format::cadence, "The recommended cadence; None when not said.");
  TupleField(format, "defined_roles", &Format::defined_roles,
             "Roles this format defines beyond the built-in ones.");
  TupleField(format, "roles", &Format::roles, "The roles it needs.");
  TupleField(format, "steps", &Format::steps, "The agenda, in order.");
  TupleField(format, "outputs", &Format::outputs, "What it promises to produce.");
  TupleField(format, "components", &Format::components, "For programmes: the formats it contains.");
  TupleField(format, "lineage", &Format::lineage,
             "The formats this one was derived from, the immediate base last.");
  format
      .def_readwrite("extensions", &Format::extensions,
                     "User data (JSON key \"extensions\") as canonical JSON object text; empty "
                     "when none.")
      .def(
          "find_step",
          [](const Format& self, std::string_view step_id) -> std::optional<Step> {
            const Step* found = self.FindStep(step_id);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("step_id"), "A copy of the step with `step_id`, or None.")
      .def(
          "find_role",
          [](const Format& self, std::string_view role_id) -> std::optional<RoleRequirement> {
            const RoleRequirement* found = self.FindRole(role_id);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("role_id"), "A copy of the role requirement for `role_id`, or None.")
      .def(
          "has_prerequisite",
          [](const Format& self, std::string_view id) { return self.HasPrerequisite(id); },
          py::arg("prerequisite_id"), "True when the format has the prerequisite.");
  BindValue(format);
}

void BindVariant(py::module_& m) {
  py::class_<StepChange> change(m, "StepChange",
                                "One change a variant makes to its base's steps.\n\n"
                                "Build it with a named constructor: `StepChange.add(step, "
                                "after='case')`,\n`StepChange.remove('joint-reflection')`, "
                                "`StepChange.replace(id, step)`,\n`StepChange.set_budget(id, "
                                "budget)`, `StepChange.set_prompts(id, prompts)`.");
  py::native_enum<StepChange::Op>(change, "Op", "enum.Enum", "What a change does.")
      .value("ADD", StepChange::Op::kAdd,
             "Inserts `step` after the step `target` (at the start when empty).")
      .value("REMOVE", StepChange::Op::kRemove, "Removes the step `target`.")
      .value("REPLACE", StepChange::Op::kReplace, "Replaces the step `target` with `step`.")
      .value("SET_BUDGET", StepChange::Op::kSetBudget, "Gives the step `target` the budget.")
      .value("SET_PROMPTS", StepChange::Op::kSetPrompts, "Gives the step `target` the prompts.")
      .finalize();
  change
      .def(py::init([](StepChange::Op op, std::string target, std::optional<Step> step,
                       std::optional<TimeBudget> budget, std::vector<Prompt> prompts) {
             return StepChange{op, std::move(target), std::move(step), budget, std::move(prompts)};
           }),
           py::kw_only(), py::arg_v("op", StepChange::Op::kRemove, "StepChange.Op.REMOVE"),
           py::arg("target") = "", py::arg("step") = py::none(), py::arg("budget") = py::none(),
           py::arg_v("prompts", std::vector<Prompt>{}, "()"),
           "A change from its fields; the named constructors are usually clearer.")
      .def(py::init<const StepChange&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("op", &StepChange::op, "What the change does.")
      .def_readwrite("target", &StepChange::target,
                     "The id of the step it applies to (for ADD: the step to insert after).")
      .def_readwrite("step", &StepChange::step, "The new step, for ADD and REPLACE.")
      .def_readwrite("budget", &StepChange::budget, "The new budget, for SET_BUDGET.");
  TupleField(change, "prompts", &StepChange::prompts, "The new prompts, for SET_PROMPTS.");
  change
      .def_static("add", &StepChange::Add, py::arg("step"), py::arg("after") = "",
                  "Inserts `step` after the step `after` (at the start when empty).")
      .def_static("remove", &StepChange::Remove, py::arg("target"), "Removes the step `target`.")
      .def_static("replace", &StepChange::Replace, py::arg("target"), py::arg("step"),
                  "Replaces the step `target` with `step`.")
      .def_static("set_budget", &StepChange::SetBudget, py::arg("target"), py::arg("budget"),
                  "Gives the step `target` a new budget.")
      .def_static("set_prompts", &StepChange::SetPrompts, py::arg("target"), py::arg("prompts"),
                  "Gives the step `target` new prompts.");
  QualifyNestedEnum(change, "Op");
  BindValue(change);
  m.def(
      "step_change_op_name", [](StepChange::Op op) { return NameOf(&StepChangeOpName, op); },
      py::arg("op"),
      "The canonical name of `op`: \"add\", \"remove\", \"replace\", \"set-budget\" or "
      "\"set-prompts\".");
  m.def(
      "parse_step_change_op", [](std::string_view name) { return ParseStepChangeOp(name); },
      py::arg("name"), "Parses a canonical change name; None when unknown.");

  py::class_<Variant> variant(
      m, "Variant",
      "A format derived from a base format (`extends`) by a list of changes.\n\n"
      "Fields left None keep the base's value. Use carelearn.Variant, which adds\n"
      "to_dict/from_dict and save.");
  variant.def(py::init([](std::string id, int version, FormatRef extends, std::optional<Text> title,
                          std::optional<Text> purpose, std::optional<Setting> setting_,
                          std::optional<Capacity> capacity_, std::optional<TimeBudget> duration,
                          std::optional<Cadence> cadence_,
                          std::optional<std::vector<RoleRequirement>> roles,
                          std::optional<std::vector<DeclaredOutput>> outputs,
                          std::vector<StepChange> changes, std::string extensions) {
                Variant v;
                v.id = std::move(id);
                v.version = version;
                v.extends = std::move(extends);
                v.title = std::move(title);
                v.purpose = std::move(purpose);
                v.setting = setting_;
                v.capacity = capacity_;
                v.duration = duration;
                v.cadence = cadence_;
                v.roles = std::move(roles);
                v.outputs = std::move(outputs);
                v.changes = std::move(changes);
                v.extensions = std::move(extensions);
                return v;
              }),
              py::kw_only(), py::arg("id") = "", py::arg("version") = 1,
              py::arg_v("extends", FormatRef{}, "FormatRef()"), py::arg("title") = py::none(),
              py::arg("purpose") = py::none(), py::arg("setting") = py::none(),
              py::arg("capacity") = py::none(), py::arg("duration") = py::none(),
              py::arg("cadence") = py::none(), py::arg("roles") = py::none(),
              py::arg("outputs") = py::none(),
              py::arg_v("changes", std::vector<StepChange>{}, "()"), py::arg("extensions") = "",
              "A variant from its fields, all keyword arguments.");
  CopyConstructor(variant);
  variant.def_readwrite("id", &Variant::id, "The derived format's id; differs from the base's.")
      .def_readwrite("version", &Variant::version, "The derived format's version.")
      .def_readwrite("extends", &Variant::extends,
                     "The base format; give a version so the variant is stable.")
      .def_readwrite("title", &Variant::title, "A new title, or None.")
      .def_readwrite("purpose", &Variant::purpose, "A new purpose, or None.")
      .def_readwrite("setting", &Variant::setting, "A new setting, or None.")
      .def_readwrite("capacity", &Variant::capacity, "A new capacity, or None.")
      .def_readwrite("duration", &Variant::duration, "A new planned duration, or None.")
      .def_readwrite("cadence", &Variant::cadence, "A new cadence, or None.")
      .def_readwrite("roles", &Variant::roles, "New role requirements, or None.")
      .def_readwrite("outputs", &Variant::outputs, "New declared outputs, or None.");
  TupleField(variant, "changes", &Variant::changes, "Changes to the steps, applied in order.");
  variant.def_readwrite("extensions", &Variant::extensions,
                        "User data (JSON key \"extensions\") as canonical JSON object text; empty "
                        "when none.");
  BindValue(variant);

  m.def(
      "apply_variant",
      [](const Format& base, const Variant& v) { return Unwrap(ApplyVariant(base, v)); },
      py::arg("base"), py::arg("variant"),
      "Applies `variant` to `base` and returns the derived format.\n\n"
      "The result has the variant's id and version, the base's fields where the\n"
      "variant leaves them unset, and lineage = base's lineage + the base itself.\n\n"
      "Raises FormatError when `base` is not the format the variant extends, when a\n"
      "change names a step the format lacks, when an added step's id is taken, or\n"
      "when a change lacks the field its op needs (the message names the change).");
}

void BindDiff(py::module_& m) {
  py::class_<Difference> difference(m, "Difference", "One difference between two formats.");
  py::native_enum<Difference::Kind>(difference, "Kind", "enum.Enum", "How the two sides differ.")
      .value("ADDED", Difference::Kind::kAdded, "Present only in the second format.")
      .value("REMOVED", Difference::Kind::kRemoved, "Present only in the first format.")
      .value("CHANGED", Difference::Kind::kChanged, "Present in both, with different values.")
      .finalize();
  difference
      .def(py::init(
               [](Difference::Kind kind, std::string path, std::string before, std::string after) {
                 return Difference{kind, std::move(path), std::move(before), std::move(after)};
               }),
           py::kw_only(), py::arg_v("kind", Difference::Kind::kChanged, "Difference.Kind.CHANGED"),
           py::arg("path") = "", py::arg("before") = "", py::arg("after") = "",
           "A difference from its fields.")
      .def(py::init<const Difference&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("kind", &Difference::kind, "How the sides differ.")
      .def_readwrite("path", &Difference::path,
                     "Where: a field (\"duration\", \"title.en\") or a step (\"steps[round]."
                     "budget\").")
      .def_readwrite("before", &Difference::before,
                     "The first format's value in short text; empty when added.")
      .def_readwrite("after", &Difference::after,
                     "The second format's value in short text; empty when removed.");
  QualifyNestedEnum(difference, "Kind");
  BindValue(difference);
  m.def(
      "difference_kind_name",
      [](Difference::Kind kind) { return NameOf(&DifferenceKindName, kind); }, py::arg("kind"),
      "The canonical name of `kind`: \"added\", \"removed\" or \"changed\".");
  m.def("diff", &Diff, py::arg("a"), py::arg("b"),
        "How `b` differs from `a`: format fields first, then steps in `b`'s order,\n"
        "then steps only `a` has. Steps are matched by id. Equal formats give [].");
  m.def(
      "describe_budget",
      [](const TimeBudget& budget, LangArg lang) { return DescribeBudget(budget, lang.lang); },
      py::arg("budget"), py::arg_v("lang", Lang::kEn, "Lang.EN"),
      "`budget` in short words: \"5 min\", \"1-2 min\", \"ca. 1 min each\", \"open\"; in\n"
      "Danish (lang=\"da\") \"ca. 1 min hver\", \"åben\".");
  m.def(
      "describe_cadence",
      [](const Cadence& cadence, LangArg lang) { return DescribeCadence(cadence, lang.lang); },
      py::arg("cadence"), py::arg_v("lang", Lang::kEn, "Lang.EN"),
      "`cadence` in words: \"every 2 weeks\", \"every month, 8 times\"; in Danish\n"
      "(lang=\"da\") \"hver 2. uge\", \"hver måned, 8 gange\".");
}

void BindCatalog(py::module_& m) {
  py::class_<Catalog> catalog(
      m, "Catalog",
      "A set of formats and question sets, keyed by id and version.\n\n"
      "A catalog holds values: adding a format copies it. Use carelearn.Catalog,\n"
      "which adds lookup by `catalog[id]`, iteration and to_frame().");
  catalog.def(py::init<>(), "An empty catalog.");
  CopyConstructor(catalog);
  catalog
      .def_static(
          "builtin", [] { return BuiltinCatalog(); },
          "A copy of the built-in catalog of the source texts' formats and question sets.")
      .def(
          "add", [](Catalog& self, Format f) { ThrowIfError(self.Add(std::move(f))); },
          py::arg("format"),
          "Adds a copy of `format`.\n\n"
          "Raises AlreadyExistsError for a format with the same id and version, and\n"
          "FormatError for an empty id or a version below 1.")
      .def(
          "add", [](Catalog& self, QuestionSet s) { ThrowIfError(self.Add(std::move(s))); },
          py::arg("question_set"),
          "Adds a copy of `question_set`.\n\n"
          "Raises AlreadyExistsError for the same id and version, FormatError for an empty id.")
      .def(
          "add_variant", [](Catalog& self, const Variant& v) { ThrowIfError(self.AddVariant(v)); },
          py::arg("variant"),
          "Resolves `variant` against its base in this catalog and adds the result.\n\n"
          "Raises NotFoundError when the base is not in the catalog, and the errors of\n"
          "apply_variant and add.")
      .def(
          "find",
          [](const Catalog& self, std::string_view id,
             std::optional<int> version) -> std::optional<Format> {
            const Format* found = self.Find(id, version);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("id"), py::arg("version") = py::none(),
          "A copy of the format `id` at `version` (None: the newest), or None.")
      .def(
          "find",
          [](const Catalog& self, const FormatRef& ref) -> std::optional<Format> {
            const Format* found = self.Find(ref);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("ref"), "A copy of the format `ref` names, or None.")
      .def(
          "find_question_set",
          [](const Catalog& self, std::string_view id,
             std::optional<int> version) -> std::optional<QuestionSet> {
            const QuestionSet* found = self.FindQuestionSet(id, version);
            if (found == nullptr) return std::nullopt;
            return *found;
          },
          py::arg("id"), py::arg("version") = py::none(),
          "A copy of the question set `id` at `version` (None: the newest), or None.")
      .def(
          "formats",
          [](const Catalog& self) {
            std::vector<Format> out;
            for (const Format* f : self.formats()) out.push_back(*f);
            return out;
          },
          "Copies of every format, ordered by id and then version.")
      .def(
          "question_sets",
          [](const Catalog& self) {
            std::vector<QuestionSet> out;
            for (const QuestionSet* s : self.question_sets()) out.push_back(*s);
            return out;
          },
          "Copies of every question set, ordered by id and then version.")
      .def("__len__", &Catalog::size, "The number of formats.");
}

}  // namespace

void BindModel(py::module_& m) {
  BindEnums(m);
  BindText(m);
  BindTime(m);
  BindRolesAndPrompts(m);
  BindStep(m);
  BindFormat(m);
  BindVariant(m);
  BindDiff(m);
  BindCatalog(m);
}

}  // namespace carelearn::bindings
