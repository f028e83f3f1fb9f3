/// @file
/// @brief Reading columns of a dynamic `soci::row` the same way on every backend. SQLite reports INTEGER
/// columns as `int` or `long long` depending on the declared type, and PostgreSQL as its own types;
/// `row.get<long long>` then throws std::bad_cast; computed SQLite columns even arrive as text. These helpers
/// convert whatever integer representation arrives.
///
///     std::int64_t id = int64_at(row, 0);
///     std::optional<std::string> note = optional_text_at(row, 3);
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace mamori::store {

// int64_at: an integer column (throws std::bad_cast for non-integer columns, as SOCI does).
std::int64_t int64_at(const soci::row& row, std::size_t column);

// optional_int64_at: an integer column that may be NULL.
std::optional<std::int64_t> optional_int64_at(const soci::row& row, std::size_t column);

// optional_text_at: a text column that may be NULL.
std::optional<std::string> optional_text_at(const soci::row& row, std::size_t column);

}  // namespace mamori::store
