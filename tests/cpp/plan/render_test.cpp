#include "carelearn/plan/agenda.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "plan/test_formats.hpp"

namespace carelearn {
namespace {

using plan_test::LearningVisit;
using plan_test::SystematicLearningMeeting;
using plan_test::TestCatalog;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A line diff of `expected` against `actual` ("-" expected only, "+" actual
// only, " " both), from their longest common subsequence.
std::string LineDiff(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> a = Lines(expected);
  const std::vector<std::string> b = Lines(actual);
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + "\n";
      ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "+ " + b[j++] + "\n";
    } else {
      out += "- " + a[i++] + "\n";
    }
  }
  if (expected.size() != actual.size() && out.find("\n+ ") == std::string::npos &&
      out.find("\n- ") == std::string::npos) {
    out += "(the texts differ only in their final newlines)\n";
  }
  return out;
}

// Compares `actual` with the golden file `name` under testdata/; with
// CARELEARN_UPDATE_GOLDEN=1 in the environment, rewrites the file instead.
void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(CARELEARN_TEST_DATA_DIR) + "/" + name;
  const char* update = std::getenv("CARELEARN_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << path
                         << "; run the test with CARELEARN_UPDATE_GOLDEN=1 to write it";
  std::ostringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) return;
  ADD_FAILURE() << "the rendering differs from " << path << " (- golden, + actual):\n"
                << LineDiff(expected.str(), actual)
                << "If the change is intended, rerun with CARELEARN_UPDATE_GOLDEN=1 and review "
                   "the diff of the golden file.";
}

Agenda MeetingAgenda(int participants) {
  static const Catalog* const catalog = new Catalog(TestCatalog());
  AgendaOptions options;
  options.catalog = catalog;
  absl::StatusOr<Agenda> agenda = PlanAgenda(SystematicLearningMeeting(), participants,
                                             absl::CivilMinute(2026, 3, 4, 14, 0), options);
  EXPECT_TRUE(agenda.ok()) << agenda.status();
  return *std::move(agenda);
}

TEST(RenderGoldenTest, MeetingForTwelveInDanishText) {
  ExpectGolden("systematic-learning-meeting-12.da.txt", RenderText(MeetingAgenda(12), Lang::kDa));
}

TEST(RenderGoldenTest, MeetingForTwelveInEnglishText) {
  ExpectGolden("systematic-learning-meeting-12.en.txt", RenderText(MeetingAgenda(12), Lang::kEn));
}

TEST(RenderGoldenTest, MeetingForTwelveInDanishMarkdown) {
  ExpectGolden("systematic-learning-meeting-12.da.md",
               RenderMarkdown(MeetingAgenda(12), Lang::kDa));
}

TEST(RenderGoldenTest, MeetingForTwelveInEnglishMarkdown) {
  ExpectGolden("systematic-learning-meeting-12.en.md",
               RenderMarkdown(MeetingAgenda(12), Lang::kEn));
}

TEST(RenderGoldenTest, MeetingForSixInDanishText) {
  ExpectGolden("systematic-learning-meeting-6.da.txt", RenderText(MeetingAgenda(6), Lang::kDa));
}

TEST(RenderGoldenTest, MeetingForSixInEnglishText) {
  ExpectGolden("systematic-learning-meeting-6.en.txt", RenderText(MeetingAgenda(6), Lang::kEn));
}

TEST(RenderGoldenTest, MeetingForSixInDanishMarkdown) {
  ExpectGolden("systematic-learning-meeting-6.da.md", RenderMarkdown(MeetingAgenda(6), Lang::kDa));
}

TEST(RenderGoldenTest, MeetingForSixInEnglishMarkdown) {
  ExpectGolden("systematic-learning-meeting-6.en.md", RenderMarkdown(MeetingAgenda(6), Lang::kEn));
}

Agenda VisitAgenda() {
  static const Catalog* const catalog = new Catalog(TestCatalog());
  AgendaOptions options;
  options.catalog = catalog;
  absl::StatusOr<Agenda> agenda =
      PlanAgenda(LearningVisit(), 2, absl::CivilMinute(2026, 3, 5, 8, 0), options);
  EXPECT_TRUE(agenda.ok()) << agenda.status();
  return *std::move(agenda);
}

TEST(RenderGoldenTest, LearningVisitInDanishText) {
  ExpectGolden("learning-visit-2.da.txt", RenderText(VisitAgenda(), Lang::kDa));
}

TEST(RenderGoldenTest, LearningVisitInEnglishMarkdown) {
  ExpectGolden("learning-visit-2.en.md", RenderMarkdown(VisitAgenda(), Lang::kEn));
}

