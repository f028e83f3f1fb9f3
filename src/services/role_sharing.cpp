// RoleSharing: the 役割分担確認表 of each contract; who may see and write it, versions, history and audit.
#include "mamori/services/role_sharing.hpp"

#include <fmt/format.h>

#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "role_sharing_records.hpp"
#include "systems_register_records.hpp"
#include "vendor_scope.hpp"

namespace mamori::services {

namespace {

namespace rec = role_sharing_records;
using identity::Caller;
using identity::Role;
using nlohmann::json;

tl::unexpected<Error> no_system(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no system {}", id));
}

bool institution_reader(const Caller& caller) {
    return identity::is_institution(caller.organisation.kind) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor) ||
            caller.has(Role::viewer));
}

bool institution_writer(const Caller& caller) {
    return institution_reader(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor));
}

bool vendor_user(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::vendor &&
           (caller.has(Role::administrator) || caller.has(Role::vendor_respondent));
}

// Access: the contract the caller reaches, from which side, and whether it may write.
struct Access {
    RoleSharingContract contract;
    std::string side;
    bool can_write = false;
};

Result<Access> access(soci::session& sql, const Caller& caller, std::int64_t system_id) {
    Access out;
    if (institution_reader(caller)) {
        auto system = systems_records::find_system(sql, system_id);
        if (!system || system->organisation_id != caller.organisation.id) return no_system(system_id);
        if (!system->record.vendor_organisation_id)
            return fail(ErrorCode::conflict,
                        "this system names no linked vendor: the 役割分担確認表 is kept with the vendor, so "
                        "choose the vendor on the system first",
                        "vendor_organisation_id");
        auto& c = out.contract;
        c.system_id = system->id;
        c.system_name = system->record.name;
        c.system_kind = system->record.kind;
        c.system_status = system->status;
        c.institution_id = system->organisation_id;
        c.institution_name = rec::organisation_name(sql, system->organisation_id);
        c.vendor_id = *system->record.vendor_organisation_id;
        c.vendor_name = rec::organisation_name(sql, c.vendor_id);
        out.side = "institution";
        out.can_write = institution_writer(caller) && identity::allows_write(caller) && c.system_status == "in_use";
        return out;
    }
    if (vendor_user(caller)) {
        auto system = vendor_scope::system_run_by(sql, caller.organisation.id, system_id);
        if (!system) return no_system(system_id);
        auto& c = out.contract;
        c.system_id = system->system_id;
        c.system_name = system->name;
        c.system_kind = system->kind;
        c.system_status = system->status;
        c.institution_id = system->institution_id;
        c.institution_name = system->institution_name;
        c.vendor_id = caller.organisation.id;
        c.vendor_name = rec::organisation_name(sql, c.vendor_id);
        out.side = "vendor";
        out.can_write = identity::allows_write(caller) && c.system_status == "in_use";
        return out;
    }
    return no_system(system_id);
}

vendors::RowProgress progress(const std::map<std::string, rec::StoredCheck>& stored) {
    std::vector<vendors::RowCheck> checks;
    const auto& table = vendors::builtin_role_sharing_table();
    for (const auto& row : table.rows)
        if (auto found = stored.find(row.id); found != stored.end()) checks.push_back(found->second.check);
    return vendors::progress_of(checks, static_cast<int>(table.rows.size()));
}

RoleSharingSheet sheet(soci::session& sql, const Access& a) {
    RoleSharingSheet out;
    out.contract = a.contract;
    out.side = a.side;
    out.can_edit = a.can_write;
    const auto stored = rec::checks_of(sql, a.contract.system_id, a.contract.vendor_id);
    auto changes = rec::changes_of(sql, a.contract.system_id, a.contract.vendor_id);
    for (const auto& row : vendors::builtin_role_sharing_table().rows) {
        RoleSharingEntry e;
        e.row = &row;
        if (auto found = stored.find(row.id); found != stored.end()) {
            e.check = found->second.check;
            e.version = found->second.version;
            e.updated_side = found->second.side;
            e.updated_by = found->second.by;
            e.updated_at = found->second.at;
        }
        if (auto found = changes.find(row.id); found != changes.end()) e.history = std::move(found->second);
        out.entries.push_back(std::move(e));
    }
    out.progress = progress(stored);
    return out;
}

