#include "mamori/inspection/record.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

namespace mamori::inspection {
namespace {

FrozenLine line(std::string id, std::optional<std::string> answer, std::optional<std::string> confirmed,
                std::optional<std::string> target, bool carried = false) {
    FrozenLine l;
    l.canonical_id = std::move(id);
    l.row = "main";
    l.answer = std::move(answer);
    l.confirmed_on = std::move(confirmed);
    l.target_date = std::move(target);
    l.needs_reconfirmation = carried;
    return l;
}

TEST(InspectionRecordProposal, ProposesIncompleteWhereAnAnswerOrItsDateIsMissing) {
    struct Case {
        const char* name;
        FrozenLine line;
        std::string missing;  // empty: no proposal
    };
    const std::vector<Case> cases = {
        {"unanswered", line("A", std::nullopt, std::nullopt, std::nullopt), "answer"},
        {"carried, not reconfirmed", line("B", "yes", "2026-04-01", std::nullopt, true), "answer"},
        {"yes with its date", line("C", "yes", "2026-04-01", std::nullopt), ""},
        {"yes without 確認日", line("D", "yes", std::nullopt, std::nullopt), "confirmed_on"},
        {"no with both dates", line("E", "no", "2026-04-01", "2027-03-31"), ""},
        {"no without 目標日", line("F", "no", "2026-04-01", std::nullopt), "target_date"},
        {"no without either date", line("G", "no", std::nullopt, std::nullopt), "confirmed_on"},
        {"not required", line("H", "not_required", std::nullopt, std::nullopt), ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto proposals = propose_incomplete({c.line});
        if (c.missing.empty()) {
            EXPECT_TRUE(proposals.empty());
        } else {
            ASSERT_EQ(proposals.size(), 1u);
            EXPECT_EQ(proposals[0].canonical_id, c.line.canonical_id);
            EXPECT_EQ(proposals[0].missing, c.missing);
        }
    }
}

TEST(InspectionRecordProposal, TheGateQuestionNeedsOnlyItsAnswer) {
    auto gate = line("PRE-00", "no", std::nullopt, std::nullopt);
    gate.gate = true;
    EXPECT_TRUE(propose_incomplete({gate}).empty());
    gate.answer.reset();
    EXPECT_EQ(propose_incomplete({gate}).size(), 1u);
}

TEST(InspectionRecordSnapshot, KeepsEveryLineWithItsAnswerDatesNoteAndEvidence) {
    FrozenChecklist c;
    c.assessment_id = 7;
    c.fiscal_year = 2026;
    c.edition = "R7";
    c.edition_revision = 2;
    c.form = "medical";
    c.form_title = "医療機関確認用";
    c.status = "submitted";
    c.submitted_at = "2026-06-01T00:00:00Z";
    c.frozen_at = "2026-07-01T00:00:00Z";
    auto l = line("1-(1)", "no", "2026-05-01", "2027-03-31");
    l.note = "更新予定";
    l.evidence = {"規程.pdf", "手順書"};
    c.lines = {l, line("1-(2)", std::nullopt, std::nullopt, std::nullopt)};
    const auto j = checklist_json(c);
    EXPECT_EQ(j["exists"], true);
    EXPECT_EQ(j["edition"], "R7");
    EXPECT_EQ(j["edition_revision"], 2);
    EXPECT_EQ(j["form"], "medical");
    EXPECT_EQ(j["status"], "submitted");
    ASSERT_EQ(j["lines"].size(), 2u);
    EXPECT_EQ(j["lines"][0]["answer"], "no");
    EXPECT_EQ(j["lines"][0]["target_date"], "2027-03-31");
    EXPECT_EQ(j["lines"][0]["note"], "更新予定");
    EXPECT_EQ(j["lines"][0]["evidence"], nlohmann::json({"規程.pdf", "手順書"}));
    EXPECT_TRUE(j["lines"][1]["answer"].is_null());

    const auto none = checklist_json(FrozenChecklist{.frozen_at = "2026-07-01T00:00:00Z"});
    EXPECT_EQ(none["exists"], false);
    EXPECT_TRUE(none["lines"].empty());
}

std::string file_with(const nlohmann::json& lines, nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json doc = {{"format", "mamori.inspection-record"},
                          {"format_version", 1},
                          {"visit_id", 12},
                          {"device", "tablet-1"},
                          {"lines", lines}};
    doc.update(extra);
    return doc.dump();
}

TEST(InspectionRecordFile, ReadsAFileItWrote) {
    RecordFile file;
    file.visit_id = 12;
    file.device = "タブレット1";
    file.summary = "概ね良好";
    file.completed = true;
    file.lines = {{"1-(1)", "main", Verdict::finding, "規程が未整備", "内部メモ", "規程集", 3},
                  {"1-(2)", "server", Verdict::confirmed, "", "", "", 0}};
    const auto parsed = parse_record_file(record_file_json(file).dump());
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->visit_id, 12);
    EXPECT_EQ(parsed->device, "タブレット1");
    EXPECT_EQ(parsed->summary, "概ね良好");
    EXPECT_TRUE(parsed->completed);
    ASSERT_EQ(parsed->lines.size(), 2u);
    EXPECT_EQ(parsed->lines[0].verdict, Verdict::finding);
    EXPECT_EQ(parsed->lines[0].finding, "規程が未整備");
    EXPECT_EQ(parsed->lines[0].base_version, 3);
    EXPECT_EQ(parsed->lines[1].row, "server");
}

TEST(InspectionRecordFile, RefusesWhatIsOutOfShapeNamingThePath) {
    const nlohmann::json ok = {
        {"canonical_id", "A"}, {"row", "main"}, {"verdict", "confirmed"}, {"base_version", 0}};
    auto with = [&](const char* key, nlohmann::json value) {
        auto l = ok;
        l[key] = std::move(value);
        return file_with({ok, l});
    };
    struct Case {
        std::string text;
        std::string field;
    };
    const std::vector<Case> cases = {
        {"not json", "$"},
        {"[1]", "$"},
        {std::string(2000, '[') + std::string(2000, ']'), "$"},
        {std::string(kRecordFileMaxBytes + 1, ' '), "$"},
        {nlohmann::json({{"format", "other"}}).dump(), "format"},
        {file_with({ok}, {{"format_version", 2}}), "format_version"},
        {file_with({ok}, {{"visit_id", "12"}}), "visit_id"},
        {file_with({ok}, {{"lines", {{"a", 1}}}}), "lines"},
        {file_with({ok}, {{"device", std::string(101, 'x')}}), "device"},
        {file_with({ok}, {{"completed", "yes"}}), "completed"},
        {with("verdict", "ok"), "lines[1].verdict"},
        {with("verdict", "finding"), "lines[1].finding"},
        {with("finding", "text on a 確認"), "lines[1].finding"},
        {with("canonical_id", ""), "lines[1].canonical_id"},
        {with("row", 3), "lines[1].row"},
        {with("note", std::string(2001, 'x')), "lines[1].note"},
        {with("note", 5), "lines[1].note"},
        {[&] {
             auto text = with("evidence_seen", "@BAD@");
             return text.replace(text.find("@BAD@"), 5, "\xff");
         }(),
         "$"},
        {with("base_version", -1), "lines[1].base_version"},
        {with("base_version", "1"), "lines[1].base_version"},
        {file_with({ok, ok}), "lines[1]"},
        {file_with(nlohmann::json::array({1})), "lines[0]"},
        {file_with(nlohmann::json(std::vector<nlohmann::json>(kRecordFileMaxLines + 1, ok))), "lines"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text.substr(0, 120));
        const auto parsed = parse_record_file(c.text);
        ASSERT_FALSE(parsed);
        EXPECT_EQ(parsed.error().code, ErrorCode::invalid_input);
        ASSERT_FALSE(parsed.error().fields.empty());
        EXPECT_EQ(parsed.error().fields[0].field, c.field);
        const auto& reason = parsed.error().fields[0].reason;
        EXPECT_NE(std::find(std::begin(kRecordFileReasons), std::end(kRecordFileReasons), reason),
                  std::end(kRecordFileReasons))
            << "a known reason, not '" << reason << "'";
    }
    // The reasons a page words, with the value they speak of.
    const auto many = parse_record_file(file_with(nlohmann::json(std::vector<nlohmann::json>(kRecordFileMaxLines + 1, ok))));
    EXPECT_EQ(many.error().fields[0].reason, "too_many_lines");
    EXPECT_EQ(many.error().fields[0].value, std::to_string(kRecordFileMaxLines));
    const auto repeated = parse_record_file(file_with({ok, ok}));
    EXPECT_EQ(repeated.error().fields[0].reason, "line_repeated");
    EXPECT_EQ(repeated.error().fields[0].value, "A main");
    EXPECT_EQ(parse_record_file(with("verdict", "finding")).error().fields[0].reason, "finding_required");
    EXPECT_EQ(parse_record_file("not json").error().fields[0].reason, "file_not_json");
}

}  // namespace
}  // namespace mamori::inspection

