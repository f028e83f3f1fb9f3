// The matching service on a migrated database (SQLite, or PostgreSQL with MAMORI_TEST_DATABASE=postgres):
// findings found, kept, gone and returned (a mitigated one back to open), rejected CVEs and retired assets,
// a feed update re-matching only what it touches, a whole match skipping the assets whose findings would not
// change, the device check, and sixteen matchers at once.
#include "mamori/services/exposure_matching.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

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
        for (const auto& cpe : cpes) add_cpe(id, cpe);
        return id;
    }

    void set_cpe(std::int64_t asset_id, const std::string& cpe) {
        {
            auto lease = db().acquire();
            store::execute(*lease, "DELETE FROM asset_cpes WHERE asset_id = :a", asset_id);
        }
        add_cpe(asset_id, cpe);
    }

    void add_cpe(std::int64_t asset_id, const std::string& cpe) {
        auto lease = db().acquire();
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
    std::string text(const std::string& query) {
        auto lease = db().acquire();
        for (const auto& r : store::query(*lease, query)) return r.get<std::string>(0);
        return {};
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
    EXPECT_EQ(returned->priority, f->priority);
    EXPECT_EQ(text("SELECT version || ' ' || COALESCE(inactive_since, '-') FROM findings WHERE id = " +
                   std::to_string(f->id)),
              "3 -")
        << "found, gone, returned: each a new version; active again has no inactive_since";
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

TEST_F(ExposureMatchingTest, ANewScoreMovesTheFindingsPriority) {
    cve("CVE-2020-0001", fortios_range("6.0.0", "6.0.16"));
    const auto vpn = asset("VPN装置", {kFortios604});
    ExposureMatching matching(db());
    ASSERT_TRUE(matching.match_all());
    const int critical = finding(vpn, "CVE-2020-0001")->priority;
    {
        auto lease = db().acquire();
        store::execute(*lease, "UPDATE cves SET cvss_score = 5.3, imported_at = '2026-02-01T00:00:00Z'");
    }
    ASSERT_TRUE(matching.rematch_cves({"CVE-2020-0001"}));
    EXPECT_LT(finding(vpn, "CVE-2020-0001")->priority, critical);
    EXPECT_EQ(events(finding(vpn, "CVE-2020-0001")->id), std::vector<std::string>{"found:open"})
        << "a new priority is no new finding";
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

// A criterion whose vendor is ANY cannot be found by product: such a CVE is evaluated in full for every device
// naming a product it names (here its platform), and reported only when the whole configuration holds.
TEST_F(ExposureMatchingTest, ACriterionWithoutAPlainProductIsEvaluatedThroughTheProductsTheCveNames) {
    const json openssl_on_fortios = json::array(
        {{{"operator", "AND"},
          {"nodes",
           {{{"operator", "OR"},
             {"cpeMatch",
              {{{"vulnerable", true}, {"criteria", "cpe:2.3:a:*:openssl:1.0.1:*:*:*:*:*:*:*"}}}}},
            {{"operator", "OR"},
             {"cpeMatch",
              {{{"vulnerable", false}, {"criteria", "cpe:2.3:o:fortinet:fortios:-:*:*:*:*:*:*:*"}}}}}}}}});
    cve("CVE-2014-0160", openssl_on_fortios);
    const std::string openssl = "cpe:2.3:a:openssl:openssl:1.0.1:*:*:*:*:*:*:*";
    const auto both = asset("VPN装置", {kFortios604, openssl});
    const auto firmware_only = asset("VPN装置2", {kFortios604});
    const auto library_only = asset("サーバ", {openssl});
    ExposureMatching matching(db());
    auto stats = matching.match_all();
    ASSERT_TRUE(stats) << stats.error().message;
    EXPECT_EQ(stats->found, 1);
    ASSERT_TRUE(finding(both, "CVE-2014-0160"));
    EXPECT_FALSE(finding(firmware_only, "CVE-2014-0160"));
    EXPECT_FALSE(finding(library_only, "CVE-2014-0160"));
    auto lease = db().acquire();
    for (const auto& r : store::query(*lease, "SELECT matched_cpes FROM findings WHERE asset_id = :a", both))
        EXPECT_EQ(r.get<std::string>(0), json::array({openssl}).dump()) << "the platform is not what matched";
}

// A process that has not loaded the whole feed (the CLI importing a day's delta) matches the CVEs it changed
// with an index of those alone: new findings, findings gone and findings back, each event numbered after the
// finding's last, and the other CVEs' findings left as they are.
TEST_F(ExposureMatchingTest, ADeltaWithoutTheWholeIndexChangesOnlyTheFindingsOfItsCves) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    cve("CVE-2018-13379", fortios_range("6.0.0", "6.0.5"), "Known");
    cve("CVE-2019-5591", fortios_range("7.0.0", "7.0.1"));
    const auto vpn = asset("VPN装置", {kFortios604});
    {
        // Matched with a private index: the shared one of this database stays unloaded.
        auto lease = db().acquire();
        const auto index = FeedIndex::load(*lease);
        match_asset_ids(*lease, db().dialect(), index, {vpn}, "2026-01-02T00:00:00Z");
    }
    const auto kept = finding(vpn, "CVE-2022-42475");
    const auto narrowed = finding(vpn, "CVE-2018-13379");
    ASSERT_TRUE(kept && narrowed);
    EXPECT_FALSE(finding(vpn, "CVE-2019-5591"));

    // The delta: one range narrowed past 6.0.4, one widened to take it in.
    cve("CVE-2018-13379", fortios_range("6.0.5", "6.0.16"), "Known", "Analyzed", "2026-02-01T00:00:00Z");
    cve("CVE-2019-5591", fortios_range("6.0.0", "7.0.1"), std::nullopt, "Analyzed", "2026-02-01T00:00:00Z");
    ExposureMatching matching(db());
    auto delta = matching.rematch_cves({"CVE-2018-13379", "CVE-2019-5591"});
    ASSERT_TRUE(delta) << delta.error().message;
    EXPECT_EQ(delta->found, 1);
    EXPECT_EQ(delta->gone, 1);
    EXPECT_EQ(delta->unchanged, 0) << "CVE-2022-42475 is not part of the delta";
    EXPECT_FALSE(finding(vpn, "CVE-2018-13379")->active);
    EXPECT_TRUE(finding(vpn, "CVE-2019-5591")->active);
    EXPECT_TRUE(finding(vpn, "CVE-2022-42475")->active);
    EXPECT_EQ(events(narrowed->id), (std::vector<std::string>{"found:open", "gone:open"}));

    // And back: the range widened again brings the finding back, its event third.
    cve("CVE-2018-13379", fortios_range("6.0.0", "6.0.16"), "Known", "Analyzed", "2026-03-01T00:00:00Z");
    auto back = matching.rematch_cves({"CVE-2018-13379"});
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->returned, 1);
    EXPECT_EQ(events(narrowed->id), (std::vector<std::string>{"found:open", "gone:open", "returned:open"}));
    EXPECT_EQ(events(kept->id), (std::vector<std::string>{"found:open"}));
}

TEST_F(ExposureMatchingTest, AWholeMatchComparesOnlyTheAssetsWhoseFindingsWouldChange) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    const auto vpn = asset("VPN装置", {kFortios604});
    ExposureMatching matching(db());
    ASSERT_TRUE(matching.match_all());
    const auto digest = text("SELECT COALESCE(digest, '') FROM asset_matches WHERE asset_id = " + std::to_string(vpn));
    EXPECT_EQ(digest.size(), 32u);
    const int priority = finding(vpn, "CVE-2022-42475")->priority;

    // The stored finding is changed behind the matcher's back: a whole match that would make the same findings
    // true trusts the digest and does not read them.
    {
        auto lease = db().acquire();
        store::execute(*lease, "UPDATE findings SET priority = 1 WHERE asset_id = :a", vpn);
    }
    auto same = matching.match_all();
    ASSERT_TRUE(same);
    EXPECT_EQ(same->unchanged, 1);
    EXPECT_EQ(finding(vpn, "CVE-2022-42475")->priority, 1);

    // Exposed to the Internet now: the finding's priority rises, so the digest differs and the findings are
    // compared and written.
    {
        auto lease = db().acquire();
        store::execute(*lease, "UPDATE assets SET internet_facing = 1 WHERE id = :a", vpn);
    }
    ASSERT_TRUE(matching.match_all());
    EXPECT_GT(finding(vpn, "CVE-2022-42475")->priority, priority);
    EXPECT_NE(text("SELECT COALESCE(digest, '') FROM asset_matches WHERE asset_id = " + std::to_string(vpn)),
              digest);
}

