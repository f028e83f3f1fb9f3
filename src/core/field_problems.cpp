#include "mamori/core/field_problems.hpp"

#include "mamori/core/utf8.hpp"

namespace mamori {

void FieldProblems::add(std::string field, std::string message, std::string_view reason) {
    fields_.push_back({std::move(field), std::move(message), std::string(reason), {}});
}

void FieldProblems::text(const std::string& field, const std::string& value, long max, bool required) {
    if (auto problem = text_problem(value)) return add(field, *problem);
    const long count = character_count(value);
    if (required && count == 0) return add(field, "this is required", reasons::required);
    if (count > max) add(field, fmt::format("at most {} characters (this has {})", max, count), reasons::too_long);
}

Status FieldProblems::status() const {
    if (fields_.empty()) return {};
    return tl::unexpected<Error>(
        Error{ErrorCode::invalid_input,
              fields_.size() == 1 ? fmt::format("{}: {}", fields_[0].field, fields_[0].message)
                                  : fmt::format("{} fields need a change; the first: {}: {}", fields_.size(),
                                                fields_[0].field, fields_[0].message),
              fields_});
}

}  // namespace mamori
