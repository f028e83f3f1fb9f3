#include "mamori/vendors/disclosure.hpp"

#include <fmt/format.h>

#include "mamori/core/time.hpp"
#include "mamori/core/utf8.hpp"

namespace mamori::vendors {

using std::chrono::year_month_day;

namespace {

// is_blank: nothing but ASCII and ideographic (U+3000) spaces.
bool is_blank(std::string_view text) {
    constexpr std::string_view kIdeographic = "\xe3\x80\x80";
    while (!text.empty()) {
        if (text.front() == ' ')
            text.remove_prefix(1);
        else if (text.starts_with(kIdeographic))
            text.remove_prefix(kIdeographic.size());
        else
            return false;
    }
    return true;
}

}  // namespace

std::string_view kind_code(DisclosureKind kind) {
    return kind == DisclosureKind::mds ? "mds" : "sds";
}

std::optional<DisclosureKind> parse_disclosure_kind(std::string_view code) {
    if (code == "mds") return DisclosureKind::mds;
    if (code == "sds") return DisclosureKind::sds;
    return std::nullopt;
}

Status check_version_label(std::string_view label) {
    constexpr const char* kField = "version_label";
    if (auto problem = text_problem(label)) return fail(ErrorCode::invalid_input, *problem, kField);
    if (label.find_first_of("\r\n\t") != std::string_view::npos)
        return fail(ErrorCode::invalid_input, "the version label is one line as printed (e.g. Ver.5.0)",
                    kField);
    if (is_blank(label))
        return fail(ErrorCode::invalid_input, "the version label is required (e.g. Ver.5.0)", kField);
    if (character_count(label) > kMaxVersionLabelChars)
        return fail(ErrorCode::invalid_input,
                    fmt::format("the version label is at most {} characters", kMaxVersionLabelChars), kField);
    return {};
}

Status check_issued_on(std::string_view issued_on, year_month_day today) {
    constexpr const char* kField = "issued_on";
    const auto date = parse_iso_date(issued_on);
    if (!date) return fail(ErrorCode::invalid_input, "the date of issue is a date YYYY-MM-DD", kField);
    if (std::chrono::sys_days(*date) > std::chrono::sys_days(today))
        return fail(
            ErrorCode::invalid_input,
            fmt::format("the date of issue {} is in the future (today is {})", issued_on, to_iso_date(today)),
            kField);
    return {};
}

Status check_disclosure_note(std::string_view note) {
    if (auto problem = text_problem(note)) return fail(ErrorCode::invalid_input, *problem, "note");
    if (character_count(note) > kMaxDisclosureNoteChars)
        return fail(ErrorCode::invalid_input,
                    fmt::format("the note is at most {} characters", kMaxDisclosureNoteChars), "note");
    return {};
}

year_month_day valid_until(year_month_day issued_on) {
    const year_month_day later{issued_on.year() + std::chrono::years(kDisclosureValidYears),
                               issued_on.month(), issued_on.day()};
    if (later.ok()) return later;
    // 29 February of a year without one: the day after the 28th.
    return year_month_day(
        std::chrono::sys_days(year_month_day(later.year(), later.month(), std::chrono::day(28))) +
        std::chrono::days(1));
}

bool is_within_validity(year_month_day issued_on, year_month_day today) {
    const auto day = std::chrono::sys_days(today);
    return std::chrono::sys_days(issued_on) <= day && day < std::chrono::sys_days(valid_until(issued_on));
}

std::string_view state_code(DisclosureState state) {
    switch (state) {
        case DisclosureState::current: return "current";
        case DisclosureState::outdated: return "outdated";
        case DisclosureState::missing: break;
    }
    return "missing";
}

std::optional<std::int64_t> latest_disclosure(const std::vector<DisclosureEntry>& entries,
                                              DisclosureKind kind) {
    std::optional<std::int64_t> latest;
    for (const auto& e : entries)
        if (e.kind == kind && !e.withdrawn && (!latest || e.id > *latest)) latest = e.id;
    return latest;
}

DisclosureState disclosure_state(const std::vector<DisclosureEntry>& entries, DisclosureKind kind,
                                 year_month_day today) {
    const auto latest = latest_disclosure(entries, kind);
    if (!latest) return DisclosureState::missing;
    for (const auto& e : entries)
        if (e.id == *latest)
            return is_within_validity(e.issued_on, today) ? DisclosureState::current
                                                          : DisclosureState::outdated;
    return DisclosureState::missing;
}

std::string_view status_code(SystemDisclosureStatus status) {
    switch (status) {
        case SystemDisclosureStatus::current: return "current";
        case SystemDisclosureStatus::outdated: return "outdated";
        case SystemDisclosureStatus::missing: return "missing";
        case SystemDisclosureStatus::no_vendor: return "no_vendor";
        case SystemDisclosureStatus::product_unknown: break;
    }
    return "product_unknown";
}

SystemDisclosureStatus system_disclosure_status(bool has_vendor, bool has_product,
                                                const std::vector<DisclosureEntry>& product_entries,
                                                year_month_day today) {
    if (!has_vendor) return SystemDisclosureStatus::no_vendor;
    if (!has_product) return SystemDisclosureStatus::product_unknown;
    const auto mds = disclosure_state(product_entries, DisclosureKind::mds, today);
    const auto sds = disclosure_state(product_entries, DisclosureKind::sds, today);
    if (mds == DisclosureState::current || sds == DisclosureState::current)
        return SystemDisclosureStatus::current;
    if (mds == DisclosureState::outdated || sds == DisclosureState::outdated)
        return SystemDisclosureStatus::outdated;
    return SystemDisclosureStatus::missing;
}

}  // namespace mamori::vendors
