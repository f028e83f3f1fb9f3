/// @file
/// @brief The one error vocabulary of mamori: `ErrorCode`, `Error` and `Result<T>`.
///
/// Expected failures (bad input, missing rows, forbidden access …) travel as values, never as exceptions.
/// Exceptions are kept for broken invariants and unrecoverable I/O; the request boundary turns them into 500.
///
///     Result<int> parse_port(std::string_view s) {
///         if (s.empty()) return fail(ErrorCode::invalid_input, "port is empty", "listen");
///         ...
///     }
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

namespace mamori {

// ErrorCode: the closed set of failure kinds. Each maps to exactly one HTTP status (http/problem.cpp).
enum class ErrorCode {
    invalid_input,
    not_found,
    forbidden,
    conflict,
    unauthenticated,
    rate_limited,
    unavailable,
    too_large,
    internal,
};

// FieldError: one problem with one named piece of input (a JSON path, a CSV line, a flag).
// `reason` and `value`, when set, are a stable code a page can word in its own language and the value it
// speaks of (problem+json errors[].reason and errors[].value); `message` stays English.
struct FieldError {
    std::string field;
    std::string message;
    std::string reason;
    std::string value;
};

// Error: what went wrong, in words a user can act on, and where (`field`, e.g. "items[3].id" or "line 12").
struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::vector<FieldError> fields;
};

// Result: a value or an Error.
template <typename T>
using Result = tl::expected<T, Error>;

// Status: success or an Error, for operations with no value.
using Status = Result<void>;

// fail: builds the unexpected side of a Result, naming the offending field when there is one.
inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
    Error e{code, std::move(message), {}};
    if (!field.empty()) e.fields.push_back({std::move(field), e.message});
    return tl::unexpected<Error>(std::move(e));
}

inline tl::unexpected<Error> fail(Error e) {
    return tl::unexpected<Error>(std::move(e));
}

// to_string: the stable snake_case name of a code, as used in problem+json `code`.
std::string_view to_string(ErrorCode code);

}  // namespace mamori
