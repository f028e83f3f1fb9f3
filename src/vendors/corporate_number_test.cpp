#include "mamori/vendors/corporate_number.hpp"

#include <gtest/gtest.h>

namespace mamori::vendors {
namespace {

// Published numbers: the National Tax Agency's own (7000012050002), and the worked examples of the NTA's
// check-digit note and of third-party explanations of the same ordinance.
TEST(CorporateNumber, PublishedNumbersCarryTheirCheckDigit) {
    for (const auto* number : {"7000012050002", "7123456789012", "4011001098993", "2120901007402"}) {
        SCOPED_TRACE(number);
        EXPECT_TRUE(check_corporate_number(number));
        EXPECT_EQ(corporate_check_digit(std::string_view(number).substr(1)), number[0] - '0');
    }
}

TEST(CorporateNumber, RefusesWrongShapesAndEveryMistypedDigit) {
    struct Case {
        const char* number;
        const char* why;
    };
    for (const auto& c : {Case{"", "empty"}, Case{"700001205000", "12 digits"}, Case{"70000120500021", "14 digits"},
                          Case{"7000012O50002", "a letter O"}, Case{"７０００0１2050002", "full-width digits"},
                          Case{"8000012050002", "wrong check digit"}, Case{"7000012050003", "last digit mistyped"},
                          Case{"7000021050002", "two digits swapped"}}) {
        SCOPED_TRACE(c.why);
        const auto result = check_corporate_number(c.number);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(result.error().fields.at(0).field, "corporate_number");
    }
    EXPECT_EQ(corporate_check_digit("00001205000"), -1);
    EXPECT_EQ(corporate_check_digit("00001205000x"), -1);
}

TEST(CorporateNumber, ASingleMistypedDigitIsAlwaysCaught) {
    const std::string good = "7000012050002";
    for (std::size_t i = 1; i < good.size(); ++i)
        for (char d = '0'; d <= '9'; ++d) {
            if (d == good[i]) continue;
            std::string typo = good;
            typo[i] = d;
            // Weights 1 and 2 mod 9: a change of the digit by 9 (0↔9) at weight 1 or 2 keeps the sum mod 9.
            const int delta = (d - good[i]) * ((good.size() - i) % 2 == 1 ? 1 : 2);
            EXPECT_EQ(static_cast<bool>(check_corporate_number(typo)), delta % 9 == 0) << typo;
        }
}

}  // namespace
}  // namespace mamori::vendors