void lock(soci::session& sql, std::int64_t system_id) {
    const long long key = system_id;
    sql << "UPDATE systems SET version = version WHERE id = :id", soci::use(key);
}

}  // namespace

Result<RoleSharingSheet> RoleSharing::table(const Caller& caller, std::int64_t system_id) {
    auto lease = db_.acquire();
    auto a = access(*lease, caller, system_id);
    if (!a) return fail(a.error());
    return sheet(*lease, *a);
}

Result<RoleSharingSheet> RoleSharing::update_row(const Caller& caller, std::int64_t system_id,
                                                 const std::string& row_id, int version,
                                                 const vendors::RowCheck& check, const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<RoleSharingSheet> {
        auto a = access(sql, caller, system_id);
        if (!a) return fail(a.error());
        if (!vendors::find_row(vendors::builtin_role_sharing_table(), row_id))
            return fail(ErrorCode::not_found, fmt::format("the table has no row \"{}\"", row_id));
        if (!identity::allows_write(caller) || (a->side == "institution" && !institution_writer(caller)))
            return fail(ErrorCode::forbidden,
                        "only the institution's administrators, security managers and editors and the vendor's "
                        "users fill in the 役割分担確認表");
        if (a->contract.system_status != "in_use")
            return fail(ErrorCode::conflict, "the system is retired; its 役割分担確認表 is kept as it was", "status");
        lock(sql, system_id);
        const auto today = japan_date(std::chrono::system_clock::now());
        if (auto ok = vendors::check_row(check, today); !ok) return fail(ok.error());
        const auto stored = rec::checks_of(sql, system_id, a->contract.vendor_id);
        const auto found = stored.find(row_id);
        const int current = found == stored.end() ? 0 : found->second.version;
        if (version != current)
            return fail(ErrorCode::conflict,
                        fmt::format("the row changed meanwhile (version {}, not {}): reload it", current, version),
                        "version");
        const vendors::RowCheck before = found == stored.end() ? vendors::RowCheck{} : found->second.check;
        const auto fields = vendors::changed_row_fields(before, check);
        if (fields.empty()) return sheet(sql, *a);  // nothing changed: no new version
        if (!rec::write_check(sql, system_id, a->contract.vendor_id, row_id, version, before, check,
                              {caller.user_id, caller.organisation.id, a->side}))
            return fail(ErrorCode::conflict, "the row changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, "role_sharing.row_changed",
                                          fmt::format("system:{}/role-sharing/{}", system_id, row_id),
                                          {{"side", a->side},
                                           {"vendor_organisation_id", a->contract.vendor_id},
                                           {"fields", fields},
                                           {"before", vendors::check_json(before)},
                                           {"after", vendors::check_json(check)}}),
                      context);
        return sheet(sql, *a);
    });
}

Result<std::vector<VendorSystemProgress>> RoleSharing::vendor_systems(const Caller& caller) {
    if (!vendor_user(caller))
        return fail(ErrorCode::not_found, "only a vendor's users have a list of the systems they run");
    auto lease = db_.acquire();
    std::vector<VendorSystemProgress> out;
    const std::string vendor_name = rec::organisation_name(*lease, caller.organisation.id);
    auto checks = rec::checks_of_vendor(*lease, caller.organisation.id);
    for (const auto& s : vendor_scope::systems_run_by(*lease, caller.organisation.id)) {
        VendorSystemProgress p;
        p.contract = {s.system_id, s.name, s.kind, s.status, s.institution_id, s.institution_name,
                      caller.organisation.id, vendor_name};
        p.progress = progress(checks[s.system_id]);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace mamori::services
