#include "mamori/vendors/system_kinds.hpp"

#include <gtest/gtest.h>

namespace mamori::vendors {
namespace {

TEST(SystemKinds, TheEmbeddedFileHoldsTheEightKindsOfTheRegister) {
    const auto& kinds = builtin_system_kinds();
    ASSERT_EQ(kinds.size(), 8u);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"ehr", "電子カルテ"},         {"receipt", "レセコン"},   {"online_eligibility", "オンライン資格確認"},
        {"pacs", "PACS"},              {"departmental", "部門システム"}, {"network", "ネットワーク"},
        {"medical_device", "医療機器"}, {"other", "その他"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(kinds[i].code, expected[i].first);
        EXPECT_EQ(kinds[i].label_ja, expected[i].second);
        EXPECT_FALSE(kinds[i].label_en.empty());
    }
    ASSERT_NE(find_system_kind(kinds, "pacs"), nullptr);
    EXPECT_EQ(find_system_kind(kinds, "PACS"), nullptr);
    EXPECT_EQ(find_system_kind(kinds, ""), nullptr);
}

TEST(SystemKinds, EachBrokenFileIsRefusedNamingFileAndPath) {
    // doc: a file of the right format with `kinds` as given.
    const auto doc = [](const std::string& kinds) {
        return R"j({"format": "mamori.system-kinds", "format_version": 1, "kinds": )j" + kinds + "}";
    };
    const std::string good = R"j({"code": "a", "label_ja": "あ", "label_en": "A"})j";
    struct Case {
        std::string text;
        std::string field;
    };
    const std::vector<Case> cases = {
        {"[]", "k.json: "},
        {"not json", "k.json: "},
        {R"j({"format": "other", "format_version": 1, "kinds": [)j" + good + "]}", "k.json: format"},
        {R"j({"format": "mamori.system-kinds", "format_version": 2, "kinds": [)j" + good + "]}",
         "k.json: format_version"},
        {doc("[]"), "k.json: kinds"},
        {doc("{}"), "k.json: kinds"},
        {doc("[" + good + ", 3]"), "k.json: kinds[1]"},
        {doc(R"j([{"code": "A-B", "label_ja": "あ", "label_en": "A"}])j"), "k.json: kinds[0].code"},
        {doc(R"j([{"label_ja": "あ", "label_en": "A"}])j"), "k.json: kinds[0].code"},
        {doc("[" + good + R"j(, {"code": "a", "label_ja": "い", "label_en": "B"}])j"), "k.json: kinds[1].code"},
        {doc(R"j([{"code": "a", "label_en": "A"}])j"), "k.json: kinds[0].label_ja"},
        {doc(R"j([{"code": "a", "label_ja": "", "label_en": "A"}])j"), "k.json: kinds[0].label_ja"},
        {doc(R"j([{"code": "a", "label_ja": "あ", "label_en": "A\u0007"}])j"), "k.json: kinds[0].label_en"},
        {doc(R"j([{"code": "a", "label_ja": "あ", "label_en": ")j" + std::string(41, 'x') + R"j("}])j"),
         "k.json: kinds[0].label_en"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = parse_system_kinds("k.json", c.text);
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        ASSERT_FALSE(parsed.error().fields.empty());
        EXPECT_EQ(parsed.error().fields.front().field, c.field);
    }
}

TEST(SystemKinds, AKindAddedToTheDataIsTaken) {
    const auto parsed = parse_system_kinds(
        "k.json", R"({"format": "mamori.system-kinds", "format_version": 1, "kinds": [
            {"code": "ehr", "label_ja": "電子カルテ", "label_en": "EHR"},
            {"code": "lab", "label_ja": "検体検査システム", "label_en": "Laboratory system"}]})");
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->size(), 2u);
    EXPECT_EQ((*parsed)[1].label_ja, "検体検査システム");
}

}  // namespace
}  // namespace mamori::vendors
