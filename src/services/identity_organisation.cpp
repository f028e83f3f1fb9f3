// The organisation profile: administrators read and change their own organisation's name, address and codes
// (医療機関コード, prefecture, municipality), validated like first-run setup and audited with before/after.
#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <boost/optional.hpp>

#include "identity_detail.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/services/identity_service.hpp"
#include "organisation_codes.hpp"

namespace mamori::services {

namespace r = records;
using identity::Caller;
using namespace identity_detail;
namespace codes = organisation_codes;

namespace {

nlohmann::json profile_json(const OrganisationProfile& p) {
    return {{"name", p.name},
            {"address", p.address},
            {"facility_id", p.facility_id},
            {"prefecture_code", p.prefecture_code},
            {"municipality_code", p.municipality_code}};
}

boost::optional<std::string> null_if_empty(const std::string& text) {
    return text.empty() ? boost::none : boost::optional<std::string>(text);
}

// check_profile: the rules for `next` given the organisation's kind: institutions have a facility id, a
// prefecture and a municipality; health centres a prefecture; the others only a name and an address.
Status check_profile(soci::session& sql, const OrganisationProfile& before, const OrganisationProfile& next) {
    if (auto ok = check_display_name(next.name); !ok)
        return fail(ErrorCode::invalid_input,
                    "the organisation name must have 1 to 100 characters on one line", "name");
    if (auto ok = codes::check_address(next.address); !ok) return fail(ok.error());
    const auto kind = identity::parse_org_kind(before.kind);
    const bool institution = kind && identity::is_institution(*kind);
    const bool has_prefecture = institution || kind == identity::OrgKind::health_centre;
    if (!institution && next.facility_id != before.facility_id)
        return fail(ErrorCode::invalid_input, "only institutions have a facility id", "facility_id");
    if (!has_prefecture && next.prefecture_code != before.prefecture_code)
        return fail(ErrorCode::invalid_input, "the prefecture of this organisation cannot change",
                    "prefecture_code");
    if (!institution && next.municipality_code != before.municipality_code)
        return fail(ErrorCode::invalid_input, "only institutions have a municipality", "municipality_code");
    if (institution) {
        if (auto ok = codes::check_facility_id(next.facility_id); !ok) return fail(ok.error());
        auto other = codes::find_by_facility_id(sql, next.facility_id);
        if (other && *other != before.id)
            return fail(ErrorCode::conflict, "another organisation already has this facility id",
                        "facility_id");
    }
    if (has_prefecture) {
        if (auto ok = codes::check_prefecture(sql, next.prefecture_code); !ok) return fail(ok.error());
    }
    if (institution) {
        if (auto ok = codes::check_municipality(sql, next.prefecture_code, next.municipality_code); !ok)
            return fail(ok.error());
    }
    return {};
}

}  // namespace

Result<OrganisationProfile> IdentityService::organisation_profile(const Caller& caller,
                                                                  std::int64_t organisation_id) {
    auto lease = db_.acquire();
    auto org = r::find_organisation(*lease, organisation_id);
    if (!org || !identity::can_manage_users(caller, org->ref))
        return fail(ErrorCode::not_found, "no such organisation among those you administer");
    auto profile = codes::read_profile(*lease, organisation_id);
    if (!profile) return fail(ErrorCode::not_found, "no such organisation among those you administer");
    return std::move(*profile);
}

Result<OrganisationProfile> IdentityService::change_organisation(const Caller& caller,
                                                                 std::int64_t organisation_id,
                                                                 const OrganisationChange& change,
                                                                 const audit::Context& context) {
    if (!identity::allows_write(caller)) return fail(ErrorCode::forbidden, "this API token may only read");
    return db_.transaction([&](soci::session& sql) -> Result<OrganisationProfile> {
        auto org = r::find_organisation(sql, organisation_id);
        if (!org || !identity::can_manage_users(caller, org->ref))
            return fail(ErrorCode::not_found, "no such organisation among those you administer");
        const auto before = *codes::read_profile(sql, organisation_id);
        OrganisationProfile next = before;
        if (change.name) next.name = *change.name;
        if (change.address) next.address = *change.address;
        if (change.facility_id) next.facility_id = *change.facility_id;
        if (change.prefecture_code) next.prefecture_code = *change.prefecture_code;
        if (change.municipality_code) next.municipality_code = *change.municipality_code;
        if (auto ok = check_profile(sql, before, next); !ok) return fail(ok.error());
        const auto address = null_if_empty(next.address), facility = null_if_empty(next.facility_id),
                   pref = null_if_empty(next.prefecture_code), city = null_if_empty(next.municipality_code);
        const std::string now = r::iso_now();
        const long long id = organisation_id;
        sql << "UPDATE organisations SET name = :n, address = :a, facility_id = :f, prefecture_code = :p, "
               "municipality_code = :m, updated_at = :u WHERE id = :i",
            soci::use(next.name), soci::use(address), soci::use(facility), soci::use(pref), soci::use(city),
            soci::use(now), soci::use(id);
        auto entry = audit::caller_entry(caller, "organisation.changed", fmt::format("organisation:{}", id),
                                         {{"before", profile_json(before)}, {"after", profile_json(next)}});
        entry.organisation_id = organisation_id;
        audit::append(sql, entry, context);
        return next;
    });
}

}  // namespace mamori::services
