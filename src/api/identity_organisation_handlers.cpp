// HTTP routes for organisations by their codes: the prefecture list, the facility search of first-run setup
// (with the setup code), and the organisation profile that administrators edit.
#include <nlohmann/json.hpp>

#include "identity_handlers.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

constexpr http::RouteOptions kBlocking{.blocking = true};

json profile_json(const services::OrganisationProfile& p) {
    return {{"id", p.id},
            {"kind", p.kind},
            {"name", p.name},
            {"address", p.address},
            {"facility_id", p.facility_id},
            {"prefecture_code", p.prefecture_code},
            {"municipality_code", p.municipality_code}};
}

}  // namespace

void register_organisation_profile_routes(ApiRoutes& routes) {
    auto& identity = routes.identity();

    routes.open(Method::get, "/api/v1/prefectures", [&identity](Request& request) {
        auto list = identity.prefectures();
        if (!list) return problem(list.error(), request);
        json out = json::array();
        for (const auto& p : *list)
            out.push_back({{"code", p.code}, {"name_ja", p.name_ja}, {"name_en", p.name_en}});
        return Response::json(200, {{"prefectures", out}});
    });

    // A POST: the setup code stays out of URLs and logs.
    routes.open(
        Method::post, "/api/v1/setup/facilities",
        [&identity](Request& request) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto code = string_field(*body, "setup_code", 64);
            if (!code) return problem(code.error(), request);
            auto query = string_field(*body, "query", 400);
            if (!query) return problem(query.error(), request);
            auto offset = optional_int_field(*body, "offset", 0, 10000);
            if (!offset) return problem(offset.error(), request);
            auto page = identity.setup_facilities(*code, *query, static_cast<int>(offset->value_or(0)),
                                                  audit_context(request));
            if (!page) return problem(page.error(), request);
            json list = json::array();
            for (const auto& f : page->facilities)
                list.push_back({{"id", f.id},
                                {"kind", f.kind},
                                {"name", f.name},
                                {"facility_id", f.facility_id},
                                {"prefecture_code", f.prefecture_code},
                                {"municipality_code", f.municipality_code},
                                {"address", f.address}});
            return Response::json(200, {{"facilities", list}, {"more", page->more}});
        },
        kBlocking);

    routes.authenticated(Method::get, "/api/v1/organisations/{id}/profile",
                         with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
                             auto profile = identity.organisation_profile(caller, id);
                             if (!profile) return problem(profile.error(), request);
                             return Response::json(200, profile_json(*profile));
                         }));

    routes.authenticated(
        Method::patch, "/api/v1/organisations/{id}/profile",
        with_id([&identity](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            services::OrganisationChange change;
            for (auto [name, target, max] :
                 {std::tuple{"name", &change.name, std::size_t{400}},
                  std::tuple{"address", &change.address, std::size_t{800}},
                  std::tuple{"facility_id", &change.facility_id, std::size_t{32}},
                  std::tuple{"prefecture_code", &change.prefecture_code, std::size_t{8}},
                  std::tuple{"municipality_code", &change.municipality_code, std::size_t{16}}}) {
                auto value = optional_string_field(*body, name, max);
                if (!value) return problem(value.error(), request);
                *target = *value;
            }
            auto profile = identity.change_organisation(caller, id, change, audit_context(request));
            if (!profile) return problem(profile.error(), request);
            return Response::json(200, profile_json(*profile));
        }));
}

}  // namespace mamori::api
