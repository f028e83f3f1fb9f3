#include "demo_role_sharing.hpp"

#include <chrono>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/role_sharing.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;

const audit::Context kDemoContext{"local", "demo"};

std::string day(int plus_days) {
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + days(plus_days)));
}

std::optional<identity::Caller> caller_of(store::Database& db, const std::string& login) {
    auto lease = db.acquire();
    auto user = records::find_user_by_login(*lease, login);
    if (!user) return std::nullopt;
    return records::caller_for(*lease, *user);
}

}  // namespace

Status create_role_sharing_demo(store::Database& db) {
    const auto hospital = caller_of(db, "hospital@demo.example");
    const auto vendor = caller_of(db, "vendor@demo.example");
    if (!hospital || !vendor) return {};
    std::optional<std::int64_t> ehr;
    {
        auto lease = db.acquire();
        const long long org = hospital->organisation.id;
        for (const auto& row : store::query(*lease,
                                            "SELECT id FROM systems WHERE organisation_id = :o AND kind = 'ehr' AND "
                                            "vendor_organisation_id IS NOT NULL ORDER BY id",
                                            org)) {
            ehr = store::int64_at(row, 0);
            break;
        }
    }
    if (!ehr) return {};
    RoleSharing roles(db);
    auto sheet = roles.table(*hospital, *ehr);
    if (!sheet) return fail(sheet.error());
    if (sheet->progress.answered > 0) return {};
    using vendors::FirstAnswer;
    auto first = roles.update_row(*hospital, *ehr, "p1-1-1-vendor-security", 0,
                                  {FirstAnswer::yes, day(-60), std::nullopt,
                                   "サービス仕様適合開示書と MDS/SDS を受領し確認した。"},
                                  kDemoContext);
    if (!first) return fail(first.error());
    const vendors::RowCheck open{FirstAnswer::no, day(-60), std::nullopt,
                                 "準拠状況の説明資料を事業者に依頼した。"};
    auto second = roles.update_row(*hospital, *ehr, "p2-a-1-provider-guideline", 0, open, kDemoContext);
    if (!second) return fail(second.error());
    auto resolved = open;
    resolved.completed_on = day(-20);
    resolved.note = "準拠状況の説明資料を提出済み（事業者）。";
    auto third = roles.update_row(*vendor, *ehr, "p2-a-1-provider-guideline", 1, resolved, kDemoContext);
    if (!third) return fail(third.error());
    return {};
}

}  // namespace mamori::services
