/// @file
/// @brief mamori's own ledger template: one row per asset, one column per asset field, headed in Japanese
/// (区分, 名称, 設置場所 …; the fields' JSON names are accepted too), addresses and CPE names separated by
/// `;`, as CSV (UTF-8, BOM optional) or .xlsx (first sheet). A column the file has sets that field for every
/// row (an empty cell empties it); a column it lacks leaves the field as the ledger has it. Also writes the
/// template itself: the header and one example row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

struct TemplateColumn {
    std::string_view field;   // ledger JSON name
    std::string_view header;  // Japanese header
    std::string_view example;
};

// template_columns: the columns in the template's order.
const std::vector<TemplateColumn>& template_columns();

Result<InventoryFile> read_asset_template_csv(std::string_view bytes, std::string_view file_name,
                                              const InventoryLimits& limits = {});
Result<InventoryFile> read_asset_template_xlsx(std::string_view bytes, std::string_view file_name,
                                               const InventoryLimits& limits = {});

// asset_template_csv / asset_template_xlsx: the template to download (UTF-8 with BOM for Excel).
std::string asset_template_csv();
Result<std::string> asset_template_xlsx();

}  // namespace mamori::feeds
