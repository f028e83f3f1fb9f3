#include "mamori/feeds/kev.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "mamori/core/ascii.hpp"
#include "mamori/core/json_limits.hpp"
#include "mamori/feeds/csv.hpp"

namespace mamori::feeds {

namespace {

using Json = nlohmann::json;

// check_entry: the rules every entry follows, whichever format it came from. `where(field)` names it.
template <class Where>
Result<void> check_entry(const KevEntry& e, std::string_view source, const FeedLimits& limits, Where where) {
    if (!is_cve_id(e.cve_id))
        return feed_error(source, where("cveID"),
                          fmt::format("'{}' is not a CVE id", e.cve_id.substr(0, 40)));
    if (!is_iso_date(e.date_added)) return feed_error(source, where("dateAdded"), "is not a YYYY-MM-DD date");
    if (e.due_date && !is_iso_date(*e.due_date))
        return feed_error(source, where("dueDate"), "is not a YYYY-MM-DD date");
    if (e.ransomware_use != "Known" && e.ransomware_use != "Unknown")
        return feed_error(source, where("knownRansomwareCampaignUse"), "must be Known or Unknown");
    const std::array<std::pair<const char*, const std::string*>, 6> texts{{
        {"vendorProject", &e.vendor_project},
        {"product", &e.product},
        {"vulnerabilityName", &e.vulnerability_name},
        {"shortDescription", &e.short_description},
        {"requiredAction", &e.required_action},
        {"notes", &e.notes},
    }};
    for (const auto& [name, value] : texts)
        if (value->size() > limits.max_string_bytes)
            return feed_error(source, where(name),
                              fmt::format("is longer than {} bytes", limits.max_string_bytes));
    if (e.cwes.size() > 100) return feed_error(source, where("cwes"), "names more than 100 CWEs");
    for (const auto& cwe : e.cwes)
        if (cwe.size() > 64) return feed_error(source, where("cwes"), "holds a value longer than 64 bytes");
    return {};
}

// text_member: a string member, "" when absent or null; an error when it is another type.
Result<std::string> text_member(const Json& object, const char* name, std::string_view source,
                                const std::string& path) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::string();
    if (!it->is_string()) return feed_error(source, path + "." + name, "must be a string");
    return it->get<std::string>();
}

Result<void> check_duplicate(std::set<std::string>& seen, const KevEntry& e, std::string_view source,
                             const std::string& where) {
    if (!seen.insert(e.cve_id).second)
        return feed_error(source, where, fmt::format("{} appears twice", e.cve_id));
    return {};
}

}  // namespace

Result<KevCatalog> parse_kev_json(std::string_view text, std::string_view source, const FeedLimits& limits) {
    auto doc = parse_limited_json(text, limits.max_json_depth, source);
    if (!doc) return fail(doc.error());
    if (!doc->is_object()) return feed_error(source, "$", "the KEV catalog must be a JSON object");
    KevCatalog catalog;
    auto version = text_member(*doc, "catalogVersion", source, "$");
    if (!version) return fail(version.error());
    catalog.catalog_version = std::move(*version);
    auto released = text_member(*doc, "dateReleased", source, "$");
    if (!released) return fail(released.error());
    catalog.date_released = std::move(*released);
    if (catalog.catalog_version.size() > 64 || catalog.date_released.size() > 64)
        return feed_error(source, "$.catalogVersion", "is longer than 64 bytes");
    if (const auto count = doc->find("count"); count != doc->end()) {
        if (!count->is_number_unsigned()) return feed_error(source, "$.count", "must be a whole number");
        catalog.declared_count = count->get<std::size_t>();
    }
    const auto list = doc->find("vulnerabilities");
    if (list == doc->end() || !list->is_array())
        return feed_error(source, "$.vulnerabilities", "must be an array");
    if (list->size() > limits.max_records)
        return feed_error(source, "$.vulnerabilities",
                          fmt::format("holds more than {} records", limits.max_records));
    std::set<std::string> seen;
    catalog.entries.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = fmt::format("$.vulnerabilities[{}]", i);
        const Json& item = (*list)[i];
        if (!item.is_object()) return feed_error(source, path, "must be an object");
        KevEntry e;
        const std::array<std::pair<const char*, std::string*>, 9> fields{{
            {"cveID", &e.cve_id},
            {"vendorProject", &e.vendor_project},
            {"product", &e.product},
            {"vulnerabilityName", &e.vulnerability_name},
            {"dateAdded", &e.date_added},
            {"knownRansomwareCampaignUse", &e.ransomware_use},
            {"shortDescription", &e.short_description},
            {"requiredAction", &e.required_action},
            {"notes", &e.notes},
        }};
        for (const auto& [name, target] : fields) {
            auto value = text_member(item, name, source, path);
            if (!value) return fail(value.error());
            *target = std::move(*value);
        }
        auto due = text_member(item, "dueDate", source, path);
        if (!due) return fail(due.error());
        if (!due->empty()) e.due_date = std::move(*due);
        if (const auto cwes = item.find("cwes"); cwes != item.end() && !cwes->is_null()) {
            if (!cwes->is_array()) return feed_error(source, path + ".cwes", "must be an array of strings");
            for (const auto& cwe : *cwes) {
                if (!cwe.is_string())
                    return feed_error(source, path + ".cwes", "must be an array of strings");
                if (e.cwes.size() > 100) break;
                e.cwes.push_back(cwe.get<std::string>());
            }
        }
        auto checked =
            check_entry(e, source, limits, [&](std::string_view f) { return path + "." + std::string(f); });
        if (!checked) return fail(checked.error());
        if (auto dup = check_duplicate(seen, e, source, path + ".cveID"); !dup) return fail(dup.error());
        catalog.entries.push_back(std::move(e));
    }
    if (catalog.declared_count && *catalog.declared_count != catalog.entries.size())
        return feed_error(source, "$.count",
                          fmt::format("says {} but the catalog holds {} vulnerabilities",
                                      *catalog.declared_count, catalog.entries.size()));
    return catalog;
}

