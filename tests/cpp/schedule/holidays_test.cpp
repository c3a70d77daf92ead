#include "carelearn/schedule/holidays.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace carelearn {
namespace {

using D = absl::CivilDay;

TEST(HolidaysTest, EasterSunday) {
  EXPECT_EQ(EasterSunday(2025), D(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), D(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2024), D(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2023), D(2023, 4, 9));
  EXPECT_EQ(EasterSunday(2019), D(2019, 4, 21));
  EXPECT_EQ(EasterSunday(2018), D(2018, 4, 1));
  EXPECT_EQ(EasterSunday(2000), D(2000, 4, 23));
  // The earliest and the latest dates Easter can fall on.
  EXPECT_EQ(EasterSunday(1818), D(1818, 3, 22));
  EXPECT_EQ(EasterSunday(2285), D(2285, 3, 22));
  EXPECT_EQ(EasterSunday(2038), D(2038, 4, 25));
}

TEST(HolidaysTest, EasterIsAlwaysASundayBetween22MarchAnd25April) {
  for (absl::civil_year_t year = 1583; year <= 4099; ++year) {
    const D easter = EasterSunday(year);
    ASSERT_EQ(absl::GetWeekday(easter), absl::Weekday::sunday) << year;
    ASSERT_GE(easter, D(year, 3, 22)) << year;
    ASSERT_LE(easter, D(year, 4, 25)) << year;
  }
}

TEST(HolidaysTest, The2026Holidays) {
  const std::vector<Holiday> h = DanishHolidays(2026);
  ASSERT_EQ(h.size(), 10u);
  const std::vector<Holiday> expected = {
      {D(2026, 1, 1), HolidayKind::kNewYearsDay},    {D(2026, 4, 2), HolidayKind::kMaundyThursday},
      {D(2026, 4, 3), HolidayKind::kGoodFriday},     {D(2026, 4, 5), HolidayKind::kEasterSunday},
      {D(2026, 4, 6), HolidayKind::kEasterMonday},   {D(2026, 5, 14), HolidayKind::kAscensionDay},
      {D(2026, 5, 24), HolidayKind::kWhitSunday},    {D(2026, 5, 25), HolidayKind::kWhitMonday},
      {D(2026, 12, 25), HolidayKind::kChristmasDay}, {D(2026, 12, 26), HolidayKind::kBoxingDay},
  };
  EXPECT_EQ(h, expected);
}

TEST(HolidaysTest, StoreBededagUpToAndIncluding2023Only) {
  const std::vector<Holiday> h2023 = DanishHolidays(2023);
  ASSERT_EQ(h2023.size(), 11u);
  EXPECT_THAT(h2023, ::testing::Contains(Holiday{D(2023, 5, 5), HolidayKind::kGreatPrayerDay}));
  EXPECT_EQ(DanishHolidayOn(D(2023, 5, 5)), HolidayKind::kGreatPrayerDay);

  const std::vector<Holiday> h2024 = DanishHolidays(2024);
  EXPECT_EQ(h2024.size(), 10u);
  for (const Holiday& h : h2024) EXPECT_NE(h.kind, HolidayKind::kGreatPrayerDay);
  // 26 April 2024 would have been store bededag.
  EXPECT_EQ(DanishHolidayOn(D(2024, 4, 26)), std::nullopt);
  EXPECT_EQ(DanishHolidayOn(D(2018, 4, 27)), HolidayKind::kGreatPrayerDay);
}

TEST(HolidaysTest, CommonDaysOffOnlyWhenAsked) {
  EXPECT_EQ(DanishHolidays(2023, true).size(), 14u);
  EXPECT_EQ(DanishHolidays(2026, true).size(), 13u);
  EXPECT_EQ(DanishHolidayOn(D(2026, 6, 5)), std::nullopt);
  EXPECT_EQ(DanishHolidayOn(D(2026, 6, 5), true), HolidayKind::kConstitutionDay);
  EXPECT_EQ(DanishHolidayOn(D(2026, 12, 24)), std::nullopt);
  EXPECT_EQ(DanishHolidayOn(D(2026, 12, 24), true), HolidayKind::kChristmasEve);
  EXPECT_EQ(DanishHolidayOn(D(2026, 12, 31), true), HolidayKind::kNewYearsEve);
  EXPECT_FALSE(IsPublicHoliday(HolidayKind::kConstitutionDay));
  EXPECT_TRUE(IsPublicHoliday(HolidayKind::kBoxingDay));
}

TEST(HolidaysTest, WhitMondayOnConstitutionDay) {
  // Easter 2017 was 16 April, so 2. pinsedag was 5 June: both are listed,
  // and the public holiday is the one DanishHolidayOn names.
  const std::vector<Holiday> h = DanishHolidays(2017, true);
  EXPECT_EQ(h.size(), 14u);
  EXPECT_THAT(h, ::testing::Contains(Holiday{D(2017, 6, 5), HolidayKind::kWhitMonday}));
  EXPECT_THAT(h, ::testing::Contains(Holiday{D(2017, 6, 5), HolidayKind::kConstitutionDay}));
  EXPECT_EQ(DanishHolidayOn(D(2017, 6, 5), true), HolidayKind::kWhitMonday);
}

TEST(HolidaysTest, HolidayOnAgreesWithTheListForManyYears) {
  for (absl::civil_year_t year = 1990; year <= 2060; ++year) {
    for (bool common : {false, true}) {
      std::set<D> listed;
      for (const Holiday& h : DanishHolidays(year, common)) listed.insert(h.day);
      for (D d(year, 1, 1); d.year() == year; ++d) {
        ASSERT_EQ(DanishHolidayOn(d, common).has_value(), listed.contains(d)) << d;
      }
    }
  }
}

TEST(HolidaysTest, NamesAndIds) {
  EXPECT_EQ(HolidayName(HolidayKind::kEasterMonday), (Text{"2. påskedag", "Easter Monday"}));
  EXPECT_EQ(HolidayName(HolidayKind::kGreatPrayerDay), (Text{"Store bededag", "Great Prayer Day"}));
  EXPECT_EQ(HolidayName(HolidayKind::kAscensionDay).da, "Kristi himmelfartsdag");
  EXPECT_EQ(HolidayName(HolidayKind::kNewYearsEve).da, "Nytårsaftensdag");
  EXPECT_EQ(HolidayId(HolidayKind::kWhitMonday), "whit-monday");
  std::set<std::string_view> ids;
  for (int k = 0; k <= static_cast<int>(HolidayKind::kNewYearsEve); ++k) {
    const auto kind = static_cast<HolidayKind>(k);
    EXPECT_FALSE(HolidayName(kind).da.empty());
    EXPECT_FALSE(HolidayName(kind).en.empty());
    ids.insert(HolidayId(kind));
  }
  EXPECT_EQ(ids.size(), 14u);
}

TEST(HolidayIdTest, RoundTrips) {
  for (int i = 0; !HolidayId(static_cast<HolidayKind>(i)).empty(); ++i) {
    EXPECT_EQ(ParseHolidayId(HolidayId(static_cast<HolidayKind>(i))), static_cast<HolidayKind>(i));
  }
  EXPECT_EQ(ParseHolidayId("christmas-day"), HolidayKind::kChristmasDay);
  EXPECT_EQ(HolidayId(static_cast<HolidayKind>(99)), "");
  EXPECT_EQ(ParseHolidayId("christmas"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
