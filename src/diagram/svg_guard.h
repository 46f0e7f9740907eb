#pragma once
// What an icon's SVG may contain, decided before librsvg sees a byte of it.
//
// The file is read once with libxml2's xmlReader (the parser librsvg itself
// uses), from memory, with no network, no entity substitution, no DTD loading
// and libxml2's default size limits (never XML_PARSE_HUGE). It is checked
// against an allowlist of the SVG elements and attributes illustrations use:
// shapes, groups, <use>, gradients, clip paths, masks, simple filters, text,
// style sheets. Elements and attributes of other namespaces (Inkscape,
// Sodipodi, RDF metadata) are ignored, as librsvg ignores them. References
// must stay inside the file (`#id`): no other file, no data: URL.
//
// Then the work the drawing would take is computed without drawing it: each
// element's cost is itself, its children and everything it references
// (<use>, url(#…)), so a <use> fan-out multiplies; the totals are bounded by
// the icon limits of model/limits.h. A reference cycle is refused.
#include <cstdint>
#include <string>
#include <string_view>

#include "diagram/icon.h"

namespace lerbrief::diagram {

// What guard_svg measured, for tests and the curious.
struct SvgCost {
    std::size_t elements = 0;           // in the file
    std::uint64_t expanded = 0;         // once <use> and url(#…) references are expanded
    std::uint64_t filter_primitives = 0;  // filter primitives applied, expanded likewise
    std::size_t nesting = 0;            // deepest element, counting through references
    std::size_t use_depth = 0;          // longest chain of <use> references
    // <text> and <tspan> elements: librsvg sets them with the fonts this
    // machine has, so their drawing is not the file's alone (icon_cache.h)
    std::size_t text = 0;
};

// Throws IconError ("PATH: icon: WHAT") when the SVG is not well-formed or
// holds something an icon may not (a DTD, <image>, <feImage>, a script, a
// reference outside the file…), and IconOverLimit when it is over one of the
// icon limits. Thread-safe; keeps no state.
SvgCost guard_svg(const std::string& path, std::string_view svg);

}  // namespace lerbrief::diagram
