#include "assessment_records.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>
#include <sodium.h>

#include <boost/optional.hpp>

#include "mamori/core/time.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::assessment_records {

namespace {

using assessment::Answer;
using assessment::AnswerValue;
using assessment::RowKey;

boost::optional<std::string> maybe(const std::optional<std::string>& v) {
    return v ? boost::optional<std::string>(*v) : boost::none;
}
boost::optional<long long> maybe_id(const std::optional<std::int64_t>& v) {
    return v ? boost::optional<long long>(*v) : boost::none;
}

std::optional<UserRef> user_at(const soci::row& r, std::size_t id_column) {
    auto id = store::optional_int64_at(r, id_column);
    if (!id) return std::nullopt;
    return UserRef{*id, store::optional_text_at(r, id_column + 1).value_or("")};
}

std::optional<std::string> date_text(const std::optional<std::chrono::year_month_day>& d) {
    return d ? std::optional<std::string>(to_iso_date(*d)) : std::nullopt;
}

std::optional<std::chrono::year_month_day> date_at(const soci::row& r, std::size_t column) {
    auto text = store::optional_text_at(r, column);
    return text ? parse_iso_date(*text) : std::nullopt;
}

constexpr std::string_view kAssessmentSelect =
    "SELECT a.id, a.organisation_id, o.name, o.kind, o.facility_id, a.fiscal_year, a.form, a.edition, "
    "a.edition_revision, a.status, a.version, a.has_vendor_contract, a.carried_from, a.created_at, "
    "a.submitted_at, a.submitted_by, u.display_name "
    "FROM assessments a JOIN organisations o ON o.id = a.organisation_id "
    "LEFT JOIN users u ON u.id = a.submitted_by ";

AssessmentRecord read_assessment(const soci::row& r) {
    AssessmentRecord a;
    a.id = store::int64_at(r, 0);
    a.organisation_id = store::int64_at(r, 1);
    a.organisation_name = r.get<std::string>(2);
    a.organisation_kind = r.get<std::string>(3);
    a.facility_id = store::optional_text_at(r, 4).value_or("");
    a.fiscal_year = static_cast<int>(store::int64_at(r, 5));
    a.form = r.get<std::string>(6);
    a.edition = r.get<std::string>(7);
    a.edition_revision = static_cast<int>(store::int64_at(r, 8));
    a.status = r.get<std::string>(9);
    a.version = static_cast<int>(store::int64_at(r, 10));
    a.has_vendor_contract = store::int64_at(r, 11) != 0;
    a.carried_from = store::optional_int64_at(r, 12);
    a.created_at = r.get<std::string>(13);
    a.submitted_at = store::optional_text_at(r, 14);
    a.submitted_by = user_at(r, 15);
    return a;
}

std::optional<AssessmentRecord> first_assessment(soci::rowset<soci::row>& rows) {
    for (const auto& r : rows) return read_assessment(r);
    return std::nullopt;
}

// The columns an answer is read from, in answers and in answer_versions (prefix "v.").
constexpr std::string_view kAnswerColumns =
    "{0}version, {0}value, {0}reason, {0}confirmed_on, {0}target_date, {0}second_value, "
    "{0}second_confirmed_on, {0}note, {0}needs_reconfirmation, {0}answered_by, u.display_name, "
    "{0}answered_at";

StoredAnswer read_answer(const soci::row& r, RowKey key) {
    StoredAnswer s;
    s.key = std::move(key);
    s.version = static_cast<int>(store::int64_at(r, 0));
    if (auto value = store::optional_text_at(r, 1)) {
        Answer a;
        a.value = assessment::parse_answer_value(*value).value_or(AnswerValue::no);
        if (auto reason = store::optional_text_at(r, 2))
            a.reason = assessment::parse_not_required_reason(*reason);
        a.confirmed_on = date_at(r, 3);
        a.target_date = date_at(r, 4);
        if (auto second = store::optional_text_at(r, 5)) {
            a.second = assessment::SecondConfirmation{
                assessment::parse_answer_value(*second).value_or(AnswerValue::no),
                date_at(r, 6).value_or(std::chrono::year_month_day{})};
        }
        a.note = r.get<std::string>(7);
        s.answer = std::move(a);
    }
    s.needs_reconfirmation = store::int64_at(r, 8) != 0;
    s.answered_by = user_at(r, 9);
    s.answered_at = r.get<std::string>(11);
    return s;
}

Evidence read_evidence(const soci::row& r) {
    Evidence e;
    e.id = store::int64_at(r, 0);
    e.key = {r.get<std::string>(1), r.get<std::string>(2)};
    e.kind = r.get<std::string>(3);
    e.sha256 = store::optional_text_at(r, 4).value_or("");
    e.file_name = store::optional_text_at(r, 5).value_or("");
    e.url = store::optional_text_at(r, 6).value_or("");
    e.title = store::optional_text_at(r, 7).value_or("");
    e.added_at = r.get<std::string>(8);
    e.added_by = user_at(r, 9);
    e.media_type = store::optional_text_at(r, 11).value_or("");
    e.size = store::optional_int64_at(r, 12).value_or(0);
    return e;
}

constexpr std::string_view kEvidenceSelect =
    "SELECT e.id, e.canonical_id, e.row_key, e.kind, e.sha256, e.file_name, e.url, e.title, e.added_at, "
    "e.added_by, u.display_name, b.media_type, b.size, e.assessment_id, e.removed_at "
    "FROM evidence e LEFT JOIN users u ON u.id = e.added_by "
    "LEFT JOIN evidence_blobs b ON b.sha256 = e.sha256 ";

}  // namespace

