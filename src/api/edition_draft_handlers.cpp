#include "edition_draft_handlers.hpp"

#include <fmt/format.h>

#include <memory>

#include "mamori/http/problem.hpp"
#include "mamori/services/edition_drafts.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using services::EditionDraft;
using services::EditionDraftService;
using Json = nlohmann::ordered_json;

constexpr std::string_view kPrefix = "/api/v1/catalog/drafts";

Json errors_json(const std::vector<FieldError>& errors) {
    Json out = Json::array();
    for (const auto& e : errors) out.push_back({{"path", e.field}, {"message", e.message}});
    return out;
}

Json draft_json(const EditionDraftService& drafts, const EditionDraft& d, bool with_document) {
    Json document = Json::parse(d.document, nullptr, false);
    Json forms = Json::array();
    if (document.is_object() && document.contains("edition") && document["edition"].is_object() &&
        document["edition"]["forms"].is_array())
        for (const auto& f : document["edition"]["forms"]) {
            if (!f.is_object()) continue;
            forms.push_back(
                {{"id", f.value("id", "")},
                 {"title_ja", f.value("title_ja", "")},
                 {"organisation_kinds",
                  f.contains("organisation_kinds") ? f["organisation_kinds"] : Json::array()},
                 {"items", f.contains("items") && f["items"].is_array() ? f["items"].size() : 0}});
        }
    const auto validation = drafts.validate(d.document);
    Json out{{"id", d.id},
             {"edition_id", d.edition_id},
             {"fiscal_year", d.fiscal_year},
             {"title_ja", document.is_object() && document["edition"].is_object()
                              ? document["edition"].value("title_ja", "")
                              : ""},
             {"based_on", {{"edition", d.based_on_edition}, {"revision", d.based_on_revision}}},
             {"status", d.status},
             {"version", d.version},
             {"published_revision", d.published_revision ? Json(*d.published_revision) : Json(nullptr)},
             {"created_at", d.created_at},
             {"created_by", d.created_by},
             {"updated_at", d.updated_at},
             {"updated_by", d.updated_by},
             {"forms", forms},
             {"validation",
              {{"valid", validation.valid},
               {"errors", errors_json(validation.errors)},
               {"warnings", validation.warnings}}}};
    if (with_document) out["document"] = document;
    return out;
}

Response json_response(int status, const Json& body) {
    Response r;
    r.status = status;
    r.body = body.dump();
    r.headers.emplace_back("Content-Type", "application/json");
    return r;
}

// ordered_member: `name` of the request body, parsed again keeping the order of keys (json_object, which
// checked size and depth, sorts them), so that a saved document keeps the format's field order.
Json ordered_member(const Request& request, const std::string& name) {
    Json body = Json::parse(request.body, nullptr, false);
    return body.is_object() && body.contains(name) ? body[name] : Json();
}

Result<int> version_field(const nlohmann::json& body) {
    auto version = optional_int_field(body, "version", 1, 1'000'000'000);
    if (!version) return fail(version.error());
    if (!*version) return fail(ErrorCode::invalid_input, "'version' is required", "version");
    return static_cast<int>(**version);
}

// unprocessable: 422 with the validator's errors, for a draft that cannot be published or compared.
Response unprocessable(const Error& error, const Request& request) {
    Json body{{"type", "about:blank"},
              {"title", "The draft does not validate"},
              {"status", 422},
              {"code", "invalid_catalog"},
              {"detail", error.message},
              {"errors", errors_json(error.fields)},
              {"request_id", request.request_id}};
    Response r = json_response(422, body);
    r.headers.clear();
    r.headers.emplace_back("Content-Type", "application/problem+json");
    return r;
}

}  // namespace

