// VendorProducts: a vendor's products and their answer sets (one per fiscal year, every saved version kept).
#include <fmt/format.h>

#include <map>

#include "identity_records.hpp"
#include "mamori/assessment/checklist.hpp"
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

constexpr std::size_t kMaxNameCharacters = 200;
constexpr std::size_t kMaxNoteCharacters = 2000;

tl::unexpected<Error> no_product(std::int64_t id) {
    return fail(ErrorCode::not_found, fmt::format("no product {}", id));
}

std::optional<VendorProduct> own_product(soci::session& sql, const Caller& caller, std::int64_t id) {
    if (!vs::vendor_reads(caller)) return std::nullopt;
    for (const auto& row : store::query(sql,
                                        "SELECT id, name, note FROM vendor_products WHERE id = :id AND "
                                        "vendor_organisation_id = :v",
                                        static_cast<long long>(id), static_cast<long long>(caller.organisation.id)))
        return VendorProduct{store::int64_at(row, 0), row.get<std::string>(1), row.get<std::string>(2), 0, {}};
    return std::nullopt;
}

Status check_product_fields(const std::string& name, const std::string& note) {
    if (name.empty() || vs::character_count(name) > kMaxNameCharacters)
        return fail(ErrorCode::invalid_input, fmt::format("a name of 1 to {} characters is required", kMaxNameCharacters),
                    "name");
    if (vs::character_count(note) > kMaxNoteCharacters)
        return fail(ErrorCode::invalid_input, fmt::format("at most {} characters", kMaxNoteCharacters), "note");
    return {};
}

Status check_name_free(soci::session& sql, std::int64_t vendor, const std::string& name, std::int64_t except) {
    for (const auto& row : store::query(sql,
                                        "SELECT id FROM vendor_products WHERE vendor_organisation_id = :v AND name = :n",
                                        static_cast<long long>(vendor), name))
        if (store::int64_at(row, 0) != except)
            return fail(ErrorCode::conflict, "you already have a product of that name", "name");
    return {};
}

// set_of: the stored answer set of product `id` for `fiscal_year`, or the empty one on the catalog's edition.
Result<ProductAnswers> set_of(soci::session& sql, const catalog::Catalog& catalog, const VendorProduct& product,
                              int fiscal_year) {
    ProductAnswers out;
    out.product_id = product.id;
    out.product_name = product.name;
    out.fiscal_year = fiscal_year;
    out.form_id = "vendor";
    for (const auto& row : store::query(sql,
                                        "SELECT edition_id, edition_revision, answers, version FROM vendor_answer_sets "
                                        "WHERE vendor_product_id = :p AND fiscal_year = :y",
                                        static_cast<long long>(product.id), static_cast<long long>(fiscal_year))) {
        out.edition_id = row.get<std::string>(0);
        out.edition_revision = static_cast<int>(store::int64_at(row, 1));
        out.answers = vs::answers_from_text(row.get<std::string>(2));
        out.version = static_cast<int>(store::int64_at(row, 3));
    }
    if (out.version == 0) {
        const auto* edition =
            fiscal_year >= 2000 && fiscal_year <= 2100 ? vs::edition_for_year(catalog, fiscal_year) : nullptr;
        if (!edition)
            return fail(ErrorCode::invalid_input,
                        fmt::format("there is no 事業者確認用 form for fiscal year {}", fiscal_year), "fiscal_year");
        out.edition_id = edition->id;
        out.edition_revision = edition->revision.revision;
    }
    out.form = vs::vendor_form(catalog, out.edition_id, out.edition_revision);
    if (!out.form) return fail(ErrorCode::conflict, "the answer set's form is not in the catalog", "edition_id");
    return out;
}

}  // namespace

