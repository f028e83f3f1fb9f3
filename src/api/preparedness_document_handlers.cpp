// /api/v1/preparedness/bcp (the BCP 確認表 with the institution's answers) and
// /api/v1/preparedness/documents/… (contact chart PDF and CSV, the BCP draft as PDF and .docx).
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/letter_docx.hpp"
#include "mamori/documents/preparedness_documents.hpp"
#include "mamori/http/problem.hpp"
#include "mamori/preparedness/bcp.hpp"
#include "mamori/services/preparedness.hpp"
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

constexpr std::string_view kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

documents::PreparednessPapers papers_of(const services::DocumentRecords& r) {
    documents::PreparednessPapers p;
    p.organisation_name = r.organisation_name;
    p.generated_at = to_iso_utc(std::chrono::system_clock::now());
    p.chart = r.chart.chart.body;
    const auto bodies = [](const std::vector<services::PreparednessRecord>& records) {
        std::vector<json> out;
        for (const auto& x : records) {
            json b = x.body;
            b["id"] = x.id;
            out.push_back(std::move(b));
        }
        return out;
    };
    p.contacts = bodies(r.chart.contacts);
    p.backups = bodies(r.backups);
    p.restore_tests = bodies(r.restore_tests);
    p.drills = bodies(r.drills);
    for (const auto& [id, s] : r.systems) p.systems.push_back({id, s.name, s.product_name, s.vendor_name});
    for (const auto& [code, a] : r.bcp.answers) p.bcp_answers.emplace(code, a.body);
    return p;
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
            auto version = optional_int_field(*body, "version", 0, 1'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(fail(ErrorCode::invalid_input, "version is required", "version").value(),
                               request);
            json fields = *body;
            fields.erase("version");
            auto answered = service->answer_bcp(caller, std::string(request.param("row")),
                                                static_cast<int>(**version), fields, audit_context(request));
            if (!answered) return problem(answered.error(), request);
            return Response::json(200, answer_json(*answered));
        },
        http::RouteOptions{.max_body_bytes = std::size_t{16} * 1024});

    const auto document = [&routes, service](std::string path, auto make) {
        routes.authenticated(Method::get, "/api/v1/preparedness/documents/" + path,
                             [service, make](Request& request, const Caller& caller) {
                                 auto records = service->document_records(caller, audit_context(request));
                                 if (!records) return problem(records.error(), request);
                                 return make(papers_of(*records), request);
                             });
    };
    document("contact-chart.pdf", [](const documents::PreparednessPapers& p, Request& request) {
        auto pdf = documents::render_letter_pdf(
            documents::contact_chart_letter(p, preparedness::builtin_reference()));
        if (!pdf) return problem(pdf.error(), request);
        return Response::download(std::move(*pdf), "application/pdf", "連絡体制図.pdf");
    });
    document("contact-chart.csv", [](const documents::PreparednessPapers& p, Request&) {
        return Response::download(documents::contact_chart_csv(p, preparedness::builtin_reference()),
                                  "text/csv; charset=utf-8", "連絡体制図.csv");
    });
    document("bcp.pdf", [](const documents::PreparednessPapers& p, Request& request) {
        auto pdf = documents::render_letter_pdf(documents::bcp_letter(p, preparedness::builtin_reference(),
                                                                      preparedness::builtin_bcp_checklist()));
        if (!pdf) return problem(pdf.error(), request);
        return Response::download(std::move(*pdf), "application/pdf", "BCP（案）.pdf");
    });
    document("bcp.docx", [](const documents::PreparednessPapers& p, Request&) {
        return Response::download(
            documents::render_letter_docx(documents::bcp_letter(p, preparedness::builtin_reference(),
                                                                preparedness::builtin_bcp_checklist())),
            std::string(kDocxType), "BCP（案）.docx");
    });
}

}  // namespace mamori::api
