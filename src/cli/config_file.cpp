#include "config_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace mamori::cli {

namespace {

constexpr std::size_t kMaxConfigBytes = std::size_t{64} * 1024;

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

Result<std::map<std::string, ConfigEntry>> parse_config_text(const std::string& text,
                                                             const std::string& source) {
    if (text.size() > kMaxConfigBytes)
        return fail(ErrorCode::too_large,
                    fmt::format("{}: the config file is larger than {} bytes", source, kMaxConfigBytes));
    std::map<std::string, ConfigEntry> entries;
    std::istringstream in(text);
    int number = 0;
    for (std::string raw; std::getline(in, raw);) {
        ++number;
        const std::string line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const auto eq = line.find('=');
        const auto where = fmt::format("{} line {}", source, number);
        if (eq == std::string::npos)
            return fail(ErrorCode::invalid_input, fmt::format("{}: expected 'key = value'", where), where);
        const std::string key = trim(line.substr(0, eq));
        std::string value = trim(line.substr(eq + 1));
        if (key.empty())
            return fail(ErrorCode::invalid_input, fmt::format("{}: the key is empty", where), where);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        if (entries.contains(key))
            return fail(ErrorCode::invalid_input, fmt::format("{}: '{}' is set twice", where, key), where);
        entries[key] = {value, number};
    }
    return entries;
}

Result<std::map<std::string, ConfigEntry>> read_config_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::invalid_input, fmt::format("cannot read the config file {}", path), "config");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config_text(text.str(), path);
}

}  // namespace mamori::cli
