#include "mamori/feeds/inventory_device.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace mamori::feeds {

std::string trimmed(std::string_view text) {
    const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

std::string device_field_where(const InventoryDevice& device, std::string_view field) {
    if (auto found = device.where_field.find(field); found != device.where_field.end()) return found->second;
    return device.where;
}

bool is_placeholder_serial(std::string_view serial) {
    std::string lower;
    for (char c : trimmed(serial)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty()) return true;
    if (std::all_of(lower.begin(), lower.end(), [](char c) { return c == '0'; })) return true;
    static constexpr std::array<std::string_view, 10> placeholders = {"to be filled by o.e.m.",
                                                                      "default string",
                                                                      "none",
                                                                      "n/a",
                                                                      "not specified",
                                                                      "system serial number",
                                                                      "123456789",
                                                                      "0123456789",
                                                                      "chassis serial number",
                                                                      "invalid"};
    return std::find(placeholders.begin(), placeholders.end(), lower) != placeholders.end();
}

}  // namespace mamori::feeds
