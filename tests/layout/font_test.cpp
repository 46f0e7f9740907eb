// FontMetrics: the bundled faces, a tiny TrueType font built here byte by
// byte (to reach cases the bundled faces do not have: nested composites,
// format 12, truncating advances), and broken or hostile files.
#include "layout/font.h"

#include <catch2/catch.hpp>
#include <array>
#include <map>
#include <random>

#include "support/support.h"

namespace {

using lerbrief::layout::FontError;
using lerbrief::layout::FontMetrics;
namespace fs = std::filesystem;
namespace t = lerbrief::test;

const char* const kBundled[] = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                                "LiberationSerif-Italic.ttf",  "LiberationSerif-BoldItalic.ttf",
                                "LiberationSans-Regular.ttf",  "LiberationSans-Bold.ttf"};

std::string bundled(const char* name) { return (t::source_dir() / "fonts" / name).string(); }

// --- a TrueType font assembled from tables ----------------------------------

std::string be16(unsigned v) { return {static_cast<char>(v >> 8 & 0xFF), static_cast<char>(v & 0xFF)}; }
std::string be32(unsigned long v) { return be16(static_cast<unsigned>(v >> 16 & 0xFFFF)) + be16(v & 0xFFFF); }

struct Glyph {
    std::vector<int> parts;  // empty: a simple one-point glyph; else a composite of these glyphs
};

struct TinyFont {
    unsigned upem = 2048;
    unsigned hmetrics = 2;                            // numberOfHMetrics
    std::vector<unsigned> advances{1024, 1000};       // for the first `hmetrics` glyphs
    std::vector<Glyph> glyphs{{}, {}, {{1}}, {{2}}};  // glyph 3 uses composite glyph 2
    unsigned cmap4_last_end = 0xFFFF;
    std::string kern;  // a 'kern' table when not empty

    std::string head() const {
        std::string s = be32(0x00010000) + be32(0) + be32(0) + be32(0x5F0F3CF5) + be16(0) + be16(upem);
        s += std::string(16, '\0') + be16(0) + be16(0) + be16(1000) + be16(700);  // dates, bbox
        return s + be16(0) + be16(8) + be16(2) + be16(0) + be16(0);  // indexToLocFormat 0 (short)
    }
    std::string hhea() const {
        return be32(0x00010000) + be16(800) + be16(0x10000 - 200) + be16(90) + std::string(24, '\0') +
               be16(hmetrics);
    }
    std::string hmtx() const {
        std::string s;
        for (unsigned i = 0; i < hmetrics; ++i) s += be16(i < advances.size() ? advances[i] : 500) + be16(0);
        for (std::size_t i = hmetrics; i < glyphs.size(); ++i) s += be16(0);
        return s;
    }
    // 'A'..'C' → glyphs 1..3 (format 4); U+1F600 → glyph 1 (format 12).
    std::string cmap() const {
        std::string f4 = be16(4) + be16(32) + be16(0) + be16(4) + be16(4) + be16(1) + be16(0);
        f4 += be16(0x43) + be16(cmap4_last_end) + be16(0) + be16(0x41) + be16(0xFFFF);
        f4 += be16(0x10000 - 0x40) + be16(1) + be16(0) + be16(0);
        std::string f12 =
            be16(12) + be16(0) + be32(28) + be32(0) + be32(1) + be32(0x1F600) + be32(0x1F600) + be32(1);
        return be16(0) + be16(2) + be16(3) + be16(1) + be32(20) + be16(3) + be16(10) + be32(20 + f4.size()) +
               f4 + f12;
    }
    std::string glyf(std::vector<unsigned>& loca) const {
        std::string s;
        for (const Glyph& g : glyphs) {
            loca.push_back(static_cast<unsigned>(s.size()));
            if (g.parts.empty()) {  // one contour of one on-curve point at (0, 0)
                s += be16(1) + be16(0) + be16(0) + be16(100) + be16(700) + be16(0) + be16(0) + '\x01' +
                     be16(0) + be16(0) + '\0';
            } else {
                s += be16(0xFFFF) + be16(0) + be16(0) + be16(100) + be16(700);
                for (std::size_t k = 0; k < g.parts.size(); ++k)
                    s +=
                        be16(0x0002 | (k + 1 < g.parts.size() ? 0x0020 : 0)) + be16(g.parts[k]) + '\0' + '\0';
            }
        }
        loca.push_back(static_cast<unsigned>(s.size()));
        return s;
    }
    std::string bytes() const {
        std::vector<unsigned> offsets;
        std::string glyf_table = glyf(offsets), loca;
        for (unsigned o : offsets) loca += be16(o / 2);
        std::map<std::string, std::string> tables{{"cmap", cmap()},
                                                  {"glyf", glyf_table},
                                                  {"head", head()},
                                                  {"hhea", hhea()},
                                                  {"hmtx", hmtx()},
                                                  {"loca", loca},
                                                  {"maxp", be32(0x00005000) + be16(glyphs.size())}};
        if (!kern.empty()) tables["kern"] = kern;
        std::string dir = be32(0x00010000) + be16(tables.size()) + be16(0) + be16(0) + be16(0), body;
        std::size_t at = 12 + 16 * tables.size();
        for (const auto& [tag, data] : tables) {
            dir += tag + be32(0) + be32(at + body.size()) + be32(data.size());
            body += data + std::string((4 - data.size() % 4) % 4, '\0');
        }
        return dir + body;
    }
    std::shared_ptr<const FontMetrics> load() const { return FontMetrics::from_bytes(bytes(), "tiny.ttf"); }
};

