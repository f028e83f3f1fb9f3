#include "mamori/services/inspection_record.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "assessment_records.hpp"
#include "inspection_visit_records.hpp"
#include "mamori/assessment/checklist.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::inspection_record {

namespace {

using identity::Caller;
using inspection::Side;
using inspection::SyncOutcome;
using inspection::Verdict;
using nlohmann::json;
namespace visits = inspection_visits;

// ---- Rows ----

struct StoredRecord {
    std::string checklist_of_record;
    std::string status;
    std::string summary;
    int version = 1;
    std::string started_at;
    std::optional<std::string> completed_at;
};

std::optional<StoredRecord> find_record(soci::session& sql, std::int64_t visit_id) {
    const long long id = visit_id;
    for (const auto& r : store::query(sql,
                                      "SELECT checklist_of_record, status, summary, version, started_at, "
                                      "completed_at FROM inspection_records WHERE visit_id = :v",
                                      id))
        return StoredRecord{r.get<std::string>(0), r.get<std::string>(1),
                            r.get<std::string>(2), static_cast<int>(store::int64_at(r, 3)),
                            r.get<std::string>(4), store::optional_text_at(r, 5)};
    return std::nullopt;
}

constexpr std::string_view kLineColumns =
    "l.canonical_id, l.row_key, l.verdict, l.finding, l.note, l.evidence_seen, l.version, l.updated_at, "
    "COALESCE((SELECT v.device FROM inspection_record_line_versions v WHERE v.visit_id = l.visit_id AND "
    "v.canonical_id = l.canonical_id AND v.row_key = l.row_key AND v.version = l.version), '')";

RecordLine read_line(const soci::row& r) {
    RecordLine l;
    l.canonical_id = r.get<std::string>(0);
    l.row = r.get<std::string>(1);
    l.verdict = inspection::parse_verdict(r.get<std::string>(2)).value_or(Verdict::confirmed);
    l.finding = r.get<std::string>(3);
    l.note = r.get<std::string>(4);
    l.evidence_seen = r.get<std::string>(5);
    l.version = static_cast<int>(store::int64_at(r, 6));
    l.updated_at = r.get<std::string>(7);
    l.device = r.get<std::string>(8);
    return l;
}

std::vector<RecordLine> lines_of(soci::session& sql, std::int64_t visit_id) {
    const long long id = visit_id;
    std::vector<RecordLine> out;
    for (const auto& r :
         store::query(sql,
                      fmt::format("SELECT {} FROM inspection_record_lines l WHERE l.visit_id = :v "
                                  "ORDER BY l.canonical_id, l.row_key",
                                  kLineColumns),
                      id))
        out.push_back(read_line(r));
    return out;
}

std::optional<RecordLine> line_of(soci::session& sql, std::int64_t visit_id, const std::string& canonical_id,
                                  const std::string& row) {
    const long long id = visit_id;
    for (const auto& r :
         store::query(sql,
                      fmt::format("SELECT {} FROM inspection_record_lines l WHERE l.visit_id = :v AND "
                                  "l.canonical_id = :c AND l.row_key = :r",
                                  kLineColumns),
                      id, canonical_id, row))
        return read_line(r);
    return std::nullopt;
}

// write_line: `line` as version line.version (1 inserts), conditional on the previous version, and its
// history row with the device.
bool write_line(soci::session& sql, std::int64_t visit_id, const RecordLine& line, std::int64_t user_id) {
    const long long id = visit_id, version = line.version, previous = line.version - 1;
    const std::optional<long long> user = user_id > 0 ? std::optional<long long>(user_id) : std::nullopt;
    const std::string verdict(inspection::to_string(line.verdict));
    if (line.version == 1) {
        store::execute(
            sql,
            "INSERT INTO inspection_record_lines (visit_id, canonical_id, row_key, verdict, finding, "
            "note, evidence_seen, version, updated_by, updated_at) VALUES (:v, :c, :r, :vd, :f, "
            ":n, :e, 1, :u, :a)",
            id, line.canonical_id, line.row, verdict, line.finding, line.note, line.evidence_seen, user,
            line.updated_at);
    } else if (store::execute(sql,
                              "UPDATE inspection_record_lines SET verdict = :vd, finding = :f, note = :n, "
                              "evidence_seen = :e, version = :ver, updated_by = :u, updated_at = :a "
                              "WHERE visit_id = :v AND canonical_id = :c AND row_key = :r AND version = :p",
                              verdict, line.finding, line.note, line.evidence_seen, version, user,
                              line.updated_at, id, line.canonical_id, line.row, previous) != 1) {
        return false;
    }
    store::execute(sql,
                   "INSERT INTO inspection_record_line_versions (visit_id, canonical_id, row_key, version, "
                   "verdict, finding, note, evidence_seen, device, updated_by, updated_at) VALUES (:v, :c, "
                   ":r, :ver, :vd, :f, :n, :e, :d, :u, :a)",
                   id, line.canonical_id, line.row, version, verdict, line.finding, line.note,
                   line.evidence_seen, line.device, user, line.updated_at);
    return true;
}

// ---- The checklist of record ----

std::optional<std::int64_t> checklist_of_year(soci::session& sql, std::int64_t organisation_id, int fy) {
    const long long org = organisation_id, year = fy;
    for (const auto& r : store::query(sql,
                                      "SELECT id FROM assessments WHERE organisation_id = :o AND "
                                      "fiscal_year = :fy AND form <> 'vendor' ORDER BY id",
                                      org, year))
        return store::int64_at(r, 0);
    return std::nullopt;
}

std::optional<std::string> date_text(const std::optional<std::chrono::year_month_day>& date) {
    return date ? std::optional<std::string>(to_iso_date(*date)) : std::nullopt;
}

inspection::FrozenChecklist freeze(soci::session& sql, const catalog::Catalog& catalog,
                                   const visits::VisitRecord& visit) {
    inspection::FrozenChecklist out;
    out.frozen_at = records::iso_now();
    const auto id = checklist_of_year(sql, visit.organisation_id, visit.fiscal_year);
    if (!id) return out;
    const auto assessment = assessment_records::find_assessment(sql, *id);
    if (!assessment) return out;
    out.assessment_id = assessment->id;
    out.fiscal_year = assessment->fiscal_year;
    out.edition = assessment->edition;
    out.edition_revision = assessment->edition_revision;
    out.form = assessment->form;
    out.status = assessment->status;
    out.submitted_at = assessment->submitted_at;
    std::map<assessment::RowKey, services::StoredAnswer, assessment::RowKeyLess> answers;
    for (auto& a : assessment_records::answers(sql, *id)) answers.emplace(a.key, std::move(a));
    std::map<assessment::RowKey, std::vector<std::string>, assessment::RowKeyLess> evidence;
    for (const auto& e : assessment_records::evidence(sql, *id))
        evidence[e.key].push_back(e.kind == "file" ? e.file_name : (e.title.empty() ? e.url : e.title));
    const auto* revisions = catalog.revisions(assessment->edition);
    const auto* edition = revisions ? revisions->find(assessment->edition_revision) : nullptr;
    const auto* form = edition ? edition->find(assessment->form) : nullptr;
    if (!form) return out;
    out.form_title = form->title_ja;
    for (const auto& row : assessment::checklist_rows(*form)) {
        inspection::FrozenLine line;
        line.canonical_id = row.key.canonical_id;
        line.row = row.key.row;
        line.gate = row.is_gate();
        if (row.item) {
            line.number = row.item->number;
            line.text = row.item->text_ja;
        } else {
            line.text = "医療情報システムの有無";
        }
        if (row.row)
            for (const auto& d : row.row->device_classes)
                line.device_classes += (line.device_classes.empty() ? "" : "・") + d;
        if (const auto found = answers.find(row.key); found != answers.end()) {
            line.needs_reconfirmation = found->second.needs_reconfirmation;
            if (const auto& a = found->second.answer) {
                line.answer = std::string(assessment::to_string(a->value));
                line.confirmed_on = date_text(a->confirmed_on);
                line.target_date = date_text(a->target_date);
                line.note = a->note;
            }
        }
        if (const auto found = evidence.find(row.key); found != evidence.end()) line.evidence = found->second;
        out.lines.push_back(std::move(line));
    }
    return out;
}

std::vector<inspection::FrozenLine> frozen_lines(const json& frozen) {
    std::vector<inspection::FrozenLine> out;
    if (!frozen.is_object() || !frozen.contains("lines")) return out;
    const auto text = [](const json& j, const char* name) {
        const auto it = j.find(name);
        return it != j.end() && it->is_string() ? std::optional<std::string>(it->get<std::string>())
                                                : std::nullopt;
    };
    for (const auto& l : frozen["lines"]) {
        inspection::FrozenLine line;
        line.canonical_id = text(l, "canonical_id").value_or("");
        line.row = text(l, "row").value_or("");
        line.answer = text(l, "answer");
        line.confirmed_on = text(l, "confirmed_on");
        line.target_date = text(l, "target_date");
        line.needs_reconfirmation = l.value("needs_reconfirmation", false);
        line.gate = l.value("gate", false);
        out.push_back(std::move(line));
    }
    return out;
}

// ---- Views ----

RecordView view_of(soci::session& sql, const visits::OpenVisit& open, const StoredRecord& record,
                   bool notes_visible) {
    RecordView v;
    v.visit_id = open.visit.id;
    v.organisation_id = open.visit.organisation_id;
    v.institution_name = open.institution.name;
    v.fiscal_year = open.visit.fiscal_year;
    v.planned_on = open.visit.planned_on;
    v.visit_status = std::string(inspection::to_string(open.visit.status));
    v.status = record.status;
    v.summary = record.summary;
    v.version = record.version;
    v.checklist_of_record = json::parse(record.checklist_of_record, nullptr, false);
    v.lines = lines_of(sql, open.visit.id);
    v.proposals = inspection::propose_incomplete(frozen_lines(v.checklist_of_record));
    v.counts = {{"confirmed", 0}, {"incomplete", 0}, {"finding", 0}};
    for (auto& l : v.lines) {
        ++v.counts[std::string(inspection::to_string(l.verdict))];
        if (!notes_visible) {
            l.note.clear();
            l.device.clear();
        }
    }
    v.started_at = record.started_at;
    v.completed_at = record.completed_at;
    v.notes_visible = notes_visible;
    return v;
}

tl::unexpected<Error> no_record(std::int64_t visit_id) {
    return fail(ErrorCode::not_found, fmt::format("visit {} has no record yet", visit_id));
}

tl::unexpected<Error> completed_already() {
    return fail(ErrorCode::conflict, "the record is completed and can no longer change", "status");
}

// lock_record: the first statement of a transaction that changes a record (see lock_visit).
bool lock_record(soci::session& sql, std::int64_t visit_id) {
    const long long id = visit_id;
    return store::execute(sql, "UPDATE inspection_records SET version = version WHERE visit_id = :v", id) ==
           1;
}

bool same_content(const RecordLine& stored, const inspection::LineEdit& edit) {
    return stored.verdict == edit.verdict && stored.finding == edit.finding && stored.note == edit.note &&
           stored.evidence_seen == edit.evidence_seen;
}

std::string target_of(std::int64_t visit_id) {
    return fmt::format("inspection_visit:{}", visit_id);
}

}  // namespace

