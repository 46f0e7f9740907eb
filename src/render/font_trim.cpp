#include "render/font_trim.h"

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <atomic>
#include <string>
#include <vector>

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

// libharu's own before-write function of a Type0 font (the same static
// function for every font of every document).
std::atomic<HPDF_Dict_BeforeWriteFunc> libharu_before_write{nullptr};

// The FontFile2 stream libharu just wrote, replaced by its lean version.
void rewrite_font_file(HPDF_Dict descriptor) {
    auto file = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(descriptor, "FontFile2", HPDF_OCLASS_DICT));
    if (!file || !file->stream) throw RenderError("pdf: libharu wrote no FontFile2 stream");
    auto length1 = static_cast<HPDF_Number>(HPDF_Dict_GetItem(file, "Length1", HPDF_OCLASS_NUMBER));
    if (!length1) throw RenderError("pdf: libharu's FontFile2 has no /Length1");
    std::string bytes(file->stream->size, '\0');
    HPDF_UINT read = static_cast<HPDF_UINT>(bytes.size());
    if (bytes.empty() || HPDF_Stream_Seek(file->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
        HPDF_Stream_Read(file->stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read) != HPDF_OK ||
        read != bytes.size())
        throw RenderError("pdf: libharu's FontFile2 stream could not be read back");
    const std::string lean = lean_sfnt(bytes);
    HPDF_Stream fresh = HPDF_MemStream_New(file->mmgr, HPDF_STREAM_BUF_SIZ);
    if (!fresh) throw RenderError("pdf: no memory for the font file");
    if (HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(lean.data()),
                          static_cast<HPDF_UINT>(lean.size())) != HPDF_OK) {
        HPDF_Stream_Free(fresh);
        throw RenderError("pdf: the font file could not be written");
    }
    HPDF_Stream_Free(file->stream);
    file->stream = fresh;
    length1->value = static_cast<HPDF_INT32>(lean.size());
}

HPDF_STATUS lean_before_write(HPDF_Dict font) {
    auto attr = static_cast<HPDF_FontAttr>(font->attr);
    const HPDF_Dict_BeforeWriteFunc original = libharu_before_write.load();
    if (!attr || !attr->fontdef || !original) return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    const bool first = attr->fontdef->descriptor == nullptr;  // libharu writes the file once per face
    HPDF_STATUS st = original(font);
    if (st != HPDF_OK || !first) return st;
    try {
        if (!attr->fontdef->descriptor) throw RenderError("pdf: libharu made no font descriptor");
        rewrite_font_file(attr->fontdef->descriptor);
        return HPDF_OK;
    } catch (...) {  // nothing may unwind through libharu's C frames
        return HPDF_SetError(font->error, HPDF_INVALID_FONTDEF_DATA, 0);
    }
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
    if (!attr->descendant_font || !attr->map_stream)
        throw RenderError("pdf: libharu gave the font no CIDFont or CIDToGIDMap to trim");
    doc.check("writing the font's widths", write_widths(doc, attr->descendant_font, attr->fontdef, used));
    doc.check("writing the font's CIDToGIDMap", write_cid_to_gid(attr->map_stream, attr->fontdef, used));
}

}  // namespace lerbrief::render
