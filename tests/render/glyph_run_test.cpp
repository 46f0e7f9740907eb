// Kerned glyph runs (issue 16): the TJ operator written for kerned pairs,
// what poppler extracts from them, and a hyphen added at a line break that
// copies as the rest of its word.
#include "render/glyph_run.h"

#include <catch2/catch.hpp>

#include "layout/fontset.h"
#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using namespace lerbrief::layout;
using namespace lerbrief::render;

namespace {

const FontMetrics& sans() {
    static auto m = cached_metrics(t::bundled_fonts()[4].path);
    return *m;
}

std::string pdftotext(const t::TempDir& tmp, const Document& d, bool layout = false) {
    auto file = t::write_pdf(tmp, "k.pdf", render_pdf(d));
    std::vector<std::string> cmd{"pdftotext", "-enc", "UTF-8"};
    if (layout) cmd.push_back("-layout");
    cmd.push_back(file.string());
    cmd.push_back("-");
    auto r = t::run_program(cmd);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    return r.out;
}

}  // namespace

TEST_CASE("show_operator: Tj without kerned pairs, TJ with an adjustment per kerned pair", "[render][kern]") {
    const GlyphRun plain = make_glyph_run({U'o', U'n'}, sans());
    CHECK(!plain.kerned());
    CHECK(show_operator(plain, 0, 2) == "<006f006e> Tj\n");
    // every hex digit, lowercase, four a character
    CHECK(show_operator(make_glyph_run({U'\u00e9', U'\u2014', U'\ufb01'}, sans()), 0, 3) == "<00e92014fb01> Tj\n");
    const int av = sans().kerning(U'A', U'V');
    REQUIRE(av < 0);
    REQUIRE(sans().kerning(U'V', U'b') == 0);
    REQUIRE(sans().kerning(U'b', U'n') == 0);
    const GlyphRun run = make_glyph_run({U'A', U'V', U'b', U'n'}, sans());
    CHECK(run.kerned());
    CHECK(show_operator(run, 0, 4) == "[<0041> " + std::to_string(-av) + " <00560062006e>] TJ\n");
    CHECK(show_operator(run, 1, 4) == "[" + std::to_string(-av) + " <00560062006e>] TJ\n");  // the pair across
    CHECK(show_operator(run, 2, 4) == "<0062006e> Tj\n");
    CHECK(show_operator(run, 4, 4).empty());
    CHECK(pdf_text_string("") == "()");
    CHECK(pdf_text_string("tión") == "<FEFF0074006900F3006E>");
    CHECK(begin_actual_text("a") == "/Span <</ActualText <FEFF0061>>> BDC\n");
    CHECK(end_marked_content() == "EMC\n");
}

TEST_CASE("kerned text is a TJ in the content stream and extracts unchanged", "[render][kern]") {
    t::TempDir tmp;
    const Document d = t::letter_page({t::text_at(72, 100, 4, "AV Today, We wait", 24), t::text_at(72, 160, 0, "plain on", 12)});
    const std::string qdf = t::qdf_text(t::write_pdf(tmp, "av.pdf", render_pdf(d)));
    CHECK(qdf.find("[<0041> " + std::to_string(-sans().kerning(U'A', U'V')) + " <0056") != std::string::npos);
    CHECK(qdf.find("] TJ\n") != std::string::npos);
    CHECK(qdf.find("<0070006c00610069006e0020006f006e> Tj\n") != std::string::npos);  // "plain on": no pair
    auto check = t::run_program({"qpdf", "--check", t::write_pdf(tmp, "av.pdf", render_pdf(d)).string()});
    CHECK(check.status == 0);
    const std::string text = pdftotext(tmp, d);
    CHECK(text.find("AV Today, We wait\n") != std::string::npos);
    CHECK(text.find("plain on\n") != std::string::npos);
}

TEST_CASE("a hyphen added at a line break copies as the rest of the word", "[render][kern]") {
    const double w = sans().width("curricu", 12);
    TextItem hyphen = t::text_at(72 + w, 100, 4, "-");
    hyphen.added_hyphen = true;
    TextItem real = t::text_at(72, 140, 4, "long-");  // a word's own hyphen at a break stays
    const Document d = t::letter_page({t::text_at(72, 100, 4, "curricu"), hyphen, t::text_at(72, 114, 4, "lum, and"),
                                t::text_at(130, 114, 4, "more"), real, t::text_at(72, 154, 4, "term")});
    t::TempDir tmp;
    for (bool layout : {false, true}) {
        INFO("pdftotext -layout: " << layout);
        const std::string text = pdftotext(tmp, d, layout);
        INFO(text);
        CHECK(text.find("curriculum,") != std::string::npos);
        CHECK(text.find("curricu-") == std::string::npos);
        CHECK(text.find("lum") == text.find("curriculum,") + 7);  // only once
        CHECK(text.find("and") != std::string::npos);
        CHECK(text.find("more") != std::string::npos);
    }
    CHECK(pdftotext(tmp, d, true).find("long-") != std::string::npos);
}

TEST_CASE("a set line's spaces advance by its word space: its words land where layout placed them", "[render][kern]") {
    // "Ty" and "AV" are kerned pairs; kerning across a space ("o T", "y A")
    // would move the words after it, so a word space replaces it.
    REQUIRE(sans().kerning(U'T', U'y') < 0);
    const double size = 20, ws = 9.25, x0 = 72;
    const std::vector<std::string> words{"Today", "Tyre", "AVenue", "wait"};
    TextItem line = t::text_at(x0, 100, 4, "Today Tyre AVenue wait", size);
    line.word_space = ws;
    std::vector<double> at;  // where layout puts each word
    double x = x0;
    for (const auto& w : words) at.push_back(x), x += sans().width(w, size) + ws;
    line.width = x - ws - x0;

    GlyphRun run = make_glyph_run({U'o', U' ', U'T', U'y'}, sans());
    set_word_spaces(run, run.codes.size(), ws, size, sans());
    const double extra = std::round((ws / size * 1000 - sans().advance(U' ')) * 1000) / 1000;
    CHECK(run.kern[1] == 0);      // none before the space
    CHECK(run.kern[2] == extra);  // the rest of the word space after it
    CHECK(run.kern[3] == sans().kerning(U'T', U'y'));

    t::TempDir tmp;
    const auto file = t::write_pdf(tmp, "ws.pdf", render_pdf(t::letter_page({line})));
    auto r = t::run_program({"pdftotext", "-bbox", file.string(), "-"});
    REQUIRE(r.status == 0);
    std::size_t found = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string tag = ">" + words[i] + "</word>";
        const auto end = r.out.find(tag);
        REQUIRE(end != std::string::npos);
        const auto xmin = r.out.rfind("xMin=\"", end);
        REQUIRE(xmin != std::string::npos);
        INFO(words[i]);
        CHECK(std::stod(r.out.substr(xmin + 6)) == Approx(at[i]).margin(0.01));
        ++found;
    }
    CHECK(found == 4);
    CHECK(pdftotext(tmp, t::letter_page({line})).find("Today Tyre AVenue wait\n") != std::string::npos);
}
