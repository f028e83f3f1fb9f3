// Published views made by hand for the sheet and open-data tests (with hidden values where suppression would
// put them), the labels of their groups and a context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mamori/statistics/sheets.hpp"

namespace mamori::statistics::testing {

inline std::optional<Share> share(std::int64_t count, std::int64_t denominator) {
    return Share{count, denominator};
}

inline const std::optional<Share> hidden{};

// item_by_prefecture: 東京都 with two hidden shares, 沖縄県 hidden whole, 北海道 asked of none (0 of 0).
inline ItemTable item_by_prefecture() {
    ItemTable table;
    table.dimension = Dimension::prefecture;
    table.minimum_count = 10;
    table.groups = {{"13", 52, {share(30, 52), hidden, share(0, 52), hidden}},
                    {"47", std::nullopt, {hidden, hidden, hidden, hidden}},
                    {"01", 0, {share(0, 0), share(0, 0), share(0, 0), share(0, 0)}}};
    table.total = {"total", 104, {share(53, 104), share(29, 104), hidden, hidden}};
    return table;
}

inline std::vector<GroupLabel> prefecture_labels() {
    return {{"01", "北海道", "Hokkaido"}, {"13", "東京都", "Tokyo"}, {"47", "沖縄県", "Okinawa"}};
}

inline std::vector<GroupLabel> bed_band_labels() {
    return {{"hospital_200_299", "200〜299床の病院", "Hospitals with 200-299 beds"},
            {"clinic_without_beds", "無床診療所", "Clinics without beds"}};
}

inline SheetContext item_context(Language language) {
    return {.language = language,
            .fiscal_year = 2025,
            .form = "medical",
            .item_number = "1(2)",
            .item_title = {"バックアップを取得していますか", "Do you keep backups?"},
            .filters = {{{"病床規模", "Bed band"}, {"200〜299床の病院", "Hospitals with 200-299 beds"}}},
            .as_of = "2026-12-07 19:00"};
}

// cross_by_bed_band: はい by prefecture × bed band; the 無床診療所 column hidden.
inline CrossTable cross_by_bed_band() {
    CrossTable table;
    table.row_dimension = Dimension::prefecture;
    table.column_dimension = Dimension::bed_band;
    table.answer = AnswerColumn::yes;
    table.minimum_count = 10;
    table.row_keys = {"13"};
    table.column_keys = {"hospital_200_299", "clinic_without_beds"};
    table.cells = {{share(12, 40), hidden}};
    table.row_totals = {share(20, 55)};
    table.column_totals = {share(12, 40), hidden};
    table.grand_total = share(20, 55);
    return table;
}

inline RateTable rates_by_bed_band() {
    RateTable table;
    table.dimension = Dimension::bed_band;
    table.minimum_count = 10;
    table.groups = {{"hospital_200_299", 40, share(35, 40), share(30, 40)},
                    {"clinic_without_beds", std::nullopt, hidden, hidden}};
    table.total = {"total", 300, share(250, 300), hidden};
    return table;
}

// ratio_sheet: ratios whose percentage ends in a 5 at the second decimal (13/16 = 81.25%), where rounding
// half to even and half away from zero differ, and one just above a tie in binary (1.25%).
inline Sheet ratio_sheet() {
    return {
        .name = "ratios",
        .title = "ratios",
        .notes = {},
        .header = {"13/16", "1/16", "1/80", "2/3", "1"},
        .rows = {{SheetCell::of_ratio(13.0 / 16), SheetCell::of_ratio(1.0 / 16),
                  SheetCell::of_ratio(1.0 / 80), SheetCell::of_ratio(2.0 / 3), SheetCell::of_ratio(1.0)}}};
}

}  // namespace mamori::statistics::testing
