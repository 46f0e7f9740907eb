// Memory-saving forms that must not change the PDF (issue 14): a QR code kept
// as its module matrix (layout::QrItem) draws exactly the bytes of the path
// it stands for, and every page's content stream, deflated as soon as the
// page is drawn (render/flate.cpp), reads back as the same operators; and
// rendering that frees each page once drawn writes the same bytes.
#include <catch2/catch.hpp>

#include <memory>

#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using namespace lerbrief::layout;

namespace {

// Rows "110", "010", "111": three runs of dark modules.
QrItem small_code(Point pos) {
    QrItem q;
    q.pos = pos;
    q.module = 2;
    q.side = 3;
    q.quiet = 1;
    q.bits = {0b11010011, 0b1};  // modules 0,1,4,6,7,8
    return q;
}

Document one_page(Item item) {
    Document d;
    d.fonts = t::bundled_fonts();
    Page p;
    p.frame.width = 612, p.frame.height = 792;
    p.frame.items.push_back(t::text_at(72, 72, 0, "QR"));
    p.frame.items.push_back(item);
    auto nested = std::make_shared<Frame>();
    nested->width = nested->height = 100;
    nested->items.push_back(item);
    p.frame.items.push_back(GroupItem{{300, 300}, 1.5, nested});
    d.pages.push_back(p);
    return d;
}

}  // namespace

TEST_CASE("qr_shape: one rectangle for each run of dark modules, rows top to bottom", "[render][qr]") {
    const Shape s = qr_shape(small_code({10, 20}));
    REQUIRE(s.fill);
    CHECK(*s.fill == kBlack);
    CHECK(!s.stroke);
    REQUIRE(s.path.size() == 15);
    // first run: modules 0..1 of row 0, one module of quiet zone, module 2 pt
    CHECK(s.path[0].op == PathSeg::Op::move);
    CHECK(s.path[0].p[0].x == 12);
    CHECK(s.path[0].p[0].y == 22);
    CHECK(s.path[2].p[0].x == 16);
    CHECK(s.path[2].p[0].y == 24);
    CHECK(s.path[4].op == PathSeg::Op::close);
    // second run: module 1 of row 1
    CHECK(s.path[5].p[0].x == 14);
    CHECK(s.path[5].p[0].y == 24);
    // third run: the whole of row 2
    CHECK(s.path[10].p[0].x == 12);
    CHECK(s.path[12].p[0].x == 18);
    CHECK(s.path[12].p[0].y == 28);
    QrItem broken = small_code({0, 0});
    broken.bits.pop_back();
    CHECK(qr_shape(broken).path.empty());
}

TEST_CASE("a QR item writes the same PDF as the path it stands for", "[render][qr]") {
    const QrItem q = small_code({40, 50});
    const std::string compact = lerbrief::render::render_pdf(one_page(q));
    const std::string path = lerbrief::render::render_pdf(one_page(qr_shape(q)));
    CHECK(compact == path);
}

TEST_CASE("page content streams are written deflated and read back as the operators drawn", "[render][pdf]") {
    const std::string pdf = lerbrief::render::render_pdf(one_page(small_code({40, 50})));
    CHECK(pdf.find("BT\012") == std::string::npos);  // no content stream left uncompressed
    CHECK(pdf.find("/Filter [ /FlateDecode ]") != std::string::npos);
    t::TempDir tmp;
    const auto file = t::write_pdf(tmp, "q.pdf", pdf);
    auto check = t::run_program({"qpdf", "--check", file.string()});
    CHECK(check.status == 0);
    const std::string qdf = t::qdf_text(file);
    CHECK(qdf.find("\nBT\n") != std::string::npos);
    CHECK(qdf.find("42 740 m\n46 740 l\n46 738 l\n42 738 l\nh\n") != std::string::npos);  // the first run
}

TEST_CASE("render_pdf_releasing writes the same bytes and empties the pages' items", "[render][pdf]") {
    Document d = t::sample_document();
    const std::string kept = lerbrief::render::render_pdf(d);
    const std::size_t pages = d.pages.size();
    const std::string released = lerbrief::render::render_pdf_releasing(d);
    CHECK(released == kept);
    REQUIRE(d.pages.size() == pages);
    for (const auto& p : d.pages) {
        CHECK(p.frame.items.empty());
        CHECK(p.frame.width == 612);
    }
}
