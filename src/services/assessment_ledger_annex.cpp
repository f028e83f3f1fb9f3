#include "assessment_ledger_annex.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "mamori/store/prepared.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

// The ledger's classes as the checklist names its device rows, in the checklist's order.
constexpr std::pair<std::string_view, std::string_view> kClassLabels[] = {
    {"server", "サーバ"},         {"terminal", "端末PC"},     {"network", "ネットワーク機器"},
    {"media", "記録媒体"},        {"medical_device", "医療機器"}, {"connection_point", "外部接続点"}};

// Findings still true and not dealt with, on devices in use.
constexpr std::string_view kOpenFindings =
    "FROM findings f JOIN assets a ON a.id = f.asset_id LEFT JOIN kev_entries k ON k.cve_id = f.cve_id "
    "WHERE f.organisation_id = :o AND f.active = 1 AND f.state IN ('open', 'in_progress') AND a.status = 'in_use' ";

int as_int(const soci::row& r, std::size_t column) {
    return static_cast<int>(store::optional_int64_at(r, column).value_or(0));
}

}  // namespace

std::optional<documents::DocumentLedgerSummary> ledger_annex(soci::session& sql, std::int64_t institution) {
    const long long org = institution;
    documents::DocumentLedgerSummary out;
    std::string newest;
    for (const auto& r : store::query(
             sql,
             "SELECT a.asset_class, COUNT(*), SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM asset_cpes c WHERE "
             "c.asset_id = a.id) THEN 1 ELSE 0 END), MAX(a.updated_at), MAX(a.last_seen_at) FROM assets a "
             "WHERE a.organisation_id = :o AND a.status = 'in_use' GROUP BY a.asset_class",
             org)) {
        const auto asset_class = r.get<std::string>(0);
        for (const auto& [code, label] : kClassLabels)
            if (code == asset_class) out.classes_in_use.emplace_back(std::string(label), as_int(r, 1));
        out.in_use += as_int(r, 1);
        out.without_cpe += as_int(r, 2);
        newest = std::max({newest, store::optional_text_at(r, 3).value_or(""), store::optional_text_at(r, 4).value_or("")});
    }
    if (out.in_use == 0) return std::nullopt;
    std::sort(out.classes_in_use.begin(), out.classes_in_use.end(), [](const auto& a, const auto& b) {
        const auto rank = [](const std::string& label) {
            for (std::size_t i = 0; i < std::size(kClassLabels); ++i)
                if (kClassLabels[i].second == label) return i;
            return std::size(kClassLabels);
        };
        return rank(a.first) < rank(b.first);
    });
    out.last_change = newest.substr(0, std::min<std::size_t>(10, newest.size()));
    for (const auto& r : store::query(
             sql,
             std::string("SELECT COUNT(*), SUM(CASE WHEN k.cve_id IS NULL THEN 0 ELSE 1 END), "
                         "SUM(CASE WHEN k.ransomware_use = 'Known' THEN 1 ELSE 0 END) ") +
                 std::string(kOpenFindings),
             org)) {
        out.open_findings = as_int(r, 0);
        out.open_kev = as_int(r, 1);
        out.open_ransomware = as_int(r, 2);
    }
    const long long limit = documents::kMaxAnnexFindings;
    for (const auto& r : store::query(sql,
                                      std::string("SELECT a.name, f.cve_id, f.state, k.due_date, k.ransomware_use ") +
                                          std::string(kOpenFindings) +
                                          "AND k.cve_id IS NOT NULL ORDER BY f.priority DESC, k.due_date, a.name, "
                                          "f.cve_id LIMIT :n",
                                      org, limit)) {
        out.kev_findings.push_back({r.get<std::string>(0), r.get<std::string>(1),
                                    r.get<std::string>(2) == "in_progress" ? "対応中" : "未対応",
                                    store::optional_text_at(r, 3).value_or(""),
                                    store::optional_text_at(r, 4).value_or("") == "Known"});
    }
    return out;
}

}  // namespace mamori::services
