// Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines",
// 1981), as TeX does it.
//
// Model. A paragraph is a list of boxes (fixed width), glue (width that may
// stretch or shrink) and penalties (a possible break with a cost, and a width
// added only when the line breaks there, like a hyphen). A line may end at a
// glue that follows a box (not at fill glue, which belongs to the end of its
// line) or at a penalty below kInfPenalty. The glue and penalties that follow
// a break are discarded: the next line starts at the next box (or at the next
// forced break, giving an empty line).
//
// Cost. A line from break a to break b has a natural width, a total stretch
// and shrink; its adjustment ratio r is the fraction of stretch (r > 0) or
// shrink (r < 0) needed to fill the measure. r < -1 is overfull: glue never
// shrinks below its minimum. Badness is 100 |r|^3; demerits are
// (line_penalty + badness)^2 plus the penalty squared (subtracted when
// negative), plus consecutive_hyphen_demerits when a and b both end with
// hyphens and fitness_demerits when the two lines fall in fitness classes
// (very loose, loose, decent, tight) more than one apart. The chosen breaks
// minimise the sum over the whole paragraph.
//
// Ragged right uses the same machinery: interword glue is rigid and each line
// gets a nominal stretch (TeX's \rightskip plus 2em), so badness grows with
// the space left over and the lines come out ragged but balanced.
//
// Search. Dynamic programming over breakpoints in order. An active node is a
// break from which a line may still start; it is keyed by (position, fitness
// class, count of consecutive hyphenated lines, line number while the line
// widths still vary) and only the cheapest node per key is kept. A node is
// dropped when its line to the current break becomes overfull (later breaks
// only make it longer) or at a forced break, so the active list never spans
// more than about one line of breakpoints: the cost is linear in the length
// of the paragraph. The consecutive-hyphen count makes max_consecutive_hyphens
// a hard constraint: a node at the limit cannot take a flagged break (in the
// emergency pass it can, at a cost above everything but an overflow, so that
// a word longer than the limit allows is hyphenated rather than overflowing).
// The same way, a paragraph's last line (one ending at a forced break) is
// never the rest of a split word alone ("lum." under "curricu-"); it may
// start with one when more words follow.
//
// Passes, as in TeX: (1) r <= pretolerance without hyphenation (flagged
// penalties are not breaks); (2) r <= tolerance with them; (3) emergency:
// every line that is not overfull is feasible, however underfull. In (3) a
// node whose first line is already overfull (a box wider than the measure,
// between two breaks) may end that line anyway, marked overfull: the only way
// a line overflows, and it always leaves a solution.
#include "layout/linebreak.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

namespace lerbrief::layout {
namespace {

// r³ by two multiplications: std::pow was 2 % of a run's instructions here
// (badness is computed for every feasible line of every paragraph set).
inline double cube(double r) { return r * r * r; }

// TeX's inf_bad: the badness cap in the normal passes.
constexpr double kInfBadness = 10000;
// Cap in the emergency pass, higher so that very underfull lines still differ.
constexpr double kEmergencyBadness = 1e6;
// Added per overfull line in the emergency pass: above any sum of underfull
// lines (kEmergencyBadness^2 per line), so overflow is a last resort.
constexpr double kOverfullDemerits = 1e20;
// Added in the emergency pass per hyphenated line beyond max_consecutive_hyphens:
// below an overflow, above any other choice. Only a word longer than
// max_consecutive_hyphens + 1 lines ever needs it.
constexpr double kOverLimitDemerits = 1e18;
// Rounding allowance on widths, in points: invisible, and it keeps sums of
// thousands of widths from turning an exact fit into an overflow.
constexpr double kWidthEpsilon = 1e-7;
// Fitness classes by adjustment ratio, TeX's bounds (badness 12 and 99).
enum Fitness { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };
constexpr double kTightBelow = -0.5, kDecentUpTo = 0.5, kLooseUpTo = 1.0;
constexpr std::size_t kNoNode = std::numeric_limits<std::size_t>::max();

bool is_forced(const BreakItem& it) {
    return it.kind == BreakItem::Kind::penalty && it.penalty <= -kInfPenalty;
}
bool is_fill(const BreakItem& it) { return it.kind == BreakItem::Kind::glue && it.stretch >= kFill; }

struct Sums {
    double width = 0, stretch = 0, shrink = 0;
    int fills = 0;  // glue with kFill stretch
};
Sums operator-(const Sums& a, const Sums& b) {
    return {a.width - b.width, a.stretch - b.stretch, a.shrink - b.shrink, a.fills - b.fills};
}

// The caller's items with the paragraph end appended, and running totals.
struct Paragraph {
    std::vector<BreakItem> items;
    std::size_t caller_size = 0;  // items[0, caller_size) are reported in lines
    std::vector<Sums> prefix;     // prefix[i]: totals of items[0, i)

