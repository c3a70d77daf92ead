#include "carelearn/record/pseudonym.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <iostream>
#include <utility>

#include "absl/strings/str_cat.h"

namespace carelearn {
namespace {

// HMAC-SHA256 of `message` under `key` into `out`; false when OpenSSL fails.
bool HmacSha256(const std::vector<unsigned char>& key, std::string_view message,
                std::array<unsigned char, 32>& out) {
  unsigned int length = 0;
  const unsigned char* done = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                                   reinterpret_cast<const unsigned char*>(message.data()),
                                   message.size(), out.data(), &length);
  return done != nullptr && length == out.size();
}

}  // namespace

absl::StatusOr<Pseudonymiser> Pseudonymiser::Create(std::string_view key) {
  if (key.size() < kMinKeyBytes) {
    return absl::InvalidArgumentError(absl::StrCat("the pseudonymisation key has ", key.size(),
                                                   " bytes; at least ", kMinKeyBytes,
                                                   " are needed"));
  }
  Pseudonymiser p(std::vector<unsigned char>(key.begin(), key.end()));
  std::array<unsigned char, 32> probe{};
  if (!HmacSha256(p.key_, "", probe)) {
    return absl::InternalError("OpenSSL cannot compute HMAC-SHA256");
  }
  return p;
}

Pseudonymiser::Pseudonymiser(Pseudonymiser&& other) noexcept : key_(std::move(other.key_)) {
  other.key_.clear();
}

Pseudonymiser& Pseudonymiser::operator=(Pseudonymiser&& other) noexcept {
  if (this != &other) {
    Wipe();
    key_ = std::move(other.key_);
    other.key_.clear();
  }
  return *this;
}

Pseudonymiser::~Pseudonymiser() { Wipe(); }

void Pseudonymiser::Wipe() {
  if (!key_.empty()) OPENSSL_cleanse(key_.data(), key_.size());
  key_.clear();
}

std::array<unsigned char, 32> Pseudonymiser::Mac(std::string_view message) const {
  std::array<unsigned char, 32> out{};
  if (!HmacSha256(key_, message, out)) {
    // Create() proved HMAC-SHA256 works with this key; failing now is a
    // broken OpenSSL, and a wrong pseudonym would silently merge people.
    std::cerr << "carelearn: OpenSSL failed to compute HMAC-SHA256\n";
    std::abort();
  }
  return out;
}

std::string Pseudonymiser::Pseudonym(std::string_view domain, std::string_view identifier) const {
  std::string message;
  message.reserve(domain.size() + 1 + identifier.size());
  message.append(domain);
  message.push_back('\0');
  message.append(identifier);
  const std::array<unsigned char, 32> mac = Mac(message);
  OPENSSL_cleanse(message.data(), message.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(kPseudonymDigits);
  for (std::size_t i = 0; i < kPseudonymDigits / 2; ++i) {
    out += kHex[mac[i] >> 4];
    out += kHex[mac[i] & 0xf];
  }
  return out;
}

std::string Pseudonymiser::Fingerprint() const {
  const std::array<unsigned char, 32> mac = Mac("carelearn key fingerprint");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 8; ++i) {
    out += kHex[mac[i] >> 4];
    out += kHex[mac[i] & 0xf];
  }
  return out;
}

}  // namespace carelearn
