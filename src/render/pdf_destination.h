#pragma once
// Where an internal link or a bookmark leads: [page /XYZ 0 top null], the
// point `y` (top-down) at the top of the window, zoom left unchanged.
// (libharu's HPDF_Destination_SetXYZ refuses zoom 0 and cannot write null,
// so the array is rebuilt through the internal object API.)
#include <hpdf.h>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

// `page_height` is the target page's height; `y` is clamped to the page.
// Throws RenderError.
HPDF_Destination make_destination(HpdfDoc& doc, HPDF_Page page, double page_height, double y);

}  // namespace lerbrief::render
