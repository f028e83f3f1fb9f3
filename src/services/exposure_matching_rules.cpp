#include "exposure_matching_rules.hpp"

namespace mamori::services::exposure_rules {

std::optional<std::string> product_key(const exposure::Cpe& cpe) {
    using Kind = exposure::CpeValue::Kind;
    if (cpe.vendor.kind != Kind::value || cpe.product.kind != Kind::value) return std::nullopt;
    std::string key(1, cpe.part);
    key.append(":").append(cpe.vendor.text).append(":").append(cpe.product.text);
    return key;
}

std::string product_key(const exposure::ProductKey& key) {
    std::string out(1, key.part);
    out.append(":").append(key.vendor).append(":").append(key.product);
    return out;
}

// The vendor and product keep their escapes, so an escaped ':' ("\:") is not a separator.
ProductParts split_product_key(std::string_view key) {
    ProductParts out;
    std::string* target[] = {&out.part, &out.vendor, &out.product};
    std::size_t field = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == '\\' && i + 1 < key.size()) {
            *target[field] += key[i];
            *target[field] += key[++i];
        } else if (key[i] == ':' && field < 2) {
            ++field;
        } else {
            *target[field] += key[i];
        }
    }
    return out;
}

}  // namespace mamori::services::exposure_rules
