#include "identity_records.hpp"

#include <fmt/format.h>

#include "mamori/core/time.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/services/demo.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::services::records {

namespace {

constexpr std::string_view kUserColumns =
    "id, organisation_id, login, display_name, password_hash, totp_secret, totp_last_step, disabled_at, "
    "created_at";

}  // namespace

UserRecord read_user(const soci::row& r, std::size_t first) {
    UserRecord u;
    u.id = store::int64_at(r, first);
    u.organisation_id = store::int64_at(r, first + 1);
    u.login = r.get<std::string>(first + 2);
    u.display_name = r.get<std::string>(first + 3);
    u.password_hash = r.get<std::string>(first + 4);
    u.totp_secret = store::optional_text_at(r, first + 5);
    if (auto step = store::optional_int64_at(r, first + 6)) u.totp_last_step = *step;
    u.disabled = r.get_indicator(first + 7) != soci::i_null;
    u.created_at = r.get<std::string>(first + 8);
    return u;
}

namespace {

std::optional<UserRecord> first_user(soci::rowset<soci::row>& rows) {
    for (const auto& r : rows) return read_user(r);
    return std::nullopt;
}

}  // namespace

std::string iso_now() {
    return to_iso_utc(std::chrono::system_clock::now());
}

std::string iso_after(std::chrono::system_clock::duration d) {
    return to_iso_utc(std::chrono::system_clock::now() + d);
}

namespace {

// window_end: when a guess made at `at` (ISO UTC) stops counting.
std::string window_end(const std::string& at, std::chrono::minutes window) {
    const auto parsed = parse_iso_utc(at);
    return parsed ? to_iso_utc(*parsed + window) : iso_after(window);
}

}  // namespace

std::optional<UserRecord> find_user_by_login(soci::session& sql, const std::string& login) {
    soci::rowset<soci::row> rows =
        (sql.prepare << fmt::format("SELECT {} FROM users WHERE login = :login", kUserColumns),
         soci::use(login));
    return first_user(rows);
}

std::optional<UserRecord> find_user(soci::session& sql, std::int64_t id) {
    static const std::string query = fmt::format("SELECT {} FROM users WHERE id = :id", kUserColumns);
    for (const auto& r : store::query(sql, query, id)) return read_user(r);
    return std::nullopt;
}

std::set<identity::Role> user_roles(soci::session& sql, std::int64_t user_id) {
    std::set<identity::Role> roles;
    for (const auto& r : store::query(sql, "SELECT role FROM user_roles WHERE user_id = :id", user_id))
        if (auto role = identity::parse_role(r.get<std::string>(0))) roles.insert(*role);
    return roles;
}

void set_user_roles(soci::session& sql, std::int64_t user_id, const std::set<identity::Role>& roles) {
    const long long key = user_id;
    sql << "DELETE FROM user_roles WHERE user_id = :id", soci::use(key);
    for (auto role : roles) {
        const std::string name(identity::to_string(role));
        sql << "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)", soci::use(key), soci::use(name);
    }
}

std::int64_t count_users(soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM users", soci::into(n);
    return n;
}

OrganisationRecord read_organisation(const soci::row& r, std::size_t first) {
    OrganisationRecord o;
    o.ref.id = store::int64_at(r, first);
    o.ref.kind = identity::parse_org_kind(r.get<std::string>(first + 1)).value_or(identity::OrgKind::clinic);
    o.name = r.get<std::string>(first + 2);
    if (auto parent = store::optional_int64_at(r, first + 3)) o.ref.parent_id = *parent;
    o.ref.prefecture_code = store::optional_text_at(r, first + 4).value_or("");
    o.ref.municipality_code = store::optional_text_at(r, first + 5).value_or("");
    return o;
}

std::optional<OrganisationRecord> find_organisation(soci::session& sql, std::int64_t id) {
    static const std::string query =
        fmt::format("SELECT {} FROM organisations WHERE id = :id", kOrganisationColumns);
    for (const auto& r : store::query(sql, query, id)) return read_organisation(r);
    return std::nullopt;
}

std::vector<std::string> jurisdiction(soci::session& sql, std::int64_t organisation_id) {
    const long long key = organisation_id;
    std::vector<std::string> out;
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT municipality_code FROM jurisdictions WHERE organisation_id = :id ORDER BY 1",
         soci::use(key));
    for (const auto& code : rows) out.push_back(code);
    return out;
}

bool has_administrator(soci::session& sql, std::int64_t organisation_id) {
    const long long key = organisation_id;
    long long n = 0;
    sql << "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id "
           "WHERE u.organisation_id = :id AND r.role = 'administrator' AND u.disabled_at IS NULL",
        soci::use(key), soci::into(n);
    return n > 0;
}

bool single_institution(soci::session& sql) {
    int supervisors = 0;
    sql << "SELECT COUNT(*) FROM organisations WHERE kind IN ('ministry', 'prefecture', 'health_centre')",
        soci::into(supervisors);
    return supervisors == 0;
}

void lock_organisation(soci::session& sql, std::int64_t organisation_id) {
    const long long id = organisation_id;
    sql << "UPDATE organisations SET kind = kind WHERE id = :id", soci::use(id);
}

