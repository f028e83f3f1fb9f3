/// @file
/// @brief The preparedness documents rendered from an institution's records (the contact chart as PDF and
/// CSV, the backups and restore tests as PDF, the draft BCP as PDF and .docx), and the one that answers a
/// checklist item attached to it as evidence with one click: 3-① (IR-01) the contact chart, 3-② (IR-02) the
/// backups and restore tests, 3-③ (IR-03) the draft BCP, each as PDF.
///
///     auto records = prep.document_records(caller, context);
///     auto paper = render_paper(Paper::contact_chart_pdf, *records);     // bytes, media type, file name
///     auto added = attach_paper(assessments, prep, caller, id, {"IR-01", "main"}, context);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mamori/assessment/carry_forward.hpp"
#include "mamori/core/error.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/preparedness/checklist_context.hpp"
#include "mamori/services/preparedness.hpp"

namespace mamori::services {

enum class Paper { contact_chart_pdf, contact_chart_csv, backups_pdf, bcp_pdf, bcp_docx };

struct RenderedPaper {
    std::string bytes;
    std::string media_type;
    std::string file_name;  // Japanese, as the institution would name it
};

// render_paper: the document now (its date is today's); internal errors only.
Result<RenderedPaper> render_paper(Paper paper, const DocumentRecords& records);

// paper_for_item: the document that answers a checklist item (IR-01, IR-02, IR-03), if it has one.
std::optional<Paper> paper_for_item(std::string_view canonical_id);

// attach_paper: renders the item's document from the caller's records and adds it to the answer's evidence
// (invalid_input naming "item" for an item without one; the assessment's own rules for the rest: its
// institution's editors, an open assessment, the evidence limits).
Result<Evidence> attach_paper(AssessmentService& assessments, PreparednessService& preparedness,
                              const identity::Caller& caller, std::int64_t assessment_id,
                              const assessment::RowKey& key, const audit::Context& context);

}  // namespace mamori::services
