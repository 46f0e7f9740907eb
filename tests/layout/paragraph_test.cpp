// Setting paragraphs with the bundled fonts and the en_US patterns: even
// colour (no word space over 1.8 spaces), no paragraph ending on the rest of
// a split word, no line starting with a dash, one link annotation per URL
// and line.
#include "layout/paragraph.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>

#include "load/strings_file.h"
#include "support/support.h"

using namespace lerbrief;
using namespace lerbrief::layout;
namespace t = lerbrief::test;

namespace {

struct Setter {
    FontSet fonts{std::map<std::string, std::string>{
        {"r", (t::source_dir() / "fonts/LiberationSerif-Regular.ttf").string()},
        {"b", (t::source_dir() / "fonts/LiberationSerif-Bold.ttf").string()},
        {"i", (t::source_dir() / "fonts/LiberationSerif-Italic.ttf").string()},
        {"bi", (t::source_dir() / "fonts/LiberationSerif-BoldItalic.ttf").string()}}};
    // English as lerbrief sets it: the patterns and strings/en.yaml's exceptions
    Hyphenator hyphenator = [] {
        Diagnostics d;
        const auto s = load::load_strings(t::source_dir() / "strings", "en-US", {}, d);
        return Hyphenator(default_hyphen_dictionary(s.typography.hyphenation), s.typography.hyphen_exceptions);
    }();
    ParaStyle style() const {
        ParaStyle st;
        st.regular = fonts.id("r");
        st.bold = fonts.id("b");
        st.italic = fonts.id("i");
        st.bold_italic = fonts.id("bi");
        st.size = 9;
        st.leading = 11.5;
        return st;
    }
    std::vector<SetLine> set(const std::string& markup, double measure, const ParaStyle* st = nullptr) const {
        const auto paras = parse_markup(markup);
        REQUIRE(paras.size() == 1);
        SetContext ctx{&fonts, &hyphenator, nullptr};
        const ParaStyle s = st ? *st : style();
        return set_paragraph(paras[0], s, {measure}, ctx, SourcePos{});
    }
};

const Setter& setter() {
    static const Setter s;
    return s;
}

// Text of the bundled content (fact-sheet and booklet prose), with long
// words, proper names, a URL and dashes.
const std::vector<std::string> kProse = {
    "Learning and Employment Records (LERs) are digital records of learning and work that can be linked to "
    "an individual and controlled by them. Funders such as the Lumina Foundation and the Brookings "
    "Institution support research on interoperability, verifiable credentials and skills-based hiring, "
    "so that learners and earners can share their achievements with employers instantly.",
    "**Employers** — especially small and medium-sized enterprises — need trustworthy signals of skills; "
    "credentialing organizations, accreditation bodies and state governments are building the infrastructure "
    "(see https://www.example.org/ler-ecosystem/resources/overview) for career navigation and workforce "
    "development across institutions.",
    "Interoperability standards such as Open Badges 3.0 and the Comprehensive Learner Record let "
    "institutions issue credentials that employers' applicant tracking systems can read; the hardest part "
    "is governance — who decides, who pays, and who is accountable when a record is wrong.",
};

std::vector<double> measures() {
    std::vector<double> out;
    std::mt19937 rng(16);
    std::uniform_real_distribution<double> m(110, 330);
    for (int i = 0; i < 150; ++i) out.push_back(m(rng));
    return out;
}

bool starts_with_dash(const std::string& text) {
    return text.rfind("\u2014", 0) == 0 || text.rfind("\u2013 ", 0) == 0;
}

}  // namespace

