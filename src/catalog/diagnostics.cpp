#include "diagnostics.hpp"

#include <fmt/format.h>

namespace mamori::catalog {

std::string join_path(std::string_view base, std::string_view sub) {
    if (base.empty()) return std::string(sub);
    if (sub.empty()) return std::string(base);
    if (sub.front() == '[') return fmt::format("{}{}", base, sub);
    return fmt::format("{}.{}", base, sub);
}

std::string index_path(std::string_view base, std::size_t i) {
    return fmt::format("{}[{}]", base, i);
}

void Diagnostics::add(std::string_view file, std::string_view path, std::string message) {
    if (errors_.size() >= kMaxErrors) {
        truncated_ = true;
        return;
    }
    errors_.push_back(
        {path.empty() ? std::string(file) : fmt::format("{}: {}", file, path), std::move(message)});
}

Error Diagnostics::to_error(std::string_view subject) const {
    std::string message = truncated_ ? fmt::format("{} has more than {} errors; the first {} are listed",
                                                   subject, kMaxErrors, kMaxErrors)
                                     : fmt::format("{} has {} error{}", subject, errors_.size(),
                                                   errors_.size() == 1 ? "" : "s");
    return Error{ErrorCode::invalid_input, std::move(message), errors_};
}

}  // namespace mamori::catalog
