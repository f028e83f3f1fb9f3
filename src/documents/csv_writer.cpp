#include "mamori/documents/csv_writer.hpp"

namespace mamori::documents {

namespace {

template <typename Fields>
void append_fields(std::string& out, const Fields& fields) {
    bool first = true;
    for (const auto& field : fields) {
        if (!first) out += ',';
        first = false;
        append_csv_field(out, field);
    }
    out += "\r\n";
}

}  // namespace

void append_csv_field(std::string& out, std::string_view value) {
    const bool formula_like =
        !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (formula_like) out += '\'';
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

void append_csv_record(std::string& out, std::initializer_list<std::string_view> fields) {
    append_fields(out, fields);
}

void append_csv_record(std::string& out, std::span<const std::string> fields) {
    append_fields(out, fields);
}

}  // namespace mamori::documents
