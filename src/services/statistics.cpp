#include "mamori/services/statistics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mamori/assessment/checklist.hpp"
#include "mamori/core/log.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services {

using identity::Caller;
using identity::OrgKind;
using identity::Role;
using statistics::Dimension;

namespace {

constexpr std::string_view kNotYours = "statistics are for the ministry and the prefectures";

// scope_of: nullopt when the caller may not see statistics; else the prefecture it is confined to ("" =
// the whole country).
std::optional<std::string> scope_of(const Caller& caller) {
    switch (caller.organisation.kind) {
        case OrgKind::ministry:
            if (caller.has(Role::administrator) || caller.has(Role::analyst) || caller.has(Role::viewer))
                return std::string();
            return std::nullopt;
        case OrgKind::prefecture:
            if (caller.organisation.prefecture_code.empty()) return std::nullopt;
            if (caller.has(Role::administrator) || caller.has(Role::analyst) || caller.has(Role::inspector) ||
                caller.has(Role::viewer))
                return caller.organisation.prefecture_code;
            return std::nullopt;
        default: return std::nullopt;
    }
}

// edition_of_year: the edition a checklist of `fiscal_year` is answered on — the latest edition of that year or
// before (a year whose edition is not out yet keeps the previous one).
const catalog::Edition* edition_of_year(const catalog::Catalog& catalog, int fiscal_year) {
    const catalog::Edition* found = nullptr;
    for (const auto& e : catalog.editions)
        if (!e.revisions.empty() && e.latest().fiscal_year <= fiscal_year &&
            (!found || e.latest().fiscal_year >= found->fiscal_year))
            found = &e.latest();
    return found;
}

std::string json_text(const catalog::Json& json, const char* key) {
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// lines_of: every answerable line of `form`, titled from the catalog (a row of several is named by its
// device classes, as the form prints it).
std::vector<StatisticsLineInfo> lines_of(const catalog::Catalog& catalog, const catalog::Form& form) {
    std::vector<StatisticsLineInfo> out;
    for (const auto& line : assessment::checklist_rows(form)) {
        StatisticsLineInfo info{line.key.canonical_id, line.key.row, "", "", ""};
        if (line.is_gate()) {  // the form's own question, else the registry's short name
            const auto gate = form.json.find("gate");
            if (gate != form.json.end() && gate->is_object()) {
                info.title_ja = json_text(*gate, "question_ja");
                info.title_en = json_text(*gate, "question_en");
            }
            const auto* canonical = catalog.find_canonical(line.key.canonical_id);
            if (info.title_ja.empty() && canonical) info.title_ja = json_text(canonical->json, "short_ja");
            if (info.title_en.empty() && canonical) info.title_en = json_text(canonical->json, "short_en");
        } else {
            info.number = line.item->number;
            info.title_ja = line.item->text_ja;
            info.title_en = json_text(line.item->json, "text_en");
            if (line.item->rows.size() > 1 && !line.row->device_classes.empty()) {
                std::string classes;
                for (const auto& c : line.row->device_classes) classes += (classes.empty() ? "" : "・") + c;
                info.title_ja = fmt::format("{}（{}）", info.title_ja, classes);
                info.title_en = fmt::format("{} ({})", info.title_en, line.row->key);
            }
        }
        out.push_back(std::move(info));
    }
    return out;
}

// has_line: whether fiscal year `year`'s edition of `form` asks `line` (a trend leaves out the years that
// did not).
bool has_line(const catalog::Catalog& catalog, int year, const std::string& form, const StatisticsLineInfo& line) {
    const auto* edition = edition_of_year(catalog, year);
    const auto* f = edition ? edition->find(form) : nullptr;
    if (!f) return false;
    const auto rows = assessment::checklist_rows(*f);
    return std::any_of(rows.begin(), rows.end(), [&](const assessment::ChecklistRow& r) {
        return r.key.canonical_id == line.item && r.key.row == line.row;
    });
}

GroupLabels fixed_labels(Dimension dimension) {
    switch (dimension) {
        case Dimension::facility_kind:
            return {{"hospital", {"病院", "Hospitals"}},
                    {"clinic", {"診療所", "Clinics"}},
                    {"dental_clinic", {"歯科診療所", "Dental clinics"}},
                    {"pharmacy", {"薬局", "Pharmacies"}}};
        case Dimension::bed_band:
            return {{"clinic_without_beds", {"無床診療所", "Clinics without beds"}},
                    {"clinic_with_beds", {"有床診療所", "Clinics with beds"}},
                    {"hospital_20_99", {"20〜99床", "20–99 beds"}},
                    {"hospital_100_199", {"100〜199床", "100–199 beds"}},
                    {"hospital_200_299", {"200〜299床", "200–299 beds"}},
                    {"hospital_300_399", {"300〜399床", "300–399 beds"}},
                    {"hospital_400_499", {"400〜499床", "400–499 beds"}},
                    {"hospital_500_plus", {"500床以上", "500 beds or more"}}};
        case Dimension::ehr_use:
            return {{"yes", {"電子カルテあり", "With an EHR"}}, {"no", {"電子カルテなし", "Without an EHR"}}};
        default: return {};
    }
}

// with_empty_prefectures: the national breakdown by prefecture lists all 47, those without any checklist as
// 0 of 0, so that a map has every tile.
void with_empty_prefectures(statistics::ItemCounts& counts, const GroupLabels& prefectures) {
    for (const auto& [code, label] : prefectures)
        if (code != kUnknownGroup && std::none_of(counts.groups.begin(), counts.groups.end(), [&](const auto& g) { return g.key == code; }))
            counts.groups.push_back({code, {}});
    std::stable_sort(counts.groups.begin(), counts.groups.end(), [](const auto& a, const auto& b) {
        return (a.key == kUnknownGroup) < (b.key == kUnknownGroup) ||
               ((a.key == kUnknownGroup) == (b.key == kUnknownGroup) && a.key < b.key);
    });
}

}  // namespace

namespace {

// filter_labels: the filters of a query as a sheet names them.
std::vector<statistics::SheetFilter> filter_labels(const StatisticsSnapshot& snapshot,
                                                   const StatisticsFilters& filters) {
    std::vector<statistics::SheetFilter> out;
    const auto add = [&](statistics::LocalText name, Dimension dimension, const std::string& key) {
        const auto labels = labels_of(snapshot, dimension, std::nullopt);
        const auto it = labels.find(key);
        out.push_back({std::move(name), it != labels.end() ? it->second : statistics::LocalText{key, key}});
    };
    if (filters.prefecture) add({"都道府県", "Prefecture"}, Dimension::prefecture, *filters.prefecture);
    if (filters.bed_band)
        add({"病床規模", "Bed band"}, Dimension::bed_band, std::string(inspection::to_string(*filters.bed_band)));
    if (filters.kind)
        add({"施設種別", "Facility kind"}, Dimension::facility_kind, std::string(identity::to_string(*filters.kind)));
    return out;
}

}  // namespace

std::optional<std::string> statistics_scope(const Caller& caller) { return scope_of(caller); }

const catalog::Edition* edition_for_statistics_year(const catalog::Catalog& catalog, int fiscal_year) {
    return edition_of_year(catalog, fiscal_year);
}

std::vector<StatisticsLineInfo> statistics_lines_of(const catalog::Catalog& catalog, const catalog::Form& form) {
    return lines_of(catalog, form);
}

GroupLabels labels_of(const StatisticsSnapshot& snapshot, Dimension dimension,
                      const std::optional<std::string>& prefecture) {
    GroupLabels out;
    switch (dimension) {
        case Dimension::prefecture: out = snapshot.prefectures(); break;
        case Dimension::health_centre: out = snapshot.health_centres(prefecture); break;
        default: out = fixed_labels(dimension);
    }
    out[std::string(kUnknownGroup)] = dimension == Dimension::health_centre
                                          ? statistics::LocalText{"管轄の保健所が不明", "No health centre on record"}
                                          : statistics::LocalText{"不明", "Unknown"};
    return out;
}

Statistics::Statistics(StatisticsSnapshot& snapshot, const CatalogService& catalog, int minimum_count)
    : snapshot_(snapshot), catalog_(catalog), minimum_count_(minimum_count) {}

Result<StatisticsQuery> Statistics::resolve(const Caller& caller, const StatisticsRequest& request,
                                            bool needs_line) {
    const auto scope = scope_of(caller);
    if (!scope) return fail(ErrorCode::not_found, std::string(kNotYours));
    if (!scope->empty()) {
        if (request.filters.prefecture && *request.filters.prefecture != *scope)
            return fail(ErrorCode::not_found, "that prefecture's statistics are its own", "prefecture");
    }
    if (auto refreshed = snapshot_.refresh(); !refreshed)
        log_event(spdlog::level::warn, "statistics served from the last snapshot",
                  {{"error", refreshed.error().message}});

    StatisticsQuery q;
    q.form = request.form;
    q.by = request.by;
    q.filters = request.filters;
    if (!scope->empty()) q.filters.prefecture = *scope;
    q.minimum_count = minimum_count_;
    q.as_of = snapshot_.as_of();
    q.filter_labels = filter_labels(snapshot_, q.filters);
    if (request.fiscal_year) {
        q.fiscal_year = *request.fiscal_year;
    } else {
        const auto years = snapshot_.fiscal_years(q.form);
        if (years.empty())
            return fail(ErrorCode::not_found, fmt::format("no checklist of the {} form yet", q.form), "form");
        q.fiscal_year = years.back();
    }
    if (q.by == Dimension::health_centre && !q.filters.prefecture)
        return fail(ErrorCode::invalid_input, "by=health_centre needs a prefecture", "by");
    if (!needs_line) return q;

    const auto catalog = catalog_.snapshot();
    const auto* edition = edition_of_year(catalog->catalog(), q.fiscal_year);
    const auto* form = edition ? edition->find(q.form) : nullptr;
    if (!form)
        return fail(ErrorCode::not_found, fmt::format("no {} form for fiscal year {}", q.form, q.fiscal_year),
                    "fiscal_year");
    for (auto& line : lines_of(catalog->catalog(), *form))
        if (line.item == request.item && (!request.row || line.row == *request.row)) {
            q.line = std::move(line);
            return q;
        }
    return fail(ErrorCode::invalid_input,
                fmt::format("item: {} is not a line of the {} form of fiscal year {}", request.item, q.form,
                            q.fiscal_year),
                request.row ? "row" : "item");
}

Result<StatisticsContext> Statistics::context(const Caller& caller) {
    const auto scope = scope_of(caller);
    if (!scope) return fail(ErrorCode::not_found, std::string(kNotYours));
    if (auto refreshed = snapshot_.refresh(); !refreshed)
        log_event(spdlog::level::warn, "statistics served from the last snapshot",
                  {{"error", refreshed.error().message}});
    StatisticsContext out;
    if (!scope->empty()) out.prefecture = *scope;
    out.minimum_count = minimum_count_;
    std::set<int> years;
    for (const auto* form : {"medical", "pharmacy"})
        for (int y : snapshot_.fiscal_years(form)) years.insert(y);
    out.fiscal_years.assign(years.begin(), years.end());
    for (auto& [code, label] : labels_of(snapshot_, Dimension::prefecture, std::nullopt))
        if (code != kUnknownGroup && (!out.prefecture || code == *out.prefecture)) out.prefectures[code] = label;
    out.bed_bands = fixed_labels(Dimension::bed_band);
    out.facility_kinds = fixed_labels(Dimension::facility_kind);
    out.as_of = snapshot_.as_of();
    return out;
}

Result<StatisticsItems> Statistics::items(const Caller& caller, const StatisticsRequest& request) {
    auto q = resolve(caller, request, false);
    if (!q) return fail(q.error());
    const auto catalog = catalog_.snapshot();
    const auto* edition = edition_of_year(catalog->catalog(), q->fiscal_year);
    const auto* form = edition ? edition->find(q->form) : nullptr;
    if (!form)
        return fail(ErrorCode::not_found, fmt::format("no {} form for fiscal year {}", q->form, q->fiscal_year),
                    "fiscal_year");
    return StatisticsItems{q->fiscal_year, q->form, edition->id, lines_of(catalog->catalog(), *form)};
}

Result<ItemView> Statistics::item(const Caller& caller, const StatisticsRequest& request) {
    auto q = resolve(caller, request, true);
    if (!q) return fail(q.error());
    auto counts = snapshot_.item_counts(
        {q->fiscal_year, q->form, {q->line->item, q->line->row}, q->by, q->filters});
    auto labels = labels_of(snapshot_, q->by, q->filters.prefecture);
    if (q->by == Dimension::prefecture && !q->filters.prefecture) with_empty_prefectures(counts, labels);
    auto table = statistics::item_table(counts, minimum_count_);
    if (!table) return fail(table.error());
    return ItemView{std::move(*q), std::move(*table), std::move(labels)};
}

Result<CrossView> Statistics::cross(const Caller& caller, const StatisticsRequest& request) {
    auto q = resolve(caller, request, true);
    if (!q) return fail(q.error());
    auto counts = snapshot_.cross_counts(
        {q->fiscal_year, q->form, {q->line->item, q->line->row}, q->by, q->filters});
    auto table = statistics::cross_table(counts, request.answer, minimum_count_);
    if (!table) return fail(table.error());
    return CrossView{std::move(*q), std::move(*table), labels_of(snapshot_, counts.rows, q->filters.prefecture),
                     fixed_labels(Dimension::bed_band)};
}

Result<TrendView> Statistics::trend(const Caller& caller, const StatisticsRequest& request) {
    auto q = resolve(caller, request, true);
    if (!q) return fail(q.error());
    std::vector<statistics::YearCounts> years;
    const auto catalog = catalog_.snapshot();
    for (int year : snapshot_.fiscal_years(q->form))
        if (has_line(catalog->catalog(), year, q->form, *q->line))
        years.push_back({year, snapshot_.item_counts({year, q->form, {q->line->item, q->line->row}, q->by,
                                                      q->filters})});
    auto trend = statistics::item_trend(years, minimum_count_);
    if (!trend) return fail(trend.error());
    return TrendView{std::move(*q), std::move(*trend), labels_of(snapshot_, q->by, q->filters.prefecture)};
}

Result<RateView> Statistics::rates(const Caller& caller, const StatisticsRequest& request) {
    auto q = resolve(caller, request, false);
    if (!q) return fail(q.error());
    auto counts = snapshot_.rate_counts({q->fiscal_year, q->form, q->by, q->filters});
    auto table = statistics::rate_table(counts, minimum_count_);
    if (!table) return fail(table.error());
    return RateView{std::move(*q), std::move(*table), labels_of(snapshot_, q->by, q->filters.prefecture)};
}

Result<TargetView> Statistics::targets(const Caller& caller, const StatisticsRequest& request) {
    auto q = resolve(caller, request, true);
    if (!q) return fail(q.error());
    const auto today = japan_date(std::chrono::system_clock::now());
    auto counts = snapshot_.target_counts({q->fiscal_year, q->form, {q->line->item, q->line->row}, q->by, q->filters},
                                          today);
    auto table = statistics::target_table(counts, minimum_count_);
    if (!table) return fail(table.error());
    return TargetView{std::move(*q), std::move(*table), labels_of(snapshot_, q->by, q->filters.prefecture),
                      to_iso_date(today)};
}

namespace {

Status ministry_only(const Caller& caller) {
    const auto scope = scope_of(caller);
    if (!scope || !scope->empty())
        return fail(ErrorCode::not_found, "the open-data file is the ministry's publication");
    return {};
}

}  // namespace

Result<std::string> Statistics::open_data_dictionary(const Caller& caller) const {
    if (auto allowed = ministry_only(caller); !allowed) return fail(allowed.error());
    return statistics::open_data_dictionary_csv(minimum_count_);
}

Result<OpenDataFile> Statistics::open_data(const Caller& caller, const StatisticsRequest& request) {
    if (auto allowed = ministry_only(caller); !allowed) return fail(allowed.error());
    auto items = this->items(caller, request);
    if (!items) return fail(items.error());
    OpenDataFile out{items->fiscal_year, items->form, minimum_count_, {}};
    const auto prefectures = labels_of(snapshot_, Dimension::prefecture, std::nullopt);
    std::vector<StatisticsLine> keys;
    for (const auto& line : items->lines) keys.push_back({line.item, line.row});
    auto all = snapshot_.item_counts_of_lines({items->fiscal_year, items->form, {}, Dimension::prefecture, {}}, keys);
    for (std::size_t l = 0; l < items->lines.size(); ++l) {
        const auto& line = items->lines[l];
        auto& counts = all[l];
        std::erase_if(counts.groups, [](const auto& g) { return g.key == kUnknownGroup; });
        with_empty_prefectures(counts, prefectures);
        auto table = statistics::item_table(counts, minimum_count_);
        if (!table) return fail(table.error());
        out.lines.push_back({line.item, line.row, line.number, std::move(*table)});
    }
    return out;
}

}  // namespace mamori::services
