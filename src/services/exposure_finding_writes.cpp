// finding_writes::Batch: a match's differences written (exposure_finding_writes.hpp).
#include "exposure_finding_writes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "mamori/store/id_set.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services::finding_writes {

namespace {

// kIdsPerStatement: ids in one `IN (...)` list or rows in one multi-row INSERT (PostgreSQL round trips).
constexpr std::size_t kIdsPerStatement = 500;

template <typename T, typename F>
void in_chunks(const std::vector<T>& items, F&& f) {
    for (std::size_t from = 0; from < items.size(); from += kIdsPerStatement)
        f(from, std::min(items.size(), from + kIdsPerStatement));
}

// state_literal: a finding state as SQL text. The states come from the findings table, whose CHECK allows only
// a few lower-case words; anything else is a bug, never written.
std::string state_literal(const std::string& state) {
    if (state.empty()) return "NULL";
    if (!std::all_of(state.begin(), state.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }))
        throw std::logic_error(fmt::format("unexpected finding state '{}'", state));
    return fmt::format("'{}'", state);
}

std::optional<std::string> nullable(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

}  // namespace

void Batch::asset(std::int64_t organisation_id, std::int64_t asset_id, const std::map<std::string, Wanted>& wanted,
                  const std::map<std::string, Stored>& stored, const std::string& confirmed_at) {
    bool changed = false;
    for (const auto& [cve_id, w] : wanted) {
        std::string matched = nlohmann::json(w.matched).dump();
        const auto it = stored.find(cve_id);
        changed = changed || it == stored.end() || !it->second.active;
        if (it == stored.end()) {
            new_.push_back({organisation_id, asset_id, w.priority, cve_id, std::move(matched)});
            continue;
        }
        const Stored& s = it->second;
        if (!s.active) {
            // Mitigated and true again: back to open; any other state stands.
            back_.push_back({s.id, s.state, s.state == "mitigated" ? "open" : s.state, std::move(matched), w.priority});
            continue;
        }
        if (s.matched_cpes != matched || s.priority != w.priority) {
            kept_.push_back({s.id, w.priority, std::move(matched)});
            changed = true;
        }
        ++stats_.unchanged;
    }
    for (const auto& [cve_id, s] : stored)
        if (s.active && !wanted.contains(cve_id)) {
            gone_.push_back({s.id, s.state, confirmed_at});
            changed = true;
        }
    if (changed) changed_.push_back(asset_id);
}

std::vector<std::int64_t> Batch::changed_assets() const {
    auto out = changed_;
    std::sort(out.begin(), out.end());
    return out;
}

void Batch::write() {
    insert_new();
    update_kept();
    write_back_and_gone();
    new_.clear();
    kept_.clear();
    back_.clear();
    gone_.clear();
}

// insert_new: the new findings, each with its found event. A row another matcher made meanwhile is skipped
// (ON CONFLICT) and gets no event here.
void Batch::insert_new() {
    std::vector<Event> events;
    if (dialect_ == store::Dialect::sqlite) {
        for (const auto& r : new_) {
            for (const soci::row& row : store::query(
                     sql_,
                     "INSERT INTO findings (organisation_id, asset_id, cve_id, matched_cpes, priority, first_found_at, "
                     "last_matched_at, updated_at) VALUES (:o, :a, :c, :m, :p, :f, :l, :u) "
                     "ON CONFLICT (asset_id, cve_id) DO NOTHING RETURNING id",
                     r.organisation_id, r.asset_id, r.cve_id, r.matched, r.priority, now_, now_, now_))
                events.push_back({store::int64_at(row, 0), 1, "found", "", "open", ""});
        }
    } else {
        in_chunks(new_, [&](std::size_t from, std::size_t end) {
            std::string text =
                "INSERT INTO findings (organisation_id, asset_id, cve_id, matched_cpes, priority, first_found_at, "
                "last_matched_at, updated_at) VALUES ";
            soci::statement st(sql_);
            for (std::size_t i = from; i < end; ++i) {
                // `now_` is our own ISO time, never input; the rest is bound.
                text += fmt::format("{}(:o{}, :a{}, :c{}, :m{}, :p{}, '{}', '{}', '{}')", i == from ? "" : ", ", i,
                                    i, i, i, i, now_, now_, now_);
                const auto& r = new_[i];
                st.exchange(soci::use(r.organisation_id));
                st.exchange(soci::use(r.asset_id));
                st.exchange(soci::use(r.cve_id));
                st.exchange(soci::use(r.matched));
                st.exchange(soci::use(r.priority));
            }
            text += " ON CONFLICT (asset_id, cve_id) DO NOTHING RETURNING id";
            long long id = 0;
            st.exchange(soci::into(id));
            st.alloc();
            st.prepare(text);
            st.define_and_bind();
            if (st.execute(true)) {
                do events.push_back({id, 1, "found", "", "open", ""});
                while (st.fetch());
            }
        });
    }
    stats_.found += static_cast<std::int64_t>(events.size());
    insert_events(events);
}

