#include "mamori/documents/csv.hpp"

#include <array>
#include <string>
#include <string_view>

#include "documents/document_text.hpp"

namespace mamori::documents {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// append_field: one field, guarded against formula injection, then quoted when RFC 4180 needs it.
void append_field(std::string& out, std::string_view value) {
    const bool formula_like =
        !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (formula_like) out += '\'';
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

template <std::size_t N>
void append_record(std::string& out, const std::array<std::string_view, N>& fields) {
    for (std::size_t i = 0; i < N; ++i) {
        if (i) out += ',';
        append_field(out, fields[i]);
    }
    out += "\r\n";
}

}  // namespace

// The answers are written in words as on the printed checklist (はい / いいえ / 記入不要 / 確認不要), with the
// API's codes (yes / no / not_required and the reason) in columns of their own for spreadsheets and scripts.
std::string render_csv(const AssessmentDocument& doc) {
    std::string out(kBom);
    append_record<15>(out, {"canonical_id", "row_key", "番号", "確認事項", "対象", "回答", "回答コード",
                            "理由コード", "確認日", "目標日", "2回目", "2回目コード", "2回目確認日", "備考",
                            "要再確認"});
    const DocumentAnswer none;
    for (const DocumentRow& row : doc.rows) {
        const DocumentAnswer& a = row.answer ? *row.answer : none;
        const std::string answer = answer_label(a);
        const std::string second = second_label(a);
        append_record<15>(out, {row.canonical_id, row.row_key, row.number, row.text_ja, row.row_label_ja,
                                answer, a.value, a.reason, a.confirmed_on, a.target_date, second,
                                a.second_value, a.second_confirmed_on, a.note,
                                a.needs_reconfirmation ? kYesLabel : std::string_view()});
    }
    return out;
}

}  // namespace mamori::documents
