// libharu 2.3.0 subsets a composite glyph with only its direct components,
// so a composite built from another composite loses parts unless those were
// used before (LIBRARIES.md). Draw accented letters once alone and once after
// their base parts (off the page, so the page looks the same) and compare the
// rasterised pages: with the bundled faces they must be identical.
#include <hpdf.h>

#include <catch2/catch.hpp>

#include "layout/font.h"
#include "render/hpdf_handle.h"
#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace {

namespace t = lerbrief::test;
using namespace lerbrief::layout;

const std::string kAccented = "ï ї Å ǻ Ǻ é ḯ ǖ ṏ ự";
const std::string kParts = "i ı ¨ ´ ` ˚ A a å ̈ ́ ̊ e u ü o õ ư ̣ ̃ ̄";

Document accented_page(bool parts_first) {
    Document d;
    d.fonts = t::bundled_fonts();
    Page p;
    p.frame.width = 300, p.frame.height = 260;
    for (FontId f = 0; f < static_cast<FontId>(d.fonts.size()); ++f) {
        if (parts_first) p.frame.items.push_back(t::text_at(-2000, 40 + 40.0 * f, f, kParts, 28));
        p.frame.items.push_back(t::text_at(10, 40 + 40.0 * f, f, kAccented, 28));
    }
    d.pages.push_back(p);
    return d;
}

// The same page drawn straight through libharu, with libharu's own subsetting.
std::string libharu_page(const std::string& font_path, bool parts_first) {
    lerbrief::render::HpdfDoc doc;
    HPDF_Doc pdf = doc.get();
    doc.check("HPDF_UseUTFEncodings", HPDF_UseUTFEncodings(pdf));
    const char* name = doc.need(HPDF_LoadTTFontFromFile(pdf, font_path.c_str(), HPDF_TRUE), "load");
    HPDF_Font font = doc.need(HPDF_GetFont(pdf, name, "UTF-8"), "HPDF_GetFont");
    HPDF_Page page = doc.need(HPDF_AddPage(pdf), "HPDF_AddPage");
    HPDF_Page_SetWidth(page, 300);
    HPDF_Page_SetHeight(page, 80);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 28);
    if (parts_first) HPDF_Page_TextOut(page, -2000, 30, "u ü ¨ ¯ ̈ ̄ І Е Ë ï i");
    HPDF_Page_TextOut(page, 10, 30, "ǖ Ї Ё");
    HPDF_Page_EndText(page);
    doc.check("drawing", HPDF_SaveToStream(pdf));
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    return out;
}

std::string raster(const t::TempDir& tmp, const std::string& name, const std::string& pdf) {
    auto path = t::write_pdf(tmp, name + ".pdf", pdf);
    auto r = t::run_program({"pdftoppm", "-r", "150", "-gray", path.string(), (tmp / name).string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return t::read_file(tmp / (name + "-1.pgm"));
}

}  // namespace

TEST_CASE("accented letters look the same whatever was drawn before them", "[render][font]") {
    t::TempDir tmp;
    std::string alone = raster(tmp, "alone", lerbrief::render::render_pdf(accented_page(false)));
    std::string after = raster(tmp, "after", lerbrief::render::render_pdf(accented_page(true)));
    REQUIRE(alone.size() > 1000);
    CHECK(alone.size() == after.size());
    std::size_t dark = std::count_if(alone.begin() + 20, alone.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 128; });
    CHECK(dark > 5000);  // the text is there
    CHECK(alone == after);
}

// The check above can fail: on a face with nested composites (DejaVu Serif
// has 470 such characters, e.g. ǖ Ї Ё) libharu's own subsetting drops the
// inner parts unless they were drawn before, and the rasters differ. Our
// writer embeds its own subset (render/sfnt_tables.h), every part included:
// the same face through it draws the same page either way.
TEST_CASE("nested composite glyphs: libharu's own subset loses their parts, lerbrief's keeps them (DejaVu Serif)",
          "[render][font]") {
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    if (!t::fs::exists(dejavu)) {
        WARN("skipped: " << dejavu << " is not installed");
        return;
    }
    CHECK(FontMetrics::load(dejavu)->has_nested_composites());
    t::TempDir tmp;
    CHECK(raster(tmp, "alone", libharu_page(dejavu, false)) !=
          raster(tmp, "after", libharu_page(dejavu, true)));

    auto with_dejavu = [&](bool parts_first) {
        Document d = accented_page(parts_first);
        for (auto& f : d.fonts) f.path = dejavu;
        return lerbrief::render::render_pdf(d);
    };
    const std::string alone = raster(tmp, "ours-alone", with_dejavu(false));
    const std::string after = raster(tmp, "ours-after", with_dejavu(true));
    std::size_t dark = std::count_if(alone.begin() + 20, alone.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 128; });
    CHECK(dark > 5000);  // the text is there
    CHECK(alone == after);
}
