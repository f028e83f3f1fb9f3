// `mamori user reset-mfa LOGIN` (alias `reset-password`): the operator's way back in for a sole administrator
// who lost both phone and recovery codes. Like an administrator's reset (IdentityService::reset_account) it
// ends the password, two-factor enrolment, sessions and API tokens, and prints a one-time code with which the
// user sets a new password and enrols again on the invitation page. Audited with actor "cli".
#include <fmt/format.h>

#include <iostream>

#include "mamori/core/log.hpp"
#include "mamori/services/identity_service.hpp"
#include "settings.hpp"

namespace mamori::cli {

int user_reset_command(const CommonSettings& common, const std::string& login) {
    auto db = open_migrated_database(common, 1);
    if (!db) return 1;
    services::IdentityService identity(*db);
    auto reset = identity.reset_account_by_operator(login, cli_context());
    if (!reset) return report_errors(reset.error(), "mamori: the account was not reset");
    log_event(spdlog::level::info, "account reset by the operator", {{"login", login}});
    std::cout << fmt::format(
        "The account {} was reset: its password, two-factor authentication, sessions and API tokens no "
        "longer "
        "work.\n"
        "one-time code: {}\n"
        "Give it to the user (in person or by phone). On the sign-in page they choose 招待コードをお持ちの方 "
        "(I have an invitation code), enter this code, set a new password and enrol two-factor "
        "authentication again. The code works once, until {} (UTC).\n",
        login, reset->code, reset->expires_at);
    return 0;
}

}  // namespace mamori::cli
