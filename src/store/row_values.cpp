#include "mamori/store/row_values.hpp"

#include <string>

namespace mamori::store {

std::int64_t int64_at(const soci::row& row, std::size_t column) {
    switch (row.get_properties(column).get_data_type()) {
        case soci::dt_integer: return row.get<int>(column);
        case soci::dt_unsigned_long_long:
            return static_cast<std::int64_t>(row.get<unsigned long long>(column));
        // SQLite gives computed columns (COUNT, EXISTS …) no declared type; SOCI then reports them as text.
        // PostgreSQL's booleans (EXISTS, comparisons) may arrive as "t" / "f".
        case soci::dt_string: {
            const auto text = row.get<std::string>(column);
            if (text == "t" || text == "true") return 1;
            if (text == "f" || text == "false") return 0;
            return std::stoll(text);
        }
        default: return row.get<long long>(column);
    }
}

std::optional<std::int64_t> optional_int64_at(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    return int64_at(row, column);
}

std::optional<std::string> optional_text_at(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    return row.get<std::string>(column);
}

}  // namespace mamori::store
