// carelearn/model/format.hpp
//
// Defines `Format`, a learning format as a protocol object: purpose,
// prerequisites, setting, capacity, planned duration, recommended cadence,
// the roles it needs, its steps, the outputs it declares and where they go,
// and, for programme-level formats, the formats it contains and how often.
//
// A Format is a plain value. It refers to other formats only by id
// (`FormatRef`), resolved through a `Catalog`.
//
// Example:
//
//   const carelearn::Format* meeting =
//       carelearn::BuiltinCatalog().Find("systematic-learning-meeting");
//   meeting->steps.size();        // 5
//   meeting->cadence->interval;   // 2 (weeks)
#ifndef CARELEARN_MODEL_FORMAT_HPP_
#define CARELEARN_MODEL_FORMAT_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carelearn/model/role.hpp"
#include "carelearn/model/step.hpp"
#include "carelearn/model/text.hpp"
#include "carelearn/model/time_budget.hpp"

namespace carelearn {

/// Ids of the prerequisites the source texts name.
namespace prerequisites {
inline constexpr std::string_view kFixedInterval = "fixed-interval";  ///< Held at a fixed interval.
inline constexpr std::string_view kFacilitator = "facilitator";       ///< Someone facilitates.
inline constexpr std::string_view kRecognisableAgenda =
    "recognisable-agenda";  ///< The agenda is the same each time.
inline constexpr std::string_view kLeaderBacking =
    "leader-backing";  ///< The leader backs and prioritises it.
inline constexpr std::string_view kGroundRules =
    "ground-rules";  ///< Ground rules are agreed, e.g. confidentiality.
}  // namespace prerequisites

/// A condition for a format to work.
struct Prerequisite {
  std::string id = {};  ///< Stable id; see `prerequisites` for the well-known ones.
  Text text = {};       ///< What it asks, in Danish and English.

  /// Prerequisites are equal when every field is.
  friend bool operator==(const Prerequisite&, const Prerequisite&) = default;
};

/// Where a format takes place.
enum class Place {
  kWorkplace,     ///< At the unit, in working hours.
  kCitizensHome,  ///< At the citizen's home.
  kOffSite,       ///< Away from daily work (a seminar venue).
  kEducation,     ///< At an educational institution.
};

/// Returns the canonical name of `place`: "workplace", "citizens-home", "off-site" or "education".
std::string_view PlaceName(Place place);

/// Parses a canonical place name; std::nullopt when unknown.
std::optional<Place> ParsePlace(std::string_view name);

/// The physical setting of a format.
struct Setting {
  Place place = Place::kWorkplace;  ///< Where it happens.
  bool standing = false;            ///< True when held standing ("gerne stående").

  /// Settings are equal when every field is.
  friend bool operator==(const Setting&, const Setting&) = default;
};

/// How many people a format is for.
struct Capacity {
  int min = 1;                      ///< The fewest participants.
  std::optional<int> max = {};      ///< The most participants; none for no limit.
  std::optional<int> typical = {};  ///< The usual group size, where the source gives one.

  /// Capacities are equal when every field is.
  friend bool operator==(const Capacity&, const Capacity&) = default;
};

/// A calendar period.
enum class Period {
  kDay,    ///< Days.
  kWeek,   ///< Weeks.
  kMonth,  ///< Months.
  kYear,   ///< Years.
};

/// Returns the canonical name of `period`: "day", "week", "month" or "year".
std::string_view PeriodName(Period period);

/// Parses a canonical period name; std::nullopt when unknown.
std::optional<Period> ParsePeriod(std::string_view name);

/// How often a format is held: every `interval` `unit`s, optionally `count` times in all.
struct Cadence {
  int interval = 1;               ///< Every this many units.
  Period unit = Period::kWeek;    ///< The unit of the interval.
  std::optional<int> count = {};  ///< How many times in all; none when it goes on.

  /// Cadences are equal when every field is.
  friend bool operator==(const Cadence&, const Cadence&) = default;
};

/// An output a format promises, and where it goes next.
struct DeclaredOutput {
  OutputKind kind = OutputKind::kLearningPoint;  ///< What is produced.
  int min = 0;                                   ///< The fewest the format asks for.
  std::optional<int> max =
      {};  ///< The most; none for no limit. `min == max` asks for exactly that many.
  std::string destination =
      {};          ///< Where it goes next (e.g. "staff-meeting", "leader"); may be empty.
  Text note = {};  ///< How it is passed on, in words; may be empty.

  /// Outputs are equal when every field is.
  friend bool operator==(const DeclaredOutput&, const DeclaredOutput&) = default;
};

/// A format that a programme-level format contains, and how often.
struct Component {
  FormatRef format = {};                ///< The contained format.
  std::optional<Cadence> cadence = {};  ///< How often it is held within the programme.
  Text note = {};                       ///< Who holds it, or other notes; may be empty.

  /// Components are equal when every field is.
  friend bool operator==(const Component&, const Component&) = default;
};

/// A learning format: a protocol of steps with roles, time, cadence and outputs.
struct Format {
  std::string id = {};  ///< Stable id, lower-case words joined by hyphens.
  int version = 1;      ///< Raised whenever the format changes.
  Text title = {};      ///< The format's name.
  Text purpose = {};    ///< Why it is held.
  Text source = {};     ///< Where the format comes from (a source text); may be empty.
  std::vector<Prerequisite> prerequisites = {};  ///< What it needs to work.
  Setting setting = {};                          ///< Where it takes place.
  Capacity capacity = {};                        ///< How many people it is for.
  std::optional<TimeBudget> duration = {};       ///< The planned duration; none when open-ended.
  std::optional<Cadence> cadence = {};           ///< The recommended cadence.
  std::vector<Role> defined_roles = {};     ///< Roles this format defines beyond the built-in ones.
  std::vector<RoleRequirement> roles = {};  ///< The roles it needs.
  std::vector<Step> steps = {};             ///< The agenda, in order.
  std::vector<DeclaredOutput> outputs = {};  ///< What it promises to produce.
  std::vector<Component> components = {};    ///< For programmes: the formats it contains.
  /// The formats this one was derived from, the immediate base last; empty
  /// for a format that extends none.
  std::vector<FormatRef> lineage = {};
  /// User data under the JSON key "extensions", kept verbatim as canonical JSON
  /// text of an object; empty when there is none.
  std::string extensions = {};

  /// The step with `step_id`, or nullptr.
  [[nodiscard]] const Step* FindStep(std::string_view step_id) const;

  /// The role requirement for `role_id`, or nullptr.
  [[nodiscard]] const RoleRequirement* FindRole(std::string_view role_id) const;

  /// True when the format has the prerequisite `prerequisite_id`.
  [[nodiscard]] bool HasPrerequisite(std::string_view prerequisite_id) const;

  /// Formats are equal when every field is.
  friend bool operator==(const Format&, const Format&) = default;
};

}  // namespace carelearn

#endif  // CARELEARN_MODEL_FORMAT_HPP_
