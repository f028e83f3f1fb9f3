// A row check of the 役割分担確認表 by its JSON names: the API's and the history snapshot's.
#include <nlohmann/json.hpp>

#include "mamori/vendors/role_sharing.hpp"

namespace mamori::vendors {

namespace {

using nlohmann::json;

std::optional<std::string> optional_text(const json& j, const char* name) {
    const auto found = j.find(name);
    if (found == j.end() || !found->is_string()) return std::nullopt;
    return found->get<std::string>();
}

}  // namespace

json check_json(const RowCheck& c) {
    json out;
    out["first_answer"] = c.first_answer ? json(std::string(to_string(*c.first_answer))) : json(nullptr);
    out["first_checked_on"] = c.first_checked_on ? json(*c.first_checked_on) : json(nullptr);
    out["completed_on"] = c.completed_on ? json(*c.completed_on) : json(nullptr);
    out["note"] = c.note;
    return out;
}

RowCheck check_from_json(const json& j) {
    RowCheck c;
    if (!j.is_object()) return c;
    if (auto answer = optional_text(j, "first_answer")) c.first_answer = parse_first_answer(*answer);
    c.first_checked_on = optional_text(j, "first_checked_on");
    c.completed_on = optional_text(j, "completed_on");
    c.note = optional_text(j, "note").value_or("");
    return c;
}

}  // namespace mamori::vendors
