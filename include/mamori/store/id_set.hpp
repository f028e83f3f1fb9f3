/// @file
/// @brief A set of row ids bound as ONE parameter, so a query over "these rows" keeps one text whatever their
/// number and is prepared once per connection like any other (prepared.hpp), instead of a query per row or a
/// text per list. PostgreSQL reads the parameter as an array ("{1,2,3}"), SQLite through json_each
/// ("[1,2,3]").
///
///     const auto text = fmt::format("SELECT id, name FROM assets WHERE {}", store::in_id_set(sql, "id"));
///     store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
///         for (const soci::row& r : store::query(sql, text, store::id_set(sql, chunk))) ...;
///     });
#pragma once

#include <soci/soci.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace mamori::store {

// kIdsPerSet: at most this many ids go into one parameter (each_id_chunk), to keep each statement's work and
// its parameter small.
inline constexpr std::size_t kIdsPerSet = 500;

// in_id_set: the condition "`column` is one of the ids of the parameter :ids", in the dialect of `sql`.
std::string in_id_set(soci::session& sql, std::string_view column);

// id_set: `ids` as the value of that parameter.
std::string id_set(soci::session& sql, std::span<const std::int64_t> ids);

// each_id_chunk: calls `each` with the ids kIdsPerSet at a time, in order (not at all when there are none).
template <typename Each>
void each_id_chunk(std::span<const std::int64_t> ids, Each&& each) {
    for (std::size_t at = 0; at < ids.size(); at += kIdsPerSet)
        each(ids.subspan(at, std::min(kIdsPerSet, ids.size() - at)));
}

}  // namespace mamori::store
