// PreparednessService: access, versions, history and audit of the preparedness records.
#include "mamori/services/preparedness.hpp"

#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/preparedness/bcp.hpp"
#include "mamori/store/prepared.hpp"
#include "preparedness_records.hpp"
#include "systems_register_records.hpp"

namespace mamori::services {

namespace {

namespace rec = preparedness_records;
using identity::Caller;
using identity::OrgKind;
using identity::Role;
using nlohmann::json;
using preparedness::RecordKind;

std::chrono::year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

tl::unexpected<Error> none_here() {
    return fail(ErrorCode::not_found,
                "there are no preparedness records here (only an institution keeps them)");
}

tl::unexpected<Error> no_record(RecordKind kind, std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no {} {}", preparedness::to_string(kind), id));
}

bool reads(const Caller& caller) {
    return identity::is_institution(caller.organisation.kind) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) ||
            caller.has(Role::editor) || caller.has(Role::viewer));
}

bool writes(const Caller& caller) {
    return reads(caller) && identity::allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) ||
            caller.has(Role::editor));
}

Status check_writer(const Caller& caller) {
    if (!writes(caller))
        return fail(
            ErrorCode::forbidden,
            "only the institution's administrators, security managers and editors change its preparedness "
            "records");
    return {};
}

// jurisdiction_reader: the inspectors and administrators of a health centre or prefecture (analysts work
// with aggregates and read no institution's incident).
bool jurisdiction_reader(const Caller& caller) {
    return (caller.organisation.kind == OrgKind::health_centre ||
            caller.organisation.kind == OrgKind::prefecture) &&
           (caller.has(Role::inspector) || caller.has(Role::administrator));
}

// jurisdiction_reads: a health centre or prefecture inspecting the institution reads its reported incident.
bool jurisdiction_reads(soci::session& sql, const Caller& caller, const PreparednessRecord& r) {
    if (r.kind != RecordKind::incident || !jurisdiction_reader(caller) ||
        !preparedness::reports_to_jurisdiction(r.body) || r.status != "active")
        return false;
    const auto org = records::find_organisation(sql, r.organisation_id);
    return org && identity::can_inspect(caller, org->ref);
}

Result<PreparednessRecord> readable(soci::session& sql, const Caller& caller, RecordKind kind,
                                    std::int64_t id) {
    auto found = rec::find_record(sql, id);
    if (!found || found->kind != kind) return no_record(kind, id);
    if (reads(caller) && found->organisation_id == caller.organisation.id) return std::move(*found);
    if (jurisdiction_reads(sql, caller, *found)) return std::move(*found);
    return no_record(kind, id);
}

// changeable: the record, locked, when this caller may change it at this version: the institution's own writer,
// the record not removed (`removed_reason` says so otherwise), the version the caller read.
Result<PreparednessRecord> changeable(soci::session& sql, const Caller& caller, RecordKind kind, std::int64_t id,
                                      int version, std::string_view removed_reason) {
    if (writes(caller)) rec::lock_record(sql, id, caller.organisation.id);
    auto current = readable(sql, caller, kind, id);
    if (!current) return fail(current.error());
    if (current->organisation_id != caller.organisation.id)
        return fail(ErrorCode::forbidden, "a reported incident is read here; only the institution changes it");
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    if (current->status != "active") return fail(ErrorCode::conflict, std::string(removed_reason), "status");
    if (version != current->version)
        return fail(ErrorCode::conflict,
                    fmt::format("the record changed meanwhile (version {}, not {}): reload it", current->version,
                                version),
                    "version");
    return current;
}

