// The matching service on a migrated database (SQLite, or PostgreSQL with MAMORI_TEST_DATABASE=postgres):
// findings found, kept, gone and returned (a mitigated one back to open), rejected CVEs and retired assets,
// a feed update re-matching only what it touches, the device check, and sixteen matchers at once.
#include "mamori/services/exposure_matching.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using nlohmann::json;

json fortios_range(const std::string& start, const std::string& end_excluding) {
    return json::array({{{"nodes",
                          {{{"operator", "OR"},
                            {"negate", false},
                            {"cpeMatch",
                             {{{"vulnerable", true},
                               {"criteria", "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*"},
                               {"versionStartIncluding", start},
                               {"versionEndExcluding", end_excluding}}}}}}}}});
}

class ExposureMatchingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto lease = db().acquire();
        store::execute(
            *lease,
            "INSERT INTO organisations (id, kind, name, created_at) VALUES (1, 'hospital', 'テスト病院', "
            "'2026-01-01T00:00:00Z')");
    }
    store::Database& db() { return temp_.db(); }

    void cve(const std::string& id, const json& configurations, std::optional<std::string> ransomware = {},
             const std::string& status = "Analyzed",
             const std::string& imported_at = "2026-01-01T00:00:00Z") {
        auto lease = db().acquire();
        store::execute(*lease, "DELETE FROM kev_entries WHERE cve_id = :c", id);
        store::execute(*lease, "DELETE FROM cves WHERE cve_id = :c", id);
        store::execute(
            *lease,
            "INSERT INTO cves (cve_id, status, published, last_modified, cvss_score, configurations, "
            "content_hash, imported_at) VALUES (:c, :s, '2020-01-01', '2020-01-01', '9.8', :conf, 'h', "
            ":at)",
            id, status, configurations.dump(), imported_at);
        if (ransomware)
            store::execute(
                *lease,
                "INSERT INTO kev_entries (cve_id, date_added, due_date, ransomware_use, content_hash, "
                "imported_at) VALUES (:c, '2021-11-03', '2022-05-03', :r, 'h', :at)",
                id, *ransomware, imported_at);
    }

    std::int64_t asset(const std::string& name, const std::vector<std::string>& cpes,
                       bool internet_facing = false) {
        auto lease = db().acquire();
        std::int64_t id = 0;
        for (const auto& r :
             store::query(*lease,
                          "INSERT INTO assets (organisation_id, asset_class, name, internet_facing, "
                          "source, created_at, updated_at) VALUES (1, 'network', :n, :i, 'manual', "
                          "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                          name, internet_facing))
            id = store::int64_at(r, 0);
        for (const auto& cpe : cpes) set_cpe(id, cpe);
        return id;
    }

    void set_cpe(std::int64_t asset_id, const std::string& cpe) {
        auto lease = db().acquire();
        store::execute(*lease, "DELETE FROM asset_cpes WHERE asset_id = :a", asset_id);
        // part, vendor and product: the 3rd-5th components of these plain test names.
        std::vector<std::string> parts;
        std::string current;
        for (char c : cpe) {
            if (c == ':') {
                parts.push_back(current);
                current.clear();
            } else {
                current += c;
            }
        }
        store::execute(
            *lease,
            "INSERT INTO asset_cpes (asset_id, cpe, part, vendor, product, origin) VALUES (:a, :c, :p, :v, "
            ":r, 'manual')",
            asset_id, cpe, parts[2], parts[3], parts[4]);
    }

    struct Row {
        std::int64_t id;
        bool active;
        std::string state;
        int priority;
    };
    std::optional<Row> finding(std::int64_t asset_id, const std::string& cve_id) {
        auto lease = db().acquire();
        for (const auto& r :
             store::query(*lease,
                          "SELECT id, active, state, priority FROM findings WHERE asset_id = :a AND "
                          "cve_id = :c",
                          asset_id, cve_id))
            return Row{store::int64_at(r, 0), store::int64_at(r, 1) != 0, r.get<std::string>(2),
                       static_cast<int>(store::int64_at(r, 3))};
        return std::nullopt;
    }
    std::vector<std::string> events(std::int64_t finding_id) {
        auto lease = db().acquire();
        std::vector<std::string> out;
        for (const auto& r : store::query(*lease,
                                          "SELECT action, COALESCE(to_state, '') FROM finding_events WHERE "
                                          "finding_id = :f ORDER BY seq",
                                          finding_id))
            out.push_back(r.get<std::string>(0) + ":" + r.get<std::string>(1));
        return out;
    }
    std::int64_t count(const std::string& query) {
        auto lease = db().acquire();
        for (const auto& r : store::query(*lease, query)) return store::int64_at(r, 0);
        return -1;
    }

    testing::TempDatabase temp_{4};
};

constexpr const char* kFortios604 = "cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*";
constexpr const char* kFortios6016 = "cpe:2.3:o:fortinet:fortios:6.0.16:*:*:*:*:*:*:*";

TEST_F(ExposureMatchingTest, AFindingIsFoundKeptGoneAndReturnedWithItsEvents) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    const auto vpn = asset("VPN装置", {kFortios604}, true);
    const auto other = asset("スイッチ", {"cpe:2.3:o:cisco:ios:15.0:*:*:*:*:*:*:*"});
    ExposureMatching matching(db());

    auto first = matching.match_all();
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->assets, 2);
    EXPECT_EQ(first->found, 1);
    auto f = finding(vpn, "CVE-2022-42475");
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->active);
    EXPECT_EQ(f->state, "open");
    EXPECT_FALSE(finding(other, "CVE-2022-42475"));
    EXPECT_EQ(events(f->id), (std::vector<std::string>{"found:open"}));

    auto again = matching.match_all();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->found, 0);
    EXPECT_EQ(again->unchanged, 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM findings"), 1);
    EXPECT_EQ(events(f->id).size(), 1u) << "a still-true finding writes no event";

    // Patched: no longer true, kept inactive with a gone event.
    set_cpe(vpn, kFortios6016);
    auto gone = matching.rematch_assets({vpn});
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->gone, 1);
    EXPECT_FALSE(finding(vpn, "CVE-2022-42475")->active);

    // Marked mitigated meanwhile, then the old firmware comes back: open again, and the event says so.
    {
        auto lease = db().acquire();
        store::execute(*lease, "UPDATE findings SET state = 'mitigated' WHERE id = :id", f->id);
    }
    set_cpe(vpn, kFortios604);
    auto back = matching.rematch_assets({vpn});
    ASSERT_TRUE(back);
    EXPECT_EQ(back->returned, 1);
    const auto returned = finding(vpn, "CVE-2022-42475");
    EXPECT_TRUE(returned->active);
    EXPECT_EQ(returned->state, "open");
    EXPECT_EQ(events(f->id), (std::vector<std::string>{"found:open", "gone:open", "returned:open"}));
}

