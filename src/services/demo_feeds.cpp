#include "demo_feeds.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "feed_import_writers.hpp"
#include "identity_records.hpp"
#include "ledger.hpp"
#include "mamori/core/embedded.hpp"
#include "mamori/exposure/configuration.hpp"
#include "mamori/feeds/nvd_cpe.hpp"
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
        store::execute(
            sql,
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
            store::execute(sql,
                           "INSERT INTO cve_products (cve_id, part, vendor, product) VALUES (:c, :p, :v, :r)",
                           id, std::string(1, key.part), key.vendor, key.product);
    }
    for (const auto& k : feeds.at("kev"))
        store::execute(
            sql,
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
                       text_of(j, "published"), text_of(j, "last_modified"), identity::sha256_hex(j.dump()),
                       now);
        for (const auto& cve : j.at("cves"))
            store::execute(sql, "INSERT INTO jvn_cves (jvndb_id, cve_id) VALUES (:j, :c)",
                           text_of(j, "jvndb_id"), cve.get<std::string>());
    }
}

// insert_dictionary: the demo's slice of the NVD CPE dictionary (entries quoted from a real NVD CPE API page),
// read as a page by the importer's own parser and written by its writer.
void insert_dictionary(soci::session& sql, const json& feeds) {
    const json& entries = feeds.at("cpe_dictionary");
    json page = {{"format", "NVD_CPE"},
                 {"version", "2.0"},
                 {"resultsPerPage", entries.size()},
                 {"startIndex", 0},
                 {"totalResults", entries.size()},
                 {"products", json::array()}};
    for (const auto& entry : entries) page["products"].push_back({{"cpe", entry}});
    auto parsed = feeds::parse_nvd_cpe_page(page.dump(), kDemoFeedsFile, feeds::FeedLimits{});
    if (!parsed) throw std::logic_error(fmt::format("demo CPE dictionary: {}", parsed.error().message));
    feed_writers::write_cpe_dictionary(sql, parsed->products);
}

// ExtraAsset: a device the vulnerability demo needs beyond the ledger demo's (made through the ledger's
// service, once, when no asset of that name exists): a file server running Trend Micro ServerProtect at
// デモ総合病院 (the non-KEV CVE with its JVN Japanese title).
struct ExtraAsset {
    std::string login;
    ledger::AssetRecord record;
};

std::vector<ExtraAsset> extra_assets() {
    ledger::AssetRecord server;
    server.asset_class = "server";
    server.name = "ファイルサーバ（ServerProtect）";
    server.location = "本館2階 サーバ室 ラックC";
    server.department = "情報システム課";
    server.os_name = "Windows Server 2016";
    server.ip_addresses = {"192.168.10.30"};
    server.cpes = {{"cpe:2.3:o:microsoft:windows_server_2016:-:*:*:*:*:*:*:*", "manual"},
                   {"cpe:2.3:a:trendmicro:serverprotect:5.8:*:*:*:*:windows:*:*", "manual"}};
    server.note = "保管用のファイルサーバ。ウイルス対策は ServerProtect。";
    ledger::AssetRecord printer;
    printer.asset_class = "network";
    printer.name = "複合機（放射線科）";
    printer.location = "本館1階 放射線科";
    printer.department = "放射線科";
    printer.manufacturer = "Canon";
    printer.model = "imageRUNNER C3220";
    printer.ip_addresses = {"192.168.20.41"};
    printer.note = "CPE名は未登録（台帳の「CPE名の候補」から選ぶ）。";
    return {{"hospital@demo.example", server}, {"hospital@demo.example", printer}};
}

Status add_extra_assets(store::Database& db) {
    Ledger ledger(db);
    for (const auto& extra : extra_assets()) {
        identity::Caller caller;
        bool exists = false;
        {
            auto lease = db.acquire();
            auto user = records::find_user_by_login(*lease, extra.login);
            if (!user) continue;
            caller = records::caller_for(*lease, *user);
            for (const auto& r :
                 store::query(*lease, "SELECT 1 FROM assets WHERE organisation_id = :o AND name = :n",
                              caller.organisation.id, extra.record.name)) {
                (void)r;
                exists = true;
            }
        }
        if (exists) continue;
        if (auto made = ledger.create(caller, extra.record, kDemoContext); !made) return fail(made.error());
    }
    return {};
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
        for (const auto& r :
             store::query(*lease,
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
        bool any_cve = false;
        for (const auto& r : store::query(sql, "SELECT COUNT(*) FROM cves"))
            any_cve = store::int64_at(r, 0) > 0;
        if (!any_cve) insert_feeds(sql, *feeds, records::iso_now());
        bool any_dictionary_entry = false;
        for (const auto& r : store::query(sql, "SELECT COUNT(*) FROM (SELECT 1 FROM cpe_dictionary LIMIT 1) d"))
            any_dictionary_entry = store::int64_at(r, 0) > 0;
        if (!any_dictionary_entry) insert_dictionary(sql, *feeds);
        return {};
    });
    if (!made) return made;
    if (auto extra = add_extra_assets(db); !extra) return extra;
    ExposureMatching matching(db);
    if (auto matched = matching.match_all(); !matched) return fail(matched.error());
    if (auto t =
            triage(db, "hospital@demo.example", "PACS画像サーバ", "CVE-2020-1472", "in_progress",
                   "保守業者と更新プログラムの適用日を調整中。次回の定期保守（夜間停止）で適用する予定。");
        !t)
        return t;
    return triage(
        db, "hospital@demo.example", "ファイルサーバ（ServerProtect）", "CVE-2021-36745", "risk_accepted",
        "インターネットから隔離した保管用サーバで、今年度中に更改する。更改までは管理端末以外からの接続を"
        "UTMで遮断している。");
}

}  // namespace mamori::services