// check_links: a system named by id is one of the institution's systems; a restore test's backup is one of
// its active backups. Answers the record's parent (the backup) for restore tests.
Result<std::optional<std::int64_t>> check_links(soci::session& sql, const Caller& caller, RecordKind kind,
                                                const json& body) {
    if ((kind == RecordKind::contact || kind == RecordKind::backup) &&
        body["system_id"].is_number_integer()) {
        const auto system = systems_records::find_system(sql, body["system_id"].get<std::int64_t>());
        if (!system || system->organisation_id != caller.organisation.id)
            return fail(ErrorCode::invalid_input,
                        "system_id: not a system of this institution's systems register", "system_id");
    }
    if (kind != RecordKind::restore_test) return std::optional<std::int64_t>();
    const auto backup_id = body["backup_id"].get<std::int64_t>();
    const auto backup = rec::find_record(sql, backup_id);
    if (!backup || backup->kind != RecordKind::backup || backup->organisation_id != caller.organisation.id ||
        backup->status != "active")
        return fail(ErrorCode::invalid_input, "backup_id: not a backup of this institution's backup register",
                    "backup_id");
    return std::optional<std::int64_t>(backup_id);
}

std::string target(RecordKind kind, std::int64_t id) {
    return fmt::format("preparedness_{}:{}", preparedness::to_string(kind), id);
}

std::string action(RecordKind kind, std::string_view what) {
    return fmt::format("preparedness.{}.{}", preparedness::to_string(kind), what);
}

std::string police_name(soci::session& sql, const std::string& prefecture_code) {
    if (prefecture_code == "13") return "警視庁 サイバー犯罪相談窓口";
    std::string name;
    for (const auto& r :
         store::query(sql, "SELECT name_ja FROM prefectures WHERE code = :c", prefecture_code))
        name = r.get<std::string>(0);
    return name.empty() ? "都道府県警察 サイバー犯罪相談窓口"
                        : fmt::format("{}警察 サイバー犯罪相談窓口", name);
}

// seed_chart: the chart record and the pre-filled external bodies (names only: numbers are not invented).
void seed_chart(soci::session& sql, const Caller& caller, const audit::Context& context) {
    records::lock_organisation(sql, caller.organisation.id);
    if (!rec::records_of(sql, caller.organisation.id, RecordKind::chart).empty()) return;
    const json chart{{"reviewed_on", nullptr}, {"reviewer", ""}};
    const auto chart_id = rec::insert_record(sql, caller.organisation.id, RecordKind::chart, std::nullopt,
                                             chart, caller.user_id);
    const auto contact = [&](std::string body, std::string name, int position, std::string note) {
        json c{{"kind", "external"},
               {"role", nullptr},
               {"department", ""},
               {"system_id", nullptr},
               {"system_name", ""},
               {"body", std::move(body)},
               {"organisation_name", std::move(name)},
               {"person_name", ""},
               {"phone", ""},
               {"email", ""},
               {"note", std::move(note)},
               {"position", position}};
        rec::insert_record(sql, caller.organisation.id, RecordKind::contact, std::nullopt, c, caller.user_id);
    };
    contact("ministry", "厚生労働省 医療情報技術推進室", 900,
            "電話番号・メールアドレスは記入されていません。厚生労働省の案内で確かめて記入してください。");
    const auto prefecture = records::find_organisation(sql, caller.organisation.id);
    contact(
        "police", police_name(sql, prefecture ? prefecture->ref.prefecture_code : ""), 910,
        "電話番号は記入されていません。都道府県警察のサイバー犯罪相談窓口の番号を確かめて記入してください。");
    audit::append(
        sql,
        audit::caller_entry(caller, "preparedness.chart.opened", target(RecordKind::chart, chart_id),
                            {{"prefilled", json::array({"ministry", "police"})}}),
        context);
}

}  // namespace

Change replace(json body) {
    return [body = std::move(body)](const json&) -> Result<json> { return body; };
}

