#include "mamori/http/framing.hpp"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

using Fields = std::vector<std::string_view>;

TEST(RequestFraming, ContentLengthOrChunkedAloneIsAccepted) {
    EXPECT_FALSE(refuse_framing({}, true, 1));
    EXPECT_FALSE(refuse_framing({}, false, 1));
    EXPECT_FALSE(refuse_framing(Fields{"chunked"}, false, 1));
    EXPECT_FALSE(refuse_framing(Fields{" Chunked "}, false, 1));
    EXPECT_FALSE(refuse_framing(Fields{"chunked,"}, false, 1));  // empty list elements are allowed
}

TEST(RequestFraming, ALastCodingOtherThanChunkedIsRefused) {
    for (const auto value : {"gzip", "identity", "chunked, identity", "chunked, gzip", "", " , ", "chunkedx"})
        EXPECT_TRUE(refuse_framing(Fields{value}, false, 1)) << value;
    // The list spans field lines: the last line's last coding counts.
    EXPECT_TRUE(refuse_framing(Fields{"chunked", "identity"}, false, 1));
}

TEST(RequestFraming, CodingsMamoriCannotUndoAndChunkedTwiceAreRefused) {
    EXPECT_TRUE(refuse_framing(Fields{"gzip, chunked"}, false, 1));
    EXPECT_TRUE(refuse_framing(Fields{"gzip", "chunked"}, false, 1));
    EXPECT_TRUE(refuse_framing(Fields{"chunked, chunked"}, false, 1));
}

TEST(RequestFraming, TransferEncodingWithContentLengthOrInHttp10IsRefused) {
    EXPECT_TRUE(refuse_framing(Fields{"chunked"}, true, 1));
    EXPECT_TRUE(refuse_framing(Fields{"gzip"}, true, 1));
    EXPECT_TRUE(refuse_framing(Fields{"chunked"}, false, 0));
}

}  // namespace
}  // namespace mamori::http
