/// @file
/// @brief What the institution's registers say about the checklist, and where the answers contradict them:
/// the systems register for 2-② remote maintenance (VND-01), 2-③ MDS/SDS (VND-02) and every item that is
/// 記入不要 without a vendor contract; the device ledger for 2-① (AST-01) and its findings for 2-⑥ patching
/// (VUL-01). Pure: the service gathers the facts; the page words them in Japanese.
///
///     auto context = register_context(facts, checklist);   // per item: its warnings
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/assessment/answer_rules.hpp"
#include "mamori/ledger/asset.hpp"

namespace mamori::vendors {

inline constexpr std::string_view kRemoteMaintenanceItem = "VND-01";  // 2-② リモートメンテナンス
inline constexpr std::string_view kDisclosureItem = "VND-02";         // 2-③ MDS/SDS
inline constexpr std::string_view kLedgerItem = "AST-01";             // 2-① 台帳管理
inline constexpr std::string_view kPatchItem = "VUL-01";              // 2-⑥ パッチ適用

// RegisterFacts: the institution's systems in use, by name.
struct RegisterFacts {
    int systems_in_use = 0;
    std::vector<std::string> with_vendor;              // a vendor named (linked or not)
    std::vector<std::string> with_remote_maintenance;  // remote maintenance: yes
    std::vector<std::string> remote_points_unrecorded;  // remote maintenance without its device or connection point
    int linked_vendor_systems = 0;  // systems whose vendor is linked in mamori (only those can send MDS/SDS here)
    std::vector<std::string> without_current_disclosure;  // a linked vendor, but no current MDS/SDS for the system
    std::vector<std::string> vendors_without_disclosure;  // those systems' vendors, each once
    // The device ledger and its findings.
    int assets_in_use = 0;
    int assets_without_cpe = 0;             // in use, with no CPE name: no vulnerability can be found for them
    std::optional<int> days_since_ledger_change;  // since the newest change or sighting of an asset in use
    int open_kev_findings = 0;              // 未対応 or 対応中, in KEV, still true
    std::vector<std::string> open_kev_assets;  // their assets, each once
};

// ChecklistFacts: what the checklist says: whether the institution has a vendor contract (items that need
// one are 記入不要 without it), the items that need one, and the answers given to VND-01 and VND-02.
struct ChecklistFacts {
    bool has_vendor_contract = true;
    std::vector<std::string> vendor_contract_items;  // canonical ids, in form order
    std::optional<assessment::AnswerValue> remote_maintenance_answer;
    std::optional<assessment::AnswerValue> disclosure_answer;
    std::optional<assessment::AnswerValue> ledger_answer;
    std::optional<assessment::AnswerValue> patch_answer;
};

enum class RegisterWarning {
    register_empty,                     // no system in use: the register cannot confirm anything
    no_contract_but_vendors_listed,     // 記入不要 (no vendor contract) while the register names vendors
    contract_but_no_vendor_listed,      // a vendor contract while no system in use names a vendor
    remote_points_unrecorded,           // 2-② はい, but a remote system lacks its device or connection point
    disclosure_missing_though_yes,      // 2-③ はい, but a system with a vendor has no current MDS/SDS
    ledger_empty_though_yes,            // 2-① はい, but the ledger has no device in use
    ledger_stale_though_yes,            // 2-① はい, but the ledger has not changed for ledger::kLedgerStaleDays
    kev_open_though_yes,                // 2-⑥ はい, but devices carry known-exploited vulnerabilities not dealt with
};

std::string_view to_string(RegisterWarning warning);

// ItemContext: one checklist item the register speaks to, with its warnings (none: consistent).
struct ItemContext {
    std::string canonical_id;
    std::vector<RegisterWarning> warnings;
};

// register_context: VND-01, VND-02, every other item that needs a vendor contract, then AST-01 and VUL-01;
// each once, in that order.
std::vector<ItemContext> register_context(const RegisterFacts& facts, const ChecklistFacts& checklist);

}  // namespace mamori::vendors
