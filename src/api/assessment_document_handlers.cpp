#include <fmt/format.h>

#include "assessment_handlers.hpp"
#include "assessment_json.hpp"
#include "json_input.hpp"
#include "mamori/documents/csv.hpp"
#include "mamori/documents/json_exchange.hpp"
#include "mamori/documents/pdf.hpp"
#include "mamori/documents/xlsx.hpp"
#include "mamori/http/problem.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kMaxImportBytes = std::size_t{5} * 1024 * 1024;

std::string file_name(const documents::AssessmentDocument& doc, std::string_view extension) {
    return fmt::format("チェックリスト_{}_{}.{}", doc.fiscal_year_ja, doc.institution_name, extension);
}

Result<Response> export_response(const documents::AssessmentDocument& doc, std::string_view format) {
    if (format == "pdf") {
        auto pdf = documents::render_pdf(doc);
        if (!pdf) return fail(pdf.error());
        return Response::download(std::move(*pdf), "application/pdf", file_name(doc, "pdf"));
    }
    if (format == "xlsx") {
        auto xlsx = documents::render_xlsx(doc);
        if (!xlsx) return fail(xlsx.error());
        return Response::download(std::move(*xlsx), std::string(kXlsxType), file_name(doc, "xlsx"));
    }
    if (format == "csv")
        return Response::download(documents::render_csv(doc), "text/csv; charset=utf-8",
                                  file_name(doc, "csv"));
    if (format == "json")
        return Response::download(documents::write_json(doc), "application/json; charset=utf-8",
                                  file_name(doc, "json"));
    return fail(ErrorCode::invalid_input, "format must be pdf, xlsx, csv or json", "format");
}

// read_upload: an exported .json or .xlsx, told apart by content (a zip is a workbook).
Result<documents::AssessmentDocument> read_upload(const Request& request) {
    if (request.body.empty()) return fail(ErrorCode::invalid_input, "the file is empty", "file");
    if (request.body.starts_with("PK")) return documents::read_xlsx(request.body);
    return documents::read_json(request.body);
}

}  // namespace

void register_assessment_document_routes(ApiRoutes& routes, services::AssessmentService& assessments) {
    routes.authenticated(Method::get, "/api/v1/assessments/{id}/export",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             auto doc = assessments.document(caller, id);
                             if (!doc) return problem(doc.error(), request);
                             auto response =
                                 export_response(*doc, request.query_param("format").value_or(""));
                             if (!response) return problem(response.error(), request);
                             return std::move(*response);
                         }),
                         {.blocking = true});
    routes.authenticated(Method::post, "/api/v1/assessments/{id}/import",
                         with_id([&assessments](Request& request, const Caller& caller, std::int64_t id) {
                             if (auto editable = assessments.check_editable(caller, id); !editable)
                                 return problem(editable.error(), request);
                             auto doc = read_upload(request);
                             if (!doc) return problem(doc.error(), request);
                             auto changed =
                                 assessments.import_document(caller, id, *doc, audit_context(request));
                             if (!changed) return problem(changed.error(), request);
                             auto state = assessments.get(caller, id);
                             if (!state) return problem(state.error(), request);
                             return Response::json(
                                 200, {{"imported_rows", *changed}, {"assessment", assessment_json(*state)}});
                         }),
                         {.blocking = true, .max_body_bytes = kMaxImportBytes});
}

}  // namespace mamori::api
