#include "carelearn/analysis/fidelity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "analysis/common.hpp"
#include "plan/timing.hpp"
#include "record/fit.hpp"

namespace carelearn {
namespace {

using detail::kNaN;

// What the measures need to know of one format, keyed to the tables' dictionaries.
struct FormatInfo {
  const Format* format = nullptr;
  std::vector<std::int32_t> position_of_step;  // by step code; -1 when not in the format
  std::vector<std::uint8_t> offered;           // by question code
  std::int64_t questions_offered = 0;
  bool requires_facilitator = false;
  // Step minimum and maximum per step, and the whole format's maximum, by people present.
  std::vector<std::optional<std::pair<std::vector<MinuteRange>, double>>> timing;
};

// Formats of the sessions, resolved once per (format code, version).
class Formats {
 public:
  Formats(const SessionTables& t, const FidelityOptions& options) : t_(t), options_(options) {
    const SessionsTable& s = t.sessions;
    info_of_session_.resize(s.size(), -1);
    std::map<std::pair<std::int32_t, std::int32_t>, std::int32_t> seen;
    std::pair<std::int32_t, std::int32_t> last_key(kNullCode, 0);
    std::int32_t last_info = -1;
    for (std::size_t row = 0; row < s.size(); ++row) {
      const std::int32_t code = s.format_id.codes[row];
      if (code < 0) continue;
      const auto key = std::pair(code, s.format_version[row]);
      if (key != last_key) {  // sessions of one format mostly come together
        auto it = seen.find(key);
        if (it == seen.end()) it = seen.emplace(key, Resolve(code, s.format_version[row])).first;
        last_key = key;
        last_info = it->second;
      }
      info_of_session_[row] = last_info;
    }
  }

  // The format of session `row`, or nullptr when unknown.
  FormatInfo* Of(std::size_t row) {
    const std::int32_t i = info_of_session_[row];
    return i < 0 || infos_[static_cast<std::size_t>(i)].format == nullptr
               ? nullptr
               : &infos_[static_cast<std::size_t>(i)];
  }

  // The budgets of `info`'s steps for `people`, and the format's longest time.
  const std::pair<std::vector<MinuteRange>, double>& Timing(FormatInfo& info, int people) {
    const auto slot = static_cast<std::size_t>(std::max(0, people));
    if (info.timing.size() <= slot) info.timing.resize(slot + 1);
    if (info.timing[slot].has_value()) return *info.timing[slot];
    const detail::Timing timing =
        detail::ComputeTiming(*info.format, people, options_.catalog, options_.day);
    std::vector<MinuteRange> steps;
    steps.reserve(timing.steps.size());
    for (const detail::StepTiming& st : timing.steps) steps.push_back(st.minutes);
    const std::optional<MinuteRange> planned =
        detail::PlannedMinutes(*info.format, people, options_.day);
    const double total = planned.has_value() ? planned->max : timing.long_total;
    info.timing[slot] = std::pair(std::move(steps), total);
    return *info.timing[slot];
  }

 private:
  std::int32_t Resolve(std::int32_t code, std::int32_t version) {
    FormatInfo info;
    info.format = detail::FindFormat(
        options_.catalog, t_.sessions.format_id.dictionary[static_cast<std::size_t>(code)],
        version);
    if (info.format != nullptr) {
      const Format& f = *info.format;
      info.position_of_step.assign(t_.steps.step.dictionary.size(), -1);
      for (std::size_t k = 0; k < t_.steps.step.dictionary.size(); ++k) {
        for (std::size_t p = 0; p < f.steps.size(); ++p) {
          if (f.steps[p].id == t_.steps.step.dictionary[k]) {
            info.position_of_step[k] = static_cast<std::int32_t>(p);
            break;
          }
        }
      }
      std::set<std::string, std::less<>> offered;
      for (const Step& step : f.steps) {
        for (const Prompt& p : step.prompts) offered.insert(p.id);
        for (const std::string& set_id : step.question_sets) {
          if (options_.catalog == nullptr) continue;
          if (const QuestionSet* set = options_.catalog->FindQuestionSet(set_id)) {
            for (const Prompt& p : set->prompts) offered.insert(p.id);
          }
        }
      }
      info.questions_offered = static_cast<std::int64_t>(offered.size());
      info.offered.assign(t_.prompts.question.dictionary.size(), 0);
      for (std::size_t k = 0; k < info.offered.size(); ++k) {
        info.offered[k] = offered.count(t_.prompts.question.dictionary[k]) > 0 ? 1 : 0;
      }
      info.requires_facilitator = detail::RequiresFacilitator(f);
    }
    infos_.push_back(std::move(info));
    return static_cast<std::int32_t>(infos_.size() - 1);
  }

