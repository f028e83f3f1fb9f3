#include "mamori/inspection/plan.hpp"

#include <gtest/gtest.h>

namespace mamori::inspection {
namespace {

using std::chrono::year_month_day;

constexpr year_month_day kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{6}};

std::string field_of(const Status& s) {
    return s ? "" : s.error().fields.empty() ? "?" : s.error().fields.front().field;
}

TEST(InspectionPlan, PlanDatesLieInTheFiscalYear) {
    struct Case {
        const char* text;
        bool ok;
    };
    const Case cases[] = {{"2026-04-01", true}, {"2027-03-31", true}, {"2026-03-31", false},
                          {"2027-04-01", false}, {"2026-02-30", false}, {"20261201", false}, {"", false}};
    for (const auto& c : cases) {
        const auto s = check_plan_date(c.text, 2026, "planned_on");
        EXPECT_EQ(s.has_value(), c.ok) << c.text;
        if (!c.ok) {
            EXPECT_EQ(field_of(s), "planned_on") << c.text;
        }
    }
}

TEST(InspectionPlan, ANoticeNeedsBothDatesNotInThePastAndTheChecklistFirst) {
    struct Case {
        std::optional<std::string> planned, due;
        std::string field;  // empty: accepted
    };
    const Case cases[] = {
        {"2026-12-27", "2026-12-20", ""},
        {"2026-12-06", "2026-12-06", ""},  // today is allowed for both
        {std::nullopt, "2026-12-20", "planned_on"},
        {"2026-12-05", "2026-12-05", "planned_on"},
        {"2026-12-27", std::nullopt, "checklist_due_on"},
        {"2026-12-27", "2026-12-05", "checklist_due_on"},
        {"2026-12-27", "2026-12-28", "checklist_due_on"},  // asked for after the visit
        {"2026-12-27", "not a date", "checklist_due_on"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(field_of(check_notice(c.planned, c.due, kToday)), c.field)
            << c.planned.value_or("-") << " / " << c.due.value_or("-");
}

TEST(InspectionPlan, APostponementSaysWhy) {
    EXPECT_TRUE(check_postpone_reason("院長の都合"));
    EXPECT_EQ(field_of(check_postpone_reason("")), "reason");
    EXPECT_EQ(field_of(check_postpone_reason(" \t ")), "reason");
    EXPECT_EQ(field_of(check_postpone_reason(std::string(501, 'x'))), "reason");
    EXPECT_EQ(field_of(check_postpone_reason("\xff")), "reason");
}

TEST(InspectionPlan, TheHeaderNamesTheColumnsInOrder) {
    EXPECT_FALSE(check_plan_header({"facility_id", "name", "planned_on", "reason", "status"}));
    EXPECT_FALSE(check_plan_header({"\xEF\xBB\xBF" "facility_id", "name", "planned_on", "reason", "status"}));
    const auto wrong = check_plan_header({"facility_id", "planned_on", "name", "reason", "status"});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->line, 1);
    EXPECT_EQ(wrong->column, "name");
    EXPECT_TRUE(check_plan_header({}));
}

TEST(InspectionPlan, PlanLinesAreReadOrRefusedNamingTheColumn) {
    struct Case {
        std::vector<std::string> cells;
        std::string column;  // empty: read
        std::optional<std::string> planned;
        std::string reason;
    };
    const Case cases[] = {
        {{"9913000000001", "デモ総合病院", "2026-12-20", "regular", "planned"}, "", "2026-12-20", "regular"},
        {{" 9913000000002 ", "", "", "cause"}, "", std::nullopt, "cause"},
        {{"9913000000002", "", ""}, "", std::nullopt, "regular"},  // reason defaults to regular
        {{"", "x", "2026-12-20"}, "facility_id", std::nullopt, ""},
        {{"99-13", "x", "2026-12-20"}, "facility_id", std::nullopt, ""},
        {{"9913000000001", "x", "2027-04-01"}, "planned_on", std::nullopt, ""},
        {{"9913000000001", "x", "12/20"}, "planned_on", std::nullopt, ""},
        {{"9913000000001", "x", "", "sometimes"}, "reason", std::nullopt, ""},
        {{"9913000000001", "x"}, "facility_id", std::nullopt, ""},  // too few columns
        {{"1", "2", "", "regular", "planned", "extra"}, "facility_id", std::nullopt, ""},
    };
    for (const auto& c : cases) {
        const auto parsed = parse_plan_line(c.cells, 7, 2026);
        if (c.column.empty()) {
            ASSERT_TRUE(std::holds_alternative<PlanLine>(parsed)) << std::get<PlanLineError>(parsed).message;
            const auto& line = std::get<PlanLine>(parsed);
            EXPECT_EQ(line.line, 7);
            EXPECT_EQ(line.planned_on, c.planned);
            EXPECT_EQ(line.reason, c.reason);
            EXPECT_EQ(line.facility_id.find(' '), std::string::npos);
        } else {
            ASSERT_TRUE(std::holds_alternative<PlanLineError>(parsed)) << c.column;
            EXPECT_EQ(std::get<PlanLineError>(parsed).column, c.column);
            EXPECT_EQ(std::get<PlanLineError>(parsed).line, 7);
        }
    }
}

TEST(InspectionPlan, APlanFileIsReadLineByLineWithItsErrors) {
    const std::string header = "\xEF\xBB\xBF" "facility_id,name,planned_on,reason,status\r\n";
    const auto file = read_plan_file(header +
                                         "9913000000001,デモ総合病院,2026-12-20,regular,notified\r\n"
                                         "9913000000002,\"さくら, 内科\",,cause,\r\n"
                                         "9913000000003,x,2027-04-01,regular,\r\n"
                                         "\r\n"
                                         "abc,x,,,\r\n",
                                     2026);
    ASSERT_EQ(file.lines.size(), 2u);
    EXPECT_EQ(file.lines[0].line, 2);
    EXPECT_EQ(file.lines[1].name, "さくら, 内科");
    EXPECT_EQ(file.lines[1].reason, "cause");
    ASSERT_EQ(file.errors.size(), 2u);
    EXPECT_EQ(file.errors[0].line, 4);
    EXPECT_EQ(file.errors[0].column, "planned_on");
    EXPECT_EQ(file.errors[1].line, 6);
    EXPECT_EQ(file.errors[1].column, "facility_id");

    const auto empty = read_plan_file("", 2026);
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_EQ(empty.errors[0].column, "file");
    const auto wrong = read_plan_file("id,date\n1,2026-12-01\n", 2026);
    ASSERT_EQ(wrong.errors.size(), 1u);
    EXPECT_EQ(wrong.errors[0].line, 1);
    EXPECT_TRUE(wrong.lines.empty());
    const auto quote = read_plan_file(header + "\"9913000000001,x\n", 2026);
    ASSERT_EQ(quote.errors.size(), 1u);
    EXPECT_EQ(quote.errors[0].column, "file");
    EXPECT_EQ(read_plan_file(std::string(kPlanFileMaxBytes + 1, 'x'), 2026).errors.size(), 1u);
}

}  // namespace
}  // namespace mamori::inspection