// update_from_values (PostgreSQL): `UPDATE findings AS f SET <set> FROM (VALUES …) AS v (<columns>) WHERE
// f.id = v.id`, kIdsPerStatement rows a statement, `bind` binding each row's values in the order of `columns`
// (the first is the finding's id). One round trip per statement instead of one per finding.
struct ValuesColumn {
    std::string_view name, type;
};

template <typename Row, typename Bind>
void update_from_values(soci::session& sql, const std::vector<Row>& rows,
                        std::initializer_list<ValuesColumn> columns, std::string_view set, Bind&& bind) {
    std::string names;
    for (const auto& c : columns) names += fmt::format("{}{}", names.empty() ? "" : ", ", c.name);
    in_chunks(rows, [&](std::size_t from, std::size_t end) {
        std::string text = fmt::format("UPDATE findings AS f SET {} FROM (VALUES ", set);
        soci::statement st(sql);
        for (std::size_t i = from; i < end; ++i) {
            text += i == from ? "(" : ", (";
            std::size_t k = 0;
            for (const auto& c : columns) {
                text += fmt::format("{}CAST(:v{}_{} AS {})", k == 0 ? "" : ", ", i, k, c.type);
                ++k;
            }
            text += ")";
            bind(st, rows[i]);
        }
        text += fmt::format(") AS v ({}) WHERE f.id = v.id", names);
        st.alloc();
        st.prepare(text);
        st.define_and_bind();
        st.execute(true);
    });
}

// update_kept: active findings whose matched names or priority changed (a CVE rescored: every finding of it).
// No event: the finding is the same one, still true.
void Batch::update_kept() {
    if (dialect_ == store::Dialect::sqlite) {
        for (const auto& k : kept_)
            store::execute(sql_, "UPDATE findings SET matched_cpes = :m, priority = :p WHERE id = :id", k.matched,
                           k.priority, k.id);
        return;
    }
    update_from_values(sql_, kept_, {{"id", "BIGINT"}, {"m", "TEXT"}, {"p", "INTEGER"}},
                       "matched_cpes = v.m, priority = v.p", [](soci::statement& st, const Kept& k) {
                           st.exchange(soci::use(k.id));
                           st.exchange(soci::use(k.matched));
                           st.exchange(soci::use(k.priority));
                       });
}

// update_back: findings true again, active with their new state, names and priority.
void Batch::update_back() {
    if (dialect_ == store::Dialect::sqlite) {
        for (const auto& b : back_)
            store::execute(sql_,
                           "UPDATE findings SET active = 1, inactive_since = NULL, state = :s, matched_cpes = :m, "
                           "priority = :p, last_matched_at = :l, updated_at = :u, updated_by = NULL, "
                           "version = version + 1 WHERE id = :id",
                           b.to_state, b.matched, b.priority, now_, now_, b.id);
        return;
    }
    // `now_` is our own ISO time, never input; the rest is bound.
    update_from_values(sql_, back_, {{"id", "BIGINT"}, {"s", "TEXT"}, {"m", "TEXT"}, {"p", "INTEGER"}},
                       fmt::format("active = 1, inactive_since = NULL, state = v.s, matched_cpes = v.m, "
                                   "priority = v.p, last_matched_at = '{}', updated_at = '{}', updated_by = NULL, "
                                   "version = f.version + 1",
                                   now_, now_),
                       [](soci::statement& st, const Back& b) {
                           st.exchange(soci::use(b.id));
                           st.exchange(soci::use(b.to_state));
                           st.exchange(soci::use(b.matched));
                           st.exchange(soci::use(b.priority));
                       });
}

