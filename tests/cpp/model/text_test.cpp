#include "carelearn/model/text.hpp"

#include <gtest/gtest.h>

namespace carelearn {
namespace {

TEST(TextTest, GetReturnsTheLanguageAsked) {
  const Text t{"Dagsorden", "Agenda"};
  EXPECT_EQ(t.Get(Lang::kDa), "Dagsorden");
  EXPECT_EQ(t.Get(Lang::kEn), "Agenda");
}

TEST(TextTest, GetFallsBackToTheOtherLanguage) {
  EXPECT_EQ((Text{"Kun dansk", ""}).Get(Lang::kEn), "Kun dansk");
  EXPECT_EQ((Text{"", "English only"}).Get(Lang::kDa), "English only");
  EXPECT_TRUE(Text{}.empty());
}

TEST(TextTest, LangCodes) {
  EXPECT_EQ(LangCode(Lang::kDa), "da");
  EXPECT_EQ(ParseLang("EN"), Lang::kEn);
  EXPECT_EQ(ParseLang("da"), Lang::kDa);
  EXPECT_EQ(ParseLang("de"), std::nullopt);
  EXPECT_EQ(ParseLang("english"), std::nullopt);
}

}  // namespace
}  // namespace carelearn