  const SessionTables& t_;
  const FidelityOptions& options_;
  std::vector<FormatInfo> infos_;
  std::vector<std::int32_t> info_of_session_;
};

// The length of the longest strictly increasing subsequence of `v`.
std::size_t LongestIncreasing(const std::vector<std::int32_t>& v) {
  std::vector<std::int32_t> tails;
  for (const std::int32_t x : v) {
    auto it = std::lower_bound(tails.begin(), tails.end(), x);
    if (it == tails.end()) {
      tails.push_back(x);
    } else {
      *it = x;
    }
  }
  return tails.size();
}

constexpr double kEpsilon = 1e-6;

int People(const SessionsTable& s, std::size_t row) { return s.participant_count[row]; }

// A held step's place in its format and its budget for the people present.
struct StepBudget {
  std::int64_t position = -1;  // -1: not in the format, or the format is unknown
  MinuteRange range = {kNaN, kNaN};
};

// The budget of step row `r` of `tables`.
StepBudget BudgetOf(Formats& formats, const SessionTables& tables, std::size_t r) {
  const auto row = static_cast<std::size_t>(tables.steps.session[r]);
  FormatInfo* info = formats.Of(row);
  const std::int32_t code = tables.steps.step.codes[r];
  if (info == nullptr || code < 0) return {};
  const std::int32_t position = info->position_of_step[static_cast<std::size_t>(code)];
  if (position < 0) return {};
  return {position, formats.Timing(*info, People(tables.sessions, row))
                        .first[static_cast<std::size_t>(position)]};
}

}  // namespace

StepBudgetTable StepBudgets(const SessionTables& tables, const FidelityOptions& options) {
  Formats formats(tables, options);
  const StepsTable& steps = tables.steps;
  StepBudgetTable b;
  const std::size_t n = steps.size();
  b.session.resize(n);
  b.format_position.resize(n);
  b.people.resize(n);
  b.minutes.resize(n);
  b.budget_min.resize(n);
  b.budget_max.resize(n);
  b.overrun_minutes.resize(n);
  b.over.resize(n);
  b.under.resize(n);
  b.suppressed.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r) {
    const auto row = static_cast<std::size_t>(steps.session[r]);
    b.session[r] = steps.session[r];
    const int people = People(tables.sessions, row);
    b.people[r] = people;
    b.minutes[r] = steps.minutes[r];
    b.format_position[r] = -1;
    b.budget_min[r] = b.budget_max[r] = b.overrun_minutes[r] = kNaN;
    b.over[r] = b.under[r] = 0;
    const StepBudget budget = BudgetOf(formats, tables, r);
    if (budget.position < 0) continue;
    b.format_position[r] = budget.position;
    const MinuteRange range = budget.range;
    b.budget_min[r] = range.min;
    b.budget_max[r] = range.max;
    b.overrun_minutes[r] = std::max(0.0, steps.minutes[r] - range.max);
    b.over[r] = steps.minutes[r] > range.max + kEpsilon ? 1 : 0;
    b.under[r] = steps.minutes[r] < range.min - kEpsilon ? 1 : 0;
  }
  return b;
}

