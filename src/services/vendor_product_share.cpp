// VendorProducts::share: the product's answers, with each customer's overrides laid over them, as a new
// version of every target request, in one transaction of set-based statements (ADR 0020): the targets'
// states, last versions and overrides are read in one query per chunk, versions inserted with one INSERT …
// SELECT per distinct set of answers and chunk, statuses moved with one UPDATE per chunk.
#include <fmt/format.h>

#include <map>
#include <set>

#include "identity_records.hpp"
#include "mamori/audit/caller_entry.hpp"
#include "mamori/services/vendor_requests.hpp"
#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"
#include "vendor_request_support.hpp"

namespace mamori::services {

namespace {

namespace vs = vendor_support;
using identity::Caller;
using nlohmann::json;

constexpr std::size_t kChunk = 500;

// id_list: "1,2,3" (the ids are integers we parsed; never text from outside).
std::string id_list(std::span<const std::int64_t> ids) {
    std::string out;
    for (const auto id : ids) {
        if (!out.empty()) out += ',';
        out += std::to_string(id);
    }
    return out;
}

template <typename Each>
void in_chunks(const std::vector<std::int64_t>& ids, Each&& each) {
    for (std::size_t at = 0; at < ids.size(); at += kChunk)
        each(std::span<const std::int64_t>(ids).subspan(at, std::min(kChunk, ids.size() - at)));
}

// once: runs `text`, built per call (its IN list), as a one-off statement: the connection's cache of prepared
// statements (store::query) is for fixed texts, and thousands of ids would fill it with texts never used again.
template <typename... Use>
void once(soci::session& sql, const std::string& text, Use&&... uses) {
    ((sql << text), ..., std::forward<Use>(uses));
}

struct Target {
    std::int64_t id = 0;
    std::string status;
    int fiscal_year = 0;
    std::string edition_id;
    int edition_revision = 1;
    int latest_version = 0;
    bool in_scope = false;
    bool has_overrides = false;
    bool same_as_product = false;  // its newest version has exactly the product's answers
    vendors::ShareTarget share;    // last_shared and overrides read only for a request with overrides
};

}  // namespace

Result<ShareResult> VendorProducts::share(const Caller& caller, std::int64_t id, const ShareInput& input,
                                          const audit::Context& context) {
    if (input.request_ids.size() > kMaxShareRequestIds)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} requests at once", kMaxShareRequestIds),
                    "request_ids");
    if (!input.all_outstanding && input.request_ids.empty())
        return fail(ErrorCode::invalid_input, "name the requests to share with, or all_outstanding", "request_ids");
    const bool postgres = db_.dialect() == store::Dialect::postgresql;
    return db_.transaction([&](soci::session& sql) -> Result<ShareResult> {
        const long long vendor = caller.organisation.id, product = id, year = input.fiscal_year;
        bool own = false;
        if (vs::vendor_reads(caller))
            for (const auto& row : store::query(sql,
                                                "SELECT 1 FROM vendor_products WHERE id = :id AND "
                                                "vendor_organisation_id = :v",
                                                product, vendor)) {
                (void)row;
                own = true;
            }
        if (!own) return fail(ErrorCode::not_found, fmt::format("no product {}", id));
        if (!vs::vendor_writes(caller)) return fail(ErrorCode::forbidden, "you may read the products but not share");
        // Serialises shares of one product (and saves of its answers) to the end of the transaction.
        store::execute(sql, "UPDATE vendor_products SET name = name WHERE id = :id", product);
        std::string edition;
        int revision = 1;
        int set_version = 0;
        vendors::VendorAnswers answers;
        for (const auto& row : store::query(sql,
                                            "SELECT edition_id, version, answers, edition_revision FROM vendor_answer_sets WHERE "
                                            "vendor_product_id = :p AND fiscal_year = :y",
                                            product, year)) {
            edition = row.get<std::string>(0);
            set_version = static_cast<int>(store::int64_at(row, 1));
            answers = vs::answers_from_text(row.get<std::string>(2));
            revision = static_cast<int>(store::int64_at(row, 3));
        }
        if (set_version == 0)
            return fail(ErrorCode::conflict,
                        fmt::format("the product has no answers for fiscal year {}: save them first", input.fiscal_year),
                        "fiscal_year");

        const std::string product_text = vs::answers_text(answers);
        std::vector<std::int64_t> ids;
        if (input.all_outstanding) {
            for (const auto& row : store::query(
                     sql,
                     "SELECT r.id FROM vendor_requests r LEFT JOIN system_products sp ON sp.system_id = r.system_id "
                     "WHERE r.vendor_organisation_id = :v AND r.fiscal_year = :y AND r.status IN ('requested', "
                     "'returned') AND (r.vendor_product_id = :p1 OR (r.vendor_product_id IS NULL AND "
                     "sp.vendor_product_id = :p2)) ORDER BY r.id",
                     vendor, year, product, product))
                ids.push_back(store::int64_at(row, 0));
        }
        std::set<std::int64_t> seen(ids.begin(), ids.end());
        for (const auto r : input.request_ids)
            if (seen.insert(r).second) ids.push_back(r);

        ShareResult out;
        std::map<std::int64_t, Target> targets;
        in_chunks(ids, [&](std::span<const std::int64_t> chunk) {
            const std::string list = id_list(chunk);
            // Locks the targets' rows on PostgreSQL without writing them; SQLite's transaction holds the writer
            // lock already (BEGIN IMMEDIATE).
            if (postgres)
                once(sql,
                     fmt::format("SELECT id FROM vendor_requests WHERE vendor_organisation_id = :v AND id IN ({}) ORDER "
                                 "BY id FOR UPDATE",
                                 list),
                     soci::use(vendor));
            // The newest version's answers are read only where overrides make them differ per request; the
            // others are compared with the product's answers (stored texts are canonical: answers_text).
            soci::rowset<soci::row> rows = (sql.prepare << fmt::format("SELECT r.id, r.status, r.fiscal_year, r.edition_id, r.latest_version, "
                                 "CASE WHEN o.request_id IS NULL THEN NULL ELSE v.answers END, o.answers, CASE WHEN "
                                 "v.answers = :text THEN 1 ELSE 0 END, CASE WHEN s.vendor_organisation_id = "
                                 "r.vendor_organisation_id AND EXISTS (SELECT 1 FROM vendor_links l WHERE "
                                 "l.institution_organisation_id = r.institution_organisation_id AND "
                                 "l.vendor_organisation_id = r.vendor_organisation_id AND l.ended_at IS NULL) THEN 1 "
                                 "ELSE 0 END, r.edition_revision FROM vendor_requests r JOIN systems s ON s.id = r.system_id LEFT JOIN "
                                 "vendor_request_versions v ON v.request_id = r.id AND v.version = r.latest_version "
                                 "LEFT JOIN vendor_request_overrides o ON o.request_id = r.id WHERE "
                                 "r.vendor_organisation_id = :v AND r.id IN ({})",
                                 list),
                                                            soci::use(product_text), soci::use(vendor));
            for (const auto& row : rows) {
                Target t;
                t.id = store::int64_at(row, 0);
                t.status = row.get<std::string>(1);
                t.fiscal_year = static_cast<int>(store::int64_at(row, 2));
                t.edition_id = row.get<std::string>(3);
                t.latest_version = static_cast<int>(store::int64_at(row, 4));
                t.share.request_id = t.id;
                if (const auto last = store::optional_text_at(row, 5)) t.share.last_shared = vs::answers_from_text(*last);
                if (const auto o = store::optional_text_at(row, 6)) {
                    t.has_overrides = true;
                    t.share.overrides = vs::answers_from_text(*o);
                }
                t.same_as_product = store::int64_at(row, 7) != 0;
                t.in_scope = store::int64_at(row, 8) != 0;
                t.edition_revision = static_cast<int>(store::int64_at(row, 9));
                targets.emplace(t.id, std::move(t));
            }
        });

        // Requests with the same answers to store share one INSERT … SELECT per chunk; without overrides that
        // is the product's answers.
        std::map<std::string, std::vector<std::int64_t>> by_answers;
        const auto share_as = [&](const Target& t, bool new_version, std::string text) {
            if (!new_version && t.status == "answered") {
                out.unchanged.push_back(t.id);
                return;
            }
            by_answers[std::move(text)].push_back(t.id);
            out.shared.push_back({t.id, t.latest_version + 1});
        };
        for (const auto r : ids) {
            const auto it = targets.find(r);
            if (it == targets.end() || !it->second.in_scope) {
                out.refused.push_back({r, "not_found"});
                continue;
            }
            const auto& t = it->second;
            if (t.status == "withdrawn" || t.status == "declined")
                out.refused.push_back({r, t.status});
            else if (t.fiscal_year != input.fiscal_year)
                out.refused.push_back({r, "fiscal_year"});
            else if (t.edition_id != edition || t.edition_revision != revision)
                out.refused.push_back({r, "edition"});
            else if (!t.has_overrides)
                share_as(t, !t.same_as_product, product_text);
            else {
                auto plan = vendors::plan_share(answers, std::span(&t.share, 1)).front();
                share_as(t, plan.new_version, vs::answers_text(plan.answers));
            }
        }
        const std::string now = records::iso_now();
        long long user = caller.user_id;
        soci::indicator user_set = caller.user_id > 0 ? soci::i_ok : soci::i_null;
        long long pv = set_version, product_id = product;
        std::string at = now;
        std::vector<std::int64_t> all;
        for (const auto& [text, group] : by_answers) {
            all.insert(all.end(), group.begin(), group.end());
            in_chunks(group, [&](std::span<const std::int64_t> chunk) {
                std::string answers_text = text;
                once(sql,
                     fmt::format("INSERT INTO vendor_request_versions (request_id, version, answers, vendor_product_id, "
                                 "product_answers_version, shared_by, shared_at) SELECT id, latest_version + 1, :a, :p, "
                                 ":pv, :u, :at FROM vendor_requests WHERE id IN ({})",
                                 id_list(chunk)),
                     soci::use(answers_text), soci::use(product_id), soci::use(pv), soci::use(user, user_set),
                     soci::use(at));
            });
        }
        in_chunks(all, [&](std::span<const std::int64_t> chunk) {
            const std::string list = id_list(chunk);
            once(sql,
                 fmt::format("INSERT INTO vendor_request_events (request_id, action, from_status, to_status, reason, "
                             "user_id, at) SELECT id, 'share', status, 'answered', '', :u, :at FROM vendor_requests WHERE "
                             "id IN ({})",
                             list),
                 soci::use(user, user_set), soci::use(at));
            once(sql,
                 fmt::format("INSERT INTO system_products (system_id, vendor_product_id, set_by, set_at) SELECT "
                             "system_id, :p, :u, :at FROM vendor_requests WHERE id IN ({}) ON CONFLICT (system_id) DO "
                             "UPDATE SET vendor_product_id = excluded.vendor_product_id, set_by = excluded.set_by, "
                             "set_at = excluded.set_at",
                             list),
                 soci::use(product_id), soci::use(user, user_set), soci::use(at));
            once(sql,
                 fmt::format("UPDATE vendor_requests SET latest_version = latest_version + 1, status = 'answered', "
                             "reason = '', vendor_product_id = :p, version = version + 1, updated_by = :u, updated_at "
                             "= :at WHERE id IN ({})",
                             list),
                 soci::use(product_id), soci::use(user, user_set), soci::use(at));
        });
        json shared = json::array(), refused = json::array();
        for (const auto& [r, v] : out.shared) shared.push_back({r, v});
        for (const auto& [r, why] : out.refused) refused.push_back({r, why});
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_request.shared", fmt::format("vendor_product:{}", id),
                                          {{"fiscal_year", input.fiscal_year},
                                           {"product_answers_version", set_version},
                                           {"shared", shared},
                                           {"unchanged", out.unchanged},
                                           {"refused", refused}}),
                      context);
        return out;
    });
}

}  // namespace mamori::services
