#include "render/pdf_links.h"

#include <hpdf_doc.h>

#include <utility>

#include "render/pdf_page_lean.h"
#include "render/render_error.h"

namespace lerbrief::render {

void LinkAnnotation::write(PdfOut& out) const {
    HPDF_Rect r = rect;
    if (r.top < r.bottom) std::swap(r.top, r.bottom);
    out.key("Rect").raw("[ ").real(r.left).raw(" ").real(r.bottom).raw(" ").real(r.right).raw(" ").real(r.top);
    out.raw(" ]").end();
    out.key("Type").name("Annot").end();
    out.key("Subtype").name("Link").end();
    if (dest) {
        out.key("Dest").ref(dest).end();
    } else {
        out.key("A").raw("<<\012");
        out.key("Type").name("Action").end();
        out.key("S").name("URI").end();
        out.key("URI").ascii(uri).end();
        out.raw(">>").end();
    }
    out.key("P").ref(page).end();
    out.key("Border").raw("[ 0 0 0 ]").end();
    if (struct_parent >= 0) out.key("StructParent").integer(struct_parent).end();
    if (!contents.empty()) out.key("Contents").text(contents).end();
}

LinkAnnotations::Added LinkAnnotations::add(std::size_t page, LinkAnnotation annot) {
    HPDF_Doc pdf = doc_.get();
    annot.page = pages_.at(page);
    // its /Annots (arrays_) was written to the page's record and freed
    if (is_finished(annot.page)) throw RenderError("pdf: a link added to a page already finished");
    LinkAnnotation& a = annots_.emplace_back(std::move(annot));
    HPDF_Dict obj = add_shell(doc_, a, "a link annotation");
    if (arrays_.size() < pages_.size()) arrays_.resize(pages_.size(), nullptr);
    HPDF_Array& array = arrays_[page];
    if (!array) {
        array = doc_.need(HPDF_Array_New(pdf->mmgr), "a page's /Annots");
        doc_.check("a page's /Annots", HPDF_Dict_Add(a.page, "Annots", array));
    }
    doc_.check("a page's /Annots", HPDF_Array_Add(array, obj));
    return {a, obj};
}

}  // namespace lerbrief::render
