#include <gtest/gtest.h>

#include "services/asset_import.hpp"

namespace mamori::services {
namespace {

TEST(ImportFormatDetection, ByContentNotByName) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<!-- Nmap -->\n<nmaprun/>", "nmap"},
        {"<!--\nlicence\n-->\n<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\">", "nmap"},
        {"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<REQUEST>\n<CONTENT>", "fusioninventory"},
        {"{\"components\": [], \"bomFormat\": \"CycloneDX\"}", "cyclonedx"},
        {"{\"deviceid\": \"x\", \"content\": {}}", "glpi"},
        {"\xEF\xBB\xBF\"区分\",\"名称\"\r\n", "template_csv"},
        {std::string("PK\x03\x04", 4) + "rest", "template_xlsx"},
        {"<html><body/></html>", ""},
        {"just words", ""},
        {"", ""},
    };
    for (const auto& [bytes, format] : cases) EXPECT_EQ(detect_import_format(bytes), format) << bytes;
}

TEST(ImportFormatDetection, UnknownFormatWordIsRefusedNamingTheField) {
    auto file = read_inventory("excel", "a.xls", "x");
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().fields.at(0).field, "format");
    auto empty = read_inventory("auto", "a.csv", " \n");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("empty"), std::string::npos);
}

}  // namespace
}  // namespace mamori::services