Result<RecordView> start(store::Database& db, CatalogService& catalog, const Caller& caller,
                         std::int64_t visit_id, const audit::Context& context) {
    const auto snapshot = catalog.snapshot();
    return db.transaction([&](soci::session& sql) -> Result<RecordView> {
        visits::lock_visit(sql, visit_id);
        auto open = visits::open_visit(sql, caller, visit_id, Side::inspector);
        if (!open) return fail(open.error());
        if (find_record(sql, visit_id))
            return fail(ErrorCode::conflict, "this visit's record has already started", "visit");
        const auto status = open->visit.status;
        if (status != inspection::VisitStatus::planned && status != inspection::VisitStatus::notified)
            return fail(ErrorCode::conflict,
                        fmt::format("a record starts only for a planned or notified visit (this one is {})",
                                    inspection::to_string(status)),
                        "status");
        const auto frozen = freeze(sql, snapshot->catalog(), open->visit);
        const long long id = visit_id;
        const std::optional<long long> assessment =
            frozen.assessment_id ? std::optional<long long>(frozen.assessment_id) : std::nullopt;
        const long long user = caller.user_id;
        const std::string text = inspection::checklist_json(frozen).dump();
        store::execute(
            sql,
            "INSERT INTO inspection_records (visit_id, assessment_id, checklist_of_record, status, "
            "summary, version, started_by, started_at) VALUES (:v, :a, :c, 'in_progress', '', 1, "
            ":u, :at)",
            id, assessment, text, user, frozen.frozen_at);
        visits::insert_visit_event(sql, visit_id, "record_started",
                                   {{"assessment_id", assessment ? json(*assessment) : json(nullptr)}},
                                   caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, "inspection.record_started", target_of(visit_id),
                                          {{"assessment_id", assessment ? json(*assessment) : json(nullptr)},
                                           {"lines", frozen.lines.size()}}),
                      context);
        return view_of(sql, *open, *find_record(sql, visit_id), true);
    });
}

