#include "mamori/feeds/csv.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace mamori::feeds {
namespace {

using Fields = std::vector<std::string>;

// Parsed: everything a parse produced, in order: records (fields + start line) and errors.
struct Parsed {
    std::vector<Fields> records;
    std::vector<std::size_t> lines;
    std::vector<CsvError> errors;
};

// parse_chunked: feeds `text` to a CsvParser `chunk` bytes at a time, as a reader does with its buffer, so
// every state is also crossed at a chunk boundary.
Parsed parse_chunked(std::string_view text, std::size_t chunk, CsvLimits limits = {}) {
    CsvParser parser(limits);
    Parsed out;
    std::string pending;
    std::size_t offset = 0;
    for (;;) {
        const bool end = offset >= text.size();
        std::size_t consumed = 0;
        const auto event = parser.parse(pending, end, consumed);
        pending.erase(0, consumed);
        if (event == CsvParser::Event::record) {
            out.records.emplace_back(parser.record().fields.begin(), parser.record().fields.end());
            out.lines.push_back(parser.record().line);
        } else if (event == CsvParser::Event::error) {
            out.errors.push_back(parser.error());
        } else if (event == CsvParser::Event::end) {
            return out;
        } else {
            pending.append(text.substr(offset, chunk));
            offset += chunk;
        }
    }
}

// parse: the result, after checking it is the same whatever the chunk size.
Parsed parse(std::string_view text, CsvLimits limits = {}) {
    const auto whole = parse_chunked(text, text.size() + 1, limits);
    for (std::size_t chunk : {1u, 2u, 3u, 7u}) {
        const auto part = parse_chunked(text, chunk, limits);
        EXPECT_EQ(part.records, whole.records) << "chunk " << chunk;
        EXPECT_EQ(part.lines, whole.lines) << "chunk " << chunk;
        EXPECT_EQ(part.errors.size(), whole.errors.size()) << "chunk " << chunk;
        for (std::size_t i = 0; i < part.errors.size() && i < whole.errors.size(); ++i) {
            EXPECT_EQ(part.errors[i].line, whole.errors[i].line);
            EXPECT_EQ(part.errors[i].at_line, whole.errors[i].at_line) << "chunk " << chunk;
            EXPECT_EQ(part.errors[i].column, whole.errors[i].column);
            EXPECT_EQ(part.errors[i].message, whole.errors[i].message);
        }
    }
    return whole;
}

TEST(CsvParser, ReadsUnquotedFieldsWithLf) {
    const auto p = parse("a,b,c\n1,2,3\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}}));
    EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 2}));
    EXPECT_TRUE(p.errors.empty());
}

TEST(CsvParser, ReadsCrlfAndLoneCrLikeLf) {
    EXPECT_EQ(parse("a,b\r\n1,2\r\n").records, (std::vector<Fields>{{"a", "b"}, {"1", "2"}}));
    const auto cr = parse("a\rb\rc");
    EXPECT_EQ(cr.records, (std::vector<Fields>{{"a"}, {"b"}, {"c"}}));
    EXPECT_EQ(cr.lines, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(CsvParser, DropsALeadingBomOnly) {
    const auto p = parse("\xEF\xBB\xBF\"ID\",\"名称\"\r\n\xEF\xBB\xBFx,y\r\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"ID", "名称"}, {"\xEF\xBB\xBFx", "y"}}));
    EXPECT_EQ(parse("\xEF\xBB\xBF").records.size(), 0u);
    EXPECT_EQ(parse("\xEF\xBB").records, (std::vector<Fields>{{"\xEF\xBB"}}));
}

TEST(CsvParser, ReadsAFullyQuotedHeader) {
    const auto p = parse("\"ID\",\"正式名称\",\"所在地座標（緯度）\"\r\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"ID", "正式名称", "所在地座標（緯度）"}}));
}

TEST(CsvParser, TurnsDoubledQuotesIntoOne) {
    const auto p = parse("\"テスト\"\"みなと\"\"病院\",\"\"\"\",\"a\"\"\"\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"テスト\"みなと\"病院", "\"", "a\""}}));
}

TEST(CsvParser, KeepsCommasAndLineBreaksInsideQuotesAndCountsLines) {
    const auto p = parse("h1,h2\r\n\"東京都港区2-3, 別館\",\"1行目\r\n2行目\n3行目\"\r\nnext,row\r\n");
    ASSERT_EQ(p.records.size(), 3u);
    EXPECT_EQ(p.records[1], (Fields{"東京都港区2-3, 別館", "1行目\r\n2行目\n3行目"}));
    EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 2, 5}));
}

