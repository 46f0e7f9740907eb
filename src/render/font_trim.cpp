#include "render/font_trim.h"

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <vector>

#include "render/render_error.h"

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

// Two bytes (big-endian glyph id) per code, up to the highest code drawn.
HPDF_STATUS write_cid_to_gid(HPDF_Dict map, HPDF_FontDef def, const std::set<char32_t>& used) {
    std::vector<HPDF_BYTE> bytes(used.empty() ? 0 : 2 * (static_cast<std::size_t>(*used.rbegin()) + 1));
    for (char32_t c : used) {
        auto gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
        bytes[2 * c] = static_cast<HPDF_BYTE>(gid >> 8);
        bytes[2 * c + 1] = static_cast<HPDF_BYTE>(gid & 0xFF);
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

}  // namespace

void trim_font_tables(HpdfDoc& doc, HPDF_Font font, const std::set<char32_t>& used) {
    auto attr = static_cast<HPDF_FontAttr>(font->attr);
    if (!attr->descendant_font || !attr->map_stream)
        throw RenderError("pdf: libharu gave the font no CIDFont or CIDToGIDMap to trim");
    doc.check("writing the font's widths", write_widths(doc, attr->descendant_font, attr->fontdef, used));
    doc.check("writing the font's CIDToGIDMap", write_cid_to_gid(attr->map_stream, attr->fontdef, used));
}

}  // namespace lerbrief::render
