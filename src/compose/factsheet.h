#pragma once
// The fact sheet of one group as vertical items: a front (name, definition,
// examples, the diagram with this group highlighted, the quote), a forced
// break, and a back (its role in each phase, its action-area commitments,
// business and social case, a QR code to its page on the online map).
#include <vector>

#include "compose/compose.h"
#include "layout/flow.h"

namespace lerbrief::compose {

inline constexpr int kBackColumns = 2;

struct SheetParts {
    std::vector<layout::VItem> front, back;
    int back_columns = 1;
};

struct FittedSheet {
    SheetParts parts;
    Diagnostics warnings;  // what fitting reported
};

// The type scale of every fact sheet of the set (each group with content,
// alone and in the booklet): the largest at which all fit, found by
// bisection, capped so the back's columns hold some 60 characters a line,
// never below the layout's minimum. Once per job (Input::sheets), thread-safe.
double sheet_scale(const Input& in, const layout::PageGeometry& g);

// The sheet's two sides at the set's scale, both in kBackColumns balanced
// columns (the front's under its name and the full-width diagram); the
// back's first phases and areas move onto the front when the back needs
// room or the front has room to spare. Throws FitError naming the side that still
// overflows and by how much. Fitted once per job and group
// (Input::sheets); later calls copy the parts and repeat the warnings.
// `standalone`: a sheet printed on its own also says what each of its action
// areas is (the booklet's copies sit next to the areas' pages).
SheetParts fit_factsheet(const Input& in, const Stakeholder& s, const layout::PageGeometry& g,
                         bool standalone = false);

// How many vertical items the booklet's copy of the sheet has (both sides),
// fitting and keeping it as fit_factsheet does (its warnings wait for
// fit_factsheet): what the booklet reserves its list for. 0 without a cache.
std::size_t factsheet_items(const Input& in, const Stakeholder& s, const layout::PageGeometry& g);

// The booklet's copies of these sheets fitted and kept ahead, on two threads
// when there are two cores (each sheet's fitting depends on the set's scale
// and its own content alone, not on the thread or the order). A sheet that
// fails is left for factsheet_items to fit again and report in its turn.
// Nothing without a cache.
void fit_factsheets_ahead(const Input& in, const std::vector<const Stakeholder*>& sheets,
                          const layout::PageGeometry& g);

// The booklet's loan of its copy of the sheet (fitted and kept first if need
// be): taken out of the cache, its parts moved, not copied, and its warnings
// reported as fit_factsheet does. return_factsheet puts it back unchanged
// for the next pass. Between the two a later call fits the sheet anew. The
// 2,000 groups' sheets (~11 MB of lines) are no longer held by the cache and the list at once.
FittedSheet borrow_factsheet(const Input& in, const Stakeholder& s, const layout::PageGeometry& g);
void return_factsheet(const Input& in, const Stakeholder& s, const layout::PageGeometry& g, FittedSheet sheet);

// Drops the sheet fit_factsheet kept for these arguments (its parts and
// warnings) once nothing will ask for it again: the booklet after its last
// pass, a sheet printed alone once it is set. A later call fits it anew.
// The cached sides of 2,000 groups are ~19 MB that would otherwise stay
// until the job ends, through the booklet's rendering.
void forget_factsheet(const Input& in, const Stakeholder& s, const layout::PageGeometry& g,
                      bool standalone = false);

// The one-line credit a fact sheet carries, from the content's source, in
// the edition's language (factsheet.credit-*); empty when the source names
// neither its title nor its link.
std::string credit_line(const Strings& s, const Source& src);

// An action area's summary in one line, for a sheet alone: a long one is
// cut after its first sentence (a full stop of the language's abbreviations,
// factsheet.not-sentence-ends, ends none). Markup.
std::string one_line(const Strings& s, const Text& summary);

// Total height of a vertical list laid out in one column.
double list_height(const std::vector<layout::VItem>& v);

}  // namespace lerbrief::compose
