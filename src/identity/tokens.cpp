#include "mamori/identity/tokens.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

namespace mamori::identity {

namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string random_token(std::string_view prefix) {
    ensure_sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char encoded[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string(prefix) + encoded;
}

std::string random_code(int groups) {
    ensure_sodium();
    static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    std::string out;
    for (int g = 0; g < groups; ++g) {
        if (g > 0) out += '-';
        for (int i = 0; i < 4; ++i)
            out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string token_hash(std::string_view token) {
    return sha256_hex(token);
}

std::string typed_code_hash(std::string_view typed) {
    std::string letters;
    for (const unsigned char c : typed)
        if (std::isalnum(c) != 0) letters.push_back(static_cast<char>(std::toupper(c)));
    return token_hash(letters);
}

}  // namespace mamori::identity
