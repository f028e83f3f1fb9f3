#include "mamori/identity/caller.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace mamori::identity {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kRoles = {{
    {Role::administrator, "administrator"},
    {Role::security_manager, "security_manager"},
    {Role::editor, "editor"},
    {Role::viewer, "viewer"},
    {Role::inspector, "inspector"},
    {Role::analyst, "analyst"},
    {Role::vendor_respondent, "vendor_respondent"},
}};

constexpr std::array<std::pair<OrgKind, std::string_view>, 8> kKinds = {{
    {OrgKind::ministry, "ministry"},
    {OrgKind::prefecture, "prefecture"},
    {OrgKind::health_centre, "health_centre"},
    {OrgKind::hospital, "hospital"},
    {OrgKind::clinic, "clinic"},
    {OrgKind::dental_clinic, "dental_clinic"},
    {OrgKind::pharmacy, "pharmacy"},
    {OrgKind::vendor, "vendor"},
}};

bool in_jurisdiction(const Caller& caller, const OrganisationRef& target) {
    const auto& m = caller.municipalities;
    return !target.municipality_code.empty() &&
           std::find(m.begin(), m.end(), target.municipality_code) != m.end();
}

}  // namespace

std::string_view to_string(Role role) {
    for (const auto& [r, name] : kRoles)
        if (r == role) return name;
    return "viewer";
}

std::optional<Role> parse_role(std::string_view text) {
    for (const auto& [r, name] : kRoles)
        if (name == text) return r;
    return std::nullopt;
}

std::string_view to_string(OrgKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind) return name;
    return "clinic";
}

std::optional<OrgKind> parse_org_kind(std::string_view text) {
    for (const auto& [k, name] : kKinds)
        if (name == text) return k;
    return std::nullopt;
}

bool is_institution(OrgKind kind) {
    return kind == OrgKind::hospital || kind == OrgKind::clinic || kind == OrgKind::dental_clinic ||
           kind == OrgKind::pharmacy;
}

std::vector<Role> roles_for(OrgKind kind) {
    if (is_institution(kind))
        return {Role::administrator, Role::security_manager, Role::editor, Role::viewer};
    switch (kind) {
        case OrgKind::ministry: return {Role::administrator, Role::analyst, Role::viewer};
        case OrgKind::prefecture: return {Role::administrator, Role::inspector, Role::analyst, Role::viewer};
        case OrgKind::health_centre: return {Role::administrator, Role::inspector, Role::viewer};
        case OrgKind::vendor: return {Role::administrator, Role::vendor_respondent};
        default: return {};
    }
}

bool mfa_required(const std::set<Role>& roles) {
    return roles.contains(Role::administrator) || roles.contains(Role::inspector) ||
           roles.contains(Role::analyst);
}

bool names_institutions(const Caller& caller) {
    return !(caller.roles.size() == 1 && caller.has(Role::analyst));
}

bool can_read_organisation(const Caller& caller, const OrganisationRef& target) {
    if (caller.organisation.id == target.id) return true;
    if (!names_institutions(caller)) return false;
    switch (caller.organisation.kind) {
        case OrgKind::prefecture:
            return (is_institution(target.kind) || target.kind == OrgKind::health_centre) &&
                   !caller.organisation.prefecture_code.empty() &&
                   target.prefecture_code == caller.organisation.prefecture_code;
        case OrgKind::health_centre: return is_institution(target.kind) && in_jurisdiction(caller, target);
        default: return false;
    }
}

bool can_manage_users(const Caller& caller, const OrganisationRef& target) {
    return caller.has(Role::administrator) && caller.organisation.id == target.id;
}

bool can_onboard(const Caller& caller, const OrganisationRef& target) {
    if (!caller.has(Role::administrator) || caller.organisation.id == target.id) return false;
    switch (caller.organisation.kind) {
        case OrgKind::ministry: return target.kind == OrgKind::prefecture || target.kind == OrgKind::vendor;
        case OrgKind::prefecture:
            return (is_institution(target.kind) || target.kind == OrgKind::health_centre) &&
                   target.prefecture_code == caller.organisation.prefecture_code;
        case OrgKind::health_centre: return is_institution(target.kind) && in_jurisdiction(caller, target);
        default: return false;
    }
}

bool can_read_audit(const Caller& caller, const OrganisationRef& target) {
    return caller.has(Role::administrator) && caller.organisation.id == target.id;
}

bool allows_write(const Caller& caller) {
    return !caller.api_token_id || caller.token_scopes.contains("write");
}

}  // namespace mamori::identity

namespace mamori::identity {

bool can_read_assessments(const Caller& caller, const OrganisationRef& target) {
    return is_institution(target.kind) && can_read_organisation(caller, target);
}

bool can_inspect(const Caller& caller, const OrganisationRef& target) {
    const auto kind = caller.organisation.kind;
    if (kind != OrgKind::health_centre && kind != OrgKind::prefecture) return false;
    if (!caller.has(Role::inspector) && !caller.has(Role::administrator)) return false;
    return is_institution(target.kind) && can_read_organisation(caller, target);
}

bool can_edit_catalog(const Caller& caller, bool single_institution) {
    if (!caller.has(Role::administrator)) return false;
    if (caller.organisation.kind == OrgKind::ministry) return true;
    return single_institution && is_institution(caller.organisation.kind);
}

bool can_edit_assessment(const Caller& caller, const OrganisationRef& target) {
    return is_institution(target.kind) && caller.organisation.id == target.id && allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) ||
            caller.has(Role::editor));
}

bool can_submit_assessment(const Caller& caller, const OrganisationRef& target) {
    return is_institution(target.kind) && caller.organisation.id == target.id && allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager));
}

}  // namespace mamori::identity
