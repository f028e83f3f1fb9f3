#include "preparedness_records.hpp"

#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::preparedness_records {

namespace {

using nlohmann::json;
using preparedness::RecordKind;

constexpr std::string_view kColumns =
    "id, organisation_id, kind, body, status, version, created_at, updated_at";

std::optional<long long> user_key(std::optional<std::int64_t> user_id) {
    return user_id && *user_id > 0 ? std::optional<long long>(*user_id) : std::nullopt;
}

std::optional<long long> parent_key(std::optional<std::int64_t> parent) {
    return parent ? std::optional<long long>(*parent) : std::nullopt;
}

PreparednessRecord read(const soci::row& r) {
    PreparednessRecord out;
    out.id = store::int64_at(r, 0);
    out.organisation_id = store::int64_at(r, 1);
    out.kind = preparedness::parse_record_kind(r.get<std::string>(2)).value_or(RecordKind::contact);
    out.body = json::parse(r.get<std::string>(3), nullptr, false);
    if (!out.body.is_object()) out.body = json::object();
    out.status = r.get<std::string>(4);
    out.version = static_cast<int>(store::int64_at(r, 5));
    out.created_at = r.get<std::string>(6);
    out.updated_at = r.get<std::string>(7);
    return out;
}

void insert_version(soci::session& sql, std::int64_t record_id, int version, const std::string& action,
                    const json& body, std::optional<std::int64_t> user_id, const std::string& at) {
    const long long id = record_id, number = version;
    store::execute(sql,
                   "INSERT INTO preparedness_record_versions (record_id, version, action, body, user_id, at) "
                   "VALUES (:r, :v, :a, :b, :u, :at)",
                   id, number, action, body.dump(), user_key(user_id), at);
}

}  // namespace

std::optional<PreparednessRecord> find_record(soci::session& sql, std::int64_t id) {
    const long long key = id;
    for (const auto& r :
         store::query(sql, fmt::format("SELECT {} FROM preparedness_records WHERE id = :id", kColumns), key))
        return read(r);
    return std::nullopt;
}

std::vector<PreparednessRecord> records_of(soci::session& sql, std::int64_t organisation_id,
                                           std::optional<RecordKind> kind) {
    std::vector<PreparednessRecord> out;
    const long long org = organisation_id;
    if (kind) {
        const std::string word(preparedness::to_string(*kind));
        for (const auto& r :
             store::query(sql,
                          fmt::format("SELECT {} FROM preparedness_records WHERE organisation_id = "
                                      ":o AND kind = :k AND status = 'active' ORDER BY id",
                                      kColumns),
                          org, word))
            out.push_back(read(r));
    } else {
        for (const auto& r :
             store::query(sql,
                          fmt::format("SELECT {} FROM preparedness_records WHERE organisation_id = "
                                      ":o AND status = 'active' ORDER BY id",
                                      kColumns),
                          org))
            out.push_back(read(r));
    }
    return out;
}

std::vector<PreparednessRecord> shared_incidents(soci::session& sql, const std::string& prefecture_code) {
    std::vector<PreparednessRecord> out;
    for (const auto& r : store::query(
             sql,
             fmt::format("SELECT {} FROM preparedness_records WHERE organisation_id IN (SELECT id FROM "
                         "organisations WHERE prefecture_code = :p) AND kind = 'incident' AND "
                         "shared_with_jurisdiction = 1 AND status = 'active' ORDER BY id",
                         kColumns),
             prefecture_code))
        out.push_back(read(r));
    return out;
}

std::vector<PreparednessRecord> restore_tests_of(soci::session& sql, std::int64_t organisation_id,
                                                std::int64_t backup_id) {
    std::vector<PreparednessRecord> out;
    const long long org = organisation_id, backup = backup_id;
    for (const auto& r : store::query(sql,
                                      fmt::format("SELECT {} FROM preparedness_records WHERE organisation_id = :o "
                                                  "AND kind = 'restore_test' AND parent_id = :b AND status = "
                                                  "'active' ORDER BY id",
                                                  kColumns),
                                      org, backup))
        out.push_back(read(r));
    return out;
}

