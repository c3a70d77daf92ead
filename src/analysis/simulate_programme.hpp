// The simulated municipality's programme of learning formats: which format
// each unit holds on which weekday and time, and the joint, cross-municipal
// network meetings and seminars; docs/simulate.md, "The programme".
#ifndef CARELEARN_SRC_ANALYSIS_SIMULATE_PROGRAMME_HPP_
#define CARELEARN_SRC_ANALYSIS_SIMULATE_PROGRAMME_HPP_

#include <cstdint>
#include <vector>

#include "analysis/simulate_organisation.hpp"
#include "carelearn/analysis/simulate.hpp"
#include "carelearn/io/programme_json.hpp"

namespace carelearn::detail {

/// What a programme entry holds, which decides how its sessions go.
enum class EntryKind {
  kLearningMeeting,  ///< The systematic learning meeting, every other week in each unit.
  kCaseMeeting,      ///< The interdisciplinary case meeting about a citizen, weekly.
  kHomeMeeting,      ///< The learning meeting at a citizen's home, every other week.
  kLearningVisit,    ///< The learning visit, monthly, the agent from another unit.
  kTrialAction,      ///< The trial-action documentation by the learning activist, monthly.
  kNetworkMeeting,   ///< The cross-municipal learning network meeting, monthly, joint.
  kSeminar,          ///< The learning seminar, three times a year, joint.
};

/// The programme and how it maps onto the organisation.
struct SimProgramme {
  ProgrammeDocument document;    ///< The programme and its work calendar.
  std::vector<EntryKind> kinds;  ///< Per programme entry.
  /// Per programme unit (as `Schedule::units` has them): the organisation's
  /// unit index, or `SimOrganisation::central()` for the municipality and its areas.
  std::vector<std::uint32_t> org_unit;
};

/// The programme of `org` for the years of `options`.
SimProgramme BuildProgramme(const SimOrganisation& org, const SimulationOptions& options);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_SIMULATE_PROGRAMME_HPP_
