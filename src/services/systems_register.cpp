// SystemsRegister: the institution's systems register; access, versions, history and audit.
#include "mamori/services/systems_register.hpp"

#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "systems_register_records.hpp"
#include "vendor_scope.hpp"

namespace mamori::services {

namespace {

namespace rec = systems_records;
using identity::Caller;
using identity::Role;
using nlohmann::json;

constexpr int kEndsSoonDays = 90;

tl::unexpected<Error> no_register() {
    return fail(ErrorCode::not_found, "there is no systems register here (only an institution keeps one)");
}

tl::unexpected<Error> no_system(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no system {}", id));
}

// reads: the institution's own users, whatever their role there.
bool reads(const Caller& caller) {
    return identity::is_institution(caller.organisation.kind) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor) ||
            caller.has(Role::viewer));
}

bool writes(const Caller& caller) {
    return reads(caller) && identity::allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor));
}

Status check_writer(const Caller& caller) {
    if (!writes(caller))
        return fail(ErrorCode::forbidden,
                    "only the institution's administrators, security managers and editors change its systems "
                    "register");
    return {};
}

Status check_version(const RegisteredSystem& system, int version) {
    if (version != system.version)
        return fail(ErrorCode::conflict,
                    fmt::format("the system changed meanwhile (version {}, not {}): reload it", system.version,
                                version),
                    "version");
    return {};
}

// with_warnings: whether an in-use system's contract has ended or ends soon (Japan's date).
RegisteredSystem with_warnings(RegisteredSystem s) {
    if (s.status != "in_use" || !s.record.contract_end) return s;
    const auto end = parse_iso_date(*s.record.contract_end);
    if (!end) return s;
    const auto today = std::chrono::sys_days(japan_date(std::chrono::system_clock::now()));
    const auto last = std::chrono::sys_days(*end);
    s.contract_ended = last < today;
    s.contract_ends_soon = !s.contract_ended && last - today <= std::chrono::days(kEndsSoonDays);
    return s;
}

// own_system: the caller's institution's system `id`, locked for writing when `lock`.
Result<RegisteredSystem> own_system(soci::session& sql, const Caller& caller, std::int64_t id) {
    if (!reads(caller)) return no_system(id);
    auto found = rec::find_system(sql, id);
    if (!found || found->organisation_id != caller.organisation.id) return no_system(id);
    return std::move(*found);
}

void lock(soci::session& sql, std::int64_t id) {
    const long long key = id;
    sql << "UPDATE systems SET version = version WHERE id = :id", soci::use(key);
}

// system_to_change: the caller's own system, locked, for a writer, still in use and at `version`; the
// refusal of a retired one says `when_retired`.
Result<RegisteredSystem> system_to_change(soci::session& sql, const Caller& caller, std::int64_t id, int version,
                                          std::string_view when_retired) {
    if (reads(caller)) lock(sql, id);
    auto current = own_system(sql, caller, id);
    if (!current) return fail(current.error());
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    if (current->status == "retired") return fail(ErrorCode::conflict, std::string(when_retired), "status");
    if (auto ok = check_version(*current, version); !ok) return fail(ok.error());
    return current;
}

// check_vendor: a vendor organisation named on a system is one the institution has linked; keeping a vendor
// that was linked before is allowed.
Status check_vendor(soci::session& sql, const Caller& caller, const vendors::SystemRecord& record,
                    const vendors::SystemRecord* before) {
    const auto& vendor = record.vendor_organisation_id;
    if (!vendor || (before && before->vendor_organisation_id == vendor)) return {};
    if (!vendor_scope::is_linked_vendor(sql, caller.organisation.id, *vendor))
        return fail(ErrorCode::invalid_input,
                    "vendor_organisation_id: not a vendor this institution has linked (invite it first)",
                    "vendor_organisation_id");
    return {};
}

json changes(const vendors::SystemRecord& before, const vendors::SystemRecord& after,
             const std::vector<std::string>& fields) {
    const json b = vendors::record_json(before), a = vendors::record_json(after);
    json out_before = json::object(), out_after = json::object();
    for (const auto& f : fields) {
        out_before[f] = b[f];
        out_after[f] = a[f];
    }
    return {{"before", out_before}, {"after", out_after}};
}

}  // namespace

Result<SystemsList> SystemsRegister::list(const Caller& caller) {
    if (!reads(caller)) return no_register();
    auto lease = db_.acquire();
    SystemsList out;
    out.can_write = writes(caller);
    for (auto& s : rec::systems_of(*lease, caller.organisation.id)) {
        auto shown = with_warnings(std::move(s));
        (shown.status == "retired" ? out.retired : out.in_use).push_back(std::move(shown));
    }
    return out;
}

Result<RegisteredSystem> SystemsRegister::get(const Caller& caller, std::int64_t id) {
    auto lease = db_.acquire();
    auto found = own_system(*lease, caller, id);
    if (!found) return fail(found.error());
    auto out = with_warnings(std::move(*found));
    out.history = rec::versions_of(*lease, id);
    return out;
}

Result<RegisteredSystem> SystemsRegister::create(const Caller& caller, const vendors::SystemRecord& record,
                                                 const audit::Context& context) {
    if (!reads(caller)) return no_register();
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    if (auto ok = vendors::check_system_record(record, vendors::builtin_system_kinds()); !ok)
        return fail(ok.error());
    auto id = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
        if (auto ok = check_vendor(sql, caller, record, nullptr); !ok) return fail(ok.error());
        const auto made = rec::insert_system(sql, caller.organisation.id, record, caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, "system.created", fmt::format("system:{}", made),
                                          {{"before", nullptr}, {"after", vendors::record_json(record)}}),
                      context);
        return made;
    });
    if (!id) return fail(id.error());
    return get(caller, *id);
}

Result<RegisteredSystem> SystemsRegister::update(const Caller& caller, std::int64_t id, int version,
                                                 const vendors::SystemRecord& record,
                                                 const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = system_to_change(sql, caller, id, version,
                                        "a retired system is kept as it was; it cannot be changed");
        if (!current) return fail(current.error());
        if (auto ok = vendors::check_system_record(record, vendors::builtin_system_kinds()); !ok)
            return fail(ok.error());
        if (auto ok = check_vendor(sql, caller, record, &current->record); !ok) return fail(ok.error());
        const auto fields = vendors::changed_fields(current->record, record);
        if (fields.empty()) return 0;  // nothing changed: no new version
        if (!rec::update_system(sql, id, version, record, "in_use", "changed", fields, caller.user_id))
            return fail(ErrorCode::conflict, "the system changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, "system.changed", fmt::format("system:{}", id),
                                          changes(current->record, record, fields)),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

Result<RegisteredSystem> SystemsRegister::retire(const Caller& caller, std::int64_t id, int version,
                                                 const audit::Context& context) {
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = system_to_change(sql, caller, id, version, "the system is already retired");
        if (!current) return fail(current.error());
        if (!rec::update_system(sql, id, version, current->record, "retired", "retired", {"status"},
                                caller.user_id))
            return fail(ErrorCode::conflict, "the system changed meanwhile: reload it", "version");
        audit::append(sql,
                      audit::caller_entry(caller, "system.retired", fmt::format("system:{}", id),
                                          {{"before", {{"status", "in_use"}}},
                                           {"after", {{"status", "retired"}}},
                                           {"name", current->record.name}}),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    return get(caller, id);
}

}  // namespace mamori::services
