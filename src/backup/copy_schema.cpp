#include "copy_schema.hpp"

namespace mamori::backup {

namespace {

std::vector<std::string> strings(soci::session& sql, const std::string& query, const std::string& table) {
    std::vector<std::string> out;
    soci::rowset<std::string> rows = (sql.prepare << query, soci::use(table));
    for (const auto& value : rows) out.push_back(value);
    return out;
}

TableSchema sqlite_table(soci::session& sql, const std::string& name) {
    TableSchema table{name, {}, {}, {}};
    table.columns = strings(sql, "SELECT name FROM pragma_table_info(:t) ORDER BY cid", name);
    table.primary_key = strings(sql, "SELECT name FROM pragma_table_info(:t) WHERE pk > 0 ORDER BY pk", name);
    for (auto& parent : strings(sql, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(:t)", name))
        table.references.insert(std::move(parent));
    return table;
}

TableSchema postgresql_table(soci::session& sql, const std::string& name) {
    TableSchema table{name, {}, {}, {}};
    table.columns = strings(sql,
                            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = "
                            "current_schema() AND table_name = :t ORDER BY ordinal_position",
                            name);
    table.primary_key = strings(sql,
                                "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
                                "i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indisprimary AND "
                                "i.indrelid = to_regclass(quote_ident(:t)) "
                                "ORDER BY array_position(i.indkey::int2[], a.attnum)",
                                name);
    for (auto& parent :
         strings(sql,
                 "SELECT DISTINCT f.relname::text FROM pg_constraint c JOIN pg_class f ON f.oid = "
                 "c.confrelid WHERE c.contype = 'f' AND c.conrelid = to_regclass(quote_ident(:t))",
                 name))
        table.references.insert(std::move(parent));
    return table;
}

}  // namespace

std::vector<TableSchema> read_schema(soci::session& sql, store::Dialect dialect) {
    const bool sqlite = dialect == store::Dialect::sqlite;
    std::vector<TableSchema> tables;
    for (const auto& name : store::table_names(sql, dialect))
        tables.push_back(sqlite ? sqlite_table(sql, name) : postgresql_table(sql, name));
    return tables;
}

RowCounts count_rows(soci::session& sql, const std::vector<TableSchema>& tables) {
    RowCounts counts;
    for (const auto& table : tables) counts[table.name] = store::count_rows(sql, table.name);
    return counts;
}

std::string one_line(std::string_view message) {
    std::string out;
    for (const char c : message) {
        if (c != '\n') {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace mamori::backup
