#include "demo_feeds.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "exposure_matching_rules.hpp"
#include "identity_records.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/exposure/configuration.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/services/exposure_matching.hpp"
#include "mamori/services/findings.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using nlohmann::json;

constexpr std::string_view kDemoFeedsFile = "demo-feeds/demo-feeds.json";
const audit::Context kDemoContext{"local", "demo"};

std::string text_of(const json& j, const char* name) {
    const auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<json> demo_feeds() {
    for (const auto& f : embedded::reference_files())
        if (f.path == kDemoFeedsFile) {
            auto parsed = json::parse(f.data, nullptr, false);
            if (parsed.is_discarded() || !parsed.contains("_demo"))
                return fail(ErrorCode::internal, "reference/demo-feeds/demo-feeds.json is broken");
            return parsed;
        }
    return fail(ErrorCode::internal, "reference/demo-feeds/demo-feeds.json is not embedded");
}

void insert_feeds(soci::session& sql, const json& feeds, const std::string& now) {
    for (const auto& c : feeds.at("cves")) {
        const std::string id = text_of(c, "cve_id");
        const json& cvss = c.at("cvss");
        const std::string configurations = c.at("configurations").dump();
        store::execute(sql,
                       "INSERT INTO cves (cve_id, status, published, last_modified, description, cvss_version, "
                       "cvss_score, cvss_severity, cvss_vector, configurations, content_hash, imported_at) VALUES "
                       "(:id, 'Analyzed', :p, :m, :d, :v, :s, :sev, :vec, :conf, :h, :at)",
                       id, text_of(c, "published"), text_of(c, "last_modified"), text_of(c, "description"),
                       text_of(cvss, "version"), fmt::format("{}", cvss.at("score").get<double>()),
                       text_of(cvss, "severity"), text_of(cvss, "vector"), configurations,
                       identity::sha256_hex(c.dump()), now);
        auto parsed = exposure::parse_configurations(c.at("configurations"));
        if (!parsed) throw std::logic_error(fmt::format("demo feed {}: {}", id, parsed.error().message));
        for (const auto& key : exposure::products_named(*parsed))
            store::execute(sql, "INSERT INTO cve_products (cve_id, part, vendor, product) VALUES (:c, :p, :v, :r)",
                           id, std::string(1, key.part), key.vendor, key.product);
    }
    for (const auto& k : feeds.at("kev"))
        store::execute(sql,
                       "INSERT INTO kev_entries (cve_id, vendor_project, product, vulnerability_name, date_added, "
                       "due_date, ransomware_use, required_action, content_hash, imported_at) VALUES (:c, :v, :p, "
                       ":n, :a, :d, :r, :q, :h, :at)",
                       text_of(k, "cveID"), text_of(k, "vendorProject"), text_of(k, "product"),
                       text_of(k, "vulnerabilityName"), text_of(k, "dateAdded"), text_of(k, "dueDate"),
                       text_of(k, "knownRansomwareCampaignUse"), text_of(k, "requiredAction"),
                       identity::sha256_hex(k.dump()), now);
    for (const auto& j : feeds.at("jvn")) {
        store::execute(sql,
                       "INSERT INTO jvn_entries (jvndb_id, title, summary, link, published, last_modified, "
                       "content_hash, imported_at) VALUES (:j, :t, :s, :l, :p, :m, :h, :at)",
                       text_of(j, "jvndb_id"), text_of(j, "title"), text_of(j, "summary"), text_of(j, "link"),
                       text_of(j, "published"), text_of(j, "last_modified"), identity::sha256_hex(j.dump()), now);
        for (const auto& cve : j.at("cves"))
            store::execute(sql, "INSERT INTO jvn_cves (jvndb_id, cve_id) VALUES (:j, :c)", text_of(j, "jvndb_id"),
                           cve.get<std::string>());
    }
}

struct DemoAsset {
    std::string asset_class, name, location, department, manufacturer, model, os_name, os_version;
    std::string system_kind;  // the institution's system of this kind, if any
    bool internet_facing = false, vendor_managed = false, remote_maintenance = false;
    std::vector<std::string> ips;
    std::vector<std::string> cpes;
};

std::vector<DemoAsset> hospital_assets() {
    return {
        {"network", "VPN装置（FortiGate 60E）", "サーバ室", "情報システム室", "Fortinet", "FortiGate 60E", "FortiOS",
         "6.0.4", "network", true, true, true, {"192.168.10.1"},
         {"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*", "cpe:2.3:h:fortinet:fortigate-60e:-:*:*:*:*:*:*:*"}},
        {"server", "ドメインコントローラ（DC01）", "サーバ室", "情報システム室", "", "", "Windows Server 2012 R2", "",
         "", false, false, false, {"192.168.20.10"},
         {"cpe:2.3:o:microsoft:windows_server_2012:r2:*:*:*:*:*:*:*"}},
        {"terminal", "受付端末（外来受付1）", "1階 外来受付", "医事課", "", "", "Windows 7", "SP1", "", false, false,
         false, {"192.168.30.21"}, {"cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*"}},
        {"server", "保管用ファイルサーバ", "サーバ室", "情報システム室", "", "", "Windows Server 2016", "", "", false,
         false, false, {"192.168.20.30"},
         {"cpe:2.3:o:microsoft:windows_server_2016:-:*:*:*:*:*:*:*",
          "cpe:2.3:a:trendmicro:serverprotect:5.8:*:*:*:*:windows:*:*"}},
    };
}

std::vector<DemoAsset> clinic_assets() {
    return {
        {"network", "VPNルータ（FortiGate 40F）", "受付裏", "", "Fortinet", "FortiGate 40F", "FortiOS", "6.2.3", "",
         true, true, true, {"192.168.1.1"}, {"cpe:2.3:o:fortinet:fortios:6.2.3:*:*:*:*:*:*:*"}},
        {"terminal", "レセコン端末", "受付", "", "", "", "Windows 7", "SP1", "receipt", false, true, true,
         {"192.168.1.20"}, {"cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*"}},
    };
}

std::optional<std::int64_t> organisation(soci::session& sql, const std::string& name) {
    for (const auto& r : store::query(sql, "SELECT id FROM organisations WHERE name = :n", name))
        return store::int64_at(r, 0);
    return std::nullopt;
}

void insert_assets(soci::session& sql, std::int64_t org, const std::vector<DemoAsset>& assets,
                   const std::string& now) {
    for (const auto& a : assets) {
        std::optional<std::int64_t> system;
        if (!a.system_kind.empty())
            for (const auto& r : store::query(
                     sql, "SELECT MIN(id) FROM systems WHERE organisation_id = :o AND kind = :k AND status = 'in_use'",
                     org, a.system_kind))
                system = store::optional_int64_at(r, 0);
        std::int64_t id = 0;
        for (const auto& r : store::query(
                 sql,
                 "INSERT INTO assets (organisation_id, asset_class, name, location, department, manufacturer, model, "
                 "os_name, os_version, system_id, vendor_managed, internet_facing, remote_maintenance, source, "
                 "last_seen_at, created_at, updated_at) VALUES (:o, :c, :n, :l, :d, :m, :mo, :os, :ov, :s, :vm, "
                 ":if, :rm, 'manual', :seen, :ca, :ua) RETURNING id",
                 org, a.asset_class, a.name, a.location, a.department, a.manufacturer, a.model, a.os_name,
                 a.os_version, system, a.vendor_managed, a.internet_facing, a.remote_maintenance, now, now, now))
            id = store::int64_at(r, 0);
        json cpes = json::array();
        for (const auto& cpe : a.cpes) {
            const auto parsed = exposure::parse_cpe(cpe);
            if (!parsed) throw std::logic_error(fmt::format("demo asset CPE {}: {}", cpe, parsed.error().message));
            const auto key = exposure_rules::split_product_key(*exposure_rules::product_key(*parsed));
            store::execute(sql,
                           "INSERT INTO asset_cpes (asset_id, cpe, part, vendor, product, origin) VALUES (:a, :c, "
                           ":p, :v, :r, 'manual')",
                           id, exposure::to_formatted(*parsed), key.part, key.vendor, key.product);
            cpes.push_back({{"cpe", cpe}, {"origin", "manual"}});
        }
        for (const auto& ip : a.ips)
            store::execute(sql, "INSERT INTO asset_addresses (asset_id, kind, value) VALUES (:a, 'ip', :v)", id, ip);
        const json snapshot = {{"asset_class", a.asset_class}, {"name", a.name},       {"location", a.location},
                               {"department", a.department},   {"os_name", a.os_name}, {"os_version", a.os_version},
                               {"internet_facing", a.internet_facing}, {"ip_addresses", a.ips}, {"cpes", cpes}};
        store::execute(sql,
                       "INSERT INTO asset_versions (asset_id, version, action, snapshot, at) VALUES (:a, 1, 'created', "
                       ":s, :at)",
                       id, snapshot.dump(), now);
    }
}

bool empty_ledger(soci::session& sql, std::int64_t org) {
    for (const auto& r : store::query(sql, "SELECT COUNT(*) FROM assets WHERE organisation_id = :o", org))
        return store::int64_at(r, 0) == 0;
    return true;
}

// triage: the finding of `cve` on the asset named `asset` of the persona's institution moved to `state`,
// when it is still open.
Status triage(store::Database& db, const std::string& login, const std::string& asset, const std::string& cve,
              const std::string& state, const std::string& reason) {
    identity::Caller caller;
    std::optional<std::int64_t> id;
    int version = 0;
    {
        auto lease = db.acquire();
        auto user = records::find_user_by_login(*lease, login);
        if (!user) return {};
        caller = records::caller_for(*lease, *user);
        for (const auto& r : store::query(*lease,
                                          "SELECT f.id, f.version FROM findings f JOIN assets a ON a.id = f.asset_id "
                                          "WHERE a.organisation_id = :o AND a.name = :n AND f.cve_id = :c AND "
                                          "f.state = 'open'",
                                          caller.organisation.id, asset, cve)) {
            id = store::int64_at(r, 0);
            version = static_cast<int>(store::int64_at(r, 1));
        }
    }
    if (!id) return {};
    Findings findings(db);
    auto changed = findings.change_state(caller, *id, {state, reason, version}, kDemoContext);
    if (!changed) return fail(changed.error());
    return {};
}

}  // namespace

