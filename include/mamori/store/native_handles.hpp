/// @file
/// @brief The driver's own connection behind a SOCI session, for the few things SOCI cannot do: several
/// statements in one call, COPY, row-by-row reads of a large table, connection checks.
///
///     PGconn* conn = postgresql_handle(sql);       // the session must be a PostgreSQL one
#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace mamori::store {

// postgresql_handle: libpq's connection of a PostgreSQL session.
inline PGconn* postgresql_handle(soci::session& sql) {
    return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

// sqlite_handle: SQLite's connection of a SQLite session.
inline sqlite_api::sqlite3* sqlite_handle(soci::session& sql) {
    return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

}  // namespace mamori::store
