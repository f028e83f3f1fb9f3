/// @file
/// @brief 事業者確認用 requests (issue 16 item 3): an institution asks the vendor of one of its systems for
/// the vendor form of a fiscal year; the vendor answers once per product (an answer set per fiscal year),
/// overrides single lines for one customer, and shares: each share is an immutable version of the request
/// that the institution reads, with what changed from the version before. Institution users see only their
/// own institution's requests; vendor users only requests addressed to their organisation for systems they
/// run (vendor_scope); anyone else is answered not_found. Every write is one transaction with an audit entry.
///
///     VendorRequests requests(db, catalog);
///     auto made = requests.create(hospital_editor, system_id, {2025, "2025-09-30"}, context);
///     VendorProducts products(db, catalog);
///     auto shared = products.share(vendor_user, product_id, {.fiscal_year = 2025, .request_ids = {made->id}}, c);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/catalog/catalog.hpp"
#include "mamori/core/error.hpp"
#include "mamori/documents/assessment_document.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/services/catalog_service.hpp"
#include "mamori/store/database.hpp"
#include "mamori/vendors/shared_answers.hpp"

namespace mamori::services {

// VendorAnswerLines: answer lines as given, in order (their index names errors: answers[i].field); a line
// without an answer (value null) leaves its row unanswered.
using VendorAnswerLines = std::vector<std::pair<assessment::RowKey, std::optional<assessment::Answer>>>;

// Limits of what the API accepts.
inline constexpr std::size_t kMaxVendorAnswerLines = 200;
inline constexpr std::size_t kMaxVendorNoteCharacters = 1000;
inline constexpr std::size_t kMaxShareRequestIds = 10000;
inline constexpr std::size_t kMaxVendorMessageCharacters = 2000;
inline constexpr std::size_t kMaxVendorReasonCharacters = 1000;

// VendorRequestRecord: one request as both sides see it.
struct VendorRequestRecord {
    std::int64_t id = 0;
    int version = 1;
    std::int64_t institution_id = 0;
    std::string institution_name;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t system_id = 0;
    std::string system_name;
    std::string system_kind;
    std::string system_product_name;
    std::string system_product_version;
    std::optional<std::int64_t> product_id;
    std::string product_name;
    int fiscal_year = 0;
    std::string edition_id;
    int edition_revision = 1;
    std::string form_id;
    std::string due_on;
    std::string status;
    bool outstanding = false;
    bool overdue = false;
    bool asks_disclosure = false;
    std::string message;
    std::string reason;
    int latest_version = 0;
    bool has_overrides = false;
    std::string requested_at;
    std::string requested_by_name;
    std::string updated_at;
};

// VendorRequestCounts: requests by status, and the outstanding and overdue ones among them.
struct VendorRequestCounts {
    long long requested = 0, answered = 0, returned = 0, declined = 0, withdrawn = 0, outstanding = 0,
              overdue = 0;
};

struct VendorRequestVersionInfo {
    int version = 0;
    std::string shared_at;
    std::string shared_by_name;
};

// VendorAnswerChange: a line whose answer differs from the version before, with its printed number and text.
struct VendorAnswerChange {
    assessment::RowKey key;
    std::string number;
    std::string text_ja;
    std::optional<assessment::Answer> before;
    std::optional<assessment::Answer> after;
};

// VendorRequestDetail: a request with one shared version (the newest unless asked), its changes from the
// version before and the form; for the vendor also the overrides and what the next share would give.
struct VendorRequestDetail {
    VendorRequestRecord request;
    std::vector<VendorRequestVersionInfo> versions;  // newest first
    int shown_version = 0;                           // 0: nothing shared yet
    vendors::VendorAnswers answers;
    std::vector<VendorAnswerChange> changes;
    std::shared_ptr<const catalog::Catalog> catalog;  // keeps `form` alive
    const catalog::Form* form = nullptr;
    bool for_vendor = false;
    vendors::VendorAnswers overrides;
    vendors::VendorAnswers effective_answers;
    int product_answers_version = 0;
};

struct NewVendorRequest {
    int fiscal_year = 0;
    std::string due_on;  // YYYY-MM-DD
    bool asks_disclosure = false;
    std::string message;
};

struct InstitutionVendorRequests {
    std::vector<VendorRequestRecord> requests;
    VendorRequestCounts counts;
    bool can_write = false;
};

// VendorRequestQuery: the vendor's list filters; empty ones are not applied.
struct VendorRequestQuery {
    std::optional<std::string> status;
    std::optional<std::int64_t> product_id;
    std::optional<std::int64_t> institution_id;
    std::optional<int> fiscal_year;
    std::optional<std::string> due_from;
    std::optional<std::string> due_to;
    bool overdue = false;
    std::string q;
    int page = 1;
    int per_page = 50;
};

struct NamedRef {
    std::int64_t id = 0;
    std::string name;
};

struct VendorRequestPage {
    std::vector<VendorRequestRecord> requests;
    long long total = 0;
    int page = 1;
    int per_page = 50;
    VendorRequestCounts counts;
    std::vector<NamedRef> institutions;
    std::vector<NamedRef> products;
};

struct VendorDashboard {
    VendorRequestCounts counts;
    long long products = 0;
    long long customers = 0;
    std::vector<VendorRequestRecord> due_soon;
};

class VendorRequests {
  public:
    VendorRequests(store::Database& db, CatalogService& catalog) : db_(db), catalog_(catalog) {}

