// carelearn/schedule/programme.hpp
//
// Defines `Programme`, a composition over time of learning formats for the
// units of an organisation (municipality → area → unit): which format, for
// which units, on which recurrence, at what time, for how long, with whom.
// `Expand` turns a programme into a `Schedule` of occurrences on a
// `WorkCalendar`; `FindConflicts` finds units that are double-booked or have a
// meeting on a seminar day; `PlannedHoursPerUnit` and `PlannedHoursPerPerson`
// sum the planned learning time per month.
//
// An entry is held either by each of its units on its own (the biweekly
// systematic learning meeting in every unit) or jointly, once, attended by all
// of them (a seminar for the whole network). Naming a unit that has sub-units
// means all the units below it that have none (the leaves).
//
// Example: every unit of a municipality meets every other Wednesday at 14:00.
//
//   carelearn::Programme p;
//   p.id = "hoersholm-2026";
//   p.units = {{"hoersholm", {"Hørsholm Kommune", "Hørsholm Municipality"}, ""},
//              {"egely", {"Plejecenter Egely", "Egely care centre"}, "hoersholm"},
//              {"sophielund", {"Sophielund", "Sophielund"}, "hoersholm"}};
//   carelearn::ProgrammeEntry meeting;
//   meeting.id = "learning-meeting";
//   meeting.format = {"systematic-learning-meeting", 1};
//   meeting.units = {"hoersholm"};  // both care centres
//   meeting.recurrence.start = absl::CivilMinute(2026, 1, 7, 14, 0);
//   meeting.recurrence.duration = absl::Minutes(30);
//   meeting.recurrence.rule = *carelearn::ParseRRule("FREQ=WEEKLY;INTERVAL=2");
//   p.entries.push_back(meeting);
//   auto schedule = carelearn::Expand(p, year, carelearn::WorkCalendar());
#ifndef CARELEARN_SCHEDULE_PROGRAMME_HPP_
#define CARELEARN_SCHEDULE_PROGRAMME_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/model/catalog.hpp"
#include "carelearn/model/format.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/schedule/holidays.hpp"
#include "carelearn/schedule/recurrence.hpp"
#include "carelearn/schedule/work_calendar.hpp"

namespace carelearn {

/// A unit of the organisation: a municipality, an area, a care centre, a team.
struct OrgUnit {
  std::string id = {};      ///< Stable id, unique within the programme.
  Text name = {};           ///< The unit's name.
  std::string parent = {};  ///< The id of the unit it belongs to; empty for a top unit.

  /// Equal when every field is.
  friend bool operator==(const OrgUnit&, const OrgUnit&) = default;
};

/// How many people of a role are expected at each occurrence of an entry.
struct ExpectedRole {
  std::string role = {};  ///< The role's id (see `roles`).
  int people = 0;         ///< How many, from 0.

