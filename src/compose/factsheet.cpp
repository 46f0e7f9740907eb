#include "compose/factsheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <future>
#include <memory>
#include <system_error>
#include <optional>

#include "compose/figures.h"
#include "compose/page_setup.h"
#include "layout/paragraph_memo.h"
#include "messages/compose.h"
#include "model/cores.h"
#include "model/markup.h"
#include "model/text_fields.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

// The highlighted diagram's share of the front page's text height.
constexpr double kDiagramShare = 0.36, kDiagramMaxShare = 0.55;
constexpr double kQrModule = 1.9;
// Line length: both sides' text runs in two columns, which hold at least
// kMinChars characters of kCharEms (the body face's mean character width,
// spaces included, in ems): the type is no larger than that allows.
constexpr double kMinChars = 68, kCharEms = 0.40;
// The set's scale is found within this share of full size (0.2 pt at 10.5 pt).
constexpr double kScaleTolerance = 0.02;

void label(Builder& b, const std::string& text) { b.text(text, "label", 0, true); }

// A section label of the sheet ("DEFINITION", "ACTION AREAS"): set as a
// label, read as a heading one level under the group's name (H2 alone, H3
// in the booklet), so a screen reader can move from section to section.
void section_label(Builder& b, const std::string& text) {
    const std::size_t first = b.items().size();
    label(b, text);
    const int level = std::min(b.heading_offset() + 2, b.last_heading_level() + 1);
    set_tags(b.items(), first, make_tag(heading_role(level)));
    b.set_heading_context(b.heading_offset(), level);
}

// A long one-line description is cut after its first sentence.
constexpr std::size_t kOneLineBytes = 100, kFirstWords = 12;

