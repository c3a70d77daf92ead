// The one place where carelearn words things for people in Danish and
// English: amounts, counts, roles and outputs, for the diagnostics and the
// agendas (plan), the diff (model) and the public DescribeBudget and
// DescribeCadence (carelearn/model/wording.hpp), so that all of them say the
// same thing the same way. Private to the library; the model layer, so that
// every layer can use it.
#ifndef CARELEARN_SRC_MODEL_WORDING_HPP_
#define CARELEARN_SRC_MODEL_WORDING_HPP_

#include <span>
#include <string>
#include <string_view>

#include "carelearn/model/role.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"
#include "carelearn/model/wording.hpp"

namespace carelearn::detail {

/// `value` with at most two decimals and no trailing zeros; a decimal comma in Danish.
std::string FormatNumber(double value, Lang lang);

/// `value` as above, but halves and quarters as ½, ¼ and ¾ ("1½").
std::string FormatFraction(double value, Lang lang);

/// "5 min", "1–2 min": a range of minutes, lower end first, one number when both ends agree.
std::string FormatMinutes(MinuteRange range, Lang lang);

/// "5 min" for one amount of minutes.
std::string FormatMinutes(double minutes, Lang lang);

/// "5 min", "2 t" / "2 h", "½ dag" / "½ day", "2 dage" / "2 days".
std::string FormatAmount(double amount, TimeUnit unit, Lang lang);

/// "1–2 min", "½–1 dag": a budget's amounts in its own unit, "ca. " in front when about.
/// Open budgets give "åben" / "open".
std::string FormatBudget(const TimeBudget& budget, Lang lang);

/// "1 deltager" / "12 deltagere", "1 participant" / "12 participants".
std::string FormatParticipants(int count, Lang lang);

/// The name of role `id` in `lang`: a role `defined` first, then a built-in
/// role; the id itself when neither has it.
std::string RoleName(std::string_view id, std::span<const Role> defined, Lang lang);

/// True when `id` is a built-in role or one of `defined`.
bool IsKnownRole(std::string_view id, std::span<const Role> defined);

/// What the format promises, in the plural: "læringspointer" / "learning points".
std::string_view OutputKindPlural(OutputKind kind, Lang lang);

/// Both languages of a text built by `make(lang)`.
template <typename Make>
Text Bilingual(Make make) {
  return Text{make(Lang::kDa), make(Lang::kEn)};
}

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_MODEL_WORDING_HPP_
