#include "mamori/feeds/local_government_code.hpp"

#include <algorithm>

namespace mamori::feeds {

namespace {

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<char> check_digit(std::string_view five) {
    if (five.size() != 5 || !all_digits(five)) return std::nullopt;
    constexpr int kWeights[5] = {6, 5, 4, 3, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 5; ++i) sum += (five[i] - '0') * kWeights[i];
    return static_cast<char>('0' + (11 - sum % 11) % 10);
}

bool is_valid_local_government_code(std::string_view six) {
    if (six.size() != 6) return false;
    const auto digit = check_digit(six.substr(0, 5));
    return digit && *digit == six[5];
}

std::optional<std::string> local_government_code(std::string_view prefecture, std::string_view municipality) {
    if (prefecture.size() != 2 || municipality.size() != 3) return std::nullopt;
    std::string code;
    code.reserve(6);
    code.append(prefecture).append(municipality);
    const auto digit = check_digit(code);
    if (!digit) return std::nullopt;
    code.push_back(*digit);
    return code;
}

bool is_prefecture_code(std::string_view code) {
    if (code.size() != 2 || !all_digits(code)) return false;
    const int n = (code[0] - '0') * 10 + (code[1] - '0');
    return n >= 1 && n <= 47;
}

}  // namespace mamori::feeds