// The language's abbreviations whose full stop ends no sentence
// (factsheet.not-sentence-ends: "e.g. | i.e.", "p. ej. | EE. UU.").
std::vector<std::string> abbreviations(const Strings& s) {
    std::vector<std::string> out;
    const std::string& all = s(Str::not_sentence_ends);
    for (std::size_t at = 0; at <= all.size();) {
        std::size_t bar = all.find('|', at);
        if (bar == std::string::npos) bar = all.size();
        std::string a = all.substr(at, bar - at);
        a.erase(0, a.find_first_not_of(' '));
        a.erase(a.find_last_not_of(' ') + 1);
        if (!a.empty()) out.push_back(std::move(a));
        at = bar + 1;
    }
    return out;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether the full stop at `end` of `plain` belongs to one of `abbrs` (any
// of its full stops: "p." of "p. ej." too), the abbreviation starting a word.
bool in_abbreviation(const std::string& plain, std::size_t end, const std::vector<std::string>& abbrs) {
    for (const std::string& a : abbrs)
        for (std::size_t k = a.find('.'); k != std::string::npos; k = a.find('.', k + 1)) {
            if (k > end) break;
            const std::size_t start = end - k;
            if (plain.compare(start, a.size(), a) == 0 && (start == 0 || !is_ascii_letter(plain[start - 1])))
                return true;
        }
    return false;
}

}  // namespace

std::string one_line(const Strings& s, const Text& summary) {
    std::string plain = plain_text(summary.value);
    if (auto nl = plain.find('\n'); nl != std::string::npos) plain.resize(nl);
    if (plain.size() <= kOneLineBytes) return escape_markup(plain);
    // the first sentence: a full stop, question or exclamation mark and a
    // space, past the first words (not the full stop of "e.g. ")
    const std::vector<std::string> abbrs = abbreviations(s);
    for (std::size_t end = plain.find_first_of(".?!", kFirstWords); end != std::string::npos && end + 1 < plain.size();
         end = plain.find_first_of(".?!", end + 1))
        if (plain[end + 1] == ' ' && !(plain[end] == '.' && in_abbreviation(plain, end, abbrs))) {
            plain.resize(end + 1);
            break;
        }
    return escape_markup(plain);
}

// "From the LER Ecosystem Map, lermap.t3networkhub.org · CC BY 4.0 · set for
// print by lerbrief": what the content's source says, in one small line; empty
// when it names neither its title nor its link.
std::string credit_line(const Strings& s, const Source& src) {
    if (src.name.empty() && src.url.empty()) return {};
    const std::string link =
        src.url.empty() ? std::string() : "[" + escape_markup(short_url(src.url)) + "](" + src.url + ")";
    std::string line = src.name.empty() ? fill_markup(s, Str::credit_link, {{"link", link}})
                                        : fill_markup(s, Str::credit_name, {{"name", escape_markup(src.name)}});
    if (!src.name.empty() && !link.empty()) line += ", " + link;
    if (!src.license.empty()) line += " \u00B7 " + escape_markup(src.license);
    return line + " \u00B7 " + escape_markup(s(Str::credit_set_by));
}

FitError::FitError(const std::string& g, const std::string& p, double o, const SourcePos& at)
    : std::runtime_error(msg::fit_error_text(g, p, o)),
      group(g), page(p), overflow_pt(o), pos(at) {}

double list_height(const std::vector<VItem>& v) {
    double h = 0;
    for (std::size_t i = 0; i < v.size(); ++i) h += v[i].height + (i > 0 ? v[i].space_before : 0);
    return h;
}

namespace {

// Alone, a sheet says in one line what each of the group's action areas is,
// as the map's group pages do (the booklet's copies sit next to the areas'
// own pages). On the front, where the diagram gives up the room it takes.
void area_lines(Builder& b, const Content& c, const Stakeholder& s) {
    const Strings& str = *b.tools().strings;
    std::vector<std::string> lines;
    for (const auto& cm : s.commitments)
        if (const ActionArea* a = c.find_area(cm.area))
            lines.push_back("**" + a->title.value + "**" + (a->summary.empty() ? "" : " \u2014 " + one_line(str, a->summary)));
    if (lines.empty()) return;
    section_label(b, escape_markup(str(Str::action_areas_label)));
    for (const auto& l : lines) b.text(l, "area-line");
}

// The back's material in the order it reads, one unit per phase or action
// area (with its section heading when it opens the section), then the
// business and social case. The first units may move onto the front when
// the front has room; the cases and the QR code stay on the back.
struct Unit {
    std::string section;  // the h2 it belongs to, markup ("" for none)
    bool opens = false;   // the section's first unit
    bool may_move = true;
    std::function<void(Builder&)> set;
};

std::vector<Unit> back_units(const Input& in, const Stakeholder& s, bool standalone) {
    const Content& c = *in.content;
    const Strings& str = *in.tools.strings;
    std::vector<Unit> units;
    for (std::size_t i = 0; i < s.roles.size(); ++i) {
        const PhaseRole* r = &s.roles[i];
        units.push_back({escape_markup(str(Str::role_in_each_phase)), i == 0, true, [&c, r](Builder& b) {
                             const Phase* p = c.find_phase(r->phase);
                             b.heading(p ? p->title.value : r->phase, "h3", 0);
                             if (p && !p->summary.empty()) b.text(p->summary, "phase-meaning", 0, !r->bullets.empty());
                             b.bullets(r->bullets, "bullet");
                         }});
    }
    // alone, the front names every area in one line: the back keeps the
    // areas where the group has commitments of its own
    bool first = true;
    for (const auto& cm : s.commitments) {
        if (standalone && cm.bullets.empty()) continue;
        const Commitment* p = &cm;
        units.push_back({escape_markup(str(Str::sheet_action_areas)), first, true, [&c, p](Builder& b) {
                             const ActionArea* a = c.find_area(p->area);
                             b.heading(a ? a->title.value : p->area, "h3", 0);
                             if (p->bullets.empty() && a && !a->summary.empty()) b.text(a->summary, "small");
                             b.bullets(p->bullets, "bullet");
                         }});
        first = false;
    }
    if (!s.business_case.empty())
        units.push_back({escape_markup(str(Str::business_case)), true, false, [&s](Builder& b) { b.cases(s.business_case, "bullet"); }});
    if (!s.social_case.empty())
        units.push_back({escape_markup(str(Str::social_case)), true, false, [&s](Builder& b) { b.cases(s.social_case, "bullet"); }});
    return units;
}

// Sets units [from, to): a section's heading before its first unit, and
// "(continued)" when the run starts inside a section.
void set_units(Builder& b, const std::vector<Unit>& units, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        const Unit& u = units[i];
        if (u.opens) b.heading(u.section, "h2", 0);
        else if (i == from)
            b.heading(fill_markup(*b.tools().strings, Str::continued_heading, {{"heading", u.section}}), "h2", 0);
        u.set(b);
    }
}

// Two columns on one page: the shortest column height (up to `max_h`) at
// which `items` take one page, where the second column starts, and how
// much of the first it fills.
struct Split {
    bool fits = false;
    double height = 0, col1 = 0;
    std::size_t at = 0;
};

Split split_columns(const std::vector<VItem>& items, const PageGeometry& g, double max_h) {
    Split sp;
    auto geometry_of = [&](double h) {
        PageGeometry t = g;
        t.columns = kBackColumns;
        t.bottom = g.height - g.top - h;
        return t;
    };
    auto one_page = [&](double h) { return h > 0 && paginate(items, geometry_of(h)).pages.size() == 1; };
    if (items.empty()) return {true, 0, 0, 0};
    if (!one_page(max_h)) return sp;
    double lo = list_height(items) / kBackColumns, hi = max_h;
    if (one_page(lo)) hi = lo;
    else
        while (hi - lo > 1) (one_page((lo + hi) / 2) ? hi : lo) = (lo + hi) / 2;
    sp.fits = true;
    sp.height = hi;
    sp.at = items.size();
    std::vector<VItem> probe = items;
    for (std::size_t i = 0; i < probe.size(); ++i) probe[i].set_marks().anchor = "col:" + std::to_string(i);
    const Laid laid = paginate(probe, geometry_of(hi));
    double prev_y = -1;
    for (std::size_t i = 0; i < probe.size(); ++i) {
        auto it = laid.anchors.find(probe[i].marks().anchor);
        if (it == laid.anchors.end()) continue;
        const double y = it->second.y;
        if (y + 1e-6 < prev_y) {  // item i opens the second column
            sp.at = i;
            return sp;
        }
        prev_y = y;
        sp.col1 = y + probe[i].height - g.top;
    }
    return sp;
}

// Ends the first column after sp.col1 of it with a spacer, so the rest goes
// to the second column (no break may come before the spacer).
void end_column(std::vector<VItem>& v, std::size_t at, double fill) {
    if (at >= v.size()) return;
    VItem spacer;
    spacer.breakable = false;
    spacer.height = std::max(0.0, fill - 0.5);
    v[at].space_before = 0;
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(at), spacer);
}

