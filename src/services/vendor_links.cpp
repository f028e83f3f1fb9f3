// VendorLinks, the institution's side (invitations, its linked vendors, unlinking) and the operator's
// (registering vendor organisations and linking them). The vendor's side is in vendor_links_join.cpp.
#include "mamori/services/vendor_links.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "systems_register_records.hpp"
#include "vendor_links_detail.hpp"
#include "vendor_links_records.hpp"

namespace mamori::services {

namespace {

namespace rec = vendor_link_records;
using namespace vendor_links_detail;
using identity::Caller;
using nlohmann::json;

constexpr auto kInvitationLifetime = std::chrono::hours(24 * 30);
constexpr int kMaxPendingInvitations = 100;
constexpr std::size_t kMaxInvitationSystems = 50;
constexpr std::size_t kMaxSearchResults = 50;

tl::unexpected<Error> no_vendors_here() {
    return fail(ErrorCode::not_found, "only an institution links vendors");
}

Status check_institution_writer(const Caller& caller) {
    if (!institution_reader(caller)) return no_vendors_here();
    if (!institution_writer(caller))
        return fail(ErrorCode::forbidden,
                    "only the institution's administrators, security managers and editors invite and unlink vendors");
    return {};
}

Status check_operator(const Caller& caller) {
    if (caller.organisation.kind != identity::OrgKind::ministry)
        return fail(ErrorCode::not_found, "only the operator registers vendor organisations");
    if (!operator_administrator(caller) || !identity::allows_write(caller))
        return fail(ErrorCode::forbidden, "only the ministry's administrators register vendor organisations");
    return {};
}

Status check_invitation(soci::session& sql, const Caller& caller, const VendorInvitationInput& input) {
    if (auto ok = check_vendor_identity(input.vendor_name, input.corporate_number, "vendor_name"); !ok) return ok;
    if (input.contact_email.size() > 254 || input.contact_email.find_first_of("\r\n ") != std::string::npos ||
        (!input.contact_email.empty() && input.contact_email.find('@') == std::string::npos))
        return fail(ErrorCode::invalid_input, "give an e-mail address, or none", "contact_email");
    if (input.system_ids.size() > kMaxInvitationSystems)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} systems", kMaxInvitationSystems),
                    "system_ids");
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < input.system_ids.size(); ++i) {
        auto system = systems_records::find_system(sql, input.system_ids[i]);
        if (!system || system->organisation_id != caller.organisation.id || system->status != "in_use" ||
            !seen.insert(input.system_ids[i]).second)
            return fail(ErrorCode::invalid_input, "not a system of this institution in use (or given twice)",
                        fmt::format("system_ids[{}]", i));
    }
    return {};
}

VendorInvitation with_status(VendorInvitation v, const std::string& now) {
    v.status = v.revoked_at ? "revoked" : v.used_at ? "used" : v.expires_at <= now ? "expired" : "pending";
    return v;
}

Result<VendorOrganisation> registered(soci::session& sql, std::int64_t id) {
    for (auto& v : rec::vendor_organisations(sql))
        if (v.id == id) return v;
    return fail(ErrorCode::not_found, fmt::format("no vendor organisation {}", id));
}

Result<VendorOrganisation> register_in(soci::session& sql, const audit::Entry& actor, const std::string& name,
                                       const std::optional<std::string>& corporate_number, bool confirm_new,
                                       const audit::Context& context) {
    if (auto ok = refuse_known_vendor(sql, {name, corporate_number}, confirm_new, "name"); !ok)
        return fail(ok.error());
    const auto id = rec::insert_vendor_organisation(sql, name, corporate_number, records::iso_now());
    audit::Entry e = actor;
    e.organisation_id = id;
    e.action = "vendor_organisation.created";
    e.target = fmt::format("organisation:{}", id);
    e.detail = {{"name", name},
                {"corporate_number", corporate_number ? json(*corporate_number) : json()},
                {"via", "operator"},
                {"confirmed_new", confirm_new}};
    audit::append(sql, e, context);
    return registered(sql, id);
}

}  // namespace

