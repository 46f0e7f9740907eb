#pragma once
// The page order of a saddle-stitched booklet.
//
// A booklet of P pages (P a multiple of four) is printed on P/4 sheets, two
// pages side by side on each side of a sheet, the sheets stacked, folded in
// the middle and stapled on the fold. Sheet 0 is the outermost: its front
// carries the last and the first page, its back the second and the
// second-last; each sheet inside takes the next pages in from both ends.
// With 0-based pages, sheet s has
//   front: left P-1-2s, right 2s
//   back:  left 2s+1,   right P-2-2s
// Printed duplex with "flip on short edge", each back lands behind its front
// the right way up, so the PDF's pages are simply front, back, front, back…
#include <vector>

namespace lerbrief::press {

struct SheetSide {
    int sheet = 0;    // 0 = outermost
    bool back = false;
    int left = 0, right = 0;  // 0-based reader pages
};

// Pages after padding `pages` to a multiple of four.
int booklet_page_count(int pages);

// Every side of every sheet, in printing order. Throws PressError unless
// `pages` is a positive multiple of four.
std::vector<SheetSide> saddle_stitch(int pages);

}  // namespace lerbrief::press
