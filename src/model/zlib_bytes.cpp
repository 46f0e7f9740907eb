#include "model/zlib_bytes.h"

#include <zlib.h>

namespace lerbrief {

std::string zlib_deflate(std::string_view raw, Deflate level) {
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                  static_cast<uLong>(raw.size()), level == Deflate::fast ? Z_BEST_SPEED : Z_DEFAULT_COMPRESSION) != Z_OK)
        return {};
    out.resize(size);
    return out;
}

bool zlib_inflate_exactly(std::string_view z, std::size_t size, std::vector<std::uint8_t>& out) {
    out.assign(size + 1, 0);
    uLongf got = static_cast<uLongf>(out.size());
    uLong read = static_cast<uLong>(z.size());
    if (uncompress2(out.data(), &got, reinterpret_cast<const Bytef*>(z.data()), &read) != Z_OK || got != size ||
        read != z.size())
        return false;
    out.resize(size);
    return true;
}

}  // namespace lerbrief
