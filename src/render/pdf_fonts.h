#pragma once
// The document's fonts in libharu: each FontSpec file loaded once, on first
// use, as an embedded, subset CID TrueType font (Identity-H) with libharu's
// UTF-8 encoder, so the content stream carries each character as its UTF-16
// code unit.
//
// Before libharu reads a file, layout::FontMetrics parses it with every
// offset checked (libharu 2.3.0's TrueType parser is not hardened). The file
// embedded is lerbrief's own subset (font_trim.h), whole composite glyphs
// and all: libharu's own subsetting lost the parts of nested composites.
// Every code point drawn is checked against libharu's own cmap lookup and
// remembered, for the ToUnicode CMaps finish() installs.
//
// Owned by one render_pdf call; the HPDF_Font handles belong to the HpdfDoc.
#include <hpdf.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "layout/document.h"
#include "layout/font.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

class PdfFonts {
public:
    // Keeps references to both: they must outlive this object.
    PdfFonts(HpdfDoc& doc, const std::vector<layout::FontSpec>& specs);

    // The font for `id`, after checking that it can draw every character of
    // `text` (which it records). Throws RenderError naming `where`.
    HPDF_Font prepare(layout::FontId id, std::string_view text, std::string_view where);
    // The metrics layout measured `id` with (its kerning). Throws RenderError.
    const layout::FontMetrics& metrics(layout::FontId id, std::string_view where);

    // Replaces libharu's malformed ToUnicode CMap of each font used and trims
    // its width array and CIDToGIDMap to the characters drawn (font_trim.h).
    // Call once, after the last page is drawn and before saving.
    void finish();

private:
    struct Loaded {
        std::string path, name;
        HPDF_Font font = nullptr;
        std::set<char32_t> used;
        std::shared_ptr<const layout::FontMetrics> metrics;
    };
    Loaded& load(layout::FontId id, std::string_view where);

    HpdfDoc& doc_;
    const std::vector<layout::FontSpec>& specs_;
    std::vector<int> slot_;  // FontId → index into loaded_; -1 until first use
    std::vector<Loaded> loaded_;
};

}  // namespace lerbrief::render
