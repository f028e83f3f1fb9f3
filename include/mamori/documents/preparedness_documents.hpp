/// @file
/// @brief The printable preparedness documents (issue 19), built from an institution's records as the API
/// answers them (preparedness::check_record's JSON): the contact chart (連絡体制図) as an A4 letter to pin on
/// the wall (院内 / システム事業者 / 外部機関 in large type, with the review date and reviewer) and as a
/// plain CSV list, and a draft BCP generated from the records (organisation and contacts, systems, backups
/// and restore tests, first response, drills, the 確認表 answers) that says on its first page that it is a
/// draft for the institution to adapt, not MHLW's ひな形. The letters go to render_letter_pdf or
/// render_letter_docx. Codes are printed as their Japanese labels; nothing internal reaches the page.
///
///     auto letter = contact_chart_letter(papers, preparedness::builtin_reference());
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mamori/documents/letter_pdf.hpp"
#include "mamori/preparedness/bcp.hpp"
#include "mamori/preparedness/records.hpp"

namespace mamori::documents {

struct PaperSystem {
    std::int64_t id = 0;
    std::string name;
    std::string product;
    std::string vendor;
};

// PreparednessPapers: the records the documents read. Record bodies carry their "id" (a restore test's
// "backup_id" names one of the backups).
struct PreparednessPapers {
    std::string organisation_name;
    std::string generated_at;  // ISO instant, printed as Japan's date
    nlohmann::json chart;      // {reviewed_on, reviewer}
    std::vector<nlohmann::json> contacts, backups, restore_tests, drills;
    std::vector<PaperSystem> systems;
    std::map<std::string, nlohmann::json> bcp_answers;  // by row code; a row not answered has none
};

Letter contact_chart_letter(const PreparednessPapers& papers, const preparedness::Reference& reference);
// contact_chart_csv: 区分, 役割・機関, 部署・システム, 組織名, 担当者, 電話, メール, 備考 (kCsvBom first).
std::string contact_chart_csv(const PreparednessPapers& papers, const preparedness::Reference& reference);
// backup_register_letter: the backups and their restore tests (the BCP's chapter 3 on its own), evidence for
// the checklist's 3-②.
Letter backup_register_letter(const PreparednessPapers& papers);
Letter bcp_letter(const PreparednessPapers& papers, const preparedness::Reference& reference,
                  const preparedness::BcpChecklist& checklist);

// The first-response items' labels, in the incident checklist's order (mamori's own wording).
std::string first_response_label(std::string_view item);

}  // namespace mamori::documents