  /// Equal when both fields are.
  friend bool operator==(const ExpectedRole&, const ExpectedRole&) = default;
};

/// Who holds an entry's occurrences.
enum class Hosting {
  kEachUnit,  ///< Each unit holds its own (a unit's learning meeting).
  kJoint,     ///< One occurrence for all the units together (a seminar, a network meeting).
};

/// Returns the canonical name of `hosting`: "each-unit" or "joint".
std::string_view HostingName(Hosting hosting);

/// Parses a canonical hosting name; std::nullopt when unknown.
std::optional<Hosting> ParseHosting(std::string_view name);

/// One format in a programme: for which units, when, and with whom.
struct ProgrammeEntry {
  std::string id = {};    ///< Stable id, unique within the programme; part of iCalendar UIDs.
  FormatRef format = {};  ///< The format held.
  Text title = {};        ///< The title to show; empty for the format's title from a catalog.
  /// The units, by id; a unit with sub-units stands for all the units below
  /// it that have none. For a joint entry the first is the host.
  std::vector<std::string> units = {};
  Hosting hosting = Hosting::kEachUnit;  ///< Whether each unit holds it, or all together.
  /// When: the first start, duration, zone, rule (or only dates: start and
  /// RDATEs), exceptions and moves. A duration of zero means "not given": it
  /// is taken from the format's planned duration when a catalog is at hand
  /// (`Expand` with a catalog, `ExportICalendar` with `IcsOptions::catalog`),
  /// and is an error otherwise.
  Recurrence recurrence = {};
  std::vector<ExpectedRole> roles = {};  ///< Who is expected at each occurrence, by role.
  /// Pseudonymous ids of the people expected at each occurrence; when given,
  /// their number is the expected people count and they get per-person hours.
  std::vector<std::string> people = {};
  /// What a closed day does to an occurrence; none for the programme's policy.
  std::optional<ClosedDayPolicy> on_closed_day = {};
  /// COUNT counts the sessions held: a skipped start is made up at the end
  /// (8 teaching sessions stay 8). See `CalendarRules::count_held_sessions`.
  bool count_held_sessions = false;
  /// Attending takes the whole day (a seminar): a unit's other occurrences on
  /// that day collide with it even when the clock times do not overlap.
  bool occupies_day = false;
  /// The time is a budget, not an appointment (two hours of reading a week):
  /// counted in the planned hours, never in conflicts.
  bool flexible = false;

  /// The number of people expected at each occurrence: the number of `people`
  /// when there are any, else the sum of `roles`; 0 when unknown.
  [[nodiscard]] int ExpectedPeople() const;

  /// Equal when every field is.
  friend bool operator==(const ProgrammeEntry&, const ProgrammeEntry&) = default;
};

/// A composition over time of formats for organisation units.
struct Programme {
  std::string id = {};              ///< Stable id; part of iCalendar UIDs.
  Text title = {};                  ///< The programme's name.
  std::vector<OrgUnit> units = {};  ///< The organisation, parents before or after children.
  std::vector<ProgrammeEntry> entries = {};  ///< The formats held.
  /// What a closed day does to an occurrence, unless the entry says otherwise.
  ClosedDayPolicy on_closed_day = ClosedDayPolicy::kSkip;

  /// The unit with `unit_id`, or nullptr.
  [[nodiscard]] const OrgUnit* FindUnit(std::string_view unit_id) const;

