#include "documents/zip_reader.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>

namespace mamori::documents {

namespace {

constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint16_t kEncryptedFlags = 0x0001 | 0x0040 | 0x2000;  // encrypted, strong, masked directory
constexpr std::uint16_t kZip64ExtraId = 0x0001;

std::uint16_t u16(std::string_view b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      static_cast<unsigned char>(b[at + 1]) << 8);
}

std::uint32_t u32(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}

tl::unexpected<Error> not_a_zip(std::string_view why) {
    return fail(ErrorCode::invalid_input,
                fmt::format("the file is not a readable .xlsx (zip) archive: {}", why), "file");
}

tl::unexpected<Error> bad_entry(std::string_view name, std::string_view why) {
    return fail(ErrorCode::invalid_input, fmt::format("zip entry \"{}\": {}", name, why), std::string(name));
}

std::string mib(std::size_t bytes) {
    return fmt::format("{} MiB", bytes / (std::size_t{1024} * 1024));
}

// has_zip64_extra: whether an extra field block holds a zip64 record.
bool has_zip64_extra(std::string_view extra) {
    std::size_t at = 0;
    while (at + 4 <= extra.size()) {
        if (u16(extra, at) == kZip64ExtraId) return true;
        at += 4 + u16(extra, at + 2);
    }
    return false;
}

// Inflater: a raw-deflate z_stream that is always ended.
class Inflater {
  public:
    Inflater() { ok_ = inflateInit2(&stream_, -MAX_WBITS) == Z_OK; }
    ~Inflater() {
        if (ok_) inflateEnd(&stream_);
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;

    bool ok() const { return ok_; }
    z_stream& stream() { return stream_; }

  private:
    z_stream stream_{};
    bool ok_ = false;
};

}  // namespace

Result<ZipArchive> ZipArchive::open(std::string_view bytes, ZipLimits limits) {
    if (bytes.size() < kEndSize) return not_a_zip("it is too short");
    // The end record is the last thing in the file, followed only by a comment of up to 65535 bytes.
    const std::size_t lowest = bytes.size() > kEndSize + 0xFFFF ? bytes.size() - kEndSize - 0xFFFF : 0;
    std::size_t end = bytes.size() - kEndSize;
    for (;; --end) {
        if (u32(bytes, end) == kEndSignature && end + kEndSize + u16(bytes, end + 20) <= bytes.size()) break;
        if (end == lowest) return not_a_zip("no end of central directory (not a zip file, or truncated)");
    }
    if (end >= 20 && u32(bytes, end - 20) == kZip64LocatorSignature)
        return not_a_zip("zip64 archives are not accepted");
    const std::uint16_t disk = u16(bytes, end + 4), directory_disk = u16(bytes, end + 6);
    const std::uint16_t entries_here = u16(bytes, end + 8), entry_count = u16(bytes, end + 10);
    const std::uint32_t directory_size = u32(bytes, end + 12), directory_offset = u32(bytes, end + 16);
    if (entry_count == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF)
        return not_a_zip("zip64 archives are not accepted");
    if (disk != 0 || directory_disk != 0 || entries_here != entry_count)
        return not_a_zip("multi-part archives are not accepted");
    if (entry_count > limits.max_entries)
        return not_a_zip(
            fmt::format("it has {} entries, more than the {} accepted", entry_count, limits.max_entries));
    if (static_cast<std::uint64_t>(directory_offset) + directory_size > end)
        return not_a_zip("the central directory lies outside the file (truncated?)");

    ZipArchive archive(bytes, limits);
    std::size_t at = directory_offset;
    const std::size_t directory_end = static_cast<std::size_t>(directory_offset) + directory_size;
    for (std::uint16_t i = 0; i < entry_count; ++i) {
        if (at + kCentralSize > directory_end || u32(bytes, at) != kCentralSignature)
            return not_a_zip(fmt::format("central directory entry {} is damaged", i + 1));
        const std::size_t name_size = u16(bytes, at + 28), extra_size = u16(bytes, at + 30),
                          comment_size = u16(bytes, at + 32);
        const std::size_t next = at + kCentralSize + name_size + extra_size + comment_size;
        if (next > directory_end)
            return not_a_zip(fmt::format("central directory entry {} is damaged", i + 1));
        Entry entry;
        entry.name = std::string(bytes.substr(at + kCentralSize, name_size));
        entry.flags = u16(bytes, at + 8);
        entry.method = u16(bytes, at + 10);
        entry.crc = u32(bytes, at + 16);
        entry.compressed_size = u32(bytes, at + 20);
        entry.size = u32(bytes, at + 24);
        entry.local_header_offset = u32(bytes, at + 42);
        if (entry.flags & kEncryptedFlags) return bad_entry(entry.name, "encrypted entries are not accepted");
        if (entry.compressed_size == 0xFFFFFFFF || entry.size == 0xFFFFFFFF ||
            entry.local_header_offset == 0xFFFFFFFF ||
            has_zip64_extra(bytes.substr(at + kCentralSize + name_size, extra_size)))
            return bad_entry(entry.name, "zip64 entries are not accepted");
        if (archive.find(entry.name)) return bad_entry(entry.name, "the name appears twice in the archive");
        archive.entries_.push_back(std::move(entry));
        at = next;
    }
    return archive;
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const {
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
    return it == entries_.end() ? nullptr : &*it;
}

bool ZipArchive::contains(std::string_view name) const {
    return find(name) != nullptr;
}

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) out.push_back(e.name);
    return out;
}

