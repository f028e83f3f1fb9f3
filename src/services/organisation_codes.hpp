// Organisations by their codes, for first-run setup and the organisation profile: the rules for
// 医療機関コード (facility id), prefecture and municipality codes, finding an organisation by them, and the
// search of the facility master. Functions work inside the caller's session and do no access checks.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/services/identity_service.hpp"

namespace mamori::services::organisation_codes {

// check_facility_id: 13 digits, as the MHLW open data writes 医療機関コード.
Status check_facility_id(std::string_view facility_id);
// check_prefecture: a JIS X 0401 code of a stored prefecture.
Status check_prefecture(soci::session& sql, std::string_view prefecture_code);
// check_municipality: 6 digits starting with the prefecture's code; once municipalities are loaded
// (`mamori import municipalities`) it must be one of that prefecture's.
Status check_municipality(soci::session& sql, std::string_view prefecture_code,
                          std::string_view municipality);
// check_address: at most 200 characters on one line (empty allowed).
Status check_address(std::string_view address);

std::optional<long long> find_by_facility_id(soci::session& sql, const std::string& facility_id);
std::optional<long long> find_prefecture_organisation(soci::session& sql, const std::string& prefecture_code);
std::optional<long long> find_ministry(soci::session& sql);
std::string prefecture_name(soci::session& sql, const std::string& prefecture_code);

std::vector<Prefecture> prefectures(soci::session& sql);

// search_facilities: institutions whose name contains `query` or whose facility id starts with it, by name,
// `limit` from `offset`; `more` says whether more follow.
FacilityPage search_facilities(soci::session& sql, std::string_view query, int offset, int limit);

// read_profile: the profile of organisation `id`, or nullopt.
std::optional<OrganisationProfile> read_profile(soci::session& sql, long long id);

}  // namespace mamori::services::organisation_codes
