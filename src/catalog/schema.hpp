// The field-level schema of catalog documents: each object type lists its fields with a type, and
// check_fields() reports missing, unknown and mistyped fields by JSON path. The cross-field and cross-file
// rules live in documents.cpp and validator.cpp.
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include "diagnostics.hpp"
#include "mamori/catalog/catalog.hpp"

namespace mamori::catalog {

// Type: the value types of docs/catalog-format.md (`str`, `str?`, `ja`, `url`, `conf`, `fy` …).
enum class Type {
    str,          // non-empty string
    str_or_null,  // string or null
    ja,           // string with a Japanese character
    ja_or_null,
    url,  // http(s):// URL
    url_or_null,
    conf,  // "V", "S" or "I"
    conf_or_null,
    fy,  // Western fiscal year, integer
    fy_or_null,
    integer,  // integer >= 0
    boolean,
    array,   // array (elements checked by the caller)
    object,  // object (fields checked by the caller)
    object_or_null,
    strings,  // array of non-empty strings
    urls,     // array of URLs
    any,
};

// Field: one (required) field of an object type; `one_of`, when not empty, is the closed vocabulary of a
// string field.
struct Field {
    std::string_view name;
    Type type;
    std::span<const std::string_view> one_of = {};
    bool optional = false;  // may be absent; the checker of the object supplies the default
};

// Vocabularies used by more than one document type.
inline constexpr std::string_view kDatePrecisions[] = {"year", "month", "day"};
inline constexpr std::string_view kGateStatuses[] = {"present", "absent", "unknown"};

// check_fields: reports at `where` every field of `spec` that is missing or of the wrong type, and every
// field not in `spec`. Returns false (after one error) when `value` is not an object at all.
bool check_fields(const Json& value, const Location& where, std::span<const Field> spec, Diagnostics& out);

// check_value: reports `value` at `where` if it is not of `type` (and, for strings, not in `one_of`).
void check_value(const Json& value, const Location& where, Type type,
                 std::span<const std::string_view> one_of, Diagnostics& out);

// Accessors that never throw: the value if `object[key]` has that type, else a default. Used after
// check_fields has reported type errors, so a broken document still yields what it can.
std::string text(const Json& object, std::string_view key);
std::optional<std::string> optional_text(const Json& object, std::string_view key);
std::optional<int> integer(const Json& object, std::string_view key);
bool flag(const Json& object, std::string_view key);
std::vector<std::string> texts(const Json& object, std::string_view key);
const Json& member(const Json& object, std::string_view key);     // null when absent
Confidence confidence(const Json& object, std::string_view key);  // inferred when absent or bad

// for_each_element: calls `f(element, location)` for each element of the array `object[key]` (nothing if
// it is not an array).
void for_each_element(const Json& object, const Location& where, std::string_view key,
                      const std::function<void(const Json&, const Location&)>& f);

// quoted: a JSON value shortened for a message: "abc", 12, null.
std::string quoted(const Json& value);

}  // namespace mamori::catalog
