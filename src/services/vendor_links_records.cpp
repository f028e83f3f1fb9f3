#include "vendor_links_records.hpp"

#include <fmt/format.h>

#include <map>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "vendor_scope.hpp"

namespace mamori::services::vendor_link_records {

namespace {

std::optional<long long> optional_id(std::optional<std::int64_t> id) {
    return id && *id > 0 ? std::optional<long long>(*id) : std::nullopt;
}

StoredInvitation read_stored(const soci::row& r) {
    StoredInvitation s;
    s.id = store::int64_at(r, 0);
    s.institution_id = store::int64_at(r, 1);
    s.vendor_name = r.get<std::string>(2);
    s.expires_at = r.get<std::string>(3);
    s.used = store::optional_text_at(r, 4).has_value();
    s.revoked = store::optional_text_at(r, 5).has_value();
    return s;
}

constexpr const char* kStored =
    "SELECT id, institution_organisation_id, vendor_name, expires_at, used_at, revoked_at FROM "
    "vendor_invitations ";

// systems_by_owner: the systems `query` selects as (owner id, system id, name) for one organisation, by owner
// (an invitation or a vendor): one query for the whole list instead of one per owner.
std::map<std::int64_t, std::vector<NamedSystem>> systems_by_owner(soci::session& sql, const std::string& query,
                                                                  long long organisation) {
    std::map<std::int64_t, std::vector<NamedSystem>> out;
    for (const auto& r : store::query(sql, query, organisation))
        out[store::int64_at(r, 0)].push_back({store::int64_at(r, 1), r.get<std::string>(2)});
    return out;
}

}  // namespace

std::optional<StoredInvitation> invitation_by_code_hash(soci::session& sql, const std::string& hash) {
    for (const auto& r : store::query(sql, std::string(kStored) + "WHERE code_hash = :h", hash))
        return read_stored(r);
    return std::nullopt;
}

std::optional<StoredInvitation> invitation_by_id(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& r : store::query(sql, std::string(kStored) + "WHERE id = :id", key)) return read_stored(r);
    return std::nullopt;
}

std::vector<VendorInvitation> invitations_of(soci::session& sql, std::int64_t institution) {
    const long long org = institution;
    std::vector<VendorInvitation> out;
    for (const auto& r : store::query(
             sql,
             "SELECT i.id, i.vendor_name, i.corporate_number, i.contact_email, COALESCE(u.display_name, ''), "
             "i.created_at, i.expires_at, i.used_at, v.name, i.revoked_at FROM vendor_invitations i "
             "LEFT JOIN users u ON u.id = i.created_by LEFT JOIN organisations v ON v.id = "
             "i.vendor_organisation_id WHERE i.institution_organisation_id = :o ORDER BY i.created_at DESC, i.id "
             "DESC",
             org)) {
        VendorInvitation v;
        v.id = store::int64_at(r, 0);
        v.vendor_name = r.get<std::string>(1);
        v.corporate_number = store::optional_text_at(r, 2);
        v.contact_email = r.get<std::string>(3);
        v.created_by = r.get<std::string>(4);
        v.created_at = r.get<std::string>(5);
        v.expires_at = r.get<std::string>(6);
        v.used_at = store::optional_text_at(r, 7);
        v.used_by_vendor = store::optional_text_at(r, 8);
        v.revoked_at = store::optional_text_at(r, 9);
        out.push_back(std::move(v));
    }
    auto systems = systems_by_owner(sql,
                                    "SELECT x.invitation_id, s.id, s.name FROM vendor_invitation_systems x JOIN "
                                    "systems s ON s.id = x.system_id WHERE s.organisation_id = :o ORDER BY s.name, "
                                    "s.id",
                                    org);
    for (auto& v : out) v.systems = std::move(systems[v.id]);
    return out;
}

int pending_invitations(soci::session& sql, std::int64_t institution, const std::string& now) {
    const long long org = institution;
    for (const auto& r : store::query(sql,
                                      "SELECT COUNT(*) FROM vendor_invitations WHERE institution_organisation_id "
                                      "= :o AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :n",
                                      org, now))
        return static_cast<int>(store::int64_at(r, 0));
    return 0;
}

