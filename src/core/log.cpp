#include "mamori/core/log.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace mamori {

namespace {

std::string render_fields(std::string_view message, const nlohmann::json& fields) {
    std::string out = "\"msg\":";
    out += nlohmann::json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items()) {
            out += ',';
            out += nlohmann::json(key).dump();
            out += ':';
            out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
    }
    return out;
}

}  // namespace

void init_logging(spdlog::level::level_enum level) {
    if (auto existing = spdlog::get("mamori")) {
        existing->set_level(level);
        return;
    }
    spdlog::init_thread_pool(16384, 1);
    // Blocking when the queue is full: losing log lines silently is worse than a brief stall.
    auto logger =
        std::make_shared<spdlog::async_logger>("mamori", std::make_shared<spdlog::sinks::stderr_sink_mt>(),
                                               spdlog::thread_pool(), spdlog::async_overflow_policy::block);
    logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
    logger->set_level(level);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    spdlog::set_default_logger(logger);
}

void log_event(spdlog::level::level_enum level, std::string_view message, const nlohmann::json& fields) {
    auto logger = spdlog::default_logger_raw();
    if (!logger->should_log(level)) return;
    logger->log(level, "{}", render_fields(message, fields));
}

void flush_logs() {
    spdlog::default_logger_raw()->flush();
}

}  // namespace mamori
