#include "feed_handlers.hpp"

#include <charconv>

#include "json_input.hpp"
#include "mamori/services/feed_import.hpp"

namespace mamori::api {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;

void register_feed_routes(ApiRoutes& routes, store::Database& db) {
    routes.authenticated(Method::get, "/api/v1/feeds", [&db](Request& request, const Caller& caller) {
        auto status = services::feed_status(db, caller);
        if (!status) return problem(status.error(), request);
        return Response::json(200, *status);
    });
    routes.authenticated(Method::get, "/api/v1/feeds/imports", [&db](Request& request, const Caller& caller) {
        int limit = 50;
        if (const auto text = request.query_param("limit")) {
            const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
            if (ec != std::errc() || end != text->data() + text->size())
                return problem(Error{ErrorCode::invalid_input, "limit must be a whole number", {{"limit", "not a number"}}},
                               request);
        }
        auto history = services::feed_import_history(db, caller, limit);
        if (!history) return problem(history.error(), request);
        return Response::json(200, *history);
    });
    // The body is the file itself (any content type); ?file_name= names it (.json, .csv, .xml, .json.gz).
    routes.authenticated(
        Method::post, "/api/v1/feeds/{feed}/imports",
        [&db](Request& request, const Caller& caller) {
            const auto feed = services::parse_feed(request.param("feed"));
            if (!feed)
                return problem(Error{ErrorCode::not_found, "no such feed (kev, nvd_cve, nvd_cpe, jvn)", {}}, request);
            const std::string name = request.query_param("file_name").value_or("upload");
            auto result = services::upload_feed(db, caller, *feed, name, std::move(request.body), audit_context(request));
            if (!result) return problem(result.error(), request);
            return Response::json(201, services::to_json(*result));
        },
        {.max_body_bytes = services::kMaxFeedUploadBytes});
    routes.authenticated(Method::get, "/api/v1/cves/{id}", [&db](Request& request, const Caller& caller) {
        auto cve = services::cve_detail(db, caller, request.param("id"));
        if (!cve) return problem(cve.error(), request);
        return Response::json(200, *cve);
    });
}

}  // namespace mamori::api
