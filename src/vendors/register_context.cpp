#include "mamori/vendors/register_context.hpp"

#include <algorithm>

namespace mamori::vendors {

namespace {

using assessment::AnswerValue;

void add_if(std::vector<RegisterWarning>& out, bool condition, RegisterWarning warning) {
    if (condition) out.push_back(warning);
}

}  // namespace

std::string_view to_string(RegisterWarning w) {
    switch (w) {
        case RegisterWarning::register_empty: return "register_empty";
        case RegisterWarning::no_contract_but_vendors_listed: return "no_contract_but_vendors_listed";
        case RegisterWarning::contract_but_no_vendor_listed: return "contract_but_no_vendor_listed";
        case RegisterWarning::remote_points_unrecorded: return "remote_points_unrecorded";
        case RegisterWarning::disclosure_missing_though_yes: return "disclosure_missing_though_yes";
        case RegisterWarning::ledger_empty_though_yes: return "ledger_empty_though_yes";
        case RegisterWarning::ledger_stale_though_yes: return "ledger_stale_though_yes";
        case RegisterWarning::kev_open_though_yes: return "kev_open_though_yes";
    }
    return "";
}

std::vector<ItemContext> register_context(const RegisterFacts& facts, const ChecklistFacts& checklist) {
    const bool empty = facts.systems_in_use == 0;
    // The contract warnings belong to every item that needs a vendor contract.
    std::vector<RegisterWarning> contract;
    add_if(contract, !checklist.has_vendor_contract && !facts.with_vendor.empty(),
           RegisterWarning::no_contract_but_vendors_listed);
    add_if(contract, checklist.has_vendor_contract && !empty && facts.with_vendor.empty(),
           RegisterWarning::contract_but_no_vendor_listed);

    std::vector<ItemContext> out;
    const auto item = [&](std::string_view id) -> ItemContext& {
        for (auto& c : out)
            if (c.canonical_id == id) return c;
        out.push_back({std::string(id), {}});
        return out.back();
    };
    const auto contract_items_include = [&](std::string_view id) {
        return std::find(checklist.vendor_contract_items.begin(), checklist.vendor_contract_items.end(), id) !=
               checklist.vendor_contract_items.end();
    };
    for (const auto id : {kRemoteMaintenanceItem, kDisclosureItem}) {
        auto& c = item(id);
        add_if(c.warnings, empty, RegisterWarning::register_empty);
        if (contract_items_include(id)) c.warnings.insert(c.warnings.end(), contract.begin(), contract.end());
    }
    if (checklist.has_vendor_contract) {
        add_if(item(kRemoteMaintenanceItem).warnings,
               checklist.remote_maintenance_answer == AnswerValue::yes && !facts.remote_points_unrecorded.empty(),
               RegisterWarning::remote_points_unrecorded);
        add_if(item(kDisclosureItem).warnings,
               checklist.disclosure_answer == AnswerValue::yes && !facts.without_current_disclosure.empty(),
               RegisterWarning::disclosure_missing_though_yes);
    }
    for (const auto& id : checklist.vendor_contract_items) {
        if (id == kRemoteMaintenanceItem || id == kDisclosureItem) continue;
        item(id).warnings = contract;
    }
    const bool ledger_yes = checklist.ledger_answer == AnswerValue::yes;
    auto& ledger = item(kLedgerItem);
    add_if(ledger.warnings, ledger_yes && facts.assets_in_use == 0, RegisterWarning::ledger_empty_though_yes);
    add_if(ledger.warnings,
           ledger_yes && facts.assets_in_use > 0 && facts.days_since_ledger_change > ledger::kLedgerStaleDays,
           RegisterWarning::ledger_stale_though_yes);
    add_if(item(kPatchItem).warnings, checklist.patch_answer == AnswerValue::yes && facts.open_kev_findings > 0,
           RegisterWarning::kev_open_though_yes);
    return out;
}

}  // namespace mamori::vendors