TEST_F(ExposureMatchingTest, RejectedCvesAndRetiredAssetsNeverMatch) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    cve("CVE-2099-0001", fortios_range("6.0.0", "7.0.0"), std::nullopt, "Rejected");
    const auto vpn = asset("VPN装置", {kFortios604});
    ExposureMatching matching(db());
    ASSERT_TRUE(matching.match_all());
    EXPECT_TRUE(finding(vpn, "CVE-2022-42475"));
    EXPECT_FALSE(finding(vpn, "CVE-2099-0001"));

    {
        auto lease = db().acquire();
        store::execute(*lease, "UPDATE assets SET status = 'retired' WHERE id = :id", vpn);
    }
    auto retired = matching.rematch_assets({vpn});
    ASSERT_TRUE(retired);
    EXPECT_EQ(retired->gone, 1);
    EXPECT_FALSE(finding(vpn, "CVE-2022-42475")->active);
}

TEST_F(ExposureMatchingTest, KevAndExposureComeFirstInThePriority) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    cve("CVE-2020-0001", fortios_range("6.0.0", "6.0.16"));
    const auto inside = asset("内部", {kFortios604}, false);
    const auto exposed = asset("公開", {kFortios604}, true);
    ExposureMatching matching(db());
    ASSERT_TRUE(matching.match_all());
    const int kev_exposed = finding(exposed, "CVE-2022-42475")->priority;
    const int kev_inside = finding(inside, "CVE-2022-42475")->priority;
    const int plain_exposed = finding(exposed, "CVE-2020-0001")->priority;
    EXPECT_GT(kev_exposed, kev_inside);
    EXPECT_GT(kev_inside, plain_exposed);
}

