#include "carelearn/record/roster.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace carelearn {
namespace {

std::string Member(std::size_t i) { return absl::StrCat("members[", i, "]"); }

}  // namespace

const RosterMember* Roster::MemberOn(std::string_view person, std::string_view unit,
                                     absl::CivilDay day) const {
  for (const RosterMember& m : members) {
    if (m.person == person && m.unit == unit && m.Covers(day)) return &m;
  }
  return nullptr;
}

std::vector<const RosterMember*> Roster::MembershipsOn(std::string_view person,
                                                       absl::CivilDay day) const {
  std::vector<const RosterMember*> out;
  for (const RosterMember& m : members) {
    if (m.person == person && m.Covers(day)) out.push_back(&m);
  }
  return out;
}

absl::Status ValidateRoster(const Roster& roster) { return ValidateRoster(roster, Member); }

absl::Status ValidateRoster(const Roster& roster,
                            const std::function<std::string(std::size_t)>& place) {
  // The memberships of each (person, unit), by first day, to find overlaps.
  std::map<std::pair<std::string_view, std::string_view>, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < roster.members.size(); ++i) {
    const RosterMember& m = roster.members[i];
    if (m.person.empty()) return absl::InvalidArgumentError(place(i) + ": empty person");
    if (m.unit.empty()) return absl::InvalidArgumentError(place(i) + ": empty unit");
    if (m.to.has_value() && *m.to < m.from) {
      return absl::InvalidArgumentError(
          absl::StrCat(place(i), ": the membership ends (", absl::FormatCivilTime(*m.to),
                       ") before it begins (", absl::FormatCivilTime(m.from), ")"));
    }
    by_key[{m.person, m.unit}].push_back(i);
  }
  for (auto& [key, rows] : by_key) {
    std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
      return std::pair(roster.members[a].from, a) < std::pair(roster.members[b].from, b);
    });
    for (std::size_t k = 1; k < rows.size(); ++k) {
      const RosterMember& before = roster.members[rows[k - 1]];
      const RosterMember& after = roster.members[rows[k]];
      if (before.to.has_value() && *before.to < after.from) continue;
      const std::size_t later = std::max(rows[k - 1], rows[k]);
      const std::size_t earlier = std::min(rows[k - 1], rows[k]);
      const RosterMember& other = roster.members[earlier];
      return absl::InvalidArgumentError(
          absl::StrCat(place(later), ": person \"", other.person, "\" is in unit \"", other.unit,
                       "\" from ", absl::FormatCivilTime(other.from), " in ", place(earlier),
                       " too: the memberships overlap"));
    }
  }
  return absl::OkStatus();
}

Roster Repseudonymise(Roster roster, const Pseudonymiser& key) {
  for (RosterMember& m : roster.members) {
    m.person = key.Pseudonym(pseudonym_domains::kStaff, m.person);
  }
  return roster;
}

}  // namespace carelearn
