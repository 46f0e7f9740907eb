#pragma once
// Booklet imposition: the reader's pages, two by two, on sheets twice their
// width, in saddle-stitch order (saddle.h). Letter pages land on Tabloid
// (Ledger) sheets, A4 on A3.
//
// The imposed file is for the printer only: links and bookmarks are dropped
// (they would point at the reader's pages), and each sheet side is labelled
// "Sheet 3 front" so a print dialog's page ranges make sense.
//
// Creep: in a thick booklet the inner sheets stick out past the outer ones
// once folded, and the trim cuts more off their outer edges. `creep` is how
// far the innermost sheet's pages are moved toward the fold to make up for
// it; the sheets between move in proportion (the outermost not at all).
//
// With a bleed, each page's colour runs past its top, bottom and outer edge
// (never across the fold) and every sheet gets crop and fold marks.
#include <string>

#include "layout/document.h"

namespace lerbrief::press {

struct Imposition {
    double creep = 0;  // points
    double bleed = -1;  // points; < 0: no bleed and no marks
    std::string subject;  // the spreads' PDF Subject, in the edition's language; empty: the reader's
};

// Throws PressError when the reader's page count is not a multiple of four
// or its pages differ in size.
layout::Document impose_booklet(const layout::Document& reader, const Imposition& how);

// How far sheet `sheet` of `sheets` moves its pages toward the fold.
double creep_shift(int sheet, int sheets, double creep);

}  // namespace lerbrief::press
