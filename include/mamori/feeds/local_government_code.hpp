/// @file
/// @brief 全国地方公共団体コード (local government codes): 2 digits of prefecture (JIS X 0401), 3 of
/// municipality (JIS X 0402) and a check digit, `(11 − Σ dᵢ·wᵢ mod 11) mod 10` with weights 6, 5, 4, 3, 2
/// over the first five digits. Pure arithmetic, no tables.
///
///     local_government_code("13", "101");     // "131016" (千代田区)
///     is_valid_local_government_code("011002");  // true (札幌市)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mamori::feeds {

// check_digit: the check digit ('0'–'9') of a 5-digit code; nullopt unless `five` is exactly five ASCII
// digits.
std::optional<char> check_digit(std::string_view five);

// is_valid_local_government_code: six ASCII digits whose last one is the check digit of the first five.
bool is_valid_local_government_code(std::string_view six);

// local_government_code: the 6-digit code of a municipality from its 2-digit prefecture code and 3-digit
// municipality code; nullopt unless both are digits of those lengths.
std::optional<std::string> local_government_code(std::string_view prefecture, std::string_view municipality);

// is_prefecture_code: "01" … "47".
bool is_prefecture_code(std::string_view code);

}  // namespace mamori::feeds
