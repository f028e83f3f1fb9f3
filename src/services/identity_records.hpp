// Row access for the identity service: users, roles, organisations, sessions and login throttling. Every
// function works inside the caller's session (usually an open transaction) and does no access checks: the
// service decides who may call what.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mamori/identity/caller.hpp"
#include "mamori/services/identity_service.hpp"

namespace mamori::services::records {

// UserRecord: a users row.
struct UserRecord {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string login;
    std::string display_name;
    std::string password_hash;
    std::optional<std::string> totp_secret;
    std::optional<std::int64_t> totp_last_step;
    bool disabled = false;
    std::string created_at;
};

// iso_after: the ISO UTC text of now + `d`.
std::string iso_after(std::chrono::system_clock::duration d);
std::string iso_now();

// read_user: a UserRecord from nine columns starting at `first`: id, organisation_id, login,
// display_name, password_hash, totp_secret, totp_last_step, disabled_at, created_at.
UserRecord read_user(const soci::row& row, std::size_t first = 0);
// kUserAndOrganisationColumns: read_user's columns of users `u`, then read_organisation's of organisations
// `o` (from column 9), for queries that join them.
inline constexpr std::string_view kUserAndOrganisationColumns =
    "u.id, u.organisation_id, u.login, u.display_name, u.password_hash, u.totp_secret, u.totp_last_step, "
    "u.disabled_at, u.created_at, o.id, o.kind, o.name, o.parent_id, o.prefecture_code, o.municipality_code";
std::optional<UserRecord> find_user_by_login(soci::session& sql, const std::string& login);
std::optional<UserRecord> find_user(soci::session& sql, std::int64_t id);
std::set<identity::Role> user_roles(soci::session& sql, std::int64_t user_id);
void set_user_roles(soci::session& sql, std::int64_t user_id, const std::set<identity::Role>& roles);
std::int64_t count_users(soci::session& sql);

// OrganisationRecord: an organisations row as access rules and views need it.
struct OrganisationRecord {
    identity::OrganisationRef ref;
    std::string name;
};
// kOrganisationColumns / read_organisation: the columns an OrganisationRecord is read from, in order.
inline constexpr std::string_view kOrganisationColumns =
    "id, kind, name, parent_id, prefecture_code, municipality_code";
OrganisationRecord read_organisation(const soci::row& row, std::size_t first = 0);
std::optional<OrganisationRecord> find_organisation(soci::session& sql, std::int64_t id);
std::vector<std::string> jurisdiction(soci::session& sql, std::int64_t organisation_id);
bool has_administrator(soci::session& sql, std::int64_t organisation_id);
// single_institution: whether the database holds no ministry, prefecture or health centre organisation
// (an installation for one institution, whose administrators load the ministry's editions themselves).
bool single_institution(soci::session& sql);

// lock_organisation: a no-op UPDATE of the organisation's row, as the first statement of a transaction that
// must see every earlier one of its kind for that organisation: two people starting the same year's
// checklist, or accepting two invitations for its first administrator, queue, and the second sees the
// first one's row (a conflict, not a UNIQUE violation or a second administrator) on PostgreSQL too.
void lock_organisation(soci::session& sql, std::int64_t organisation_id);

// caller_for: the Caller of a user (roles, organisation, jurisdiction).
identity::Caller caller_for(soci::session& sql, const UserRecord& user);

// user_view: a user without secrets.
UserView user_view(soci::session& sql, const UserRecord& user);
// find_user_view: the view of user `user_id` in one query, or nullopt when there is no such user.
std::optional<UserView> find_user_view(soci::session& sql, std::int64_t user_id);

// create_session: stores a session for `user_id` and returns its token.
std::string create_session(soci::session& sql, std::int64_t user_id, bool mfa_pending,
                           std::chrono::system_clock::duration lifetime, const audit::Context& context);
void delete_session(soci::session& sql, const std::string& token);
void delete_user_sessions(soci::session& sql, std::int64_t user_id);

// Throttle: failed-login counters keyed "account:<login>" or "address:<ip>".
// Guess: the answer to reserve_guess. Refused when `refused_until` is set; otherwise `attempt_id` is the
// counted guess, and `last_allowed` says it was the last one the window allows (until `full_until`).
struct Guess {
    long long attempt_id = 0;
    std::optional<std::string> refused_until;
    bool last_allowed = false;
    std::string full_until;
};
// reserve_guess: counts one guess (a password or code about to be checked) for `key`, or refuses it when
// `limit` guesses already fall within `window`. Check and count are one step: call it inside a transaction
// and check the guess only after that transaction committed.
Guess reserve_guess(soci::session& sql, const std::string& key, int limit, std::chrono::minutes window);
// release_guess: forgets one counted guess (a guess that turned out right, for the address count).
void release_guess(soci::session& sql, long long attempt_id);
// clear_guesses: forgets every guess for `key` (after a successful login to the account).
void clear_guesses(soci::session& sql, const std::string& key);

}  // namespace mamori::services::records
