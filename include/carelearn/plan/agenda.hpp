// carelearn/plan/agenda.hpp
//
// Defines `Agenda`, a format planned for a start time and a number of
// people: clock times for each step, each person's minutes in a round, the
// total, and the slack or overrun against the planned duration; and its
// renderings as plain text and Markdown in Danish or English.
//
// Clock times follow each step's longest time, so the agenda shows when a
// step starts at the latest; the shortest times are kept beside them.
//
// Example:
//
//   auto agenda = carelearn::PlanAgenda(*meeting, 12, absl::CivilMinute(2026, 3, 4, 14, 0));
//   std::cout << carelearn::RenderText(*agenda, carelearn::Lang::kEn);
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
  std::string step_id;  ///< The step's id.
  Text title;           ///< The step's title.
  std::string lead;     ///< The role that leads it; empty when shared.
  Participation participation = Participation::kPlenary;  ///< How people take part.
  MinuteRange minutes;  ///< The step's time for this many people.
  absl::CivilMinute start;  ///< Clock time the step starts (following longest times).
  absl::CivilMinute end;    ///< Clock time the step ends (following longest times).
  /// In a round: the minutes each person has, and how many take a turn.
  std::optional<MinuteRange> minutes_each;
  int turns = 0;                    ///< In a round: how many take a turn; 0 otherwise.
  std::vector<Prompt> prompts;      ///< The step's prompts, its question sets' resolved in.
  std::vector<OutputKind> produces;  ///< What the step produces.
  std::vector<AgendaItem> children;  ///< For a step that is a whole format: that format's agenda.
};

/// A format planned for a date, a start time and a number of people.
struct Agenda {
  FormatRef format;          ///< The planned format.
  Text title;                ///< Its title.
  int participants = 0;      ///< How many people take part.
  absl::CivilMinute start;   ///< When it starts.
  std::vector<AgendaItem> items;  ///< The steps in order.
  MinuteRange total;         ///< What the steps take in all.
  std::optional<MinuteRange> planned;  ///< The planned duration, when the format has one.
  /// planned − total: positive is slack, negative is overrun; none without a planned duration.
  std::optional<MinuteRange> slack;
  std::vector<Diagnostic> diagnostics;  ///< What validation found for this count.
};

/// Options for `PlanAgenda`.
struct AgendaOptions {
  /// Resolves step formats and question sets; nullptr leaves them unresolved.
  const Catalog* catalog = nullptr;
  WorkingDay day;  ///< The length of a working day, for budgets in days.
};

/// Plans `format` for `participants` people starting at `start`.
///
/// Open steps share what the planned duration leaves after the other steps.
///
/// Errors: kInvalidArgument when `participants` is below 1, or when the format
/// has no steps. Overruns and other findings are diagnostics in the result.
[[nodiscard]] absl::StatusOr<Agenda> PlanAgenda(const Format& format, int participants,
                                                absl::CivilMinute start,
                                                const AgendaOptions& options = {});

/// Renders `agenda` as plain text in `lang`.
[[nodiscard]] std::string RenderText(const Agenda& agenda, Lang lang);

/// Renders `agenda` as a Markdown document in `lang`.
[[nodiscard]] std::string RenderMarkdown(const Agenda& agenda, Lang lang);

}  // namespace carelearn

#endif  // CARELEARN_PLAN_AGENDA_HPP_
