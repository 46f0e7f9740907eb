// Total-fit line breaking: known optima, invariants on random paragraphs, an
// exhaustive search on small ones, and the hard limits.
#include "layout/linebreak.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

using namespace lerbrief::layout;
using Kind = BreakItem::Kind;

namespace {

// Words of the given widths with `space` between them (no trailing glue).
std::vector<BreakItem> words(const std::vector<double>& widths, const BreakItem& space) {
    std::vector<BreakItem> items;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (i > 0) items.push_back(space);
        items.push_back(BreakItem::make_box(widths[i]));
    }
    return items;
}

// Words given as their syllables' widths, with a flagged penalty (hyphen 1
// wide) between syllables.
std::vector<BreakItem> syllabled(const std::vector<std::vector<double>>& text, const BreakItem& space,
                                 double hyphen_penalty) {
    std::vector<BreakItem> items;
    for (const auto& word : text) {
        if (!items.empty()) items.push_back(space);
        for (std::size_t s = 0; s < word.size(); ++s) {
            if (s > 0) items.push_back(BreakItem::make_penalty(hyphen_penalty, 1, true));
            items.push_back(BreakItem::make_box(word[s]));
        }
    }
    return items;
}

BreakParams params(std::vector<double> widths, bool justify = true) {
    BreakParams p;
    p.line_widths = std::move(widths);
    p.justify = justify;
    return p;
}

std::vector<std::size_t> ends(const std::vector<Line>& lines) {
    std::vector<std::size_t> out;
    for (const Line& l : lines) out.push_back(l.end);
    return out;
}

// Everything that must hold for any result, checked from the items alone.
void check_lines(const std::vector<BreakItem>& items, const std::vector<Line>& lines, const BreakParams& p) {
    REQUIRE_FALSE(lines.empty());
    std::size_t boxes_seen = 0, boxes = 0, prev_end = 0;
    int in_a_row = 0;
    for (const BreakItem& it : items) boxes += it.kind == Kind::box ? 1 : 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        INFO("line " << i << " [" << line.begin << ", " << line.end << ")");
        REQUIRE(line.begin <= line.end);
        REQUIRE(line.end <= items.size());
        if (i == 0) {
            REQUIRE(line.begin == 0);
        } else {  // between two lines: the break item and discarded glue/penalties only
            REQUIRE(line.begin > prev_end);
            REQUIRE(items[prev_end].kind != Kind::box);
            for (std::size_t j = prev_end; j < line.begin; ++j) REQUIRE(items[j].kind != Kind::box);
        }
        double natural = 0, shrink = 0;
        std::size_t line_boxes = 0;
        for (std::size_t j = line.begin; j < line.end; ++j) {
            const BreakItem& it = items[j];
            if (it.kind != Kind::penalty) natural += it.width;
            if (it.kind == Kind::glue) shrink += it.shrink;
            line_boxes += it.kind == Kind::box ? 1 : 0;
        }
        if (line.hyphenated) {
            REQUIRE(line.end < items.size());
            REQUIRE(items[line.end].kind == Kind::penalty);
            REQUIRE(items[line.end].flagged);
            natural += items[line.end].width;
        }
        boxes_seen += line_boxes;
        CHECK(line.natural_width == Approx(natural).margin(1e-6));
        const double width = line_width_at(p, i);
        if (line.overfull) {  // only a box that cannot fit, alone
            CHECK(line_boxes == 1);
            CHECK(natural > width);
        } else {
            CHECK(natural - (p.justify ? shrink : 0) <= width + 1e-6);
        }
        if (p.justify)
            CHECK(line.ratio >= -1);
        else
            CHECK(line.ratio == 0);
        in_a_row = line.hyphenated ? in_a_row + 1 : 0;
        if (p.max_consecutive_hyphens >= 0) CHECK(in_a_row <= p.max_consecutive_hyphens);
        if (i + 1 == lines.size() && i > 0 && lines[i - 1].hyphenated) {  // no final fragment alone
            bool space = false;
            for (std::size_t k = line.begin; k < line.end; ++k)
                space = space || (items[k].kind == Kind::glue && items[k].stretch < kFill);
            CHECK(space);
        }
        prev_end = line.end;
    }
    CHECK(boxes_seen == boxes);
}