  /// Equal when every field is.
  friend bool operator==(const Programme&, const Programme&) = default;
};

/// Checks that `programme` is well formed.
///
/// Errors (kInvalidArgument), each naming the place: a unit or entry without
/// an id or with an id used twice; a parent that is not a unit; parents that
/// lead back to the unit; an entry with no units, or naming a unit that is
/// not in the programme; a negative expected count; an invalid recurrence
/// (the message of `ValidateRecurrence`).
///
/// Example:
///
///   carelearn::ValidateProgramme(p).message();
///   // entries[1] "network-meeting": unit "rudersdal" is not a unit of the programme
[[nodiscard]] absl::Status ValidateProgramme(const Programme& programme);

/// Checks `programme` as `ValidateProgramme` does, and against `catalog`:
/// every entry's format is in the catalog at its version, and an entry
/// without a duration (zero) has a format whose planned duration is known.
///
/// Errors (kInvalidArgument), each naming the entry: those of
/// `ValidateProgramme`; a format the catalog does not have, with the likely
/// intended id; a version the catalog does not have, with those it has; a
/// zero duration whose format has no fixed planned duration.
///
/// Example:
///
///   carelearn::ValidateProgramme(p, carelearn::BuiltinCatalog()).message();
///   // entries[0] "learning-meeting": format "systematic-learning-meting" is not in the
///   // catalog; did you mean "systematic-learning-meeting"?
[[nodiscard]] absl::Status ValidateProgramme(const Programme& programme, const Catalog& catalog);

/// What is allowed in `programme` but likely not meant, as warnings: those
/// of `CheckRecurrence` for each entry, with paths such as
/// "entries[2].recurrence.start".
///
/// Example:
///
///   std::vector<carelearn::Diagnostic> warnings = carelearn::CheckProgramme(p);
[[nodiscard]] std::vector<Diagnostic> CheckProgramme(const Programme& programme);

/// The duration `entry` is held for: its recurrence's, or when that is zero
/// the longest planned duration of its format in `catalog` for the entry's
/// expected people (at least one).
///
/// Errors: kInvalidArgument when the duration is zero and `catalog` is
/// nullptr, lacks the format, or the format's planned duration is open.
///
/// Example:
///
///   entry.recurrence.duration = absl::ZeroDuration();  // not given
///   carelearn::EntryDuration(entry, &carelearn::BuiltinCatalog());  // 30 min for the meeting
[[nodiscard]] absl::StatusOr<absl::Duration> EntryDuration(const ProgrammeEntry& entry,
                                                           const Catalog* catalog);
/// The entry that holds `component` of a programme-level format (for
/// example the diploma module's teaching sessions): its id is the format's
/// id, the recurrence starts at `start`, lasts `duration` in the Copenhagen
/// zone and repeats by the component's cadence (`RRuleFromCadence`); without
/// a cadence it is held once.
///
/// Errors: those of `RRuleFromCadence`.
///
/// Example:
///
///   const carelearn::Format* module = catalog.Find("competence-module");
///   auto sessions = carelearn::EntryFromComponent(module->components[0],
///       absl::CivilMinute(2018, 9, 5, 9, 0), absl::Hours(6), {"center-for-netvaerk"});
[[nodiscard]] absl::StatusOr<ProgrammeEntry> EntryFromComponent(const Component& component,
                                                                absl::CivilMinute start,
                                                                absl::Duration duration,
                                                                std::vector<std::string> units);

/// An entry as the schedule holds it.
struct ScheduledEntry {
  std::string id = {};                   ///< The entry's id.
  std::string format_id = {};            ///< The id of the format held.
  Hosting hosting = Hosting::kEachUnit;  ///< Each unit, or all together.
  /// The units (indexes into `Schedule::units`) that hold it (each unit) or
  /// attend it (joint), in programme order.
  std::vector<std::uint32_t> units = {};
  std::uint32_t host = 0;                      ///< For a joint entry: the unit named first.
  std::vector<std::string> people = {};        ///< The people expected, as the entry names them.
  bool occupies_day = false;                   ///< As `ProgrammeEntry::occupies_day`.
  bool flexible = false;                       ///< As `ProgrammeEntry::flexible`.
  Text title = {};                             ///< As `ProgrammeEntry::title` (may be empty).
  absl::TimeZone zone = CopenhagenTimeZone();  ///< The zone of the entry's local times.
  std::optional<int> format_version = {};  ///< The version of the format held; none: the newest.

  /// Equal when every field is.
  friend bool operator==(const ScheduledEntry&, const ScheduledEntry&) = default;
};

/// One occurrence of one entry for one unit.
struct ScheduledOccurrence {
  std::uint32_t entry = 0;  ///< Index into `Schedule::entries` (the programme's entry order).
  /// Index into `Schedule::units`: the unit holding it, or for a joint entry the host.
  std::uint32_t unit = 0;
  absl::Time start = {};               ///< When it starts.
  absl::Time end = {};                 ///< When it ends.
  absl::CivilMinute local_start = {};  ///< `start` on the local clock of the entry's zone.
  absl::CivilMinute local_end = {};    ///< `end` on the local clock.
  absl::CivilMinute original = {};     ///< Where the series put it (differs when moved).
  int expected_people = 0;             ///< `ProgrammeEntry::ExpectedPeople()`.

