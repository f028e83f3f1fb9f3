#include "feeds/inventory_file.hpp"

#include <fmt/format.h>

#include "mamori/core/json_limits.hpp"

namespace mamori::feeds {

Status check_inventory_size(std::string_view bytes, const std::string& file, const InventoryLimits& limits) {
    if (bytes.size() > limits.max_bytes)
        return fail(ErrorCode::too_large,
                    fmt::format("{}: the file is larger than {} MB", file, limits.max_bytes / (1024 * 1024)),
                    file);
    if (trimmed(bytes.substr(0, 4096)).empty() && trimmed(bytes).empty())
        return fail(ErrorCode::invalid_input, fmt::format("{}: the file is empty", file), file);
    return {};
}

Result<std::string> inventory_xml_text(std::string_view bytes, const std::string& file,
                                       const InventoryLimits& limits) {
    if (auto ok = check_inventory_size(bytes, file, limits); !ok) return fail(ok.error());
    std::string text(bytes);
    // Only comments and white space may come before a misplaced declaration for it to be blanked.
    std::size_t at = 0;
    for (;;) {
        while (at < text.size() && is_ascii_space(text[at])) ++at;
        if (text.compare(at, 4, "<!--") != 0) break;
        const auto close = text.find("-->", at + 4);
        if (close == std::string::npos) break;
        at = close + 3;
    }
    if (at > 0 && text.compare(at, 5, "<?xml") == 0 && at + 5 < text.size() && is_ascii_space(text[at + 5])) {
        const auto close = text.find("?>", at);
        if (close != std::string::npos)
            for (std::size_t i = at; i < close + 2; ++i)
                if (text[i] != '\n') text[i] = ' ';
    }
    return text;
}

Result<nlohmann::json> inventory_json(std::string_view bytes, const std::string& file,
                                      const InventoryLimits& limits) {
    if (auto ok = check_inventory_size(bytes, file, limits); !ok) return fail(ok.error());
    auto document = parse_limited_json(bytes, limits.max_depth, file);
    if (!document) {
        auto error = document.error();
        error.message = fmt::format("{}: not valid JSON ({})", file, error.message);
        return fail(std::move(error));
    }
    return document;
}

}  // namespace mamori::feeds
