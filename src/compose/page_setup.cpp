#include "compose/page_setup.h"

#include "layout/paragraph.h"
#include "messages/compose.h"
#include "model/utf8.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

// Header baseline sits this far above the text area; the footer baseline
// this far below it.
constexpr double kHeaderGap = 16, kFooterGap = 24;
// Notes pages: ruled lines this far apart (a college-ruled 8 mm), the first
// this far below the heading's baseline.
// The colour band across the top of the cover and of a standalone fact
// sheet: this share of the top margin, in the layout's accent colour. With
// --bleed it runs to the paper's edges (and press/bleed.cpp pushes it on
// into the bleed); without, it keeps kBandInset from them.
constexpr double kBandShare = 0.45;
constexpr double kNotesRuling = 22.7, kNotesFirstRule = 30;

std::string fill(std::string tpl, const std::string& key, const std::string& value) {
    for (auto p = tpl.find(key); p != std::string::npos; p = tpl.find(key, p + value.size()))
        tpl.replace(p, key.size(), value);
    return tpl;
}

void put(Frame& f, const Tools& t, StyleName style, const std::string& text, double x, double y, int align,
         double max_width) {
    if (text.empty()) return;
    const TypeStyle& ts = t.spec->style(style);
    const FontId font = t.fonts->id(ts.font);
    std::string s = text;
    double w = text_width(*t.fonts, font, s, ts.size);
    while (w > max_width && s.size() > 4) {  // running heads are one line: shorten with an ellipsis
        s.resize(utf8::floor_boundary(s, s.size() - 4));
        s += "\u2026";
        w = text_width(*t.fonts, font, s, ts.size);
    }
    double px = align < 0 ? x : align > 0 ? x - w : x - w / 2;
    f.items.push_back(TextItem{{px, y}, font, ts.size, to_color(ts.color), s, w});
}

double width_of(const Tools& t, StyleName style, const std::string& s) {
    const TypeStyle& ts = t.spec->style(style);
    return text_width(*t.fonts, t.fonts->id(ts.font), s, ts.size);
}

// `s` cut to fit `max_width` with an ellipsis, at a character boundary.
std::string cut(const Tools& t, StyleName style, std::string s, double max_width, const std::string& after = {}) {
    while (!s.empty() && width_of(t, style, s + "\u2026" + after) > max_width) {
        s.resize(utf8::floor_boundary(s, s.size() - 1));
        while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ':')) s.pop_back();
    }
    return s + "\u2026" + after;
}

// A footer's line (the event line) fitted to `max_width`, never cut silently:
// as it is when it fits; else the event's title (`title`, when the line holds
// it) shortened with an ellipsis so what follows it (date, place) stays; else
// wrapped onto two lines at a " · " or a space; only a second line that still
// does not fit is cut. `shortened` says whether any text was left out.
struct FittedLine {
    std::vector<std::string> lines;
    bool shortened = false;
};
FittedLine fit_line(const Tools& t, StyleName style, const std::string& text, const std::string& title,
                    double max_width) {
    if (text.empty() || width_of(t, style, text) <= max_width) return {{text}, false};
    if (const auto at = title.empty() ? std::string::npos : text.find(title); at != std::string::npos) {
        const std::string before = text.substr(0, at), after = text.substr(at + title.size());
        const std::string shown = cut(t, style, title, max_width - width_of(t, style, before), after);
        if (shown.size() > after.size() + std::string("\u2026").size() && width_of(t, style, before + shown) <= max_width)
            return {{before + shown}, true};
    }
    // two lines: the longest first line that fits, broken after a separator
    std::size_t best = std::string::npos;
    for (const std::string sep : {" \u00B7 ", " "}) {
        for (auto p = text.find(sep); p != std::string::npos; p = text.find(sep, p + 1))
            if (width_of(t, style, text.substr(0, p)) <= max_width) best = p;
        if (best != std::string::npos) {
            std::string first = text.substr(0, best), second = text.substr(best + sep.size());
            if (width_of(t, style, second) <= max_width) return {{first, second}, false};
            return {{first, cut(t, style, second, max_width)}, true};
        }
    }
    return {{cut(t, style, text, max_width)}, true};
}

// Lines set one below the other from baseline `y`.
void put_lines(Frame& f, const Tools& t, StyleName style, const std::vector<std::string>& lines, double x,
               double y, int align, double max_width) {
    const double leading = t.spec->style(style).leading;
    for (const auto& l : lines) put(f, t, style, l, x, y, align, max_width + 1), y += leading;
}

// A page for the reader's own notes: the heading "Notes" (booklet.notes) and ruled lines
// down to the foot of the text area.
void notes(Frame& fr, const PageGeometry& g, const Tools& t, double left, double right) {
    const TypeStyle& h1 = t.spec->style("h1");
    const double base = g.top + h1.size;
    put(fr, t, "h1", (*t.strings)(Str::notes_heading), left, base, -1, right - left);
    for (double y = base + kNotesFirstRule; y <= g.height - g.bottom + 0.01; y += kNotesRuling) {
        Shape rule;
        rule.path = {{PathSeg::Op::move, {{left, y}}}, {PathSeg::Op::line, {{right, y}}}};
        rule.stroke = to_color(t.spec->color("rule"));
        rule.stroke_width = 0.5;
        fr.items.push_back(std::move(rule));
    }
}

}  // namespace