int longest_hyphen_run(const std::vector<Line>& lines) {
    int run = 0, best = 0;
    for (const Line& l : lines) {
        run = l.hyphenated ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

// Total demerits of breaking `items` after the items at `breaks` (the
// paragraph end is implied), or nullopt when a line is overfull, looser than
// p.tolerance, or breaks the hyphen limit. The model of linebreak.cpp,
// written out plainly for one set of breaks: the exhaustive search's oracle.
std::optional<double> total_demerits(const std::vector<BreakItem>& items,
                                     const std::vector<std::size_t>& breaks, const BreakParams& p) {
    double total = 0;
    int prev_fitness = 2;  // decent
    bool prev_flagged = false;
    int in_a_row = 0;
    std::size_t start = 0;
    for (std::size_t line = 0; line <= breaks.size(); ++line) {
        const bool last = line == breaks.size();
        const std::size_t end = last ? items.size() : breaks[line];
        if (end < start) return std::nullopt;
        double natural = 0, stretch = 0, shrink = 0;
        for (std::size_t j = start; j < end; ++j) {
            if (items[j].kind != Kind::penalty) natural += items[j].width;
            stretch += items[j].stretch;
            shrink += items[j].shrink;
        }
        const BreakItem* at = last ? nullptr : &items[end];
        const bool is_penalty = at && at->kind == Kind::penalty;
        const bool flagged = is_penalty && at->flagged;
        if (is_penalty) natural += at->width;
        const double w = line_width_at(p, line);
        double r = 0;
        if (natural > w) {
            if (natural - shrink > w + 1e-9) return std::nullopt;
            r = (w - natural) / shrink;
        } else if (!last && natural < w) {
            if (stretch <= 0) return std::nullopt;
            r = (w - natural) / stretch;
            if (r > p.tolerance) return std::nullopt;
        }
        const double badness = 100 * std::pow(std::abs(r), 3);
        const int fitness = r < -0.5 ? 3 : r <= 0.5 ? 2 : r <= 1 ? 1 : 0;
        double d = (p.line_penalty + badness) * (p.line_penalty + badness);
        if (is_penalty) d += at->penalty >= 0 ? at->penalty * at->penalty : -at->penalty * at->penalty;
        if (flagged && prev_flagged) d += p.consecutive_hyphen_demerits;
        if (std::abs(fitness - prev_fitness) > 1) d += p.fitness_demerits;
        in_a_row = flagged ? in_a_row + 1 : 0;
        if (p.max_consecutive_hyphens >= 0 && in_a_row > p.max_consecutive_hyphens) return std::nullopt;
        if (last && prev_flagged) {  // the last line is never a word's rest alone
            bool space = false;
            for (std::size_t j = start; j < end; ++j) space = space || (items[j].kind == Kind::glue && items[j].stretch < kFill);
            if (!space) return std::nullopt;
        }
        total += d;
        prev_fitness = fitness;
        prev_flagged = flagged;
        start = end + 1;
        while (start < items.size() && items[start].kind != Kind::box) ++start;
    }
    return total;
}

// The least total_demerits over every subset of the legal breaks.
std::optional<double> exhaustive_best(const std::vector<BreakItem>& items, const BreakParams& p) {
    std::vector<std::size_t> breaks;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].kind == Kind::penalty ||
            (items[i].kind == Kind::glue && i > 0 && items[i - 1].kind == Kind::box))
            breaks.push_back(i);
    REQUIRE(breaks.size() < 20);
    std::optional<double> best;
    for (unsigned mask = 0; mask < (1u << breaks.size()); ++mask) {
        std::vector<std::size_t> chosen;
        for (std::size_t i = 0; i < breaks.size(); ++i)
            if (mask >> i & 1u) chosen.push_back(breaks[i]);
        if (auto d = total_demerits(items, chosen, p); d && (!best || *d < *best)) best = d;
    }
    return best;
}

// First-fit: as many words as fit at natural width; returns words per line.
std::vector<std::size_t> first_fit(const std::vector<double>& widths, double space, double measure) {
    std::vector<std::size_t> counts{0};
    double used = 0;
    for (double w : widths) {
        const double need = counts.back() == 0 ? w : used + space + w;
        if (counts.back() > 0 && need > measure) {
            counts.push_back(1);
            used = w;
        } else {
            ++counts.back();
            used = need;
        }
    }
    return counts;
}

}  // namespace

