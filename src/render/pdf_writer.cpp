#include "render/pdf_writer.h"

#include <fmt/format.h>
#include <hpdf_objects.h>

#include <optional>
#include <system_error>
#include <vector>

#include "render/document_parts.h"
#include "render/flate.h"
#include "model/limits.h"
#include "render/hpdf_handle.h"
#include "render/pdf_fonts.h"
#include "render/pdf_forms.h"
#include "render/pdf_images.h"
#include "render/pdf_links.h"
#include "render/pdf_page.h"
#include "render/pdf_page_lean.h"
#include "render/page_compressor.h"
#include "render/pdf_tags.h"
#include "render/shared_work.h"

namespace lerbrief::render {

namespace {

// libharu's page size limits (HPDF_MIN_PAGE_SIZE, HPDF_MAX_PAGE_SIZE).
constexpr double kMinPageSize = 3, kMaxPageSize = 14400;

void setup(HpdfDoc& doc) {
    HPDF_Doc pdf = doc.get();
    doc.check("HPDF_SetCompressionMode", HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL));
    doc.check("HPDF_UseUTFEncodings", HPDF_UseUTFEncodings(pdf));
    doc.check("HPDF_SetCurrentEncoder", HPDF_SetCurrentEncoder(pdf, "UTF-8"));
}

// A print box (TrimBox, BleedBox) in PDF space, through libharu's object
// layer: 2.3.0 has no call for them.
void set_box(HpdfDoc& doc, HPDF_Page page, const char* name, const std::optional<layout::Box>& b, double height) {
    if (!b) return;
    HPDF_Box box{static_cast<HPDF_REAL>(b->x), static_cast<HPDF_REAL>(height - b->y - b->height),
                 static_cast<HPDF_REAL>(b->x + b->width), static_cast<HPDF_REAL>(height - b->y)};
    HPDF_Array array = doc.need(HPDF_Box_Array_New(page->mmgr, box), name);
    doc.check(name, HPDF_Dict_Add(page, name, array));
}

// All pages first: internal links may point forward.
// Each page lean (pdf_page_lean.h) once its size and boxes are set.
std::vector<HPDF_Page> add_pages(HpdfDoc& doc, LeanPages& lean, const layout::Document& d,
                                 std::vector<double>& heights) {
    std::vector<HPDF_Page> pages;
    for (std::size_t i = 0; i < d.pages.size(); ++i) {
        const layout::Frame& f = d.pages[i].frame;
        if (!(f.width >= kMinPageSize && f.width <= kMaxPageSize && f.height >= kMinPageSize &&
              f.height <= kMaxPageSize))
            throw RenderError(fmt::format("pdf: page {}: size {} x {} pt is outside {}..{} pt", i + 1,
                                          f.width, f.height, kMinPageSize, kMaxPageSize));
        HPDF_Page page = doc.need(HPDF_AddPage(doc.get()), "HPDF_AddPage");
        doc.check("HPDF_Page_SetWidth", HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(f.width)));
        doc.check("HPDF_Page_SetHeight", HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(f.height)));
        set_box(doc, page, "TrimBox", d.pages[i].trim, f.height);
        set_box(doc, page, "BleedBox", d.pages[i].bleed, f.height);
        lean.adopt(page);
        pages.push_back(page);
        heights.push_back(f.height);
    }
    return pages;
}

// `release`, when given, is `document` itself: each page's items are freed
// once the page is drawn.
void render(const layout::Document& document, layout::Document* release, PdfSink& sink) {
    if (document.pages.empty()) throw RenderError("pdf: the document has no pages");
    PageSpool spool(limits::kPageSpoolAfterBytes);  // outlives the document, whose pages read from it
    HpdfDoc doc;
    setup(doc);
    LeanPages lean(doc);  // the pages' records, written when the document is saved
    std::vector<double> heights;
    std::vector<HPDF_Page> pages = add_pages(doc, lean, document, heights);
    PdfFonts fonts(doc, document.fonts);
    PdfImages images(doc, printed_sizes(document));
    std::optional<StructureWriter> tags;
    if (document.tagged) tags.emplace(doc, pages.size());
    LinkAnnotations links(doc, pages);  // written when the document is saved
    PdfForms forms(doc);
    // joined before what it reads (images' printed sizes, the memos) goes
    std::optional<SharedWorkHelper> helper;
    if (document.second_core) helper.emplace(shared_work(document), images);
    PageTargets targets{doc, fonts, images, forms, links, pages, heights, tags ? &*tags : nullptr};
    if (tags) targets.labels = page_label_texts(document.labels, pages.size());
    targets.page_link = document.meta.page_link;
    std::optional<PageCompressor> compressor;  // pages compressed while the next are drawn
    if (document.second_core) try {
            compressor.emplace(doc, spool);
        } catch (const std::system_error&) {  // no thread: each page compressed here
        }
    for (std::size_t i = 0; i < pages.size(); ++i) {
        draw_page(targets, i, document.pages[i].frame);
        // held compressed until the document is saved
        if (compressor) compressor->add(pages[i]);
        else deflate_page(doc, pages[i], spool);
        compact_page(doc, pages[i]);  // its /Resources and /Annots are final
        if (release) {
            std::vector<layout::Item>().swap(release->pages[i].frame.items);
            if (tags) tags->page_done();  // the structure forgets the nodes only those items held
        }
    }
    helper.reset();  // done with the pages: let go of what it holds
    if (compressor) compressor->finish();
    write_outline(doc, document.outline, pages, heights);
    write_page_labels(doc, document.labels, pages.size());
    write_metadata(doc, document.meta);
    if (tags) tags->finish(pages, document.meta);
    fonts.finish();
    try {
        save_to_sink(doc, sink);
    } catch (const RenderError&) {
        spool.rethrow_if_failed();  // reading the pages back failed, not libharu
        throw;
    }
}

struct StringSink : PdfSink {
    std::string bytes;
    void write(std::string_view b) override { bytes.append(b); }
};

}  // namespace

void render_pdf(const layout::Document& document, PdfSink& sink) { render(document, nullptr, sink); }

std::string render_pdf(const layout::Document& document) {
    StringSink s;
    render(document, nullptr, s);
    return std::move(s.bytes);
}

void render_pdf_releasing(layout::Document& document, PdfSink& sink) { render(document, &document, sink); }

std::string render_pdf_releasing(layout::Document& document) {
    StringSink s;
    render(document, &document, s);
    return std::move(s.bytes);
}

}  // namespace lerbrief::render
