// Bookmarks (the PDF document outline).
#include <fmt/format.h>

#include <algorithm>

#include "render/document_parts.h"
#include "render/pdf_destination.h"
#include "render/render_error.h"
#include "render/text_codes.h"

namespace lerbrief::render {

void write_outline(HpdfDoc& doc, const std::vector<layout::OutlineEntry>& outline,
                   const std::vector<HPDF_Page>& pages, const std::vector<double>& page_heights) {
    HPDF_Encoder utf8 = doc.need(HPDF_GetEncoder(doc.get(), "UTF-8"), "HPDF_GetEncoder UTF-8");
    std::vector<HPDF_Outline> parents;  // parents[k] = the latest entry of level k + 1
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const layout::OutlineEntry& e = outline[i];
        std::string where = fmt::format("bookmark {} '{}'", i + 1, e.title);
        pdf_code_points(e.title, where);
        if (e.page < 0 || static_cast<std::size_t>(e.page) >= pages.size())
            throw RenderError(fmt::format("pdf: {}: page {} is not in the document ({} pages)", where,
                                          e.page + 1, pages.size()));
        auto level =
            static_cast<std::size_t>(std::clamp<long>(e.level, 1, static_cast<long>(parents.size()) + 1));
        parents.resize(level - 1);
        HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
        HPDF_Outline o = doc.need(HPDF_CreateOutline(doc.get(), parent, e.title.c_str(), utf8), where);
        auto page = static_cast<std::size_t>(e.page);
        doc.check(where, HPDF_Outline_SetDestination(
                             o, make_destination(doc, pages[page], page_heights[page], e.y)));
        doc.check(where, HPDF_Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE));
        parents.push_back(o);
    }
}

}  // namespace lerbrief::render
