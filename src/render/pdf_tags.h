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
#include <cstdint>
#include <deque>
#include <functional>
#include <unordered_map>
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

    // The page's items are gone (the writer releases each page once drawn):
    // elements whose node nothing else holds any more (no item, no child)
    // forget it. Amortised: a pass over the live nodes only when they have
    // doubled since the last. Keeps what an element writes (its role, and
    // the node itself when it has /Alt, /ActualText or a /Scope).
    // Sound because no node is made while a document is drawn: every node a
    // later item names is alive from the start, so a forgotten node's
    // address cannot come back as another's (here, or in the page writer's
    // carry from one page to the next, pdf_page.h).
    void page_done();

    // Writes the tree and the document-level entries. `pages` are all pages.
    // The tree's objects are shells (pdf_body.h): the writer must outlive
    // the save.
    void finish(const std::vector<HPDF_Page>& pages, const layout::Metadata& meta);

private:
    using Index = std::uint32_t;
    static constexpr Index kNone = static_cast<Index>(-1);
    // An element's kids are a list threaded through kids_ (first, last,
    // next): 16 bytes a kid, no vector an element.
    struct Kid {
        enum class Kind : unsigned char { elem, mcid, annot } kind;
        Index value = 0;  // elem: index into elems_; mcid: the MCID; annot: index into annot_objs_
        Index page = 0;   // mcid, annot
        Index next = kNone;
    };
    struct Elem final : Body {
        Elem(const StructureWriter* w, layout::Tag n, Index p)
            : writer(w), node(std::move(n)), parent(p), role(node ? node->role : layout::Role::span), link(!node) {}
        const StructureWriter* writer;
        layout::Tag node;  // held while items may still name it (page_done), and for its /Alt, /ActualText, /Scope
        Index parent;      // index into elems_, kDocument for the document
        Index first = kNone, last = kNone;  // its kids in kids_
        Index page = 0;    // the page of its first content (/Pg)
        layout::Role role;  // not read for a Link element
        bool link = false;  // a Link element
        bool has_page = false;
        HPDF_Dict obj = nullptr;
        void write(PdfOut& out) const override;
    };
    struct Written final : Body {  // the root, the Document element, the ParentTree's nodes
        std::function<void(PdfOut&)> fn;
        void write(PdfOut& out) const override { fn(out); }
    };
    static constexpr Index kDocument = kNone;

    Index element(const layout::Tag& tag);  // registers tag and its ancestors
    void add_kid(Index parent, Kid kid);
    HPDF_Dict written(const char* what, std::function<void(PdfOut&)> fn);
    const void* page_obj(std::size_t page) const { return pages_->at(page); }

    HpdfDoc& doc_;
    std::deque<Elem> elems_;  // not a vector: no spare capacity (up to half of it, MBs in a booklet)
    std::deque<Kid> kids_;
    std::vector<Index> document_kids_;
    // The elements of the nodes items may still name; page_done() forgets
    // the others (a node's address may be reused once it is freed).
    std::unordered_map<const layout::StructNode*, Index> index_;
    std::size_t index_after_prune_ = 0;
    std::vector<std::vector<Index>> page_mcids_;  // page → element of each MCID
    std::vector<Index> annots_;                   // → Link element, key = pages + i
    std::vector<HPDF_Dict> annot_objs_;           // the link annotations, by Kid::value
    std::deque<Written> written_;
    HPDF_Dict root_ = nullptr, document_ = nullptr, tree_ = nullptr;
    const std::vector<HPDF_Page>* pages_ = nullptr;  // set by finish()
};

}  // namespace lerbrief::render