Result<RecordView> get(store::Database& db, const Caller& caller, std::int64_t visit_id) {
    return db.snapshot([&](soci::session& sql) -> Result<RecordView> {
        bool inspector = true;
        auto open = visits::open_visit(sql, caller, visit_id, Side::inspector);
        if (!open) {
            inspector = false;
            open = visits::open_visit(sql, caller, visit_id, Side::institution);
        }
        if (!open) return fail(open.error());
        const auto record = find_record(sql, visit_id);
        if (!record || (!inspector && record->status != "completed")) return no_record(visit_id);
        return view_of(sql, *open, *record, inspector);
    });
}

Result<LineSaved> save_line(store::Database& db, const Caller& caller, std::int64_t visit_id,
                            const inspection::LineEdit& edit, const std::string& device,
                            const audit::Context& context) {
    if (auto ok = inspection::check_line_edit(edit); !ok) return fail(ok.error());
    const long device_characters = character_count(device);
    if (device_characters < 0 || device_characters > inspection::kDeviceMaxCharacters)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("device must be text of at most {} characters", inspection::kDeviceMaxCharacters),
            "device");
    return db.transaction([&](soci::session& sql) -> Result<LineSaved> {
        auto open = visits::open_visit(sql, caller, visit_id, Side::inspector);
        if (!open) return fail(open.error());
        if (!lock_record(sql, visit_id)) return no_record(visit_id);
        const auto record = find_record(sql, visit_id);
        if (record->status != "in_progress") return completed_already();
        const auto frozen = frozen_lines(json::parse(record->checklist_of_record, nullptr, false));
        if (!frozen.empty() && std::none_of(frozen.begin(), frozen.end(), [&](const auto& l) {
                return l.canonical_id == edit.canonical_id && l.row == edit.row;
            }))
            return fail(ErrorCode::invalid_input,
                        fmt::format("the checklist of record has no line {} {}", edit.canonical_id, edit.row),
                        "canonical_id");
        const auto stored = line_of(sql, visit_id, edit.canonical_id, edit.row);
        const auto outcome = inspection::sync_outcome(stored ? stored->version : 0, edit.base_version,
                                                      stored && same_content(*stored, edit));
        if (outcome != SyncOutcome::applied) return LineSaved{outcome, *stored};
        RecordLine next{edit.canonical_id,
                        edit.row,
                        edit.verdict,
                        edit.finding,
                        edit.note,
                        edit.evidence_seen,
                        (stored ? stored->version : 0) + 1,
                        records::iso_now(),
                        device};
        if (!write_line(sql, visit_id, next, caller.user_id))
            return fail(ErrorCode::conflict, "the line changed meanwhile; try again", "base_version");
        audit::append(sql,
                      audit::caller_entry(caller, "inspection.record_line_saved", target_of(visit_id),
                                          {{"canonical_id", next.canonical_id},
                                           {"row", next.row},
                                           {"verdict", inspection::to_string(next.verdict)},
                                           {"version", next.version},
                                           {"device", device}}),
                      context);
        return LineSaved{SyncOutcome::applied, next};
    });
}

