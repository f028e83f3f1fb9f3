#include "edition_draft_records.hpp"

#include <soci/boost-optional.h>

#include <boost/optional.hpp>

#include "mamori/store/row_values.hpp"

namespace mamori::services::edition_draft_records {

namespace {

constexpr std::string_view kSelect =
    "SELECT d.id, d.edition_id, d.fiscal_year, d.based_on_edition, d.based_on_revision, d.status, d.version, "
    "d.document, d.published_revision, d.created_at, c.display_name, d.updated_at, u.display_name "
    "FROM edition_drafts d LEFT JOIN users c ON c.id = d.created_by LEFT JOIN users u ON u.id = "
    "d.updated_by ";

EditionDraft read(const soci::row& r) {
    EditionDraft d;
    d.id = store::int64_at(r, 0);
    d.edition_id = r.get<std::string>(1);
    d.fiscal_year = static_cast<int>(store::int64_at(r, 2));
    d.based_on_edition = r.get<std::string>(3);
    d.based_on_revision = static_cast<int>(store::int64_at(r, 4));
    d.status = r.get<std::string>(5);
    d.version = static_cast<int>(store::int64_at(r, 6));
    d.document = r.get<std::string>(7);
    if (auto n = store::optional_int64_at(r, 8)) d.published_revision = static_cast<int>(*n);
    d.created_at = r.get<std::string>(9);
    d.created_by = store::optional_text_at(r, 10).value_or("");
    d.updated_at = r.get<std::string>(11);
    d.updated_by = store::optional_text_at(r, 12).value_or("");
    return d;
}

}  // namespace

std::optional<EditionDraft> find(soci::session& sql, std::int64_t id) {
    const long long key = id;
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kSelect) + "WHERE d.id = :id", soci::use(key));
    for (const auto& r : rows) return read(r);
    return std::nullopt;
}

std::vector<EditionDraft> all(soci::session& sql, std::size_t limit) {
    const long long n = static_cast<long long>(limit);
    std::vector<EditionDraft> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kSelect) + "ORDER BY d.id DESC LIMIT :n", soci::use(n));
    for (const auto& r : rows) out.push_back(read(r));
    return out;
}

std::optional<std::int64_t> insert(soci::session& sql, const EditionDraft& draft, std::int64_t user_id) {
    const long long user = user_id;
    long long id = 0;
    soci::indicator found = soci::i_null;
    // The partial unique index (one open draft per edition) decides, race-free, on both databases.
    sql << "INSERT INTO edition_drafts (edition_id, fiscal_year, based_on_edition, based_on_revision, "
           "status, "
           "version, document, created_by, created_at, updated_by, updated_at) VALUES (:e, :fy, :be, :br, "
           "'draft', 1, :doc, :u, :at, :u2, :at2) ON CONFLICT (edition_id) WHERE status = 'draft' DO NOTHING "
           "RETURNING id",
        soci::use(draft.edition_id), soci::use(draft.fiscal_year), soci::use(draft.based_on_edition),
        soci::use(draft.based_on_revision), soci::use(draft.document), soci::use(user),
        soci::use(draft.created_at), soci::use(user), soci::use(draft.created_at), soci::into(id, found);
    if (!sql.got_data() || found != soci::i_ok) return std::nullopt;
    sql << "INSERT INTO edition_draft_versions (draft_id, version, document, saved_by, saved_at) VALUES "
           "(:d, 1, :doc, :u, :at)",
        soci::use(id), soci::use(draft.document), soci::use(user), soci::use(draft.created_at);
    return id;
}

bool save_version(soci::session& sql, std::int64_t id, int version, const std::string& document,
                  int fiscal_year, std::int64_t user_id, const std::string& at) {
    const long long key = id;
    const long long user = user_id;
    soci::statement update =
        (sql.prepare
             << "UPDATE edition_drafts SET document = :doc, fiscal_year = :fy, version = version + 1, "
                "updated_by = :u, updated_at = :at WHERE id = :id AND version = :v AND status = 'draft'",
         soci::use(document), soci::use(fiscal_year), soci::use(user), soci::use(at), soci::use(key),
         soci::use(version));
    update.execute(true);
    if (update.get_affected_rows() != 1) return false;
    const int next = version + 1;
    sql << "INSERT INTO edition_draft_versions (draft_id, version, document, saved_by, saved_at) VALUES "
           "(:d, :v, :doc, :u, :at)",
        soci::use(key), soci::use(next), soci::use(document), soci::use(user), soci::use(at);
    return true;
}

bool set_status(soci::session& sql, std::int64_t id, int version, const std::string& status,
                std::optional<int> published_revision, std::int64_t user_id, const std::string& at) {
    const long long key = id;
    const long long user = user_id;
    const boost::optional<int> revision =
        published_revision ? boost::optional<int>(*published_revision) : boost::none;
    soci::statement update =
        (sql.prepare << "UPDATE edition_drafts SET status = :s, published_revision = :r, updated_by = :u, "
                        "updated_at = :at WHERE id = :id AND version = :v AND status = 'draft'",
         soci::use(status), soci::use(revision), soci::use(user), soci::use(at), soci::use(key),
         soci::use(version));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

}  // namespace mamori::services::edition_draft_records
