#include "mamori/store/catalog_repository.hpp"

#include <fmt/format.h>

namespace mamori::store {

Result<bool> catalog_revisions_exist(Database& db) {
    try {
        auto lease = db.acquire();
        long long count = 0;
        if (db.dialect() == Dialect::sqlite)
            *lease
                << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'catalog_revisions'",
                soci::into(count);
        else
            *lease << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'catalog_revisions'",
                soci::into(count);
        return count > 0;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot read the database: {}", e.what()),
                    "database");
    }
}

std::vector<StoredCatalogRevision> load_catalog_revisions(soci::session& sql) {
    std::vector<StoredCatalogRevision> out;
    StoredCatalogRevision row;
    soci::statement select =
        (sql.prepare
             << "SELECT edition_id, revision, content, sha256, imported_at, source FROM catalog_revisions "
                "ORDER BY seq",
         soci::into(row.edition_id), soci::into(row.revision), soci::into(row.content),
         soci::into(row.sha256), soci::into(row.imported_at), soci::into(row.source));
    select.execute();
    while (select.fetch()) out.push_back(row);
    return out;
}

std::size_t count_catalog_revisions(soci::session& sql) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM catalog_revisions", soci::into(count);
    return static_cast<std::size_t>(count);
}

void insert_catalog_revision(soci::session& sql, const StoredCatalogRevision& revision) {
    sql << "INSERT INTO catalog_revisions (edition_id, revision, content, sha256, imported_at, source) "
           "VALUES (:e, :r, :c, :s, :a, :o)",
        soci::use(revision.edition_id), soci::use(revision.revision), soci::use(revision.content),
        soci::use(revision.sha256), soci::use(revision.imported_at), soci::use(revision.source);
}

}  // namespace mamori::store
