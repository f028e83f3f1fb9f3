#include "mamori/documents/xlsx.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "documents/sample_document.hpp"
#include "documents/test_zip.hpp"

namespace mamori::documents {
namespace {

using testing::edit_entry;
using ::testing::HasSubstr;
using testing::sample_document;

constexpr std::string_view kSheetPart = "xl/worksheets/sheet1.xml";

std::string rendered(const AssessmentDocument& doc) {
    auto bytes = render_xlsx(doc);
    EXPECT_TRUE(bytes) << bytes.error().message;
    return bytes.value_or("");
}

void expect_same(const AssessmentDocument& back, const AssessmentDocument& doc) {
    ASSERT_EQ(back.rows.size(), doc.rows.size());
    for (std::size_t i = 0; i < doc.rows.size(); ++i) {
        const DocumentRow& a = back.rows[i];
        const DocumentRow& b = doc.rows[i];
        SCOPED_TRACE("row " + std::to_string(i) + " " + b.canonical_id + "/" + b.row_key);
        EXPECT_EQ(a.canonical_id, b.canonical_id);
        EXPECT_EQ(a.row_key, b.row_key);
        EXPECT_EQ(a.number, b.number);
        EXPECT_EQ(a.section_ja, b.section_ja);
        EXPECT_EQ(a.text_ja, b.text_ja);
        EXPECT_EQ(a.row_label_ja, b.row_label_ja);
        EXPECT_EQ(a.unconfirmed, b.unconfirmed);
        ASSERT_EQ(a.answer.has_value(), b.answer.has_value());
        if (a.answer) {
            EXPECT_EQ(a.answer->value, b.answer->value);
            EXPECT_EQ(a.answer->reason, b.answer->reason);
            EXPECT_EQ(a.answer->confirmed_on, b.answer->confirmed_on);
            EXPECT_EQ(a.answer->target_date, b.answer->target_date);
            EXPECT_EQ(a.answer->second_value, b.answer->second_value);
            EXPECT_EQ(a.answer->second_confirmed_on, b.answer->second_confirmed_on);
            EXPECT_EQ(a.answer->note, b.answer->note);
            EXPECT_EQ(a.answer->needs_reconfirmation, b.answer->needs_reconfirmation);
            EXPECT_EQ(*a.answer, *b.answer);
        }
    }
}

void expect_round_trip(const AssessmentDocument& doc) {
    auto back = read_xlsx(rendered(doc));
    ASSERT_TRUE(back) << back.error().message;
    expect_same(*back, doc);
}

// excel_row: the 1-based sheet row of doc.rows[index] (a section header line precedes each new section).
std::uint32_t excel_row(const AssessmentDocument& doc, std::size_t index) {
    std::uint32_t row = 8;
    const std::string* section = nullptr;
    for (std::size_t i = 0; i <= index; ++i) {
        if (!section || *section != doc.rows[i].section_ja) {
            section = &doc.rows[i].section_ja;
            ++row;
        }
        ++row;
    }
    return row;
}

std::string ref(char column, std::uint32_t row) {
    return std::string(1, column) + std::to_string(row);
}

std::string xml_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '<')
            out += "&lt;";
        else if (c == '&')
            out += "&amp;";
        else
            out += c;
    }
    return out;
}

// set_cell: the sheet XML with cell `reference` replaced by `cell_xml` (the whole <c> element), or with
// the cell removed when `cell_xml` is empty.
std::string set_cell(std::string xml, const std::string& reference, const std::string& cell_xml) {
    const auto start = xml.find("<c r=\"" + reference + "\"");
    EXPECT_NE(start, std::string::npos) << reference;
    if (start == std::string::npos) return xml;
    const auto tag_end = xml.find('>', start);
    const auto end = xml[tag_end - 1] == '/' ? tag_end + 1 : xml.find("</c>", start) + 4;
    return xml.replace(start, end - start, cell_xml);
}

std::string inline_cell(const std::string& reference, std::string_view text) {
    return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml_escape(text) +
           "</t></is></c>";
}

std::string number_cell(const std::string& reference, std::string_view number) {
    return "<c r=\"" + reference + "\"><v>" + std::string(number) + "</v></c>";
}

