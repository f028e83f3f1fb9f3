// BatchInsert: many rows into one table through multi-row INSERT statements (a few hundred rows each), so
// that bulk data costs a handful of statements instead of one round trip per row (PostgreSQL) or one
// statement execution per row (SQLite). Inside the caller's transaction; every value is bound, none is
// spliced into the SQL text.
//
//     BatchInsert answers(sql, "answers", {{"assessment_id", Column::integer}, {"value", Column::text}});
//     answers.add({std::to_string(id), std::string("yes")});
//     answers.finish();  // writes what is still buffered
#pragma once

#include <soci/soci.h>

#include <boost/optional.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mamori::services {

class BatchInsert {
  public:
    // Column: a column name and whether its values are integers (bound as text and cast in SQL, so one
    // value type serves both dialects) or text.
    struct Column {
        enum Type { integer, text };
        std::string name;
        Type type = text;
    };
    using Value = std::optional<std::string>;  // nullopt: NULL

    BatchInsert(soci::session& sql, std::string table, std::vector<Column> columns,
                std::size_t rows_per_statement = 250);
    ~BatchInsert();
    BatchInsert(const BatchInsert&) = delete;
    BatchInsert& operator=(const BatchInsert&) = delete;

    // add: one row, its values in the order of the columns; writes a full batch when one is complete.
    void add(const std::vector<Value>& row);
    // finish: writes the rows still buffered (the destructor does not: a write error must reach the caller).
    void finish();
    std::size_t written() const { return written_; }

  private:
    std::string insert_text(std::size_t rows) const;
    void write(std::size_t rows);

    soci::session& sql_;
    std::string table_;
    std::vector<Column> columns_;
    std::size_t rows_per_statement_;
    std::vector<boost::optional<std::string>> values_;  // bound by reference: sized once, never reallocated
    std::size_t buffered_ = 0;
    std::size_t written_ = 0;
    std::unique_ptr<soci::statement> full_;  // the statement for a full batch, prepared on first use
};

}  // namespace mamori::services
