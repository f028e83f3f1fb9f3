#include "mamori/feeds/gzip.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace mamori::feeds {

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> gunzip(std::string_view bytes, std::size_t max_inflated_bytes, std::string_view source) {
    z_stream stream{};
    // 16 + MAX_WBITS: gzip framing only (no raw deflate, no zlib header).
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return fail(ErrorCode::internal, "zlib could not start inflating", std::string(source));
    std::string out;
    char chunk[64 * 1024];
    std::size_t offset = 0;
    int rc = Z_OK;
    auto finish = [&](tl::unexpected<Error> error) {
        inflateEnd(&stream);
        return error;
    };
    while (offset < bytes.size()) {
        const std::size_t take = std::min<std::size_t>(bytes.size() - offset, 1u << 30);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + offset));
        stream.avail_in = static_cast<uInt>(take);
        do {
            stream.next_out = reinterpret_cast<Bytef*>(chunk);
            stream.avail_out = sizeof chunk;
            rc = inflate(&stream, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && stream.avail_in == 0))
                return finish(fail(ErrorCode::invalid_input,
                                   fmt::format("{}: the gzip data is damaged ({})", source,
                                               stream.msg != nullptr ? stream.msg : "inflate failed"),
                                   std::string(source)));
            const std::size_t produced = sizeof chunk - stream.avail_out;
            if (out.size() + produced > max_inflated_bytes)
                return finish(fail(ErrorCode::too_large,
                                   fmt::format("{}: inflates to more than {} bytes", source, max_inflated_bytes),
                                   std::string(source)));
            out.append(chunk, produced);
            if (rc == Z_STREAM_END) break;
        } while (stream.avail_out == 0 || stream.avail_in > 0);
        const std::size_t used = take - stream.avail_in;
        offset += used;
        if (rc == Z_STREAM_END) {
            // Another member may follow (concatenated gzip); trailing zero padding ends the data.
            if (offset < bytes.size() && is_gzip(bytes.substr(offset))) {
                inflateReset(&stream);
                rc = Z_OK;
                continue;
            }
            break;
        }
        if (used == 0) break;
    }
    inflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return fail(ErrorCode::invalid_input, fmt::format("{}: the gzip data ends early", source),
                    std::string(source));
    return out;
}

Result<std::string> decode_feed_bytes(std::string bytes, const FeedFileLimits& limits, std::string_view source) {
    if (is_gzip(bytes)) return gunzip(bytes, limits.max_inflated_bytes, source);
    return bytes;
}

Result<std::string> read_feed_file(const std::string& path, const FeedFileLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail(ErrorCode::not_found, fmt::format("{}: cannot read: {}", path, ec.message()), path);
    if (size > limits.max_file_bytes)
        return fail(ErrorCode::too_large,
                    fmt::format("{}: {} bytes is more than the {} allowed", path, size, limits.max_file_bytes),
                    path);
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::not_found, fmt::format("{}: cannot open", path), path);
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::size_t>(in.gcount()) != size)
        return fail(ErrorCode::unavailable, fmt::format("{}: reading stopped early", path), path);
    if (is_gzip(bytes)) return gunzip(bytes, limits.max_inflated_bytes, path);
    return bytes;
}

}  // namespace mamori::feeds
