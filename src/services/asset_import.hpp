// Importing an inventory file into an institution's device ledger (docs/ledger-import-api.md): preview reads
// the file, plans it against the ledger (ledger/import_plan.hpp) and stores the plan in asset_imports with
// nothing written to the ledger; confirm applies the plan's error-free devices in one transaction through
// asset_records (refused as a conflict when a matched asset changed since the preview); discard drops it.
// Who: the institution's administrators, security managers and editors (ledger_access's writers).
//
//     services::AssetImports imports(db);
//     auto made = imports.preview(caller, "nmap", "scan.xml", bytes, context);   // status preview
//     auto done = imports.confirm(caller, made->summary.id, context);           // status confirmed
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/audit/audit_log.hpp"
#include "mamori/core/error.hpp"
#include "mamori/feeds/inventory_device.hpp"
#include "mamori/identity/caller.hpp"
#include "mamori/store/database.hpp"

namespace mamori::services {

inline constexpr std::size_t kMaxImportFileBytes = std::size_t{50} * 1024 * 1024;
inline constexpr int kImportHistoryLimit = 200;

// The formats (asset_imports.format).
inline constexpr std::string_view kImportFormats[] = {"template_csv", "template_xlsx",   "nmap",
                                                      "glpi",         "fusioninventory", "cyclonedx"};

// detect_import_format: the format the bytes look like (XML root, JSON keys, zip magic, a CSV header with
// 名称), or empty when none fits.
std::string detect_import_format(std::string_view bytes);

// read_inventory: the file read by its format's reader ("auto" or empty: detected).
Result<feeds::InventoryFile> read_inventory(std::string_view format, std::string_view file_name,
                                            std::string_view bytes);

struct AssetImportSummary {
    std::int64_t id = 0;
    std::string format;
    std::string file_name;
    std::string file_sha256;
    std::int64_t file_size = 0;
    std::string status;  // preview, confirmed, discarded
    int created = 0, updated = 0, unchanged = 0, errors = 0;
    std::string created_by;  // display name
    std::string created_at;
    std::string decided_by;
    std::optional<std::string> decided_at;
};

struct AssetImportDetail {
    AssetImportSummary summary;
    nlohmann::json plan;  // ledger::plan_json
};

class AssetImports {
  public:
    explicit AssetImports(store::Database& db) : db_(db) {}

    Result<AssetImportDetail> preview(const identity::Caller& caller, std::string_view format,
                                      std::string_view file_name, std::string_view bytes,
                                      const audit::Context& context);
    Result<std::vector<AssetImportSummary>> list(const identity::Caller& caller);
    Result<AssetImportDetail> get(const identity::Caller& caller, std::int64_t id);
    Result<AssetImportDetail> confirm(const identity::Caller& caller, std::int64_t id,
                                      const audit::Context& context);
    Result<AssetImportDetail> discard(const identity::Caller& caller, std::int64_t id,
                                      const audit::Context& context);

  private:
    store::Database& db_;
};

}  // namespace mamori::services
