#pragma once
// What icons (icon.cpp) and pictures (picture.cpp) both need: a file read
// whole only when it is a regular file within a byte limit, and a Cairo image
// surface (premultiplied, native-endian ARGB) turned into a straight-RGBA
// Raster. Each caller words its own errors.
#include <cairo.h>

#include <cstdint>
#include <memory>
#include <string>

#include "layout/frame.h"

namespace lerbrief::diagram {

struct BoundedRead {
    enum class Problem { none, missing, not_regular, unreadable, too_large, grew };
    Problem problem = Problem::none;
    std::string data;         // the file, when problem == none
    std::uintmax_t size = 0;  // the file's size, when problem == too_large
    std::string detail;       // the system's words, when there are any
};
BoundedRead read_bounded(const std::string& path, std::uintmax_t max_bytes);

std::shared_ptr<layout::Raster> raster_from_surface(cairo_surface_t* surface, const std::string& key);

}  // namespace lerbrief::diagram