SessionFidelityTable MeasureSessionFidelity(const SessionTables& tables,
                                            const FidelityOptions& options) {
  const SessionsTable& s = tables.sessions;
  Formats formats(tables, options);
  const detail::ByParent steps_of = detail::GroupByParent(tables.steps.session, s.size());
  const detail::ByParent prompts_of = detail::GroupByParent(tables.prompts.session, s.size());
  const detail::ByParent people_of = detail::GroupByParent(tables.participants.session, s.size());
  const detail::ByParent notes_of = detail::GroupByParent(tables.notes.session, s.size());
  const std::int32_t facilitator = tables.participants.role.CodeOf("facilitator");

  SessionFidelityTable f;
  std::vector<std::int32_t> positions;
  std::vector<std::uint8_t> seen;
  std::vector<std::uint8_t> used;
  for (std::size_t row = 0; row < s.size(); ++row) {
    if (s.status.codes[row] != 0) continue;
    FormatInfo* info = formats.Of(row);
    f.session.push_back(static_cast<std::int64_t>(row));
    f.format_known.push_back(info != nullptr ? 1 : 0);
    f.people.push_back(People(s, row));
    f.learning_points.push_back(s.learning_point_count[row]);
    bool has_facilitator = false;
    for (const std::size_t p : people_of.Of(row)) {
      if (facilitator >= 0 && tables.participants.role.codes[p] == facilitator) {
        has_facilitator = true;
      }
    }
    f.facilitator_present.push_back(has_facilitator ? 1 : 0);
    double minutes = 0;
    for (const std::size_t r : steps_of.Of(row)) minutes += tables.steps.minutes[r];
    f.minutes.push_back(minutes);
    if (info == nullptr) {
      f.steps_in_format.push_back(0);
      f.steps_held.push_back(0);
      f.steps_skipped.push_back(0);
      f.steps_unknown.push_back(static_cast<std::int64_t>(steps_of.Of(row).size()));
      f.steps_reordered.push_back(0);
      f.steps_over.push_back(0);
      f.overrun_minutes.push_back(kNaN);
      f.budget_max.push_back(kNaN);
      f.questions_offered.push_back(0);
      f.questions_used.push_back(0);
      f.outputs_declared.push_back(0);
      f.outputs_met.push_back(0);
      f.facilitator_required.push_back(0);
      continue;
    }
    const Format& format = *info->format;
    const std::size_t count = format.steps.size();
    seen.assign(count, 0);
    positions.clear();
    std::int64_t unknown = 0;
    std::int64_t over = 0;
    double overrun = 0;
    for (const std::size_t r : steps_of.Of(row)) {
      const StepBudget budget = BudgetOf(formats, tables, r);
      const std::int64_t p = budget.position;
      if (p < 0) {
        ++unknown;
        continue;
      }
      const double took = tables.steps.minutes[r];
      over += took > budget.range.max + kEpsilon ? 1 : 0;
      overrun += std::max(0.0, took - budget.range.max);
      if (seen[static_cast<std::size_t>(p)] != 0) continue;  // a step held twice counts once
      seen[static_cast<std::size_t>(p)] = 1;
      positions.push_back(static_cast<std::int32_t>(p));
    }
    const auto held = static_cast<std::int64_t>(positions.size());
    f.steps_in_format.push_back(static_cast<std::int64_t>(count));
    f.steps_held.push_back(held);
    f.steps_skipped.push_back(static_cast<std::int64_t>(count) - held);
    f.steps_unknown.push_back(unknown);
    f.steps_reordered.push_back(held - static_cast<std::int64_t>(LongestIncreasing(positions)));
    f.steps_over.push_back(over);
    f.overrun_minutes.push_back(overrun);
    f.budget_max.push_back(formats.Timing(*info, People(s, row)).second);
    used.assign(info->offered.size(), 0);
    std::int64_t questions = 0;
    for (const std::size_t r : prompts_of.Of(row)) {
      const std::int32_t q = tables.prompts.question.codes[r];
      if (q < 0 || info->offered[static_cast<std::size_t>(q)] == 0) continue;
      if (used[static_cast<std::size_t>(q)] == 0) ++questions;
      used[static_cast<std::size_t>(q)] = 1;
    }
    f.questions_offered.push_back(info->questions_offered);
    f.questions_used.push_back(questions);
    std::int64_t reflections = 0;
    std::int64_t documentation = 0;
    for (const std::size_t r : notes_of.Of(row)) {
      reflections += tables.notes.kind.codes[r] == 1 ? 1 : 0;
      documentation += tables.notes.kind.codes[r] == 2 ? 1 : 0;
    }
    std::int64_t met = 0;
    for (const DeclaredOutput& d : format.outputs) {
      std::int64_t produced = 0;
      switch (d.kind) {
        case OutputKind::kLearningPoint:
          produced = s.learning_point_count[row];
          break;
        case OutputKind::kOrganisationalAction:
          produced = s.action_count[row];
          break;
        case OutputKind::kFeedback:
          produced = s.feedback_count[row];
          break;
        case OutputKind::kReflection:
          produced = reflections;
          break;
        case OutputKind::kDocumentation:
          produced = documentation;
          break;
      }
      if (produced >= d.min && (!d.max.has_value() || produced <= *d.max)) ++met;
    }
    f.outputs_declared.push_back(static_cast<std::int64_t>(format.outputs.size()));
    f.outputs_met.push_back(met);
    f.facilitator_required.push_back(info->requires_facilitator ? 1 : 0);
  }
  f.suppressed.assign(f.session.size(), 0);
  return f;
}

