// VendorLinks, the vendor's side: redeeming an institution's code (a signed-in vendor administrator, or a
// vendor joining mamori with it), and the customers a vendor sees. Also the rules shared with
// vendor_links.cpp (vendor_links_detail.hpp).
#include <fmt/format.h>

#include "identity_detail.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/login_name.hpp"
#include "mamori/identity/passwords.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/services/systems_register.hpp"
#include "mamori/services/vendor_links.hpp"
#include "mamori/vendors/corporate_number.hpp"
#include "systems_register_records.hpp"
#include "vendor_links_detail.hpp"
#include "vendor_links_records.hpp"

namespace mamori::services {

namespace rec = vendor_link_records;
using identity::Caller;
using identity::Role;
using nlohmann::json;

namespace vendor_links_detail {

bool institution_reader(const Caller& caller) {
    return identity::is_institution(caller.organisation.kind) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor) ||
            caller.has(Role::viewer));
}

bool institution_writer(const Caller& caller) {
    return institution_reader(caller) && identity::allows_write(caller) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) || caller.has(Role::editor));
}

bool vendor_user(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::vendor &&
           (caller.has(Role::administrator) || caller.has(Role::vendor_respondent));
}

bool vendor_administrator(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::vendor && caller.has(Role::administrator) &&
           identity::allows_write(caller);
}

bool operator_administrator(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::ministry && caller.has(Role::administrator);
}

Status check_vendor_identity(const std::string& name, const std::optional<std::string>& corporate_number,
                             const std::string& name_field) {
    const long n = character_count(name);
    if (n < 1 || n > kMaxVendorNameCharacters || name.find_first_of("\r\n\t") != std::string::npos ||
        vendors::normalise_vendor_name(name).empty())
        return fail(ErrorCode::invalid_input,
                    fmt::format("the vendor's name must have 1 to {} characters on one line",
                                kMaxVendorNameCharacters),
                    name_field);
    if (corporate_number)
        if (auto ok = vendors::check_corporate_number(*corporate_number); !ok) return ok;
    return {};
}

Status refuse_known_vendor(soci::session& sql, const vendors::VendorIdentity& candidate, bool confirm_new,
                           const std::string& name_field) {
    const auto known = rec::known_vendors(sql);
    const auto match = vendors::match_vendor(candidate, known);
    if (match.kind == vendors::MatchKind::corporate_number) {
        Error e{ErrorCode::conflict,
                "この法人番号の事業者は既に登録されています。その事業者の管理者がサインインしてコードを入力してください",
                {}};
        e.fields.push_back({"corporate_number", e.message, "same_corporate_number", ""});
        return tl::unexpected<Error>(std::move(e));
    }
    if (match.kind == vendors::MatchKind::name_needs_confirmation && !confirm_new) {
        std::string names;
        for (const auto id : match.ids)
            for (const auto& k : known)
                if (k.id == id) names += fmt::format("{}{}", names.empty() ? "" : "、", k.identity.name);
        Error e{ErrorCode::conflict,
                fmt::format("a vendor with the same name is already in mamori ({}): if it is yours, its "
                            "administrator signs in and enters the code; if not, confirm that yours is a new one",
                            names),
                {}};
        e.fields.push_back({name_field, e.message, "same_name", names});
        return tl::unexpected<Error>(std::move(e));
    }
    return {};
}

tl::unexpected<Error> unknown_code() {
    return fail(ErrorCode::not_found, "no invitation has this code: check it for typing mistakes", "code");
}

tl::unexpected<Error> spent_code() {
    Error e{ErrorCode::conflict,
            "this code was already used, was withdrawn or has expired: ask the institution for a new one",
            {}};
    e.fields.push_back({"code", e.message, std::string(kSpentCodeReason), ""});
    return tl::unexpected<Error>(std::move(e));
}

