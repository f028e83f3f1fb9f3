#include "mamori/inspection/workflow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace mamori::inspection {
namespace {

TEST(InspectionWorkflow, EveryVisitTransitionIsAllowedOrRefusedAsTheTableSays) {
    using S = VisitStatus;
    using A = VisitAction;
    const std::map<std::pair<S, A>, S> allowed = {
        {{S::planned, A::notify}, S::notified},     {{S::planned, A::postpone}, S::postponed},
        {{S::notified, A::postpone}, S::postponed}, {{S::postponed, A::reschedule}, S::planned},
        {{S::planned, A::complete}, S::done},       {{S::notified, A::complete}, S::done},
    };
    for (const auto from : {S::planned, S::notified, S::postponed, S::done})
        for (const auto action : {A::notify, A::postpone, A::reschedule, A::complete}) {
            SCOPED_TRACE(std::string(to_string(from)) + " + " + std::string(to_string(action)));
            const auto result = visit_transition(from, action);
            const auto it = allowed.find({from, action});
            if (it == allowed.end()) {
                ASSERT_FALSE(result);
                EXPECT_EQ(result.error().code, ErrorCode::conflict);
            } else {
                ASSERT_TRUE(result) << result.error().message;
                EXPECT_EQ(*result, it->second);
            }
        }
}

TEST(InspectionWorkflow, EveryRequestTransitionBySideIsAllowedOrRefusedAsTheTableSays) {
    using S = RequestStatus;
    using A = RequestAction;
    const std::map<std::pair<S, A>, S> allowed = {
        {{S::open, A::submit_plan}, S::plan_submitted},
        {{S::returned, A::submit_plan}, S::plan_submitted},
        {{S::open, A::report_completion}, S::completion_reported},
        {{S::plan_submitted, A::report_completion}, S::completion_reported},
        {{S::returned, A::report_completion}, S::completion_reported},
        {{S::completion_reported, A::close}, S::closed},
        {{S::plan_submitted, A::send_back}, S::returned},
        {{S::completion_reported, A::send_back}, S::returned},
    };
    const auto side_of = [](A a) {
        return a == A::submit_plan || a == A::report_completion ? Side::institution : Side::inspector;
    };
    for (const auto from : {S::open, S::plan_submitted, S::completion_reported, S::returned, S::closed})
        for (const auto action : {A::submit_plan, A::report_completion, A::close, A::send_back})
            for (const auto side : {Side::inspector, Side::institution}) {
                SCOPED_TRACE(std::string(to_string(from)) + " + " + std::string(to_string(action)) +
                             (side == Side::inspector ? " by the inspector" : " by the institution"));
                const auto result = request_transition(from, action, side);
                if (side != side_of(action)) {
                    ASSERT_FALSE(result);
                    EXPECT_EQ(result.error().code, ErrorCode::forbidden);
                    continue;
                }
                const auto it = allowed.find({from, action});
                if (it == allowed.end()) {
                    ASSERT_FALSE(result);
                    EXPECT_EQ(result.error().code, ErrorCode::conflict);
                } else {
                    ASSERT_TRUE(result) << result.error().message;
                    EXPECT_EQ(*result, it->second);
                }
            }
    EXPECT_FALSE(is_open(S::closed));
    EXPECT_TRUE(is_open(S::returned));
}

TEST(InspectionWorkflow, AFindingNeedsItsTextAndOnlyAFindingHasOne) {
    EXPECT_TRUE(check_verdict(Verdict::confirmed, ""));
    EXPECT_TRUE(check_verdict(Verdict::incomplete, ""));
    EXPECT_TRUE(check_verdict(Verdict::finding, "バックアップの復元手順が未整備"));
    const auto missing = check_verdict(Verdict::finding, "");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().fields.at(0).field, "finding");
    EXPECT_FALSE(check_verdict(Verdict::confirmed, "text"));
}

TEST(InspectionWorkflow, AnOfflineChangeAppliesOnlyOnTheVersionItWasMadeOn) {
    struct Case {
        int stored, base;
        bool same;
        SyncOutcome outcome;
    };
    const Case cases[] = {
        {3, 3, false, SyncOutcome::applied},
        {4, 3, false, SyncOutcome::conflict},  // changed on another device meanwhile
        {4, 3, true, SyncOutcome::unchanged},  // both devices recorded the same
        {3, 3, true, SyncOutcome::unchanged},
        {2, 3, false, SyncOutcome::conflict},  // a base the server never had
    };
    for (const auto& c : cases)
        EXPECT_EQ(sync_outcome(c.stored, c.base, c.same), c.outcome)
            << c.stored << "/" << c.base << "/" << c.same;
}

TEST(InspectionWorkflow, NamesRoundTrip) {
    for (const auto s :
         {VisitStatus::planned, VisitStatus::notified, VisitStatus::postponed, VisitStatus::done})
        EXPECT_EQ(parse_visit_status(to_string(s)), s);
    for (const auto s : {RequestStatus::open, RequestStatus::plan_submitted,
                         RequestStatus::completion_reported, RequestStatus::returned, RequestStatus::closed})
        EXPECT_EQ(parse_request_status(to_string(s)), s);
    for (const auto v : {Verdict::confirmed, Verdict::incomplete, Verdict::finding})
        EXPECT_EQ(parse_verdict(to_string(v)), v);
    EXPECT_FALSE(parse_visit_status("cancelled"));
    EXPECT_FALSE(parse_request_action(""));
}

}  // namespace
}  // namespace mamori::inspection
