#pragma once
// Text as positioned glyph runs, written into a page's content stream under
// libharu (which has no kerning call, issue 16).
//
// A run holds the codes libharu's UTF-8 encoder would write for the text
// (each character's UTF-16 code unit, Identity-H, so ToUnicode maps each code
// to itself) and the kerning between neighbours from layout::FontMetrics,
// the same numbers layout measured with. It is written as a `TJ` array
// with an adjustment only where a pair is kerned; a run without kerned pairs
// is the plain `Tj` libharu itself writes.
//
// Marked content (BDC … EMC) is written here too, so copy-and-paste text
// (ActualText) and, later, structure tags (issue 17) come from one place.
//
// Threads: as libharu; one document per thread.
#include <hpdf.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/font.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

struct GlyphRun {
    std::vector<char32_t> codes;  // ≤ U+FFFF each, as render/text_codes.h checks
    // kern[i]: 1/1000 em between codes[i-1] and codes[i]; kern[0] = 0.
    // Whole numbers from the font's kerning pairs; a word space set by
    // layout (set_word_spaces) may be fractional.
    std::vector<double> kern;
    bool kerned() const;
};

// The run for `codes` in `font`, with its kerning pairs.
GlyphRun make_glyph_run(std::vector<char32_t> codes, const layout::FontMetrics& font);

// The spaces among the first `count` codes advance by `word_space` points
// at `size` (layout::TextItem::word_space) instead of the space's width and
// the kerning on either side: the pair before a space gets none, the pair
// after it the difference, to a thousandth of a unit.
void set_word_spaces(GlyphRun& run, std::size_t count, double word_space, double size,
                     const layout::FontMetrics& font);

// "<0054006f> Tj\n", or "[<0054> 80 <006f>] TJ\n" when a pair in codes
// [from, to) is kerned; an adjustment before `from` (the pair across the
// boundary) opens the array: "[80 <006f>] TJ\n". Empty for an empty range.
std::string show_operator(const GlyphRun& run, std::size_t from, std::size_t to);

// A PDF text string: UTF-16BE with a byte-order mark, in hex; "()" when empty.
std::string pdf_text_string(std::string_view utf8);

// "/TAG <<PROPERTIES>> BDC\n" and "EMC\n": a marked-content sequence. Every
// begin needs its end in the same content stream (and, inside a text
// object, before its ET).
std::string begin_marked_content(std::string_view tag, std::string_view properties);
std::string end_marked_content();
// "/Span <</ActualText …>> BDC\n": what copy-and-paste gives for the span.
std::string begin_actual_text(std::string_view utf8);

// How one run is copied: `silent_prefix` codes at its start copy as nothing
// (the rest of a word split at a line break, given back by the hyphen's
// ActualText), and the whole run copies as `actual_text` when set.
struct CopyText {
    std::size_t silent_prefix = 0;
    std::optional<std::string> actual_text;
    // Tagged files: the run's spans are not nested in its element's
    // marked-content sequence (poppler's structure text ends an element's
    // text at a nested span's end) but carry MCIDs themselves: the
    // ActualText span `span_mcid`, and the codes after a silent prefix their
    // own sequence `rest_tag` with `rest_mcid`, closed before ET. The caller
    // has closed its open sequence and takes the MCIDs in this order.
    std::optional<int> span_mcid;
    std::string rest_tag;
    std::optional<int> rest_mcid;
};

// Shows `run` in the page's open text object (after BT, Tf and Td through
// libharu): marks each glyph used so libharu subsets it, then writes the
// operators. Throws RenderError naming `where`.
void show_glyph_run(HpdfDoc& doc, HPDF_Page page, HPDF_Font font, const GlyphRun& run, const CopyText& copy,
                    std::string_view where);

}  // namespace lerbrief::render