TEST(CsvParser, ReadsUnquotedNumbersBesideQuotedText) {
    const auto p = parse("\"0111010000010\",\"病院\",43.0553,141.3409,\"\",0,0.0,,\"0\"\n");
    EXPECT_EQ(
        p.records,
        (std::vector<Fields>{{"0111010000010", "病院", "43.0553", "141.3409", "", "0", "0.0", "", "0"}}));
}

TEST(CsvParser, KeepsEmptyAndZeroFieldsApart) {
    const auto p = parse(",0\n\"\",\"0\"\n0,\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"", "0"}, {"", "0"}, {"0", ""}}));
}

TEST(CsvParser, ReadsALastRecordWithoutLineBreak) {
    EXPECT_EQ(parse("a,b\n1,2").records, (std::vector<Fields>{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(parse("a,\"b\"").records, (std::vector<Fields>{{"a", "b"}}));
    EXPECT_EQ(parse("a,").records, (std::vector<Fields>{{"a", ""}}));
}

TEST(CsvParser, SkipsBlankLinesButCountsThem) {
    const auto p = parse("a\n\n\r\n\rb\n\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"a"}, {"b"}}));
    EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 5}));
    EXPECT_TRUE(parse("").records.empty());
    EXPECT_EQ(parse("\"\"\n").records, (std::vector<Fields>{{""}}));
}

TEST(CsvParser, ReportsAQuoteInsideAnUnquotedFieldAndGoesOn) {
    const auto p = parse("a,b\nx,ab\"c,d\ny,z\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"a", "b"}, {"y", "z"}}));
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].line, 2u);
    EXPECT_EQ(p.errors[0].column, 2u);
    EXPECT_NE(p.errors[0].message.find("quote inside an unquoted field"), std::string::npos);
}

TEST(CsvParser, ReportsTextAfterAClosingQuoteWithItsColumn) {
    const auto p = parse("\"a\",\"b\"\n\"1\",\"引用符\"誤り,\"3\"\n\"4\",\"5\"\n");
    EXPECT_EQ(p.records, (std::vector<Fields>{{"a", "b"}, {"4", "5"}}));
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].line, 2u);
    EXPECT_EQ(p.errors[0].column, 2u);
    EXPECT_NE(p.errors[0].message.find("character '誤'"), std::string::npos) << p.errors[0].message;
}

TEST(CsvParser, NamesTheStartLineOfAnUnterminatedQuote) {
    const auto p = parse("a,b\n1,2\n3,\"never\nends\n");
    EXPECT_EQ(p.records.size(), 2u);
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].line, 3u);
    EXPECT_EQ(p.errors[0].column, 2u);
    EXPECT_NE(p.errors[0].message.find("starts on line 3 never ends"), std::string::npos);
}

TEST(CsvParser, GivesTheRecordStartLineAfterMultiLineRecords) {
    const auto p = parse("h\n\"a\nb\nc\"\n\"x\"y\n");
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].line, 5u);
    EXPECT_EQ(p.errors[0].at_line, 5u);
    const auto inside = parse("h\n\"a\nb\"x\n");
    ASSERT_EQ(inside.errors.size(), 1u);
    EXPECT_EQ(inside.errors[0].line, 2u);
    EXPECT_EQ(inside.errors[0].at_line, 3u);
}

TEST(CsvParser, RejectsATooLongFieldAndReadsTheNextRecord) {
    CsvLimits limits;
    limits.max_field_bytes = 8;
    const auto p = parse("12345678,x\n123456789,x\n\"123456789\",x\nok,y\n", limits);
    EXPECT_EQ(p.records, (std::vector<Fields>{{"12345678", "x"}, {"ok", "y"}}));
    ASSERT_EQ(p.errors.size(), 2u);
    EXPECT_EQ(p.errors[0].line, 2u);
    EXPECT_EQ(p.errors[0].column, 1u);
    EXPECT_NE(p.errors[0].message.find("longer than 8 bytes"), std::string::npos);
    EXPECT_EQ(p.errors[1].line, 3u);
}

