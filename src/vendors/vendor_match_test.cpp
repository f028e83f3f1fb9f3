#include "mamori/vendors/vendor_match.hpp"

#include <gtest/gtest.h>

namespace mamori::vendors {
namespace {

TEST(VendorName, WritingsOfOneCompanyNormaliseAlike) {
    struct Case {
        const char* a;
        const char* b;
    };
    for (const auto& c : {Case{"株式会社 ＡＢＣメディカル", "ABCメディカル(株)"},
                          Case{"㈱デモ電子カルテ", "株式会社デモ電子カルテ"},
                          Case{"デモ・システムズ合同会社", "デモシステムズ"},
                          Case{"ﾃﾞﾓｼｽﾃﾑ有限会社", "デモシステム"},
                          Case{"Demo Health Systems", "DEMO HEALTHSYSTEMS"},
                          Case{"医療法人 さくら会", "さくら会"}}) {
        SCOPED_TRACE(std::string(c.a) + " / " + c.b);
        EXPECT_FALSE(normalise_vendor_name(c.a).empty());
        EXPECT_EQ(normalise_vendor_name(c.a), normalise_vendor_name(c.b));
    }
    EXPECT_NE(normalise_vendor_name("デモ電子カルテ"), normalise_vendor_name("デモ電子カルテ東日本"));
    EXPECT_EQ(normalise_vendor_name("特定非営利活動法人 まもり"), "まもり") << "the longer legal form is removed whole";
    EXPECT_EQ(normalise_vendor_name("株式会社"), "") << "nothing left but the legal form";
    EXPECT_EQ(normalise_vendor_name("\xff\xfe"), "") << "not UTF-8";
}

TEST(VendorMatch, TheCorporateNumberDecidesAndNamesNeedAPerson) {
    const std::vector<KnownVendor> known = {
        {1, {"株式会社デモ電子カルテ", "7000012050002"}},
        {2, {"デモ電子カルテ株式会社", std::nullopt}},
        {3, {"ABCメディカル株式会社", "4011001098993"}},
        {4, {"ＡＢＣメディカル", std::nullopt}},
    };
    struct Case {
        const char* why;
        VendorIdentity candidate;
        MatchKind kind;
        std::vector<long long> ids;
    };
    for (const auto& c : {
             Case{"same number, another writing of the name", {"デモ・カルテ販売", "7000012050002"},
                  MatchKind::corporate_number, {1}},
             Case{"no number: both writings of the name", {"㈱デモ電子カルテ", std::nullopt},
                  MatchKind::name_needs_confirmation, {1, 2}},
             Case{"a new number: only the vendor without one may be the same", {"デモ電子カルテ", "2120901007402"},
                  MatchKind::name_needs_confirmation, {2}},
             Case{"a new number, the name known only with another number", {"ABCメディカル", "7123456789012"},
                  MatchKind::name_needs_confirmation, {4}},
             Case{"an unknown vendor", {"まもりネットワーク株式会社", std::nullopt}, MatchKind::none, {}},
             Case{"only a legal form", {"株式会社", std::nullopt}, MatchKind::none, {}},
         }) {
        SCOPED_TRACE(c.why);
        const auto m = match_vendor(c.candidate, known);
        EXPECT_EQ(m.kind, c.kind);
        EXPECT_EQ(m.ids, c.ids);
    }
}

}  // namespace
}  // namespace mamori::vendors