// edited: the sample rendered, with the visible sheet's cells changed by `edits` (reference → <c> XML).
std::string edited(const AssessmentDocument& doc,
                   const std::vector<std::pair<std::string, std::string>>& edits) {
    return edit_entry(rendered(doc), kSheetPart, [&](std::string xml) {
        for (const auto& [reference, cell] : edits) xml = set_cell(std::move(xml), reference, cell);
        return xml;
    });
}

std::string read_error(std::string_view bytes) {
    auto back = read_xlsx(bytes);
    if (back) return "";
    EXPECT_EQ(back.error().code, ErrorCode::invalid_input);
    return back.error().message;
}

TEST(Xlsx, RoundTripReproducesEveryRowAndAnswer) {
    expect_round_trip(sample_document({.rows = 25}));
}

TEST(Xlsx, RoundTripWithSecondConfirmation) {
    expect_round_trip(sample_document({.rows = 30, .second_confirmation = true}));
}

TEST(Xlsx, RoundTripOfADraftWithoutRows) {
    expect_round_trip(sample_document({.rows = 0, .submitted = false}));
}

TEST(Xlsx, RoundTripKeepsAwkwardNotes) {
    const std::vector<std::string> notes = {
        "一行目\n二行目\n\n四行目",
        "CRLF line\r\nnext",
        "comma, \"quoted\", 'single'",
        "=SUM(A1:A3)",
        "+81-3-1234-5678",
        "-1",
        "@mention",
        "\ttab first",
        "  leading and trailing spaces  ",
        " ",
        "_x0041_ is not A",
        "_x005F_x0041_ twice escaped",
        "<tag> & entity &amp; ]]> end",
        "絵文字 🏥 と 𠮷野家",
        "\u3000全角スペース\u3000",
        std::string(2000, 'a'),
    };
    AssessmentDocument doc = sample_document({.rows = notes.size()});
    for (std::size_t i = 0; i < notes.size(); ++i) {
        if (!doc.rows[i].answer) doc.rows[i].answer = DocumentAnswer{.value = "yes"};
        doc.rows[i].answer->note = notes[i];
    }
    expect_round_trip(doc);
}

TEST(Xlsx, RoundTripOfEveryAnswerKind) {
    AssessmentDocument doc = sample_document({.rows = 8, .second_confirmation = true});
    doc.rows[0].answer = DocumentAnswer{.value = "yes", .confirmed_on = "2025-04-01"};
    doc.rows[1].answer =
        DocumentAnswer{.value = "no", .confirmed_on = "2025-04-02", .target_date = "2027-03-31"};
    doc.rows[2].answer = DocumentAnswer{.value = "not_required", .reason = "gate"};
    doc.rows[3].answer =
        DocumentAnswer{.value = "not_required", .reason = "no_vendor_contract", .note = "契約なし"};
    doc.rows[4].answer = std::nullopt;
    doc.rows[5].answer = DocumentAnswer{.value = "no",
                                        .second_value = "yes",
                                        .second_confirmed_on = "2026-01-31",
                                        .needs_reconfirmation = true};
    doc.rows[6].answer = DocumentAnswer{.value = "yes", .second_value = "no"};
    doc.rows[7].answer = DocumentAnswer{.value = "yes", .confirmed_on = "2024-02-29", .note = "閏日"};
    expect_round_trip(doc);
}

TEST(Xlsx, RoundTripKeepsTheDocumentMetadata) {
    AssessmentDocument doc = sample_document({.rows = 3, .second_confirmation = true});
    doc.assessment_id = 9007199254740993;  // beyond a double's exact integers
    auto back = read_xlsx(rendered(doc));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->assessment_id, doc.assessment_id);
    EXPECT_EQ(back->institution_name, doc.institution_name);
    EXPECT_EQ(back->institution_code, doc.institution_code);
    EXPECT_EQ(back->fiscal_year, doc.fiscal_year);
    EXPECT_EQ(back->fiscal_year_ja, doc.fiscal_year_ja);
    EXPECT_EQ(back->edition_id, doc.edition_id);
    EXPECT_EQ(back->edition_revision, doc.edition_revision);
    EXPECT_EQ(back->edition_title_ja, doc.edition_title_ja);
    EXPECT_EQ(back->form_id, doc.form_id);
    EXPECT_EQ(back->form_title_ja, doc.form_title_ja);
    EXPECT_EQ(back->document_title_ja, doc.document_title_ja);
    EXPECT_EQ(back->has_second_confirmation, doc.has_second_confirmation);
    EXPECT_EQ(back->status, doc.status);
    EXPECT_EQ(back->submitted_at, doc.submitted_at);
    EXPECT_EQ(back->submitted_by, doc.submitted_by);
    EXPECT_EQ(back->generated_at, doc.generated_at);
}

