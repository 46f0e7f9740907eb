// What the PDF says about a font's widths: the /W array of the serif regular
// face lists exactly the characters drawn with it, with FontMetrics' advances
// (font_trim.h), so viewers place glyphs where layout measured them.
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "layout/font.h"
#include "model/utf8.h"
#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace {

namespace t = lerbrief::test;

// The dictionary of the CIDFontType2 object whose BaseFont ends in `name`
// (plain searches: std::regex recurses per character on large inputs).
std::string cidfont_dict(const std::string& qdf, const std::string& name) {
    for (auto at = qdf.find("/Subtype /CIDFontType2"); at != std::string::npos;
         at = qdf.find("/Subtype /CIDFontType2", at + 1)) {
        auto begin = qdf.rfind(" obj\n<<", at), end = qdf.find("\nendobj", at);
        std::string body = qdf.substr(begin, end - begin);
        if (body.find("+" + name + "\n") != std::string::npos) return body;
    }
    return {};
}

// /W [c [w …] …] → code → width.
std::map<char32_t, int> widths(const std::string& dict) {
    std::map<char32_t, int> out;
    auto at = dict.find("/W [");
    if (at == std::string::npos) return out;
    std::istringstream in(dict.substr(at + 4));
    long code = -1, next = 0;
    int depth = 0;
    for (std::string tok; in >> tok;) {
        if (tok == "[")
            ++depth, next = code;
        else if (tok == "]" && depth-- == 0)
            break;
        else if (tok == "]")
            continue;
        else if (depth == 0)
            code = std::stol(tok);
        else
            out[static_cast<char32_t>(next++)] = std::stoi(tok);
    }
    return out;
}

}  // namespace

TEST_CASE("the width array lists exactly the characters drawn, with FontMetrics' advances",
          "[render][font]") {
    t::TempDir tmp;
    auto doc = t::sample_document();
    std::string qdf = t::qdf_text(t::write_pdf(tmp, "s.pdf", lerbrief::render::render_pdf(doc)));
    std::string dict = cidfont_dict(qdf, "LiberationSerif");
    REQUIRE_FALSE(dict.empty());
    std::smatch dw;
    REQUIRE(std::regex_search(dict, dw, std::regex(R"(/DW (\d+))")));

    auto metrics = lerbrief::layout::FontMetrics::load(doc.fonts[0].path);
    std::set<char32_t> drawn;  // font 0 draws the first sample line and "See page two"
    for (std::string s : {t::kSampleLines[0], std::string("See page two")})
        for (std::size_t i = 0; i < s.size();) drawn.insert(lerbrief::utf8::next(s, i));
    std::map<char32_t, int> expected;
    for (char32_t c : drawn)
        if (metrics->advance(c) != std::stoi(dw[1])) expected[c] = static_cast<int>(metrics->advance(c));
    CHECK(widths(dict) == expected);
    CHECK(expected.size() > 15);
}
