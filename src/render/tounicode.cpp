#include "render/tounicode.h"

#include <fmt/format.h>
#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <vector>

#include "render/render_error.h"

namespace lerbrief::render {

namespace {

// The CMap syntax allows at most 100 entries between begin… and end….
constexpr std::size_t kMaxEntriesPerBlock = 100;

constexpr const char* kHeader =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
constexpr const char* kFooter =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

struct Run {
    unsigned first, last;
};

void write_blocks(std::string& out, const std::vector<Run>& runs, bool ranges) {
    for (std::size_t i = 0; i < runs.size(); i += kMaxEntriesPerBlock) {
        std::size_t n = std::min(kMaxEntriesPerBlock, runs.size() - i);
        out += fmt::format("{} begin{}\n", n, ranges ? "bfrange" : "bfchar");
        for (std::size_t k = i; k < i + n; ++k) {
            const Run& r = runs[k];
            if (ranges)
                out += fmt::format("<{:04X}> <{:04X}> <{:04X}>\n", r.first, r.last, r.first);
            else
                out += fmt::format("<{:04X}> <{:04X}>\n", r.first, r.first);
        }
        out += ranges ? "endbfrange\n" : "endbfchar\n";
    }
}

}  // namespace

std::string tounicode_cmap(const std::set<char32_t>& codes) {
    // Consecutive codes sharing their high byte form a bfrange (only the last
    // byte of a range may vary); lone codes are bfchar entries.
    std::vector<Run> ranges, singles;
    for (auto it = codes.begin(); it != codes.end();) {
        Run r{static_cast<unsigned>(*it), static_cast<unsigned>(*it)};
        for (++it; it != codes.end() && *it == r.last + 1 && (*it >> 8) == (r.first >> 8); ++it) ++r.last;
        (r.first == r.last ? singles : ranges).push_back(r);
    }
    std::string out = kHeader;
    write_blocks(out, ranges, true);
    write_blocks(out, singles, false);
    out += kFooter;
    return out;
}

void install_tounicode(HpdfDoc& doc, HPDF_Font font, const std::string& cmap) {
    HPDF_Dict stream = static_cast<HPDF_FontAttr>(font->attr)->cmap_stream;
    if (!stream || !stream->stream)
        throw RenderError("pdf: libharu gave the font no ToUnicode stream to replace");
    // Keys of the encoding CMap that do not describe the new content
    // (RemoveElement only returns a status; it raises no libharu error).
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
        HPDF_Dict_RemoveElement(stream, key);
    HPDF_Stream fresh = doc.need(HPDF_MemStream_New(stream->mmgr, HPDF_STREAM_BUF_SIZ), "HPDF_MemStream_New");
    HPDF_STATUS st = HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                                       static_cast<HPDF_UINT>(cmap.size()));
    if (st != HPDF_OK) HPDF_Stream_Free(fresh);
    doc.check("writing the ToUnicode CMap", st);
    HPDF_Stream_Free(stream->stream);
    stream->stream = fresh;
}

}  // namespace lerbrief::render
