// The config file: `key = value` lines (keys are long flag names without dashes), '#' comments, optional
// double quotes around values.
#pragma once

#include <map>
#include <string>

#include "mamori/core/error.hpp"

namespace mamori::cli {

// ConfigEntry: a value and the line it came from, for error messages.
struct ConfigEntry {
    std::string value;
    int line = 0;
};

// parse_config_text: the entries of a config file's text; errors name `source` and the line.
Result<std::map<std::string, ConfigEntry>> parse_config_text(const std::string& text,
                                                             const std::string& source);

// read_config_file: reads and parses `path`.
Result<std::map<std::string, ConfigEntry>> read_config_file(const std::string& path);

}  // namespace mamori::cli
