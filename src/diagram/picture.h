#pragma once
// Pictures the content names (the step pictures of "LERs explained"): a PNG
// decoded with Cairo, or an SVG through the icon rasteriser (icon.h, with its
// guard), into a straight-RGBA raster no finer than `ppi` at its printed width.
//
// A PNG's size is checked twice before anything is decoded: the file against
// limits::kMaxPictureBytes, the width and height its IHDR header declares
// against limits::kMaxPicturePixels.
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "layout/frame.h"

namespace lerbrief::diagram {

// "PATH: picture: WHAT IS WRONG". The caller warns and sets the page without it.
class PictureError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// Over limits::kMaxPictureBytes or kMaxPicturePixels: refused before decoding.
class PictureOverLimit : public PictureError {
public:
    using PictureError::PictureError;
};

// Width and height a PNG's IHDR chunk declares; throws PictureError when
// `bytes` do not start with a PNG signature and an IHDR chunk.
struct PixelSize {
    std::size_t width = 0, height = 0;
};
PixelSize png_size(std::string_view bytes, const std::string& path);

// The picture at `path` (.png or .svg, by its extension) for printing
// `printed_width_pt` wide: a PNG keeps its aspect and is scaled down (never
// up) to at most `ppi` pixels an inch of that width; an SVG is rendered
// square at that width (icon.h). key = path (an SVG's: path + "#picture",
// apart from the same file drawn as an icon).
std::shared_ptr<const layout::Raster> load_picture(const std::string& path, double printed_width_pt,
                                                   double ppi = 300);

}  // namespace lerbrief::diagram