std::int64_t insert_invitation(soci::session& sql, std::int64_t institution, const VendorInvitationInput& input,
                               const std::string& code_hash, std::int64_t by, const std::string& now,
                               const std::string& expires_at) {
    const long long org = institution, user = by;
    long long id = 0;
    for (const auto& r : store::query(
             sql,
             "INSERT INTO vendor_invitations (institution_organisation_id, vendor_name, corporate_number, "
             "contact_email, code_hash, created_by, created_at, expires_at) VALUES (:o, :n, :c, :e, :h, :b, :at, "
             ":x) RETURNING id",
             org, input.vendor_name, input.corporate_number, input.contact_email, code_hash, user,
             now, expires_at))
        id = store::int64_at(r, 0);
    for (const auto system : input.system_ids) {
        const long long s = system;
        store::execute(sql, "INSERT INTO vendor_invitation_systems (invitation_id, system_id) VALUES (:i, :s)", id,
                       s);
    }
    return id;
}

bool take_invitation(soci::session& sql, std::int64_t id, std::optional<std::int64_t> by, std::int64_t vendor,
                     const std::string& now) {
    const long long key = id, v = vendor;
    return store::execute(sql,
                          "UPDATE vendor_invitations SET used_at = :n, used_by = :u, vendor_organisation_id = :v "
                          "WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now",
                          now, optional_id(by), v, key, now) == 1;
}

bool revoke_invitation(soci::session& sql, std::int64_t id, std::int64_t by, const std::string& now) {
    const long long key = id, user = by;
    return store::execute(sql,
                          "UPDATE vendor_invitations SET revoked_at = :n, revoked_by = :u WHERE id = :id AND "
                          "used_at IS NULL AND revoked_at IS NULL",
                          now, user, key) == 1;
}

std::vector<std::int64_t> invitation_system_ids(soci::session& sql, std::int64_t invitation) {
    const long long key = invitation;
    std::vector<std::int64_t> out;
    for (const auto& r : store::query(
             sql, "SELECT system_id FROM vendor_invitation_systems WHERE invitation_id = :i ORDER BY system_id", key))
        out.push_back(store::int64_at(r, 0));
    return out;
}

std::vector<vendors::KnownVendor> known_vendors(soci::session& sql) {
    std::vector<vendors::KnownVendor> out;
    for (const auto& r :
         store::query(sql, "SELECT id, name, corporate_number FROM organisations WHERE kind = 'vendor' ORDER BY id"))
        out.push_back({store::int64_at(r, 0), {r.get<std::string>(1), store::optional_text_at(r, 2)}});
    return out;
}

std::int64_t insert_vendor_organisation(soci::session& sql, const std::string& name,
                                        const std::optional<std::string>& corporate_number, const std::string& now) {
    long long id = 0;
    for (const auto& r : store::query(sql,
                                      "INSERT INTO organisations (kind, name, corporate_number, created_at) VALUES "
                                      "('vendor', :n, :c, :at) RETURNING id",
                                      name, corporate_number, now))
        id = store::int64_at(r, 0);
    return id;
}

std::vector<VendorOrganisation> vendor_organisations(soci::session& sql) {
    std::vector<VendorOrganisation> out;
    for (const auto& r : store::query(
             sql,
             "SELECT o.id, o.name, o.corporate_number, o.created_at, (SELECT COUNT(*) FROM vendor_links l WHERE "
             "l.vendor_organisation_id = o.id AND l.ended_at IS NULL), (SELECT COUNT(*) FROM users u WHERE "
             "u.organisation_id = o.id) FROM organisations o WHERE o.kind = 'vendor' ORDER BY o.name, o.id")) {
        VendorOrganisation v;
        v.id = store::int64_at(r, 0);
        v.name = r.get<std::string>(1);
        v.corporate_number = store::optional_text_at(r, 2);
        v.created_at = r.get<std::string>(3);
        v.customers = static_cast<int>(store::int64_at(r, 4));
        v.users = static_cast<int>(store::int64_at(r, 5));
        out.push_back(std::move(v));
    }
    return out;
}