// The front: a head across the page (the group's name) over the highlighted
// diagram, then two balanced columns as on the back: definition, examples
// (alone: a line per action area), the first `moved` units of the back, the
// quote and the credit. The diagram takes the room the columns leave,
// between a minimum and a maximum share of the page. `draw` false: the
// diagram's room only (for trying sizes). `room`: the page's height left
// empty (the diagram at its largest); when the front does not fit, minus
// the height of text it has no room for.
std::vector<VItem> front_side(const Input& in, const Tools& tools, const Stakeholder& s, const PageGeometry& g, double scale,
                              bool standalone, const std::vector<Unit>& units, std::size_t moved, bool draw,
                              double& room) {
    const Content& c = *in.content;
    const double H = g.text_height(), W = g.text_width();
    // headings: alone, the group's name is H1 and its sections H2; in the
    // booklet one level lower, under the booklet's H1s (as the outline nests
    // the sheets under "Fact sheets")
    const int base = standalone ? 0 : 1;
    Builder head(tools, W, scale);
    head.set_heading_context(base, base);
    const Strings& str = *tools.strings;
    label(head, escape_markup(str(Str::stakeholder_group_label)));
    head.heading(s.name.value, "h1", 2, "sheet:" + s.id, plain_text(s.name.value));
    const int fig_block = head.next_block();
    Builder b(tools, g.column_width(kBackColumns), scale);
    b.set_heading_context(base, base + 1);
    b.set_next_block(fig_block + 1);
    section_label(b, escape_markup(str(Str::definition_label)));
    b.text(s.definition, "body");
    if (!s.examples.empty()) {
        section_label(b, escape_markup(str(Str::examples_label)));
        b.text(s.examples, "body");
    }
    if (standalone) area_lines(b, c, s);
    set_units(b, units, 0, moved);
    if (s.quote) b.quote(*s.quote);
    if (const std::string credit = credit_line(str, c.meta.source); !credit.empty()) b.text(credit, "credit");
    std::vector<VItem>& text = b.items();
    if (!text.empty()) text.front().space_before = 0;
    const bool diagram = !c.stakeholders.empty();
    const double around = diagram ? 14 * scale : 0;  // the diagram's space before and after
    const double head_h = list_height(head.items()) + around;
    const double dh_min = diagram ? H * kDiagramShare * scale : 0, dh_max = diagram ? H * kDiagramMaxShare : 0;
    const Split sp = split_columns(text, g, H - head_h - dh_min);
    if (!sp.fits) {  // negative: how much of the text, in column height, finds no room
        const double avail = std::max(0.0, H - head_h - dh_min);
        room = -std::max(1.0, list_height(text) - kBackColumns * avail);
        return std::move(head.items());
    }
    const double dh = std::clamp(H - head_h - sp.height - 2, dh_min, dh_max);
    room = H - head_h - dh_max - sp.height;
    std::vector<VItem> items = std::move(head.items());
    if (diagram) {
        Builder fig(tools, W, scale);
        fig.set_next_block(fig_block);
        if (!draw) fig.space(dh / scale + 6);
        else if (auto d = ecosystem_diagram(c, tools, W, dh, s.id, in.figures.get()))
            fig.figure(d, W, dh, true, false, diagram_tag(*tools.strings, c, s.id));
        else fig.space(dh / scale + 6);
        fig.space(8);
        items.insert(items.end(), std::make_move_iterator(fig.items().begin()),
                     std::make_move_iterator(fig.items().end()));
    }
    const double top = list_height(items);
    // the text's columns: the first ends after sp.col1, the second starts under the diagram
    std::vector<VItem> cols = std::move(text);
    if (sp.at < cols.size()) {
        VItem under;
        under.height = top;
        cols[sp.at].space_before = 0;
        cols.insert(cols.begin() + static_cast<std::ptrdiff_t>(sp.at), under);
        end_column(cols, sp.at, H - top - sp.col1);
    }
    VItem two;  // the page from here on in two columns
    two.force_break = true;
    two.set_marks().columns = kBackColumns;
    items.insert(items.begin(), std::move(two));
    items.insert(items.end(), std::make_move_iterator(cols.begin()), std::make_move_iterator(cols.end()));
    return items;
}

