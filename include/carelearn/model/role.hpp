// carelearn/model/role.hpp
//
// Defines `Role`, who takes part in a format (facilitator, case presenter,
// learning agent, ...), and `RoleRequirement`, how many of a role a format needs.
//
// Roles are named by stable ids. The built-in roles come from the source texts;
// a format may name roles of its own by defining them (`Format::defined_roles`).
//
// Example:
//
//   carelearn::RoleRequirement facilitator{carelearn::roles::kFacilitator, 1, 1};
//   const carelearn::Role* role = carelearn::FindBuiltinRole("learning-agent");
#ifndef CARELEARN_MODEL_ROLE_HPP_
#define CARELEARN_MODEL_ROLE_HPP_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "carelearn/model/text.hpp"

namespace carelearn {

/// Ids of the built-in roles.
namespace roles {
inline constexpr std::string_view kFacilitator = "facilitator";  ///< Leads the meeting's agenda.
inline constexpr std::string_view kCasePresenter =
    "case-presenter";                                        ///< Brings a case to learn from.
inline constexpr std::string_view kColleague = "colleague";  ///< A colleague taking part.
inline constexpr std::string_view kLearningAgent =
    "learning-agent";  ///< Follows a colleague for a day.
inline constexpr std::string_view kHostColleague =
    "host-colleague";                                  ///< The colleague a learning agent follows.
inline constexpr std::string_view kLeader = "leader";  ///< The unit's leader.
inline constexpr std::string_view kCitizen = "citizen";    ///< The citizen the care is for.
inline constexpr std::string_view kRelative = "relative";  ///< A citizen's relative.
inline constexpr std::string_view kNetworkMember =
    "network-member";  ///< A learning agent in a cross-municipal network.
inline constexpr std::string_view kProjectLeader = "project-leader";  ///< A local project leader.
inline constexpr std::string_view kTeacher = "teacher";  ///< Teaches a competence module.
inline constexpr std::string_view kLearningActivist =
    "learning-activist";  ///< Supports leaders in building a learning culture.
}  // namespace roles

/// A part a person plays in a format.
struct Role {
  std::string id = {};    ///< Stable id, lower-case words joined by hyphens.
  Text name = {};         ///< The role's name in Danish and English.
  Text description = {};  ///< What the role does, in Danish and English; may be empty.

  /// Roles are equal when every field is.
  friend bool operator==(const Role&, const Role&) = default;
};

/// The built-in roles, in a fixed order.
std::span<const Role> BuiltinRoles();

/// The built-in role with `id`, or nullptr.
const Role* FindBuiltinRole(std::string_view id);

/// How many people of a role a format needs.
struct RoleRequirement {
  std::string role = {};        ///< The role's id.
  int min = 0;                  ///< The fewest the format needs; 0 for an optional role.
  std::optional<int> max = {};  ///< The most the format allows; none for no limit.

  /// Requirements are equal when every field is.
  friend bool operator==(const RoleRequirement&, const RoleRequirement&) = default;
};

}  // namespace carelearn

#endif  // CARELEARN_MODEL_ROLE_HPP_
