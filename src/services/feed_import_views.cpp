// Reading the feeds: their status and import history for the operator, and one CVE for everyone.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mamori/audit/caller_entry.hpp"
#include "mamori/feeds/feed_parsing.hpp"
#include "mamori/services/feed_import.hpp"
#include "mamori/store/prepared.hpp"

namespace mamori::services {

namespace {

using Json = nlohmann::json;

Json text_or_null(const soci::row& r, std::size_t i) {
    return r.get_indicator(i) == soci::i_null ? Json(nullptr) : Json(r.get<std::string>(i));
}

Json double_or_null(const soci::row& r, std::size_t i) {
    return r.get_indicator(i) == soci::i_null ? Json(nullptr) : Json(r.get<double>(i));
}

long long count_of(const soci::row& r, std::size_t i) {
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_integer: return r.get<int>(i);
        case soci::dt_long_long: return r.get<long long>(i);
        case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
        case soci::dt_double: return static_cast<long long>(r.get<double>(i));
        default: return std::stoll(r.get<std::string>(i));
    }
}

Json import_row(const soci::row& r) {
    return {{"id", count_of(r, 0)},
            {"feed", r.get<std::string>(1)},
            {"source_name", r.get<std::string>(2)},
            {"status", r.get<std::string>(3)},
            {"records_read", count_of(r, 4)},
            {"records_written", count_of(r, 5)},
            {"records_unchanged", count_of(r, 6)},
            {"watermark", r.get<std::string>(7)},
            {"error", r.get<std::string>(8)},
            {"user_login", text_or_null(r, 9)},
            {"started_at", r.get<std::string>(10)},
            {"finished_at", text_or_null(r, 11)}};
}

constexpr const char* kImportColumns =
    "SELECT f.id, f.feed, f.source_name, f.status, f.records_read, f.records_written, f.records_unchanged, "
    "f.watermark, f.error, u.login, f.started_at, f.finished_at FROM feed_imports f "
    "LEFT JOIN users u ON u.id = f.user_id ";

Status require_operator(const identity::Caller& caller) {
    if (!can_import_feeds(caller))
        return fail(ErrorCode::forbidden, "only the operator's administrators manage the vulnerability feeds");
    return {};
}

}  // namespace

bool can_import_feeds(const identity::Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::ministry && caller.has(identity::Role::administrator);
}

Result<FeedImportResult> upload_feed(store::Database& db, const identity::Caller& caller, Feed feed,
                                     const std::string& name, std::string bytes, const audit::Context& context) {
    if (auto allowed = require_operator(caller); !allowed) return fail(allowed.error());
    if (name.empty() || name.size() > 200 || name.find('/') != std::string::npos ||
        name.find('\\') != std::string::npos)
        return fail(ErrorCode::invalid_input, "the file name must be 1 to 200 bytes without a path", "file_name");
    if (bytes.empty()) return fail(ErrorCode::invalid_input, "the uploaded file is empty", "body");
    if (bytes.size() > kMaxFeedUploadBytes)
        return fail(ErrorCode::too_large, fmt::format("the file is larger than {} bytes", kMaxFeedUploadBytes), "body");
    FeedImportOptions options;
    options.user_id = caller.user_id;
    options.audit_as = audit::caller_entry(caller, "", "");
    options.file_limits.max_inflated_bytes = std::size_t{512} * 1024 * 1024;
    return import_feed_bytes(db, feed, name, std::move(bytes), options, context);
}

Result<Json> feed_status(store::Database& db, const identity::Caller& caller) {
    if (auto allowed = require_operator(caller); !allowed) return fail(allowed.error());
    auto lease = db.acquire();
    soci::session& sql = *lease;
    const std::pair<const char*, const char*> feeds[] = {
        {"kev", "SELECT COUNT(*) FROM kev_entries"},
        {"nvd_cve", "SELECT COUNT(*) FROM cves"},
        {"nvd_cpe", "SELECT COUNT(*) FROM cpe_dictionary"},
        {"jvn", "SELECT COUNT(*) FROM jvn_entries"},
    };
    Json out = Json::array();
    for (const auto& [name, count_query] : feeds) {
        long long records = 0;
        for (const soci::row& r : store::query(sql, count_query)) records = count_of(r, 0);
        Json feed = {{"feed", name}, {"records", records}, {"last_import", nullptr}, {"last_success", nullptr},
                     {"watermark", ""}};
        const std::string feed_name = name;
        for (const soci::row& r :
             store::query(sql, std::string(kImportColumns) + "WHERE f.feed = :f ORDER BY f.id DESC LIMIT 1", feed_name))
            feed["last_import"] = import_row(r);
        for (const soci::row& r : store::query(
                 sql, std::string(kImportColumns) + "WHERE f.feed = :f AND f.status = 'done' ORDER BY f.id DESC LIMIT 1",
                 feed_name))
            feed["last_success"] = import_row(r);
        for (const soci::row& r : store::query(
                 sql, "SELECT MAX(watermark) FROM feed_imports WHERE feed = :f AND status = 'done'", feed_name))
            if (r.get_indicator(0) != soci::i_null) feed["watermark"] = r.get<std::string>(0);
        if (std::string_view(name) == "nvd_cve") {
            long long products = 0, rejected = 0;
            for (const soci::row& r : store::query(sql, "SELECT COUNT(*) FROM cve_products")) products = count_of(r, 0);
            for (const soci::row& r : store::query(sql, "SELECT COUNT(*) FROM cves WHERE status = 'Rejected'"))
                rejected = count_of(r, 0);
            feed["products"] = products;
            feed["rejected"] = rejected;
        }
        if (std::string_view(name) == "jvn") {
            long long links = 0;
            for (const soci::row& r : store::query(sql, "SELECT COUNT(*) FROM jvn_cves")) links = count_of(r, 0);
            feed["cve_links"] = links;
        }
        out.push_back(std::move(feed));
    }
    return Json{{"feeds", std::move(out)}};
}

