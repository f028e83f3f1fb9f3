// Demo mode at the console: `serve --demo` installs it, and every start on a demo database prints the
// personas (their passwords are public in a demo database; see docs/adr/0010-demo-personas.md).
#include <fmt/format.h>

#include <iostream>

#include "mamori/core/log.hpp"
#include "settings.hpp"

namespace mamori::cli {

std::string demo_personas_text(const std::vector<services::DemoPersona>& personas, const std::string& url) {
    if (personas.empty()) return {};
    std::string out =
        url.empty()
            ? "demo personas (sign in with a login and password below; no two-factor step in this demo "
              "database):\n"
            : fmt::format(
                  "demo personas: sign in at {}login with a login and password below (no "
                  "two-factor step in this demo database):\n",
                  url);
    for (const auto& p : personas)
        out += fmt::format("  {:<24} {:<18} {:<24} {}  ({})\n", p.login, p.password, p.role,
                           p.organisation_name, p.display_name);
    return out;
}

bool start_demo(store::Database& db, services::CatalogService& catalog, const ServeSettings& settings) {
    if (settings.demo_organisations_only) {
        auto demo = services::load_demo(db, {settings.demo_institutions});
        if (!demo) {
            std::cerr << "mamori: cannot load demo data: " << demo.error().message << "\n";
            return false;
        }
        log_event(spdlog::level::info,
                  demo->loaded ? "demo data loaded" : "demo data skipped: database not empty",
                  {{"organisations", demo->organisations}});
        return true;
    }
    auto demo = services::install_demo(
        db, catalog, {settings.demo_institutions, !settings.demo_without_statistics_sample});
    if (!demo) {
        std::cerr << "mamori: --demo refused: " << demo.error().message << "\n";
        return false;
    }
    const bool changed = demo->organisations_loaded || demo->personas_created > 0;
    log_event(spdlog::level::info,
              demo->organisations_loaded ? "demo data loaded"
              : changed                  ? "demo database upgraded: persona users added"
                                         : "demo data skipped: database not empty",
              {{"organisations", demo->organisations}, {"personas_created", demo->personas_created}});
    return true;
}

Status announce_demo_personas(store::Database& db, const std::string& url) {
    auto personas = services::demo_personas(db);
    if (!personas) return fail(personas.error());
    if (!*personas) return {};
    nlohmann::json listed = nlohmann::json::array();
    for (const auto& p : **personas)
        listed.push_back({{"login", p.login},
                          {"password", p.password},
                          {"role", p.role},
                          {"organisation", p.organisation_name}});
    log_event(spdlog::level::warn,
              "this is a demo database: the persona users below have public passwords and sign in without "
              "two-factor authentication; never keep real data in it",
              {{"url", url}, {"personas", listed}});
    std::cout << demo_personas_text(**personas, url) << std::flush;
    return {};
}

}  // namespace mamori::cli
