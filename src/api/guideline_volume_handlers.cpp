// Guideline 第7.0版 per institution: GET and PUT /api/v1/organisations/{id}/guideline-volumes.
#include "assessment_handlers.hpp"
#include "json_input.hpp"
#include "mamori/http/problem.hpp"
#include "mamori/services/guideline_volumes.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;

json guideline_json(const services::InstitutionGuideline& g) {
    json volumes = json::array();
    for (const auto& v : g.volumes) volumes.push_back({{"id", v.id}, {"title_ja", v.title_ja}});
    return {{"vendor_update_responsibility", g.answer ? json(catalog::to_string(*g.answer)) : json(nullptr)},
            {"guideline", {{"id", catalog::kGuideline7}, {"title_ja", g.guideline_title_ja}}},
            {"volumes", volumes},
            {"deemed_compliance", g.applicable.deemed_compliance},
            {"condition",
             {{"text_ja", g.applicable.condition_ja},
              {"source", g.applicable.condition_source},
              {"confidence", catalog::to_string(g.applicable.confidence)}}},
            {"permissions", {{"edit", g.may_edit}}}};
}

}  // namespace

void register_guideline_volume_routes(ApiRoutes& routes, store::Database& db,
                                      services::CatalogService& catalog) {
    routes.authenticated(Method::get, "/api/v1/organisations/{id}/guideline-volumes",
                         with_id([&db, &catalog](Request& request, const Caller& caller, std::int64_t org) {
                             auto g = services::guideline_volumes(db, catalog, caller, org);
                             if (!g) return problem(g.error(), request);
                             return Response::json(200, guideline_json(*g));
                         }));
    routes.authenticated(
        Method::put, "/api/v1/organisations/{id}/guideline-volumes",
        with_id([&db, &catalog](Request& request, const Caller& caller, std::int64_t org) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            if (!body->contains("vendor_update_responsibility"))
                return problem(
                    Error{ErrorCode::invalid_input,
                          "vendor_update_responsibility is required",
                          {{"vendor_update_responsibility", "missing (yes, no, unknown or null)"}}},
                    request);
            auto text = optional_string_field(*body, "vendor_update_responsibility", 16);
            if (!text) return problem(text.error(), request);
            std::optional<catalog::VendorUpdateResponsibility> answer;
            if (*text) {
                answer = catalog::parse_vendor_update_responsibility(**text);
                if (!answer)
                    return problem(
                        Error{ErrorCode::invalid_input,
                              "the answer is not valid",
                              {{"vendor_update_responsibility", "must be yes, no, unknown or null"}}},
                        request);
            }
            auto g = services::set_vendor_update_responsibility(db, catalog, caller, org, answer,
                                                                audit_context(request));
            if (!g) return problem(g.error(), request);
            return Response::json(200, guideline_json(*g));
        }));
}

}  // namespace mamori::api
