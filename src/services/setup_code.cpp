#include "mamori/services/setup_code.hpp"

#include <cctype>

#include "identity_records.hpp"
#include "mamori/identity/tokens.hpp"
#include "mamori/store/serial_work.hpp"

namespace mamori::services {

namespace r = records;

namespace {

// Three groups of four from random_code's alphabet of look-alike-free characters: about 60 bits, far beyond
// what the per-address guess limit lets anyone try.
constexpr int kCodeGroups = 3;

// store_code: stores a new code unless one is stored and `replace` is false. Taken under the first-run setup
// lock, so servers starting at once (and `mamori setup-code`) agree on one code, and a setup in progress
// sees either the old code or the new.
Result<SetupCodeState> store_code(store::Database& db, bool replace) {
    return db.transaction([&](soci::session& sql) -> Result<SetupCodeState> {
        store::serialize(sql, store::SerialWork::first_run_setup);
        SetupCodeState state;
        state.needed = r::count_users(sql) == 0;
        if (!state.needed) return state;
        long long stored = 0;
        sql << "SELECT COUNT(*) FROM setup_code", soci::into(stored);
        if (stored > 0 && !replace) return state;
        state.code = identity::random_code(kCodeGroups);
        const std::string hash = identity::typed_code_hash(*state.code), now = r::iso_now();
        discard_setup_code(sql);
        sql << "INSERT INTO setup_code (id, code_hash, issued_at) VALUES (1, :h, :t)", soci::use(hash),
            soci::use(now);
        return state;
    });
}

}  // namespace

Result<SetupCodeState> issue_setup_code(store::Database& db) {
    return store_code(db, false);
}

Result<std::string> replace_setup_code(store::Database& db) {
    auto state = store_code(db, true);
    if (!state) return fail(state.error());
    if (!state->code)
        return fail(ErrorCode::conflict,
                    "mamori is already set up: no setup code is needed; administrators invite everyone else");
    return *state->code;
}

bool setup_code_matches(soci::session& sql, std::string_view typed) {
    std::string stored;
    sql << "SELECT code_hash FROM setup_code WHERE id = 1", soci::into(stored);
    // Nothing typed never matches, even if a broken row held the hash of nothing.
    return sql.got_data() && !typed.empty() && stored == identity::typed_code_hash(typed);
}

void discard_setup_code(soci::session& sql) {
    sql << "DELETE FROM setup_code";
}

}  // namespace mamori::services
