// Two-way tables between enumerators and their canonical names: every
// enumeration of carelearn has one such table, in its layer's names.cpp (or
// beside facts that go with each enumerator), and its Name/Parse pair reads
// that table; a name function gives "" for a value outside the enumeration.
#ifndef CARELEARN_SRC_DETAIL_NAMES_HPP_
#define CARELEARN_SRC_DETAIL_NAMES_HPP_

#include <array>
#include <cstddef>
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

/// A table of `N` enumerators of `E` and their names.
template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

/// The name of `value` in `table`, or "" when the table lacks it.
template <typename E, std::size_t N>
std::string_view NameOf(const NameTable<E, N>& table, E value) {
  return NameOf(std::span<const std::pair<E, std::string_view>>(table), value);
}

/// The enumerator named `name` in `table`, or std::nullopt.
template <typename E, std::size_t N>
std::optional<E> ValueOf(const NameTable<E, N>& table, std::string_view name) {
  return ValueOf(std::span<const std::pair<E, std::string_view>>(table), name);
}

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_DETAIL_NAMES_HPP_
