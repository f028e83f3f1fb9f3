// A WHERE clause built from the filters a request actually uses: only their conditions and their values, so
// each combination of filters has its own fixed text (PostgreSQL plans it with the indexes that fit instead of
// one generic plan for every combination, SQLite likewise). Values are always bound, never written into the
// text; every placeholder is named apart (SOCI's PostgreSQL backend numbers each occurrence).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori::services {

// kMaxConditionValues: the most values one Conditions binds.
inline constexpr std::size_t kMaxConditionValues = 16;

// Conditions: conditions joined with AND, and their values in the order of their placeholders. Values are
// bound as text: PostgreSQL receives every value as text anyway and types it from the column, and SQLite
// compares a bound text with an INTEGER column as a number (the column's affinity).
struct Conditions {
    std::string text;
    std::vector<std::string> values;

    void add(std::string_view condition, std::initializer_list<std::string> bound = {}) {
        if (!text.empty()) text += " AND ";
        text += condition;
        values.insert(values.end(), bound);
    }
    void add(const Conditions& other) {
        add(other.text);
        values.insert(values.end(), other.values.begin(), other.values.end());
    }
};

// with_values: calls `use(v...)` with the values of `values` as separate arguments (so that store::query binds
// each); throws std::length_error beyond kMaxConditionValues.
template <typename Use>
void with_values(const std::vector<std::string>& values, Use&& use) {
    const auto call = [&]<std::size_t N>(std::integral_constant<std::size_t, N>) {
        [&]<std::size_t... I>(std::index_sequence<I...>) { use(values[I]...); }(std::make_index_sequence<N>{});
    };
    const bool called = [&]<std::size_t... N>(std::index_sequence<N...>) {
        return ((values.size() == N && (call(std::integral_constant<std::size_t, N>{}), true)) || ...);
    }(std::make_index_sequence<kMaxConditionValues + 1>{});
    if (!called) throw std::length_error("too many values for one query");
}

}  // namespace mamori::services
