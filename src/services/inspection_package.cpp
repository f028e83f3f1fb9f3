// ImprovementRequestService: a visit's requests and items, the institution's inspections across years, the
// pre-visit package, and the documents (結果通知, 改善指導, 事前資料) as A4 PDFs.
#include <fmt/format.h>

#include <set>

#include "improvement_request_support.hpp"
#include "mamori/core/time.hpp"
#include "mamori/documents/letter_pdf.hpp"
#include "mamori/inspection/improvement.hpp"
#include "mamori/services/improvement_requests.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

namespace rec = improvement_records;
namespace sup = improvement_support;
namespace doc = documents;
using identity::Caller;
using inspection::Side;

std::string kind_ja(std::string_view kind) {
    if (kind == "hospital") return "病院";
    if (kind == "clinic") return "診療所";
    if (kind == "dental_clinic") return "歯科診療所";
    if (kind == "pharmacy") return "薬局";
    return std::string(kind);
}

std::string status_ja(inspection::RequestStatus s) {
    switch (s) {
        case inspection::RequestStatus::open: return "回答待ち";
        case inspection::RequestStatus::plan_submitted: return "改善計画提出済み";
        case inspection::RequestStatus::completion_reported: return "完了報告済み（確認待ち）";
        case inspection::RequestStatus::returned: return "差し戻し";
        case inspection::RequestStatus::closed: return "完了";
    }
    return {};
}

std::string answer_ja(std::string_view value) {
    if (value == "yes") return "はい";
    if (value == "no") return "いいえ";
    if (value == "not_required") return "対象外";
    return "未回答";
}

// sender_of: who signs a document of the inspecting organisation.
std::string sender_of(const records::OrganisationRecord& org) {
    if (org.ref.kind == identity::OrgKind::prefecture) return org.name + "知事";
    return org.name + "長";
}

std::string item_line(const std::string& label, const std::string& text) {
    if (label.empty()) return text;
    return text.empty() ? label : fmt::format("{}　{}", label, text);
}

inspection::InstitutionFacts facts_of(soci::session& sql, std::int64_t organisation_id) {
    inspection::InstitutionFacts out;
    const long long id = organisation_id;
    for (const auto& r :
         store::query(sql,
                      "SELECT o.name, o.kind, COALESCE(o.facility_id, ''), COALESCE(o.address, ''), "
                      "COALESCE(m.name, ''), o.beds_total FROM organisations o LEFT JOIN "
                      "municipalities m ON m.code = o.municipality_code WHERE o.id = :id",
                      id)) {
        out.name = r.get<std::string>(0);
        out.kind = r.get<std::string>(1);
        out.facility_id = r.get<std::string>(2);
        out.address = r.get<std::string>(3);
        out.municipality_name = r.get<std::string>(4);
        if (const auto beds = store::optional_int64_at(r, 5)) out.beds = static_cast<int>(*beds);
    }
    return out;
}

// last_done_visit: the institution's latest completed inspection before `visit`.
std::optional<inspection_visits::VisitRecord> last_done_visit(soci::session& sql,
                                                              const inspection_visits::VisitRecord& visit) {
    const long long org = visit.organisation_id, id = visit.id;
    for (const auto& r :
         store::query(sql,
                      "SELECT id FROM inspection_visits WHERE organisation_id = :o AND id <> :id AND "
                      "status = 'done' ORDER BY fiscal_year DESC, planned_on DESC, id DESC",
                      org, id))
        if (auto found = inspection_visits::find_visit(sql, store::int64_at(r, 0));
            found && found->fiscal_year <= visit.fiscal_year)
            return found;
    return std::nullopt;
}

