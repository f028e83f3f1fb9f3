#include "mamori/vendors/role_sharing.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mamori::vendors {
namespace {

using nlohmann::json;
using std::chrono::year_month_day;
using namespace std::chrono_literals;

TEST(RoleSharingTable, TheEmbeddedFileHoldsOnlyTheVerifiedRows) {
    const auto& table = builtin_role_sharing_table();
    EXPECT_EQ(table.title_ja, "医療情報システムの契約における当事者間の役割分担等に関する確認表");
    ASSERT_EQ(table.parts.size(), 2u);
    EXPECT_EQ(table.parts[0].label_ja, "【主に医療機関が実施する項目】");
    EXPECT_EQ(table.parts[1].label_ja, "【医療機関と事業者が共同で実施する項目】");
    ASSERT_EQ(table.rows.size(), 3u);
    const auto* first = find_row(table, "p1-1-1-vendor-security");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->part, "part1");
    EXPECT_EQ(first->number, "1 ①");
    EXPECT_EQ(first->item_ja, "事業者の情報セキュリティにおける対応状況");
    EXPECT_EQ(first->item_confidence, "V");
    EXPECT_EQ(first->content_confidence, "S");  // a summary, not the printed text
    const auto* path = find_row(table, "p2-communication-path");
    ASSERT_NE(path, nullptr);
    EXPECT_EQ(path->number, std::nullopt);  // its number is not known
    EXPECT_EQ(path->content_ja, std::nullopt);
    EXPECT_EQ(path->content_confidence, std::nullopt);
    const auto* guideline = find_row(table, "p2-a-1-provider-guideline");
    ASSERT_NE(guideline, nullptr);
    EXPECT_EQ(guideline->group_ja, "A 共通");
    EXPECT_NE(guideline->item_confidence, "V");  // the printed wording was not captured
    for (const auto& r : table.rows) {
        EXPECT_TRUE(r.source.starts_with("https://"));
        EXPECT_NE(find_part(table, r.part), nullptr);
    }
    EXPECT_EQ(find_row(table, "nope"), nullptr);
}

json good_file() {
    return json::parse(R"j({
      "format": "mamori.role-sharing-table", "format_version": 1,
      "title_ja": "確認表", "title_en": "Table", "published": "2024-06", "source": "https://example.org/t",
      "parts": [{"code": "part1", "label_ja": "一", "label_en": "One"}],
      "rows": [{"id": "r-1", "part": "part1", "group_ja": null, "number": "1", "item_ja": "項目",
                "item_confidence": "V", "content_ja": "内容", "content_confidence": "S",
                "source": "https://example.org/r", "checklist_items": ["r7-1-1"]}]
    })j");
}

TEST(RoleSharingTable, AGoodFileIsRead) {
    const auto parsed = parse_role_sharing_table("t.json", good_file().dump());
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->rows.size(), 1u);
    EXPECT_EQ(parsed->rows[0].checklist_items, std::vector<std::string>{"r7-1-1"});
    EXPECT_EQ(parsed->rows[0].group_ja, std::nullopt);
    EXPECT_EQ(parsed->rows[0].content_ja, "内容");
}

TEST(RoleSharingTable, EachBrokenFieldIsRefusedNamingFileAndPath) {
    struct Case {
        std::string pointer;  // the JSON pointer changed
        json value;           // its new value (null pointer value: erase)
        bool erase;
        std::string field;
    };
    const std::vector<Case> cases = {
        {"/format", "other", false, "t.json: format"},
        {"/format", json::array({"mamori.role-sharing-table"}), false, "t.json: format"},
        {"/format_version", 2, false, "t.json: format_version"},
        {"/title_ja", nullptr, true, "t.json: title_ja"},
        {"/source", "http://plain.example", false, "t.json: source"},
        {"/parts", json::array(), false, "t.json: parts"},
        {"/parts/0/code", "Part-1", false, "t.json: parts[0].code"},
        {"/parts/0/label_ja", "", false, "t.json: parts[0].label_ja"},
        {"/rows", json::array(), false, "t.json: rows"},
        {"/rows/0/id", nullptr, true, "t.json: rows[0].id"},
        {"/rows/0/id", "R 1", false, "t.json: rows[0].id"},
        {"/rows/0/part", "part9", false, "t.json: rows[0].part"},
        {"/rows/0/part", nullptr, true, "t.json: rows[0].part"},
        {"/rows/0/item_ja", nullptr, true, "t.json: rows[0].item_ja"},
        {"/rows/0/item_ja", std::string(201, 'x'), false, "t.json: rows[0].item_ja"},
        {"/rows/0/item_confidence", "X", false, "t.json: rows[0].item_confidence"},
        {"/rows/0/item_confidence", nullptr, true, "t.json: rows[0].item_confidence"},
        {"/rows/0/content_confidence", nullptr, false, "t.json: rows[0].content_confidence"},
        {"/rows/0/content_ja", nullptr, false, "t.json: rows[0].content_confidence"},
        {"/rows/0/number", 1, false, "t.json: rows[0].number"},
        {"/rows/0/group_ja", "a\u0007", false, "t.json: rows[0].group_ja"},
        {"/rows/0/source", nullptr, true, "t.json: rows[0].source"},
        {"/rows/0/checklist_items", "r7-1-1", false, "t.json: rows[0].checklist_items"},
        {"/rows/0/checklist_items/0", "R7 1", false, "t.json: rows[0].checklist_items[0]"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.pointer);
        json doc = good_file();
        const json::json_pointer pointer(c.pointer);
        if (c.erase)
            doc[pointer.parent_pointer()].erase(pointer.back());
        else
            doc[pointer] = c.value;
        const auto parsed = parse_role_sharing_table("t.json", doc.dump());
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        ASSERT_FALSE(parsed.error().fields.empty());
        EXPECT_EQ(parsed.error().fields.front().field, c.field);
    }
}