TEST_F(ExposureMatchingTest, AFeedUpdateRematchesOnlyTheAssetsItsProductsName) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.5"), "Known");
    const auto vpn = asset("VPN装置", {kFortios604});
    asset("スイッチ", {"cpe:2.3:o:cisco:ios:15.0:*:*:*:*:*:*:*"});
    ExposureMatching matching(db());
    ASSERT_TRUE(matching.match_all());
    ASSERT_TRUE(finding(vpn, "CVE-2022-42475")->active);

    // NVD narrows the range: 6.0.4 is no longer affected.
    cve("CVE-2022-42475", fortios_range("6.0.5", "6.0.16"), "Known", "Analyzed", "2026-02-01T00:00:00Z");
    auto updated = matching.rematch_cves({"CVE-2022-42475"});
    ASSERT_TRUE(updated) << updated.error().message;
    EXPECT_EQ(updated->assets, 1) << "only the FortiOS device is evaluated";
    EXPECT_EQ(updated->gone, 1);
    EXPECT_FALSE(finding(vpn, "CVE-2022-42475")->active);
}

TEST_F(ExposureMatchingTest, TheDeviceCheckNeedsThePlatformWhenTheConfigurationSaysSo) {
    const json citrix = json::array(
        {{{"operator", "AND"},
          {"nodes",
           {{{"operator", "OR"},
             {"cpeMatch",
              {{{"vulnerable", true},
                {"criteria",
                 "cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*"}}}}},
            {{"operator", "OR"},
             {"cpeMatch",
              {{{"vulnerable", false},
                {"criteria", "cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*"}}}}}}}}});
    cve("CVE-2019-19781", citrix, "Known");
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    ExposureMatching matching(db());
    const std::string firmware =
        "cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*";
    auto alone = matching.check({firmware});
    ASSERT_TRUE(alone);
    EXPECT_TRUE(alone->empty()) << "the firmware without the ADC hardware";
    auto with_hardware =
        matching.check({firmware, "cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*"});
    ASSERT_TRUE(with_hardware);
    ASSERT_EQ(with_hardware->size(), 1u);
    EXPECT_EQ(with_hardware->front().cve_id, "CVE-2019-19781");
    EXPECT_TRUE(with_hardware->front().kev);
    EXPECT_EQ(with_hardware->front().matched_cpes, std::vector<std::string>{firmware});
    EXPECT_FALSE(matching.check({"not a cpe"}));
}

TEST_F(ExposureMatchingTest, AChangedAssetIsRematchedInsideTheWritersTransaction) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    const auto vpn = asset("VPN装置", {kFortios6016});
    auto first = db().transaction(
        [&](soci::session& sql) -> Result<MatchStats> {
            auto stats = rematch_assets_in(db(), sql, {vpn});
            if (!stats) return fail(ErrorCode::internal, "the index was busy");
            return *stats;
        });
    ASSERT_TRUE(first);
    EXPECT_EQ(first->found, 0);
    set_cpe(vpn, kFortios604);
    auto changed = db().transaction(
        [&](soci::session& sql) -> Result<MatchStats> {
            auto stats = rematch_assets_in(db(), sql, {vpn});
            if (!stats) return fail(ErrorCode::internal, "the index was busy");
            return *stats;
        });
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->found, 1);
    EXPECT_TRUE(finding(vpn, "CVE-2022-42475")->active);
}

TEST_F(ExposureMatchingTest, SixteenMatchersAtOnceNeverDuplicateAFinding) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    cve("CVE-2018-13379", fortios_range("6.0.0", "6.0.5"), "Known");
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 20; ++i) ids.push_back(asset("VPN" + std::to_string(i), {kFortios604}));
    std::vector<std::thread> workers;
    std::atomic<int> failures = 0;
    for (int w = 0; w < 16; ++w)
        workers.emplace_back([&, w] {
            ExposureMatching own(db());  // each as if another server
            auto done = w % 2 == 0 ? own.match_all() : own.rematch_assets(ids);
            if (!done) ++failures;
        });
    for (auto& t : workers) t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM findings"), 40);
    EXPECT_EQ(count("SELECT COUNT(*) FROM finding_events"), 40) << "one found event each, nothing else";
}

}  // namespace
}  // namespace mamori::services

