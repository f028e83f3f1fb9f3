#include "mamori/store/serial_work.hpp"

namespace mamori::store {

void serialize(soci::session& sql, SerialWork work) {
    if (sql.get_backend_name() != "postgresql") return;
    const long long key = static_cast<long long>(work);
    sql << "SELECT pg_advisory_xact_lock(:key)", soci::use(key);
}

void serialize(soci::session& sql, SerialWork work, const std::string& name) {
    if (sql.get_backend_name() != "postgresql") return;
    const int kind = static_cast<int>(work);
    sql << "SELECT pg_advisory_xact_lock(:kind, hashtext(:name))", soci::use(kind), soci::use(name);
}

}  // namespace mamori::store
