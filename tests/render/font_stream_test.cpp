// A face handed to libharu from the bytes layout checked (render/font_stream.h):
// libharu must make of it exactly what it makes of the file, and read those
// bytes, not the file's, should the file change.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "layout/font.h"
#include "render/font_stream.h"
#include "render/hpdf_handle.h"
#include "render/sample_document.h"

using namespace lerbrief;
namespace t = lerbrief::test;
namespace fs = std::filesystem;

namespace {

HPDF_FontDef fontdef(render::HpdfDoc& doc, const char* name) {
    return doc.need(HPDF_GetFontDef(doc.get(), name), "HPDF_GetFontDef");
}
HPDF_TTFontDefAttr attr(HPDF_FontDef def) { return static_cast<HPDF_TTFontDefAttr>(def->attr); }

}  // namespace

TEST_CASE("a face loaded from its checked bytes is what libharu makes of its file", "[render][font]") {
    // all six faces into one document each way: the tags follow on (HPDFAA, HPDFAB, …)
    render::HpdfDoc from_file, from_bytes;
    std::string last_tag;
    for (const auto& spec : t::bundled_fonts()) {
        INFO(spec.path);
        const char* file_name = from_file.need(HPDF_LoadTTFontFromFile(from_file.get(), spec.path.c_str(), HPDF_TRUE), "file");
        const char* bytes_name = from_bytes.need(
            render::load_font_bytes(from_bytes, layout::FontMetrics::load(spec.path)->file()), "bytes");
        CHECK(std::string(bytes_name) == file_name);
        HPDF_FontDef a = fontdef(from_file, file_name), b = fontdef(from_bytes, bytes_name);
        CHECK(std::string(attr(b)->tag_name) == attr(a)->tag_name);
        last_tag = attr(b)->tag_name;
        CHECK(attr(b)->num_glyphs == attr(a)->num_glyphs);
        CHECK(b->ascent == a->ascent);
        CHECK(b->descent == a->descent);
        CHECK(b->cap_height == a->cap_height);
        CHECK(std::memcmp(&b->font_bbox, &a->font_bbox, sizeof a->font_bbox) == 0);
        int differ = 0;
        for (HPDF_UINT16 c = 0x20; c < 0x3000; ++c)
            differ += HPDF_TTFontDef_GetGlyphid(a, c) != HPDF_TTFontDef_GetGlyphid(b, c) ||
                      HPDF_TTFontDef_GetCharWidth(a, c) != HPDF_TTFontDef_GetCharWidth(b, c);
        CHECK(differ == 0);
    }
    CHECK(last_tag == "HPDFAF+");  // the sixth
}

TEST_CASE("libharu reads a face's checked bytes, not its file as it is now", "[render][font]") {
    t::TempDir dir;
    const fs::path copy = dir / "face.ttf";
    fs::copy_file(t::bundled_fonts().at(0).path, copy);
    auto metrics = layout::FontMetrics::load(copy.string());
    const std::string checked = *metrics->file();
    t::write_file(copy, "not a font any more");  // changed on disk after the check

    render::HpdfDoc doc;
    const char* name = doc.need(render::load_font_bytes(doc, metrics->file()), "bytes");
    HPDF_Stream s = attr(fontdef(doc, name))->stream;
    REQUIRE(s);
    CHECK(render::font_bytes(s) == checked);
    CHECK(HPDF_Stream_Size(s) == checked.size());

    // it reads as libharu's file reader does: to the end, then short with zeros
    REQUIRE(HPDF_Stream_Seek(s, -4, HPDF_SEEK_END) == HPDF_OK);
    CHECK(HPDF_Stream_Tell(s) == static_cast<HPDF_INT32>(checked.size() - 4));
    HPDF_BYTE buf[8];
    std::memset(buf, 0xff, sizeof buf);
    HPDF_UINT n = sizeof buf;
    CHECK(HPDF_Stream_Read(s, buf, &n) == HPDF_STREAM_EOF);
    CHECK(n == 4);
    CHECK(std::string(reinterpret_cast<char*>(buf), 4) == checked.substr(checked.size() - 4));
    CHECK(std::string(reinterpret_cast<char*>(buf) + 4, 4) == std::string(4, '\0'));
    REQUIRE(HPDF_Stream_Seek(s, 2, HPDF_SEEK_SET) == HPDF_OK);
    REQUIRE(HPDF_Stream_Seek(s, 3, HPDF_SEEK_CUR) == HPDF_OK);
    n = 2;
    CHECK(HPDF_Stream_Read(s, buf, &n) == HPDF_OK);
    CHECK(std::string(reinterpret_cast<char*>(buf), 2) == checked.substr(5, 2));
    CHECK(HPDF_Stream_Seek(s, -1, HPDF_SEEK_SET) != HPDF_OK);  // before the start
    HPDF_ResetError(doc.get());

    // another stream holds none
    HPDF_Stream other = HPDF_MemStream_New(doc.get()->mmgr, 64);
    CHECK(render::font_bytes(other).empty());
    HPDF_Stream_Free(other);
}

