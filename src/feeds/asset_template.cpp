#include "mamori/feeds/asset_template.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "feeds/inventory_file.hpp"
#include "mamori/documents/xlsx_table.hpp"
#include "mamori/feeds/csv.hpp"

namespace mamori::feeds {

namespace {

struct ClassLabel {
    std::string_view label;
    std::string_view code;
};
constexpr ClassLabel kClassLabels[] = {{"サーバ", "server"},
                                       {"サーバー", "server"},
                                       {"端末PC", "terminal"},
                                       {"端末", "terminal"},
                                       {"ネットワーク機器", "network"},
                                       {"記録媒体", "media"},
                                       {"医療機器", "medical_device"},
                                       {"外部接続点", "connection_point"}};

std::optional<std::string> class_code(std::string_view text) {
    for (const auto& [label, code] : kClassLabels)
        if (text == label || text == code) return std::string(code);
    return std::nullopt;
}

std::optional<bool> yes_no(std::string_view text) {
    static constexpr std::string_view yes[] = {"はい", "○", "〇", "1", "true", "yes", "TRUE", "Yes"};
    static constexpr std::string_view no[] = {"いいえ", "×", "0", "false", "no", "", "FALSE", "No", "-"};
    if (std::find(std::begin(yes), std::end(yes), text) != std::end(yes)) return true;
    if (std::find(std::begin(no), std::end(no), text) != std::end(no)) return false;
    return std::nullopt;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        if (auto item = trimmed(text.substr(start, end - start)); !item.empty())
            items.push_back(std::move(item));
        start = end + 1;
    }
    return items;
}

struct RowsReader {
    const std::string& file;
    const InventoryLimits& limits;
    InventoryFile& out;
    std::vector<std::string> fields;  // per column: the ledger field or empty (unknown column, ignored)
    bool have_header = false;

    Status header(const std::vector<std::string>& cells, const std::string& where) {
        std::map<std::string, int> seen;
        for (const auto& raw : cells) {
            const std::string cell = trimmed(raw);
            std::string field;
            for (const auto& column : template_columns())
                if (cell == column.header || cell == column.field) field = std::string(column.field);
            if (!field.empty() && seen[field]++ > 0)
                return fail(ErrorCode::invalid_input,
                            fmt::format("{} {}: the column {} appears twice", file, where, cell), where);
            fields.push_back(field);
        }
        if (std::find(fields.begin(), fields.end(), "name") == fields.end())
            return fail(
                ErrorCode::invalid_input,
                fmt::format("{} {}: not the ledger template (no 名称 column in the header)", file, where),
                where);
        have_header = true;
        return {};
    }

    Status row(const std::vector<std::string>& cells, const std::string& where,
               const std::vector<std::string>& column_names) {
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trimmed(c).empty(); }))
            return {};
        if (out.devices.size() >= limits.max_devices)
            return fail(ErrorCode::invalid_input,
                        fmt::format("{}: more than {} rows", file, limits.max_devices), file);
        InventoryDevice device;
        device.where = fmt::format("{} {}", file, where);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string& field = fields[i];
            if (field.empty()) continue;
            const std::string value = i < cells.size() ? trimmed(cells[i]) : std::string();
            const std::string at = fmt::format("{} {} {}", file, where, column_names[i]);
            device.where_field[field] = at;
            const auto text_field = [&](std::optional<std::string>& target) { target = value; };
            const auto flag = [&](std::optional<bool>& target) {
                if (auto parsed = yes_no(value))
                    target = *parsed;
                else
                    device.issues.push_back(
                        {at, field, fmt::format("\"{}\" is not はい or いいえ", value), "flag_unknown"});
            };
            if (field == "asset_class") {
                if (value.empty()) continue;
                if (auto code = class_code(value))
                    device.asset_class = *code;
                else
                    device.issues.push_back({at, field,
                                             fmt::format("\"{}\" is not a class of the ledger", value),
                                             "class_unknown"});
            } else if (field == "name")
                text_field(device.name);
            else if (field == "location")
                text_field(device.location);
            else if (field == "department")
                text_field(device.department);
            else if (field == "owner")
                text_field(device.owner);
            else if (field == "serial")
                text_field(device.serial);
            else if (field == "manufacturer")
                text_field(device.manufacturer);
            else if (field == "model")
                text_field(device.model);
            else if (field == "os_name")
                text_field(device.os_name);
            else if (field == "os_version")
                text_field(device.os_version);
            else if (field == "firmware_version")
                text_field(device.firmware_version);
            else if (field == "system_note")
                text_field(device.system_note);
            else if (field == "note")
                text_field(device.note);
            else if (field == "vendor_managed")
                flag(device.vendor_managed);
            else if (field == "internet_facing")
                flag(device.internet_facing);
            else if (field == "remote_maintenance")
                flag(device.remote_maintenance);
            else if (field == "ip_addresses")
                device.ip_addresses = split_list(value);
            else if (field == "mac_addresses")
                device.mac_addresses = split_list(value);
            else if (field == "cpes")
                for (auto& cpe : split_list(value)) device.cpes.push_back({std::move(cpe), "import", at});
        }
        out.devices.push_back(std::move(device));
        return {};
    }
};

}  // namespace