std::optional<AssessmentRecord> find_assessment(soci::session& sql, std::int64_t id) {
    static const std::string query = fmt::format("{} WHERE a.id = :id", kAssessmentSelect);
    for (const auto& r : store::query(sql, query, id)) return read_assessment(r);
    return std::nullopt;
}

std::optional<AssessmentRecord> find_assessment(soci::session& sql, std::int64_t organisation_id,
                                                int fiscal_year, const std::string& form) {
    const long long org = organisation_id;
    soci::rowset<soci::row> rows =
        (sql.prepare << fmt::format(
             "{} WHERE a.organisation_id = :org AND a.fiscal_year = :fy AND a.form = :form",
             kAssessmentSelect),
         soci::use(org), soci::use(fiscal_year), soci::use(form));
    return first_assessment(rows);
}

std::vector<AssessmentRecord> organisation_assessments(soci::session& sql, std::int64_t organisation_id) {
    const long long org = organisation_id;
    soci::rowset<soci::row> rows =
        (sql.prepare << fmt::format("{} WHERE a.organisation_id = :org ORDER BY a.fiscal_year DESC, a.form",
                                    kAssessmentSelect),
         soci::use(org));
    std::vector<AssessmentRecord> out;
    for (const auto& r : rows) out.push_back(read_assessment(r));
    return out;
}

std::int64_t insert_assessment(soci::session& sql, const AssessmentRecord& record, std::int64_t user_id) {
    const long long org = record.organisation_id;
    const long long user = user_id;
    const int contract = record.has_vendor_contract ? 1 : 0;
    const auto carried = maybe_id(record.carried_from);
    long long id = 0;
    sql << "INSERT INTO assessments (organisation_id, fiscal_year, form, edition, edition_revision, status, "
           "version, has_vendor_contract, carried_from, created_at, created_by) VALUES (:org, :fy, :form, "
           ":edition, :revision, 'draft', 1, :contract, :carried, :at, :user) RETURNING id",
        soci::use(org), soci::use(record.fiscal_year), soci::use(record.form), soci::use(record.edition),
        soci::use(record.edition_revision), soci::use(contract), soci::use(carried),
        soci::use(record.created_at), soci::use(user), soci::into(id);
    return id;
}

void bump_assessment(soci::session& sql, const AssessmentRecord& record,
                     std::optional<std::int64_t> submitter) {
    const long long id = record.id;
    const int contract = record.has_vendor_contract ? 1 : 0;
    const auto submitted_at = maybe(record.submitted_at);
    const auto submitted_by = maybe_id(submitter);
    sql << "UPDATE assessments SET status = :status, has_vendor_contract = :contract, submitted_at = :at, "
           "submitted_by = :by, version = version + 1 WHERE id = :id",
        soci::use(record.status), soci::use(contract), soci::use(submitted_at), soci::use(submitted_by),
        soci::use(id);
}

void insert_event(soci::session& sql, std::int64_t assessment_id, const std::string& kind,
                  const std::string& reason, std::int64_t user_id) {
    const long long id = assessment_id;
    const long long user = user_id;
    const boost::optional<std::string> why =
        reason.empty() ? boost::none : boost::optional<std::string>(reason);
    const std::string at = to_iso_utc(std::chrono::system_clock::now());
    sql << "INSERT INTO assessment_events (assessment_id, kind, reason, user_id, at) VALUES (:id, :kind, "
           ":reason, :user, :at)",
        soci::use(id), soci::use(kind), soci::use(why), soci::use(user), soci::use(at);
}

std::vector<AssessmentEvent> events(soci::session& sql, std::int64_t assessment_id) {
    std::vector<AssessmentEvent> out;
    for (const auto& r :
         store::query(sql,
                      "SELECT e.kind, e.at, e.user_id, u.display_name, e.reason FROM assessment_events e "
                      "LEFT JOIN users u ON u.id = e.user_id WHERE e.assessment_id = :id ORDER BY e.id",
                      assessment_id))
        out.push_back({r.get<std::string>(0), r.get<std::string>(1), user_at(r, 2),
                       store::optional_text_at(r, 4).value_or("")});
    return out;
}

