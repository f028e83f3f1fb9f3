/// @file
/// @brief The checklists of a jurisdiction, for its inspectors: the institutions in the caller's scope (a
/// health centre: the municipalities it covers; a prefecture: its prefecture; the ministry: every one) with
/// one fiscal year's checklist status, searched, sorted and paged in the database so no answer ever holds a
/// whole prefecture. The start of what the inspections capability will extend.
///
///     auto page = jurisdiction_checklists(db, catalog, caller, {.fiscal_year = 2026, .q = "さくら"});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// Limits of a jurisdiction query.
inline constexpr int kJurisdictionMaxPageSize = 100;
inline constexpr int kJurisdictionDefaultPageSize = 50;
inline constexpr long kJurisdictionMaxQueryCharacters = 100;

// JurisdictionSort: the orders the list offers (always ascending, then by name and id).
enum class JurisdictionSort { name, facility_id, municipality, status };
std::optional<JurisdictionSort> parse_jurisdiction_sort(std::string_view text);

// JurisdictionQuery: one page of the list. `q` matches a part of the name or the facility id.
struct JurisdictionQuery {
    int fiscal_year = 0;
    std::string q;
    int page = 1;
    int page_size = kJurisdictionDefaultPageSize;
    JurisdictionSort sort = JurisdictionSort::name;
};

// JurisdictionChecklist: the institution's checklist of the fiscal year, when it has one.
struct JurisdictionChecklist {
    std::int64_t id = 0;
    std::string status;  // "draft", "submitted"
    std::string form;
    std::string edition;
    // answered: lines answered this year, the gate included (answers carried from last year count once
    // they are reconfirmed); lines: the lines of the form; no_count: lines answered いいえ (reconfirmed
    // ones too, as for answered).
    int answered = 0;
    int lines = 0;
    int no_count = 0;
    std::optional<std::string> submitted_at;
};

// JurisdictionRow: one institution of the list.
struct JurisdictionRow {
    std::int64_t organisation_id = 0;
    std::string kind;
    std::string name;
    std::string facility_id;
    std::string municipality_code;
    std::string municipality_name;  // empty when the municipality master is not imported
    std::optional<JurisdictionChecklist> checklist;
    bool readable = false;  // the caller may open the checklist (the ministry sees status only)
};

// JurisdictionPage: a page and the number of institutions that match.
struct JurisdictionPage {
    std::vector<JurisdictionRow> rows;
    std::int64_t total = 0;
    int page = 1;
    int page_size = kJurisdictionDefaultPageSize;
    int fiscal_year = 0;
};

// jurisdiction_checklists: forbidden for callers outside a health centre, a prefecture or the ministry;
// invalid_input names the field (fiscal_year, q, page, page_size).
Result<JurisdictionPage> jurisdiction_checklists(store::Database& db, CatalogService& catalog,
                                                 const identity::Caller& caller,
                                                 const JurisdictionQuery& query);

}  // namespace mamori::services
