#include "asset_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "identity_records.hpp"
#include "mamori/core/log.hpp"
#include "mamori/services/exposure_matching.hpp"
#include "mamori/store/id_set.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::asset_records {

namespace {

using nlohmann::json;

std::optional<long long> optional_id(std::optional<std::int64_t> id) {
    return id && *id > 0 ? std::optional<long long>(*id) : std::nullopt;
}

}  // namespace

StoredAsset read_asset(const soci::row& r) {
    StoredAsset a;
    a.id = store::int64_at(r, 0);
    a.organisation_id = store::int64_at(r, 1);
    auto& v = a.record;
    v.asset_class = r.get<std::string>(2);
    v.name = r.get<std::string>(3);
    v.location = r.get<std::string>(4);
    v.department = r.get<std::string>(5);
    v.owner = r.get<std::string>(6);
    v.serial = r.get<std::string>(7);
    v.manufacturer = r.get<std::string>(8);
    v.model = r.get<std::string>(9);
    v.os_name = r.get<std::string>(10);
    v.os_version = r.get<std::string>(11);
    v.firmware_version = r.get<std::string>(12);
    v.system_id = store::optional_int64_at(r, 13);
    v.system_note = r.get<std::string>(14);
    v.vendor_managed = store::int64_at(r, 15) != 0;
    v.internet_facing = store::int64_at(r, 16) != 0;
    v.remote_maintenance = store::int64_at(r, 17) != 0;
    a.status = r.get<std::string>(18);
    a.source = r.get<std::string>(19);
    a.last_seen_at = store::optional_text_at(r, 20);
    v.note = r.get<std::string>(21);
    a.version = static_cast<int>(store::int64_at(r, 22));
    a.created_at = r.get<std::string>(23);
    a.updated_at = r.get<std::string>(24);
    return a;
}

namespace {

// each_row_for: runs `select`, whose "{}" stands for a condition on the id column `column`, for the ids
// `ids` and calls `each` with every row: one statement, prepared once per connection, for every
// store::kIdsPerSet ids.
template <typename Each>
void each_row_for(soci::session& sql, std::string_view select, std::string_view column,
                  const std::vector<std::int64_t>& ids, Each&& each) {
    const auto text = fmt::format(fmt::runtime(select), store::in_id_set(sql, column));
    store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql, text, store::id_set(sql, chunk))) each(r);
    });
}

}  // namespace

void read_children_of(soci::session& sql, std::span<StoredAsset* const> assets, bool software) {
    std::unordered_map<std::int64_t, StoredAsset*> by_id;
    std::vector<std::int64_t> ids;
    for (StoredAsset* a : assets)
        if (by_id.emplace(a->id, a).second) ids.push_back(a->id);
    if (ids.empty()) return;
    const auto owner = [&](const soci::row& r) -> ledger::AssetRecord& {
        return by_id.at(store::int64_at(r, 0))->record;
    };
    each_row_for(sql,
                 "SELECT asset_id, kind, value FROM asset_addresses WHERE {} ORDER BY asset_id, kind, value",
                 "asset_id", ids, [&](const soci::row& r) {
                     auto& record = owner(r);
                     (r.get<std::string>(1) == "ip" ? record.ip_addresses : record.mac_addresses)
                         .push_back(r.get<std::string>(2));
                 });
    each_row_for(sql, "SELECT asset_id, cpe, origin FROM asset_cpes WHERE {} ORDER BY asset_id, cpe",
                 "asset_id", ids, [&](const soci::row& r) {
                     owner(r).cpes.push_back({r.get<std::string>(1), r.get<std::string>(2)});
                 });
    if (!software) return;
    each_row_for(
        sql,
        "SELECT asset_id, name, version, publisher, kind, cpe, purl, port FROM asset_software "
        "WHERE {} ORDER BY asset_id, position",
        "asset_id", ids, [&](const soci::row& r) {
            owner(r).software.push_back({r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                                         r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6),
                                         r.get<std::string>(7)});
        });
}

void read_children_of(soci::session& sql, std::vector<StoredAsset>& assets, bool software) {
    std::vector<StoredAsset*> pointers;
    pointers.reserve(assets.size());
    for (auto& a : assets) pointers.push_back(&a);
    read_children_of(sql, pointers, software);
}

void read_children(soci::session& sql, StoredAsset& asset, bool software) {
    StoredAsset* const one[] = {&asset};
    read_children_of(sql, one, software);
}

