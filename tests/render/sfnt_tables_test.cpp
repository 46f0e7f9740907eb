// The embedded font file holds the glyphs drawn, renumbered, and only the
// tables a viewer reads for a CIDFontType2 font (sfnt_tables.h), with a
// valid table directory, and the PDF writer embeds it so (font_trim.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <hpdf.h>
#include <hpdf_font.h>

#include "layout/font.h"
#include "render/font_stream.h"
#include "render/font_trim.h"
#include "render/hpdf_handle.h"
#include "render/pdf_writer.h"
#include "render/render_error.h"
#include "render/sample_document.h"
#include "render/sfnt_tables.h"

namespace {

namespace t = lerbrief::test;
using lerbrief::render::subset_sfnt;
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

// A table's bytes.
std::string table(const std::string& font, const std::string& tag) {
    const Entry e = directory(font).at(tag);
    return font.substr(e.offset, e.length);
}

// Glyph `g`'s bytes in `font` (either loca format).
std::string glyph_data(const std::string& font, std::size_t g) {
    const std::string head = table(font, "head"), loca = table(font, "loca"), glyf = table(font, "glyf");
    const bool long_loca = be16(head, 50) == 1;
    auto at = [&](std::size_t i) { return long_loca ? std::size_t{be32(loca, 4 * i)} : std::size_t{be16(loca, 2 * i)} * 2; };
    return glyf.substr(at(g), at(g + 1) - at(g));
}

std::uint16_t h_advance(const std::string& font, std::size_t g) {
    const std::size_t metrics = be16(table(font, "hhea"), 34);
    return be16(table(font, "hmtx"), 4 * std::min(g, metrics - 1));
}

// A glyph's bytes without the padding a subset adds after it.
std::string unpadded(const std::string& data, std::size_t size) { return data.substr(0, size); }

std::vector<std::uint16_t> identity(std::size_t n) {
    std::vector<std::uint16_t> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint16_t>(i);
    return out;
}

}  // namespace

