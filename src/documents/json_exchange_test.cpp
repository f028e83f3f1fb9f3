#include "mamori/documents/json_exchange.hpp"

#include <gtest/gtest.h>

#include "documents/sample_document.hpp"

namespace mamori::documents {
namespace {

TEST(JsonExchange, AnExportReadsBack) {
    const auto doc = testing::sample_document();
    const auto back = read_json(write_json(doc));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->edition_id, doc.edition_id);
    ASSERT_EQ(back->rows.size(), doc.rows.size());
    for (std::size_t i = 0; i < doc.rows.size(); ++i) {
        EXPECT_EQ(back->rows[i].canonical_id, doc.rows[i].canonical_id);
        EXPECT_EQ(back->rows[i].answer, doc.rows[i].answer);
    }
}

// Found by fuzz/json_exchange: a member of the wrong type threw nlohmann's type_error out of read_json (a 500
// for an upload) instead of being refused as invalid input.
TEST(JsonExchange, MembersOfTheWrongTypeAreRefusedNotThrown) {
    for (const char* text : {
             R"({"format":2025,"edition":"r7","edition_revision":1,"form":"medical","rows":[]})",
             R"({"format":"mamori-assessment","format_version":"1","rows":[]})",
             R"({"format":"mamori-assessment","format_version":1,"assessment_id":"7","fiscal_year":2025,
                 "edition":"r7","edition_revision":1,"form":"medical","rows":[]})",
         }) {
        SCOPED_TRACE(text);
        const auto doc = read_json(text);
        ASSERT_FALSE(doc);
        EXPECT_EQ(doc.error().code, ErrorCode::invalid_input);
    }
}

}  // namespace
}  // namespace mamori::documents
