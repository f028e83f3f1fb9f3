#include "mamori/vendors/vendor_request.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "mamori/core/enum_names.hpp"

namespace mamori::vendors {

namespace {

using S = VendorRequestStatus;
using A = VendorRequestAction;

constexpr std::array<std::pair<S, std::string_view>, 5> kStatuses = {{
    {S::requested, "requested"},
    {S::answered, "answered"},
    {S::returned, "returned"},
    {S::declined, "declined"},
    {S::withdrawn, "withdrawn"},
}};
constexpr std::array<std::pair<A, std::string_view>, 5> kActions = {{
    {A::share, "share"},
    {A::return_for_correction, "return_for_correction"},
    {A::decline, "decline"},
    {A::ask_again, "ask_again"},
    {A::withdraw, "withdraw"},
}};

// next_status: the status `action` leads to from `from`, or nullopt when `from` does not allow it.
std::optional<S> next_status(S from, A action) {
    switch (action) {
        case A::share:
            if (from == S::requested || from == S::returned || from == S::answered) return S::answered;
            break;
        case A::return_for_correction:
            if (from == S::answered) return S::returned;
            break;
        case A::decline:
            if (from == S::requested || from == S::returned) return S::declined;
            break;
        case A::ask_again:
            if (from == S::declined) return S::requested;
            break;
        case A::withdraw:
            if (from != S::withdrawn) return S::withdrawn;
            break;
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(S s) {
    return name_of(kStatuses, s);
}
std::optional<S> parse_vendor_request_status(std::string_view text) {
    return parse_name(kStatuses, text);
}
std::string_view to_string(A a) {
    return name_of(kActions, a);
}
std::optional<A> parse_vendor_request_action(std::string_view text) {
    return parse_name(kActions, text);
}

VendorSide side_of(A action) {
    return action == A::share || action == A::decline ? VendorSide::vendor : VendorSide::institution;
}

bool needs_reason(A action) {
    return action == A::return_for_correction || action == A::decline;
}

Result<S> vendor_request_transition(S from, A action, VendorSide side) {
    if (side_of(action) != side)
        return fail(ErrorCode::forbidden,
                    fmt::format("'{}' is for the {}", to_string(action),
                                side_of(action) == VendorSide::vendor ? "vendor" : "institution"),
                    "action");
    if (auto next = next_status(from, action)) return *next;
    return fail(ErrorCode::conflict,
                fmt::format("'{}' is not possible while the request is '{}'", to_string(action), to_string(from)),
                "status");
}

bool is_outstanding(S s) {
    return s == S::requested || s == S::returned;
}

bool is_overdue(S s, std::chrono::year_month_day due_on, std::chrono::year_month_day today) {
    return is_outstanding(s) && today > due_on;
}

}  // namespace mamori::vendors
