#include "asset_records.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "mamori/store/id_set.hpp"
#include "mamori/store/prepared.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services::asset_records {
namespace {

struct Fixture {
    testing::TempDatabase temp{1};
    long long clinic = 0;

    Fixture() {
        auto lease = temp.db().acquire();
        *lease << "INSERT INTO organisations (kind, name, prefecture_code, municipality_code, created_at) "
                  "VALUES ('clinic', 'さくら内科クリニック', '13', '131016', '2026-01-01T00:00:00Z') "
                  "RETURNING id",
            soci::into(clinic);
    }
};

ledger::AssetRecord router() {
    ledger::AssetRecord r;
    r.asset_class = "connection_point";
    r.name = "VPNルータ";
    r.location = "受付裏ラック";
    r.internet_facing = true;
    r.ip_addresses = {"192.168.1.1"};
    r.mac_addresses = {"00:09:0f:aa:bb:cc"};
    r.cpes = {{"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*", "manual"},
              {"cpe:2.3:h:fortinet:fortigate-100e:-:*:*:*:*:*:*:*", "import"}};
    r.software = {{"FortiOS", "6.0.4", "Fortinet", "operating-system", "", "", "443/tcp"},
                  {"SSL VPN", "", "", "service", "", "", "10443/tcp"}};
    return r;
}

TEST(AssetRecords, SplitCpeKeepsTheComponentsAsWritten) {
    const auto key = split_cpe("cpe:2.3:a:micro\\:soft:office\\ 365:1:*:*:*:*:*:*:*");
    ASSERT_TRUE(key);
    EXPECT_EQ(key->part, "a");
    EXPECT_EQ(key->vendor, "micro\\:soft");
    EXPECT_EQ(key->product, "office\\ 365");
    EXPECT_FALSE(split_cpe("cpe:/o:fortinet:fortios"));
    EXPECT_FALSE(split_cpe("cpe:2.3:o:fortinet"));
}

TEST(AssetRecords, AnAssetIsStoredWithItsChildRowsAndItsFirstVersion) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    auto& sql = *lease;
    const auto id = insert_asset(sql, f.clinic, router(), "nmap", std::nullopt, std::nullopt,
                                 std::string("2026-11-01T09:00:00Z"));
    const auto stored = find_asset(sql, id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->organisation_id, f.clinic);
    EXPECT_EQ(stored->version, 1);
    EXPECT_EQ(stored->status, "in_use");
    EXPECT_EQ(stored->source, "nmap");
    EXPECT_EQ(stored->last_seen_at, "2026-11-01T09:00:00Z");
    EXPECT_TRUE(ledger::changed_fields(stored->record, router()).empty());
    EXPECT_EQ(stored->record.software, router().software);  // kept in order

    std::string vendor, product;
    const long long key = id;
    sql << "SELECT vendor, product FROM asset_cpes WHERE asset_id = :a AND part = 'h'", soci::use(key),
        soci::into(vendor), soci::into(product);
    EXPECT_EQ(vendor, "fortinet");
    EXPECT_EQ(product, "fortigate-100e");

    const auto versions = versions_of(sql, id);
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(versions[0].action, "created");
    EXPECT_EQ(versions[0].status, "in_use");
    EXPECT_EQ(versions[0].record, router());
}

