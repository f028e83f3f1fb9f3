/// @file
/// @brief The `mamori` command line: `serve`, `migrate`, `demo`, `version`. Every setting comes from a flag,
/// else a `MAMORI_*` environment variable, else the config file (`--config`, lines `key = value` named like
/// the long flags), else its default; `--help` on each command lists them all.
///
///     return mamori::cli::run(argc, argv);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "mamori/core/error.hpp"

namespace mamori::cli {

// run: parses the command line and runs the command; returns the process exit code.
int run(int argc, char** argv);

// parse_listen: "HOST:PORT", "[v6]:PORT" or ":PORT" (all interfaces) into host and port (0 = any free port).
Result<std::pair<std::string, std::uint16_t>> parse_listen(std::string_view text);

}  // namespace mamori::cli
