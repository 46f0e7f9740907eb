#pragma once
// Tagged PDF (issue 17): the structure tree from the items' tags.
//
// The page writer (pdf_page.cpp) asks for an MCID each time it opens a
// structural marked-content sequence (`/Role <</MCID n>> BDC … EMC`), tells
// about elements whose items draw nothing, and hands over each link
// annotation. An element is placed among its parent's children when its
// first content (or its first descendant's) is drawn: the reading order is
// the drawing order. finish() then writes, as shells (pdf_body.h: a few
// hundred bytes an element, where libharu's dictionaries took two
// kilobytes), the StructTreeRoot with one Document element, every element (/S, /P, /Pg,
// /K with MCIDs, MCRs and OBJRs, /Alt, /ActualText, a TH's /Scope), the
// ParentTree (a number tree: each page's MCIDs → their elements, each link
// annotation → its Link element), /StructParents on every page, /MarkInfo,
// /ViewerPreferences /DisplayDocTitle, /Tabs /S on every page, the XMP
// metadata with the PDF/UA-1 identifier, and PDF version 1.7.
//
// Nothing here reads the clock: the same tags give the same bytes.
// Throws RenderError when libharu fails.
#include <hpdf.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "layout/document.h"
#include "layout/frame.h"
#include "render/hpdf_handle.h"
#include "render/pdf_body.h"
#include "render/pdf_links.h"

namespace lerbrief::render {

// "H1", "P", "LBody", …: the standard structure type of a role.
std::string_view role_name(layout::Role role);

// The XMP packet for `meta` (dc:title, dc:creator, dc:description,
// xmp:CreateDate/ModifyDate, pdf:Producer when not empty, pdfuaid:part 1),
// XML-escaped.
std::string xmp_packet(const layout::Metadata& meta, std::string_view producer);

class StructureWriter {
public:
    StructureWriter(HpdfDoc& doc, std::size_t page_count);
    StructureWriter(const StructureWriter&) = delete;
    StructureWriter& operator=(const StructureWriter&) = delete;

    // A new marked-content sequence of `tag` (not null) on page `page`: its
    // MCID (0, 1, … on each page), recorded as the element's content.
    int mark(const layout::Tag& tag, std::size_t page);
    // `tag`'s element exists (and takes its place) although it draws nothing.
    void touch(const layout::Tag& tag);
    // A Link element under `tag`'s element (the document's when null)
    // holding `annot` (object `obj`) on page `page`; the annotation gets
    // its /StructParent.
    void link(const layout::Tag& tag, LinkAnnotation& annot, HPDF_Dict obj, std::size_t page);

    // Writes the tree and the document-level entries. `pages` are all pages.
    // The tree's objects are shells (pdf_body.h): the writer must outlive
    // the save.
    void finish(const std::vector<HPDF_Page>& pages, const layout::Metadata& meta);

private:
    struct Kid {
        enum class Kind : unsigned char { elem, mcid, annot } kind;
        int mcid = 0;           // mcid
        std::size_t elem = 0;   // elem: index into elems_
        std::size_t page = 0;   // mcid, annot
        HPDF_Dict annot = nullptr;
    };
    struct Elem final : Body {
        Elem(const StructureWriter* w, layout::Tag n, std::size_t p) : writer(w), node(std::move(n)), parent(p) {}
        const StructureWriter* writer;
        layout::Tag node;        // null: a Link element
        std::size_t parent = 0;  // index into elems_, kDocument for the document
        std::vector<Kid> kids;
        bool has_page = false;
        std::size_t page = 0;  // the page of its first content (/Pg)
        HPDF_Dict obj = nullptr;
        void write(PdfOut& out) const override;
    };
    struct Written final : Body {  // the root, the Document element, the ParentTree's nodes
        std::function<void(PdfOut&)> fn;
        void write(PdfOut& out) const override { fn(out); }
    };
    static constexpr std::size_t kDocument = static_cast<std::size_t>(-1);

    std::size_t element(const layout::Tag& tag);  // registers tag and its ancestors
    void add_kid(std::size_t parent, Kid kid);
    HPDF_Dict written(const char* what, std::function<void(PdfOut&)> fn);
    const void* page_obj(std::size_t page) const { return pages_->at(page); }

    HpdfDoc& doc_;
    std::deque<Elem> elems_;  // not a vector: no spare capacity (up to half of it, MBs in a booklet)
    std::vector<std::size_t> document_kids_;
    std::map<const layout::StructNode*, std::size_t> index_;
    std::vector<std::vector<std::size_t>> page_mcids_;  // page → element of each MCID
    std::vector<std::size_t> annots_;                   // → Link element, key = pages + i
    std::deque<Written> written_;
    HPDF_Dict root_ = nullptr, document_ = nullptr, tree_ = nullptr;
    const std::vector<HPDF_Page>* pages_ = nullptr;  // set by finish()
};

}  // namespace lerbrief::render
