#include "carelearn/record/pseudonym.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace carelearn {
namespace {

using ::testing::MatchesRegex;

std::string Hex(const std::array<unsigned char, 32>& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

const std::string kKey = "organisation-key-0123456789abcdef";

TEST(PseudonymiserTest, MacIsHmacSha256) {
  // RFC 4231, test case 1: a 20-byte key of 0x0b and "Hi There".
  absl::StatusOr<Pseudonymiser> p = Pseudonymiser::Create(std::string(20, '\x0b'));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(Hex(p->Mac("Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // RFC 4231, test case 6: a 131-byte key of 0xaa (longer than a SHA-256 block).
  p = Pseudonymiser::Create(std::string(131, '\xaa'));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Hex(p->Mac("Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(PseudonymiserTest, SameKeySamePseudonym) {
  absl::StatusOr<Pseudonymiser> a = Pseudonymiser::Create(kKey);
  absl::StatusOr<Pseudonymiser> b = Pseudonymiser::Create(kKey);
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string p = a->Pseudonym(pseudonym_domains::kCitizen, "0101901234");
  EXPECT_THAT(p, MatchesRegex("[0-9a-f]{24}"));
  EXPECT_EQ(p, a->Pseudonym(pseudonym_domains::kCitizen, "0101901234"));
  EXPECT_EQ(p, b->Pseudonym(pseudonym_domains::kCitizen, "0101901234"));
  // The pseudonym is the start of HMAC(key, domain \0 identifier).
  EXPECT_EQ(p, Hex(a->Mac(std::string("citizen\0"
                                      "0101901234",
                                      18)))
                   .substr(0, 24));
}

TEST(PseudonymiserTest, DifferentKeyDifferentPseudonym) {
  absl::StatusOr<Pseudonymiser> a = Pseudonymiser::Create(kKey);
  absl::StatusOr<Pseudonymiser> b = Pseudonymiser::Create(kKey + "!");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->Pseudonym(pseudonym_domains::kCitizen, "0101901234"),
            b->Pseudonym(pseudonym_domains::kCitizen, "0101901234"));
}

TEST(PseudonymiserTest, DomainsAndIdentifiersAreKeptApart) {
  absl::StatusOr<Pseudonymiser> p = Pseudonymiser::Create(kKey);
  ASSERT_TRUE(p.ok());
  EXPECT_NE(p->Pseudonym(pseudonym_domains::kCitizen, "1234"),
            p->Pseudonym(pseudonym_domains::kStaff, "1234"));
  EXPECT_NE(p->Pseudonym("ab", "c"), p->Pseudonym("a", "bc"));
  EXPECT_NE(p->Pseudonym(pseudonym_domains::kStaff, "1234"),
            p->Pseudonym(pseudonym_domains::kStaff, "1235"));
}

TEST(PseudonymiserTest, RefusesAShortKey) {
  absl::StatusOr<Pseudonymiser> p = Pseudonymiser::Create("short");
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(p.status().message(), "the pseudonymisation key has 5 bytes; at least 16 are needed");
  EXPECT_TRUE(Pseudonymiser::Create(std::string(16, 'k')).ok());
}

TEST(PseudonymiserTest, MovesKeepTheKey) {
  absl::StatusOr<Pseudonymiser> p = Pseudonymiser::Create(kKey);
  ASSERT_TRUE(p.ok());
  const std::string before = p->Pseudonym(pseudonym_domains::kStaff, "e-17");
  Pseudonymiser moved = *std::move(p);
  EXPECT_EQ(moved.Pseudonym(pseudonym_domains::kStaff, "e-17"), before);
  absl::StatusOr<Pseudonymiser> other = Pseudonymiser::Create(std::string(32, 'x'));
  ASSERT_TRUE(other.ok());
  *other = std::move(moved);
  EXPECT_EQ(other->Pseudonym(pseudonym_domains::kStaff, "e-17"), before);
}

TEST(PseudonymiserTest, IsSafeFromSeveralThreads) {
  absl::StatusOr<Pseudonymiser> p = Pseudonymiser::Create(kKey);
  ASSERT_TRUE(p.ok());
  const std::string expected = p->Pseudonym(pseudonym_domains::kCitizen, "x");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        if (p->Pseudonym(pseudonym_domains::kCitizen, "x") != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace carelearn
