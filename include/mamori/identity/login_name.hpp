/// @file
/// @brief Login names in one form, so that two that people would read as the same are the same account:
/// "Viewer@Sakura.example", "viewer@sakura.example" and "ｖｉｅｗｅｒ＠ｓａｋｕｒａ．ｅｘａｍｐｌｅ" are one
/// login, and one with a control character is none.
///
///     auto login = normalise_login(request.login);   // "viewer@sakura.example"
///     if (!login) return fail(login.error());
#pragma once

#include <string>
#include <string_view>

#include "mamori/core/error.hpp"

namespace mamori::identity {

// kMaxLoginBytes: the longest login name, in bytes of its normal form (an e-mail address's limit).
inline constexpr std::size_t kMaxLoginBytes = 254;

// normalise_login: the normal form of a login name: Unicode NFKC with case folding (NFKC_Casefold), white
// space trimmed from both ends. invalid_input (field "login") when the text holds a control character or a
// noncharacter, or when the normal form is not shaped like an e-mail address (3 to 254 bytes, an '@', no
// white space inside).
Result<std::string> normalise_login(std::string_view login);

}  // namespace mamori::identity
