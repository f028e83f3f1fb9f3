// Helpers shared by the editor's operations and its reconciliation of the mapping.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/text.hpp"
#include "mamori/catalog_editor/editor.hpp"

namespace mamori::catalog_editor::detail {

// str: a string member, or "" when absent or not a string.
std::string str(const Json& object, std::string_view key);
// row_keys: the keys of an item's rows, in order.
std::vector<std::string> row_keys(const Json& item);
// find_form: the draft's form `form_id`, or nullptr.
Json* find_form(Json& document, std::string_view form_id);
// item_index: the position of `canonical_id` in a form's items, or -1.
std::ptrdiff_t item_index(const Json& form, std::string_view canonical_id);
std::optional<catalog::NumberingStyle> numbering_style(const Json& edition);
// printed_number: {2, 9} → "2-⑨" (circled) or "2-(9)" (paren).
std::string printed_number(int section, int ordinal, catalog::NumberingStyle style);
// renumber: numbers a form's items 1, 2, … within each section, in the edition's numbering style.
void renumber(Json& form, const Json& edition);
// shorten: the first `characters` characters of UTF-8 `text`.
std::string shorten(const std::string& text, std::size_t characters);

}  // namespace mamori::catalog_editor::detail
