/// @file
/// @brief 法人番号 (the 13-digit corporate number the National Tax Agency assigns): its check digit, so a
/// mistyped number is refused before it is used to find a vendor.
///
///     if (auto ok = check_corporate_number("7000012050002"); !ok) …   // the NTA's own number: valid
#pragma once

#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::vendors {

// corporate_check_digit: the check digit (1–9) of a 12-digit base number (会社法人等番号), per 財務省令第七十号
// 第二条: 9 − (Σ Pn × Qn mod 9), Pn the n-th digit counted from the lowest, Qn = 1 for odd n and 2 for
// even n. -1 when `base` is not 12 ASCII digits.
int corporate_check_digit(std::string_view base);

// check_corporate_number: a 法人番号 is 13 ASCII digits whose first is the check digit of the other twelve.
// Errors (invalid_input, field "corporate_number") say which rule failed.
Status check_corporate_number(std::string_view number);

}  // namespace mamori::vendors
