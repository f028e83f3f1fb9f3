#include "mamori/statistics/sheets.hpp"

#include <fmt/format.h>

#include <array>
#include <unordered_map>

#include "mamori/core/time.hpp"

namespace mamori::statistics {

namespace {

// Words: one fixed text in both languages.
struct Words {
    std::string_view ja;
    std::string_view en;
};

std::string say(Language language, Words words) {
    return std::string(language == Language::ja ? words.ja : words.en);
}

// localized: a format in the sheet's language, filled in.
template <typename... Args>
std::string localized(Language language, Words format, const Args&... args) {
    return fmt::format(fmt::runtime(language == Language::ja ? format.ja : format.en), args...);
}

const std::string& pick(Language language, const LocalText& text) {
    return language == Language::ja ? text.ja : text.en;
}

constexpr std::array<Words, answer_column_count> answer_words = {Words{"はい", "Yes"}, Words{"いいえ", "No"},
                                                                 Words{"記入不要", "Not required"},
                                                                 Words{"未回答", "Unanswered"}};

Words dimension_words(Dimension dimension) {
    switch (dimension) {
        case Dimension::prefecture: return {"都道府県", "Prefecture"};
        case Dimension::health_centre: return {"保健所", "Health centre"};
        case Dimension::facility_kind: return {"施設種別", "Facility kind"};
        case Dimension::bed_band: return {"病床規模", "Bed band"};
        case Dimension::ehr_use: return {"電子カルテ", "Electronic health records"};
    }
    return {"区分", "Group"};
}

constexpr Words total_words{"合計", "Total"};
constexpr Words count_words{"件数", "count"};
constexpr Words share_words{"割合", "share"};
constexpr Words asked_words{"対象数", "Asked"};
// What a ratio cell shows when nobody was asked (0 of 0): not suppressed, there is no ratio. Not "-", which
// the CSV writer would guard as a formula.
constexpr std::string_view no_ratio = "—";

// Labels: group key → label in the sheet's language.
class Labels {
  public:
    Labels(std::span<const GroupLabel> labels, Language language) {
        for (const auto& label : labels)
            by_key_.emplace(label.key, language == Language::ja ? label.ja : label.en);
    }

    Result<std::string> of(const std::string& key) const {
        const auto found = by_key_.find(key);
        if (found == by_key_.end() || found->second.empty())
            return fail(ErrorCode::internal, fmt::format("no label for the group key \"{}\"", key), "labels");
        return found->second;
    }

  private:
    std::unordered_map<std::string, std::string> by_key_;
};

// RowBuilder: the cells of one line, remembering whether a 0-of-0 ratio was written (it gets a note).
struct RowBuilder {
    std::vector<SheetCell> cells;
    bool& no_ratio_shown;

