#include "mamori/preparedness/bcp.hpp"

#include <gtest/gtest.h>

namespace mamori::preparedness {
namespace {

using nlohmann::json;

json minimal() {
    return json::parse(R"({
      "format": "mamori.bcp_checklist", "format_version": 1, "title_ja": "確認表",
      "source": "https://example.org/a",
      "phases": [
        {"code": "1", "label_ja": "平時", "label_en": "Normal", "confidence": "S", "rows": [
          {"code": "1-1", "heading_ja": "見出し", "source": "https://example.org/b", "confidence": "V"}]},
        {"code": "2", "label_ja": "検知", "label_en": "Detection", "confidence": "S", "note_ja": "未収録", "rows": []}
      ]})");
}

std::vector<std::string> fields_of(const Result<BcpChecklist>& parsed) {
    std::vector<std::string> out;
    if (!parsed)
        for (const auto& f : parsed.error().fields) out.push_back(f.field);
    return out;
}

TEST(BcpChecklist, TheShippedFileHasTheFivePhasesAndOnlyTheVerifiedRows) {
    const auto& c = builtin_bcp_checklist();
    ASSERT_EQ(c.phases.size(), 5u);
    std::vector<std::string> labels, codes;
    for (const auto& p : c.phases) {
        labels.push_back(p.label_ja);
        for (const auto& r : p.rows) {
            codes.push_back(r.code);
            EXPECT_EQ(r.confidence, "V") << r.code;
            EXPECT_TRUE(r.source.starts_with("https://")) << r.code;
        }
        if (p.rows.empty()) {
            EXPECT_FALSE(p.note_ja.empty()) << p.code;
        }
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"平時", "検知", "初動対応", "復旧処理", "事後対応"}));
    EXPECT_EQ(codes, (std::vector<std::string>{"1-1", "1-2", "5-2", "5-3", "5-4", "5-5", "5-6"}));
    ASSERT_NE(find_bcp_row(c, "1-2"), nullptr);
    EXPECT_EQ(find_bcp_row(c, "1-2")->heading_ja,
              "非常時に備えたサイバーセキュリティ体制の整備とリスク検知のための情報収集");
    EXPECT_EQ(find_bcp_row(c, "5-1"), nullptr);
}

TEST(BcpChecklist, AMinimalFileParses) {
    const auto parsed = parse_bcp_checklist("b.json", minimal().dump());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->phases[1].note_ja, "未収録");
    EXPECT_TRUE(parsed->phases[1].rows.empty());
}

TEST(BcpChecklist, ProblemsNameTheFileAndThePath) {
    struct Case {
        const char* pointer;
        json value;
        std::string field;
    };
    const std::vector<Case> cases{
        {"/phases/0/rows/0/code", "2-1", "b.json: phases[0].rows[0].code"},  // not the phase's number
        {"/phases/0/rows/0/confidence", "I", "b.json: phases[0].rows[0].confidence"},
        {"/phases/0/rows/0/source", "http://x", "b.json: phases[0].rows[0].source"},
        {"/phases/0/rows/0/heading_ja", "", "b.json: phases[0].rows[0].heading_ja"},
        {"/phases/1/code", "1", "b.json: phases[1].code"},       // twice
        {"/phases/1/note_ja", "", "b.json: phases[1].note_ja"},  // no rows and no note
        {"/format_version", 2, "b.json: format_version"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.pointer);
        json doc = minimal();
        doc[json::json_pointer(c.pointer)] = c.value;
        const auto parsed = parse_bcp_checklist("b.json", doc.dump());
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(fields_of(parsed), std::vector<std::string>{c.field});
        EXPECT_TRUE(parsed.error().message.starts_with(c.field)) << parsed.error().message;
    }
    json missing = minimal();
    missing["phases"][0]["rows"][0].erase("source");
    EXPECT_EQ(fields_of(parse_bcp_checklist("b.json", missing.dump())),
              std::vector<std::string>{"b.json: phases[0].rows[0].source"});
    EXPECT_FALSE(parse_bcp_checklist("b.json", "[1]"));
    EXPECT_FALSE(parse_bcp_checklist("b.json", "{"));
}

TEST(BcpAnswer, StatusIsOneOfThreeAndTextsAreLimited) {
    const auto ok = check_bcp_answer({{"status", "not_applicable"}, {"note", "外来のみ"}, {"extra", 1}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, (json{{"status", "not_applicable"}, {"note", "外来のみ"}, {"evidence", ""}}));
    const auto bad = check_bcp_answer({{"status", "yes"}, {"evidence", std::string(1001, 'a')}});
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().fields.size(), 2u);
    EXPECT_EQ(bad.error().fields[0].field, "status");
    EXPECT_EQ(bad.error().fields[1].field, "evidence");
    EXPECT_FALSE(check_bcp_answer({{"note", "x"}}));
    EXPECT_FALSE(check_bcp_answer(json::array()));
}

}  // namespace
}  // namespace mamori::preparedness
