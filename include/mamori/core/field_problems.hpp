/// @file
/// @brief Collecting what is wrong with a record's fields before refusing it whole: every problem names its
/// field (a JSON path such as "cpes[2].origin"); the error gives the one problem, or how many fields need a
/// change and the first.
///
///     FieldProblems p;
///     p.text("name", r.name, 200, /*required=*/true);
///     if (!one_of(kKinds, r.kind)) p.add("kind", fmt::format("one of {}", listed(kKinds)));
///     return p.status();
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori {

// Reasons a page words in its own language (problem+json errors[].reason); the message stays English.
namespace reasons {
inline constexpr std::string_view required = "required";  // nothing given where something must be
inline constexpr std::string_view too_long = "too_long";  // more characters or entries than allowed
inline constexpr std::string_view future = "future";      // a date or time after today for what has happened
}  // namespace reasons

class FieldProblems {
  public:
    void add(std::string field, std::string message, std::string_view reason = {});
    // text: user text (text_problem in utf8.hpp) of at most `max` characters (at least one when `required`).
    void text(const std::string& field, const std::string& value, long max, bool required = false);
    std::size_t size() const { return fields_.size(); }
    // status: invalid_input with every problem as a field error, or success when there is none.
    Status status() const;

  private:
    std::vector<FieldError> fields_;
};

// one_of / listed: a value from a fixed list of words, and the list as a message writes it ("a, b, c").
template <std::size_t N>
bool one_of(const std::string_view (&words)[N], std::string_view value) {
    return std::find(std::begin(words), std::end(words), value) != std::end(words);
}

template <std::size_t N>
std::string listed(const std::string_view (&words)[N]) {
    return fmt::format("{}", fmt::join(words, ", "));
}

}  // namespace mamori