    // Institution side.
    Result<VendorRequestRecord> create(const identity::Caller& caller, std::int64_t system_id,
                                       const NewVendorRequest& request, const audit::Context& context);
    Result<InstitutionVendorRequests> list(const identity::Caller& caller, std::optional<std::string> status,
                                           std::optional<int> fiscal_year);
    // get: for the institution that asked (`for_vendor` false) or the vendor asked (true); `version` 0: newest.
    Result<VendorRequestDetail> get(const identity::Caller& caller, std::int64_t id, int version, bool for_vendor);
    // act: return_for_correction, ask_again, withdraw (the institution) or decline (the vendor).
    Result<VendorRequestRecord> act(const identity::Caller& caller, std::int64_t id, std::string_view action,
                                    const std::string& reason, int version, const audit::Context& context);
    // document: the vendor form with version `version` (0: newest) of the answers, for either side.
    Result<documents::AssessmentDocument> document(const identity::Caller& caller, std::int64_t id, int version);

    // Vendor side.
    Result<VendorRequestPage> inbox(const identity::Caller& caller, const VendorRequestQuery& query);
    Result<VendorDashboard> dashboard(const identity::Caller& caller);
    Result<VendorRequestDetail> set_overrides(const identity::Caller& caller, std::int64_t id, int version,
                                              const VendorAnswerLines& answers, const audit::Context& context);

  private:
    store::Database& db_;
    CatalogService& catalog_;
};

// AnswerSetSummary: one fiscal year's answer set of a product.
struct AnswerSetSummary {
    int fiscal_year = 0;
    std::string edition_id;
    int version = 0;
    long long answered = 0;
    long long total = 0;
    std::string updated_at;
};

struct VendorProduct {
    std::int64_t id = 0;
    std::string name;
    std::string note;
    long long systems = 0;
    std::vector<AnswerSetSummary> answer_sets;
};

struct VendorProductList {
    std::vector<VendorProduct> products;
    bool can_write = false;
};

// ProductAnswers: a product's answer set for a fiscal year (version 0: none saved yet).
struct ProductAnswers {
    std::int64_t product_id = 0;
    std::string product_name;
    int fiscal_year = 0;
    std::string edition_id;
    int edition_revision = 1;
    std::string form_id;
    int version = 0;
    vendors::VendorAnswers answers;
    std::shared_ptr<const catalog::Catalog> catalog;
    const catalog::Form* form = nullptr;
};

struct ShareInput {
    int fiscal_year = 0;
    std::vector<std::int64_t> request_ids;
    bool all_outstanding = false;
};

struct ShareResult {
    std::vector<std::pair<std::int64_t, int>> shared;  // request, its new version
    std::vector<std::int64_t> unchanged;
    std::vector<std::pair<std::int64_t, std::string>> refused;  // request, reason
};

class VendorProducts {
  public:
    VendorProducts(store::Database& db, CatalogService& catalog) : db_(db), catalog_(catalog) {}

    Result<VendorProductList> list(const identity::Caller& caller);
    Result<VendorProduct> create(const identity::Caller& caller, const std::string& name, const std::string& note,
                                 const audit::Context& context);
    Result<VendorProduct> update(const identity::Caller& caller, std::int64_t id, const std::string& name,
                                 const std::string& note, const audit::Context& context);
    Result<ProductAnswers> answers(const identity::Caller& caller, std::int64_t id, int fiscal_year);
    // save_answers: replaces the set (version+1); institutions see nothing of it until it is shared.
    Result<ProductAnswers> save_answers(const identity::Caller& caller, std::int64_t id, int fiscal_year,
                                        int version, const VendorAnswerLines& answers,
                                        const audit::Context& context);
    // share: one transaction; each target gets a new version of the product's answers with its overrides.
    Result<ShareResult> share(const identity::Caller& caller, std::int64_t id, const ShareInput& input,
                              const audit::Context& context);

  private:
    store::Database& db_;
    CatalogService& catalog_;
};

}  // namespace mamori::services