namespace {

// Sums for one (unit, format, period) row of `FidelityTable`.
struct FidelitySums {
  std::int64_t sessions = 0;
  double steps_held_share = 0;
  std::int64_t with_steps = 0;
  std::int64_t all_steps = 0;
  std::int64_t reordered = 0;
  std::int64_t steps_over = 0;
  std::int64_t steps_known = 0;
  double overrun_minutes = 0;
  std::int64_t questions_used = 0;
  double questions_share = 0;
  std::int64_t with_questions = 0;
  std::int64_t learning_points = 0;
  std::int64_t outputs_all_met = 0;
  std::int64_t with_outputs = 0;
  std::int64_t facilitated = 0;
  std::int64_t needs_facilitator = 0;
};

// The sort order of rows keyed by (unit, format, period start, ...).
template <std::size_t N>
std::vector<std::size_t> UnitFormatOrder(const detail::RowIndex<N>& rows,
                                         const detail::Interner& names) {
  return detail::SortedRows(rows, [&](std::size_t part, std::int64_t a, std::int64_t b) {
    if (part == 0 || part == 1) {
      return names.Name(static_cast<std::int32_t>(a)) < names.Name(static_cast<std::int32_t>(b));
    }
    return a < b;
  });
}

}  // namespace

FidelityTable MeasureFidelity(const SessionTables& tables, const FidelityOptions& options) {
  const SessionsTable& s = tables.sessions;
  const SessionFidelityTable per = MeasureSessionFidelity(tables, options);
  const detail::SessionDays days = detail::ComputeSessionDays(s, options.period.zone);
  detail::PeriodTable periods = detail::MakePeriodTable(options.period, days);
  detail::Interner names;
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(s.unit, names);
  const std::vector<std::int32_t> format_ids = detail::InternDictionary(s.format_id, names);
  detail::RowIndex<3> rows;
  std::vector<FidelitySums> sums;
  for (std::size_t i = 0; i < per.size(); ++i) {
    if (per.format_known[i] == 0) continue;
    const auto row = static_cast<std::size_t>(per.session[i]);
    const std::int32_t unit = detail::IdAt(s.unit, unit_ids, row);
    const std::int32_t format = detail::IdAt(s.format_id, format_ids, row);
    if (unit < 0) continue;
    const std::size_t r = rows.Row({unit, format, periods.Start(days.planned_day[row])});
    if (r == sums.size()) sums.emplace_back();
    FidelitySums& a = sums[r];
    ++a.sessions;
    if (per.steps_in_format[i] > 0) {
      ++a.with_steps;
      a.steps_held_share +=
          static_cast<double>(per.steps_held[i]) / static_cast<double>(per.steps_in_format[i]);
    }
    a.all_steps += per.steps_skipped[i] == 0 ? 1 : 0;
    a.reordered += per.steps_reordered[i] > 0 ? 1 : 0;
    a.steps_over += per.steps_over[i];
    a.steps_known += per.steps_held[i];
    a.overrun_minutes += per.overrun_minutes[i];
    a.questions_used += per.questions_used[i];
    if (per.questions_offered[i] > 0) {
      ++a.with_questions;
      a.questions_share += static_cast<double>(per.questions_used[i]) /
                           static_cast<double>(per.questions_offered[i]);
    }
    a.learning_points += per.learning_points[i];
    if (per.outputs_declared[i] > 0) {
      ++a.with_outputs;
      a.outputs_all_met += per.outputs_met[i] == per.outputs_declared[i] ? 1 : 0;
    }
    if (per.facilitator_required[i] != 0) {
      ++a.needs_facilitator;
      a.facilitated += per.facilitator_present[i];
    }
  }
  FidelityTable t;
  for (const std::size_t r : UnitFormatOrder(rows, names)) {
    const auto& key = rows.keys()[r];
    const FidelitySums& a = sums[r];
    const auto n = static_cast<double>(a.sessions);
    t.unit.push_back(names.Name(static_cast<std::int32_t>(key[0])));
    t.format.push_back(names.Name(static_cast<std::int32_t>(key[1])));
    t.period.push_back(periods.Label(key[2]));
    t.period_start.push_back(key[2]);
    t.sessions.push_back(a.sessions);
    t.steps_held_share.push_back(
        detail::Share(a.steps_held_share, static_cast<double>(a.with_steps)));
    t.all_steps_share.push_back(detail::Share(static_cast<double>(a.all_steps), n));
    t.reordered_share.push_back(detail::Share(static_cast<double>(a.reordered), n));
    t.overrun_rate.push_back(
        detail::Share(static_cast<double>(a.steps_over), static_cast<double>(a.steps_known)));
    t.overrun_minutes_mean.push_back(detail::Share(a.overrun_minutes, n));
    t.questions_used_mean.push_back(detail::Share(static_cast<double>(a.questions_used), n));
    t.questions_share.push_back(
        detail::Share(a.questions_share, static_cast<double>(a.with_questions)));
    t.learning_points_mean.push_back(detail::Share(static_cast<double>(a.learning_points), n));
    t.outputs_met_share.push_back(
        detail::Share(static_cast<double>(a.outputs_all_met), static_cast<double>(a.with_outputs)));
    t.facilitator_share.push_back(detail::Share(static_cast<double>(a.facilitated),
                                                static_cast<double>(a.needs_facilitator)));
    t.suppressed.push_back(0);
  }
  return t;
}

