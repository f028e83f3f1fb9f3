#include "role_sharing_handlers.hpp"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "mamori/core/json_null.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/letter_pdf.hpp"
#include "mamori/services/role_sharing.hpp"

namespace mamori::api {

namespace {

using http::Method;
using http::Request;
using http::Response;
using identity::Caller;
using nlohmann::json;
using services::RoleSharingSheet;

constexpr std::size_t kMaxBodyBytes = 16 * 1024;
constexpr std::size_t kMaxNoteBytes = 4 * vendors::kMaxRowNoteCharacters;

json contract_json(const services::RoleSharingContract& c) {
    return {{"system", {{"id", c.system_id}, {"name", c.system_name}, {"kind", c.system_kind}, {"status", c.system_status}}},
            {"institution", {{"id", c.institution_id}, {"name", c.institution_name}}},
            {"vendor", {{"id", c.vendor_id}, {"name", c.vendor_name}}}};
}

json progress_json(const vendors::RowProgress& p) {
    return {{"total", p.total}, {"answered", p.answered}, {"settled", p.settled}};
}

json sheet_json(const RoleSharingSheet& s) {
    const auto& table = vendors::builtin_role_sharing_table();
    json out = contract_json(s.contract);
    out["title_ja"] = table.title_ja;
    out["title_en"] = table.title_en;
    out["published"] = table.published;
    out["source"] = table.source;
    out["side"] = s.side;
    out["can_edit"] = s.can_edit;
    out["progress"] = progress_json(s.progress);
    json parts = json::array();
    for (const auto& p : table.parts)
        parts.push_back({{"code", p.code}, {"label_ja", p.label_ja}, {"label_en", p.label_en}});
    out["parts"] = parts;
    json rows = json::array();
    for (const auto& e : s.entries) {
        const auto& r = *e.row;
        json row = vendors::check_json(e.check);
        row["id"] = r.id;
        row["part"] = r.part;
        row["group_ja"] = or_null(r.group_ja);
        row["number"] = or_null(r.number);
        row["item_ja"] = r.item_ja;
        row["item_confidence"] = r.item_confidence;
        row["item_is_official"] = r.item_confidence == "V";
        row["content_ja"] = or_null(r.content_ja);
        row["content_confidence"] = or_null(r.content_confidence);
        row["content_is_official"] = r.content_confidence == "V";
        row["source"] = r.source;
        row["checklist_items"] = r.checklist_items;
        row["version"] = e.version;
        row["updated_side"] = e.updated_side.empty() ? json(nullptr) : json(e.updated_side);
        row["updated_by"] = e.updated_by;
        row["updated_at"] = e.updated_at.empty() ? json(nullptr) : json(e.updated_at);
        json history = json::array();
        for (const auto& h : e.history)
            history.push_back({{"version", h.version},
                               {"side", h.side},
                               {"by", h.by},
                               {"organisation_name", h.organisation_name},
                               {"at", h.at},
                               {"before", vendors::check_json(h.before)},
                               {"after", vendors::check_json(h.after)}});
        row["history"] = history;
        rows.push_back(std::move(row));
    }
    out["rows"] = rows;
    return out;
}

Result<std::optional<std::string>> date_field(const json& body, const char* name) {
    auto value = optional_string_field(body, name, 20);
    if (!value) return fail(value.error());
    if (*value && (*value)->empty()) return std::optional<std::string>();
    return *value;
}

// row_check: the body's answers; an absent or null field is cleared (the body is the row's whole state).
Result<vendors::RowCheck> row_check(const json& body) {
    vendors::RowCheck c;
    auto answer = optional_string_field(body, "first_answer", 10);
    if (!answer) return fail(answer.error());
    if (*answer && !(*answer)->empty()) {
        c.first_answer = vendors::parse_first_answer(**answer);
        if (!c.first_answer)
            return fail(ErrorCode::invalid_input, "first_answer: yes, no or null", "first_answer");
    }
    auto first = date_field(body, "first_checked_on");
    if (!first) return fail(first.error());
    c.first_checked_on = *first;
    auto completed = date_field(body, "completed_on");
    if (!completed) return fail(completed.error());
    c.completed_on = *completed;
    auto note = optional_string_field(body, "note", kMaxNoteBytes);
    if (!note) return fail(note.error());
    c.note = note->value_or("");
    return c;
}

std::string answer_cell(const vendors::RowCheck& c) {
    if (!c.first_answer) return "";
    return fmt::format("{}\n{}", *c.first_answer == vendors::FirstAnswer::yes ? "はい" : "いいえ",
                       documents::japanese_date(c.first_checked_on.value_or("")));
}

std::string item_cell(const vendors::RoleSharingRow& r) {
    std::string out = r.group_ja ? fmt::format("{}\n{}", *r.group_ja, r.item_ja) : r.item_ja;
    if (r.item_confidence != "V") out += "（要約）";
    return out;
}

std::string content_cell(const vendors::RoleSharingRow& r, const vendors::RowCheck& c) {
    std::string out = r.content_ja ? *r.content_ja : "（内容の原文は未収録）";
    if (r.content_ja && r.content_confidence != "V") out += "（要約）";
    if (!c.note.empty()) out += fmt::format("\n備考: {}", c.note);
    return out;
}

Result<std::string> render_document(const RoleSharingSheet& s) {
    const auto& table = vendors::builtin_role_sharing_table();
    const std::string printed = to_iso_date(japan_date(std::chrono::system_clock::now()));
    documents::Letter letter;
    letter.date = documents::japanese_date(printed) + " 印刷";
    letter.title = table.title_ja;
    letter.blocks.push_back(documents::table({{"医療機関", s.contract.institution_name},
                                              {"事業者", s.contract.vendor_name},
                                              {"対象システム", s.contract.system_name},
                                              {"進捗", fmt::format("初回確認 {} / {} 項目、完了 {} 項目",
                                                                   s.progress.answered, s.progress.total,
                                                                   s.progress.settled)}}));
    for (const auto& part : table.parts) {
        std::vector<std::vector<std::string>> cells;
        for (const auto& e : s.entries) {
            if (e.row->part != part.code) continue;
            cells.push_back({e.row->number.value_or("不明"), item_cell(*e.row), content_cell(*e.row, e.check),
                             answer_cell(e.check),
                             e.check.completed_on ? documents::japanese_date(*e.check.completed_on) : ""});
        }
        if (cells.empty()) continue;
        letter.blocks.push_back(documents::heading(part.label_ja));
        letter.blocks.push_back(
            documents::grid({"項番", "項目", "内容", "初回確認", "完了日"}, {1.0, 3.3, 5.4, 2.8, 2.8}, std::move(cells)));
    }
    letter.blocks.push_back(documents::paragraph(
        "この表には、公表資料で確認できた行のみを収録しています。「（要約）」と記した文言は公表資料の要約であり、"
        "確認表の原文ではありません。初回確認は事業者との最初の打合せ時点の結果、完了日は「いいえ」の項目が"
        "解消した日です。"));
    // Left blank (a full-width space: an empty value prints a dash) for each party to write in.
    letter.blocks.push_back(documents::table({{"医療機関 確認者", "　"}, {"事業者 確認者", "　"}}));
    letter.footer = fmt::format("{} / {} / {}", s.contract.institution_name, s.contract.vendor_name,
                                s.contract.system_name);
    return documents::render_letter_pdf(letter);
}

}  // namespace

void register_role_sharing_routes(ApiRoutes& routes, store::Database& db) {
    auto service = std::make_shared<services::RoleSharing>(db);
    routes.authenticated(Method::get, "/api/v1/vendor/systems", [service](Request& request, const Caller& caller) {
        auto list = service->vendor_systems(caller);
        if (!list) return problem(list.error(), request);
        json systems = json::array();
        for (const auto& s : *list) {
            json item = contract_json(s.contract);
            item["progress"] = progress_json(s.progress);
            systems.push_back(std::move(item));
        }
        return Response::json(200, {{"systems", systems}});
    });
    routes.authenticated(Method::get, "/api/v1/systems/{id}/role-sharing",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto sheet = service->table(caller, id);
                             if (!sheet) return problem(sheet.error(), request);
                             return Response::json(200, sheet_json(*sheet));
                         }));
    routes.authenticated(Method::get, "/api/v1/systems/{id}/role-sharing/document.pdf",
                         with_id([service](Request& request, const Caller& caller, std::int64_t id) {
                             auto sheet = service->table(caller, id);
                             if (!sheet) return problem(sheet.error(), request);
                             auto pdf = render_document(*sheet);
                             if (!pdf) return problem(pdf.error(), request);
                             return Response::download(std::move(*pdf), "application/pdf",
                                                       fmt::format("役割分担確認表_{}_{}.pdf",
                                                                   sheet->contract.institution_name,
                                                                   sheet->contract.system_name));
                         }),
                         {.blocking = true});
    routes.authenticated(
        Method::put, "/api/v1/systems/{id}/role-sharing/rows/{row_id}",
        with_id([service](Request& request, const Caller& caller, std::int64_t id) {
            const std::string row_id(request.param("row_id"));
            if (row_id.empty() || row_id.size() > 60)
                return problem(Error{ErrorCode::not_found, "no such row", {}}, request);
            auto body = json_object(request);
            if (!body) return problem(body.error(), request);
            auto version = optional_int_field(*body, "version", 0, 1'000'000);
            if (!version) return problem(version.error(), request);
            if (!*version)
                return problem(Error{ErrorCode::invalid_input, "version is required (0 for a row never answered)",
                                     {{"version", "version is required", "", ""}}},
                               request);
            auto check = row_check(*body);
            if (!check) return problem(check.error(), request);
            auto sheet = service->update_row(caller, id, row_id, static_cast<int>(**version), *check,
                                             audit_context(request));
            if (!sheet) return problem(sheet.error(), request);
            return Response::json(200, sheet_json(*sheet));
        }),
        {.max_body_bytes = kMaxBodyBytes});
}

}  // namespace mamori::api
