#include "json_input.hpp"

#include <fmt/format.h>

#include <charconv>

#include "mamori/core/utf8.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

http::Response problem(const Error& error, const http::Request& request) {
    return http::problem_response(error, request.request_id);
}

Result<std::int64_t> id_param(const http::Request& request, std::string_view name) {
    const auto text = request.param(name);
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return fail(ErrorCode::not_found, "no such resource", std::string(name));
    return id;
}

Result<nlohmann::json> json_object(const http::Request& request) {
    auto body = http::parse_json_body(request);
    if (!body) return fail(body.error());
    if (!body->is_object())
        return fail(ErrorCode::invalid_input, "the request body must be a JSON object", "body");
    return std::move(*body);
}

namespace {

const nlohmann::json* find(const nlohmann::json& body, std::string_view name) {
    auto it = body.find(std::string(name));
    return it == body.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

Result<std::string> string_field(const nlohmann::json& body, std::string_view name, std::size_t max_bytes) {
    const auto* value = find(body, name);
    if (value == nullptr)
        return fail(ErrorCode::invalid_input, fmt::format("'{}' is required", name), std::string(name));
    if (!value->is_string())
        return fail(ErrorCode::invalid_input, fmt::format("'{}' must be a string", name), std::string(name));
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > max_bytes)
        return fail(ErrorCode::invalid_input, fmt::format("'{}' is longer than {} bytes", name, max_bytes),
                    std::string(name));
    if (auto problem = text_problem(text))
        return fail(ErrorCode::invalid_input, fmt::format("'{}': {}", name, *problem), std::string(name));
    return text;
}

Result<std::optional<std::string>> optional_string_field(const nlohmann::json& body, std::string_view name,
                                                         std::size_t max_bytes) {
    if (find(body, name) == nullptr) return std::optional<std::string>{};
    auto text = string_field(body, name, max_bytes);
    if (!text) return fail(text.error());
    return std::optional<std::string>(std::move(*text));
}

Result<std::optional<std::int64_t>> optional_int_field(const nlohmann::json& body, std::string_view name,
                                                       std::int64_t min, std::int64_t max) {
    const auto* value = find(body, name);
    if (value == nullptr) return std::optional<std::int64_t>{};
    if (!value->is_number_integer())
        return fail(ErrorCode::invalid_input, fmt::format("'{}' must be an integer", name),
                    std::string(name));
    const auto n = value->get<std::int64_t>();
    if (n < min || n > max)
        return fail(ErrorCode::invalid_input, fmt::format("'{}' must be from {} to {}", name, min, max),
                    std::string(name));
    return std::optional<std::int64_t>(n);
}

Result<std::optional<bool>> optional_bool_field(const nlohmann::json& body, std::string_view name) {
    const auto* value = find(body, name);
    if (value == nullptr) return std::optional<bool>{};
    if (!value->is_boolean())
        return fail(ErrorCode::invalid_input, fmt::format("'{}' must be true or false", name),
                    std::string(name));
    return std::optional<bool>(value->get<bool>());
}

Result<std::optional<std::vector<std::string>>> string_list_field(const nlohmann::json& body,
                                                                  std::string_view name,
                                                                  std::size_t max_items,
                                                                  std::size_t max_bytes, bool required) {
    const auto* value = find(body, name);
    if (value == nullptr) {
        if (required)
            return fail(ErrorCode::invalid_input, fmt::format("'{}' is required", name), std::string(name));
        return std::optional<std::vector<std::string>>{};
    }
    if (!value->is_array() || value->size() > max_items)
        return fail(ErrorCode::invalid_input,
                    fmt::format("'{}' must be a list of at most {} strings", name, max_items),
                    std::string(name));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const auto& item = (*value)[i];
        if (!item.is_string() || item.get_ref<const std::string&>().size() > max_bytes)
            return fail(ErrorCode::invalid_input,
                        fmt::format("'{}[{}]' must be a string of at most {} bytes", name, i, max_bytes),
                        fmt::format("{}[{}]", name, i));
        if (auto problem = text_problem(item.get_ref<const std::string&>()))
            return fail(ErrorCode::invalid_input, fmt::format("'{}[{}]': {}", name, i, *problem),
                        fmt::format("{}[{}]", name, i));
        out.push_back(item.get<std::string>());
    }
    return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::optional<std::int64_t>> integer_query(const http::Request& request, std::string_view name,
                                                  std::int64_t min, std::int64_t max) {
    const auto text = request.query_param(name);
    if (!text || text->empty()) return std::optional<std::int64_t>();
    std::int64_t value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || value < min || value > max)
        return fail(ErrorCode::invalid_input, fmt::format("{}: a whole number from {} to {}", name, min, max),
                    std::string(name));
    return std::optional<std::int64_t>(value);
}

}  // namespace mamori::api
