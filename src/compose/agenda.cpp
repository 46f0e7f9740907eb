// The agenda of a convening (--kit): a printed programme. At the top the
// event's title and its date and place; then one row per item: the time in a
// left column, the item's title, and below it the room, the speaker and the
// note in small muted type, rows parted by hairline rules. As many pages as
// it takes (one or two for a day's programme); a row never splits.
//
// Tagged (issue 17): "AGENDA" a P, the title the H1, the date and place a P;
// the programme one Table, a TR per item: the time a row header (TH, row
// scope), the title and details one TD. Rules, the "continued" head and the
// footer are artifacts.
#include <algorithm>

#include "compose/compose.h"
#include "compose/kit_page.h"
#include "compose/page_setup.h"
#include "layout/paragraph.h"
#include "messages/kit_agenda.h"
#include "model/markup.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

// A printed agenda is one page or two; a longer one is set, with a warning.
constexpr std::size_t kMaxAgendaPages = 2;


constexpr double kTimeColumn = 1.1 * 72;  // the time column, its gutter included
constexpr double kTimeGutter = 10;
constexpr double kRowPad = 7;             // above and below a row's text, around its rule
constexpr double kHairline = 0.5;

// Lines of plain text `text` set in `style` at `width`, ragged, unhyphenated.
std::vector<SetLine> set_plain(const Builder& b, const std::string& markup, StyleName style, double width,
                               const SourcePos& pos) {
    ParaStyle ps = b.para_style(style);
    ps.justify = ps.hyphenate = false;
    const SetContext ctx{b.tools().fonts, nullptr, b.tools().diags};
    std::vector<SetLine> out;
    for (const auto& p : parse_markup(markup)) {
        auto more = set_paragraph(p, ps, {width}, ctx, pos);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

double first_baseline(const std::vector<SetLine>& lines) {
    if (!lines.empty())
        for (const auto& it : lines.front().items)
            if (const auto* t = std::get_if<TextItem>(&it)) return t->pos.y;
    return 0;
}

// Lines moved by (dx, dy) into `v` as `tag`'s content; their text joined into `dump`.
void place(VItem& v, const std::vector<SetLine>& lines, double dx, double dy, double leading, std::string& dump,
           double& widest, const Tag& tag) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (auto it : lines[i].items) {
            std::visit([&](auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, TextItem> || std::is_same_v<T, LinkItem>)
                    x.pos.x += dx, x.pos.y += dy + i * leading, x.tag = tag;
            }, it);
            v.items.push_back(std::move(it));
        }
        widest = std::max(widest, dx + lines[i].width);
        dump += (dump.empty() || dump.back() == ' ' ? "" : " ") + lines[i].text;
    }
}

