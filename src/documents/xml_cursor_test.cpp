// XmlCursor's opt-in bare DOCTYPE (for nmap's `<!DOCTYPE nmaprun>`): accepted only when asked for and only
// with nothing but a name; an internal subset, an external identifier, a second declaration or any entity
// declaration is still refused, so no entity can ever expand.
#include "documents/xml_cursor.hpp"

#include <gtest/gtest.h>

namespace mamori::documents {
namespace {

bool reads(std::string_view xml, bool allow) {
    auto cursor = XmlCursor::open(xml, "t.xml", {.allow_bare_doctype = allow});
    if (!cursor) return false;
    for (;;) {
        auto event = cursor->next();
        if (!event) return false;
        if (*event == XmlCursor::Event::done) return true;
    }
}

TEST(XmlCursorDoctype, BareDeclarationOnlyWhenAskedFor) {
    const std::string_view nmap = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun>\n<nmaprun><host/></nmaprun>";
    EXPECT_TRUE(reads(nmap, true));
    EXPECT_FALSE(reads(nmap, false));
    EXPECT_TRUE(reads("<root/>", false));
}

TEST(XmlCursorDoctype, EverythingElseOfADtdIsStillRefused) {
    for (const std::string_view xml : {
             "<!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>",
             "<!DOCTYPE r []><r/>",
             "<!DOCTYPE r SYSTEM \"http://example.com/r.dtd\"><r/>",
             "<!DOCTYPE r PUBLIC \"-//x//y\" \"r.dtd\"><r/>",
             "<!DOCTYPE r><!DOCTYPE r><r/>",
             "<!DOCTYPE r><r><!ENTITY a \"b\"></r>",
             "<!DOCTYPE r",
         })
        EXPECT_FALSE(reads(xml, true)) << xml;
}

TEST(XmlCursorDoctype, LineOfTheElementJustRead) {
    auto cursor = XmlCursor::open("<a>\n<b/>\n\n<c/></a>", "t.xml");
    ASSERT_TRUE(cursor);
    std::vector<std::pair<std::string, int>> starts;
    for (;;) {
        auto event = cursor->next();
        ASSERT_TRUE(event);
        if (*event == XmlCursor::Event::done) break;
        if (*event == XmlCursor::Event::start) starts.emplace_back(cursor->name(), cursor->line());
    }
    EXPECT_EQ(starts, (std::vector<std::pair<std::string, int>>{{"a", 1}, {"b", 2}, {"c", 4}}));
}

}  // namespace
}  // namespace mamori::documents
