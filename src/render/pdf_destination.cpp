#include "render/pdf_destination.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>

namespace lerbrief::render {

HPDF_Destination make_destination(HpdfDoc& doc, HPDF_Page page, double page_height, double y) {
    HPDF_Destination dst = doc.need(HPDF_Page_CreateDestination(page), "HPDF_Page_CreateDestination");
    auto top = static_cast<HPDF_REAL>(std::clamp(page_height - y, 0.0, page_height));
    HPDF_Array_Clear(dst);
    HPDF_STATUS st = HPDF_Array_Add(dst, page);
    if (st == HPDF_OK) st = HPDF_Array_AddName(dst, "XYZ");
    if (st == HPDF_OK) st = HPDF_Array_AddReal(dst, 0);
    if (st == HPDF_OK) st = HPDF_Array_AddReal(dst, top);
    if (st == HPDF_OK) st = HPDF_Array_Add(dst, HPDF_Null_New(doc.get()->mmgr));
    doc.check("building a destination", st);
    return dst;
}

}  // namespace lerbrief::render