Result<KevCatalog> parse_kev_csv(std::string_view text, std::string_view source, const FeedLimits& limits) {
    CsvLimits csv_limits;
    csv_limits.max_field_bytes = limits.max_string_bytes;
    csv_limits.max_fields = 64;
    CsvParser parser(csv_limits);
    std::size_t offset = 0;
    std::map<std::string, std::size_t> columns;
    const std::array<const char*, 5> required{"cveID", "dateAdded", "knownRansomwareCampaignUse",
                                              "vendorProject", "product"};
    KevCatalog catalog;
    std::set<std::string> seen;
    for (;;) {
        std::size_t consumed = 0;
        const auto event = parser.parse(text.substr(offset), true, consumed);
        offset += consumed;
        if (event == CsvParser::Event::end) break;
        if (event == CsvParser::Event::need_input) break;
        if (event == CsvParser::Event::error) {
            const auto& err = parser.error();
            return feed_error(source, fmt::format("line {} column {}", err.at_line, err.column), err.message);
        }
        const auto& record = parser.record();
        if (columns.empty()) {
            for (std::size_t i = 0; i < record.fields.size(); ++i)
                columns[trimmed_blanks(record.fields[i])] = i;
            for (const char* name : required)
                if (!columns.contains(name))
                    return feed_error(source, "line 1", fmt::format("the header has no {} column", name));
            continue;
        }
        if (catalog.entries.size() >= limits.max_records)
            return feed_error(source, fmt::format("line {}", record.line),
                              fmt::format("the file holds more than {} records", limits.max_records));
        auto cell = [&](const char* name) -> std::string {
            const auto it = columns.find(name);
            if (it == columns.end() || it->second >= record.fields.size()) return {};
            return record.fields[it->second];
        };
        KevEntry e;
        e.cve_id = trimmed_blanks(cell("cveID"));
        e.vendor_project = cell("vendorProject");
        e.product = cell("product");
        e.vulnerability_name = cell("vulnerabilityName");
        e.date_added = trimmed_blanks(cell("dateAdded"));
        if (auto due = trimmed_blanks(cell("dueDate")); !due.empty()) e.due_date = std::move(due);
        e.ransomware_use = trimmed_blanks(cell("knownRansomwareCampaignUse"));
        e.short_description = cell("shortDescription");
        e.required_action = cell("requiredAction");
        e.notes = cell("notes");
        const std::string cwes = cell("cwes");
        for (std::size_t start = 0; start <= cwes.size();) {
            const auto comma = cwes.find(',', start);
            const auto end = comma == std::string::npos ? cwes.size() : comma;
            if (auto cwe = trimmed_blanks(std::string_view(cwes).substr(start, end - start)); !cwe.empty())
                e.cwes.push_back(std::move(cwe));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        const auto line = record.line;
        auto checked = check_entry(e, source, limits,
                                   [&](std::string_view f) { return fmt::format("line {} {}", line, f); });
        if (!checked) return fail(checked.error());
        if (auto dup = check_duplicate(seen, e, source, fmt::format("line {} cveID", line)); !dup)
            return fail(dup.error());
        catalog.entries.push_back(std::move(e));
    }
    if (columns.empty()) return feed_error(source, "line 1", "the file is empty");
    return catalog;
}

Result<KevCatalog> parse_kev(std::string_view text, std::string_view source, const FeedLimits& limits) {
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == '{') return parse_kev_json(text, source, limits);
    return parse_kev_csv(text, source, limits);
}

}  // namespace mamori::feeds
