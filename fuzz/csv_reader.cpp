// The RFC 4180 reader (feeds/csv): CsvParser promises the same records and errors however its input is cut
// into pieces, so the input is parsed whole and again in pieces of a size the first byte chooses, with
// small limits so that every limit is reached, and both must agree; CsvReader over a stream must agree too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "mamori/feeds/csv.hpp"

namespace {

using mamori::feeds::CsvParser;
using mamori::feeds::CsvReader;
using mamori::fuzz::fuzz_check;

constexpr mamori::feeds::CsvLimits kLimits{
    .max_field_bytes = 64, .max_record_bytes = 256, .max_fields = 16, .max_input_bytes = 1 << 20};

// describe: one record or error as text, to compare two runs.
std::string describe(const mamori::feeds::CsvRecord& record) {
    std::string out = "record " + std::to_string(record.line) + "-" + std::to_string(record.last_line);
    for (const auto& field : record.fields) out += "|" + field;
    return out;
}

std::string describe(const mamori::feeds::CsvError& error) {
    return "error " + std::to_string(error.line) + ":" + std::to_string(error.at_line) + ":" +
           std::to_string(error.column) + " " + error.message;
}

// parse_in_pieces: what CsvParser finds when the bytes arrive `piece` at a time (the whole input for 0).
std::vector<std::string> parse_in_pieces(std::string_view input, std::size_t piece) {
    CsvParser parser(kLimits);
    std::vector<std::string> events;
    std::size_t begin = 0, available = piece == 0 ? input.size() : std::min(piece, input.size());
    for (;;) {
        std::size_t consumed = 0;
        const auto event =
            parser.parse(input.substr(begin, available - begin), available == input.size(), consumed);
        begin += consumed;
        fuzz_check(begin <= available, "the parser consumes only what it was given");
        switch (event) {
            case CsvParser::Event::record: events.push_back(describe(parser.record())); break;
            case CsvParser::Event::error: events.push_back(describe(parser.error())); break;
            case CsvParser::Event::end: return events;
            case CsvParser::Event::need_input:
                fuzz_check(available < input.size(), "the parser asks for more only when there is more");
                available = std::min(available + piece, input.size());
                break;
        }
    }
}

std::vector<std::string> read_stream(std::string_view input) {
    std::istringstream in{std::string(input)};
    CsvReader reader(in, kLimits);
    std::vector<std::string> events;
    for (;;) {
        switch (reader.next()) {
            case CsvReader::Status::record: events.push_back(describe(reader.record())); break;
            case CsvReader::Status::error: events.push_back(describe(reader.error())); break;
            case CsvReader::Status::end: return events;
            case CsvReader::Status::failed: fuzz_check(false, "an in-memory stream of 1 MiB is read"); break;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t piece = 1 + data[0] % 16;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (input.size() > kLimits.max_input_bytes) return 0;
    const auto whole = parse_in_pieces(input, 0);
    fuzz_check(parse_in_pieces(input, piece) == whole, "records do not depend on how the input is cut");
    fuzz_check(read_stream(input) == whole, "CsvReader finds what CsvParser finds");
    return 0;
}
