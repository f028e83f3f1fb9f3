/// @file
/// @brief Counting characters the way people do: Unicode code points of UTF-8 text, so that "医療" is two
/// characters, not six bytes. Length limits on names, notes and passwords use it.
///
///     if (character_count(name) > 100) …
#pragma once

#include <string_view>

namespace mamori {

// character_count: the number of code points of UTF-8 text; -1 when the text is not valid UTF-8.
long character_count(std::string_view utf8);

}  // namespace mamori
