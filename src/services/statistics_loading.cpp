// StatisticsSnapshot::refresh: reading the facts from the database — everything, or the organisations the
// change log names since the last refresh — inside one read snapshot, so that the change-log position and the
// facts read agree.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/store/id_set.hpp"
#include "mamori/store/row_values.hpp"
#include "statistics_facts.hpp"

namespace mamori::services {

namespace {

using Clock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

// More changes than this since the last refresh, or a refresh more than kStaleAfter ago (its log rows may have
// been pruned), and everything is read again.
constexpr std::size_t kMaxChangesPerRefresh = 20'000;
constexpr auto kStaleAfter = std::chrono::minutes(50);
// An id below the highest read but not yet seen belongs to a transaction still open (PostgreSQL) or rolled
// back; it is looked for again for this long.
constexpr auto kMissingIdPatience = std::chrono::seconds(60);
constexpr auto kChangeLogKeeps = std::chrono::hours(1);
// A full load reads the answers of this many checklists per query.
constexpr std::size_t kChecklistsPerRead = 20'000;

std::uint8_t value_code(const assessment::RowAnswer& a) {
    if (!a.answer || a.needs_reconfirmation) return 0;
    switch (a.answer->value) {
        case assessment::AnswerValue::yes: return 1;
        case assessment::AnswerValue::no: return 2;
        case assessment::AnswerValue::not_required: return 3;
    }
    return 0;
}

struct ChecklistHead {
    std::int64_t organisation_id = 0;
    std::int16_t fiscal_year = 0;
    std::string form;
    std::string edition;
    int revision = 0;
    bool submitted = false;
    bool vendor_contract = true;
};

// FormLines: a form of one edition revision and its lines' slots.
struct FormLines {
    const catalog::Form* form = nullptr;
    std::vector<std::pair<assessment::RowKey, std::uint16_t>> lines;
};

class Reader {
  public:
    Reader(soci::session& sql, const catalog::Catalog& catalog, StatisticsSnapshot::Facts& facts)
        : sql_(sql), catalog_(catalog), facts_(facts) {}

    void places() {
        facts_.prefecture_names.clear();
        for (const soci::row& r : store::query(sql_, "SELECT code, name_ja, name_en FROM prefectures"))
            facts_.prefecture_names[r.get<std::string>(0)] = {r.get<std::string>(1), r.get<std::string>(2)};
        facts_.health_centres.clear();
        for (const soci::row& r : store::query(sql_,
                                               "SELECT id, name, COALESCE(prefecture_code, '') FROM "
                                               "organisations WHERE kind = 'health_centre'"))
            facts_.health_centres[store::int64_at(r, 0)] = {r.get<std::string>(1), r.get<std::string>(2)};
        facts_.centre_of_municipality.clear();
        for (const soci::row& r : store::query(
                 sql_,
                 "SELECT j.municipality_code, MIN(j.organisation_id) FROM jurisdictions j JOIN organisations o "
                 "ON o.id = j.organisation_id WHERE o.kind = 'health_centre' GROUP BY j.municipality_code"))
            facts_.centre_of_municipality[r.get<std::string>(0)] = store::int64_at(r, 1);
    }

    // institutions: the institutions among `ids` (all when null), with their checklists; an id that is not
    // (or no longer) an institution comes back absent.
    std::vector<InstitutionFacts> institutions(const std::vector<std::int64_t>* ids) {
        std::unordered_map<std::int64_t, InstitutionFacts> found;
        const std::string where = ids ? fmt::format(" AND {}", store::in_id_set(sql_, "o.id")) : "";
        each(ids,
             fmt::format("SELECT o.id, o.kind, COALESCE(o.prefecture_code, ''), o.municipality_code, o.beds_total "
                         "FROM organisations o WHERE o.kind IN ('hospital', 'clinic', 'dental_clinic', "
                         "'pharmacy'){}",
                         where),
             [&](const soci::row& r) {
                 InstitutionFacts i;
                 i.id = store::int64_at(r, 0);
                 i.present = true;
                 i.kind = identity::parse_org_kind(r.get<std::string>(1)).value_or(identity::OrgKind::hospital);
                 i.prefecture = r.get<std::string>(2);
                 if (i.prefecture.size() == 2 && std::isdigit(static_cast<unsigned char>(i.prefecture[0])) &&
                     std::isdigit(static_cast<unsigned char>(i.prefecture[1])))
                     i.prefecture_number = (i.prefecture[0] - '0') * 10 + (i.prefecture[1] - '0');
                 if (auto town = store::optional_text_at(r, 3)) {
                     auto centre = facts_.centre_of_municipality.find(*town);
                     if (centre != facts_.centre_of_municipality.end()) i.health_centre = centre->second;
                 }
                 const auto beds = store::optional_int64_at(r, 4);
                 i.bed_band = inspection::bed_band_for(identity::to_string(i.kind),
                                                       beds ? std::optional<int>(static_cast<int>(*beds))
                                                            : std::nullopt);
                 found[i.id] = std::move(i);
             });
        const std::string ehr_where = ids ? fmt::format(" AND {}", store::in_id_set(sql_, "organisation_id")) : "";
        each(ids,
             fmt::format("SELECT DISTINCT organisation_id FROM systems WHERE kind = 'ehr' AND status = 'in_use'{}",
                         ehr_where),
             [&](const soci::row& r) {
                 if (auto it = found.find(store::int64_at(r, 0)); it != found.end()) it->second.ehr = true;
             });
        checklists(ids, found);
        std::vector<InstitutionFacts> out;
        if (ids) {
            for (auto id : *ids) {
                auto it = found.find(id);
                out.push_back(it != found.end() ? std::move(it->second) : InstitutionFacts{.id = id});
            }
        } else {
            for (auto& [id, i] : found) out.push_back(std::move(i));
            std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        }
        return out;
    }

