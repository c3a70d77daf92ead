#include "carelearn/io/roster_io.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace carelearn {
namespace {

TEST(RosterCsvTest, ReadsColumnsInAnyOrderWithQuotesAndOpenEnds) {
  const std::string text =
      "\xEF\xBB\xBFunit,person,from,to,shift,profession\r\n"
      "egely,p1,2026-01-01,2026-03-15,day,nurse\r\n"
      "\r\n"
      "sophielund,p1,2026-03-16,,day,\"nurse, specialised\"\r\n"
      "egely,p2,2026-02-01,,,\n";
  absl::StatusOr<Roster> r = ParseRosterCsv(text, "staff.csv");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->members.size(), 3U);
  EXPECT_EQ(r->members[0], (RosterMember{"p1", "egely", "nurse", Shift::kDay,
                                         absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 3, 15)}));
  EXPECT_EQ(r->members[1].profession, "nurse, specialised");
  EXPECT_FALSE(r->members[1].to.has_value());
  EXPECT_EQ(r->members[2].shift, Shift::kUnspecified);
  EXPECT_EQ(r->members[2].profession, "");
}

TEST(RosterCsvTest, OptionalColumnsMayBeLeftOut) {
  absl::StatusOr<Roster> r = ParseRosterCsv("person,unit,from\np1,egely,2026-01-01\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->members[0].shift, Shift::kUnspecified);
  EXPECT_FALSE(r->members[0].to.has_value());
}

TEST(RosterCsvTest, RoundTrip) {
  Roster roster;
  roster.members = {
      {"p\"1", "egely,north", "nurse", Shift::kEvening, absl::CivilDay(2026, 1, 1),
       absl::CivilDay(2026, 2, 1)},
      {"p2", "egely", "", Shift::kUnspecified, absl::CivilDay(2026, 1, 1), std::nullopt}};
  const std::string csv = RosterToCsv(roster);
  EXPECT_EQ(csv,
            "person,unit,profession,shift,from,to\n"
            "\"p\"\"1\",\"egely,north\",nurse,evening,2026-01-01,2026-02-01\n"
            "p2,egely,,,2026-01-01,\n");
  absl::StatusOr<Roster> back = ParseRosterCsv(csv);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, roster);
}

struct CsvError {
  std::string text;
  std::string message;
};

class RosterCsvErrorTest : public ::testing::TestWithParam<CsvError> {};

TEST_P(RosterCsvErrorTest, NamesLineColumnAndCause) {
  absl::StatusOr<Roster> r = ParseRosterCsv(GetParam().text, "staff.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, RosterCsvErrorTest,
    ::testing::Values(
        CsvError{"",
                 "staff.csv:1:1: the roster is empty; the first line names the columns, such "
                 "as person,unit,profession,shift,from,to"},
        CsvError{"person,unit,form\n",
                 "staff.csv:1:13: unknown column \"form\"; did you mean \"from\"?"},
        CsvError{"person,unit,unit,from\n", "staff.csv:1:13: the column \"unit\" is named twice"},
        CsvError{"person,from\n", "staff.csv:1:1: missing required column \"unit\""},
        CsvError{"person,unit,from\np1,egely\n",
                 "staff.csv:2:4: the row has 2 fields; the header has 3"},
        CsvError{"person,unit,from\np1,egely,2026-13-01\n",
                 "staff.csv:2:10: column \"from\": no such date: \"2026-13-01\""},
        CsvError{"person,unit,from\np1,egely,1.1.2026\n",
                 "staff.csv:2:10: column \"from\": expected a date \"YYYY-MM-DD\" such as "
                 "\"2026-07-06\", found \"1.1.2026\""},
        CsvError{"person,unit,from,shift\np1,egely,2026-01-01,nigth\n",
                 "staff.csv:2:21: column \"shift\": expected one of \"day\", \"evening\", "
                 "\"night\", \"unspecified\", found \"nigth\"; did you mean \"night\"?"},
        CsvError{"person,unit,from\n,egely,2026-01-01\n",
                 "staff.csv:2:1: column \"person\": expected a pseudonymous staff id, found an "
                 "empty field"},
        CsvError{"person,unit,from\np1,\"egely,2026-01-01\n",
                 "staff.csv:2:4: the quoted field is not closed: a quote \" is missing"},
        CsvError{"person,unit,from\np1,eg\"ely,2026-01-01\n",
                 "staff.csv:2:6: a quote \" inside an unquoted field; quote the whole field and "
                 "double the quote"},
        CsvError{"person,unit,from,to\np1,egely,2026-01-01,\np1,egely,2026-05-01,\n",
                 "staff.csv:3: person \"p1\" is in unit \"egely\" from 2026-01-01 in staff.csv:2 "
                 "too: the memberships overlap"}));

TEST(RosterCsvTest, ErrorCarriesItsLocation) {
  absl::StatusOr<Roster> r = ParseRosterCsv("person,unit,from\np1,egely,2026-02-30\n", "s");
  ASSERT_FALSE(r.ok());
  const std::optional<ErrorLocation> at = GetErrorLocation(r.status());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->line, 2);
  EXPECT_EQ(at->column, 10);
  EXPECT_EQ(at->pointer, "/0/from");
}

