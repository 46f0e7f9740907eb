#include "diagram/svg_allowlist.h"

#include <unordered_set>

namespace lerbrief::diagram {

namespace {

// Elements the map's illustrations and ordinary editors' output use. Not
// here on purpose: <image> and <feImage> (rasters, data: URLs), <script>,
// <foreignObject>, <a>, <pattern> and <marker> (drawn once per tile or
// vertex), <textPath>, <switch>, and filter primitives whose cost grows with
// a parameter (feConvolveMatrix, feMorphology, feTurbulence, lighting).
const std::unordered_set<std::string_view> kElements = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style",
    "path", "circle", "rect", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feFuncR", "feFuncG", "feFuncB", "feFuncA",
    "feComposite", "feDropShadow", "feFlood", "feGaussianBlur", "feMerge", "feMergeNode", "feOffset",
};

// Elements drawn in their own right: a style sheet's url(#…) may apply to
// any of them.
const std::unordered_set<std::string_view> kGraphics = {
    "svg", "g", "use", "path", "circle", "rect", "ellipse", "line", "polyline", "polygon", "text", "tspan",
};

// Attributes (in no namespace) of those elements: geometry, presentation
// attributes, gradient, mask, clip and filter parameters.
const std::unordered_set<std::string_view> kAttributes = {
    "id", "class", "style", "lang", "href", "transform", "version", "baseProfile", "viewBox", "preserveAspectRatio",
    "x", "y", "width", "height", "d", "pathLength", "points", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2",
    "fx", "fy", "fr", "dx", "dy", "rotate", "textLength", "lengthAdjust",
    "offset", "gradientUnits", "gradientTransform", "spreadMethod",
    "clipPathUnits", "maskUnits", "maskContentUnits", "filterUnits", "primitiveUnits",
    "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type", "tableValues", "slope",
    "intercept", "amplitude", "exponent", "stdDeviation", "edgeMode",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
    "display", "visibility", "overflow", "clip", "clip-path", "clip-rule", "mask", "mask-type", "filter",
    "stop-color", "stop-opacity", "flood-color", "flood-opacity", "lighting-color", "color-interpolation",
    "color-interpolation-filters", "color-rendering", "shape-rendering", "text-rendering", "image-rendering",
    "isolation", "mix-blend-mode", "paint-order", "vector-effect", "enable-background", "solid-color",
    "solid-opacity", "font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style",
    "font-variant", "font-weight", "text-anchor", "text-decoration", "dominant-baseline", "alignment-baseline",
    "baseline-shift", "letter-spacing", "word-spacing", "writing-mode", "direction", "unicode-bidi", "media",
    "role", "focusable",
};

}  // namespace

bool svg_element_allowed(std::string_view name) { return kElements.count(name) > 0; }

bool svg_element_drawn(std::string_view name) { return kGraphics.count(name) > 0; }

bool svg_attribute_allowed(std::string_view name) {
    return kAttributes.count(name) > 0 || name.substr(0, 5) == "data-" || name.substr(0, 5) == "aria-";
}

}  // namespace lerbrief::diagram