Result<Json> feed_import_history(store::Database& db, const identity::Caller& caller, int limit) {
    if (auto allowed = require_operator(caller); !allowed) return fail(allowed.error());
    if (limit < 1 || limit > 500) return fail(ErrorCode::invalid_input, "limit must be from 1 to 500", "limit");
    auto lease = db.acquire();
    Json items = Json::array();
    const long long n = limit;
    for (const soci::row& r : store::query(*lease, std::string(kImportColumns) + "ORDER BY f.id DESC LIMIT :n", n))
        items.push_back(import_row(r));
    return Json{{"imports", std::move(items)}};
}

Result<Json> cve_detail(store::Database& db, const identity::Caller&, std::string_view cve_id) {
    if (!feeds::is_cve_id(cve_id))
        return fail(ErrorCode::invalid_input, "not a CVE id (CVE-YYYY-NNNN)", "id");
    const std::string id(cve_id);
    return db.snapshot([&](soci::session& sql) -> Result<Json> {
        Json out = {{"cve_id", id}, {"nvd", nullptr}, {"products", Json::array()}, {"kev", nullptr},
                    {"jvn", Json::array()}};
        for (const soci::row& r : store::query(
                 sql,
                 "SELECT status, published, last_modified, description, cvss_version, cvss_score, cvss_severity, "
                 "cvss_vector, configurations, imported_at FROM cves WHERE cve_id = :id",
                 id)) {
            out["nvd"] = {{"status", r.get<std::string>(0)},
                          {"published", r.get<std::string>(1)},
                          {"last_modified", r.get<std::string>(2)},
                          {"description", r.get<std::string>(3)},
                          {"cvss_version", r.get<std::string>(4)},
                          {"cvss_score", double_or_null(r, 5)},
                          {"cvss_severity", r.get<std::string>(6)},
                          {"cvss_vector", r.get<std::string>(7)},
                          {"configurations", Json::parse(r.get<std::string>(8), nullptr, false)},
                          {"imported_at", r.get<std::string>(9)}};
        }
        for (const soci::row& r : store::query(
                 sql, "SELECT part, vendor, product FROM cve_products WHERE cve_id = :id ORDER BY vendor, product, part",
                 id))
            out["products"].push_back(
                {{"part", r.get<std::string>(0)}, {"vendor", r.get<std::string>(1)}, {"product", r.get<std::string>(2)}});
        for (const soci::row& r : store::query(
                 sql,
                 "SELECT vendor_project, product, vulnerability_name, date_added, due_date, ransomware_use, "
                 "short_description, required_action, notes FROM kev_entries WHERE cve_id = :id",
                 id))
            out["kev"] = {{"vendor_project", r.get<std::string>(0)},
                          {"product", r.get<std::string>(1)},
                          {"vulnerability_name", r.get<std::string>(2)},
                          {"date_added", r.get<std::string>(3)},
                          {"due_date", text_or_null(r, 4)},
                          {"ransomware_use", r.get<std::string>(5)},
                          {"short_description", r.get<std::string>(6)},
                          {"required_action", r.get<std::string>(7)},
                          {"notes", r.get<std::string>(8)}};
        for (const soci::row& r : store::query(
                 sql,
                 "SELECT e.jvndb_id, e.title, e.summary, e.link, e.published, e.last_modified, e.cvss_score, "
                 "e.cvss_severity FROM jvn_cves c JOIN jvn_entries e ON e.jvndb_id = c.jvndb_id "
                 "WHERE c.cve_id = :id ORDER BY e.jvndb_id",
                 id))
            out["jvn"].push_back({{"jvndb_id", r.get<std::string>(0)},
                                  {"title", r.get<std::string>(1)},
                                  {"summary", r.get<std::string>(2)},
                                  {"link", r.get<std::string>(3)},
                                  {"published", r.get<std::string>(4)},
                                  {"last_modified", r.get<std::string>(5)},
                                  {"cvss_score", double_or_null(r, 6)},
                                  {"cvss_severity", r.get<std::string>(7)}});
        if (out["nvd"].is_null() && out["kev"].is_null() && out["jvn"].empty())
            return fail(ErrorCode::not_found, fmt::format("no feed holds {}", id), "id");
        return out;
    });
}

}  // namespace mamori::services
