#include "ledger_access.hpp"

#include <fmt/format.h>

#include "identity_records.hpp"
#include "vendor_scope.hpp"

namespace mamori::services::ledger_access {

namespace {

using identity::OrgKind;
using identity::Role;

bool institution_reader(const identity::Caller& caller) {
    return caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor) ||
           caller.has(Role::viewer);
}

bool institution_writer(const identity::Caller& caller) {
    return identity::allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor));
}

}  // namespace

tl::unexpected<Error> no_ledger() {
    return fail(ErrorCode::not_found, "there is no device ledger here that you may see", "organisation");
}

tl::unexpected<Error> no_asset(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no asset {}", id));
}

Access access_to(soci::session& sql, const identity::Caller& caller, std::optional<std::int64_t> organisation_id) {
    Access out;
    const auto kind = caller.organisation.kind;
    if (identity::is_institution(kind)) {
        if (organisation_id && *organisation_id != caller.organisation.id) return out;
        if (!institution_reader(caller)) return out;
        const auto org = records::find_organisation(sql, caller.organisation.id);
        if (!org) return out;
        out.reach = Reach::institution;
        out.organisation_id = caller.organisation.id;
        out.organisation_name = org->name;
        out.can_write = institution_writer(caller);
        return out;
    }
    if (!organisation_id) return out;
    const auto org = records::find_organisation(sql, *organisation_id);
    if (!org || !identity::is_institution(org->ref.kind)) return out;
    if ((kind == OrgKind::health_centre || kind == OrgKind::prefecture) && identity::can_inspect(caller, org->ref))
        out.reach = Reach::inspector;
    else if (kind == OrgKind::vendor &&
             (caller.has(Role::administrator) || caller.has(Role::vendor_respondent)) &&
             vendor_scope::is_linked_vendor(sql, org->ref.id, caller.organisation.id))
        out.reach = Reach::vendor;
    else
        return out;
    out.organisation_id = org->ref.id;
    out.organisation_name = org->name;
    return out;
}

bool sees_asset(soci::session& sql, const identity::Caller& caller, const Access& access,
                std::optional<std::int64_t> system_id) {
    switch (access.reach) {
        case Reach::institution:
        case Reach::inspector: return true;
        case Reach::vendor: {
            if (!system_id) return false;
            const auto system = vendor_scope::system_run_by(sql, caller.organisation.id, *system_id);
            return system && system->institution_id == access.organisation_id;
        }
        case Reach::none: return false;
    }
    return false;
}

}  // namespace mamori::services::ledger_access
