#include "mamori/store/table_queries.hpp"

namespace mamori::store {

std::string quoted_identifier(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::vector<std::string> table_names(soci::session& sql, Dialect dialect) {
    std::vector<std::string> out;
    soci::rowset<std::string> rows =
        (sql.prepare
         << (dialect == Dialect::sqlite
                 ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                   "ESCAPE '\\' ORDER BY name"
                 : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = "
                   "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"));
    for (const auto& name : rows) out.push_back(name);
    return out;
}

std::int64_t count_rows(soci::session& sql, std::string_view table) {
    long long rows = 0;
    sql << "SELECT COUNT(*) FROM " + quoted_identifier(table), soci::into(rows);
    return rows;
}

}  // namespace mamori::store
