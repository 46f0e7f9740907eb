// A paragraph kept in a ParagraphMemo (a fact sheet's fitting attempt) sets
// the same lines as setting it again, is set only once for the same
// arguments, is set anew when anything its lines depend on changes, and
// reports its warnings on every use, as setting it again would.
#include "layout/paragraph_memo.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "support/support.h"

using namespace lerbrief;
using namespace lerbrief::layout;
namespace t = lerbrief::test;

namespace {

struct Memo {
    FontSet fonts{std::map<std::string, std::string>{
        {"r", (t::source_dir() / "fonts/LiberationSerif-Regular.ttf").string()},
        {"b", (t::source_dir() / "fonts/LiberationSerif-Bold.ttf").string()}}};
    ParagraphMemo memo;
    int sets = 0;  // how often the memo called `set`

    ParaStyle style(double size = 9) const {
        ParaStyle st;
        st.regular = st.italic = fonts.id("r");
        st.bold = st.bold_italic = fonts.id("b");
        st.size = size;
        st.leading = size * 1.3;
        return st;
    }
    const ParagraphMemo::Paragraphs& get(const std::string& markup, const ParaStyle& st, double width,
                                         Diagnostics* diags = nullptr, const SourcePos& pos = {"a.yaml", 3, 5}) {
        const SetContext ctx{&fonts, nullptr, diags};
        return memo.paragraphs(markup, pos, st, width, ctx, [&](const SetContext& c) {
            ++sets;
            ParagraphMemo::Paragraphs out;
            for (const Paragraph& p : parse_markup(markup)) out.push_back(set_paragraph(p, st, {width}, c, pos));
            return out;
        });
    }
};

std::vector<std::string> texts(const ParagraphMemo::Paragraphs& ps) {
    std::vector<std::string> out;
    for (const auto& p : ps) {
        for (const auto& line : p) out.push_back(line.text);
        out.push_back("¶");
    }
    return out;
}

const std::string kText =
    "Learning and employment records are digital records of learning and work that can be linked to "
    "an individual and combined with other records.\n\nA **second** paragraph, shorter.";

}  // namespace

TEST_CASE("paragraph memo: the lines kept are the lines setting gives, set once for the same arguments") {
    Memo m;
    const auto& first = m.get(kText, m.style(), 150);
    REQUIRE(m.sets == 1);
    REQUIRE(first.size() == 2);
    CHECK(first[0].size() > 2);  // broken into several lines at this measure
    // what setting without the memo gives
    std::vector<std::vector<SetLine>> direct;
    for (const Paragraph& p : parse_markup(kText))
        direct.push_back(set_paragraph(p, m.style(), {150}, SetContext{&m.fonts, nullptr, nullptr}, {}));
    REQUIRE(direct.size() == first.size());
    for (std::size_t i = 0; i < direct.size(); ++i) {
        REQUIRE(direct[i].size() == first[i].size());
        for (std::size_t k = 0; k < direct[i].size(); ++k) {
            CHECK(direct[i][k].text == first[i][k].text);
            CHECK(direct[i][k].width == first[i][k].width);
            CHECK(direct[i][k].items.size() == first[i][k].items.size());
        }
    }
    const auto again = texts(m.get(kText, m.style(), 150));
    CHECK(m.sets == 1);  // kept: not set again
    CHECK(again == texts(first));
    CHECK(m.memo.size() == 1);
}

TEST_CASE("paragraph memo: another measure, size, face, place or text is set anew") {
    Memo m;
    const auto base = texts(m.get(kText, m.style(), 150));
    const auto narrower = texts(m.get(kText, m.style(), 110));
    CHECK(m.sets == 2);
    CHECK(narrower.size() > base.size());  // more lines at a shorter measure
    m.get(kText, m.style(8), 150);
    CHECK(m.sets == 3);
    ParaStyle bold = m.style();
    bold.regular = bold.bold;
    m.get(kText, bold, 150);
    CHECK(m.sets == 4);
    m.get(kText, m.style(), 150, nullptr, {"a.yaml", 4, 5});  // warnings would name another line
    CHECK(m.sets == 5);
    m.get(kText + " More.", m.style(), 150);
    CHECK(m.sets == 6);
    CHECK(m.memo.size() == 6);
    m.get(kText, m.style(), 150);  // the first again: still kept
    CHECK(m.sets == 6);
}

TEST_CASE("paragraph memo: a missing character is reported on every use, as setting again would") {
    Memo m;
    const std::string text = "A word in another script: \u4E00 here.";
    Diagnostics first, second;
    m.get(text, m.style(), 150, &first);
    m.get(text, m.style(), 150, &second);
    CHECK(m.sets == 1);
    REQUIRE(first.warning_count() == 1);
    REQUIRE(second.warning_count() == 1);
    CHECK(first.items().front().message == second.items().front().message);
    CHECK(second.items().front().pos.line == 3);
    // used twice into one list: one warning, as a repeated warning always is
    Diagnostics both;
    m.get(text, m.style(), 150, &both);
    m.get(text, m.style(), 150, &both);
    CHECK(both.warning_count() == 1);
}
