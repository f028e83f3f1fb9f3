// VendorRequests, the institution's side: asking a vendor, the list, reading a request and its versions, and
// the moves of the state machine (the vendor's decline included).
#include <fmt/format.h>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/vendor_requests.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "mamori/vendors/vendor_request.hpp"
#include "vendor_request_support.hpp"
#include "vendor_scope.hpp"

namespace mamori::services {

namespace {

namespace vs = vendor_support;
using identity::Caller;
using nlohmann::json;

tl::unexpected<Error> no_request(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no vendor request {}", id));
}

// visible: request `id` if `caller` may read it from its side.
Result<VendorRequestRecord> visible(soci::session& sql, const Caller& caller, std::int64_t id, bool for_vendor) {
    auto found = vs::request_by_id(sql, id);
    if (!found) return no_request(id);
    if (for_vendor) {
        if (!vs::vendor_reads(caller) || !vs::vendor_sees(sql, caller.organisation.id, *found)) return no_request(id);
    } else if (!vs::institution_reads(caller) || found->institution_id != caller.organisation.id) {
        return no_request(id);
    }
    return std::move(*found);
}

void lock_request(soci::session& sql, std::int64_t id) {
    store::execute(sql, "UPDATE vendor_requests SET version = version WHERE id = :id", static_cast<long long>(id));
}

struct StoredVersion {
    vendors::VendorAnswers answers;
    int product_answers_version = 0;
};

std::optional<StoredVersion> stored_version(soci::session& sql, std::int64_t request, int version) {
    for (const auto& row : store::query(sql,
                                        "SELECT answers, product_answers_version FROM vendor_request_versions "
                                        "WHERE request_id = :r AND version = :v",
                                        static_cast<long long>(request), static_cast<long long>(version)))
        return StoredVersion{vs::answers_from_text(row.get<std::string>(0)),
                             static_cast<int>(store::int64_at(row, 1))};
    return std::nullopt;
}

}  // namespace

Result<VendorRequestRecord> VendorRequests::create(const Caller& caller, std::int64_t system_id,
                                                   const NewVendorRequest& input, const audit::Context& context) {
    if (!vs::institution_reads(caller)) return fail(ErrorCode::not_found, fmt::format("no system {}", system_id));
    if (!vs::institution_writes(caller))
        return fail(ErrorCode::forbidden,
                    "only the institution's administrators, security managers and editors ask vendors");
    const auto catalog = catalog_.snapshot()->catalog_ptr();
    const auto* edition = input.fiscal_year >= 2000 && input.fiscal_year <= 2100
                              ? vs::edition_for_year(*catalog, input.fiscal_year)
                              : nullptr;
    if (!edition)
        return fail(ErrorCode::invalid_input,
                    fmt::format("there is no 事業者確認用 form for fiscal year {}", input.fiscal_year), "fiscal_year");
    const auto due = parse_iso_date(input.due_on);
    if (!due) return fail(ErrorCode::invalid_input, "due_on must be a date (YYYY-MM-DD)", "due_on");
    if (*due < vs::today()) return fail(ErrorCode::invalid_input, "the due date is in the past", "due_on");
    if (vs::character_count(input.message) > kMaxVendorMessageCharacters)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} characters", kMaxVendorMessageCharacters),
                    "message");
    auto made = db_.transaction([&](soci::session& sql) -> Result<std::int64_t> {
        const long long sys = system_id;
        store::execute(sql, "UPDATE systems SET version = version WHERE id = :id", sys);
        std::optional<long long> vendor;
        std::string status;
        bool found = false;
        for (const auto& row : store::query(sql,
                                            "SELECT vendor_organisation_id, status FROM systems WHERE id = :id AND "
                                            "organisation_id = :o",
                                            sys, static_cast<long long>(caller.organisation.id))) {
            found = true;
            vendor = store::optional_int64_at(row, 0);
            status = row.get<std::string>(1);
        }
        if (!found) return fail(ErrorCode::not_found, fmt::format("no system {}", system_id));
        if (status != "in_use") return fail(ErrorCode::conflict, "the system is retired", "system");
        if (!vendor || !vendor_scope::is_linked_vendor(sql, caller.organisation.id, *vendor))
            return fail(ErrorCode::conflict,
                        "the system names no linked vendor organisation: set its vendor in the systems register first",
                        "system");
        for (const auto& row : store::query(sql,
                                            "SELECT id FROM vendor_requests WHERE system_id = :s AND fiscal_year = :y "
                                            "AND status <> 'withdrawn'",
                                            sys, static_cast<long long>(input.fiscal_year))) {
            return fail(ErrorCode::conflict,
                        fmt::format("request {} for this system and fiscal year is still open",
                                    store::int64_at(row, 0)),
                        "fiscal_year");
        }
        std::optional<long long> product;
        for (const auto& row : store::query(sql,
                                            "SELECT sp.vendor_product_id FROM system_products sp JOIN vendor_products p "
                                            "ON p.id = sp.vendor_product_id WHERE sp.system_id = :s AND "
                                            "p.vendor_organisation_id = :v",
                                            sys, *vendor))
            product = store::int64_at(row, 0);
        const std::string now = records::iso_now();
        const auto user = vs::user_or_null(caller.user_id);
        long long id = 0;
        for (const auto& row : store::query(
                 sql,
                 "INSERT INTO vendor_requests (institution_organisation_id, system_id, vendor_organisation_id, "
                 "vendor_product_id, fiscal_year, edition_id, edition_revision, form_id, due_on, asks_disclosure, "
                 "message, status, reason, latest_version, version, requested_by, requested_at, updated_by, "
                 "updated_at) VALUES (:i, :s, :v, :p, :y, :e, :er, 'vendor', :d, :ad, :m, 'requested', '', 0, 1, "
                 ":rb, :ra, :ub, :ua) RETURNING id",
                 static_cast<long long>(caller.organisation.id), sys, *vendor, product,
                 static_cast<long long>(input.fiscal_year), edition->id,
                 static_cast<long long>(edition->revision.revision), input.due_on, input.asks_disclosure ? 1 : 0,
                 input.message, user, now, user, now))
            id = store::int64_at(row, 0);
        vs::add_event(sql, id, "requested", std::nullopt, "requested", "", caller.user_id, now);
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_request.requested", fmt::format("vendor_request:{}", id),
                                          {{"system_id", system_id},
                                           {"vendor_organisation_id", *vendor},
                                           {"fiscal_year", input.fiscal_year},
                                           {"due_on", input.due_on},
                                           {"asks_disclosure", input.asks_disclosure}}),
                      context);
        return id;
    });
    if (!made) return fail(made.error());
    auto lease = db_.acquire();
    return *vs::request_by_id(*lease, *made);
}