Result<RedeemedLink> redeem_invitation(soci::session& sql, const rec::StoredInvitation& invitation,
                                       std::int64_t vendor, const audit::Entry& actor,
                                       const audit::Context& context) {
    const std::string now = records::iso_now();
    if (!rec::take_invitation(sql, invitation.id, actor.actor_user_id, vendor, now)) return spent_code();
    const auto link = rec::link(sql, invitation.institution_id, vendor, "invitation", actor.actor_user_id, now);
    const std::string vendor_name = rec::organisation_name(sql, vendor).value_or("");
    RedeemedLink out;
    out.institution_id = invitation.institution_id;
    out.institution_name = rec::organisation_name(sql, invitation.institution_id).value_or("");
    for (const auto system_id : rec::invitation_system_ids(sql, invitation.id)) {
        auto system = systems_records::find_system(sql, system_id);
        if (!system || system->organisation_id != invitation.institution_id || system->status != "in_use") continue;
        out.systems.push_back({system->id, system->record.name});
        if (system->record.vendor_organisation_id == vendor) continue;
        auto record = system->record;
        record.vendor_organisation_id = vendor;
        if (record.vendor_name.empty()) record.vendor_name = vendor_name;
        const auto fields = vendors::changed_fields(system->record, record);
        if (!systems_records::update_system(sql, system->id, system->version, record, "in_use", "changed", fields,
                                            actor.actor_user_id))
            return fail(ErrorCode::conflict, "a system changed meanwhile: try again", "code");
        audit::Entry changed = actor;
        changed.organisation_id = invitation.institution_id;
        changed.action = "system.changed";
        changed.target = fmt::format("system:{}", system->id);
        const auto& previous = system->record.vendor_organisation_id;
        changed.detail = {{"before", {{"vendor_organisation_id", previous ? json(*previous) : json()},
                                      {"vendor_name", system->record.vendor_name}}},
                          {"after", {{"vendor_organisation_id", vendor}, {"vendor_name", record.vendor_name}}},
                          {"vendor_invitation_id", invitation.id}};
        audit::append(sql, changed, context);
    }
    json detail = {{"institution_id", invitation.institution_id},
                   {"vendor_id", vendor},
                   {"vendor_invitation_id", invitation.id},
                   {"already_linked", link.already_linked}};
    if (link.previous) detail["previous_link"] = *link.previous;
    for (const auto side : {vendor, invitation.institution_id}) {
        audit::Entry e = actor;
        e.organisation_id = side;
        e.action = "vendor_link.created";
        e.target = fmt::format("vendor_link:{}:{}", invitation.institution_id, vendor);
        e.detail = detail;
        audit::append(sql, e, context);
    }
    return out;
}

}  // namespace vendor_links_detail

using namespace vendor_links_detail;

namespace {

constexpr std::size_t kMaxCodeBytes = 64;

// usable: a pending invitation for `code`, or why not (the caller's guess is counted by the caller).
Result<rec::StoredInvitation> usable(soci::session& sql, const std::string& code) {
    auto found = rec::invitation_by_code_hash(sql, identity::typed_code_hash(code));
    if (!found) return unknown_code();
    if (found->used || found->revoked || found->expires_at <= records::iso_now()) return spent_code();
    return *found;
}

}  // namespace

