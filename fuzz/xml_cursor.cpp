// XmlCursor, the pull parser over libxml2 that reads every XML part of an .xlsx: any text ends in `done` or
// an invalid_input error naming the part (never a crash, a DTD or an entity expansion), and element starts
// and ends balance in a document it reads to the end.
#include "documents/xml_cursor.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"

using mamori::documents::XmlCursor;
using mamori::fuzz::fuzz_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    auto cursor = XmlCursor::open(xml, "xl/worksheets/sheet1.xml");
    if (!cursor) {
        fuzz_check(cursor.error().code == mamori::ErrorCode::invalid_input,
                   "a refused part is invalid input");
        return 0;
    }
    long open = 0;
    for (;;) {
        const auto event = cursor->next();
        if (!event) {
            fuzz_check(event.error().code == mamori::ErrorCode::invalid_input, "bad XML is invalid input");
            return 0;
        }
        switch (*event) {
            case XmlCursor::Event::start:
                ++open;
                (void)cursor->attribute("r");
                break;
            case XmlCursor::Event::end: --open; break;
            case XmlCursor::Event::text: break;
            case XmlCursor::Event::done: fuzz_check(open == 0, "starts and ends balance"); return 0;
        }
        fuzz_check(open >= 0, "no end before its start");
    }
}