const std::vector<TemplateColumn>& template_columns() {
    static const std::vector<TemplateColumn> columns = {
        {"asset_class", "区分", "サーバ"},
        {"name", "名称", "電子カルテサーバ1"},
        {"location", "設置場所", "サーバ室"},
        {"department", "部署", "医療情報部"},
        {"owner", "管理者", "情報システム担当"},
        {"serial", "シリアル番号", "ABC123456"},
        {"manufacturer", "メーカー", "Dell Inc."},
        {"model", "型番", "PowerEdge R650"},
        {"os_name", "OS", "Windows Server 2019"},
        {"os_version", "OSバージョン", "1809"},
        {"firmware_version", "ファームウェア", ""},
        {"system_note", "システム", "電子カルテシステム"},
        {"vendor_managed", "事業者管理", "はい"},
        {"internet_facing", "インターネット接続", "いいえ"},
        {"remote_maintenance", "リモート保守", "はい"},
        {"ip_addresses", "IPアドレス", "192.168.10.5"},
        {"mac_addresses", "MACアドレス", "00:1a:2b:3c:4d:5e"},
        {"cpes", "CPE", "cpe:2.3:o:microsoft:windows_server_2019:-:*:*:*:*:*:*:*"},
        {"note", "備考", ""},
    };
    return columns;
}

Result<InventoryFile> read_asset_template_csv(std::string_view bytes, std::string_view file_name,
                                              const InventoryLimits& limits) {
    const std::string file(file_name);
    if (auto ok = check_inventory_size(bytes, file, limits); !ok) return fail(ok.error());
    CsvLimits csv_limits;
    csv_limits.max_field_bytes = 8 * 1024;
    csv_limits.max_fields = 64;
    csv_limits.max_input_bytes = limits.max_bytes;
    CsvParser parser(csv_limits);
    InventoryFile out;
    out.format = "template_csv";
    RowsReader reader{file, limits, out, {}, false};
    std::vector<std::string> header_names;
    std::size_t offset = 0;
    for (;;) {
        std::size_t consumed = 0;
        const auto event = parser.parse(bytes.substr(offset), true, consumed);
        offset += consumed;
        if (event == CsvParser::Event::end || event == CsvParser::Event::need_input) break;
        if (event == CsvParser::Event::error) {
            const auto& error = parser.error();
            if (!reader.have_header)
                return fail(ErrorCode::invalid_input,
                            fmt::format("{} line {}: {}", file, error.line, error.message),
                            fmt::format("line {}", error.line));
            out.issues.push_back({fmt::format("{} line {}", file, error.line), "", error.message});
            continue;
        }
        const auto& record = parser.record();
        const std::vector<std::string> cells(record.fields.begin(), record.fields.end());
        const std::string where = fmt::format("line {}", record.line);
        if (!reader.have_header) {
            if (auto ok = reader.header(cells, where); !ok) return fail(ok.error());
            for (const auto& cell : cells) header_names.push_back(fmt::format("column {}", trimmed(cell)));
            continue;
        }
        if (auto ok = reader.row(cells, where, header_names); !ok) return fail(ok.error());
    }
    if (!reader.have_header)
        return fail(ErrorCode::invalid_input, fmt::format("{}: the file is empty", file), file);
    return out;
}

Result<InventoryFile> read_asset_template_xlsx(std::string_view bytes, std::string_view file_name,
                                               const InventoryLimits& limits) {
    const std::string file(file_name);
    if (auto ok = check_inventory_size(bytes, file, limits); !ok) return fail(ok.error());
    auto sheet = documents::read_table_xlsx(
        bytes, {.max_rows = limits.max_devices + 2, .max_columns = 32, .max_cell_bytes = 8 * 1024});
    if (!sheet) {
        auto error = sheet.error();
        error.message = fmt::format("{}: {}", file, error.message);
        return fail(std::move(error));
    }
    InventoryFile out;
    out.format = "template_xlsx";
    RowsReader reader{file, limits, out, {}, false};
    std::vector<std::string> cell_names;
    for (const auto& row : sheet->rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row.cells) cells.push_back(cell.text);
        if (!reader.have_header) {
            // The template's first row is its title; the header is the first row that names 名称.
            const bool is_header = std::any_of(cells.begin(), cells.end(), [](const std::string& c) {
                return trimmed(c) == "名称" || trimmed(c) == "name";
            });
            if (!is_header) continue;
            if (auto ok = reader.header(cells, fmt::format("line {}", row.row)); !ok) return fail(ok.error());
            for (std::size_t i = 0; i < cells.size(); ++i)
                cell_names.push_back(fmt::format("column {}", trimmed(cells[i])));
            continue;
        }
        if (auto ok = reader.row(cells, fmt::format("line {}", row.row), cell_names); !ok)
            return fail(ok.error());
    }
    if (!reader.have_header)
        return fail(ErrorCode::invalid_input,
                    fmt::format("{}: not the ledger template (no header row with 名称)", file), file);
    return out;
}

}  // namespace mamori::feeds
