// Validate and MaxParticipantsThatFit; the codes are listed in validate.hpp and
// explained, with examples, in docs/diagnostics.md.
#include "carelearn/plan/validate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "model/wording.hpp"
#include "plan/timing.hpp"

namespace carelearn {
namespace {

using detail::Bilingual;
using detail::FormatMinutes;

// "steps[3].budget": the 0-based index of an element and, optionally, a field.
std::string Indexed(std::string_view list, std::size_t index, std::string_view field = {}) {
  std::string out = absl::StrFormat("%s[%d]", list, index);
  if (!field.empty()) out += absl::StrFormat(".%s", field);
  return out;
}

// ` version 2` when a reference names a version, else nothing.
std::string VersionSuffix(const FormatRef& ref) {
  return ref.version ? absl::StrFormat(" version %d", *ref.version) : std::string();
}

// The over- or under-run of `amount` as words: "3–4 min over", "up to 1 min over".
std::string OverBy(MinuteRange amount, Lang lang) {
  const bool da = lang == Lang::kDa;
  const std::string_view over = da ? "for meget" : "over";
  if (amount.min <= detail::kMinuteEpsilon) {
    return absl::StrFormat("%s %s %s", da ? "op til" : "up to", FormatMinutes(amount.max, lang),
                           over);
  }
  return absl::StrFormat("%s %s", FormatMinutes(amount, lang), over);
}

// Tri-state answer to "does a format produce this kind of output?".
enum class Answer { kNo, kYes, kUnknown };

// Checks one format. Each Check* adds its findings in the order the format
// states things, so the output is stable; Run sorts errors first.
class Validator {
 public:
  Validator(const Format& format, const ValidationContext& context)
      : format_(format), context_(context) {}

