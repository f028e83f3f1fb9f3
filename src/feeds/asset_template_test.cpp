#include "mamori/feeds/asset_template.hpp"

#include <gtest/gtest.h>

namespace mamori::feeds {
namespace {

TEST(AssetTemplate, ItsOwnCsvReadsBackAsTheExampleRow) {
    auto file = read_asset_template_csv(asset_template_csv(), "template.csv");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    const auto& device = file->devices[0];
    EXPECT_EQ(device.asset_class, "server");
    EXPECT_EQ(device.name, "電子カルテサーバ1");
    EXPECT_EQ(device.vendor_managed, true);
    EXPECT_EQ(device.internet_facing, false);
    EXPECT_EQ(device.ip_addresses, std::vector<std::string>{"192.168.10.5"});
    ASSERT_EQ(device.cpes.size(), 1u);
    EXPECT_EQ(device.where_field.at("name"), "template.csv line 2 column 名称");
}

TEST(AssetTemplate, ItsOwnXlsxReadsBack) {
    auto bytes = asset_template_xlsx();
    ASSERT_TRUE(bytes) << bytes.error().message;
    auto file = read_asset_template_xlsx(*bytes, "template.xlsx");
    ASSERT_TRUE(file) << file.error().message;
    ASSERT_EQ(file->devices.size(), 1u);
    EXPECT_EQ(file->devices[0].name, "電子カルテサーバ1");
    EXPECT_EQ(file->devices[0].serial, "ABC123456");
}

TEST(AssetTemplate, ColumnsTheFileLacksStayUnknownAndListsSplit) {
    auto file = read_asset_template_csv("名称,IPアドレス,MACアドレス\nPC-01,10.0.0.1; 10.0.0.2,\n", "a.csv");
    ASSERT_TRUE(file) << file.error().message;
    const auto& device = file->devices.at(0);
    EXPECT_FALSE(device.location);
    EXPECT_FALSE(device.asset_class);
    EXPECT_EQ(device.ip_addresses, (std::vector<std::string>{"10.0.0.1", "10.0.0.2"}));
    EXPECT_TRUE(device.mac_addresses.empty());
}

TEST(AssetTemplate, BadCellsAreIssuesWithLineAndColumn) {
    auto file = read_asset_template_csv("区分,名称,リモート保守\nプリンタ,PC-01,たぶん\n", "b.csv");
    ASSERT_TRUE(file) << file.error().message;
    const auto& issues = file->devices.at(0).issues;
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].where, "b.csv line 2 column 区分");
    EXPECT_EQ(issues[0].field, "asset_class");
    EXPECT_EQ(issues[1].field, "remote_maintenance");
}

TEST(AssetTemplate, NotTheTemplateOrEmpty) {
    EXPECT_FALSE(read_asset_template_csv("a,b,c\n1,2,3\n", "other.csv"));
    EXPECT_FALSE(read_asset_template_csv("", "empty.csv"));
    EXPECT_FALSE(read_asset_template_csv("名称,名称\nx,y\n", "twice.csv"));
    EXPECT_FALSE(read_asset_template_xlsx("PK not a zip", "broken.xlsx"));
}

}  // namespace
}  // namespace mamori::feeds
