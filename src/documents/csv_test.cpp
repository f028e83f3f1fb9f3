#include "mamori/documents/csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "documents/sample_document.hpp"

namespace mamori::documents {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr std::string_view kHeader =
    "\xEF\xBB\xBF"
    "canonical_id,row_key,番号,確認事項,対象,回答,回答コード,理由コード,確認日,目標日,2回目,2回目コード,2回目確認日,備考,"
    "要再確認\r\n";

AssessmentDocument one_row(DocumentRow row) {
    AssessmentDocument doc;
    doc.rows.push_back(std::move(row));
    return doc;
}

// record: the CSV of a document with one row whose note is `note`, without the header.
std::string record_with_note(std::string note) {
    DocumentRow row{.canonical_id = "VUL-01", .row_key = "general", .number = "2-⑥", .text_ja = "パッチ"};
    row.answer = DocumentAnswer{.value = "yes", .note = std::move(note)};
    return render_csv(one_row(row)).substr(kHeader.size());
}

TEST(Csv, StartsWithTheBomAndTheJapaneseHeader) {
    EXPECT_EQ(render_csv(AssessmentDocument{}), kHeader);
}

TEST(Csv, WritesAnswersInJapaneseWithTheirCodesBesideThem) {
    DocumentRow row{.canonical_id = "IAM-01",
                    .row_key = "server",
                    .number = "2-④",
                    .section_ja = "医療情報システムの管理・運用",
                    .text_ja = "アクセス利用権限を設定している。",
                    .row_label_ja = "サーバ"};
    row.answer = DocumentAnswer{.value = "no",
                                .confirmed_on = "2025-06-02",
                                .target_date = "2026-03-31",
                                .second_value = "yes",
                                .second_confirmed_on = "2025-12-15",
                                .note = "予算待ち",
                                .needs_reconfirmation = true};
    EXPECT_EQ(render_csv(one_row(row)), std::string(kHeader) +
                                            "IAM-01,server,2-④,アクセス利用権限を設定している。,サーバ,いいえ,no,,"
                                            "2025-06-02,2026-03-31,はい,yes,2025-12-15,"
                                            "予算待ち,はい\r\n");
}

TEST(Csv, LeavesAnUnansweredRowsAnswerFieldsEmpty) {
    DocumentRow row{
        .canonical_id = "PRE-00", .row_key = "main", .text_ja = "医療情報システムを導入、運用している。"};
    EXPECT_EQ(render_csv(one_row(row)).substr(kHeader.size()),
              "PRE-00,main,,医療情報システムを導入、運用している。,,,,,,,,,,,\r\n");
}

TEST(Csv, WritesNotRequiredWithItsReason) {
    DocumentRow row{.canonical_id = "VND-01", .row_key = "general"};
    row.answer = DocumentAnswer{.value = "not_required", .reason = "no_vendor_contract"};
    EXPECT_EQ(render_csv(one_row(row)).substr(kHeader.size()),
              "VND-01,general,,,,記入不要,not_required,no_vendor_contract,,,,,,,\r\n");
}

TEST(Csv, WritesTheGateAnswerAsNotToBeChecked) {
    DocumentRow row{.canonical_id = "PRE-00", .row_key = "main"};
    row.answer = DocumentAnswer{.value = "not_required", .reason = "gate"};
    EXPECT_EQ(render_csv(one_row(row)).substr(kHeader.size()),
              "PRE-00,main,,,,確認不要,not_required,gate,,,,,,,\r\n");
}

TEST(Csv, QuotesCommasQuotesAndLineBreaks) {
    EXPECT_EQ(record_with_note("a, b"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,\"a, b\",\r\n");
    EXPECT_EQ(record_with_note("say \"hi\""), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,\"say \"\"hi\"\"\",\r\n");
    EXPECT_EQ(record_with_note("line 1\nline 2"),
              "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,\"line 1\nline 2\",\r\n");
    EXPECT_EQ(record_with_note("crlf\r\nend"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,\"crlf\r\nend\",\r\n");
    EXPECT_EQ(record_with_note("plain 日本語"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,plain 日本語,\r\n");
}

TEST(Csv, GuardsAgainstFormulaInjection) {
    EXPECT_EQ(record_with_note("=1+2"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,'=1+2,\r\n");
    EXPECT_EQ(record_with_note("+81 3"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,'+81 3,\r\n");
    EXPECT_EQ(record_with_note("-5"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,'-5,\r\n");
    EXPECT_EQ(record_with_note("@SUM(A1)"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,'@SUM(A1),\r\n");
    EXPECT_EQ(record_with_note("\tcmd"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,'\tcmd,\r\n");
    EXPECT_EQ(record_with_note("\r=cmd"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,\"'\r=cmd\",\r\n");
    EXPECT_EQ(record_with_note("=HYPERLINK(\"http://x\",\"y\")"),
              "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\r\n");
    EXPECT_EQ(record_with_note("a=b"), "VUL-01,general,2-⑥,パッチ,,はい,yes,,,,,,,a=b,\r\n");
    // Every column is guarded, not only the note.
    DocumentRow row{
        .canonical_id = "=cmd", .row_key = "-1", .number = "+1", .text_ja = "@x", .row_label_ja = "\tt"};
    EXPECT_EQ(render_csv(one_row(row)).substr(kHeader.size()), "'=cmd,'-1,'+1,'@x,'\tt,,,,,,,,,,\r\n");
}

TEST(Csv, HasOneRecordPerRowOfTheSample) {
    const AssessmentDocument doc = testing::sample_document({.rows = 25});
    const std::string csv = render_csv(doc);
    EXPECT_THAT(csv, StartsWith(std::string(kHeader)));
    EXPECT_THAT(csv, HasSubstr("\r\nGOV-01,main,1-①,"));
    // Quoted line breaks are inside records; count records by their canonical ids at line starts.
    std::size_t records = 0;
    for (const auto& row : doc.rows)
        if (csv.find("\r\n" + row.canonical_id + "," + row.row_key + ",") != std::string::npos) ++records;
    EXPECT_EQ(records, doc.rows.size());
}

}  // namespace
}  // namespace mamori::documents
