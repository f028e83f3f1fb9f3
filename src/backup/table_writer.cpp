#include "table_writer.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "copy_schema.hpp"
#include "mamori/store/native_handles.hpp"

namespace mamori::backup {

namespace {

// Rows are sent to the server whenever this much COPY text has gathered.
constexpr std::size_t kCopyChunkBytes = std::size_t{256} * 1024;

std::string column_list(const TableSchema& table) {
    std::vector<std::string> columns;
    for (const auto& c : table.columns) columns.push_back(store::quoted_identifier(c));
    return fmt::format("{}", fmt::join(columns, ", "));
}

class PostgresCopyWriter final : public TableWriter {
  public:
    PostgresCopyWriter(soci::session& sql, const TableSchema& table) : conn_(store::postgresql_handle(sql)) {
        const std::string command =
            fmt::format("COPY {} ({}) FROM STDIN", store::quoted_identifier(table.name), column_list(table));
        PGresult* result = PQexec(conn_, command.c_str());
        const auto status = PQresultStatus(result);
        const std::string error = PQresultErrorMessage(result);
        PQclear(result);
        if (status != PGRES_COPY_IN) throw std::runtime_error(one_line(error));
        copying_ = true;
        buffer_.reserve(kCopyChunkBytes + 4096);
    }

    ~PostgresCopyWriter() override {
        if (!copying_) return;
        PQputCopyEnd(conn_, "mamori db copy stopped");
        while (PGresult* result = PQgetResult(conn_)) PQclear(result);
    }

    void write(const RowValues& row) override {
        append_copy_row(buffer_, row);
        if (buffer_.size() >= kCopyChunkBytes) flush();
    }

    void finish() override {
        flush();
        copying_ = false;
        if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error(one_line(PQerrorMessage(conn_)));
        std::string error;
        while (PGresult* result = PQgetResult(conn_)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && error.empty())
                error = one_line(PQresultErrorMessage(result));
            PQclear(result);
        }
        if (!error.empty()) throw std::runtime_error(error);
    }

  private:
    void flush() {
        if (buffer_.empty()) return;
        if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
            throw std::runtime_error(one_line(PQerrorMessage(conn_)));
        buffer_.clear();
    }

    PGconn* conn_;
    bool copying_ = false;
    std::string buffer_;
};

class SqliteInsertWriter final : public TableWriter {
  public:
    SqliteInsertWriter(soci::session& sql, const TableSchema& table) : db_(store::sqlite_handle(sql)) {
        std::vector<std::string> marks(table.columns.size(), "?");
        const std::string command =
            fmt::format("INSERT INTO {} ({}) VALUES ({})", store::quoted_identifier(table.name),
                        column_list(table), fmt::join(marks, ", "));
        if (sqlite_api::sqlite3_prepare_v2(db_, command.c_str(), -1, &statement_, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite_api::sqlite3_errmsg(db_));
    }

    ~SqliteInsertWriter() override { sqlite_api::sqlite3_finalize(statement_); }

    void write(const RowValues& row) override {
        sqlite_api::sqlite3_reset(statement_);
        for (int i = 0; i < static_cast<int>(row.size()); ++i) {
            // Text into an INTEGER or REAL column becomes a number again (column affinity). The row outlives
            // the step, so SQLite need not copy it (nullptr is SQLITE_STATIC).
            const int bound = row[i]
                                  ? sqlite_api::sqlite3_bind_text(statement_, i + 1, row[i]->data(),
                                                                  static_cast<int>(row[i]->size()), nullptr)
                                  : sqlite_api::sqlite3_bind_null(statement_, i + 1);
            if (bound != SQLITE_OK) throw std::runtime_error(sqlite_api::sqlite3_errmsg(db_));
        }
        if (sqlite_api::sqlite3_step(statement_) != SQLITE_DONE)
            throw std::runtime_error(sqlite_api::sqlite3_errmsg(db_));
    }

    void finish() override {}

  private:
    sqlite_api::sqlite3* db_;
    sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

std::unique_ptr<TableWriter> open_table_writer(soci::session& sql, store::Dialect dialect,
                                               const TableSchema& table) {
    if (dialect == store::Dialect::sqlite) return std::make_unique<SqliteInsertWriter>(sql, table);
    return std::make_unique<PostgresCopyWriter>(sql, table);
}

}  // namespace mamori::backup
