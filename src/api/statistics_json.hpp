// The JSON pieces every statistics answer shares: a published share and a labelled group key.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "mamori/services/statistics.hpp"

namespace mamori::api {

// share_json: {"count", "of", "ratio"} (ratio null when of is 0), or null when suppressed.
nlohmann::json share_json(const std::optional<statistics::Share>& share);

// labelled_json: {"key", "label_ja", "label_en"}; a key without a label is its own label.
nlohmann::json labelled_json(const std::string& key, const services::GroupLabels& labels);

}  // namespace mamori::api