void register_edition_draft_routes(ApiRoutes& routes, services::CatalogService& catalog,
                                   store::Database& db) {
    auto drafts = std::make_shared<EditionDraftService>(db, catalog);
    const http::RouteOptions large{.blocking = false, .max_body_bytes = services::kMaxDraftBytes + 64 * 1024};
    const std::string prefix(kPrefix);

    routes.authenticated(Method::get, prefix, [drafts](Request& request, const Caller& caller) {
        auto list = drafts->list(caller);
        if (!list) return problem(list.error(), request);
        Json body{{"drafts", Json::array()}, {"editable_editions", Json::array()}, {"may_edit", true}};
        for (const auto& d : list->drafts) body["drafts"].push_back(draft_json(*drafts, d, false));
        for (const auto& e : list->editable_editions)
            body["editable_editions"].push_back({{"id", e.id},
                                                 {"revision", e.revision},
                                                 {"fiscal_year", e.fiscal_year},
                                                 {"title_ja", e.title_ja}});
        return json_response(200, body);
    });

    routes.authenticated(Method::post, prefix, [drafts](Request& request, const Caller& caller) {
        auto body = json_object(request);
        if (!body) return problem(body.error(), request);
        auto from = string_field(*body, "from_edition", 40);
        if (!from) return problem(from.error(), request);
        auto id = string_field(*body, "edition_id", 40);
        if (!id) return problem(id.error(), request);
        auto fy = optional_int_field(*body, "fiscal_year", 2000, 2100);
        if (!fy) return problem(fy.error(), request);
        auto title = optional_string_field(*body, "title_ja", 400);
        if (!title) return problem(title.error(), request);
        auto merge = optional_bool_field(*body, "merge_forms");
        if (!merge) return problem(merge.error(), request);
        if (*from != *id && !*fy)
            return problem(Error{ErrorCode::invalid_input,
                                 "'fiscal_year' is required for a new edition",
                                 {{"fiscal_year", "required"}}},
                           request);
        auto draft = drafts->create(caller,
                                    {*from, *id, fy->value_or(0) > 0 ? static_cast<int>(fy->value_or(0)) : 0,
                                     *title, merge->value_or(false)},
                                    audit_context(request));
        if (!draft) return problem(draft.error(), request);
        return json_response(201, draft_json(*drafts, *draft, true));
    });

    routes.authenticated(
        Method::post, prefix + "/import",
        [drafts](Request& request, const Caller& caller) {
            auto draft = drafts->import_document(caller, request.body, audit_context(request));
            if (!draft) return problem(draft.error(), request);
            return json_response(201, draft_json(*drafts, *draft, true));
        },
        large);

    routes.authenticated(Method::get, prefix + "/{id}",
                         with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
                             auto draft = drafts->get(caller, id);
                             if (!draft) return problem(draft.error(), request);
                             return json_response(200, draft_json(*drafts, *draft, true));
                         }));

    routes.authenticated(Method::put, prefix + "/{id}",
                         with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto version = version_field(*body);
                             if (!version) return problem(version.error(), request);
                             if (!body->contains("document") || !(*body)["document"].is_object())
                                 return problem(Error{ErrorCode::invalid_input,
                                                      "'document' must be an edition bundle object",
                                                      {{"document", "must be an object"}}},
                                                request);
                             auto draft =
                                 drafts->save(caller, id, *version, ordered_member(request, "document"),
                                              audit_context(request));
                             if (!draft) return problem(draft.error(), request);
                             return json_response(200, draft_json(*drafts, *draft, true));
                         }),
                         large);

    routes.authenticated(
        Method::post, prefix + "/{id}/operations",
        with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body);
            if (!version) return problem(version.error(), request);
            if (!body->contains("operation"))
                return problem(
                    Error{ErrorCode::invalid_input, "'operation' is required", {{"operation", "required"}}},
                    request);
            auto draft = drafts->operate(caller, id, *version, ordered_member(request, "operation"),
                                         audit_context(request));
            if (!draft) return problem(draft.error(), request);
            return json_response(200, draft_json(*drafts, *draft, true));
        }));

    routes.authenticated(
        Method::get, prefix + "/{id}/compare",
        with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
            const std::string form = request.query_param("form").value_or("");
            const std::string from_form = request.query_param("from_form").value_or("");
            if (form.empty() || form.size() > 64 || from_form.size() > 64)
                return problem(Error{ErrorCode::invalid_input, "'form' is required", {{"form", "required"}}},
                               request);
            auto view = drafts->compare(caller, id, form, from_form);
            if (!view) {
                if (view.error().code == ErrorCode::invalid_input && !view.error().fields.empty() &&
                    view.error().fields.front().field != "form")
                    return unprocessable(view.error(), request);
                return problem(view.error(), request);
            }
            Response r;
            r.status = 200;
            r.body = std::move(*view);
            r.headers.emplace_back("Content-Type", "application/json");
            return r;
        }));

    routes.authenticated(Method::get, prefix + "/{id}/export",
                         with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
                             auto draft = drafts->get(caller, id);
                             if (!draft) return problem(draft.error(), request);
                             return Response::download(
                                 Json::parse(draft->document).dump(2), "application/json",
                                 fmt::format("{}-draft-{}.json", draft->edition_id, id));
                         }));

    routes.authenticated(Method::post, prefix + "/{id}/publish",
                         with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto version = version_field(*body);
                             if (!version) return problem(version.error(), request);
                             auto published = drafts->publish(caller, id, *version, audit_context(request));
                             if (!published) {
                                 if (published.error().code == ErrorCode::invalid_input)
                                     return unprocessable(published.error(), request);
                                 return problem(published.error(), request);
                             }
                             return json_response(201,
                                                  {{"edition", published->edition},
                                                   {"revision", published->revision},
                                                   {"draft", draft_json(*drafts, published->draft, false)}});
                         }));

    routes.authenticated(Method::del, prefix + "/{id}",
                         with_id([drafts](Request& request, const Caller& caller, std::int64_t id) {
                             auto draft = drafts->discard(caller, id, audit_context(request));
                             if (!draft) return problem(draft.error(), request);
                             return json_response(200, draft_json(*drafts, *draft, false));
                         }));
}

}  // namespace mamori::api