TEST(AssetRecords, AnUpdateAtAStaleVersionWritesNothing) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    auto& sql = *lease;
    const auto id = insert_asset(sql, f.clinic, router(), "manual", std::nullopt, std::nullopt, std::nullopt);
    auto edited = router();
    edited.ip_addresses = {"192.168.1.254"};
    edited.cpes.pop_back();
    ASSERT_TRUE(update_asset(sql, id, 1, edited, "changed", ledger::changed_fields(router(), edited),
                             std::nullopt, std::nullopt, std::nullopt));
    auto again = edited;
    again.name = "別名";
    EXPECT_FALSE(
        update_asset(sql, id, 1, again, "changed", {"name"}, std::nullopt, std::nullopt, std::nullopt));
    const auto stored = find_asset(sql, id);
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->record, edited);

    ASSERT_TRUE(update_asset(sql, id, 2, edited, "retired", {"status"}, std::nullopt, std::nullopt,
                             std::nullopt, "廃棄（更新のため）"));
    EXPECT_EQ(find_asset(sql, id)->status, "retired");
    ASSERT_TRUE(update_asset(sql, id, 3, edited, "restored", {"status"}, std::nullopt, std::nullopt,
                             std::nullopt, "誤って廃棄"));
    EXPECT_EQ(find_asset(sql, id)->status, "in_use");

    const auto versions = versions_of(sql, id);
    ASSERT_EQ(versions.size(), 4u);
    EXPECT_EQ(versions[0].action, "restored");
    EXPECT_EQ(versions[1].action, "retired");
    EXPECT_EQ(versions[1].reason, "廃棄（更新のため）");
    EXPECT_EQ(versions[1].status, "retired");
    EXPECT_EQ(versions[2].changed_fields, (std::vector<std::string>{"ip_addresses", "cpes"}));
    EXPECT_EQ(versions[3].record, router());  // the first version as it was
}

TEST(AssetRecords, TouchSeenMovesLastSeenForwardWithoutAVersion) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    auto& sql = *lease;
    const auto id = insert_asset(sql, f.clinic, router(), "nmap", std::nullopt, std::nullopt,
                                 std::string("2026-11-01T09:00:00Z"));
    EXPECT_TRUE(touch_seen(sql, id, "2026-12-01T09:00:00Z"));
    EXPECT_FALSE(touch_seen(sql, id, "2026-10-01T09:00:00Z"));
    const auto stored = find_asset(sql, id);
    EXPECT_EQ(stored->last_seen_at, "2026-12-01T09:00:00Z");
    EXPECT_EQ(stored->version, 1);
    EXPECT_EQ(versions_of(sql, id).size(), 1u);
}

ledger::AssetRecord terminal() {
    ledger::AssetRecord r;
    r.asset_class = "terminal";
    r.name = "受付端末";
    r.ip_addresses = {"10.0.0.9", "10.0.0.10", "fe80::1"};
    r.cpes = {{"cpe:2.3:o:microsoft:windows_11:22h2:*:*:*:*:*:*:*", "import"},
              {"cpe:2.3:a:adobe:acrobat_reader:2023.001:*:*:*:*:*:*:*", "sbom"}};
    r.software = {{"Windows 11", "22H2", "Microsoft", "operating-system", "", "", ""},
                  {"Acrobat Reader", "2023.001", "Adobe", "application", "", "pkg:generic/acrobat", ""},
                  {"7-Zip", "23.01", "Igor Pavlov", "application", "", "", ""}};
    return r;
}

ledger::AssetRecord bare() {
    ledger::AssetRecord r;
    r.asset_class = "media";
    r.name = "バックアップ用USBメモリ";
    return r;
}

// as_stored: `r` with its addresses and CPE names in the order the ledger reads them back.
ledger::AssetRecord as_stored(ledger::AssetRecord r) {
    std::sort(r.ip_addresses.begin(), r.ip_addresses.end());
    std::sort(r.mac_addresses.begin(), r.mac_addresses.end());
    std::sort(r.cpes.begin(), r.cpes.end(), [](const auto& a, const auto& b) { return a.cpe < b.cpe; });
    return r;
}

// rows_of: the assets `ids` as read_asset reads them, without their child rows, newest first.
std::vector<StoredAsset> rows_of(soci::session& sql, long long organisation) {
    std::vector<StoredAsset> out;
    for (const auto& r :
         store::query(sql,
                      fmt::format("SELECT {} FROM assets a WHERE a.organisation_id = :o ORDER BY a.id DESC",
                                  kAssetColumns),
                      organisation))
        out.push_back(read_asset(r));
    return out;
}

