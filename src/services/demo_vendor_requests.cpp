#include "demo_vendor_requests.hpp"

#include <chrono>

#include "identity_records.hpp"
#include "mamori/assessment/checklist.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/vendor_requests.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "vendor_request_support.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;

const audit::Context kDemoContext{"local", "demo"};

std::optional<identity::Caller> caller_of(store::Database& db, const std::string& login) {
    auto lease = db.acquire();
    auto user = records::find_user_by_login(*lease, login);
    if (!user) return std::nullopt;
    return records::caller_for(*lease, *user);
}

std::optional<std::int64_t> system_named(store::Database& db, std::int64_t organisation, const std::string& product) {
    auto lease = db.acquire();
    for (const auto& row : store::query(*lease,
                                        "SELECT id FROM systems WHERE organisation_id = :o AND product_name = :p AND "
                                        "vendor_organisation_id IS NOT NULL ORDER BY id",
                                        static_cast<long long>(organisation), product))
        return store::int64_at(row, 0);
    return std::nullopt;
}

std::string day(int plus_days) {
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + days(plus_days)));
}

// all_yes: every row of the vendor form answered はい, confirmed `ago` days ago; the `no_every`-th row いいえ
// with a target date at the end of the fiscal year.
VendorAnswerLines all_yes(const catalog::Form& form, int fy, int ago, std::size_t no_every) {
    VendorAnswerLines out;
    const auto confirmed = year_month_day(sys_days(japan_date(system_clock::now())) - days(ago));
    std::size_t n = 0;
    for (const auto& line : assessment::checklist_rows(form)) {
        if (line.is_gate()) continue;
        assessment::Answer a;
        a.confirmed_on = confirmed;
        if (++n % no_every == 0) {
            a.value = assessment::AnswerValue::no;
            a.target_date = fiscal_year_bounds(fy).second;
            a.note = "次回の定期保守で対応予定です。";
        }
        out.push_back({line.key, a});
    }
    return out;
}

Status check(const auto& result) {
    if (!result) return fail(result.error());
    return {};
}

}  // namespace

Status create_vendor_requests_demo(store::Database& db, CatalogService& catalog) {
    const auto vendor = caller_of(db, "vendor@demo.example");
    const auto hospital = caller_of(db, "hospital@demo.example");
    const auto clinic = caller_of(db, "sakura@demo.example");
    if (!vendor || !hospital || !clinic) return {};
    VendorProducts products(db, catalog);
    auto existing = products.list(*vendor);
    if (!existing) return fail(existing.error());
    if (!existing->products.empty()) return {};
    const auto hospital_ehr = system_named(db, hospital->organisation.id, "デモカルテ Enterprise");
    const auto clinic_receipt = system_named(db, clinic->organisation.id, "デモレセプト Lite");
    if (!hospital_ehr || !clinic_receipt) return {};
    const int fy = fiscal_year(japan_date(system_clock::now()));

    auto ehr = products.create(*vendor, "デモカルテ Enterprise", "電子カルテ（病院向け）", kDemoContext);
    if (!ehr) return fail(ehr.error());
    auto receipt = products.create(*vendor, "デモレセプト Lite", "レセコン（診療所向け）", kDemoContext);
    if (!receipt) return fail(receipt.error());
    auto ehr_set = products.answers(*vendor, ehr->id, fy);
    if (!ehr_set) return fail(ehr_set.error());
    const auto ehr_lines = all_yes(*ehr_set->form, fy, 20, 7);
    auto saved = products.save_answers(*vendor, ehr->id, fy, 0, ehr_lines, kDemoContext);
    if (!saved) return fail(saved.error());
    auto receipt_lines = all_yes(*ehr_set->form, fy, 12, 5);
    if (auto ok = check(products.save_answers(*vendor, receipt->id, fy, 0, receipt_lines, kDemoContext)); !ok)
        return ok;

    VendorRequests requests(db, catalog);
    auto asked = requests.create(*hospital, *hospital_ehr,
                                 {fy, day(30), false, "今年度の事業者確認用チェックリストのご回答をお願いします。"},
                                 kDemoContext);
    if (!asked) return fail(asked.error());
    if (auto ok = check(products.share(*vendor, ehr->id, {fy, {asked->id}, false}, kDemoContext)); !ok) return ok;
    // A correction after the first share: one いいえ becomes はい, so version 2 shows what changed.
    auto corrected = ehr_lines;
    for (auto& [key, answer] : corrected)
        if (answer && answer->value == assessment::AnswerValue::no) {
            answer->value = assessment::AnswerValue::yes;
            answer->target_date.reset();
            answer->note = "保守契約の更新で対応済みです。";
            break;
        }
    if (auto ok = check(products.save_answers(*vendor, ehr->id, fy, saved->version, corrected, kDemoContext)); !ok)
        return ok;
    if (auto ok = check(products.share(*vendor, ehr->id, {fy, {asked->id}, false}, kDemoContext)); !ok) return ok;

    auto clinic_asked = requests.create(*clinic, *clinic_receipt, {fy, day(14), true, "ご回答をお願いいたします。"},
                                        kDemoContext);
    if (!clinic_asked) return fail(clinic_asked.error());
    // さくら's contract has no on-site maintenance: one line answered for さくら alone.
    VendorAnswerLines override_lines;
    if (!receipt_lines.empty()) {
        auto line = receipt_lines.back();
        line.second->value = assessment::AnswerValue::no;
        line.second->target_date = fiscal_year_bounds(fy).second;
        line.second->note = "さくら内科クリニック様の契約ではオンサイト保守がないため、年度内に手順を整備します。";
        override_lines.push_back(line);
    }
    if (auto ok = check(requests.set_overrides(*vendor, clinic_asked->id, clinic_asked->version, override_lines,
                                               kDemoContext));
        !ok)
        return ok;

    // Last fiscal year's request of the hospital, never answered: overdue. Asked then with a due date that has
    // passed now (the service refuses a past due date today, so the date is set as it was).
    auto late = requests.create(*hospital, *hospital_ehr, {fy - 1, day(0), false, ""}, kDemoContext);
    if (!late) return fail(late.error());
    auto lease = db.acquire();
    store::execute(*lease, "UPDATE vendor_requests SET due_on = :d WHERE id = :id", day(-10),
                   static_cast<long long>(late->id));
    return {};
}

}  // namespace mamori::services