TEST_CASE("justified lines keep every word space between 2/3 and 1.8 spaces") {
    // A paragraph no breaking can justify within 1.8 spaces keeps a line a
    // little short (underfull, at most half an em) or is set ragged-right.
    int lines = 0, underfull = 0, ragged = 0, paragraphs = 0;
    for (const auto& text : kProse)
        for (double measure : measures()) {
            const auto set = setter().set(text, measure);
            ++paragraphs;
            bool is_ragged = false;
            for (std::size_t i = 0; i + 1 < set.size(); ++i)
                is_ragged = is_ragged || (!set[i].underfull && set[i].width < set[i].measure - 0.01);
            ragged += is_ragged ? 1 : 0;
            for (std::size_t i = 0; i + 1 < set.size(); ++i) {
                INFO(measure << ": " << set[i].text);
                const SetLine& l = set[i];
                if (l.space_ratio == 0) continue;  // one word: nothing to stretch
                ++lines;
                CHECK(l.space_ratio <= 1.8 + 1e-9);
                CHECK(l.space_ratio >= 2.0 / 3.0 - 1e-9);
                CHECK(l.width <= l.measure + 0.01);
                if (is_ragged) {
                    CHECK(l.space_ratio == Approx(1));
                } else if (l.underfull) {
                    ++underfull;
                    CHECK(l.measure - l.width <= 0.5 * 9 + 1e-9);
                } else {
                    CHECK(l.width == Approx(l.measure).margin(0.01));
                }
            }
        }
    INFO(underfull << " of " << lines << " lines underfull; " << ragged << " of " << paragraphs << " ragged");
    CHECK(lines > 2000);
    CHECK(ragged * 5 < paragraphs * 3);  // at 110-330 pt (12-37 ems) about half stay justified
}

TEST_CASE("a paragraph's last line is never the rest of a split word alone") {
    int hyphenated = 0, continued = 0;
    for (const auto& text : kProse)
        for (double measure : measures()) {
            const auto set = setter().set(text, measure);
            for (const auto& l : set) hyphenated += l.added_hyphen ? 1 : 0;
            REQUIRE(set.size() >= 2);
            INFO(measure << ": " << set[set.size() - 2].text << " / " << set.back().text);
            if (set[set.size() - 2].added_hyphen) {
                CHECK(set.back().text.find(' ') != std::string::npos);  // "lum and more.", never "lum." alone
                ++continued;
            }
        }
    CHECK(hyphenated > 100);  // hyphenation is on, and used
    INFO(continued << " last lines start with a word's rest");
}

TEST_CASE("no more than two hyphenated lines in a row") {
    for (const auto& text : kProse)
        for (double measure : measures()) {
            int run = 0;
            for (const auto& l : setter().set(text, measure)) {
                run = l.hyphenated ? run + 1 : 0;
                CHECK(run <= 2);
            }
        }
}

TEST_CASE("proper names and the exceptions are never split at a line end") {
    for (const auto& text : kProse)
        for (double measure : measures())
            for (const auto& l : setter().set(text, measure)) {
                const auto last = l.text.substr(l.text.rfind(' ') + 1);
                INFO(l.text);
                CHECK(last != "Foun-");
                CHECK(last != "Brook-");
                CHECK(last != "re-");
                CHECK(last != "ca-");
                if (l.added_hyphen) CHECK_FALSE((last[0] >= 'A' && last[0] <= 'Z'));
            }
}

TEST_CASE("a dash after a word never starts a line, it may end one") {
    int dash_ends = 0;
    for (const auto& text : kProse)
        for (double measure : measures()) {
            const auto set = setter().set(text, measure);
            for (std::size_t i = 1; i < set.size(); ++i) {
                INFO(measure << ": " << set[i - 1].text << " / " << set[i].text);
                CHECK_FALSE(starts_with_dash(set[i].text));
            }
            for (const auto& l : set) dash_ends += l.text.size() >= 3 && l.text.ends_with("\u2014") ? 1 : 0;
        }
    CHECK(dash_ends > 0);
    // A spaced en dash behaves the same; an en dash in a range is a word's own.
    for (double measure = 40; measure < 200; measure += 3) {
        const auto set = setter().set("Pages twelve \u2013 fifteen, and years 2020\u20132024 \u2013 roughly.", measure);
        for (std::size_t i = 1; i < set.size(); ++i) CHECK_FALSE(starts_with_dash(set[i].text));
    }
}

