/// @file
/// @brief CISA's Known Exploited Vulnerabilities catalog, from its JSON or its CSV (the same fields). Pure:
/// text in, entries out. Every entry is checked (CVE id, dates, ransomware use, field lengths); the first
/// problem fails the whole file, naming the record (JSON path or CSV line) and the field.
///
///     auto catalog = parse_kev_json(text, "known_exploited_vulnerabilities.json", {});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/feeds/feed_parsing.hpp"

namespace mamori::feeds {

// KevEntry: one catalog row. due_date may be earlier than date_added (CISA's data has such rows).
struct KevEntry {
    std::string cve_id;
    std::string vendor_project;
    std::string product;
    std::string vulnerability_name;
    std::string date_added;              // YYYY-MM-DD
    std::optional<std::string> due_date;  // YYYY-MM-DD
    std::string ransomware_use;           // "Known" or "Unknown"
    std::string short_description;
    std::string required_action;
    std::string notes;
    std::vector<std::string> cwes;
};

// KevCatalog: the entries and, from the JSON, the catalog's version, release time and declared count.
struct KevCatalog {
    std::string catalog_version;
    std::string date_released;
    std::optional<std::size_t> declared_count;
    std::vector<KevEntry> entries;
};

// parse_kev_json: the catalog JSON; its `count`, when present, must equal the number of entries.
Result<KevCatalog> parse_kev_json(std::string_view text, std::string_view source, const FeedLimits& limits);

// parse_kev_csv: the catalog CSV (header row naming the columns; `cwes` comma-separated in one field).
Result<KevCatalog> parse_kev_csv(std::string_view text, std::string_view source, const FeedLimits& limits);

// parse_kev: JSON when the text starts with '{' (after blanks), CSV otherwise.
Result<KevCatalog> parse_kev(std::string_view text, std::string_view source, const FeedLimits& limits);

}  // namespace mamori::feeds
