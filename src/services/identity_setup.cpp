// First-run setup: the first administrator and their organisation.
#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <algorithm>
#include <boost/optional.hpp>

#include "caller_lookup.hpp"
#include "identity_detail.hpp"
#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/identity/login_name.hpp"
#include "mamori/identity/passwords.hpp"
#include "mamori/identity/qr.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/identity/totp.hpp"
#include "mamori/services/identity_service.hpp"
#include "mamori/services/setup_code.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"
#include "organisation_codes.hpp"

namespace mamori::services {

namespace r = records;
using identity::Caller;
using identity::Role;
using namespace identity_detail;

namespace {

namespace codes = organisation_codes;

constexpr std::string_view kAlreadySetUp = "mamori is already set up: ask an administrator for an invitation";
constexpr std::string_view kWrongCode =
    "the setup code is wrong: use the one the server printed at start (its console or log), or run "
    "'mamori setup-code' on the server for a new one";

long long insert_organisation(soci::session& sql, const std::string& kind, const std::string& name,
                              const boost::optional<long long>& parent,
                              const boost::optional<std::string>& pref,
                              const boost::optional<std::string>& municipality,
                              const boost::optional<std::string>& facility) {
    const std::string now = r::iso_now();
    long long id = 0;
    sql << "INSERT INTO organisations (kind, name, parent_id, prefecture_code, municipality_code, "
           "facility_id, "
           "created_at) VALUES (:k, :n, :p, :pc, :mc, :f, :c) RETURNING id",
        soci::use(kind), soci::use(name), soci::use(parent), soci::use(pref), soci::use(municipality),
        soci::use(facility), soci::use(now), soci::into(id);
    return id;
}

Result<long long> institution_for_setup(soci::session& sql, const SetupRequest& request) {
    if (request.organisation_id) {
        auto org = r::find_organisation(sql, *request.organisation_id);
        if (!org || !identity::is_institution(org->ref.kind))
            return fail(ErrorCode::invalid_input, "no such institution in the facility master",
                        "organisation_id");
        return org->ref.id;
    }
    if (auto ok = codes::check_facility_id(request.facility_id); !ok) return fail(ok.error());
    // Never a duplicate: the facility id names the institution, whatever else was typed.
    if (auto existing = codes::find_by_facility_id(sql, request.facility_id)) return *existing;
    auto kind = identity::parse_org_kind(request.organisation_kind);
    if (!kind || !identity::is_institution(*kind))
        return fail(ErrorCode::invalid_input, "choose the kind of institution", "organisation_kind");
    if (auto ok = check_display_name(request.organisation_name); !ok)
        return fail(ErrorCode::invalid_input, "the organisation name must have 1 to 100 characters",
                    "organisation_name");
    if (auto ok = codes::check_prefecture(sql, request.prefecture_code); !ok) return fail(ok.error());
    if (auto ok = codes::check_municipality(sql, request.prefecture_code, request.municipality_code); !ok)
        return fail(ok.error());
    return insert_organisation(sql, std::string(identity::to_string(*kind)), request.organisation_name,
                               boost::none, request.prefecture_code, request.municipality_code,
                               request.facility_id);
}

Result<long long> prefecture_for_setup(soci::session& sql, const SetupRequest& request) {
    if (auto ok = codes::check_prefecture(sql, request.prefecture_code); !ok) return fail(ok.error());
    if (auto existing = codes::find_prefecture_organisation(sql, request.prefecture_code)) return *existing;
    boost::optional<long long> parent;
    if (auto ministry = codes::find_ministry(sql)) parent = *ministry;
    return insert_organisation(sql, "prefecture", codes::prefecture_name(sql, request.prefecture_code),
                               parent, request.prefecture_code, boost::none, boost::none);
}

Result<long long> nation_for_setup(soci::session& sql, const SetupRequest& request) {
    if (auto existing = codes::find_ministry(sql)) return *existing;
    const std::string name = request.organisation_name.empty() ? "厚生労働省" : request.organisation_name;
    if (auto ok = check_display_name(name); !ok)
        return fail(ErrorCode::invalid_input, "the organisation name must have 1 to 100 characters",
                    "organisation_name");
    return insert_organisation(sql, "ministry", name, boost::none, boost::none, boost::none, boost::none);
}

// organisation_for_setup: the first administrator's organisation (see SetupRequest).
Result<long long> organisation_for_setup(soci::session& sql, const SetupRequest& request) {
    if (request.purpose == "institution") return institution_for_setup(sql, request);
    if (request.purpose == "prefecture") return prefecture_for_setup(sql, request);
    if (request.purpose == "nation") return nation_for_setup(sql, request);
    if (!request.purpose.empty())
        return fail(ErrorCode::invalid_input, "purpose is 'institution', 'prefecture' or 'nation'",
                    "purpose");
    if (request.organisation_id) {
        auto org = r::find_organisation(sql, *request.organisation_id);
        if (!org) return fail(ErrorCode::invalid_input, "no such organisation", "organisation_id");
        return org->ref.id;
    }
    auto kind = identity::parse_org_kind(request.organisation_kind);
    if (!kind) return fail(ErrorCode::invalid_input, "unknown organisation kind", "organisation_kind");
    if (auto ok = check_display_name(request.organisation_name); !ok)
        return fail(ErrorCode::invalid_input, "the organisation name must have 1 to 100 characters",
                    "organisation_name");
    return insert_organisation(sql, std::string(identity::to_string(*kind)), request.organisation_name,
                               boost::none, boost::none, boost::none, boost::none);
}

}  // namespace

Result<std::vector<Prefecture>> IdentityService::prefectures() {
    auto lease = db_.acquire();
    return organisation_codes::prefectures(*lease);
}

Result<FacilityPage> IdentityService::setup_facilities(std::string_view setup_code, std::string_view query,
                                                       int offset, const audit::Context& context) {
    const long n = character_count(query);
    if (n < 1 || n > 100)
        return fail(ErrorCode::invalid_input, "type 1 to 100 characters of the name or facility id", "query");
    if (offset < 0 || offset > 10000)
        return fail(ErrorCode::invalid_input, "offset must be 0 to 10000", "offset");
    auto guess = db_.transaction([&](soci::session& sql) -> Result<r::Guess> {
        if (r::count_users(sql) > 0) return fail(ErrorCode::conflict, std::string(kAlreadySetUp));
        return r::reserve_guess(sql, address_key(context.remote), settings_.address_failures,
                                settings_.throttle_window);
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until) return fail(ErrorCode::rate_limited, locked_message(*guess->refused_until));
    return db_.transaction([&](soci::session& sql) -> Result<FacilityPage> {
        if (!setup_code_matches(sql, setup_code))
            return fail(ErrorCode::forbidden, std::string(kWrongCode), "setup_code");
        r::release_guess(sql, guess->attempt_id);
        return organisation_codes::search_facilities(sql, query, offset, 20);
    });
}

Result<bool> IdentityService::setup_needed() {
    auto lease = db_.acquire();
    return r::count_users(*lease) == 0;
}

Result<SessionStart> IdentityService::setup(const SetupRequest& request, const audit::Context& context) {
    auto login = identity::normalise_login(request.login);
    if (!login) return fail(login.error());
    if (auto ok = check_display_name(request.display_name); !ok) return fail(ok.error());
    if (auto ok = identity::check_password_rule(request.password, *login, false); !ok)
        return fail(ok.error());
    // Each setup code tried counts for the address before it is compared, like an invitation code.
    auto guess = db_.transaction([&](soci::session& sql) -> Result<r::Guess> {
        if (r::count_users(sql) > 0) return fail(ErrorCode::conflict, std::string(kAlreadySetUp));
        return r::reserve_guess(sql, address_key(context.remote), settings_.address_failures,
                                settings_.throttle_window);
    });
    if (!guess) return fail(guess.error());
    if (guess->refused_until) return fail(ErrorCode::rate_limited, locked_message(*guess->refused_until));
    if (!setup_code_matches(*db_.acquire(), request.setup_code))
        return fail(ErrorCode::forbidden, std::string(kWrongCode), "setup_code");
    const std::string hash = identity::hash_password(request.password);
    return db_.transaction([&](soci::session& sql) -> Result<SessionStart> {
        // Two first-run setups at once (two app servers) must not both find no users.
        store::serialize(sql, store::SerialWork::first_run_setup);
        if (r::count_users(sql) > 0) return fail(ErrorCode::conflict, std::string(kAlreadySetUp));
        // `mamori setup-code` may have replaced the code while the password was hashed.
        if (!setup_code_matches(sql, request.setup_code))
            return fail(ErrorCode::forbidden, std::string(kWrongCode), "setup_code");
        discard_setup_code(sql);
        r::release_guess(sql, guess->attempt_id);
        auto organisation = organisation_for_setup(sql, request);
        if (!organisation) return fail(organisation.error());
        const long long org_id = *organisation;
        const std::string now = r::iso_now();
        long long user_id = 0;
        sql << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
               "updated_at, "
               "password_changed_at) VALUES (:o, :l, :d, :h, :c, :u, :p) RETURNING id",
            soci::use(org_id), soci::use(*login), soci::use(request.display_name), soci::use(hash),
            soci::use(now), soci::use(now), soci::use(now), soci::into(user_id);
        r::set_user_roles(sql, user_id, {Role::administrator});
        const auto user = r::find_user(sql, user_id);
        audit::append(sql,
                      event("setup.first_administrator", fmt::format("user:{}", user_id), user,
                            {{"login", *login}, {"organisation_id", org_id}}),
                      context);
        SessionStart start;
        start.step = MfaStep::enrol;
        start.token = r::create_session(sql, user_id, true, settings_.mfa_pending, context);
        start.csrf_token = csrf_token_for(start.token);
        start.user = r::user_view(sql, *user);
        return start;
    });
}

}  // namespace mamori::services
