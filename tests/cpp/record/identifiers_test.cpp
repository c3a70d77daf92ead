#include "carelearn/record/identifiers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "record/fixtures.hpp"

namespace carelearn {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Found(std::string_view text) {
  std::vector<std::string> out;
  for (const IdentifierMatch& m : FindIdentifiers(text)) {
    out.push_back(std::string(IdentifierKindName(m.kind)) + ":" +
                  std::string(text.substr(m.offset, m.length)));
  }
  return out;
}

TEST(IdentifiersTest, Names) {
  for (IdentifierKind k : {IdentifierKind::kCprNumber, IdentifierKind::kEmail,
                           IdentifierKind::kPhoneNumber, IdentifierKind::kName}) {
    EXPECT_EQ(ParseIdentifierKind(IdentifierKindName(k)), k);
  }
  EXPECT_EQ(ParseIdentifierKind("address"), std::nullopt);
  EXPECT_EQ(ParseIdentifierPolicy("refuse"), IdentifierPolicy::kRefuse);
  EXPECT_EQ(IdentifierPolicyName(IdentifierPolicy::kWarn), "warn");
  EXPECT_EQ(ParseIdentifierPolicy("off"), std::nullopt);
}

TEST(IdentifiersTest, CprDatesFollowTheCenturyRule) {
  EXPECT_TRUE(IsCprDate("010190", '1'));   // 1 January 1990
  EXPECT_FALSE(IsCprDate("310290", '1'));  // no 31 February
  EXPECT_FALSE(IsCprDate("001290", '1'));  // no day 0
  EXPECT_FALSE(IsCprDate("011390", '1'));  // no month 13
  EXPECT_TRUE(IsCprDate("290200", '4'));   // 7th digit 4, year 00-36: 2000, a leap year
  EXPECT_FALSE(IsCprDate("290200", '1'));  // 7th digit 0-3: 1900, not a leap year
  EXPECT_TRUE(IsCprDate("290200", '5'));   // 7th digit 5-8, year 00-57: 2000
  EXPECT_FALSE(IsCprDate("290258", '5'));  // 7th digit 5-8, year 58-99: 1858, not leap
  EXPECT_TRUE(IsCprDate("290296", '9'));   // 7th digit 9, year 37-99: 1996, leap
  EXPECT_FALSE(IsCprDate("29020", '4'));   // five digits
}

TEST(IdentifiersTest, CprNumbersWithAndWithoutTheDash) {
  EXPECT_THAT(Found("CPR 010190-1234."), ElementsAre("cpr-number:010190-1234"));
  EXPECT_THAT(Found("cpr:0101901234"), ElementsAre("cpr-number:0101901234"));
  EXPECT_THAT(Found("290200-4123 og 290200-1123"), ElementsAre("cpr-number:290200-4123"));
  // Not a date, not standing alone, or too many digits: not a CPR number.
  EXPECT_THAT(Found("310290-1234"), ElementsAre());
  EXPECT_THAT(Found("010190-12345"), ElementsAre());
  EXPECT_THAT(Found("x0101901234"), ElementsAre());
  EXPECT_THAT(Found("3f9a0c2e5b7d41aa0101901234"), ElementsAre());
}

TEST(IdentifiersTest, DanishPhoneNumbers) {
  EXPECT_THAT(Found("ring 21 43 65 87"), ElementsAre("phone-number:21 43 65 87"));
  EXPECT_THAT(Found("ring 2143 6587"), ElementsAre("phone-number:2143 6587"));
  EXPECT_THAT(Found("tlf. 21436587"), ElementsAre("phone-number:21436587"));
  EXPECT_THAT(Found("(+45 21436587)"), ElementsAre("phone-number:+45 21436587"));
  EXPECT_THAT(Found("+4521436587"), ElementsAre("phone-number:+4521436587"));
  EXPECT_THAT(Found("0045 21 43 65 87"), ElementsAre("phone-number:0045 21 43 65 87"));
  // A first digit 0 or 1, nine digits, dashes between the pairs: not found.
  EXPECT_THAT(Found("12345678 214365879 21-43-65-87"), ElementsAre());
  // Digits inside a hex pseudonym are not a number standing alone.
  EXPECT_THAT(Found("5d0c1f9e21436587a2b44c18"), ElementsAre());
}

TEST(IdentifiersTest, EmailAddresses) {
  EXPECT_THAT(Found("skriv til jens.jensen@mail.dk."), ElementsAre("email:jens.jensen@mail.dk"));
  EXPECT_THAT(Found("søren@hjørring.dk"), ElementsAre("email:søren@hjørring.dk"));
  EXPECT_THAT(Found("@home, a@b, x@localhost"), ElementsAre());
}

TEST(IdentifiersTest, NamesInText) {
  EXPECT_THAT(Found("Mette Hansen faldt i går"), ElementsAre("name:Mette Hansen"));
  EXPECT_THAT(Found("spurgte Anne-Mette Sørensen om"), ElementsAre("name:Anne-Mette Sørensen"));
  EXPECT_THAT(Found("talte med fru Kjærgaard"), ElementsAre("name:Kjærgaard"));
  EXPECT_THAT(Found("hr. Vestergaard"), ElementsAre("name:Vestergaard"));
  EXPECT_THAT(Found("Søren"), ElementsAre("name:Søren"));
  // In lower case a name is a word: "mette" is not capitalised.
  EXPECT_THAT(Found("mette hansen"), ElementsAre());
  // Documented false positive: a name that is also a word, at a sentence's start.
  EXPECT_THAT(Found("Hans datter ringede"), ElementsAre("name:Hans"));
  // Documented false negatives: a surname that is not on the list, without a
  // title; an address.
  EXPECT_THAT(Found("Kjærgaard ringede fra Skovvej 3"), ElementsAre());
}

TEST(IdentifiersTest, RealisticDanishNote) {
  const std::string note =
      "Borgeren (CPR 120345-1234) blev fundet på gulvet af Mette Hansen kl. 7.30; "
      "datteren kan kontaktes på 21 43 65 87 eller jens.jensen@mail.dk. "
      "Vi aftalte at gennemgå faldrisikoen på næste læringsmøde den 4. marts.";
  EXPECT_THAT(Found(note), ElementsAre("cpr-number:120345-1234", "name:Mette Hansen",
                                       "phone-number:21 43 65 87", "email:jens.jensen@mail.dk"));
  EXPECT_EQ(MaskIdentifiers(note),
            "Borgeren (CPR [cpr-number]) blev fundet på gulvet af [name] kl. 7.30; "
            "datteren kan kontaktes på [phone-number] eller [email]. "
            "Vi aftalte at gennemgå faldrisikoen på næste læringsmøde den 4. marts.");
  // A note that describes the situation, not the person: nothing found.
  EXPECT_THAT(Found("Vi ringer til de pårørende før besøget, ikke bagefter. 3 af 12 "
                    "medarbejdere på aftenvagt 2026-03-04."),
              ElementsAre());
}

TEST(IdentifiersTest, Ids) {
  EXPECT_EQ(IdentifierInId("mette.hansen"), IdentifierKind::kName);
  EXPECT_EQ(IdentifierInId("Mette Hansen"), IdentifierKind::kName);
  EXPECT_EQ(IdentifierInId("jensen_k"), IdentifierKind::kName);
  EXPECT_EQ(IdentifierInId("Ib Kjær"), IdentifierKind::kName);  // two capitalised words
  EXPECT_EQ(IdentifierInId("0101901234"), IdentifierKind::kCprNumber);
  EXPECT_EQ(IdentifierInId("mette@aarhus.dk"), IdentifierKind::kEmail);
  EXPECT_EQ(IdentifierInId("21436587"), IdentifierKind::kPhoneNumber);
  for (const char* id : {"3f9a0c2e5b7d41aa9c0e1b2d", "9b1f0c2e21436587aa00bb11cc22dd33", "a1",
                         "home-care-north", "nurse", "social-and-health-assistant", "leader",
                         "p-c1", "s-2026-03-04", "hjemmeplejen-nord"}) {
    EXPECT_EQ(IdentifierInId(id), std::nullopt) << id;
  }
}

TEST(IdentifiersTest, MaskedIdsAreStableWithinTheProcessAndHideTheId) {
  EXPECT_EQ(MaskedId("home-care-north"), "home-care-north");
  const std::string a = MaskedId("0101901234");
  EXPECT_EQ(a.substr(0, 7), "masked-");
  EXPECT_EQ(a.size(), 7u + 24u);
  EXPECT_EQ(a.find("0101901234"), std::string::npos);
  EXPECT_EQ(MaskedId("0101901234"), a);
  EXPECT_NE(MaskedId("0101901235"), a);
  EXPECT_EQ(IdentifierInId(a), std::nullopt);  // a mask is not flagged again
}

Session Careless() {
  Session s = testing::FullSession();
  s.participants[0].id = "Mette Hansen";
  s.participants[1].profession = "21436587";
  s.learning_points[0].text = "Ring til datteren, CPR 120345-1234.";
  s.actions[0].owner = "mette.hansen@aarhus.dk";
  s.feedback[0].comment = "Godt møde, tlf +45 21 43 65 87";
  return s;
}

TEST(IdentifiersTest, LintSessionNamesEachFieldWithoutQuotingIt) {
  std::vector<Diagnostic> found = LintSession(Careless());
  std::vector<std::string> lines;
  for (const Diagnostic& d : found) lines.push_back(FormatDiagnostic(d, Lang::kEn));
  EXPECT_THAT(
      lines,
      ElementsAre("warning identifier-in-id at participants[0].id: looks like a name; use a "
                  "pseudonym (Pseudonymiser)",
                  "warning identifier-in-id at participants[1].profession: looks like a phone "
                  "number; use a pseudonym (Pseudonymiser)",
                  "warning identifier-in-text at learning_points[0].text: looks like a CPR "
                  "number; describe the situation, not the person, or mark the text "
                  "confidential",
                  "warning identifier-in-id at actions[0].owner: looks like an e-mail address; "
                  "use a pseudonym (Pseudonymiser)",
                  "warning identifier-in-text at feedback[0].comment: looks like a phone number; "
                  "describe the situation, not the person, or mark the text confidential",
                  "warning identifier-in-text at notes[1].text: looks like a name; describe the "
                  "situation, not the person, or mark the text confidential"));
  EXPECT_EQ(found[0].message.da, "ligner et navn; brug et pseudonym (Pseudonymiser)");
  // The fixture's confidential note names "Mrs Jensen": the linter reads
  // confidential text too, since the store keeps it.
  ASSERT_EQ(LintSession(testing::FullSession()).size(), 1u);
  Session clean = testing::FullSession();
  clean.notes[1].text = "The case concerns a citizen's fall at home.";
  EXPECT_THAT(LintSession(clean), ElementsAre());
}

TEST(IdentifiersTest, TheStrictPolicyRefuses) {
  absl::StatusOr<std::vector<Diagnostic>> warned =
      ApplyIdentifierPolicy(Careless(), IdentifierPolicy::kWarn);
  ASSERT_TRUE(warned.ok());
  EXPECT_EQ(warned->size(), 6u);
  Session s = Careless();
  s.id = "0101901234";
  absl::StatusOr<std::vector<Diagnostic>> refused =
      ApplyIdentifierPolicy(s, IdentifierPolicy::kRefuse, "PutSession");
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(refused.status().message()),
            "PutSession: session \"" + MaskedId("0101901234") +
                "\": id: looks like a CPR number; use a pseudonym (Pseudonymiser) (identifier "
                "policy \"refuse\")");
  Session clean = testing::FullSession();
  clean.notes[1].text = "";
  EXPECT_TRUE(ApplyIdentifierPolicy(clean, IdentifierPolicy::kRefuse)->empty());
}

TEST(IdentifiersTest, ASummaryQuotesNoTextAndMasksIds) {
  Session s = Careless();
  s.id = "Mette Hansen";
  EXPECT_EQ(SummarizeSession(s), "session \"" + MaskedId("Mette Hansen") +
                                     "\" of systematic-learning-meeting v1 at home-care-north, "
                                     "held, planned 2026-03-04 14:00 UTC: 5 participants, 2 "
                                     "learning points, 2 actions, 1 feedback, 2 notes");
}

}  // namespace
}  // namespace carelearn
