// How each planned occurrence of the simulated programme becomes a session:
// cancelled with a reason, or held through the real `Runner` on a
// `FakeClock` that is advanced through the steps while the outputs are
// recorded; docs/simulate.md, "The sessions".
#ifndef CARELEARN_SRC_ANALYSIS_SIMULATE_SESSIONS_HPP_
#define CARELEARN_SRC_ANALYSIS_SIMULATE_SESSIONS_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "analysis/simulate_organisation.hpp"
#include "analysis/simulate_programme.hpp"
#include "analysis/simulate_random.hpp"
#include "carelearn/analysis/simulate.hpp"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/record/clock.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/runner.hpp"
#include "carelearn/schedule/programme.hpp"

namespace carelearn::detail {

/// The factor of `SimulationRates::holiday` on `day`: 1 in the main holiday
/// weeks, 0.4 in the smaller ones, 0 otherwise (docs/simulate.md).
double HolidayPeriodFactor(absl::CivilDay day);

/// The seasonal factor of the ordinary cancellation rates in `month` (1–12); mean 1 over the year.
double SeasonFactor(int month);

/// Makes the session of each occurrence, in order; keeps each unit's state
/// (its random stream, its citizens) between calls.
class SessionMaker {
 public:
  /// A maker for `org` and `programme`, which must outlive it.
  SessionMaker(const SimOrganisation& org, const SimProgramme& programme,
               const SimulationOptions& options, const Pseudonymiser& pseudonyms);
  SessionMaker(const SessionMaker&) = delete;
  SessionMaker& operator=(const SessionMaker&) = delete;

  /// Looks up the formats and question sets the programme holds.
  ///
  /// Errors: kInternal when the built-in catalog lacks a format or a step the
  /// simulation uses.
  [[nodiscard]] absl::Status Init();

  /// The session of occurrence `o` of `schedule`.
  ///
  /// Errors: kInternal when the runner refuses a call or the session fails
  /// `ValidateSession` (a defect of the simulation).
  [[nodiscard]] absl::StatusOr<Session> Make(const Schedule& schedule,
                                             const ScheduledOccurrence& o);

  /// What has been made so far.
  [[nodiscard]] const SimulationCounts& counts() const { return counts_; }

 private:
  // What a unit carries from one session to the next.
  struct UnitState {
    explicit UnitState(std::uint64_t seed) : random(seed) {}

    Random random;  // the unit's own stream
    /// The unit's citizens so far, by number from 0: the citizen's pseudonym,
    /// then those of the relatives who have come.
    std::vector<std::vector<std::string>> citizens;
    std::vector<int> recent;  // the citizens discussed lately, oldest first
  };
  struct Occasion;
  class Holding;

  absl::StatusOr<Session> Cancelled(Occasion& occasion, CancelReason reason, std::string_view note);
  absl::StatusOr<Session> Hold(Occasion& occasion);
  void ChooseLearningMeeting(Occasion& occasion);
  void ChooseCaseMeeting(Occasion& occasion);
  void ChooseHomeMeeting(Occasion& occasion);
  void ChooseLearningVisit(Occasion& occasion);
  void ChooseTrialAction(Occasion& occasion);
  void ChooseNetworkMeeting(Occasion& occasion);
  void ChooseSeminar(Occasion& occasion);
  int Citizen(Occasion& occasion);
  // The pseudonym of citizen number `citizen` (k = 0) or of its k-th relative.
  const std::string& CitizenOrRelative(const Occasion& occasion, int citizen, std::size_t k);
  std::string PickQuestion(Random& random, const Step& step);
  void FollowUp(Session& session, Random& random) const;
  void Count(const Session& session);

  const SimOrganisation& org_;
  const SimProgramme& programme_;
  const SimulationOptions& options_;
  const Pseudonymiser& pseudonyms_;
  const Catalog& catalog_;
  absl::Time end_;                // the end of the simulated years
  std::vector<Format> formats_;   // per entry kind, without the words the runner never reads
  std::vector<UnitState> units_;  // per organisation unit, the municipality last
  FakeClock clock_;
  std::vector<std::uint32_t> members_;  // scratch
  std::vector<std::uint32_t> other_;    // scratch
  std::vector<double> weights_;         // scratch
  std::size_t next_network_unit_ = 0;
  // The questions each step can draw on: its own and its question sets'.
  std::vector<std::pair<const Step*, std::vector<std::string>>> questions_;
  SimulationCounts counts_;
};

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_SIMULATE_SESSIONS_HPP_