Result<RedeemedLink> VendorLinks::redeem(const Caller& caller, const std::string& code,
                                         const audit::Context& context) {
    if (caller.organisation.kind != identity::OrgKind::vendor)
        return fail(ErrorCode::not_found, "only a vendor organisation redeems an institution's invitation");
    if (!vendor_administrator(caller))
        return fail(ErrorCode::forbidden, "only the vendor organisation's administrators enter invitation codes");
    if (code.empty() || code.size() > kMaxCodeBytes)
        return fail(ErrorCode::invalid_input, "an invitation code has 16 letters and digits", "code");
    auto guess = db_.transaction([&](soci::session& sql) -> Result<records::Guess> {
        return records::reserve_guess(sql, identity_detail::address_key(context.remote), 30,
                                      std::chrono::minutes(15));
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until)
        return fail(ErrorCode::rate_limited, identity_detail::locked_message(*guess->refused_until));
    {
        auto lease = db_.acquire();
        if (auto invitation = usable(*lease, code); !invitation) {
            db_.transaction([&](soci::session& sql) -> Result<int> {
                audit::append(sql, audit::caller_entry(caller, "vendor_invitation.refused", "vendor_invitation"),
                              context);
                return 0;
            });
            return fail(invitation.error());
        }
    }
    return db_.transaction([&](soci::session& sql) -> Result<RedeemedLink> {
        auto invitation = usable(sql, code);
        if (!invitation) return fail(invitation.error());
        records::release_guess(sql, guess->attempt_id);
        return redeem_invitation(sql, *invitation, caller.organisation.id, audit::caller_entry(caller, "", ""),
                                 context);
    });
}

Result<JoinedVendor> VendorLinks::join(const VendorJoin& request, const audit::Context& context) {
    auto guess = db_.transaction([&](soci::session& sql) -> Result<records::Guess> {
        return records::reserve_guess(sql, identity_detail::address_key(context.remote), 30,
                                      std::chrono::minutes(15));
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until)
        return fail(ErrorCode::rate_limited, identity_detail::locked_message(*guess->refused_until));
    {
        auto lease = db_.acquire();
        if (auto invitation = usable(*lease, request.code); !invitation) {
            db_.transaction([&](soci::session& sql) -> Result<int> {
                audit::append(sql, identity_detail::event("vendor_invitation.refused", "vendor_invitation", std::nullopt),
                              context);
                return 0;
            });
            return fail(invitation.error());
        }
    }
    // The code is right: what follows is no guess.
    db_.transaction([&](soci::session& sql) -> Result<int> {
        records::release_guess(sql, guess->attempt_id);
        return 0;
    });
    if (auto ok = check_vendor_identity(request.vendor_name, request.corporate_number, "vendor_name"); !ok)
        return fail(ok.error());
    auto login = identity::normalise_login(request.login);
    if (!login) return fail(ErrorCode::invalid_input, login.error().message, "administrator.login");
    if (auto ok = identity_detail::check_display_name(request.display_name); !ok)
        return fail(ErrorCode::invalid_input, ok.error().message, "administrator.display_name");
    if (auto ok = identity::check_password_rule(request.password, *login, false); !ok)
        return fail(ErrorCode::invalid_input, ok.error().message, "administrator.password");
    const std::string password_hash = identity::hash_password(request.password);
    return db_.transaction([&](soci::session& sql) -> Result<JoinedVendor> {
        auto invitation = usable(sql, request.code);
        if (!invitation) return fail(invitation.error());
        if (auto ok = refuse_known_vendor(sql, {request.vendor_name, request.corporate_number}, request.confirm_new,
                                          "vendor_name");
            !ok)
            return fail(ok.error());
        if (records::find_user_by_login(sql, *login))
            return fail(ErrorCode::conflict, "this login name is taken: choose another", "administrator.login");
        const std::string now = records::iso_now();
        JoinedVendor out;
        out.vendor_name = request.vendor_name;
        out.login = *login;
        out.vendor_id = rec::insert_vendor_organisation(sql, request.vendor_name, request.corporate_number, now);
        long long user_id = 0;
        const long long vendor = out.vendor_id;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, updated_at, "
               "password_changed_at) VALUES (:o, :l, :d, :h, :c, :u, :p) RETURNING id",
            soci::use(vendor), soci::use(*login), soci::use(request.display_name), soci::use(password_hash),
            soci::use(now), soci::use(now), soci::use(now), soci::into(user_id);
        out.user_id = user_id;
        records::set_user_roles(sql, user_id, {Role::administrator});
        audit::Entry actor;
        actor.actor_user_id = user_id;
        actor.actor = fmt::format("user:{}", user_id);
        audit::Entry made = actor;
        made.organisation_id = out.vendor_id;
        made.action = "vendor_organisation.created";
        made.target = fmt::format("organisation:{}", out.vendor_id);
        made.detail = {{"name", request.vendor_name},
                       {"corporate_number", request.corporate_number ? json(*request.corporate_number) : json()},
                       {"via", "vendor_invitation"},
                       {"confirmed_new", request.confirm_new}};
        audit::append(sql, made, context);
        audit::Entry user = actor;
        user.organisation_id = out.vendor_id;
        user.action = "user.created";
        user.target = fmt::format("user:{}", user_id);
        user.detail = {{"roles", "administrator"}, {"vendor_invitation_id", invitation->id}};
        audit::append(sql, user, context);
        auto linked = redeem_invitation(sql, *invitation, out.vendor_id, actor, context);
        if (!linked) return fail(linked.error());
        out.institution_name = linked->institution_name;
        return out;
    });
}

Result<std::vector<VendorCustomer>> VendorLinks::customers(const Caller& caller) {
    if (!vendor_user(caller))
        return fail(ErrorCode::not_found, "only a vendor organisation has customers here");
    auto lease = db_.acquire();
    return rec::customers_of(*lease, caller.organisation.id);
}

}  // namespace mamori::services
