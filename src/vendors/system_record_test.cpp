#include "mamori/vendors/system_record.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace mamori::vendors {
namespace {

SystemRecord ehr() {
    SystemRecord r;
    r.kind = "ehr";
    r.name = "電子カルテ";
    r.product_name = "デモカルテ";
    r.product_version = "5.2";
    r.vendor_name = "デモメディカルシステムズ株式会社";
    r.contract_start = "2024-04-01";
    r.contract_end = "2029-03-31";
    r.maintenance_contract = true;
    r.remote_maintenance = true;
    r.remote_method = "vpn";
    r.remote_device = "VPNルータ";
    r.connection_point = "サーバ室のUTM";
    return r;
}

TEST(SystemRecord, AFullRecordAndAMinimalOnePass) {
    EXPECT_TRUE(check_system_record(ehr(), builtin_system_kinds()));
    SystemRecord minimal;
    minimal.kind = "other";
    minimal.name = "受付番号表示";
    EXPECT_TRUE(check_system_record(minimal, builtin_system_kinds()));
    auto same_day = ehr();
    same_day.contract_end = same_day.contract_start;
    EXPECT_TRUE(check_system_record(same_day, builtin_system_kinds()));
    auto other = ehr();
    other.remote_method = "other";
    other.remote_method_note = "画面共有ツール";
    EXPECT_TRUE(check_system_record(other, builtin_system_kinds()));
}

TEST(SystemRecord, EachBrokenRuleNamesItsField) {
    struct Case {
        const char* why;
        std::function<void(SystemRecord&)> change;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"unknown kind", [](auto& r) { r.kind = "mainframe"; }, "kind"},
        {"no name", [](auto& r) { r.name = ""; }, "name"},
        {"name too long", [](auto& r) { r.name = std::string(101, 'a'); }, "name"},
        {"control character", [](auto& r) { r.product_name = "a\x01"; }, "product_name"},
        {"broken UTF-8", [](auto& r) { r.vendor_name = "\xE3\x81"; }, "vendor_name"},
        {"version too long", [](auto& r) { r.product_version = std::string(101, '1'); }, "product_version"},
        {"bad start date", [](auto& r) { r.contract_start = "2024/04/01"; }, "contract_start"},
        {"impossible end date", [](auto& r) { r.contract_end = "2029-02-30"; }, "contract_end"},
        {"end before start", [](auto& r) { r.contract_end = "2024-03-31"; }, "contract_end"},
        {"data location", [](auto& r) { r.data_location = "moon"; }, "data_location"},
        {"unknown method", [](auto& r) { r.remote_method = "modem"; }, "remote_method"},
        {"remote without method", [](auto& r) { r.remote_method.reset(); }, "remote_method"},
        {"other without note", [](auto& r) { r.remote_method = "other"; }, "remote_method_note"},
        {"method without remote",
         [](auto& r) {
             r.remote_maintenance = false;
             r.remote_device.clear();
             r.connection_point.clear();
         },
         "remote_method"},
        {"device without remote",
         [](auto& r) {
             r.remote_maintenance = false;
             r.remote_method.reset();
             r.connection_point.clear();
         },
         "remote_device"},
        {"connection point without remote",
         [](auto& r) {
             r.remote_maintenance = false;
             r.remote_method.reset();
             r.remote_device.clear();
         },
         "connection_point"},
        {"connection point too long", [](auto& r) { r.connection_point = std::string(201, 'x'); }, "connection_point"},
        {"backup", [](auto& r) { r.backup_responsibility = "nobody"; }, "backup_responsibility"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.why);
        auto record = ehr();
        c.change(record);
        const auto checked = check_system_record(record, builtin_system_kinds());
        ASSERT_FALSE(checked);
        EXPECT_EQ(checked.error().code, ErrorCode::invalid_input);
        ASSERT_EQ(checked.error().fields.size(), 1u) << checked.error().message;
        EXPECT_EQ(checked.error().fields[0].field, c.field);
    }
}

TEST(SystemRecord, CharactersNotBytesCount) {
    auto r = ehr();
    r.name = std::string();
    for (int i = 0; i < 100; ++i) r.name += "医";  // 100 characters, 300 bytes
    EXPECT_TRUE(check_system_record(r, builtin_system_kinds()));
    r.name += "療";
    EXPECT_FALSE(check_system_record(r, builtin_system_kinds()));
}

TEST(SystemRecord, EveryProblemIsListed) {
    auto r = ehr();
    r.kind = std::string(1, 'x');  // a literal here trips GCC 12's -Wrestrict false positive
    r.name.clear();
    r.contract_end = std::string("2000-01-01");
    const auto checked = check_system_record(r, builtin_system_kinds());
    ASSERT_FALSE(checked);
    ASSERT_EQ(checked.error().fields.size(), 3u);
    EXPECT_EQ(checked.error().fields[0].field, "kind");
    EXPECT_EQ(checked.error().fields[1].field, "name");
    EXPECT_EQ(checked.error().fields[2].field, "contract_end");
}

TEST(SystemRecord, ChangedFieldsNameWhatDiffers) {
    auto before = ehr(), after = ehr();
    EXPECT_TRUE(changed_fields(before, after).empty());
    after.product_version = "6.0";
    after.remote_method = "internet";
    EXPECT_EQ(changed_fields(before, after), (std::vector<std::string>{"product_version", "remote_method"}));
}

}  // namespace
}  // namespace mamori::vendors
