#include "table_rows.hpp"

#include <fmt/format.h>

#include <exception>
#include <memory>
#include <stdexcept>

#include "copy_schema.hpp"
#include "mamori/store/native_handles.hpp"

namespace mamori::backup {

namespace {

std::string select_all(const TableSchema& table) {
    std::vector<std::string> columns;
    for (const auto& c : table.columns) columns.push_back(store::quoted_identifier(c));
    std::vector<std::string> key;
    for (const auto& c : table.primary_key) key.push_back(store::quoted_identifier(c));
    return fmt::format("SELECT {} FROM {}{}{}", fmt::join(columns, ", "),
                       store::quoted_identifier(table.name), key.empty() ? "" : " ORDER BY ",
                       fmt::join(key, ", "));
}

std::int64_t sqlite_rows(soci::session& sql, const TableSchema& table,
                         const std::function<void(const RowValues&)>& on_row) {
    auto* db = store::sqlite_handle(sql);
    const std::string query = select_all(table);
    sqlite_api::sqlite3_stmt* raw = nullptr;
    if (sqlite_api::sqlite3_prepare_v2(db, query.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        throw std::runtime_error(sqlite_api::sqlite3_errmsg(db));
    const std::unique_ptr<sqlite_api::sqlite3_stmt, int (*)(sqlite_api::sqlite3_stmt*)> statement(
        raw, sqlite_api::sqlite3_finalize);
    RowValues row(table.columns.size());
    std::int64_t rows = 0;
    int step = SQLITE_ROW;
    while ((step = sqlite_api::sqlite3_step(raw)) == SQLITE_ROW) {
        for (int i = 0; i < static_cast<int>(row.size()); ++i) {
            switch (sqlite_api::sqlite3_column_type(raw, i)) {
                case SQLITE_NULL: row[i].reset(); break;
                case SQLITE_INTEGER: row[i] = std::to_string(sqlite_api::sqlite3_column_int64(raw, i)); break;
                // fmt's default is the shortest text that parses back to the same double.
                case SQLITE_FLOAT:
                    row[i] = fmt::format("{}", sqlite_api::sqlite3_column_double(raw, i));
                    break;
                case SQLITE_TEXT:
                    row[i] =
                        std::string(reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(raw, i)),
                                    static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(raw, i)));
                    break;
                default:
                    throw std::runtime_error(fmt::format("{}.{} holds a BLOB, which mamori never writes",
                                                         table.name, table.columns[i]));
            }
        }
        on_row(row);
        ++rows;
    }
    if (step != SQLITE_DONE) throw std::runtime_error(sqlite_api::sqlite3_errmsg(db));
    return rows;
}

// cancel: asks the server to stop sending the current result, so the connection can be drained and used
// again (for the ROLLBACK).
void cancel(PGconn* conn) {
    PGcancel* handle = PQgetCancel(conn);
    if (handle == nullptr) return;
    char error[256];
    PQcancel(handle, error, sizeof error);
    PQfreeCancel(handle);
}

std::int64_t postgresql_rows(soci::session& sql, const TableSchema& table,
                             const std::function<void(const RowValues&)>& on_row) {
    auto* conn = store::postgresql_handle(sql);
    const std::string query = select_all(table);
    if (PQsendQuery(conn, query.c_str()) != 1 || PQsetSingleRowMode(conn) != 1)
        throw std::runtime_error(one_line(PQerrorMessage(conn)));
    RowValues row(table.columns.size());
    std::int64_t rows = 0;
    std::string error;
    std::exception_ptr thrown;
    // Every result must be read before the connection takes another command, even after a failure.
    while (PGresult* result = PQgetResult(conn)) {
        const auto status = PQresultStatus(result);
        if (status == PGRES_SINGLE_TUPLE && !thrown && error.empty()) {
            for (int i = 0; i < static_cast<int>(row.size()); ++i) {
                if (PQgetisnull(result, 0, i))
                    row[i].reset();
                else
                    row[i] = std::string(PQgetvalue(result, 0, i), PQgetlength(result, 0, i));
            }
            try {
                on_row(row);
                ++rows;
            } catch (...) {
                thrown = std::current_exception();
                cancel(conn);
            }
        } else if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && error.empty()) {
            error = one_line(PQresultErrorMessage(result));
        }
        PQclear(result);
    }
    if (thrown) std::rethrow_exception(thrown);
    if (!error.empty()) throw std::runtime_error(error);
    return rows;
}

}  // namespace

std::int64_t for_each_row(soci::session& sql, store::Dialect dialect, const TableSchema& table,
                          const std::function<void(const RowValues&)>& on_row) {
    return dialect == store::Dialect::sqlite ? sqlite_rows(sql, table, on_row)
                                             : postgresql_rows(sql, table, on_row);
}

}  // namespace mamori::backup