namespace {

// write_children: the asset's addresses, CPE names and software as `record` has them (the rows before are
// replaced, unless the asset is `fresh` and has none; asset_versions keeps what they were).
void write_children(soci::session& sql, std::int64_t asset_id, const ledger::AssetRecord& record,
                    bool fresh) {
    const long long id = asset_id;
    if (!fresh) {
        store::execute(sql, "DELETE FROM asset_addresses WHERE asset_id = :a", id);
        store::execute(sql, "DELETE FROM asset_cpes WHERE asset_id = :a", id);
        store::execute(sql, "DELETE FROM asset_software WHERE asset_id = :a", id);
    }
    const auto addresses = [&](const std::vector<std::string>& values, const std::string& kind) {
        std::vector<std::string> unique = values;
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        for (const auto& value : unique)
            store::execute(sql, "INSERT INTO asset_addresses (asset_id, kind, value) VALUES (:a, :k, :v)", id,
                           kind, value);
    };
    addresses(record.ip_addresses, "ip");
    addresses(record.mac_addresses, "mac");
    for (const auto& c : record.cpes) {
        const auto key = split_cpe(c.cpe);
        if (!key) throw std::invalid_argument(fmt::format("not a CPE 2.3 formatted string: {}", c.cpe));
        store::execute(
            sql,
            "INSERT INTO asset_cpes (asset_id, cpe, part, vendor, product, origin) VALUES (:a, :c, :p, "
            ":v, :pr, :o)",
            id, c.cpe, key->part, key->vendor, key->product, c.origin);
    }
    long long position = 0;
    for (const auto& s : record.software)
        store::execute(
            sql,
            "INSERT INTO asset_software (asset_id, position, name, version, publisher, kind, cpe, purl, "
            "port) VALUES (:a, :p, :n, :v, :pu, :k, :c, :u, :po)",
            id, position++, s.name, s.version, s.publisher, s.kind, s.cpe, s.purl, s.port);
}

void insert_version(soci::session& sql, std::int64_t asset_id, int version, const std::string& action,
                    const json& snapshot, const std::vector<std::string>& changed,
                    std::optional<std::int64_t> user_id, std::optional<std::int64_t> import_id,
                    const std::string& at) {
    const long long id = asset_id, number = version;
    store::execute(
        sql,
        "INSERT INTO asset_versions (asset_id, version, action, snapshot, changed_fields, user_id, "
        "import_id, at) VALUES (:a, :v, :ac, :s, :c, :u, :i, :at)",
        id, number, action, snapshot.dump(), json(changed).dump(), optional_id(user_id),
        optional_id(import_id), at);
}

}  // namespace