    explicit Paragraph(const std::vector<BreakItem>& in) : items(in) {
        if (items.empty() || !is_forced(items.back())) {
            while (!items.empty() && items.back().kind == BreakItem::Kind::glue) items.pop_back();
            caller_size = items.size();
            append_forced_break(items);
        } else {
            caller_size = items.size();
        }
        prefix.resize(items.size() + 1);
        for (std::size_t i = 0; i < items.size(); ++i) {
            Sums s = prefix[i];
            const BreakItem& it = items[i];
            if (it.kind != BreakItem::Kind::penalty) s.width += it.width;
            if (it.kind == BreakItem::Kind::glue) {
                if (is_fill(it))
                    ++s.fills;
                else
                    s.stretch += it.stretch;
                s.shrink += it.shrink;
            }
            prefix[i + 1] = s;
        }
    }

    bool is_break(std::size_t i) const {
        const BreakItem& it = items[i];
        if (it.kind == BreakItem::Kind::penalty) return it.penalty < kInfPenalty;
        return it.kind == BreakItem::Kind::glue && !is_fill(it) && i > 0 &&
               items[i - 1].kind == BreakItem::Kind::box;
    }
    // First item of the line after a break at b: skip glue and penalties, but
    // stop at a forced break (it must still be seen as a break).
    std::size_t start_after(std::size_t b) const {
        std::size_t j = b + 1;
        while (j < items.size() && items[j].kind != BreakItem::Kind::box && !is_forced(items[j])) ++j;
        return j;
    }
};

struct Fit {
    double adjust = 0;  // ratio that rates the line (badness, fitness, tolerance)
    double ratio = 0;   // ratio the caller applies to the glue
    double badness = 0;
    bool overfull = false;
};

Fit measure(const Sums& s, double natural, double width, double ragged_stretch, bool justify, double cap) {
    Fit f;
    const double excess = natural - width;
    if (excess > 0) {
        const double shrink = justify ? s.shrink : 0;
        if (excess > shrink + kWidthEpsilon) {
            f.overfull = true;
            f.ratio = shrink > 0 ? -1 : 0;
            return f;
        }
        f.adjust = shrink > 0 ? -std::min(excess / shrink, 1.0) : 0;
        f.ratio = f.adjust;
        f.badness = 100 * cube(std::abs(f.adjust));
        return f;
    }
    if (s.fills > 0 || excess == 0) return f;
    const double stretch = justify ? s.stretch : ragged_stretch;
    f.adjust = stretch > 0 ? -excess / stretch : std::numeric_limits<double>::infinity();
    f.ratio = justify && stretch > 0 ? f.adjust : 0;
    f.badness = std::min(100 * cube(f.adjust), cap);
    return f;
}

int fitness_of(double r) {
    if (r < kTightBelow) return kTight;
    if (r <= kDecentUpTo) return kDecent;
    if (r <= kLooseUpTo) return kLoose;
    return kVeryLoose;
}

struct Node {
    std::size_t start = 0;  // first item of the line that follows
    std::size_t lines = 0;  // lines before `start`
    int fitness = kDecent;
    int hyphens = 0;      // consecutive hyphenated lines ending here
    double demerits = 0;  // total from the paragraph start
    std::size_t prev = kNoNode;
    Line line;              // the line ending at this break
    bool produced = false;  // a line from here has been accepted
};

struct Pass {
    double tolerance;
    bool hyphenate;
    bool emergency;
};

class Breaker {
public:
    Breaker(const Paragraph& par, const BreakParams& p, Pass pass) : par_(par), p_(p), pass_(pass) {}

