#include "carelearn/record/identifiers.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "carelearn/record/pseudonym.hpp"
#include "detail/absl_compat.hpp"
#include "detail/names.hpp"

namespace carelearn {
namespace {

using detail::Sv;

constexpr detail::NameTable<IdentifierKind, 4> kKinds{{
    {IdentifierKind::kCprNumber, "cpr-number"},
    {IdentifierKind::kEmail, "email"},
    {IdentifierKind::kPhoneNumber, "phone-number"},
    {IdentifierKind::kName, "name"},
}};

constexpr detail::NameTable<IdentifierPolicy, 2> kPolicies{{
    {IdentifierPolicy::kWarn, "warn"},
    {IdentifierPolicy::kRefuse, "refuse"},
}};

// Common Danish first names and surnames (Danmarks Statistik's most frequent,
// in lower case), left out where they are also an everyday word that an id
// could hold ("per", "hans", "line", "holm", "lund", "skov").
constexpr auto kNames = std::to_array<std::string_view>(
    {// First names.
     "anne", "anna", "mette", "hanne", "kirsten", "susanne", "lene", "maria", "marianne",
     "charlotte", "camilla", "louise", "pia", "tina", "helle", "inge", "karen", "lone", "bente",
     "jette", "birgitte", "pernille", "trine", "rikke", "sanne", "dorthe", "gitte", "lise", "ida",
     "emma", "sofie", "laura", "freja", "julie", "mathilde", "ella", "alma", "karin", "ingrid",
     "ulla", "vibeke", "grethe", "kirstine", "maja", "signe", "stine", "eva", "mona", "marie",
     "lars", "jens", "peter", "michael", "henrik", "søren", "thomas", "niels", "anders", "morten",
     "christian", "martin", "rasmus", "jesper", "mads", "ole", "poul", "kim", "erik", "jørgen",
     "claus", "klaus", "torben", "allan", "steen", "carsten", "kenneth", "brian", "jacob", "jakob",
     "mikkel", "frederik", "lucas", "william", "oliver", "noah", "emil", "magnus", "kasper",
     "nikolaj", "simon", "jonas", "mathias", "tobias", "johan", "knud", "preben", "flemming",
     "john", "leif", "kurt", "svend", "arne", "jørn", "bjarne", "palle", "aksel", "viggo",
     // Surnames.
     "nielsen", "jensen", "hansen", "pedersen", "andersen", "christensen", "larsen", "sørensen",
     "rasmussen", "jørgensen", "petersen", "madsen", "kristensen", "olsen", "thomsen",
     "christiansen", "poulsen", "johansen", "møller", "mortensen", "knudsen", "jakobsen",
     "jacobsen", "mikkelsen", "olesen", "frederiksen", "laursen", "henriksen", "schmidt"});

// Names that are also everyday Danish words: a name only in free text, capitalised
// inside a sentence ("spurgte Per"); at a sentence's start they are found wrongly.
constexpr std::array<std::string_view, 8> kNamesInTextOnly{"per",  "hans", "jan",  "bent",
                                                           "line", "else", "holm", "lund"};

// Words that put a name after them: "fru Kjærgaard", "hr. Vestergaard".
constexpr std::array<std::string_view, 6> kTitles{"fru", "frk", "hr", "mrs", "mr", "ms"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
auto Byte(char c) { return static_cast<unsigned char>(c); }

// True when a letter (ASCII, or a two-byte Latin-1 letter such as æ, ø, å, é)
// starts at `i`; `size` is set to its length in bytes.
bool LetterAt(std::string_view s, std::size_t i, std::size_t& size) {
  if (i >= s.size()) return false;
  if (IsAsciiLetter(s[i])) {
    size = 1;
    return true;
  }
  if (Byte(s[i]) == 0xC3 && i + 1 < s.size() && Byte(s[i + 1]) >= 0x80 && Byte(s[i + 1]) <= 0xBF &&
      Byte(s[i + 1]) != 0x97 && Byte(s[i + 1]) != 0xB7) {
    size = 2;
    return true;
  }
  return false;
}

// True when a letter or a digit starts at `i`.
bool LetterOrDigitAt(std::string_view s, std::size_t i) {
  std::size_t size = 0;
  return i < s.size() && (IsDigit(s[i]) || LetterAt(s, i, size));
}

// True when the character ending just before `i` is a letter or a digit.
bool LetterOrDigitBefore(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  if (IsDigit(s[i - 1]) || IsAsciiLetter(s[i - 1])) return true;
  std::size_t size = 0;
  return i >= 2 && LetterAt(s, i - 2, size) && size == 2;
}

bool DigitsAt(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return false;
  for (std::size_t k = 0; k < n; ++k) {
    if (!IsDigit(s[i + k])) return false;
  }
  return true;
}

int Number(std::string_view s, std::size_t i, std::size_t n) {
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
  return v;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// A CPR number at `i` (which starts a word): its length, or 0.
std::size_t CprAt(std::string_view s, std::size_t i) {
  if (!DigitsAt(s, i, 6)) return 0;
  std::size_t serial = i + 6;
  if (serial < s.size() && s[serial] == '-') ++serial;
  if (!DigitsAt(s, serial, 4) || LetterOrDigitAt(s, serial + 4)) return 0;
  return IsCprDate(s.substr(i, 6), s[serial]) ? serial + 4 - i : 0;
}

// A Danish phone number at `i` (which starts a word, or is a '+'): its length, or 0.
std::size_t PhoneAt(std::string_view s, std::size_t i) {
  std::size_t j = i;
  if (s.compare(i, 3, "+45") == 0) {
    j = i + 3;
  } else if (s.compare(i, 4, "0045") == 0) {
    j = i + 4;
  }
  if (j != i && j < s.size() && s[j] == ' ') ++j;
  if (j >= s.size() || s[j] < '2' || s[j] > '9') return 0;
  // Eight together, in pairs or in fours.
  constexpr std::array<std::array<std::size_t, 4>, 3> kGroupings{{
      {8, 0, 0, 0},
      {2, 2, 2, 2},
      {4, 4, 0, 0},
  }};
  for (const auto& groups : kGroupings) {
    std::size_t k = j;
    bool ok = true;
    for (std::size_t g = 0; g < groups.size() && groups[g] != 0 && ok; ++g) {
      if (g > 0) {
        if (k < s.size() && s[k] == ' ') {
          ++k;
        } else {
          ok = false;
          break;
        }
      }
      ok = DigitsAt(s, k, groups[g]);
      k += groups[g];
    }
    if (ok && !LetterOrDigitAt(s, k)) return k - i;
  }
  return 0;
}

bool IsEmailLocal(char c) {
  return IsDigit(c) || IsAsciiLetter(c) || Byte(c) >= 0x80 || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
bool IsDomainChar(char c) { return IsDigit(c) || IsAsciiLetter(c) || c == '-' || Byte(c) >= 0x80; }

// The e-mail addresses around each '@' of `s`.
void FindEmails(std::string_view s, std::vector<IdentifierMatch>& out) {
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsEmailLocal(s[begin - 1])) --begin;
    while (begin < at && s[begin] == '.') ++begin;
    if (begin == at) continue;
    std::size_t end = at + 1;
    std::size_t last_dot = std::string_view::npos;
    while (end < s.size() && (IsDomainChar(s[end]) || s[end] == '.')) {
      if (s[end] == '.') {
        if (end + 1 >= s.size() || !IsDomainChar(s[end + 1])) break;  // a full stop after it
        last_dot = end;
      }
      ++end;
    }
    if (last_dot == std::string_view::npos || last_dot == at + 1) continue;
    std::size_t tld_letters = 0;
    for (std::size_t k = last_dot + 1; k < end; ++k) {
      if (IsAsciiLetter(s[k])) ++tld_letters;
    }
    if (tld_letters < 2) continue;
    out.push_back({IdentifierKind::kEmail, begin, end - begin});
  }
}

// One word: where it is, and whether it begins with a capital.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool capitalised = false;
};

// The word of letters starting at `i`, or one with begin == end.
Word WordAt(std::string_view s, std::size_t i) {
  Word w;
  w.begin = i;
  std::size_t size = 0;
  std::size_t k = i;
  while (LetterAt(s, k, size)) {
    if (k == i) {
      w.capitalised = size == 1 ? (s[k] >= 'A' && s[k] <= 'Z') : Byte(s[k + 1]) <= 0x9E;
    }
    k += size;
  }
  w.end = k;
  return w;
}

// The letters of word `w` of `s` in lower case.
std::string Lower(std::string_view s, const Word& w) {
  std::string lower;
  std::size_t size = 0;
  for (std::size_t k = w.begin; k < w.end && LetterAt(s, k, size); k += size) {
    if (size == 1) {
      lower += absl::ascii_tolower(s[k]);
    } else {
      const unsigned char second = Byte(s[k + 1]);
      lower += s[k];
      // Latin-1 capitals À–Þ are 0x80–0x9E after 0xC3; their small letters are 0x20 on.
      lower += static_cast<char>(second <= 0x9E ? second + 0x20 : second);
    }
  }
  return lower;
}

template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// kNames sorted, for a binary search: free text holds many words.
const std::array<std::string_view, kNames.size()>& SortedNames() {
  static const std::array<std::string_view, kNames.size()> sorted = [] {
    std::array<std::string_view, kNames.size()> names = kNames;
    std::sort(names.begin(), names.end());
    return names;
  }();
  return sorted;
}

bool IsName(std::string_view lower) {
  const auto& names = SortedNames();
  return std::binary_search(names.begin(), names.end(), lower);
}

// Names in free text: a capitalised known name, or a capitalised word after a
// title, with the capitalised words joined to it by a space or a hyphen.
void FindNames(std::string_view s, std::vector<IdentifierMatch>& out) {
  std::size_t i = 0;
  bool after_title = false;
  while (i < s.size()) {
    std::size_t size = 0;
    if (!LetterAt(s, i, size) || LetterOrDigitBefore(s, i)) {
      if (!(s[i] == ' ' || s[i] == '.')) after_title = false;
      ++i;
      continue;
    }
    // Only a capitalised word can be a name, and only a short one a title:
    // most words are not lowered, nor looked up in any list.
    const Word w = WordAt(s, i);
    const std::string lower = w.capitalised || w.end - w.begin <= 3 ? Lower(s, w) : std::string();
    if (w.capitalised &&
        (after_title || (lower.size() >= 3 && (IsName(lower) || In(kNamesInTextOnly, lower))))) {
      std::size_t end = w.end;
      while (end + 1 < s.size() && (s[end] == ' ' || s[end] == '-')) {
        const Word next = WordAt(s, end + 1);
        if (next.begin == next.end || !next.capitalised) break;
        end = next.end;
      }
      out.push_back({IdentifierKind::kName, w.begin, end - w.begin});
      i = end;
      after_title = false;
      continue;
    }
    after_title = lower.size() <= 3 && In(kTitles, lower);
    i = w.end;
  }
}

// Keeps the earliest of overlapping matches (the longer when two start together).
std::vector<IdentifierMatch> WithoutOverlaps(std::vector<IdentifierMatch> found) {
  std::sort(found.begin(), found.end(), [](const IdentifierMatch& a, const IdentifierMatch& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  std::vector<IdentifierMatch> kept;
  for (const IdentifierMatch& m : found) {
    if (!kept.empty() && m.offset < kept.back().offset + kept.back().length) continue;
    kept.push_back(m);
  }
  return kept;
}

// What the mask of `kind` reads in a message: "a CPR number", ...
std::string_view Described(IdentifierKind kind, bool danish) {
  switch (kind) {
    case IdentifierKind::kCprNumber:
      return danish ? "et CPR-nummer" : "a CPR number";
    case IdentifierKind::kEmail:
      return danish ? "en e-mailadresse" : "an e-mail address";
    case IdentifierKind::kPhoneNumber:
      return danish ? "et telefonnummer" : "a phone number";
    case IdentifierKind::kName:
      return danish ? "et navn" : "a name";
  }
  return {};
}

// The per-process key of `MaskedId`: 32 random bytes, made once, never written.
const Pseudonymiser& MaskKey() {
  static const Pseudonymiser* const key = [] {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
    absl::StatusOr<Pseudonymiser> made = Pseudonymiser::Create(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    OPENSSL_cleanse(bytes.data(), bytes.size());
    if (!made.ok()) std::abort();
    return new Pseudonymiser(*std::move(made));  // leaked on purpose: used until exit
  }();
  return *key;
}

// The linter's walk over a session: calls `found(path, kind, is_text)` for
// each field with a finding.
template <typename F>
void Walk(const Session& s, F&& found) {
  auto id = [&](const std::string& path, std::string_view value) {
    if (auto kind = IdentifierInId(value)) found(path, *kind, false);
  };
  auto label = [&](const std::string& path, std::string_view value) {
    // Units and professions may be written as words ("Hjemmeplejen Nord"):
    // the free-text rules, so that capitalised words alone are no name.
    std::vector<IdentifierMatch> m = FindIdentifiers(value);
    if (!m.empty()) found(path, m.front().kind, false);
  };
  auto text = [&](const std::string& path, std::string_view value) {
    std::vector<IdentifierMatch> m = FindIdentifiers(value);
    if (!m.empty()) found(path, m.front().kind, true);
  };
  id("id", s.id);
  label("unit", s.unit);
  if (s.cancellation.has_value()) text("cancellation.note", s.cancellation->note);
  for (std::size_t i = 0; i < s.participants.size(); ++i) {
    const std::string at = absl::StrCat("participants[", i, "]");
    id(at + ".id", s.participants[i].id);
    label(at + ".unit", s.participants[i].unit);
    label(at + ".profession", s.participants[i].profession);
  }
  if (s.presented_case.has_value()) {
    label("case.category", s.presented_case->category);
    id("case.citizen", s.presented_case->citizen);
  }
  for (std::size_t i = 0; i < s.learning_points.size(); ++i) {
    const std::string at = absl::StrCat("learning_points[", i, "]");
    text(at + ".text", s.learning_points[i].text);
    id(at + ".author", s.learning_points[i].author);
  }
  for (std::size_t i = 0; i < s.actions.size(); ++i) {
    const std::string at = absl::StrCat("actions[", i, "]");
    id(at + ".id", s.actions[i].id);
    text(at + ".text", s.actions[i].text);
    id(at + ".owner", s.actions[i].owner);
  }
  for (std::size_t i = 0; i < s.feedback.size(); ++i) {
    const std::string at = absl::StrCat("feedback[", i, "]");
    id(at + ".participant", s.feedback[i].participant);
    text(at + ".comment", s.feedback[i].comment);
  }
  for (std::size_t i = 0; i < s.notes.size(); ++i) {
    text(absl::StrCat("notes[", i, "].text"), s.notes[i].text);
  }
}

}  // namespace

std::string_view IdentifierKindName(IdentifierKind kind) { return detail::NameOf(kKinds, kind); }
std::optional<IdentifierKind> ParseIdentifierKind(std::string_view name) {
  return detail::ValueOf(kKinds, name);
}

std::string_view IdentifierPolicyName(IdentifierPolicy policy) {
  return detail::NameOf(kPolicies, policy);
}
std::optional<IdentifierPolicy> ParseIdentifierPolicy(std::string_view name) {
  return detail::ValueOf(kPolicies, name);
}

bool IsCprDate(std::string_view digits, char seventh) {
  if (digits.size() != 6 || !DigitsAt(digits, 0, 6) || !IsDigit(seventh)) return false;
  const int day = Number(digits, 0, 2);
  const int month = Number(digits, 2, 2);
  const int yy = Number(digits, 4, 2);
  // The CPR office's rule: the seventh digit and the two-digit year give the century.
  int century = 1900;
  const int d7 = seventh - '0';
  if (d7 == 4 || d7 == 9) {
    century = yy <= 36 ? 2000 : 1900;
  } else if (d7 >= 5 && d7 <= 8) {
    century = yy <= 57 ? 2000 : 1800;
  }
  const int year = century + yy;
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const int last = month == 2 && IsLeap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
  return day <= last;
}

std::vector<IdentifierMatch> FindIdentifiers(std::string_view text) {
  std::vector<IdentifierMatch> found;
  FindEmails(text, found);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts = text[i] == '+' ? !LetterOrDigitBefore(text, i)
                                       : IsDigit(text[i]) && !LetterOrDigitBefore(text, i) &&
                                             (i == 0 || text[i - 1] != '+');
    if (!starts) continue;
    if (const std::size_t n = CprAt(text, i); n > 0) {
      found.push_back({IdentifierKind::kCprNumber, i, n});
      i += n - 1;
    } else if (const std::size_t m = PhoneAt(text, i); m > 0) {
      found.push_back({IdentifierKind::kPhoneNumber, i, m});
      i += m - 1;
    }
  }
  FindNames(text, found);
  return WithoutOverlaps(std::move(found));
}

std::optional<IdentifierKind> IdentifierInId(std::string_view id) {
  std::vector<IdentifierMatch> found = FindIdentifiers(id);
  if (!found.empty()) return found.front().kind;
  // Words joined by ".", "-", "_" or spaces: a known name in any case, or two
  // or more capitalised words with a space between.
  bool spaced = false;
  std::size_t capitalised = 0;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < id.size()) {
    std::size_t size = 0;
    if (!LetterAt(id, i, size)) {
      spaced = spaced || id[i] == ' ';
      ++i;
      continue;
    }
    const Word w = WordAt(id, i);
    const std::string lower = Lower(id, w);
    ++words;
    if (w.capitalised) ++capitalised;
    if (lower.size() >= 3 && IsName(lower) && !LetterOrDigitAt(id, w.end) &&
        !LetterOrDigitBefore(id, w.begin)) {
      return IdentifierKind::kName;
    }
    i = w.end;
  }
  if (spaced && words >= 2 && capitalised == words) return IdentifierKind::kName;
  return std::nullopt;
}

std::string MaskIdentifiers(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  for (const IdentifierMatch& m : FindIdentifiers(text)) {
    absl::StrAppend(&out, Sv(text.substr(at, m.offset - at)), "[", Sv(IdentifierKindName(m.kind)),
                    "]");
    at = m.offset + m.length;
  }
  absl::StrAppend(&out, Sv(text.substr(at)));
  return out;
}

std::string MaskedId(std::string_view id) {
  if (!IdentifierInId(id).has_value()) return std::string(id);
  return absl::StrCat("masked-", MaskKey().Pseudonym("masked", id));
}

std::vector<Diagnostic> LintSession(const Session& session, Severity severity) {
  std::vector<Diagnostic> out;
  Walk(session, [&](const std::string& path, IdentifierKind kind, bool is_text) {
    Diagnostic d;
    d.severity = severity;
    d.code = is_text ? "identifier-in-text" : "identifier-in-id";
    d.path = path;
    d.message =
        Text{absl::StrCat(
                 "ligner ", Sv(Described(kind, true)),
                 is_text ? "; skriv om situationen, ikke personen, eller markér teksten fortrolig"
                         : "; brug et pseudonym (Pseudonymiser)"),
             absl::StrCat("looks like ", Sv(Described(kind, false)),
                          is_text ? "; describe the situation, not the person, or mark the text "
                                    "confidential"
                                  : "; use a pseudonym (Pseudonymiser)")};
    out.push_back(std::move(d));
  });
  return out;
}

absl::StatusOr<std::vector<Diagnostic>> ApplyIdentifierPolicy(const Session& session,
                                                              IdentifierPolicy policy,
                                                              std::string_view where) {
  std::vector<Diagnostic> found = LintSession(session);
  if (policy == IdentifierPolicy::kWarn || found.empty()) return found;
  const std::string lead = where.empty() ? std::string() : absl::StrCat(Sv(where), ": ");
  return absl::InvalidArgumentError(
      absl::StrCat(lead, "session \"", MaskedId(session.id), "\": ", found.front().path, ": ",
                   found.front().message.en, " (identifier policy \"refuse\")"));
}

std::string SummarizeSession(const Session& session) {
  const std::string unit =
      FindIdentifiers(session.unit).empty() ? session.unit : MaskedId(session.unit);
  return absl::StrCat(
      "session \"", MaskedId(session.id), "\" of ", session.format_id, " v", session.format_version,
      unit.empty() ? "" : " at ", unit, ", ", Sv(SessionStatusName(session.status())), ", planned ",
      absl::FormatTime("%Y-%m-%d %H:%M UTC", session.planned_start, absl::UTCTimeZone()), ": ",
      session.participants.size(), " participants, ", session.learning_points.size(),
      " learning points, ", session.actions.size(), " actions, ", session.feedback.size(),
      " feedback, ", session.notes.size(), " notes");
}

}  // namespace carelearn
