/// @file
/// @brief Ordering of real vendor version strings ("13.1-48.47", "12.2(55)SE6", "5.0(3)N2(4.02b)",
/// "1.50B032", "r0.13c", "8.0-rc1"), as NVD version ranges need it. Pure; src/exposure/version.cpp.
#pragma once

#include <compare>
#include <string_view>

namespace mamori::exposure {

// compare_versions: how version a stands to version b. Case-insensitive; CPE quoting ('\') is ignored, so a
// CPE value's text can be passed as it is.
//
// The rule: both strings are read as tokens, a run of digits or a run of letters; every other character
// ('.', '-', '_', '(', ')', '+', '\' …) only separates tokens. Tokens are compared in turn:
// - number with number: by value (leading zeros do not count: "1.01" = "1.1");
// - word with word: a pre-release word (dev < alpha < beta < pre = preview < rc) sorts below any other word;
//   other words compare alphabetically ("se" < "sg");
// - number with word: the word is below the number ("1.0.beta" < "1.0.1", "12.2(55)se" < "12.2(55)6"),
//   except that a zero with only zeros after it counts as the end of the string (below).
// When one string runs out, the rest of the other decides: zeros add nothing ("1.0" = "1.0.0"), a pre-release
// word makes it earlier ("8.0rc1" < "8.0"), anything else makes it later ("1.0.1f" > "1.0.1",
// "12.2(55)se6" > "12.2(55)se", "13.1-48.47" > "13.1").
// Single letters are patch suffixes, not pre-releases ("4.02b" > "4.02"); only the words above are.
// "*" (ANY), "-" (NA) and the empty string have no order: the answer is unordered, also against themselves.
// Cost: no allocation; linear in the length of the two strings.
std::partial_ordering compare_versions(std::string_view a, std::string_view b);

}  // namespace mamori::exposure
