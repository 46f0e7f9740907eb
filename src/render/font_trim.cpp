#include "render/font_trim.h"

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "render/flate.h"
#include "render/font_stream.h"
#include "render/kept_deflate.h"
#include "render/render_error.h"
#include "render/sfnt_tables.h"

namespace lerbrief::render {

namespace {

// [c [w w …] c' [w …] …]: runs of consecutive codes, leaving out codes whose
// width is the default /DW, as libharu does.
HPDF_STATUS write_widths(HpdfDoc& doc, HPDF_Dict cidfont, HPDF_FontDef def, const std::set<char32_t>& used) {
    HPDF_Array w = doc.need(HPDF_Array_New(cidfont->mmgr), "HPDF_Array_New");
    HPDF_Array run = nullptr;
    char32_t last = 0;
    HPDF_STATUS st = HPDF_OK;
    for (char32_t c : used) {
        auto gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
        HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(def, gid);
        if (width == def->missing_width) {
            run = nullptr;
            continue;
        }
        if (!run || c != last + 1) {
            run = HPDF_Array_New(cidfont->mmgr);
            if (st == HPDF_OK) st = HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(c));
            if (st == HPDF_OK) st = HPDF_Array_Add(w, run);
        }
        if (st == HPDF_OK) st = HPDF_Array_AddNumber(run, width);
        last = c;
    }
    HPDF_Dict_RemoveElement(cidfont, "W");
    return st == HPDF_OK ? HPDF_Dict_Add(cidfont, "W", w) : st;
}

// The glyphs the file embeds, in their new order (subset_sfnt): glyph 0, then
// every glyph libharu marked drawn, by their number in the font.
// HPDF_TTFontDef_GetCharWidth marks a glyph (and the parts of a composite
// glyph); trim_font_tables marks every code drawn first, so the map written
// then and the file written when saving agree.
std::vector<std::uint16_t> embedded_glyphs(HPDF_FontDef def) {
    auto attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    std::vector<std::uint16_t> out{0};
    for (std::uint32_t g = 1; g < attr->num_glyphs; ++g)
        if (attr->glyph_tbl.flgs[g]) out.push_back(static_cast<std::uint16_t>(g));
    return out;
}

// Two bytes (big-endian glyph id in the embedded file) per code, up to the
// highest code drawn.
HPDF_STATUS write_cid_to_gid(HPDF_Dict map, HPDF_FontDef def, const std::set<char32_t>& used) {
    const std::vector<std::uint16_t> glyphs = embedded_glyphs(def);
    std::vector<HPDF_BYTE> bytes(used.empty() ? 0 : 2 * (static_cast<std::size_t>(*used.rbegin()) + 1));
    for (char32_t c : used) {
        const auto gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
        const auto it = std::lower_bound(glyphs.begin(), glyphs.end(), gid);
        if (it == glyphs.end() || *it != gid) return HPDF_INVALID_FONTDEF_DATA;
        const auto renumbered = static_cast<std::uint16_t>(it - glyphs.begin());
        bytes[2 * c] = static_cast<HPDF_BYTE>(renumbered >> 8);
        bytes[2 * c + 1] = static_cast<HPDF_BYTE>(renumbered & 0xFF);
    }
    HPDF_Stream fresh = HPDF_MemStream_New(map->mmgr, HPDF_STREAM_BUF_SIZ);
    if (!fresh) return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS st = HPDF_Stream_Write(fresh, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
    if (st != HPDF_OK) {
        HPDF_Stream_Free(fresh);
        return st;
    }
    HPDF_Stream_Free(map->stream);
    map->stream = fresh;
    return HPDF_OK;
}

// libharu's own before-write function of a Type0 font (the same static
// function for every font of every document).
std::atomic<HPDF_Dict_BeforeWriteFunc> libharu_before_write{nullptr};

// The CIDToGIDMap trim_font_tables wrote maps each code drawn to its glyph's
// place in `glyphs`: a glyph marked drawn since then would shift the places,
// and the pages would show other glyphs. Read back and checked, never assumed.
void check_cid_to_gid(HPDF_FontAttr attr, const std::vector<std::uint16_t>& glyphs) {
    HPDF_Stream map = attr->map_stream ? attr->map_stream->stream : nullptr;
    if (!map) throw RenderError("pdf: the font has no CIDToGIDMap to check");
    std::string bytes = memory_stream_bytes(map, "the CIDToGIDMap");
    bytes.resize(std::min<std::size_t>(bytes.size(), map->size));
    for (std::size_t c = 0; 2 * c + 1 < bytes.size(); ++c) {
        const auto place = static_cast<std::size_t>(static_cast<unsigned char>(bytes[2 * c]) << 8 |
                                                    static_cast<unsigned char>(bytes[2 * c + 1]));
        if (place == 0) continue;
        if (place >= glyphs.size() ||
            glyphs[place] != HPDF_TTFontDef_GetGlyphid(attr->fontdef, static_cast<HPDF_UINT16>(c)))
            throw RenderError("pdf: a glyph was marked drawn after the font's CIDToGIDMap was written");
    }
}

// The font file as libharu read it (font_stream.h: the bytes layout checked).
std::string_view font_file_bytes(HPDF_TTFontDefAttr attr) {
    const std::string_view bytes = font_bytes(attr->stream);
    if (bytes.empty()) throw RenderError("pdf: libharu keeps no font file to embed");
    return bytes;
}

// The font file as the descriptor's FontFile2 holds it: compressed as the
// font's other streams are (by lerbrief, kept_deflate.h, with the bytes
// libharu's own compression gives), and the /Length1 of its raw bytes.
struct FontFile {
    std::string bytes;
    std::size_t length1 = 0;
    bool deflated = false;
};

FontFile font_file(HPDF_Dict font, std::string raw) {
    FontFile out;
    out.length1 = raw.size();
    out.deflated = font->filter == HPDF_STREAM_FILTER_FLATE_DECODE;
    if (!out.deflated && font->filter != HPDF_STREAM_FILTER_NONE)
        throw RenderError("pdf: libharu would compress the font file in a way lerbrief does not");
    out.bytes = out.deflated ? kept_deflate(raw) : std::move(raw);
    return out;
}

void add_font_file(HPDF_Dict font, HPDF_FontAttr attr, const FontFile& file) {
    HPDF_Dict data = HPDF_DictStream_New(font->mmgr, attr->xref);
    if (!data) throw RenderError("pdf: no memory for the font file");
    HPDF_STATUS st = HPDF_Stream_Write(data->stream, reinterpret_cast<const HPDF_BYTE*>(file.bytes.data()),
                                       static_cast<HPDF_UINT>(file.bytes.size()));
    if (st == HPDF_OK) st = HPDF_Dict_AddNumber(data, "Length1", static_cast<HPDF_INT32>(file.length1));
    if (st == HPDF_OK) st = HPDF_Dict_AddNumber(data, "Length2", 0);
    if (st == HPDF_OK) st = HPDF_Dict_AddNumber(data, "Length3", 0);
    data->filter = HPDF_STREAM_FILTER_NONE;
    if (file.deflated) data->write_fn = write_flate_filter;  // "/Filter [ /FlateDecode ]" where libharu writes it
    if (st == HPDF_OK) st = HPDF_Dict_Add(attr->fontdef->descriptor, "FontFile2", data);
    if (st != HPDF_OK) throw RenderError("pdf: the font file could not be written");
}

// libharu's before-write has marked the font's ToUnicode CMap and
// CIDToGIDMap to be compressed as the font is: compressed here instead, so
// that an earlier run's are read back (kept_deflate.h).
HPDF_STATUS deflate_font_streams(HPDF_Dict font, HPDF_FontAttr attr) {
    try {
        deflate_stream_now(attr->map_stream, "the font's CIDToGIDMap");
        deflate_stream_now(attr->cmap_stream, "the font's ToUnicode CMap");
        return HPDF_OK;
    } catch (...) {  // nothing may unwind through libharu's C frames
        return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    }
}

// libharu's before-write makes the font's descriptor the first time the font
// is written, and embeds the font there: the whole file read through its
// streams byte by byte, `glyf` subset, twelve tables whole (~10 M
// instructions a face and document). Here it makes the descriptor only
// (told the font is not embedded), and the file is subset_sfnt's.
HPDF_STATUS lean_before_write(HPDF_Dict font) {
    auto attr = static_cast<HPDF_FontAttr>(font->attr);
    const HPDF_Dict_BeforeWriteFunc original = libharu_before_write.load();
    if (!attr || !attr->fontdef || !attr->fontdef->attr || !original)
        return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    auto def_attr = static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr);
    if (attr->fontdef->descriptor || !def_attr->embedding) {  // made already: libharu adds the names only
        const HPDF_STATUS st = original(font);
        return st == HPDF_OK ? deflate_font_streams(font, attr) : st;
    }
    FontFile file;
    try {
        const std::vector<std::uint16_t> glyphs = embedded_glyphs(attr->fontdef);
        check_cid_to_gid(attr, glyphs);
        file = font_file(font, subset_sfnt(font_file_bytes(def_attr), glyphs));
    } catch (...) {
        return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    }
    def_attr->embedding = HPDF_FALSE;
    const HPDF_STATUS st = original(font);
    def_attr->embedding = HPDF_TRUE;
    if (st != HPDF_OK) return st;
    try {
        if (!attr->fontdef->descriptor) throw RenderError("pdf: libharu made no font descriptor");
        add_font_file(font, attr, file);
    } catch (...) {
        attr->fontdef->descriptor = nullptr;  // never a descriptor without its file, should the save be tried again
        return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    }
    return deflate_font_streams(font, attr);
}

}  // namespace

