#include "support/statistics_seed.hpp"

namespace mamori::testing {

long long seed_institution(soci::session& sql, const std::string& kind, const std::string& name,
                           const std::string& prefecture, int beds) {
    long long org = 0;
    sql << "INSERT INTO organisations (kind, name, prefecture_code, beds_total, created_at) VALUES "
           "(:k, :n, :p, :b, '2026-01-01T00:00:00Z') RETURNING id",
        soci::use(kind), soci::use(name), soci::use(prefecture), soci::use(beds), soci::into(org);
    return org;
}

void seed_checklist(soci::session& sql, const SeededChecklist& c) {
    const long long org = seed_institution(sql, c.kind, c.name, c.prefecture, c.beds);
    long long assessment = 0;
    sql << "INSERT INTO assessments (organisation_id, fiscal_year, form, edition, edition_revision, status, "
           "created_at) VALUES (:o, :y, 'medical', :e, 1, :s, '2026-01-01T00:00:00Z') RETURNING id",
        soci::use(org), soci::use(c.fiscal_year), soci::use(c.edition), soci::use(c.status), soci::into(assessment);
    for (const auto& a : c.answers) {
        const int reconfirm = a.needs_reconfirmation ? 1 : 0;
        const std::string target = a.target_date.value_or("");
        sql << "INSERT INTO answers (assessment_id, canonical_id, row_key, version, value, confirmed_on, "
               "target_date, needs_reconfirmation, answered_at) VALUES (:a, :i, 'main', 1, :v, :c, NULLIF(:t, ''), "
               ":r, '2026-01-01T00:00:00Z')",
            soci::use(assessment), soci::use(a.item), soci::use(a.value), soci::use(a.confirmed_on),
            soci::use(target), soci::use(reconfirm);
    }
}

}  // namespace mamori::testing
