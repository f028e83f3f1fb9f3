#include "assessment_handlers.hpp"

#include <fmt/format.h>

#include "assessment_json.hpp"
#include "json_input.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::AssessmentService;

assessment::RowKey line_key(const Request& r) {
    return {std::string(r.param("item")), std::string(r.param("row"))};
}

constexpr const char* kJson = "application/json; charset=utf-8";

// page_response: the whole checklist page.
Response page_response(int status, const services::AssessmentState& state) {
    return Response::text(status, assessment_page(state), kJson);
}

// conflict_response: a 409 that carries the answer now stored, so the editor can compare and choose.
Response conflict_response(const Error& e, const Request& request, AssessmentService& assessments,
                           const Caller& caller, std::int64_t id) {
    Response r = problem(e, request);
    if (auto current = assessments.current_answer(caller, id, line_key(request))) {
        json body = json::parse(r.body);
        body["current"] = stored_answer_json(*current);
        r.body = body.dump();
    }
    return r;
}

void register_reading(ApiRoutes& routes, AssessmentService& assessments) {
    routes.authenticated(Method::get, "/api/v1/organisations/{id}/assessments",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t org) {
                             auto list = assessments.list(caller, org);
                             if (!list) return problem(list.error(), request);
                             return Response::json(200, assessment_list_json(*list));
                         }));
    routes.authenticated(Method::get, "/api/v1/assessments/{id}",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto state = assessments.get(caller, id);
                             if (!state) return problem(state.error(), request);
                             return page_response(200, *state);
                         }));
    routes.authenticated(Method::get, "/api/v1/assessments/{id}/answers/{item}/{row}/history",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto versions = assessments.history(caller, id, line_key(request));
                             if (!versions) return problem(versions.error(), request);
                             json out = json::array();
                             for (const auto& v : *versions) out.push_back(stored_answer_json(v));
                             return Response::json(200, {{"versions", out}});
                         }));
}

void register_writing(ApiRoutes& routes, AssessmentService& assessments) {
    routes.authenticated(
        Method::post, "/api/v1/organisations/{id}/assessments",
        with_id([&assessments](Request& request, const Caller& caller, std::int64_t org) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto fy = optional_int_field(*body, "fiscal_year", 2000, 2100);
            if (!fy) return problem(fy.error(), request);
            if (!*fy)
                return problem(
                    Error{ErrorCode::invalid_input, "fiscal_year is required", {{"fiscal_year", "missing"}}},
                    request);
            auto carry = optional_bool_field(*body, "carry_forward");
            if (!carry) return problem(carry.error(), request);
            auto state = assessments.create(caller, org, static_cast<int>(**fy), carry->value_or(false),
                                            audit_context(request));
            if (!state) return problem(state.error(), request);
            return page_response(201, *state);
        }));
    routes.authenticated(Method::patch, "/api/v1/assessments/{id}",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto version = optional_int_field(*body, "version", 1, 1'000'000);
                             auto contract = optional_bool_field(*body, "has_vendor_contract");
                             if (!version) return problem(version.error(), request);
                             if (!contract) return problem(contract.error(), request);
                             if (!*version || !*contract)
                                 return problem(Error{ErrorCode::invalid_input,
                                                      "version and has_vendor_contract are required",
                                                      {{"has_vendor_contract", "missing"}}},
                                                request);
                             auto state = assessments.set_vendor_contract(
                                 caller, id, static_cast<int>(**version), **contract, audit_context(request));
                             if (!state) return problem(state.error(), request);
                             return page_response(200, *state);
                         }));
    routes.authenticated(
        Method::put, "/api/v1/assessments/{id}/answers/{item}/{row}",
        with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto input = read_answer_input(*body);
            if (!input) return problem(input.error(), request);
            auto saved =
                assessments.save_answer(caller, id, line_key(request), *input, audit_context(request));
            if (!saved && saved.error().code == ErrorCode::conflict && saved.error().fields.size() == 1 &&
                saved.error().fields.front().field == "version")
                return conflict_response(saved.error(), request, assessments, caller, id);
            if (!saved) return problem(saved.error(), request);
            return Response::text(200, saved_answer_text(saved->state, line_key(request)), kJson);
        }));
    routes.authenticated(
        Method::post, "/api/v1/assessments/{id}/submit",
        with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = optional_int_field(*body, "version", 1, 1'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(
                    Error{ErrorCode::invalid_input, "version is required", {{"version", "missing"}}},
                    request);
            auto state = assessments.submit(caller, id, static_cast<int>(**version), audit_context(request));
            if (!state) return problem(state.error(), request);
            return page_response(200, *state);
        }));
    routes.authenticated(Method::post, "/api/v1/assessments/{id}/reopen",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto reason = string_field(*body, "reason", 2000);
                             if (!reason) return problem(reason.error(), request);
                             auto state = assessments.reopen(caller, id, *reason, audit_context(request));
                             if (!state) return problem(state.error(), request);
                             return page_response(200, *state);
                         }));
}

