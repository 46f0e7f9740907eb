// Whole buffers through zlib (model/zlib_bytes.h): inflating a piece at a
// time tests a stream exactly as inflating it whole does, and hands over
// every byte in order.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include <zlib.h>

#include "model/zlib_bytes.h"

using namespace lerbrief;

namespace {

// Both answers for `z` and `size`, and the bytes the pieces made.
struct Answers {
    bool whole = false, pieces = false;
    std::vector<std::uint8_t> out, joined;
    std::size_t largest_piece = 0;
};
Answers both(const std::string& z, std::size_t size) {
    Answers a;
    a.whole = zlib_inflate_exactly(z, size, a.out);
    a.pieces = zlib_inflate_pieces(z, size, [&](const std::uint8_t* p, std::size_t n) {
        a.joined.insert(a.joined.end(), p, p + n);
        a.largest_piece = std::max(a.largest_piece, n);
    });
    return a;
}

}  // namespace

TEST_CASE("zlib: inflating in pieces answers as inflating whole", "[model][zlib]") {
    std::string raw;
    for (std::uint32_t i = 0; i < 300000; ++i) raw += static_cast<char>((i * 7919u) % 251);  // 300 KB, not all alike
    const std::string z = zlib_deflate(raw, Deflate::standard);
    REQUIRE(!z.empty());

    const Answers good = both(z, raw.size());
    CHECK(good.whole);
    CHECK(good.pieces);
    CHECK(good.joined == std::vector<std::uint8_t>(raw.begin(), raw.end()));
    CHECK(good.largest_piece <= 65536);  // never the whole at once
    CHECK(good.largest_piece > 0);

    // a size one more or one less, the stream cut short, bytes after its
    // end, a byte damaged, nothing at all: refused both ways
    for (const auto& [bytes, size] : std::vector<std::pair<std::string, std::size_t>>{
             {z, raw.size() + 1},
             {z, raw.size() - 1},
             {z.substr(0, z.size() / 2), raw.size()},
             {z.substr(0, z.size() - 1), raw.size()},
             {z + "xx", raw.size()},
             {std::string(z).replace(z.size() / 2, 1, 1, static_cast<char>(z[z.size() / 2] ^ 0x55)), raw.size()},
             {std::string(), 0},
             {"not zlib at all", raw.size()}}) {
        const Answers a = both(bytes, size);
        CHECK(!a.whole);
        CHECK(!a.pieces);
    }

    // what ends exactly where a piece does (64 KB), a byte either side, and
    // zlib's stored blocks (level 0) as well as its compressed ones
    for (const std::size_t size : {std::size_t{1}, std::size_t{65535}, std::size_t{65536}, std::size_t{65537},
                                   std::size_t{131072}, std::size_t{196608}})
        for (const int level : {0, 1, 9}) {
            INFO(size << " bytes at level " << level);
            const std::string part = raw.substr(0, size);
            std::string packed(compressBound(static_cast<uLong>(part.size())), '\0');
            uLongf n = static_cast<uLongf>(packed.size());
            REQUIRE(compress2(reinterpret_cast<Bytef*>(packed.data()), &n, reinterpret_cast<const Bytef*>(part.data()),
                              static_cast<uLong>(part.size()), level) == Z_OK);
            packed.resize(n);
            const Answers a = both(packed, size);
            CHECK(a.whole);
            CHECK(a.pieces);
            CHECK(a.joined == std::vector<std::uint8_t>(part.begin(), part.end()));
            CHECK(!both(packed, size + 1).pieces);
            CHECK(!both(packed, size - 1).pieces);
            CHECK(!both(packed + packed, size).pieces);  // the stream twice
        }

    // an empty input compressed is a stream of nothing
    const Answers empty = both(zlib_deflate("", Deflate::fast), 0);
    CHECK(empty.whole);
    CHECK(empty.pieces);
    CHECK(empty.joined.empty());
}
