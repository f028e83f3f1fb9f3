#include "survey_records.hpp"

#include <nlohmann/json.hpp>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::survey_records {

namespace {

using nlohmann::json;

std::optional<long long> user_of(const Write& w) {
    return w.user_id && *w.user_id > 0 ? std::optional<long long>(*w.user_id) : std::nullopt;
}

std::optional<std::string> optional_text(const soci::row& r, std::size_t column) {
    if (r.get_indicator(column) == soci::i_null) return std::nullopt;
    return r.get<std::string>(column);
}

}  // namespace

std::string answers_text(const survey::Answers& answers) {
    json out = json::object();
    for (const auto& [question, option] : answers) out[question] = option;
    return out.dump();
}

survey::Answers answers_of(const std::string& text) {
    survey::Answers out;
    const auto doc = json::parse(text, nullptr, false);
    if (!doc.is_object()) return out;
    for (const auto& [question, option] : doc.items())
        if (option.is_string()) out[question] = option.get<std::string>();
    return out;
}

bool for_each_answer(std::string_view text, const std::function<void(std::string_view, std::string_view)>& visit) {
    // Pass 1 checks the shape, pass 2 visits: nothing is visited for a text that is then refused.
    const auto walk = [&](bool call) {
        std::size_t i = 0;
        const auto skip = [&] {
            while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
        };
        const auto string = [&](std::string_view& out) {
            if (i >= text.size() || text[i] != '"') return false;
            const std::size_t start = ++i;
            while (i < text.size() && text[i] != '"') {
                if (text[i] == '\\' || static_cast<unsigned char>(text[i]) < 0x20) return false;
                ++i;
            }
            if (i >= text.size()) return false;
            out = text.substr(start, i - start);
            ++i;
            return true;
        };
        skip();
        if (i >= text.size() || text[i++] != '{') return false;
        skip();
        if (i < text.size() && text[i] == '}') return ++i, skip(), i == text.size();
        while (true) {
            std::string_view key, value;
            skip();
            if (!string(key)) return false;
            skip();
            if (i >= text.size() || text[i++] != ':') return false;
            skip();
            if (!string(value)) return false;
            if (call) visit(key, value);
            skip();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == '}') {
                ++i;
                skip();
                return i == text.size();
            }
            return false;
        }
    };
    if (!walk(false)) return false;
    walk(true);
    return true;
}

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
