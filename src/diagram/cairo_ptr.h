#pragma once
// RAII owners for the Cairo objects this stage creates. Every cairo_t,
// cairo_surface_t, cairo_path_t and cairo_pattern_t is held by one of these
// from the moment it is created; nothing is destroyed by hand.
#include <cairo.h>

#include <memory>

namespace lerbrief::diagram {

struct CairoDeleter {
    void operator()(cairo_t* p) const { cairo_destroy(p); }
    void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
    void operator()(cairo_path_t* p) const { cairo_path_destroy(p); }
    void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
    void operator()(cairo_font_options_t* p) const { cairo_font_options_destroy(p); }
    void operator()(cairo_device_t* p) const {
        cairo_device_finish(p);
        cairo_device_destroy(p);
    }
};

using ContextPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using PathPtr = std::unique_ptr<cairo_path_t, CairoDeleter>;
using PatternPtr = std::unique_ptr<cairo_pattern_t, CairoDeleter>;
using DevicePtr = std::unique_ptr<cairo_device_t, CairoDeleter>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoDeleter>;

}  // namespace lerbrief::diagram
