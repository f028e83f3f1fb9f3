/// @file
/// @brief Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30 s steps, 6 digits) as authenticator apps
/// use them, with the Base32 secrets and `otpauth://` URIs they are enrolled with.
///
///     auto secret = random_totp_secret();
///     std::string uri = totp_uri(secret, "mamori", "sato@clinic.example");
///     auto step = verify_totp(secret, "287082", now, last_used_step);  // the step to remember, or nullopt
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::identity {

// kTotpStepSeconds / kTotpDigits: the parameters every common authenticator app assumes.
inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// base32_encode: RFC 4648 Base32 without padding, as otpauth URIs carry secrets.
std::string base32_encode(const std::vector<std::uint8_t>& bytes);

// base32_decode: the inverse; accepts lower case, spaces and padding; nullopt on any other character.
std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text);

// random_totp_secret: 20 random bytes (160 bits, the RFC 4226 recommendation).
std::vector<std::uint8_t> random_totp_secret();

// totp_code: the code for time step `step` (Unix time / 30), zero-padded to `digits`.
std::string totp_code(const std::vector<std::uint8_t>& secret, std::int64_t step, int digits = kTotpDigits);

// totp_step: the time step of an instant.
std::int64_t totp_step(std::chrono::system_clock::time_point t);

// verify_totp: accepts a code of the current step or one step either side (clock drift), but never a step
// at or before `last_used_step` (a code works once). Returns the matched step, to be stored as the new
// last used step.
std::optional<std::int64_t> verify_totp(const std::vector<std::uint8_t>& secret, std::string_view code,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::int64_t> last_used_step);

// totp_uri: the otpauth:// URI an authenticator app scans (issuer and account are percent-encoded).
std::string totp_uri(const std::vector<std::uint8_t>& secret, std::string_view issuer,
                     std::string_view account);

}  // namespace mamori::identity
