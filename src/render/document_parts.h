#pragma once
// The document-wide parts of the PDF, each written once by render_pdf after
// every page exists. All throw RenderError.
#include <hpdf.h>

#include <string>
#include <vector>

#include "layout/document.h"
#include "render/hpdf_handle.h"

namespace lerbrief::render {

// Bookmarks from the flattened tree: an entry's parent is the nearest earlier
// entry one level up; a level that skips ahead is nested one level deeper
// than the previous entry. Top-level entries open, the rest closed. Titles
// are UTF-8, stored as UTF-16 text strings.
void write_outline(HpdfDoc& doc, const std::vector<layout::OutlineEntry>& outline,
                   const std::vector<HPDF_Page>& pages, const std::vector<double>& page_heights);

// Page labels (the page numbers a viewer shows). Ranges may come in any
// order but one must start at page 0 and no two at the same page.
void write_page_labels(HpdfDoc& doc, const std::vector<layout::PageLabelRange>& labels,
                       std::size_t page_count);

// The label a viewer shows for each page ("iii", "7"; the prefix alone for
// a range without numbers), or "" where no range covers it.
std::vector<std::string> page_label_texts(const std::vector<layout::PageLabelRange>& labels, std::size_t page_count);

// Title, author, subject, keywords, creator (UTF-8 info strings); creation
// and modification date from meta.date ("YYYY-MM-DDTHH:MM:SS", UTC) when not
// empty; the catalog /Lang from meta.language. Needs the document's current
// encoder to be "UTF-8". Never reads the clock.
void write_metadata(HpdfDoc& doc, const layout::Metadata& meta);

class PdfSink;
// Saves the document into `sink` as libharu writes it (no copy of the file
// is kept); rethrows what the sink threw.
void save_to_sink(HpdfDoc& doc, PdfSink& sink);

}  // namespace lerbrief::render
