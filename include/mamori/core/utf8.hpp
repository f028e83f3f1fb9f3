/// @file
/// @brief UTF-8 text as people and documents see it: counting characters (so that "医療" is two characters,
/// not six bytes), checking that user text holds only characters every output can carry, and making stored
/// text safe to print.
///
///     if (character_count(name) > 100) …
///     if (auto problem = text_problem(note)) return fail(ErrorCode::invalid_input, *problem, "note");
///     pango_layout_set_text(layout, printable_text(note).c_str(), -1);
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mamori {

// character_count: the number of code points of UTF-8 text; -1 when the text is not valid UTF-8.
long character_count(std::string_view utf8);

// text_problem: why `text` cannot be taken as user text, or nullopt when it can. User text is strict UTF-8
// (no overlong forms, no surrogates) of characters that JSON, the XML inside .xlsx, the PDF's text layout
// and CSV all carry: no control characters other than tab, line feed and carriage return, and no Unicode
// noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their like in every plane). The sentence names the
// character and its position (1-based, in characters).
std::optional<std::string> text_problem(std::string_view text);

// printable_text: `text` with every byte sequence or character that text_problem refuses replaced by U+FFFD,
// so that a document can always be made from text stored before the check existed.
std::string printable_text(std::string_view text);

// nfkc_casefold: Unicode NFKC_Casefold of valid UTF-8 text (full-width letters and digits to ASCII, ㈱ to
// (株), half-width katakana to full-width, letters case-folded), through ICU; nullopt if ICU fails (it does
// not on valid text of bounded length).
std::optional<std::string> nfkc_casefold(std::string_view text);

}  // namespace mamori