// write_back_and_gone: findings true again and findings no longer true, each with its event numbered after the
// finding's last one.
void Batch::write_back_and_gone() {
    if (back_.empty() && gone_.empty()) return;
    std::vector<std::int64_t> ids;
    for (const auto& b : back_) ids.push_back(b.id);
    for (const auto& g : gone_) ids.push_back(g.id);
    std::unordered_map<std::int64_t, std::int64_t> last_seq;
    const auto last_text = fmt::format(
        "SELECT finding_id, MAX(seq) FROM finding_events WHERE {} GROUP BY finding_id",
        store::in_id_set(sql_, "finding_id"));
    store::each_id_chunk(ids, [&](std::span<const std::int64_t> chunk) {
        for (const soci::row& r : store::query(sql_, last_text, store::id_set(sql_, chunk)))
            last_seq[store::int64_at(r, 0)] = store::int64_at(r, 1);
    });
    update_back();
    std::vector<Event> events;
    for (const auto& b : back_)
        events.push_back({b.id, last_seq[b.id] + 1, "returned", b.from_state, b.to_state,
                          b.from_state == "mitigated" ? "true again after it was mitigated: back to open" : ""});
    stats_.returned += static_cast<std::int64_t>(back_.size());
    // Gone: its last match is the asset's last whole match, when that confirmed it later than it was found.
    std::map<std::string, std::vector<std::int64_t>> gone_by_confirmation;
    for (const auto& g : gone_) gone_by_confirmation[g.confirmed_at].push_back(g.id);
    const auto gone_text = fmt::format(
        "UPDATE findings SET active = 0, inactive_since = :n, updated_at = :u, last_matched_at = {}(last_matched_at, "
        ":c), version = version + 1 WHERE {}",
        dialect_ == store::Dialect::sqlite ? "max" : "GREATEST", store::in_id_set(sql_, "id"));
    for (const auto& [confirmed_at, gone_ids] : gone_by_confirmation)
        store::each_id_chunk(gone_ids, [&](std::span<const std::int64_t> chunk) {
            store::execute(sql_, gone_text, now_, now_, confirmed_at, store::id_set(sql_, chunk));
        });
    for (const auto& g : gone_) events.push_back({g.id, last_seq[g.id] + 1, "gone", g.state, g.state, ""});
    stats_.gone += static_cast<std::int64_t>(gone_.size());
    insert_events(events);
}

void Batch::insert_events(const std::vector<Event>& events) {
    if (dialect_ == store::Dialect::sqlite) {
        for (const auto& e : events)
            store::execute(sql_,
                           "INSERT INTO finding_events (finding_id, seq, action, from_state, to_state, reason, at) "
                           "VALUES (:f, :s, :a, :fr, :t, :r, :at)",
                           e.finding_id, e.seq, std::string(e.action), nullable(e.from_state),
                           nullable(e.to_state), std::string(e.reason), now_);
        return;
    }
    // Every value is ours: ids and numbers, fixed words, states checked by state_literal, our own time.
    in_chunks(events, [&](std::size_t from, std::size_t end) {
        std::string text = "INSERT INTO finding_events (finding_id, seq, action, from_state, to_state, reason, at) VALUES ";
        for (std::size_t i = from; i < end; ++i) {
            const auto& e = events[i];
            text += fmt::format("{}({}, {}, '{}', {}, {}, '{}', '{}')", i == from ? "" : ", ", e.finding_id, e.seq,
                                e.action, state_literal(e.from_state), state_literal(e.to_state), e.reason, now_);
        }
        sql_ << text;
    });
}

}  // namespace mamori::services::finding_writes
