#include "asset_records.hpp"

#include <gtest/gtest.h>

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
                  "VALUES ('clinic', 'さくら内科クリニック', '13', '131016', '2026-01-01T00:00:00Z') RETURNING id",
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
    ASSERT_TRUE(update_asset(sql, id, 1, edited, "changed", ledger::changed_fields(router(), edited), std::nullopt,
                             std::nullopt, std::nullopt));
    auto again = edited;
    again.name = "別名";
    EXPECT_FALSE(update_asset(sql, id, 1, again, "changed", {"name"}, std::nullopt, std::nullopt, std::nullopt));
    const auto stored = find_asset(sql, id);
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->record, edited);

    ASSERT_TRUE(update_asset(sql, id, 2, edited, "retired", {"status"}, std::nullopt, std::nullopt, std::nullopt,
                             "廃棄（更新のため）"));
    EXPECT_EQ(find_asset(sql, id)->status, "retired");
    ASSERT_TRUE(update_asset(sql, id, 3, edited, "restored", {"status"}, std::nullopt, std::nullopt, std::nullopt,
                             "誤って廃棄"));
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

TEST(AssetRecords, ExposureChangesAreTheFieldsMatchingDependsOn) {
    EXPECT_TRUE(exposure_changed({"note", "cpes"}));
    EXPECT_TRUE(exposure_changed({"status"}));
    EXPECT_TRUE(exposure_changed({"internet_facing"}));
    EXPECT_FALSE(exposure_changed({"note", "location", "software"}));
}

}  // namespace
}  // namespace mamori::services::asset_records
