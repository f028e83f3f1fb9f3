// Who may read and write an institution's device ledger (see ledger.hpp), for the ledger service's files.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"

namespace mamori::services::ledger_access {

// Reach: how the caller reaches one institution's ledger.
enum class Reach {
    none,
    institution,  // its own users
    inspector,    // its health centre or prefecture: every asset, read only
    vendor,       // a vendor it links: the assets of the systems the vendor runs there, read only
};

struct Access {
    Reach reach = Reach::none;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    bool can_write = false;
};

// access_to: the caller's reach to `organisation_id` (institution users: nullopt means their own).
Access access_to(soci::session& sql, const identity::Caller& caller, std::optional<std::int64_t> organisation_id);

// vendor_condition: the condition on assets `a` (one parameter, the vendor's organisation id) that keeps only
// the assets of systems the vendor runs for an institution that links it.
inline constexpr std::string_view kVendorCondition =
    "a.system_id IN (SELECT s.id FROM systems s JOIN vendor_links l ON l.institution_organisation_id = "
    "s.organisation_id AND l.vendor_organisation_id = s.vendor_organisation_id AND l.ended_at IS NULL "
    "WHERE s.vendor_organisation_id = :vendor)";

// sees_asset: whether a caller with `access` sees an asset linked to `system_id`.
bool sees_asset(soci::session& sql, const identity::Caller& caller, const Access& access,
                std::optional<std::int64_t> system_id);

tl::unexpected<Error> no_ledger();
tl::unexpected<Error> no_asset(std::int64_t id);

}  // namespace mamori::services::ledger_access
