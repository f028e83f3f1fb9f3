#include "mamori/services/statistics_snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/time.hpp"
#include "statistics_facts.hpp"

namespace mamori::services {

using statistics::AnswerCounts;
using statistics::Dimension;

namespace {

constexpr std::uint8_t kUnanswered = 0;

std::uint8_t form_code(std::string_view form) {
    return form == "medical" ? 1 : form == "pharmacy" ? 2 : 0;
}

void add_answer(AnswerCounts& counts, std::uint8_t value) {
    ++counts.asked;
    switch (value) {
        case 1: ++counts.yes; break;
        case 2: ++counts.no; break;
        case 3: ++counts.not_required; break;
        default: ++counts.unanswered; break;
    }
}

bool passes(const InstitutionFacts& i, const StatisticsFilters& f) {
    if (!i.present) return false;
    if (f.prefecture && i.prefecture != *f.prefecture) return false;
    if (f.bed_band && i.bed_band != f.bed_band) return false;
    if (f.kind && i.kind != *f.kind) return false;
    return true;
}

// group_code: the institution's group under `by` as a number (a prefecture's code, a health centre's id, an
// enum's value; -1 for "unknown"); nullopt when it has no group there (a pharmacy has no bed band).
std::optional<std::int64_t> group_code(const InstitutionFacts& i, Dimension by) {
    switch (by) {
        case Dimension::prefecture: return i.prefecture_number == 0 ? -1 : i.prefecture_number;
        case Dimension::health_centre: return i.health_centre == 0 ? -1 : i.health_centre;
        case Dimension::facility_kind: return static_cast<std::int64_t>(i.kind);
        case Dimension::bed_band:
            if (!i.bed_band) return std::nullopt;
            return static_cast<std::int64_t>(*i.bed_band);
        case Dimension::ehr_use: return i.ehr ? 1 : 0;
    }
    return std::nullopt;
}

// group_key: the key the API shows for a group code of `by`.
std::string group_key(std::int64_t code, Dimension by) {
    if (code == -1) return std::string(kUnknownGroup);
    switch (by) {
        case Dimension::prefecture: return fmt::format("{:02}", code);
        case Dimension::health_centre: return std::to_string(code);
        case Dimension::facility_kind: return std::string(identity::to_string(static_cast<identity::OrgKind>(code)));
        case Dimension::bed_band: return std::string(inspection::to_string(static_cast<inspection::BedBand>(code)));
        case Dimension::ehr_use: return code == 1 ? "yes" : "no";
    }
    return std::string(kUnknownGroup);
}

// each_checklist: calls `each(institution, checklist)` for every checklist of the year and form whose
// institution passes the filters.
template <typename Each>
void each_checklist(const StatisticsSnapshot::Facts& facts, int fiscal_year, std::string_view form,
                    const StatisticsFilters& filters, Each&& each) {
    const auto code = form_code(form);
    for (const auto& institution : facts.institutions) {
        if (!passes(institution, filters)) continue;
        for (const auto& c : institution.checklists)
            if (c.fiscal_year == fiscal_year && c.form == code) each(institution, c);
    }
}

// Slot: where a line's answers are in ChecklistFacts::values; nullopt when no checklist has the line.
using Slot = std::optional<std::uint16_t>;

Slot slot_of(const StatisticsSnapshot::Facts& facts, std::string_view form, const StatisticsLine& line) {
    const auto it = facts.slots.find({std::string(form), line.canonical_id, line.row});
    return it == facts.slots.end() ? Slot() : Slot(it->second);
}

// order_of, in_order: group codes in the order people expect (prefecture codes, bands from small to large, kinds as
// declared), "unknown" last.
std::int64_t order_of(std::int64_t code) {
    return code == -1 ? INT64_MAX : code;
}

template <typename Counts>
std::vector<std::pair<std::int64_t, Counts>> in_order(std::unordered_map<std::int64_t, Counts> groups) {
    std::vector<std::pair<std::int64_t, Counts>> out(groups.begin(), groups.end());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return order_of(a.first) < order_of(b.first); });
    return out;
}

std::uint8_t value_at(const ChecklistFacts& c, Slot slot) {
    return slot && *slot < c.values.size() ? c.values[*slot] : kUnanswered;
}

std::string japan_time(std::chrono::system_clock::time_point t) {
    return to_iso_utc(t + std::chrono::hours(9)).substr(0, 19) + "+09:00";
}

}  // namespace

StatisticsSnapshot::StatisticsSnapshot(store::Database& db, const CatalogService& catalog)
    : db_(db), catalog_(catalog) {}

StatisticsSnapshot::~StatisticsSnapshot() = default;

Result<RefreshStats> StatisticsSnapshot::refresh() {
    std::lock_guard lock(refreshing_);
    return refresh_locked();
}

bool StatisticsSnapshot::loaded() const {
    std::shared_lock lock(facts_mutex_);
    return facts_ != nullptr;
}

std::string StatisticsSnapshot::as_of() const {
    std::shared_lock lock(facts_mutex_);
    return facts_ ? japan_time(facts_->refreshed_at) : std::string();
}

std::vector<int> StatisticsSnapshot::fiscal_years(std::string_view form) const {
    std::shared_lock lock(facts_mutex_);
    if (!facts_) return {};
    const auto years = facts_->years_of_form.find(form_code(form));
    if (years == facts_->years_of_form.end()) return {};
    return {years->second.begin(), years->second.end()};
}

statistics::ItemCounts StatisticsSnapshot::item_counts(const ItemQuery& query) const {
    return item_counts_of_lines(query, std::span(&query.line, 1)).front();
}

