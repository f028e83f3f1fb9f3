#include "mamori/ledger/asset.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mamori::ledger {
namespace {

AssetRecord fortigate() {
    AssetRecord r;
    r.asset_class = "connection_point";
    r.name = "VPN装置 FortiGate";
    r.location = "本館2階 サーバ室";
    r.department = "情報システム室";
    r.manufacturer = "Fortinet";
    r.model = "FortiGate-100E";
    r.firmware_version = "6.0.4";
    r.vendor_managed = true;
    r.internet_facing = true;
    r.remote_maintenance = true;
    r.ip_addresses = {"192.168.10.1", "2001:db8::1"};
    r.mac_addresses = {"00:09:0f:aa:bb:cc"};
    r.cpes = {{"cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*", "manual"}};
    r.software = {{"FortiOS", "6.0.4", "Fortinet", "operating-system", "", "", "443/tcp"}};
    return r;
}

struct AddressCase {
    const char* input;
    const char* normal;  // nullptr: refused
};

TEST(AssetAddresses, AnAddressWithANulInsideIsRefused) {
    EXPECT_FALSE(normalise_ip(std::string_view("fe80::1\0junk", 12)));
    EXPECT_FALSE(normalise_ip(std::string_view("10.0.0.1\0", 9)));
}

TEST(AssetAddresses, IpAddressesHaveOneNormalForm) {
    const AddressCase cases[] = {
        {"192.168.1.10", "192.168.1.10"},
        {" 10.0.0.1 ", "10.0.0.1"},
        {"192.168.001.010", "192.168.1.10"},
        {"255.255.255.255", "255.255.255.255"},
        {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
        {"2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"},
        {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
        {"::ffff:192.0.2.1", "::ffff:192.0.2.1"},
        {"fe80::1%eth0", nullptr},
        {"256.1.1.1", nullptr},
        {"1.2.3", nullptr},
        {"1.2.3.4.5", nullptr},
        {"1..2.3", nullptr},
        {"1234.1.1.1", nullptr},
        {"", nullptr},
        {"example.org", nullptr},
        {"2001:db8:::1", nullptr},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.input);
        const auto got = normalise_ip(c.input);
        if (c.normal == nullptr)
            EXPECT_FALSE(got);
        else
            EXPECT_EQ(got.value_or("(refused)"), c.normal);
    }
}

TEST(AssetAddresses, MacAddressesHaveOneNormalForm) {
    const AddressCase cases[] = {
        {"00-1A-2B-3C-4D-5E", "00:1a:2b:3c:4d:5e"},
        {"00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e"},
        {"001a.2b3c.4d5e", "00:1a:2b:3c:4d:5e"},
        {"001A2B3C4D5E", "00:1a:2b:3c:4d:5e"},
        {"00:1a-2b:3c:4d:5e", nullptr},
        {"00:1a:2b:3c:4d", nullptr},
        {"00:1a:2b:3c:4d:5g", nullptr},
        {"001a2b3c4d5e6f", nullptr},
        {"", nullptr},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.input);
        const auto got = normalise_mac(c.input);
        if (c.normal == nullptr)
            EXPECT_FALSE(got);
        else
            EXPECT_EQ(got.value_or("(refused)"), c.normal);
    }
}

TEST(AssetRecordRules, AFullRecordAndAMinimalOnePass) {
    EXPECT_TRUE(check_asset_record(fortigate()));
    AssetRecord minimal;
    minimal.name = "受付PC";
    EXPECT_TRUE(check_asset_record(minimal));
}

struct BrokenCase {
    const char* what;
    void (*change)(AssetRecord&);
    const char* field;
};

TEST(AssetRecordRules, EachBrokenFieldIsNamed) {
    const BrokenCase cases[] = {
        {"unknown class", [](AssetRecord& r) { r.asset_class = "printer"; }, "asset_class"},
        {"no name", [](AssetRecord& r) { r.name.clear(); }, "name"},
        {"long name", [](AssetRecord& r) { r.name = std::string(201, 'a'); }, "name"},
        {"long location", [](AssetRecord& r) { r.location = std::string(201, 'a'); }, "location"},
        {"control character", [](AssetRecord& r) { r.serial = "SN\x01"; }, "serial"},
        {"bad system id", [](AssetRecord& r) { r.system_id = 0; }, "system_id"},
        {"ip not normal", [](AssetRecord& r) { r.ip_addresses[1] = "2001:DB8::1"; }, "ip_addresses[1]"},
        {"ip not an address", [](AssetRecord& r) { r.ip_addresses[0] = "printer"; }, "ip_addresses[0]"},
        {"ip twice", [](AssetRecord& r) { r.ip_addresses[1] = "192.168.10.1"; }, "ip_addresses[1]"},
        {"mac not normal", [](AssetRecord& r) { r.mac_addresses[0] = "00-09-0F-AA-BB-CC"; },
         "mac_addresses[0]"},
        {"too many ips", [](AssetRecord& r) { r.ip_addresses.assign(kMaxAddresses + 1, "10.0.0.1"); },
         "ip_addresses"},
        {"cpe not a cpe", [](AssetRecord& r) { r.cpes[0].cpe = "fortios 6.0.4"; }, "cpes[0].cpe"},
        {"cpe not canonical", [](AssetRecord& r) { r.cpes[0].cpe = "cpe:/o:fortinet:fortios:6.0.4"; },
         "cpes[0].cpe"},
        {"cpe origin", [](AssetRecord& r) { r.cpes[0].origin = "guess"; }, "cpes[0].origin"},
        {"cpe twice", [](AssetRecord& r) { r.cpes.push_back(r.cpes[0]); }, "cpes[1].cpe"},
        {"too many cpes", [](AssetRecord& r) { r.cpes.assign(kMaxCpes + 1, r.cpes[0]); }, "cpes"},
        {"software without name", [](AssetRecord& r) { r.software[0].name.clear(); }, "software[0].name"},
        {"software cpe", [](AssetRecord& r) { r.software[0].cpe = "fortios"; }, "software[0].cpe"},
        {"too much software", [](AssetRecord& r) { r.software.assign(kMaxSoftware + 1, r.software[0]); },
         "software"},
        {"long note", [](AssetRecord& r) { r.note = std::string(kMaxAssetNote + 1, 'a'); }, "note"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        auto r = fortigate();
        c.change(r);
        const auto status = check_asset_record(r);
        ASSERT_FALSE(status);
        EXPECT_EQ(status.error().code, ErrorCode::invalid_input);
        ASSERT_EQ(status.error().fields.size(), 1u) << status.error().message;
        EXPECT_EQ(status.error().fields[0].field, c.field);
    }
}

TEST(AssetRecordRules, EveryBrokenFieldIsListed) {
    auto r = fortigate();
    r.name.clear();
    r.mac_addresses = {"zz"};
    r.cpes[0].origin = "";
    const auto status = check_asset_record(r);
    ASSERT_FALSE(status);
    ASSERT_EQ(status.error().fields.size(), 3u);
    EXPECT_EQ(status.error().fields[0].field, "name");
    EXPECT_EQ(status.error().fields[1].field, "mac_addresses[0]");
    EXPECT_EQ(status.error().fields[2].field, "cpes[0].origin");
}

TEST(AssetRecordRules, NormaliseRecordWritesWhatItCanReadInNormalForm) {
    auto r = fortigate();
    r.ip_addresses = {"2001:DB8::1", "192.168.010.1", "192.168.10.1", "printer"};
    r.mac_addresses = {"00-09-0F-AA-BB-CC"};
    r.cpes.push_back({"cpe:/h:fortinet:fortigate-100e:-", "import"});
    const auto n = normalise_record(r);
    EXPECT_EQ(n.ip_addresses, (std::vector<std::string>{"2001:db8::1", "192.168.10.1", "printer"}));
    EXPECT_EQ(n.mac_addresses, (std::vector<std::string>{"00:09:0f:aa:bb:cc"}));
    ASSERT_EQ(n.cpes.size(), 2u);
    EXPECT_EQ(n.cpes[1].cpe.rfind("cpe:2.3:h:fortinet:fortigate-100e:-:", 0), 0u);
    const auto status = check_asset_record(n);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().fields[0].field, "ip_addresses[2]");
}

TEST(AssetChangedFields, NamesTheFieldsThatDifferInRecordOrder) {
    const auto before = fortigate();
    EXPECT_TRUE(changed_fields(before, before).empty());
    auto after = before;
    after.note = "保守契約更新";
    after.firmware_version = "6.0.18";
    after.cpes[0].cpe = "cpe:2.3:o:fortinet:fortios:6.0.18:*:*:*:*:*:*:*";
    after.system_id = 3;
    EXPECT_EQ(changed_fields(before, after),
              (std::vector<std::string>{"firmware_version", "system_id", "cpes", "note"}));
}

TEST(AssetChangedFields, AnotherOrderOfAddressesIsNoChange) {
    const auto before = fortigate();
    auto after = before;
    std::swap(after.ip_addresses[0], after.ip_addresses[1]);
    EXPECT_TRUE(changed_fields(before, after).empty());
    after.software.push_back({"OpenSSL", "1.0.2", "", "library", "", "", ""});
    EXPECT_EQ(changed_fields(before, after), (std::vector<std::string>{"software"}));
}

TEST(AssetJson, ARecordRoundTrips) {
    auto r = fortigate();
    r.system_id = 7;
    EXPECT_EQ(record_from_json(record_json(r)), r);
    const auto j = record_json(r);
    EXPECT_EQ(j["asset_class"], "connection_point");
    EXPECT_EQ(j["cpes"][0]["origin"], "manual");
    EXPECT_EQ(j["software"][0]["port"], "443/tcp");
}

TEST(AssetJson, MissingOrMistypedFieldsReadAsDefaults) {
    const auto r =
        record_from_json(nlohmann::json{{"name", 5}, {"internet_facing", "yes"}, {"system_id", "3"}});
    EXPECT_EQ(r.asset_class, "terminal");
    EXPECT_EQ(r.name, "");
    EXPECT_FALSE(r.internet_facing);
    EXPECT_FALSE(r.system_id);
    const auto plain = record_from_json(nlohmann::json{{"cpes", {"cpe:2.3:a:x:y:1:*:*:*:*:*:*:*"}}});
    ASSERT_EQ(plain.cpes.size(), 1u);
    EXPECT_EQ(plain.cpes[0].origin, "manual");
    EXPECT_EQ(record_from_json(nlohmann::json::array()), AssetRecord{});
}

}  // namespace
}  // namespace mamori::ledger