  /// Equal when every field is.
  friend bool operator==(const ScheduledOccurrence&, const ScheduledOccurrence&) = default;
};

/// Why a planned occurrence is not held.
enum class SkipReason {
  kHoliday,  ///< The day is a holiday of the work calendar.
  kClosure,  ///< The day is in a closure (for every unit, or for the unit or one above it).
};

/// Returns the canonical name of `reason`: "holiday" or "closure".
std::string_view SkipReasonName(SkipReason reason);

/// Returns the reason named `name`, or std::nullopt for any other text.
std::optional<SkipReason> ParseSkipReason(std::string_view name);

/// A start the series gives that is not held because its day is closed
/// (`ClosedDayPolicy::kSkip`).
struct SkippedOccurrence {
  std::uint32_t entry = 0;          ///< Index into `Schedule::entries`.
  std::uint32_t unit = 0;           ///< Index into `Schedule::units` (the host for a joint entry).
  absl::CivilMinute original = {};  ///< The local start the series gives.
  absl::Time start = {};            ///< That start as an instant.
  SkipReason reason = SkipReason::kHoliday;  ///< Why it is not held.
  /// For kHoliday: which holiday.
  std::optional<HolidayKind> holiday = std::nullopt;
  /// For kClosure: the closure's reason, e.g. {"Sommerferie", "Summer holidays"}; may be empty.
  Text closure = {};

  /// Equal when every field is.
  friend bool operator==(const SkippedOccurrence&, const SkippedOccurrence&) = default;
};

/// A programme expanded: its units and entries, and the occurrences sorted by
/// start, then unit, then entry. Occurrences refer to units and entries by
/// index, which keeps a schedule of millions of occurrences compact; the
/// accessors give the ids.
struct Schedule {
  std::string programme_id = {};                      ///< The programme's id.
  std::vector<OrgUnit> units = {};                    ///< The programme's units, in its order.
  std::vector<ScheduledEntry> entries = {};           ///< One per programme entry, in its order.
  std::vector<ScheduledOccurrence> occurrences = {};  ///< Sorted by start, unit, entry.
  /// The starts skipped for a closed day, with the reason; sorted by start,
  /// unit, entry. Those in the window (all before it too when it has no beginning).
  std::vector<SkippedOccurrence> skipped = {};
  Text programme_title = {};  ///< The programme's title.

  /// The id of the unit holding `o` (the host for a joint entry).
  [[nodiscard]] std::string_view unit_id(const ScheduledOccurrence& o) const {
    return units[o.unit].id;
  }
  /// The id of the format `o` holds.
  [[nodiscard]] std::string_view format_id(const ScheduledOccurrence& o) const {
    return entries[o.entry].format_id;
  }
  /// The id of the entry `o` belongs to.
  [[nodiscard]] std::string_view entry_id(const ScheduledOccurrence& o) const {
    return entries[o.entry].id;
  }

  /// Equal when every field is.
  friend bool operator==(const Schedule&, const Schedule&) = default;
};

/// Expands `programme` in `window` on `calendar`: every entry's occurrences
/// that start in the window, for each unit that holds it (or once, for a
/// joint entry), with closed days kept, skipped or moved by the entry's
/// policy. A closure for a unit applies to the units below it too.
///
/// Each series is computed once for all the units that see the same calendar
/// and copied to them, so the cost grows with the number of occurrences, not
/// with days × units: 1,000 units × 3 formats × 5 years (about 420,000
/// occurrences) expand in under 0.1 s of CPU time when the units share their
/// series, and in about 0.25 s when every unit has series of its own
/// (docs/schedule.md, bench/schedule_bench.cpp).
///
/// With a `catalog` the programme is checked against it
/// (`ValidateProgramme(programme, *catalog)`) and an entry without a duration
/// is held for its format's planned duration; without one, an entry without
/// a duration is an error.
///
/// Errors: those of `ValidateProgramme` (with the catalog's when given), of
/// `EntryDuration`, and of `ExpandOnCalendar` prefixed
/// with the entry, e.g. `entries[0] "learning-meeting": RRULE "FREQ=WEEKLY"
/// has neither COUNT nor UNTIL: it can only be expanded within a window that ends`.
///
/// Example:
///
///   auto s = carelearn::Expand(p, carelearn::TimeWindow::Days(absl::CivilDay(2026, 1, 1),
///                                                           absl::CivilDay(2027, 1, 1),
///                                                           carelearn::CopenhagenTimeZone()),
///                              carelearn::WorkCalendar());
///   s->unit_id(s->occurrences[0]);  // "egely"
[[nodiscard]] absl::StatusOr<Schedule> Expand(const Programme& programme, const TimeWindow& window,
                                              const WorkCalendar& calendar,
                                              const Catalog* catalog = nullptr);

/// What kind of collision a unit has.
enum class ConflictKind {
  kDoubleBooked,  ///< Two occurrences the unit takes part in overlap in time.
  kSeminarDay,    ///< The unit attends a whole-day occurrence and has another one that day.
};

/// Returns the canonical name of `kind`: "double-booked" or "seminar-day".
std::string_view ConflictKindName(ConflictKind kind);

/// Parses a canonical conflict kind name; std::nullopt when unknown.
std::optional<ConflictKind> ParseConflictKind(std::string_view name);

/// A collision of two occurrences for one unit.
struct Conflict {
  ConflictKind kind = ConflictKind::kDoubleBooked;  ///< What kind.
  std::string unit = {};                            ///< The id of the unit concerned.
  std::size_t first = 0;   ///< Index into `Schedule::occurrences`: the one that starts first.
  std::size_t second = 0;  ///< Index into `Schedule::occurrences`: the other (first < second).

