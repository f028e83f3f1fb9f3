#include "feed_import_writers.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "mamori/identity/tokens.hpp"

namespace mamori::services::feed_writers {

namespace {

using Json = nlohmann::json;

// in_list: ('a','b',…) of ids the parsers have checked; quotes doubled all the same.
template <class Range, class Key>
std::string in_list(const Range& items, Key key) {
    std::string out = "(";
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += ',';
        first = false;
        out += '\'';
        for (char c : std::string_view(key(item))) {
            if (c == '\'') out += '\'';
            out += c;
        }
        out += '\'';
    }
    return out + ")";
}

void note_newest(BatchOutcome& out, const std::string& value) {
    if (value > out.newest) out.newest = value;
}

Json score_json(const std::optional<double>& score) {
    return score ? Json(*score) : Json(nullptr);
}

// Bound: a value a prepared statement reads by reference at each execute (NULL when unset).
template <class T>
struct Bound {
    T value{};
    soci::indicator indicator = soci::i_null;
    void set(const std::optional<T>& v) {
        value = v.value_or(T{});
        indicator = v ? soci::i_ok : soci::i_null;
    }
};

}  // namespace

std::string kev_hash(const feeds::KevEntry& e) {
    const Json fields = Json::array({e.cve_id, e.vendor_project, e.product, e.vulnerability_name,
                                     e.date_added, e.due_date ? Json(*e.due_date) : Json(nullptr),
                                     e.ransomware_use, e.short_description, e.required_action, e.notes});
    return identity::sha256_hex(fields.dump());
}

std::string nvd_cve_hash(const feeds::NvdCve& c) {
    const Json fields =
        Json::array({c.cve_id, c.status, c.published, c.last_modified, c.description, c.cvss_version,
                     score_json(c.cvss_score), c.cvss_severity, c.cvss_vector, c.configurations});
    return identity::sha256_hex(fields.dump());
}

std::string cpe_hash(const feeds::CpeDictionaryEntry& e) {
    const Json fields =
        Json::array({e.cpe, e.cpe_name_id, e.title_en, e.title_ja, e.deprecated, e.last_modified});
    return identity::sha256_hex(fields.dump());
}

std::string jvn_hash(const feeds::JvnEntry& e) {
    const Json fields = Json::array({e.jvndb_id, e.title, e.summary, e.link, e.published, e.last_modified,
                                     score_json(e.cvss_score), e.cvss_severity, e.cve_ids});
    return identity::sha256_hex(fields.dump());
}

BatchOutcome write_kev(soci::session& sql, std::span<const feeds::KevEntry> entries, const std::string& now) {
    BatchOutcome out;
    if (entries.empty()) return out;
    std::map<std::string, std::string> stored;
    const std::string lookup = "SELECT cve_id, content_hash FROM kev_entries WHERE cve_id IN " +
                               in_list(entries, [](const auto& e) -> const std::string& { return e.cve_id; });
    soci::rowset<soci::row> rows = (sql.prepare << lookup);
    for (const auto& r : rows) stored[r.get<std::string>(0)] = r.get<std::string>(1);

    feeds::KevEntry v;
    std::string hash;
    Bound<std::string> due;
    soci::statement upsert =
        (sql.prepare
             << "INSERT INTO kev_entries (cve_id, vendor_project, product, vulnerability_name, date_added, "
                "due_date, ransomware_use, short_description, required_action, notes, content_hash, "
                "imported_at) VALUES (:id, :vp, :p, :vn, :da, :dd, :ru, :sd, :ra, :n, :h, :at) "
                "ON CONFLICT (cve_id) DO UPDATE SET vendor_project = excluded.vendor_project, "
                "product = excluded.product, vulnerability_name = excluded.vulnerability_name, "
                "date_added = excluded.date_added, due_date = excluded.due_date, "
                "ransomware_use = excluded.ransomware_use, short_description = excluded.short_description, "
                "required_action = excluded.required_action, notes = excluded.notes, "
                "content_hash = excluded.content_hash, imported_at = excluded.imported_at",
         soci::use(v.cve_id), soci::use(v.vendor_project), soci::use(v.product),
         soci::use(v.vulnerability_name), soci::use(v.date_added), soci::use(due.value, due.indicator),
         soci::use(v.ransomware_use), soci::use(v.short_description), soci::use(v.required_action),
         soci::use(v.notes), soci::use(hash), soci::use(now));
    for (const auto& e : entries) {
        const std::string h = kev_hash(e);
        const auto found = stored.find(e.cve_id);
        if (found != stored.end() && found->second == h) {
            ++out.unchanged;
            continue;
        }
        v = e;
        hash = h;
        due.set(e.due_date);
        upsert.execute(true);
        out.rows_changed += static_cast<std::size_t>(upsert.get_affected_rows());
        ++out.written;
        out.changed_cve_ids.push_back(e.cve_id);
    }
    return out;
}

