#include "schema.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text.hpp"

namespace mamori::catalog {

namespace {

constexpr int kFirstFiscalYear = 2000;
constexpr int kLastFiscalYear = 2100;

bool is_nonempty_string(const Json& v) {
    return v.is_string() && !v.get_ref<const std::string&>().empty();
}

std::string vocabulary_list(std::span<const std::string_view> one_of) {
    std::string list;
    for (auto word : one_of) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", word);
    return list;
}

}  // namespace

std::string quoted(const Json& value) {
    std::string s = value.dump();
    if (s.size() > 60) s = s.substr(0, 57) + "…";
    return s;
}

void check_value(const Json& value, const Location& where, Type type,
                 std::span<const std::string_view> one_of, Diagnostics& out) {
    const auto error = [&](std::string message) {
        out.add(where.file, where.path, fmt::format("{} (got {})", message, quoted(value)));
    };
    const bool null_ok = type == Type::str_or_null || type == Type::ja_or_null || type == Type::url_or_null ||
                         type == Type::conf_or_null || type == Type::fy_or_null ||
                         type == Type::object_or_null;
    if (null_ok && value.is_null()) return;
    switch (type) {
        case Type::str:
        case Type::str_or_null:
            if (!is_nonempty_string(value))
                return error(null_ok ? "must be a non-empty string or null" : "must be a non-empty string");
            break;
        case Type::ja:
        case Type::ja_or_null:
            if (!value.is_string() || !contains_japanese(value.get_ref<const std::string&>()))
                return error("must be Japanese text (at least one hiragana, katakana or kanji)");
            break;
        case Type::url:
        case Type::url_or_null:
            if (!value.is_string() || !is_url(value.get_ref<const std::string&>()))
                return error(null_ok ? "must be an http(s):// URL or null" : "must be an http(s):// URL");
            break;
        case Type::conf:
        case Type::conf_or_null:
            if (!value.is_string() || !parse_confidence(value.get_ref<const std::string&>()))
                return error(null_ok ? R"(confidence must be "V", "S", "I" or null)"
                                     : R"(confidence must be exactly "V", "S" or "I")");
            return;
        case Type::fy:
        case Type::fy_or_null:
            if (!value.is_number_integer() || value.get<long long>() < kFirstFiscalYear ||
                value.get<long long>() > kLastFiscalYear)
                return error(null_ok ? "must be a fiscal year (an integer such as 2025) or null"
                                     : "must be a fiscal year (an integer such as 2025)");
            return;
        case Type::integer:
            if (!value.is_number_integer() || value.get<long long>() < 0)
                return error("must be a non-negative integer");
            return;
        case Type::boolean:
            if (!value.is_boolean()) return error("must be true or false");
            return;
        case Type::array:
            if (!value.is_array()) return error("must be an array");
            return;
        case Type::object:
        case Type::object_or_null:
            if (!value.is_object()) return error(null_ok ? "must be an object or null" : "must be an object");
            return;
        case Type::strings:
        case Type::urls:
            if (!value.is_array()) return error("must be an array");
            for (std::size_t i = 0; i < value.size(); ++i)
                check_value(value[i], where.at(i), type == Type::urls ? Type::url : Type::str, one_of, out);
            return;
        case Type::any: return;
    }
    if (!one_of.empty() &&
        std::find(one_of.begin(), one_of.end(), value.get_ref<const std::string&>()) == one_of.end())
        error(fmt::format("must be one of {}", vocabulary_list(one_of)));
}

bool check_fields(const Json& value, const Location& where, std::span<const Field> spec, Diagnostics& out) {
    if (!value.is_object()) {
        out.add(where.file, where.path, fmt::format("must be an object (got {})", quoted(value)));
        return false;
    }
    for (const auto& field : spec) {
        const auto found = value.find(std::string(field.name));
        if (found == value.end()) {
            if (field.optional) continue;
            out.add(where.file, join_path(where.path, field.name), "required field is missing");
            continue;
        }
        check_value(*found, where.at(field.name), field.type, field.one_of, out);
    }
    for (const auto& [key, v] : value.items()) {
        const bool known =
            std::any_of(spec.begin(), spec.end(), [&, &k = key](const Field& f) { return f.name == k; });
        if (!known)
            out.add(where.file, join_path(where.path, key),
                    "unknown field (not part of catalog format version 1; check the spelling)");
    }
    return true;
}

void for_each_element(const Json& object, const Location& where, std::string_view key,
                      const std::function<void(const Json&, const Location&)>& f) {
    const Json& list = member(object, key);
    if (!list.is_array()) return;
    const Location base = where.at(key);
    for (std::size_t i = 0; i < list.size(); ++i) f(list[i], base.at(i));
}

std::string text(const Json& object, std::string_view key) {
    const Json& v = member(object, key);
    return v.is_string() ? v.get<std::string>() : std::string{};
}

std::optional<std::string> optional_text(const Json& object, std::string_view key) {
    const Json& v = member(object, key);
    return v.is_string() ? std::optional<std::string>(v.get<std::string>()) : std::nullopt;
}

std::optional<int> integer(const Json& object, std::string_view key) {
    const Json& v = member(object, key);
    return v.is_number_integer() ? std::optional<int>(v.get<int>()) : std::nullopt;
}

bool flag(const Json& object, std::string_view key) {
    const Json& v = member(object, key);
    return v.is_boolean() && v.get<bool>();
}

std::vector<std::string> texts(const Json& object, std::string_view key) {
    std::vector<std::string> out;
    const Json& v = member(object, key);
    if (!v.is_array()) return out;
    for (const auto& e : v)
        if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

const Json& member(const Json& object, std::string_view key) {
    static const Json null_value;
    if (!object.is_object()) return null_value;
    const auto found = object.find(std::string(key));
    return found == object.end() ? null_value : *found;
}

Confidence confidence(const Json& object, std::string_view key) {
    const Json& v = member(object, key);
    if (!v.is_string()) return Confidence::inferred;
    return parse_confidence(v.get_ref<const std::string&>()).value_or(Confidence::inferred);
}

}  // namespace mamori::catalog