TEST(AssetRecords, ManyAssetsAreReadEachWithExactlyItsOwnChildRowsInOrder) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    auto& sql = *lease;
    const std::map<std::int64_t, ledger::AssetRecord> made = {
        {insert_asset(sql, f.clinic, router(), "manual", std::nullopt, std::nullopt, std::nullopt), router()},
        {insert_asset(sql, f.clinic, bare(), "manual", std::nullopt, std::nullopt, std::nullopt), bare()},
        {insert_asset(sql, f.clinic, terminal(), "manual", std::nullopt, std::nullopt, std::nullopt),
         terminal()},
    };
    ASSERT_EQ(as_stored(terminal()).ip_addresses,
              (std::vector<std::string>{"10.0.0.10", "10.0.0.9", "fe80::1"}));

    auto assets = rows_of(sql, f.clinic);
    ASSERT_EQ(assets.size(), 3u);
    read_children_of(sql, assets, true);
    for (const auto& a : assets) {
        EXPECT_EQ(a.record, as_stored(made.at(a.id))) << a.record.name;
        EXPECT_EQ(a.record.software, made.at(a.id).software) << a.record.name << ": software by position";
        EXPECT_EQ(a.record, find_asset(sql, a.id)->record) << "one asset is read the same way";
    }
    const auto empty = std::find_if(assets.begin(), assets.end(),
                                    [](const auto& a) { return a.record.name == bare().name; });
    ASSERT_NE(empty, assets.end());
    EXPECT_TRUE(empty->record.ip_addresses.empty() && empty->record.mac_addresses.empty() &&
                empty->record.cpes.empty() && empty->record.software.empty());

    auto without_software = rows_of(sql, f.clinic);
    read_children_of(sql, without_software, false);
    for (const auto& a : without_software) {
        EXPECT_TRUE(a.record.software.empty()) << a.record.name;
        EXPECT_EQ(a.record.cpes, as_stored(made.at(a.id)).cpes) << a.record.name;
    }
}

TEST(AssetRecords, AssetsBeyondOneQuerysWorthOfIdsAreReadToo) {
    Fixture f;
    auto lease = f.temp.db().acquire();
    auto& sql = *lease;
    const int count = static_cast<int>(store::kIdsPerSet) + 2;
    for (int i = 0; i < count; ++i) {
        auto r = bare();
        r.name = fmt::format("端末 {}", i);
        r.ip_addresses = {fmt::format("10.1.{}.{}", i / 250, i % 250 + 1)};
        insert_asset(sql, f.clinic, r, "manual", std::nullopt, std::nullopt, std::nullopt);
    }
    auto assets = rows_of(sql, f.clinic);
    ASSERT_EQ(assets.size(), static_cast<std::size_t>(count));
    read_children_of(sql, assets, true);
    for (const auto& a : assets) {
        const int i = std::stoi(a.record.name.substr(a.record.name.rfind(' ') + 1));
        EXPECT_EQ(a.record.ip_addresses,
                  (std::vector<std::string>{fmt::format("10.1.{}.{}", i / 250, i % 250 + 1)}))
            << a.record.name;
    }
    const auto states = states_of(sql, {assets.front().id, assets.back().id, assets.front().id, 999999});
    ASSERT_EQ(states.size(), 2u);
    EXPECT_EQ(states.at(assets.back().id).version, 1);
    EXPECT_EQ(states.at(assets.back().id).status, "in_use");
    EXPECT_EQ(states.at(assets.back().id).organisation_id, f.clinic);
}

TEST(AssetRecords, ExposureChangesAreTheFieldsMatchingDependsOn) {
    EXPECT_TRUE(exposure_changed({"note", "cpes"}));
    EXPECT_TRUE(exposure_changed({"status"}));
    EXPECT_TRUE(exposure_changed({"internet_facing"}));
    EXPECT_FALSE(exposure_changed({"note", "location", "software"}));
}

}  // namespace
}  // namespace mamori::services::asset_records
