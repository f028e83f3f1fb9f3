// Collecting catalog errors: each names a file, a JSON path inside it and what is wrong. Collection stops at
// kMaxErrors so a cascade cannot bury the first, most useful messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mamori/catalog/loader.hpp"
#include "mamori/core/error.hpp"

namespace mamori::catalog {

// join_path: `base` + `sub` as a JSON path: ("forms[0]", "items") → "forms[0].items", ("a", "[2]") → "a[2]".
std::string join_path(std::string_view base, std::string_view sub);

// index_path: "base[i]".
std::string index_path(std::string_view base, std::size_t i);

// Diagnostics: the errors found so far.
class Diagnostics {
  public:
    // add: records one error at `path` of `file` (an empty path names the whole file).
    void add(std::string_view file, std::string_view path, std::string message);

    bool empty() const { return errors_.empty(); }
    std::size_t size() const { return errors_.size(); }
    const std::vector<FieldError>& errors() const { return errors_; }

    // to_error: an invalid_input Error whose fields are the errors; `subject` names what was checked.
    Error to_error(std::string_view subject) const;

  private:
    std::vector<FieldError> errors_;
    bool truncated_ = false;
};

// Location: where a JSON value sits: its file and the path of the value inside that file.
struct Location {
    std::string file;
    std::string path;

    Location at(std::string_view key) const { return {file, join_path(path, key)}; }
    Location at(std::size_t index) const { return {file, index_path(path, index)}; }
};

}  // namespace mamori::catalog