  /// Equal when every field is.
  friend bool operator==(const Conflict&, const Conflict&) = default;
};

/// The collisions in `schedule`, by unit (in programme order) and then by
/// the occurrences' order. A unit takes part in the occurrences it holds and
/// in the joint ones it attends; flexible entries never collide. Two
/// occurrences on one day of which one occupies the day are a kSeminarDay
/// conflict (whether or not their times overlap); other overlaps are
/// kDoubleBooked. Back-to-back occurrences (one ends when the next starts)
/// do not overlap.
///
/// Example:
///
///   for (const carelearn::Conflict& c : carelearn::FindConflicts(*schedule)) {
///     std::cout << c.unit << ": " << carelearn::ConflictKindName(c.kind) << "\n";
///   }
[[nodiscard]] std::vector<Conflict> FindConflicts(const Schedule& schedule);

/// The planned learning time of one unit in one month.
struct UnitMonthLoad {
  std::string unit = {};        ///< The unit's id.
  absl::CivilMonth month = {};  ///< The month (of the occurrences' local start).
  int sessions = 0;             ///< How many occurrences.
  double hours = 0;             ///< Their hours in all.
  /// Person-hours: each occurrence's hours × its expected people, summed
  /// over the occurrences the unit holds (joint ones are left out: their
  /// expected people are for all units together).
  double person_hours = 0;

  /// Equal when every field is.
  friend bool operator==(const UnitMonthLoad&, const UnitMonthLoad&) = default;
};

/// The planned learning time of one person in one month.
struct PersonMonthLoad {
  std::string person = {};      ///< The person's pseudonymous id.
  absl::CivilMonth month = {};  ///< The month.
  int sessions = 0;             ///< How many occurrences the person is expected at.
  double hours = 0;             ///< Their hours in all.

  /// Equal when every field is.
  friend bool operator==(const PersonMonthLoad&, const PersonMonthLoad&) = default;
};

/// The planned hours per unit per month: the occurrences a unit holds and the
/// joint ones it attends, flexible ones included; sorted by unit (in
/// programme order), then month. Units without occurrences are left out.
///
/// Example:
///
///   auto load = carelearn::PlannedHoursPerUnit(*schedule);
///   // {"egely", 2026-03, 2 sessions, 1.0 hours, 8.0 person-hours}, ...
[[nodiscard]] std::vector<UnitMonthLoad> PlannedHoursPerUnit(const Schedule& schedule);

/// The planned hours per person per month, for the entries that name their
/// people; sorted by person id, then month. A person named on an entry held
/// by several units at the same time is counted once per start.
[[nodiscard]] std::vector<PersonMonthLoad> PlannedHoursPerPerson(const Schedule& schedule);

}  // namespace carelearn

#endif  // CARELEARN_SCHEDULE_PROGRAMME_HPP_
