#include "mamori/vendors/shared_answers.hpp"

namespace mamori::vendors {

VendorAnswers effective_answers(const VendorAnswers& product, const VendorAnswers& overrides) {
    VendorAnswers answers = product;
    for (const auto& [key, answer] : overrides) answers.insert_or_assign(key, answer);
    return answers;
}

std::vector<AnswerChange> changes_between(const VendorAnswers& before, const VendorAnswers& after) {
    std::vector<AnswerChange> changes;
    const assessment::RowKeyLess less;
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && less(b->first, a->first))) {
            changes.push_back({b->first, b->second, std::nullopt});
            ++b;
        } else if (b == before.end() || less(a->first, b->first)) {
            changes.push_back({a->first, std::nullopt, a->second});
            ++a;
        } else {
            if (!(b->second == a->second)) changes.push_back({a->first, b->second, a->second});
            ++b;
            ++a;
        }
    }
    return changes;
}

std::vector<SharePlan> plan_share(const VendorAnswers& product, std::span<const ShareTarget> targets) {
    std::vector<SharePlan> plans;
    plans.reserve(targets.size());
    for (const auto& target : targets) {
        auto answers = effective_answers(product, target.overrides);
        const bool unchanged = target.last_shared && *target.last_shared == answers;
        plans.push_back({target.request_id, std::move(answers), !unchanged});
    }
    return plans;
}

}  // namespace mamori::vendors