// The back: units [moved, end) and the QR code (may be null).
std::vector<VItem> back_side(const Tools& tools, double measure, double scale, int first_block,
                             const std::vector<Unit>& units, std::size_t moved, bool standalone,
                             const std::shared_ptr<const Frame>& qr) {
    Builder b(tools, measure, scale);
    const int base = standalone ? 0 : 1;  // as front_side: under the group's name
    b.set_heading_context(base, base + 1);
    b.set_next_block(first_block);
    set_units(b, units, moved, units.size());
    if (qr) b.figure(qr, b.measure(), qr->height, false);
    return std::move(b.items());
}

int max_block(const std::vector<VItem>& v) {
    int m = -1;
    for (const auto& x : v) m = std::max(m, x.block);
    return m;
}

bool fits(const std::vector<VItem>& v, const PageGeometry& g, int columns) {
    PageGeometry pg = g;
    pg.columns = columns;
    return list_height(v) <= columns * g.text_height() && paginate(v, pg).pages.size() == 1;
}

// Balances the back's columns: the first ends where the two come out even.
void balance(std::vector<VItem>& back, const PageGeometry& g) {
    const Split sp = split_columns(back, g, g.text_height());
    if (sp.fits) end_column(back, sp.at, g.text_height() - sp.col1);
}

// One sheet at one scale: the back's first units move onto the front while
// the back does not fit its two columns, or while the front has room to
// spare (an eighth of the page, the diagram at its largest). `page` names
// what overflows, "" when the sheet fits; `moved`, how many units moved.
struct Attempt {
    SheetParts parts;
    std::string page;
    double over = 0;
    std::size_t moved = 0;
};

constexpr double kFrontRoom = 0.12;

