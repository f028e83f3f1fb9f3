#include "demo_systems.hpp"

#include <chrono>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/systems_register.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using namespace std::chrono;

const audit::Context kDemoContext{"local", "demo"};

std::string day(int plus_days) {
    return to_iso_date(year_month_day(sys_days(japan_date(system_clock::now())) + days(plus_days)));
}

vendors::SystemRecord system(std::string kind, std::string name, std::string product, std::string version,
                             std::string vendor) {
    vendors::SystemRecord r;
    r.kind = std::move(kind);
    r.name = std::move(name);
    r.product_name = std::move(product);
    r.product_version = std::move(version);
    r.vendor_name = std::move(vendor);
    return r;
}

vendors::SystemRecord remote(vendors::SystemRecord r, std::string method, std::string device,
                             std::string point) {
    r.remote_maintenance = true;
    r.remote_method = std::move(method);
    r.remote_device = std::move(device);
    r.connection_point = std::move(point);
    return r;
}

vendors::SystemRecord contract(vendors::SystemRecord r, std::string start, std::string end, bool maintenance,
                               std::string backup) {
    r.contract_start = std::move(start);
    r.contract_end = std::move(end);
    r.maintenance_contract = maintenance;
    r.backup_responsibility = std::move(backup);
    return r;
}

constexpr const char* kDemoVendor = "デモ医療システム株式会社";  // the demo vendor organisation

std::vector<vendors::SystemRecord> hospital_systems(std::optional<std::int64_t> vendor) {
    auto ehr = contract(remote(system("ehr", "電子カルテ（全病棟・外来）", "デモカルテ Enterprise", "7.2",
                                      kDemoVendor),
                               "vpn", "院内VPN装置（デモVPNゲートウェイ）", "サーバ室のUTM配下の保守用セグメント"),
                        "2022-04-01", "2027-03-31", true, "shared");
    ehr.vendor_organisation_id = vendor;
    ehr.subcontracting = true;
    ehr.note = "夜間の障害対応は再委託先の保守センターが行う。";
    auto receipt = contract(system("receipt", "医事会計システム（レセコン）", "デモ医事 NX", "3.1",
                                   "デモ医事ソリューション株式会社"),
                            "2023-10-01", day(45), true, "vendor");
    receipt.remote_maintenance = true;
    receipt.remote_method = "leased_line";
    receipt.connection_point = "医事課の保守用端末";
    auto eligibility = system("online_eligibility", "オンライン資格確認端末", "資格確認端末（受付）", "",
                              "デモ医事ソリューション株式会社");
    eligibility.backup_responsibility = "institution";
    auto pacs = contract(remote(system("pacs", "医用画像管理システム（PACS）", "デモPACS", "12",
                                       "デモイメージング株式会社"),
                                "internet", "保守用リモート接続機器", "放射線科の画像サーバ"),
                         "2021-04-01", "2026-03-31", true, "vendor");
    pacs.data_location = "on_premises";
    auto network = contract(remote(system("network", "院内ネットワーク（UTM・VPN装置）", "デモUTM 500", "",
                                          "デモネットワークサービス株式会社"),
                                   "vpn", "UTM本体", "インターネット回線の入口（UTM）"),
                            "2024-04-01", "2029-03-31", true, "vendor");
    return {ehr, receipt, eligibility, pacs, network};
}

std::vector<vendors::SystemRecord> clinic_systems(std::optional<std::int64_t> vendor) {
    auto ehr = contract(system("ehr", "クラウド型電子カルテ", "デモクラウドカルテ", "2025年版",
                               "デモクラウドヘルス株式会社"),
                        "2025-01-01", "2029-12-31", true, "vendor");
    ehr.data_location = "cloud";
    auto receipt = system("receipt", "レセコン", "デモレセプト Lite", "4.0", kDemoVendor);
    receipt.vendor_organisation_id = vendor;
    receipt.backup_responsibility = "institution";
    return {ehr, receipt};
}

// demo_vendor: the demo vendor organisation, linked by the operator to the institution of `caller` (once).
std::optional<std::int64_t> demo_vendor(store::Database& db, const identity::Caller& caller) {
    auto lease = db.acquire();
    std::optional<std::int64_t> vendor;
    for (const auto& row : store::query(*lease, "SELECT id FROM organisations WHERE kind = 'vendor' AND name = :n",
                                        std::string(kDemoVendor)))
        vendor = store::int64_at(row, 0);
    if (!vendor) return std::nullopt;
    const long long institution = caller.organisation.id, linked = *vendor;
    store::execute(*lease,
                   "INSERT INTO vendor_links (institution_organisation_id, vendor_organisation_id, via, created_at) "
                   "SELECT :i, :v, 'operator', :at WHERE NOT EXISTS (SELECT 1 FROM vendor_links WHERE "
                   "institution_organisation_id = :i2 AND vendor_organisation_id = :v2)",
                   institution, linked, records::iso_now(), institution, linked);
    return vendor;
}

using SystemsOf = std::vector<vendors::SystemRecord> (*)(std::optional<std::int64_t>);

Status fill(store::Database& db, const std::string& login, SystemsOf systems_of, bool with_change) {
    identity::Caller caller;
    {
        auto lease = db.acquire();
        auto user = records::find_user_by_login(*lease, login);
        if (!user) return {};
        caller = records::caller_for(*lease, *user);
    }
    SystemsRegister register_(db);
    auto existing = register_.list(caller);
    if (!existing) return fail(existing.error());
    if (!existing->in_use.empty() || !existing->retired.empty()) return {};
    const auto systems = systems_of(demo_vendor(db, caller));
    std::optional<RegisteredSystem> first;
    for (const auto& s : systems) {
        auto made = register_.create(caller, s, kDemoContext);
        if (!made) return fail(made.error());
        if (!first) first = *made;
    }
    if (with_change && first) {
        // A version upgrade, so the history shows a change.
        auto upgraded = first->record;
        upgraded.product_version = "7.3";
        auto changed = register_.update(caller, first->id, first->version, upgraded, kDemoContext);
        if (!changed) return fail(changed.error());
    }
    return {};
}

}  // namespace

Status create_systems_demo(store::Database& db) {
    if (auto ok = fill(db, "hospital@demo.example", hospital_systems, true); !ok) return ok;
    return fill(db, "sakura@demo.example", clinic_systems, false);
}

}  // namespace mamori::services
