#pragma once
// `lerbrief --preflight` (#16 item 12): the typographer's measures of one
// composed document (model/preflight.h names them and their thresholds).
// Taken from what layout recorded of each line (compose::Composed::lines:
// style, size, word-space ratio, added hyphen, place in its paragraph) and
// from the pages' items (how far down the text area a page is filled, the
// images' resolution). Pure: no files, no messages.
#include <string>

#include "compose/compose.h"
#include "layout/flow.h"
#include "model/preflight.h"

namespace lerbrief::preflight {

// The measures of `c`, laid out on pages of geometry `g`; `name` is how the
// run names its file, `sheet` whether it is a fact sheet.
DocumentMeasures measure(const compose::Composed& c, const layout::PageGeometry& g, const std::string& name,
                         bool sheet);

// The share of the text height a page's content fills, 0–1: from the top of
// the text area to the lowest item inside it (the running head and foot, in
// the margins, and bands that run past the text area are not content).
double page_fill(const layout::Frame& page, const layout::PageGeometry& g);

// Whether a page of this kind (Composed::page_kind) is one that should hold
// content: not a cover, a notes or a blank page.
bool holds_content(layout::PageKind kind);

}  // namespace lerbrief::preflight
