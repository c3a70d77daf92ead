// Canonical names of the model's enumerations, as the JSON documents spell them.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "carelearn/model/diff.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/model/variant.hpp"
#include "detail/names.hpp"

namespace carelearn {
namespace {

constexpr std::array<std::pair<Lang, std::string_view>, 2> kLangs{{
    {Lang::kDa, "da"},
    {Lang::kEn, "en"},
}};

constexpr std::array<std::pair<TimeUnit, std::string_view>, 3> kUnits{{
    {TimeUnit::kMinute, "minute"},
    {TimeUnit::kHour, "hour"},
    {TimeUnit::kDay, "day"},
}};

constexpr std::array<std::pair<Participation, std::string_view>, 7> kParticipations{{
    {Participation::kSpeaker, "speaker"},
    {Participation::kQuestions, "questions"},
    {Participation::kRound, "round"},
    {Participation::kPlenary, "plenary"},
    {Participation::kGroups, "groups"},
    {Participation::kShadowing, "shadowing"},
    {Participation::kIndividual, "individual"},
}};

constexpr std::array<std::pair<OutputKind, std::string_view>, 5> kOutputKinds{{
    {OutputKind::kLearningPoint, "learning-point"},
    {OutputKind::kOrganisationalAction, "organisational-action"},
    {OutputKind::kReflection, "reflection"},
    {OutputKind::kFeedback, "feedback"},
    {OutputKind::kDocumentation, "documentation"},
}};

constexpr std::array<std::pair<Place, std::string_view>, 4> kPlaces{{
    {Place::kWorkplace, "workplace"},
    {Place::kCitizensHome, "citizens-home"},
    {Place::kOffSite, "off-site"},
    {Place::kEducation, "education"},
}};

constexpr std::array<std::pair<Period, std::string_view>, 4> kPeriods{{
    {Period::kDay, "day"},
    {Period::kWeek, "week"},
    {Period::kMonth, "month"},
    {Period::kYear, "year"},
}};

constexpr std::array<std::pair<StepChange::Op, std::string_view>, 5> kOps{{
    {StepChange::Op::kAdd, "add"},
    {StepChange::Op::kRemove, "remove"},
    {StepChange::Op::kReplace, "replace"},
    {StepChange::Op::kSetBudget, "set-budget"},
    {StepChange::Op::kSetPrompts, "set-prompts"},
}};

constexpr std::array<std::pair<TimeBudget::Kind, std::string_view>, 4> kBudgetKinds{{
    {TimeBudget::Kind::kFixed, "fixed"},
    {TimeBudget::Kind::kRange, "range"},
    {TimeBudget::Kind::kPerParticipant, "per-participant"},
    {TimeBudget::Kind::kOpen, "open"},
}};

constexpr std::array<std::pair<Difference::Kind, std::string_view>, 3> kDifferenceKinds{{
    {Difference::Kind::kAdded, "added"},
    {Difference::Kind::kRemoved, "removed"},
    {Difference::Kind::kChanged, "changed"},
}};

template <typename E, std::size_t N>
std::span<const std::pair<E, std::string_view>> Table(
    const std::array<std::pair<E, std::string_view>, N>& a) {
  return a;
}

}  // namespace

std::string_view LangCode(Lang lang) { return detail::NameOf(Table(kLangs), lang); }
std::optional<Lang> ParseLang(std::string_view code) {
  if (code.size() == 2) {
    const char lower[2] = {static_cast<char>(code[0] | 0x20), static_cast<char>(code[1] | 0x20)};
    return detail::ValueOf(Table(kLangs), std::string_view(lower, 2));
  }
  return std::nullopt;
}

std::string_view TimeUnitName(TimeUnit unit) { return detail::NameOf(Table(kUnits), unit); }
std::optional<TimeUnit> ParseTimeUnit(std::string_view name) {
  return detail::ValueOf(Table(kUnits), name);
}

std::string_view ParticipationName(Participation p) {
  return detail::NameOf(Table(kParticipations), p);
}
std::optional<Participation> ParseParticipation(std::string_view name) {
  return detail::ValueOf(Table(kParticipations), name);
}

std::string_view OutputKindName(OutputKind kind) {
  return detail::NameOf(Table(kOutputKinds), kind);
}
std::optional<OutputKind> ParseOutputKind(std::string_view name) {
  return detail::ValueOf(Table(kOutputKinds), name);
}

std::string_view PlaceName(Place place) { return detail::NameOf(Table(kPlaces), place); }
std::optional<Place> ParsePlace(std::string_view name) {
  return detail::ValueOf(Table(kPlaces), name);
}

std::string_view PeriodName(Period period) { return detail::NameOf(Table(kPeriods), period); }
std::optional<Period> ParsePeriod(std::string_view name) {
  return detail::ValueOf(Table(kPeriods), name);
}

std::string_view StepChangeOpName(StepChange::Op op) { return detail::NameOf(Table(kOps), op); }
std::optional<StepChange::Op> ParseStepChangeOp(std::string_view name) {
  return detail::ValueOf(Table(kOps), name);
}

std::string_view TimeBudgetKindName(TimeBudget::Kind kind) {
  return detail::NameOf(Table(kBudgetKinds), kind);
}
std::optional<TimeBudget::Kind> ParseTimeBudgetKind(std::string_view name) {
  return detail::ValueOf(Table(kBudgetKinds), name);
}

std::string_view DifferenceKindName(Difference::Kind kind) {
  return detail::NameOf(Table(kDifferenceKinds), kind);
}
std::optional<Difference::Kind> ParseDifferenceKind(std::string_view name) {
  return detail::ValueOf(Table(kDifferenceKinds), name);
}

}  // namespace carelearn