identity::Caller caller_for(soci::session& sql, const UserRecord& user) {
    identity::Caller caller;
    caller.user_id = user.id;
    caller.login = user.login;
    if (auto org = find_organisation(sql, user.organisation_id)) caller.organisation = org->ref;
    caller.roles = user_roles(sql, user.id);
    if (caller.organisation.kind == identity::OrgKind::health_centre)
        caller.municipalities = jurisdiction(sql, user.organisation_id);
    return caller;
}

namespace {

// view_of: the view of `user`, who has `roles` and belongs to `organisation` (nullopt: none found).
UserView view_of(const UserRecord& user, const std::optional<OrganisationRecord>& organisation,
                 const std::set<identity::Role>& roles) {
    UserView v;
    v.id = user.id;
    v.organisation_id = user.organisation_id;
    if (organisation) {
        v.organisation_name = organisation->name;
        v.organisation_kind = identity::to_string(organisation->ref.kind);
    }
    v.login = user.login;
    v.display_name = user.display_name;
    for (auto r : roles) v.roles.emplace_back(identity::to_string(r));
    v.mfa_enabled = user.totp_secret.has_value() && user.totp_last_step.has_value();
    v.mfa_required = identity::mfa_required(roles);
    v.disabled = user.disabled;
    v.created_at = user.created_at;
    return v;
}

// waive_for_demo: a demo persona of a demo database needs no second factor (services/demo.hpp).
UserView waive_for_demo(soci::session& sql, UserView view) {
    if (view.mfa_required && demo_mfa_waived(sql, view.id)) view.mfa_required = false;
    return view;
}

}  // namespace

UserView user_view(soci::session& sql, const UserRecord& user) {
    return waive_for_demo(
        sql, view_of(user, find_organisation(sql, user.organisation_id), user_roles(sql, user.id)));
}

std::optional<UserView> find_user_view(soci::session& sql, std::int64_t user_id) {
    // One row per role (at least one row when the user exists).
    static const std::string query = fmt::format(
        "SELECT {}, r.role FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id "
        "LEFT JOIN user_roles r ON r.user_id = u.id WHERE u.id = :id",
        kUserAndOrganisationColumns);
    std::optional<UserRecord> user;
    std::optional<OrganisationRecord> organisation;
    std::set<identity::Role> roles;
    for (const auto& r : store::query(sql, query, user_id)) {
        if (!user) {
            user = read_user(r);
            if (r.get_indicator(9) != soci::i_null) organisation = read_organisation(r, 9);
        }
        if (auto name = store::optional_text_at(r, 15))
            if (auto role = identity::parse_role(*name)) roles.insert(*role);
    }
    if (!user) return std::nullopt;
    return waive_for_demo(sql, view_of(*user, organisation, roles));
}

std::string create_session(soci::session& sql, std::int64_t user_id, bool mfa_pending,
                           std::chrono::system_clock::duration lifetime, const audit::Context& context) {
    const std::string token = identity::random_token();
    const std::string hash = identity::token_hash(token), now = iso_now(), expires = iso_after(lifetime);
    const long long user = user_id;
    const int pending = mfa_pending ? 1 : 0;
    sql << "INSERT INTO sessions (token_hash, user_id, mfa_pending, created_at, last_seen_at, expires_at, "
           "remote) "
           "VALUES (:h, :u, :p, :c, :l, :e, :r)",
        soci::use(hash), soci::use(user), soci::use(pending), soci::use(now), soci::use(now),
        soci::use(expires), soci::use(context.remote);
    return token;
}

void delete_session(soci::session& sql, const std::string& token) {
    const std::string hash = identity::token_hash(token);
    sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
}

void delete_user_sessions(soci::session& sql, std::int64_t user_id) {
    const long long user = user_id;
    sql << "DELETE FROM sessions WHERE user_id = :u", soci::use(user);
}

Guess reserve_guess(soci::session& sql, const std::string& key, int limit, std::chrono::minutes window) {
    // One transaction per key at a time (every app server), so the count below cannot be read by two
    // requests before either writes: on SQLite, BEGIN IMMEDIATE already admits one writer.
    store::serialize(sql, store::SerialWork::login_throttle, key);
    const std::string now = iso_now(), floor = iso_after(-window);
    // Only this key's old guesses: rows of other keys may be locked by transactions holding other keys.
    sql << "DELETE FROM login_attempts WHERE key = :k AND at <= :f", soci::use(key), soci::use(floor);
    long long counted = 0;
    soci::indicator oldest_ind = soci::i_ok;
    std::string oldest;
    sql << "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE key = :k", soci::use(key), soci::into(counted),
        soci::into(oldest, oldest_ind);
    Guess guess;
    if (counted >= limit) {
        guess.refused_until = window_end(oldest, window);
        return guess;
    }
    sql << "INSERT INTO login_attempts (key, at) VALUES (:k, :a) RETURNING id", soci::use(key),
        soci::use(now), soci::into(guess.attempt_id);
    guess.last_allowed = counted + 1 >= limit;
    if (guess.last_allowed) guess.full_until = window_end(counted == 0 ? now : oldest, window);
    return guess;
}

void release_guess(soci::session& sql, long long attempt_id) {
    sql << "DELETE FROM login_attempts WHERE id = :i", soci::use(attempt_id);
}

void clear_guesses(soci::session& sql, const std::string& key) {
    sql << "DELETE FROM login_attempts WHERE key = :k", soci::use(key);
}

}  // namespace mamori::services::records
