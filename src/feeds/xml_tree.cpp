#include "feeds/xml_tree.hpp"

#include <fmt/format.h>

#include "documents/xml_cursor.hpp"
#include "mamori/feeds/inventory_device.hpp"

namespace mamori::feeds {

std::string_view XmlElement::attribute(std::string_view key) const {
    for (const auto& [name, value] : attributes)
        if (name == key) return value;
    return {};
}

const XmlElement* XmlElement::child(std::string_view child_name) const {
    for (const auto& element : children)
        if (element.name == child_name) return &element;
    return nullptr;
}

std::vector<const XmlElement*> XmlElement::children_named(std::string_view child_name) const {
    std::vector<const XmlElement*> found;
    for (const auto& element : children)
        if (element.name == child_name) found.push_back(&element);
    return found;
}

std::optional<std::string> XmlElement::child_text(std::string_view child_name) const {
    const XmlElement* element = child(child_name);
    if (!element) return std::nullopt;
    std::string text = trimmed(element->text);
    if (text.empty()) return std::nullopt;
    return text;
}

Result<XmlElement> read_xml_tree(std::string_view xml, const std::string& file_name,
                                 const XmlTreeLimits& limits) {
    auto cursor =
        documents::XmlCursor::open(xml, file_name, {.allow_bare_doctype = limits.allow_bare_doctype});
    if (!cursor) return fail(cursor.error());
    std::vector<XmlElement> stack;
    std::optional<XmlElement> root;
    std::size_t elements = 0;
    for (;;) {
        auto event = cursor->next();
        if (!event) return fail(event.error());
        if (*event == documents::XmlCursor::Event::done) break;
        switch (*event) {
            case documents::XmlCursor::Event::start: {
                if (root)
                    return fail(ErrorCode::invalid_input,
                                fmt::format("{}: content after the root element", file_name), file_name);
                if (++elements > limits.max_elements)
                    return fail(ErrorCode::invalid_input,
                                fmt::format("{}: more than {} elements", file_name, limits.max_elements),
                                file_name);
                if (static_cast<int>(stack.size()) >= limits.max_depth)
                    return fail(ErrorCode::invalid_input,
                                fmt::format("{} line {}: elements nested deeper than {}", file_name,
                                            cursor->line(), limits.max_depth),
                                file_name);
                XmlElement element;
                element.name = cursor->name();
                element.line = cursor->line();
                element.attributes = cursor->attributes();
                stack.push_back(std::move(element));
                break;
            }
            case documents::XmlCursor::Event::end: {
                if (stack.empty()) break;
                XmlElement done = std::move(stack.back());
                stack.pop_back();
                if (stack.empty())
                    root = std::move(done);
                else
                    stack.back().children.push_back(std::move(done));
                break;
            }
            case documents::XmlCursor::Event::text:
                if (!stack.empty()) stack.back().text += cursor->text();
                break;
            case documents::XmlCursor::Event::done: break;
        }
    }
    if (!root)
        return fail(
            ErrorCode::invalid_input,
            fmt::format("{}: {}", file_name, stack.empty() ? "no XML element" : "the XML ends too early"),
            file_name);
    return std::move(*root);
}

}  // namespace mamori::feeds