std::vector<StoredAnswer> answers(soci::session& sql, std::int64_t assessment_id) {
    static const std::string query = fmt::format(
        "SELECT {}, a.canonical_id, a.row_key FROM answers a LEFT JOIN users u ON "
        "u.id = a.answered_by WHERE a.assessment_id = :id",
        fmt::format(kAnswerColumns, "a."));
    std::vector<StoredAnswer> out;
    for (const auto& r : store::query(sql, query, assessment_id))
        out.push_back(read_answer(r, {r.get<std::string>(12), r.get<std::string>(13)}));
    return out;
}

std::optional<StoredAnswer> answer(soci::session& sql, std::int64_t assessment_id, const RowKey& key) {
    static const std::string query = fmt::format(
        "SELECT {} FROM answers a LEFT JOIN users u ON u.id = a.answered_by "
        "WHERE a.assessment_id = :id AND a.canonical_id = :cid AND a.row_key = :row",
        fmt::format(kAnswerColumns, "a."));
    for (const auto& r : store::query(sql, query, assessment_id, key.canonical_id, key.row))
        return read_answer(r, key);
    return std::nullopt;
}

void lock_assessment(soci::session& sql, std::int64_t assessment_id) {
    store::execute(sql, "UPDATE assessments SET version = version WHERE id = :id", assessment_id);
}

bool write_answer(soci::session& sql, std::int64_t assessment_id, const StoredAnswer& next,
                  std::optional<std::int64_t> user_id) {
    const auto& a = next.answer;
    const auto text = [](auto value) {
        return std::optional<std::string>(std::string(assessment::to_string(value)));
    };
    const std::optional<std::string> value = a ? text(a->value) : std::nullopt;
    const std::optional<std::string> reason = a && a->reason ? text(*a->reason) : std::nullopt;
    const auto confirmed = a ? date_text(a->confirmed_on) : std::nullopt;
    const auto target = a ? date_text(a->target_date) : std::nullopt;
    const std::optional<std::string> second = a && a->second ? text(a->second->value) : std::nullopt;
    const auto second_on = a && a->second ? date_text(a->second->confirmed_on) : std::nullopt;
    const std::string note = a ? a->note : "";
    const bool reconfirm = next.needs_reconfirmation;
    const auto& key = next.key;
    const long long changed =
        next.version == 1
            ? store::execute(
                  sql,
                  "INSERT INTO answers (assessment_id, canonical_id, row_key, version, value, reason, "
                  "confirmed_on, target_date, second_value, second_confirmed_on, note, needs_reconfirmation, "
                  "answered_by, answered_at) VALUES (:id, :cid, :row, 1, :value, :reason, :confirmed, "
                  ":target, :second, :second_on, :note, :reconfirm, :by, :at) "
                  "ON CONFLICT (assessment_id, canonical_id, row_key) DO NOTHING",
                  assessment_id, key.canonical_id, key.row, value, reason, confirmed, target, second,
                  second_on, note, reconfirm, user_id, next.answered_at)
            : store::execute(
                  sql,
                  "UPDATE answers SET version = :version, value = :value, reason = :reason, "
                  "confirmed_on = :confirmed, target_date = :target, second_value = :second, "
                  "second_confirmed_on = :second_on, note = :note, needs_reconfirmation = :reconfirm, "
                  "answered_by = :by, answered_at = :at WHERE assessment_id = :id AND canonical_id = "
                  ":cid AND row_key = :row AND version = :previous",
                  next.version, value, reason, confirmed, target, second, second_on, note, reconfirm, user_id,
                  next.answered_at, assessment_id, key.canonical_id, key.row, next.version - 1);
    if (changed != 1) return false;
    store::execute(sql,
                   "INSERT INTO answer_versions (answer_id, version, value, reason, confirmed_on, "
                   "target_date, second_value, second_confirmed_on, note, needs_reconfirmation, answered_by, "
                   "answered_at) SELECT id, version, value, reason, confirmed_on, target_date, second_value, "
                   "second_confirmed_on, note, needs_reconfirmation, answered_by, answered_at FROM answers "
                   "WHERE assessment_id = :id AND canonical_id = :cid AND row_key = :row",
                   assessment_id, key.canonical_id, key.row);
    return true;
}

std::vector<StoredAnswer> answer_history(soci::session& sql, std::int64_t assessment_id, const RowKey& key) {
    const long long id = assessment_id;
    soci::rowset<soci::row> rows =
        (sql.prepare << fmt::format(
             "SELECT {} FROM answer_versions v JOIN answers a ON a.id = v.answer_id "
             "LEFT JOIN users u ON u.id = v.answered_by WHERE a.assessment_id = :id AND "
             "a.canonical_id = :cid AND a.row_key = :row ORDER BY v.version DESC",
             fmt::format(kAnswerColumns, "v.")),
         soci::use(id), soci::use(key.canonical_id), soci::use(key.row));
    std::vector<StoredAnswer> out;
    for (const auto& r : rows) out.push_back(read_answer(r, key));
    return out;
}

