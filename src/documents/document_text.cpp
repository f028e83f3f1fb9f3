#include "documents/document_text.hpp"

#include <fmt/format.h>

#include "mamori/core/time.hpp"

namespace mamori::documents {

namespace {

using namespace std::chrono;

// digits: the number in text[at, at + n), or -1 when one of them is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::string ja_date(year_month_day d) {
    return fmt::format("{}年{}月{}日", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

}  // namespace

std::vector<TableColumn> table_columns(const AssessmentDocument& doc) {
    std::vector<TableColumn> columns = {
        {ColumnId::number, "番号"},         {ColumnId::text, "確認事項"},
        {ColumnId::row_label, "対象"},      {ColumnId::answer, "はい・いいえ"},
        {ColumnId::confirmed_on, "確認日"}, {ColumnId::target_date, "目標日"},
    };
    if (doc.has_second_confirmation) {
        columns.push_back({ColumnId::second_answer, "2回目 はい・いいえ"});
        columns.push_back({ColumnId::second_confirmed_on, "2回目 確認日"});
    }
    columns.push_back({ColumnId::note, "備考"});
    columns.push_back({ColumnId::state, "状態"});
    return columns;
}

std::string answer_label(const DocumentAnswer& answer) {
    if (answer.value == "yes") return std::string(kYesLabel);
    if (answer.value == "no") return std::string(kNoLabel);
    if (answer.value == "not_required")
        return std::string(answer.reason == "gate" ? kGateLabel : kNoVendorContractLabel);
    return answer.value;
}

std::string second_label(const DocumentAnswer& answer) {
    if (answer.second_value == "yes") return std::string(kYesLabel);
    if (answer.second_value == "no") return std::string(kNoLabel);
    return answer.second_value;
}

std::string state_text(const DocumentRow& row) {
    if (row.answer && row.answer->needs_reconfirmation) return std::string(kReconfirmMark);
    return {};
}

std::string cell_text(const DocumentRow& row, ColumnId column) {
    switch (column) {
        case ColumnId::number: return row.number;
        case ColumnId::text: return row.text_ja;
        case ColumnId::row_label: return row.row_label_ja;
        case ColumnId::state: return state_text(row);
        default: break;
    }
    if (!row.answer) return {};
    const DocumentAnswer& a = *row.answer;
    switch (column) {
        case ColumnId::answer: return answer_label(a);
        case ColumnId::confirmed_on: return slash_date(a.confirmed_on);
        case ColumnId::target_date: return slash_date(a.target_date);
        case ColumnId::second_answer: return second_label(a);
        case ColumnId::second_confirmed_on: return slash_date(a.second_confirmed_on);
        case ColumnId::note: return a.note;
        default: return {};
    }
}

std::string slash_date(std::string_view iso_date) {
    if (!parse_iso_date(iso_date)) return std::string(iso_date);
    std::string out(iso_date);
    out[4] = out[7] = '/';
    return out;
}

std::optional<system_clock::time_point> parse_iso_instant(std::string_view text) {
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z')
        return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    const int h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
    if (!date || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) return std::nullopt;
    milliseconds fraction{0};
    const std::string_view rest = text.substr(19, text.size() - 20);
    if (!rest.empty()) {
        if (rest[0] != '.' || rest.size() < 2) return std::nullopt;
        int scale = 100;
        for (std::size_t i = 1; i < rest.size(); ++i) {
            if (rest[i] < '0' || rest[i] > '9') return std::nullopt;
            fraction += milliseconds{(rest[i] - '0') * scale};
            scale /= 10;
        }
    }
    return sys_days{*date} + hours{h} + minutes{m} + seconds{s} + fraction;
}

std::string japan_date_ja(std::string_view iso_instant) {
    const auto t = parse_iso_instant(iso_instant);
    if (!t) return std::string(iso_instant);
    return ja_date(japan_date(*t));
}

std::string japan_datetime_ja(std::string_view iso_instant) {
    const auto t = parse_iso_instant(iso_instant);
    if (!t) return std::string(iso_instant);
    const auto local = *t + hours{9};
    const hh_mm_ss clock{floor<minutes>(local - floor<days>(local))};
    return fmt::format("{} {}:{:02}（日本時間）", ja_date(japan_date(*t)), clock.hours().count(),
                       clock.minutes().count());
}

std::string edition_line(const AssessmentDocument& doc) {
    return fmt::format("点検年度：{}　様式：{}{}", doc.fiscal_year_ja, doc.edition_title_ja,
                       edition_revision_mark(doc));
}

std::string edition_revision_mark(const AssessmentDocument& doc) {
    return fmt::format("（第{}版）", doc.edition_revision);
}

std::string edition_notice(const AssessmentDocument& doc) {
    if (doc.edition_fiscal_year == 0 || doc.edition_fiscal_year >= doc.fiscal_year) return {};
    return fmt::format("{}版が未登録のため、{}版で点検しています。", fiscal_year_ja(doc.fiscal_year),
                       fiscal_year_ja(doc.edition_fiscal_year));
}

std::string evidence_text(const DocumentEvidence& evidence) {
    if (evidence.kind == "file") {
        const std::string size = evidence.size < 1024
                                     ? fmt::format("{} バイト", evidence.size)
                                     : evidence.size < 1024 * 1024
                                           ? fmt::format("{} KB", (evidence.size + 1023) / 1024)
                                           : fmt::format("{:.1f} MB", evidence.size / (1024.0 * 1024.0));
        return fmt::format("ファイル：{}（{}）", evidence.name, size);
    }
    if (evidence.name.empty()) return fmt::format("リンク：{}", evidence.url);
    return fmt::format("リンク：{}　{}", evidence.name, evidence.url);
}

std::string institution_line(const AssessmentDocument& doc) {
    std::string out = organisation_line(doc);
    if (!doc.institution_code.empty()) out += fmt::format("　医療機関コード：{}", doc.institution_code);
    if (!doc.submitted_to.empty()) out += fmt::format("　提出先：{}", doc.submitted_to);
    return out;
}

std::string organisation_line(const AssessmentDocument& doc) {
    return fmt::format("{}：{}", doc.organisation_label_ja.empty() ? "医療機関名" : doc.organisation_label_ja,
                       doc.institution_name);
}

bool is_submitted(const AssessmentDocument& doc) {
    return doc.status == "submitted";
}

std::string submission_line(const AssessmentDocument& doc) {
    if (!is_submitted(doc)) return "下書き";
    std::string out = "提出済";
    if (!doc.submitted_at.empty()) out += "　" + japan_date_ja(doc.submitted_at);
    if (!doc.submitted_by.empty()) out += "　" + doc.submitted_by;
    return out;
}

std::string generated_line(const AssessmentDocument& doc) {
    return "作成日時：" + japan_datetime_ja(doc.generated_at);
}

}  // namespace mamori::documents
