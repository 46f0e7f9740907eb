#pragma once
// The SVG an icon may contain (svg_guard.h): element and attribute names in
// the SVG namespace (or none). Derived from the map website's illustrations
// (path, g, mask; fill, stroke and its presentation attributes) and widened
// to what drawing programs write for flat illustrations.
#include <string_view>

namespace lerbrief::diagram {

// An element an icon may hold (local name, SVG namespace).
bool svg_element_allowed(std::string_view name);
// An element drawn in its own right, to which a style sheet's rules apply.
bool svg_element_drawn(std::string_view name);
// An attribute in no namespace an allowed element may carry (href aside:
// svg_guard.cpp checks it is a reference inside the file).
bool svg_attribute_allowed(std::string_view name);

}  // namespace lerbrief::diagram
