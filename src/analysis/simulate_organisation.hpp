// The simulated municipality: its units (home care, nursing homes,
// rehabilitation), its central staff, its partner municipalities, and every
// person's membership periods, generated year by year with leavers, new hires
// and moves between units. docs/simulate.md describes the model.
#ifndef CARELEARN_SRC_ANALYSIS_SIMULATE_ORGANISATION_HPP_
#define CARELEARN_SRC_ANALYSIS_SIMULATE_ORGANISATION_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "analysis/simulate_random.hpp"
#include "carelearn/analysis/simulate.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/session.hpp"

namespace carelearn::detail {

/// The kind of a unit, which sets its size, professions and shifts.
enum class UnitKind {
  kHomeCare,        ///< A home care district ("hjemmepleje").
  kNursingHome,     ///< A nursing home ("plejecenter").
  kRehabilitation,  ///< A rehabilitation centre.
};

/// The id of the area that holds the units of `kind`: "home-care", "nursing-homes",
/// "rehabilitation".
std::string_view AreaId(UnitKind kind);

/// The name of that area in Danish and English.
Text AreaName(UnitKind kind);

/// The last day of a membership that has not ended.
inline constexpr absl::CivilDay kOpenEnd(9999, 12, 31);

/// A unit that holds sessions.
struct SimUnit {
  std::string id;  ///< E.g. "home-care-north", "nursing-home-birkely-2".
  Text name;       ///< E.g. {"Hjemmeplejen Nord", "Home care North"}.
  UnitKind kind = UnitKind::kHomeCare;
  double cancel_factor = 1;  ///< Multiplies the ordinary cancellation rates; mean 1 over the units.
  std::uint32_t leader = 0;  ///< The person who leads the unit (never leaves).
  std::uint32_t kind_index = 0;  ///< Its place among the units of its kind.
};

/// A person of the municipality's staff.
struct SimPerson {
  std::string id;               ///< The pseudonym.
  std::string_view profession;  ///< One of the professions of docs/simulate.md.
  Shift shift = Shift::kDay;    ///< The shift worked.
};

/// One period of a person in a unit.
struct SimMembership {
  std::uint32_t person = 0;  ///< Index into `SimOrganisation::people`.
  std::uint32_t unit = 0;  ///< Index into `units`, or `central()` for the municipality's own staff.
  absl::CivilDay from;     ///< The first day.
  absl::CivilDay to = kOpenEnd;  ///< The last day (inclusive).
};

/// A partner municipality, whose staff come to the network and the seminars.
struct SimPartner {
  std::string id;                ///< E.g. "partner-municipality-1".
  std::vector<SimPerson> staff;  ///< Its guests; not on the roster.
};

/// The simulated municipality.
struct SimOrganisation {
  std::string municipality_id;             ///< E.g. "syntetisk-kommune".
  std::string municipality_name;           ///< As given.
  std::vector<SimUnit> units;              ///< The units that hold sessions, in programme order.
  std::vector<SimPerson> people;           ///< Everyone who was ever on the staff.
  std::vector<SimMembership> memberships;  ///< Every period, in the order they were made.
  /// Per unit (and `central()` last): indexes into `memberships`, by first day then order made.
  std::vector<std::vector<std::uint32_t>> by_unit;
  std::uint32_t project_leader = 0;  ///< The municipality's project leader (a person).
  std::uint32_t consultant = 0;      ///< The municipality's learning consultant (a person).
  std::vector<SimPartner> partners;  ///< The partner municipalities.

  /// The units of each kind (by `UnitKind`), in order.
  std::array<std::vector<std::uint32_t>, 3> by_kind;

  /// A unit of the same kind as `unit` other than it, drawn evenly with one
  /// draw of `random`; none when it is the only one of its kind.
  [[nodiscard]] std::optional<std::uint32_t> AnotherOfKind(std::uint32_t unit,
                                                           Random& random) const;

  /// The unit index of the municipality's own (central) staff.
  [[nodiscard]] std::uint32_t central() const { return static_cast<std::uint32_t>(units.size()); }

  /// The id of unit index `unit` (the municipality's for `central()`).
  [[nodiscard]] const std::string& UnitId(std::uint32_t unit) const {
    return unit == central() ? municipality_id : units[unit].id;
  }

  /// Puts into `out` the people in `unit` on `day`, longest-serving first.
  void MembersOn(std::uint32_t unit, absl::CivilDay day, std::vector<std::uint32_t>& out) const;
};

/// The organisation `options` describe, its memberships up to the end of the
/// simulated years, with pseudonyms made by `pseudonyms`.
SimOrganisation BuildOrganisation(const SimulationOptions& options, std::string municipality_id,
                                  const Pseudonymiser& pseudonyms);

/// The roster rows of `org`: by unit (central staff first, then the units in
/// order), then first day, then the order they were made.
std::vector<RosterEntry> RosterOf(const SimOrganisation& org);

/// The id made from a municipality's name: lower case ASCII, æ ø å as ae oe
/// aa, other letters' accents dropped, runs of anything else as one "-";
/// empty when the name has no letter or digit.
std::string MunicipalityId(std::string_view name);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_SIMULATE_ORGANISATION_HPP_
