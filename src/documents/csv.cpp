#include "mamori/documents/csv.hpp"

#include <string>

#include "documents/document_text.hpp"
#include "mamori/documents/csv_writer.hpp"

namespace mamori::documents {

// The answers are written in words as on the printed checklist (はい / いいえ / 記入不要 / 確認不要), with the
// API's codes (yes / no / not_required and the reason) in columns of their own for spreadsheets and scripts.
std::string render_csv(const AssessmentDocument& doc) {
    std::string out(kCsvBom);
    append_csv_record(out, {"canonical_id", "row_key", "番号", "確認事項", "対象", "回答", "回答コード",
                            "理由コード", "確認日", "目標日", "2回目", "2回目コード", "2回目確認日", "備考",
                            "要再確認"});
    const DocumentAnswer none;
    for (const DocumentRow& row : doc.rows) {
        const DocumentAnswer& a = row.answer ? *row.answer : none;
        const std::string answer = answer_label(a);
        const std::string second = second_label(a);
        append_csv_record(out, {row.canonical_id, row.row_key, row.number, row.text_ja, row.row_label_ja,
                                answer, a.value, a.reason, a.confirmed_on, a.target_date, second,
                                a.second_value, a.second_confirmed_on, a.note,
                                a.needs_reconfirmation ? kYesLabel : std::string_view()});
    }
    return out;
}

}  // namespace mamori::documents