TEST_CASE("total-fit balances lines where first-fit leaves the last-but-one line loose") {
    // Measure 30, spaces 1 wide that stretch by 1 each.
    const std::vector<double> widths = {2, 6, 3, 2, 7, 2, 2, 9, 6, 7, 7};
    const auto items = words(widths, BreakItem::make_glue(1, 1, 0));
    const auto p = params({30});

    // First-fit fills line 1 exactly (7 words, 30 wide) and leaves "9 6 7"
    // (24 wide, 6 to spare over 2 spaces: ratio 3, beyond the tolerance).
    REQUIRE(first_fit(widths, 1, 30) == std::vector<std::size_t>{7, 3, 1});

    // Total-fit: 6 words (27 wide, ratio 3/5) and 4 words (27 wide, ratio 1).
    const auto lines = break_lines(items, p);
    check_lines(items, lines, p);
    CHECK(ends(lines) == std::vector<std::size_t>{11, 19, 21});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].ratio == Approx(0.6));
    CHECK(lines[1].ratio == Approx(1.0));
    CHECK(lines[2].ratio == 0);  // the last line keeps its natural spacing
    CHECK(lines[2].natural_width == 7);
}

TEST_CASE("ragged right balances the leftover space and never stretches glue") {
    // Measure 30, nominal ragged stretch 3 (a tenth of the measure). The
    // glue's own stretch and shrink must play no part: rated by them, the
    // line with more spaces would take the leftover (as first-fit does).
    const std::vector<double> widths = {8, 8, 9, 2, 5, 3, 2, 6, 4, 6};
    const auto items = words(widths, BreakItem::make_glue(1, 1, 0.5));
    const auto p = params({30}, false);

    // First-fit leaves 0 then 6 units at the right.
    REQUIRE(first_fit(widths, 1, 30) == std::vector<std::size_t>{4, 5, 1});

    // Total-fit leaves 3 and 3.
    const auto lines = break_lines(items, p);
    check_lines(items, lines, p);
    CHECK(ends(lines) == std::vector<std::size_t>{5, 17, 19});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].natural_width == 27);
    CHECK(lines[1].natural_width == 27);
    for (const Line& l : lines) CHECK(l.ratio == 0);

    // An explicit nominal stretch of 3 is the same as the default here.
    auto explicit_stretch = p;
    explicit_stretch.ragged_stretch = 3;
    CHECK(ends(break_lines(items, explicit_stretch)) == ends(lines));
}

TEST_CASE("small paragraphs: the result is the optimum of an exhaustive search") {
    // Words of one or two syllables, hyphen penalties that may be cheap,
    // varying line widths and hyphen limits; every set of breaks is tried.
    std::mt19937 rng(20240611);
    std::uniform_real_distribution<double> syllable(1, 6), measure(8, 25), stretch(0.5, 3), shrink(0, 1);
    const double hyphen_penalties[] = {50, 0, -30};
    const int limits[] = {-1, 0, 1, 2};
    int compared = 0, hyphenated = 0;
    for (int round = 0; round < 200; ++round) {
        auto p = params({});
        const int measures = 1 + static_cast<int>(rng() % 3);
        for (int i = 0; i < measures; ++i) p.line_widths.push_back(measure(rng));
        p.pretolerance = -1;  // one pass, with hyphenation, at p.tolerance
        p.max_consecutive_hyphens = limits[rng() % 4];
        const auto space = BreakItem::make_glue(1, stretch(rng), shrink(rng));
        const double hyphen = hyphen_penalties[rng() % 3];
        std::vector<BreakItem> items;
        std::vector<std::size_t> breaks;  // every legal break but the paragraph end
        while (breaks.size() < 14) {
            if (!items.empty()) {
                breaks.push_back(items.size());
                items.push_back(space);
            }
            items.push_back(BreakItem::make_box(syllable(rng)));
            if (rng() % 2 == 0) {
                breaks.push_back(items.size());
                items.push_back(BreakItem::make_penalty(hyphen, 1, true));
                items.push_back(BreakItem::make_box(syllable(rng)));
            }
        }
        std::optional<double> best;
        for (unsigned mask = 0; mask < (1u << breaks.size()); ++mask) {
            std::vector<std::size_t> chosen;
            for (std::size_t i = 0; i < breaks.size(); ++i)
                if (mask >> i & 1u) chosen.push_back(breaks[i]);
            if (auto d = total_demerits(items, chosen, p); d && (!best || *d < *best)) best = d;
        }
        if (!best) continue;  // nothing feasible: the emergency pass, checked elsewhere

        const auto lines = break_lines(items, p);
        check_lines(items, lines, p);
        auto chosen = ends(lines);
        chosen.pop_back();
        INFO("round " << round);
        const auto got = total_demerits(items, chosen, p);
        REQUIRE(got);
        CHECK(*got == Approx(*best).epsilon(1e-9));
        ++compared;
        hyphenated += longest_hyphen_run(lines) > 0 ? 1 : 0;
    }
    CHECK(compared > 90);
    CHECK(hyphenated > 20);
}