Result<VendorProductList> VendorProducts::list(const Caller& caller) {
    if (!vs::vendor_reads(caller)) return fail(ErrorCode::not_found, "there are no products here");
    VendorProductList out;
    out.can_write = vs::vendor_writes(caller);
    auto lease = db_.acquire();
    auto& sql = *lease;
    const long long vendor = caller.organisation.id;
    for (const auto& row : store::query(sql,
                                        "SELECT p.id, p.name, p.note, (SELECT COUNT(*) FROM system_products sp JOIN "
                                        "systems s ON s.id = sp.system_id WHERE sp.vendor_product_id = p.id AND "
                                        "s.vendor_organisation_id = p.vendor_organisation_id) FROM vendor_products p "
                                        "WHERE p.vendor_organisation_id = :v ORDER BY p.name, p.id",
                                        vendor))
        out.products.push_back({store::int64_at(row, 0), row.get<std::string>(1), row.get<std::string>(2),
                                store::int64_at(row, 3), {}});
    std::map<std::int64_t, std::size_t> index;  // product id → its place in the list
    for (std::size_t i = 0; i < out.products.size(); ++i) index[out.products[i].id] = i;
    const auto catalog = catalog_.snapshot()->catalog_ptr();
    for (const auto& row : store::query(sql,
                                        "SELECT a.vendor_product_id, a.fiscal_year, a.edition_id, a.edition_revision, "
                                        "a.version, a.answers, a.updated_at FROM vendor_answer_sets a JOIN "
                                        "vendor_products p ON p.id = a.vendor_product_id WHERE "
                                        "p.vendor_organisation_id = :v ORDER BY a.fiscal_year DESC",
                                        vendor)) {
        const auto product = store::int64_at(row, 0);
        AnswerSetSummary s;
        s.fiscal_year = static_cast<int>(store::int64_at(row, 1));
        s.edition_id = row.get<std::string>(2);
        s.version = static_cast<int>(store::int64_at(row, 4));
        s.answered = static_cast<long long>(vs::answers_from_text(row.get<std::string>(5)).size());
        if (const auto* form = vs::vendor_form(*catalog, s.edition_id, static_cast<int>(store::int64_at(row, 3))))
            s.total = static_cast<long long>(assessment::checklist_rows(*form).size());
        s.updated_at = row.get<std::string>(6);
        if (const auto at = index.find(product); at != index.end()) out.products[at->second].answer_sets.push_back(s);
    }
    return out;
}

Result<VendorProduct> VendorProducts::create(const Caller& caller, const std::string& name, const std::string& note,
                                             const audit::Context& context) {
    if (!vs::vendor_reads(caller)) return fail(ErrorCode::not_found, "there are no products here");
    if (!vs::vendor_writes(caller)) return fail(ErrorCode::forbidden, "you may read the products but not change them");
    if (auto ok = check_product_fields(name, note); !ok) return fail(ok.error());
    return db_.transaction([&](soci::session& sql) -> Result<VendorProduct> {
        if (auto ok = check_name_free(sql, caller.organisation.id, name, 0); !ok) return fail(ok.error());
        long long id = 0;
        for (const auto& row : store::query(sql,
                                            "INSERT INTO vendor_products (vendor_organisation_id, name, note, "
                                            "created_by, created_at) VALUES (:v, :n, :note, :u, :at) RETURNING id",
                                            static_cast<long long>(caller.organisation.id), name, note,
                                            vs::user_or_null(caller.user_id), records::iso_now()))
            id = store::int64_at(row, 0);
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_product.created", fmt::format("vendor_product:{}", id),
                                          {{"name", name}, {"note", note}}),
                      context);
        return VendorProduct{id, name, note, 0, {}};
    });
}

Result<VendorProduct> VendorProducts::update(const Caller& caller, std::int64_t id, const std::string& name,
                                             const std::string& note, const audit::Context& context) {
    auto changed = db_.transaction([&](soci::session& sql) -> Result<int> {
        auto current = own_product(sql, caller, id);
        if (!current) return no_product(id);
        if (!vs::vendor_writes(caller))
            return fail(ErrorCode::forbidden, "you may read the products but not change them");
        if (auto ok = check_product_fields(name, note); !ok) return fail(ok.error());
        if (auto ok = check_name_free(sql, caller.organisation.id, name, id); !ok) return fail(ok.error());
        store::execute(sql, "UPDATE vendor_products SET name = :n, note = :note WHERE id = :id", name, note,
                       static_cast<long long>(id));
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_product.changed", fmt::format("vendor_product:{}", id),
                                          {{"before", {{"name", current->name}, {"note", current->note}}},
                                           {"after", {{"name", name}, {"note", note}}}}),
                      context);
        return 0;
    });
    if (!changed) return fail(changed.error());
    // The product as the list shows it: its systems and answer sets stay what they were.
    auto all = list(caller);
    if (!all) return fail(all.error());
    for (auto& p : all->products)
        if (p.id == id) return std::move(p);
    return no_product(id);
}