namespace mamori::inspection {
namespace {

TEST(InspectionDay, ThePlannedDateWhenTheRecordSpansItElseTheDayTheRecordStarted) {
    using namespace std::chrono;
    using D = year_month_day;
    struct Case {
        const char* why;
        std::optional<D> planned;
        D started;
        std::optional<D> completed;
        D expected;
    };
    constexpr D kToday{2026y, December, 20d};
    for (const auto& c : {
             Case{"started and completed on the planned day", D{2026y, December, 10d}, D{2026y, December, 10d},
                  D{2026y, December, 10d}, D{2026y, December, 10d}},
             Case{"taken offline the day before, synced two days after", D{2026y, December, 10d},
                  D{2026y, December, 9d}, D{2026y, December, 12d}, D{2026y, December, 10d}},
             Case{"held earlier than planned", D{2026y, December, 27d}, D{2026y, December, 7d},
                  D{2026y, December, 7d}, D{2026y, December, 7d}},
             Case{"held later than planned", D{2026y, December, 1d}, D{2026y, December, 8d},
                  D{2026y, December, 8d}, D{2026y, December, 8d}},
             Case{"an open record reaches today", D{2026y, December, 18d}, D{2026y, December, 17d}, std::nullopt,
                  D{2026y, December, 18d}},
             Case{"no planned date", std::nullopt, D{2026y, December, 5d}, D{2026y, December, 6d},
                  D{2026y, December, 5d}},
         }) {
        SCOPED_TRACE(c.why);
        EXPECT_EQ(inspection_day(c.planned, c.started, c.completed, kToday), c.expected);
    }
}

}  // namespace
}  // namespace mamori::inspection
