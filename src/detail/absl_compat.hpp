// Debian's Abseil 20220623 is built with ABSL_OPTION_USE_STD_STRING_VIEW=0, so
// absl::string_view is its own type and absl::StrCat does not take a
// std::string_view. `Sv` bridges the two without copying.
#ifndef CARELEARN_SRC_DETAIL_ABSL_COMPAT_HPP_
#define CARELEARN_SRC_DETAIL_ABSL_COMPAT_HPP_

#include <string_view>

#include "absl/strings/string_view.h"

namespace carelearn::detail {

/// `s` as an absl::string_view over the same characters.
inline absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

/// `s` as a std::string_view over the same characters.
inline std::string_view Sv(absl::string_view s) { return {s.data(), s.size()}; }

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_DETAIL_ABSL_COMPAT_HPP_
