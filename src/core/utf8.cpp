#include "mamori/core/utf8.hpp"

#include <cstddef>

namespace mamori {

long character_count(std::string_view utf8) {
    long count = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = c < 0x80           ? 1
                                   : (c >> 5) == 0x6  ? 2
                                   : (c >> 4) == 0xe  ? 3
                                   : (c >> 3) == 0x1e ? 4
                                                      : 0;
        if (length == 0 || i + length > utf8.size()) return -1;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(utf8[i + k]) >> 6) != 0x2) return -1;
        i += length;
        ++count;
    }
    return count;
}

}  // namespace mamori
