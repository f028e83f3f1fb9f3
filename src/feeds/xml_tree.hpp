/// @file
/// @brief A small element tree read through documents::XmlCursor (no network, no entities), for inventory
/// files that are easier to read as a whole (nmap, FusionInventory): each element with its attributes, its
/// own text and the line it starts on. Limits on element count and depth.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mamori/core/error.hpp"

namespace mamori::feeds {

struct XmlElement {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;  // the element's own text, not its children's
    int line = 0;
    std::vector<XmlElement> children;

    std::string_view attribute(std::string_view key) const;
    const XmlElement* child(std::string_view child_name) const;
    std::vector<const XmlElement*> children_named(std::string_view child_name) const;
    // child_text: the trimmed text of the first child of that name, or nullopt when there is none or empty.
    std::optional<std::string> child_text(std::string_view child_name) const;
};

struct XmlTreeLimits {
    // Each element costs ~150 bytes before its text: a million keep a parsed file near 150 MB (a /16 nmap scan
    // or a GLPI inventory with thousands of packages stays well under it).
    std::size_t max_elements = 1'000'000;
    int max_depth = 64;
    bool allow_bare_doctype = false;
};

// read_xml_tree: the root element; invalid_input naming the file and line when the XML is malformed or
// truncated, has a DTD (other than an allowed bare one) or entities, or is over a limit.
Result<XmlElement> read_xml_tree(std::string_view xml, const std::string& file_name,
                                 const XmlTreeLimits& limits);

}  // namespace mamori::feeds