// `memo`: the paragraphs already set at this scale (the sides are set again
// for each unit moved). `known_moved`: the answer of an attempt without
// `draw` at this scale, so the sides are drawn without trying again.
Attempt attempt(const Input& in, const Stakeholder& s, const PageGeometry& g, double scale, bool standalone,
                bool draw, ParagraphMemo& memo, std::optional<std::size_t> known_moved = std::nullopt) {
    Tools tools = in.tools;
    tools.paragraphs = &memo;
    const auto units = back_units(in, s, standalone);
    std::size_t movable = 0;
    while (movable < units.size() && units[movable].may_move) ++movable;
    const double H = g.text_height(), cw = g.column_width(kBackColumns);
    const std::string& base_url = in.content->meta.base_url;
    const std::shared_ptr<const Frame> qr =
        base_url.empty() ? nullptr : qr_block(base_url + s.id, tools, kQrModule * scale, cw);
    auto back = [&](std::size_t moved, int first_block) {
        return back_side(tools, cw, scale, first_block, units, moved, standalone, qr);
    };
    Attempt a;
    a.parts.back_columns = kBackColumns;
    double room = 0;
    std::size_t moved = 0;
    if (known_moved) {
        moved = *known_moved;
    } else {
        front_side(in, tools, s, g, scale, standalone, units, 0, false, room);
        if (room < 0) return {{}, "front", -room};  // what overflows the front
        for (;;) {
            const std::vector<VItem> back_now = back(moved, 0);
            const bool back_ok = fits(back_now, g, kBackColumns);
            if (back_ok && room < kFrontRoom * H) break;
            double next_room = -1;  // moving no more: as if the front were full
            if (moved < movable) front_side(in, tools, s, g, scale, standalone, units, moved + 1, false, next_room);
            if (next_room < 0) {  // nothing left to move, or the front is full
                if (back_ok) break;
                a.page = "back";
                a.over = list_height(back_now) - kBackColumns * H;
                return a;
            }
            ++moved;
            room = next_room;
        }
    }
    a.moved = moved;
    if (draw) {
        a.parts.front = front_side(in, tools, s, g, scale, standalone, units, moved, true, room);
        a.parts.back = back(moved, max_block(a.parts.front) + 1);
        balance(a.parts.back, g);
    }
    return a;
}

// The page's text area, as SheetCache keys its scales and moves.
std::string area_key(const PageGeometry& g) { return fmt::format("{:.3f}x{:.3f}", g.text_width(), g.text_height()); }

// A fitted sheet's entry in SheetCache: the group, the page's text area, and alone or in the booklet.
std::string sheet_key(const Stakeholder& s, const PageGeometry& g, bool standalone) {
    return fmt::format("{}|{}|{}", s.id, area_key(g), standalone ? "alone" : "booklet");
}

// The sheet's place in SheetCache::moved: its group's place in the content,
// twice, plus one alone; none for a group not in the content's list.
std::optional<std::size_t> moves_index(const Input& in, const Stakeholder& s, bool standalone) {
    const auto& all = in.content->stakeholders;
    if (all.empty() || &s < all.data() || &s >= all.data() + all.size()) return std::nullopt;
    return 2 * static_cast<std::size_t>(&s - all.data()) + (standalone ? 1 : 0);
}

