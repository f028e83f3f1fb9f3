/// @file
/// @brief An optional value as JSON: the value, or null when there is none (what every API answer writes for a
/// field that may be empty).
///
///     body["reviewed_on"] = or_null(facts.chart_reviewed_on);
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace mamori {

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace mamori
