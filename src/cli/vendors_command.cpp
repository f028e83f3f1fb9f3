// `mamori vendors register --name … [--corporate-number …] [--confirm-new]`: the operator registers a vendor
// organisation from the console, with the same checks and matching as the API (services/vendor_links.hpp).
#include <fmt/format.h>

#include <iostream>

#include "mamori/core/log.hpp"
#include "mamori/services/vendor_links.hpp"
#include "settings.hpp"

namespace mamori::cli {

int vendors_register_command(const CommonSettings& common, const VendorRegisterOptions& options) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    const auto number =
        options.corporate_number.empty() ? std::nullopt : std::optional<std::string>(options.corporate_number);
    auto made = services::register_vendor_organisation(*db, options.name, number, options.confirm_new, cli_context());
    if (!made) return report_errors(made.error(), "mamori: the vendor organisation was not registered");
    log_event(spdlog::level::info, "vendor organisation registered", {{"id", made->id}, {"name", made->name}});
    std::cout << fmt::format(
        "registered vendor organisation {} ({}){}\nInvite its first administrator from the ministry's "
        "administrator screen (管理 → 組織).\n",
        made->name, made->id, made->corporate_number ? fmt::format(", 法人番号 {}", *made->corporate_number) : "");
    return 0;
}

}  // namespace mamori::cli
