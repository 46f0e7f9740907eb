// FontMetrics (our TrueType reader) against libharu's own measurements: the
// widths layout computes must be the widths the PDF gets (libharu's advances
// plus the kerning render/glyph_run writes between them).
#include <hpdf.h>

#include <catch2/catch.hpp>

#include "layout/font.h"
#include "model/utf8.h"
#include "render/hpdf_handle.h"
#include "render/sample_document.h"

namespace {

namespace t = lerbrief::test;
using lerbrief::layout::FontMetrics;
using lerbrief::render::HpdfDoc;

const std::string kMixed =
    "The quick brown fox’s “résumé” — naïve Åsa… coöperation, 50 % off; ‘quoted’ – «guillemets» "
    "Straße Ørsted œuvre façade ñandú über Ελλάδα Київ ї є Ω π ±×÷ €£¥ © ® ™ † ‡ • ‰ fi fl ";

HPDF_Font libharu_font(HpdfDoc& doc, const std::string& path) {
    doc.check("HPDF_UseUTFEncodings", HPDF_UseUTFEncodings(doc.get()));
    const char* name = doc.need(HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE), "load");
    return doc.need(HPDF_GetFont(doc.get(), name, "UTF-8"), "HPDF_GetFont");
}

HPDF_UINT libharu_width(HPDF_Font font, const std::string& s) {
    return HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                               static_cast<HPDF_UINT>(s.size()))
        .width;
}

}  // namespace

TEST_CASE("FontMetrics widths equal HPDF_Font_TextWidth for a long mixed string", "[render][font]") {
    std::string text;
    for (char c = 0x20; c < 0x7F; ++c) text += c;
    for (int i = 0; i < 4; ++i) text += kMixed;
    for (const auto& spec : t::bundled_fonts()) {
        INFO(spec.path);
        HpdfDoc doc;
        HPDF_Font font = libharu_font(doc, spec.path);
        auto m = FontMetrics::load(spec.path);
        HPDF_UINT expected = libharu_width(font, text);
        doc.check("HPDF_Font_TextWidth");
        CHECK(expected > 100000);
        long kern = 0;  // what the TJ adjustments add to libharu's advances
        char32_t prev = 0;
        for (std::size_t pos = 0; pos < text.size();) {
            const char32_t c = lerbrief::utf8::next(text, pos);
            if (prev) kern += m->kerning(prev, c);
            prev = c;
        }
        CHECK(kern < -100);  // the mixed text has kerned pairs
        CHECK(m->width(text, 1000) == static_cast<double>(static_cast<long>(expected) + kern));
        CHECK(m->width(text, 11) == Approx((static_cast<long>(expected) + kern) * 11 / 1000.0));
    }
}

// Every character a face covers, one by one: catches a rounding or cmap
// difference that a sample string could miss.
TEST_CASE("FontMetrics advances equal libharu's for every covered BMP character", "[render][font]") {
    for (const auto& spec : t::bundled_fonts()) {
        INFO(spec.path);
        HpdfDoc doc;
        HPDF_Font font = libharu_font(doc, spec.path);
        auto m = FontMetrics::load(spec.path);
        int covered = 0, differ = 0;
        for (char32_t c = 0x20; c <= 0xFFFF; ++c) {
            if (!m->covers(c) || (c >= 0xD800 && c <= 0xDFFF)) continue;
            ++covered;
            std::string s;
            lerbrief::utf8::append(s, c);
            if (m->advance(c) != libharu_width(font, s)) ++differ;
        }
        doc.check("HPDF_Font_TextWidth");
        CHECK(covered > 2000);
        CHECK(differ == 0);
    }
}
