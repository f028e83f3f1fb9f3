#include "mamori/ledger/import_plan.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mamori::ledger {
namespace {

using feeds::InventoryDevice;
using feeds::InventoryFile;

ExistingAsset asset(std::int64_t id, std::string name, std::string serial, std::vector<std::string> macs,
                    std::vector<std::string> ips) {
    ExistingAsset existing;
    existing.id = id;
    existing.version = 3;
    existing.record.asset_class = "server";
    existing.record.name = std::move(name);
    existing.record.serial = std::move(serial);
    existing.record.mac_addresses = std::move(macs);
    existing.record.ip_addresses = std::move(ips);
    existing.record.location = "サーバ室";
    return existing;
}

InventoryDevice device(std::optional<std::string> name, std::optional<std::string> serial,
                       std::vector<std::string> macs, std::vector<std::string> ips) {
    InventoryDevice d;
    d.where = "f line 1";
    d.name = std::move(name);
    d.serial = std::move(serial);
    d.mac_addresses = std::move(macs);
    d.ip_addresses = std::move(ips);
    return d;
}

InventoryFile file_of(std::vector<InventoryDevice> devices, std::string format = "nmap") {
    InventoryFile file;
    file.format = std::move(format);
    file.devices = std::move(devices);
    return file;
}

const std::vector<ExistingAsset> kLedger = {
    asset(10, "emr-server", "SN-1", {"00:1a:2b:3c:4d:5e"}, {"10.0.0.10"}),
    asset(11, "pacs", "", {"00:1a:2b:3c:4d:5f"}, {"10.0.0.11"}),
    asset(12, "reception-pc", "", {}, {"10.0.0.12"}),
};

struct MatchCase {
    const char* title;
    InventoryDevice device;
    std::string action;
    std::optional<std::int64_t> asset_id;
    std::string match;
};

TEST(ImportPlan, MatchesBySerialThenMacThenIpAndName) {
    const std::vector<MatchCase> cases = {
        {"serial, any case", device("other-name", "sn-1", {}, {}), "update", 10, "serial"},
        {"MAC in another notation", device("pacs", std::nullopt, {"00-1A-2B-3C-4D-5F"}, {}), "unchanged", 11,
         "mac"},
        {"IP and name (any case; the file's spelling is taken)",
         device("RECEPTION-PC", std::nullopt, {}, {"10.0.0.12"}), "update", 12, "ip_name"},
        {"IP and name, same spelling", device("reception-pc", std::nullopt, {}, {"10.0.0.12"}), "unchanged",
         12, "ip_name"},
        {"IP alone is not enough", device("printer", std::nullopt, {}, {"10.0.0.12"}), "create", std::nullopt,
         ""},
        {"placeholder serial matches nothing", device("x", "0000000000", {}, {}), "create", std::nullopt, ""},
        {"serial wins over a MAC of another asset", device("emr-server", "SN-1", {"00:1a:2b:3c:4d:5f"}, {}),
         "update", 10, "serial"},
    };
    for (const auto& c : cases) {
        const auto plan = plan_import(kLedger, file_of({c.device}));
        ASSERT_EQ(plan.devices.size(), 1u) << c.title;
        const auto& planned = plan.devices[0];
        EXPECT_EQ(planned.action, c.action) << c.title;
        EXPECT_EQ(planned.asset_id, c.asset_id) << c.title;
        EXPECT_EQ(planned.match, c.match) << c.title;
        if (c.asset_id) {
            EXPECT_EQ(planned.asset_version, 3) << c.title;
        }
    }
}

TEST(ImportPlan, UnknownFieldsKeepTheLedgerValueAndAddressesAreAdded) {
    auto d = device("emr-server", "SN-1", {}, {"10.0.0.99"});
    d.os_name = "Windows Server 2019";
    const auto plan = plan_import(kLedger, file_of({d}));
    const auto& planned = plan.devices.at(0);
    EXPECT_EQ(planned.action, "update");
    EXPECT_EQ(planned.record.location, "サーバ室");
    EXPECT_EQ(planned.record.asset_class, "server");
    EXPECT_EQ(planned.record.ip_addresses, (std::vector<std::string>{"10.0.0.10", "10.0.0.99"}));
    EXPECT_EQ(planned.changed_fields, (std::vector<std::string>{"os_name", "ip_addresses"}));
    EXPECT_EQ(plan.left_asset_ids, (std::vector<std::int64_t>{11, 12}));
}

TEST(ImportPlan, ClassGuessOnlyForNewAssetsButTheTemplateDecides) {
    auto guess = device("emr-server", "SN-1", {}, {});
    guess.asset_class = "network";
    EXPECT_EQ(plan_import(kLedger, file_of({guess})).devices.at(0).record.asset_class, "server");
    EXPECT_EQ(plan_import(kLedger, file_of({guess}, "template_csv")).devices.at(0).record.asset_class,
              "network");
    auto fresh = device("switch", "SN-9", {}, {});
    fresh.asset_class = "network";
    EXPECT_EQ(plan_import(kLedger, file_of({fresh})).devices.at(0).record.asset_class, "network");
}

TEST(ImportPlan, TwoDevicesOnOneAssetTheSecondIsAnError) {
    const auto plan = plan_import(kLedger, file_of({device("a", "SN-1", {}, {}),
                                                    device("b", std::nullopt, {"00:1a:2b:3c:4d:5e"}, {})}));
    EXPECT_EQ(plan.devices.at(0).action, "update");
    EXPECT_EQ(plan.devices.at(1).action, "error");
    EXPECT_NE(plan.devices.at(1).errors.at(0).message.find("same asset"), std::string::npos);
    EXPECT_EQ(plan.errors, 1);
}

TEST(ImportPlan, BadValuesAreErrorsNamingWhereAndField) {
    auto d = device("pc", std::nullopt, {"zz:zz"}, {"300.1.1.1"});
    d.where_field["mac_addresses"] = "f line 7";
    d.cpes.push_back({"cpe:2.3:a:vendor:pro?duct:1:*:*:*:*:*:*:*", "import", "f line 9"});
    const auto plan = plan_import(kLedger, file_of({d}));
    const auto& planned = plan.devices.at(0);
    EXPECT_EQ(planned.action, "error");
    std::vector<std::string> fields;
    for (const auto& e : planned.errors) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"ip_addresses", "mac_addresses", "cpes"}));
    EXPECT_EQ(planned.errors[1].where, "f line 7");
    EXPECT_EQ(planned.errors[2].where, "f line 9");
}

