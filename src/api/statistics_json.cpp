#include "statistics_json.hpp"

namespace mamori::api {

using nlohmann::json;

json share_json(const std::optional<statistics::Share>& share) {
    if (!share) return nullptr;
    const auto ratio = share->ratio();
    return {{"count", share->count}, {"of", share->denominator}, {"ratio", ratio ? json(*ratio) : json(nullptr)}};
}

json labelled_json(const std::string& key, const services::GroupLabels& labels) {
    const auto it = labels.find(key);
    return {{"key", key},
            {"label_ja", it != labels.end() ? it->second.ja : key},
            {"label_en", it != labels.end() ? it->second.en : key}};
}

}  // namespace mamori::api