Status create_feeds_demo(store::Database& db) {
    auto feeds = demo_feeds();
    if (!feeds) return fail(feeds.error());
    auto made = db.transaction([&](soci::session& sql) -> Status {
        const std::string now = records::iso_now();
        bool any_cve = false;
        for (const auto& r : store::query(sql, "SELECT COUNT(*) FROM cves")) any_cve = store::int64_at(r, 0) > 0;
        if (!any_cve) insert_feeds(sql, *feeds, now);
        if (auto hospital = organisation(sql, "デモ総合病院"); hospital && empty_ledger(sql, *hospital))
            insert_assets(sql, *hospital, hospital_assets(), now);
        if (auto clinic = organisation(sql, "さくら内科クリニック"); clinic && empty_ledger(sql, *clinic))
            insert_assets(sql, *clinic, clinic_assets(), now);
        return {};
    });
    if (!made) return made;
    ExposureMatching matching(db);
    if (auto matched = matching.match_all(); !matched) return fail(matched.error());
    if (auto t = triage(db, "hospital@demo.example", "ドメインコントローラ（DC01）", "CVE-2020-1472", "in_progress",
                        "保守業者と更新プログラムの適用日を調整中。次回の定期保守（夜間停止）で適用する予定。");
        !t)
        return t;
    return triage(db, "hospital@demo.example", "保管用ファイルサーバ", "CVE-2021-36745", "risk_accepted",
                  "インターネットから隔離した保管用サーバで、今年度中に更改する。更改までは管理端末以外からの接続を"
                  "UTMで遮断している。");
}

}  // namespace mamori::services