std::string roman(int n) {
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                        {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                        {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (auto [v, s] : table)
        while (n >= v) out += s, n -= v;
    return out;
}

PageGeometry geometry(const LayoutSpec& spec) {
    PageGeometry g;
    g.width = spec.page_width.points();
    g.height = spec.page_height.points();
    g.top = spec.margin_top.points();
    g.bottom = spec.margin_bottom.points();
    g.inner = spec.margin_inner.points();
    g.outer = spec.margin_outer.points();
    g.columns = spec.columns;
    g.column_gap = spec.column_gap.points();
    return g;
}

void add_furniture(Laid& laid, const PageGeometry& g, const Tools& t, const Furniture& f) {
    const LayoutSpec& spec = *t.spec;
    std::string shortened;  // the event line as shown, when it had to be shortened (warned once)
    for (std::size_t i = 0; i < laid.pages.size(); ++i) {
        const PageKind kind = laid.page_kind[i];
        Frame& fr = laid.pages[i].frame;
        if (kind == "cover" || kind == "sheet") {
            Shape band;
            const double h = g.top * kBandShare, in = f.bleed ? 0 : kBandInset;
            const double x0 = in, x1 = g.width - in, y0 = in, y1 = in + h;
            band.path = {{PathSeg::Op::move, {{x0, y0}}}, {PathSeg::Op::line, {{x1, y0}}},
                         {PathSeg::Op::line, {{x1, y1}}}, {PathSeg::Op::line, {{x0, y1}}}, {PathSeg::Op::close, {}}};
            band.fill = to_color(spec.color("accent"));
            fr.items.insert(fr.items.begin(), std::move(band));
        }
        // pagination reserves a page's items exactly: what furniture adds
        // grows them by doubling, so each page is trimmed once it is done
        // (a booklet of 4,000 pages would otherwise hold ~10 MB spare)
        if (kind == "cover" || kind == "blank") {
            fr.items.shrink_to_fit();
            continue;
        }
        const bool verso = i % 2 == 1;
        const double left = verso ? g.outer : g.inner;
        const double right = g.width - (verso ? g.inner : g.outer);
        const double head_y = g.top - kHeaderGap, foot_y = g.height - g.bottom + kFooterGap;
        const double half = (right - left) / 2 - 12;
        const std::string page = i < f.labels.size() ? f.labels[i] : std::to_string(i + 1);
        if (kind == "notes") notes(fr, g, t, left, right);
        if (kind == "body" || kind == "notes") {
            auto expand = [&](const std::string& tpl) {
                return fill(fill(fill(fill(tpl, "{title}", f.title), "{section}", laid.page_section[i]), "{event}", f.event),
                            "{page}", page);
            };
            const std::string head = expand(verso ? spec.header_left : spec.header_right);
            put(fr, t, "header", head, verso ? left : right, head_y, verso ? -1 : 1, 2 * half);
            Shape rule;
            rule.path = {{PathSeg::Op::move, {{left, head_y + 5}}}, {PathSeg::Op::line, {{right, head_y + 5}}}};
            rule.stroke = to_color(spec.color("rule"));
            rule.stroke_width = 0.5;
            fr.items.push_back(std::move(rule));
            const std::string outer = expand(spec.footer_right), inner = expand(spec.footer_left);
            put(fr, t, "footer", outer, verso ? left : right, foot_y, verso ? -1 : 1, half);
            // the inner footer (the event line) has the width the outer one leaves
            const double room = right - left - (outer.empty() ? 0 : width_of(t, "footer", outer) + 24);
            const FittedLine fl = fit_line(t, "footer", inner, f.event_title, room);
            if (fl.shortened && shortened.empty()) shortened = fl.lines.back();
            put_lines(fr, t, "footer", fl.lines, verso ? right : left, foot_y, verso ? 1 : -1, room);
        } else if (kind == "front") {
            put(fr, t, "footer", page, verso ? left : right, foot_y, verso ? -1 : 1, half);
        } else if (kind == "sheet") {
            const double room = right - left - 48;
            const FittedLine fl = fit_line(t, "footer", f.event.empty() ? f.title : f.event, f.event_title, room);
            if (fl.shortened && shortened.empty()) shortened = fl.lines.back();
            put_lines(fr, t, "footer", fl.lines, left, foot_y, -1, room);
            put(fr, t, "footer", page, right, foot_y, 1, half);
        }
        fr.items.shrink_to_fit();
    }
    if (!shortened.empty() && t.diags) msg::event_line_shortened(*t.diags, f.event, shortened);
}

}  // namespace lerbrief::compose
