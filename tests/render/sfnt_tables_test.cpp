// The embedded font file keeps only the tables a viewer reads for a
// CIDFontType2 font (sfnt_tables.h), with a valid table directory, and the
// PDF writer embeds it so (font_trim.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "render/pdf_writer.h"
#include "render/render_error.h"
#include "render/sample_document.h"
#include "render/sfnt_tables.h"

namespace {

namespace t = lerbrief::test;
using lerbrief::render::lean_sfnt;
using lerbrief::render::RenderError;

std::uint32_t be32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(s.at(at + i));
    return v;
}
std::uint16_t be16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s.at(at)) << 8 | static_cast<unsigned char>(s.at(at + 1)));
}
void set32(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s.at(at + i) = static_cast<char>(v >> (24 - 8 * i) & 0xFF);
}
std::uint32_t sum32(const std::string& s) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < s.size(); i += 4) {
        std::uint32_t w = 0;
        for (std::size_t k = 0; k < 4; ++k) w = w << 8 | (i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u);
        sum += w;
    }
    return sum;
}

struct Entry {
    std::uint32_t checksum, offset, length;
};
// tag → directory entry.
std::map<std::string, Entry> directory(const std::string& font) {
    std::map<std::string, Entry> out;
    for (std::size_t i = 0, n = be16(font, 4); i < n; ++i) {
        std::size_t at = 12 + 16 * i;
        out[font.substr(at, 4)] = {be32(font, at + 4), be32(font, at + 8), be32(font, at + 12)};
    }
    return out;
}
std::vector<std::string> tags_in_order(const std::string& font) {
    std::vector<std::string> out;
    for (std::size_t i = 0, n = be16(font, 4); i < n; ++i) out.push_back(font.substr(12 + 16 * i, 4));
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string serif_regular() { return read_file(t::bundled_fonts().at(0).path); }

// The directory entry of `tag` in `font` at which its record starts.
std::size_t record_of(const std::string& font, const std::string& tag) {
    for (std::size_t i = 0, n = be16(font, 4); i < n; ++i)
        if (font.compare(12 + 16 * i, 4, tag) == 0) return 12 + 16 * i;
    FAIL("no table " << tag);
    return 0;
}

}  // namespace

TEST_CASE("a lean font file keeps glyf, loca, head, hhea, hmtx, maxp, cvt, fpgm and prep, as they were",
          "[render][font][sfnt]") {
    const std::string full = serif_regular();
    REQUIRE(full.size() > 100000);
    const std::string lean = lean_sfnt(full);
    CHECK(lean.size() < full.size());
    CHECK(tags_in_order(lean) ==
          std::vector<std::string>{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"});
    CHECK(be32(lean, 0) == 0x00010000);
    CHECK(be16(lean, 6) == 128);  // searchRange: 16 × 8
    CHECK(be16(lean, 8) == 3);    // entrySelector
    CHECK(be16(lean, 10) == 16);  // rangeShift: 9 × 16 − 128

    const auto before = directory(full), after = directory(lean);
    for (const auto& [tag, e] : after) {
        INFO(tag);
        CHECK(e.offset % 4 == 0);
        CHECK(e.offset + e.length <= lean.size());
        std::string table = lean.substr(e.offset, e.length);
        std::string original = full.substr(before.at(tag).offset, before.at(tag).length);
        if (tag == "head") {  // checksummed with checkSumAdjustment as zero
            set32(table, 8, 0);
            set32(original, 8, 0);
        }
        CHECK(table == original);
        CHECK(sum32(table) == e.checksum);
    }
    CHECK(lean.size() % 4 == 0);
    CHECK(sum32(lean) == 0xB1B0AFBA);  // head.checkSumAdjustment makes the whole file sum so
}

TEST_CASE("a lean font file is lean already", "[render][font][sfnt]") {
    const std::string lean = lean_sfnt(serif_regular());
    CHECK(lean_sfnt(lean) == lean);
}

TEST_CASE("a font file that is not as expected is refused, never trimmed into a broken one",
          "[render][font][sfnt]") {
    const std::string full = serif_regular();
    auto refused = [](const std::string& font, const std::string& words) {
        INFO(words);
        CHECK_THROWS_WITH(lean_sfnt(font), Catch::Contains(words));
    };
    refused("", "shorter than its header");
    refused(full.substr(0, 40), "table directory is truncated");
    refused("OTTO" + full.substr(4), "is not TrueType");

    std::string out_of_bounds = full;
    set32(out_of_bounds, record_of(full, "glyf") + 12, static_cast<std::uint32_t>(full.size()));
    refused(out_of_bounds, "'glyf' lies outside the file");

    std::string offset_past_end = full;
    set32(offset_past_end, record_of(full, "hmtx") + 8, 0xFFFFFFF0u);
    refused(offset_past_end, "'hmtx' lies outside the file");

    std::string no_loca = full;
    no_loca.replace(record_of(full, "loca"), 4, "locb");
    refused(no_loca, "no 'loca' table");

    std::string twice = full;
    twice.replace(record_of(full, "post"), 4, "maxp");
    refused(twice, "'maxp' is listed twice");

    // maxp says there are more glyphs than loca indexes.
    std::string more_glyphs = full;
    std::size_t maxp = be32(full, record_of(full, "maxp") + 8);
    more_glyphs[maxp + 4] = static_cast<char>(0xFF), more_glyphs[maxp + 5] = static_cast<char>(0xFF);
    refused(more_glyphs, "'loca' is shorter");

    // A loca entry pointing past the end of glyf.
    std::string wild = full;
    std::size_t loca = be32(full, record_of(full, "loca") + 8);
    std::size_t short_format = be16(full, be32(full, record_of(full, "head") + 8) + 50) == 0;
    if (short_format)
        wild[loca + 2] = wild[loca + 3] = static_cast<char>(0xFF);
    else
        set32(wild, loca + 4, 0xFFFFFF00u);
    refused(wild, "'loca' points outside 'glyf'");

    std::string bad_magic = full;
    set32(bad_magic, be32(full, record_of(full, "head") + 8) + 12, 0);
    refused(bad_magic, "wrong magic number");
}

TEST_CASE("every font the PDF embeds holds only the tables a viewer reads", "[render][font][sfnt]") {
    t::TempDir tmp;
    std::string qdf = t::qdf_text(t::write_pdf(tmp, "s.pdf", lerbrief::render::render_pdf(t::sample_document())));
    int fonts = 0;
    for (auto at = qdf.find("/Length1 "); at != std::string::npos; at = qdf.find("/Length1 ", at + 1)) {
        const std::size_t length1 = std::stoul(qdf.substr(at + 9, 12));
        const std::size_t data = qdf.find("stream\n", at) + 7;
        REQUIRE(data + length1 <= qdf.size());
        const std::string font = qdf.substr(data, length1);
        CHECK(tags_in_order(font) ==
              std::vector<std::string>{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"});
        CHECK(sum32(font) == 0xB1B0AFBA);
        CHECK(lean_sfnt(font) == font);  // a valid directory: it reads back as it is
        ++fonts;
    }
    CHECK(fonts == 6);  // one per bundled face the sample draws
}
