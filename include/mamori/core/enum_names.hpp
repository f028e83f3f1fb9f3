/// @file
/// @brief An enumeration's names as a table: the name of a value, and the value of a name.
///
///     constexpr std::array<std::pair<Colour, std::string_view>, 2> kColours = {{{Colour::red, "red"}, …}};
///     to_string(c) { return name_of(kColours, c); }   parse_colour(t) { return parse_name(kColours, t); }
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace mamori {

// name_of: the name of `value`; every enumerator must be in the table (the first name otherwise).
template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return names.front().second;
}

// parse_name: the value named `text`, or nullopt.
template <typename E, std::size_t N>
std::optional<E> parse_name(const std::array<std::pair<E, std::string_view>, N>& names, std::string_view text) {
    for (const auto& [v, name] : names)
        if (name == text) return v;
    return std::nullopt;
}

}  // namespace mamori