TEST(RoleSharingTable, ARepeatedRowIdIsNamedAtItsSecondPlace) {
    json doc = good_file();
    doc["rows"].push_back(doc["rows"][0]);
    const auto parsed = parse_role_sharing_table("t.json", doc.dump());
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().fields.front().field, "t.json: rows[1].id");
    EXPECT_NE(parsed.error().message.find("listed twice"), std::string::npos);
}

TEST(RoleSharingTable, NotJsonOrNotAnObjectIsRefused) {
    for (const std::string text : {"", "[]", "{", "\"x\""}) {
        const auto parsed = parse_role_sharing_table("t.json", text);
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().fields.front().field, "t.json: ");
    }
}

constexpr year_month_day kToday{2026y, std::chrono::December, 7d};

TEST(RoleSharingRows, TheRulesOfARow) {
    struct Case {
        const char* name;
        RowCheck check;
        std::string refused_field;  // empty: accepted
    };
    const auto no = FirstAnswer::no, yes = FirstAnswer::yes;
    const std::vector<Case> cases = {
        {"nothing answered", {}, ""},
        {"はい with its date", {yes, "2026-04-01", std::nullopt, ""}, ""},
        {"いいえ open", {no, "2026-04-01", std::nullopt, "次回打合せで確認"}, ""},
        {"いいえ resolved later", {no, "2026-04-01", "2026-06-30", ""}, ""},
        {"いいえ resolved the same day", {no, "2026-04-01", "2026-04-01", ""}, ""},
        {"today is allowed", {yes, "2026-12-07", std::nullopt, ""}, ""},
        {"answer without date", {yes, std::nullopt, std::nullopt, ""}, "first_checked_on"},
        {"date without answer", {std::nullopt, "2026-04-01", std::nullopt, ""}, "first_answer"},
        {"a day that does not exist", {yes, "2026-02-30", std::nullopt, ""}, "first_checked_on"},
        {"not a date", {yes, "1 April", std::nullopt, ""}, "first_checked_on"},
        {"in the future", {yes, "2026-12-08", std::nullopt, ""}, "first_checked_on"},
        {"完了日 on a はい row", {yes, "2026-04-01", "2026-05-01", ""}, "completed_on"},
        {"完了日 without 初回確認", {std::nullopt, std::nullopt, "2026-05-01", ""}, "completed_on"},
        {"完了日 before 初回確認", {no, "2026-04-01", "2026-03-31", ""}, "completed_on"},
        {"完了日 in the future", {no, "2026-04-01", "2027-01-01", ""}, "completed_on"},
        {"完了日 not a date", {no, "2026-04-01", "2026/05/01", ""}, "completed_on"},
        {"a control character in the note", {std::nullopt, std::nullopt, std::nullopt, "a\x01"}, "note"},
        {"a note too long", {std::nullopt, std::nullopt, std::nullopt, std::string(1001, 'x')}, "note"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto ok = check_row(c.check, kToday);
        if (c.refused_field.empty()) {
            EXPECT_TRUE(ok) << ok.error().message;
        } else {
            ASSERT_FALSE(ok);
            EXPECT_EQ(ok.error().code, ErrorCode::invalid_input);
            EXPECT_EQ(ok.error().fields.front().field, c.refused_field);
        }
    }
    EXPECT_TRUE(check_row({std::nullopt, std::nullopt, std::nullopt, std::string(1000, 'x')}, kToday));
}

TEST(RoleSharingRows, ProgressCountsAnsweredAndSettledRows) {
    const std::vector<RowCheck> checks = {
        {},
        {FirstAnswer::yes, "2026-04-01", std::nullopt, ""},
        {FirstAnswer::no, "2026-04-01", std::nullopt, ""},
        {FirstAnswer::no, "2026-04-01", "2026-05-01", ""},
    };
    const auto p = progress_of(checks, 5);
    EXPECT_EQ(p.total, 5);
    EXPECT_EQ(p.answered, 3);
    EXPECT_EQ(p.settled, 2);
    EXPECT_FALSE(is_settled(checks[2]));
    EXPECT_TRUE(is_settled(checks[3]));
}

TEST(RoleSharingRows, ChangedFieldsNameWhatDiffers) {
    const RowCheck before{FirstAnswer::no, "2026-04-01", std::nullopt, ""};
    RowCheck after = before;
    EXPECT_TRUE(changed_row_fields(before, after).empty());
    after.completed_on = "2026-05-01";
    after.note = "済";
    EXPECT_EQ(changed_row_fields(before, after), (std::vector<std::string>{"completed_on", "note"}));
    EXPECT_EQ(parse_first_answer("yes"), FirstAnswer::yes);
    EXPECT_EQ(parse_first_answer("はい"), std::nullopt);
    EXPECT_EQ(to_string(FirstAnswer::no), "no");
}

}  // namespace
}  // namespace mamori::vendors
