#pragma once
// Breaking a paragraph into lines, total-fit (Knuth & Plass 1981, TeX's
// algorithm), over boxes, glue and penalties. Knows nothing about fonts: the
// caller measures words and builds the items; this returns where the lines
// break and how much their glue must stretch or shrink.
//
// Building items (the caller's contract)
// - One box per word, or per piece of a word between hyphenation points, with
//   a penalty between the pieces: BreakItem::make_penalty(p.hyphen_penalty,
//   hyphen_width, true) for a hyphen to add, or the same with width 0 after an
//   explicit hyphen ("skills-" + "based"). Punctuation stays in the word's box.
// - Between words, BreakItem::make_glue(space, stretch, shrink); TeX uses about
//   stretch = space / 2 and shrink = space / 3. Glue is a legal break only
//   right after a box, and never when it is fill glue; a penalty is one
//   unless its value is >= kInfPenalty.
// - Paragraph end: break_lines adds it. Unless the items already end with a
//   forced penalty, trailing glue is dropped and the two items of
//   append_forced_break are appended internally (never reported in a Line),
//   so the last line is set at its natural width. For a line break inside
//   the paragraph call append_forced_break too: a bare forced penalty makes
//   the line before it justified to the full measure.
// - Tokens that may be wider than a line (URLs, identifiers) must be split by
//   the caller into boxes with penalty break points between them. A box
//   wider than its line is the caller's problem: it is returned on a line of
//   its own with `overfull` set, the only case where a line overflows.
//
// Placing a line (justify): each glue of [begin, end) gets
// width + ratio * stretch when ratio >= 0, width + ratio * shrink when < 0;
// a line that holds fill glue (the last one, one before a forced break) gets
// ratio 0 unless it must shrink. ratio is never below -1; above `tolerance`
// only when the emergency pass had to leave a line underfull. Ragged mode:
// ratio is always 0 and interword glue keeps its natural width. Except for
// the last line, items[end] is the item broken at; when `hyphenated` is set
// it is a flagged penalty: draw a hyphen if its width is > 0.
// `natural_width` includes that penalty width.
//
// Errors: std::invalid_argument when line_widths is empty.
#include <cstddef>
#include <vector>

namespace lerbrief::layout {

// Penalties at or above this never break; at or below its negative always do.
inline constexpr double kInfPenalty = 10000;
// Glue whose stretch is at least kFill stretches without limit and takes all
// the slack of its line (TeX's fil): the end of a paragraph, a forced break.
inline constexpr double kFill = 1e9;

struct BreakItem {
    enum class Kind { box, glue, penalty };
    Kind kind = Kind::box;
    double width = 0;                // box/glue width, or the width added at a penalty break (the hyphen)
    double stretch = 0, shrink = 0;  // glue only
    double penalty = 0;              // penalty only; >= kInfPenalty forbids, <= -kInfPenalty forces a break
    bool flagged = false;            // penalty only: a hyphen break (for consecutive-hyphen demerits)

    static BreakItem make_box(double width) { return {Kind::box, width}; }
    static BreakItem make_glue(double width, double stretch, double shrink) {
        return {Kind::glue, width, stretch, shrink};
    }
    static BreakItem make_penalty(double value, double width = 0, bool flagged = false) {
        return {Kind::penalty, width, 0, 0, value, flagged};
    }
};

struct BreakParams {
    // Width of line i; the last value repeats (hanging indents, first-line indents).
    std::vector<double> line_widths;
    // Ragged-right when false: same algorithm, badness from the unused space
    // measured against ragged_stretch; interword glue neither stretches nor
    // shrinks.
    bool justify = true;
    // Nominal stretch of a ragged line (TeX's \rightskip = 0pt plus 2em: pass
    // about 2 em). 0 means kDefaultRaggedStretch x the line's width.
    double ragged_stretch = 0;
    // Largest adjustment ratio of a feasible line: first pass without
    // hyphenation (flagged penalties ignored), then a pass with them. A
    // negative pretolerance skips the first pass. When both fail, an
    // emergency pass accepts underfull lines (never overfull ones).
    double pretolerance = 1.0;
    double tolerance = 2.5;
    double line_penalty = 10;                   // added to each line's badness before squaring
    double hyphen_penalty = 50;                 // for callers building hyphen penalties
    double consecutive_hyphen_demerits = 3000;  // two hyphenated lines in a row
    double fitness_demerits = 100;              // adjacent lines of very different tightness
    // Hard limit on hyphenated lines in a row; negative = no limit. Only the
    // emergency pass may exceed it, where a single word needs more lines.
    // Likewise, always: a line that ends at a forced break (a paragraph's
    // last line) is never the rest of a hyphenated word alone; it may start
    // with that rest when more words follow.
    int max_consecutive_hyphens = 2;
};

// Fraction of the line width used as ragged stretch when ragged_stretch is 0.
inline constexpr double kDefaultRaggedStretch = 0.1;

struct Line {
    std::size_t begin = 0, end = 0;  // items [begin, end); the break item and the glue and
                                     // penalties discarded after it are outside
    double ratio = 0;                // adjustment ratio for the glue (0 for ragged lines)
    bool hyphenated = false;         // broken at a flagged penalty
    double natural_width = 0;        // with the hyphen's width when hyphenated
    bool overfull = false;           // wider than its measure: a box that cannot fit
};

// Appends TeX's \hfil\break: glue(0, kFill, 0), penalty(-kInfPenalty).
void append_forced_break(std::vector<BreakItem>& items);

std::vector<Line> break_lines(const std::vector<BreakItem>& items, const BreakParams& p);

// Width of line `line` (0-based): line_widths[line], or the last value for
// lines beyond the list; 0 when the list is empty.
double line_width_at(const BreakParams& p, std::size_t line);

}  // namespace lerbrief::layout