std::optional<CpeKey> split_cpe(std::string_view formatted) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < formatted.size() && parts.size() <= 5; ++i) {
        const char c = formatted[i];
        if (c == '\\' && i + 1 < formatted.size()) {
            parts.back() += c;
            parts.back() += formatted[++i];
        } else if (c == ':') {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    if (parts.size() < 6 || parts[0] != "cpe" || parts[1] != "2.3") return std::nullopt;
    return CpeKey{parts[2], parts[3], parts[4]};
}

json snapshot_json(const ledger::AssetRecord& record, const std::string& status, const std::string& source,
                   const std::optional<std::string>& last_seen_at, const std::string& reason) {
    json out = ledger::record_json(record);
    out["status"] = status;
    out["source"] = source;
    out["last_seen_at"] = last_seen_at ? json(*last_seen_at) : json(nullptr);
    if (!reason.empty()) out["reason"] = reason;
    return out;
}

std::optional<StoredAsset> find_asset(soci::session& sql, std::int64_t id) {
    const long long key = id;
    std::optional<StoredAsset> out;
    for (const auto& r :
         store::query(sql, fmt::format("SELECT {} FROM assets a WHERE a.id = :id", kAssetColumns), key))
        out = read_asset(r);
    if (out) read_children(sql, *out, true);
    return out;
}

std::unordered_map<std::int64_t, AssetState> states_of(soci::session& sql,
                                                       const std::vector<std::int64_t>& ids) {
    std::vector<std::int64_t> keys = ids;
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::unordered_map<std::int64_t, AssetState> out;
    each_row_for(sql, "SELECT id, organisation_id, status, version FROM assets WHERE {}", "id", keys,
                 [&](const soci::row& r) {
                     out[store::int64_at(r, 0)] = {store::int64_at(r, 1), r.get<std::string>(2),
                                                   static_cast<int>(store::int64_at(r, 3))};
                 });
    return out;
}

std::vector<AssetVersion> versions_of(soci::session& sql, std::int64_t asset_id) {
    std::vector<AssetVersion> out;
    const long long id = asset_id;
    for (const auto& r :
         store::query(sql,
                      "SELECT v.version, v.action, v.changed_fields, v.user_id, "
                      "COALESCE(u.display_name, ''), v.import_id, v.at, v.snapshot FROM "
                      "asset_versions v LEFT JOIN users u ON u.id = v.user_id WHERE v.asset_id = "
                      ":a ORDER BY v.version DESC",
                      id)) {
        AssetVersion v;
        v.version = static_cast<int>(store::int64_at(r, 0));
        v.action = r.get<std::string>(1);
        const json changed = json::parse(r.get<std::string>(2), nullptr, false);
        if (changed.is_array())
            for (const auto& f : changed)
                if (f.is_string()) v.changed_fields.push_back(f.get<std::string>());
        v.user_id = store::optional_int64_at(r, 3);
        v.by = r.get<std::string>(4);
        v.import_id = store::optional_int64_at(r, 5);
        v.at = r.get<std::string>(6);
        const json snapshot = json::parse(r.get<std::string>(7), nullptr, false);
        if (snapshot.is_object()) {
            v.record = ledger::record_from_json(snapshot);
            v.status = snapshot.value("status", "");
            v.reason = snapshot.value("reason", "");
        }
        out.push_back(std::move(v));
    }
    return out;
}

std::int64_t insert_asset(soci::session& sql, std::int64_t organisation_id, const ledger::AssetRecord& r,
                          const std::string& source, std::optional<std::int64_t> user_id,
                          std::optional<std::int64_t> import_id, const std::optional<std::string>& seen_at) {
    const long long org = organisation_id;
    const auto user = optional_id(user_id);
    const std::string now = records::iso_now();
    const std::optional<long long> system =
        r.system_id ? std::optional<long long>(*r.system_id) : std::nullopt;
    long long id = 0;
    for (const auto& row : store::query(
             sql,
             "INSERT INTO assets (organisation_id, asset_class, name, location, department, owner, serial, "
             "manufacturer, model, os_name, os_version, firmware_version, system_id, system_note, "
             "vendor_managed, "
             "internet_facing, remote_maintenance, status, source, last_seen_at, note, version, created_by, "
             "created_at, updated_by, updated_at) VALUES (:o, :c, :n, :l, :d, :ow, :s, :m, :mo, :on, :ov, "
             ":fv, "
             ":si, :sn, :vm, :if, :rm, 'in_use', :src, :seen, :note, 1, :cb, :ca, :ub, :ua) RETURNING id",
             org, r.asset_class, r.name, r.location, r.department, r.owner, r.serial, r.manufacturer, r.model,
             r.os_name, r.os_version, r.firmware_version, system, r.system_note, r.vendor_managed,
             r.internet_facing, r.remote_maintenance, source, seen_at, r.note, user, now, user, now))
        id = store::int64_at(row, 0);
    write_children(sql, id, r, true);
    insert_version(sql, id, 1, "created", snapshot_json(r, "in_use", source, seen_at), {}, user_id, import_id,
                   now);
    return id;
}

bool update_asset(soci::session& sql, std::int64_t id, int expected_version, const ledger::AssetRecord& r,
                  const std::string& action, const std::vector<std::string>& changed,
                  std::optional<std::int64_t> user_id, std::optional<std::int64_t> import_id,
                  const std::optional<std::string>& seen_at, const std::string& reason) {
    const long long key = id, previous = expected_version, next = expected_version + 1;
    const auto user = optional_id(user_id);
    const std::string now = records::iso_now();
    const std::optional<long long> system =
        r.system_id ? std::optional<long long>(*r.system_id) : std::nullopt;
    bool updated = false;
    std::string status, source;
    std::optional<std::string> last_seen;
    for (const auto& row : store::query(
             sql,
             "UPDATE assets SET asset_class = :c, name = :n, location = :l, department = :d, owner = :ow, "
             "serial = :s, manufacturer = :m, model = :mo, os_name = :on, os_version = :ov, firmware_version = "
             ":fv, system_id = :si, system_note = :sn, vendor_managed = :vm, internet_facing = :if, "
             "remote_maintenance = :rm, status = CASE :ac WHEN 'retired' THEN 'retired' WHEN 'restored' THEN "
             "'in_use' ELSE status END, last_seen_at = COALESCE(:seen, last_seen_at), note = :note, version = "
             ":v, updated_by = :ub, updated_at = :ua WHERE id = :id AND version = :previous RETURNING status, "
             "source, last_seen_at",
             r.asset_class, r.name, r.location, r.department, r.owner, r.serial, r.manufacturer, r.model,
             r.os_name, r.os_version, r.firmware_version, system, r.system_note, r.vendor_managed,
             r.internet_facing, r.remote_maintenance, action, seen_at, r.note, next, user, now, key, previous)) {
        updated = true;
        status = row.get<std::string>(0);
        source = row.get<std::string>(1);
        last_seen = store::optional_text_at(row, 2);
    }
    if (!updated) return false;
    write_children(sql, id, r, false);
    insert_version(sql, id, expected_version + 1, action, snapshot_json(r, status, source, last_seen, reason),
                   changed, user_id, import_id, now);
    return true;
}

bool touch_seen(soci::session& sql, std::int64_t id, const std::string& seen_at) {
    const long long key = id;
    return store::execute(
               sql,
               "UPDATE assets SET last_seen_at = :seen WHERE id = :id AND (last_seen_at IS NULL OR "
               "last_seen_at < :later)",
               seen_at, key, seen_at) == 1;
}

bool exposure_changed(const std::vector<std::string>& changed) {
    static const std::string_view relevant[] = {"cpes", "internet_facing", "remote_maintenance",
                                                "asset_class", "status"};
    return std::any_of(changed.begin(), changed.end(), [](const std::string& f) {
        return std::find(std::begin(relevant), std::end(relevant), f) != std::end(relevant);
    });
}

void after_assets_changed(const store::Database& db, soci::session& sql, const std::vector<std::int64_t>& ids) {
    if (!rematch_assets_in(db, sql, ids))
        log_event(spdlog::level::warn, "asset findings left for the next match: the feed index was being loaded",
                  {{"assets", ids.size()}});
}

}  // namespace mamori::services::asset_records
