#include "compose/page_setup.h"

#include "layout/paragraph.h"
#include "model/utf8.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

// Header baseline sits this far above the text area; the footer baseline
// this far below it.
constexpr double kHeaderGap = 16, kFooterGap = 24;
// Notes pages: ruled lines this far apart (a college-ruled 8 mm), the first
// this far below the heading's baseline.
// The colour band across the top edge of the cover and of a standalone fact
// sheet: this share of the top margin, in the layout's accent colour. It runs
// to the paper's edges, so with --bleed it runs on into the bleed.
constexpr double kBandShare = 0.45;
constexpr double kNotesRuling = 22.7, kNotesFirstRule = 30;

std::string fill(std::string tpl, const std::string& key, const std::string& value) {
    for (auto p = tpl.find(key); p != std::string::npos; p = tpl.find(key, p + value.size()))
        tpl.replace(p, key.size(), value);
    return tpl;
}

void put(Frame& f, const Tools& t, const std::string& style, const std::string& text, double x, double y, int align,
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

// A page for the reader's own notes: the heading "Notes" and ruled lines
// down to the foot of the text area.
void notes(Frame& fr, const PageGeometry& g, const Tools& t, double left, double right) {
    const TypeStyle& h1 = t.spec->style("h1");
    const double base = g.top + h1.size;
    put(fr, t, "h1", "Notes", left, base, -1, right - left);
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
    for (std::size_t i = 0; i < laid.pages.size(); ++i) {
        const std::string& kind = laid.page_kind[i];
        Frame& fr = laid.pages[i].frame;
        if (kind == "cover" || kind == "sheet") {
            Shape band;
            const double h = g.top * kBandShare;
            band.path = {{PathSeg::Op::move, {{0, 0}}}, {PathSeg::Op::line, {{g.width, 0}}},
                         {PathSeg::Op::line, {{g.width, h}}}, {PathSeg::Op::line, {{0, h}}}, {PathSeg::Op::close, {}}};
            band.fill = to_color(spec.color("accent"));
            fr.items.insert(fr.items.begin(), std::move(band));
        }
        if (kind == "cover" || kind == "blank") continue;
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
            put(fr, t, "footer", inner, verso ? right : left, foot_y, verso ? 1 : -1, half);
        } else if (kind == "front") {
            put(fr, t, "footer", page, verso ? left : right, foot_y, verso ? -1 : 1, half);
        } else if (kind == "sheet") {
            put(fr, t, "footer", f.event.empty() ? f.title : f.event, left, foot_y, -1, right - left - 48);
            put(fr, t, "footer", page, right, foot_y, 1, half);
        }
    }
}

}  // namespace lerbrief::compose
