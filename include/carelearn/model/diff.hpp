// carelearn/model/diff.hpp
//
// Defines `Diff`, which reports how two formats differ, field by field and
// step by step: what a municipality changed from the base format.
//
// Steps are matched by id, so a renamed step shows as one removed and one
// added; a step that moved shows as a change of its position.
//
// Example:
//
//   for (const carelearn::Difference& d : carelearn::Diff(base, variant)) {
//     std::cout << d.path << ": " << d.before << " -> " << d.after << "\n";
//   }
//   // steps[joint-reflection]: present -> absent
//   // duration: 30 min -> 20 min
#ifndef CARELEARN_MODEL_DIFF_HPP_
#define CARELEARN_MODEL_DIFF_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carelearn/model/format.hpp"
#include "carelearn/model/wording.hpp"  // DescribeBudget, DescribeCadence: how `before` and `after` word them

namespace carelearn {

/// One difference between two formats.
struct Difference {
  /// How the two sides differ.
  enum class Kind {
    kAdded,    ///< Present only in the second format.
    kRemoved,  ///< Present only in the first format.
    kChanged,  ///< Present in both, with different values.
  };

  Kind kind = Kind::kChanged;  ///< How the sides differ.
  /// Where: a field ("duration", "title.en"), or a step by id and field
  /// ("steps[round].budget", "steps[round]").
  std::string path = {};
  /// The first format's value in short text (budgets and cadences worded in
  /// English by `DescribeBudget` and `DescribeCadence`); empty when added.
  std::string before = {};
  std::string after = {};  ///< The second format's value in short text; empty when removed.

  /// Differences are equal when every field is.
  friend bool operator==(const Difference&, const Difference&) = default;
};

/// Returns the canonical name of `kind`: "added", "removed" or "changed".
std::string_view DifferenceKindName(Difference::Kind kind);

/// Parses a canonical difference kind name; std::nullopt when unknown.
std::optional<Difference::Kind> ParseDifferenceKind(std::string_view name);

/// Lists how `b` differs from `a`: format fields first, then steps in `b`'s
/// order, then steps only `a` has. Two equal formats give an empty list.
/// The id, version and lineage are compared too, so a variant against its base
/// lists at least its new id.
[[nodiscard]] std::vector<Difference> Diff(const Format& a, const Format& b);

}  // namespace carelearn

#endif  // CARELEARN_MODEL_DIFF_HPP_
