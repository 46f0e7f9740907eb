#pragma once
// Link annotations, written as shells (pdf_body.h): a URI link or a link to
// a destination in the document, with no border. A tagged document's links
// also carry /StructParent (their key in the ParentTree) and /Contents (what
// a screen reader announces). The bytes are those libharu's
// HPDF_Page_CreateURILinkAnnot / HPDF_Page_CreateLinkAnnot and
// HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0) write; a link costs about a
// tenth of their memory.
#include <hpdf.h>

#include <deque>
#include <string>
#include <vector>

#include "render/hpdf_handle.h"
#include "render/pdf_body.h"

namespace lerbrief::render {

struct LinkAnnotation final : Body {
    HPDF_Rect rect{};                 // page space; top and bottom in either order
    HPDF_Page page = nullptr;         // /P
    std::string uri;                  // a URI action (7-bit ASCII) …
    HPDF_Destination dest = nullptr;  // … or a destination
    int struct_parent = -1;           // tagged: its ParentTree key
    std::string contents;             // tagged: its /Contents
    void write(PdfOut& out) const override;
};

class LinkAnnotations {
public:
    LinkAnnotations(HpdfDoc& doc, const std::vector<HPDF_Page>& pages) : doc_(doc), pages_(pages) {}
    LinkAnnotations(const LinkAnnotations&) = delete;
    LinkAnnotations& operator=(const LinkAnnotations&) = delete;

    // A link on page `page` (index into pages), added to its /Annots.
    // The annotation's object is `obj` of the result.
    struct Added {
        LinkAnnotation& annot;
        HPDF_Dict obj;
    };
    Added add(std::size_t page, LinkAnnotation annot);

private:
    HpdfDoc& doc_;
    const std::vector<HPDF_Page>& pages_;
    std::deque<LinkAnnotation> annots_;  // stable addresses until the save
    std::vector<HPDF_Array> arrays_;     // each page's /Annots, once it has one
};

}  // namespace lerbrief::render
