#include "carelearn/plan/diagnostic.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace carelearn {
namespace {

TEST(SeverityTest, NamesRoundTrip) {
  for (const Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    EXPECT_EQ(ParseSeverity(SeverityName(s)), s);
  }
  EXPECT_EQ(SeverityName(Severity::kInfo), "info");
  EXPECT_EQ(SeverityName(Severity::kWarning), "warning");
  EXPECT_EQ(SeverityName(Severity::kError), "error");
}

TEST(SeverityTest, UnknownNamesAreRejected) {
  EXPECT_EQ(ParseSeverity("fatal"), std::nullopt);
  EXPECT_EQ(ParseSeverity("Error"), std::nullopt) << "names are canonical, lower-case";
  EXPECT_EQ(ParseSeverity(""), std::nullopt);
}

TEST(FormatDiagnosticTest, OneLineWithSeverityCodePathAndMessage) {
  const Diagnostic d{Severity::kError,
                     "budget-overrun",
                     "duration",
                     {"trinene tager 33–34 min", "the steps take 33–34 min"}};
  EXPECT_EQ(FormatDiagnostic(d, Lang::kEn),
            "error budget-overrun at duration: the steps take 33–34 min");
  EXPECT_EQ(FormatDiagnostic(d, Lang::kDa),
            "error budget-overrun at duration: trinene tager 33–34 min");
}

TEST(FormatDiagnosticTest, NoPathForTheWholeFormat) {
  const Diagnostic d{Severity::kInfo, "note", "", {"", "only English"}};
  EXPECT_EQ(FormatDiagnostic(d, Lang::kDa), "info note: only English") << "falls back";
}

TEST(HasErrorsTest, OnlyErrorsCount) {
  std::vector<Diagnostic> found;
  EXPECT_FALSE(HasErrors(found));
  found.push_back({Severity::kWarning, "w", "", {}});
  found.push_back({Severity::kInfo, "i", "", {}});
  EXPECT_FALSE(HasErrors(found));
  found.push_back({Severity::kError, "e", "", {}});
  EXPECT_TRUE(HasErrors(found));
}

}  // namespace
}  // namespace carelearn
