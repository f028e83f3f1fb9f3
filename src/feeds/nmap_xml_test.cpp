#include "mamori/feeds/nmap_xml.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "feeds/inventory_test_data.hpp"

namespace mamori::feeds {
namespace {

const InventoryDevice* by_ip(const InventoryFile& file, std::string_view ip) {
    for (const auto& device : file.devices)
        if (std::find(device.ip_addresses.begin(), device.ip_addresses.end(), ip) !=
            device.ip_addresses.end())
            return &device;
    return nullptr;
}

bool has_cpe(const InventoryDevice& device, std::string_view cpe) {
    return std::any_of(device.cpes.begin(), device.cpes.end(),
                       [&](const InventoryCpe& c) { return c.text == cpe; });
}

TEST(NmapXmlRealFiles, EveryFileReads) {
    for (const char* name : {"DefectDojo_nmap_script_vulners.xml", "python-libnmap_2_hosts_version.xml",
                             "python-libnmap_dionaea_scan.xml", "python-libnmap_full_sudo6.xml",
                             "python-libnmap_os_scan6.xml", "python-libnmap_test_osclass.xml",
                             "secureCodeBox_localhost-smb-script.xml", "secureCodeBox_service-scan.xml"}) {
        MAMORI_SHARED_FILE(bytes, std::string("nmap/") + name);
        auto file = read_nmap_xml(bytes, name);
        ASSERT_TRUE(file) << name << ": " << file.error().message;
        EXPECT_FALSE(file->devices.empty()) << name;
        for (const auto& device : file->devices) EXPECT_TRUE(device.name) << name << " " << device.where;
    }
}

TEST(NmapXmlRealFiles, ServicesKeepPortVersionAndCpe) {
    MAMORI_SHARED_FILE(bytes, "nmap/DefectDojo_nmap_script_vulners.xml");
    auto file = read_nmap_xml(bytes, "vulners.xml");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    const auto& device = file->devices[0];
    ASSERT_TRUE(device.software);
    ASSERT_EQ(device.software->size(), 1u);
    const auto& ssh = device.software->front();
    EXPECT_EQ(ssh.port, "5022/tcp");
    EXPECT_EQ(ssh.name, "OpenSSH");
    EXPECT_EQ(ssh.version, "7.4");
    EXPECT_EQ(ssh.cpe, "cpe:/a:openbsd:openssh:7.4");
    EXPECT_TRUE(has_cpe(device, "cpe:/a:openbsd:openssh:7.4"));
}

TEST(NmapXmlRealFiles, NginxWithoutVersionStaysWithoutVersion) {
    MAMORI_SHARED_FILE(bytes, "nmap/secureCodeBox_service-scan.xml");
    auto file = read_nmap_xml(bytes, "service-scan.xml");  // a comment before <?xml …?>: still read
    ASSERT_TRUE(file) << file.error().message;
    bool seen = false;
    for (const auto& device : file->devices)
        for (const auto& software : device.software.value_or(std::vector<InventorySoftware>{}))
            if (software.name == "nginx") {
                seen = true;
                EXPECT_EQ(software.version, "");
                EXPECT_EQ(software.cpe, "cpe:/a:igor_sysoev:nginx");
                EXPECT_TRUE(software.port == "80/tcp" || software.port == "443/tcp") << software.port;
            }
    EXPECT_TRUE(seen);
}

TEST(NmapXmlRealFiles, BestOsMatchWithAccuracyAndCpes) {
    MAMORI_SHARED_FILE(bytes, "nmap/python-libnmap_full_sudo6.xml");
    auto file = read_nmap_xml(bytes, "full_sudo6.xml");
    ASSERT_TRUE(file) << file.error().message;
    const InventoryDevice* windows7 = nullptr;
    for (const auto& device : file->devices)
        if (has_cpe(device, "cpe:/o:microsoft:windows_7::sp1")) windows7 = &device;
    ASSERT_NE(windows7, nullptr) << "a host whose best OS matches (five tied at 100%) include Windows 7 SP1";
    EXPECT_TRUE(has_cpe(*windows7, "cpe:/o:microsoft:windows_server_2008::beta3"));
    EXPECT_EQ(windows7->os_name, "Microsoft Windows Server 2008 Beta 3")
        << "the first of the tied matches names it";
    ASSERT_TRUE(windows7->os_accuracy);
    EXPECT_GE(*windows7->os_accuracy, 90);
    ASSERT_TRUE(windows7->os_name);
    EXPECT_NE(windows7->os_name->find("Windows"), std::string::npos);
    EXPECT_NE(windows7->where_field.at("os_name").find("full_sudo6.xml line "), std::string::npos);
    EXPECT_FALSE(windows7->mac_addresses.empty());
}

TEST(NmapXmlRealFiles, SmbV1IsAPlatformFact) {
    MAMORI_SHARED_FILE(bytes, "nmap/secureCodeBox_localhost-smb-script.xml");
    auto file = read_nmap_xml(bytes, "smb.xml");
    ASSERT_TRUE(file) << file.error().message;
    const auto* host = by_ip(*file, "10.50.0.2");
    ASSERT_NE(host, nullptr);
    EXPECT_EQ(host->name, "example.com");
    EXPECT_EQ(host->platform_facts, std::vector<std::string>{"smb1"});
}

TEST(NmapXmlRealFiles, OsGuessWithoutCpeGivesNoCpe) {
    MAMORI_SHARED_FILE(bytes, "nmap/python-libnmap_2_hosts_version.xml");
    auto file = read_nmap_xml(bytes, "2_hosts.xml");
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_EQ(file->devices.size(), 2u);
}

TEST(NmapXmlBroken, WrongRootIsRefused) {
    auto file = read_nmap_xml("<?xml version=\"1.0\"?><REQUEST><CONTENT/></REQUEST>", "agent.xml");
    ASSERT_FALSE(file);
    EXPECT_NE(file.error().message.find("not an nmap XML file"), std::string::npos) << file.error().message;
}

TEST(NmapXmlBroken, TruncatedNamesTheFileAndLine) {
    auto file = read_nmap_xml(
        "<?xml version=\"1.0\"?>\n<nmaprun>\n<host>\n<status state=\"up\"/>\n<address addr=\"10.0.0.1\"",
        "cut.xml");
    ASSERT_FALSE(file);
    EXPECT_NE(file.error().message.find("cut.xml"), std::string::npos) << file.error().message;
}

TEST(NmapXmlBroken, BillionLaughsIsRefused) {
    const std::string bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<nmaprun>&lol2;</nmaprun>";
    auto file = read_nmap_xml(bomb, "bomb.xml");
    ASSERT_FALSE(file);
    EXPECT_NE(file.error().message.find("DTD"), std::string::npos) << file.error().message;
}

TEST(NmapXmlBroken, ExternalDoctypeIsRefused) {
    auto file = read_nmap_xml(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \"http://example.com/x.dtd\">\n<nmaprun/>",
        "ext.xml");
    ASSERT_FALSE(file);
}

TEST(NmapXmlBroken, EmptyAndTooLargeAreRefusedBeforeParsing) {
    EXPECT_FALSE(read_nmap_xml("", "empty.xml"));
    EXPECT_FALSE(read_nmap_xml("  \n ", "blank.xml"));
    const std::string big(2 * 1024 * 1024, ' ');
    auto file = read_nmap_xml(big, "big.xml", {.max_bytes = 1024 * 1024});
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, ErrorCode::too_large);
}

TEST(NmapXmlBroken, HostsDownAreNotDevices) {
    auto file = read_nmap_xml(
        "<nmaprun><host><status state=\"down\"/><address addr=\"10.0.0.9\" addrtype=\"ipv4\"/></host>"
        "<host><status state=\"up\"/><address addr=\"10.0.0.8\" addrtype=\"ipv4\"/>"
        "<address addr=\"00:1A:2B:3C:4D:5E\" addrtype=\"mac\" vendor=\"Cisco\"/></host></nmaprun>",
        "mini.xml");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    EXPECT_EQ(file->devices[0].name, "10.0.0.8");
    EXPECT_EQ(file->devices[0].manufacturer, "Cisco");
    EXPECT_EQ(file->devices[0].mac_addresses, std::vector<std::string>{"00:1A:2B:3C:4D:5E"});
}

}  // namespace
}  // namespace mamori::feeds