// One row of the programme, one vertical item: never split across pages. A
// row of `table`: the time its header cell, then the rest one data cell.
VItem row(Builder& b, const AgendaItem& item, bool rule_above, const Tag& table) {
    const LayoutSpec& spec = *b.tools().spec;
    const double measure = b.measure(), tw = kTimeColumn - kTimeGutter, xw = measure - kTimeColumn;
    const auto time = set_plain(b, escape_markup(item.time), "agenda-time", tw, item.pos);
    const auto title = set_plain(b, escape_markup(item.title), "agenda-item", xw, item.pos);
    std::string where;
    for (const auto* p : {&item.room, &item.speaker})
        if (!p->empty()) where += (where.empty() ? "" : " \u00B7 ") + escape_markup(*p);
    std::vector<SetLine> detail;
    if (!where.empty()) detail = set_plain(b, where, "agenda-detail", xw, item.pos);
    if (!item.note.empty()) {
        auto note = set_plain(b, "*" + escape_markup(item.note) + "*", "agenda-detail", xw, item.pos);
        detail.insert(detail.end(), note.begin(), note.end());
    }
    const TypeStyle &ts = spec.style("agenda-time"), &is = spec.style("agenda-item"), &ds = spec.style("agenda-detail");
    VItem v;
    std::string dump;
    double widest = 0;
    // the time's first baseline sits on the title's
    const double top = kRowPad;
    const Tag tr = make_tag(Role::tr, table), th = make_header_cell(tr, Scope::row), td = make_tag(Role::td, tr);
    // the time first: it is read first (drawing order is reading order)
    std::string time_dump;
    double time_w = 0;
    if (time.empty()) {  // an empty header cell keeps the row's two cells
        Shape nothing;
        nothing.tag = th;
        v.items.push_back(std::move(nothing));
    }
    place(v, time, 0, top + first_baseline(title) - first_baseline(time), ts.leading, time_dump, time_w, th);
    place(v, title, kTimeColumn, top, is.leading, dump, widest, td);
    double right = top + title.size() * is.leading;
    if (!detail.empty()) {
        right += is.space_after;
        dump += " |";
        place(v, detail, kTimeColumn, right, ds.leading, dump, widest, td);
        right += detail.size() * ds.leading;
    }
    const double h = std::max(top + time.size() * ts.leading, right) + kRowPad;
    if (rule_above) v.items.push_back(kit::line(0, 0, measure, 0, to_color(spec.color("rule")), kHairline));
    v.height = h;
    v.set_text() = {time_dump + " | " + dump, std::max(widest, time_w), measure};
    v.block = b.next_block(), v.lines = 1;
    b.set_next_block(b.next_block() + 1);
    return v;
}

}  // namespace

Composed agenda(const Input& in) {
    const LayoutSpec& spec = *in.tools.spec;
    const PageGeometry g = geometry(spec);
    const std::string title = kit::event_or_content_title(in);
    const Strings& s = *in.tools.strings;
    Builder b(in.tools, g.text_width());
    b.page_break(Parity::any, "agenda");
    std::size_t first = b.items().size();
    b.text(escape_markup(s(Str::agenda_label)), "label", 0, true);
    set_tags(b.items(), first, make_tag(Role::p));
    first = b.items().size();
    b.heading(escape_markup(title), "title", 1, "agenda");
    set_tags(b.items(), first, make_tag(Role::h1));
    std::string when;
    for (const auto* p : {&in.event.date, &in.event.place})
        if (!p->empty()) when += (when.empty() ? "" : " \u00B7 ") + *p;
    first = b.items().size();
    if (!when.empty()) b.text(escape_markup(when), "subtitle", 0, true);
    set_tags(b.items(), first, make_tag(Role::p));
    b.rule("accent", 1.2);
    const Tag table = make_tag(Role::table);
    for (std::size_t i = 0; i < in.event.agenda.size(); ++i)
        b.items().push_back(row(b, in.event.agenda[i], i > 0, table));
    if (!b.items().empty()) b.items().front().set_marks().page_kind = "agenda";
    Laid laid = paginate(b.items(), g);
    for (auto& k : laid.page_kind) k = "agenda";
    // a page after the first says whose programme it continues
    for (std::size_t i = 1; i < laid.pages.size(); ++i) {
        const int p = static_cast<int>(i);
        laid.pages[i].frame.items.push_back(kit::one_line(in.tools, "header", s.fill(Str::agenda_continued, {{"title", title}}),
                                                          kit::text_left(g, p), g.top - 16,
                                                          -1, g.text_width()));
    }
    if (laid.pages.size() > kMaxAgendaPages && in.tools.diags && !in.event.agenda.empty())
        msg::agenda_long(*in.tools.diags, in.event.agenda.front().pos, laid.pages.size(), in.event.agenda.size());
    kit::Footer f;
    f.left = in.event.line().empty() ? title : in.event.line();
    f.numbered = true;
    kit::add_footer(laid, g, in.tools, f);
    return kit::finish(std::move(laid), in, s.fill(Str::agenda_title, {{"title", title}}),
                       s.fill(Str::agenda_subject, {{"title", title}}));
}

}  // namespace lerbrief::compose
