#include "mamori/identity/totp.hpp"

#include <gtest/gtest.h>

namespace mamori::identity {
namespace {

using namespace std::chrono;

std::vector<std::uint8_t> rfc_secret() {
    const std::string ascii = "12345678901234567890";  // RFC 6238 appendix B, SHA1 key
    return {ascii.begin(), ascii.end()};
}

TEST(Totp, MatchesRfc6238TestVectors) {
    // RFC 6238 appendix B (8 digits, SHA1): T = 59, 1111111109, 1111111111, 1234567890, 2000000000,
    // 20000000000.
    const std::pair<std::int64_t, const char*> vectors[] = {
        {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
        {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
    };
    for (const auto& [seconds, expected] : vectors)
        EXPECT_EQ(totp_code(rfc_secret(), seconds / 30, 8), expected) << seconds;
    EXPECT_EQ(totp_code(rfc_secret(), 59 / 30), "287082");  // 6 digits: the last six
}

TEST(Totp, AcceptsOneStepOfDriftAndEachCodeOnlyOnce) {
    const auto secret = rfc_secret();
    const auto now = system_clock::time_point{seconds{1111111111}};
    const auto step = totp_step(now);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, step), now, std::nullopt), step);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, step - 1), now, std::nullopt), step - 1);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, step + 1), now, std::nullopt), step + 1);
    EXPECT_FALSE(verify_totp(secret, totp_code(secret, step - 2), now, std::nullopt));
    EXPECT_FALSE(verify_totp(secret, totp_code(secret, step), now, step)) << "replay must fail";
    EXPECT_FALSE(verify_totp(secret, totp_code(secret, step - 1), now, step - 1));
    EXPECT_FALSE(verify_totp(secret, "12345", now, std::nullopt));
    EXPECT_FALSE(verify_totp(secret, "abcdef", now, std::nullopt));
}

TEST(Base32, RoundTripsAndMatchesRfc4648) {
    const std::string foobar = "foobar";
    EXPECT_EQ(base32_encode({foobar.begin(), foobar.end()}), "MZXW6YTBOI");
    EXPECT_EQ(base32_encode({'f'}), "MY");
    const auto decoded = base32_decode("mzxw 6ytb oi======");
    ASSERT_TRUE(decoded);
    EXPECT_EQ(std::string(decoded->begin(), decoded->end()), "foobar");
    EXPECT_FALSE(base32_decode("MZXW1"));  // '1' is not in the alphabet
    const auto secret = random_totp_secret();
    EXPECT_EQ(secret.size(), 20u);
    EXPECT_EQ(*base32_decode(base32_encode(secret)), secret);
}

TEST(Totp, UriIsWhatAuthenticatorAppsExpect) {
    const std::string uri = totp_uri(rfc_secret(), "mamori", "佐藤 clinic@example.jp");
    EXPECT_EQ(uri.rfind("otpauth://totp/mamori:", 0), 0u);
    EXPECT_NE(uri.find("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), std::string::npos);
    EXPECT_NE(uri.find("%E4%BD%90%E8%97%A4%20clinic@example.jp"), std::string::npos);
    EXPECT_NE(uri.find("&issuer=mamori"), std::string::npos);
    EXPECT_NE(uri.find("&digits=6&period=30"), std::string::npos);
}

}  // namespace
}  // namespace mamori::identity