// The largest scale, within kScaleTolerance, at which every sheet of the set
// fits (alone and in the booklet), never above the one at which the back's
// columns still hold kMinChars characters a line, nor below the layout's
// minimum. Computed once per job (SheetCache), with how many units each
// sheet moves at that scale (SheetCache::moved) when the search tried it
// (not the minimum): drawing it need not try again.
double set_scale(const Input& in, const PageGeometry& g) {
    const LayoutSpec& spec = *in.tools.spec;
    std::vector<std::pair<const Stakeholder*, bool>> sheets;
    for (const auto& s : in.content->stakeholders)
        if (s.has_content())
            for (bool alone : {false, true}) sheets.emplace_back(&s, alone);
    // A thread's own tools: its memo (a group's two sheets, tried one after
    // the other, share their paragraphs), the warnings no one reads, and its
    // copy of the input telling them there.
    struct Worker {
        ParagraphMemo memo;
        std::pair<const Stakeholder*, double> memo_of{nullptr, 0.0};
        Diagnostics quiet;
        Input probe;
    };
    Worker workers[2];
    for (Worker& w : workers) w.probe = in, w.probe.tools.diags = &w.quiet;
    // each sheet's moves (SheetCache::moved) at the scale being tried, and
    // at the last one at which every sheet fitted
    std::vector<std::uint16_t> trying(2 * in.content->stakeholders.size(), SheetCache::kMovesNotKnown), moved;
    double moved_at = -1;
    auto fits_at = [&](Worker& w, std::size_t i, double scale) {
        if (w.memo_of != std::pair{sheets[i].first, scale}) w.memo = {}, w.memo_of = {sheets[i].first, scale};
        const Attempt a = attempt(w.probe, *sheets[i].first, g, scale, sheets[i].second, false, w.memo);
        if (auto at = moves_index(in, *sheets[i].first, sheets[i].second))  // each sheet its own element
            trying[*at] = static_cast<std::uint16_t>(std::min<std::size_t>(a.moved, SheetCache::kMovesNotKnown - 1));
        return a.page.empty();
    };
    // The sheet that failed last is tried first; the others in the set's
    // order, stopping at the first that does not fit. Before any has failed,
    // the first is a guess: the standalone sheet (the smaller page) of the
    // group with the most text. On the map it is the one sheet that does not
    // fit at the sizes above the smallest, so each of those is refused for
    // one sheet set instead of the whole set. A guess that fits changes only
    // the order; one that throws is given up, and the set's order taken. An
    // error (only ever an internal one or no memory: setting a sheet refuses
    // nothing of the content's) may still be met in another order than the
    // set's, or only when its sheet is drawn: a guess that does not fit ends
    // the size's probe before the sheets that come first are tried.
    std::size_t hardest = 0;
    for (std::size_t i = 0, most = 0; i < sheets.size(); ++i)
        if (sheets[i].second)
            if (const std::size_t bytes = text_bytes(*sheets[i].first); bytes > most) hardest = i, most = bytes;
    bool guessing = hardest != 0;
    auto hardest_fits = [&](double scale) {
        if (!guessing) return fits_at(workers[0], hardest, scale);
        guessing = false;
        try {
            return fits_at(workers[0], hardest, scale);
        } catch (...) {
            hardest = 0;
            return fits_at(workers[0], hardest, scale);
        }
    };
    auto all_fit_in_turn = [&](double scale) {
        if (!hardest_fits(scale)) return false;
        for (std::size_t i = 0; i < sheets.size(); ++i)
            if (i != hardest && !fits_at(workers[0], i, scale)) {
                hardest = i;
                return false;
            }
        return true;
    };
    // The same answer on two threads: each takes the next group's sheets in
    // turn, and neither takes another once one does not fit. Every group
    // before a failing one was taken, and is tried whole, so the first
    // failing sheet found is the one the search in turn stops at, and is
    // tried first next time. Only the sheets tried past it differ, and their
    // moves are not kept. An error is left to the one-thread search, which
    // meets it where it always did.
    auto all_fit_shared = [&](double scale) {
        if (!hardest_fits(scale)) return false;
        std::vector<std::vector<std::size_t>> groups;  // the others, a group's sheets together
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            if (i == hardest) continue;
            if (groups.empty() || sheets[groups.back().front()].first != sheets[i].first) groups.emplace_back();
            groups.back().push_back(i);
        }
        std::atomic<bool> error{false};
        std::vector<char> failed(sheets.size(), 0);
        share_out(groups.size(), 2, [&](std::size_t k, unsigned t) {
            for (std::size_t i : groups[k]) {
                try {
                    if (fits_at(workers[t], i, scale)) continue;
                    failed[i] = 1;
                } catch (...) {
                    error = true;
                }
                return false;
            }
            return true;
        });
        if (error) return all_fit_in_turn(scale);
        const auto first = std::find(failed.begin(), failed.end(), 1);
        if (first == failed.end()) return true;
        hardest = static_cast<std::size_t>(first - failed.begin());
        return false;
    };
    const bool shared = usable_cores() > 1 && sheets.size() > 2;
    auto all_fit = [&](double scale) {
        if (sheets.empty()) return true;
        if (!(shared ? all_fit_shared(scale) : all_fit_in_turn(scale))) return false;
        moved = trying, moved_at = scale;
        return true;
    };
    auto found = [&](double scale) {
        if (scale == moved_at && in.sheets) {
            std::lock_guard lock(in.sheets->mutex);
            in.sheets->moved[area_key(g)] = std::move(moved);
        }
        return scale;
    };
    const double body = spec.style("body").size;
    double hi = std::clamp(g.column_width(kBackColumns) / (kMinChars * kCharEms * body), spec.fit_min_scale, 1.0);
    double lo = spec.fit_min_scale;
    if (all_fit(hi)) return found(hi);
    // The smallest size is never tried here: when no size above it fits, it
    // is the set's size whether or not every sheet fits at it (one that does
    // not says so when it is drawn), and each sheet finds its own moves as it
    // is drawn. Trying it set every sheet of the set (the costliest probe,
    // most of a lone fact sheet's work on the map, whose sheets are at it).
    while (hi - lo > kScaleTolerance) {
        const double mid = (lo + hi) / 2;
        (all_fit(mid) ? lo : hi) = mid;
    }
    return found(lo);
}

}  // namespace