std::vector<statistics::ItemCounts> StatisticsSnapshot::item_counts_of_lines(
    const ItemQuery& query, std::span<const StatisticsLine> lines) const {
    std::shared_lock lock(facts_mutex_);
    std::vector<std::unordered_map<std::int64_t, AnswerCounts>> groups(lines.size());
    if (facts_) {
        std::vector<Slot> slots;
        for (const auto& line : lines) slots.push_back(slot_of(*facts_, query.form, line));
        each_checklist(*facts_, query.fiscal_year, query.form, query.filters,
                       [&](const InstitutionFacts& i, const ChecklistFacts& c) {
                           const auto code = group_code(i, query.by);
                           if (!code) return;
                           for (std::size_t l = 0; l < slots.size(); ++l)
                               add_answer(groups[l][*code], value_at(c, slots[l]));
                       });
    }
    std::vector<statistics::ItemCounts> out;
    for (auto& line_groups : groups) {
        statistics::ItemCounts counts{.dimension = query.by, .groups = {}};
        for (auto& [code, c] : in_order(std::move(line_groups))) counts.groups.push_back({group_key(code, query.by), c});
        out.push_back(std::move(counts));
    }
    return out;
}

statistics::CrossCounts StatisticsSnapshot::cross_counts(const ItemQuery& query) const {
    std::shared_lock lock(facts_mutex_);
    const auto rows = query.filters.prefecture ? Dimension::health_centre : Dimension::prefecture;
    std::map<std::pair<std::int64_t, std::int64_t>, AnswerCounts> pairs;  // (row code, column code)
    if (facts_) {
        const auto slot = slot_of(*facts_, query.form, query.line);
        each_checklist(*facts_, query.fiscal_year, query.form, query.filters,
                       [&](const InstitutionFacts& i, const ChecklistFacts& c) {
                           auto row = group_code(i, rows);
                           auto column = group_code(i, Dimension::bed_band);
                           if (row && column) add_answer(pairs[{*row, *column}], value_at(c, slot));
                       });
    }
    // Every row × every column, zeros included and in order: the table takes its keys in the order they come.
    std::set<std::int64_t> row_codes, column_codes;
    for (const auto& [key, counts] : pairs) {
        row_codes.insert(key.first);
        column_codes.insert(key.second);
    }
    std::vector<std::int64_t> row_order(row_codes.begin(), row_codes.end());
    std::sort(row_order.begin(), row_order.end(), [](auto a, auto b) { return order_of(a) < order_of(b); });
    statistics::CrossCounts out{.rows = rows, .columns = Dimension::bed_band, .groups = {}};
    for (auto row : row_order)
        for (auto column : column_codes)
            out.groups.push_back({group_key(row, rows), group_key(column, Dimension::bed_band), pairs[{row, column}]});
    return out;
}

statistics::RateGroupCounts StatisticsSnapshot::rate_counts(const RateQuery& query) const {
    std::shared_lock lock(facts_mutex_);
    std::unordered_map<std::int64_t, statistics::RateCounts> groups;
    if (facts_)
        each_checklist(*facts_, query.fiscal_year, query.form, query.filters,
                       [&](const InstitutionFacts& i, const ChecklistFacts& c) {
                           auto code = group_code(i, query.by);
                           if (!code) return;
                           auto& g = groups[*code];
                           ++g.asked;
                           if (c.submitted)
                               ++(c.complete ? g.submitted_complete : g.submitted_incomplete);
                           else
                               ++(c.complete ? g.unsubmitted_complete : g.unsubmitted_incomplete);
                       });
    statistics::RateGroupCounts out{.dimension = query.by, .groups = {}};
    for (auto& [code, counts] : in_order(std::move(groups))) {
        counts.key = group_key(code, query.by);
        out.groups.push_back(counts);
    }
    return out;
}

statistics::TargetGroupCounts StatisticsSnapshot::target_counts(const ItemQuery& query,
                                                                std::chrono::year_month_day today) const {
    std::shared_lock lock(facts_mutex_);
    const auto day = std::chrono::sys_days(today).time_since_epoch().count();
    std::unordered_map<std::int64_t, statistics::TargetCounts> groups;
    if (facts_) {
        const auto slot = slot_of(*facts_, query.form, query.line);
        each_checklist(*facts_, query.fiscal_year, query.form, query.filters,
                       [&](const InstitutionFacts& i, const ChecklistFacts& c) {
                           const auto code = group_code(i, query.by);
                           if (!code) return;
                           auto& g = groups[*code];
                           ++g.asked;
                           const auto target = std::find_if(c.no_targets.begin(), c.no_targets.end(),
                                                            [&](const auto& t) { return slot && t.first == *slot; });
                           if (target == c.no_targets.end())
                               ++g.other;
                           else
                               ++(target->second >= day ? g.open : g.overdue);
                       });
    }
    statistics::TargetGroupCounts out{.dimension = query.by, .groups = {}};
    for (auto& [code, counts] : in_order(std::move(groups))) {
        counts.key = group_key(code, query.by);
        out.groups.push_back(counts);
    }
    return out;
}

std::map<std::string, statistics::LocalText> StatisticsSnapshot::prefectures() const {
    std::shared_lock lock(facts_mutex_);
    return facts_ ? facts_->prefecture_names : std::map<std::string, statistics::LocalText>();
}

std::map<std::string, statistics::LocalText> StatisticsSnapshot::health_centres(
    const std::optional<std::string>& prefecture) const {
    std::shared_lock lock(facts_mutex_);
    std::map<std::string, statistics::LocalText> out;
    if (!facts_) return out;
    for (const auto& [id, centre] : facts_->health_centres)
        if (!prefecture || centre.prefecture == *prefecture) out[std::to_string(id)] = {centre.name, centre.name};
    return out;
}

}  // namespace mamori::services