TEST_CASE("the search keeps apart the nodes whose futures differ") {
    // Each case is the exhaustive search's optimum, which a search that
    // merged nodes at the same break without that distinction misses.
    struct Case {
        const char* what;
        std::vector<double> widths;
        std::vector<std::vector<double>> text;
        BreakItem space;
        double hyphen_penalty, fitness_demerits, consecutive_hyphen_demerits;
        std::vector<std::size_t> ends;
    };
    const std::vector<Case> cases = {
        {"line number (widths vary)",
         {23, 7, 18},
         {{1}, {3}, {3}, {3}, {1}, {4}, {2}, {6}, {5}, {5}, {5}, {6}, {4}},
         BreakItem::make_glue(1, 1, 0),
         50,
         100,
         3000,
         {9, 13, 19, 25}},
        {"consecutive hyphens (limit 2)",
         {25},
         {{6}, {6}, {6}, {1}, {1, 3}, {3, 2}, {6, 2}, {2, 6}, {5}, {6}, {4, 3}},
         BreakItem::make_glue(1, 1, 0),
         -80,
         100,
         0,
         {5, 17, 27, 31}},  // was {7, 21, 29, 31}, which ends on a fragment ("…-" + last line)
        {"fitness class",
         {16},
         {{3}, {1}, {3}, {6}, {1}, {2}, {4}, {1}, {6}, {1}, {5}, {6}, {5}},
         BreakItem::make_glue(1, 1, 0.5),
         50,
         1000,
         3000,
         {9, 17, 23, 25}},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        auto p = params(c.widths);
        p.pretolerance = -1;
        p.fitness_demerits = c.fitness_demerits;
        p.consecutive_hyphen_demerits = c.consecutive_hyphen_demerits;
        const auto items = syllabled(c.text, c.space, c.hyphen_penalty);
        const auto lines = break_lines(items, p);
        check_lines(items, lines, p);
        CHECK(ends(lines) == c.ends);
        auto chosen = ends(lines);
        chosen.pop_back();
        const auto best = exhaustive_best(items, p);
        REQUIRE(best);
        const auto got = total_demerits(items, chosen, p);
        REQUIRE(got);
        CHECK(*got == Approx(*best).epsilon(1e-9));
    }
}

TEST_CASE("random paragraphs never overflow the measure, justified or ragged") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> piece(2, 15), measure(40, 120);
    const double hyphen_penalties[] = {50, 0, -50};
    for (int round = 0; round < 400; ++round) {
        auto p = params({}, round % 2 == 0);
        const int widths = 1 + static_cast<int>(rng() % 3);
        for (int i = 0; i < widths; ++i) p.line_widths.push_back(measure(rng));
        std::vector<BreakItem> items;
        const int n = 1 + static_cast<int>(rng() % 80);
        for (int w = 0; w < n; ++w) {
            if (rng() % 40 == 0) {
                items.push_back(BreakItem::make_box(130 + piece(rng)));  // wider than any line
            } else {
                const int pieces = 1 + static_cast<int>(rng() % 3);
                for (int k = 0; k < pieces; ++k) {
                    if (k > 0) items.push_back(BreakItem::make_penalty(hyphen_penalties[rng() % 3], 3, true));
                    items.push_back(BreakItem::make_box(piece(rng)));
                }
            }
            if (w + 1 < n && rng() % 25 == 0) {
                append_forced_break(items);
            } else if (w + 1 < n || rng() % 4 == 0) {
                items.push_back(BreakItem::make_glue(4, 2, 1.3));  // sometimes a trailing space
            }
        }
        INFO("round " << round << (p.justify ? " justified" : " ragged"));
        const auto lines = break_lines(items, p);
        check_lines(items, lines, p);
    }
}

