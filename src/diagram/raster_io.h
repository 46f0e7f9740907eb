#pragma once
// What icons (icon.cpp) and pictures (picture.cpp) both need: a Cairo image
// surface (premultiplied, native-endian ARGB) turned into a straight-RGBA
// Raster. (Their files are read by model/bounded_read.h.)
#include <cairo.h>

#include <memory>
#include <string>

#include "layout/frame.h"

namespace lerbrief::diagram {

std::shared_ptr<layout::Raster> raster_from_surface(cairo_surface_t* surface, const std::string& key);

}  // namespace lerbrief::diagram
