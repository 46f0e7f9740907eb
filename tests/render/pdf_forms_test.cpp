// Icons' art as form XObjects (render/pdf_forms.h): the content stream of a
// frame of shapes, and the form placed by reference wherever the art is.
#include <catch2/catch.hpp>

#include <memory>

#include "layout/document.h"
#include "render/pdf_forms.h"
#include "render/pdf_writer.h"

using namespace lerbrief;
using layout::PathSeg;

namespace {

layout::Frame art() {
    layout::Frame f;
    f.width = f.height = 100;
    layout::Shape a;
    a.path = {{PathSeg::Op::move, {{10, 20}}}, {PathSeg::Op::line, {{90.004, 20}}}, {PathSeg::Op::close, {}}};
    a.fill = layout::Color{1, 0.5, 0};
    a.stroke = layout::Color{0, 0, 0};
    a.stroke_width = 0.4;
    a.cap = layout::LineCap::round;
    a.join = layout::LineJoin::round;
    a.miter_limit = 4;
    f.items.push_back(a);
    layout::Shape b;
    b.path = {{PathSeg::Op::move, {{0, 0}}}, {PathSeg::Op::curve, {{1, 2}, {3, 4}, {5, 6}}}};
    b.fill = layout::Color{0.2, 0.2, 0.2};
    b.even_odd = true;
    f.items.push_back(b);
    return f;
}

}  // namespace

TEST_CASE("forms: a frame of shapes is drawn with its colours, line style and fill rule, y up") {
    CHECK(render::form_content(art()) ==
          "1 0.5 0 rg\n0 G\n0.4 w\n1 J\n1 j\n4 M\n"
          "10 80 m\n90 80 l\nh\nB\n"
          "0.2 g\n0 100 m\n1 98 3 96 5 94 c\nf*\n");
    CHECK(render::PdfForms::drawable(art()));
    // a form inherits the state where it is placed: PDF's defaults are written too
    layout::Frame plain = art();
    auto& first = std::get<layout::Shape>(plain.items.front());
    first.stroke_width = 1, first.cap = layout::LineCap::butt, first.join = layout::LineJoin::miter, first.miter_limit = 10;
    CHECK(render::form_content(plain).rfind("1 0.5 0 rg\n0 G\n1 w\n0 J\n0 j\n10 M\n", 0) == 0);
    layout::Frame with_text = art();
    with_text.items.push_back(layout::TextItem{});
    CHECK_FALSE(render::PdfForms::drawable(with_text));
}

TEST_CASE("forms: art placed three times is one form in the file") {
    auto frame = std::make_shared<const layout::Frame>(art());
    layout::Document d;
    layout::Page page;
    page.frame.width = 200, page.frame.height = 200;
    for (double x : {0.0, 50.0, 100.0})
        page.frame.items.push_back(layout::GroupItem{{x, 10}, 0.3, frame, false, nullptr, true});
    d.pages.push_back(page);
    const std::string pdf = render::render_pdf(d);
    std::size_t forms = 0;
    for (std::size_t at = 0; (at = pdf.find("/Subtype /Form", at)) != std::string::npos; ++at) ++forms;
    CHECK(forms == 1);
    std::size_t uses = 0;
    for (std::size_t at = 0; (at = pdf.find("/Type /XObject", at)) != std::string::npos; ++at) ++uses;
    CHECK(uses == 1);
}
