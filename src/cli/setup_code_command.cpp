// `mamori setup-code`, and what `serve` prints at start: the one-time code first-run setup asks for
// (services/setup_code.hpp). Only its hash is stored, so the command cannot show the code a server printed;
// it makes a new one, and every server on the database accepts that one from then on.
#include <fmt/format.h>

#include <iostream>

#include "mamori/core/log.hpp"
#include "mamori/services/setup_code.hpp"
#include "settings.hpp"

namespace mamori::cli {

int setup_code_command(const CommonSettings& common) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    auto code = services::replace_setup_code(*db);
    if (!code) {
        std::cerr << "mamori: " << code.error().message << "\n";
        return 1;
    }
    log_event(spdlog::level::info, "first-run setup code replaced by 'mamori setup-code'");
    std::cout << fmt::format(
        "setup code: {}\nEnter it on the 初期設定 (first-run setup) page. Any code printed before no longer "
        "works; this one works until setup is done.\n",
        *code);
    return 0;
}

Status announce_setup_code(store::Database& db, const std::string& url) {
    auto state = services::issue_setup_code(db);
    if (!state) return fail(state.error());
    if (state->code) {
        // The log too: that is where a service's console ends up (journald), and where an operator looks.
        log_event(spdlog::level::info, "first-run setup code issued",
                  {{"url", url}, {"setup_code", *state->code}});
        std::cout << fmt::format("first-run setup (初期設定): open {} and enter the setup code {}\n", url,
                                 *state->code);
    } else if (state->needed) {
        log_event(spdlog::level::info, "first-run setup pending; the setup code issued earlier stands",
                  {{"url", url}});
        std::cout << fmt::format(
            "first-run setup (初期設定): open {} and enter the setup code printed when this database was "
            "first served, or run 'mamori setup-code' for a new one\n",
            url);
    }
    return {};
}

}  // namespace mamori::cli