Result<PreparednessList> PreparednessService::list(const Caller& caller, RecordKind kind) {
    auto lease = db_.acquire();
    PreparednessList out;
    if (kind == RecordKind::incident && jurisdiction_reader(caller)) {
        // Narrowed to the caller's prefecture in the database; each institution looked up once.
        std::map<std::int64_t, bool> inspected;
        for (auto& r : rec::shared_incidents(*lease, caller.organisation.prefecture_code)) {
            auto [at, first] = inspected.try_emplace(r.organisation_id, false);
            if (first) at->second = jurisdiction_reads(*lease, caller, r);
            if (at->second) out.records.push_back(std::move(r));
        }
        return out;
    }
    if (!reads(caller) || kind == RecordKind::chart) return none_here();
    out.can_write = writes(caller);
    out.records = rec::records_of(*lease, caller.organisation.id, kind);
    return out;
}

Result<PreparednessRecord> PreparednessService::get(const Caller& caller, RecordKind kind, std::int64_t id) {
    auto lease = db_.acquire();
    auto found = readable(*lease, caller, kind, id);
    if (!found) return fail(found.error());
    found->history = rec::versions_of(*lease, id);
    return found;
}

Result<PreparednessRecord> PreparednessService::create(const Caller& caller, RecordKind kind,
                                                       const json& body, const audit::Context& context) {
    if (!reads(caller) || kind == RecordKind::chart) return none_here();
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    auto checked = preparedness::check_record(kind, body, preparedness::builtin_reference(), today());
    if (!checked) return fail(checked.error());
    auto id = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
        auto parent = check_links(sql, caller, kind, *checked);
        if (!parent) return fail(parent.error());
        const auto made =
            rec::insert_record(sql, caller.organisation.id, kind, *parent, *checked, caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, action(kind, "created"), target(kind, made),
                                          {{"before", nullptr}, {"after", *checked}}),
                      context);
        return made;
    });
    if (!id) return fail(id.error());
    return get(caller, kind, *id);
}

Result<PreparednessRecord> PreparednessService::update(const Caller& caller, RecordKind kind, std::int64_t id,
                                                       int version, const Change& change,
                                                       const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = changeable(sql, caller, kind, id, version,
                                  "a removed record is kept as it was; it cannot be changed");
        if (!current) return fail(current.error());
        auto proposed = change(current->body);
        if (!proposed) return fail(proposed.error());
        auto checked =
            preparedness::check_record(kind, *proposed, preparedness::builtin_reference(), today());
        if (!checked) return fail(checked.error());
        if (*checked == current->body) return 0;  // nothing changed: no new version
        auto parent = check_links(sql, caller, kind, *checked);
        if (!parent) return fail(parent.error());
        if (!rec::update_record(sql, id, version, *parent, *checked, "active", "changed", caller.user_id))
            return fail(ErrorCode::conflict, "the record changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, action(kind, "changed"), target(kind, id),
                                          {{"before", current->body}, {"after", *checked}}),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, kind, id);
}

Result<PreparednessRecord> PreparednessService::remove(const Caller& caller, RecordKind kind, std::int64_t id,
                                                       int version, const audit::Context& context) {
    if (kind == RecordKind::chart) return no_record(kind, id);
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = changeable(sql, caller, kind, id, version, "the record is already removed");
        if (!current) return fail(current.error());
        if (kind == RecordKind::backup) {
            // A backup's restore tests go with it (each kept in the history as removed).
            for (const auto& t : rec::restore_tests_of(sql, caller.organisation.id, id)) {
                if (!rec::update_record(sql, t.id, t.version, id, t.body, "removed", "removed", caller.user_id))
                    return fail(ErrorCode::conflict, "a restore test of the backup changed meanwhile: reload it",
                                "version");
                audit::append(sql,
                              audit::caller_entry(caller, action(RecordKind::restore_test, "removed"),
                                                  target(RecordKind::restore_test, t.id),
                                                  {{"before", t.body}, {"after", nullptr}, {"with_backup", id}}),
                              context);
            }
        }
        const std::optional<std::int64_t> parent =
            kind == RecordKind::restore_test ? std::optional(current->body["backup_id"].get<std::int64_t>())
                                             : std::nullopt;
        if (!rec::update_record(sql, id, version, parent, current->body, "removed", "removed",
                                caller.user_id))
            return fail(ErrorCode::conflict, "the record changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, action(kind, "removed"), target(kind, id),
                                          {{"before", current->body}, {"after", nullptr}}),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, kind, id);
}