TEST(RosterCsvTest, LoadsAFile) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "carelearn_roster_io_test.csv";
  {
    std::ofstream out(path);
    out << "person,unit,from\np1,egely,2026-01-01\n";
  }
  absl::StatusOr<Roster> r = LoadRosterCsv(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->members.size(), 1U);
  EXPECT_EQ(LoadRosterCsv(path).status().code(), absl::StatusCode::kNotFound);
}

TEST(RosterJsonTest, ReadsADocument) {
  const std::string text = R"({
  "carelearn": "roster/1",
  "members": [
    {"person": "p1", "unit": "egely", "profession": "nurse", "shift": "day",
     "from": "2026-01-01", "to": "2026-03-15"},
    {"person": "p1", "unit": "sophielund", "from": "2026-03-16", "to": null}
  ]
})";
  absl::StatusOr<Roster> r = ParseRosterJson(text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->members.size(), 2U);
  EXPECT_EQ(r->members[0].to, absl::CivilDay(2026, 3, 15));
  EXPECT_EQ(r->members[1].shift, Shift::kUnspecified);
  EXPECT_FALSE(r->members[1].to.has_value());
}

TEST(RosterJsonTest, LocatedErrors) {
  ParseOptions options;
  options.source_name = "staff.json";
  EXPECT_EQ(ParseRosterJson(R"({"carelearn": "roster/1", "members": [{"person": "p1",
"unit": "egely", "form": "2026-01-01"}]})",
                            options)
                .status()
                .message(),
            "staff.json:2:18: /members/0/form: unknown key \"form\" in a roster member; did you "
            "mean \"from\"?");
  EXPECT_EQ(ParseRosterJson(R"({"carelearn": "roster/1", "members": [
{"person": "p1", "unit": "egely", "from": "2026-1-01"}]})",
                            options)
                .status()
                .message(),
            "staff.json:2:43: /members/0/from: expected a date \"YYYY-MM-DD\" such as "
            "\"2026-07-06\", found \"2026-1-01\"");
  const absl::Status other =
      ParseRosterJson(R"({"carelearn": "format/1", "members": []})", options).status();
  EXPECT_EQ(other.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(other.message(),
            "staff.json:1:15: /carelearn: expected a \"roster/1\" document, found \"format/1\"");
  EXPECT_EQ(ParseRosterJson(R"({"carelearn": "roster/1", "members": [
{"person": "p1", "unit": "egely", "from": "2026-01-01"},
{"person": "p1", "unit": "egely", "from": "2026-02-01"}]})",
                            options)
                .status()
                .message(),
            "staff.json:3:1: /members/1: person \"p1\" is in unit \"egely\" from 2026-01-01 in "
            "staff.json:2:1: /members/0 too: the memberships overlap");
}

}  // namespace
}  // namespace carelearn