// register_edition_choice: moving a checklist onto the newer edition offered to it, or declining (ADR 0017).
void register_edition_choice(ApiRoutes& routes, AssessmentService& assessments) {
    routes.authenticated(
        Method::post, "/api/v1/assessments/{id}/edition",
        with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto edition = string_field(*body, "edition", 64);
            if (!edition) return problem(edition.error(), request);
            auto revision = optional_int_field(*body, "revision", 1, 1'000'000);
            if (!revision) return problem(revision.error(), request);
            auto decline = optional_bool_field(*body, "decline");
            if (!decline) return problem(decline.error(), request);
            const std::optional<int> wanted =
                *revision ? std::optional<int>(static_cast<int>(**revision)) : std::nullopt;
            if (decline->value_or(false)) {
                auto state =
                    assessments.decline_edition(caller, id, *edition, wanted, audit_context(request));
                if (!state) return problem(state.error(), request);
                return page_response(200, *state);
            }
            auto version = optional_int_field(*body, "version", 1, 1'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(Error{ErrorCode::invalid_input,
                                     "version (the checklist's version you last saw) is required to move it",
                                     {{"version", "missing"}}},
                               request);
            auto state = assessments.move_to_edition(caller, id, *edition, wanted,
                                                     static_cast<int>(**version), audit_context(request));
            if (!state) return problem(state.error(), request);
            return page_response(200, *state);
        }));
}

void register_evidence(ApiRoutes& routes, AssessmentService& assessments) {
    routes.authenticated(Method::post, "/api/v1/assessments/{id}/answers/{item}/{row}/evidence",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto evidence = assessments.add_file(
                                 caller, id, line_key(request), request.query_param("file_name").value_or(""),
                                 request.body, audit_context(request));
                             if (!evidence) return problem(evidence.error(), request);
                             return Response::json(201, evidence_json(*evidence));
                         }),
                         {.max_body_bytes = services::kMaxEvidenceBytes});
    routes.authenticated(Method::post, "/api/v1/assessments/{id}/answers/{item}/{row}/links",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto body = json_object(request);
                             if (!body) return problem(body.error(), request);
                             auto url = string_field(*body, "url", 2000);
                             if (!url) return problem(url.error(), request);
                             auto title = optional_string_field(*body, "title", 1000);
                             if (!title) return problem(title.error(), request);
                             auto evidence =
                                 assessments.add_link(caller, id, line_key(request), *url,
                                                      title->value_or(""), audit_context(request));
                             if (!evidence) return problem(evidence.error(), request);
                             return Response::json(201, evidence_json(*evidence));
                         }));
    routes.authenticated(Method::get, "/api/v1/evidence/{id}/content",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto file = assessments.evidence_file(caller, id);
                             if (!file) return problem(file.error(), request);
                             return Response::download(std::move(file->content), file->media_type,
                                                       file->file_name);
                         }));
    routes.authenticated(Method::del, "/api/v1/evidence/{id}",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto removed = assessments.remove_evidence(caller, id, audit_context(request));
                             if (!removed) return problem(removed.error(), request);
                             return Response{204, {}, {}};
                         }));
}

}  // namespace

void register_assessment_routes(ApiRoutes& routes, AssessmentService& assessments) {
    register_reading(routes, assessments);
    register_writing(routes, assessments);
    register_edition_choice(routes, assessments);
    register_evidence(routes, assessments);
}

}  // namespace mamori::api
