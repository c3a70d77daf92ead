// carelearn/model/text.hpp
//
// Defines `Lang` and `Text`: every human-facing string in carelearn is held in
// Danish (the language of the source texts) and English.
//
// Example:
//
//   carelearn::Text title{"Systematiske læringsmøder", "Systematic learning meetings"};
//   std::string_view en = title.Get(carelearn::Lang::kEn);
#ifndef CARELEARN_MODEL_TEXT_HPP_
#define CARELEARN_MODEL_TEXT_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace carelearn {

/// A language in which carelearn shows text to people.
enum class Lang {
  kDa,  ///< Danish, the source language of the built-in formats.
  kEn,  ///< English.
};

/// Returns the ISO 639-1 code of `lang`: "da" or "en".
std::string_view LangCode(Lang lang);

/// Parses an ISO 639-1 code ("da" or "en", case-insensitive); std::nullopt when unknown.
std::optional<Lang> ParseLang(std::string_view code);

/// A human-facing string in Danish and English.
///
/// Either side may be empty; `Get` falls back to the other language so that a
/// format written in one language only still shows something.
struct Text {
  std::string da = {};  ///< The Danish wording.
  std::string en = {};  ///< The English wording.

  /// Returns the wording in `lang`, or in the other language when that one is empty.
  [[nodiscard]] std::string_view Get(Lang lang) const;

  /// True when both languages are empty.
  [[nodiscard]] bool empty() const { return da.empty() && en.empty(); }

  /// Texts are equal when both languages are equal.
  friend bool operator==(const Text&, const Text&) = default;
};

}  // namespace carelearn

#endif  // CARELEARN_MODEL_TEXT_HPP_