namespace {

// The same `n` items, in tables of their own.
template <class T>
bool same_items(const T* a, const T* b, std::size_t n) {
    return n == 0 || (a && b && a != b && std::memcmp(a, b, sizeof(T) * n) == 0);
}

}  // namespace

TEST_CASE("a face's definition, copied from the process's one parse, is libharu's parse in every field and table",
          "[render][font]") {
    for (const auto& spec : t::bundled_fonts()) {
        INFO(spec.path);
        render::HpdfDoc from_file, first, second;
        const char* name = from_file.need(HPDF_LoadTTFontFromFile(from_file.get(), spec.path.c_str(), HPDF_TRUE), "file");
        const auto bytes = layout::FontMetrics::load(spec.path)->file();
        HPDF_FontDef p = fontdef(from_file, name);
        HPDF_FontDef a = fontdef(first, first.need(render::load_font_bytes(first, bytes), "first"));
        HPDF_FontDef b = fontdef(second, second.need(render::load_font_bytes(second, bytes), "second"));
        for (HPDF_FontDef c : {a, b}) {
            CHECK(std::string(c->base_font) == p->base_font);
            CHECK((c->type == p->type && c->ascent == p->ascent && c->descent == p->descent && c->flags == p->flags &&
                   c->italic_angle == p->italic_angle && c->stemv == p->stemv && c->avg_width == p->avg_width &&
                   c->max_width == p->max_width && c->missing_width == p->missing_width && c->stemh == p->stemh &&
                   c->x_height == p->x_height && c->cap_height == p->cap_height && c->valid == p->valid));
            CHECK(std::memcmp(&c->font_bbox, &p->font_bbox, sizeof p->font_bbox) == 0);
            CHECK((c->mmgr != p->mmgr && c->descriptor == nullptr));
            const HPDF_TTFontDefAttr x = attr(c), y = attr(p);
            CHECK(std::string(x->base_font) == y->base_font);
            CHECK(std::string(x->tag_name) == y->tag_name);
            CHECK(std::memcmp(&x->header, &y->header, sizeof y->header) == 0);
            CHECK((x->num_glyphs == y->num_glyphs && x->num_h_metric == y->num_h_metric &&
                   x->glyph_tbl.base_offset == y->glyph_tbl.base_offset && x->fs_type == y->fs_type &&
                   x->code_page_range1 == y->code_page_range1 && x->code_page_range2 == y->code_page_range2 &&
                   x->length1 == y->length1 && x->embedding == y->embedding && x->is_cidfont == y->is_cidfont));
            CHECK(std::memcmp(x->panose, y->panose, sizeof y->panose) == 0);
            CHECK(std::memcmp(x->sfamilyclass, y->sfamilyclass, sizeof y->sfamilyclass) == 0);
            CHECK((x->name_tbl.format == y->name_tbl.format && x->name_tbl.count == y->name_tbl.count &&
                   x->name_tbl.string_offset == y->name_tbl.string_offset));
            CHECK((x->offset_tbl.sfnt_version == y->offset_tbl.sfnt_version &&
                   x->offset_tbl.num_tables == y->offset_tbl.num_tables));
            CHECK((x->cmap.format == y->cmap.format && x->cmap.length == y->cmap.length &&
                   x->cmap.seg_count_x2 == y->cmap.seg_count_x2 &&
                   x->cmap.glyph_id_array_count == y->cmap.glyph_id_array_count));
            const std::size_t segments = y->cmap.seg_count_x2 / 2u;
            CHECK(same_items(x->glyph_tbl.offsets, y->glyph_tbl.offsets, y->num_glyphs + 1u));
            CHECK(same_items(x->glyph_tbl.flgs, y->glyph_tbl.flgs, y->num_glyphs));
            CHECK(same_items(x->h_metric, y->h_metric, y->num_glyphs));
            CHECK(same_items(x->name_tbl.name_records, y->name_tbl.name_records, y->name_tbl.count));
            CHECK(same_items(x->offset_tbl.table, y->offset_tbl.table, y->offset_tbl.num_tables));
            CHECK(same_items(x->cmap.end_count, y->cmap.end_count, segments));
            CHECK(same_items(x->cmap.start_count, y->cmap.start_count, segments));
            CHECK(same_items(x->cmap.id_delta, y->cmap.id_delta, segments));
            CHECK(same_items(x->cmap.id_range_offset, y->cmap.id_range_offset, segments));
            CHECK(same_items(x->cmap.glyph_id_array, y->cmap.glyph_id_array, y->cmap.glyph_id_array_count));
            CHECK(render::font_bytes(x->stream).size() == bytes->size());
        }
        // each document marks the glyphs it draws in its own table
        const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(a, 'Q');
        REQUIRE(gid != 0);
        HPDF_TTFontDef_GetCharWidth(a, 'Q');
        CHECK(attr(a)->glyph_tbl.flgs[gid] == 1);
        CHECK(attr(b)->glyph_tbl.flgs[gid] == 0);
    }
}