TEST(Xlsx, WritesDatesAsExcelDatesAndTheHiddenSheet) {
    const AssessmentDocument doc = sample_document({.rows = 3});
    const std::string bytes = rendered(doc);
    const auto entries = testing::unzip(bytes);
    std::string sheet, workbook;
    for (const auto& e : entries) {
        if (e.name == kSheetPart) sheet = e.data;
        if (e.name == "xl/workbook.xml") workbook = e.data;
    }
    // rows[0] is answered はい on 2025-06-01, Excel's day 45809.
    EXPECT_THAT(sheet, HasSubstr("<c r=\"" + ref('E', excel_row(doc, 0)) + "\" s="));
    EXPECT_THAT(sheet, HasSubstr("<v>45809</v>"));
    EXPECT_THAT(sheet, HasSubstr("<dataValidation type=\"list\""));
    EXPECT_THAT(sheet, HasSubstr("<pageSetUpPr fitToPage=\"1\"/>"));
    EXPECT_THAT(sheet, HasSubstr("fitToHeight=\"0\""));
    EXPECT_THAT(sheet, HasSubstr("orientation=\"landscape\""));
    EXPECT_THAT(workbook, HasSubstr("name=\"mamori\" sheetId=\"2\" state=\"hidden\""));
    EXPECT_THAT(workbook, HasSubstr("_xlnm.Print_Titles"));
}

TEST(Xlsx, ReadsAnswersAndDatesTypedByHand) {
    AssessmentDocument doc = sample_document({.rows = 10});
    const std::uint32_t r0 = excel_row(doc, 0), r1 = excel_row(doc, 1), r2 = excel_row(doc, 2);
    const std::string bytes =
        edited(doc, {
                        {ref('D', r0), inline_cell(ref('D', r0), " いいえ ")},
                        {ref('E', r0), inline_cell(ref('E', r0), "2025/6/3")},
                        {ref('F', r0), inline_cell(ref('F', r0), "２０２６／０３／３１")},
                        {ref('D', r1), inline_cell(ref('D', r1), "確認不要")},
                        {ref('E', r1), inline_cell(ref('E', r1), "")},
                        {ref('F', r1), inline_cell(ref('F', r1), "2026年3月1日")},
                        {ref('E', r2), number_cell(ref('E', r2), "45809.75")},
                    });
    auto back = read_xlsx(bytes);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->rows[0].answer->value, "no");
    EXPECT_EQ(back->rows[0].answer->confirmed_on, "2025-06-03");
    EXPECT_EQ(back->rows[0].answer->target_date, "2026-03-31");
    EXPECT_EQ(back->rows[1].answer->value, "not_required");
    EXPECT_EQ(back->rows[1].answer->reason, "gate");
    EXPECT_EQ(back->rows[1].answer->confirmed_on, "");
    EXPECT_EQ(back->rows[1].answer->target_date, "2026-03-01");
    EXPECT_EQ(back->rows[2].answer->confirmed_on, "2025-06-01");
    EXPECT_EQ(back->rows[3].answer, doc.rows[3].answer);
}

TEST(Xlsx, ReadsADateTypedWithDashes) {
    AssessmentDocument doc = sample_document({.rows = 2});
    const std::uint32_t r = excel_row(doc, 1);
    auto back = read_xlsx(edited(doc, {{ref('E', r), inline_cell(ref('E', r), "2025-06-01")}}));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->rows[1].answer->confirmed_on, "2025-06-01");
}

