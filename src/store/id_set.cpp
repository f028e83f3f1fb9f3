#include "mamori/store/id_set.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace mamori::store {

namespace {

bool is_sqlite(soci::session& sql) {
    return sql.get_backend_name() == "sqlite3";
}

}  // namespace

std::string in_id_set(soci::session& sql, std::string_view column) {
    if (is_sqlite(sql)) return fmt::format("{} IN (SELECT value FROM json_each(:ids))", column);
    return fmt::format("{} = ANY(CAST(:ids AS BIGINT[]))", column);
}

std::string id_set(soci::session& sql, std::span<const std::int64_t> ids) {
    return is_sqlite(sql) ? fmt::format("[{}]", fmt::join(ids, ","))
                          : fmt::format("{{{}}}", fmt::join(ids, ","));
}

}  // namespace mamori::store
