// The asset record's rules: addresses in one normal form, CPE names canonical, limits, changed fields.
#include "mamori/ledger/asset.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "mamori/core/ascii.hpp"
#include "mamori/core/field_problems.hpp"
#include "mamori/exposure/cpe.hpp"

namespace mamori::ledger {

namespace {

bool is_hex(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// ipv4: four decimal parts of one to three digits, each at most 255 (leading zeros read as decimal).
std::optional<std::string> ipv4(std::string_view s) {
    int parts[4] = {0, 0, 0, 0};
    int index = 0, digits = 0;
    for (const char c : s) {
        if (c == '.') {
            if (digits == 0 || ++index > 3) return std::nullopt;
            digits = 0;
        } else if (c >= '0' && c <= '9') {
            if (++digits > 3) return std::nullopt;
            parts[index] = parts[index] * 10 + (c - '0');
            if (parts[index] > 255) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (index != 3 || digits == 0) return std::nullopt;
    return fmt::format("{}.{}.{}.{}", parts[0], parts[1], parts[2], parts[3]);
}

// ipv6: through inet_pton/inet_ntop, whose output is lower case with the longest run of two or more zero
// groups compressed (RFC 5952).
std::optional<std::string> ipv6(std::string_view s) {
    if (s.size() > 45 || s.find(':') == std::string_view::npos) return std::nullopt;
    const std::string text(s);
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, text.c_str(), bytes) != 1) return std::nullopt;
    char out[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, bytes, out, sizeof out) == nullptr) return std::nullopt;
    return std::string(out);
}

using Problems = FieldProblems;

// A record with thousands of broken software rows names the first ones only.
constexpr std::size_t kMaxProblems = 100;

void check_addresses(Problems& p, const char* field, const std::vector<std::string>& values,
                     std::optional<std::string> (*normalise)(std::string_view), const char* what) {
    if (static_cast<long>(values.size()) > kMaxAddresses)
        return p.add(field, fmt::format("at most {} addresses (this has {})", kMaxAddresses, values.size()));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto name = fmt::format("{}[{}]", field, i);
        const auto normal = normalise(values[i]);
        if (!normal)
            p.add(name, fmt::format("not {}", what));
        else if (*normal != values[i])
            p.add(name, fmt::format("write it as {}", *normal));
        else if (!seen.insert(values[i]).second)
            p.add(name, "listed twice");
    }
}

void check_cpe(Problems& p, const std::string& field, const std::string& cpe) {
    if (cpe.size() > exposure::kMaxCpeLength)
        return p.add(field, fmt::format("at most {} characters", exposure::kMaxCpeLength));
    const auto normal = exposure::normalise_cpe(cpe);
    if (!normal)
        p.add(field, fmt::format("not a CPE name: {}", normal.error().message));
    else if (*normal != cpe)
        p.add(field, fmt::format("write it as {}", *normal));
}

template <typename T>
std::vector<T> sorted(std::vector<T> values) {
    std::sort(values.begin(), values.end(), [](const T& a, const T& b) {
        if constexpr (std::is_same_v<T, AssetCpe>)
            return std::tie(a.cpe, a.origin) < std::tie(b.cpe, b.origin);
        else
            return a < b;
    });
    return values;
}

}  // namespace

std::optional<std::string> normalise_ip(std::string_view text) {
    const auto s = trimmed(text);
    // A NUL inside (possible through JSON's \u0000) would otherwise end the text early in inet_pton.
    if (s.empty() || s.size() > 64 || s.find('\0') != std::string_view::npos) return std::nullopt;
    if (s.find(':') != std::string_view::npos) return ipv6(s);
    return ipv4(s);
}

std::optional<std::string> normalise_mac(std::string_view text) {
    const auto s = trimmed(text);
    std::string hex;
    if (s.size() == 12) {
        hex = std::string(s);
    } else if (s.size() == 17 && (s[2] == ':' || s[2] == '-')) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (i % 3 == 2) {
                if (s[i] != s[2]) return std::nullopt;
            } else {
                hex += s[i];
            }
        }
    } else if (s.size() == 14 && s[4] == '.' && s[9] == '.') {
        hex = fmt::format("{}{}{}", s.substr(0, 4), s.substr(5, 4), s.substr(10, 4));
    } else {
        return std::nullopt;
    }
    if (hex.size() != 12 || !std::all_of(hex.begin(), hex.end(), is_hex)) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < 12; ++i) {
        if (i > 0 && i % 2 == 0) out += ':';
        out += ascii_lower(hex[i]);
    }
    return out;
}

