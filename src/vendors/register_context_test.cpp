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
    return {has_vendor_contract, {"VND-01", "VND-02", "NET-02"}, remote, disclosure, std::nullopt, std::nullopt};
}

ChecklistFacts ledger_answers(std::optional<AnswerValue> ledger, std::optional<AnswerValue> patch) {
    auto c = checklist(AnswerValue::yes, AnswerValue::yes);
    c.ledger_answer = ledger;
    c.patch_answer = patch;
    return c;
}

// A ledger of 30 devices changed 40 days ago, with no open KEV finding.
RegisterFacts kept_ledger() {
    auto f = consistent_register();
    f.assets_in_use = 30;
    f.days_since_ledger_change = 40;
    return f;
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
    auto stale = kept_ledger();
    stale.days_since_ledger_change = ledger::kLedgerStaleDays + 1;
    auto year_old = kept_ledger();
    year_old.days_since_ledger_change = ledger::kLedgerStaleDays;
    auto kev_open = kept_ledger();
    kev_open.open_kev_findings = 2;
    kev_open.open_kev_assets = {"VPN装置"};
    return {
        {"a kept ledger and no KEV finding agree with 2-① and 2-⑥ はい", kept_ledger(),
         ledger_answers(AnswerValue::yes, AnswerValue::yes), {}},
        {"2-① はい with an empty ledger", consistent_register(), ledger_answers(AnswerValue::yes, std::nullopt),
         {{"AST-01", {W::ledger_empty_though_yes}}}},
        {"2-① いいえ with an empty ledger says the same", consistent_register(),
         ledger_answers(AnswerValue::no, std::nullopt), {}},
        {"2-① はい with a ledger unchanged for over a year", stale, ledger_answers(AnswerValue::yes, std::nullopt),
         {{"AST-01", {W::ledger_stale_though_yes}}}},
        {"a ledger changed exactly a year ago is not yet stale", year_old,
         ledger_answers(AnswerValue::yes, std::nullopt), {}},
        {"2-⑥ はい while KEV findings are open", kev_open, ledger_answers(AnswerValue::yes, AnswerValue::yes),
         {{"VUL-01", {W::kev_open_though_yes}}}},
        {"2-⑥ いいえ with open KEV findings says the same", kev_open,
         ledger_answers(AnswerValue::yes, AnswerValue::no), {}},
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
        ASSERT_EQ(context.size(), 5u);
        EXPECT_EQ(context[0].canonical_id, "VND-01");
        EXPECT_EQ(context[1].canonical_id, "VND-02");
        EXPECT_EQ(context[2].canonical_id, "NET-02");
        EXPECT_EQ(context[3].canonical_id, "AST-01");
        EXPECT_EQ(context[4].canonical_id, "VUL-01");
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
    const auto context =
        register_context(consistent_register(), {false, {}, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    ASSERT_EQ(context.size(), 4u);
    EXPECT_TRUE(context[0].warnings.empty());
    EXPECT_TRUE(context[1].warnings.empty());
}

TEST(RegisterContext, EveryWarningHasAName) {
    for (const auto w : {W::register_empty, W::no_contract_but_vendors_listed, W::contract_but_no_vendor_listed,
                         W::remote_points_unrecorded, W::disclosure_missing_though_yes, W::ledger_empty_though_yes,
                         W::ledger_stale_though_yes, W::kev_open_though_yes})
        EXPECT_FALSE(to_string(w).empty());
}

}  // namespace
}  // namespace mamori::vendors
