#include "organisation_codes.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <algorithm>
#include <boost/optional.hpp>

#include "mamori/core/utf8.hpp"
#include "mamori/store/like.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::organisation_codes {

namespace {

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<long long> single_id(soci::session& sql, const std::string& query, const std::string& value) {
    long long id = 0;
    sql << query, soci::use(value), soci::into(id);
    if (!sql.got_data()) return std::nullopt;
    return id;
}

}  // namespace

Status check_facility_id(std::string_view facility_id) {
    if (facility_id.size() != 13 || !all_digits(facility_id))
        return fail(ErrorCode::invalid_input, "the facility id (医療機関コード) has 13 digits",
                    "facility_id");
    return {};
}

Status check_prefecture(soci::session& sql, std::string_view prefecture_code) {
    const std::string code(prefecture_code);
    long long n = 0;
    if (code.size() == 2)
        sql << "SELECT COUNT(*) FROM prefectures WHERE code = :c", soci::use(code), soci::into(n);
    if (n == 0)
        return fail(ErrorCode::invalid_input, "choose a prefecture (a code from 01 to 47)",
                    "prefecture_code");
    return {};
}

Status check_municipality(soci::session& sql, std::string_view prefecture_code,
                          std::string_view municipality) {
    if (municipality.size() != 6 || !all_digits(municipality))
        return fail(ErrorCode::invalid_input, "the municipality code (全国地方公共団体コード) has 6 digits",
                    "municipality_code");
    if (municipality.substr(0, 2) != prefecture_code)
        return fail(ErrorCode::invalid_input,
                    "the municipality code does not belong to the chosen prefecture", "municipality_code");
    long long loaded = 0, found = 0;
    const std::string code(municipality), pref(prefecture_code);
    sql << "SELECT COUNT(*) FROM municipalities", soci::into(loaded);
    if (loaded == 0) return {};
    sql << "SELECT COUNT(*) FROM municipalities WHERE code = :c AND prefecture_code = :p", soci::use(code),
        soci::use(pref), soci::into(found);
    if (found == 0)
        return fail(ErrorCode::invalid_input, "no municipality of the chosen prefecture has this code",
                    "municipality_code");
    return {};
}

Status check_address(std::string_view address) {
    const long n = character_count(address);
    if (n < 0 || n > 200 || address.find_first_of("\r\n") != std::string_view::npos)
        return fail(ErrorCode::invalid_input, "the address must have at most 200 characters on one line",
                    "address");
    return {};
}

std::optional<long long> find_by_facility_id(soci::session& sql, const std::string& facility_id) {
    return single_id(sql, "SELECT id FROM organisations WHERE facility_id = :f", facility_id);
}

std::optional<long long> find_prefecture_organisation(soci::session& sql,
                                                      const std::string& prefecture_code) {
    return single_id(sql,
                     "SELECT MIN(id) FROM organisations WHERE kind = 'prefecture' AND prefecture_code = :p "
                     "HAVING COUNT(*) > 0",
                     prefecture_code);
}

std::optional<long long> find_ministry(soci::session& sql) {
    long long id = 0;
    sql << "SELECT MIN(id) FROM organisations WHERE kind = 'ministry' HAVING COUNT(*) > 0", soci::into(id);
    if (!sql.got_data()) return std::nullopt;
    return id;
}

std::string prefecture_name(soci::session& sql, const std::string& prefecture_code) {
    std::string name;
    sql << "SELECT name_ja FROM prefectures WHERE code = :c", soci::use(prefecture_code), soci::into(name);
    return name;
}

std::vector<Prefecture> prefectures(soci::session& sql) {
    std::vector<Prefecture> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT code, name_ja, name_en FROM prefectures ORDER BY code");
    for (const auto& row : rows)
        out.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
    return out;
}

FacilityPage search_facilities(soci::session& sql, std::string_view query, int offset, int limit) {
    const std::string escaped = store::like_escaped(query);
    const std::string contains = fmt::format("%{}%", escaped), starts = fmt::format("{}%", escaped);
    const int fetch = limit + 1;
    FacilityPage page;
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT id, kind, name, facility_id, prefecture_code, municipality_code, address "
                "FROM organisations WHERE kind IN ('hospital', 'clinic', 'dental_clinic', 'pharmacy') "
                "AND (name LIKE :c ESCAPE '!' OR facility_id LIKE :s ESCAPE '!') "
                "ORDER BY name, id LIMIT :l OFFSET :o",
         soci::use(contains), soci::use(starts), soci::use(fetch), soci::use(offset));
    for (const auto& row : rows) {
        if (static_cast<int>(page.facilities.size()) == limit) {
            page.more = true;
            break;
        }
        FacilityMatch m;
        m.id = store::int64_at(row, 0);
        m.kind = row.get<std::string>(1);
        m.name = row.get<std::string>(2);
        m.facility_id = store::optional_text_at(row, 3).value_or("");
        m.prefecture_code = store::optional_text_at(row, 4).value_or("");
        m.municipality_code = store::optional_text_at(row, 5).value_or("");
        m.address = store::optional_text_at(row, 6).value_or("");
        page.facilities.push_back(std::move(m));
    }
    return page;
}

std::optional<OrganisationProfile> read_profile(soci::session& sql, long long id) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, kind, name, address, facility_id, prefecture_code, municipality_code "
                        "FROM organisations WHERE id = :i",
         soci::use(id));
    for (const auto& row : rows) {
        OrganisationProfile p;
        p.id = store::int64_at(row, 0);
        p.kind = row.get<std::string>(1);
        p.name = row.get<std::string>(2);
        p.address = store::optional_text_at(row, 3).value_or("");
        p.facility_id = store::optional_text_at(row, 4).value_or("");
        p.prefecture_code = store::optional_text_at(row, 5).value_or("");
        p.municipality_code = store::optional_text_at(row, 6).value_or("");
        return p;
    }
    return std::nullopt;
}

}  // namespace mamori::services::organisation_codes
