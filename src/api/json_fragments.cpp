#include "json_fragments.hpp"

#include <set>

namespace mamori::api {

std::string dump_json(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_json(std::string& out, const nlohmann::json& value) {
    out += dump_json(value);
}

std::vector<std::string> json_fragments(const nlohmann::json& object,
                                        std::initializer_list<std::string_view> holes) {
    // nlohmann::json keeps object members in a std::map: sorted by byte-wise key comparison.
    std::set<std::string, std::less<>> keys;
    for (const auto& [key, value] : object.items()) keys.insert(key);
    const std::set<std::string, std::less<>> hole_keys(holes.begin(), holes.end());
    keys.insert(hole_keys.begin(), hole_keys.end());
    std::vector<std::string> out(1, "{");
    bool first = true;
    for (const auto& key : keys) {
        auto& text = out.back();
        if (!first) text += ',';
        first = false;
        append_json(text, key);
        text += ':';
        if (hole_keys.contains(key)) {
            out.emplace_back();
        } else {
            append_json(text, object.at(key));
        }
    }
    out.back() += '}';
    return out;
}

}  // namespace mamori::api
