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
#include "mamori/inspection/bed_band.hpp"
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

// JurisdictionStatus: the state of an institution's checklist for the fiscal year.
enum class JurisdictionStatus { not_started, draft, submitted };
std::optional<JurisdictionStatus> parse_jurisdiction_status(std::string_view text);

// JurisdictionFilter: narrows the list; an empty or unset field does not.
struct JurisdictionFilter {
    std::string kind;  // hospital, clinic, dental_clinic, pharmacy
    std::optional<inspection::BedBand> bed_band;
    std::string municipality_code;      // 6 digits
    std::string prefecture_code;        // 2 digits (the ministry narrows to one prefecture)
    std::int64_t health_centre_id = 0;  // the municipalities a health centre covers (a prefecture's view)
    std::optional<JurisdictionStatus> status;
    bool with_no = false;  // a line answered いいえ this year
    bool overdue = false;  // a いいえ whose target date has passed
};

// JurisdictionQuery: one page of the list. `q` matches a part of the name or the facility id.
struct JurisdictionQuery {
    int fiscal_year = 0;
    std::string q;
    JurisdictionFilter filter;
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
    int overdue_count = 0;  // いいえ lines whose target date has passed (reconfirmed ones, as for no_count)
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
    std::optional<int> beds;        // beds_total from the facility master
    std::optional<inspection::BedBand> bed_band;
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

// JurisdictionChoices: what the list's place filters offer the caller. A health centre: its municipalities;
// a prefecture: its health centres and the municipalities of its institutions; the ministry: the prefectures.
struct JurisdictionChoices {
    struct Choice {
        std::string value;  // municipality or prefecture code, health centre id
        std::string name;   // the code itself when the municipality master has no name for it
    };
    std::vector<Choice> municipalities;
    std::vector<Choice> health_centres;
    std::vector<Choice> prefectures;
};

// jurisdiction_choices: forbidden for callers without a jurisdiction.
Result<JurisdictionChoices> jurisdiction_choices(store::Database& db, const identity::Caller& caller);

// jurisdiction_checklists: forbidden for callers outside a health centre, a prefecture or the ministry;
// invalid_input names the field (fiscal_year, q, kind, bed_band, municipality, prefecture, health_centre,
// status, page, page_size). A health centre outside the caller's scope is refused like an unknown one.
Result<JurisdictionPage> jurisdiction_checklists(store::Database& db, CatalogService& catalog,
                                                 const identity::Caller& caller,
                                                 const JurisdictionQuery& query);

}  // namespace mamori::services