Result<ProductAnswers> VendorProducts::answers(const Caller& caller, std::int64_t id, int fiscal_year) {
    auto lease = db_.acquire();
    auto product = own_product(*lease, caller, id);
    if (!product) return no_product(id);
    auto catalog = catalog_.snapshot()->catalog_ptr();
    auto out = set_of(*lease, *catalog, *product, fiscal_year);
    if (out) out->catalog = std::move(catalog);
    return out;
}

Result<ProductAnswers> VendorProducts::save_answers(const Caller& caller, std::int64_t id, int fiscal_year,
                                                    int version, const VendorAnswerLines& lines,
                                                    const audit::Context& context) {
    auto catalog = catalog_.snapshot()->catalog_ptr();
    auto saved = db_.transaction([&](soci::session& sql) -> Result<ProductAnswers> {
        auto product = own_product(sql, caller, id);
        if (!product) return no_product(id);
        if (!vs::vendor_writes(caller))
            return fail(ErrorCode::forbidden, "you may read the products but not change them");
        // Serialises saves of the same product: the row lock is held to the end of the transaction.
        store::execute(sql, "UPDATE vendor_products SET name = name WHERE id = :id", static_cast<long long>(id));
        auto current = set_of(sql, *catalog, *product, fiscal_year);
        if (!current) return fail(current.error());
        if (current->version != version)
            return fail(ErrorCode::conflict,
                        fmt::format("the answers changed meanwhile (version {}, not {}): reload them", current->version,
                                    version),
                        "version");
        auto answers = vs::check_lines(*current->form, fiscal_year, lines);
        if (!answers) return fail(answers.error());
        const std::string now = records::iso_now();
        const auto user = vs::user_or_null(caller.user_id);
        const std::string text = vs::answers_text(*answers);
        const long long p = id, y = fiscal_year, next = version + 1;
        if (version == 0)
            store::execute(sql,
                           "INSERT INTO vendor_answer_sets (vendor_product_id, fiscal_year, edition_id, "
                           "edition_revision, form_id, answers, version, updated_by, updated_at) VALUES (:p, :y, :e, "
                           ":r, 'vendor', :a, 1, :u, :at)",
                           p, y, current->edition_id, static_cast<long long>(current->edition_revision), text, user,
                           now);
        else
            store::execute(sql,
                           "UPDATE vendor_answer_sets SET answers = :a, version = :next, updated_by = :u, updated_at = "
                           ":at WHERE vendor_product_id = :p AND fiscal_year = :y",
                           text, next, user, now, p, y);
        store::execute(sql,
                       "INSERT INTO vendor_answer_set_versions (vendor_product_id, fiscal_year, version, edition_id, "
                       "edition_revision, answers, saved_by, saved_at) VALUES (:p, :y, :v, :e, :r, :a, :u, :at)",
                       p, y, next, current->edition_id, static_cast<long long>(current->edition_revision), text, user,
                       now);
        audit::append(sql,
                      audit::caller_entry(caller, "vendor_product.answers_saved", fmt::format("vendor_product:{}", id),
                                          {{"fiscal_year", fiscal_year},
                                           {"version", next},
                                           {"changed_lines", vendors::changes_between(current->answers, *answers).size()},
                                           {"lines", answers->size()}}),
                      context);
        current->answers = std::move(*answers);
        current->version = static_cast<int>(next);
        return current;
    });
    if (saved) saved->catalog = std::move(catalog);
    return saved;
}

}  // namespace mamori::services