Result<InstitutionVendorRequests> VendorRequests::list(const Caller& caller, std::optional<std::string> status,
                                                       std::optional<int> fiscal_year) {
    if (!vs::institution_reads(caller)) return fail(ErrorCode::not_found, "there are no vendor requests here");
    if (status && !vendors::parse_vendor_request_status(*status))
        return fail(ErrorCode::invalid_input, "status is not a request status", "status");
    InstitutionVendorRequests out;
    out.can_write = vs::institution_writes(caller);
    auto lease = db_.acquire();
    const auto day = vs::today();
    const long long org = caller.organisation.id;
    for (const auto& row : store::query(*lease,
                                        vs::kRequestSelect +
                                            "WHERE r.institution_organisation_id = :o ORDER BY r.due_on, r.id",
                                        org)) {
        auto r = vs::read_request(row, day);
        if (fiscal_year && r.fiscal_year != *fiscal_year) continue;
        vs::count(out.counts, r.status, r.overdue, 1);
        if (status && r.status != *status) continue;
        out.requests.push_back(std::move(r));
    }
    return out;
}

Result<VendorRequestDetail> VendorRequests::get(const Caller& caller, std::int64_t id, int version,
                                                bool for_vendor) {
    auto lease = db_.acquire();
    auto& sql = *lease;
    auto request = visible(sql, caller, id, for_vendor);
    if (!request) return fail(request.error());
    VendorRequestDetail out;
    out.request = std::move(*request);
    out.for_vendor = for_vendor;
    out.catalog = catalog_.snapshot()->catalog_ptr();
    out.form = vs::vendor_form(*out.catalog, out.request.edition_id, out.request.edition_revision);
    for (const auto& row : store::query(sql,
                                        "SELECT v.version, v.shared_at, COALESCE(u.display_name, '') FROM "
                                        "vendor_request_versions v LEFT JOIN users u ON u.id = v.shared_by WHERE "
                                        "v.request_id = :r ORDER BY v.version DESC",
                                        static_cast<long long>(id)))
        out.versions.push_back({static_cast<int>(store::int64_at(row, 0)), row.get<std::string>(1),
                                row.get<std::string>(2)});
    const int shown = version > 0 ? version : out.request.latest_version;
    if (version > out.request.latest_version || version < 0)
        return fail(ErrorCode::not_found, fmt::format("request {} has no version {}", id, version));
    out.shown_version = shown;
    vendors::VendorAnswers before;
    if (shown > 0) {
        auto stored = stored_version(sql, id, shown);
        if (!stored) return fail(ErrorCode::not_found, fmt::format("request {} has no version {}", id, shown));
        out.answers = std::move(stored->answers);
        out.product_answers_version = stored->product_answers_version;
        if (shown > 1)
            if (auto earlier = stored_version(sql, id, shown - 1)) before = std::move(earlier->answers);
    }
    if (shown > 1) {
        for (auto& change : vendors::changes_between(before, out.answers)) {
            VendorAnswerChange c{change.key, "", "", std::move(change.before), std::move(change.after)};
            if (const auto* item = out.form ? out.form->find(c.key.canonical_id) : nullptr) {
                c.number = item->number;
                c.text_ja = item->text_ja;
            }
            out.changes.push_back(std::move(c));
        }
    }
    if (for_vendor) {
        for (const auto& row : store::query(sql, "SELECT answers FROM vendor_request_overrides WHERE request_id = :r",
                                            static_cast<long long>(id)))
            out.overrides = vs::answers_from_text(row.get<std::string>(0));
        vendors::VendorAnswers product;
        out.product_answers_version = 0;
        if (out.request.product_id)
            for (const auto& row : store::query(sql,
                                                "SELECT answers, version FROM vendor_answer_sets WHERE "
                                                "vendor_product_id = :p AND fiscal_year = :y",
                                                static_cast<long long>(*out.request.product_id),
                                                static_cast<long long>(out.request.fiscal_year))) {
                product = vs::answers_from_text(row.get<std::string>(0));
                out.product_answers_version = static_cast<int>(store::int64_at(row, 1));
            }
        out.effective_answers = vendors::effective_answers(product, out.overrides);
    }
    return out;
}