Result<std::vector<RecordLine>> line_history(store::Database& db, const Caller& caller, std::int64_t visit_id,
                                             const std::string& canonical_id, const std::string& row) {
    return db.snapshot([&](soci::session& sql) -> Result<std::vector<RecordLine>> {
        auto open = visits::open_visit(sql, caller, visit_id, Side::inspector);
        if (!open) return fail(open.error());
        const long long id = visit_id;
        std::vector<RecordLine> out;
        for (const auto& r : store::query(
                 sql,
                 "SELECT canonical_id, row_key, verdict, finding, note, evidence_seen, version, updated_at, "
                 "device FROM inspection_record_line_versions WHERE visit_id = :v AND canonical_id = :c AND "
                 "row_key = :r ORDER BY version",
                 id, canonical_id, row))
            out.push_back(read_line(r));
        return out;
    });
}

Result<RecordView> complete(store::Database& db, const Caller& caller, std::int64_t visit_id,
                            const std::string& summary, int version, const audit::Context& context) {
    const long characters = character_count(summary);
    if (characters < 0 || characters > inspection::kSummaryMaxCharacters)
        return fail(ErrorCode::invalid_input,
                    fmt::format("the summary must be text of at most {} characters",
                                inspection::kSummaryMaxCharacters),
                    "summary");
    return db.transaction([&](soci::session& sql) -> Result<RecordView> {
        visits::lock_visit(sql, visit_id);
        auto open = visits::open_visit(sql, caller, visit_id, Side::inspector);
        if (!open) return fail(open.error());
        if (!lock_record(sql, visit_id)) return no_record(visit_id);
        const auto record = find_record(sql, visit_id);
        if (record->status != "in_progress") return completed_already();
        if (record->version != version)
            return fail(ErrorCode::conflict,
                        fmt::format("the record is at version {}, not {}", record->version, version),
                        "version");
        auto next_status =
            inspection::visit_transition(open->visit.status, inspection::VisitAction::complete);
        if (!next_status) return fail(next_status.error());
        const long long id = visit_id, user = caller.user_id, next_version = version + 1;
        const std::string now = records::iso_now();
        store::execute(sql,
                       "UPDATE inspection_records SET status = 'completed', summary = :s, version = :ver, "
                       "completed_by = :u, completed_at = :at WHERE visit_id = :v",
                       summary, next_version, user, now, id);
        auto visit = open->visit;
        const auto before = visit.status;
        visit.status = *next_status;
        ++visit.version;
        if (!visits::update_visit(sql, visit, caller.user_id))
            return fail(ErrorCode::conflict, "the visit changed meanwhile; try again", "version");
        const auto view = view_of(sql, *open, *find_record(sql, visit_id), true);
        const json counts = view.counts;
        visits::insert_visit_event(sql, visit_id, "complete",
                                   {{"before", inspection::to_string(before)},
                                    {"after", inspection::to_string(visit.status)},
                                    {"counts", counts}},
                                   caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, "inspection.record_completed", target_of(visit_id),
                                          {{"counts", counts}}),
                      context);
        auto out = view;
        out.visit_status = std::string(inspection::to_string(visit.status));
        return out;
    });
}

