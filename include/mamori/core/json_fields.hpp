/// @file
/// @brief Reading the members of one JSON object of a data file with limits: every problem is recorded in a
/// FieldProblems under its JSON path ("versions[2].source.url"). A null member counts as absent. What one
/// file alone needs (its id alphabet, its own wording for a problem) stays with that file's parser.
///
///     const JsonFields f(entry, "rows[3]", problems);
///     row.title = f.text("title_ja", 200);
///     row.kind = f.word("kind", kKinds);
#pragma once

#include <chrono>
#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "mamori/core/field_problems.hpp"

namespace mamori {

class JsonFields {
  public:
    using json = nlohmann::json;

    static constexpr int min_year = 2000;
    static constexpr int max_year = 2100;

    JsonFields(const json& object, std::string path, FieldProblems& problems)
        : object_(object), path_(std::move(path)), problems_(problems) {}

    // at: the JSON path of the member `name`.
    std::string at(std::string_view name) const;
    // find: the member, or nullptr when it is absent or null.
    const json* find(const char* name) const;
    // present: whether the member is there at all, null included.
    bool present(const char* name) const;
    void add(std::string_view name, std::string message, std::string_view reason = {}) const;

    // maybe_text: nullopt and no problem when absent or null; otherwise user text (text_problem in utf8.hpp)
    // of 1..max characters, or nullopt and a problem: `not_text` for a member that is not a string,
    // `wrong_length` for one of the wrong length.
    std::optional<std::string> maybe_text(const char* name, long max, std::string_view not_text,
                                          std::string_view wrong_length) const;
    // text: required user text of 1..max characters, or "" and a problem.
    std::string text(const char* name, long max) const;
    // optional_text: "" when absent or null, otherwise as text.
    std::string optional_text(const char* name, long max) const;

    // matching: a string for which `valid` holds, or "" and `refused`.
    template <typename Valid>
    std::string matching(const char* name, Valid valid, std::string_view refused) const {
        if (const std::string* s = string(name); s && valid(*s)) return *s;
        add(name, std::string(refused));
        return {};
    }

    // word: one of `words`, or "" and a problem listing them.
    template <std::size_t N>
    std::string word(const char* name, const std::string_view (&words)[N]) const {
        return matching(
            name, [&](const std::string& s) { return one_of(words, s); },
            fmt::format("one of {}", listed(words)));
    }

    // url: nullopt and no problem when absent or null; otherwise an https:// address of at most `max_bytes`
    // bytes of user text without spaces or tabs, or nullopt and `refused`.
    std::optional<std::string> url(const char* name, std::size_t max_bytes, std::string_view refused) const;

    // year: a fiscal year from min_year to max_year, or 0 and a problem.
    int year(const char* name) const;
    // date: a date YYYY-MM-DD from min_year to max_year, or an invalid date and a problem.
    std::chrono::year_month_day date(const char* name) const;
    bool boolean(const char* name) const;
    // array: the member as an array of min..max entries, or nullptr and a problem.
    const json* array(const char* name, std::size_t min, std::size_t max) const;
    // object: the member as an object, or nullptr and a problem.
    const json* object(const char* name) const;

  private:
    // string: the member when it is a string, else nullptr.
    const std::string* string(const char* name) const;

    const json& object_;
    std::string path_;
    FieldProblems& problems_;
};

}  // namespace mamori
