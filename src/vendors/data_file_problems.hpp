// The vendors domain's data files (reference/system-kinds.json, reference/role-sharing-table.json): the
// problems found in one file, each named by the file and its JSON path, and the codes such files use.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/core/error.hpp"
#include "mamori/core/field_problems.hpp"

namespace mamori::vendors {

class DataFileProblems {
  public:
    explicit DataFileProblems(std::string_view file) : file_(file) {}
    void add(const std::string& path, const std::string& message) { fields_.add(path, message); }
    // fields: the problems by JSON path alone (for a JsonFields); error() names each with the file.
    FieldProblems& fields() { return fields_; }
    bool empty() const { return fields_.size() == 0; }
    Error error() const {
        auto error = fields_.status().error();
        for (auto& f : error.fields) f.field = fmt::format("{}: {}", file_, f.field);
        error.message = fmt::format("{} has {} problem(s); the first: {}: {}", file_, error.fields.size(),
                                    error.fields.front().field, error.fields.front().message);
        return error;
    }

  private:
    std::string file_;
    FieldProblems fields_;
};

// is_data_code: 1..max_size of a-z, 0-9 and _ (and - when `hyphen`).
inline bool is_data_code(const std::string& code, std::size_t max_size, bool hyphen = false) {
    return !code.empty() && code.size() <= max_size && std::all_of(code.begin(), code.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (hyphen && c == '-');
    });
}

}  // namespace mamori::vendors