void embed_lean_font_file(HPDF_Font font) {
    if (font->before_write_fn == lean_before_write) return;
    if (!font->before_write_fn) throw RenderError("pdf: libharu gave the font no function that embeds it");
    HPDF_Dict_BeforeWriteFunc expected = nullptr;
    if (!libharu_before_write.compare_exchange_strong(expected, font->before_write_fn) &&
        expected != font->before_write_fn)
        throw RenderError("pdf: libharu embeds fonts in more than one way; not rewriting the font file");
    font->before_write_fn = lean_before_write;
}

void trim_font_tables(HpdfDoc& doc, HPDF_Font font, const std::set<char32_t>& used) {
    auto attr = static_cast<HPDF_FontAttr>(font->attr);
    // every code's glyph marked drawn (embedded_glyphs), as drawing marks it
    for (char32_t c : used) HPDF_TTFontDef_GetCharWidth(attr->fontdef, static_cast<HPDF_UINT16>(c));
    if (!attr->descendant_font || !attr->map_stream)
        throw RenderError("pdf: libharu gave the font no CIDFont or CIDToGIDMap to trim");
    doc.check("writing the font's widths", write_widths(doc, attr->descendant_font, attr->fontdef, used));
    doc.check("writing the font's CIDToGIDMap", write_cid_to_gid(attr->map_stream, attr->fontdef, used));
}

}  // namespace lerbrief::render
