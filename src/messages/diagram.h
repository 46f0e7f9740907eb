#pragma once
// The compromises the diagram's layout made to fit its frame
// (diagram/compute.cpp, Geometry::warnings), as their caller may report them.
#include <cstddef>
#include <string>

namespace lerbrief::msg {

std::string labels_below_minimum(double size, double minimum, std::size_t groups, double width, double height);
std::string only_highlighted_label(std::size_t groups, double width, double height);
std::string labels_left_out(std::size_t groups, double width, double height);
std::string nodes_overlap(std::size_t groups, double width, double height);

}  // namespace lerbrief::msg
