// carelearn/plan/agenda.hpp
//
// Defines `Agenda`, a format planned for a start time and a number of
// people: clock times for each step, each person's minutes in a round, the
// total, and the slack or overrun against the planned duration; and its
// renderings as plain text and Markdown in Danish or English.
//
// How the times are worked out:
//   - Every step has a shortest and a longest time for the number of people
//     (`TimeBudget::Evaluate`); in a round everyone present takes a turn
//     unless the budget says `skip`.
//   - Open steps share equally what the planned duration leaves after the
//     other steps: what the shortest planned duration leaves after the other
//     steps' shortest times, and what the longest leaves after their longest.
//     Without a planned duration they get no time (and Validate says so).
//   - A step that names a format (`Step::format`, resolved through
//     `AgendaOptions::catalog`) gets that format's agenda as its `children`,
//     fitted into the step's time: the sub-format's open steps share the
//     step's time, and the children's clock times run from the step's start.
//     An open step that names a format takes that format's planned duration,
//     or, when it has none, what its steps take if none of them is open;
//     otherwise the step shares like any open step. A format already being
//     expanded (a reference cycle) is not expanded again.
//   - Clock times follow the long schedule (every step at its longest, open
//     steps sharing what that leaves), so the agenda shows when a step starts
//     at the latest; the shortest times are kept beside them in `minutes`.
//   - Rounding: the exact minutes are summed from the agenda's start, and
//     each step's end is that running sum rounded to the nearest whole minute
//     (halves up); the next step starts where the last one ended. So the clock
//     times always add up, and no step's clock span is more than a minute off
//     its exact time: 1.5 + 1.5 + 1.5 minutes from 14:00 end at 14:02, 14:03
//     and 14:05. Children are rounded on the same running sum as their parent.
//
// Example:
//
//   auto agenda = carelearn::PlanAgenda(*meeting, 12, absl::CivilMinute(2026, 3, 4, 14, 0));
//   std::cout << carelearn::RenderText(*agenda, carelearn::Lang::kEn);
//   // Agenda: Systematic learning meeting
//   // Date: Wednesday 4 March 2026
//   // ...
//   // 14:17–14:29  ca. 1 min × 12 = 12 min  4. Round: what the case teaches ... (led by
//   Facilitator)
#ifndef CARELEARN_PLAN_AGENDA_HPP_
#define CARELEARN_PLAN_AGENDA_HPP_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/plan/diagnostic.hpp"

namespace carelearn {

/// One step of a planned agenda.
struct AgendaItem {
  std::string step_id = {};  ///< The step's id.
  Text title = {};           ///< The step's title.
  std::string lead = {};     ///< The role that leads it; empty when shared.
  Participation participation = Participation::kPlenary;  ///< How people take part.
  TimeBudget budget = {};  ///< The step's budget as the format states it.
  /// The step's shortest and longest time for this many people; for an open
  /// step, its share of the planned duration.
  MinuteRange minutes = {};
  absl::CivilMinute start = {};  ///< Clock time the step starts (following longest times).
  absl::CivilMinute end = {};    ///< Clock time the step ends (following longest times).
  /// For a per-participant budget (a round): the minutes each person has; with `turns`.
  std::optional<MinuteRange> minutes_each = {};
  int turns = 0;  ///< For a per-participant budget: how many take a turn; else 0.
  std::vector<Prompt> prompts =
      {};  ///< The step's prompts, its question sets' resolved in after them.
  std::vector<OutputKind> produces = {};  ///< What the step produces.
  std::vector<AgendaItem> children =
      {};  ///< For a step that is a whole format: that format's agenda.
};

/// A format planned for a date, a start time and a number of people.
struct Agenda {
  FormatRef format = {};               ///< The planned format, with its version.
  Text title = {};                     ///< Its title.
  int participants = 0;                ///< How many people take part.
  absl::CivilMinute start = {};        ///< When it starts.
  std::vector<AgendaItem> items = {};  ///< The steps in order.
  /// What the steps take in all: the short schedule and the long schedule.
  /// With open steps this is not the sum of the items' `minutes`, since the
  /// open steps take what the others leave.
  MinuteRange total = {};
  std::optional<MinuteRange> planned = {};  ///< The planned duration, when the format has one.
  /// The planned duration as the format states it ("½–1 day"), when it has one.
  std::optional<TimeBudget> duration = {};
  /// The planned duration's longest time less the total: `min` when every step
  /// takes its longest time, `max` when every step takes its shortest. Positive
  /// is slack, negative is overrun; none without a planned duration.
  std::optional<MinuteRange> slack = {};
  std::vector<Diagnostic> diagnostics = {};  ///< What `Validate` found for this count and catalog.
  /// The roles the format and the formats it expands define beyond the
  /// built-in ones, so that a rendering can name every lead.
  std::vector<Role> roles = {};
};

/// Options for `PlanAgenda`.
struct AgendaOptions {
  /// Resolves step formats and question sets; nullptr leaves them unresolved.
  const Catalog* catalog = nullptr;
  WorkingDay day = {};  ///< The length of a working day, for budgets in days.
};

/// Plans `format` for `participants` people starting at `start`.
///
/// The rules for times, open steps, sub-formats and rounding are in this
/// file's banner. The result's `diagnostics` are `Validate(format, {catalog,
/// participants, {}, day})`, so an overrun shows there as "budget-overrun".
///
/// Errors: kInvalidArgument when `participants` is below 1, or when the format
/// has no steps (a programme that only has components). Overruns and other
/// findings are diagnostics in the result.
///
/// Example:
///
///   carelearn::AgendaOptions options;
///   options.catalog = &carelearn::BuiltinCatalog();
///   absl::StatusOr<carelearn::Agenda> a =
///       carelearn::PlanAgenda(meeting, 12, absl::CivilMinute(2026, 3, 4, 14, 0), options);
///   a->items[3].turns;     // 12
///   a->items[4].end;       // 2026-03-04T14:34
///   a->slack->min;         // -4: four minutes over when every step takes its longest
[[nodiscard]] absl::StatusOr<Agenda> PlanAgenda(const Format& format, int participants,
                                                absl::CivilMinute start,
                                                const AgendaOptions& options = {});

/// Renders `agenda` as plain text in `lang`, for printing.
///
/// Title, date, start and participants; then a line per step: its clock
/// times, its duration ("5 min", "1–2 min", "ca. 1 min × 12 = 12 min"; an
/// open step's share in whole minutes, "ca. 25–49 min" when rounded), its
/// number, title and lead role (named as `agenda.roles` or the built-in roles
/// name it in `lang`), with its prompts listed under it and a sub-format's
/// steps numbered beneath ("3.1."); then the total and the planned duration,
/// each with the clock time it ends at, the slack or overrun, and the
/// diagnostics. A clock time on a later day than the start has "+1" (days) after it. Labels are in
/// `lang` ("Dagsorden", "Deltagere", "I alt", "Overskridelse"). The output is stable: the same
/// agenda always renders to the same bytes, ending in a newline.
[[nodiscard]] std::string RenderText(const Agenda& agenda, Lang lang);

/// Renders `agenda` as a Markdown document in `lang`; the same content as
/// `RenderText`, with the steps as an ordered list (sub-formats nested) and
/// the titles escaped so they show as written.
[[nodiscard]] std::string RenderMarkdown(const Agenda& agenda, Lang lang);

}  // namespace carelearn

#endif  // CARELEARN_PLAN_AGENDA_HPP_