  private:
    // each: `text` once for all (ids null) or once per chunk of ids bound as :ids.
    template <typename Row>
    void each(const std::vector<std::int64_t>* ids, const std::string& text, Row&& row) {
        if (!ids) {
            for (const soci::row& r : store::query(sql_, text)) row(r);
            return;
        }
        store::each_id_chunk(*ids, [&](std::span<const std::int64_t> chunk) {
            for (const soci::row& r : store::query(sql_, text, store::id_set(sql_, chunk))) row(r);
        });
    }

    void checklists(const std::vector<std::int64_t>* ids, std::unordered_map<std::int64_t, InstitutionFacts>& found) {
        std::unordered_map<std::int64_t, ChecklistHead> heads;
        const std::string where = ids ? fmt::format(" AND {}", store::in_id_set(sql_, "organisation_id")) : "";
        each(ids,
             fmt::format("SELECT id, organisation_id, fiscal_year, form, edition, edition_revision, status, "
                         "has_vendor_contract FROM assessments WHERE form IN ('medical', 'pharmacy'){}",
                         where),
             [&](const soci::row& r) {
                 heads[store::int64_at(r, 0)] = {store::int64_at(r, 1),
                                                 static_cast<std::int16_t>(store::int64_at(r, 2)),
                                                 r.get<std::string>(3),
                                                 r.get<std::string>(4),
                                                 static_cast<int>(store::int64_at(r, 5)),
                                                 r.get<std::string>(6) == "submitted",
                                                 store::int64_at(r, 7) != 0};
             });
        std::int64_t current = 0;
        assessment::RowAnswers stored;
        const auto finish = [&] {
            if (current != 0) add_checklist(heads, current, stored, found);
            stored.clear();
        };
        const auto read_answer = [&](const soci::row& r) {
            const auto id = store::int64_at(r, 0);
            if (id != current) {
                finish();
                current = id;
            }
            assessment::RowAnswer answer;
            answer.needs_reconfirmation = store::int64_at(r, 5) != 0;
            if (auto value = store::optional_text_at(r, 3)) {
                if (auto parsed = assessment::parse_answer_value(*value)) {
                    assessment::Answer a;
                    a.value = *parsed;
                    if (auto reason = store::optional_text_at(r, 4))
                        a.reason = assessment::parse_not_required_reason(*reason);
                    if (auto target = store::optional_text_at(r, 6)) a.target_date = parse_iso_date(*target);
                    answer.answer = a;
                }
            }
            stored[{r.get<std::string>(1), r.get<std::string>(2)}] = std::move(answer);
        };
        const std::string columns =
            "SELECT a.assessment_id, a.canonical_id, a.row_key, a.value, a.reason, a.needs_reconfirmation, "
            "a.target_date FROM answers a";
        if (ids) {
            each(ids,
                 fmt::format("{} WHERE a.assessment_id IN (SELECT id FROM assessments WHERE {}) ORDER BY "
                             "a.assessment_id",
                             columns, store::in_id_set(sql_, "organisation_id")),
                 read_answer);
        } else {
            // Everything, a range of checklists at a time: PostgreSQL's client holds a whole result in memory.
            std::vector<std::int64_t> all;
            for (const auto& [id, head] : heads) all.push_back(id);
            std::sort(all.begin(), all.end());
            const auto text = fmt::format("{} WHERE a.assessment_id BETWEEN :low AND :high ORDER BY a.assessment_id",
                                          columns);
            for (std::size_t at = 0; at < all.size(); at += kChecklistsPerRead) {
                const auto high = all[std::min(all.size(), at + kChecklistsPerRead) - 1];
                for (const soci::row& r : store::query(sql_, text, all[at], high)) read_answer(r);
            }
        }
        finish();
        for (const auto& [id, head] : heads)  // checklists nobody has answered yet
            if (!done_.contains(id)) add_checklist(heads, id, stored, found);
    }