AssetRecord normalise_record(AssetRecord record) {
    const auto addresses = [](std::vector<std::string>& values,
                              std::optional<std::string> (*normalise)(std::string_view)) {
        std::vector<std::string> out;
        for (auto& v : values) {
            auto normal = normalise(v);
            std::string value = normal ? std::move(*normal) : std::move(v);
            if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
        }
        values = std::move(out);
    };
    addresses(record.ip_addresses, &normalise_ip);
    addresses(record.mac_addresses, &normalise_mac);
    std::vector<AssetCpe> cpes;
    for (auto& c : record.cpes) {
        if (c.cpe.size() <= exposure::kMaxCpeLength)
            if (auto normal = exposure::normalise_cpe(c.cpe)) c.cpe = std::move(*normal);
        const auto same = [&](const AssetCpe& o) { return o.cpe == c.cpe; };
        if (std::find_if(cpes.begin(), cpes.end(), same) == cpes.end()) cpes.push_back(std::move(c));
    }
    record.cpes = std::move(cpes);
    for (auto& s : record.software)
        if (!s.cpe.empty() && s.cpe.size() <= exposure::kMaxCpeLength)
            if (auto normal = exposure::normalise_cpe(s.cpe)) s.cpe = std::move(*normal);
    return record;
}

Status check_asset_record(const AssetRecord& r) {
    Problems p;
    if (!one_of(kAssetClasses, r.asset_class))
        p.add("asset_class", fmt::format("one of {}", listed(kAssetClasses)));
    p.text("name", r.name, kMaxAssetName, true);
    p.text("location", r.location, kMaxAssetText);
    p.text("department", r.department, kMaxAssetText);
    p.text("owner", r.owner, kMaxAssetText);
    p.text("serial", r.serial, kMaxAssetText);
    p.text("manufacturer", r.manufacturer, kMaxAssetText);
    p.text("model", r.model, kMaxAssetText);
    p.text("os_name", r.os_name, kMaxAssetText);
    p.text("os_version", r.os_version, kMaxAssetText);
    p.text("firmware_version", r.firmware_version, kMaxAssetText);
    if (r.system_id && *r.system_id <= 0) p.add("system_id", "not a system id");
    p.text("system_note", r.system_note, kMaxAssetText);
    check_addresses(p, "ip_addresses", r.ip_addresses, &normalise_ip, "an IPv4 or IPv6 address");
    check_addresses(p, "mac_addresses", r.mac_addresses, &normalise_mac, "a MAC address (six hex pairs)");
    if (static_cast<long>(r.cpes.size()) > kMaxCpes) {
        p.add("cpes", fmt::format("at most {} CPE names (this has {})", kMaxCpes, r.cpes.size()));
    } else {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < r.cpes.size(); ++i) {
            const auto& c = r.cpes[i];
            check_cpe(p, fmt::format("cpes[{}].cpe", i), c.cpe);
            if (!seen.insert(c.cpe).second) p.add(fmt::format("cpes[{}].cpe", i), "listed twice");
            if (!one_of(kCpeOrigins, c.origin))
                p.add(fmt::format("cpes[{}].origin", i), fmt::format("one of {}", listed(kCpeOrigins)));
        }
    }
    if (static_cast<long>(r.software.size()) > kMaxSoftware) {
        p.add("software", fmt::format("at most {} entries (this has {})", kMaxSoftware, r.software.size()));
    } else {
        for (std::size_t i = 0; i < r.software.size() && p.size() < kMaxProblems; ++i) {
            const auto& s = r.software[i];
            const auto at = [&](const char* f) { return fmt::format("software[{}].{}", i, f); };
            p.text(at("name"), s.name, kMaxAssetText, true);
            p.text(at("version"), s.version, kMaxAssetText);
            p.text(at("publisher"), s.publisher, kMaxAssetText);
            p.text(at("kind"), s.kind, kMaxAssetText);
            p.text(at("purl"), s.purl, 1000);
            p.text(at("port"), s.port, 20);
            if (!s.cpe.empty()) check_cpe(p, at("cpe"), s.cpe);
        }
    }
    p.text("note", r.note, kMaxAssetNote);
    return p.status();
}

std::vector<std::string> changed_fields(const AssetRecord& a, const AssetRecord& b) {
    std::vector<std::string> out;
    const auto check = [&](bool same, const char* name) {
        if (!same) out.emplace_back(name);
    };
    check(a.asset_class == b.asset_class, "asset_class");
    check(a.name == b.name, "name");
    check(a.location == b.location, "location");
    check(a.department == b.department, "department");
    check(a.owner == b.owner, "owner");
    check(a.serial == b.serial, "serial");
    check(a.manufacturer == b.manufacturer, "manufacturer");
    check(a.model == b.model, "model");
    check(a.os_name == b.os_name, "os_name");
    check(a.os_version == b.os_version, "os_version");
    check(a.firmware_version == b.firmware_version, "firmware_version");
    check(a.system_id == b.system_id, "system_id");
    check(a.system_note == b.system_note, "system_note");
    check(a.vendor_managed == b.vendor_managed, "vendor_managed");
    check(a.internet_facing == b.internet_facing, "internet_facing");
    check(a.remote_maintenance == b.remote_maintenance, "remote_maintenance");
    // Addresses and CPE names are sets: another order is not a change.
    check(sorted(a.ip_addresses) == sorted(b.ip_addresses), "ip_addresses");
    check(sorted(a.mac_addresses) == sorted(b.mac_addresses), "mac_addresses");
    check(sorted(a.cpes) == sorted(b.cpes), "cpes");
    check(a.software == b.software, "software");
    check(a.note == b.note, "note");
    return out;
}

}  // namespace mamori::ledger
