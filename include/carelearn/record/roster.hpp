// carelearn/record/roster.hpp
//
// Defines `Roster`, the pseudonymous staff of each unit: who belonged to
// which unit, with which profession and shift, from which day to which day.
// It is the denominator of the evaluator's reach and dose (a unit's staff in
// a month), and the place that says which unit a person belonged to on the
// day of a session, so a person who moves unit is counted in the unit they
// belonged to then.
//
// One person may have several memberships: one after another (they moved),
// or at once in two units (they work in both); never two memberships of the
// same unit that overlap. People are named by pseudonym only, made with the
// same `Pseudonymiser` domain as the sessions' participants
// (`pseudonym_domains::kStaff`), so a roster and a set of sessions join on the
// person's id; `Repseudonymise` rekeys both the same way for an evaluator.
//
// carelearn/io/roster_io.hpp reads rosters from CSV and JSON. The store does
// not keep rosters yet: load them from a file next to the sessions.
//
// Example:
//
//   carelearn::Roster roster;
//   roster.members.push_back({"3f9a0c...", "home-care-north", "nurse", carelearn::Shift::kDay,
//                             absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 3, 15)});
//   roster.members.push_back({"3f9a0c...", "home-care-south", "nurse", carelearn::Shift::kDay,
//                             absl::CivilDay(2026, 3, 16), std::nullopt});
//   absl::Status ok = carelearn::ValidateRoster(roster);
//   const carelearn::RosterMember* gone =
//       roster.MemberOn("3f9a0c...", "home-care-north", absl::CivilDay(2026, 4, 1));  // nullptr
#ifndef CARELEARN_RECORD_ROSTER_HPP_
#define CARELEARN_RECORD_ROSTER_HPP_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn {

/// One person's membership of one unit for a period.
struct RosterMember {
  std::string person;                 ///< Pseudonymous staff id, as in `Participant::id`.
  std::string unit;                   ///< The unit's id, as in `Session::unit`.
  std::string profession;             ///< The profession, e.g. "nurse"; may be empty.
  Shift shift = Shift::kUnspecified;  ///< The shift the person works in this unit.
  absl::CivilDay from;                ///< The first day of the membership.
  /// The last day of the membership (inclusive); none while it lasts.
  std::optional<absl::CivilDay> to;

  /// True when the membership covers `day`.
  [[nodiscard]] bool Covers(absl::CivilDay day) const {
    return from <= day && (!to.has_value() || day <= *to);
  }

  /// True when the membership covers some day of [`first`, `end`) (`end` exclusive).
  [[nodiscard]] bool Overlaps(absl::CivilDay first, absl::CivilDay end) const {
    return from < end && (!to.has_value() || *to >= first);
  }

  /// Members are equal when every field is.
  friend bool operator==(const RosterMember&, const RosterMember&) = default;
};

/// The pseudonymous staff of the units, with their periods of membership.
struct Roster {
  std::vector<RosterMember> members;  ///< Every membership, in any order.

  /// The membership of `person` in `unit` that covers `day`, or nullptr.
  [[nodiscard]] const RosterMember* MemberOn(std::string_view person, std::string_view unit,
                                             absl::CivilDay day) const;

  /// The memberships of `person` that cover `day` (one per unit), in roster order.
  [[nodiscard]] std::vector<const RosterMember*> MembershipsOn(std::string_view person,
                                                               absl::CivilDay day) const;

  /// Rosters are equal when their members are, in the same order.
  friend bool operator==(const Roster&, const Roster&) = default;
};

/// Checks the invariants a roster keeps.
///
/// Errors (kInvalidArgument), each message led by `members[<i>]`:
///   - an empty person or unit;
///   - a membership that ends (`to`) before it begins (`from`);
///   - two memberships of one person in one unit that overlap, naming both.
///
/// Example:
///
///   std::string why(carelearn::ValidateRoster(roster).message());
///   // members[3]: person "3f9a0c..." is in unit "egely" from 2026-01-01 in members[1]
///   // too: the memberships overlap
[[nodiscard]] absl::Status ValidateRoster(const Roster& roster);

/// `ValidateRoster` with each member named by `place(i)` instead of
/// `members[<i>]`: a reader names the line of a file ("roster.csv:4").
///
/// Example:
///
///   absl::Status s =
///       carelearn::ValidateRoster(roster, [](std::size_t i) { return "row " + std::to_string(i); });
[[nodiscard]] absl::Status ValidateRoster(const Roster& roster,
                                          const std::function<std::string(std::size_t)>& place);

/// `roster` with every person's id rekeyed under `key`, as
/// `Redact` rekeys the participants of sessions for an evaluator: the new id
/// is `key.Pseudonym(pseudonym_domains::kStaff, old_id)`. Rosters and sessions
/// rekeyed with the same key still join on the person.
///
/// Example:
///
///   carelearn::Roster for_study = carelearn::Repseudonymise(roster, study_key);
[[nodiscard]] Roster Repseudonymise(Roster roster, const Pseudonymiser& key);

}  // namespace carelearn

#endif  // CARELEARN_RECORD_ROSTER_HPP_
