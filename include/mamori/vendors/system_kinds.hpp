/// @file
/// @brief The kinds of system an institution's systems register knows (電子カルテ, レセコン, …), read from
/// data (reference/system-kinds.json) so that a kind is added without changing code.
///
///     const auto& kinds = builtin_system_kinds();          // loaded once from the embedded file
///     if (find_system_kind(kinds, "ehr")) …
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::vendors {

// SystemKind: one kind: its stable code (stored with each system) and its labels.
struct SystemKind {
    std::string code;
    std::string label_ja;
    std::string label_en;
};

// kSystemKindsFile: the embedded file's path under reference/.
inline constexpr std::string_view kSystemKindsFile = "system-kinds.json";

// parse_system_kinds: the kinds of a system-kinds file. Every problem is one field error named
// "<file>: <JSON path>" (e.g. "system-kinds.json: kinds[2].label_ja"); any problem refuses the whole file.
// Rules: format "mamori.system-kinds", format_version 1, 1–100 kinds; a code of 1–40 characters a–z, 0–9
// and _, unique; labels of 1–40 characters of user text.
Result<std::vector<SystemKind>> parse_system_kinds(std::string_view file, std::string_view text);

// builtin_system_kinds: the embedded file's kinds (checked when first used; a broken file is a build error
// caught by the unit tests, so this throws std::logic_error rather than returning an error).
const std::vector<SystemKind>& builtin_system_kinds();

// find_system_kind: the kind with `code`, or nullptr.
const SystemKind* find_system_kind(std::span<const SystemKind> kinds, std::string_view code);

}  // namespace mamori::vendors
