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
