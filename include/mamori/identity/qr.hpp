/// @file
/// @brief QR codes as SVG, for enrolling an authenticator app by scanning the otpauth:// URI.
///
///     std::string svg = qr_svg(totp_uri(secret, "mamori", login));
#pragma once

#include <string>
#include <string_view>

namespace mamori::identity {

// qr_svg: an SVG image of `text` as a QR code (error correction M, 4-module quiet zone); throws
// std::runtime_error if the text is too long for a QR code.
std::string qr_svg(std::string_view text);

}  // namespace mamori::identity
