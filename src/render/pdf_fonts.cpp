#include "render/pdf_fonts.h"

#include <fmt/format.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <filesystem>
#include <vector>

#include "layout/font.h"
#include "layout/fontset.h"
#include "model/utf8.h"
#include "render/font_stream.h"
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

// HPDF_GetFont with the UTF-8 encoder builds the CIDFont's /W array and
// CIDToGIDMap over all 65,536 codes, with a linear cmap search for each
// (Debian's 2.3.0 takes that path whenever the encoder's to_unicode_fn is
// not libharu's own CMap one): ~48 million instructions per face per
// document. font_trim.h rewrites both tables from the codes actually drawn,
// so what libharu builds here is thrown away. While the font is created the
// encoder therefore looks like a plain CMap encoder mapping only the space
// (libharu needs one code): its attributes are, for that call, a stand-in
// whose two code maps hold the space alone and whose other fields are the
// encoder's own (its ranges, registry and ordering, which the font's CMap is
// written from). Nothing else reads these tables: widths come from the font
// definition, and glyphs are marked for subsetting as text is drawn and
// again, every code, when the tables are rewritten (font_trim.h). Output is
// byte-identical.
HPDF_Font get_font(HpdfDoc& doc, const char* font_name, const std::string& name) {
    HPDF_Doc pdf = doc.get();
    HPDF_Encoder encoder = doc.need(HPDF_GetEncoder(pdf, "UTF-8"), "HPDF_GetEncoder UTF-8");
    auto attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
    // the stand-in, made once a thread (256 KB): its maps are never written after
    thread_local const std::unique_ptr<HPDF_CMapEncoderAttr_Rec> space_only = [] {
        auto a = std::make_unique<HPDF_CMapEncoderAttr_Rec>();  // zeroed
        a->cid_map[0][0x20] = 0x20;
        a->unicode_map[0][0x20] = 0x20;
        return a;
    }();
    // every field after the two maps is the encoder's own
    constexpr std::size_t kMaps = offsetof(HPDF_CMapEncoderAttr_Rec, jww_line_head);
    static_assert(kMaps == sizeof(attr->unicode_map) + sizeof(attr->cid_map));
    std::memcpy(reinterpret_cast<char*>(space_only.get()) + kMaps, reinterpret_cast<const char*>(attr) + kMaps,
                sizeof(HPDF_CMapEncoderAttr_Rec) - kMaps);
    const HPDF_Encoder_ToUnicode_Func to_unicode = encoder->to_unicode_fn;
    encoder->attr = space_only.get();
    encoder->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
    HPDF_Font font = HPDF_GetFont(pdf, font_name, "UTF-8");
    encoder->to_unicode_fn = to_unicode;
    encoder->attr = attr;
    return doc.need(font, "HPDF_GetFont " + name);
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
        metrics = layout::cached_metrics(path);  // parsed once per process
    } catch (const layout::FontError& e) {
        throw RenderError(std::string("pdf: ") + e.what());
    }
    std::string name = std::filesystem::path(path).filename().string();
    const char* font_name = doc_.need(load_font_bytes(doc_, metrics->file()), "loading font " + path);
    HPDF_Font font = get_font(doc_, font_name, name);
    drop_style_suffix(font);
    loaded_.push_back({path, name, font, {}, metrics});
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

const layout::FontMetrics& PdfFonts::metrics(layout::FontId id, std::string_view where) {
    return *load(id, where).metrics;
}

void PdfFonts::finish() {
    for (const Loaded& f : loaded_) {
        install_tounicode(doc_, f.font, tounicode_cmap(f.used));
        trim_font_tables(doc_, f.font, f.used);
        embed_lean_font_file(f.font);
    }
}

}  // namespace lerbrief::render