StepFidelityTable MeasureStepFidelity(const SessionTables& tables, const FidelityOptions& options) {
  const SessionsTable& s = tables.sessions;
  Formats formats(tables, options);
  const detail::ByParent steps_of = detail::GroupByParent(tables.steps.session, s.size());
  const detail::SessionDays days = detail::ComputeSessionDays(s, options.period.zone);
  detail::PeriodTable periods = detail::MakePeriodTable(options.period, days);
  detail::Interner names;
  const std::vector<std::int32_t> unit_ids = detail::InternDictionary(s.unit, names);
  const std::vector<std::int32_t> format_ids = detail::InternDictionary(s.format_id, names);

  // Groups (unit, format, period); each has one row per step of its format,
  // at `base[g] + position`.
  detail::RowIndex<3> groups;
  std::vector<std::int64_t> sessions;
  std::vector<const Format*> format_of_group;
  std::vector<std::size_t> base;
  std::size_t rows = 0;
  // Per row: (row, minutes) per session that held the step; sums of budgets and overruns.
  std::vector<std::pair<std::size_t, double>> held_minutes;
  std::vector<double> budget_min;
  std::vector<double> budget_max;
  std::vector<double> overrun;
  std::vector<std::int64_t> over;
  // Per step of the session's format: minutes summed over its timings, and its first row.
  std::vector<double> minutes_at;
  std::vector<std::int64_t> first_row_at;
  std::vector<MinuteRange> range_at;
  for (std::size_t row = 0; row < s.size(); ++row) {
    if (s.status.codes[row] != 0) continue;
    const FormatInfo* info = formats.Of(row);
    const std::int32_t unit = detail::IdAt(s.unit, unit_ids, row);
    if (info == nullptr || unit < 0) continue;
    const std::int32_t format = detail::IdAt(s.format_id, format_ids, row);
    const std::size_t count = info->format->steps.size();
    const std::size_t g = groups.Row({unit, format, periods.Start(days.planned_day[row])});
    if (g == sessions.size()) {
      sessions.push_back(0);
      format_of_group.push_back(info->format);
      base.push_back(rows);
      rows += count;
      budget_min.resize(rows, 0.0);
      budget_max.resize(rows, 0.0);
      overrun.resize(rows, 0.0);
      over.resize(rows, 0);
    }
    ++sessions[g];
    // A step held twice in one session counts once, with its minutes summed.
    minutes_at.assign(count, 0.0);
    first_row_at.assign(count, -1);
    range_at.assign(count, MinuteRange{});
    for (const std::size_t r : steps_of.Of(row)) {
      const StepBudget budget = BudgetOf(formats, tables, r);
      if (budget.position < 0) continue;
      const auto k = static_cast<std::size_t>(budget.position);
      minutes_at[k] += tables.steps.minutes[r];
      if (first_row_at[k] < 0) {
        first_row_at[k] = static_cast<std::int64_t>(r);
        range_at[k] = budget.range;
      }
    }
    for (std::size_t k = 0; k < count; ++k) {
      if (first_row_at[k] < 0) continue;
      const MinuteRange range = range_at[k];
      const std::size_t out = base[g] + k;
      held_minutes.emplace_back(out, minutes_at[k]);
      budget_min[out] += range.min;
      budget_max[out] += range.max;
      overrun[out] += std::max(0.0, minutes_at[k] - range.max);
      over[out] += minutes_at[k] > range.max + kEpsilon ? 1 : 0;
    }
  }
  detail::SortPairs(held_minutes, rows);
  std::vector<std::size_t> first(rows + 1, held_minutes.size());
  for (std::size_t i = held_minutes.size(); i-- > 0;) first[held_minutes[i].first] = i;

  StepFidelityTable t;
  for (const MutableResultColumn& column : t.MutableColumns()) {
    std::visit([&](auto* data) { data->reserve(rows); }, column.data);
  }
  std::vector<double> values;
  for (const std::size_t g : UnitFormatOrder(groups, names)) {
    const auto& key = groups.keys()[g];
    const Format& format = *format_of_group[g];
    const std::string& label = periods.Label(key[2]);
    for (std::size_t k = 0; k < format.steps.size(); ++k) {
      const std::size_t out = base[g] + k;
      t.unit.push_back(names.Name(static_cast<std::int32_t>(key[0])));
      t.format.push_back(names.Name(static_cast<std::int32_t>(key[1])));
      t.period.push_back(label);
      t.period_start.push_back(key[2]);
      t.step.push_back(format.steps[k].id);
      t.position.push_back(static_cast<std::int64_t>(k));
      t.sessions.push_back(sessions[g]);
      values.clear();
      double total = 0;
      for (std::size_t i = first[out]; i < held_minutes.size() && held_minutes[i].first == out;
           ++i) {
        values.push_back(held_minutes[i].second);
        total += held_minutes[i].second;
      }
      const auto held = static_cast<double>(values.size());
      t.held.push_back(static_cast<std::int64_t>(values.size()));
      t.minutes_mean.push_back(detail::Share(total, held));
      t.minutes_median.push_back(detail::Median(values));
      t.budget_min_mean.push_back(detail::Share(budget_min[out], held));
      t.budget_max_mean.push_back(detail::Share(budget_max[out], held));
      t.overrun_rate.push_back(detail::Share(static_cast<double>(over[out]), held));
      t.overrun_minutes_mean.push_back(detail::Share(overrun[out], held));
      t.suppressed.push_back(0);
    }
  }
  return t;
}

}  // namespace carelearn
