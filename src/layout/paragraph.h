#pragma once
// Setting one paragraph: markup spans → words measured in their fonts →
// break items (with hyphenation points and break points inside URLs) →
// total-fit line breaking (linebreak.h) → lines of positioned TextItems,
// placed word by word (libharu's word spacing does nothing with our fonts).
#include <functional>
#include <string>
#include <vector>

#include "layout/fontset.h"
#include "layout/frame.h"
#include "layout/hyphenate.h"
#include "model/diagnostic.h"
#include "model/markup.h"

namespace lerbrief::layout {

struct ParaStyle {
    FontId regular = 0, bold = 0, italic = 0, bold_italic = 0;
    double size = 10, leading = 13;
    Color color = kBlack;
    Color link_color = kBlack;
    bool justify = true;
    bool hyphenate = true;
    enum class Align { left, center, right } align = Align::left;  // for ragged lines
};

// One set line: items relative to the line's top-left (baseline at `ascent`).
struct SetLine {
    std::vector<Item> items;
    double width = 0;    // natural width used
    double measure = 0;  // width available
    std::string text;    // the line's text, for dumps and tests
    bool hyphenated = false;    // broken at a hyphenation point or after an explicit hyphen
    bool added_hyphen = false;  // ends with a hyphen drawn by layout (not in the text)
    // The line's word space over the font's own space (1 = natural; above 1
    // loose, below 1 tight); 0 when the line has no interword space.
    double space_ratio = 0;
    // A justified line no breaking could fill with word spaces of at most
    // 1.8 spaces: set with spaces of 1.8, short of its measure.
    bool underfull = false;
};

// Tools a paragraph needs: fonts, the hyphenator (may be null) and where to
// report characters the font lacks.
struct SetContext {
    const FontSet* fonts = nullptr;
    const Hyphenator* hyphenator = nullptr;
    Diagnostics* diags = nullptr;
};

// `widths`: the measure of line i (the last repeats). `pos`: where the text
// came from, for warnings about missing characters.
std::vector<SetLine> set_paragraph(const Paragraph& para, const ParaStyle& style, const std::vector<double>& widths,
                                   const SetContext& ctx, const SourcePos& pos);

// Width of plain text in one font.
double text_width(const FontSet& fonts, FontId font, const std::string& text, double size);

}  // namespace lerbrief::layout
