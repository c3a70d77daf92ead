// Danish holidays; see carelearn/schedule/holidays.hpp.
#include "carelearn/schedule/holidays.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace carelearn {
namespace {

// The last year in which store bededag was a public holiday: it was abolished from 2024.
constexpr absl::civil_year_t kLastGreatPrayerDay = 2023;

struct HolidayInfo {
  std::string_view id;
  bool public_holiday;
};

constexpr std::array<HolidayInfo, 14> kInfo = {{
    {"new-years-day", true},
    {"maundy-thursday", true},
    {"good-friday", true},
    {"easter-sunday", true},
    {"easter-monday", true},
    {"great-prayer-day", true},
    {"ascension-day", true},
    {"whit-sunday", true},
    {"whit-monday", true},
    {"christmas-day", true},
    {"boxing-day", true},
    {"constitution-day", false},
    {"christmas-eve", false},
    {"new-years-eve", false},
}};

std::size_t Index(HolidayKind kind) { return static_cast<std::size_t>(kind); }

bool IsLeap(absl::civil_year_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// The day of the year (0 for 1 January) of `month`/`day`; plain integer
// arithmetic, so that DanishHolidayOn stays cheap.
int DayOfYear(absl::civil_year_t year, int month, int day) {
  static constexpr std::array<int, 12> kBefore = {0,   31,  59,  90,  120, 151,
                                                  181, 212, 243, 273, 304, 334};
  return kBefore[static_cast<std::size_t>(month - 1)] + day - 1 +
         (month > 2 && IsLeap(year) ? 1 : 0);
}

// Easter Sunday of `year` as (month, day), by the computus of EasterSunday.
std::pair<int, int> EasterMonthDay(absl::civil_year_t year);

// The holiday `offset` days after Easter Sunday in `year`, if there is one.
std::optional<HolidayKind> EasterHoliday(absl::civil_diff_t offset, absl::civil_year_t year) {
  switch (offset) {
    case -3:
      return HolidayKind::kMaundyThursday;
    case -2:
      return HolidayKind::kGoodFriday;
    case 0:
      return HolidayKind::kEasterSunday;
    case 1:
      return HolidayKind::kEasterMonday;
    case 26:
      if (year <= kLastGreatPrayerDay) return HolidayKind::kGreatPrayerDay;
      return std::nullopt;
    case 39:
      return HolidayKind::kAscensionDay;
    case 49:
      return HolidayKind::kWhitSunday;
    case 50:
      return HolidayKind::kWhitMonday;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string_view HolidayId(HolidayKind kind) {
  return Index(kind) < kInfo.size() ? kInfo[Index(kind)].id : std::string_view();
}

std::optional<HolidayKind> ParseHolidayId(std::string_view id) {
  for (std::size_t i = 0; i < kInfo.size(); ++i) {
    if (kInfo[i].id == id) return static_cast<HolidayKind>(i);
  }
  return std::nullopt;
}

const Text& HolidayName(HolidayKind kind) {
  static const std::array<Text, 14> kNames = {{
      {"Nytårsdag", "New Year's Day"},
      {"Skærtorsdag", "Maundy Thursday"},
      {"Langfredag", "Good Friday"},
      {"Påskedag", "Easter Sunday"},
      {"2. påskedag", "Easter Monday"},
      {"Store bededag", "Great Prayer Day"},
      {"Kristi himmelfartsdag", "Ascension Day"},
      {"Pinsedag", "Whit Sunday"},
      {"2. pinsedag", "Whit Monday"},
      {"Juledag", "Christmas Day"},
      {"2. juledag", "Boxing Day"},
      {"Grundlovsdag", "Constitution Day"},
      {"Juleaftensdag", "Christmas Eve"},
      {"Nytårsaftensdag", "New Year's Eve"},
  }};
  return kNames[Index(kind)];
}

bool IsPublicHoliday(HolidayKind kind) { return kInfo[Index(kind)].public_holiday; }

namespace {

// The anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8):
// Easter Sunday as the number of days after 28 February (22 March is 22).
constexpr int EasterAfterFebruary(absl::civil_year_t year) {
  const absl::civil_year_t a = year % 19;
  const absl::civil_year_t b = year / 100;
  const absl::civil_year_t c = year % 100;
  const absl::civil_year_t d = b / 4;
  const absl::civil_year_t e = b % 4;
  const absl::civil_year_t f = (b + 8) / 25;
  const absl::civil_year_t g = (b - f + 1) / 3;
  const absl::civil_year_t h = (19 * a + b - d - g + 15) % 30;
  const absl::civil_year_t i = c / 4;
  const absl::civil_year_t k = c % 4;
  const absl::civil_year_t l = (32 + 2 * e + 2 * i - h - k) % 7;
  const absl::civil_year_t m = (a + 11 * h + 22 * l) / 451;
  const absl::civil_year_t n = h + l - 7 * m + 114;  // month * 31 + day - 1
  const int month = static_cast<int>(n / 31);
  const int day = static_cast<int>(n % 31 + 1);
  return month == 3 ? day : 31 + day;
}

// Easter for the years planning is done in, computed at compile time: the
// holiday test runs for every occurrence of every series.
constexpr absl::civil_year_t kTableFirst = 1900;
constexpr absl::civil_year_t kTableLast = 2299;
constexpr auto kEasterTable = [] {
  std::array<std::uint8_t, kTableLast - kTableFirst + 1> table{};
  for (absl::civil_year_t y = kTableFirst; y <= kTableLast; ++y) {
    table[static_cast<std::size_t>(y - kTableFirst)] =
        static_cast<std::uint8_t>(EasterAfterFebruary(y));
  }
  return table;
}();

std::pair<int, int> EasterMonthDay(absl::civil_year_t year) {
  const int after = year >= kTableFirst && year <= kTableLast
                        ? kEasterTable[static_cast<std::size_t>(year - kTableFirst)]
                        : EasterAfterFebruary(year);
  return after <= 31 ? std::pair{3, after} : std::pair{4, after - 31};
}

}  // namespace

absl::CivilDay EasterSunday(absl::civil_year_t year) {
  const auto [month, day] = EasterMonthDay(year);
  return absl::CivilDay(year, month, day);
}

std::vector<Holiday> DanishHolidays(absl::civil_year_t year, bool common_days_off) {
  const absl::CivilDay easter = EasterSunday(year);
  std::vector<Holiday> out = {
      {absl::CivilDay(year, 1, 1), HolidayKind::kNewYearsDay},
      {easter - 3, HolidayKind::kMaundyThursday},
      {easter - 2, HolidayKind::kGoodFriday},
      {easter, HolidayKind::kEasterSunday},
      {easter + 1, HolidayKind::kEasterMonday},
      {easter + 39, HolidayKind::kAscensionDay},
      {easter + 49, HolidayKind::kWhitSunday},
      {easter + 50, HolidayKind::kWhitMonday},
      {absl::CivilDay(year, 12, 25), HolidayKind::kChristmasDay},
      {absl::CivilDay(year, 12, 26), HolidayKind::kBoxingDay},
  };
  if (year <= kLastGreatPrayerDay) out.push_back({easter + 26, HolidayKind::kGreatPrayerDay});
  if (common_days_off) {
    out.push_back({absl::CivilDay(year, 6, 5), HolidayKind::kConstitutionDay});
    out.push_back({absl::CivilDay(year, 12, 24), HolidayKind::kChristmasEve});
    out.push_back({absl::CivilDay(year, 12, 31), HolidayKind::kNewYearsEve});
  }
  std::sort(out.begin(), out.end(), [](const Holiday& x, const Holiday& y) {
    return x.day != y.day ? x.day < y.day : x.kind < y.kind;
  });
  return out;
}

std::optional<HolidayKind> DanishHolidayOn(absl::CivilDay day, bool common_days_off) {
  const int month = day.month();
  const int dom = day.day();
  if (month == 1 && dom == 1) return HolidayKind::kNewYearsDay;
  if (month == 12) {
    if (dom == 25) return HolidayKind::kChristmasDay;
    if (dom == 26) return HolidayKind::kBoxingDay;
    if (common_days_off && dom == 24) return HolidayKind::kChristmasEve;
    if (common_days_off && dom == 31) return HolidayKind::kNewYearsEve;
    return std::nullopt;
  }
  // Maundy Thursday is at the earliest on 19 March; Whit Monday at the latest on 14 June.
  if (month >= 3 && month <= 6) {
    const auto [easter_month, easter_day] = EasterMonthDay(day.year());
    const int offset =
        DayOfYear(day.year(), month, dom) - DayOfYear(day.year(), easter_month, easter_day);
    if (std::optional<HolidayKind> h = EasterHoliday(offset, day.year())) return h;
  }
  if (common_days_off && month == 6 && dom == 5) return HolidayKind::kConstitutionDay;
  return std::nullopt;
}

}  // namespace carelearn
