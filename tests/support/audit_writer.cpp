#include "support/audit_writer.hpp"

#include <chrono>
#include <stdexcept>

#include "mamori/audit/audit_log.hpp"

namespace mamori::testing {

AuditWriter::AuditWriter(const std::filesystem::path& sqlite_file, std::string target,
                         std::function<void()> after_each) {
    auto opened = store::Database::open({store::Dialect::sqlite, sqlite_file.string()}, 1);
    if (!opened) throw std::runtime_error("AuditWriter: " + opened.error().message);
    db_ = std::move(*opened);
    thread_ = std::thread([this, target = std::move(target), after_each = std::move(after_each)] {
        while (!stop_) {
            auto ok = db_->transaction([&](soci::session& sql) -> Result<int> {
                audit::append(sql, {.actor = "cli", .action = "test.write", .target = target},
                              {"local", target});
                return 0;
            });
            if (ok) ++writes_;
            if (after_each) after_each();
        }
    });
}

AuditWriter::~AuditWriter() {
    stop();
}

bool AuditWriter::wait_for(int count) const {
    for (int i = 0; i < 500 && writes_ < count; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return writes_ >= count;
}

void AuditWriter::stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

}  // namespace mamori::testing