  std::vector<Diagnostic> Run() {
    CheckShape();
    CheckBudgets();
    CheckPrompts();
    CheckRoleIds();
    CheckCounts();
    CheckRolesPresent();
    CheckPrerequisites();
    CheckCapacity();
    CheckReferences();
    CheckCycles();
    CheckTime();
    CheckOutputs();
    std::stable_sort(out_.begin(), out_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    return std::move(out_);
  }

 private:
  template <typename Make>
  void Add(Severity severity, std::string_view code, std::string path, Make make) {
    out_.push_back(Diagnostic{severity, std::string(code), std::move(path), Bilingual(make)});
  }

  // ----- the format's own shape ---------------------------------------------------------

  void CheckShape() {
    if (format_.steps.empty() && format_.components.empty()) {
      Add(Severity::kError, "no-steps", "steps", [](Lang lang) -> std::string {
        return lang == Lang::kDa
                   ? "formatet har hverken trin eller komponenter, så der er intet at holde"
                   : "the format has neither steps nor components, so there is nothing to hold";
      });
    }
    for (std::size_t i = 0; i < format_.steps.size(); ++i) {
      const Step& step = format_.steps[i];
      if (step.id.empty()) {
        Add(Severity::kError, "empty-step-id", Indexed("steps", i, "id"), [&](Lang lang) {
          return lang == Lang::kDa
                     ? absl::StrFormat(
                           "trin %d har intet id; optegnelser og varianter henviser "
                           "til trin ved deres id",
                           i + 1)
                     : absl::StrFormat("step %d has no id; records and variants name steps by id",
                                       i + 1);
        });
        continue;
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (format_.steps[j].id != step.id) continue;
        Add(Severity::kError, "duplicate-step-id", Indexed("steps", i, "id"), [&](Lang lang) {
          return lang == Lang::kDa ? absl::StrFormat(
                                         "trin-id'et \"%s\" bruges også af steps[%d]; et trins id "
                                         "skal være entydigt i formatet",
                                         step.id, j)
                                   : absl::StrFormat(
                                         "the step id \"%s\" is also used by steps[%d]; step ids "
                                         "must be unique within a format",
                                         step.id, j);
        });
        break;
      }
    }
  }

  // ----- budgets ------------------------------------------------------------------------

  void CheckBudgets() {
    if (format_.duration) CheckBudget(*format_.duration, "duration", /*is_duration=*/true);
    for (std::size_t i = 0; i < format_.steps.size(); ++i) {
      CheckBudget(format_.steps[i].budget, Indexed("steps", i, "budget"), /*is_duration=*/false);
    }
  }

  void CheckBudget(const TimeBudget& budget, const std::string& path, bool is_duration) {
    if (budget.kind == TimeBudget::Kind::kOpen) return;
    if (!std::isfinite(budget.min) || !std::isfinite(budget.max) || budget.min > budget.max) {
      unsound_budgets_ = true;
    }
    if (!std::isfinite(budget.min) || !std::isfinite(budget.max)) {
      Add(Severity::kError, "non-finite-budget", path, [&](Lang lang) {
        return lang == Lang::kDa ? absl::StrFormat("budgettet %s er ikke et endeligt tal",
                                                   detail::FormatBudget(budget, lang))
                                 : absl::StrFormat("the budget %s is not a finite number",
                                                   detail::FormatBudget(budget, lang));
      });
      return;
    }
    if (budget.min > budget.max) {
      Add(Severity::kError, "inverted-range", path, [&](Lang lang) {
        const std::string lo = detail::FormatAmount(budget.min, budget.unit, lang);
        const std::string hi = detail::FormatAmount(budget.max, budget.unit, lang);
        return lang == Lang::kDa
                   ? absl::StrFormat(
                         "budgettet går fra %s ned til %s: den korteste tid er %s "
                         "længere end den længste",
                         lo, hi, detail::FormatAmount(budget.min - budget.max, budget.unit, lang))
                   : absl::StrFormat(
                         "the budget runs from %s down to %s: its shortest time is %s "
                         "longer than its longest",
                         lo, hi, detail::FormatAmount(budget.min - budget.max, budget.unit, lang));
      });
    } else if (budget.max <= 0 || budget.min < 0) {
      Add(Severity::kError, "non-positive-budget", path, [&](Lang lang) {
        const std::string amount = detail::FormatBudget(budget, lang);
        if (is_duration) {
          return lang == Lang::kDa ? absl::StrFormat(
                                         "den planlagte varighed er %s; giv en positiv varighed "
                                         "eller ingen for et format uden fast længde",
                                         amount)
                                   : absl::StrFormat(
                                         "the planned duration is %s; give a positive duration, or "
                                         "none for an open-ended format",
                                         amount);
        }
        return lang == Lang::kDa
                   ? absl::StrFormat(
                         "trinets budget er %s; et trin skal have tid, eller et åbent "
                         "budget, der deler formatets tid",
                         amount)
                   : absl::StrFormat(
                         "the step's budget is %s; a step needs some time, or an open "
                         "budget that shares the format's time",
                         amount);
      });
    }
    if (budget.kind == TimeBudget::Kind::kPerParticipant && budget.skip < 0) {
      Add(Severity::kError, "negative-skip", path, [&](Lang lang) {
        return lang == Lang::kDa ? absl::StrFormat(
                                       "runden springer %d deltagere over; antallet, der ikke får "
                                       "ordet, kan ikke være negativt",
                                       budget.skip)
                                 : absl::StrFormat(
                                       "the round skips %d participants; the number who take no "
                                       "turn cannot be negative",
                                       budget.skip);
      });
    }
  }

  // ----- prompts ------------------------------------------------------------------------

  void CheckPrompts() {
    for (std::size_t i = 0; i < format_.steps.size(); ++i) {
      const std::vector<Prompt>& prompts = format_.steps[i].prompts;
      for (std::size_t j = 0; j < prompts.size(); ++j) {
        for (std::size_t k = 0; k < j; ++k) {
          if (prompts[k].id != prompts[j].id) continue;
          Add(Severity::kWarning, "duplicate-prompt-id",
              absl::StrFormat("steps[%d].prompts[%d].id", i, j), [&](Lang lang) {
                return lang == Lang::kDa
                           ? absl::StrFormat(
                                 "spørgsmåls-id'et \"%s\" bruges også af prompts[%d]; "
                                 "en optegnelse kan ikke skelne dem",
                                 prompts[j].id, k)
                           : absl::StrFormat(
                                 "the prompt id \"%s\" is also used by prompts[%d]; "
                                 "a record cannot tell them apart",
                                 prompts[j].id, k);
              });
          break;
        }
      }
    }
  }

  // ----- roles --------------------------------------------------------------------------

  void CheckRoleId(std::string_view id, std::string path) {
    if (detail::IsKnownRole(id, format_.defined_roles)) return;
    Add(Severity::kError, "unknown-role", std::move(path), [&](Lang lang) {
      return lang == Lang::kDa
                 ? absl::StrFormat("rollen \"%s\" er hverken indbygget eller defineret af formatet",
                                   id)
                 : absl::StrFormat("the role \"%s\" is neither built in nor defined by the format",
                                   id);
    });
  }

  void CheckRoleIds() {
    for (std::size_t i = 0; i < format_.roles.size(); ++i) {
      CheckRoleId(format_.roles[i].role, Indexed("roles", i, "role"));
    }
    for (std::size_t i = 0; i < format_.steps.size(); ++i) {
      const Step& step = format_.steps[i];
      if (!step.lead.empty()) CheckRoleId(step.lead, Indexed("steps", i, "lead"));
      for (std::size_t j = 0; j < step.prompts.size(); ++j) {
        if (step.prompts[j].audience.empty()) continue;
        CheckRoleId(step.prompts[j].audience,
                    absl::StrFormat("steps[%d].prompts[%d].audience", i, j));
      }
    }
  }

  // A count that cannot be negative, and a min..max that must not be inverted.
  void CheckMinMax(std::string_view what_da, std::string_view what_en, int min,
                   std::optional<int> max, const std::string& path) {
    const int lowest = std::min(min, max.value_or(0));
    if (lowest < 0) {
      Add(Severity::kError, "negative-count", path, [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("%s har antallet %d; et antal kan ikke være negativt", what_da,
                                     lowest)
                   : absl::StrFormat("%s has the count %d; a count cannot be negative", what_en,
                                     lowest);
      });
    } else if (max && min > *max) {
      Add(Severity::kError, "inverted-range", path, [&](Lang lang) {
        return lang == Lang::kDa ? absl::StrFormat(
                                       "%s går fra mindst %d til højst %d: mindstetallet er %d "
                                       "større end højstetallet",
                                       what_da, min, *max, min - *max)
                                 : absl::StrFormat(
                                       "%s runs from at least %d to at most %d: the minimum is %d "
                                       "above the maximum",
                                       what_en, min, *max, min - *max);
      });
    }
  }

  void CheckCounts() {
    for (std::size_t i = 0; i < format_.roles.size(); ++i) {
      const RoleRequirement& r = format_.roles[i];
      CheckMinMax(absl::StrFormat("rollen \"%s\"", r.role),
                  absl::StrFormat("the role \"%s\"", r.role), r.min, r.max, Indexed("roles", i));
    }
    for (std::size_t i = 0; i < format_.outputs.size(); ++i) {
      const DeclaredOutput& o = format_.outputs[i];
      CheckMinMax(absl::StrFormat("outputtet \"%s\"", OutputKindName(o.kind)),
                  absl::StrFormat("the output \"%s\"", OutputKindName(o.kind)), o.min, o.max,
                  Indexed("outputs", i));
    }
    const Capacity& c = format_.capacity;
    const int lowest = std::min({c.min, c.max.value_or(0), c.typical.value_or(0)});
    if (lowest < 0) {
      Add(Severity::kError, "negative-count", "capacity", [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("kapaciteten har antallet %d; et antal kan ikke være negativt",
                                     lowest)
                   : absl::StrFormat("the capacity has the count %d; a count cannot be negative",
                                     lowest);
      });
    } else if (c.max && c.min > *c.max) {
      Add(Severity::kError, "inverted-capacity", "capacity", [&](Lang lang) {
        return lang == Lang::kDa ? absl::StrFormat(
                                       "formatet er for mindst %d og højst %d deltagere: "
                                       "mindstetallet er %d større end højstetallet",
                                       c.min, *c.max, c.min - *c.max)
                                 : absl::StrFormat(
                                       "the format is for at least %d and at most %d participants: "
                                       "the minimum is %d above the maximum",
                                       c.min, *c.max, c.min - *c.max);
      });
    }
  }

  void CheckRolesPresent() {
    if (context_.roles_present.empty()) return;
    for (std::size_t i = 0; i < format_.roles.size(); ++i) {
      const RoleRequirement& r = format_.roles[i];
      const auto it = context_.roles_present.find(r.role);
      const int present = it == context_.roles_present.end() ? 0 : it->second;
      const std::int64_t short_by = std::int64_t{r.min} - present;
      if (present < r.min) {
        Add(Severity::kError, "missing-role", Indexed("roles", i), [&](Lang lang) {
          const std::string name = detail::RoleName(r.role, format_.defined_roles, lang);
          return lang == Lang::kDa
                     ? absl::StrFormat("formatet kræver mindst %d × %s; %d til stede (%d mangler)",
                                       r.min, name, present, short_by)
                     : absl::StrFormat("the format needs at least %d × %s; %d present (%d missing)",
                                       r.min, name, present, short_by);
        });
      } else if (r.max && present > *r.max) {
        const std::int64_t too_many = std::int64_t{present} - *r.max;
        Add(Severity::kWarning, "too-many-of-role", Indexed("roles", i), [&](Lang lang) {
          const std::string name = detail::RoleName(r.role, format_.defined_roles, lang);
          return lang == Lang::kDa
                     ? absl::StrFormat(
                           "formatet tillader højst %d × %s; %d til stede (%d for mange)", *r.max,
                           name, present, too_many)
                     : absl::StrFormat(
                           "the format allows at most %d × %s; %d present (%d too many)", *r.max,
                           name, present, too_many);
        });
      }
    }
  }

  void CheckPrerequisites() {
    for (std::size_t i = 0; i < format_.prerequisites.size(); ++i) {
      if (format_.prerequisites[i].id != prerequisites::kFacilitator) continue;
      const RoleRequirement* role = format_.FindRole(roles::kFacilitator);
      if (role != nullptr && role->min >= 1) continue;
      Add(Severity::kWarning, "facilitator-prerequisite-without-role", Indexed("prerequisites", i),
          [](Lang lang) -> std::string {
            return lang == Lang::kDa
                       ? "formatet forudsætter en facilitator, men dets roller kræver ingen; "
                         "tilføj rollen \"facilitator\" med mindst 1"
                       : "the format asks for a facilitator, but its roles require none; add the "
                         "role \"facilitator\" with a minimum of 1";
          });
      break;
    }
  }

  // ----- capacity -----------------------------------------------------------------------

  void CheckCapacity() {
    if (!context_.participants) return;
    const int n = *context_.participants;
    const Capacity& c = format_.capacity;
    if (c.max && n > *c.max) {
      const std::int64_t too_many = std::int64_t{n} - *c.max;
      Add(Severity::kError, "capacity-exceeded", "capacity", [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("%s; formatet er for højst %d (%d for mange)",
                                     detail::FormatParticipants(n, lang), *c.max, too_many)
                   : absl::StrFormat("%s; the format is for at most %d (%d too many)",
                                     detail::FormatParticipants(n, lang), *c.max, too_many);
      });
    }
    if (n < c.min) {
      const std::int64_t too_few = std::int64_t{c.min} - n;
      Add(Severity::kError, "below-capacity", "capacity", [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("%s; formatet er for mindst %d (%d for få)",
                                     detail::FormatParticipants(n, lang), c.min, too_few)
                   : absl::StrFormat("%s; the format is for at least %d (%d too few)",
                                     detail::FormatParticipants(n, lang), c.min, too_few);
      });
    }
  }

  // ----- references ---------------------------------------------------------------------

  // True when `ref` names the format being validated.
  bool NamesRoot(const FormatRef& ref) const {
    return ref.id == format_.id && (!ref.version || *ref.version == format_.version);
  }

  // The format `ref` names: the catalog's, or the validated format itself when
  // the catalog lacks it or has it in the same version; nullptr when unresolved.
  const Format* Resolve(const FormatRef& ref) const {
    const Format* found = context_.catalog != nullptr ? context_.catalog->Find(ref) : nullptr;
    if (found != nullptr) {
      if (found->id == format_.id && found->version == format_.version) return &format_;
      return found;
    }
    return NamesRoot(ref) ? &format_ : nullptr;
  }

  void CheckReferences() {
    if (context_.catalog == nullptr) return;
    for (std::size_t i = 0; i < format_.steps.size(); ++i) {
      const Step& step = format_.steps[i];
      if (step.format && Resolve(*step.format) == nullptr) {
        Add(Severity::kError, "unresolved-reference", Indexed("steps", i, "format"),
            [&](Lang lang) {
              return lang == Lang::kDa ? absl::StrFormat(
                                             "trinet er formatet \"%s\"%s, som ikke findes i "
                                             "kataloget",
                                             step.format->id, VersionSuffix(*step.format))
                                       : absl::StrFormat(
                                             "the step is the format \"%s\"%s, which is not in the "
                                             "catalog",
                                             step.format->id, VersionSuffix(*step.format));
            });
      }
      for (std::size_t j = 0; j < step.question_sets.size(); ++j) {
        const std::string& set = step.question_sets[j];
        if (context_.catalog->FindQuestionSet(set) != nullptr) continue;
        Add(Severity::kError, "unknown-question-set",
            absl::StrFormat("steps[%d].question_sets[%d]", i, j), [&](Lang lang) {
              return lang == Lang::kDa
                         ? absl::StrFormat("spørgsmålssættet \"%s\" findes ikke i kataloget", set)
                         : absl::StrFormat("the question set \"%s\" is not in the catalog", set);
            });
      }
    }
    for (std::size_t i = 0; i < format_.components.size(); ++i) {
      const FormatRef& ref = format_.components[i].format;
      if (Resolve(ref) != nullptr) continue;
      Add(Severity::kError, "unresolved-reference", Indexed("components", i, "format"),
          [&](Lang lang) {
            return lang == Lang::kDa ? absl::StrFormat(
                                           "komponenten er formatet \"%s\"%s, som ikke findes i "
                                           "kataloget",
                                           ref.id, VersionSuffix(ref))
                                     : absl::StrFormat(
                                           "the component is the format \"%s\"%s, which is not in "
                                           "the catalog",
                                           ref.id, VersionSuffix(ref));
          });
    }
  }

  // The references a format makes, each with its path in that format.
  static std::vector<std::pair<std::string, const FormatRef*>> Edges(const Format& f) {
    std::vector<std::pair<std::string, const FormatRef*>> edges;
    for (std::size_t i = 0; i < f.steps.size(); ++i) {
      if (f.steps[i].format) edges.emplace_back(Indexed("steps", i, "format"), &*f.steps[i].format);
    }
    for (std::size_t i = 0; i < f.components.size(); ++i) {
      edges.emplace_back(Indexed("components", i, "format"), &f.components[i].format);
    }
    return edges;
  }

  void CheckCycles() {
    // Depth-first through the formats the steps and components name. A format
    // met again while it is still on the path closes a cycle; each cycle is
    // reported once, at the validated format's reference that leads into it.
    for (const auto& [path, ref] : Edges(format_)) {
      const Format* next = Resolve(*ref);
      if (next == nullptr) continue;
      std::vector<const Format*> trail{&format_};
      Visit(next, path, trail);
    }
  }

  void Visit(const Format* f, const std::string& root_path, std::vector<const Format*>& trail) {
    const auto on_trail = std::find(trail.begin(), trail.end(), f);
    if (on_trail != trail.end()) {
      ReportCycle(std::vector<const Format*>(on_trail, trail.end()), root_path);
      return;
    }
    if (done_.contains(f)) return;
    trail.push_back(f);
    for (const auto& [path, ref] : Edges(*f)) {
      if (const Format* next = Resolve(*ref)) Visit(next, root_path, trail);
    }
    trail.pop_back();
    done_.insert(f);
  }

  void ReportCycle(std::vector<const Format*> cycle, const std::string& path) {
    // The same cycle entered at another format is the same cycle: key it by
    // its rotation that starts at the smallest pointer.
    const auto first = std::min_element(cycle.begin(), cycle.end(), std::less<>());
    std::vector<const Format*> key(first, cycle.end());
    key.insert(key.end(), cycle.begin(), first);
    if (!cycles_.insert(key).second) return;
    std::vector<std::string> ids;
    ids.reserve(cycle.size() + 1);
    for (const Format* f : cycle) ids.push_back(f->id);
    ids.push_back(cycle.front()->id);
    const std::string spelt = absl::StrJoin(ids, " → ");
    Add(Severity::kError, "reference-cycle", path, [&](Lang lang) {
      return lang == Lang::kDa ? absl::StrFormat(
                                     "formaterne henviser til hinanden i ring: %s; et format kan "
                                     "ikke indeholde sig selv",
                                     spelt)
                               : absl::StrFormat(
                                     "the formats refer to each other in a cycle: %s; a format "
                                     "cannot contain itself",
                                     spelt);
    });
  }

  // ----- time ---------------------------------------------------------------------------

  void CheckTime() {
    // Totals of NaN, infinite or inverted budgets would only mislead; those
    // budgets are reported already. Without steps there is nothing to time.
    if (unsound_budgets_ || format_.steps.empty()) return;
    const WorkingDay day = context_.day;
    const Catalog* catalog = context_.catalog;
    const bool depends = detail::DependsOnParticipants(format_, catalog, day);
    const bool count_known = context_.participants.has_value();
    // Without a count, the time is checked for the fewest people the format is
    // for: if it overruns then, it overruns for any count.
    const int count = count_known ? *context_.participants : std::max(1, format_.capacity.min);
    const detail::Timing timing = detail::ComputeTiming(format_, count, catalog, day);
    const auto for_count = [&](Lang lang) -> std::string {
      if (!depends) return "";
      const std::string people = detail::FormatParticipants(count, lang);
      if (count_known) return absl::StrFormat(" for %s", people);
      return lang == Lang::kDa ? absl::StrFormat(" for %s, det færreste formatet er til", people)
                               : absl::StrFormat(" for %s, the fewest the format is for", people);
    };
    const MinuteRange total{timing.short_total, timing.long_total};

    if (!timing.planned) {
      for (std::size_t i = 0; i < format_.steps.size(); ++i) {
        if (!timing.steps[i].open) continue;
        Add(Severity::kInfo, "open-budget-without-duration", Indexed("steps", i, "budget"),
            [](Lang lang) -> std::string {
              return lang == Lang::kDa
                         ? "trinet har ingen tid for sig selv, og formatet har ingen planlagt "
                           "varighed, så det planlægges med 0 min"
                         : "the step has no time of its own and the format has no planned "
                           "duration, so it is planned with 0 min";
            });
      }
    } else {
      const MinuteRange planned = *timing.planned;
      const auto planned_words = [&](Lang lang) {
        std::string words = FormatMinutes(planned, lang);
        if (format_.duration && format_.duration->unit != TimeUnit::kMinute) {
          words = absl::StrFormat("%s = %s", detail::FormatBudget(*format_.duration, lang), words);
        }
        return words;
      };
      const auto takes = [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("trinene tager %s%s; der er planlagt %s",
                                     FormatMinutes(total, lang), for_count(lang),
                                     planned_words(lang))
                   : absl::StrFormat(
                         "the steps take %s%s; %s %s planned", FormatMinutes(total, lang),
                         for_count(lang), planned_words(lang),
                         format_.duration && format_.duration->unit != TimeUnit::kMinute ? "is"
                                                                                         : "are");
      };
      const double eps = detail::kMinuteEpsilon;
      if (total.min > planned.max + eps) {
        const MinuteRange over{total.min - planned.max, total.max - planned.max};
        Add(Severity::kError, "budget-overrun", "duration",
            [&](Lang lang) { return absl::StrFormat("%s (%s)", takes(lang), OverBy(over, lang)); });
      } else if (total.max > planned.max + eps) {
        const MinuteRange over{0, total.max - planned.max};
        Add(Severity::kWarning, "budget-tight", "duration", [&](Lang lang) {
          return lang == Lang::kDa ? absl::StrFormat(
                                         "%s: det kan kun nås, hvis hvert trin holder sig til sin "
                                         "korteste tid (%s)",
                                         takes(lang), OverBy(over, lang))
                                   : absl::StrFormat(
                                         "%s: they fit only if every step keeps to its shortest "
                                         "time (%s)",
                                         takes(lang), OverBy(over, lang));
        });
      } else if ((count_known || !depends) && timing.open_steps == 0 &&
                 total.max < planned.min - eps) {
        const MinuteRange spare{planned.min - total.max, planned.max - total.min};
        Add(Severity::kInfo, "budget-underrun", "duration", [&](Lang lang) {
          return absl::StrFormat("%s (%s %s)", takes(lang), FormatMinutes(spare, lang),
                                 lang == Lang::kDa ? "til overs" : "to spare");
        });
      }
      if (timing.open_steps > 0 && planned.max - timing.fixed.max <= eps) {
        std::vector<std::string> open_ids;
        for (std::size_t i = 0; i < format_.steps.size(); ++i) {
          if (timing.steps[i].open) open_ids.push_back("\"" + format_.steps[i].id + "\"");
        }
        const std::string ids = absl::StrJoin(open_ids, ", ");
        const bool one = open_ids.size() == 1;
        Add(Severity::kWarning, "open-budget-squeezed", "duration", [&](Lang lang) {
          return lang == Lang::kDa
                     ? absl::StrFormat(
                           "de øvrige trin tager %s%s af de planlagte %s og efterlader "
                           "ingen tid til %s %s",
                           FormatMinutes(timing.fixed, lang), for_count(lang),
                           FormatMinutes(planned, lang), one ? "det åbne trin" : "de åbne trin",
                           ids)
                     : absl::StrFormat(
                           "the other steps take %s%s of the planned %s, leaving no "
                           "time for the open %s %s",
                           FormatMinutes(timing.fixed, lang), for_count(lang),
                           FormatMinutes(planned, lang), one ? "step" : "steps", ids);
        });
      }
    }
    CheckFits();
    CheckSubFormats(timing, count, for_count);
  }

  void CheckFits() {
    const std::optional<int> longest =
        detail::MaxParticipantsThatFit(format_, true, context_.catalog, context_.day);
    const std::optional<int> shortest =
        detail::MaxParticipantsThatFit(format_, false, context_.catalog, context_.day);
    if (!longest) return;
    const std::optional<MinuteRange> planned = detail::PlannedMinutes(format_, 0, context_.day);
    if (!planned) return;
    Add(Severity::kInfo, "fits-at-most", "duration", [&](Lang lang) {
      const std::string in = FormatMinutes(planned->max, lang);
      const bool da = lang == Lang::kDa;
      if (shortest && *shortest == 0) {
        return da ? absl::StrFormat(
                        "intet antal deltagere kan nås inden for de planlagte %s, "
                        "heller ikke når hvert trin tager sin korteste tid",
                        in)
                  : absl::StrFormat(
                        "no number of participants fits in the planned %s, not even "
                        "when every step takes its shortest time",
                        in);
      }
      std::string text = da ? absl::StrFormat(
                                  "der er tid til højst %s inden for de planlagte %s, når hvert "
                                  "trin tager sin længste tid",
                                  detail::FormatParticipants(*longest, lang), in)
                            : absl::StrFormat(
                                  "at most %s fit in the planned %s when every step takes its "
                                  "longest time",
                                  detail::FormatParticipants(*longest, lang), in);
      if (shortest != longest) {
        const std::string more = shortest ? absl::StrFormat("%d", *shortest)
                                          : std::string(da ? "over 100.000" : "over 100,000");
        text += da ? absl::StrFormat(" (%s, når hvert trin tager sin korteste)", more)
                   : absl::StrFormat(" (%s when every step takes its shortest)", more);
      }
      return text;
    });
  }

  template <typename ForCount>
  void CheckSubFormats(const detail::Timing& timing, int count, const ForCount& for_count) {
    for (std::size_t i = 0; i < format_.steps.size(); ++i) {
      const detail::StepTiming& st = timing.steps[i];
      if (st.sub_format == nullptr || st.from_sub_format) continue;
      std::vector<detail::FormatKey> expanding{{format_.id, format_.version}};
      const detail::Timing sub = detail::ComputeTiming(*st.sub_format, count, context_.catalog,
                                                       context_.day, st.minutes, expanding);
      const double over_max = sub.fixed.max - st.minutes.max;
      if (over_max <= detail::kMinuteEpsilon) continue;
      const MinuteRange over{std::max(0.0, sub.fixed.min - st.minutes.max), over_max};
      const std::string& id = st.sub_format->id;
      Add(Severity::kWarning, "sub-format-overrun", Indexed("steps", i, "format"), [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("formatet \"%s\" tager %s%s; trinet giver det %s (%s)", id,
                                     FormatMinutes(sub.fixed, lang), for_count(lang),
                                     FormatMinutes(st.minutes, lang), OverBy(over, lang))
                   : absl::StrFormat("the format \"%s\" takes %s%s; the step gives it %s (%s)", id,
                                     FormatMinutes(sub.fixed, lang), for_count(lang),
                                     FormatMinutes(st.minutes, lang), OverBy(over, lang));
      });
    }
  }

  // ----- outputs ------------------------------------------------------------------------

  // Whether `f` (or a format one of its steps or components is) produces `kind`;
  // kUnknown when a reference that might produce it cannot be resolved.
  Answer Produces(const Format& f, OutputKind kind, std::set<const Format*>& seen) const {
    if (!seen.insert(&f).second) return Answer::kNo;
    Answer answer = Answer::kNo;
    const auto through = [&](const FormatRef& ref) {
      const Format* sub = Resolve(ref);
      if (sub == nullptr) {
        answer = Answer::kUnknown;
        return false;
      }
      const bool declares = std::any_of(sub->outputs.begin(), sub->outputs.end(),
                                        [&](const DeclaredOutput& o) { return o.kind == kind; });
      if (declares) return true;
      const Answer inner = Produces(*sub, kind, seen);
      if (inner == Answer::kUnknown) answer = Answer::kUnknown;
      return inner == Answer::kYes;
    };
    for (const Step& step : f.steps) {
      if (std::find(step.produces.begin(), step.produces.end(), kind) != step.produces.end()) {
        return Answer::kYes;
      }
      if (step.format && through(*step.format)) return Answer::kYes;
    }
    for (const Component& c : f.components) {
      if (through(c.format)) return Answer::kYes;
    }
    return answer;
  }

  void CheckOutputs() {
    if (format_.steps.empty() && format_.components.empty()) return;  // "no-steps" says it.
    for (std::size_t i = 0; i < format_.outputs.size(); ++i) {
      const OutputKind kind = format_.outputs[i].kind;
      std::set<const Format*> seen;
      if (Produces(format_, kind, seen) != Answer::kNo) continue;
      Add(Severity::kWarning, "output-not-produced", Indexed("outputs", i), [&](Lang lang) {
        return lang == Lang::kDa
                   ? absl::StrFormat("formatet lover %s, men intet trin frembringer dem",
                                     detail::OutputKindPlural(kind, lang))
                   : absl::StrFormat("the format promises %s, but no step produces them",
                                     detail::OutputKindPlural(kind, lang));
      });
    }
  }

  const Format& format_;
  const ValidationContext& context_;
  std::vector<Diagnostic> out_;
  std::set<const Format*> done_;
  bool unsound_budgets_ = false;
  std::set<std::vector<const Format*>> cycles_;
};

}  // namespace

std::vector<Diagnostic> Validate(const Format& format, const ValidationContext& context) {
  return Validator(format, context).Run();
}

std::optional<int> MaxParticipantsThatFit(const Format& format, bool longest, WorkingDay day) {
  return detail::MaxParticipantsThatFit(format, longest, nullptr, day);
}

}  // namespace carelearn
