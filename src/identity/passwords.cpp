#include "mamori/identity/passwords.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <stdexcept>

#include "mamori/core/utf8.hpp"

namespace mamori::identity {

namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

Status check_password_rule(std::string_view password, std::string_view login, bool has_mfa) {
    const long characters = character_count(password);
    if (characters < 0)
        return fail(ErrorCode::invalid_input, "the password is not valid UTF-8 text", "password");
    if (password.size() > kMaxBytes)
        return fail(ErrorCode::invalid_input, fmt::format("the password is longer than {} bytes", kMaxBytes),
                    "password");
    const std::size_t minimum = has_mfa ? kMinLengthWithMfa : kMinLength;
    if (static_cast<std::size_t>(characters) < minimum)
        return fail(ErrorCode::invalid_input,
                    has_mfa
                        ? fmt::format("the password must have at least {} characters", minimum)
                        : fmt::format("the password must have at least {} characters (or at least {} with "
                                      "two-factor authentication turned on)",
                                      kMinLength, kMinLengthWithMfa),
                    "password");
    if (!login.empty() && password == login)
        return fail(ErrorCode::invalid_input, "the password must not be the login name", "password");
    return {};
}

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return out;
}

bool verify_password(std::string_view stored, std::string_view password) {
    ensure_sodium();
    if (stored.size() >= crypto_pwhash_STRBYTES || stored.rfind("$argon2id$", 0) != 0) return false;
    const std::string terminated(stored);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view stored) {
    ensure_sodium();
    const std::string terminated(stored);
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

}  // namespace mamori::identity