    std::optional<std::vector<Line>> run() {
        nodes_.assign(1, Node{});
        active_.assign(1, 0);
        for (std::size_t b = 0; b < par_.items.size(); ++b) {
            if (!par_.is_break(b)) continue;
            const BreakItem& it = par_.items[b];
            const bool flagged = it.kind == BreakItem::Kind::penalty && it.flagged && !is_forced(it);
            if (flagged && !pass_.hyphenate) continue;
            candidates_.clear();
            std::size_t kept = 0;
            for (std::size_t a : active_)
                if (consider(a, b, flagged)) active_[kept++] = a;
            active_.resize(kept);
            for (Node& n : candidates_) {
                active_.push_back(nodes_.size());
                nodes_.push_back(n);
            }
            if (active_.empty()) return std::nullopt;
        }
        return trace();
    }

private:
    // Tries the line from active node a to break b; returns whether a stays active.
    bool consider(std::size_t a, std::size_t b, bool flagged) {
        Node& from = nodes_[a];
        if (b < from.start) return true;  // no box yet on this line
        const BreakItem& it = par_.items[b];
        const double width = line_width_at(p_, from.lines);
        const Sums s = par_.prefix[b] - par_.prefix[from.start];
        const double natural = s.width + (it.kind == BreakItem::Kind::penalty ? it.width : 0);
        const double ragged = p_.ragged_stretch > 0 ? p_.ragged_stretch : kDefaultRaggedStretch * width;
        Fit f = measure(s, natural, width, ragged, p_.justify, pass_.emergency ? kEmergencyBadness : kInfBadness);
        // Emergency: a line looser than the tolerance costs more than any
        // line within it, so the fewest lines are left loose (the caller may
        // set them short of the measure) rather than the looseness spread.
        if (pass_.emergency && !f.overfull && f.adjust > p_.tolerance)
            f.badness = std::min(kInfBadness + f.badness, kEmergencyBadness);
        if (f.overfull) {
            if (pass_.emergency && !from.produced) add(a, b, f, natural, flagged, true);
            return false;
        }
        if (over_limit(from, flagged) && !pass_.emergency) return true;
        if (final_fragment(from, b) && !pass_.emergency) return !is_forced(it);
        if (pass_.emergency || f.adjust <= pass_.tolerance) {
            add(a, b, f, natural, flagged, false);
            from.produced = true;
        }
        return !is_forced(it);
    }

    // A last line (one that ends at a forced break) that would hold nothing
    // but the rest of a split word ("curricu-" / "lum."): never, but in the
    // emergency pass (a paragraph of one word wider than the measure may need
    // it). A last line that goes on past the fragment ("lum and more.") is
    // allowed: forbidding it too would leave most two-line paragraphs
    // unhyphenated, and loose or ragged.
    bool final_fragment(const Node& from, std::size_t b) const {
        if (!is_forced(par_.items[b]) || !from.line.hyphenated) return false;
        for (std::size_t k = from.start; k < b; ++k)
            if (par_.items[k].kind == BreakItem::Kind::glue && par_.items[k].stretch < kFill) return false;
        return true;
    }

    // Consecutive hyphenated lines are counted up to this (more need not be told apart).
    int hyphen_cap() const { return p_.max_consecutive_hyphens >= 0 ? p_.max_consecutive_hyphens : 1; }
    bool over_limit(const Node& from, bool flagged) const {
        return flagged && p_.max_consecutive_hyphens >= 0 && from.hyphens >= p_.max_consecutive_hyphens;
    }

