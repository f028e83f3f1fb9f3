// AssessmentService: the assessment as a document (for the exports) and importing one back.
#include <fmt/format.h>

#include <set>

#include "assessment_ledger_annex.hpp"
#include "ledger_access.hpp"
#include "assessment_records.hpp"
#include "assessment_state.hpp"
#include "document_rows.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/assessment_service.hpp"

namespace mamori::services {

namespace {

namespace st = assessment_state;
using assessment::Answer;
using assessment::RowKey;
using documents::DocumentAnswer;
using identity::Caller;

std::string date_text(const std::optional<std::chrono::year_month_day>& d) {
    return d ? to_iso_date(*d) : "";
}

DocumentAnswer document_answer(const assessment::RowAnswer& a) {
    DocumentAnswer d = document_rows::document_answer(*a.answer);
    d.needs_reconfirmation = a.needs_reconfirmation;
    return d;
}

// to_answer: a document's answer in the checklist's terms; problems are named under `path`.
std::optional<Answer> to_answer(const DocumentAnswer& d, const std::string& path, Error& error) {
    const auto problem = [&](const char* field, std::string message) {
        error.fields.push_back({fmt::format("{}.{}", path, field), std::move(message)});
    };
    const std::size_t before = error.fields.size();
    Answer a;
    if (auto v = assessment::parse_answer_value(d.value))
        a.value = *v;
    else
        problem("value", fmt::format("\"{}\" is not yes, no or not_required", d.value));
    if (!d.reason.empty()) {
        if (auto r = assessment::parse_not_required_reason(d.reason))
            a.reason = *r;
        else
            problem("reason", fmt::format("\"{}\" is not gate or no_vendor_contract", d.reason));
    }
    const auto date = [&](const std::string& text,
                          const char* field) -> std::optional<std::chrono::year_month_day> {
        if (text.empty()) return std::nullopt;
        auto parsed = parse_iso_date(text);
        if (!parsed) problem(field, fmt::format("\"{}\" is not a date (YYYY-MM-DD)", text));
        return parsed;
    };
    a.confirmed_on = date(d.confirmed_on, "confirmed_on");
    a.target_date = date(d.target_date, "target_date");
    if (!d.second_value.empty()) {
        auto value = assessment::parse_answer_value(d.second_value);
        auto on = date(d.second_confirmed_on, "second.confirmed_on");
        if (!value)
            problem("second.value", fmt::format("\"{}\" is not yes or no", d.second_value));
        else if (!on)
            problem("second.confirmed_on", "the date of the second confirmation is required");
        else
            a.second = assessment::SecondConfirmation{*value, *on};
    }
    a.note = d.note;
    if (error.fields.size() != before) return std::nullopt;
    return a;
}

}  // namespace

namespace document_rows {

DocumentAnswer document_answer(const Answer& a) {
    DocumentAnswer d;
    d.value = assessment::to_string(a.value);
    if (a.reason) d.reason = assessment::to_string(*a.reason);
    d.confirmed_on = date_text(a.confirmed_on);
    d.target_date = date_text(a.target_date);
    if (a.second) {
        d.second_value = assessment::to_string(a.second->value);
        d.second_confirmed_on = to_iso_date(a.second->confirmed_on);
    }
    d.note = a.note;
    return d;
}

std::string row_label(const catalog::Item& item, const catalog::Row& row) {
    if (item.rows.size() == 1 && row.device_classes.empty()) return {};
    for (const auto& r : item.json.value("rows", catalog::Json::array()))
        if (r.value("key", "") == row.key && r.contains("label_ja") && r["label_ja"].is_string())
            return r["label_ja"].get<std::string>();
    std::string out;
    for (const auto& c : row.device_classes) out += (out.empty() ? "" : "・") + c;
    return out;
}

}  // namespace document_rows

Result<documents::AssessmentDocument> AssessmentService::document(const Caller& caller, std::int64_t id) {
    auto s = get(caller, id);
    if (!s) return fail(s.error());
    documents::AssessmentDocument doc;
    const auto& r = s->record;
    doc.assessment_id = r.id;
    doc.institution_name = r.organisation_name;
    doc.institution_code = r.facility_id;
    doc.fiscal_year = r.fiscal_year;
    doc.fiscal_year_ja = fiscal_year_ja(r.fiscal_year);
    doc.edition_id = r.edition;
    doc.edition_revision = r.edition_revision;
    doc.edition_title_ja = s->edition->title_ja;
    doc.edition_fiscal_year = s->edition->fiscal_year;
    doc.form_id = r.form;
    doc.form_title_ja = s->form->title_ja;
    doc.document_title_ja =
        s->form->json.value("document_title_ja", "医療機関におけるサイバーセキュリティ対策チェックリスト");
    doc.has_second_confirmation = assessment::has_second_confirmation(*s->form);
    doc.status = r.status;
    doc.submitted_at = r.submitted_at.value_or("");
    doc.submitted_by = r.submitted_by ? r.submitted_by->name : "";
    doc.generated_at = to_iso_utc(std::chrono::system_clock::now());
    for (const auto& line : assessment::checklist_rows(*s->form)) {
        documents::DocumentRow row;
        row.canonical_id = line.key.canonical_id;
        row.row_key = line.key.row;
        if (line.is_gate()) {
            const auto& gate = s->form->json["gate"];
            row.section_ja = gate.value("heading_ja", "医療情報システムの有無");
            row.text_ja = gate.value("question_ja", "医療情報システムを導入、運用している。");
        } else {
            row.number = line.item->number;
            row.section_ja = line.item->json.value("section_ja", "");
            row.text_ja = line.item->text_ja;
            row.row_label_ja = document_rows::row_label(*line.item, *line.row);
            row.unconfirmed = line.item->confidence == catalog::Confidence::inferred;
        }
        if (auto it = s->effective.find(line.key); it != s->effective.end() && it->second.answer)
            row.answer = document_answer(it->second);
        for (const auto& e : s->evidence)
            if (e.key == line.key)
                row.evidence.push_back({e.kind, e.kind == "file" ? e.file_name : e.title, e.url, e.size});
        doc.rows.push_back(std::move(row));
    }
    if (r.form != "vendor") {  // the vendor form is a vendor's answer, not the institution's record
        auto lease = db_.acquire();
        // Only for those who may read the ledger (an assessment reader without that role gets no annex).
        if (ledger_access::access_to(*lease, caller, r.organisation_id).reach != ledger_access::Reach::none)
            doc.ledger = ledger_annex(*lease, r.organisation_id);
    }
    return doc;
}

Result<int> AssessmentService::import_document(const Caller& caller, std::int64_t id,
                                               const documents::AssessmentDocument& doc,
                                               const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<int> {
        auto loaded = st::load_for_update(sql, catalog_, caller, id, st::Access::edit);
        if (!loaded) return fail(loaded.error());
        const auto& record = loaded->record;
        if (doc.edition_id != record.edition || doc.edition_revision != record.edition_revision)
            return fail(
                ErrorCode::invalid_input,
                fmt::format("the file is for edition {} revision {}, but this checklist uses edition {} "
                            "revision {}",
                            doc.edition_id, doc.edition_revision, record.edition, record.edition_revision),
                "edition");
        if (doc.form_id != record.form)
            return fail(ErrorCode::invalid_input,
                        fmt::format("the file is for the {} form, but this checklist is the {} form",
                                    doc.form_id, record.form),
                        "form");

        // The file's lines, checked for shape first.
        Error error{ErrorCode::invalid_input, "the file's answers cannot be imported", {}};
        const auto stored = st::stored_answers(sql, id);
        auto next = st::row_answers(stored);
        std::vector<std::pair<assessment::ChecklistRow, std::string>> lines;
        std::set<RowKey, assessment::RowKeyLess> seen;
        for (std::size_t i = 0; i < doc.rows.size(); ++i) {
            const auto& row = doc.rows[i];
            const std::string path = fmt::format("rows[{}]", i);
            const RowKey key{row.canonical_id, row.row_key};
            auto line = assessment::find_row(*loaded->form, key);
            if (!line || !seen.insert(key).second) {
                error.fields.push_back(
                    {path, fmt::format("{}/{} is not a line of this form, or appears twice", key.canonical_id,
                                       key.row)});
                continue;
            }
            std::optional<Answer> answer;
            if (row.answer && !(answer = to_answer(*row.answer, path + ".answer", error))) continue;
            next[key] = {answer, row.answer && row.answer->needs_reconfirmation, false};
            lines.emplace_back(*line, path);
        }
        // Then against the rules, with the file's own gate answer; lines in effect by the gate or the missing
        // vendor contract follow from those and are not stored.
        const auto effective = assessment::effective_answers(*loaded->form, next, record.has_vendor_contract);
        std::vector<StoredAnswer> writes;
        const std::string at = to_iso_utc(std::chrono::system_clock::now());
        for (const auto& [line, path] : lines) {
            if (effective.at(line.key).derived) continue;
            const auto& wanted = next.at(line.key);
            if (wanted.answer && !wanted.needs_reconfirmation)
                if (auto ok = st::check_line(*loaded, line, *wanted.answer, next); !ok)
                    for (const auto& f : ok.error().fields)
                        error.fields.push_back({fmt::format("{}.answer.{}", path, f.field), f.message});
            const auto it = stored.find(line.key);
            const bool same = it != stored.end()
                                  ? it->second.answer == wanted.answer &&
                                        it->second.needs_reconfirmation == wanted.needs_reconfirmation
                                  : !wanted.answer;
            if (!same)
                writes.push_back({line.key, wanted.answer, wanted.needs_reconfirmation,
                                  it != stored.end() ? it->second.version + 1 : 1, std::nullopt, at});
        }
        if (!error.fields.empty()) return fail(std::move(error));
        for (const auto& w : writes)
            if (!assessment_records::write_answer(sql, id, w, caller.user_id))
                return fail(ErrorCode::conflict,
                            fmt::format("line {}/{} changed while the file was imported: import it again",
                                        w.key.canonical_id, w.key.row));
        assessment_records::insert_event(sql, id, "imported", fmt::format("{} 行を変更", writes.size()),
                                         caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, "assessment.imported", fmt::format("assessment:{}", id),
                                          {{"changed_lines", writes.size()}}),
                      context);
        return static_cast<int>(writes.size());
    });
}

}  // namespace mamori::services
