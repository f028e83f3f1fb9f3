#include "catalog_handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "mamori/http/problem.hpp"
#include "mamori/services/catalog_service.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using services::CatalogView;

constexpr int kMaxRevision = 1'000'000;

// query_params: the decoded query parameters; unknown, repeated or malformed ones are refused so that a
// typo (?rev=1) is not silently answered with the current revision.
Result<std::map<std::string, std::string>> query_params(const Request& request,
                                                        std::initializer_list<std::string_view> allowed) {
    std::map<std::string, std::string> params;
    std::string_view rest = request.query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto key = http::percent_decode(pair.substr(0, eq), true);
        auto value = http::percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
        if (!key || !value)
            return fail(ErrorCode::invalid_input, "the query string has a malformed %-escape", "query");
        if (std::find(allowed.begin(), allowed.end(), *key) == allowed.end())
            return fail(ErrorCode::invalid_input,
                        allowed.size() == 0
                            ? fmt::format("unknown query parameter \"{}\": this resource takes none", *key)
                            : fmt::format("unknown query parameter \"{}\" (allowed: {})", *key,
                                          fmt::join(allowed, ", ")),
                        *key);
        if (!params.emplace(*key, *value).second)
            return fail(ErrorCode::invalid_input, fmt::format("query parameter \"{}\" is given twice", *key),
                        *key);
    }
    return params;
}

Result<std::optional<int>> revision_param(const std::map<std::string, std::string>& params) {
    const auto found = params.find("revision");
    if (found == params.end()) return std::optional<int>{};
    const std::string& text = found->second;
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > kMaxRevision)
        return fail(ErrorCode::invalid_input,
                    fmt::format("revision must be a positive whole number (got \"{}\")", text), "revision");
    return std::optional<int>{n};
}

Result<std::string> required(const std::map<std::string, std::string>& params, const std::string& name) {
    const auto found = params.find(name);
    if (found == params.end() || found->second.empty())
        return fail(ErrorCode::invalid_input, fmt::format("query parameter \"{}\" is required", name), name);
    return found->second;
}

// respond: the prebuilt answer, or 304 when the client already has it. The catalog is public and changes
// only with an import, so clients may keep it and revalidate.
Response respond(const Request& request, const CatalogView& view) {
    Response r;
    r.set_header("Cache-Control", "no-cache");
    r.set_header("ETag", view.etag);
    if (request.header("If-None-Match") == std::optional<std::string_view>(view.etag)) {
        r.status = 304;
        return r;
    }
    r.set_header("Content-Type", "application/json; charset=utf-8");
    r.body = view.body;
    return r;
}

Response respond(const Request& request, const Result<const CatalogView*>& view) {
    if (!view) return http::problem_response(view.error(), request.request_id);
    return respond(request, **view);
}

}  // namespace

void register_catalog_routes(ApiRoutes& routes, services::CatalogService& service) {
    routes.open(Method::get, "/api/v1/catalog/editions", [&service](Request& request) {
        if (auto params = query_params(request, {}); !params)
            return http::problem_response(params.error(), request.request_id);
        return respond(request, service.snapshot()->editions());
    });

    routes.open(Method::get, "/api/v1/catalog/editions/{id}", [&service](Request& request) {
        auto params = query_params(request, {"revision"});
        if (!params) return http::problem_response(params.error(), request.request_id);
        auto revision = revision_param(*params);
        if (!revision) return http::problem_response(revision.error(), request.request_id);
        const auto snapshot = service.snapshot();
        return respond(request, snapshot->edition(request.param("id"), *revision));
    });

    routes.open(Method::get, "/api/v1/catalog/editions/{id}/forms/{form}", [&service](Request& request) {
        auto params = query_params(request, {"revision"});
        if (!params) return http::problem_response(params.error(), request.request_id);
        auto revision = revision_param(*params);
        if (!revision) return http::problem_response(revision.error(), request.request_id);
        const auto snapshot = service.snapshot();
        return respond(request, snapshot->form(request.param("id"), request.param("form"), *revision));
    });

    routes.open(Method::get, "/api/v1/catalog/items/{canonical_id}", [&service](Request& request) {
        if (auto params = query_params(request, {}); !params)
            return http::problem_response(params.error(), request.request_id);
        const auto snapshot = service.snapshot();
        return respond(request, snapshot->item(request.param("canonical_id")));
    });

    routes.open(Method::get, "/api/v1/catalog/guideline", [&service](Request& request) {
        if (auto params = query_params(request, {}); !params)
            return http::problem_response(params.error(), request.request_id);
        return respond(request, service.snapshot()->guideline());
    });

    routes.open(Method::get, "/api/v1/catalog/guidelines", [&service](Request& request) {
        if (auto params = query_params(request, {}); !params)
            return http::problem_response(params.error(), request.request_id);
        return respond(request, service.snapshot()->guidelines());
    });

    routes.open(Method::get, "/api/v1/catalog/priorities", [&service](Request& request) {
        if (auto params = query_params(request, {}); !params)
            return http::problem_response(params.error(), request.request_id);
        return respond(request, service.snapshot()->priorities());
    });

    routes.open(Method::get, "/api/v1/catalog/compare", [&service](Request& request) {
        auto params = query_params(request, {"from", "to", "form", "from_form"});
        if (!params) return http::problem_response(params.error(), request.request_id);
        auto from = required(*params, "from");
        auto to = required(*params, "to");
        auto form = required(*params, "form");
        for (const auto* missing : {&from, &to, &form})
            if (!*missing) return http::problem_response(missing->error(), request.request_id);
        // from_form: the earlier edition's form when it differs (R7 pharmacy → a merged form); default
        // `form`.
        const auto from_form = params->find("from_form");
        const auto snapshot = service.snapshot();
        return respond(request, snapshot->compare(*from, *to, *form,
                                                  from_form == params->end() ? *form : from_form->second));
    });
}

}  // namespace mamori::api