TEST(Xlsx, ClearedAnswerCellsReadAsUnanswered) {
    AssessmentDocument doc = sample_document({.rows = 3});
    const std::uint32_t r = excel_row(doc, 1);  // いいえ with 確認日, 目標日 and a note
    ASSERT_TRUE(doc.rows[1].answer);
    const std::string bytes =
        edited(doc, {{ref('D', r), ""}, {ref('E', r), ""}, {ref('F', r), ""}, {ref('G', r), ""}});
    auto back = read_xlsx(bytes);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_FALSE(back->rows[1].answer.has_value());
}

TEST(Xlsx, NamesTheCellOfAnInvalidAnswer) {
    AssessmentDocument doc = sample_document({.rows = 5});
    const std::uint32_t r = excel_row(doc, 2);
    EXPECT_EQ(read_error(edited(doc, {{ref('D', r), inline_cell(ref('D', r), "はぃ")}})),
              "sheet \"チェックリスト\" cell D" + std::to_string(r) +
                  ": \"はぃ\" is not はい, いいえ, 記入不要 or 確認不要");
    auto back = read_xlsx(edited(doc, {{ref('D', r), inline_cell(ref('D', r), "はぃ")}}));
    ASSERT_FALSE(back);
    ASSERT_EQ(back.error().fields.size(), 1u);
    EXPECT_EQ(back.error().fields[0].field, "チェックリスト!D" + std::to_string(r));
}

TEST(Xlsx, NamesTheCellOfAWrongDate) {
    AssessmentDocument doc = sample_document({.rows = 5});
    const std::uint32_t r = excel_row(doc, 0);
    EXPECT_EQ(read_error(edited(doc, {{ref('E', r), inline_cell(ref('E', r), "2025/13/01")}})),
              "sheet \"チェックリスト\" cell E" + std::to_string(r) +
                  ": \"2025/13/01\" is not a date (yyyy/mm/dd)");
    EXPECT_THAT(read_error(edited(doc, {{ref('F', r), inline_cell(ref('F', r), "来週")}})),
                HasSubstr("cell F" + std::to_string(r) + ": \"来週\" is not a date"));
    EXPECT_THAT(read_error(edited(doc, {{ref('E', r), inline_cell(ref('E', r), "2025/02/29")}})),
                HasSubstr("is not a date"));
    EXPECT_THAT(read_error(edited(doc, {{ref('E', r), number_cell(ref('E', r), "-5")}})),
                HasSubstr("cell E" + std::to_string(r) + ": \"-5\" is not a date"));
}

TEST(Xlsx, NamesTheCellOfAWrongSecondAnswer) {
    AssessmentDocument doc = sample_document({.rows = 3, .second_confirmation = true});
    const std::uint32_t r = excel_row(doc, 0);
    EXPECT_EQ(read_error(edited(doc, {{ref('G', r), inline_cell(ref('G', r), "記入不要")}})),
              "sheet \"チェックリスト\" cell G" + std::to_string(r) + ": \"記入不要\" is not はい or いいえ");
}

TEST(Xlsx, RejectsAnEmptyAnswerWithOtherCellsFilledIn) {
    AssessmentDocument doc = sample_document({.rows = 3});
    const std::uint32_t r = excel_row(doc, 1);
    EXPECT_EQ(read_error(edited(doc, {{ref('D', r), ""}})),
              "sheet \"チェックリスト\" cell D" + std::to_string(r) +
                  ": はい・いいえ is empty but 確認日 is filled in");
}

TEST(Xlsx, RejectsMovedRows) {
    AssessmentDocument doc = sample_document({.rows = 5});
    const std::uint32_t r = excel_row(doc, 2);
    EXPECT_THAT(read_error(edited(doc, {{ref('A', r), inline_cell(ref('A', r), "2-⑬")}})),
                HasSubstr("cell A" + std::to_string(r) + ": 番号 \"2-⑬\" is not the \"2-①\" mamori wrote"));
}

TEST(Xlsx, RejectsAWorkbookWithoutTheHiddenSheet) {
    const std::string bytes =
        edit_entry(rendered(sample_document({.rows = 2})), "xl/workbook.xml", [](std::string xml) {
            const auto at = xml.find("name=\"mamori\"");
            return xml.replace(at, 13, "name=\"other\"");
        });
    EXPECT_EQ(read_error(bytes), "the file is not an .xlsx made by mamori (no \"mamori\" sheet)");
}

