// Lean pages (render/pdf_page_lean.h): a page whose entries are kept as
// their bytes writes the same file as libharu's page, and no page of a
// rendered document loses an entry.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_objects.h>

#include <map>
#include <regex>
#include <string>
#include <vector>

#include "render/hpdf_handle.h"
#include "render/pdf_page_lean.h"
#include "render/pdf_writer.h"
#include "render/render_error.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using namespace lerbrief::render;

namespace {

std::string saved(HpdfDoc& doc) {
    HPDF_Doc pdf = doc.get();
    doc.check("HPDF_SaveToStream", HPDF_SaveToStream(pdf));
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    auto size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    return out;
}

// Two pages drawn straight through libharu, every step a lean page takes
// between them when `lean` is given. The returned pages are doc's.
std::vector<HPDF_Page> two_pages(HpdfDoc& doc, LeanPages* lean) {
    HPDF_Doc pdf = doc.get();
    doc.check("compression", HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL));
    HPDF_Font font = doc.need(HPDF_GetFont(pdf, "Helvetica", nullptr), "HPDF_GetFont");
    static const HPDF_BYTE pixels[4] = {0, 80, 160, 255};
    HPDF_Image image = doc.need(HPDF_LoadRawImageFromMem(pdf, pixels, 2, 2, HPDF_CS_DEVICE_GRAY, 8), "image");
    std::vector<HPDF_Page> pages;
    for (int i = 0; i < 2; ++i) {
        HPDF_Page page = doc.need(HPDF_AddPage(pdf), "HPDF_AddPage");
        doc.check("width", HPDF_Page_SetWidth(page, 300.5f));
        doc.check("height", HPDF_Page_SetHeight(page, 200));
        doc.check("TrimBox", HPDF_Dict_Add(page, "TrimBox", HPDF_Box_Array_New(pdf->mmgr, HPDF_Box{3, 3, 297.5f, 197})));
        if (lean) lean->adopt(page);
        pages.push_back(page);
    }
    for (int i = 0; i < 2; ++i) {
        HPDF_Page page = pages[i];
        doc.check("text", HPDF_Page_BeginText(page));
        doc.check("font", HPDF_Page_SetFontAndSize(page, font, 12));
        doc.check("text", HPDF_Page_TextOut(page, 20, 100, "Lean"));
        doc.check("text", HPDF_Page_EndText(page));
        doc.check("q", HPDF_Page_GSave(page));
        doc.check("image", HPDF_Page_DrawImage(page, image, 10, 10, 20, 20));
        doc.check("Q", HPDF_Page_GRestore(page));
        // a link to the other page: forward from the first, back from the second
        HPDF_Destination dst = doc.need(HPDF_Page_CreateDestination(pages[1 - i]), "destination");
        doc.need(HPDF_Page_CreateLinkAnnot(page, HPDF_Rect{10, 10, 50, 30}, dst), "link");
        if (lean) compact_page(doc, page);
    }
    for (int i = 0; i < 2; ++i) {
        doc.check("StructParents", HPDF_Dict_AddNumber(pages[i], "StructParents", i));
        doc.check("Tabs", HPDF_Dict_AddName(pages[i], "Tabs", "S"));
        if (lean) compact_page(doc, pages[i]);
    }
    return pages;
}

// The dictionaries of the objects whose /Type is /Page, by object number:
// written by libharu's own save ("N 0 obj\012<<\012…>>\012endobj"), or by
// lerbrief's, inside object streams.
std::vector<std::string> page_dicts(const std::string& pdf) {
    std::map<unsigned, std::string> objects = t::object_stream_members(pdf);
    const std::regex object(R"((\d+) 0 obj\n(<<\n[\s\S]*?)\nendobj)");
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), object); it != std::sregex_iterator(); ++it)
        objects[static_cast<unsigned>(std::stoul((*it)[1].str()))] = (*it)[2].str();
    std::vector<std::string> out;
    for (const auto& [number, body] : objects)
        if (body.find("/Type /Page\n") != std::string::npos) out.push_back(body);
    return out;
}

}  // namespace

