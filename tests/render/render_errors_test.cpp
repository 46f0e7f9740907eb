// What render_pdf refuses, and the exact messages (they reach the user).
#include <catch2/catch.hpp>
#include <cmath>

#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace {

namespace t = lerbrief::test;
using namespace lerbrief::layout;
using lerbrief::render::render_pdf;
using lerbrief::render::RenderError;

Document one_page(Item item) { return t::letter_page({std::move(item)}); }

std::string error_of(const Document& d) {
    try {
        render_pdf(d);
    } catch (const RenderError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("text the font cannot draw is refused, naming page, item and character", "[render][errors]") {
    CHECK(error_of(one_page(t::text_at(72, 72, 0, "abc 中文"))) ==
          "pdf: page 1, item 1: text uses U+4E2D, which LiberationSerif-Regular.ttf does not have");
    CHECK(error_of(one_page(t::text_at(72, 72, 4, "ok \xC3"))) ==
          "pdf: page 1, item 1: invalid UTF-8 at byte 3");
    CHECK(error_of(one_page(t::text_at(72, 72, 0, "smile 😀"))) ==
          "pdf: page 1, item 1: U+1F600 is above U+FFFF, which libharu cannot draw");
    CHECK(error_of(one_page(t::text_at(72, 72, 0, "tab\there"))) ==
          "pdf: page 1, item 1: control character U+0009 cannot be drawn");
    CHECK(error_of(one_page(t::text_at(72, 72, 7, "x"))) ==
          "pdf: page 1, item 1: font 7 is not in the document's font list");
    CHECK(error_of(one_page(t::text_at(72, 72, 0, std::string(70000, 'x')))) ==
          "pdf: page 1, item 1: text of 70000 bytes is longer than the 65535 libharu allows");
}

TEST_CASE("broken items, links and groups are refused", "[render][errors]") {
    CHECK(error_of(one_page(LinkItem{{0, 0}, 10, 10, "", 3, 0})) ==
          "pdf: page 1, item 1: link to page 4 of 1 and no URI");
    auto raster = std::make_shared<Raster>(Raster{"icon", 2, 2, std::vector<std::uint8_t>(10), nullptr});
    CHECK(error_of(one_page(ImageItem{{0, 0}, 10, 10, raster})) ==
          "pdf: page 1, item 1: image 'icon' has 10 bytes of pixels, expected 16");
    CHECK(error_of(one_page(ImageItem{{0, 0}, 10, 10, nullptr})) ==
          "pdf: page 1, item 1: image item without a raster");
    Shape open;
    open.path.resize(2);
    open.path[0].op = PathSeg::Op::line;
    open.fill = kBlack;
    CHECK(error_of(one_page(open)) == "pdf: page 1, item 1: a path must start with a move");

    auto inner = std::make_shared<Frame>();
    inner->items.push_back(t::text_at(0, 0, 0, "中"));
    CHECK(error_of(one_page(GroupItem{{0, 0}, 1, inner})) ==
          "pdf: page 1, item 1.1: text uses U+4E2D, which LiberationSerif-Regular.ttf does not have");
    CHECK(error_of(one_page(GroupItem{{0, 0}, 0, inner})) ==
          "pdf: page 1, item 1: group scale must be positive");
    // libharu would clamp it to 32767 and draw in the wrong place
    CHECK(error_of(one_page(t::text_at(40000, 72, 0, "x"))) ==
          "pdf: page 1, item 1: number 40000 is outside ±32767");
    CHECK(error_of(one_page(t::text_at(72, std::nan(""), 0, "x"))) ==
          "pdf: page 1, item 1: number nan is outside ±32767");
}

TEST_CASE("document-level problems are refused", "[render][errors]") {
    CHECK(error_of(Document{}) == "pdf: the document has no pages");
    Document d = one_page(t::text_at(72, 72, 0, "x"));
    d.pages[0].frame.width = 20000;
    CHECK(error_of(d) == "pdf: page 1: size 20000 x 792 pt is outside 3..14400 pt");

    d = one_page(t::text_at(72, 72, 0, "x"));
    d.meta.date = "14/11/2023";
    CHECK(error_of(d) == "pdf: metadata date '14/11/2023' is not YYYY-MM-DDTHH:MM:SS");
    d.meta.date = "2023-13-01T00:00:00";
    CHECK_THAT(error_of(d),
               Catch::Matchers::StartsWith("pdf: setting the creation date 2023-13-01T00:00:00 failed: "
                                           "invalid date (libharu error 0x1022"));
    d.meta.date.clear();
    d.meta.language = "en US";
    CHECK(error_of(d) == "pdf: language 'en US' is not a language tag like en-US");

    d = one_page(t::text_at(72, 72, 0, "x"));
    d.labels = {{0, PageLabelRange::Style::decimal, 1, ""}, {0, PageLabelRange::Style::none, 1, "A-"}};
    CHECK(error_of(d) == "pdf: two page label ranges start at page 1");
    d.outline = {{"Lost", 1, 5, 0, {}}};
    d.labels.clear();
    CHECK(error_of(d) == "pdf: bookmark 1 'Lost': page 6 is not in the document (1 pages)");
}

TEST_CASE("a damaged font file is refused before libharu reads it", "[render][errors]") {
    t::TempDir tmp;
    std::string data = t::read_file(t::source_dir() / "fonts" / "LiberationSans-Regular.ttf");
    auto cut = tmp / "cut.ttf";
    t::write_file(cut, data.substr(0, data.size() / 3));
    Document d = one_page(t::text_at(72, 72, 0, "x"));
    d.fonts[0].path = cut.string();
    CHECK_THAT(error_of(d), Catch::Matchers::StartsWith("pdf: " + cut.string() + ": ") &&
                                Catch::Matchers::EndsWith("runs past the end of the file"));
    d.fonts[0].path = (tmp / "missing.ttf").string();
    CHECK(error_of(d) == "pdf: " + d.fonts[0].path + ": cannot open the file");
}
