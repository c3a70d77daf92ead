#include "carelearn/model/text.hpp"

namespace carelearn {

std::string_view Text::Get(Lang lang) const {
  const std::string& wanted = lang == Lang::kDa ? da : en;
  const std::string& other = lang == Lang::kDa ? en : da;
  return wanted.empty() ? other : wanted;
}

}  // namespace carelearn