// Found by fuzz/csv_reader: the line named was where the quoted text ended in the bytes at hand, so it moved
// with the size of the reads (here 5 when read whole, 2 in small chunks).
TEST(CsvParser, NamesTheLineOnWhichAMultiLineFieldGrowsTooLong) {
    CsvLimits limits;
    limits.max_field_bytes = 8;
    const auto p = parse("a,\"1234\n5678\n9012\n3456\n\"\nnext\n", limits);
    EXPECT_EQ(p.records, (std::vector<Fields>{{"next"}}));
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].line, 1u);
    EXPECT_EQ(p.errors[0].at_line, 2u);
    EXPECT_EQ(p.errors[0].column, 2u);
}

// Found by fuzz/csv_reader: when one read held the bytes that passed both limits, the field's was named,
// while byte by byte (small reads) the record's limit is passed first.
TEST(CsvParser, NamesTheLimitTheRecordReachesFirst) {
    CsvLimits limits;
    limits.max_field_bytes = 8;
    limits.max_record_bytes = 10;
    const auto p = parse("aaaa,bbbbbbbbb\nnext\n", limits);
    EXPECT_EQ(p.records, (std::vector<Fields>{{"next"}}));
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].column, 2u);
    EXPECT_NE(p.errors[0].message.find("record is longer than 10 bytes"), std::string::npos)
        << p.errors[0].message;
}

TEST(CsvParser, RejectsATooLongRecordAndATooWideOne) {
    CsvLimits limits;
    limits.max_record_bytes = 10;
    limits.max_fields = 3;
    const auto p = parse("aaaa,bbbb,\"cc\ncc\"\n1,2,3\n1,2,3,4\nend\n", limits);
    EXPECT_EQ(p.records, (std::vector<Fields>{{"1", "2", "3"}, {"end"}}));
    ASSERT_EQ(p.errors.size(), 2u);
    EXPECT_EQ(p.errors[0].line, 1u);
    EXPECT_EQ(p.errors[0].column, 3u);
    EXPECT_NE(p.errors[0].message.find("record is longer than 10 bytes"), std::string::npos);
    EXPECT_EQ(p.errors[1].line, 4u);
    EXPECT_EQ(p.errors[1].column, 4u);
    EXPECT_NE(p.errors[1].message.find("more than 3 fields"), std::string::npos);
}

TEST(CsvReader, ReadsAStreamAcrossItsBufferAndStopsAtTheInputLimit) {
    // Records much larger in total than the reader's 256 KiB buffer, with quoted line breaks at every offset.
    std::string text = "\xEF\xBB\xBF\"id\",\"text\"\r\n";
    for (int i = 0; i < 20'000; ++i)
        text += std::to_string(i) + ",\"行\r\n" + std::string(i % 17, 'x') + "\"\r\n";
    std::istringstream in(text);
    CsvReader reader(in);
    int records = 0;
    std::size_t last_line = 0;
    for (;;) {
        const auto status = reader.next();
        if (status != CsvReader::Status::record) {
            EXPECT_EQ(status, CsvReader::Status::end);
            break;
        }
        if (records > 0) {
            EXPECT_EQ(reader.record().fields[0], std::to_string(records - 1));
        }
        last_line = reader.record().line;
        ++records;
    }
    EXPECT_EQ(records, 20'001);
    EXPECT_EQ(last_line, 1u + 2u * 19'999u + 1u);
    EXPECT_EQ(reader.bytes_read(), text.size());

    CsvLimits small;
    small.max_input_bytes = 1000;
    std::istringstream again(text);
    CsvReader limited(again, small);
    CsvReader::Status status;
    do status = limited.next();
    while (status == CsvReader::Status::record);
    EXPECT_EQ(status, CsvReader::Status::failed);
    EXPECT_NE(limited.error().message.find("larger than 1000 bytes"), std::string::npos);
    EXPECT_EQ(limited.next(), CsvReader::Status::failed);
}

}  // namespace
}  // namespace mamori::feeds
