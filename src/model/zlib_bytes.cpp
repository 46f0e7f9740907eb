#include "model/zlib_bytes.h"

#include <zlib.h>

#include <algorithm>

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

bool zlib_inflate_pieces(std::string_view z, std::size_t size,
                         const std::function<void(const std::uint8_t*, std::size_t)>& piece) {
    std::vector<std::uint8_t> buf(std::size_t{1} << 16);
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) return false;
    struct End {  // zlib's state freed however this returns, `piece` throwing too
        z_stream& zs;
        ~End() { inflateEnd(&zs); }
    } end{zs};
    std::string_view rest = z;
    std::size_t got = 0;
    int st = Z_OK;
    while (st == Z_OK) {
        // fed and drained in pieces that fit zlib's 32-bit counts
        if (zs.avail_in == 0 && !rest.empty()) {
            const std::size_t n = std::min<std::size_t>(rest.size(), std::size_t{1} << 30);
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(rest.data()));
            zs.avail_in = static_cast<uInt>(n);
            rest.remove_prefix(n);
        }
        zs.next_out = buf.data();
        zs.avail_out = static_cast<uInt>(buf.size());
        st = inflate(&zs, Z_NO_FLUSH);
        const std::size_t made = buf.size() - zs.avail_out;
        if (made > size - got) st = Z_DATA_ERROR;  // longer than `size`
        else if (made > 0) {
            piece(buf.data(), made);
            got += made;
        }
    }  // Z_BUF_ERROR: no progress, the input ended early
    return st == Z_STREAM_END && got == size && zs.avail_in == 0 && rest.empty();
}

}  // namespace lerbrief