Result<CreatedVendorInvitation> VendorLinks::invite(const Caller& caller, const VendorInvitationInput& input,
                                                    const audit::Context& context) {
    if (auto ok = check_institution_writer(caller); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<CreatedVendorInvitation> {
        if (auto ok = check_invitation(sql, caller, input); !ok) return fail(ok.error());
        const std::string now = records::iso_now();
        if (rec::pending_invitations(sql, caller.organisation.id, now) >= kMaxPendingInvitations)
            return fail(ErrorCode::conflict,
                        fmt::format("{} invitations are pending: withdraw some first", kMaxPendingInvitations));
        CreatedVendorInvitation out;
        out.code = identity::random_code(4);
        const auto id =
            rec::insert_invitation(sql, caller.organisation.id, input, identity::typed_code_hash(out.code), caller.user_id,
                                   now, records::iso_after(kInvitationLifetime));
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_invitation.created", fmt::format("vendor_invitation:{}", id),
                                          {{"vendor_name", input.vendor_name},
                                           {"corporate_number", input.corporate_number ? json(*input.corporate_number)
                                                                                       : json()},
                                           {"system_ids", input.system_ids}}),
                      context);
        for (auto& v : rec::invitations_of(sql, caller.organisation.id))
            if (v.id == id) out.invitation = with_status(std::move(v), now);
        return out;
    });
}

Result<std::vector<VendorInvitation>> VendorLinks::invitations(const Caller& caller) {
    if (!institution_reader(caller)) return no_vendors_here();
    auto lease = db_.acquire();
    const std::string now = records::iso_now();
    std::vector<VendorInvitation> out;
    for (auto& v : rec::invitations_of(*lease, caller.organisation.id)) out.push_back(with_status(std::move(v), now));
    return out;
}

Result<VendorInvitation> VendorLinks::revoke(const Caller& caller, std::int64_t id, const audit::Context& context) {
    if (auto ok = check_institution_writer(caller); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<VendorInvitation> {
        auto found = rec::invitation_by_id(sql, id);
        if (!found || found->institution_id != caller.organisation.id)
            return fail(ErrorCode::not_found, fmt::format("no vendor invitation {}", id));
        const std::string now = records::iso_now();
        if (!rec::revoke_invitation(sql, id, caller.user_id, now))
            return fail(ErrorCode::conflict, "the invitation was already used or withdrawn", "id");
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_invitation.revoked", fmt::format("vendor_invitation:{}", id),
                                          {{"vendor_name", found->vendor_name}}),
                      context);
        for (auto& v : rec::invitations_of(sql, caller.organisation.id))
            if (v.id == id) return with_status(std::move(v), now);
        return fail(ErrorCode::not_found, fmt::format("no vendor invitation {}", id));
    });
}

Result<std::vector<LinkedVendor>> VendorLinks::linked_vendors(const Caller& caller) {
    if (!institution_reader(caller)) return no_vendors_here();
    auto lease = db_.acquire();
    return rec::linked_vendors(*lease, caller.organisation.id);
}

Status VendorLinks::unlink(const Caller& caller, std::int64_t vendor_id, const audit::Context& context) {
    if (auto ok = check_institution_writer(caller); !ok) return fail(ok.error());
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        if (!rec::end_link(sql, caller.organisation.id, vendor_id, caller.user_id, records::iso_now())) {
            if (rec::link_ended(sql, caller.organisation.id, vendor_id))
                return fail(ErrorCode::conflict, "this vendor was already unlinked");
            return fail(ErrorCode::not_found, fmt::format("no vendor {} is linked to this institution", vendor_id));
        }
        for (const auto side : {caller.organisation.id, vendor_id}) {
            auto e = audit::caller_entry(caller, "vendor_link.ended",
                                         fmt::format("vendor_link:{}:{}", caller.organisation.id, vendor_id),
                                         {{"institution_id", caller.organisation.id}, {"vendor_id", vendor_id}});
            e.organisation_id = side;
            audit::append(sql, e, context);
        }
        return 0;
    });
    if (!done) return fail(done.error());
    return {};
}