// A 'kern' table (version 0) of one subtable: `coverage`, `pairs` records
// (left, right, value in font units), and nPairs as `claimed` when not -1.
std::string kern_table(std::vector<std::array<int, 3>> pairs, unsigned coverage = 0x0001, long claimed = -1) {
    const unsigned n = claimed < 0 ? static_cast<unsigned>(pairs.size()) : static_cast<unsigned>(claimed);
    std::string sub = be16(n) + be16(0) + be16(0) + be16(0);
    for (const auto& p : pairs) sub += be16(p[0]) + be16(p[1]) + be16(p[2] & 0xFFFF);
    return be16(0) + be16(1) + be16(0) + be16(6 + sub.size()) + be16(coverage) + sub;
}

std::string error_of(const TinyFont& f) {
    try {
        f.load();
    } catch (const FontError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("bundled faces: coverage, advances and vertical metrics", "[font]") {
    for (const char* name : kBundled) {
        INFO(name);
        auto m = FontMetrics::load(bundled(name));
        CHECK(m->units_per_em() == 2048);
        for (char32_t c : {U'A', U'é', U'ï', U'Å', U'’', U'—', U'…', U'“', U'ї'}) CHECK(m->covers(c));
        CHECK(m->glyph(U'\u4E2D') == 0);
        CHECK_FALSE(m->covers(U'\u4E2D'));
        CHECK(m->advance(U'\u4E2D') == m->advance(U'\uFFFF'));  // missing: glyph 0, as libharu measures it
        CHECK(m->ascender() > 600);
        CHECK(m->descender() < -150);
        CHECK(m->x_height() < m->cap_height());
    }
    auto serif = FontMetrics::load(bundled("LiberationSerif-Regular.ttf"));
    CHECK(serif->postscript_name() == "LiberationSerif");
    CHECK(serif->advance(U' ') == 250);  // 512 * 1000 / 2048
    CHECK(serif->advance(U'A') == 722);  // 1479 * 1000 / 2048 = 722.17, truncated
    CHECK(serif->ascender() == Approx(1420 * 1000.0 / 2048));
    CHECK(serif->cap_height() == Approx(1341 * 1000.0 / 2048));
    CHECK(serif->x_height() == Approx(940 * 1000.0 / 2048));
    // advances plus the pairs "A space" and "space A" (both kerned in Liberation Serif)
    CHECK(serif->width("AA A", 10) ==
          Approx((722 * 3 + 250 + serif->kerning('A', 'A') + serif->kerning('A', ' ') + serif->kerning(' ', 'A')) /
                 100.0));
    CHECK(serif->kerning(' ', 'A') < 0);
}

// libharu 2.3.0 marks only one level of composite components when it
// subsets; a nested composite loses parts (LIBRARIES.md). We ship faces
// without any, and this check would catch a replacement that has them.
TEST_CASE("no bundled face has nested composite glyphs", "[font]") {
    for (const char* name : kBundled) {
        INFO(name);
        CHECK_FALSE(FontMetrics::load(bundled(name))->has_nested_composites());
    }
}

TEST_CASE("a tiny font: cmap formats 4 and 12, truncated advances, nested composites", "[font]") {
    TinyFont f;
    auto m = f.load();
    CHECK(m->glyph_count() == 4);
    CHECK(m->glyph(U'A') == 1);
    CHECK(m->glyph(U'C') == 3);
    CHECK(m->glyph(U'D') == 0);
    CHECK(m->glyph(U'\U0001F600') == 1);
    CHECK_FALSE(m->covers(U'\U0001F600'));  // libharu cannot draw above U+FFFF
    CHECK(m->advance(U'A') == 488);         // 1000 * 1000 / 2048 = 488.28
    CHECK(m->advance(U'C') == 488);         // past numberOfHMetrics: the last advance
    CHECK(m->advance(U'D') == 500);         // missing: .notdef's 1024
    CHECK(m->width("AB\xFF"
                   "C",
                   10) == Approx(3 * 4.88));                // the invalid byte adds nothing
    CHECK(m->ascender() == Approx(800 * 1000.0 / 2048));    // no OS/2: hhea
    CHECK(m->cap_height() == Approx(0.7 * m->ascender()));  // no OS/2 and no 'H': 70% of the ascender
    CHECK(m->has_nested_composites());

    f.glyphs[3] = {{1}};
    CHECK_FALSE(f.load()->has_nested_composites());
}

TEST_CASE("malformed fonts: FontError names the file and the problem", "[font]") {
    TinyFont f;
    f.hmetrics = 5;
    CHECK(error_of(f) == "tiny.ttf: numberOfHMetrics 5 does not fit 4 glyphs");
    f = {};
    f.cmap4_last_end = 0xFFFE;
    CHECK(error_of(f) == "tiny.ttf: 'cmap' format 4 does not end at U+FFFF");
    f = {};
    f.glyphs[2].parts = {9};
    CHECK(error_of(f) == "tiny.ttf: composite glyph 2 uses a glyph that does not exist");
    f = {};
    f.upem = 0;
    CHECK(error_of(f) == "tiny.ttf: unitsPerEm 0 is out of range (16..16384)");
    f = {};
    f.advances[1] = 65535, f.upem = 1024;
    CHECK(error_of(f) == "tiny.ttf: glyph 1 is too wide");

    CHECK_THROWS_WITH(FontMetrics::from_bytes("OTTO" + std::string(100, '\0'), "x.otf"),
                      "x.otf: CFF (OpenType/CFF) outlines are not supported; use a TrueType font");
    CHECK_THROWS_WITH(FontMetrics::load("/nonexistent/font.ttf"),
                      "/nonexistent/font.ttf: cannot open the file");
}

TEST_CASE("truncated copies of a bundled face give FontError", "[font]") {
    std::string data = t::read_file(bundled("LiberationSans-Regular.ttf"));
    t::TempDir tmp;
    for (std::size_t len :
         {std::size_t{0}, std::size_t{4}, std::size_t{11}, std::size_t{12}, std::size_t{200},
          std::size_t{4096}, std::size_t{65536}, data.size() / 2, data.size() - 1000}) {
        INFO("truncated at " << len);
        fs::path p = tmp / ("cut-" + std::to_string(len) + ".ttf");
        t::write_file(p, data.substr(0, len));
        CHECK_THROWS_AS(FontMetrics::load(p.string()), FontError);
    }
    CHECK_THROWS_WITH(FontMetrics::from_bytes(data.substr(0, 11), "cut.ttf"),
                      "cut.ttf: not a font file (too short)");
    CHECK_THROWS_WITH(FontMetrics::from_bytes(data.substr(0, 100), "cut.ttf"),
                      Catch::Matchers::StartsWith("cut.ttf: ") &&
                          Catch::Matchers::EndsWith("runs past the end of the file"));
}

// Random damage to the tables libharu and we parse: every outcome must be a
// FontMetrics or a FontError, never a crash or another exception (run the
// suite with -DLERBRIEF_SANITIZE=ON to catch reads out of bounds).
TEST_CASE("damaged font files load or throw FontError", "[font]") {
    const std::string data = t::read_file(bundled("LiberationSerif-Italic.ttf"));
    const std::string tiny = TinyFont{}.bytes();
    std::mt19937 rng(20240611);
    int loaded = 0, refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::string d = round % 2 ? data : tiny;
        std::size_t span = round % 3 == 0 ? d.size() : std::min<std::size_t>(d.size(), 600);
        for (int k = 0; k < 6; ++k) d[rng() % span] = static_cast<char>(rng());
        try {
            auto m = FontMetrics::from_bytes(d, "damaged.ttf");
            m->width("Hello, wörld — “ok”", 12);
            ++loaded;
        } catch (const FontError&) {
            ++refused;
        }
    }
    CHECK(loaded + refused == 300);
    CHECK(refused > 0);
}

// --- kerning (issue 16) -------------------------------------------------------

TEST_CASE("bundled faces: kern pairs make AV, To and We narrower than their advances", "[font][kern]") {
    for (const char* name : kBundled) {
        INFO(name);
        auto m = FontMetrics::load(bundled(name));
        CHECK(m->kern_pair_count() >= 800);
        CHECK(m->kern_pair_count() <= 1000);
        for (const char* pair : {"AV", "To", "We"}) {
            INFO(pair);
            const double advances = (m->advance(pair[0]) + m->advance(pair[1])) * 12 / 1000.0;
            CHECK(m->kerning(pair[0], pair[1]) < 0);
            CHECK(m->width(pair, 12) < advances - 0.1);
            CHECK(m->width(pair, 12) == Approx(advances + m->kerning(pair[0], pair[1]) * 12 / 1000.0));
        }
        CHECK(m->kerning('o', 'n') == 0);  // most pairs are not kerned
        CHECK(m->width("on", 10) == Approx((m->advance('o') + m->advance('n')) / 100.0));
    }
    auto sans = FontMetrics::load(bundled("LiberationSans-Regular.ttf"));
    CHECK(sans->kerning('A', 'V') == -74);  // -152 units of 2048, rounded
    CHECK(sans->kerning('T', 'o') == -111);
}

TEST_CASE("a tiny font: kern pairs read, bad ones dropped, malformed tables ignored", "[font][kern]") {
    TinyFont f;  // 'A' → glyph 1, 'B' → glyph 2, both 488/1000 em
    f.kern = kern_table({{1, 2, -205}, {2, 1, 102}, {1, 99, -500}, {2, 2, 0}});
    auto m = f.load();
    CHECK(m->kern_pair_count() == 2);  // glyph 99 does not exist; a zero pair is no pair
    CHECK(m->kerning('A', 'B') == -100);
    CHECK(m->kerning('B', 'A') == 50);
    CHECK(m->kerning('A', 'A') == 0);
    CHECK(m->width("AB", 10) == Approx((488 + 488 - 100) / 100.0));
    CHECK(m->width("ABA", 10) == Approx((3 * 488 - 100 + 50) / 100.0));

    const std::vector<std::array<int, 3>> one{{1, 2, -205}};
    auto unkerned = [&](const std::string& kern) {
        TinyFont g;
        g.kern = kern;
        auto k = g.load();  // loads: kerning is optional
        return k->kern_pair_count() == 0 && k->width("AB", 10) == Approx(9.76);
    };
    CHECK(unkerned(kern_table(one, 0x0001, 5000)));            // more pairs claimed than the table holds
    CHECK(unkerned(kern_table(one, 0x0001, 0xFFFF)));          // the most a 16-bit count can claim
    CHECK(unkerned(kern_table(one, 0x0201)));                  // format 2 is not read
    CHECK(unkerned(kern_table(one, 0x0003)));                  // a minimum table is not kerning
    CHECK(unkerned(kern_table(one, 0x0005)));                  // nor a cross-stream one
    CHECK(unkerned(kern_table(one).substr(0, 16)));            // cut inside the pair array
    CHECK(unkerned(kern_table(one).substr(0, 3)));             // cut inside the header
    CHECK(unkerned(kern_table({{1, 2, -32000}})));             // a kern of 15 em: hostile, dropped
    CHECK(unkerned(kern_table({{1, 2, 30000}})));              // and one that would wrap in 16 bits
    CHECK(unkerned(be32(0x00010000) + be32(0) + kern_table(one)));  // Apple's version 1 layout
    std::string many_subtables = be16(0) + be16(0xFFFF);
    CHECK(unkerned(many_subtables));  // 65535 subtables announced, none there
}

TEST_CASE("damaged kern tables in a bundled face load, kerned or not", "[font][kern]") {
    const std::string data = t::read_file(bundled("LiberationSans-Bold.ttf"));
    const std::size_t dir = data.find("kern");
    REQUIRE(dir != std::string::npos);
    auto u32 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(data[at])) << 24 |
               static_cast<std::size_t>(static_cast<unsigned char>(data[at + 1])) << 16 |
               static_cast<std::size_t>(static_cast<unsigned char>(data[at + 2])) << 8 |
               static_cast<unsigned char>(data[at + 3]);
    };
    const std::size_t at = u32(dir + 8), len = u32(dir + 12);
    std::mt19937 rng(16);
    for (int round = 0; round < 200; ++round) {
        std::string d = data;
        const std::size_t span = round % 2 ? 20 : len;  // the headers, or anywhere in the table
        for (int k = 0; k < 4; ++k) d[at + rng() % span] = static_cast<char>(rng());
        auto m = FontMetrics::from_bytes(d, "damaged.ttf");  // never throws for 'kern'
        CHECK(m->kern_pair_count() <= lerbrief::layout::kMaxKernPairs);
        m->width("AVATAR Today, We", 12);
    }
}