namespace mamori::services {
namespace {

// A timing run, not part of the suite: MAMORI_MATCH_CVES CVEs (default 30,000) over 3,000 products and
// MAMORI_MATCH_ASSETS assets (default 10,000) with two CPE names each. Run it with
// --gtest_also_run_disabled_tests --gtest_filter='*Timing*'.
TEST_F(ExposureMatchingTest, DISABLED_TimingOfAFullMatchAndOneAsset) {
    const auto env = [](const char* name, long fallback) {
        const char* v = std::getenv(name);
        return v == nullptr ? fallback : std::atol(v);
    };
    const long cves = env("MAMORI_MATCH_CVES", 30000), assets = env("MAMORI_MATCH_ASSETS", 10000);
    const long products = 3000;
    using clock = std::chrono::steady_clock;
    const auto ms = [](clock::time_point from) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - from).count();
    };
    auto t = clock::now();
    {
        auto lease = db().acquire();
        soci::transaction tx(*lease);
        for (long i = 0; i < cves; ++i) {
            json matches = json::array();
            for (int k = 0; k < 3; ++k) {
                const long p = (i * 7 + k * 13) % products;
                matches.push_back(
                    {{"vulnerable", true},
                     {"criteria", fmt::format("cpe:2.3:a:vendor{}:product{}:*:*:*:*:*:*:*:*", p % 500, p)},
                     {"versionStartIncluding", fmt::format("{}.0", k)},
                     {"versionEndExcluding", fmt::format("{}.{}", k + 1, i % 10)}});
            }
            const json conf = json::array({{{"nodes", {{{"operator", "OR"}, {"cpeMatch", matches}}}}}});
            store::execute(
                *lease,
                "INSERT INTO cves (cve_id, status, published, last_modified, cvss_score, configurations, "
                "content_hash, imported_at) VALUES (:c, 'Analyzed', '2020', '2020', '7.5', :conf, 'h', "
                "'2026-01-01T00:00:00Z')",
                fmt::format("CVE-2020-{:06}", i), conf.dump());
        }
        for (long a = 0; a < assets; ++a) {
            std::int64_t id = 0;
            for (const auto& r :
                 store::query(*lease,
                              "INSERT INTO assets (organisation_id, asset_class, name, source, "
                              "created_at, updated_at) VALUES (1, 'server', :n, 'manual', "
                              "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                              fmt::format("asset {}", a)))
                id = store::int64_at(r, 0);
            for (long k = 0; k < 2; ++k) {
                const long p = (a * 31 + k * 1009) % products;
                store::execute(
                    *lease,
                    "INSERT INTO asset_cpes (asset_id, cpe, part, vendor, product, origin) VALUES (:a, :c, "
                    "'a', :v, :p, 'manual')",
                    id, fmt::format("cpe:2.3:a:vendor{}:product{}:{}.5:*:*:*:*:*:*:*", p % 500, p, k),
                    fmt::format("vendor{}", p % 500), fmt::format("product{}", p));
            }
        }
        tx.commit();
    }
    std::cout << "setup " << ms(t) << " ms\n";
    ExposureMatching matching(db());
    t = clock::now();
    ASSERT_TRUE(matching.check({"cpe:2.3:a:vendor1:product1:0.5:*:*:*:*:*:*:*"}));
    std::cout << "index load (" << cves << " CVEs) " << ms(t) << " ms\n";
    t = clock::now();
    auto first = matching.match_all();
    ASSERT_TRUE(first);
    std::cout << "first full match (" << first->assets << " assets, " << first->found << " findings) "
              << ms(t) << " ms\n";
    t = clock::now();
    auto second = matching.match_all();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->found, 0);
    std::cout << "second full match (" << second->unchanged << " unchanged) " << ms(t) << " ms\n";
    std::int64_t one = 0;
    {
        auto lease = db().acquire();
        for (const auto& r : store::query(*lease, "SELECT MIN(id) FROM assets")) one = store::int64_at(r, 0);
    }
    t = clock::now();
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(matching.rematch_assets({one}));
    std::cout << "one asset re-matched: " << ms(t) / 100.0 << " ms each (100 runs)\n";
}

}  // namespace
}  // namespace mamori::services