Result<VendorOrganisation> VendorLinks::register_vendor(const Caller& caller, const std::string& name,
                                                        const std::optional<std::string>& corporate_number,
                                                        bool confirm_new, const audit::Context& context) {
    if (auto ok = check_operator(caller); !ok) return fail(ok.error());
    if (auto ok = check_vendor_identity(name, corporate_number, "name"); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<VendorOrganisation> {
        return register_in(sql, audit::caller_entry(caller, "", ""), name, corporate_number, confirm_new, context);
    });
}

Result<VendorOrganisation> register_vendor_organisation(store::Database& db, const std::string& name,
                                                        const std::optional<std::string>& corporate_number,
                                                        bool confirm_new, const audit::Context& context) {
    if (auto ok = check_vendor_identity(name, corporate_number, "name"); !ok) return fail(ok.error());
    audit::Entry actor;
    actor.actor = "cli";
    return db.transaction([&](soci::session& sql) -> Result<VendorOrganisation> {
        return register_in(sql, actor, name, corporate_number, confirm_new, context);
    });
}

Result<std::vector<VendorOrganisation>> VendorLinks::find_vendors(const Caller& caller, const std::string& query) {
    if (caller.organisation.kind != identity::OrgKind::ministry)
        return fail(ErrorCode::not_found, "only the operator lists vendor organisations");
    if (!operator_administrator(caller))
        return fail(ErrorCode::forbidden, "only the ministry's administrators list vendor organisations");
    const long n = character_count(query);
    if (n < 0 || n > 100) return fail(ErrorCode::invalid_input, "search with at most 100 characters", "q");
    const std::string wanted = vendors::normalise_vendor_name(query);
    auto lease = db_.acquire();
    std::vector<VendorOrganisation> out;
    for (auto& v : rec::vendor_organisations(*lease)) {
        const bool hit = query.empty() || (v.corporate_number && v.corporate_number->starts_with(query)) ||
                         (!wanted.empty() && vendors::normalise_vendor_name(v.name).find(wanted) != std::string::npos);
        if (hit) out.push_back(std::move(v));
        if (out.size() == kMaxSearchResults) break;
    }
    return out;
}

Result<std::int64_t> VendorLinks::institution_by_facility_id(const Caller& caller, const std::string& facility_id) {
    if (auto ok = check_operator(caller); !ok) return fail(ok.error());
    auto lease = db_.acquire();
    for (const auto& r : store::query(*lease,
                                      "SELECT id FROM organisations WHERE facility_id = :f AND kind IN ('hospital', "
                                      "'clinic', 'dental_clinic', 'pharmacy')",
                                      facility_id))
        return store::int64_at(r, 0);
    return fail(ErrorCode::invalid_input, "no institution has this facility code", "facility_id");
}

Result<LinkedVendor> VendorLinks::link_by_operator(const Caller& caller, std::int64_t vendor_id,
                                                   std::int64_t institution_id, const audit::Context& context) {
    if (auto ok = check_operator(caller); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<LinkedVendor> {
        auto vendor = records::find_organisation(sql, vendor_id);
        if (!vendor || vendor->ref.kind != identity::OrgKind::vendor)
            return fail(ErrorCode::not_found, fmt::format("no vendor organisation {}", vendor_id));
        auto institution = records::find_organisation(sql, institution_id);
        if (!institution || !identity::is_institution(institution->ref.kind))
            return fail(ErrorCode::invalid_input, "not an institution", "institution_id");
        const auto link = rec::link(sql, institution_id, vendor_id, "operator", caller.user_id, records::iso_now());
        if (link.already_linked)
            return fail(ErrorCode::conflict, "this vendor is already linked to this institution", "institution_id");
        json detail = {{"institution_id", institution_id}, {"vendor_id", vendor_id}, {"via", "operator"}};
        if (link.previous) detail["previous_link"] = *link.previous;
        for (const auto side : {std::int64_t{caller.organisation.id}, vendor_id, institution_id}) {
            auto e = audit::caller_entry(caller, "vendor_link.created",
                                         fmt::format("vendor_link:{}:{}", institution_id, vendor_id), detail);
            e.organisation_id = side;
            audit::append(sql, e, context);
        }
        for (auto& v : rec::linked_vendors(sql, institution_id))
            if (v.id == vendor_id) return v;
        return fail(ErrorCode::internal, "the link was not stored");
    });
}

}  // namespace mamori::services
