// The ledger's rows as the exported documents print them: Japanese words for class, status and flags.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>

#include "ledger.hpp"
#include "mamori/core/time.hpp"

namespace mamori::services {

namespace {

std::string class_label(std::string_view c) {
    if (c == "server") return "サーバ";
    if (c == "terminal") return "端末PC";
    if (c == "network") return "ネットワーク機器";
    if (c == "media") return "記録媒体";
    if (c == "medical_device") return "医療機器";
    if (c == "connection_point") return "外部接続点";
    return std::string(c);
}

std::string os_text(const ledger::AssetRecord& r) {
    if (r.os_name.empty()) return r.os_version;
    return r.os_version.empty() ? r.os_name : fmt::format("{} {}", r.os_name, r.os_version);
}

std::string maintenance(const ledger::AssetRecord& r) {
    std::vector<std::string_view> parts;
    if (r.vendor_managed) parts.push_back("業者管理");
    if (r.remote_maintenance) parts.push_back("リモート保守");
    return fmt::format("{}", fmt::join(parts, "・"));
}

std::string seen_date(const std::optional<std::string>& at) {
    if (!at) return "";
    if (const auto instant = parse_iso_utc(*at)) return to_iso_date(japan_date(*instant));
    return at->substr(0, 10);
}

}  // namespace

std::string asset_class_label(std::string_view asset_class) {
    return class_label(asset_class);
}

documents::LedgerSheet ledger_sheet(const LedgerPage& page, const std::string& conditions) {
    documents::LedgerSheet sheet;
    sheet.institution = page.organisation_name;
    sheet.printed_on = to_iso_date(japan_date(std::chrono::system_clock::now()));
    sheet.conditions = conditions;
    for (const auto& item : page.assets) {
        const auto& a = item.asset;
        const auto& r = a.record;
        std::vector<std::string> cpes;
        for (const auto& c : r.cpes) cpes.push_back(c.cpe);
        sheet.rows.push_back({r.name,
                              class_label(r.asset_class),
                              r.location,
                              r.department,
                              r.owner,
                              r.manufacturer,
                              r.model,
                              r.serial,
                              os_text(r),
                              r.firmware_version,
                              fmt::format("{}", fmt::join(r.ip_addresses, " ")),
                              fmt::format("{}", fmt::join(r.mac_addresses, " ")),
                              fmt::format("{}", fmt::join(cpes, "\n")),
                              item.system_name.empty() ? r.system_note : item.system_name,
                              maintenance(r),
                              r.internet_facing ? "あり" : "",
                              a.status == "retired" ? "廃棄" : "使用中",
                              seen_date(a.last_seen_at)});
    }
    return sheet;
}

}  // namespace mamori::services