TEST_F(ExposureMatchingTest, ADeltaForgetsTheDigestsOfTheAssetsWhoseFindingsItChanges) {
    cve("CVE-2022-42475", fortios_range("6.0.0", "6.0.16"), "Known");
    cve("CVE-2018-13379", fortios_range("6.0.0", "6.0.5"), "Known");
    const auto vpn = asset("VPN装置", {kFortios604});
    const auto newer = asset("VPN装置2", {kFortios6016});
    ExposureMatching matching(db());
    ASSERT_TRUE(matching.match_all());
    const auto confirmed = text("SELECT matched_at FROM asset_matches WHERE asset_id = " + std::to_string(vpn));
    const auto digest_of = [&](std::int64_t id) {
        return text("SELECT COALESCE(digest, 'none') FROM asset_matches WHERE asset_id = " + std::to_string(id));
    };
    const auto newer_digest = digest_of(newer);

    // NVD narrows CVE-2018-13379 past 6.0.4: the VPN's finding is gone, and it last held at the whole match.
    cve("CVE-2018-13379", fortios_range("6.0.5", "6.0.16"), "Known", "Analyzed", "2026-02-01T00:00:00Z");
    auto delta = matching.rematch_cves({"CVE-2018-13379"});
    ASSERT_TRUE(delta) << delta.error().message;
    EXPECT_EQ(delta->gone, 1);
    EXPECT_EQ(delta->found, 0) << "the new range ends before 6.0.16";
    EXPECT_EQ(digest_of(vpn), "none");
    EXPECT_EQ(digest_of(newer), newer_digest) << "its findings did not change";
    EXPECT_EQ(text("SELECT last_matched_at FROM findings WHERE cve_id = 'CVE-2018-13379' AND asset_id = " +
                   std::to_string(vpn)),
              confirmed);

    // The next whole match compares them again and finds nothing to change.
    auto whole = matching.match_all();
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->found + whole->gone + whole->returned, 0);
    EXPECT_EQ(whole->unchanged, 1);
    EXPECT_EQ(digest_of(vpn).size(), 32u);
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
