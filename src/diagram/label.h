#pragma once
// Labels: text broken into lines by measured width and set as a block.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diagram/box.h"
#include "diagram/style.h"

namespace lerbrief::diagram {

using Measure = std::function<double(std::string_view)>;

// Breaks text at spaces into lines no wider than max_width, as balanced as
// possible: first-fit decides how many lines are needed, then the narrowest
// width that still gives that many lines is found by bisection, so a label
// reads "Data Standards / Organizations", not "Data Standards Organi- / …".
// A word wider than max_width gets a line of its own (and overflows: the
// caller measures the result). Never returns an empty list for non-blank text.
std::vector<std::string> wrap_balanced(std::string_view text, double max_width, const Measure&);
// Width of the widest single word.
double widest_word(std::string_view text, const Measure&);
// `text` cut to at most `max_bytes` bytes with "…" at the end (at a space
// when there is one in the last quarter, never inside a UTF-8 sequence);
// `text` itself when it is short enough.
std::string shorten_label(std::string_view text, std::size_t max_bytes);

enum class Align { left, centre, right };

// One line of a label: its text, where its baseline starts and its advance.
struct LabelLine {
    std::string text;
    double x = 0, baseline = 0, width = 0;
};

// A set block of lines. `box` spans from the first line's ascender to the last
// line's descender and from the leftmost to the rightmost line.
struct Label {
    std::vector<LabelLine> lines;
    layout::FontId font = 0;
    double size = 0;
    Box box;
    bool empty() const { return lines.empty(); }
};

// Sets `lines` at `size` with the box's top-left corner at (0, 0); lines are
// `leading` × size apart and aligned within the widest.
Label set_label(const std::vector<std::string>& lines, layout::FontId font, double size, Align align,
                const Fonts& fonts, double leading);
void translate(Label& label, double dx, double dy);

}  // namespace lerbrief::diagram