BatchOutcome write_nvd_cves(soci::session& sql, std::span<const feeds::NvdCve> cves, const std::string& now) {
    BatchOutcome out;
    if (cves.empty()) return out;
    struct Stored {
        std::string hash, last_modified, status, configurations;
        std::optional<double> cvss_score;
    };
    std::map<std::string, Stored> stored;
    const std::string lookup =
        "SELECT cve_id, content_hash, last_modified, status, configurations, cvss_score FROM cves WHERE cve_id IN " +
        in_list(cves, [](const auto& c) -> const std::string& { return c.cve_id; });
    soci::rowset<soci::row> rows = (sql.prepare << lookup);
    for (const auto& r : rows)
        stored[r.get<std::string>(0)] = {
            r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3), r.get<std::string>(4),
            r.get_indicator(5) == soci::i_null ? std::nullopt : std::optional<double>(r.get<double>(5))};

    feeds::NvdCve v;
    std::string hash;
    Bound<double> score;
    soci::statement upsert =
        (sql.prepare
             << "INSERT INTO cves (cve_id, status, published, last_modified, description, cvss_version, "
                "cvss_score, cvss_severity, cvss_vector, configurations, content_hash, imported_at) "
                "VALUES (:id, :st, :pub, :lm, :d, :cv, :cs, :sev, :vec, :conf, :h, :at) "
                "ON CONFLICT (cve_id) DO UPDATE SET status = excluded.status, published = "
                "excluded.published, "
                "last_modified = excluded.last_modified, description = excluded.description, "
                "cvss_version = excluded.cvss_version, cvss_score = excluded.cvss_score, "
                "cvss_severity = excluded.cvss_severity, cvss_vector = excluded.cvss_vector, "
                "configurations = excluded.configurations, content_hash = excluded.content_hash, "
                "imported_at = excluded.imported_at",
         soci::use(v.cve_id), soci::use(v.status), soci::use(v.published), soci::use(v.last_modified),
         soci::use(v.description), soci::use(v.cvss_version), soci::use(score.value, score.indicator),
         soci::use(v.cvss_severity), soci::use(v.cvss_vector), soci::use(v.configurations), soci::use(hash),
         soci::use(now));
    std::string product_cve, part, vendor, product;
    soci::statement clear_products =
        (sql.prepare << "DELETE FROM cve_products WHERE cve_id = :id", soci::use(product_cve));
    soci::statement add_product =
        (sql.prepare << "INSERT INTO cve_products (cve_id, part, vendor, product) VALUES (:id, :pa, :v, :p)",
         soci::use(product_cve), soci::use(part), soci::use(vendor), soci::use(product));

    for (const auto& c : cves) {
        note_newest(out, c.last_modified);
        const auto found = stored.find(c.cve_id);
        if (found != stored.end() && c.last_modified <= found->second.last_modified) {
            if (nvd_cve_hash(c) == found->second.hash)
                ++out.unchanged;
            else
                ++out.skipped_older;
            continue;
        }
        const std::string h = nvd_cve_hash(c);
        if (found != stored.end() && found->second.hash == h) {
            ++out.unchanged;
            continue;
        }
        v = c;
        hash = h;
        score.set(c.cvss_score);
        upsert.execute(true);
        out.rows_changed += static_cast<std::size_t>(upsert.get_affected_rows());
        ++out.written;
        // A new score changes the findings' priority, so it is re-matched like new configurations.
        const bool matching_changed = found == stored.end() ||
                                      found->second.configurations != c.configurations ||
                                      found->second.cvss_score != c.cvss_score ||
                                      (found->second.status == "Rejected") != (c.status == "Rejected");
        if (!matching_changed) continue;
        out.changed_cve_ids.push_back(c.cve_id);
        product_cve = c.cve_id;
        if (found != stored.end()) {
            clear_products.execute(true);
            out.rows_changed += static_cast<std::size_t>(clear_products.get_affected_rows());
        }
        for (const auto& p : c.products) {
            part = p.part;
            vendor = p.vendor;
            product = p.product;
            add_product.execute(true);
            out.rows_changed += static_cast<std::size_t>(add_product.get_affected_rows());
        }
    }
    return out;
}