    void text(std::string value) { cells.push_back(SheetCell::of_text(std::move(value))); }
    void count(const std::optional<std::int64_t>& value) {
        cells.push_back(value ? SheetCell::of_count(*value) : SheetCell::suppressed());
    }
    void ratio(const Share& share) {
        if (const auto ratio = share.ratio()) {
            cells.push_back(SheetCell::of_ratio(*ratio));
        } else {
            cells.push_back(SheetCell::of_text(std::string(no_ratio)));
            no_ratio_shown = true;
        }
    }
    // share_count_and_ratio: "n" and "n / N"; both empty when suppressed.
    void share_count_and_ratio(const std::optional<Share>& share) {
        if (!share) {
            cells.insert(cells.end(), 2, SheetCell::suppressed());
            return;
        }
        cells.push_back(SheetCell::of_count(share->count));
        ratio(*share);
    }
    // share_in_full: "n", "N" and "n / N"; all empty when suppressed.
    void share_in_full(const std::optional<Share>& share) {
        if (!share) {
            cells.insert(cells.end(), 3, SheetCell::suppressed());
            return;
        }
        cells.push_back(SheetCell::of_count(share->count));
        cells.push_back(SheetCell::of_count(share->denominator));
        ratio(*share);
    }
};

std::string joined_header(Language language, std::string_view first, Words second) {
    return fmt::format("{} {}", first, say(language, second));
}

std::string item_heading(const SheetContext& context, std::string_view form) {
    const auto& title = pick(context.language, context.item_title);
    if (context.language == Language::ja) return fmt::format("{} {}「{}」", form, context.item_number, title);
    return fmt::format("{}, item {} \"{}\"", form, context.item_number, title);
}

std::string year_text(Language language, int fiscal_year) {
    return language == Language::ja ? fiscal_year_ja(fiscal_year) : fmt::format("FY{}", fiscal_year);
}

// common_notes: when, which filters, the denominator, suppression and k; the 0-of-0 note when one shows.
std::vector<std::string> common_notes(const SheetContext& context, std::string denominator, int minimum_count,
                                      bool no_ratio_shown) {
    const auto language = context.language;
    const bool ja = language == Language::ja;
    std::vector<std::string> notes;
    if (!context.as_of.empty())
        notes.push_back(localized(language, {"集計時点: {}", "As of: {}"}, context.as_of));
    if (!context.filters.empty()) {
        std::string filters;
        for (const auto& filter : context.filters) {
            if (!filters.empty()) filters += ja ? "、" : ", ";
            filters += fmt::format("{} = {}", pick(language, filter.name), pick(language, filter.value));
        }
        notes.push_back(localized(language, {"絞り込み: {}", "Filters: {}"}, filters));
    }
    notes.push_back(std::move(denominator));
    notes.push_back(localized(
        language,
        {"空欄は秘匿: {0}施設未満の値と、そこから計算で求められてしまう値を伏せています(最小集計単位 k = "
         "{0})。",
         "An empty cell is suppressed: values for fewer than {0} institutions, and values from which such a "
         "value could be worked out, are withheld (minimum count k = {0})."},
        minimum_count));
    if (no_ratio_shown)
        notes.push_back(localized(
            language,
            {"{}: 対象数が0のため割合はありません。", "{}: nobody was asked, so there is no share."},
            no_ratio));
    return notes;
}

std::string item_denominator_note(Language language) {
    return language == Language::ja
               ? "対象数: この年度にこの様式のチェックリストがある施設の数(絞り込み後)。割合 = 件数 ÷ "
                 "対象数。"
               : "Asked: institutions with a checklist of this form in this fiscal year (after the filters). "
                 "Share = count ÷ asked.";
}

std::vector<std::string> item_header(Language language, Dimension dimension) {
    std::vector<std::string> header{say(language, dimension_words(dimension)), say(language, asked_words)};
    for (const auto& answer : answer_words) {
        const auto name = language == Language::ja ? answer.ja : answer.en;
        header.push_back(joined_header(language, name, count_words));
        header.push_back(joined_header(language, name, share_words));
    }
    return header;
}

void append_item_line(RowBuilder& row, const GroupShares& line) {
    row.count(line.asked);
    for (const auto& share : line.shares) row.share_count_and_ratio(share);
}

// append_item_lines: the groups of one table then its total, each line prefixed by `prefix` (the trend's
// year).
Status append_item_lines(std::vector<std::vector<SheetCell>>& rows, const ItemTable& table,
                         const Labels& labels, Language language, const std::vector<SheetCell>& prefix,
                         bool& no_ratio_shown) {
    for (const auto& group : table.groups) {
        auto label = labels.of(group.key);
        if (!label) return fail(label.error());
        RowBuilder row{prefix, no_ratio_shown};
        row.text(std::move(*label));
        append_item_line(row, group);
        rows.push_back(std::move(row.cells));
    }
    RowBuilder total{prefix, no_ratio_shown};
    total.text(say(language, total_words));
    append_item_line(total, table.total);
    rows.push_back(std::move(total.cells));
    return {};
}

}  // namespace

Result<std::string> form_label(std::string_view form, Language language) {
    if (form == "medical") return say(language, {"医療機関確認用", "Medical institution checklist"});
    if (form == "pharmacy") return say(language, {"薬局確認用", "Pharmacy checklist"});
    return fail(ErrorCode::invalid_input, "form must be medical or pharmacy", "form");
}

Result<Sheet> item_table_sheet(const ItemTable& table, std::span<const GroupLabel> labels,
                               const SheetContext& context) {
    const auto language = context.language;
    auto form = form_label(context.form, language);
    if (!form) return fail(form.error());
    Sheet sheet;
    sheet.name = say(language, {"回答の集計", "Answers"});
    sheet.title = localized(language, {"{} {} 回答の集計", "{} {}: answers"},
                            year_text(language, context.fiscal_year), item_heading(context, *form));
    sheet.header = item_header(language, table.dimension);
    bool no_ratio_shown = false;
    if (auto ok =
            append_item_lines(sheet.rows, table, Labels(labels, language), language, {}, no_ratio_shown);
        !ok)
        return fail(ok.error());
    sheet.notes = common_notes(context, item_denominator_note(language), table.minimum_count, no_ratio_shown);
    return sheet;
}

Result<Sheet> trend_sheet(std::span<const TrendPoint> trend, std::span<const GroupLabel> labels,
                          const SheetContext& context) {
    const auto language = context.language;
    auto form = form_label(context.form, language);
    if (!form) return fail(form.error());
    const int minimum_count = trend.empty() ? default_minimum_count : trend.front().table.minimum_count;
    Sheet sheet;
    sheet.name = say(language, {"経年推移", "Trend"});
    sheet.title = localized(language, {"{} 回答の経年推移", "{}: answers over the years"},
                            item_heading(context, *form));
    sheet.header =
        item_header(language, trend.empty() ? Dimension::prefecture : trend.front().table.dimension);
    sheet.header.insert(sheet.header.begin(), say(language, {"年度", "Fiscal year"}));
    const Labels by_key(labels, language);
    bool no_ratio_shown = false;
    for (std::size_t i = 0; i < trend.size(); ++i) {
        if (trend[i].table.minimum_count != minimum_count)
            return fail(ErrorCode::internal, "every year of a trend must be suppressed with the same k",
                        fmt::format("trend[{}]", i));
        const std::vector<SheetCell> year{SheetCell::of_text(year_text(language, trend[i].fiscal_year))};
        if (auto ok = append_item_lines(sheet.rows, trend[i].table, by_key, language, year, no_ratio_shown);
            !ok)
            return fail(ok.error());
    }
    auto denominator = item_denominator_note(language);
    denominator += language == Language::ja ? "秘匿は年度ごとに判定しています。"
                                            : " Each year is suppressed on its own.";
    sheet.notes = common_notes(context, std::move(denominator), minimum_count, no_ratio_shown);
    return sheet;
}

Result<Sheet> cross_table_sheet(const CrossTable& table, std::span<const GroupLabel> row_labels,
                                std::span<const GroupLabel> column_labels, const SheetContext& context) {
    const auto language = context.language;
    const bool ja = language == Language::ja;
    auto form = form_label(context.form, language);
    if (!form) return fail(form.error());
    const auto answer = say(language, answer_words[static_cast<std::size_t>(table.answer)]);
    const auto row_dimension = say(language, dimension_words(table.row_dimension));
    const auto column_dimension = say(language, dimension_words(table.column_dimension));
    Sheet sheet;
    sheet.name = say(language, {"クロス集計", "Cross-tab"});
    sheet.title = localized(language, {"{} {} 回答「{}」の{}×{}集計", "{} {}: \"{}\" by {} × {}"},
                            year_text(language, context.fiscal_year), item_heading(context, *form), answer,
                            row_dimension, column_dimension);

    const Labels columns(column_labels, language);
    sheet.header.push_back(row_dimension);
    const auto add_column_headers = [&](const std::string& name) {
        sheet.header.push_back(joined_header(language, name, count_words));
        sheet.header.push_back(fmt::format("{} {}", name, ja ? "対象数" : "asked"));
        sheet.header.push_back(joined_header(language, name, share_words));
    };
    for (const auto& key : table.column_keys) {
        auto label = columns.of(key);
        if (!label) return fail(label.error());
        add_column_headers(*label);
    }
    add_column_headers(say(language, total_words));

    const Labels rows(row_labels, language);
    bool no_ratio_shown = false;
    for (std::size_t r = 0; r < table.row_keys.size(); ++r) {
        auto label = rows.of(table.row_keys[r]);
        if (!label) return fail(label.error());
        RowBuilder row{{}, no_ratio_shown};
        row.text(std::move(*label));
        for (const auto& cell : table.cells.at(r)) row.share_in_full(cell);
        row.share_in_full(table.row_totals.at(r));
        sheet.rows.push_back(std::move(row.cells));
    }
    RowBuilder totals{{}, no_ratio_shown};
    totals.text(say(language, total_words));
    for (const auto& total : table.column_totals) totals.share_in_full(total);
    totals.share_in_full(table.grand_total);
    sheet.rows.push_back(std::move(totals.cells));

    auto denominator = localized(
        language,
        {"件数: 回答が「{0}」の施設の数。対象数: "
         "その区分でこの年度にこの様式のチェックリストがある施設の数(絞り込み後)。割合 = 件数 ÷ 対象数。",
         "Count: institutions that answered \"{0}\". Asked: institutions of that group with a checklist of "
         "this form in this fiscal year (after the filters). Share = count ÷ asked."},
        answer);
    sheet.notes = common_notes(context, std::move(denominator), table.minimum_count, no_ratio_shown);
    return sheet;
}

Result<Sheet> rate_table_sheet(const RateTable& table, std::span<const GroupLabel> labels,
                               const SheetContext& context) {
    const auto language = context.language;
    const bool ja = language == Language::ja;
    auto form = form_label(context.form, language);
    if (!form) return fail(form.error());
    Sheet sheet;
    sheet.name = say(language, {"提出状況", "Submission"});
    sheet.title = localized(
        language, {"{} {} チェックリストの提出・記入完了の状況", "{} {}: checklists submitted and complete"},
        year_text(language, context.fiscal_year), *form);
    sheet.header = {
        say(language, dimension_words(table.dimension)),     say(language, asked_words),
        say(language, {"提出済み 件数", "Submitted count"}), say(language, {"提出率", "Submitted share"}),
        say(language, {"記入完了 件数", "Complete count"}),  say(language, {"記入完了率", "Complete share"})};
    const Labels by_key(labels, language);
    bool no_ratio_shown = false;
    const auto append = [&](std::string label, const GroupRates& line) {
        RowBuilder row{{}, no_ratio_shown};
        row.text(std::move(label));
        row.count(line.asked);
        row.share_count_and_ratio(line.submitted);
        row.share_count_and_ratio(line.complete);
        sheet.rows.push_back(std::move(row.cells));
    };
    for (const auto& group : table.groups) {
        auto label = by_key.of(group.key);
        if (!label) return fail(label.error());
        append(std::move(*label), group);
    }
    append(say(language, total_words), table.total);
    auto denominator =
        std::string(ja ? "対象数: この年度にこの様式のチェックリストがある施設の数(絞り込み後)。提出率 = "
                         "提出済み ÷ 対象数、"
                         "記入完了率 = 記入完了 ÷ 対象数(記入完了: 未記入の行がないもの)。"
                       : "Asked: institutions with a checklist of this form in this fiscal year (after the "
                         "filters). Submitted "
                         "share = submitted ÷ asked; complete share = complete ÷ asked (complete: no line "
                         "left unanswered).");
    sheet.notes = common_notes(context, std::move(denominator), table.minimum_count, no_ratio_shown);
    return sheet;
}

}  // namespace mamori::statistics
