// VendorRequests::document: the vendor form (事業者確認用) with one shared version of the answers, for the
// documents:: renderers: the vendor is the answering organisation (事業者名) and the institution is printed as
// 提出先.
#include <fmt/format.h>

#include "document_rows.hpp"
#include "mamori/assessment/checklist.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/vendor_requests.hpp"

namespace mamori::services {

Result<documents::AssessmentDocument> VendorRequests::document(const identity::Caller& caller, std::int64_t id,
                                                               int version) {
    const bool for_vendor = caller.organisation.kind == identity::OrgKind::vendor;
    auto detail = get(caller, id, version, for_vendor);
    if (!detail) return fail(detail.error());
    if (!detail->form) return fail(ErrorCode::conflict, "the request's form is not in the catalog", "edition_id");
    const auto& r = detail->request;
    const auto* revisions = detail->catalog->revisions(r.edition_id);
    const auto* edition = revisions ? revisions->find(r.edition_revision) : nullptr;
    documents::AssessmentDocument doc;
    doc.assessment_id = r.id;
    doc.institution_name = r.vendor_name;
    doc.organisation_label_ja = "事業者名";
    doc.submitted_to = r.institution_name;
    doc.fiscal_year = r.fiscal_year;
    doc.fiscal_year_ja = fiscal_year_ja(r.fiscal_year);
    doc.edition_id = r.edition_id;
    doc.edition_revision = r.edition_revision;
    doc.edition_title_ja = edition ? edition->title_ja : "";
    doc.edition_fiscal_year = edition ? edition->fiscal_year : r.fiscal_year;
    doc.form_id = r.form_id;
    doc.form_title_ja = fmt::format("{}（{}）", detail->form->title_ja, r.system_name);
    doc.document_title_ja =
        detail->form->json.value("document_title_ja", "医療機関におけるサイバーセキュリティ対策チェックリスト");
    doc.has_second_confirmation = assessment::has_second_confirmation(*detail->form);
    if (detail->shown_version > 0) {
        doc.status = "submitted";
        for (const auto& v : detail->versions)
            if (v.version == detail->shown_version) {
                doc.submitted_at = v.shared_at;
                doc.submitted_by = v.shared_by_name;
            }
    } else {
        doc.status = "draft";
    }
    doc.generated_at = to_iso_utc(std::chrono::system_clock::now());
    for (const auto& line : assessment::checklist_rows(*detail->form)) {
        if (line.is_gate()) continue;
        documents::DocumentRow row;
        row.canonical_id = line.key.canonical_id;
        row.row_key = line.key.row;
        row.number = line.item->number;
        row.section_ja = line.item->json.value("section_ja", "");
        row.text_ja = line.item->text_ja;
        row.row_label_ja = document_rows::row_label(*line.item, *line.row);
        row.unconfirmed = line.item->confidence == catalog::Confidence::inferred;
        if (const auto it = detail->answers.find(line.key); it != detail->answers.end())
            row.answer = document_rows::document_answer(it->second);
        doc.rows.push_back(std::move(row));
    }
    return doc;
}

}  // namespace mamori::services
