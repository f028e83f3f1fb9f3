#include "support/statistics_seed.hpp"

namespace mamori::testing {

void seed_checklist(soci::session& sql, const SeededChecklist& c) {
    long long org = 0, assessment = 0;
    sql << "INSERT INTO organisations (kind, name, prefecture_code, beds_total, created_at) VALUES "
           "(:k, :n, :p, :b, '2026-01-01T00:00:00Z') RETURNING id",
        soci::use(c.kind), soci::use(c.name), soci::use(c.prefecture), soci::use(c.beds), soci::into(org);
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
