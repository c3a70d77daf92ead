// carelearn/schedule/holidays.hpp
//
// Defines the Danish public holidays ("helligdage") for any year: the fixed
// days, the days that follow Easter (found with the Gregorian computus), store
// bededag up to and including 2023 (it was abolished from 2024), and, when
// asked, the days commonly given off though they are not public holidays:
// grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag
// (31 December). Each has a stable id and a name in Danish and English.
//
// The rules are today's, applied to every year; docs/schedule.md gives the sources.
//
// Example:
//
//   for (const carelearn::Holiday& h : carelearn::DanishHolidays(2026)) {
//     std::cout << h.day << " " << carelearn::HolidayName(h.kind).da << "\n";
//   }
//   // 2026-01-01 Nytårsdag, 2026-04-02 Skærtorsdag, 2026-04-03 Langfredag, ...
#ifndef CARELEARN_SCHEDULE_HOLIDAYS_HPP_
#define CARELEARN_SCHEDULE_HOLIDAYS_HPP_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "carelearn/model/text.hpp"

namespace carelearn {

/// A Danish public holiday, or a day commonly given off.
enum class HolidayKind {
  kNewYearsDay,      ///< Nytårsdag, 1 January.
  kMaundyThursday,   ///< Skærtorsdag, Easter − 3 days.
  kGoodFriday,       ///< Langfredag, Easter − 2 days.
  kEasterSunday,     ///< Påskedag.
  kEasterMonday,     ///< 2. påskedag, Easter + 1 day.
  kGreatPrayerDay,   ///< Store bededag, Easter + 26 days (the 4th Friday after Easter); until 2023.
  kAscensionDay,     ///< Kristi himmelfartsdag, Easter + 39 days.
  kWhitSunday,       ///< Pinsedag, Easter + 49 days.
  kWhitMonday,       ///< 2. pinsedag, Easter + 50 days.
  kChristmasDay,     ///< Juledag, 25 December.
  kBoxingDay,        ///< 2. juledag, 26 December.
  kConstitutionDay,  ///< Grundlovsdag, 5 June: commonly given off, not a public holiday.
  kChristmasEve,     ///< Juleaftensdag, 24 December: commonly given off, not a public holiday.
  kNewYearsEve,      ///< Nytårsaftensdag, 31 December: commonly given off, not a public holiday.
};

/// Returns the stable id of `kind`: "new-years-day", "maundy-thursday",
/// "good-friday", "easter-sunday", "easter-monday", "great-prayer-day",
/// "ascension-day", "whit-sunday", "whit-monday", "christmas-day",
/// "boxing-day", "constitution-day", "christmas-eve" or "new-years-eve".
std::string_view HolidayId(HolidayKind kind);

/// The holiday whose stable id is `id`; std::nullopt when unknown.
std::optional<HolidayKind> ParseHolidayId(std::string_view id);

/// Returns the name of `kind` in Danish and English, e.g. {"2. påskedag", "Easter Monday"}.
const Text& HolidayName(HolidayKind kind);

/// True for the public holidays; false for the days only commonly given off
/// (grundlovsdag, juleaftensdag, nytårsaftensdag).
bool IsPublicHoliday(HolidayKind kind);

/// One holiday in one year.
struct Holiday {
  absl::CivilDay day = {};                       ///< The date.
  HolidayKind kind = HolidayKind::kNewYearsDay;  ///< Which holiday it is.

  /// Equal when day and kind are.
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian
/// computus, as given by Meeus), for any year from 1583.
///
/// Example:
///
///   carelearn::EasterSunday(2025);  // absl::CivilDay(2025, 4, 20)
absl::CivilDay EasterSunday(absl::civil_year_t year);

/// The Danish holidays of `year` in date order: the public holidays and, when
/// `common_days_off` is true, also grundlovsdag, juleaftensdag and
/// nytårsaftensdag. Store bededag is included up to and including 2023.
///
/// Example:
///
///   carelearn::DanishHolidays(2024).size();        // 10 (no store bededag)
///   carelearn::DanishHolidays(2023, true).size();  // 14
std::vector<Holiday> DanishHolidays(absl::civil_year_t year, bool common_days_off = false);

/// The holiday on `day`, if any, by the rules of `DanishHolidays`; computed in
/// constant time without building the year's list.
///
/// Example:
///
///   carelearn::DanishHolidayOn(absl::CivilDay(2026, 4, 6));  // kEasterMonday
std::optional<HolidayKind> DanishHolidayOn(absl::CivilDay day, bool common_days_off = false);

}  // namespace carelearn

#endif  // CARELEARN_SCHEDULE_HOLIDAYS_HPP_
