#include <fmt/format.h>

#include "asset_import.hpp"
#include "mamori/feeds/asset_template.hpp"
#include "mamori/feeds/cyclonedx.hpp"
#include "mamori/feeds/fusion_inventory_xml.hpp"
#include "mamori/feeds/glpi_inventory.hpp"
#include "mamori/feeds/nmap_xml.hpp"

namespace mamori::services {

namespace {

// first_element: the name of the first element of an XML text (after the prolog, comments and DOCTYPE).
std::string first_element(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
        at = text.find('<', at);
        if (at == std::string_view::npos || at + 1 >= text.size()) return {};
        const char next = text[at + 1];
        if (next == '?' || next == '!') {
            const std::string_view close = text.compare(at, 4, "<!--") == 0 ? "-->" : ">";
            const auto end = text.find(close, at);
            if (end == std::string_view::npos) return {};
            at = end + close.size();
            continue;
        }
        std::size_t end = at + 1;
        while (end < text.size() && text[end] != '>' && text[end] != ' ' && text[end] != '/' &&
               text[end] != '\n' && text[end] != '\r' && text[end] != '\t')
            ++end;
        return std::string(text.substr(at + 1, end - at - 1));
    }
    return {};
}

}  // namespace

std::string detect_import_format(std::string_view bytes) {
    if (bytes.starts_with("PK\x03\x04")) return "template_xlsx";
    std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    if (head[start] == '<') {
        const std::string root = first_element(head);
        if (root == "nmaprun") return "nmap";
        if (root == "REQUEST") return "fusioninventory";
        return {};
    }
    if (head[start] == '{') {  // the keys may come in any order, after megabytes of components
        if (bytes.find("\"bomFormat\"") != std::string_view::npos) return "cyclonedx";
        if (bytes.find("\"content\"") != std::string_view::npos) return "glpi";
        return {};
    }
    const auto line_end = head.find('\n');
    const std::string_view first_line = head.substr(0, line_end);
    if (first_line.find("名称") != std::string_view::npos ||
        first_line.find("name") != std::string_view::npos)
        return "template_csv";
    return {};
}

Result<feeds::InventoryFile> read_inventory(std::string_view format, std::string_view file_name,
                                            std::string_view bytes) {
    std::string chosen(format);
    if (chosen.empty() || chosen == "auto") {
        if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return fail(ErrorCode::invalid_input, fmt::format("{}: the file is empty", file_name), "file");
        chosen = detect_import_format(bytes);
        if (chosen.empty())
            return fail(ErrorCode::invalid_input,
                        fmt::format("{}: the format could not be recognised; choose it", file_name),
                        "format");
    }
    const feeds::InventoryLimits limits{.max_bytes = kMaxImportFileBytes};
    if (chosen == "nmap") return feeds::read_nmap_xml(bytes, file_name, limits);
    if (chosen == "glpi") return feeds::read_glpi_inventory(bytes, file_name, limits);
    if (chosen == "fusioninventory") return feeds::read_fusion_inventory_xml(bytes, file_name, limits);
    if (chosen == "cyclonedx") return feeds::read_cyclonedx(bytes, file_name, limits);
    if (chosen == "template_csv") return feeds::read_asset_template_csv(bytes, file_name, limits);
    if (chosen == "template_xlsx") return feeds::read_asset_template_xlsx(bytes, file_name, limits);
    return fail(ErrorCode::invalid_input,
                fmt::format("\"{}\" is not an import format (template_csv, template_xlsx, nmap, glpi, "
                            "fusioninventory, cyclonedx, auto)",
                            format),
                "format");
}

}  // namespace mamori::services
