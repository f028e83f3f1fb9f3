// Rows of assessment_edition_choices and the re-pinning of an assessment (see assessment_records.hpp).
#include <fmt/format.h>

#include "assessment_records.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::assessment_records {

void insert_edition_choice(soci::session& sql, std::int64_t assessment_id, const EditionChoice& c,
                           std::int64_t user_id) {
    store::execute(
        sql,
        "INSERT INTO assessment_edition_choices (assessment_id, edition, edition_revision, choice, "
        "from_edition, from_revision, from_form, carried_lines, user_id, at) VALUES (:id, :edition, "
        ":revision, :choice, :from_edition, :from_revision, :from_form, :carried, :user, :at)",
        assessment_id, c.edition, c.revision, c.choice, c.from_edition, c.from_revision, c.from_form,
        c.carried_lines, user_id, c.at);
}

std::vector<EditionChoice> edition_choices(soci::session& sql, std::int64_t assessment_id) {
    std::vector<EditionChoice> out;
    for (const auto& r : store::query(
             sql,
             "SELECT c.edition, c.edition_revision, c.choice, c.from_edition, c.from_revision, c.from_form, "
             "c.carried_lines, c.user_id, u.display_name, c.at FROM assessment_edition_choices c LEFT JOIN "
             "users u ON u.id = c.user_id WHERE c.assessment_id = :id ORDER BY c.id",
             assessment_id)) {
        EditionChoice c;
        c.edition = r.get<std::string>(0);
        c.revision = static_cast<int>(store::int64_at(r, 1));
        c.choice = r.get<std::string>(2);
        c.from_edition = r.get<std::string>(3);
        c.from_revision = static_cast<int>(store::int64_at(r, 4));
        c.from_form = r.get<std::string>(5);
        c.carried_lines = static_cast<int>(store::int64_at(r, 6));
        if (auto user = store::optional_int64_at(r, 7))
            c.by = UserRef{*user, store::optional_text_at(r, 8).value_or("")};
        c.at = r.get<std::string>(9);
        out.push_back(std::move(c));
    }
    return out;
}

void repin_assessment(soci::session& sql, std::int64_t assessment_id, const std::string& edition,
                      int revision, const std::string& form) {
    store::execute(sql,
                   "UPDATE assessments SET edition = :edition, edition_revision = :revision, form = :form, "
                   "version = version + 1 WHERE id = :id",
                   edition, revision, form, assessment_id);
}

}  // namespace mamori::services::assessment_records
