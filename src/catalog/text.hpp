// Text rules of the catalog format: Japanese text, printed item numbers, URLs and partial ISO dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mamori::catalog {

// contains_japanese: whether `text` (UTF-8) holds at least one hiragana, katakana or CJK ideograph.
bool contains_japanese(std::string_view text);

// NumberingStyle: how an edition prints item numbers: `paren` "1-(1)", `circled` "1-①".
enum class NumberingStyle { paren, circled };

// PrintedNumber: a printed item number split into section and ordinal.
struct PrintedNumber {
    int section = 0;
    int ordinal = 0;
};

// parse_printed_number: "2-(7)" (paren) or "2-⑦" (circled, ① … ㊿) into {2, 7}; nullopt if `text` does not
// have the shape of `style`.
std::optional<PrintedNumber> parse_printed_number(std::string_view text, NumberingStyle style);

// is_url: an http:// or https:// URL with a host and no spaces.
bool is_url(std::string_view text);

// date_precision: "year", "month" or "day" for a valid "YYYY", "YYYY-MM" or "YYYY-MM-DD"; nullopt otherwise.
std::optional<std::string> date_precision(std::string_view text);

// line_and_column: the 1-based line and column (in characters) of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

}  // namespace mamori::catalog
