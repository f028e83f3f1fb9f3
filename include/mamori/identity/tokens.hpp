/// @file
/// @brief Opaque secrets (session tokens, API tokens, invitation and recovery codes): made from 256 random
/// bits, shown to their owner once, and stored only as a SHA-256 hash, so a copy of the database opens no
/// session.
///
///     std::string token = random_token();          // give to the client
///     std::string stored = token_hash(token);      // keep in the database
#pragma once

#include <string>
#include <string_view>

namespace mamori::identity {

// random_token: 32 random bytes as unpadded base64url (43 characters), optionally after a readable prefix
// such as "mmr_" that lets secret scanners recognise leaked API tokens.
std::string random_token(std::string_view prefix = {});

// random_code: `groups` groups of 4 characters from an alphabet without look-alikes (no 0/O, 1/I/L), joined
// by
// '-', e.g. "K7WQ-3MZD"; for codes people type (recovery codes, invitations).
std::string random_code(int groups);

// token_hash: the lowercase hex SHA-256 of a token, as stored.
std::string token_hash(std::string_view token);

// typed_code_hash: what is stored for a code a person types (random_code): the token_hash of its letters and
// digits, upper-case, so case, spaces and dashes do not matter.
std::string typed_code_hash(std::string_view typed);

// sha256_hex: the lowercase hex SHA-256 of any bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace mamori::identity
