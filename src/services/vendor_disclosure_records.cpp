#include "vendor_disclosure_records.hpp"

#include "identity_records.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::disclosure_records {

namespace {

constexpr const char* kSelect =
    "SELECT d.id, d.vendor_product_id, p.name, d.kind, d.version_label, d.issued_on, d.file_name, "
    "b.media_type, "
    "b.size, d.note, d.uploaded_at, uu.display_name, d.withdrawn_at, d.withdrawn_reason, wu.display_name, "
    "p.vendor_organisation_id, d.sha256 "
    "FROM vendor_disclosures d JOIN vendor_products p ON p.id = d.vendor_product_id "
    "JOIN evidence_blobs b ON b.sha256 = d.sha256 "
    "LEFT JOIN users uu ON uu.id = d.uploaded_by LEFT JOIN users wu ON wu.id = d.withdrawn_by ";

StoredDisclosure read(const soci::row& r) {
    StoredDisclosure s;
    auto& d = s.disclosure;
    d.id = store::int64_at(r, 0);
    d.product_id = store::int64_at(r, 1);
    d.product_name = r.get<std::string>(2);
    d.kind = r.get<std::string>(3);
    d.version_label = r.get<std::string>(4);
    d.issued_on = r.get<std::string>(5);
    d.file_name = r.get<std::string>(6);
    d.media_type = r.get<std::string>(7);
    d.size = store::int64_at(r, 8);
    d.note = r.get<std::string>(9);
    d.uploaded_at = r.get<std::string>(10);
    d.uploaded_by_name = store::optional_text_at(r, 11).value_or("");
    d.withdrawn_at = store::optional_text_at(r, 12);
    d.withdrawn_reason = store::optional_text_at(r, 13);
    d.withdrawn_by_name = store::optional_text_at(r, 14);
    s.vendor_id = store::int64_at(r, 15);
    s.sha256 = r.get<std::string>(16);
    return s;
}

template <typename... Args>
std::vector<StoredDisclosure> select(soci::session& sql, const std::string& where, Args... args) {
    std::vector<StoredDisclosure> out;
    for (const auto& row : store::query(sql, std::string(kSelect) + where, args...)) out.push_back(read(row));
    return out;
}

Product read_product(const soci::row& r) {
    return Product{store::int64_at(r, 0), store::int64_at(r, 1), r.get<std::string>(2), r.get<std::string>(3),
                   static_cast<int>(store::int64_at(r, 4))};
}

constexpr const char* kProducts =
    "SELECT p.id, p.vendor_organisation_id, p.name, p.note, "
    "(SELECT COUNT(*) FROM system_products sp WHERE sp.vendor_product_id = p.id) FROM vendor_products p ";

}  // namespace

std::optional<StoredDisclosure> find(soci::session& sql, std::int64_t id) {
    const long long key = id;
    auto found = select(sql, "WHERE d.id = :id", key);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<StoredDisclosure> of_vendor(soci::session& sql, std::int64_t vendor) {
    const long long v = vendor;
    return select(sql, "WHERE p.vendor_organisation_id = :v ORDER BY d.id DESC", v);
}

std::vector<StoredDisclosure> of_product(soci::session& sql, std::int64_t product) {
    const long long p = product;
    return select(sql, "WHERE d.vendor_product_id = :p ORDER BY d.id DESC", p);
}

std::vector<StoredDisclosure> of_institution(soci::session& sql, std::int64_t institution) {
    const long long o = institution;
    return select(sql,
                  "WHERE d.vendor_product_id IN (SELECT sp.vendor_product_id FROM system_products sp JOIN systems s "
                  "ON s.id = sp.system_id WHERE s.organisation_id = :o) ORDER BY d.id DESC",
                  o);
}

std::optional<Product> find_product(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& row : store::query(sql, std::string(kProducts) + "WHERE p.id = :id", key))
        return read_product(row);
    return std::nullopt;
}