BatchOutcome write_cpe_dictionary(soci::session& sql, std::span<const feeds::CpeDictionaryEntry> entries) {
    BatchOutcome out;
    if (entries.empty()) return out;
    std::map<std::string, std::string> stored;
    const std::string lookup = "SELECT cpe, content_hash FROM cpe_dictionary WHERE cpe IN " +
                               in_list(entries, [](const auto& e) -> const std::string& { return e.cpe; });
    soci::rowset<soci::row> rows = (sql.prepare << lookup);
    for (const auto& r : rows) stored[r.get<std::string>(0)] = r.get<std::string>(1);

    feeds::CpeDictionaryEntry v;
    std::string hash;
    Bound<int> deprecated;
    soci::statement upsert =
        (sql.prepare
             << "INSERT INTO cpe_dictionary (cpe, cpe_name_id, part, vendor, product, version, title_en, "
                "title_ja, deprecated, last_modified, content_hash) VALUES (:c, :i, :pa, :v, :p, :ver, :te, "
                ":tj, :d, :lm, :h) ON CONFLICT (cpe) DO UPDATE SET cpe_name_id = excluded.cpe_name_id, "
                "title_en = excluded.title_en, title_ja = excluded.title_ja, deprecated = "
                "excluded.deprecated, "
                "last_modified = excluded.last_modified, content_hash = excluded.content_hash",
         soci::use(v.cpe), soci::use(v.cpe_name_id), soci::use(v.part), soci::use(v.vendor),
         soci::use(v.product), soci::use(v.version), soci::use(v.title_en), soci::use(v.title_ja),
         soci::use(deprecated.value, deprecated.indicator), soci::use(v.last_modified), soci::use(hash));
    for (const auto& e : entries) {
        note_newest(out, e.last_modified);
        const std::string h = cpe_hash(e);
        const auto found = stored.find(e.cpe);
        if (found != stored.end() && found->second == h) {
            ++out.unchanged;
            continue;
        }
        v = e;
        hash = h;
        deprecated.set(e.deprecated ? 1 : 0);
        upsert.execute(true);
        out.rows_changed += static_cast<std::size_t>(upsert.get_affected_rows());
        ++out.written;
    }
    return out;
}

BatchOutcome write_jvn(soci::session& sql, std::span<const feeds::JvnEntry> entries, const std::string& now) {
    BatchOutcome out;
    if (entries.empty()) return out;
    std::map<std::string, std::string> stored;
    std::map<std::string, std::vector<std::string>> stored_cves;
    const std::string ids = in_list(entries, [](const auto& e) -> const std::string& { return e.jvndb_id; });
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT jvndb_id, content_hash FROM jvn_entries WHERE jvndb_id IN " + ids);
    for (const auto& r : rows) stored[r.get<std::string>(0)] = r.get<std::string>(1);
    soci::rowset<soci::row> links =
        (sql.prepare << "SELECT jvndb_id, cve_id FROM jvn_cves WHERE jvndb_id IN " + ids);
    for (const auto& r : links) stored_cves[r.get<std::string>(0)].push_back(r.get<std::string>(1));

    feeds::JvnEntry v;
    std::string hash;
    Bound<double> score;
    soci::statement upsert =
        (sql.prepare
             << "INSERT INTO jvn_entries (jvndb_id, title, summary, link, published, last_modified, "
                "cvss_score, cvss_severity, content_hash, imported_at) VALUES (:id, :t, :s, :l, :p, :lm, "
                ":cs, :sev, :h, :at) ON CONFLICT (jvndb_id) DO UPDATE SET title = excluded.title, "
                "summary = excluded.summary, link = excluded.link, published = excluded.published, "
                "last_modified = excluded.last_modified, cvss_score = excluded.cvss_score, "
                "cvss_severity = excluded.cvss_severity, content_hash = excluded.content_hash, "
                "imported_at = excluded.imported_at",
         soci::use(v.jvndb_id), soci::use(v.title), soci::use(v.summary), soci::use(v.link),
         soci::use(v.published), soci::use(v.last_modified), soci::use(score.value, score.indicator),
         soci::use(v.cvss_severity), soci::use(hash), soci::use(now));
    std::string link_id, link_cve;
    soci::statement unlink = (sql.prepare << "DELETE FROM jvn_cves WHERE jvndb_id = :id", soci::use(link_id));
    soci::statement link = (sql.prepare << "INSERT INTO jvn_cves (jvndb_id, cve_id) VALUES (:id, :cve)",
                            soci::use(link_id), soci::use(link_cve));
    for (const auto& e : entries) {
        note_newest(out, e.last_modified);
        const std::string h = jvn_hash(e);
        const auto found = stored.find(e.jvndb_id);
        if (found != stored.end() && found->second == h) {
            ++out.unchanged;
            continue;
        }
        v = e;
        hash = h;
        score.set(e.cvss_score);
        upsert.execute(true);
        out.rows_changed += static_cast<std::size_t>(upsert.get_affected_rows());
        ++out.written;
        link_id = e.jvndb_id;
        std::set<std::string> before;
        if (const auto old = stored_cves.find(e.jvndb_id); old != stored_cves.end())
            before.insert(old->second.begin(), old->second.end());
        const std::set<std::string> after(e.cve_ids.begin(), e.cve_ids.end());
        if (before != after) {
            unlink.execute(true);
            out.rows_changed += static_cast<std::size_t>(unlink.get_affected_rows());
            for (const auto& cve : after) {
                link_cve = cve;
                link.execute(true);
                out.rows_changed += static_cast<std::size_t>(link.get_affected_rows());
            }
        }
        // The JVN text shown with a CVE changed for the old and the new CVEs alike.
        out.changed_cve_ids.insert(out.changed_cve_ids.end(), before.begin(), before.end());
        out.changed_cve_ids.insert(out.changed_cve_ids.end(), after.begin(), after.end());
    }
    return out;
}

}  // namespace mamori::services::feed_writers
