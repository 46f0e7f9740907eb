#pragma once
// The fact sheet of one group as vertical items: a front (name, definition,
// examples, the diagram with this group highlighted, the quote), a forced
// break, and a back (its role in each phase, its action-area commitments,
// business and social case, a QR code to its page on the online map).
#include "compose/compose.h"
#include "layout/flow.h"

namespace lerbrief::compose {

struct SheetParts {
    std::vector<layout::VItem> front, back;  // the back is set in kBackColumns columns
};
inline constexpr int kBackColumns = 2;

SheetParts factsheet_parts(const Input& in, const Stakeholder& s, double measure, double scale);

// The largest type scale (1, 1 − step, … down to the layout's minimum) at
// which both sides fit on one page each. Throws FitError naming the side that
// still overflows and by how much.
double fit_factsheet(const Input& in, const Stakeholder& s, const layout::PageGeometry& g);

// Total height of a vertical list laid out in one column.
double list_height(const std::vector<layout::VItem>& v);

}  // namespace lerbrief::compose