namespace mamori::inspection {
namespace {

documents::TableRow sheet_row(std::uint32_t row, std::vector<std::string> texts) {
    documents::TableRow out{row, {}};
    for (auto& t : texts) out.cells.push_back({std::move(t), std::nullopt});
    return out;
}

TEST(InspectionPlan, AWorkbookIsReadBelowItsTitleWithJapaneseHeadersAndValues) {
    std::vector<documents::TableRow> rows = {
        sheet_row(1, {"立入検査の年度計画　令和8年度"}),
        sheet_row(3, {"医療機関コード", "医療機関名", "予定日", "区分", "状態", "点検表の提出期限"}),
        sheet_row(4, {"9913000000001", "デモ総合病院", "46376", "定期", "通知済み", "2026-12-01"}),
        sheet_row(5, {"9913000000002", "さくら", "未定", "随時", "計画"}),
        sheet_row(6, {"", "", "", "", "", "only a column the import does not read"}),
        sheet_row(7, {"9913000000003", "", "2027/04/01", "定期"}),
        sheet_row(8, {"9913000000004", "", "", "臨時"}),
    };
    rows[2].cells[2].date = "2026-12-20";  // a date the spreadsheet keeps as a serial
    const auto file = read_plan_sheet(rows, 2026);
    ASSERT_EQ(file.lines.size(), 2u);
    EXPECT_EQ(file.lines[0].line, 4);
    EXPECT_EQ(file.lines[0].planned_on, "2026-12-20");
    EXPECT_EQ(file.lines[0].reason, "regular");
    EXPECT_EQ(file.lines[1].planned_on, std::nullopt);
    EXPECT_EQ(file.lines[1].reason, "cause");
    ASSERT_EQ(file.errors.size(), 2u);
    EXPECT_EQ(file.errors[0].line, 7);
    EXPECT_EQ(file.errors[0].code, "date_format");
    EXPECT_EQ(file.errors[0].cell, "C7");
    EXPECT_EQ(file.errors[0].value, "2027/04/01");
    EXPECT_EQ(file.errors[1].code, "reason_unknown");
    EXPECT_EQ(file.errors[1].cell, "D8");

    // The English header works as well; a sheet without a header says where it looked.
    const auto english = read_plan_sheet({sheet_row(1, {"facility_id", "name", "planned_on", "reason", "status"}),
                                          sheet_row(2, {"9913000000001", "", "2026-12-20"})},
                                         2026);
    EXPECT_EQ(english.lines.size(), 1u);
    EXPECT_TRUE(english.errors.empty());
    const auto headless = read_plan_sheet({sheet_row(2, {"9913000000001", "", "2026-12-20"})}, 2026);
    ASSERT_EQ(headless.errors.size(), 1u);
    EXPECT_EQ(headless.errors[0].code, "header_column");
    EXPECT_EQ(headless.errors[0].cell, "A2");
    const auto wrong = read_plan_sheet({sheet_row(1, {"医療機関コード", "医療機関名", "日付"})}, 2026);
    ASSERT_EQ(wrong.errors.size(), 1u);
    EXPECT_EQ(wrong.errors[0].column, "planned_on");
    EXPECT_EQ(wrong.errors[0].cell, "C1");
    EXPECT_EQ(read_plan_sheet({}, 2026).errors.at(0).code, "file_empty");
}

TEST(InspectionPlan, EveryErrorHasAKnownCode) {
    const std::string header = "facility_id,name,planned_on,reason,status\n";
    const auto file = read_plan_file(header + "x,,,\n1,\xff,,\n1,,2026-13-01\n1,,2027-04-01\n1,,,later\n1,2\n", 2026);
    ASSERT_EQ(file.errors.size(), 6u);
    std::vector<std::string> codes;
    for (const auto& e : file.errors) {
        EXPECT_NE(std::find(std::begin(kPlanErrorCodes), std::end(kPlanErrorCodes), e.code), std::end(kPlanErrorCodes))
            << e.code;
        codes.push_back(e.code);
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"facility_id_format", "name_invalid", "date_format",
                                               "date_outside_year", "reason_unknown", "column_count"}));
    EXPECT_EQ(file.errors[2].value, "2026-13-01");
    const auto words = read_plan_file(header + "1,,未定,随時\n2,,2026-12-20,定期\n", 2026);
    ASSERT_EQ(words.lines.size(), 2u) << "the exported workbook's words are taken in CSV too";
    EXPECT_EQ(words.lines[0].planned_on, std::nullopt);
    EXPECT_EQ(words.lines[0].reason, "cause");
    EXPECT_EQ(words.lines[1].reason, "regular");
    EXPECT_EQ(read_plan_file("", 2026).errors.at(0).code, "file_empty");
    EXPECT_EQ(read_plan_file(std::string(kPlanFileMaxBytes + 1, 'x'), 2026).errors.at(0).code, "file_too_large");
}

}  // namespace
}  // namespace mamori::inspection
