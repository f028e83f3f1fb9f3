/// @file
/// @brief MDS/SDS (製造業者/サービス事業者による医療情報セキュリティ開示書) of vendors' products: the vendor
/// uploads them per product (every upload kept; a new one supersedes, a wrong one is withdrawn with a
/// reason), and an institution sees, per system of its register, whether the vendor has given a current one
/// and downloads it. The rules of "current" are in mamori/vendors/disclosure.hpp.
///
/// Access: a vendor organisation's administrators and respondents see and write only their own products;
/// an institution's own users see only the disclosures of products of systems in its register run by a
/// linked vendor. Anything else is not_found. Every write is one transaction with an audit entry.
///
///     VendorDisclosures disclosures(db);
///     auto made = disclosures.upload(vendor, product_id, upload, context);
///     auto mine = disclosures.for_institution(hospital);   // per system: current, missing, …
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

// Disclosure: one upload. state: current or outdated (the product's latest of its kind, see
// vendors::disclosure_state), superseded (a later upload replaced it) or withdrawn.
struct Disclosure {
    std::int64_t id = 0;
    std::int64_t product_id = 0;
    std::string product_name;
    std::string kind;  // mds, sds
    std::string version_label;
    std::string issued_on;    // YYYY-MM-DD
    std::string valid_until;  // the first day it is no longer current
    std::string file_name;
    std::string media_type;
    long long size = 0;
    std::string note;
    std::string uploaded_at;
    std::string uploaded_by_name;
    std::string state;
    std::optional<std::string> withdrawn_at;
    std::optional<std::string> withdrawn_reason;
    std::optional<std::string> withdrawn_by_name;
};

// ProductDisclosures: a vendor's product with its latest MDS and SDS (not withdrawn; current or outdated) and
// every upload, newest first.
struct ProductDisclosures {
    std::int64_t product_id = 0;
    std::string name;
    std::string note;
    int systems = 0;  // customers' systems that are this product
    std::optional<Disclosure> mds;
    std::optional<Disclosure> sds;
    std::vector<Disclosure> history;
};

struct VendorDisclosureList {
    std::vector<ProductDisclosures> products;  // by name
    bool can_write = false;
};

// SystemDisclosures: one system of an institution's register. status: vendors::status_code (current,
// outdated, missing, no_vendor, product_unknown); disclosures: the latest MDS and/or SDS of its product.
struct SystemDisclosures {
    std::int64_t system_id = 0;
    std::string system_name;
    std::string system_kind;
    std::optional<std::int64_t> vendor_id;
    std::string vendor_name;  // the linked vendor organisation's name, else the register's free text
    std::optional<std::int64_t> product_id;
    std::string product_name;
    std::string status;
    std::vector<Disclosure> disclosures;
};

struct InstitutionDisclosures {
    std::vector<SystemDisclosures> systems;  // the systems in use, by name
};

// DisclosureSummary: for the checklist's MDS/SDS line: of the institution's systems in use run by a linked
// vendor, how many have a current MDS/SDS, and the names of those without one.
struct DisclosureSummary {
    int systems_with_vendor = 0;
    int with_current = 0;
    std::vector<std::string> without;          // system names, by name
    std::vector<std::string> vendors_without;  // those systems' vendors, each once, by name
};

// disclosure_summary: inside the caller's session; no access check (the caller decides who sees it).
DisclosureSummary disclosure_summary(soci::session& sql, std::int64_t institution_id);

// DisclosureUpload: what the vendor sends; checked by the domain's rules (fields kind, version_label,
// issued_on, note, file_name, file).
struct DisclosureUpload {
    std::string kind;
    std::string version_label;
    std::string issued_on;
    std::string note;
    std::string file_name;
    std::string content;
};

struct DisclosureFile {
    std::string file_name;
    std::string media_type;
    std::string content;
};

inline constexpr long kMaxWithdrawReasonChars = 1000;

class VendorDisclosures {
  public:
    explicit VendorDisclosures(store::Database& db) : db_(db) {}

    // The vendor's side.
    Result<VendorDisclosureList> for_vendor(const identity::Caller& caller);
    Result<ProductDisclosures> product(const identity::Caller& caller, std::int64_t product_id);
    Result<Disclosure> upload(const identity::Caller& caller, std::int64_t product_id,
                              const DisclosureUpload& upload, const audit::Context& context);
    Result<Disclosure> withdraw(const identity::Caller& caller, std::int64_t disclosure_id,
                                const std::string& reason, const audit::Context& context);
    Result<DisclosureFile> vendor_file(const identity::Caller& caller, std::int64_t disclosure_id);

    // The institution's side.
    Result<InstitutionDisclosures> for_institution(const identity::Caller& caller);
    Result<DisclosureFile> institution_file(const identity::Caller& caller, std::int64_t disclosure_id);

  private:
    store::Database& db_;
};

}  // namespace mamori::services
