#include "mamori/vendors/corporate_number.hpp"

#include <algorithm>

namespace mamori::vendors {

namespace {

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int corporate_check_digit(std::string_view base) {
    if (base.size() != 12 || !all_digits(base)) return -1;
    int sum = 0;
    for (std::size_t n = 1; n <= 12; ++n) {
        const int digit = base[12 - n] - '0';
        sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - sum % 9;
}

Status check_corporate_number(std::string_view number) {
    if (number.size() != 13 || !all_digits(number))
        return fail(ErrorCode::invalid_input, "a corporate number (法人番号) is 13 digits", "corporate_number");
    if (number[0] - '0' != corporate_check_digit(number.substr(1)))
        return fail(ErrorCode::invalid_input,
                    "the corporate number's check digit (its first digit) does not match the other twelve",
                    "corporate_number");
    return {};
}

}  // namespace mamori::vendors
