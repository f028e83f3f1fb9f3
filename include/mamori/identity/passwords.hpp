/// @file
/// @brief Password rules and hashing. The rule is Guideline 6.0's Q&A: at least 13 characters, or at least 8
/// when the account also uses two-factor authentication. Hashes are Argon2id (libsodium, INTERACTIVE limits:
/// ~80 ms and 64 MiB each), so callers run them on a worker pool, never on an I/O thread.
///
///     if (auto ok = check_password_rule(pw, login, has_mfa); !ok) return fail(ok.error());
///     std::string stored = hash_password(pw);
///     bool good = verify_password(stored, attempt);
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::identity {

// kMinLength / kMinLengthWithMfa / kMaxBytes: the Guideline 6.0 Q&A minimums; the maximum bounds hashing
// cost.
inline constexpr std::size_t kMinLength = 13;
inline constexpr std::size_t kMinLengthWithMfa = 8;
inline constexpr std::size_t kMaxBytes = 256;

// check_password_rule: invalid_input naming "password" when the password is too short for the account's
// MFA state, too long, not valid UTF-8, or equal to the login name.
Status check_password_rule(std::string_view password, std::string_view login, bool has_mfa);

// hash_password: an Argon2id string ($argon2id$v=19$m=65536,t=2,p=1$…). Throws only if memory runs out.
std::string hash_password(std::string_view password);

// verify_password: true when `password` matches `stored`; false for any malformed stored value.
bool verify_password(std::string_view stored, std::string_view password);

// needs_rehash: true when `stored` was made with other limits than today's.
bool needs_rehash(std::string_view stored);

}  // namespace mamori::identity
