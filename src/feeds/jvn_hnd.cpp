// MyJVN HND (API 3.x) XML: getVulnOverviewList (RSS 1.0/RDF items) and getVulnDetailInfo (VULDEF Vulinfo).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "documents/xml_cursor.hpp"
#include "mamori/core/ascii.hpp"
#include "mamori/feeds/jvn.hpp"

namespace mamori::feeds {

namespace {

using documents::XmlCursor;

std::optional<double> to_score(std::string_view text) {
    const auto t = trimmed(text);
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size() || value < 0 || value > 10) return std::nullopt;
    return value;
}

std::size_t to_count(std::optional<std::string_view> text) {
    if (!text) return 0;
    std::size_t value = 0;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
}

// CvssChoice: keeps the highest CVSS version seen in an entry.
struct CvssChoice {
    double version = -1;
    void offer(JvnEntry& e, std::string_view version_text, std::optional<double> score,
               const std::string& severity) {
        double v = 0;
        const auto t = trimmed(version_text);
        std::from_chars(t.data(), t.data() + t.size(), v);
        if (!score || v <= version) return;
        version = v;
        e.cvss_score = score;
        e.cvss_severity = severity.substr(0, 16);
    }
};

std::string jvndb_link(const std::string& id) {
    // JVNDB-2021-002774 → https://jvndb.jvn.jp/ja/contents/2021/JVNDB-2021-002774.html
    return fmt::format("https://jvndb.jvn.jp/ja/contents/{}/{}.html", id.substr(6, 4), id);
}

}  // namespace

Result<JvnPage> parse_jvn_hnd(std::string_view xml, std::string_view source, const FeedLimits& limits) {
    auto cursor = XmlCursor::open(xml, std::string(source));
    if (!cursor) return fail(cursor.error());
    JvnPage page;
    std::vector<std::string> stack;  // element names from the root
    std::string text;                // text of the innermost element so far
    std::optional<JvnEntry> entry;
    std::size_t entry_depth = 0;
    CvssChoice cvss;
    bool detail = false;
    // Detail Cvss: <Cvss version><Severity/><Base/></Cvss>.
    std::string cvss_version, cvss_severity;
    std::optional<double> cvss_base;
    std::string related_id;  // the VulinfoID inside the current RelatedItem
    bool status_seen = false;

    auto entry_label = [&] { return fmt::format("entry {}", page.entries.size() + 1); };
    for (;;) {
        auto event = cursor->next();
        if (!event) return fail(event.error());
        if (*event == XmlCursor::Event::done) break;
        if (*event == XmlCursor::Event::text) {
            if (text.size() + cursor->text().size() > limits.max_string_bytes)
                return feed_error(source,
                                  fmt::format("{} <{}>", entry_label(), stack.empty() ? "" : stack.back()),
                                  fmt::format("text is longer than {} bytes", limits.max_string_bytes));
            text += cursor->text();
            continue;
        }
        const std::string& name = cursor->name();
        if (*event == XmlCursor::Event::start) {
            if (stack.size() > 64) return feed_error(source, name, "elements nest deeper than 64");
            stack.push_back(name);
            text.clear();
            if (!entry && (name == "item" || name == "Vulinfo")) {
                if (page.entries.size() >= limits.max_records)
                    return feed_error(source, entry_label(),
                                      fmt::format("more than {} entries", limits.max_records));
                entry.emplace();
                entry_depth = stack.size();
                cvss = {};
                detail = name == "Vulinfo";
                if (detail)
                    page.format = "hnd_detail";
                else
                    page.format = "hnd_overview";
                if (!detail)
                    if (auto about = cursor->attribute("about")) entry->link = trimmed(*about);
            } else if (entry && name == "references") {
                const auto src = cursor->attribute("source");
                const auto id = cursor->attribute("id");
                if (src && id && (*src == "CVE" || *src == "NVD") && is_cve_id(trimmed(*id)))
                    entry->cve_ids.push_back(trimmed(*id));
            } else if (entry && name == "cvss" && !detail) {
                const auto score = cursor->attribute("score");
                cvss.offer(*entry, cursor->attribute("version").value_or(""),
                           score ? to_score(*score) : std::nullopt,
                           std::string(cursor->attribute("severity").value_or("")));
            } else if (entry && name == "Cvss") {
                cvss_version = std::string(cursor->attribute("version").value_or(""));
                cvss_severity.clear();
                cvss_base.reset();
            } else if (entry && name == "RelatedItem") {
                related_id.clear();
            } else if (name == "Status") {
                status_seen = true;
                page.total_results = to_count(cursor->attribute("totalRes"));
                page.results_returned = to_count(cursor->attribute("totalResRet"));
                page.first_result = std::max<std::size_t>(1, to_count(cursor->attribute("firstRes")));
                if (const auto code = cursor->attribute("retCd"); code && *code != "0") {
                    const auto message = cursor->attribute("errMsg").value_or("");
                    return feed_error(source, "status:Status.retCd",
                                      fmt::format("MyJVN reported an error ({}): {}", *code, message));
                }
            }
            continue;
        }
        // end of an element
        if (entry) {
            const std::string value = trimmed(text);
            const std::string parent = stack.size() >= 2 ? stack[stack.size() - 2] : std::string();
            if (!detail) {
                if (name == "title" && stack.size() == entry_depth + 1)
                    entry->title = value;
                else if (name == "link" && stack.size() == entry_depth + 1)
                    entry->link = value;
                else if (name == "description" && stack.size() == entry_depth + 1)
                    entry->summary = value;
                else if (name == "identifier")
                    entry->jvndb_id = value;
                else if (name == "cpe")
                    entry->cpes.push_back(value);
                else if (name == "issued")
                    entry->published = value;
                else if (name == "modified")
                    entry->last_modified = value;
            } else {
                if (name == "VulinfoID" && stack.size() == entry_depth + 1)
                    entry->jvndb_id = value;
                else if (name == "Title" && parent == "VulinfoData")
                    entry->title = value;
                else if (name == "Overview")
                    entry->summary = value;
                else if (name == "Cpe")
                    entry->cpes.push_back(value);
                else if (name == "DateFirstPublished")
                    entry->published = value;
                else if (name == "DateLastUpdated")
                    entry->last_modified = value;
                else if (name == "Severity" && parent == "Cvss")
                    cvss_severity = value;
                else if (name == "Base" && parent == "Cvss")
                    cvss_base = to_score(value);
                else if (name == "Cvss")
                    cvss.offer(*entry, cvss_version, cvss_base, cvss_severity);
                else if (name == "VulinfoID" && parent == "RelatedItem")
                    related_id = value;
                else if (name == "RelatedItem" && is_cve_id(related_id))
                    entry->cve_ids.push_back(related_id);
            }
            if (stack.size() == entry_depth) {
                if (entry->link.empty() && is_jvndb_id(entry->jvndb_id))
                    entry->link = jvndb_link(entry->jvndb_id);
                auto finished = finish_jvn_entry(*entry, source, entry_label(), limits);
                if (!finished) return fail(finished.error());
                page.entries.push_back(std::move(*entry));
                entry.reset();
            }
        }
        if (!stack.empty()) stack.pop_back();
        text.clear();
    }
    if (page.format.empty()) {
        if (!status_seen)
            return feed_error(source, "document", "is neither a MyJVN overview list nor a VULDEF detail");
        page.format = "hnd_overview";
    }
    if (!status_seen) {
        page.total_results = page.entries.size();
        page.results_returned = page.entries.size();
    }
    return page;
}

}  // namespace mamori::feeds
