// carelearn/model/wording.hpp
//
// Defines how carelearn words a format's quantities for people, in Danish and
// English: a time budget ("ca. 1 min each", "½–1 dag") and a cadence ("every
// 2 weeks", "hver 2. uge"). The diff, the agendas, the validation messages and
// the Python tables all word them here, so that the same thing is said the
// same way everywhere.
//
// Example:
//
//   std::string round = carelearn::DescribeBudget(
//       carelearn::TimeBudget::PerParticipant(1, 1).About());  // "ca. 1 min each"
//   carelearn::Cadence fortnightly;
//   fortnightly.interval = 2;  // weeks
//   std::string da = carelearn::DescribeCadence(fortnightly, carelearn::Lang::kDa);
//   // "hver 2. uge"
#ifndef CARELEARN_MODEL_WORDING_HPP_
#define CARELEARN_MODEL_WORDING_HPP_

#include <string>

#include "carelearn/model/format.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"

namespace carelearn {

/// `budget` in short words: "5 min", "1–2 min", "ca. 1 min each", "1½ h",
/// "½–1 day", "2 days", "open"; in Danish "ca. 1 min hver", "½–1 dag",
/// "åben". A per-participant budget in which some take no turn adds
/// " (1 skip)" / " (1 springes over)".
[[nodiscard]] std::string DescribeBudget(const TimeBudget& budget, Lang lang = Lang::kEn);

/// `cadence` in words: "every week", "every 2 weeks", "every month, 8 times";
/// in Danish "hver uge", "hver 2. uge", "hvert år", "hver måned, 8 gange".
[[nodiscard]] std::string DescribeCadence(const Cadence& cadence, Lang lang = Lang::kEn);

}  // namespace carelearn

#endif  // CARELEARN_MODEL_WORDING_HPP_
