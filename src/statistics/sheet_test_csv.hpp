// Reading a CSV text back into records with the project's reader (feeds/csv), for the sheet tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mamori/feeds/csv.hpp"

namespace mamori::statistics::testing {

using Records = std::vector<std::vector<std::string>>;

// parse_csv: every record (a blank line is no record); a malformed one becomes {"<error: …>"}.
inline Records parse_csv(std::string_view text) {
    Records records;
    feeds::CsvParser parser;
    for (;;) {
        std::size_t consumed = 0;
        const auto event = parser.parse(text, true, consumed);
        text.remove_prefix(consumed);
        if (event == feeds::CsvParser::Event::record) {
            const auto& fields = parser.record().fields;
            records.emplace_back(fields.begin(), fields.end());
        } else if (event == feeds::CsvParser::Event::error) {
            records.push_back({"<error: " + parser.error().message + ">"});
        } else {
            return records;
        }
    }
}

}  // namespace mamori::statistics::testing
