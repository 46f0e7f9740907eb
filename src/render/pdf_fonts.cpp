#include "render/pdf_fonts.h"

#include <fmt/format.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include <cstring>
#include <filesystem>

#include "layout/font.h"
#include "model/utf8.h"
#include "render/font_trim.h"
#include "render/render_error.h"
#include "render/text_codes.h"
#include "render/tounicode.h"

namespace lerbrief::render {

namespace {

// libharu names a bold or italic face "HPDFAB+LiberationSerif-Bold,Bold": the
// ",Style" suffix is the convention for TrueType fonts that are *not*
// embedded. Ours are embedded, so the PDF's BaseFont and FontName (written
// from this field when the document is saved) keep the plain PostScript name.
void drop_style_suffix(HPDF_Font font) {
    auto fontdef = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
    char* name = static_cast<HPDF_TTFontDefAttr>(fontdef->attr)->base_font;
    if (char* comma = std::strchr(name, ',')) *comma = '\0';
}

}  // namespace

PdfFonts::PdfFonts(HpdfDoc& doc, const std::vector<layout::FontSpec>& specs)
    : doc_(doc), specs_(specs), slot_(specs.size(), -1) {}

PdfFonts::Loaded& PdfFonts::load(layout::FontId id, std::string_view where) {
    if (id < 0 || static_cast<std::size_t>(id) >= specs_.size())
        throw RenderError(fmt::format("pdf: {}: font {} is not in the document's font list", where, id));
    if (slot_[id] >= 0) return loaded_[slot_[id]];
    const std::string& path = specs_[id].path;
    for (std::size_t i = 0; i < loaded_.size(); ++i)
        if (loaded_[i].path == path) return loaded_[slot_[id] = static_cast<int>(i)];

    // Our bounds-checked parse is the gate: libharu only sees files it passed.
    std::shared_ptr<const layout::FontMetrics> metrics;
    try {
        metrics = layout::FontMetrics::load(path);
    } catch (const layout::FontError& e) {
        throw RenderError(std::string("pdf: ") + e.what());
    }
    std::string name = std::filesystem::path(path).filename().string();
    if (metrics->has_nested_composites())
        throw RenderError(
            fmt::format("pdf: {}: the font has composite glyphs built from other composite "
                        "glyphs, which libharu 2.3.0 subsets incompletely; use a font "
                        "without them (the bundled Liberation faces)",
                        path));
    HPDF_Doc pdf = doc_.get();
    const char* font_name =
        doc_.need(HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE), "loading font " + path);
    HPDF_Font font = doc_.need(HPDF_GetFont(pdf, font_name, "UTF-8"), "HPDF_GetFont " + name);
    drop_style_suffix(font);
    loaded_.push_back({path, name, font, {}});
    slot_[id] = static_cast<int>(loaded_.size() - 1);
    return loaded_.back();
}

HPDF_Font PdfFonts::prepare(layout::FontId id, std::string_view text, std::string_view where) {
    Loaded& f = load(id, where);
    auto fontdef = static_cast<HPDF_FontAttr>(f.font->attr)->fontdef;
    for (char32_t c : pdf_code_points(text, where)) {
        if (f.used.count(c)) continue;
        if (HPDF_TTFontDef_GetGlyphid(fontdef, static_cast<HPDF_UINT16>(c)) == 0)
            throw RenderError(fmt::format("pdf: {}: text uses {}, which {} does not have", where,
                                          utf8::code_point_name(c), f.name));
        f.used.insert(c);
    }
    doc_.check("looking up glyphs in " + f.name);
    return f.font;
}

void PdfFonts::finish() {
    for (const Loaded& f : loaded_) {
        install_tounicode(doc_, f.font, tounicode_cmap(f.used));
        trim_font_tables(doc_, f.font, f.used);
    }
}

}  // namespace lerbrief::render
