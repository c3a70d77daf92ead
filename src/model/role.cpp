#include "carelearn/model/role.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace carelearn {
namespace {

Role Make(std::string_view id, const char* da, const char* en, const char* about_da,
          const char* about_en) {
  return Role{std::string(id), Text{da, en}, Text{about_da, about_en}};
}

const std::array<Role, 12>& Roles() {
  static const auto* const kRoles = new std::array<Role, 12>{
      Make(roles::kFacilitator, "Facilitator", "Facilitator",
           "Styrer dagsordenen og tiden og giver ordet.",
           "Keeps the agenda and the time and gives the word."),
      Make(roles::kCasePresenter, "Case-person", "Case presenter",
           "Præsenterer en case eller opgave, som hun eller han gerne vil lære af.",
           "Presents a case or task they want to learn from."),
      Make(roles::kColleague, "Kollega", "Colleague", "Deltager og stiller spørgsmål.",
           "Takes part and asks questions."),
      Make(roles::kLearningAgent, "Læringsagent", "Learning agent",
           "Følger en kollega en hel eller halv arbejdsdag for at lære.",
           "Follows a colleague for a whole or half working day to learn."),
      Make(roles::kHostColleague, "Værtskollega", "Host colleague",
           "Den kollega, læringsagenten følger.", "The colleague the learning agent follows."),
      Make(roles::kLeader, "Leder", "Leader", "Bakker op om og prioriterer læringen.",
           "Backs the learning and gives it priority."),
      Make(roles::kCitizen, "Borger", "Citizen", "Den borger, indsatsen handler om.",
           "The citizen the care is for."),
      Make(roles::kRelative, "Pårørende", "Relative", "En pårørende til borgeren.",
           "A relative of the citizen."),
      Make(roles::kNetworkMember, "Læringsagent i netværket", "Learning network member",
           "Læringsagent i et netværk på tværs af kommuner.",
           "A learning agent in a network across municipalities."),
      Make(roles::kProjectLeader, "Lokal projektleder", "Local project leader",
           "Leder et lokalt projekt.", "Leads a local project."),
      Make(roles::kTeacher, "Underviser", "Teacher", "Underviser på et kompetenceforløb.",
           "Teaches a competence module."),
      Make(roles::kLearningActivist, "Læringsaktivist", "Learning activist",
           "Understøtter lederen i at etablere en praksisnær lærings- og implementeringskultur.",
           "Supports the leader in building a learning and implementation culture close to "
           "practice."),
  };
  return *kRoles;
}

}  // namespace

std::span<const Role> BuiltinRoles() { return Roles(); }

const Role* FindBuiltinRole(std::string_view id) {
  const auto& all = Roles();
  const auto it = std::find_if(all.begin(), all.end(), [&](const Role& r) { return r.id == id; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace carelearn