TEST_CASE("a link over several words is one annotation per line") {
    const std::string text =
        "Read the [Learning and Employment Records primer from the working group](https://example.org/primer) "
        "before the meeting, and [the glossary](https://example.org/glossary) too.";
    for (double measure = 120; measure < 600; measure += 7) {
        const auto set = setter().set(text, measure);
        std::map<std::string, int> lines_with;  // URL → lines it appears on
        for (const auto& l : set) {
            std::map<std::string, int> per_line;
            for (const auto& item : l.items)
                if (const auto* link = std::get_if<LinkItem>(&item)) ++per_line[link->uri];
            for (const auto& [uri, n] : per_line) {
                INFO(measure << ": " << l.text);
                CHECK(n == 1);
                ++lines_with[uri];
            }
        }
        CHECK(lines_with["https://example.org/primer"] >= 1);
        CHECK(lines_with["https://example.org/glossary"] >= 1);
    }
    // One line wide enough for all: the link spans its words and the spaces between.
    const auto one = setter().set("See [the LER primer](https://example.org/p) now.", 400);
    REQUIRE(one.size() == 1);
    const LinkItem* link = nullptr;
    const TextItem* see = nullptr;
    for (const auto& item : one[0].items) {
        if (const auto* l = std::get_if<LinkItem>(&item)) link = l;
        if (const auto* ti = std::get_if<TextItem>(&item); ti && ti->text.ends_with("now.")) see = ti;
    }
    REQUIRE(link);
    REQUIRE(see);
    const auto& metrics = setter().fonts.metrics(setter().style().regular);
    const double words = metrics.width("the LER primer", 9);
    CHECK(link->width == Approx(words).margin(0.01));
    // "now." ends its run (the line's words are runs, TextItem::word_space)
    CHECK(link->pos.x + link->width < see->pos.x + see->width - metrics.width("now.", 9));
}

// What a run's glyphs take when drawn: its words as measured, each space at
// the run's word space (no kerning across it), or, with none, all measured.
double drawn_width(const FontSet& fonts, const TextItem& run) {
    if (run.word_space == 0) return text_width(fonts, run.font, run.text, run.size);
    double w = 0;
    std::size_t from = 0;
    for (std::size_t sp; (sp = run.text.find(' ', from)) != std::string::npos; from = sp + 1)
        w += text_width(fonts, run.font, run.text.substr(from, sp - from), run.size) + run.word_space;
    return w + text_width(fonts, run.font, run.text.substr(from), run.size);
}

TEST_CASE("a word's pieces are drawn as wide as they were measured: kerning across their joins is counted") {
    // Liberation Serif kerns r|g and f|f; "or-ga-ni-za-tion", "ef-fect" are
    // hyphenation pieces measured apart but drawn as one kerned run.
    const Setter& s = setter();
    const std::string text = "The organization offered an effective effort for organizations, for offices and for "
                             "affordable coffee in every organizational office of the organizing officers.";
    int runs = 0;
    for (double measure : measures())
        for (const auto& l : s.set(text, measure))
            for (const auto& item : l.items)
                if (const auto* run = std::get_if<TextItem>(&item); run && !run->added_hyphen) {
                    INFO(measure << ": '" << run->text << "'");
                    CHECK(run->width == Approx(drawn_width(s.fonts, *run)).margin(0.005));
                    ++runs;
                }
    CHECK(runs > 300);  // a line's runs (one a line, and its hyphens)
}

TEST_CASE("a set line is one text item per font and colour: its words share it, at the line's word space") {
    // a booklet's memory is its items: one a word took 1.4 KB a line
    const Setter& s = setter();
    const std::string text = "Learning and employment records carry verified skills from the places people learn to "
                             "the places they work, so a person's record travels with them between schools, "
                             "training providers and employers across a whole working life.";
    int lines = 0;
    for (double measure : measures())
        for (const auto& l : s.set(text, measure)) {
            INFO(measure << ": " << l.text);
            std::vector<const TextItem*> runs;
            for (const auto& item : l.items)
                if (const auto* run = std::get_if<TextItem>(&item); run && !run->added_hyphen) runs.push_back(run);
            REQUIRE(runs.size() == 1);
            std::string words = l.text;
            if (l.added_hyphen) words.pop_back();
            CHECK(runs[0]->text == words);
            CHECK(runs[0]->width == Approx(drawn_width(s.fonts, *runs[0])).margin(0.005));
            if (words.find(' ') != std::string::npos) CHECK(runs[0]->word_space > 0);
            ++lines;
        }
    CHECK(lines > 20);
}
