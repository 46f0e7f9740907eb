#include "compose/kit_marks.h"

#include "compose/figures.h"
#include "compose/kit_page.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

#include "diagram/icon.h"
#include "diagram/style.h"
#include "layout/paragraph.h"
#include "messages/output.h"
#include "model/markup.h"
#include "model/utf8.h"

namespace lerbrief::compose::kit {

using namespace layout;

Color group_color(const Content& c, const LayoutSpec& spec, const Stakeholder& s) {
    std::vector<Color> fills;
    for (const auto& rgb : spec.palette) fills.push_back(to_color(rgb));
    if (fills.empty()) fills = diagram::default_palette().groups;
    std::size_t index = 0;
    while (index < c.stakeholders.size() && c.stakeholders[index].id != s.id) ++index;
    const auto look = diagram::node_look(index, c.stakeholders.size(), fills.size());
    return fills[look.colour % fills.size()];
}

Color text_on(Color fill) { return diagram::relative_luminance(fill) > 0.179 ? kBlack : kWhite; }

layout::Icon group_icon(const Stakeholder& s, const Tools& t) { return icon_for(s, t, kIconSize); }

void line(std::vector<Item>& out, Point a, Point b, double width, Color color) {
    Shape sh;
    sh.path = {{PathSeg::Op::move, {a}}, {PathSeg::Op::line, {b}}};
    sh.stroke = color;
    sh.stroke_width = width;
    out.push_back(std::move(sh));
}

void dashed(std::vector<Item>& out, Point a, Point b, double dash, double gap, double width, Color color) {
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    if (len <= 0) return;
    const double ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
    for (double d = 0; d < len; d += dash + gap) {
        const double e = std::min(len, d + dash);
        line(out, {a.x + ux * d, a.y + uy * d}, {a.x + ux * e, a.y + uy * e}, width, color);
    }
}

namespace {

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join_words(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to && i < w.size(); ++i) s += (s.empty() ? "" : " ") + w[i];
    return s;
}

struct Setter {
    const Tools& t;
    ParaStyle ps;
    double measure;
    SourcePos pos;

    std::vector<SetLine> set(const std::string& plain, double size, double leading) const {
        ParaStyle p = ps;
        p.size = size, p.leading = leading;
        SetContext ctx{t.fonts, nullptr, t.diags};
        auto paras = parse_markup(escape_markup(plain));
        if (paras.empty()) return {};
        return set_paragraph(paras.front(), p, {measure}, ctx, pos);
    }
    bool fits(const std::vector<SetLine>& lines, int max_lines) const {
        if (static_cast<int>(lines.size()) > max_lines) return false;
        return std::all_of(lines.begin(), lines.end(), [&](const SetLine& l) { return l.width <= measure + 0.01; });
    }
    // The longest start of `text` that fits the measure with "…" after it,
    // cut after a whole word when one fits, else after a character.
    std::string cut(const std::string& text, double size) const {
        const std::string ell = "\u2026";
        auto width = [&](const std::string& s) { return text_width(*t.fonts, ps.regular, s + ell, size); };
        std::vector<std::size_t> ends;  // code point boundaries
        for (std::size_t i = 0; i < text.size();) {
            utf8::next(text, i);
            ends.push_back(i);
        }
        std::string best;
        for (std::size_t e : ends) {
            std::string s = text.substr(0, e);
            if (width(s) > measure) break;
            best = std::move(s);
        }
        // prefer a word boundary when it keeps most of the line
        const auto sp = best.rfind(' ');
        if (sp != std::string::npos && sp > best.size() * 2 / 3 && best.size() < text.size() && text[best.size()] != ' ')
            best.resize(sp);
        while (!best.empty() && best.back() == ' ') best.pop_back();
        return best + ell;
    }
};

}  // namespace

FitText fit_text(const Tools& t, StyleName style, const std::string& text, double measure, double min_size,
                 double step, int shrink_lines, int max_lines, const SourcePos& pos) {
    std::string plain = text;
    for (char& ch : plain)
        if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
    Builder b(t, measure);
    const TypeStyle& ts = t.spec->style(style);
    Setter s{t, b.para_style(style), measure, pos};
    s.ps.hyphenate = false;
    s.ps.justify = false;
    FitText out;
    auto leading_at = [&](double size) { return ts.leading * size / ts.size; };
    auto finish = [&](std::vector<SetLine> lines, double size) {
        out.lines = std::move(lines);
        out.size = size, out.leading = leading_at(size);
        out.printed.clear();
        for (const auto& l : out.lines) out.printed += (out.printed.empty() ? "" : " / ") + l.text;  // " / ": a line break
        return out;
    };
    min_size = std::min(min_size, ts.size);
    for (double size = ts.size; size >= min_size - 1e-9; size -= step) {
        auto lines = s.set(plain, size, leading_at(size));
        if (s.fits(lines, shrink_lines)) return finish(std::move(lines), size);
        if (step <= 0) break;
    }
    auto lines = s.set(plain, min_size, leading_at(min_size));
    out.wrapped = static_cast<int>(lines.size()) > shrink_lines;
    if (s.fits(lines, max_lines)) return finish(std::move(lines), min_size);
    // Cut: the lines before the last are filled word by word (the line
    // breaker would balance them over the whole text, leaving the first
    // short), each the longest run of whole words that sets on one line;
    // the last takes what follows, cut with "…".
    const std::vector<std::string> words = words_of(plain);
    lines.clear();
    std::size_t used = 0;
    while (lines.size() + 1 < static_cast<std::size_t>(max_lines) && used < words.size()) {
        std::vector<SetLine> best;
        std::size_t upto = used;
        for (std::size_t k = used + 1; k <= words.size(); ++k) {
            auto one = s.set(join_words(words, used, k), min_size, leading_at(min_size));
            if (one.size() != 1 || one.front().width > measure + 0.01) break;
            best = std::move(one), upto = k;
        }
        if (best.empty()) break;  // a word wider than the line: the cut takes it
        lines.push_back(std::move(best.front()));
        used = upto;
    }
    const std::string rest = join_words(words, used, words.size());
    auto last = s.set(s.cut(rest, min_size), min_size, leading_at(min_size));
    if (!last.empty()) lines.push_back(std::move(last.front()));
    out.cut = true;
    out.wrapped = lines.size() > static_cast<std::size_t>(shrink_lines);
    return finish(std::move(lines), min_size);
}

void place(const FitText& f, double x, double y, std::vector<Item>& out, std::vector<LineRecord>* records, int page,
           int block, bool heading, const Tag& tag) {
    for (std::size_t i = 0; i < f.lines.size(); ++i) {
        const SetLine& l = f.lines[i];
        std::vector<Item> items = l.items;
        const double top = y + f.leading * static_cast<double>(i);
        offset_items(items, x, top);
        set_tags(items, tag);
        out.insert(out.end(), items.begin(), items.end());
        if (records) {
            LineRecord r;
            r.page = page, r.column = 0, r.x = x, r.y = top;
            r.info = {l.text, l.width, l.measure, block, static_cast<int>(i), static_cast<int>(f.lines.size()), heading, {}, 0, 0, false};
            records->push_back(std::move(r));
        }
    }
}

}  // namespace lerbrief::compose::kit
