#include "survey_records.hpp"

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::survey_records {

namespace {

std::optional<long long> user_of(const Write& w) {
    return w.user_id && *w.user_id > 0 ? std::optional<long long>(*w.user_id) : std::nullopt;
}

std::optional<std::string> optional_text(const soci::row& r, std::size_t column) {
    if (r.get_indicator(column) == soci::i_null) return std::nullopt;
    return r.get<std::string>(column);
}

}  // namespace

std::optional<StoredResponse> find(soci::session& sql, std::int64_t organisation_id, const std::string& questionnaire,
                                   const std::string& version) {
    const long long org = organisation_id;
    for (const auto& r : store::query(
             sql,
             "SELECT r.id, r.status, r.revision, r.answers, r.updated_at, uu.display_name, r.submitted_at, "
             "su.display_name FROM survey_responses r LEFT JOIN users uu ON uu.id = r.updated_by LEFT JOIN users su "
             "ON su.id = r.submitted_by WHERE r.organisation_id = :o AND r.questionnaire = :q AND r.version = :v",
             org, questionnaire, version)) {
        StoredResponse out;
        out.id = store::int64_at(r, 0);
        auto& s = out.response;
        s.status = r.get<std::string>(1);
        s.revision = static_cast<int>(store::int64_at(r, 2));
        s.answers = answers_of(r.get<std::string>(3));
        s.updated_at = r.get<std::string>(4);
        s.updated_by = optional_text(r, 5);
        s.submitted_at = optional_text(r, 6);
        s.submitted_by = optional_text(r, 7);
        return out;
    }
    return std::nullopt;
}

bool insert_first(soci::session& sql, std::int64_t organisation_id, const std::string& questionnaire,
                  const std::string& version, const Write& write) {
    const long long org = organisation_id;
    const bool submitted = write.status == "submitted";
    const auto user = user_of(write);
    const std::optional<long long> submitted_by = submitted ? user : std::nullopt;
    const std::optional<std::string> submitted_at = submitted ? std::optional<std::string>(write.at) : std::nullopt;
    return store::execute(sql,
                          "INSERT INTO survey_responses (organisation_id, questionnaire, version, status, revision, "
                          "answers, updated_by, updated_at, submitted_by, submitted_at) VALUES (:o, :q, :v, :s, 1, "
                          ":a, :u, :at, :su, :sat) ON CONFLICT (organisation_id, questionnaire, version) DO NOTHING",
                          org, questionnaire, version, write.status, answers_text(write.answers), user, write.at,
                          submitted_by, submitted_at) == 1;
}

bool update(soci::session& sql, std::int64_t id, int expected, const Write& write) {
    const long long key = id, previous = expected, next = expected + 1;
    const auto user = user_of(write);
    if (write.action == "submitted")
        return store::execute(sql,
                              "UPDATE survey_responses SET status = 'submitted', revision = :next, answers = :a, "
                              "updated_by = :u, updated_at = :at, submitted_by = COALESCE(submitted_by, :su), "
                              "submitted_at = COALESCE(submitted_at, :sat) WHERE id = :id AND revision = :previous",
                              next, answers_text(write.answers), user, write.at, user, write.at, key, previous) == 1;
    return store::execute(sql,
                          "UPDATE survey_responses SET status = :s, revision = :next, answers = :a, updated_by = :u, "
                          "updated_at = :at WHERE id = :id AND revision = :previous",
                          write.status, next, answers_text(write.answers), user, write.at, key, previous) == 1;
}

void append_revision(soci::session& sql, std::int64_t organisation_id, const std::string& questionnaire,
                     const std::string& version, int revision, const Write& write) {
    const long long org = organisation_id, rev = revision;
    store::execute(sql,
                   "INSERT INTO survey_response_revisions (response_id, revision, action, status, answers, user_id, "
                   "at) SELECT id, :r, :action, :s, :a, :u, :at FROM survey_responses WHERE organisation_id = :o AND "
                   "questionnaire = :q AND version = :v",
                   rev, write.action, write.status, answers_text(write.answers), user_of(write), write.at, org,
                   questionnaire, version);
}

std::vector<SurveyRevision> revisions(soci::session& sql, std::int64_t response_id) {
    const long long key = response_id;
    std::vector<SurveyRevision> out;
    for (const auto& r : store::query(sql,
                                      "SELECT h.revision, h.action, h.status, h.answers, h.at, COALESCE(u.display_name, "
                                      "'') FROM survey_response_revisions h LEFT JOIN users u ON u.id = h.user_id WHERE "
                                      "h.response_id = :id ORDER BY h.revision DESC",
                                      key))
        out.push_back({static_cast<int>(store::int64_at(r, 0)), r.get<std::string>(1), r.get<std::string>(2),
                       answers_of(r.get<std::string>(3)), r.get<std::string>(4), r.get<std::string>(5)});
    return out;
}

}  // namespace mamori::services::survey_records