    void add_checklist(const std::unordered_map<std::int64_t, ChecklistHead>& heads, std::int64_t id,
                       const assessment::RowAnswers& stored,
                       std::unordered_map<std::int64_t, InstitutionFacts>& found) {
        done_.insert(id);
        const auto head = heads.find(id);
        if (head == heads.end()) return;  // an answer of a vendor-form checklist
        const auto owner = found.find(head->second.organisation_id);
        if (owner == found.end()) return;
        const auto& h = head->second;
        ChecklistFacts c{.fiscal_year = h.fiscal_year,
                         .form = static_cast<std::uint8_t>(h.form == "medical" ? 1 : 2),
                         .submitted = h.submitted,
                         .complete = false,
                         .values = {}};
        const FormLines* lines = form_lines(h.edition, h.revision, h.form);
        if (lines) {
            const auto effective = assessment::effective_answers(*lines->form, stored, h.vendor_contract);
            c.complete = true;
            for (const auto& [key, slot] : lines->lines) {
                const auto it = effective.find(key);
                const std::uint8_t code = it == effective.end() ? 0 : value_code(it->second);
                if (code == 0) c.complete = false;
                if (c.values.size() <= slot) c.values.resize(slot + 1, 0);
                c.values[slot] = code;
                if (code == 2 && it->second.answer->target_date)
                    c.no_targets.emplace_back(
                        slot, std::chrono::sys_days(*it->second.answer->target_date).time_since_epoch().count());
            }
        }
        owner->second.checklists.push_back(std::move(c));
    }

    const FormLines* form_lines(const std::string& edition, int revision, const std::string& form) {
        const auto key = std::make_tuple(edition, revision, form);
        if (auto it = forms_.find(key); it != forms_.end()) return it->second ? &*it->second : nullptr;
        std::optional<FormLines> lines;
        const auto* revisions = catalog_.revisions(edition);
        const auto* found = revisions ? revisions->find(revision) : nullptr;
        const auto* f = found ? found->find(form) : nullptr;
        if (f) {
            lines.emplace();
            lines->form = f;
            for (const auto& row : assessment::checklist_rows(*f)) {
                auto [slot, added] = facts_.slots.try_emplace({form, row.key.canonical_id, row.key.row},
                                                              static_cast<std::uint16_t>(facts_.slots.size()));
                lines->lines.emplace_back(row.key, slot->second);
            }
        }
        auto& kept = forms_[key] = std::move(lines);
        return kept ? &*kept : nullptr;
    }

