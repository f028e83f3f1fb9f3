// The template to download (a separate file so the readers build without libxlsxwriter, e.g. for fuzzing).
#include "mamori/documents/xlsx_table.hpp"
#include "mamori/feeds/asset_template.hpp"

namespace mamori::feeds {

std::string asset_template_csv() {
    const auto quoted = [](std::string_view text) {
        std::string out = "\"";
        for (char c : text) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    };
    std::string header = "\xEF\xBB\xBF";
    std::string example;
    for (const auto& column : template_columns()) {
        if (&column != &template_columns().front()) {
            header += ',';
            example += ',';
        }
        header += quoted(column.header);
        example += quoted(column.example);
    }
    return header + "\r\n" + example + "\r\n";
}

Result<std::string> asset_template_xlsx() {
    documents::XlsxTable table;
    table.sheet_name = "台帳";
    table.title = "機器台帳 取込テンプレート（IPアドレス・MACアドレス・CPEは ; で区切る）";
    std::vector<std::string> example;
    for (const auto& column : template_columns()) {
        table.headers.emplace_back(column.header);
        example.emplace_back(column.example);
    }
    table.rows.push_back(std::move(example));
    return documents::render_table_xlsx(table);
}

}  // namespace mamori::feeds
