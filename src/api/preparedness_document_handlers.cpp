// /api/v1/preparedness/bcp (the BCP 確認表 with the institution's answers) and
// /api/v1/preparedness/documents/… (contact chart PDF and CSV, backups and restore tests PDF, the BCP draft
// as PDF and .docx).

#include <memory>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/http/problem.hpp"
#include "mamori/preparedness/bcp.hpp"
#include "mamori/services/preparedness.hpp"
#include "mamori/services/preparedness_papers.hpp"
#include "preparedness_handlers.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::BcpAnswer;
using services::PreparednessService;

json answer_json(const BcpAnswer& a) {
    json history = json::array();
    for (const auto& v : a.history)
        history.push_back(
            {{"version", v.version}, {"action", v.action}, {"by", v.by}, {"at", v.at}, {"answer", v.body}});
    return {{"row", a.row_code},          {"answer", a.body},           {"version", a.version},
            {"updated_at", a.updated_at}, {"updated_by", a.updated_by}, {"history", history}};
}

json row_json(const preparedness::BcpRow& row) {
    return {{"code", row.code},
            {"heading_ja", row.heading_ja},
            {"summary_en", row.summary_en},
            {"source", row.source},
            {"confidence", row.confidence}};
}

}  // namespace

void register_preparedness_document_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<PreparednessService>(db);

    routes.authenticated(Method::get, "/api/v1/preparedness/bcp",
                         [service](Request& request, const Caller& caller) {
                             auto sheet = service->bcp(caller);
                             if (!sheet) return problem(sheet.error(), request);
                             const auto& checklist = preparedness::builtin_bcp_checklist();
                             json phases = json::array();
                             BcpAnswer unanswered;
                             unanswered.body = nullptr;
                             for (const auto& phase : checklist.phases) {
                                 json rows = json::array();
                                 for (const auto& row : phase.rows) {
                                     json r = row_json(row);
                                     const auto found = sheet->answers.find(row.code);
                                     const auto& a = found == sheet->answers.end() ? unanswered : found->second;
                                     r["answer"] = a.body;
                                     r["version"] = a.version;
                                     r["updated_at"] = a.updated_at;
                                     r["updated_by"] = a.updated_by;
                                     rows.push_back(std::move(r));
                                 }
                                 phases.push_back({{"code", phase.code},
                                                   {"label_ja", phase.label_ja},
                                                   {"label_en", phase.label_en},
                                                   {"source", phase.source},
                                                   {"confidence", phase.confidence},
                                                   {"note_ja", phase.note_ja},
                                                   {"rows", rows}});
                             }
                             return Response::json(200, {{"title_ja", checklist.title_ja},
                                                         {"issued_on", checklist.issued_on},
                                                         {"source", checklist.source},
                                                         {"phases", phases},
                                                         {"can_write", sheet->can_write}});
                         });
    routes.authenticated(
        Method::put, "/api/v1/preparedness/bcp/{row}",
        [service](Request& request, const Caller& caller) {
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = version_field(*body, 0);
            if (!version) return problem(version.error(), request);
            json fields = *body;
            fields.erase("version");
            auto answered = service->answer_bcp(caller, std::string(request.param("row")), *version, fields,
                                                audit_context(request));
            if (!answered) return problem(answered.error(), request);
            return Response::json(200, answer_json(*answered));
        },
        http::RouteOptions{.max_body_bytes = std::size_t{16} * 1024});

    for (const auto& [path, paper] : {std::pair{"contact-chart.pdf", services::Paper::contact_chart_pdf},
                                      {"contact-chart.csv", services::Paper::contact_chart_csv},
                                      {"backups.pdf", services::Paper::backups_pdf},
                                      {"bcp.pdf", services::Paper::bcp_pdf},
                                      {"bcp.docx", services::Paper::bcp_docx}})
        routes.authenticated(Method::get, std::string("/api/v1/preparedness/documents/") + path,
                             [service, paper](Request& request, const Caller& caller) {
                                 auto records = service->document_records(caller, audit_context(request));
                                 if (!records) return problem(records.error(), request);
                                 auto rendered = services::render_paper(paper, *records);
                                 if (!rendered) return problem(rendered.error(), request);
                                 return Response::download(std::move(rendered->bytes), rendered->media_type,
                                                           rendered->file_name);
                             });
}

}  // namespace mamori::api