    soci::session& sql_;
    const catalog::Catalog& catalog_;
    StatisticsSnapshot::Facts& facts_;
    std::map<std::tuple<std::string, int, std::string>, std::optional<FormLines>> forms_;
    std::set<std::int64_t> done_;
};

// years_of_form: which fiscal years have checklists of each form (a pass over the facts, after a refresh
// that changed them).
std::map<std::uint8_t, std::set<int>> years_of_form(const std::vector<InstitutionFacts>& institutions) {
    std::map<std::uint8_t, std::set<int>> out;
    for (const auto& i : institutions)
        if (i.present)
            for (const auto& c : i.checklists) out[c.form].insert(c.fiscal_year);
    return out;
}

struct Change {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
};

}  // namespace

Result<RefreshStats> StatisticsSnapshot::refresh_locked() {
    const auto catalog = catalog_.snapshot();
    try {
        // Only a refresh changes the facts, and refreshes take turns: reading them here needs no lock.
        const Facts* previous = facts_.get();
        const bool stale = previous && SystemClock::now() - previous->refreshed_at > kStaleAfter;
        return db_.snapshot([&](soci::session& sql) -> Result<RefreshStats> {
            std::int64_t last = 0;
            for (const soci::row& r : store::query(sql, "SELECT COALESCE(MAX(id), 0) FROM statistics_changes"))
                last = store::int64_at(r, 0);
            std::vector<Change> changes;
            bool everything = !previous || stale;
            std::map<std::int64_t, Clock::time_point> missing;
            if (!everything) {
                missing = previous->missing_changes;
                for (const soci::row& r : store::query(
                         sql, "SELECT id, organisation_id FROM statistics_changes WHERE id > :from AND id <= :to "
                              "ORDER BY id",
                         previous->last_change, last)) {
                    changes.push_back({store::int64_at(r, 0), store::int64_at(r, 1)});
                    if (changes.size() > kMaxChangesPerRefresh) break;
                }
                if (!missing.empty()) {
                    std::vector<std::int64_t> wanted;
                    for (const auto& [id, since] : missing) wanted.push_back(id);
                    store::each_id_chunk(wanted, [&](std::span<const std::int64_t> chunk) {
                        for (const soci::row& r : store::query(
                                 sql,
                                 fmt::format("SELECT id, organisation_id FROM statistics_changes WHERE {}",
                                             store::in_id_set(sql, "id")),
                                 store::id_set(sql, chunk))) {
                            changes.push_back({store::int64_at(r, 0), store::int64_at(r, 1)});
                            missing.erase(store::int64_at(r, 0));
                        }
                    });
                }
                everything = changes.size() > kMaxChangesPerRefresh ||
                             last - previous->last_change > static_cast<std::int64_t>(kMaxChangesPerRefresh) ||
                             std::any_of(changes.begin(), changes.end(),
                                         [](const Change& c) { return c.organisation_id == 0; });
            }
            RefreshStats stats;
            if (everything) {
                auto fresh = std::make_unique<Facts>();
                Reader reader(sql, catalog->catalog(), *fresh);
                reader.places();
                fresh->institutions = reader.institutions(nullptr);
                for (std::size_t i = 0; i < fresh->institutions.size(); ++i)
                    fresh->position[fresh->institutions[i].id] = i;
                fresh->last_change = last;
                fresh->years_of_form = years_of_form(fresh->institutions);
                fresh->refreshed_at = SystemClock::now();
                stats.full = true;
                stats.organisations = fresh->institutions.size();
                for (const auto& i : fresh->institutions) stats.checklists += i.checklists.size();
                std::unique_lock lock(facts_mutex_);
                facts_ = std::move(fresh);
                return stats;
            }
            // Ids between the last read and now that were not seen: look again next time.
            std::set<std::int64_t> seen;
            for (const auto& c : changes) seen.insert(c.id);
            const auto now = Clock::now();
            for (auto id = previous->last_change + 1; id <= last; ++id)
                if (!seen.contains(id) && missing.size() < kMaxChangesPerRefresh) missing.emplace(id, now);
            std::erase_if(missing, [&](const auto& m) { return now - m.second > kMissingIdPatience; });

            std::set<std::int64_t> organisations;
            for (const auto& c : changes) organisations.insert(c.organisation_id);
            const std::vector<std::int64_t> ids(organisations.begin(), organisations.end());
            std::vector<InstitutionFacts> read;
            if (!ids.empty()) {
                // Slots may be added while reading: work on a copy of the slot table, swapped in below.
                Facts scratch;
                {
                    std::shared_lock lock(facts_mutex_);
                    scratch.slots = facts_->slots;
                    scratch.centre_of_municipality = facts_->centre_of_municipality;
                }
                Reader reader(sql, catalog->catalog(), scratch);
                read = reader.institutions(&ids);
                std::unique_lock lock(facts_mutex_);
                facts_->slots = std::move(scratch.slots);
                for (auto& i : read) {
                    stats.checklists += i.checklists.size();
                    auto at = facts_->position.find(i.id);
                    if (at != facts_->position.end()) {
                        facts_->institutions[at->second] = std::move(i);
                    } else if (i.present) {
                        facts_->position[i.id] = facts_->institutions.size();
                        facts_->institutions.push_back(std::move(i));
                    }
                }
                facts_->years_of_form = years_of_form(facts_->institutions);
            }
            std::unique_lock lock(facts_mutex_);
            facts_->last_change = last;
            facts_->missing_changes = std::move(missing);
            facts_->refreshed_at = SystemClock::now();
            stats.organisations = ids.size();
            return stats;
        });
    } catch (const std::exception& e) {
        return fail(ErrorCode::internal, fmt::format("statistics refresh: {}", e.what()));
    }
}

void StatisticsSnapshot::prune_changes(store::Database& writable) const {
    // `at` is "YYYY-MM-DDTHH:MM:SSZ": the same shape compares as text.
    const std::string cutoff = to_iso_utc(SystemClock::now() - kChangeLogKeeps).substr(0, 19) + "Z";
    writable.transaction([&](soci::session& sql) -> Status {
        store::execute(sql, "DELETE FROM statistics_changes WHERE at < :cutoff", cutoff);
        return {};
    });
}

}  // namespace mamori::services
