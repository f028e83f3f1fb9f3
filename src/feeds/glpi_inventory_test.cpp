#include "mamori/feeds/glpi_inventory.hpp"

#include <gtest/gtest.h>

#include "feeds/inventory_test_data.hpp"
#include "mamori/feeds/cyclonedx.hpp"
#include "mamori/feeds/fusion_inventory_xml.hpp"

namespace mamori::feeds {
namespace {

TEST(GlpiInventoryRealFiles, EveryExampleReadsAsOneDevice) {
    for (const char* name :
         {"examples_computer_1.json", "examples_computer_2.json", "examples_computer_3.json",
          "examples_networkequipment_1.json", "examples_networkequipment_2.json",
          "examples_networkequipment_3.json", "examples_networkequipment_4.json",
          "examples_networkequipment_5.json", "examples_phone_1.json", "examples_printer_1.json",
          "examples_printer_2.json", "examples_printer_3.json"}) {
        MAMORI_SHARED_FILE(bytes, std::string("inventory/glpi/") + name);
        auto file = read_glpi_inventory(bytes, name);
        ASSERT_TRUE(file) << name << ": " << file.error().message;
        ASSERT_EQ(file->devices.size(), 1u) << name;
        EXPECT_TRUE(file->devices[0].name) << name;
    }
}

TEST(GlpiInventoryRealFiles, ComputerWithItsPackages) {
    MAMORI_SHARED_FILE(bytes, "inventory/glpi/examples_computer_3.json");
    auto file = read_glpi_inventory(bytes, "computer_3.json");
    ASSERT_TRUE(file) << file.error().message;
    const auto& device = file->devices[0];
    EXPECT_EQ(device.name, "LF014");
    EXPECT_EQ(device.serial, "8C554721F");
    EXPECT_EQ(device.manufacturer, "TOSHIBA");
    EXPECT_EQ(device.model, "PORTEGE Z30-A");
    EXPECT_EQ(device.os_name, "Fedora release 25 (Twenty Five)");
    EXPECT_EQ(device.asset_class, "terminal");
    ASSERT_TRUE(device.software);
    EXPECT_EQ(device.software->size(), 3033u);
    EXPECT_EQ(device.where_field.at("serial"), "computer_3.json $.content.bios.ssn");
}

TEST(GlpiInventoryRealFiles, LoopbackAddressesAreLeftOut) {
    MAMORI_SHARED_FILE(bytes, "inventory/glpi/examples_computer_1.json");
    auto file = read_glpi_inventory(bytes, "computer_1.json");
    ASSERT_TRUE(file) << file.error().message;
    const auto& device = file->devices[0];
    EXPECT_EQ(device.name, "glpixps");
    EXPECT_EQ(device.serial, "640HP72");
    for (const auto& ip : device.ip_addresses) EXPECT_NE(ip.rfind("127.", 0), 0u) << ip;
    for (const auto& mac : device.mac_addresses) EXPECT_NE(mac, "00:00:00:00:00:00");
    EXPECT_NE(std::find(device.ip_addresses.begin(), device.ip_addresses.end(), "192.168.1.142"),
              device.ip_addresses.end());
}

TEST(GlpiInventoryRealFiles, CiscoIosGetsItsCpeAndNxOsNone) {
    MAMORI_SHARED_FILE(ios, "inventory/glpi/examples_networkequipment_2.json");
    auto file = read_glpi_inventory(ios, "ne2.json");
    ASSERT_TRUE(file) << file.error().message;
    const auto& device = file->devices[0];
    EXPECT_EQ(device.asset_class, "network");
    EXPECT_EQ(device.firmware_version, "12.2(55)SE6");
    ASSERT_EQ(device.cpes.size(), 1u);
    EXPECT_EQ(device.cpes[0].text, "cpe:2.3:o:cisco:ios:12.2\\(55\\)se6:*:*:*:*:*:*:*");
    EXPECT_EQ(device.ip_addresses.size(), 29u);

    MAMORI_SHARED_FILE(nxos, "inventory/glpi/examples_networkequipment_1.json");
    auto ucs = read_glpi_inventory(nxos, "ne1.json");
    ASSERT_TRUE(ucs) << ucs.error().message;
    EXPECT_TRUE(ucs->devices[0].cpes.empty()) << "5.0(3)N2(4.02b): no CPE is invented";
}

TEST(GlpiInventoryBroken, NotGlpiInvalidJsonEmpty) {
    auto wrong = read_glpi_inventory(R"({"bomFormat":"CycloneDX"})", "x.json");
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("not a GLPI inventory"), std::string::npos);
    auto invalid = read_glpi_inventory(R"({"content": {"hardware": )", "cut.json");
    ASSERT_FALSE(invalid);
    EXPECT_NE(invalid.error().message.find("cut.json"), std::string::npos) << invalid.error().message;
    EXPECT_FALSE(read_glpi_inventory("", "empty.json"));
    auto deep = read_glpi_inventory(std::string(200, '[') + std::string(200, ']'), "deep.json");
    EXPECT_FALSE(deep);
}

TEST(FusionInventoryXmlRealFiles, WindowsComputersWithSoftware) {
    MAMORI_SHARED_FILE(bytes, "inventory/glpi/tests_data_2.xml");
    auto file = read_fusion_inventory_xml(bytes, "tests_data_2.xml");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    const auto& device = file->devices[0];
    EXPECT_EQ(device.name, "pc-arg-23");
    EXPECT_EQ(device.os_name, "Microsoft Windows 8.1 Professionnel");
    ASSERT_TRUE(device.software);
    EXPECT_EQ(device.software->size(), 8u);
    EXPECT_EQ(device.software->front().name, "CCleaner");
    EXPECT_EQ(device.software->front().version, "5.09");
    EXPECT_NE(std::find(device.ip_addresses.begin(), device.ip_addresses.end(), "10.253.6.55"),
              device.ip_addresses.end());
    EXPECT_NE(device.where_field.at("name").find("tests_data_2.xml line 396"), std::string::npos)
        << device.where_field.at("name");

    MAMORI_SHARED_FILE(first, "inventory/glpi/tests_data_1.xml");
    auto other = read_fusion_inventory_xml(first, "tests_data_1.xml");
    ASSERT_TRUE(other) << other.error().message;
    ASSERT_TRUE(other->devices[0].software);
    EXPECT_EQ(other->devices[0].software->size(), 42u);
    EXPECT_EQ(other->devices[0].serial, "9E113232I");
}

TEST(FusionInventoryXmlRealFiles, SnmpNetworkInventory) {
    MAMORI_SHARED_FILE(bytes, "inventory/glpi/tests_data_6.xml");
    auto file = read_fusion_inventory_xml(bytes, "tests_data_6.xml");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    const auto& device = file->devices[0];
    EXPECT_EQ(device.name, "ucs6248up-cluster-pa3-B");
    EXPECT_EQ(device.serial, "SSI1912014B");
    EXPECT_EQ(device.asset_class, "network");
    EXPECT_EQ(device.firmware_version, "5.0(3)N2(4.02b)");
    EXPECT_EQ(device.location, "paris.pa3");
}

TEST(FusionInventoryXmlBroken, WrongRootAndNmapGivenAsAgent) {
    auto nmap = read_fusion_inventory_xml("<?xml version=\"1.0\"?><nmaprun/>", "scan.xml");
    ASSERT_FALSE(nmap);
    EXPECT_NE(nmap.error().message.find("not a FusionInventory"), std::string::npos) << nmap.error().message;
    auto cut = read_fusion_inventory_xml("<REQUEST><CONTENT><HARDWARE><NAME>x</NAME>", "cut.xml");
    ASSERT_FALSE(cut);
}

TEST(FirmwareCpe, OnlyCiscoIosShapes) {
    EXPECT_EQ(derived_firmware_cpe("Cisco", "15.0(2)SE11"),
              "cpe:2.3:o:cisco:ios:15.0\\(2\\)se11:*:*:*:*:*:*:*");
    EXPECT_EQ(derived_firmware_cpe("Cisco", "5.0(3)N2(4.02b)"), "");
    EXPECT_EQ(derived_firmware_cpe("Cisco", "8.2.100.0"), "");
    EXPECT_EQ(derived_firmware_cpe("D-Link", "12.2(55)SE6"), "");
}

TEST(CycloneDxRealFiles, DeviceWithComponentsAsSoftware) {
    MAMORI_SHARED_FILE(bytes, "sbom/medical-device-casestudy_narrow.sbom.cdx.json");
    auto file = read_cyclonedx(bytes, "narrow.json");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    const auto& device = file->devices[0];
    EXPECT_EQ(device.name, "REDACTED");
    EXPECT_EQ(device.asset_class, "medical_device");
    ASSERT_TRUE(device.software);
    EXPECT_EQ(device.software->size(), 55u);
    EXPECT_EQ(device.cpes.size(), 55u);
    for (const auto& cpe : device.cpes) EXPECT_EQ(cpe.origin, "sbom");
    const auto wolf = std::find_if(device.software->begin(), device.software->end(),
                                   [](const InventorySoftware& s) { return s.name == "WolfSSL"; });
    ASSERT_NE(wolf, device.software->end());
    EXPECT_EQ(wolf->version, "4.8.1");
    EXPECT_EQ(wolf->kind, "firmware");
    EXPECT_EQ(wolf->cpe, "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    EXPECT_EQ(wolf->purl, "pkg:github/wolfssl/wolfssl");
}

TEST(CycloneDxBroken, NotCycloneDxOrWrongVersion) {
    EXPECT_FALSE(read_cyclonedx(R"({"content":{}})", "glpi.json"));
    EXPECT_FALSE(read_cyclonedx(R"({"bomFormat":"CycloneDX","specVersion":"2.0"})", "v2.json"));
    EXPECT_FALSE(read_cyclonedx("{", "cut.json"));
}

}  // namespace
}  // namespace mamori::feeds
