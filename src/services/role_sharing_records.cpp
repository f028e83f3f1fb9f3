#include "role_sharing_records.hpp"

#include "identity_records.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::role_sharing_records {

using nlohmann::json;
using vendors::check_from_json;
using vendors::check_json;

namespace {

constexpr const char* kChecks =
    "SELECT c.row_id, c.first_answer, c.first_checked_on, c.completed_on, c.note, c.version, c.updated_side, "
    "COALESCE(u.display_name, ''), c.updated_at, c.system_id FROM role_sharing_checks c LEFT JOIN users u ON u.id = "
    "c.updated_by ";

StoredCheck read_check(const soci::row& r) {
    StoredCheck c;
    if (auto answer = store::optional_text_at(r, 1)) c.check.first_answer = vendors::parse_first_answer(*answer);
    c.check.first_checked_on = store::optional_text_at(r, 2);
    c.check.completed_on = store::optional_text_at(r, 3);
    c.check.note = r.get<std::string>(4);
    c.version = static_cast<int>(store::int64_at(r, 5));
    c.side = r.get<std::string>(6);
    c.by = r.get<std::string>(7);
    c.at = r.get<std::string>(8);
    return c;
}

}  // namespace

std::map<std::string, StoredCheck> checks_of(soci::session& sql, std::int64_t system_id, std::int64_t vendor_id) {
    const long long s = system_id, v = vendor_id;
    std::map<std::string, StoredCheck> out;
    for (const auto& r : store::query(
             sql, std::string(kChecks) + "WHERE c.system_id = :s AND c.vendor_organisation_id = :v", s, v))
        out.emplace(r.get<std::string>(0), read_check(r));
    return out;
}

std::map<std::int64_t, std::map<std::string, StoredCheck>> checks_of_vendor(soci::session& sql,
                                                                            std::int64_t vendor_id) {
    const long long v = vendor_id;
    std::map<std::int64_t, std::map<std::string, StoredCheck>> out;
    for (const auto& r : store::query(sql, std::string(kChecks) + "WHERE c.vendor_organisation_id = :v", v))
        out[store::int64_at(r, 9)].emplace(r.get<std::string>(0), read_check(r));
    return out;
}

std::map<std::string, std::vector<RoleSharingChange>> changes_of(soci::session& sql, std::int64_t system_id,
                                                                std::int64_t vendor_id) {
    const long long s = system_id, v = vendor_id;
    std::map<std::string, std::vector<RoleSharingChange>> out;
    for (const auto& r : store::query(
             sql,
             "SELECT c.row_id, c.version, c.side, COALESCE(u.display_name, ''), o.name, c.at, c.before_values, "
             "c.after_values FROM role_sharing_changes c LEFT JOIN users u ON u.id = c.user_id JOIN "
             "organisations o ON o.id = c.organisation_id WHERE c.system_id = :s AND c.vendor_organisation_id = :v "
             "ORDER BY c.row_id, c.version DESC",
             s, v)) {
        RoleSharingChange c;
        c.version = static_cast<int>(store::int64_at(r, 1));
        c.side = r.get<std::string>(2);
        c.by = r.get<std::string>(3);
        c.organisation_name = r.get<std::string>(4);
        c.at = r.get<std::string>(5);
        c.before = check_from_json(json::parse(r.get<std::string>(6), nullptr, false));
        c.after = check_from_json(json::parse(r.get<std::string>(7), nullptr, false));
        out[r.get<std::string>(0)].push_back(std::move(c));
    }
    return out;
}

bool write_check(soci::session& sql, std::int64_t system_id, std::int64_t vendor_id, const std::string& row_id,
                 int version, const vendors::RowCheck& before, const vendors::RowCheck& after,
                 const Writer& writer) {
    const long long s = system_id, v = vendor_id, previous = version, next = version + 1;
    const std::optional<long long> user =
        writer.user_id && *writer.user_id > 0 ? std::optional<long long>(*writer.user_id) : std::nullopt;
    const std::optional<std::string> answer =
        after.first_answer ? std::optional<std::string>(vendors::to_string(*after.first_answer)) : std::nullopt;
    const std::string now = records::iso_now();
    if (version == 0) {
        bool exists = false;
        for (const auto& r : store::query(sql,
                                          "SELECT 1 FROM role_sharing_checks WHERE system_id = :s AND "
                                          "vendor_organisation_id = :v AND row_id = :r",
                                          s, v, row_id)) {
            (void)r;
            exists = true;
        }
        if (exists) return false;
        store::execute(sql,
                       "INSERT INTO role_sharing_checks (system_id, vendor_organisation_id, row_id, first_answer, "
                       "first_checked_on, completed_on, note, version, updated_by, updated_side, updated_at) "
                       "VALUES (:s, :v, :r, :a, :f, :c, :n, 1, :u, :side, :at)",
                       s, v, row_id, answer, after.first_checked_on, after.completed_on, after.note, user,
                       writer.side, now);
    } else {
        const long long changed = store::execute(
            sql,
            "UPDATE role_sharing_checks SET first_answer = :a, first_checked_on = :f, completed_on = :c, "
            "note = :n, version = :next, updated_by = :u, updated_side = :side, updated_at = :at WHERE "
            "system_id = :s AND vendor_organisation_id = :v AND row_id = :r AND version = :previous",
            answer, after.first_checked_on, after.completed_on, after.note, next, user, writer.side, now, s, v,
            row_id, previous);
        if (changed != 1) return false;
    }
    const long long org = writer.organisation_id;
    store::execute(sql,
                   "INSERT INTO role_sharing_changes (system_id, vendor_organisation_id, row_id, version, side, "
                   "user_id, organisation_id, before_values, after_values, at) VALUES (:s, :v, :r, :version, "
                   ":side, :u, :o, :b, :a, :at)",
                   s, v, row_id, next, writer.side, user, org, check_json(before).dump(), check_json(after).dump(),
                   now);
    return true;
}

std::string organisation_name(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& r : store::query(sql, "SELECT name FROM organisations WHERE id = :id", key))
        return r.get<std::string>(0);
    return {};
}

}  // namespace mamori::services::role_sharing_records
