// NFKC_Casefold through ICU (see utf8.hpp).
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <vector>

#include "mamori/core/utf8.hpp"

namespace mamori {

std::optional<std::string> nfkc_casefold(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* normaliser = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return std::nullopt;
    std::vector<UChar> wide(text.size() + 1);
    int32_t wide_length = 0;
    u_strFromUTF8(wide.data(), static_cast<int32_t>(wide.size()), &wide_length, text.data(),
                  static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status)) return std::nullopt;
    // NFKC may expand a character up to 18-fold (U+FDFA); ask ICU for the size when the first guess is short.
    std::vector<UChar> folded(static_cast<std::size_t>(wide_length) * 3 + 16);
    int32_t folded_length = unorm2_normalize(normaliser, wide.data(), wide_length, folded.data(),
                                             static_cast<int32_t>(folded.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        folded.resize(static_cast<std::size_t>(folded_length));
        folded_length = unorm2_normalize(normaliser, wide.data(), wide_length, folded.data(),
                                         static_cast<int32_t>(folded.size()), &status);
    }
    if (U_FAILURE(status)) return std::nullopt;
    int32_t out_length = 0;
    u_strToUTF8(nullptr, 0, &out_length, folded.data(), folded_length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
    status = U_ZERO_ERROR;
    std::string out(static_cast<std::size_t>(out_length), '\0');
    u_strToUTF8(out.data(), out_length, &out_length, folded.data(), folded_length, &status);
    if (U_FAILURE(status)) return std::nullopt;
    return out;
}

}  // namespace mamori
