#include "mamori/identity/login_name.hpp"

#include <algorithm>

#include "mamori/core/utf8.hpp"

namespace mamori::identity {

namespace {

constexpr const char* kNotAnAddress = "the login name must be an e-mail address";

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

Result<std::string> normalise_login(std::string_view login) {
    if (login.size() > 4 * kMaxLoginBytes) return fail(ErrorCode::invalid_input, kNotAnAddress, "login");
    if (auto problem = text_problem(login)) return fail(ErrorCode::invalid_input, *problem, "login");
    auto folded = nfkc_casefold(login);
    if (!folded) return fail(ErrorCode::invalid_input, kNotAnAddress, "login");
    std::string_view text = *folded;
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    const bool shaped = text.size() >= 3 && text.size() <= kMaxLoginBytes &&
                        text.find('@') != std::string_view::npos &&
                        std::none_of(text.begin(), text.end(), is_space);
    if (!shaped) return fail(ErrorCode::invalid_input, kNotAnAddress, "login");
    return std::string(text);
}

}  // namespace mamori::identity
