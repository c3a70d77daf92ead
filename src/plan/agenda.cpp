// PlanAgenda: a format laid out on the clock; see agenda.hpp for the rules.
#include "carelearn/plan/agenda.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "carelearn/plan/validate.hpp"
#include "plan/timing.hpp"

namespace carelearn {
namespace {

using detail::RoundMinutes;

class Planner {
 public:
  Planner(int participants, absl::CivilMinute start, const AgendaOptions& options)
      : participants_(participants), start_(start), options_(options) {}

  // The items of `format` timed by `timing`, the first starting `offset`
  // minutes (exactly, before rounding) after the agenda's start. `expanding`
  // holds the formats around this one, `format` last.
  std::vector<AgendaItem> Items(const Format& format, const detail::Timing& timing, double offset,
                                std::vector<detail::FormatKey>& expanding) {
    std::vector<AgendaItem> items;
    items.reserve(format.steps.size());
    double at = offset;
    for (std::size_t i = 0; i < format.steps.size(); ++i) {
      const Step& step = format.steps[i];
      const detail::StepTiming& st = timing.steps[i];
      AgendaItem item;
      item.step_id = step.id;
      item.title = step.title;
      item.lead = step.lead;
      item.participation = step.participation;
      item.budget = step.budget;
      item.minutes = st.minutes;
      item.start = start_ + RoundMinutes(at);
      const double step_start = at;
      at += st.long_minutes;
      item.end = start_ + RoundMinutes(at);
      if (step.budget.kind == TimeBudget::Kind::kPerParticipant) {
        item.minutes_each = detail::SafeEvaluate(
            TimeBudget::Range(step.budget.min, step.budget.max, step.budget.unit), 0, options_.day);
        item.turns = std::max(0, participants_ - std::max(0, step.budget.skip));
      }
      item.prompts = step.prompts;
      AddQuestionSets(step, item.prompts);
      item.produces = step.produces;
      if (st.sub_format != nullptr) {
        const Format& sub = *st.sub_format;
        AddRoles(sub);
        const detail::Timing sub_timing = detail::ComputeTiming(
            sub, participants_, options_.catalog, options_.day, st.minutes, expanding);
        expanding.emplace_back(sub.id, sub.version);
        item.children = Items(sub, sub_timing, step_start, expanding);
        expanding.pop_back();
      }
      items.push_back(std::move(item));
    }
    return items;
  }

  void AddRoles(const Format& format) {
    for (const Role& role : format.defined_roles) {
      if (role_ids_.insert(role.id).second) roles_.push_back(role);
    }
  }

  std::vector<Role> TakeRoles() { return std::move(roles_); }

 private:
  // The prompts of the step's question sets, after its own; a prompt whose id
  // the step already has is not repeated.
  void AddQuestionSets(const Step& step, std::vector<Prompt>& prompts) const {
    if (options_.catalog == nullptr) return;
    for (const std::string& set_id : step.question_sets) {
      const QuestionSet* set = options_.catalog->FindQuestionSet(set_id);
      if (set == nullptr) continue;
      for (const Prompt& prompt : set->prompts) {
        const bool seen = std::any_of(prompts.begin(), prompts.end(),
                                      [&](const Prompt& p) { return p.id == prompt.id; });
        if (!seen) prompts.push_back(prompt);
      }
    }
  }

  int participants_;
  absl::CivilMinute start_;
  const AgendaOptions& options_;
  std::vector<Role> roles_;
  std::set<std::string, std::less<>> role_ids_;
};

}  // namespace

absl::StatusOr<Agenda> PlanAgenda(const Format& format, int participants, absl::CivilMinute start,
                                  const AgendaOptions& options) {
  if (participants < 1) {
    return absl::InvalidArgumentError(
        absl::StrFormat("PlanAgenda: format \"%s\": participants must be at least 1; got %d",
                        format.id, participants));
  }
  if (format.steps.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "PlanAgenda: format \"%s\" has no steps to plan%s", format.id,
        format.components.empty() ? "" : "; a programme's components are planned one by one"));
  }
  Agenda agenda;
  agenda.format = FormatRef{format.id, format.version};
  agenda.title = format.title;
  agenda.participants = participants;
  agenda.start = start;
  agenda.planned = detail::PlannedMinutes(format, participants, options.day);
  if (agenda.planned) agenda.duration = format.duration;

  std::vector<detail::FormatKey> expanding;
  const detail::Timing timing = detail::ComputeTiming(format, participants, options.catalog,
                                                      options.day, agenda.planned, expanding);
  Planner planner(participants, start, options);
  planner.AddRoles(format);
  expanding.emplace_back(format.id, format.version);
  agenda.items = planner.Items(format, timing, 0.0, expanding);
  agenda.roles = planner.TakeRoles();

  agenda.total = MinuteRange{timing.short_total, timing.long_total};
  if (agenda.planned) {
    agenda.slack = MinuteRange{agenda.planned->max - timing.long_total,
                               agenda.planned->max - timing.short_total};
  }
  ValidationContext context;
  context.catalog = options.catalog;
  context.participants = participants;
  context.day = options.day;
  agenda.diagnostics = Validate(format, context);
  return agenda;
}

}  // namespace carelearn
