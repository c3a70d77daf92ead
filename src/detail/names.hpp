// Two-way tables between enumerators and their canonical names.
#ifndef CARELEARN_SRC_DETAIL_NAMES_HPP_
#define CARELEARN_SRC_DETAIL_NAMES_HPP_

#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace carelearn::detail {

/// The name of `value` in `table`, or "" when the table lacks it.
template <typename E>
std::string_view NameOf(std::span<const std::pair<E, std::string_view>> table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return {};
}

/// The enumerator named `name` in `table`, or std::nullopt.
template <typename E>
std::optional<E> ValueOf(std::span<const std::pair<E, std::string_view>> table,
                         std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_DETAIL_NAMES_HPP_