std::vector<RequestItem> findings_of(soci::session& sql, std::int64_t visit_id, const sup::ItemNames& names) {
    std::vector<RequestItem> out;
    for (const auto& f : rec::record_findings(sql, visit_id)) {
        RequestItem item{f.canonical_id, {}, {}, f.finding, false};
        if (auto found = names.by_id.find(f.canonical_id); found != names.by_id.end()) {
            item.label = found->second.label;
            item.text = found->second.text;
        }
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

Result<VisitRequests> ImprovementRequestService::of_visit(const Caller& caller, std::int64_t visit_id) {
    inspection_visits::OpenVisit open;
    Side side = Side::inspector;
    {
        auto lease = db_.acquire();
        auto visit = inspection_visits::open_visit(*lease, caller, visit_id, Side::inspector);
        if (!visit) {
            visit = inspection_visits::open_visit(*lease, caller, visit_id, Side::institution);
            side = Side::institution;
        }
        if (!visit) return fail(visit.error());
        open = std::move(*visit);
    }
    const auto names =
        sup::item_names(assessments_, caller, open.visit.organisation_id, open.visit.fiscal_year);
    auto lease = db_.acquire();
    VisitRequests out;
    out.visit_id = visit_id;
    out.organisation_name = open.institution.name;
    out.fiscal_year = open.visit.fiscal_year;
    out.visit_on = open.visit.planned_on;
    out.visit_status = std::string(inspection::to_string(open.visit.status));
    out.record_status = rec::record_status(*lease, visit_id);
    out.can_create = side == Side::inspector && sup::may_direct(caller, open.institution);
    for (const auto& row : rec::requests_of_visit(*lease, visit_id))
        out.requests.push_back(sup::view(*lease, row, names, side, false));
    if (side == Side::inspector) {
        std::set<std::string> seen;
        for (auto& item : findings_of(*lease, visit_id, names))
            if (seen.insert(item.canonical_id).second) out.items.push_back(std::move(item));
        for (const auto& [id, name] : names.by_id)
            if (name.answered_no && seen.insert(id).second)
                out.items.push_back({id, name.label, name.text, {}, true});
        for (const auto& [id, name] : names.by_id)
            if (seen.insert(id).second) out.items.push_back({id, name.label, name.text, {}, false});
    }
    return out;
}

Result<InspectionHistory> ImprovementRequestService::history(const Caller& caller,
                                                             std::int64_t organisation_id) {
    std::optional<records::OrganisationRecord> institution;
    {
        auto lease = db_.acquire();
        institution = records::find_organisation(*lease, organisation_id);
    }
    const auto not_found = [&] {
        return fail(ErrorCode::not_found, fmt::format("no organisation {}", organisation_id));
    };
    if (!institution || !identity::is_institution(institution->ref.kind)) return not_found();
    const auto side = sup::side_of(caller, *institution);
    if (!side) return not_found();
    const int this_year = fiscal_year(japan_date(std::chrono::system_clock::now()));
    const auto names = sup::item_names(assessments_, caller, organisation_id, this_year);
    InspectionHistory out;
    out.organisation_id = organisation_id;
    out.organisation_name = institution->name;
    auto lease = db_.acquire();
    const long long org = organisation_id;
    for (const auto& r : store::query(*lease,
                                      "SELECT id FROM inspection_visits WHERE organisation_id = :o ORDER BY "
                                      "fiscal_year DESC, planned_on DESC, id DESC",
                                      org)) {
        auto visit = inspection_visits::find_visit(*lease, store::int64_at(r, 0));
        if (!visit) continue;
        // The institution learns of a visit from its notice; a planned one it was not told of stays internal.
        if (*side == Side::institution && !visit->notified_at &&
            visit->status != inspection::VisitStatus::done)
            continue;
        InspectionHistory::Visit v;
        v.id = visit->id;
        v.fiscal_year = visit->fiscal_year;
        v.status = std::string(inspection::to_string(visit->status));
        v.planned_on = visit->planned_on;
        v.notified_at = visit->notified_at;
        v.checklist_due_on = visit->checklist_due_on;
        if (auto by = records::find_organisation(*lease, visit->inspecting_organisation_id))
            v.inspecting_organisation_name = by->name;
        v.has_result = rec::record_status(*lease, visit->id) == std::optional<std::string>("completed");
        if (v.has_result) {
            v.summary = rec::record_summary(*lease, visit->id);
            v.findings = findings_of(*lease, visit->id, names);
        }
        out.visits.push_back(std::move(v));
    }
    for (const auto& row : rec::requests_of_organisation(*lease, organisation_id)) {
        auto view = sup::view(*lease, row, names, *side, false);
        if (view.overdue) ++out.overdue;
        if (inspection::is_open(view.status)) ++out.open;
        out.requests.push_back(std::move(view));
    }
    return out;
}

Result<inspection::Package> ImprovementRequestService::package(const Caller& caller, std::int64_t visit_id) {
    inspection_visits::OpenVisit open;
    {
        auto lease = db_.acquire();
        auto visit = inspection_visits::open_visit(*lease, caller, visit_id, Side::inspector);
        if (!visit) return fail(visit.error());
        open = std::move(*visit);
    }
    inspection::PackageInput input;
    input.fiscal_year = open.visit.fiscal_year;
    input.today = japan_date(std::chrono::system_clock::now());
    input.this_year =
        sup::checklist_document(assessments_, caller, open.visit.organisation_id, open.visit.fiscal_year);
    input.last_year =
        sup::checklist_document(assessments_, caller, open.visit.organisation_id, open.visit.fiscal_year - 1);
    std::optional<inspection_visits::VisitRecord> last;
    {
        auto lease = db_.acquire();
        input.institution = facts_of(*lease, open.visit.organisation_id);
        last = last_done_visit(*lease, open.visit);
    }
    if (last) {
        const auto names =
            sup::item_names(assessments_, caller, open.visit.organisation_id, last->fiscal_year);
        auto lease = db_.acquire();
        input.last_visit_fiscal_year = last->fiscal_year;
        input.last_visit_on = last->planned_on.value_or("");
        const auto requests = rec::requests_of_visit(*lease, last->id);
        std::set<std::int64_t> matched;
        for (const auto& f : findings_of(*lease, last->id, names)) {
            inspection::PastFinding past{item_line(f.label, f.text), f.finding, std::nullopt, {}};
            for (const auto& r : requests)
                if (r.canonical_id == f.canonical_id && matched.insert(r.id).second) {
                    past.request_status = r.status;
                    past.request_due_on = r.due_on;
                    break;
                }
            input.last_findings.push_back(std::move(past));
        }
        // Requests made without a record line still belong to the last inspection's outcome.
        for (const auto& r : requests)
            if (!matched.contains(r.id)) {
                std::string label = r.canonical_id.value_or("");
                if (auto found = names.by_id.find(label); found != names.by_id.end())
                    label = item_line(found->second.label, found->second.text);
                input.last_findings.push_back({label, r.text, r.status, r.due_on});
            }
    }
    return inspection::build_package(input);
}

Result<std::string> ImprovementRequestService::package_pdf(const Caller& caller, std::int64_t visit_id) {
    auto p = package(caller, visit_id);
    if (!p) return fail(p.error());
    doc::Letter letter;
    letter.title = fmt::format("立入検査　事前資料（{}）", fiscal_year_ja(p->fiscal_year));
    letter.date = fmt::format("作成日　{}", doc::japanese_date(sup::today_iso()));
    letter.addressee = p->institution.name;
    letter.footer = fmt::format("{}　事前資料　（内部資料）", p->institution.name);
    const auto& f = p->institution;
    letter.blocks.push_back(doc::heading("施設の概要"));
    letter.blocks.push_back(
        doc::table({{"名称", f.name},
                    {"種別", kind_ja(f.kind)},
                    {"医療機関コード等", f.facility_id},
                    {"所在地", f.address.empty() ? f.municipality_name : f.address},
                    {"病床数", f.beds ? fmt::format("{}床", *f.beds) : std::string("—")}}));
    letter.blocks.push_back(doc::heading("今年度のチェックリスト"));
    const std::string status = p->checklist_status == "submitted" ? "提出済み"
                               : p->checklist_status == "draft"   ? "作成中（未提出）"
                                                                  : "未作成";
    letter.blocks.push_back(doc::table({{"状況", status},
                                        {"回答済みの行", fmt::format("{} / {}", p->answered, p->lines)},
                                        {"いいえの行", fmt::format("{}件", p->no_lines.size())},
                                        {"目標日を過ぎたもの", fmt::format("{}件", p->overdue.size())}}));
    std::vector<std::string> nos;
    for (const auto& l : p->no_lines)
        nos.push_back(fmt::format("{}　目標日：{}{}", item_line(l.label, l.text),
                                  l.target_date.empty() ? "未記入" : doc::japanese_date(l.target_date),
                                  l.overdue ? "（期限超過）" : ""));
    if (nos.empty())
        letter.blocks.push_back(doc::paragraph("いいえの行はありません。"));
    else
        letter.blocks.push_back(doc::bullets(nos));
    letter.blocks.push_back(doc::heading("昨年度からの変化"));
    if (!p->has_last_year)
        letter.blocks.push_back(doc::paragraph("比べられる昨年度のチェックリストがありません。"));
    else if (p->changes.empty())
        letter.blocks.push_back(doc::paragraph("回答が変わった行はありません。"));
    else {
        std::vector<std::string> changes;
        for (const auto& c : p->changes)
            changes.push_back(fmt::format("{}　{} → {}", item_line(c.line.label, c.line.text),
                                          answer_ja(c.before), answer_ja(c.after)));
        letter.blocks.push_back(doc::bullets(changes));
    }
    letter.blocks.push_back(doc::heading("事業者確認用の回答"));
    letter.blocks.push_back(
        doc::paragraph("事業者の回答は今後対応です（事業者はまだこのシステムを利用していません）。"));
    letter.blocks.push_back(doc::heading("前回の立入検査"));
    if (!p->last_visit_fiscal_year)
        letter.blocks.push_back(doc::paragraph("このシステムに記録された前回の立入検査はありません。"));
    else {
        letter.blocks.push_back(doc::paragraph(
            fmt::format("{}{}　指摘 {}件（改善指導が完了していないもの {}件）",
                        fiscal_year_ja(*p->last_visit_fiscal_year),
                        p->last_visit_on.empty() ? "" : "・" + doc::japanese_date(p->last_visit_on),
                        p->last_findings.size(), p->last_findings_open)));
        std::vector<std::string> findings;
        for (const auto& lf : p->last_findings)
            findings.push_back(fmt::format("{}：{}（{}）", lf.label, lf.finding,
                                           lf.request_status ? "改善指導 " + status_ja(*lf.request_status)
                                                             : std::string("改善指導なし")));
        if (!findings.empty()) letter.blocks.push_back(doc::bullets(findings));
    }
    return doc::render_letter_pdf(letter);
}

Result<std::string> ImprovementRequestService::result_notice_pdf(const Caller& caller,
                                                                 std::int64_t visit_id) {
    inspection_visits::OpenVisit open;
    {
        auto lease = db_.acquire();
        auto visit = inspection_visits::open_visit(*lease, caller, visit_id, Side::inspector);
        if (!visit) visit = inspection_visits::open_visit(*lease, caller, visit_id, Side::institution);
        if (!visit) return fail(visit.error());
        open = std::move(*visit);
        if (rec::record_status(*lease, visit_id) != std::optional<std::string>("completed"))
            return fail(ErrorCode::conflict, "the inspection has no result yet: its record is not completed");
    }
    const auto names =
        sup::item_names(assessments_, caller, open.visit.organisation_id, open.visit.fiscal_year);
    auto lease = db_.acquire();
    const auto by = records::find_organisation(*lease, open.visit.inspecting_organisation_id);
    const auto completed = rec::record_completed_at(*lease, visit_id).value_or("");
    const std::string visited_on =
        rec::record_inspection_day(*lease, visit_id, open.visit.planned_on).value_or(completed.substr(0, 10));
    doc::Letter letter;
    letter.date = doc::japanese_date(completed.empty() ? sup::today_iso() : completed);
    letter.addressee = fmt::format("{}　管理者　殿", open.institution.name);
    letter.sender = by ? sender_of(*by) : std::string();
    letter.title = "立入検査結果通知書";
    letter.footer = fmt::format("立入検査結果通知書　{}", open.institution.name);
    letter.blocks.push_back(
        doc::paragraph(fmt::format("{}"
                                   "に実施した医療法第25条第1項の規定に基づく立入検査（サイバーセキュリティ対"
                                   "策）の結果を、下記のとおり通知します。",
                                   doc::japanese_date(visited_on))));
    letter.blocks.push_back(doc::paragraph("記"));
    const auto facts = facts_of(*lease, open.visit.organisation_id);
    letter.blocks.push_back(
        doc::table({{"施設名", facts.name},
                    {"所在地", facts.address.empty() ? facts.municipality_name : facts.address},
                    {"検査年度", fiscal_year_ja(open.visit.fiscal_year)},
                    {"検査日", doc::japanese_date(visited_on)}}));
    letter.blocks.push_back(doc::heading("1　検査結果の概要"));
    const auto summary = rec::record_summary(*lease, visit_id);
    letter.blocks.push_back(doc::paragraph(summary.empty() ? "特記事項はありません。" : summary));
    letter.blocks.push_back(doc::heading("2　指摘事項"));
    std::vector<std::string> findings;
    for (const auto& f : findings_of(*lease, visit_id, names))
        findings.push_back(fmt::format("{}\n{}", item_line(f.label, f.text), f.finding));
    if (findings.empty())
        letter.blocks.push_back(doc::paragraph("指摘事項はありません。"));
    else {
        letter.blocks.push_back(doc::bullets(findings));
        letter.blocks.push_back(
            doc::paragraph("指摘事項については、別途の改善指導書により改善を求めます。期限までに改善計画を提"
                           "出し、改善が完了したときは完了を報告してください。"));
    }
    return doc::render_letter_pdf(letter);
}

Result<std::string> ImprovementRequestService::request_pdf(const Caller& caller, std::int64_t id) {
    auto request = get(caller, id);
    if (!request) return fail(request.error());
    auto lease = db_.acquire();
    const auto visit = inspection_visits::find_visit(*lease, request->visit_id);
    const auto by =
        visit ? records::find_organisation(*lease, visit->inspecting_organisation_id) : std::nullopt;
    doc::Letter letter;
    letter.date = doc::japanese_date(request->created_at);
    letter.addressee = fmt::format("{}　管理者　殿", request->organisation_name);
    letter.sender = by ? sender_of(*by) : std::string();
    letter.title = "改善指導書";
    letter.footer = fmt::format("改善指導書　{}", request->organisation_name);
    // A request may be made before the visit's record is completed: then the visit is named, not its result.
    const bool done = visit && visit->status == inspection::VisitStatus::done;
    const auto visited_on = done ? rec::record_inspection_day(*lease, request->visit_id, visit->planned_on)
                                 : std::nullopt;
    const std::string occasion =
        done ? fmt::format("{}に実施した立入検査の結果、",
                           doc::japanese_date(visited_on.value_or(request->visit_on.value_or(request->created_at))))
             : fmt::format("{}の立入検査に関し、", fiscal_year_ja(request->fiscal_year));
    letter.blocks.push_back(doc::paragraph(fmt::format(
        "{}下記の事項について改善を求めますので、期限までに改善計画を提出し、改善が完了したときは証拠資"
        "料を添えて報告してください。",
        occasion)));
    letter.blocks.push_back(doc::paragraph("記"));
    std::vector<std::pair<std::string, std::string>> rows = {
        {"対象項目", item_line(request->item_label, request->item_text)}};
    if (!request->finding.empty()) rows.emplace_back("指摘事項", request->finding);
    rows.emplace_back("改善を求める事項", request->text);
    rows.emplace_back("改善期限", doc::japanese_date(request->due_on));
    rows.emplace_back("現在の状況", status_ja(request->status));
    letter.blocks.push_back(doc::table(std::move(rows)));
    letter.blocks.push_back(doc::heading("回答の方法"));
    letter.blocks.push_back(
        doc::paragraph("守り（mamori）の「立入検査・改善指導」画面から、改善計画を提出してください。改善が完"
                       "了したら、証拠資料（ファイル）を添えて完了を報告してください。"));
    return doc::render_letter_pdf(letter);
}

}  // namespace mamori::services
