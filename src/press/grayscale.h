#pragma once
// The photocopy edition: every colour of a laid-out document turned into the
// gray of the same luminance, so a black-and-white printer or copier prints
// what the reader would see on a gray-only screen, and nothing in the file
// asks for colour ink.
//
// - Fills, strokes and images: the gray whose sRGB value has the colour's
//   relative luminance (diagram::relative_luminance), so lightness is kept.
// - Text: pure black (gray 0), or pure white when the colour was light (text
//   on a dark band). Text is never screened into a halftone.
// - Black stays gray 0, so QR codes and rules stay solid black.
// The writer (src/render) writes gray colours with the gray operators (g, G)
// and all-gray images as DeviceGray, so the file has no RGB at all.
#include "layout/document.h"

namespace lerbrief::press {

// The gray (0 black … 1 white) of the same luminance as `c`.
double luminance_gray(const layout::Color& c);

// Text lighter than this gray is set in white, darker in black.
inline constexpr double kLightText = 0.6;

void to_grayscale(layout::Document& doc);

}  // namespace lerbrief::press
