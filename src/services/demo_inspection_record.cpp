// The demo's on-site record: デモ区保健所's visit of デモ総合病院 this fiscal year, its record started (the
// hospital's draft frozen as the checklist of record) with a few lines, one of them a 指摘. The plan's demo
// may already have made the visit; otherwise one is planned here.
#include <fmt/format.h>

#include <chrono>

#include "demo_records.hpp"
#include "identity_records.hpp"
#include "inspection_visit_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/inspection_record.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

const audit::Context demo_context{"local", "demo"};

// visit_to_record: the hospital's visit of `fy` by the health centre that is planned or notified and has no
// record yet; 0 when there is none. `recorded`: some visit of that year already has its record.
std::int64_t visit_to_record(soci::session& sql, std::int64_t hospital, int fy, bool& recorded) {
    const long long org = hospital, year = fy;
    std::int64_t found = 0;
    for (const auto& r :
         store::query(sql,
                      "SELECT v.id, v.status, (SELECT COUNT(*) FROM inspection_records r WHERE "
                      "r.visit_id = v.id) FROM inspection_visits v WHERE v.organisation_id = :o "
                      "AND v.fiscal_year = :fy ORDER BY v.id",
                      org, year)) {
        if (store::int64_at(r, 2) > 0) recorded = true;
        const auto status = r.get<std::string>(1);
        if (!found && store::int64_at(r, 2) == 0 && (status == "planned" || status == "notified"))
            found = store::int64_at(r, 0);
    }
    return found;
}

}  // namespace

Status create_inspection_record_demo(store::Database& db, CatalogService& catalog) {
    const auto today = japan_date(std::chrono::system_clock::now());
    const int fy = fiscal_year(today);
    identity::Caller inspector, hospital;
    std::int64_t visit_id = 0;
    {
        auto lease = db.acquire();
        const auto inspector_user = records::find_user_by_login(*lease, "hokenjo@demo.example");
        const auto hospital_user = records::find_user_by_login(*lease, "hospital@demo.example");
        if (!inspector_user || !hospital_user) return {};
        inspector = records::caller_for(*lease, *inspector_user);
        hospital = records::caller_for(*lease, *hospital_user);
        bool recorded = false;
        visit_id = visit_to_record(*lease, hospital.organisation.id, fy, recorded);
        if (recorded) return {};
    }
    if (visit_id == 0) {
        inspection_visits::VisitRecord visit;
        visit.organisation_id = hospital.organisation.id;
        visit.inspecting_organisation_id = inspector.organisation.id;
        visit.fiscal_year = fy;
        visit.planned_on = to_iso_date(today);
        visit.status = inspection::VisitStatus::notified;
        visit.notified_at = records::iso_now();
        visit.inspectors = {inspector.user_id};
        auto inserted = db.transaction([&](soci::session& sql) -> Result<std::int64_t> {
            return inspection_visits::insert_visit(sql, visit, 0);
        });
        if (!inserted) return fail(inserted.error());
        visit_id = *inserted;
    }
    auto record = inspection_record::start(db, catalog, inspector, visit_id, demo_context);
    if (!record) return fail(record.error());
    const auto& lines = record->checklist_of_record["lines"];
    struct Mark {
        std::size_t line;
        inspection::Verdict verdict;
        const char* finding;
        const char* note;
        const char* evidence_seen;
    };
    const Mark marks[] = {
        {1, inspection::Verdict::confirmed, "", "", "情報セキュリティ規程（第3版）"},
        {2, inspection::Verdict::finding,
         "バックアップの復旧手順が文書化されておらず、復旧訓練の記録もない。",
         "システム管理者に口頭で確認。次回までに手順書の案を見せてもらう。", "バックアップ運用表"},
        {3, inspection::Verdict::confirmed, "", "", "アクセス権限一覧"},
    };
    for (const auto& m : marks) {
        if (m.line >= lines.size()) break;
        inspection::LineEdit edit{lines[m.line]["canonical_id"],
                                  lines[m.line]["row"],
                                  m.verdict,
                                  m.finding,
                                  m.note,
                                  m.evidence_seen,
                                  0};
        auto saved = inspection_record::save_line(db, inspector, visit_id, edit, "demo", demo_context);
        if (!saved) return fail(saved.error());
    }
    if (!record->proposals.empty()) {
        const auto& p = record->proposals.front();
        inspection::LineEdit edit{
            p.canonical_id, p.row, inspection::Verdict::incomplete, "", "確認日の記入漏れ", "", 0};
        auto saved = inspection_record::save_line(db, inspector, visit_id, edit, "demo", demo_context);
        if (!saved && saved.error().code != ErrorCode::invalid_input) return fail(saved.error());
    }
    return {};
}

}  // namespace mamori::services