TEST(RenderTest, DanishLabelsAreDanishAndEnglishEnglish) {
  const std::string da = RenderText(MeetingAgenda(12), Lang::kDa);
  for (const char* label :
       {"Dagsorden: ", "Deltagere: 12", "I alt: 33–34 min", "Overskridelse: 3–4 min",
        "onsdag den 4. marts 2026", "ca. 1 min × 12 = 12 min", "(styres af Facilitator)"}) {
    EXPECT_NE(da.find(label), std::string::npos) << label << "\n" << da;
  }
  const std::string en = RenderText(MeetingAgenda(12), Lang::kEn);
  for (const char* label : {"Agenda: ", "Participants: 12", "Total: 33–34 min", "Overrun: 3–4 min",
                            "Wednesday 4 March 2026", "(led by Case presenter)"}) {
    EXPECT_NE(en.find(label), std::string::npos) << label << "\n" << en;
  }
  EXPECT_EQ(en.find("Dagsorden"), std::string::npos);
}

TEST(RenderTest, SlackIsShownWhenThereIsTimeToSpare) {
  EXPECT_NE(RenderText(MeetingAgenda(6), Lang::kDa).find("Tid til overs: 2–3 min"),
            std::string::npos);
  EXPECT_NE(RenderText(MeetingAgenda(6), Lang::kEn).find("Slack: 2–3 min"), std::string::npos);
  EXPECT_NE(RenderText(MeetingAgenda(9), Lang::kEn).find("Overrun: up to 1 min"),
            std::string::npos);
}

TEST(RenderTest, MarkdownEscapesTitles) {
  Format f = SystematicLearningMeeting();
  f.title.en = "Case_review *draft* [v2]";
  absl::StatusOr<Agenda> agenda = PlanAgenda(f, 6, absl::CivilMinute(2026, 3, 4, 14, 0));
  ASSERT_TRUE(agenda.ok());
  EXPECT_NE(RenderMarkdown(*agenda, Lang::kEn).find("# Agenda: Case\\_review \\*draft\\* \\[v2\\]"),
            std::string::npos);
}

TEST(RenderTest, StepsPastMidnightShowTheDay) {
  absl::StatusOr<Agenda> agenda =
      PlanAgenda(SystematicLearningMeeting(), 6, absl::CivilMinute(2026, 3, 4, 23, 50));
  ASSERT_TRUE(agenda.ok());
  EXPECT_NE(RenderText(*agenda, Lang::kEn).find("00:13+1–00:18+1"), std::string::npos)
      << RenderText(*agenda, Lang::kEn);
}

TEST(RenderTest, UnknownLeadShowsItsId) {
  Format f = SystematicLearningMeeting();
  f.steps[0].lead = "night-nurse";
  absl::StatusOr<Agenda> agenda = PlanAgenda(f, 6, absl::CivilMinute(2026, 3, 4, 14, 0));
  ASSERT_TRUE(agenda.ok());
  EXPECT_NE(RenderText(*agenda, Lang::kEn).find("(led by night-nurse)"), std::string::npos);
  f.defined_roles = {{"night-nurse", {"Nattesygeplejerske", "Night nurse"}, {}}};
  agenda = PlanAgenda(f, 6, absl::CivilMinute(2026, 3, 4, 14, 0));
  ASSERT_TRUE(agenda.ok());
  EXPECT_NE(RenderText(*agenda, Lang::kDa).find("(styres af Nattesygeplejerske)"),
            std::string::npos);
}

TEST(RenderTest, OpenSharesAreShownInWholeMinutes) {
  Format f = SystematicLearningMeeting();
  f.steps[0].budget = TimeBudget::Open();
  f.steps[4].budget = TimeBudget::Open();
  f.steps[2].budget = TimeBudget::Fixed(1);
  absl::StatusOr<Agenda> agenda = PlanAgenda(f, 6, absl::CivilMinute(2026, 3, 4, 14, 0));
  ASSERT_TRUE(agenda.ok());
  // 30 − (10 + 1 + 6) = 13 minutes shared by two open steps: 6.5 each.
  EXPECT_EQ(agenda->items[0].minutes, (MinuteRange{6.5, 6.5}));
  const std::string text = RenderText(*agenda, Lang::kDa);
  EXPECT_NE(text.find("14:00–14:07  ca. 7 min"), std::string::npos) << text;
  EXPECT_NE(text.find("14:24–14:30  ca. 7 min"), std::string::npos) << text;
}

}  // namespace
}  // namespace carelearn
