#include "mamori/vendors/vendor_request.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace mamori::vendors {
namespace {

using S = VendorRequestStatus;
using A = VendorRequestAction;
constexpr S kStatuses[] = {S::requested, S::answered, S::returned, S::declined, S::withdrawn};
constexpr A kActions[] = {A::share, A::return_for_correction, A::decline, A::ask_again, A::withdraw};

TEST(VendorRequestWorkflow, EveryTransitionBySideIsAllowedOrRefusedAsTheTableSays) {
    const std::map<std::pair<S, A>, S> allowed = {
        {{S::requested, A::share}, S::answered},
        {{S::returned, A::share}, S::answered},
        {{S::answered, A::share}, S::answered},  // a newer version of the answers
        {{S::answered, A::return_for_correction}, S::returned},
        {{S::requested, A::decline}, S::declined},
        {{S::returned, A::decline}, S::declined},
        {{S::declined, A::ask_again}, S::requested},
        {{S::requested, A::withdraw}, S::withdrawn},
        {{S::answered, A::withdraw}, S::withdrawn},
        {{S::returned, A::withdraw}, S::withdrawn},
        {{S::declined, A::withdraw}, S::withdrawn},
    };
    const std::map<A, VendorSide> side = {{A::share, VendorSide::vendor},
                                          {A::decline, VendorSide::vendor},
                                          {A::return_for_correction, VendorSide::institution},
                                          {A::ask_again, VendorSide::institution},
                                          {A::withdraw, VendorSide::institution}};
    for (const auto from : kStatuses)
        for (const auto action : kActions)
            for (const auto by : {VendorSide::institution, VendorSide::vendor}) {
                SCOPED_TRACE(std::string(to_string(from)) + " + " + std::string(to_string(action)) +
                             (by == VendorSide::vendor ? " by the vendor" : " by the institution"));
                const auto result = vendor_request_transition(from, action, by);
                const auto it = allowed.find({from, action});
                if (by != side.at(action)) {
                    ASSERT_FALSE(result);
                    EXPECT_EQ(result.error().code, ErrorCode::forbidden);
                    EXPECT_EQ(result.error().fields.at(0).field, "action");
                } else if (it == allowed.end()) {
                    ASSERT_FALSE(result);
                    EXPECT_EQ(result.error().code, ErrorCode::conflict);
                    EXPECT_EQ(result.error().fields.at(0).field, "status");
                } else {
                    ASSERT_TRUE(result) << result.error().message;
                    EXPECT_EQ(*result, it->second);
                }
            }
}

TEST(VendorRequestWorkflow, NamesRoundTripAndUnknownNamesAreRefused) {
    for (const auto s : kStatuses) EXPECT_EQ(parse_vendor_request_status(to_string(s)), s);
    for (const auto a : kActions) EXPECT_EQ(parse_vendor_request_action(to_string(a)), a);
    EXPECT_EQ(parse_vendor_request_status("closed"), std::nullopt);
    EXPECT_EQ(parse_vendor_request_action("Share"), std::nullopt);
    EXPECT_TRUE(needs_reason(A::decline));
    EXPECT_TRUE(needs_reason(A::return_for_correction));
    EXPECT_FALSE(needs_reason(A::share));
}

TEST(VendorRequestWorkflow, OnlyRequestsWaitingForTheVendorAreOutstandingOrOverdue) {
    using namespace std::chrono;
    const year_month_day due{2026y, December, 6d};
    for (const auto s : kStatuses) {
        SCOPED_TRACE(std::string(to_string(s)));
        const bool waiting = s == S::requested || s == S::returned;
        EXPECT_EQ(is_outstanding(s), waiting);
        EXPECT_FALSE(is_overdue(s, due, due)) << "the due date itself is in time";
        EXPECT_EQ(is_overdue(s, due, year_month_day{2026y, December, 7d}), waiting);
    }
}

}  // namespace
}  // namespace mamori::vendors
