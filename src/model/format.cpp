#include "carelearn/model/format.hpp"

#include <algorithm>

namespace carelearn {

const Step* Format::FindStep(std::string_view step_id) const {
  const auto it =
      std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return s.id == step_id; });
  return it == steps.end() ? nullptr : &*it;
}

const RoleRequirement* Format::FindRole(std::string_view role_id) const {
  const auto it = std::find_if(roles.begin(), roles.end(),
                               [&](const RoleRequirement& r) { return r.role == role_id; });
  return it == roles.end() ? nullptr : &*it;
}

bool Format::HasPrerequisite(std::string_view prerequisite_id) const {
  return std::any_of(prerequisites.begin(), prerequisites.end(),
                     [&](const Prerequisite& p) { return p.id == prerequisite_id; });
}

}  // namespace carelearn