    double demerits(const Node& from, const BreakItem& it, const Fit& f, bool flagged, int fitness) const {
        double d = (p_.line_penalty + f.badness) * (p_.line_penalty + f.badness);
        if (it.kind == BreakItem::Kind::penalty && !is_forced(it))
            d += it.penalty >= 0 ? it.penalty * it.penalty : -it.penalty * it.penalty;
        if (flagged && from.line.hyphenated) d += p_.consecutive_hyphen_demerits;
        if (std::abs(fitness - from.fitness) > 1) d += p_.fitness_demerits;
        return d;
    }

    void add(std::size_t a, std::size_t b, const Fit& f, double natural, bool flagged, bool overfull) {
        const Node& from = nodes_[a];
        const BreakItem& it = par_.items[b];
        Node n;
        n.start = par_.start_after(b);
        n.lines = from.lines + 1;
        n.fitness = overfull ? kTight : fitness_of(f.adjust);
        n.hyphens = flagged ? std::min(from.hyphens + 1, hyphen_cap()) : 0;
        n.demerits =
            from.demerits + (overfull ? kOverfullDemerits : demerits(from, it, f, flagged, n.fitness));
        if (over_limit(from, flagged)) n.demerits += kOverLimitDemerits;
        if (final_fragment(from, b)) n.demerits += kOverLimitDemerits;
        n.prev = a;
        n.line = Line{from.start, b, f.ratio, flagged, natural, overfull};
        for (Node& c : candidates_) {
            if (same_key(c, n)) {
                if (n.demerits < c.demerits) c = n;
                return;
            }
        }
        candidates_.push_back(n);
    }

    // Nodes at the same break with the same key have the same future.
    bool same_key(const Node& x, const Node& y) const {
        const std::size_t last = p_.line_widths.size() - 1;
        return x.fitness == y.fitness && x.hyphens == y.hyphens &&
               std::min(x.lines, last) == std::min(y.lines, last);
    }

    std::vector<Line> trace() const {
        std::size_t best = kNoNode;
        for (std::size_t a : active_)
            if (best == kNoNode || nodes_[a].demerits < nodes_[best].demerits) best = a;
        std::vector<Line> lines;
        for (std::size_t n = best; n != kNoNode && nodes_[n].prev != kNoNode; n = nodes_[n].prev) {
            Line line = nodes_[n].line;
            line.end = std::min(line.end, par_.caller_size);
            line.begin = std::min(line.begin, line.end);
            lines.push_back(line);
        }
        std::reverse(lines.begin(), lines.end());
        return lines;
    }

    const Paragraph& par_;
    const BreakParams& p_;
    Pass pass_;
    std::vector<Node> nodes_;
    std::vector<std::size_t> active_;
    std::vector<Node> candidates_;
};

}  // namespace

void append_forced_break(std::vector<BreakItem>& items) {
    items.push_back(BreakItem::make_glue(0, kFill, 0));
    items.push_back(BreakItem::make_penalty(-kInfPenalty));
}

double line_width_at(const BreakParams& p, std::size_t line) {
    if (p.line_widths.empty()) return 0;
    return p.line_widths[std::min(line, p.line_widths.size() - 1)];
}

std::vector<Line> break_lines(const std::vector<BreakItem>& items, const BreakParams& p) {
    if (p.line_widths.empty()) throw std::invalid_argument("line breaking: line_widths is empty");
    if (items.empty()) return {};
    const Paragraph par(items);
    if (p.pretolerance >= 0)
        if (auto lines = Breaker(par, p, {p.pretolerance, false, false}).run()) return *lines;
    if (auto lines = Breaker(par, p, {p.tolerance, true, false}).run()) return *lines;
    const double unlimited = std::numeric_limits<double>::infinity();
    if (auto lines = Breaker(par, p, {unlimited, true, true}).run()) return *lines;
    throw std::logic_error("line breaking: the emergency pass found no breaks");  // unreachable
}

}  // namespace lerbrief::layout