TEST_CASE("lean pages: the same bytes as libharu's pages, entries in the same order", "[render][pdf][lean]") {
    HpdfDoc plain_doc, lean_doc;
    two_pages(plain_doc, nullptr);
    LeanPages lean(lean_doc);
    const std::vector<HPDF_Page> pages = two_pages(lean_doc, &lean);
    CHECK(is_lean(pages[0]));
    CHECK(pages[0]->list->count == 0);  // nothing left as libharu objects
    const std::string plain_pdf = saved(plain_doc), lean_pdf = saved(lean_doc);
    CHECK(plain_pdf == lean_pdf);
    const std::vector<std::string> dicts = page_dicts(lean_pdf);
    REQUIRE(dicts.size() == 2);
    INFO(dicts[0]);
    CHECK(std::regex_search(dicts[0], std::regex(R"(^<<\n/Type /Page\n/MediaBox \[ 0 0 300\.5 200 \]\n/Contents \d+ 0 R\n)"
                                                 R"(/Resources <<\n/ProcSet \[ /PDF /Text /ImageB /ImageC /ImageI \]\n)"
                                                 R"(/Font <<\n/F1 \d+ 0 R\n>>\n/XObject <<\n/X1 \d+ 0 R\n>>\n>>\n)"
                                                 R"(/Parent \d+ 0 R\n/TrimBox \[ 3 3 297\.5 197 \]\n/Annots \[ \d+ 0 R \]\n)"
                                                 R"(/StructParents 0\n/Tabs /S\n>>$)")));
}

TEST_CASE("lean pages: an entry added and never compacted fails the save, not the order", "[render][pdf][lean]") {
    HpdfDoc doc;
    LeanPages lean(doc);
    const std::vector<HPDF_Page> pages = two_pages(doc, &lean);
    doc.check("Rotate", HPDF_Dict_AddNumber(pages[1], "Rotate", 90));
    CHECK_THROWS_AS(saved(doc), RenderError);
}

TEST_CASE("lean pages: every page of a rendered tagged document keeps its entries", "[render][pdf][lean]") {
    lerbrief::layout::Document d = t::sample_document();
    d.tagged = true;
    const std::string pdf = render_pdf(d);
    const std::vector<std::string> dicts = page_dicts(pdf);
    REQUIRE(dicts.size() == d.pages.size());
    for (std::size_t i = 0; i < dicts.size(); ++i) {
        INFO("page " << i + 1 << ":\n" << dicts[i]);
        CHECK(std::regex_search(dicts[i], std::regex(R"(^<<\n/Type /Page\n/MediaBox \[ 0 0 612 792 \]\n/Contents \d+ 0 R\n)"
                                                     R"(/Resources <<\n/ProcSet \[ /PDF /Text /ImageB /ImageC /ImageI \]\n)")));
        CHECK(dicts[i].find("/Font <<\n/F1 ") != std::string::npos);
        CHECK(std::regex_search(dicts[i], std::regex(R"(\n/Parent \d+ 0 R\n)")));
        CHECK(std::regex_search(dicts[i], std::regex("\n/StructParents " + std::to_string(i) + "\n/Tabs /S\n>>$")));
    }
    CHECK(std::regex_search(dicts[0], std::regex(R"(\n/XObject <<\n/X1 \d+ 0 R\n)")));  // the image
    CHECK(std::regex_search(dicts[0], std::regex(R"(\n/Annots \[ \d+ 0 R \d+ 0 R \]\n)")));  // the two links
    // qpdf reads every page with its resources
    t::TempDir tmp;
    auto check = t::run_program({"qpdf", "--check", t::write_pdf(tmp, "lean.pdf", pdf).string()});
    INFO(check.out << check.err);
    CHECK(check.status == 0);
}