std::vector<Evidence> evidence(soci::session& sql, std::int64_t assessment_id) {
    static const std::string query =
        fmt::format("{} WHERE e.assessment_id = :id AND e.removed_at IS NULL ORDER BY e.id", kEvidenceSelect);
    std::vector<Evidence> out;
    for (const auto& r : store::query(sql, query, assessment_id)) out.push_back(read_evidence(r));
    return out;
}

std::size_t evidence_count(soci::session& sql, std::int64_t assessment_id, const RowKey& key) {
    const long long id = assessment_id;
    long long n = 0;
    sql << "SELECT COUNT(*) FROM evidence WHERE assessment_id = :id AND canonical_id = :cid AND row_key = "
           ":row "
           "AND removed_at IS NULL",
        soci::use(id), soci::use(key.canonical_id), soci::use(key.row), soci::into(n);
    return static_cast<std::size_t>(n);
}

std::optional<EvidenceOwner> find_evidence(soci::session& sql, std::int64_t evidence_id,
                                           bool include_removed) {
    const long long id = evidence_id;
    soci::rowset<soci::row> rows =
        (sql.prepare << fmt::format("{} WHERE e.id = :id", kEvidenceSelect), soci::use(id));
    for (const auto& r : rows) {
        const bool removed = r.get_indicator(14) != soci::i_null;
        if (removed && !include_removed) return std::nullopt;
        return EvidenceOwner{read_evidence(r), store::int64_at(r, 13), removed};
    }
    return std::nullopt;
}

void store_blob(soci::session& sql, const std::string& sha256, const std::string& media_type,
                const std::string& content) {
    long long present = 0;
    sql << "SELECT COUNT(*) FROM evidence_blobs WHERE sha256 = :sha", soci::use(sha256), soci::into(present);
    if (present) return;
    std::string encoded(sodium_base64_ENCODED_LEN(content.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(content.data()),
                      content.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.size() - 1);  // the terminating NUL
    const long long size = static_cast<long long>(content.size());
    const std::string at = to_iso_utc(std::chrono::system_clock::now());
    sql << "INSERT INTO evidence_blobs (sha256, media_type, size, content_base64, created_at) VALUES (:sha, "
           ":type, :size, :content, :at)",
        soci::use(sha256), soci::use(media_type), soci::use(size), soci::use(encoded), soci::use(at);
}

std::optional<std::string> blob_content(soci::session& sql, const std::string& sha256) {
    std::string encoded;
    soci::indicator ind = soci::i_null;
    sql << "SELECT content_base64 FROM evidence_blobs WHERE sha256 = :sha", soci::use(sha256),
        soci::into(encoded, ind);
    if (!sql.got_data() || ind == soci::i_null) return std::nullopt;
    std::string out(encoded.size() * 3 / 4 + 3, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), encoded.data(),
                          encoded.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

std::int64_t insert_evidence(soci::session& sql, std::int64_t assessment_id, const Evidence& e,
                             std::int64_t user_id) {
    const long long id = assessment_id;
    const long long user = user_id;
    const bool file = e.kind == "file";
    const boost::optional<std::string> sha = file ? boost::optional<std::string>(e.sha256) : boost::none;
    const boost::optional<std::string> name = file ? boost::optional<std::string>(e.file_name) : boost::none;
    const boost::optional<std::string> url = file ? boost::none : boost::optional<std::string>(e.url);
    const boost::optional<std::string> title =
        e.title.empty() ? boost::none : boost::optional<std::string>(e.title);
    long long new_id = 0;
    sql << "INSERT INTO evidence (assessment_id, canonical_id, row_key, kind, sha256, file_name, url, title, "
           "added_by, added_at) VALUES (:id, :cid, :row, :kind, :sha, :name, :url, :title, :user, :at) "
           "RETURNING id",
        soci::use(id), soci::use(e.key.canonical_id), soci::use(e.key.row), soci::use(e.kind), soci::use(sha),
        soci::use(name), soci::use(url), soci::use(title), soci::use(user), soci::use(e.added_at),
        soci::into(new_id);
    return new_id;
}

void remove_evidence(soci::session& sql, std::int64_t evidence_id, std::int64_t user_id) {
    const long long id = evidence_id;
    const long long user = user_id;
    const std::string at = to_iso_utc(std::chrono::system_clock::now());
    sql << "UPDATE evidence SET removed_at = :at, removed_by = :user WHERE id = :id", soci::use(at),
        soci::use(user), soci::use(id);
}

}  // namespace mamori::services::assessment_records
