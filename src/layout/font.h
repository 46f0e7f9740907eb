#pragma once
// TrueType metrics, read in plain C++ (no libharu, no FreeType).
//
// FontMetrics answers what layout asks of a face: which characters it has,
// how wide a run of text is (kerned), and its vertical metrics. Advances are
// computed the way libharu 2.3.0 computes them (see advance()), and kerning
// comes from the font's legacy 'kern' table (see kerning()); render/glyph_run
// draws text with exactly these advances and adjustments, so a line measured
// here is exactly as wide in the PDF and in what pdftotext sees.
//
// What may fail: load() throws FontError, naming the file and the problem,
// when the file cannot be read or is not a TrueType font we can trust. The
// file may be hostile or truncated: every offset and length is checked before
// it is read, and fonts that libharu 2.3.0 would mishandle (more horizontal
// metrics than glyphs, glyph offsets outside glyf, …) are refused here, so the
// renderer can use this parse as a gate before handing the file to libharu.
// Only TrueType outlines (glyf/loca) are accepted: libharu embeds nothing else.
//
// Threads: a FontMetrics is immutable once load() returns; share one
// std::shared_ptr<const FontMetrics> between threads freely.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lerbrief::layout {

// "FILE: font: WHAT IS WRONG" — e.g. "fonts/x.ttf: font: table 'hmtx' runs past the end of the file".
class FontError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Largest font file load() accepts (the bundled faces are about 400 KB).
inline constexpr std::size_t kMaxFontFileBytes = 32u << 20;
// Most kerning pairs read from one font (the bundled faces have 821–908).
inline constexpr std::size_t kMaxKernPairs = 1u << 16;
// Largest kerning adjustment kept, in 1/1000 em (the bundled faces' largest
// is about 150): a pair beyond it is dropped as hostile.
inline constexpr long kMaxKernEm = 1000;

class FontMetrics {
public:
    // Reads and checks the whole file. Throws FontError.
    static std::shared_ptr<const FontMetrics> load(const std::string& path);
    // The same from bytes in memory; `name` is used in messages. Throws FontError.
    static std::shared_ptr<const FontMetrics> from_bytes(std::string_view data, const std::string& name);

    // The glyph the font maps `c` to; 0 = the font has no glyph for it.
    // Code points up to U+FFFF come from the Unicode format 4 cmap (the table
    // libharu uses); higher ones from a format 12 cmap when the font has one.
    std::uint16_t glyph(char32_t c) const;
    // True when `c` can be drawn through the PDF writer: the font has a glyph
    // and `c` is in the Basic Multilingual Plane (libharu 2.3.0 measures code
    // points above U+FFFF wrongly and draws them as nothing).
    bool covers(char32_t c) const;

    // Advance width of `c` in 1/1000 em, exactly as libharu 2.3.0 computes it:
    // the integer quotient advanceWidth * 1000 / unitsPerEm, truncated
    // (hpdf_fontdef_tt.c, HPDF_TTFontDef_GetCharWidth). A character the font
    // lacks measures as glyph 0 (.notdef), as in libharu.
    double advance(char32_t c) const;
    // Kerning between two adjacent characters in 1/1000 em, an integer like
    // advance(): negative moves `right` closer to `left`. From the first
    // horizontal format 0 subtable of the 'kern' table (value * 1000 /
    // unitsPerEm, rounded); 0 for pairs it lacks and for fonts without one. A
    // 'kern' table that is malformed (offsets or counts past its end) is
    // ignored: the font loads and sets unkerned. GPOS is not read.
    int kerning(char32_t left, char32_t right) const;
    int kerning_glyphs(std::uint16_t left, std::uint16_t right) const;
    std::size_t kern_pair_count() const { return kern_.size(); }
    // Width of UTF-8 text at `size` points, in points: the sum of advance()
    // plus kerning() between adjacent characters, times size / 1000. Bytes
    // that are not valid UTF-8 are skipped (libharu drops them too); validate
    // beforehand.
    double width(std::string_view utf8, double size) const;

    // Vertical metrics in 1/1000 em (exact, not truncated); y up, so
    // descender() is negative. Ascender/descender/line gap: OS/2 sTypo*,
    // falling back to hhea. Cap height / x-height: OS/2 sCapHeight/sxHeight
    // (version 2+), falling back to the top of the glyphs 'H' and 'x', then to
    // 70% and 50% of the ascender.
    double ascender() const { return ascender_; }
    double descender() const { return descender_; }
    double line_gap() const { return line_gap_; }
    double cap_height() const { return cap_height_; }
    double x_height() const { return x_height_; }

    std::uint16_t units_per_em() const { return units_per_em_; }
    std::uint16_t glyph_count() const { return static_cast<std::uint16_t>(advances_.size()); }
    // name ID 6; empty when the font has none.
    const std::string& postscript_name() const { return postscript_name_; }

    // The file's bytes, exactly those this parse checked: the PDF writer
    // hands these to libharu and subsets them (render/font_stream.h), so no
    // byte it reads was not checked here, even if the file changes on disk.
    const std::shared_ptr<const std::string>& file() const { return file_; }

    // True when a composite glyph uses another composite glyph as a
    // component. libharu 2.3.0 subsets such glyphs incompletely (it marks
    // only one level of components), so faces we embed must answer false.
    bool has_nested_composites() const { return nested_composites_; }

    // One cmap range: code points first..last map to glyphs gid, gid+1, …
    struct CmapRange {
        char32_t first = 0, last = 0;
        std::uint16_t gid = 0;
    };

private:
    FontMetrics() = default;
    friend class FontParser;

    std::uint16_t units_per_em_ = 1000;
    std::vector<std::uint16_t> advances_;  // per glyph, libharu's 1/1000 em integers
    std::vector<CmapRange> cmap_;          // sorted by first, not overlapping
    struct KernPair {
        std::uint32_t key;  // left glyph << 16 | right glyph
        std::int16_t value;  // 1/1000 em
    };
    std::vector<KernPair> kern_;     // sorted by key, unique
    std::vector<bool> kern_left_;    // per glyph: starts some pair (skips the search)
    // glyph() for code points below kDirectCodes without a search (layout
    // measures every character; this covers Latin, Greek and Cyrillic).
    static constexpr char32_t kDirectCodes = 0x800;
    std::vector<std::uint16_t> direct_;
    double ascender_ = 0, descender_ = 0, line_gap_ = 0, cap_height_ = 0, x_height_ = 0;
    std::string postscript_name_;
    bool nested_composites_ = false;
    std::shared_ptr<const std::string> file_;
};

}  // namespace lerbrief::layout
