#include "mamori/identity/qr.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace mamori::identity {

std::string qr_svg(std::string_view text) {
    const std::string terminated(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) throw std::runtime_error("the text does not fit in a QR code");
    const int quiet = 4, size = code->width + 2 * quiet;
    // One path of unit squares keeps the SVG small and crisp at any scale.
    std::string path;
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                path += fmt::format("M{} {}h1v1h-1z", x + quiet, y + quiet);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" shape-rendering=\"crispEdges\">"
        "<rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/><path d=\"{1}\" fill=\"#000\"/></svg>",
        size, path);
}

}  // namespace mamori::identity
