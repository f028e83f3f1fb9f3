#include "mamori/vendors/register_context.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace mamori::vendors {
namespace {

using assessment::AnswerValue;
using W = RegisterWarning;

// A register with two systems of one vendor: the EHR with remote maintenance fully recorded and a current
// MDS/SDS, the レセコン without.
RegisterFacts consistent_register() {
    RegisterFacts f;
    f.systems_in_use = 2;
    f.with_vendor = {"電子カルテ", "レセコン"};
    f.with_remote_maintenance = {"電子カルテ"};
    return f;
}

ChecklistFacts checklist(std::optional<AnswerValue> remote, std::optional<AnswerValue> disclosure,
                         bool has_vendor_contract = true) {
    return {has_vendor_contract, {"VND-01", "VND-02", "NET-02"}, remote, disclosure};
}

struct Case {
    std::string name;
    RegisterFacts facts;
    ChecklistFacts checklist;
    std::map<std::string, std::vector<W>> expected;  // per item; items not named: no warnings
};

std::vector<Case> cases() {
    auto missing_mds = consistent_register();
    missing_mds.without_current_disclosure = {"レセコン"};
    missing_mds.vendors_without_disclosure = {"デモ医療システム株式会社"};
    auto unrecorded = consistent_register();
    unrecorded.remote_points_unrecorded = {"電子カルテ"};
    RegisterFacts empty;
    RegisterFacts in_house;  // systems, none with a vendor
    in_house.systems_in_use = 1;
    return {
        {"answers that agree with the register", consistent_register(),
         checklist(AnswerValue::yes, AnswerValue::yes), {}},
        {"2-③ はい while a system with a vendor has no current MDS/SDS", missing_mds,
         checklist(AnswerValue::yes, AnswerValue::yes), {{"VND-02", {W::disclosure_missing_though_yes}}}},
        {"2-③ いいえ says the same as the register: no warning", missing_mds,
         checklist(AnswerValue::yes, AnswerValue::no), {}},
        {"2-③ unanswered: nothing contradicts yet", missing_mds, checklist(AnswerValue::yes, std::nullopt), {}},
        {"2-② はい while a remote system has no connection point recorded", unrecorded,
         checklist(AnswerValue::yes, AnswerValue::yes), {{"VND-01", {W::remote_points_unrecorded}}}},
        {"記入不要 (no vendor contract) while the register names vendors", missing_mds,
         checklist(AnswerValue::not_required, AnswerValue::not_required, false),
         {{"VND-01", {W::no_contract_but_vendors_listed}},
          {"VND-02", {W::no_contract_but_vendors_listed}},
          {"NET-02", {W::no_contract_but_vendors_listed}}}},
        {"a vendor contract while no system names a vendor", in_house,
         checklist(AnswerValue::yes, AnswerValue::no),
         {{"VND-01", {W::contract_but_no_vendor_listed}},
          {"VND-02", {W::contract_but_no_vendor_listed}},
          {"NET-02", {W::contract_but_no_vendor_listed}}}},
        {"no vendor contract and no vendor in the register: consistent", in_house,
         checklist(std::nullopt, std::nullopt, false), {}},
        {"an empty register confirms nothing", empty, checklist(AnswerValue::yes, AnswerValue::yes),
         {{"VND-01", {W::register_empty}}, {"VND-02", {W::register_empty}}}},
    };
}

TEST(RegisterContext, EachCaseGivesTheWarningsOfItsTable) {
    for (const auto& c : cases()) {
        SCOPED_TRACE(c.name);
        const auto context = register_context(c.facts, c.checklist);
        ASSERT_EQ(context.size(), 3u);
        EXPECT_EQ(context[0].canonical_id, "VND-01");
        EXPECT_EQ(context[1].canonical_id, "VND-02");
        EXPECT_EQ(context[2].canonical_id, "NET-02");
        for (const auto& item : context) {
            const auto found = c.expected.find(item.canonical_id);
            const std::vector<W> expected = found == c.expected.end() ? std::vector<W>{} : found->second;
            EXPECT_EQ(item.warnings, expected) << item.canonical_id;
        }
    }
}

TEST(RegisterContext, TheVendorItemsAreListedEvenWhenTheFormDoesNotNeedAContractForThem) {
    // A form (or an edition) whose VND items do not need a vendor contract: the contract warnings stay off
    // them, but the register still speaks to them.
    const auto context = register_context(consistent_register(), {false, {}, std::nullopt, std::nullopt});
    ASSERT_EQ(context.size(), 2u);
    EXPECT_TRUE(context[0].warnings.empty());
    EXPECT_TRUE(context[1].warnings.empty());
}

TEST(RegisterContext, EveryWarningHasAName) {
    for (const auto w : {W::register_empty, W::no_contract_but_vendors_listed, W::contract_but_no_vendor_listed,
                         W::remote_points_unrecorded, W::disclosure_missing_though_yes})
        EXPECT_FALSE(to_string(w).empty());
}

}  // namespace
}  // namespace mamori::vendors
