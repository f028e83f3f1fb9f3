#include "mamori/backup/row_counts.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace mamori::backup {

namespace {

// Tables a freshly migrated database already fills.
constexpr std::array<std::string_view, 2> kSeededTables = {"schema_migrations", "prefectures"};

bool seeded(const std::string& table) {
    for (auto name : kSeededTables)
        if (table == name) return true;
    return false;
}

std::string rows_text(std::int64_t rows) {
    return fmt::format("{} row{}", rows, rows == 1 ? "" : "s");
}

}  // namespace

std::vector<std::string> row_count_differences(const RowCounts& expected, const RowCounts& found) {
    std::vector<std::string> out;
    for (const auto& [table, rows] : expected) {
        const auto it = found.find(table);
        if (it == found.end())
            out.push_back(fmt::format("{}: {} expected, the table is missing", table, rows_text(rows)));
        else if (it->second != rows)
            out.push_back(fmt::format("{}: {} expected, {} found", table, rows_text(rows), it->second));
    }
    for (const auto& [table, rows] : found)
        if (!expected.contains(table))
            out.push_back(fmt::format("{}: not in the manifest, {} found", table, rows_text(rows)));
    return out;
}

std::vector<std::string> tables_holding_data(const RowCounts& counts) {
    std::vector<std::string> out;
    for (const auto& [table, rows] : counts)
        if (rows > 0 && !seeded(table)) out.push_back(fmt::format("{} ({})", table, rows_text(rows)));
    return out;
}

}  // namespace mamori::backup