double sheet_scale(const Input& in, const PageGeometry& g) {
    if (!in.sheets) return set_scale(in, g);
    const std::string key = area_key(g);
    std::lock_guard lock(in.sheets->scale_mutex);  // one computes, the others wait for it
    if (auto it = in.sheets->scales.find(key); it != in.sheets->scales.end()) return it->second;
    const double scale = set_scale(in, g);
    in.sheets->scales.emplace(key, scale);
    return scale;
}

namespace {

// A sheet set at the layout's smallest size, with the warnings setting it
// gave.
struct AtSmallest {
    Attempt attempt;
    Diagnostics warnings;
};

// While the first sheet to need the set's size waits for its search
// (sheet_scale), that sheet is set at the layout's smallest size on another
// core: the search's answer whenever no larger size fits, as on the map,
// where searching the larger sizes took about half as long as setting the
// sheet. Started only with a core to spare, and one at a time a set
// (SheetCache::guessing): a run of several documents has its cores busy. No
// future when not started.
std::future<std::unique_ptr<AtSmallest>> set_at_smallest(const Input& in, const Stakeholder& s, const PageGeometry& g,
                                                         bool standalone) {
    if (!in.sheets || usable_cores() < 2) return {};
    {
        std::unique_lock lock(in.sheets->scale_mutex, std::try_to_lock);  // held: the size is being searched
        if (lock.owns_lock() && in.sheets->scales.count(area_key(g))) return {};
    }
    if (in.sheets->guessing.exchange(true)) return {};
    try {
        // by reference: the caller joins the future before it returns
        return std::async(std::launch::async, [&in, &s, &g, standalone] {
            struct Done {
                std::atomic<bool>& flag;
                ~Done() { flag = false; }
            } done{in.sheets->guessing};
            auto out = std::make_unique<AtSmallest>();
            Input probe = in;
            probe.tools.diags = &out->warnings;
            ParagraphMemo memo;
            out->attempt = attempt(probe, s, g, in.tools.spec->fit_min_scale, standalone, true, memo);
            return out;
        });
    } catch (...) {  // no thread or no memory to be had: set after the search, as without a core to spare
        in.sheets->guessing = false;
        return {};
    }
}

}  // namespace

// Every sheet of the set at the set's scale (sheet_scale): the fewest back
// units moved forward for the back to fit its two balanced columns. The
// sides returned are the ones that fitted, so nothing is set twice. (A
// character the fonts lack is warned about once: Diagnostics keeps one copy
// of a repeated warning.)
static SheetParts fit_uncached(const Input& in, const Stakeholder& s, const PageGeometry& g, bool standalone) {
    // joined before this function returns or sheet_scale's error leaves (a
    // future of std::async waits in its destructor)
    std::future<std::unique_ptr<AtSmallest>> smallest = set_at_smallest(in, s, g, standalone);
    const double scale = sheet_scale(in, g);
    std::optional<std::size_t> known;
    if (const auto at = moves_index(in, s, standalone); at && in.sheets) {
        std::lock_guard lock(in.sheets->mutex);
        if (auto it = in.sheets->moved.find(area_key(g));
            it != in.sheets->moved.end() && *at < it->second.size() && it->second[*at] != SheetCache::kMovesNotKnown)
            known = it->second[*at];
    }
    // The sheet set at the smallest size is the one set below when the
    // search's answer is that size and it found no moves there (it never
    // tries the smallest unless no larger size is allowed): the same input,
    // so the same sides and warnings. Otherwise it is not waited for (the
    // sheet is set below at the size found while it ends, and dropped); one
    // that threw is set again below, where its error is met as it always was.
    if (smallest.valid() && scale == in.tools.spec->fit_min_scale && !known) {
        std::unique_ptr<AtSmallest> guessed;
        try {
            guessed = smallest.get();
        } catch (...) {
        }
        if (guessed) {
            ++in.sheets->guesses_kept;
            if (in.tools.diags) in.tools.diags->append(guessed->warnings);
            Attempt& a = guessed->attempt;
            if (!a.page.empty()) throw FitError(s.id, a.page, std::max(a.over, 1.0), s.pos);
            return std::move(a.parts);
        }
    }
    // Drawn with the moves found, only the final sides are set: a warning
    // setting gives comes in the order of those sides (the set of warnings
    // is the same as a search of its own gives).
    ParagraphMemo memo;
    Attempt a = attempt(in, s, g, scale, standalone, true, memo, known);
    if (!a.page.empty()) throw FitError(s.id, a.page, std::max(a.over, 1.0), s.pos);
    return std::move(a.parts);
}

