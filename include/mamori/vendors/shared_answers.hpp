/// @file
/// @brief "Answer once, share with many": a vendor keeps one answer set per product and fiscal year, lays a
/// customer's overrides (a contract that differs) over it, and shares the result with each request as a
/// version. An institution sees the version as it was shared, and what changed from the one before.
///
///     auto plans = plan_share(product_answers, targets);   // per request: the answers, and whether new
#pragma once

#include <map>
#include <optional>
#include <span>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/assessment/carry_forward.hpp"
#include "mamori/assessment/checklist.hpp"

namespace mamori::vendors {

// VendorAnswers: answers of the vendor form, by row.
using VendorAnswers = std::map<assessment::RowKey, assessment::Answer, assessment::RowKeyLess>;

// effective_answers: the product's answers with `overrides` laid over them; an override replaces the whole
// answer of its row (value, dates and note together), and may answer a row the product leaves open.
VendorAnswers effective_answers(const VendorAnswers& product, const VendorAnswers& overrides);

// AnswerChange: one row whose answer differs between two versions (before or after absent: the row was
// answered only in the other).
struct AnswerChange {
    assessment::RowKey key;
    std::optional<assessment::Answer> before;
    std::optional<assessment::Answer> after;
};

// changes_between: every row whose answer differs, in row order.
std::vector<AnswerChange> changes_between(const VendorAnswers& before, const VendorAnswers& after);

// ShareTarget: one request the vendor shares its product's answers with.
struct ShareTarget {
    long long request_id = 0;
    std::optional<VendorAnswers> last_shared;  // the request's newest version, if any
    VendorAnswers overrides;                   // this customer's overrides
};

// SharePlan: what to store for one request: its effective answers, and whether they make a new version
// (false when they equal the newest version already shared: sharing again changes nothing).
struct SharePlan {
    long long request_id = 0;
    VendorAnswers answers;
    bool new_version = false;
};

// plan_share: one plan per target, in the order given.
std::vector<SharePlan> plan_share(const VendorAnswers& product, std::span<const ShareTarget> targets);

}  // namespace mamori::vendors
