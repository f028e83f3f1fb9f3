#include "mamori/core/json_fields.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori {

std::string JsonFields::at(std::string_view name) const {
    return path_.empty() ? std::string(name) : fmt::format("{}.{}", path_, name);
}

const nlohmann::json* JsonFields::find(const char* name) const {
    const auto it = object_.find(name);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
}

bool JsonFields::present(const char* name) const {
    return object_.contains(name);
}

void JsonFields::add(std::string_view name, std::string message, std::string_view reason) const {
    problems_.add(at(name), std::move(message), reason);
}

const std::string* JsonFields::string(const char* name) const {
    const json* value = find(name);
    return value && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

std::optional<std::string> JsonFields::maybe_text(const char* name, long max, std::string_view not_text,
                                                  std::string_view wrong_length) const {
    const json* value = find(name);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        add(name, std::string(not_text));
        return std::nullopt;
    }
    const auto& s = value->get_ref<const std::string&>();
    if (auto problem = text_problem(s)) {
        add(name, *problem);
        return std::nullopt;
    }
    const long count = character_count(s);
    if (count < 1 || count > max) {
        add(name, std::string(wrong_length), count < 1 ? reasons::required : reasons::too_long);
        return std::nullopt;
    }
    return s;
}

std::string JsonFields::text(const char* name, long max) const {
    const auto refused = fmt::format("text of 1 to {} characters is required", max);
    if (!find(name)) {
        add(name, refused, reasons::required);
        return {};
    }
    return maybe_text(name, max, refused, refused).value_or("");
}

std::string JsonFields::optional_text(const char* name, long max) const {
    return find(name) ? text(name, max) : "";
}

std::optional<std::string> JsonFields::url(const char* name, std::size_t max_bytes,
                                           std::string_view refused) const {
    if (!find(name)) return std::nullopt;
    const std::string* s = string(name);
    if (!s || !s->starts_with("https://") || s->size() > max_bytes || text_problem(*s) ||
        s->find_first_of(" \t") != std::string::npos) {
        add(name, std::string(refused));
        return std::nullopt;
    }
    return *s;
}

int JsonFields::year(const char* name) const {
    const json* value = find(name);
    if (!value || !value->is_number_integer() || *value < min_year || *value > max_year) {
        add(name, fmt::format("a fiscal year from {} to {}", min_year, max_year));
        return 0;
    }
    return value->get<int>();
}

std::chrono::year_month_day JsonFields::date(const char* name) const {
    const std::string* s = string(name);
    const auto day = s ? parse_iso_date(*s) : std::nullopt;
    if (!day || day->year() < std::chrono::year(min_year) || day->year() > std::chrono::year(max_year)) {
        add(name, fmt::format("a date YYYY-MM-DD from {} to {}", min_year, max_year));
        return {};
    }
    return *day;
}

bool JsonFields::boolean(const char* name) const {
    const json* value = find(name);
    if (!value || !value->is_boolean()) {
        add(name, "true or false");
        return false;
    }
    return value->get<bool>();
}

const nlohmann::json* JsonFields::array(const char* name, std::size_t min, std::size_t max) const {
    const json* value = find(name);
    if (!value || !value->is_array() || value->size() < min || value->size() > max) {
        add(name, fmt::format("a list of {} to {} entries", min, max));
        return nullptr;
    }
    return value;
}

const nlohmann::json* JsonFields::object(const char* name) const {
    const json* value = find(name);
    if (!value || !value->is_object()) {
        add(name, "an object is required");
        return nullptr;
    }
    return value;
}

}  // namespace mamori
