// A question's counts through the suppressing tables of src/statistics (see tally.hpp).
#include "mamori/survey/tally.hpp"

#include <fmt/format.h>

#include <algorithm>
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

// Linked: entries of a question's table hidden because another table hides the same number; the column is an
// option's index, or option_count + 1 for the number shown.
struct LinkedEntry {
    std::string group;
    std::size_t column = 0;
    auto operator<=>(const LinkedEntry&) const = default;
};
using Linked = std::set<LinkedEntry>;

Result<PublishedQuestion> publish_linked(const QuestionCounts& counts, std::size_t option_count, int minimum_count,
                                         const Linked& linked) {
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
    // Grid rows: each group, then the "all" line; with one group, both lines are that group.
    std::vector<statistics::GridPosition> hidden;
    for (const auto& [key, column] : linked) {
        const auto at = std::find(counts.groups.begin(), counts.groups.end(), key);
        if (counts.groups.size() == 1) {
            hidden.push_back({0, column});
            hidden.push_back({1, column});
        } else if (key == "all") {
            hidden.push_back({counts.groups.size(), column});
        } else if (at != counts.groups.end()) {
            hidden.push_back({static_cast<std::size_t>(at - counts.groups.begin()), column});
        }
    }
    const auto published = statistics::publish(*table, minimum_count, hidden);
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

}  // namespace

Result<PublishedQuestion> publish_question(const QuestionCounts& counts, std::size_t option_count,
                                           int minimum_count) {
    return publish_linked(counts, option_count, minimum_count, {});
}

Result<std::vector<PublishedQuestion>> publish_questions(const std::vector<QuestionTally>& questions,
                                                         int minimum_count) {
    // Questions shown to the same people: the same parent (or none) and the same showing options.
    std::vector<std::size_t> population(questions.size());
    for (std::size_t i = 0; i < questions.size(); ++i) {
        population[i] = i;
        for (std::size_t j = 0; j < i; ++j)
            if (questions[j].parent == questions[i].parent && questions[j].showing == questions[i].showing) {
                population[i] = population[j];
                break;
            }
        if (questions[i].parent && *questions[i].parent >= i)
            return fail(ErrorCode::internal, "a question is shown after an earlier one", fmt::format("questions[{}]", i));
    }
    const auto total_column = [&](std::size_t q) { return questions[q].option_count + 1; };
    std::vector<Linked> linked(questions.size());
    for (;;) {
        std::vector<PublishedQuestion> published;
        for (std::size_t i = 0; i < questions.size(); ++i) {
            auto t = publish_linked(questions[i].counts, questions[i].option_count, minimum_count, linked[i]);
            if (!t) return fail(t.error());
            published.push_back(std::move(*t));
        }
        bool more = false;
        const auto hide = [&](std::size_t q, const std::string& group, std::size_t column) {
            more = linked[q].insert({group, column}).second || more;
        };
        for (std::size_t i = 0; i < questions.size(); ++i) {
            for (const auto& g : published[i].groups) {
                if (g.total) continue;
                for (std::size_t j = 0; j < questions.size(); ++j)
                    if (population[j] == population[i]) hide(j, g.key, total_column(j));
            }
            if (!questions[i].parent) continue;
            const std::size_t p = *questions[i].parent;
            for (const auto& g : published[p].groups) {
                bool hidden = false;  // a group hidden whole has every option hidden
                for (const auto o : questions[i].showing) hidden = hidden || o >= g.options.size() || !g.options[o];
                if (hidden) hide(i, g.key, total_column(i));
            }
            for (const auto& g : published[i].groups)
                if (!g.total)
                    for (const auto o : questions[i].showing) hide(p, g.key, o);
        }
        if (!more) return published;
    }
}

std::optional<std::int64_t> publish_count(std::int64_t count, int minimum_count) {
    auto table = statistics::CountTable::one_way({count});
    if (!table) return std::nullopt;
    return statistics::publish(*table, minimum_count).grand_total();
}

}  // namespace mamori::survey