std::vector<Product> products_of(soci::session& sql, std::int64_t vendor) {
    const long long v = vendor;
    std::vector<Product> out;
    for (const auto& row : store::query(
             sql, std::string(kProducts) + "WHERE p.vendor_organisation_id = :v ORDER BY p.name, p.id", v))
        out.push_back(read_product(row));
    return out;
}

std::int64_t insert(soci::session& sql, std::int64_t product, const DisclosureUpload& upload,
                    const std::string& file_name, const std::string& sha256, std::int64_t user) {
    const long long p = product, by = user;
    for (const auto& row : store::query(
             sql,
             "INSERT INTO vendor_disclosures (vendor_product_id, kind, version_label, issued_on, sha256, "
             "file_name, "
             "note, uploaded_by, uploaded_at) VALUES (:p, :k, :v, :i, :s, :f, :n, :b, :at) RETURNING id",
             p, upload.kind, upload.version_label, upload.issued_on, sha256, file_name, upload.note, by,
             records::iso_now()))
        return store::int64_at(row, 0);
    return 0;
}

void mark_withdrawn(soci::session& sql, std::int64_t id, const std::string& reason, std::int64_t user) {
    const long long key = id, by = user;
    store::execute(
        sql,
        "UPDATE vendor_disclosures SET withdrawn_at = :at, withdrawn_reason = :r, withdrawn_by = :b "
        "WHERE id = :id AND withdrawn_at IS NULL",
        records::iso_now(), reason, by, key);
}

std::vector<InstitutionSystem> institution_systems(soci::session& sql, std::int64_t institution) {
    const long long org = institution;
    std::vector<InstitutionSystem> out;
    for (const auto& r : store::query(
             sql,
             "SELECT s.id, s.name, s.kind, l.vendor_organisation_id, vo.name, s.vendor_name, vp.id, vp.name "
             "FROM systems s "
             "LEFT JOIN vendor_links l ON l.institution_organisation_id = s.organisation_id "
             "AND l.vendor_organisation_id = s.vendor_organisation_id AND l.ended_at IS NULL "
             "LEFT JOIN organisations vo ON vo.id = l.vendor_organisation_id "
             "LEFT JOIN system_products sp ON sp.system_id = s.id "
             "LEFT JOIN vendor_products vp ON vp.id = sp.vendor_product_id "
             "AND vp.vendor_organisation_id = l.vendor_organisation_id "
             "WHERE s.organisation_id = :o AND s.status = 'in_use' ORDER BY s.name, s.id",
             org)) {
        InstitutionSystem s;
        s.id = store::int64_at(r, 0);
        s.name = r.get<std::string>(1);
        s.kind = r.get<std::string>(2);
        s.vendor_id = store::optional_int64_at(r, 3);
        s.vendor_name = store::optional_text_at(r, 4).value_or(r.get<std::string>(5));
        s.product_id = store::optional_int64_at(r, 6);
        s.product_name = store::optional_text_at(r, 7).value_or("");
        out.push_back(std::move(s));
    }
    return out;
}

bool institution_may_read(soci::session& sql, std::int64_t institution, std::int64_t product) {
    const long long org = institution, p = product;
    for (const auto& row :
         store::query(sql,
                      "SELECT 1 FROM systems s JOIN system_products sp ON sp.system_id = s.id "
                      "JOIN vendor_products vp ON vp.id = sp.vendor_product_id "
                      "AND vp.vendor_organisation_id = s.vendor_organisation_id "
                      "JOIN vendor_links l ON l.institution_organisation_id = s.organisation_id "
                      "AND l.vendor_organisation_id = s.vendor_organisation_id AND l.ended_at IS NULL "
                      "WHERE s.organisation_id = :o AND s.status = 'in_use' AND vp.id = :p",
                      org, p)) {
        (void)row;
        return true;
    }
    return false;
}

}  // namespace mamori::services::disclosure_records
