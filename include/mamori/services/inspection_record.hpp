/// @file
/// @brief The on-site record of an inspection visit (検査記録): started by an inspector of the jurisdiction
/// (the institution's checklist of the visit's fiscal year frozen as the checklist of record), its lines
/// (確認 / 記載不備 / 指摘 with an internal note and the evidence seen) changed against the version the
/// device last saw (applied / unchanged / conflict, never overwritten), completed once (the visit becomes
/// done, the record read-only), exported as a package for a tablet and imported back as a record file. The
/// institution reads its completed record without the inspectors' notes.
///
///     auto view = inspection_record::start(db, catalog, caller, visit_id, context);
///     auto saved = inspection_record::save_line(db, caller, visit_id, edit, "tablet-1", context);
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/inspection/record.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services::inspection_record {

struct RecordLine {
    std::string canonical_id;
    std::string row;
    inspection::Verdict verdict = inspection::Verdict::confirmed;
    std::string finding;
    std::string note;  // internal: never shown to the institution
    std::string evidence_seen;
    int version = 0;
    std::string updated_at;
    std::string device;
};

// RecordView: a record as its reader may see it (`notes_visible` false: every note is empty).
struct RecordView {
    std::int64_t visit_id = 0;
    std::int64_t organisation_id = 0;
    std::string institution_name;
    int fiscal_year = 0;
    std::optional<std::string> planned_on;
    std::string visit_status;
    std::string status;  // in_progress, completed
    std::string summary;
    int version = 1;
    nlohmann::json checklist_of_record;
    std::vector<RecordLine> lines;
    std::vector<inspection::Proposal> proposals;  // 記載不備 candidates from the frozen checklist
    std::map<std::string, int> counts;            // per verdict
    std::string started_at;
    std::optional<std::string> completed_at;
    bool notes_visible = false;
};

// start: inspectors of the jurisdiction, a visit planned or notified, no record yet (conflict otherwise).
Result<RecordView> start(store::Database& db, CatalogService& catalog, const identity::Caller& caller,
                         std::int64_t visit_id, const audit::Context& context);

// get: inspectors: the whole record; the institution: its completed record without notes; not_found for
// anyone else and for a visit without a record.
Result<RecordView> get(store::Database& db, const identity::Caller& caller, std::int64_t visit_id);

// LineSaved: what happened to one change, and the line as now stored (the server's, on a conflict).
struct LineSaved {
    inspection::SyncOutcome outcome = inspection::SyncOutcome::applied;
    RecordLine line;
};

// save_line: one line against its base version; invalid_input naming the field; conflict when the record is
// completed; a line not on the checklist of record (when there is one) is refused.
Result<LineSaved> save_line(store::Database& db, const identity::Caller& caller, std::int64_t visit_id,
                            const inspection::LineEdit& edit, const std::string& device,
                            const audit::Context& context);

// line_history: every version of a line, oldest first (inspectors only).
Result<std::vector<RecordLine>> line_history(store::Database& db, const identity::Caller& caller,
                                             std::int64_t visit_id, const std::string& canonical_id,
                                             const std::string& row);

// complete: the summary (結果) stored, the record completed and read-only, the visit done.
Result<RecordView> complete(store::Database& db, const identity::Caller& caller, std::int64_t visit_id,
                            const std::string& summary, int version, const audit::Context& context);

// package: what a tablet takes away: the visit, the institution, the frozen checklist, the current lines.
Result<nlohmann::json> package(store::Database& db, const identity::Caller& caller, std::int64_t visit_id);

// ImportReport: each line of a record file, applied, unchanged or in conflict (with the server's line).
struct ImportReport {
    std::vector<LineSaved> lines;
    bool completed = false;
};

// import_file: a record file's lines applied one by one (conflicts reported, never overwritten); completes
// the record when the file says so and no line conflicted. invalid_input naming the JSON path.
Result<ImportReport> import_file(store::Database& db, const identity::Caller& caller, std::int64_t visit_id,
                                 std::string_view text, const audit::Context& context);

}  // namespace mamori::services::inspection_record
