#include "demo_disclosures.hpp"

#include <chrono>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/letter_pdf.hpp"
#include "mamori/services/vendor_disclosures.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/vendors/disclosure.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;

audit::Context demo_context() {
    return {"local", "demo"};
}
constexpr const char* kDemoVendor = "デモ医療システム株式会社";
constexpr const char* kEhrProduct = "デモカルテ Enterprise";
constexpr const char* kReceiptProduct = "デモレセプト Lite";

// product: the vendor's product `name`, made when missing.
std::int64_t product(soci::session& sql, std::int64_t vendor, const std::string& name,
                     const std::string& note) {
    const long long v = vendor;
    store::execute(
        sql,
        "INSERT INTO vendor_products (vendor_organisation_id, name, note, created_at) SELECT :v, :n, "
        ":note, :at WHERE NOT EXISTS (SELECT 1 FROM vendor_products WHERE vendor_organisation_id = :v2 "
        "AND name = :n2)",
        v, name, note, records::iso_now(), v, name);
    for (const auto& row : store::query(
             sql, "SELECT id FROM vendor_products WHERE vendor_organisation_id = :v AND name = :n", v, name))
        return store::int64_at(row, 0);
    return 0;
}

// map_system: the institution's system of product name `name` run by the vendor is `product` (unless set).
void map_system(soci::session& sql, std::int64_t vendor, const std::string& institution,
                const std::string& name, std::int64_t product_id) {
    const long long v = vendor, p = product_id;
    store::execute(sql,
                   "INSERT INTO system_products (system_id, vendor_product_id, set_at) SELECT s.id, :p, :at "
                   "FROM systems s JOIN organisations o ON o.id = s.organisation_id WHERE o.name = :o AND "
                   "s.product_name = :n AND s.vendor_organisation_id = :v AND NOT EXISTS (SELECT 1 FROM "
                   "system_products sp WHERE sp.system_id = s.id)",
                   p, records::iso_now(), institution, name, v);
}

std::string mds_pdf() {
    documents::Letter letter{
        .date = "",
        .addressee = "医療機関各位",
        .sender = kDemoVendor,
        .title = "製造業者による医療情報セキュリティ開示書（MDS） Ver.5.0",
        .blocks = {documents::table({{"製品名", kEhrProduct}, {"開示書の版", "Ver.5.0"}}),
                   documents::paragraph("デモ用の開示書です。実際の製品の開示書ではありません。")},
        .footer = "デモ用の資料"};
    return documents::render_letter_pdf(letter).value_or(std::string());
}

// issued_on: 1 April 2025 while that is current, else half a year ago (so the demo's MDS stays current).
std::string issued_on() {
    const auto today = japan_date(system_clock::now());
    const year_month_day printed{year(2025), April, day(1)};
    if (vendors::is_within_validity(printed, today)) return to_iso_date(printed);
    return to_iso_date(year_month_day(sys_days(today) - days(182)));
}

}  // namespace

Status create_disclosures_demo(store::Database& db) {
    identity::Caller vendor;
    std::int64_t ehr = 0;
    {
        auto lease = db.acquire();
        auto user = records::find_user_by_login(*lease, "vendor@demo.example");
        if (!user) return {};
        vendor = records::caller_for(*lease, *user);
        const long long org = vendor.organisation.id;
        bool demo_vendor = false;
        for (const auto& row : store::query(*lease, "SELECT 1 FROM organisations WHERE id = :o AND name = :n",
                                            org, std::string(kDemoVendor))) {
            (void)row;
            demo_vendor = true;
        }
        if (!demo_vendor) return {};
    }
    auto made = db.transaction([&](soci::session& sql) -> Result<long long> {
        ehr = product(sql, vendor.organisation.id, kEhrProduct, "電子カルテ（病院向け）");
        const auto receipt = product(sql, vendor.organisation.id, kReceiptProduct, "診療所向けレセコン");
        map_system(sql, vendor.organisation.id, "デモ総合病院", kEhrProduct, ehr);
        map_system(sql, vendor.organisation.id, "さくら内科クリニック", kReceiptProduct, receipt);
        const long long p = ehr;
        long long uploads = 0;
        for (const auto& row :
             store::query(sql, "SELECT COUNT(*) FROM vendor_disclosures WHERE vendor_product_id = :p", p))
            uploads = store::int64_at(row, 0);
        return uploads;
    });
    if (!made) return fail(made.error());
    if (*made > 0 || ehr == 0) return {};
    const std::string pdf = mds_pdf();
    if (pdf.empty()) return {};
    VendorDisclosures disclosures(db);
    auto uploaded = disclosures.upload(vendor, ehr,
                                       {.kind = "mds",
                                        .version_label = "Ver.5.0",
                                        .issued_on = issued_on(),
                                        .note = "JAHIS/JIRA 標準様式 Ver.5.0 で作成（デモ）",
                                        .file_name = "MDS_デモカルテEnterprise_Ver5.0.pdf",
                                        .content = pdf},
                                       demo_context());
    if (!uploaded) return fail(uploaded.error());
    return {};
}

}  // namespace mamori::services