TEST(Xlsx, RejectsAnotherLayoutVersion) {
    // The hidden sheet's B2 holds the layout version.
    const std::string bytes =
        edit_entry(rendered(sample_document({.rows = 2})), "xl/worksheets/sheet2.xml",
                   [](std::string xml) { return set_cell(xml, "B2", inline_cell("B2", "7")); });
    EXPECT_THAT(read_error(bytes), HasSubstr("different version of mamori (layout 7"));
}

TEST(Xlsx, RejectsWhatIsNotAnXlsx) {
    EXPECT_THAT(read_error("canonical_id,row_key\r\nGOV-01,main\r\n"), HasSubstr("not a readable .xlsx"));
    EXPECT_THAT(read_error(testing::make_zip({{.name = "hello.txt", .data = "hi"}})),
                HasSubstr("not an .xlsx workbook"));
}

TEST(Xlsx, RejectsATruncatedFile) {
    const std::string bytes = rendered(sample_document({.rows = 5}));
    for (std::size_t cut : {bytes.size() / 4, bytes.size() / 2, bytes.size() - 30, bytes.size() - 1})
        EXPECT_THAT(read_error(bytes.substr(0, cut)), HasSubstr("not a readable .xlsx")) << cut;
}

TEST(Xlsx, RejectsABadCrc) {
    auto entries = testing::unzip(rendered(sample_document({.rows = 2})));
    for (auto& e : entries)
        if (e.name == kSheetPart) e.crc = 42;
    EXPECT_THAT(read_error(testing::make_zip(entries)),
                HasSubstr("zip entry \"xl/worksheets/sheet1.xml\": CRC mismatch"));
}

TEST(Xlsx, RejectsAZipBomb) {
    auto entries = testing::unzip(rendered(sample_document({.rows = 2})));
    for (auto& e : entries)
        if (e.name == kSheetPart) e.data += std::string(25u * 1024 * 1024, ' ');
    EXPECT_THAT(read_error(testing::make_zip(entries)), HasSubstr("more than the limit of 20 MiB"));
    for (auto& e : entries)
        if (e.name == kSheetPart) e.declared_size = 4096;
    EXPECT_THAT(read_error(testing::make_zip(entries)), HasSubstr("inflates beyond its declared size"));
}

TEST(Xlsx, RejectsXmlWithADtd) {
    const std::string bytes =
        edit_entry(rendered(sample_document({.rows = 2})), "xl/sharedStrings.xml", [](std::string xml) {
            const auto at = xml.find("?>") + 2;
            return xml.insert(at, "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>");
        });
    EXPECT_THAT(read_error(bytes), HasSubstr("xl/sharedStrings.xml: XML with a DTD is not accepted"));
}

TEST(Xlsx, RejectsMalformedXml) {
    const std::string bytes = edit_entry(rendered(sample_document({.rows = 2})), kSheetPart,
                                         [](std::string xml) { return xml.substr(0, xml.size() / 2); });
    EXPECT_THAT(read_error(bytes), HasSubstr("xl/worksheets/sheet1.xml line"));
}

TEST(Xlsx, SurvivesRandomDamage) {
    const std::string bytes = rendered(sample_document({.rows = 4}));
    std::uint32_t seed = 7;
    auto random = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int round = 0; round < 300; ++round) {
        std::string damaged = bytes;
        damaged[random() % damaged.size()] = static_cast<char>(random() >> 16);
        (void)read_xlsx(damaged);
    }
    // Damage inside the XML itself (the zip stays valid).
    const auto entries = testing::unzip(bytes);
    for (int round = 0; round < 200; ++round) {
        auto changed = entries;
        auto& entry = changed[random() % changed.size()];
        if (!entry.data.empty()) entry.data[random() % entry.data.size()] = "<>&\"/= x0"[random() % 9];
        (void)read_xlsx(testing::make_zip(changed));
    }
}

}  // namespace
}  // namespace mamori::documents
