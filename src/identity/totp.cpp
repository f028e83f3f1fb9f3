#include "mamori/identity/totp.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <stdexcept>

namespace mamori::identity {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string uri_encode(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~' || c == '@';
        out += unreserved ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    return out;
}

}  // namespace

std::string base32_encode(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (auto b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text) {
    std::vector<std::uint8_t> out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == ' ' || c == '=') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const auto value = kAlphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::vector<std::uint8_t> random_totp_secret() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    std::vector<std::uint8_t> secret(20);
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string totp_code(const std::vector<std::uint8_t>& secret, std::int64_t step, int digits) {
    unsigned char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<unsigned char>(step & 0xff);
        step >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_length = 0;
    if (HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter, sizeof counter, mac,
             &mac_length) == nullptr)
        throw std::runtime_error("HMAC-SHA1 failed");
    const int offset = mac[mac_length - 1] & 0x0f;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    return fmt::format("{:0{}}", binary % modulus, digits);
}

std::int64_t totp_step(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count() / kTotpStepSeconds;
}

std::optional<std::int64_t> verify_totp(const std::vector<std::uint8_t>& secret, std::string_view code,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::int64_t> last_used_step) {
    if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
    const std::int64_t current = totp_step(now);
    for (std::int64_t step : {current - 1, current, current + 1}) {
        if (last_used_step && step <= *last_used_step) continue;
        const std::string expected = totp_code(secret, step);
        // Constant-time comparison: the code is a secret.
        if (sodium_memcmp(expected.data(), code.data(), expected.size()) == 0) return step;
    }
    return std::nullopt;
}

std::string totp_uri(const std::vector<std::uint8_t>& secret, std::string_view issuer,
                     std::string_view account) {
    return fmt::format("otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={}&period={}",
                       uri_encode(issuer), uri_encode(account), base32_encode(secret), uri_encode(issuer),
                       kTotpDigits, kTotpStepSeconds);
}

}  // namespace mamori::identity
