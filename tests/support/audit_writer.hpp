// A second writer for tests of commands that must work while the database is being written: appends audit
// rows to a SQLite file as fast as it can on a thread of its own, until stopped or destroyed.
//
//     AuditWriter writer(db, "backup_test");
//     writer.wait_for(5);            // it is writing
//     run the command under test…
//     writer.stop();
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "mamori/store/database.hpp"

namespace mamori::testing {

class AuditWriter {
  public:
    // `after_each` runs after every append (e.g. a request to the server that must keep answering).
    AuditWriter(const std::filesystem::path& sqlite_file, std::string target,
                std::function<void()> after_each = {});
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    // writes: appends committed so far.
    int writes() const { return writes_; }
    // wait_for: waits (up to 5 s) until at least `count` appends were committed.
    bool wait_for(int count) const;
    void stop();

  private:
    std::unique_ptr<store::Database> db_;
    std::atomic<bool> stop_{false};
    std::atomic<int> writes_{0};
    std::thread thread_;
};

}  // namespace mamori::testing
