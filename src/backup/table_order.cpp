#include "mamori/backup/table_order.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace mamori::backup {

Result<std::vector<TableSchema>> copy_order(std::vector<TableSchema> tables) {
    std::map<std::string, TableSchema> waiting;
    for (auto& table : tables) waiting.emplace(table.name, std::move(table));
    for (const auto& [name, table] : waiting)
        for (const auto& parent : table.references)
            if (!waiting.contains(parent))
                return fail(ErrorCode::invalid_input,
                            fmt::format("table {} references table {}, which does not exist", name, parent),
                            name);
    std::vector<TableSchema> ordered;
    ordered.reserve(waiting.size());
    std::set<std::string> placed;
    while (!waiting.empty()) {
        // The first table by name whose parents are all placed; the map keeps names sorted.
        const auto ready = std::find_if(waiting.begin(), waiting.end(), [&](const auto& entry) {
            return std::all_of(
                entry.second.references.begin(), entry.second.references.end(),
                [&](const std::string& parent) { return parent == entry.first || placed.contains(parent); });
        });
        if (ready == waiting.end()) {
            std::vector<std::string> names;
            names.reserve(waiting.size());
            for (const auto& [name, table] : waiting) names.push_back(name);
            return fail(ErrorCode::invalid_input,
                        fmt::format("the foreign keys of these tables form a cycle, so no copy order fills "
                                    "parents first: {}",
                                    fmt::join(names, ", ")),
                        names.front());
        }
        placed.insert(ready->first);
        ordered.push_back(std::move(ready->second));
        waiting.erase(ready);
    }
    return ordered;
}

}  // namespace mamori::backup
