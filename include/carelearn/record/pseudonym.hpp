// carelearn/record/pseudonym.hpp
//
// Defines `Pseudonymiser`, which turns a direct identifier (a CPR number, a
// staff number, an e-mail address) into a pseudonym with HMAC-SHA256 under
// the organisation's secret key. The same key and identifier always give the
// same pseudonym, so one person can be followed across sessions; without the
// key a pseudonym cannot be turned back or recomputed from a guessed identifier.
//
// The key belongs to the organisation: carelearn never writes it anywhere (the
// store has no place for it). Keep it in the organisation's secret store and
// pass it in when pseudonymising. See docs/privacy.md for what this protects
// and what it does not.
//
// Example:
//
//   auto p = carelearn::Pseudonymiser::Create(key_from_secret_store);
//   std::string citizen = p->Pseudonym(carelearn::pseudonym_domains::kCitizen, "0101901234");
//   // "5d0c1f9e7a2b44c18e03d6aa" (24 hex digits; depends on the key)
#ifndef CARELEARN_RECORD_PSEUDONYM_HPP_
#define CARELEARN_RECORD_PSEUDONYM_HPP_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace carelearn {

/// Domains that keep pseudonyms of different kinds of identifier apart: the
/// same number as a citizen and as a staff member gives two unrelated pseudonyms.
namespace pseudonym_domains {
inline constexpr std::string_view kCitizen = "citizen";  ///< Citizens (e.g. by CPR number).
inline constexpr std::string_view kStaff = "staff";      ///< Staff (e.g. by employee number).
}  // namespace pseudonym_domains

/// Makes keyed pseudonyms with HMAC-SHA256 (OpenSSL).
///
/// Move-only, so that the key is not copied around; the key's bytes are
/// wiped when the object is destroyed. `Pseudonym` is const and safe to call
/// from several threads at once.
class Pseudonymiser {
 public:
  /// The shortest key accepted, in bytes (128 bits).
  static constexpr std::size_t kMinKeyBytes = 16;
  /// The length of a pseudonym in hex digits (96 bits of the HMAC).
  static constexpr std::size_t kPseudonymDigits = 24;

  /// A pseudonymiser keyed by `key` (raw bytes; use 32 random bytes).
  ///
  /// Errors: kInvalidArgument when the key is shorter than `kMinKeyBytes`;
  /// kInternal when OpenSSL cannot compute an HMAC-SHA256.
  ///
  /// Example:
  ///
  ///   auto p = carelearn::Pseudonymiser::Create(key_bytes);  // 32 random bytes
  [[nodiscard]] static absl::StatusOr<Pseudonymiser> Create(std::string_view key);

  /// Takes over `other`'s key; `other` is left without one.
  Pseudonymiser(Pseudonymiser&& other) noexcept;
  /// Wipes this key and takes over `other`'s.
  Pseudonymiser& operator=(Pseudonymiser&& other) noexcept;
  Pseudonymiser(const Pseudonymiser&) = delete;
  Pseudonymiser& operator=(const Pseudonymiser&) = delete;
  /// Wipes the key.
  ~Pseudonymiser();

  /// The pseudonym of `identifier` in `domain`: the first `kPseudonymDigits`
  /// lower-case hex digits of HMAC-SHA256(key, domain + '\0' + identifier).
  ///
  /// The identifier is used byte for byte: normalise it first (strip spaces
  /// and dashes from a CPR number) so that one person gets one pseudonym.
  /// `domain` must not contain '\0'.
  [[nodiscard]] std::string Pseudonym(std::string_view domain, std::string_view identifier) const;

  /// A fingerprint of the key, to say which key made a set of pseudonyms
  /// without revealing it: the first 16 lower-case hex digits of
  /// HMAC-SHA256(key, "carelearn key fingerprint"). Two keys give different
  /// fingerprints (but for a chance of 2^-64); the key cannot be recovered from it.
  [[nodiscard]] std::string Fingerprint() const;

  /// The full HMAC-SHA256 of `message` under the key.
  [[nodiscard]] std::array<unsigned char, 32> Mac(std::string_view message) const;

 private:
  explicit Pseudonymiser(std::vector<unsigned char> key) : key_(std::move(key)) {}
  void Wipe();

  std::vector<unsigned char> key_;
};

}  // namespace carelearn

#endif  // CARELEARN_RECORD_PSEUDONYM_HPP_