std::vector<PreparednessVersion> versions_of(soci::session& sql, std::int64_t record_id) {
    std::vector<PreparednessVersion> out;
    const long long id = record_id;
    for (const auto& r :
         store::query(sql,
                      "SELECT v.version, v.action, COALESCE(u.display_name, ''), v.at, v.body FROM "
                      "preparedness_record_versions v LEFT JOIN users u ON u.id = v.user_id WHERE "
                      "v.record_id = :r ORDER BY v.version DESC",
                      id)) {
        PreparednessVersion v;
        v.version = static_cast<int>(store::int64_at(r, 0));
        v.action = r.get<std::string>(1);
        v.by = r.get<std::string>(2);
        v.at = r.get<std::string>(3);
        v.body = json::parse(r.get<std::string>(4), nullptr, false);
        if (!v.body.is_object()) v.body = json::object();
        out.push_back(std::move(v));
    }
    return out;
}

std::int64_t insert_record(soci::session& sql, std::int64_t organisation_id, RecordKind kind,
                           std::optional<std::int64_t> parent_id, const json& body,
                           std::optional<std::int64_t> user_id) {
    const long long org = organisation_id;
    const std::string now = records::iso_now(), word(preparedness::to_string(kind));
    const long long shared =
        kind == RecordKind::incident && preparedness::reports_to_jurisdiction(body) ? 1 : 0;
    long long id = 0;
    for (const auto& row :
         store::query(sql,
                      "INSERT INTO preparedness_records (organisation_id, kind, parent_id, body, "
                      "status, shared_with_jurisdiction, version, created_by, created_at, "
                      "updated_by, updated_at) VALUES (:o, :k, :p, :b, 'active', :s, 1, :cb, "
                      ":ca, :ub, :ua) RETURNING id",
                      org, word, parent_key(parent_id), body.dump(), shared, user_key(user_id), now,
                      user_key(user_id), now))
        id = store::int64_at(row, 0);
    insert_version(sql, id, 1, "created", body, user_id, now);
    return id;
}

bool update_record(soci::session& sql, std::int64_t id, int version, std::optional<std::int64_t> parent_id,
                   const json& body, const std::string& status, const std::string& action,
                   std::optional<std::int64_t> user_id) {
    const long long key = id, previous = version, next = version + 1;
    const std::string now = records::iso_now();
    const long long shared = preparedness::reports_to_jurisdiction(body) ? 1 : 0;
    const auto updated = store::execute(
        sql,
        "UPDATE preparedness_records SET parent_id = :p, body = :b, status = :s, shared_with_jurisdiction = "
        ":sh, "
        "version = :v, updated_by = :ub, updated_at = :ua WHERE id = :id AND version = :previous",
        parent_key(parent_id), body.dump(), status, shared, next, user_key(user_id), now, key, previous);
    if (updated != 1) return false;
    insert_version(sql, id, version + 1, action, body, user_id, now);
    return true;
}

void lock_record(soci::session& sql, std::int64_t id, std::int64_t organisation_id) {
    const long long key = id, org = organisation_id;
    store::execute(sql, "UPDATE preparedness_records SET version = version WHERE id = :id AND organisation_id = :o",
                   key, org);
}

}  // namespace mamori::services::preparedness_records

