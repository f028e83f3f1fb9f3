/// @file
/// @brief JVN iPedia entries from MyJVN: the HND API's XML (getVulnOverviewList as RSS 1.0/RDF with
/// sec:identifier, sec:references, sec:cpe, sec:cvss and status:Status paging; getVulnDetailInfo as VULDEF)
/// and the OKA API's JSON (overview feed and CSAF detail). Each entry keeps its Japanese title and summary in
/// UTF-8 and the CVEs it names, which join it to NVD. Pure; XML is read without DTDs or entities.
///
///     auto page = parse_jvn(text, "getVulnOverviewList_hnd.xml", {});
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/feeds/feed_parsing.hpp"

namespace mamori::feeds {

struct JvnEntry {
    std::string jvndb_id;  // JVNDB-YYYY-NNNNNN
    std::string title;
    std::string summary;
    std::string link;
    std::string published;
    std::string last_modified;
    std::optional<double> cvss_score;  // the newest CVSS version given
    std::string cvss_severity;         // as JVN writes it ("Critical", "HIGH", …)
    std::vector<std::string> cve_ids;  // sorted, distinct
    std::vector<std::string> cpes;     // as given (CPE 2.2 URIs in HND, 2.3 in OKA)
};

// JvnPage: the entries and the paging MyJVN reports (HND status:Status totalRes / totalResRet / firstRes;
// for OKA and single details, the entries themselves).
struct JvnPage {
    std::string format;  // "hnd_overview", "hnd_detail", "oka_overview", "oka_detail"
    std::size_t total_results = 0;
    std::size_t results_returned = 0;
    std::size_t first_result = 1;
    std::vector<JvnEntry> entries;
};

// is_jvndb_id: JVNDB-YYYY-NNNNNN (6 or more digits).
bool is_jvndb_id(std::string_view text);

Result<JvnPage> parse_jvn_hnd(std::string_view xml, std::string_view source, const FeedLimits& limits);
Result<JvnPage> parse_jvn_oka(std::string_view json, std::string_view source, const FeedLimits& limits);

// parse_jvn: OKA JSON when the text starts with '{', HND XML otherwise.
Result<JvnPage> parse_jvn(std::string_view text, std::string_view source, const FeedLimits& limits);

// finish_jvn_entry: checks an entry's id and lengths and sorts its CVEs; shared by both formats.
Result<void> finish_jvn_entry(JvnEntry& entry, std::string_view source, const std::string& where,
                              const FeedLimits& limits);

}  // namespace mamori::feeds
