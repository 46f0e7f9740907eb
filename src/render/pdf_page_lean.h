#pragma once
// Page dictionaries kept as their written bytes instead of libharu objects.
//
// libharu holds every page's dictionary as objects until the file is saved:
// about 150 bytes an entry (its key is a 128-byte array), 150 bytes a name
// (/Type /Page, the five /ProcSet names), four reals a box, the /Resources
// dictionaries, the graphics state: some 5 KB a page, 20 MB for a booklet of
// 4,186 pages. Yet once an entry is final its bytes are known: every value
// that is not final before the save (a stream's /Length, a font, an
// annotation) is an indirect object, written as "N 0 R", and object numbers
// never change. So a lean page writes its entries, with libharu's own
// writer, into a PageRecord as soon as they are final, frees them, and
// writes the record from the page dictionary's write_fn at save time (the
// same bytes, in the same order).
//
// The HPDF_Page itself stays (destinations, the page tree and annotations
// point to it), with its class and its attributes (HPDF_Page_Validate,
// destinations read attr->xref); its attributes are copied into a larger
// block that also points to the record.
//
// Stages, each keeping the order of the entries:
//   adopt(): right after the page is made and its boxes set. /Type,
//     /MediaBox, /Contents go to the record's head; /Parent and the boxes to
//     its tail; /ProcSet, /Resources' first entry, to the record.
//     /Resources itself stays in the page: libharu adds /Font and /XObject
//     to it while the page is drawn.
//   compact_page(): after the page is drawn. /Resources goes between head
//     and tail, what drawing added (/Annots) after the tail. The graphics
//     state, only needed while drawing, is freed. Called again after later
//     additions (/StructParents, /Tabs), it appends them.
// An entry still in the page dictionary when it is saved would be written
// before the record, out of order: the save fails instead.
#include <hpdf.h>

#include <deque>
#include <string>

#include "render/hpdf_handle.h"

namespace lerbrief::render {

struct PageRecord {
    std::string bytes;        // the entries written so far, each "/Key value\012"
    std::size_t split = 0;    // where /Resources goes in `bytes`
    std::string procset;      // /Resources' first entries, until /Resources is written
    bool resources = false;   // /Resources is in `bytes`
};

class LeanPages {
public:
    explicit LeanPages(HpdfDoc& doc) : doc_(doc) {}
    LeanPages(const LeanPages&) = delete;
    LeanPages& operator=(const LeanPages&) = delete;

    // Makes `page` lean. Call once, before anything is drawn on it. The
    // records live as long as this object: keep it until the document is
    // saved. Throws RenderError.
    void adopt(HPDF_Page page);

private:
    HpdfDoc& doc_;
    std::deque<PageRecord> records_;  // stable addresses until the save
};

// Moves the entries of a lean page's dictionary into its record (see above).
// Does nothing for a page that is not lean. Throws RenderError.
void compact_page(HpdfDoc& doc, HPDF_Page page);

// Whether `page` writes its entries from a record (for tests).
bool is_lean(HPDF_Page page);

// Whether `page` is lean and was compacted after it was drawn: its
// /Resources and /Annots are bytes now, nothing may be drawn or linked on it.
bool is_finished(HPDF_Page page);

}  // namespace lerbrief::render
