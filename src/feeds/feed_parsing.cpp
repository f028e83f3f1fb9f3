// Shared checks of the vulnerability feed parsers (feed_parsing.hpp).
#include <fmt/format.h>

#include "mamori/feeds/feed_parsing.hpp"

namespace mamori::feeds {

namespace {
bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
}  // namespace

bool is_cve_id(std::string_view text) {
    if (text.size() < 13 || text.size() > 24 || text.substr(0, 4) != "CVE-" || text[8] != '-') return false;
    return all_digits(text.substr(4, 4)) && all_digits(text.substr(9));
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
        return false;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

tl::unexpected<Error> feed_error(std::string_view source, std::string field, std::string_view message) {
    Error error{ErrorCode::invalid_input, fmt::format("{}: {}: {}", source, field, message), {}};
    error.fields.push_back({std::move(field), std::string(message)});
    return tl::unexpected<Error>(std::move(error));
}

}  // namespace mamori::feeds