namespace mamori::services::preparedness_records {

namespace {

BcpAnswer read_answer(const soci::row& r) {
    BcpAnswer out;
    out.row_code = r.get<std::string>(1);
    out.body = nlohmann::json::parse(r.get<std::string>(2), nullptr, false);
    if (!out.body.is_object()) out.body = nlohmann::json::object();
    out.version = static_cast<int>(store::int64_at(r, 3));
    out.updated_at = r.get<std::string>(4);
    out.updated_by = r.get<std::string>(5);
    return out;
}

constexpr std::string_view kAnswerColumns =
    "a.id, a.row_code, a.body, a.version, a.updated_at, COALESCE(u.display_name, '') FROM "
    "preparedness_bcp_answers a LEFT JOIN users u ON u.id = a.updated_by";

}  // namespace

std::vector<BcpAnswer> bcp_answers_of(soci::session& sql, std::int64_t organisation_id) {
    std::vector<BcpAnswer> out;
    const long long org = organisation_id;
    for (const auto& r : store::query(
             sql, fmt::format("SELECT {} WHERE a.organisation_id = :o ORDER BY a.row_code", kAnswerColumns),
             org))
        out.push_back(read_answer(r));
    return out;
}

std::optional<std::pair<std::int64_t, BcpAnswer>> find_bcp_answer(soci::session& sql,
                                                                  std::int64_t organisation_id,
                                                                  const std::string& row_code) {
    const long long org = organisation_id;
    for (const auto& r : store::query(
             sql, fmt::format("SELECT {} WHERE a.organisation_id = :o AND a.row_code = :c", kAnswerColumns),
             org, row_code))
        return std::pair(store::int64_at(r, 0), read_answer(r));
    return std::nullopt;
}

std::vector<PreparednessVersion> bcp_versions_of(soci::session& sql, std::int64_t answer_id) {
    std::vector<PreparednessVersion> out;
    const long long id = answer_id;
    for (const auto& r :
         store::query(sql,
                      "SELECT v.version, COALESCE(u.display_name, ''), v.at, v.body FROM "
                      "preparedness_bcp_answer_versions v LEFT JOIN users u ON u.id = v.user_id WHERE "
                      "v.answer_id = :r ORDER BY v.version DESC",
                      id)) {
        PreparednessVersion v;
        v.version = static_cast<int>(store::int64_at(r, 0));
        v.action = v.version == 1 ? "created" : "changed";
        v.by = r.get<std::string>(1);
        v.at = r.get<std::string>(2);
        v.body = nlohmann::json::parse(r.get<std::string>(3), nullptr, false);
        if (!v.body.is_object()) v.body = nlohmann::json::object();
        out.push_back(std::move(v));
    }
    return out;
}

bool put_bcp_answer(soci::session& sql, std::int64_t organisation_id, const std::string& row_code,
                    int version, const nlohmann::json& body, std::optional<std::int64_t> user_id) {
    const long long org = organisation_id;
    const std::string now = records::iso_now();
    long long id = 0;
    if (version == 0) {
        if (find_bcp_answer(sql, organisation_id, row_code)) return false;
        for (const auto& row :
             store::query(sql,
                          "INSERT INTO preparedness_bcp_answers (organisation_id, row_code, body, version, "
                          "created_by, created_at, updated_by, updated_at) VALUES (:o, :c, :b, 1, :cb, :ca, "
                          ":ub, :ua) RETURNING id",
                          org, row_code, body.dump(), user_key(user_id), now, user_key(user_id), now))
            id = store::int64_at(row, 0);
    } else {
        const auto found = find_bcp_answer(sql, organisation_id, row_code);
        if (!found) return false;
        id = found->first;
        const long long key = id, previous = version, next = version + 1;
        if (store::execute(sql,
                           "UPDATE preparedness_bcp_answers SET body = :b, version = :v, updated_by = :ub, "
                           "updated_at = :ua WHERE id = :id AND version = :previous",
                           body.dump(), next, user_key(user_id), now, key, previous) != 1)
            return false;
    }
    const long long key = id, number = version + 1;
    store::execute(sql,
                   "INSERT INTO preparedness_bcp_answer_versions (answer_id, version, body, user_id, at) "
                   "VALUES (:a, :v, :b, :u, :at)",
                   key, number, body.dump(), user_key(user_id), now);
    return true;
}

}  // namespace mamori::services::preparedness_records
