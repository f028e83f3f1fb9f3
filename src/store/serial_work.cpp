#include "mamori/store/serial_work.hpp"

namespace mamori::store {

void serialize(soci::session& sql, SerialWork work) {
    if (sql.get_backend_name() != "postgresql") return;
    const long long key = static_cast<long long>(work);
    sql << "SELECT pg_advisory_xact_lock(:key)", soci::use(key);
}

}  // namespace mamori::store
