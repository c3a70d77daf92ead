// carelearn/version.hpp
//
// Defines the library's version, for callers that need to tell it at run time.
//
// Example:
//
//   std::cout << "carelearn " << carelearn::kVersion << "\n";
#ifndef CARELEARN_VERSION_HPP_
#define CARELEARN_VERSION_HPP_

#include <string_view>

/// carelearn: learning formats of Danish municipal health and social care.
namespace carelearn {

inline constexpr int kVersionMajor = 0;  ///< The major version: raised on breaking changes.
inline constexpr int kVersionMinor = 1;  ///< The minor version: raised on additions.
inline constexpr int kVersionPatch = 0;  ///< The patch version: raised on fixes.
inline constexpr std::string_view kVersion = "0.1.0";  ///< The version as "major.minor.patch".

}  // namespace carelearn

#endif  // CARELEARN_VERSION_HPP_