Result<ContactChart> PreparednessService::contact_chart(const Caller& caller, const audit::Context& context) {
    if (!reads(caller)) return none_here();
    if (writes(caller)) {
        auto seeded = db_.transaction([&](soci::session& sql) -> Result<int> {
            if (rec::records_of(sql, caller.organisation.id, RecordKind::chart).empty())
                seed_chart(sql, caller, context);
            return 0;
        });
        if (!seeded) return fail(seeded.error());
    }
    auto lease = db_.acquire();
    ContactChart out;
    out.can_write = writes(caller);
    const auto charts = rec::records_of(*lease, caller.organisation.id, RecordKind::chart);
    if (!charts.empty()) {
        out.chart = charts.front();
        out.chart.history = rec::versions_of(*lease, out.chart.id);
    } else {
        // Not opened yet by anyone who may write: an empty chart, not stored.
        out.chart.kind = RecordKind::chart;
        out.chart.organisation_id = caller.organisation.id;
        out.chart.version = 0;
        out.chart.status = "active";
        out.chart.body = {{"reviewed_on", nullptr}, {"reviewer", ""}};
    }
    out.contacts = rec::records_of(*lease, caller.organisation.id, RecordKind::contact);
    std::stable_sort(out.contacts.begin(), out.contacts.end(), [](const auto& a, const auto& b) {
        return a.body.value("position", 0) < b.body.value("position", 0);
    });
    return out;
}

Result<PreparednessRecord> PreparednessService::review_chart(const Caller& caller, int version,
                                                             const json& body,
                                                             const audit::Context& context) {
    auto chart = contact_chart(caller, context);
    if (!chart) return fail(chart.error());
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    return update(caller, RecordKind::chart, chart->chart.id, version, replace(body), context);
}

bool PreparednessService::may_change(const Caller& caller, const PreparednessRecord& record) {
    return writes(caller) && record.organisation_id == caller.organisation.id && record.status == "active";
}

namespace {

// as_stored: the records as the pure rules read them.
std::vector<preparedness::StoredRecord> as_stored(const std::vector<PreparednessRecord>& records) {
    std::vector<preparedness::StoredRecord> out;
    for (const auto& r : records) out.push_back({r.id, r.kind, r.body});
    return out;
}

}  // namespace

Result<PreparednessSummary> PreparednessService::summary(const Caller& caller) {
    if (!reads(caller)) return none_here();
    auto lease = db_.acquire();
    const auto all = rec::records_of(*lease, caller.organisation.id, std::nullopt);
    PreparednessSummary out;
    for (const auto kind : {RecordKind::contact, RecordKind::backup, RecordKind::restore_test,
                            RecordKind::drill, RecordKind::incident}) {
        int n = 0;
        for (const auto& r : all)
            if (r.kind == kind) ++n;
        out.counts.emplace_back(std::string(preparedness::to_string(kind)), n);
    }
    for (const auto& r : all)
        if (r.kind == RecordKind::incident && r.body.value("status", "") == "open") ++out.open_incidents;
    out.warnings = preparedness::warnings(as_stored(all), preparedness::builtin_reference(), today());
    return out;
}

Result<preparedness::ChecklistFacts> PreparednessService::checklist_facts(const Caller& caller) {
    if (!reads(caller)) return none_here();
    auto lease = db_.acquire();
    const auto stored = as_stored(rec::records_of(*lease, caller.organisation.id, std::nullopt));
    std::map<std::string, std::string> statuses;
    for (const auto& a : rec::bcp_answers_of(*lease, caller.organisation.id))
        if (a.body.is_object()) statuses.emplace(a.row_code, a.body.value("status", ""));
    int rows = 0;
    for (const auto& phase : preparedness::builtin_bcp_checklist().phases) rows += static_cast<int>(phase.rows.size());
    return preparedness::checklist_facts(stored, statuses, rows, preparedness::builtin_reference(), today());
}