TEST_CASE("an embedded font holds the glyphs given, renumbered, and glyf, loca, head, hhea, hmtx, maxp, cvt, fpgm, prep",
          "[render][font][sfnt]") {
    const std::string full = serif_regular();
    REQUIRE(full.size() > 100000);
    const auto metrics = lerbrief::layout::FontMetrics::from_bytes(full, "serif");
    const std::uint16_t A = metrics->glyph(U'A'), b = metrics->glyph(U'b'), e_acute = metrics->glyph(U'\u00E9');
    REQUIRE(A != 0);
    REQUIRE(b > A);
    const std::size_t total = be16(table(full, "maxp"), 4);
    REQUIRE(total > 2000);
    // é is built from other glyphs in the Liberation faces
    const std::string composite = glyph_data(full, e_acute);
    REQUIRE(static_cast<std::int16_t>(be16(composite, 0)) < 0);

    const std::string sub = subset_sfnt(full, {0, A, b, e_acute});
    CHECK(sub.size() < full.size() / 10);
    CHECK(tags_in_order(sub) ==
          std::vector<std::string>{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"});
    CHECK(be32(sub, 0) == 0x00010000);
    CHECK(be16(sub, 6) == 128);  // searchRange: 16 × 8
    CHECK(be16(sub, 8) == 3);    // entrySelector
    CHECK(be16(sub, 10) == 16);  // rangeShift: 9 × 16 − 128
    for (const auto& [tag, e] : directory(sub)) {
        INFO(tag);
        CHECK(e.offset % 4 == 0);
        CHECK(e.offset + e.length <= sub.size());
        std::string t = sub.substr(e.offset, e.length);
        if (tag == "head") set32(t, 8, 0);  // checksummed with checkSumAdjustment as zero
        CHECK(sum32(t) == e.checksum);
    }
    CHECK(sub.size() % 4 == 0);
    CHECK(sum32(sub) == 0xB1B0AFBA);  // head.checkSumAdjustment makes the whole file sum so
    for (const char* tag : {"cvt ", "fpgm", "prep"}) CHECK(table(sub, tag) == table(full, tag));  // the hinting program

    // the four glyphs given, then the parts of é (base letter, accent)
    const std::size_t n = be16(table(sub, "maxp"), 4);
    CHECK(n == 6);
    CHECK(be16(table(sub, "hhea"), 34) == n);  // a metric for each glyph
    CHECK(be16(table(sub, "head"), 50) == 1);  // long loca offsets
    CHECK(table(sub, "loca").size() == 4 * (n + 1));
    const std::vector<std::uint16_t> given = {0, A, b};
    for (std::size_t i = 0; i < given.size(); ++i) {
        INFO("glyph " << i);
        const std::string was = glyph_data(full, given[i]);
        CHECK(unpadded(glyph_data(sub, i), was.size()) == was);
        CHECK(h_advance(sub, i) == h_advance(full, given[i]));
    }
    // é's components now name glyphs 4 and 5, which hold the parts it named
    const std::string now = glyph_data(sub, 3);
    REQUIRE(now.size() >= composite.size());
    std::size_t at = 10;
    for (std::size_t part = 0; part < 2; ++part) {
        const std::uint16_t flags = be16(composite, at), old_part = be16(composite, at + 2);
        CHECK(be16(now, at + 2) == 4 + part);
        const std::string was = glyph_data(full, old_part);
        CHECK(unpadded(glyph_data(sub, 4 + part), was.size()) == was);
        CHECK(h_advance(sub, 4 + part) == h_advance(full, old_part));
        at += 4 + ((flags & 1) ? 4 : 2) + ((flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);
        if (!(flags & 0x20)) break;
    }
    CHECK(h_advance(sub, 3) == h_advance(full, e_acute));
}

TEST_CASE("an embedded font file is a subset already: all its glyphs in order give it back", "[render][font][sfnt]") {
    const std::string full = serif_regular();
    const auto metrics = lerbrief::layout::FontMetrics::from_bytes(full, "serif");
    const std::string sub = subset_sfnt(full, {0, metrics->glyph(U'x'), metrics->glyph(U'\u00C5')});
    CHECK(subset_sfnt(sub, identity(be16(table(sub, "maxp"), 4))) == sub);
}

TEST_CASE("the glyphs to embed must start with glyph 0 and be in the font, each once", "[render][font][sfnt]") {
    const std::string full = serif_regular();
    const std::size_t total = be16(table(full, "maxp"), 4);
    CHECK_THROWS_WITH(subset_sfnt(full, {}), Catch::Contains("do not start with glyph 0"));
    CHECK_THROWS_WITH(subset_sfnt(full, {5, 0}), Catch::Contains("do not start with glyph 0"));
    CHECK_THROWS_WITH(subset_sfnt(full, {0, static_cast<std::uint16_t>(total)}),
                      Catch::Contains("is not in the font"));
    CHECK_THROWS_WITH(subset_sfnt(full, {0, 7, 7}), Catch::Contains("glyph 7 is listed twice"));
}

TEST_CASE("a font file that is not as expected is refused, never trimmed into a broken one",
          "[render][font][sfnt]") {
    const std::string full = serif_regular();
    auto refused = [](const std::string& font, const std::string& words) {
        INFO(words);
        CHECK_THROWS_WITH(subset_sfnt(font, {0}), Catch::Contains(words));
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

TEST_CASE("every font the PDF embeds holds only the glyphs drawn and the tables a viewer reads", "[render][font][sfnt]") {
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
        const std::size_t glyphs = be16(table(font, "maxp"), 4);
        CHECK(glyphs > 1);
        CHECK(glyphs < 200);  // a short sample draws a few dozen of the face's ~2,600
        CHECK(subset_sfnt(font, identity(glyphs)) == font);  // a valid directory and subset: it reads back as it is
        ++fonts;
    }
    CHECK(fonts == 6);  // one per bundled face the sample draws
}

namespace {

// A one-page document drawing "b" in the serif face through libharu, its
// font tables trimmed and its file to be embedded by lerbrief; `after`, when
// set, is a character whose glyph is marked drawn once that is done.
bool saves(char32_t after) {
    lerbrief::render::HpdfDoc doc;
    HPDF_Doc pdf = doc.get();
    doc.check("HPDF_UseUTFEncodings", HPDF_UseUTFEncodings(pdf));
    const char* name = doc.need(
        lerbrief::render::load_font_bytes(doc, lerbrief::layout::FontMetrics::load(t::bundled_fonts().at(0).path)->file()),
        "load");
    HPDF_Font font = doc.need(HPDF_GetFont(pdf, name, "UTF-8"), "HPDF_GetFont");
    HPDF_Page page = doc.need(HPDF_AddPage(pdf), "HPDF_AddPage");
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    HPDF_Page_TextOut(page, 72, 700, "b");
    HPDF_Page_EndText(page);
    lerbrief::render::trim_font_tables(doc, font, {U'b'});
    lerbrief::render::embed_lean_font_file(font);
    if (after) HPDF_TTFontDef_GetCharWidth(static_cast<HPDF_FontAttr>(font->attr)->fontdef, static_cast<HPDF_UINT16>(after));
    const bool ok = HPDF_SaveToStream(pdf) == HPDF_OK;
    HPDF_ResetError(pdf);
    return ok;
}

}  // namespace

TEST_CASE("a glyph marked drawn after the font's CIDToGIDMap was written fails the save, never shows other glyphs",
          "[render][font][sfnt]") {
    CHECK(saves(0));
    // 'A' is numbered before 'b' in the font: it would take b's place in the file
    CHECK_FALSE(saves(U'A'));
}
