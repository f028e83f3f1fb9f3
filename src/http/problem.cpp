#include "mamori/http/problem.hpp"

#include <fmt/format.h>

#include "mamori/core/json_limits.hpp"

namespace mamori::http {

namespace {

std::string_view status_title(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 413: return "Content Too Large";
        case 415: return "Unsupported Media Type";
        case 421: return "Misdirected Request";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}

std::string_view code_for_status(int status) {
    switch (status) {
        case 400:
        case 405:
        case 415:
        case 421: return to_string(ErrorCode::invalid_input);
        case 401: return to_string(ErrorCode::unauthenticated);
        case 403: return to_string(ErrorCode::forbidden);
        case 404: return to_string(ErrorCode::not_found);
        case 409: return to_string(ErrorCode::conflict);
        case 413:
        case 431: return to_string(ErrorCode::too_large);
        case 429: return to_string(ErrorCode::rate_limited);
        case 408:
        case 503: return to_string(ErrorCode::unavailable);
        default: return to_string(ErrorCode::internal);
    }
}

Response make_problem(int status, std::string_view code, std::string_view detail, std::string_view request_id,
                      const std::vector<FieldError>& fields) {
    nlohmann::json body = {
        {"type", fmt::format("urn:mamori:problem:{}", code)},
        {"title", status_title(status)},
        {"status", status},
        {"detail", detail},
        {"code", code},
        {"request_id", request_id},
    };
    if (!fields.empty()) {
        auto& errors = body["errors"] = nlohmann::json::array();
        for (const auto& f : fields) {
            nlohmann::json entry = {{"field", f.field}, {"message", f.message}};
            if (!f.reason.empty()) entry["reason"] = f.reason;
            if (!f.value.empty()) entry["value"] = f.value;
            errors.push_back(std::move(entry));
        }
    }
    Response r = Response::json(status, body);
    r.set_header("Content-Type", "application/problem+json; charset=utf-8");
    return r;
}

}  // namespace

int status_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_input: return 400;
        case ErrorCode::unauthenticated: return 401;
        case ErrorCode::forbidden: return 403;
        case ErrorCode::not_found: return 404;
        case ErrorCode::conflict: return 409;
        case ErrorCode::too_large: return 413;
        case ErrorCode::rate_limited: return 429;
        case ErrorCode::unavailable: return 503;
        case ErrorCode::internal: return 500;
    }
    return 500;
}

Response problem_response(const Error& error, std::string_view request_id) {
    return make_problem(status_for(error.code), to_string(error.code), error.message, request_id,
                        error.fields);
}

Response problem_response(int status, std::string_view detail, std::string_view request_id) {
    return make_problem(status, code_for_status(status), detail, request_id, {});
}

Result<nlohmann::json> parse_json_body(const Request& request) {
    const auto type = request.header("Content-Type");
    const std::string_view media = type ? type->substr(0, type->find(';')) : std::string_view{};
    if (!iequals(media, "application/json"))
        return fail(ErrorCode::invalid_input,
                    "the request body must be JSON (Content-Type: application/json)", "Content-Type");
    return parse_limited_json(request.body, kMaxRequestNesting);
}

}  // namespace mamori::http
