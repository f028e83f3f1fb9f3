/// @file
/// @brief Zip archives built by hand for the reader's tests (header only, not part of mamori_lib): any
/// entry may lie about its CRC or size, be encrypted, use another method or a zip64 marker, so every
/// error path of ZipArchive and read_xlsx can be reached. Also unpacks an archive to edit it.
///
///     std::string zip = make_zip({{.name = "a.xml", .data = "<a/>"}});
#pragma once

#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "documents/zip_reader.hpp"

namespace mamori::documents::testing {

struct ZipEntrySpec {
    std::string name;
    std::string data;  // unpacked
    std::uint16_t method = 8;
    std::uint16_t flags = 0;
    std::optional<std::uint32_t> crc;            // lie about the CRC
    std::optional<std::uint32_t> declared_size;  // lie about the unpacked size
    std::string extra;                           // central directory extra field
};

// Deflater: a raw-deflate z_stream that is always ended.
struct Deflater {
    z_stream zs{};
    Deflater() { deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY); }
    ~Deflater() { deflateEnd(&zs); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
};

inline std::string raw_deflate(std::string_view data) {
    Deflater deflater;
    z_stream& zs = deflater.zs;
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    return out;
}

inline void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8 & 0xFF);
}

inline void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

inline std::string make_zip(const std::vector<ZipEntrySpec>& entries) {
    std::string out, directory;
    for (const auto& e : entries) {
        const std::string packed = e.method == 8 ? raw_deflate(e.data) : e.data;
        const std::uint32_t crc = e.crc.value_or(
            crc32(0L, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size())));
        const std::uint32_t size = e.declared_size.value_or(static_cast<std::uint32_t>(e.data.size()));
        const auto offset = static_cast<std::uint32_t>(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, e.flags);
        put16(out, e.method);
        put32(out, 0);  // time, date
        put32(out, crc);
        put32(out, static_cast<std::uint32_t>(packed.size()));
        put32(out, size);
        put16(out, static_cast<std::uint32_t>(e.name.size()));
        put16(out, 0);
        out += e.name;
        out += packed;

        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, e.flags);
        put16(directory, e.method);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, static_cast<std::uint32_t>(packed.size()));
        put32(directory, size);
        put16(directory, static_cast<std::uint32_t>(e.name.size()));
        put16(directory, static_cast<std::uint32_t>(e.extra.size()));
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += e.name;
        directory += e.extra;
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

// unzip: every entry of a well-formed archive, in order.
inline std::vector<ZipEntrySpec> unzip(std::string_view bytes) {
    std::vector<ZipEntrySpec> out;
    auto zip = ZipArchive::open(bytes);
    if (!zip) return out;
    for (const auto& name : zip->names()) out.push_back({.name = name, .data = zip->read(name).value_or("")});
    return out;
}

// edit_entry: the archive with one entry's data replaced by `edit(data)`.
template <typename Edit>
std::string edit_entry(std::string_view bytes, std::string_view name, Edit edit) {
    auto entries = unzip(bytes);
    for (auto& e : entries)
        if (e.name == name) e.data = edit(e.data);
    return make_zip(entries);
}

}  // namespace mamori::documents::testing