TEST_CASE("forced breaks end lines where they are") {
    std::vector<BreakItem> items;
    std::vector<std::size_t> forced;
    for (int w = 0; w < 20; ++w) {
        if (w > 0) items.push_back(BreakItem::make_glue(2, 1, 0.5));
        items.push_back(BreakItem::make_box(5));
        if (w == 4 || w == 12) {
            append_forced_break(items);
            forced.push_back(items.size() - 1);
        }
    }
    for (bool justify : {true, false}) {
        const auto p = params({60}, justify);
        const auto lines = break_lines(items, p);
        check_lines(items, lines, p);
        const auto e = ends(lines);
        for (std::size_t at : forced) {
            INFO("forced break at " << at);
            CHECK(std::count(e.begin(), e.end(), at) == 1);
        }
        for (const Line& l : lines)
            if (l.end == forced[0] || l.end == forced[1]) CHECK(l.ratio == 0);  // the fill takes the slack
    }
}

TEST_CASE("never more hyphenated lines in a row than allowed, even when hyphens are cheap") {
    // Every word is three syllables with a hyphen point between them that
    // *earns* demerits, and consecutive hyphens cost nothing extra.
    std::mt19937 rng(11);
    std::vector<BreakItem> items;
    for (int w = 0; w < 200; ++w) {
        if (w > 0) items.push_back(BreakItem::make_glue(3, 1.5, 1));
        for (int s = 0; s < 3; ++s) {
            if (s > 0) items.push_back(BreakItem::make_penalty(-100, 2, true));
            items.push_back(BreakItem::make_box(4 + rng() % 5));
        }
    }
    for (bool justify : {true, false}) {
        auto p = params({50}, justify);
        p.consecutive_hyphen_demerits = 0;
        p.max_consecutive_hyphens = -1;
        const auto free = break_lines(items, p);
        check_lines(items, free, p);
        REQUIRE(longest_hyphen_run(free) > 2);  // the paragraph does tempt
        for (int limit : {2, 1, 0}) {
            INFO("limit " << limit << (justify ? " justified" : " ragged"));
            p.max_consecutive_hyphens = limit;
            const auto lines = break_lines(items, p);
            check_lines(items, lines, p);
            CHECK(longest_hyphen_run(lines) <= limit);
        }
    }
}

TEST_CASE("variable line widths: a narrow first line, then wider lines") {
    // Boxes 10 wide, spaces 2 (+1, -0.5). Lines 2 and later are 140 wide and
    // need at least 10 boxes (118 natural) to stay within the tolerance, more
    // than fit in 100: the last width repeats.
    const std::vector<double> widths(60, 10);
    const auto items = words(widths, BreakItem::make_glue(2, 1, 0.5));
    const auto p = params({60, 100, 140});
    const auto lines = break_lines(items, p);
    check_lines(items, lines, p);
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0].natural_width <= 60);
    CHECK(lines[1].natural_width > 60);
    CHECK(lines[1].natural_width <= 100);
    for (std::size_t i = 2; i + 1 < lines.size(); ++i) CHECK(lines[i].natural_width > 100);

    // A hanging first line: wider than the rest.
    const auto hanging = params({140, 60});
    const auto lines2 = break_lines(items, hanging);
    check_lines(items, lines2, hanging);
    CHECK(lines2[0].natural_width > 100);
    for (std::size_t i = 1; i < lines2.size(); ++i) CHECK(lines2[i].natural_width <= 60);
}

TEST_CASE("a box wider than the measure gets a line of its own, marked overfull") {
    const auto items = words({10, 100, 10, 10}, BreakItem::make_glue(2, 1, 0.5));
    for (bool justify : {true, false}) {
        const auto p = params({50}, justify);
        const auto lines = break_lines(items, p);
        check_lines(items, lines, p);
        int overfull = 0;
        for (const Line& l : lines) {
            overfull += l.overfull ? 1 : 0;
            if (l.overfull) CHECK((l.begin == 2 && l.end == 3));
        }
        CHECK(overfull == 1);
    }
}