Result<VendorRequestRecord> VendorRequests::act(const Caller& caller, std::int64_t id, std::string_view action_text,
                                                const std::string& reason, int version,
                                                const audit::Context& context) {
    const auto action = vendors::parse_vendor_request_action(action_text);
    if (!action || *action == vendors::VendorRequestAction::share)
        return fail(ErrorCode::invalid_input, "action must be return_for_correction, ask_again, withdraw or decline",
                    "action");
    const bool vendor_side = caller.organisation.kind == identity::OrgKind::vendor;
    if (vendors::needs_reason(*action) && reason.empty())
        return fail(ErrorCode::invalid_input, "a reason is required", "reason");
    if (vs::character_count(reason) > kMaxVendorReasonCharacters)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} characters", kMaxVendorReasonCharacters),
                    "reason");
    auto done = db_.transaction([&](soci::session& sql) -> Result<int> {
        lock_request(sql, id);
        auto current = visible(sql, caller, id, vendor_side);
        if (!current) return fail(current.error());
        if (!(vendor_side ? vs::vendor_writes(caller) : vs::institution_writes(caller)))
            return fail(ErrorCode::forbidden, "you may read this request but not change it");
        if (current->version != version)
            return fail(ErrorCode::conflict,
                        fmt::format("the request changed meanwhile (version {}, not {}): reload it", current->version,
                                    version),
                        "version");
        const auto from = *vendors::parse_vendor_request_status(current->status);
        auto next = vendors::vendor_request_transition(
            from, *action, vendor_side ? vendors::VendorSide::vendor : vendors::VendorSide::institution);
        if (!next) return fail(next.error());
        const std::string now = records::iso_now();
        const std::string to{vendors::to_string(*next)};
        const auto changed = store::execute(
            sql,
            "UPDATE vendor_requests SET status = :s, reason = :r, version = version + 1, updated_by = :u, "
            "updated_at = :at WHERE id = :id AND version = :v",
            to, reason, vs::user_or_null(caller.user_id), now, static_cast<long long>(id),
            static_cast<long long>(version));
        if (changed != 1) return fail(ErrorCode::conflict, "the request changed meanwhile: reload it", "version");
        vs::add_event(sql, id, vendors::to_string(*action), current->status, to, reason, caller.user_id, now);
        audit::append(sql,
                      audit::caller_entry(caller, fmt::format("vendor_request.{}", vendors::to_string(*action)),
                                          fmt::format("vendor_request:{}", id),
                                          {{"before", {{"status", current->status}}},
                                           {"after", {{"status", to}}},
                                           {"reason", reason}}),
                      context);
        return 0;
    });
    if (!done) return fail(done.error());
    auto lease = db_.acquire();
    return *vs::request_by_id(*lease, id);
}

}  // namespace mamori::services