TEST(ImportPlan, ScannerUriGetsNaVersionBeforeAnUpdate) {
    EXPECT_EQ(scanner_cpe("cpe:/o:microsoft:windows_7::sp1").value_or("?"),
              "cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*");
    EXPECT_EQ(scanner_cpe("cpe:/a:igor_sysoev:nginx").value_or("?"),
              "cpe:2.3:a:igor_sysoev:nginx:*:*:*:*:*:*:*:*");
    EXPECT_EQ(scanner_cpe("cpe:/a:openbsd:openssh:7.4").value_or("?"),
              "cpe:2.3:a:openbsd:openssh:7.4:*:*:*:*:*:*:*");
}

TEST(ImportPlan, ReimportingWhatWasAppliedChangesNothing) {
    auto d = device("new-box", std::nullopt, {"00:aa:bb:cc:dd:ee"}, {"10.0.0.50"});
    d.os_name = "Linux";
    d.cpes.push_back({"cpe:/o:linux:linux_kernel:3", "import", "f line 3"});
    d.software = std::vector<feeds::InventorySoftware>{
        {"nginx", "", "", "service", "cpe:/a:igor_sysoev:nginx", "", "80/tcp", ""}};
    auto first = plan_import(kLedger, file_of({d}));
    ASSERT_EQ(first.devices.at(0).action, "create");
    auto ledger = kLedger;
    ledger.push_back({13, 1, first.devices[0].record});
    auto second = plan_import(ledger, file_of({d}));
    EXPECT_EQ(second.devices.at(0).action, "unchanged");
    EXPECT_EQ(second.devices.at(0).asset_id, 13);
}

TEST(ImportPlan, JsonRoundTripKeepsActionsAndShowsBeforeAndAfter) {
    auto d = device("emr-server", "SN-1", {}, {});
    d.os_name = "Windows Server 2019";
    const auto plan = plan_import(kLedger, file_of({d, device("new", "SN-2", {}, {})}));
    const auto json = plan_json(plan, kLedger);
    EXPECT_EQ(json["counts"]["update"], 1);
    EXPECT_EQ(json["counts"]["create"], 1);
    EXPECT_EQ(json["counts"]["left"], 2);
    const auto& change = json["devices"][0]["changes"][0];
    EXPECT_EQ(change["field"], "os_name");
    EXPECT_EQ(change["before"], "");
    EXPECT_EQ(change["after"], "Windows Server 2019");
    const auto back = plan_from_json(json);
    ASSERT_EQ(back.devices.size(), 2u);
    EXPECT_EQ(back.devices[0].action, "update");
    EXPECT_EQ(back.devices[0].asset_version, 3);
    EXPECT_EQ(back.devices[0].record, plan.devices[0].record);
    EXPECT_EQ(back.updated, 1);
}

}  // namespace
}  // namespace mamori::ledger
