#include "mamori/statistics/item_counts.hpp"

#include <fmt/format.h>

#include <array>
#include <set>
#include <utility>

#include "mamori/inspection/bed_band.hpp"
#include "mamori/statistics/count_table.hpp"

namespace mamori::statistics {

namespace {

Status check_key(Dimension dimension, const std::string& key, const std::string& field) {
    if (key.empty()) return fail(ErrorCode::invalid_input, "a group needs a key", field);
    if (key.size() > max_group_key_length)
        return fail(ErrorCode::invalid_input,
                    fmt::format("a group key has at most {} bytes", max_group_key_length), field);
    if (dimension == Dimension::bed_band && !inspection::parse_bed_band(key))
        return fail(ErrorCode::invalid_input, fmt::format("group \"{}\" is not a bed band", key), field);
    return {};
}

// check_parts: every part 0..max_cell_count and their sum equal to `asked`.
template <std::size_t N>
Status check_parts(const std::string& group, const std::array<std::pair<const char*, std::int64_t>, N>& parts,
                   std::int64_t asked, const std::string& field) {
    if (asked < 0 || asked > max_cell_count)
        return fail(ErrorCode::invalid_input,
                    fmt::format("group \"{}\": asked is between 0 and {}", group, max_cell_count),
                    field + ".asked");
    std::int64_t sum = 0;
    for (const auto& [name, count] : parts) {
        if (count < 0 || count > max_cell_count)
            return fail(ErrorCode::invalid_input,
                        fmt::format("group \"{}\": {} is between 0 and {}", group, name, max_cell_count),
                        fmt::format("{}.{}", field, name));
        sum += count;
    }
    if (sum != asked)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("group \"{}\": the counts add up to {}, but {} were asked", group, sum, asked),
            field);
    return {};
}

Status check_answers(const std::string& group, const AnswerCounts& c, const std::string& field) {
    return check_parts<4>(
        group,
        {{{"yes", c.yes}, {"no", c.no}, {"not_required", c.not_required}, {"unanswered", c.unanswered}}},
        c.asked, field);
}

Status check_group_count(std::size_t count, std::size_t limit) {
    if (count > limit) return fail(ErrorCode::too_large, fmt::format("at most {} groups", limit), "groups");
    return {};
}

}  // namespace

std::string_view to_string(Dimension dimension) {
    switch (dimension) {
        case Dimension::prefecture: return "prefecture";
        case Dimension::health_centre: return "health_centre";
        case Dimension::facility_kind: return "facility_kind";
        case Dimension::bed_band: return "bed_band";
        case Dimension::ehr_use: return "ehr_use";
    }
    return "prefecture";
}

AnswerColumn column_of(assessment::AnswerValue value) {
    switch (value) {
        case assessment::AnswerValue::yes: return AnswerColumn::yes;
        case assessment::AnswerValue::no: return AnswerColumn::no;
        case assessment::AnswerValue::not_required: return AnswerColumn::not_required;
    }
    return AnswerColumn::yes;
}

std::int64_t AnswerCounts::of(AnswerColumn column) const {
    switch (column) {
        case AnswerColumn::yes: return yes;
        case AnswerColumn::no: return no;
        case AnswerColumn::not_required: return not_required;
        case AnswerColumn::unanswered: return unanswered;
    }
    return 0;
}

Status validate(const ItemCounts& counts) {
    if (auto ok = check_group_count(counts.groups.size(), max_table_rows); !ok) return ok;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < counts.groups.size(); ++i) {
        const auto& group = counts.groups[i];
        const auto field = fmt::format("groups[{}]", i);
        if (auto ok = check_key(counts.dimension, group.key, field + ".key"); !ok) return ok;
        if (!seen.insert(group.key).second)
            return fail(ErrorCode::invalid_input, fmt::format("group \"{}\" is listed twice", group.key),
                        field + ".key");
        if (auto ok = check_answers(group.key, group.counts, field); !ok) return ok;
    }
    return {};
}

Status validate(const CrossCounts& counts) {
    if (auto ok = check_group_count(counts.groups.size(), max_table_cells); !ok) return ok;
    std::set<std::pair<std::string, std::string>> seen;
    std::set<std::string> row_keys;
    std::set<std::string> column_keys;
    for (std::size_t i = 0; i < counts.groups.size(); ++i) {
        const auto& group = counts.groups[i];
        const auto field = fmt::format("groups[{}]", i);
        if (auto ok = check_key(counts.rows, group.row_key, field + ".row_key"); !ok) return ok;
        if (auto ok = check_key(counts.columns, group.column_key, field + ".column_key"); !ok) return ok;
        const auto name = fmt::format("{} × {}", group.row_key, group.column_key);
        if (!seen.insert({group.row_key, group.column_key}).second)
            return fail(ErrorCode::invalid_input, fmt::format("group \"{}\" is listed twice", name), field);
        if (auto ok = check_answers(name, group.counts, field); !ok) return ok;
        row_keys.insert(group.row_key);
        column_keys.insert(group.column_key);
    }
    if (row_keys.size() > max_table_rows || column_keys.size() > max_table_columns ||
        row_keys.size() * column_keys.size() > max_table_cells)
        return fail(ErrorCode::too_large,
                    fmt::format("a cross-tab has at most {} rows, {} columns and {} cells", max_table_rows,
                                max_table_columns, max_table_cells),
                    "groups");
    return {};
}

// validate_partitions: one-dimension groups whose named parts (`parts_of(group)`) add up to their `asked`.
template <std::size_t N, typename Groups, typename PartsOf>
Status validate_partitions(Dimension dimension, const Groups& groups, PartsOf parts_of) {
    if (auto ok = check_group_count(groups.size(), max_table_rows); !ok) return ok;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        const auto field = fmt::format("groups[{}]", i);
        if (auto ok = check_key(dimension, g.key, field + ".key"); !ok) return ok;
        if (!seen.insert(g.key).second)
            return fail(ErrorCode::invalid_input, fmt::format("group \"{}\" is listed twice", g.key),
                        field + ".key");
        if (auto ok = check_parts<N>(g.key, parts_of(g), g.asked, field); !ok) return ok;
    }
    return {};
}

Status validate(const RateGroupCounts& counts) {
    return validate_partitions<4>(counts.dimension, counts.groups, [](const RateCounts& g) {
        return std::array<std::pair<const char*, std::int64_t>, 4>{{{"submitted_complete", g.submitted_complete},
                                                                      {"submitted_incomplete", g.submitted_incomplete},
                                                                      {"unsubmitted_complete", g.unsubmitted_complete},
                                                                      {"unsubmitted_incomplete", g.unsubmitted_incomplete}}};
    });
}

Status validate(const TargetGroupCounts& counts) {
    return validate_partitions<3>(counts.dimension, counts.groups, [](const TargetCounts& g) {
        return std::array<std::pair<const char*, std::int64_t>, 3>{
            {{"open", g.open}, {"overdue", g.overdue}, {"other", g.other}}};
    });
}

}  // namespace mamori::statistics
