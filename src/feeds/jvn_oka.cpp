// MyJVN OKA (API 4.0) JSON: the overview feed (feed.entry[]) and the CSAF detail (document + vulnerabilities),
// and what both JVN formats share.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "mamori/core/json_limits.hpp"
#include "mamori/feeds/jvn.hpp"

namespace mamori::feeds {

namespace {

using Json = nlohmann::json;

std::string string_of(const Json& object, const char* name) {
    if (!object.is_object()) return {};
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

// take_metrics: metrics[].content.cvss_v4 / cvss_v3 / cvss_v2, the newest given.
void take_metrics(const Json& holder, JvnEntry& e) {
    const auto metrics = holder.find("metrics");
    if (metrics == holder.end() || !metrics->is_array()) return;
    for (const char* key : {"cvss_v4", "cvss_v3", "cvss_v2"}) {
        for (const auto& m : *metrics) {
            if (!m.is_object() || !m.contains("content") || !m["content"].is_object()) continue;
            const auto it = m["content"].find(key);
            if (it == m["content"].end() || !it->is_object()) continue;
            const auto score = it->find("baseScore");
            if (score == it->end() || !score->is_number()) continue;
            const double value = score->get<double>();
            if (value < 0 || value > 10) continue;
            e.cvss_score = value;
            e.cvss_severity = string_of(*it, "baseSeverity").substr(0, 16);
            return;
        }
    }
}

Result<JvnPage> parse_overview(const Json& feed, std::string_view source, const FeedLimits& limits) {
    JvnPage page;
    page.format = "oka_overview";
    const auto entries = feed.find("entry");
    if (entries == feed.end() || !entries->is_array()) return feed_error(source, "$.feed.entry", "must be an array");
    if (entries->size() > limits.max_records)
        return feed_error(source, "$.feed.entry", fmt::format("holds more than {} entries", limits.max_records));
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const auto path = fmt::format("$.feed.entry[{}]", i);
        const Json& item = (*entries)[i];
        if (!item.is_object()) return feed_error(source, path, "must be an object");
        JvnEntry e;
        e.jvndb_id = string_of(item, "id");
        e.title = string_of(item, "title");
        e.summary = string_of(item, "summary");
        e.link = string_of(item, "link");
        e.published = string_of(item, "created");
        e.last_modified = string_of(item, "modified");
        if (const auto refs = item.find("references"); refs != item.end() && refs->is_array())
            for (const auto& r : *refs) {
                const auto src = string_of(r, "source");
                const auto id = string_of(r, "summary");
                if ((src == "CVE" || src == "NVD") && is_cve_id(id)) e.cve_ids.push_back(id);
            }
        if (const auto products = item.find("products"); products != item.end() && products->is_array())
            for (const auto& p : *products)
                if (p.is_object() && p.contains("product_ids"))
                    if (auto cpe = string_of(p["product_ids"], "cpe"); !cpe.empty()) e.cpes.push_back(cpe);
        take_metrics(item, e);
        if (auto done = finish_jvn_entry(e, source, path, limits); !done) return fail(done.error());
        page.entries.push_back(std::move(e));
    }
    page.total_results = page.results_returned = page.entries.size();
    return page;
}

Result<JvnPage> parse_csaf(const Json& doc, std::string_view source, const FeedLimits& limits) {
    JvnPage page;
    page.format = "oka_detail";
    const Json& document = doc["document"];
    if (!document.is_object()) return feed_error(source, "$.document", "must be an object");
    const Json tracking = document.value("tracking", Json::object());
    JvnEntry e;
    e.jvndb_id = string_of(tracking, "id");
    e.title = string_of(document, "title");
    e.published = string_of(tracking, "initial_release_date");
    e.last_modified = string_of(tracking, "current_release_date");
    if (const auto notes = document.find("notes"); notes != document.end() && notes->is_array())
        for (const auto& n : *notes)
            if (string_of(n, "category") == "description") {
                e.summary = string_of(n, "text");
                break;
            }
    if (const auto vulns = doc.find("vulnerabilities"); vulns != doc.end() && vulns->is_array()) {
        if (vulns->size() > 10'000) return feed_error(source, "$.vulnerabilities", "holds more than 10000 items");
        for (const auto& v : *vulns) {
            const auto cve = string_of(v, "cve");
            if (is_cve_id(cve)) e.cve_ids.push_back(cve);
            if (v.is_object() && !e.cvss_score) take_metrics(v, e);
        }
    }
    if (is_jvndb_id(e.jvndb_id))
        e.link = fmt::format("https://jvndb.jvn.jp/ja/contents/{}/{}.html", e.jvndb_id.substr(6, 4), e.jvndb_id);
    if (auto done = finish_jvn_entry(e, source, "$.document.tracking", limits); !done) return fail(done.error());
    page.entries.push_back(std::move(e));
    page.total_results = page.results_returned = 1;
    return page;
}

}  // namespace

bool is_jvndb_id(std::string_view text) {
    if (text.size() < 17 || text.size() > 24 || text.substr(0, 6) != "JVNDB-" || text[10] != '-') return false;
    for (std::size_t i = 6; i < text.size(); ++i)
        if (i != 10 && (text[i] < '0' || text[i] > '9')) return false;
    return true;
}

Result<void> finish_jvn_entry(JvnEntry& e, std::string_view source, const std::string& where,
                              const FeedLimits& limits) {
    if (!is_jvndb_id(e.jvndb_id))
        return feed_error(source, where + " identifier", fmt::format("'{}' is not a JVNDB id", e.jvndb_id.substr(0, 40)));
    if (e.title.empty()) return feed_error(source, where + " title", "is missing");
    for (const auto* text : {&e.title, &e.summary, &e.link})
        if (text->size() > limits.max_string_bytes)
            return feed_error(source, where, fmt::format("a text is longer than {} bytes", limits.max_string_bytes));
    if (e.published.size() > 40 || e.last_modified.size() > 40)
        return feed_error(source, where + " date", "is not a timestamp");
    if (e.cve_ids.size() > 10'000 || e.cpes.size() > 10'000)
        return feed_error(source, where, "names more than 10000 CVEs or CPEs");
    std::sort(e.cve_ids.begin(), e.cve_ids.end());
    e.cve_ids.erase(std::unique(e.cve_ids.begin(), e.cve_ids.end()), e.cve_ids.end());
    return {};
}

Result<JvnPage> parse_jvn_oka(std::string_view json, std::string_view source, const FeedLimits& limits) {
    auto doc = parse_limited_json(json, limits.max_json_depth, source);
    if (!doc) return fail(doc.error());
    if (!doc->is_object()) return feed_error(source, "$", "a MyJVN OKA response must be a JSON object");
    if (const auto feed = doc->find("feed"); feed != doc->end() && feed->is_object())
        return parse_overview(*feed, source, limits);
    if (doc->contains("document")) return parse_csaf(*doc, source, limits);
    return feed_error(source, "$", "is neither a MyJVN OKA feed (feed.entry) nor a CSAF detail (document)");
}

Result<JvnPage> parse_jvn(std::string_view text, std::string_view source, const FeedLimits& limits) {
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && text[i] == '{') return parse_jvn_oka(text, source, limits);
    return parse_jvn_hnd(text.substr(i), source, limits);
}

}  // namespace mamori::feeds
