// A question's counts through the suppressing tables of src/statistics (see tally.hpp).
#include "mamori/survey/tally.hpp"

#include <fmt/format.h>

#include <set>

#include "mamori/statistics/count_table.hpp"
#include "mamori/statistics/suppression.hpp"

namespace mamori::survey {

namespace {

PublishedGroup group_of(const statistics::PublishedTable& table, std::size_t grid_row, std::string key,
                        std::size_t option_count) {
    PublishedGroup g{std::move(key), table.entry(grid_row, table.columns()), {}};
    for (std::size_t o = 0; o < option_count; ++o)
        g.options.push_back(g.total ? table.entry(grid_row, o) : std::nullopt);
    return g;
}

}  // namespace

Result<PublishedQuestion> publish_question(const QuestionCounts& counts, std::size_t option_count,
                                           int minimum_count) {
    if (counts.groups.empty() || counts.groups.size() != counts.counts.size())
        return fail(ErrorCode::internal, "one row of counts per group, at least one", "counts");
    std::set<std::string> keys;
    for (std::size_t g = 0; g < counts.groups.size(); ++g) {
        if (counts.groups[g].empty() || !keys.insert(counts.groups[g]).second)
            return fail(ErrorCode::internal, "group keys are unique and not empty", fmt::format("groups[{}]", g));
        if (counts.counts[g].size() != option_count + 1)
            return fail(ErrorCode::internal, fmt::format("{} counts per group", option_count + 1),
                        fmt::format("counts[{}]", g));
    }
    auto table = statistics::CountTable::two_way(counts.counts);
    if (!table) return fail(ErrorCode::internal, table.error().message,
                            table.error().fields.empty() ? "counts" : table.error().fields[0].field);
    const auto published = statistics::publish(*table, minimum_count);
    PublishedQuestion out;
    if (counts.groups.size() == 1) {
        out.groups.push_back(group_of(published, 0, "all", option_count));
        return out;
    }
    out.groups.push_back(group_of(published, published.rows(), "all", option_count));
    for (std::size_t g = 0; g < counts.groups.size(); ++g)
        out.groups.push_back(group_of(published, g, counts.groups[g], option_count));
    return out;
}

std::optional<std::int64_t> publish_count(std::int64_t count, int minimum_count) {
    auto table = statistics::CountTable::one_way({count});
    if (!table) return std::nullopt;
    return statistics::publish(*table, minimum_count).grand_total();
}

}  // namespace mamori::survey
