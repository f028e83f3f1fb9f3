#include "mamori/inspection/package.hpp"

#include <gtest/gtest.h>

namespace mamori::inspection {
namespace {

using namespace std::chrono;
using documents::AssessmentDocument;
using documents::DocumentAnswer;
using documents::DocumentRow;

constexpr year_month_day kToday{year(2026), month(12), day(6)};

DocumentRow row(const char* id, const char* number, const char* value, const char* target = "") {
    DocumentRow r;
    r.canonical_id = id;
    r.row_key = "main";
    r.number = number;
    r.text_ja = std::string("項目 ") + id;
    if (*value != '\0') {
        DocumentAnswer a;
        a.value = value;
        a.target_date = target;
        r.answer = a;
    }
    return r;
}

AssessmentDocument doc(std::vector<DocumentRow> rows, const char* status = "draft") {
    AssessmentDocument d;
    d.status = status;
    d.rows = std::move(rows);
    return d;
}

TEST(PrevisitPackage, NoChecklistThisYear) {
    const auto p =
        build_package({.fiscal_year = 2026, .institution = {.name = "デモ総合病院"}, .today = kToday});
    EXPECT_EQ(p.checklist_status, "none");
    EXPECT_EQ(p.lines, 0);
    EXPECT_TRUE(p.no_lines.empty());
    EXPECT_FALSE(p.has_last_year);
    EXPECT_FALSE(p.vendor_forms_available);
    EXPECT_EQ(p.institution.name, "デモ総合病院");
}

TEST(PrevisitPackage, EveryNoWithItsTargetAndTheOverdueOnes) {
    const auto p =
        build_package({.fiscal_year = 2026,
                       .this_year = doc({row("A-01", "1-①", "yes"), row("A-02", "1-②", "no", "2026-12-05"),
                                         row("A-03", "1-③", "no", "2026-12-06"), row("A-04", "1-④", "no"),
                                         row("A-05", "1-⑤", "")},
                                        "submitted"),
                       .today = kToday});
    EXPECT_EQ(p.checklist_status, "submitted");
    EXPECT_EQ(p.lines, 5);
    EXPECT_EQ(p.answered, 4);
    ASSERT_EQ(p.no_lines.size(), 3u);
    EXPECT_EQ(p.no_lines[0].label, "1-②");
    EXPECT_EQ(p.no_lines[0].target_date, "2026-12-05");
    EXPECT_TRUE(p.no_lines[0].overdue);
    EXPECT_FALSE(p.no_lines[1].overdue);  // due today: still in time
    EXPECT_FALSE(p.no_lines[2].overdue);  // no target date
    ASSERT_EQ(p.overdue.size(), 1u);
    EXPECT_EQ(p.overdue[0].canonical_id, "A-02");
}

TEST(PrevisitPackage, ChangesSinceLastYearAreAnswersThatDiffer) {
    const auto p = build_package(
        {.fiscal_year = 2026,
         .this_year = doc({row("A-01", "1-①", "yes"), row("A-02", "1-②", "no"), row("A-03", "1-③", ""),
                           row("A-04", "1-④", "yes"), row("NEW-01", "9-①", "no")}),
         .last_year = doc({row("A-01", "1-①", "no"), row("A-02", "1-②", "no"), row("A-03", "1-③", "yes"),
                           row("A-04", "1-④", "")}),
         .today = kToday});
    ASSERT_TRUE(p.has_last_year);
    ASSERT_EQ(p.changes.size(), 2u);
    EXPECT_EQ(p.changes[0].line.canonical_id, "A-01");
    EXPECT_EQ(p.changes[0].before, "no");
    EXPECT_EQ(p.changes[0].after, "yes");
    EXPECT_EQ(p.changes[1].line.canonical_id, "A-04");  // answered now, not last year
    EXPECT_EQ(p.changes[1].before, "");
}

TEST(PrevisitPackage, LastFindingsCountThoseWhoseRequestIsStillOpen) {
    const auto p = build_package({.fiscal_year = 2026,
                                  .last_visit_fiscal_year = 2025,
                                  .last_findings = {{"1-②", "a", RequestStatus::closed, "2025-12-01"},
                                                    {"1-③", "b", RequestStatus::returned, "2026-01-31"},
                                                    {"1-④", "c", std::nullopt, ""}},
                                  .today = kToday});
    EXPECT_EQ(p.last_visit_fiscal_year, 2025);
    EXPECT_EQ(p.last_findings.size(), 3u);
    EXPECT_EQ(p.last_findings_open, 1);
}

}  // namespace
}  // namespace mamori::inspection
