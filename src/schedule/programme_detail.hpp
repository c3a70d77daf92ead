// Private to the schedule layer: a programme's organisation tree and the
// calendar each unit sees, shared by programme expansion and the iCalendar
// export so they resolve units and closures the same way.
#ifndef CARELEARN_SRC_SCHEDULE_PROGRAMME_DETAIL_HPP_
#define CARELEARN_SRC_SCHEDULE_PROGRAMME_DETAIL_HPP_

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "carelearn/schedule/programme.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn::detail {

/// The units of a programme as a tree, by index.
struct Organisation {
  std::map<std::string, std::uint32_t, std::less<>> index;  ///< Unit id → index.
  std::vector<std::int64_t> parent;                  ///< The parent's index; -1 for a top unit.
  std::vector<std::vector<std::uint32_t>> children;  ///< The sub-units' indexes.

  /// The tree of `units`. Errors: the unit errors of `ValidateProgramme`.
  static absl::StatusOr<Organisation> Build(const std::vector<OrgUnit>& units);

  /// The leaves below (or equal to) the units `ids` names, ascending, each once;
  /// unknown ids are ignored.
  [[nodiscard]] std::vector<std::uint32_t> Leaves(const std::vector<std::string>& ids) const;

  /// The ids of `unit` and of every unit above it, nearest first.
  [[nodiscard]] std::vector<std::string> Chain(const std::vector<OrgUnit>& units,
                                               std::uint32_t unit) const;
};

/// The calendar each unit sees (the closures for everyone, for it and for the
/// units above it), computed once per distinct set of closures.
class UnitCalendars {
 public:
  /// Calendars for the units of `programme`; all three must outlive this object.
  UnitCalendars(const Programme& programme, const Organisation& org, const WorkCalendar& calendar);

  /// The calendar `unit` sees.
  const WorkCalendar& For(std::uint32_t unit);

  /// A number that is equal for two units exactly when they see the same closures.
  int Group(std::uint32_t unit);

 private:
  const Programme& programme_;
  const Organisation& org_;
  const WorkCalendar& calendar_;
  std::vector<int> group_;
  std::vector<std::vector<std::size_t>> signatures_;
  std::deque<WorkCalendar> calendars_;  // a deque: references stay valid
};

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_SCHEDULE_PROGRAMME_DETAIL_HPP_
