/// @file
/// @brief The data steps of migrations: what a schema change needs done to stored rows that SQL cannot do,
/// such as Unicode normalisation. Every command that migrates a database passes them.
///
///     auto report = store::migrate(db, migrations, services::migration_data_steps());
#pragma once

#include <soci/soci.h>

#include "mamori/store/migrations.hpp"

namespace mamori::services {

// migration_data_steps: each data step by the version of the migration it belongs to.
store::DataSteps migration_data_steps();

// normalise_existing_logins: rewrites every login in its normal form (identity::normalise_login), with an
// audit row for each change. Where several logins share a normal form, the one already in it, else the
// oldest account, keeps it; each other becomes "<normal form>#<user id>", so that no one loses their account
// and no two logins are confusable. A login with no normal form (a control character) is left as it was:
// no one can type it any more, and an administrator sees it in the user list.
void normalise_existing_logins(soci::session& sql);

// allow_any_catalog_form: on SQLite, rewrites the assessments table's CHECK on `form` from the three fixed
// names to any non-empty id of at most 64 bytes (forms are catalog data since 令和8年度版 merged two of them).
// Only the schema text changes, as SQLite documents for removing a CHECK; no stored row is touched.
void allow_any_catalog_form(soci::session& sql);

}  // namespace mamori::services