LinkChange link(soci::session& sql, std::int64_t institution, std::int64_t vendor, const std::string& via,
                std::optional<std::int64_t> by, const std::string& now) {
    const long long i = institution, v = vendor;
    LinkChange change;
    bool exists = false;
    for (const auto& r : store::query(sql,
                                      "SELECT via, created_at, ended_at FROM vendor_links WHERE "
                                      "institution_organisation_id = :i AND vendor_organisation_id = :v",
                                      i, v)) {
        exists = true;
        const auto ended = store::optional_text_at(r, 2);
        if (!ended) {
            change.already_linked = true;
            return change;
        }
        change.previous = fmt::format("{} {} – {}", r.get<std::string>(0), r.get<std::string>(1), *ended);
    }
    if (exists)
        // An ended link is linked again: the ended one is kept in the audit entry (LinkChange::previous).
        store::execute(sql,
                       "UPDATE vendor_links SET via = :via, created_by = :b, created_at = :at, ended_by = NULL, "
                       "ended_at = NULL WHERE institution_organisation_id = :i AND vendor_organisation_id = :v",
                       via, optional_id(by), now, i, v);
    else
        store::execute(sql,
                       "INSERT INTO vendor_links (institution_organisation_id, vendor_organisation_id, via, "
                       "created_by, created_at) VALUES (:i, :v, :via, :b, :at)",
                       i, v, via, optional_id(by), now);
    return change;
}

bool link_ended(soci::session& sql, std::int64_t institution, std::int64_t vendor) {
    const long long i = institution, v = vendor;
    for (const auto& r : store::query(sql,
                                      "SELECT 1 FROM vendor_links WHERE institution_organisation_id = :i AND "
                                      "vendor_organisation_id = :v AND ended_at IS NOT NULL",
                                      i, v)) {
        (void)r;
        return true;
    }
    return false;
}

bool end_link(soci::session& sql, std::int64_t institution, std::int64_t vendor, std::int64_t by,
              const std::string& now) {
    const long long i = institution, v = vendor, user = by;
    return store::execute(sql,
                          "UPDATE vendor_links SET ended_by = :b, ended_at = :at WHERE institution_organisation_id "
                          "= :i AND vendor_organisation_id = :v AND ended_at IS NULL",
                          user, now, i, v) == 1;
}

std::vector<LinkedVendor> linked_vendors(soci::session& sql, std::int64_t institution) {
    const long long org = institution;
    std::vector<LinkedVendor> out;
    for (const auto& r : store::query(sql,
                                      "SELECT o.id, o.name, o.corporate_number, l.via, l.created_at FROM "
                                      "vendor_links l JOIN organisations o ON o.id = l.vendor_organisation_id "
                                      "WHERE l.institution_organisation_id = :i AND l.ended_at IS NULL ORDER BY "
                                      "o.name, o.id",
                                      org)) {
        LinkedVendor v;
        v.id = store::int64_at(r, 0);
        v.name = r.get<std::string>(1);
        v.corporate_number = store::optional_text_at(r, 2);
        v.via = r.get<std::string>(3);
        v.linked_at = r.get<std::string>(4);
        out.push_back(std::move(v));
    }
    auto systems = systems_by_owner(sql,
                                    "SELECT vendor_organisation_id, id, name FROM systems WHERE organisation_id = :o "
                                    "AND vendor_organisation_id IS NOT NULL AND status = 'in_use' ORDER BY name, id",
                                    org);
    for (auto& v : out) v.systems = std::move(systems[v.id]);
    return out;
}

std::vector<VendorCustomer> customers_of(soci::session& sql, std::int64_t vendor) {
    const long long v = vendor;
    std::vector<VendorCustomer> out;
    std::map<std::int64_t, std::size_t> index;
    for (const auto& r : store::query(sql,
                                      "SELECT o.id, o.name, l.created_at FROM vendor_links l JOIN organisations o "
                                      "ON o.id = l.institution_organisation_id WHERE l.vendor_organisation_id = :v "
                                      "AND l.ended_at IS NULL ORDER BY o.name, o.id",
                                      v)) {
        index[store::int64_at(r, 0)] = out.size();
        out.push_back({store::int64_at(r, 0), r.get<std::string>(1), r.get<std::string>(2), {}});
    }
    for (const auto& s : vendor_scope::systems_run_by(sql, vendor))
        if (auto at = index.find(s.institution_id); at != index.end() && s.status == "in_use")
            out[at->second].systems.push_back({s.system_id, s.name});
    return out;
}

std::optional<std::string> organisation_name(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& r : store::query(sql, "SELECT name FROM organisations WHERE id = :id", key))
        return r.get<std::string>(0);
    return std::nullopt;
}

}  // namespace mamori::services::vendor_link_records
