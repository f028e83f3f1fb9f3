#include "mamori/vendors/disclosure.hpp"

#include <gtest/gtest.h>

#include "mamori/core/time.hpp"

namespace mamori::vendors {
namespace {

using std::chrono::year_month_day;

year_month_day date(const char* iso) {
    return *parse_iso_date(iso);
}

TEST(DisclosureRules, VersionLabelsAsPrintedAreTakenAndBrokenOnesNamed) {
    const std::string forty_ascii(40, 'v');
    for (const auto* good : {"Ver.5.0", "Ver.4.0", "第5.0版", "5.0", forty_ascii.c_str()}) {
        SCOPED_TRACE(good);
        EXPECT_TRUE(check_version_label(good));
    }
    struct Case {
        std::string label;
        const char* why;
    };
    for (const auto& c :
         {Case{"", "empty"}, Case{"   ", "blank"}, Case{"\xe3\x80\x80\xe3\x80\x80", "ideographic blank"},
          Case{"Ver.5.0\nVer.4.0", "two lines"}, Case{"Ver\t5", "a tab"},
          Case{std::string(41, 'v'), "41 characters"}, Case{"Ver.\x01", "a control character"},
          Case{"Ver.\xff", "not UTF-8"}}) {
        SCOPED_TRACE(c.why);
        const auto result = check_version_label(c.label);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(result.error().fields.at(0).field, "version_label");
    }
    // Forty Japanese characters are forty, not 120 bytes.
    std::string forty;
    for (int i = 0; i < 40; ++i) forty += "版";
    EXPECT_TRUE(check_version_label(forty));
    EXPECT_FALSE(check_version_label(forty + "版"));
}

TEST(DisclosureRules, DateOfIssueIsARealDateNotInTheFuture) {
    const auto today = date("2026-12-07");
    for (const auto* good : {"2026-12-07", "2025-04-01", "2000-02-29"}) {
        SCOPED_TRACE(good);
        EXPECT_TRUE(check_issued_on(good, today));
    }
    for (const auto* bad : {"2026-12-08", "2027-01-01", "2025-02-29", "2025/04/01", "", "令和7年4月1日"}) {
        SCOPED_TRACE(bad);
        const auto result = check_issued_on(bad, today);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().fields.at(0).field, "issued_on");
    }
}

TEST(DisclosureRules, CurrentForThreeYearsFromTheDateOfIssue) {
    struct Case {
        const char* issued_on;
        const char* today;
        bool current;
    };
    for (const auto& c : {Case{"2025-04-01", "2025-04-01", true},   // the day of issue
                          Case{"2023-12-08", "2026-12-07", true},   // the last day
                          Case{"2023-12-07", "2026-12-07", false},  // three years to the day: outdated
                          Case{"2020-01-01", "2026-12-07", false},
                          Case{"2024-02-29", "2027-02-28", true},  // leap day: current through 28 Feb
                          Case{"2024-02-29", "2027-03-01", false},
                          Case{"2026-12-08", "2026-12-07", false}}) {  // not issued yet
        SCOPED_TRACE(std::string(c.issued_on) + " on " + c.today);
        EXPECT_EQ(is_within_validity(date(c.issued_on), date(c.today)), c.current);
    }
    EXPECT_EQ(to_iso_date(valid_until(date("2024-02-29"))), "2027-03-01");
    EXPECT_EQ(to_iso_date(valid_until(date("2025-04-01"))), "2028-04-01");
}

TEST(DisclosureRules, TheNewestUploadNotWithdrawnDecides) {
    const auto today = date("2026-12-07");
    using K = DisclosureKind;
    struct Case {
        std::vector<DisclosureEntry> entries;
        DisclosureState mds;
        std::optional<std::int64_t> latest_mds;
        const char* why;
    };
    const std::vector<Case> cases = {
        {{}, DisclosureState::missing, std::nullopt, "nothing uploaded"},
        {{{1, K::mds, date("2025-04-01"), false}}, DisclosureState::current, 1, "one recent"},
        {{{1, K::mds, date("2020-04-01"), false}}, DisclosureState::outdated, 1, "one old"},
        {{{1, K::mds, date("2020-04-01"), false}, {2, K::mds, date("2025-04-01"), false}},
         DisclosureState::current,
         2,
         "a new upload supersedes an old one"},
        {{{1, K::mds, date("2025-04-01"), false}, {2, K::mds, date("2020-04-01"), false}},
         DisclosureState::outdated,
         2,
         "the newest upload decides even when it is older on paper"},
        {{{1, K::mds, date("2025-04-01"), false}, {2, K::mds, date("2026-04-01"), true}},
         DisclosureState::current,
         1,
         "a withdrawn upload gives way to the one before"},
        {{{1, K::mds, date("2025-04-01"), true}},
         DisclosureState::missing,
         std::nullopt,
         "only a withdrawn one"},
        {{{1, K::sds, date("2025-04-01"), false}},
         DisclosureState::missing,
         std::nullopt,
         "an SDS is not an MDS"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.why);
        EXPECT_EQ(disclosure_state(c.entries, K::mds, today), c.mds);
        EXPECT_EQ(latest_disclosure(c.entries, K::mds), c.latest_mds);
    }
}

TEST(DisclosureRules, WhatAnInstitutionSeesForASystem) {
    const auto today = date("2026-12-07");
    using K = DisclosureKind;
    using S = SystemDisclosureStatus;
    const std::vector<DisclosureEntry> recent_sds = {{1, K::sds, date("2026-01-10"), false}};
    const std::vector<DisclosureEntry> old_mds = {{1, K::mds, date("2021-01-10"), false}};
    const std::vector<DisclosureEntry> old_mds_recent_sds = {{1, K::mds, date("2021-01-10"), false},
                                                             {2, K::sds, date("2026-01-10"), false}};
    struct Case {
        bool vendor, product;
        std::vector<DisclosureEntry> entries;
        S status;
        const char* code;
    };
    for (const auto& c :
         {Case{false, false, {}, S::no_vendor, "no_vendor"},
          Case{false, true, recent_sds, S::no_vendor, "no_vendor"},
          Case{true, false, {}, S::product_unknown, "product_unknown"},
          Case{true, true, {}, S::missing, "missing"}, Case{true, true, recent_sds, S::current, "current"},
          Case{true, true, old_mds, S::outdated, "outdated"},
          Case{true, true, old_mds_recent_sds, S::current, "current"}}) {
        SCOPED_TRACE(c.code);
        const auto status = system_disclosure_status(c.vendor, c.product, c.entries, today);
        EXPECT_EQ(status, c.status);
        EXPECT_EQ(status_code(status), c.code);
    }
}

TEST(DisclosureRules, KindCodes) {
    EXPECT_EQ(parse_disclosure_kind("mds"), DisclosureKind::mds);
    EXPECT_EQ(parse_disclosure_kind("sds"), DisclosureKind::sds);
    EXPECT_EQ(parse_disclosure_kind("MDS"), std::nullopt);
    EXPECT_EQ(parse_disclosure_kind("mds2"), std::nullopt);
    EXPECT_EQ(kind_code(DisclosureKind::sds), "sds");
}

}  // namespace
}  // namespace mamori::vendors
