// VendorDisclosures: MDS/SDS uploads of vendors' products, their states, and what an institution sees.
#include "mamori/services/vendor_disclosures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "assessment_records.hpp"
#include "evidence_files.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"
#include "mamori/vendors/disclosure.hpp"
#include "vendor_disclosure_records.hpp"

namespace mamori::services {

namespace {

namespace rec = disclosure_records;
using identity::Caller;
using identity::Role;
using std::chrono::year_month_day;

year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

bool vendor_reads(const Caller& caller) {
    return caller.organisation.kind == identity::OrgKind::vendor &&
           (caller.has(Role::administrator) || caller.has(Role::vendor_respondent));
}

bool vendor_writes(const Caller& caller) {
    return vendor_reads(caller) && identity::allows_write(caller);
}

bool institution_reads(const Caller& caller) {
    return identity::is_institution(caller.organisation.kind) &&
           (caller.has(Role::administrator) || caller.has(Role::security_manager) ||
            caller.has(Role::editor) || caller.has(Role::viewer));
}

tl::unexpected<Error> no_product(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no product {}", id));
}

tl::unexpected<Error> no_disclosure(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no disclosure {}", id));
}

vendors::DisclosureEntry entry(const Disclosure& d) {
    return {d.id, *vendors::parse_disclosure_kind(d.kind), *parse_iso_date(d.issued_on),
            d.withdrawn_at.has_value()};
}

// with_states: every upload of one product with its state and validity.
std::vector<Disclosure> with_states(std::vector<Disclosure> uploads, year_month_day day) {
    std::vector<vendors::DisclosureEntry> entries;
    entries.reserve(uploads.size());
    for (const auto& d : uploads) entries.push_back(entry(d));
    for (auto& d : uploads) {
        const auto kind = *vendors::parse_disclosure_kind(d.kind);
        d.valid_until = to_iso_date(vendors::valid_until(*parse_iso_date(d.issued_on)));
        if (d.withdrawn_at)
            d.state = "withdrawn";
        else if (vendors::latest_disclosure(entries, kind) == d.id)
            d.state = vendors::state_code(vendors::disclosure_state(entries, kind, day));
        else
            d.state = "superseded";
    }
    return uploads;
}

// by_product: the uploads of each product, newest first, with their states.
std::map<std::int64_t, std::vector<Disclosure>> by_product(const std::vector<rec::StoredDisclosure>& stored,
                                                           year_month_day day) {
    std::map<std::int64_t, std::vector<Disclosure>> out;
    for (const auto& s : stored) out[s.disclosure.product_id].push_back(s.disclosure);
    for (auto& [product, uploads] : out) uploads = with_states(std::move(uploads), day);
    return out;
}

std::optional<Disclosure> latest(const std::vector<Disclosure>& uploads, std::string_view kind) {
    for (const auto& d : uploads)
        if (d.kind == kind && (d.state == "current" || d.state == "outdated")) return d;
    return std::nullopt;
}

ProductDisclosures product_view(const rec::Product& p, std::vector<Disclosure> uploads) {
    ProductDisclosures out;
    out.product_id = p.id;
    out.name = p.name;
    out.note = p.note;
    out.systems = p.systems;
    out.mds = latest(uploads, "mds");
    out.sds = latest(uploads, "sds");
    out.history = std::move(uploads);
    return out;
}

// own_product: product `id` of the caller's vendor organisation.
Result<rec::Product> own_product(soci::session& sql, const Caller& caller, std::int64_t id) {
    if (!vendor_reads(caller)) return no_product(id);
    auto found = rec::find_product(sql, id);
    if (!found || found->vendor_id != caller.organisation.id) return no_product(id);
    return std::move(*found);
}

Status check_writer(const Caller& caller) {
    if (!vendor_writes(caller))
        return fail(ErrorCode::forbidden,
                    "only the vendor's administrators and respondents upload its disclosures");
    return {};
}

Status check_upload_fields(const DisclosureUpload& upload) {
    if (!vendors::parse_disclosure_kind(upload.kind))
        return fail(ErrorCode::invalid_input, "the kind is mds (製造業者) or sds (サービス事業者)", "kind");
    if (auto ok = vendors::check_version_label(upload.version_label); !ok) return ok;
    if (auto ok = vendors::check_issued_on(upload.issued_on, today()); !ok) return ok;
    return vendors::check_disclosure_note(upload.note);
}

Result<DisclosureFile> file_of(soci::session& sql, const rec::StoredDisclosure& found) {
    auto content = assessment_records::blob_content(sql, found.sha256);
    if (!content)
        return fail(ErrorCode::internal,
                    fmt::format("disclosure {}: its content is missing", found.disclosure.id));
    return DisclosureFile{found.disclosure.file_name, found.disclosure.media_type, std::move(*content)};
}

Disclosure reread(soci::session& sql, std::int64_t product, std::int64_t id) {
    const auto uploads = by_product(rec::of_product(sql, product), today());
    for (const auto& d : uploads.at(product))
        if (d.id == id) return d;
    return {};
}

}  // namespace

DisclosureSummary disclosure_summary(soci::session& sql, std::int64_t institution_id) {
    DisclosureSummary out;
    const auto day = today();
    auto uploads_by_product = by_product(rec::of_institution(sql, institution_id), day);
    for (const auto& s : rec::institution_systems(sql, institution_id)) {
        if (!s.vendor_id) continue;
        ++out.systems_with_vendor;
        std::vector<vendors::DisclosureEntry> entries;
        if (s.product_id)
            for (const auto& d : uploads_by_product[*s.product_id]) entries.push_back(entry(d));
        if (vendors::system_disclosure_status(true, s.product_id.has_value(), entries, day) ==
            vendors::SystemDisclosureStatus::current)
            ++out.with_current;
        else {
            out.without.push_back(s.name);
            out.vendors_without.push_back(s.vendor_name);
        }
    }
    // Code point order, whatever the database's collation.
    std::sort(out.without.begin(), out.without.end());
    std::sort(out.vendors_without.begin(), out.vendors_without.end());
    out.vendors_without.erase(std::unique(out.vendors_without.begin(), out.vendors_without.end()),
                              out.vendors_without.end());
    return out;
}

Result<VendorDisclosureList> VendorDisclosures::for_vendor(const Caller& caller) {
    if (!vendor_reads(caller))
        return fail(ErrorCode::not_found, "only a vendor organisation keeps disclosures of its products");
    auto lease = db_.acquire();
    auto uploads = by_product(rec::of_vendor(*lease, caller.organisation.id), today());
    VendorDisclosureList out;
    out.can_write = vendor_writes(caller);
    for (const auto& p : rec::products_of(*lease, caller.organisation.id))
        out.products.push_back(product_view(p, std::move(uploads[p.id])));
    return out;
}

Result<ProductDisclosures> VendorDisclosures::product(const Caller& caller, std::int64_t product_id) {
    auto lease = db_.acquire();
    auto found = own_product(*lease, caller, product_id);
    if (!found) return fail(found.error());
    auto uploads = by_product(rec::of_product(*lease, product_id), today());
    return product_view(*found, std::move(uploads[product_id]));
}

Result<Disclosure> VendorDisclosures::upload(const Caller& caller, std::int64_t product_id,
                                             const DisclosureUpload& upload, const audit::Context& context) {
    {
        auto lease = db_.acquire();
        if (auto found = own_product(*lease, caller, product_id); !found) return fail(found.error());
    }
    if (auto ok = check_writer(caller); !ok) return fail(ok.error());
    if (auto ok = check_upload_fields(upload); !ok) return fail(ok.error());
    auto checked = evidence_files::check_upload(upload.file_name, upload.content);
    if (!checked) return fail(checked.error());
    return db_.transaction([&](soci::session& sql) -> Result<Disclosure> {
        auto found = own_product(sql, caller, product_id);
        if (!found) return fail(found.error());
        assessment_records::store_blob(sql, checked->sha256, checked->media_type, upload.content);
        const auto id =
            rec::insert(sql, product_id, upload, checked->file_name, checked->sha256, caller.user_id);
        audit::append(sql,
                      audit::caller_entry(caller, "disclosure.uploaded", fmt::format("disclosure:{}", id),
                                          {{"product", product_id},
                                           {"kind", upload.kind},
                                           {"version_label", upload.version_label},
                                           {"issued_on", upload.issued_on},
                                           {"file_name", checked->file_name},
                                           {"sha256", checked->sha256}}),
                      context);
        return reread(sql, product_id, id);
    });
}

Result<Disclosure> VendorDisclosures::withdraw(const Caller& caller, std::int64_t disclosure_id,
                                               const std::string& reason, const audit::Context& context) {
    return db_.transaction([&](soci::session& sql) -> Result<Disclosure> {
        auto found = rec::find(sql, disclosure_id);
        if (!found || !vendor_reads(caller) || found->vendor_id != caller.organisation.id)
            return no_disclosure(disclosure_id);
        if (auto ok = check_writer(caller); !ok) return fail(ok.error());
        if (auto problem = text_problem(reason)) return fail(ErrorCode::invalid_input, *problem, "reason");
        if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
            return fail(ErrorCode::invalid_input, "say why the disclosure is withdrawn", "reason");
        if (character_count(reason) > kMaxWithdrawReasonChars)
            return fail(ErrorCode::invalid_input,
                        fmt::format("the reason is at most {} characters", kMaxWithdrawReasonChars),
                        "reason");
        if (found->disclosure.withdrawn_at)
            return fail(ErrorCode::conflict, "the disclosure is withdrawn already", "status");
        rec::mark_withdrawn(sql, disclosure_id, reason, caller.user_id);
        audit::append(
            sql,
            audit::caller_entry(caller, "disclosure.withdrawn", fmt::format("disclosure:{}", disclosure_id),
                                {{"product", found->disclosure.product_id}, {"reason", reason}}),
            context);
        return reread(sql, found->disclosure.product_id, disclosure_id);
    });
}

Result<DisclosureFile> VendorDisclosures::vendor_file(const Caller& caller, std::int64_t disclosure_id) {
    auto lease = db_.acquire();
    auto found = rec::find(*lease, disclosure_id);
    if (!found || !vendor_reads(caller) || found->vendor_id != caller.organisation.id)
        return no_disclosure(disclosure_id);
    return file_of(*lease, *found);
}

Result<InstitutionDisclosures> VendorDisclosures::for_institution(const Caller& caller) {
    if (!institution_reads(caller))
        return fail(ErrorCode::not_found, "only an institution sees the disclosures of its systems' vendors");
    auto lease = db_.acquire();
    const auto day = today();
    auto uploads_by_product = by_product(rec::of_institution(*lease, caller.organisation.id), day);
    InstitutionDisclosures out;
    for (const auto& s : rec::institution_systems(*lease, caller.organisation.id)) {
        SystemDisclosures view;
        view.system_id = s.id;
        view.system_name = s.name;
        view.system_kind = s.kind;
        view.vendor_id = s.vendor_id;
        view.vendor_name = s.vendor_name;
        std::vector<vendors::DisclosureEntry> entries;
        if (s.vendor_id && s.product_id) {
            view.product_id = s.product_id;
            view.product_name = s.product_name;
            const auto& uploads = uploads_by_product[*s.product_id];
            for (const auto& d : uploads) entries.push_back(entry(d));
            for (const auto* kind : {"mds", "sds"})
                if (auto d = latest(uploads, kind)) view.disclosures.push_back(std::move(*d));
        }
        view.status = vendors::status_code(vendors::system_disclosure_status(
            s.vendor_id.has_value(), view.product_id.has_value(), entries, day));
        out.systems.push_back(std::move(view));
    }
    return out;
}

Result<DisclosureFile> VendorDisclosures::institution_file(const Caller& caller, std::int64_t disclosure_id) {
    auto lease = db_.acquire();
    auto found = rec::find(*lease, disclosure_id);
    if (!found || found->disclosure.withdrawn_at || !institution_reads(caller) ||
        !rec::institution_may_read(*lease, caller.organisation.id, found->disclosure.product_id))
        return no_disclosure(disclosure_id);
    return file_of(*lease, *found);
}

}  // namespace mamori::services