Result<BcpSheet> PreparednessService::bcp(const Caller& caller) {
    if (!reads(caller)) return none_here();
    auto lease = db_.acquire();
    BcpSheet out;
    out.can_write = writes(caller);
    for (auto& a : rec::bcp_answers_of(*lease, caller.organisation.id)) {
        auto code = a.row_code;
        out.answers.emplace(std::move(code), std::move(a));
    }
    return out;
}

Result<BcpAnswer> PreparednessService::answer_bcp(const Caller& caller, const std::string& row_code,
                                                  int version, const json& body,
                                                  const audit::Context& context) {
    if (!reads(caller)) return none_here();
    if (!preparedness::find_bcp_row(preparedness::builtin_bcp_checklist(), row_code))
        return fail(ErrorCode::not_found,
                    "the BCP 確認表 has no such row (see GET /api/v1/preparedness/bcp)");
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    auto checked = preparedness::check_bcp_answer(body);
    if (!checked) return fail(checked.error());
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        records::lock_organisation(sql, caller.organisation.id);
        const auto current = rec::find_bcp_answer(sql, caller.organisation.id, row_code);
        const int at = current ? current->second.version : 0;
        if (version != at)
            return fail(
                ErrorCode::conflict,
                fmt::format("the answer changed meanwhile (version {}, not {}): reload it", at, version),
                "version");
        if (current && current->second.body == *checked) return 0;  // nothing changed: no new version
        if (!rec::put_bcp_answer(sql, caller.organisation.id, row_code, version, *checked, caller.user_id))
            return fail(ErrorCode::conflict, "the answer changed meanwhile: reload it", "version");
        audit::append(
            sql,
            audit::caller_entry(caller, "preparedness.bcp_answer.changed",
                                fmt::format("preparedness_bcp:{}:{}", caller.organisation.id, row_code),
                                {{"row", row_code},
                                 {"before", current ? current->second.body : json(nullptr)},
                                 {"after", *checked}}),
            context);
        return 0;
    });
    if (!done) return fail(done.error());
    auto lease = db_.acquire();
    auto found = rec::find_bcp_answer(*lease, caller.organisation.id, row_code);
    if (!found) return fail(ErrorCode::internal, "the answer was not stored");
    found->second.history = rec::bcp_versions_of(*lease, found->first);
    return std::move(found->second);
}

Result<DocumentRecords> PreparednessService::document_records(const Caller& caller,
                                                              const audit::Context& context) {
    if (!reads(caller)) return none_here();
    DocumentRecords out;
    auto chart = contact_chart(caller, context);
    if (!chart) return fail(chart.error());
    out.chart = std::move(*chart);
    auto sheet = bcp(caller);
    if (!sheet) return fail(sheet.error());
    out.bcp = std::move(*sheet);
    auto lease = db_.acquire();
    if (const auto org = records::find_organisation(*lease, caller.organisation.id))
        out.organisation_name = org->name;
    for (auto& r : rec::records_of(*lease, caller.organisation.id, std::nullopt)) {
        if (r.kind == RecordKind::backup)
            out.backups.push_back(std::move(r));
        else if (r.kind == RecordKind::restore_test)
            out.restore_tests.push_back(std::move(r));
        else if (r.kind == RecordKind::drill)
            out.drills.push_back(std::move(r));
    }
    for (const auto& s : systems_records::systems_of(*lease, caller.organisation.id))
        if (s.status == "in_use") out.systems.emplace_back(s.id, s.record);
    return out;
}

}  // namespace mamori::services
