#include "mamori/backup/copy_text.hpp"

namespace mamori::backup {

namespace {

void append_field(std::string& out, const std::string& value) {
    for (const char c : value) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

}  // namespace

void append_copy_row(std::string& out, const RowValues& row) {
    bool first = true;
    for (const auto& value : row) {
        if (!first) out += '\t';
        first = false;
        if (value)
            append_field(out, *value);
        else
            out += "\\N";
    }
    out += '\n';
}

}  // namespace mamori::backup