TEST_CASE("when no line can be filled, the emergency pass leaves lines underfull, not overfull") {
    // Rigid spaces: two words (16) leave 4 units that nothing can absorb,
    // three (25) overflow.
    const auto items = words(std::vector<double>(9, 7), BreakItem::make_glue(2, 0, 0));
    const auto p = params({20});
    const auto lines = break_lines(items, p);
    check_lines(items, lines, p);
    REQUIRE(lines.size() == 5);
    for (const Line& l : lines) {
        CHECK_FALSE(l.overfull);
        CHECK(l.natural_width <= 20);
        CHECK(l.ratio == 0);
    }
}

TEST_CASE("paragraph end: trailing glue is dropped, a caller's own end is kept") {
    auto items = words({5, 5, 5}, BreakItem::make_glue(2, 1, 0.5));
    items.push_back(BreakItem::make_glue(2, 1, 0.5));
    const auto p = params({100});
    auto lines = break_lines(items, p);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == 5);
    CHECK(lines[0].natural_width == 19);
    CHECK(lines[0].ratio == 0);

    std::vector<BreakItem> own = {BreakItem::make_box(5)};
    append_forced_break(own);
    REQUIRE(own.size() == 3);
    lines = break_lines(own, p);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].end == 2);
    CHECK(lines[0].natural_width == 5);

    CHECK(break_lines({}, p).empty());
    CHECK_THROWS_AS(break_lines(own, BreakParams{}), std::invalid_argument);
}

TEST_CASE("line_width_at repeats the last width") {
    const auto p = params({100, 80});
    CHECK(line_width_at(p, 0) == 100);
    CHECK(line_width_at(p, 1) == 80);
    CHECK(line_width_at(p, 7) == 80);
    CHECK(line_width_at(BreakParams{}, 0) == 0);
}

TEST_CASE("a 5,000-word paragraph breaks in linear time") {
    std::mt19937 rng(5000);
    std::uniform_real_distribution<double> syllable(8, 22);
    std::vector<BreakItem> items;
    for (int w = 0; w < 5000; ++w) {
        if (w > 0) items.push_back(BreakItem::make_glue(3.3, 1.65, 1.1));
        const int syllables = 1 + static_cast<int>(rng() % 3);
        for (int s = 0; s < syllables; ++s) {
            if (s > 0) items.push_back(BreakItem::make_penalty(50, 3.3, true));
            items.push_back(BreakItem::make_box(syllable(rng)));
        }
    }
    for (bool justify : {true, false}) {
        const auto p = params({340}, justify);
        const auto t0 = std::chrono::steady_clock::now();
        const auto lines = break_lines(items, p);
        const auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        INFO("5,000 words, " << lines.size() << " lines, " << (justify ? "justified" : "ragged") << ": " << ms
                             << " ms");
        check_lines(items, lines, p);
        CHECK(lines.size() > 300);
    }
}

TEST_CASE("the last line is never the rest of a hyphenated word alone") {
    // "aaaa bbbb cc-cc" at 13 units: the cheapest breaking is "aaaa bbbb cc-"
    // (exactly full) + "cc"; it must become "aaaa bbbb" + "cccc" instead.
    const auto space = BreakItem::make_glue(1, 3, 0);
    const auto items = syllabled({{4}, {4}, {2, 2}}, space, 0);
    auto p = params({13});
    p.pretolerance = -1;
    p.max_consecutive_hyphens = -1;
    const auto lines = break_lines(items, p);
    check_lines(items, lines, p);
    REQUIRE(lines.size() == 2);
    CHECK_FALSE(lines[0].hyphenated);
    CHECK(lines[0].end == 3);
    // The same before a forced break inside the paragraph.
    auto with_break = items;
    append_forced_break(with_break);
    const std::size_t forced = with_break.size() - 1;
    for (const auto& it : syllabled({{5}, {5}}, space, 0)) with_break.push_back(it);
    const auto two = break_lines(with_break, p);
    check_lines(with_break, two, p);
    bool seen = false;
    for (std::size_t i = 1; i < two.size(); ++i)
        if (two[i].end == forced) {
            seen = true;
            CHECK_FALSE(two[i - 1].hyphenated);
        }
    CHECK(seen);
    // Only a single word wider than two lines may still do it (emergency).
    const auto word = syllabled({{5, 5, 5}}, space, 0);
    const auto split = break_lines(word, params({6}));
    REQUIRE(split.size() == 3);
    for (const Line& l : split) CHECK_FALSE(l.overfull);
}
