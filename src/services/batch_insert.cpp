#include "batch_insert.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <stdexcept>

namespace mamori::services {

BatchInsert::BatchInsert(soci::session& sql, std::string table, std::vector<Column> columns,
                         std::size_t rows_per_statement)
    : sql_(sql),
      table_(std::move(table)),
      columns_(std::move(columns)),
      rows_per_statement_(rows_per_statement == 0 ? 1 : rows_per_statement),
      values_(rows_per_statement_ * columns_.size()) {}

BatchInsert::~BatchInsert() = default;

std::string BatchInsert::insert_text(std::size_t rows) const {
    std::string text = fmt::format("INSERT INTO {} (", table_);
    for (std::size_t c = 0; c < columns_.size(); ++c)
        text += fmt::format("{}{}", c == 0 ? "" : ", ", columns_[c].name);
    text += ") VALUES ";
    std::size_t parameter = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        text += r == 0 ? "(" : ", (";
        for (std::size_t c = 0; c < columns_.size(); ++c, ++parameter) {
            if (c > 0) text += ", ";
            text += columns_[c].type == Column::integer ? fmt::format("CAST(:v{} AS BIGINT)", parameter)
                                                        : fmt::format(":v{}", parameter);
        }
        text += ")";
    }
    return text;
}

void BatchInsert::add(const std::vector<Value>& row) {
    if (row.size() != columns_.size())
        throw std::logic_error(fmt::format("BatchInsert into {}: {} values for {} columns", table_,
                                           row.size(), columns_.size()));
    auto* slot = &values_[buffered_ * columns_.size()];
    for (const auto& value : row) *slot++ = value ? boost::optional<std::string>(*value) : boost::none;
    if (++buffered_ == rows_per_statement_) write(buffered_);
}

void BatchInsert::finish() {
    if (buffered_ > 0) write(buffered_);
}

void BatchInsert::write(std::size_t rows) {
    const auto prepare = [&](soci::statement& statement) {
        for (std::size_t i = 0; i < rows * columns_.size(); ++i) statement.exchange(soci::use(values_[i]));
        statement.alloc();
        statement.prepare(insert_text(rows));
        statement.define_and_bind();
    };
    if (rows == rows_per_statement_) {
        if (!full_) {
            full_ = std::make_unique<soci::statement>(sql_);
            prepare(*full_);
        }
        full_->execute(true);
    } else {
        soci::statement last(sql_);
        prepare(last);
        last.execute(true);
    }
    written_ += rows;
    buffered_ = 0;
}

}  // namespace mamori::services