Result<std::string> ZipArchive::read(std::string_view name) {
    const Entry* entry = find(name);
    if (!entry) return bad_entry(name, "missing from the archive");
    if (entry->method != kStored && entry->method != kDeflated)
        return bad_entry(name, fmt::format("compression method {} is not supported", entry->method));
    if (entry->size > limits_.max_entry_size)
        return bad_entry(name, fmt::format("it unpacks to {} bytes, more than the limit of {}", entry->size,
                                           mib(limits_.max_entry_size)));
    if (total_read_ + entry->size > limits_.max_total_size)
        return bad_entry(name, fmt::format("the entries read would unpack to more than the limit of {}",
                                           mib(limits_.max_total_size)));

    const std::size_t header = entry->local_header_offset;
    if (header + kLocalSize > bytes_.size() || u32(bytes_, header) != kLocalSignature)
        return bad_entry(name, "the local header is missing or damaged (truncated file?)");
    if (u16(bytes_, header + 6) & kEncryptedFlags)
        return bad_entry(name, "encrypted entries are not accepted");
    if (u16(bytes_, header + 8) != entry->method)
        return bad_entry(name,
                         "the local header and the central directory disagree on the compression method");
    const std::size_t data = header + kLocalSize + u16(bytes_, header + 26) + u16(bytes_, header + 28);
    if (data + entry->compressed_size > bytes_.size())
        return bad_entry(name, "the compressed data runs past the end of the file (truncated file?)");
    const std::string_view packed = bytes_.substr(data, entry->compressed_size);

    std::string out;
    if (entry->method == kStored) {
        if (entry->compressed_size != entry->size)
            return bad_entry(name, "a stored entry's packed and unpacked sizes differ");
        out.assign(packed);
    } else {
        // One byte of room beyond the declared size: an entry that fills it inflates beyond what it claims.
        out.resize(static_cast<std::size_t>(entry->size) + 1);
        Inflater inflater;
        if (!inflater.ok()) return fail(ErrorCode::internal, "zlib could not start inflating");
        z_stream& zs = inflater.stream();
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
        zs.avail_in = static_cast<uInt>(packed.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        for (;;) {
            const int rc = inflate(&zs, Z_NO_FLUSH);
            if (zs.total_out > entry->size)
                return bad_entry(
                    name, fmt::format("it inflates beyond its declared size of {} bytes", entry->size));
            if (rc == Z_STREAM_END) break;
            if (rc == Z_OK) continue;
            if (rc == Z_BUF_ERROR && zs.avail_in == 0)
                return bad_entry(name, "the compressed data ends too early (truncated file?)");
            return bad_entry(
                name, fmt::format("the compressed data is corrupt ({})", zs.msg ? zs.msg : "zlib error"));
        }
        if (zs.total_out != entry->size)
            return bad_entry(
                name, fmt::format("it unpacks to {} bytes, not the declared {}", zs.total_out, entry->size));
        out.resize(entry->size);
    }
    const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
    if (crc != entry->crc) return bad_entry(name, "CRC mismatch: the data is damaged");
    total_read_ += out.size();
    return out;
}

}  // namespace mamori::documents