// The sheet from SheetCache, fitted (and kept) if it is not there yet.
static std::shared_ptr<FittedSheet> fitted_sheet(const Input& in, const Stakeholder& s, const PageGeometry& g,
                                                 bool standalone) {
    const std::string key = sheet_key(s, g, standalone);
    std::shared_ptr<FittedSheet> fitted;
    if (in.sheets) {
        std::lock_guard lock(in.sheets->mutex);
        if (auto it = in.sheets->sheets.find(key); it != in.sheets->sheets.end()) fitted = it->second;
    }
    if (!fitted) {
        auto f = std::make_shared<FittedSheet>();
        Input probe = in;
        probe.tools.diags = &f->warnings;
        f->parts = fit_uncached(probe, s, g, standalone);  // a FitError is not cached: the job stops
        // kept until the job forgets it, copied each time: no spare capacity
        f->parts.front.shrink_to_fit(), f->parts.back.shrink_to_fit();
        fitted = f;
        if (in.sheets) {
            std::lock_guard lock(in.sheets->mutex);
            in.sheets->sheets.emplace(key, fitted);
        }
    }
    return fitted;
}

SheetParts fit_factsheet(const Input& in, const Stakeholder& s, const PageGeometry& g, bool standalone) {
    const std::shared_ptr<const FittedSheet> fitted = fitted_sheet(in, s, g, standalone);
    if (in.tools.diags) in.tools.diags->append(fitted->warnings);
    return fitted->parts;
}

std::size_t factsheet_items(const Input& in, const Stakeholder& s, const PageGeometry& g) {
    if (!in.sheets) return 0;  // nothing would keep the sheet: it would be fitted twice
    const std::shared_ptr<const FittedSheet> fitted = fitted_sheet(in, s, g, false);
    return fitted->parts.front.size() + fitted->parts.back.size();
}

void fit_factsheets_ahead(const Input& in, const std::vector<const Stakeholder*>& sheets, const PageGeometry& g) {
    if (!in.sheets || usable_cores() < 2) return;
    std::vector<const Stakeholder*> missing;  // a later pass of the booklet finds them all kept
    {
        std::lock_guard lock(in.sheets->mutex);
        for (const Stakeholder* s : sheets)
            if (!in.sheets->sheets.count(sheet_key(*s, g, false))) missing.push_back(s);
    }
    if (missing.size() < 2) return;
    share_out(missing.size(), 2, [&](std::size_t k, unsigned) {
        try {
            fitted_sheet(in, *missing[k], g, false);
        } catch (...) {  // not kept: met again, in its turn, by factsheet_items
        }
        return true;
    });
}

FittedSheet borrow_factsheet(const Input& in, const Stakeholder& s, const PageGeometry& g) {
    std::shared_ptr<FittedSheet> fitted = fitted_sheet(in, s, g, false);
    if (in.sheets) {
        std::lock_guard lock(in.sheets->mutex);
        if (auto it = in.sheets->sheets.find(sheet_key(s, g, false)); it != in.sheets->sheets.end() && it->second == fitted)
            in.sheets->sheets.erase(it);
    }
    if (in.tools.diags) in.tools.diags->append(fitted->warnings);
    // out of the map, no one can find it: moved when this is its last holder,
    // else (a reader still holds it) copied
    if (fitted.use_count() == 1) return std::move(*fitted);
    return *fitted;
}

void return_factsheet(const Input& in, const Stakeholder& s, const PageGeometry& g, FittedSheet sheet) {
    if (!in.sheets) return;
    auto back = std::make_shared<FittedSheet>(std::move(sheet));
    std::lock_guard lock(in.sheets->mutex);
    in.sheets->sheets.emplace(sheet_key(s, g, false), std::move(back));  // one fitted again meanwhile stays
}

void forget_factsheet(const Input& in, const Stakeholder& s, const PageGeometry& g, bool standalone) {
    if (!in.sheets) return;
    std::shared_ptr<FittedSheet> gone;  // freed after the lock is released
    std::lock_guard lock(in.sheets->mutex);
    if (auto it = in.sheets->sheets.find(sheet_key(s, g, standalone)); it != in.sheets->sheets.end()) {
        gone = std::move(it->second);
        in.sheets->sheets.erase(it);
    }
}

}  // namespace lerbrief::compose
