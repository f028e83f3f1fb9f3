// The preparedness documents rendered, and attached to the checklist as evidence (preparedness_papers.hpp).
#include "mamori/services/preparedness_papers.hpp"

#include <chrono>

#include "mamori/core/time.hpp"
#include "mamori/documents/letter_docx.hpp"
#include "mamori/documents/preparedness_documents.hpp"

namespace mamori::services {

namespace {

using nlohmann::json;

constexpr std::string_view kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

documents::PreparednessPapers papers_of(const DocumentRecords& r) {
    documents::PreparednessPapers p;
    p.organisation_name = r.organisation_name;
    p.generated_at = to_iso_utc(std::chrono::system_clock::now());
    p.chart = r.chart.chart.body;
    const auto bodies = [](const std::vector<PreparednessRecord>& records) {
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

Result<RenderedPaper> pdf(const documents::Letter& letter, std::string file_name) {
    auto bytes = documents::render_letter_pdf(letter);
    if (!bytes) return fail(bytes.error());
    return RenderedPaper{std::move(*bytes), "application/pdf", std::move(file_name)};
}

}  // namespace

Result<RenderedPaper> render_paper(Paper paper, const DocumentRecords& records) {
    const auto papers = papers_of(records);
    const auto& reference = preparedness::builtin_reference();
    switch (paper) {
        case Paper::contact_chart_pdf:
            return pdf(documents::contact_chart_letter(papers, reference), "連絡体制図.pdf");
        case Paper::contact_chart_csv:
            return RenderedPaper{documents::contact_chart_csv(papers, reference), "text/csv; charset=utf-8",
                                 "連絡体制図.csv"};
        case Paper::backups_pdf:
            return pdf(documents::backup_register_letter(papers), "バックアップと復元テストの記録.pdf");
        case Paper::bcp_pdf:
            return pdf(documents::bcp_letter(papers, reference, preparedness::builtin_bcp_checklist()),
                       "BCP（案）.pdf");
        case Paper::bcp_docx:
            return RenderedPaper{documents::render_letter_docx(documents::bcp_letter(
                                     papers, reference, preparedness::builtin_bcp_checklist())),
                                 std::string(kDocxType), "BCP（案）.docx"};
    }
    return fail(ErrorCode::internal, "unknown preparedness document");
}

std::optional<Paper> paper_for_item(std::string_view canonical_id) {
    if (canonical_id == preparedness::kContactChartItem) return Paper::contact_chart_pdf;
    if (canonical_id == preparedness::kBackupItem) return Paper::backups_pdf;
    if (canonical_id == preparedness::kBcpItem) return Paper::bcp_pdf;
    return std::nullopt;
}

Result<Evidence> attach_paper(AssessmentService& assessments, PreparednessService& preparedness,
                              const identity::Caller& caller, std::int64_t assessment_id,
                              const assessment::RowKey& key, const audit::Context& context) {
    const auto paper = paper_for_item(key.canonical_id);
    if (!paper)
        return fail(ErrorCode::invalid_input,
                    "only 3-① (IR-01), 3-② (IR-02) and 3-③ (IR-03) have a preparedness document to attach", "item");
    // The assessment's own rules first, so nobody renders a document they may not attach.
    auto state = assessments.get(caller, assessment_id);
    if (!state) return fail(state.error());
    if (caller.organisation.id != state->record.organisation_id || !state->permissions.edit)
        return fail(ErrorCode::forbidden, "only the institution's editors attach evidence to an open checklist");
    auto records = preparedness.document_records(caller, context);
    if (!records) return fail(records.error());
    auto rendered = render_paper(*paper, *records);
    if (!rendered) return fail(rendered.error());
    return assessments.add_file(caller, assessment_id, key, rendered->file_name, rendered->bytes, context);
}

}  // namespace mamori::services