Result<json> package(store::Database& db, const Caller& caller, std::int64_t visit_id) {
    auto view = get(db, caller, visit_id);
    if (!view) return fail(view.error());
    if (!view->notes_visible)
        return fail(ErrorCode::not_found, fmt::format("no inspection visit {}", visit_id));
    json lines = json::array();
    for (const auto& l : view->lines)
        lines.push_back({{"canonical_id", l.canonical_id},
                         {"row", l.row},
                         {"verdict", inspection::to_string(l.verdict)},
                         {"finding", l.finding},
                         {"note", l.note},
                         {"evidence_seen", l.evidence_seen},
                         {"version", l.version}});
    return json{
        {"format", "mamori.inspection-package"},
        {"format_version", 1},
        {"exported_at", records::iso_now()},
        {"visit",
         {{"id", view->visit_id},
          {"fiscal_year", view->fiscal_year},
          {"planned_on", view->planned_on ? json(*view->planned_on) : json(nullptr)},
          {"status", view->visit_status}}},
        {"institution", {{"id", view->organisation_id}, {"name", view->institution_name}}},
        {"record", {{"status", view->status}, {"summary", view->summary}, {"version", view->version}}},
        {"checklist_of_record", view->checklist_of_record},
        {"lines", lines}};
}

Result<ImportReport> import_file(store::Database& db, const Caller& caller, std::int64_t visit_id,
                                 std::string_view text, const audit::Context& context) {
    auto current = get(db, caller, visit_id);
    if (!current) return fail(current.error());
    if (!current->notes_visible)
        return fail(ErrorCode::not_found, fmt::format("no inspection visit {}", visit_id));
    if (current->status != "in_progress") return completed_already();
    auto file = inspection::parse_record_file(text);
    if (!file) return fail(file.error());
    if (file->visit_id != visit_id) {
        auto e = fail(ErrorCode::invalid_input,
                      fmt::format("visit_id: the file is the record of visit {}, not {}", file->visit_id, visit_id),
                      "visit_id");
        e.value().fields.front().reason = "other_visit";
        e.value().fields.front().value = std::to_string(file->visit_id);
        return e;
    }
    const auto frozen = frozen_lines(current->checklist_of_record);
    for (std::size_t i = 0; i < file->lines.size() && !frozen.empty(); ++i) {
        const auto& edit = file->lines[i];
        if (std::none_of(frozen.begin(), frozen.end(), [&](const auto& l) {
                return l.canonical_id == edit.canonical_id && l.row == edit.row;
            }))
        {
            auto e = fail(ErrorCode::invalid_input,
                          fmt::format("lines[{}].canonical_id: the checklist of record has no line {} {}", i,
                                      edit.canonical_id, edit.row),
                          fmt::format("lines[{}].canonical_id", i));
            e.value().fields.front().reason = "line_unknown";
            e.value().fields.front().value = fmt::format("{} {}", edit.canonical_id, edit.row);
            return e;
        }
    }
    ImportReport report;
    bool conflicts = false;
    for (std::size_t i = 0; i < file->lines.size(); ++i) {
        auto saved = save_line(db, caller, visit_id, file->lines[i], file->device, context);
        if (!saved) {
            auto e = saved.error();
            const std::string field =
                fmt::format("lines[{}].{}", i, e.fields.empty() ? "" : e.fields[0].field);
            e.message = fmt::format("{}: {}", field, e.message);
            const FieldError first = e.fields.empty() ? FieldError{} : e.fields.front();
            e.fields = {{field, e.message, first.reason, first.value}};
            return fail(std::move(e));
        }
        conflicts = conflicts || saved->outcome == SyncOutcome::conflict;
        report.lines.push_back(std::move(*saved));
    }
    if (file->completed && !conflicts) {
        auto latest = get(db, caller, visit_id);
        if (!latest) return fail(latest.error());
        auto done =
            complete(db, caller, visit_id, file->summary.value_or(latest->summary), latest->version, context);
        if (!done) return fail(done.error());
        report.completed = true;
    }
    return report;
}

}  // namespace mamori::services::inspection_record
