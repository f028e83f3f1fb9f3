/// @file
/// @brief Structured logging: one JSON object per line on stderr, UTC timestamps, written by a background
/// thread so request threads never wait on the terminal or disk.
///
///     log_event(spdlog::level::info, "request", {{"request_id", id}, {"status", 200}});
#pragma once

#include <spdlog/common.h>

#include <nlohmann/json.hpp>
#include <string_view>

namespace mamori {

// init_logging: installs the JSON-lines logger as spdlog's default. Safe to call more than once.
void init_logging(spdlog::level::level_enum level);

// log_event: logs `message` with the given fields (an object) as one JSON line.
void log_event(spdlog::level::level_enum level, std::string_view message, const nlohmann::json& fields = {});

// flush_logs: waits until queued lines are written (before exit).
void flush_logs();

}  // namespace mamori
