// Budget: a one-page PDF stays small. libharu subsets outlines only, and
// writes widths and a CIDToGIDMap for the whole font, so a face cost about
// 41 KB; with those trimmed (font_trim.h) about 28 KB; with only the tables a
// viewer reads embedded (sfnt_tables.h) 15-16 KB. A regression in
// subsetting, trimming or stream compression shows up here. Run with -s to
// see the sizes.
#include <catch2/catch.hpp>

#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using namespace lerbrief::layout;

TEST_CASE("a one-page PDF with one face stays under 20 KB", "[render][size]") {
    const std::string line = "Learning and Employment Records — “verifiable”, café, naïve… ";
    auto fonts = t::bundled_fonts();
    for (FontId f = 0; f < static_cast<FontId>(fonts.size()); ++f) {
        Document d;
        d.fonts = fonts;
        Page p;
        p.frame.width = 612, p.frame.height = 792;
        for (int i = 0; i < 40; ++i) p.frame.items.push_back(t::text_at(72, 72 + 15.0 * i, f, line, 11));
        d.pages.push_back(p);
        std::size_t size = lerbrief::render::render_pdf(d).size();
        INFO(fonts[f].path.substr(fonts[f].path.rfind('/') + 1) << ": " << size << " bytes");
        CHECK(size < 20 * 1024);
    }
}
