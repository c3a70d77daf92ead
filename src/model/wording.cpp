// Danish and English wording of amounts, counts, roles, outputs, budgets and
// cadences; see wording.hpp and carelearn/model/wording.hpp.
#include "model/wording.hpp"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"

namespace carelearn::detail {
namespace {

// The unit's short name after `amount` of it.
std::string_view UnitName(double amount, TimeUnit unit, Lang lang) {
  const bool da = lang == Lang::kDa;
  switch (unit) {
    case TimeUnit::kMinute:
      return "min";
    case TimeUnit::kHour:
      return da ? "t" : "h";
    case TimeUnit::kDay:
      if (std::abs(amount) <= 1.0) return da ? "dag" : "day";
      return da ? "dage" : "days";
  }
  return "min";
}

}  // namespace

std::string FormatNumber(double value, Lang lang) {
  if (!std::isfinite(value)) return std::isnan(value) ? "?" : (value > 0 ? "∞" : "-∞");
  // Whole numbers print as such; the rest with two decimals, trailing zeros dropped.
  const double rounded = std::round(value * 100.0) / 100.0;
  std::string out = absl::StrFormat("%.2f", rounded);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  if (lang == Lang::kDa) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string FormatFraction(double value, Lang lang) {
  if (!std::isfinite(value) || value < 0) return FormatNumber(value, lang);
  const double whole = std::floor(value);
  const double part = value - whole;
  std::string_view glyph;
  if (std::abs(part - 0.5) < 1e-9) glyph = "½";
  if (std::abs(part - 0.25) < 1e-9) glyph = "¼";
  if (std::abs(part - 0.75) < 1e-9) glyph = "¾";
  if (glyph.empty()) return FormatNumber(value, lang);
  std::string out = whole > 0 ? FormatNumber(whole, lang) : "";
  out += glyph;
  return out;
}

std::string FormatMinutes(MinuteRange range, Lang lang) {
  const std::string lo = FormatNumber(std::min(range.min, range.max), lang);
  const std::string hi = FormatNumber(std::max(range.min, range.max), lang);
  if (lo == hi) return lo + " min";
  return lo + "–" + hi + " min";
}

std::string FormatMinutes(double minutes, Lang lang) {
  return FormatNumber(minutes, lang) + " min";
}

std::string FormatAmount(double amount, TimeUnit unit, Lang lang) {
  const std::string number =
      unit == TimeUnit::kMinute ? FormatNumber(amount, lang) : FormatFraction(amount, lang);
  return absl::StrFormat("%s %s", number, UnitName(amount, unit, lang));
}

std::string FormatBudget(const TimeBudget& budget, Lang lang) {
  if (budget.kind == TimeBudget::Kind::kOpen) return lang == Lang::kDa ? "åben" : "open";
  std::string out = budget.about ? "ca. " : "";
  const auto number = [&](double v) {
    return budget.unit == TimeUnit::kMinute ? FormatNumber(v, lang) : FormatFraction(v, lang);
  };
  if (budget.min == budget.max) {
    out += FormatAmount(budget.max, budget.unit, lang);
  } else {
    out += absl::StrFormat("%s–%s %s", number(budget.min), number(budget.max),
                           UnitName(budget.max, budget.unit, lang));
  }
  return out;
}

std::string FormatParticipants(int count, Lang lang) {
  if (lang == Lang::kDa) {
    return absl::StrFormat("%d %s", count, count == 1 ? "deltager" : "deltagere");
  }
  return absl::StrFormat("%d %s", count, count == 1 ? "participant" : "participants");
}

std::string RoleName(std::string_view id, std::span<const Role> defined, Lang lang) {
  for (const Role& role : defined) {
    if (role.id == id && !role.name.empty()) return std::string(role.name.Get(lang));
  }
  if (const Role* role = FindBuiltinRole(id)) return std::string(role->name.Get(lang));
  return std::string(id);
}

bool IsKnownRole(std::string_view id, std::span<const Role> defined) {
  return FindBuiltinRole(id) != nullptr ||
         std::any_of(defined.begin(), defined.end(), [&](const Role& r) { return r.id == id; });
}

std::string_view OutputKindPlural(OutputKind kind, Lang lang) {
  const bool da = lang == Lang::kDa;
  switch (kind) {
    case OutputKind::kLearningPoint:
      return da ? "læringspointer" : "learning points";
    case OutputKind::kOrganisationalAction:
      return da ? "organisatoriske tiltag" : "organisational actions";
    case OutputKind::kReflection:
      return da ? "refleksioner" : "reflections";
    case OutputKind::kFeedback:
      return "feedback";
    case OutputKind::kDocumentation:
      return da ? "dokumentation" : "documentation";
  }
  return "";
}

}  // namespace carelearn::detail

namespace carelearn {

std::string DescribeBudget(const TimeBudget& budget, Lang lang) {
  std::string out = detail::FormatBudget(budget, lang);
  if (budget.kind != TimeBudget::Kind::kPerParticipant) return out;
  const bool da = lang == Lang::kDa;
  out += da ? " hver" : " each";
  if (budget.skip > 0) {
    absl::StrAppendFormat(&out, " (%d %s)", budget.skip, da ? "springes over" : "skip");
  }
  return out;
}

std::string DescribeCadence(const Cadence& cadence, Lang lang) {
  const int n = cadence.interval;
  std::string out;
  if (lang == Lang::kDa) {
    // "hver uge", "hver 2. uge", "hvert år": "år" is neuter.
    std::string_view unit = "uge";
    switch (cadence.unit) {
      case Period::kDay:
        unit = "dag";
        break;
      case Period::kWeek:
        unit = "uge";
        break;
      case Period::kMonth:
        unit = "måned";
        break;
      case Period::kYear:
        unit = "år";
        break;
    }
    const std::string_view every = cadence.unit == Period::kYear ? "hvert" : "hver";
    out = n == 1 ? absl::StrFormat("%s %s", every, unit)
                 : absl::StrFormat("%s %d. %s", every, n, unit);
    if (cadence.count) {
      absl::StrAppendFormat(&out, ", %d %s", *cadence.count,
                            *cadence.count == 1 ? "gang" : "gange");
    }
    return out;
  }
  std::string_view singular = "week";
  std::string_view plural = "weeks";
  switch (cadence.unit) {
    case Period::kDay:
      singular = "day";
      plural = "days";
      break;
    case Period::kWeek:
      break;
    case Period::kMonth:
      singular = "month";
      plural = "months";
      break;
    case Period::kYear:
      singular = "year";
      plural = "years";
      break;
  }
  out = n == 1 ? absl::StrFormat("every %s", singular) : absl::StrFormat("every %d %s", n, plural);
  if (cadence.count) {
    absl::StrAppendFormat(&out, ", %d %s", *cadence.count, *cadence.count == 1 ? "time" : "times");
  }
  return out;
}

}  // namespace carelearn
