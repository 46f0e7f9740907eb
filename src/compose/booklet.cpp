// The booklet, laid out twice: the first pass finds on which page every
// anchor lands; the second fills those numbers into the contents and the
// "see p. N" references (their widths barely change, and a third pass runs
// if the page count moved).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "compose/compose.h"
#include "compose/factsheet.h"
#include "compose/figures.h"
#include "compose/page_setup.h"
#include "layout/links.h"
#include "model/markup.h"
#include "model/memory.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

constexpr int kMaxPasses = 3;
// The cover diagram's height as a share of the text height.
constexpr double kCoverDiagramShare = 0.55;
constexpr double kEcosystemDiagramShare = 0.62;
// A step picture of "LERs explained": 0.85 in wide.
constexpr double kStepPictureWidth = 0.85 * 72;
constexpr double kStepGutter = 14;  // Builder::picture_row's, between picture and text
// The booklet's text block holds this many characters of body type a line
// (60–80 reads best; bold lines hold fewer, so a little over the middle): on a page wider than that the rest is
// a wide outer margin, and figures (the diagram, the participation matrix)
// run across the whole text area. Fact sheets keep the layout's full width.
constexpr double kMeasureChars = 71;
// Resources: the space after a paragraph inside one entry, and after an entry.
constexpr double kEntryInside = 1.5, kEntryAfter = 10;

// A measurement constant, never printed (so it is not in the strings files):
// a sample of running English whose average character width gives the
// measure. The same in every edition, so the text block does not change
// width with the language.
constexpr std::string_view kMeasureSample =
    "Learning and employment records describe what a person knows and can do, in a form "
    "that employers, schools and the learners themselves can verify and carry with them.";

// The width of kMeasureChars characters of running English in the body style
// (its average character, from kMeasureSample), at most the text area's width.
double text_measure(const Tools& t, double text_width) {
    const std::string sample(kMeasureSample);
    const ParaStyle body = Builder(t, text_width).para_style("body");
    const double per_char = layout::text_width(*t.fonts, body.regular, sample, body.size) / static_cast<double>(sample.size());
    return std::min(text_width, std::round(kMeasureChars * per_char));
}

using Refs = std::map<std::string, std::string>;  // anchor → printed page number

std::string ref(const Refs& refs, const std::string& anchor) {
    auto it = refs.find(anchor);
    return it == refs.end() ? "00" : it->second;
}

// "fact sheet p. N", linked to the sheet's first page.
std::string sheet_ref(const Strings& s, const Refs& refs, const std::string& id) {
    const std::string text = fill_markup(s, Str::sheet_ref, {{"page", ref(refs, "sheet:" + id)}});
    return fmt::format("[{}](#sheet:{})", text, id);
}

struct TocEntry {
    std::string title, anchor;
    int level;
};

// A figure across the whole text area, wider than the text block (its
// measure is the text area's: to_inner_side leaves it where it is).
// `tag`: the figure's element (the diagram's Figure); null: its items carry
// their own (the participation matrix).
void full_width(Builder& b, std::shared_ptr<const Frame> f, double full, double height, Tag tag = nullptr) {
    b.figure(std::move(f), full, height, false, false, std::move(tag));
    b.items().back().set_text().measure = full;
}

void cover(Builder& b, const Input& in, double full, double text_height) {
    const Content& c = *in.content;
    const Strings& s = *in.tools.strings;
    b.text(escape_markup(s(Str::cover_kicker)), "label");
    b.space(10);
    const std::size_t first = b.items().size();
    b.text(c.meta.title, "title");
    // the document's title is its first heading (no bookmark of its own: it is the document)
    const Tag title = make_tag(Role::h1);
    set_tags(b.items(), first, title);
    b.text(c.meta.subtitle, "subtitle");
    if (const std::string ev = in.event.line(); !ev.empty()) b.text("**" + escape_markup(ev) + "**", "h3");
    const double dh = text_height * kCoverDiagramShare;
    if (auto d = ecosystem_diagram(c, in.tools, full, dh, {}, in.figures.get())) full_width(b, d, full, dh, diagram_tag(s, c));
    b.space(10);
    std::string credit;
    for (const std::string* part : {&c.meta.source.name, &c.meta.source.license})
        if (!part->empty()) credit += (credit.empty() ? "" : ", ") + escape_markup(*part);
    if (!credit.empty()) b.text(fill_markup(s, Str::cover_credit, {{"credit", credit}}), "small");
}

void contents(Builder& b, const std::vector<TocEntry>& toc, const Refs& refs, const Tools& t) {
    const Strings& s = *b.tools().strings;
    b.heading(escape_markup(s(Str::contents)), "h1", 1, "contents", s(Str::contents));
    // a TOC, a TOCI an entry: its title, page number and link (the dotted
    // leader is an artifact)
    const Tag toc_tag = make_tag(Role::toc);
    for (const auto& e : toc) {
        const StyleName style = e.level == 1 ? StyleName("toc-group") : StyleName("toc");
        const double indent = e.level == 1 ? 0 : 14;
        const std::size_t first = b.items().size();
        b.text(escape_markup(e.title), style, indent);
        if (b.items().size() == first) continue;
        const Tag entry = make_tag(Role::toci, toc_tag);
        set_tags(b.items(), first, entry);
        // the page number, right-aligned on the entry's last line, with a
        // dotted leader, and the whole entry linked to its page
        VItem& last = b.items().back();
        const ParaStyle ps = b.para_style(style);
        const std::string num = ref(refs, e.anchor);
        b.items()[first].set_text().text = e.title + "\t" + num;  // the dump shows the entry and its number
        const double nw = text_width(*t.fonts, ps.regular, num, ps.size);
        const double ascent = ps.leading - (ps.leading - ps.size) / 2 - ps.size * 0.22;
        double text_end = indent;
        for (const auto& it : last.items)
            if (auto* ti = std::get_if<TextItem>(&it)) text_end = std::max(text_end, ti->pos.x + ti->width);
        const double dot = text_width(*t.fonts, ps.regular, ". ", ps.size);
        std::string leader;
        for (double x = text_end + 8; x + dot < b.measure() - nw - 6; x += dot) leader += ". ";
        const double lw = text_width(*t.fonts, ps.regular, leader, ps.size);
        last.items.push_back(TextItem{{b.measure() - nw - 6 - lw, ascent}, ps.regular, ps.size, to_color(t.spec->color("muted")), leader, lw});
        last.items.push_back(TextItem{{b.measure() - nw, ascent}, ps.regular, ps.size, ps.color, num, nw, false, entry});
        LinkItem link;
        link.pos = {0, 0};
        link.width = b.measure();
        link.height = ps.leading;
        link.uri = "#" + e.anchor;  // resolved to a page after pagination
        link.tag = entry;
        last.items.push_back(link);
        for (std::size_t k = first; k + 1 < b.items().size(); ++k) b.items()[k + 1].breakable = false;
    }
}

void introduction(Builder& b, const Content& c) {
    const Intro& in = c.intro;
    const Strings& s = *b.tools().strings;
    b.heading(in.imagine_title.empty() ? escape_markup(s(Str::imagine_title)) : in.imagine_title.value, "h1", 1, "intro",
              in.imagine_title.empty() ? s(Str::introduction) : plain_text(in.imagine_title.value));
    b.bullets(in.imagine, "bullet");
    b.space(4);
    b.text(in.lers_intro, "body");
    if (!in.lers_are.empty()) {
        b.heading(escape_markup(s(Str::lers_are)), "h2", 2);
        std::vector<std::pair<Text, Text>> rows;
        for (const auto& d : in.lers_are) rows.emplace_back(Text{"**" + d.term.value + "**", d.term.pos}, d.text);
        b.table(rows, "body", "body");
        b.space(4);
    }
    b.text(in.ecosystem, "body");
}

// The phases in cycle order, each with its meaning (Phase::summary), under
// the diagram; phases without one are left out, and no legend without any.
void phase_legend(Builder& b, const Content& c) {
    std::vector<std::pair<Text, Text>> rows;
    for (const auto& p : c.phases)
        if (!p.summary.empty()) rows.emplace_back(Text{"**" + p.title.value + "**", p.title.pos}, p.summary);
    if (rows.empty()) return;
    b.space(8);
    b.table(rows, "legend", "legend", 0.2);
}

// A step: its picture beside the text, the text as wide as the measure (so
// the row is wider by the picture and its gutter). The row's items go in
// one group as wide as the row: on a left-hand page it ends at the inner
// margin like the text block (to_inner_side), the picture in the margin.
void step_row(Builder& b, const Input& in, std::shared_ptr<const Raster> pic, const Text& title, const Text& text,
              const std::string& alt) {
    const double width = b.measure() + kStepPictureWidth + kStepGutter;
    Builder row(in.tools, width);
    row.set_heading_context(b.heading_offset(), b.last_heading_level());
    row.picture_row(std::move(pic), kStepPictureWidth, title, text, "h3", "body", alt);
    for (VItem v : row.items()) {
        auto fr = std::make_shared<Frame>();
        fr->width = width, fr->height = v.height;
        fr->items = std::move(v.items);
        v.items = {GroupItem{{0, 0}, 1, std::move(fr)}};
        if (v.block >= 0) v.block = b.next_block(), b.set_next_block(b.next_block() + 1);
        if (!b.items().empty() && b.items().back().heading) v.breakable = false;
        b.items().push_back(std::move(v));
    }
}

// "LERs explained": the map's explainer for newcomers, each section with its
// text, bullets and steps (a picture on the left, title and text beside it).
void explainer(Builder& b, const Input& in) {
    const Content& c = *in.content;
    if (c.explainer.empty()) return;
    const Strings& s = *in.tools.strings;
    b.section_break("explainer");
    b.heading(escape_markup(s(Str::lers_explained)), "h1", 1, "explainer", s(Str::lers_explained));
    for (const auto& sec : c.explainer) {
        if (!sec.title.empty()) b.heading(sec.title.value, "h2", 2);
        b.text(sec.text, "body");
        b.bullets(sec.bullets, "bullet");
        for (const auto& st : sec.steps) {
            auto pic = st.picture ? picture_for(c, *st.picture, in.tools, kStepPictureWidth) : nullptr;
            step_row(b, in, pic, st.title, st.text, st.picture ? st.picture->alt : std::string());
        }
    }
}

void ecosystem(Builder& b, const Input& in, const Refs& refs, double full, double text_height) {
    const Content& c = *in.content;
    const Strings& str = *in.tools.strings;
    b.section_break("ecosystem");
    b.heading(escape_markup(str(Str::ecosystem)), "h1", 1, "ecosystem", str(Str::ecosystem));
    b.text(c.intro.map_text, "body");
    // the legend takes its room from the diagram, so the page holds what it did
    Builder phases(in.tools, b.measure());
    phase_legend(phases, c);
    const double dh = text_height * kEcosystemDiagramShare - list_height(phases.items());
    if (auto d = ecosystem_diagram(c, in.tools, full, dh, {}, in.figures.get(), true))
        full_width(b, d, full, dh, diagram_tag(str, c));
    phase_legend(b, c);
    b.heading(escape_markup(str(Str::stakeholder_groups)), "h3", 0);
    std::vector<Text> legend;
    for (const auto& s : c.stakeholders) {
        std::string line = "**" + s.name.value + "**";
        if (s.has_content()) line += " \u2014 " + sheet_ref(str, refs, s.id);
        legend.push_back(Text{line, s.pos});
    }
    b.bullets(legend, "bullet");
}

void action_areas(Builder& b, const Input& in, const Refs& refs) {
    const Content& c = *in.content;
    const Strings& str = *in.tools.strings;
    for (std::size_t i = 0; i < c.action_areas.size(); ++i) {
        const ActionArea& a = c.action_areas[i];
        b.section_break("action-area");
        // the areas' introduction comes once, before the first, as on the map
        if (i == 0 && !c.intro.action_areas_intro.empty()) {
            b.heading(escape_markup(str(Str::booklet_action_areas)), "h1", 0);
            b.text(c.intro.action_areas_intro, "body");
            b.space(10);
        }
        b.text(fill_markup(str, Str::action_area_number, {{"number", std::to_string(i + 1)}}), "label", 0, true);
        b.heading(a.title.value, "h1", 1, "area:" + a.id, plain_text(a.title.value));
        if (a.lead.empty())
            b.text(a.summary, "body");
        else
            b.text(Text{"**" + a.lead.value + "**" + (a.summary.empty() ? "" : " " + a.summary.value), a.lead.pos}, "body");
        b.bullets(a.bullets, "bullet");
        bool any = false;
        // Groups with their own commitments here get a heading and their
        // bullets; groups that only take part are named in one sentence.
        std::vector<std::string> others;
        for (const auto& s : c.stakeholders)
            for (const auto& cm : s.commitments) {
                if (cm.area != a.id) continue;
                std::string name = s.name.value;
                if (s.has_content()) name += " *(" + sheet_ref(str, refs, s.id) + ")*";
                if (cm.bullets.empty()) {
                    others.push_back(name);
                    continue;
                }
                if (!any) b.heading(escape_markup(str(Str::who_takes_part)), "h2", 2), any = true;
                b.heading(name, "h3", 0);
                b.bullets(cm.bullets, "bullet");
            }
        if (!others.empty()) {
            const bool after_groups = any;
            if (!any) b.heading(escape_markup(str(Str::who_takes_part)), "h2", 2), any = true;
            std::string list;
            for (std::size_t k = 0; k < others.size(); ++k)
                list += (k == 0 ? "" : k + 1 == others.size() ? escape_markup(str(Str::list_and)) : ", ") + others[k];
            b.text(after_groups ? fill_markup(str, Str::also_taking_part, {{"groups", list}}) : list + ".", "body");
        }
    }
}

void matrix(Builder& b, const Input& in, double full) {
    const Strings& s = *in.tools.strings;
    b.section_break("matrix");
    b.heading(escape_markup(s(Str::matrix_title)), "h1", 1, "matrix", s(Str::matrix_title));
    b.text(escape_markup(s(Str::matrix_text)), "body");
    for (const auto& m : participation_matrices(*in.content, in.tools, full)) full_width(b, m, full, m->height);
}

void glossary(Builder& b, const Content& c) {
    if (c.glossary.empty()) return;
    const Strings& s = *b.tools().strings;
    b.section_break("glossary");
    b.heading(escape_markup(s(Str::glossary)), "h1", 1, "glossary", s(Str::glossary));
    for (const auto& g : c.glossary) {
        b.heading(g.term.value, "term", 0);
        b.text(g.definition, "body");
        b.numbered(g.list, "bullet");
    }
}

// Sets the space after each paragraph of items [first, end) (an entry):
// `inside` between its paragraphs, `after` below the last.
void space_entry(Builder& b, std::size_t first, double inside, double after) {
    auto& items = b.items();
    for (std::size_t k = first; k < items.size(); ++k) {
        VItem& v = items[k];
        if (v.lines == 0 || v.line + 1 != v.lines) continue;  // not a paragraph's last line
        // the line's leading, then the entry's space (whatever space the
        // style gave the paragraph: a full space-after, or half between the
        // paragraphs of one text)
        v.height = b.leading(StyleName::find(v.style).value()) + (k + 1 == items.size() ? after : inside);
    }
}

void resources(Builder& b, const Content& c) {
    if (c.resources.empty()) return;
    const Strings& s = *b.tools().strings;
    b.section_break("resources");
    b.heading(escape_markup(s(Str::resources)), "h1", 1, "resources", s(Str::resources));
    for (const auto& g : c.resources) {
        if (!g.name.empty()) b.heading(g.name.value, "h2", 2);  // the website's early flat list has no groups
        for (const auto& r : g.items) {
            const std::size_t first = b.items().size();
            std::string line = r.url.empty() ? "**" + r.title.value + "**"
                                             : "**[" + r.title.value + "](" + r.url + ")**";
            if (!r.author.empty()) line += " \u2014 " + r.author.value;
            const bool more = !r.url.empty() || !r.description.empty();
            b.text(Text{line, r.pos}, "body", 0, more);
            if (!r.description.empty()) b.text(r.description, "body", 0, !r.url.empty());
            if (!r.url.empty()) b.text("[" + escape_markup(r.url) + "](" + r.url + ")", "small", 0);
            space_entry(b, first, kEntryInside, kEntryAfter);
        }
    }
}

// What CC BY 4.0 asks of a reuse: the title, the authors, a link, the
// licence (linked when the content names its text) and what was changed;
// each row only when the content says it.
std::vector<std::pair<Text, Text>> attribution(const Strings& s, const Source& src) {
    std::vector<std::pair<Text, Text>> rows;
    auto row = [&](Str label, std::string value) {
        if (!value.empty()) rows.push_back({Text{"**" + escape_markup(s(label)) + "**", {}}, Text{std::move(value), {}}});
    };
    // the work's title in bold, by its authors
    const std::string name = "**" + escape_markup(src.name) + "**", authors = escape_markup(src.authors);
    std::string content;
    if (!src.name.empty() && !src.authors.empty())
        content = fill_markup(s, Str::colophon_work_by, {{"name", name}, {"authors", authors}});
    else if (!src.name.empty())
        content = fill_markup(s, Str::colophon_work, {{"name", name}});
    else if (!src.authors.empty())
        content = fill_markup(s, Str::colophon_by, {{"authors", authors}});
    if (!src.url.empty())
        content += (content.empty() ? "" : ", ") + std::string("[") + escape_markup(short_url(src.url)) + "](" + src.url + ")";
    row(Str::colophon_content, content);
    // on paper a link is invisible: the licence's address is printed too
    row(Str::colophon_licence, src.license_url.empty() || src.license.empty()
                       ? escape_markup(src.license)
                       : "[" + escape_markup(src.license) + "](" + src.license_url + ") ([" +
                             escape_markup(short_url(src.license_url)) + "](" + src.license_url + "))");
    row(Str::colophon_changes, escape_markup(src.changes));
    return rows;
}

void colophon(Builder& b, const Input& in) {
    const Content& c = *in.content;
    const Strings& s = *in.tools.strings;
    b.section_break("colophon");
    b.heading(escape_markup(s(Str::colophon)), "h1", 1, "colophon", s(Str::colophon));
    std::vector<std::pair<Text, Text>> rows = attribution(s, c.meta.source);
    auto row = [&](Str label, std::string value) {
        rows.push_back({Text{"**" + escape_markup(s(label)) + "**", {}}, Text{std::move(value), {}}});
    };
    row(Str::colophon_type, escape_markup(s(Str::colophon_typefaces)));
    row(Str::colophon_made_with, "lerbrief " + escape_markup(in.version));
    // the build's date in the language ("14 November 2023", "14 de noviembre de 2023")
    if (!in.build_date.empty()) row(Str::colophon_built, escape_markup(s.date(in.build_date)));
    if (const std::string ev = in.event.line(); !ev.empty()) row(Str::colophon_event, escape_markup(ev));
    b.table(rows, "body", "body", 0.22);
}

// "#anchor" links become links to the anchor's page, in groups too (the
// diagram's group labels); a link to an anchor that is not laid out is dropped.
void resolve_links(Frame& frame, const std::map<std::string, Placed>& anchors) {
    edit_links(
        frame, [](const LinkItem& l) { return l.uri.rfind("#", 0) == 0; },
        [&](LinkItem& l) {
            auto it = anchors.find(l.uri.substr(1));
            if (it == anchors.end()) return false;
            l.uri.clear();
            l.dest_page = it->second.page, l.dest_y = it->second.y;
            return true;
        });
}

// The text block sits on the inner side of every page, the wide margin
// outside: paginate() sets it at the left of the text area, so on left-hand
// pages it moves right by what the measure leaves. Figures wider than the
// measure stay where they are (they take the whole text area), and so do the
// fact sheets' pages (set at the full width).
void to_inner_side(Laid& laid, const PageGeometry& g, double measure) {
    const double dx = g.text_width() - measure;
    if (dx < 0.5) return;
    std::vector<bool> sheet(laid.pages.size(), false);
    for (const auto& [name, at] : laid.anchors)
        if (name.rfind("sheet:", 0) == 0)
            for (int p : {at.page, at.page + 1})
                if (p >= 0 && p < static_cast<int>(sheet.size())) sheet[p] = true;
    // what moves an item (or a line record) `w` wide: a group wider than the
    // measure so that it ends at the inner margin (a full-width figure: not at all)
    auto shift = [&](double w) { return w > measure + 0.5 ? std::max(0.0, g.text_width() - w) : dx; };
    auto moved = [&](int page) {
        return page % 2 == 1 && !sheet[page] && (laid.page_kind[page] == "body" || laid.page_kind[page] == "front");
    };
    for (std::size_t i = 1; i < laid.pages.size(); i += 2) {
        if (!moved(static_cast<int>(i))) continue;
        for (Item& it : laid.pages[i].frame.items) {
            const auto* gi = std::get_if<GroupItem>(&it);
            const double by = shift(gi && gi->frame ? gi->frame->width * gi->scale : 0);
            std::vector<Item> one{std::move(it)};
            offset_items(one, by, 0);
            it = std::move(one.front());
        }
    }
    for (auto& r : laid.lines)
        if (moved(r.page)) r.x += shift(std::max(r.info.width, r.info.measure));
}

// A fact sheet lent to a pass: its sides stay in it, read in the pass's list
// where they are (ListOfRuns), their block numbers moved on by
// `block_offset` to follow the booklet's while lent.
struct Loan {
    const Stakeholder* group;
    FittedSheet sheet;
    int block_offset;
};

// How many items the tail (glossary, resources, colophon) has, for the
// first pass's reservation (later passes take the last pass's count): set
// once by a builder of its own and dropped before the pass builds anything.
// A guess instead, when short, grew the whole list by doubling: the old and
// the new buffer at once, three times the list (a fifth of the booklet's peak
// for 1,000 groups). Only a hint: a count that differed would cost the
// growth, never the output.
std::size_t tail_length(const Input& in, double measure) {
    Input quiet = in;
    Diagnostics none;  // the pass that lays the tail reports on it
    quiet.tools.diags = &none;
    Builder t(quiet.tools, measure);
    glossary(t, *quiet.content);
    resources(t, *quiet.content);
    colophon(t, quiet);
    return t.items().size();
}

// A pass's vertical list (the booklet with these page numbers): the
// booklet's own items, and the fact sheets it holds on loan, read in order
// through `list`.
struct Pass {
    std::vector<VItem> items;
    std::vector<Loan> loans;
    ListOfRuns list;
    double measure = 0;  // the text block's width
};

// A run of the pass's list: its own items [at, at + n), or a lent sheet's side.
struct Piece {
    std::size_t loan = kOwn;
    bool back = false;
    std::size_t at = 0, n = 0;
    static constexpr std::size_t kOwn = static_cast<std::size_t>(-1);
};

// `tail_items`: how many items followed the fact sheets in the last pass
// (set here for the next), to reserve the list.
Pass build(const Input& in, const PageGeometry& g, const Refs& refs, const std::vector<TocEntry>& toc,
           std::optional<std::size_t>& tail_items) {
    const Content& c = *in.content;
    const Strings& str = *in.tools.strings;
    const double full = g.text_width(), measure = text_measure(in.tools, full);
    if (!tail_items) tail_items = tail_length(in, measure);
    Builder b(in.tools, measure);
    b.page_break(Parity::any, "cover");
    cover(b, in, full, g.text_height());
    b.page_break(Parity::any, "front");
    contents(b, toc, refs, in.tools);
    b.page_break(Parity::right, "body");
    introduction(b, c);
    explainer(b, in);
    ecosystem(b, in, refs, full, g.text_height());
    action_areas(b, in, refs);
    matrix(b, in, full);
    // The list is mostly the fact sheets (2,000 groups: some 32,000 items),
    // which stay where the sheet cache keeps them: the pass's own items are
    // reserved for what is not theirs (their page breaks and what follows:
    // the tail's length, the last pass's or tail_length()'s in the first),
    // so neither is grown by doubling, which held the old and the new
    // buffer at once and left up to half spare.
    std::size_t sheets = 0, sheets_items = 0;
    std::vector<const Stakeholder*> groups;
    for (const auto& s : c.stakeholders)
        if (s.has_content()) groups.push_back(&s);
    fit_factsheets_ahead(in, groups, g);
    for (const Stakeholder* s : groups) ++sheets, sheets_items += factsheet_items(in, *s, g);
    const std::size_t before = b.items().size();
    b.items().reserve(before + 1 + 2 * sheets + *tail_items);  // the sheets' marker and page breaks
    // The sheets are borrowed from the cache (moved, not copied: the pass
    // and the cache do not both hold them); a pass that is not kept gives
    // them back as they were for the next (give_back), the kept pass moves
    // their items onto its pages (the booklet forgets them then).
    std::vector<Loan> loans;
    std::vector<Piece> pieces;
    std::size_t own_from = 0;
    auto own_run = [&] {  // the pass's own items since the last sheet's side
        if (b.items().size() > own_from) pieces.push_back({Piece::kOwn, false, own_from, b.items().size() - own_from});
        own_from = b.items().size();
    };
    bool first_sheet = true;
    for (const auto& s : c.stakeholders) {
        if (!s.has_content()) continue;
        FittedSheet fitted = borrow_factsheet(in, s, g);
        SheetParts& parts = fitted.parts;
        b.page_break(Parity::left, "body");
        if (first_sheet) {  // a contents entry and bookmark over the fact sheets
            VItem group;
            VMarks& m = group.set_marks();
            m.anchor = "sheets";
            m.outline = str(Str::fact_sheets);
            m.outline_level = 1;
            b.items().push_back(group);
            first_sheet = false;
        }
        // block numbers continue the booklet's (the sheet was set by its own builder)
        int top = b.next_block();
        for (auto* side : {&parts.front, &parts.back})
            for (auto& v : *side)
                if (v.block >= 0) top = std::max(top, v.block + b.next_block() + 1), v.block += b.next_block();
        own_run();
        pieces.push_back({loans.size(), false, 0, parts.front.size()});
        b.page_break();
        b.items().back().set_marks().columns = parts.back_columns;
        own_run();
        pieces.push_back({loans.size(), true, 0, parts.back.size()});
        loans.push_back({&s, std::move(fitted), b.next_block()});
        b.set_next_block(top);
    }
    const std::size_t tail_start = b.items().size();
    glossary(b, c);
    resources(b, c);
    colophon(b, in);
    tail_items = b.items().size() - tail_start;
    own_run();

    Pass p{std::move(b.items()), std::move(loans), {}, measure};
    p.list.reserve(p.items.size() + sheets_items);
    for (const Piece& piece : pieces) {
        if (piece.loan == Piece::kOwn) {
            p.list.add(p.items, piece.at, piece.n);
        } else {
            Loan& loan = p.loans[piece.loan];
            SheetParts& parts = loan.sheet.parts;
            // once its back is on the pages (the kept pass), the sheet is freed
            // (`loan` stays put: p.loans is complete, and a Pass is moved, never copied)
            auto placed = piece.back ? std::function<void()>([&loan] { loan.sheet = {}; }) : std::function<void()>();
            p.list.add(piece.back ? parts.back : parts.front, piece.at, piece.n, std::move(placed));
        }
    }
    return p;
}

// A pass not kept: its sheets back to the cache, as they were fitted; the
// rest of its list is dropped.
void give_back(const Input& in, const PageGeometry& g, Pass& p) {
    p.list.clear();
    for (Loan& l : p.loans) {
        for (auto* side : {&l.sheet.parts.front, &l.sheet.parts.back})
            for (auto& v : *side)
                if (v.block >= 0) v.block -= l.block_offset;
        return_factsheet(in, *l.group, g, std::move(l.sheet));
    }
    p.loans.clear();
    std::vector<VItem>().swap(p.items);
}

// What a pass's pages tell the next and the stability check, from its plan:
// what lay_pages() gives the pages it fills by that plan (the padding's
// notes entry included).
struct Landing {
    std::map<std::string, Placed> anchors;
    std::vector<TocEntry> found;  // the contents' entries
    std::size_t pages = 0;        // padded
    int front_pages = 0;
};

Landing landing(const Input& in, const Laid& planned) {
    const Strings& str = *in.tools.strings;
    Landing l;
    l.anchors = planned.anchors;
    for (const auto& o : planned.outline)
        if (!o.anchor.empty() && o.anchor != "contents") l.found.push_back({o.title, o.anchor, o.level});
    const std::size_t pad = in.pad_pages_to > 1 ? in.pad_pages_to : 1, n = planned.pages.size();
    l.pages = n;
    if (l.pages % pad != 0) {  // as lay_pages pads
        l.anchors["notes"] = {static_cast<int>(n), 0};
        l.found.push_back({str(Str::notes_heading), "notes", 1});
        l.pages += pad - l.pages % pad;
    }
    // front matter: pages before the first body page (padding pages are notes)
    while (l.front_pages < static_cast<int>(n) && planned.page_kind[l.front_pages] != "body") ++l.front_pages;
    if (l.front_pages == static_cast<int>(n)) l.front_pages = static_cast<int>(l.pages);
    return l;
}

// The kept pass: its pages filled by the plan, everything in the list moved
// onto them (the sheets too: no later pass asks for them), then set on the
// inner side, padded, given their furniture and their links.
Composed lay_pages(const Input& in, const PageGeometry& g, Pass p, PagePlan plan) {
    const Content& c = *in.content;
    const Strings& str = *in.tools.strings;
    const double measure = p.measure;
    // the list's items moved onto the pages, its runs are freed before the
    // pages' vectors are made: the booklet's own items and the sheets
    p.list.release = [&p] {
        std::vector<VItem>().swap(p.items);
        p.loans.clear();
    };
    Laid laid = fill_pages(std::move(p.list), g, std::move(plan), in.tools.line_records);
    to_inner_side(laid, g, measure);
    // Pages skipped to start a section on the left are notes pages, and so
    // are the pages that pad a booklet for saddle stitching (at the end,
    // after the colophon, with an entry in the contents).
    for (std::size_t i = 0; i < laid.pages.size(); ++i)
        if (laid.page_kind[i] == "blank") laid.page_kind[i] = "notes", laid.page_section[i] = str(Str::notes_heading);
    const std::size_t pad = in.pad_pages_to > 1 ? in.pad_pages_to : 1;
    for (bool first = true; laid.pages.size() % pad != 0; first = false) {
        const int at = static_cast<int>(laid.pages.size());
        if (first) {
            laid.outline.push_back({str(Str::notes_heading), 1, at, 0, "notes"});
            laid.anchors["notes"] = {at, 0};
        }
        Page blank;
        blank.frame.width = g.width;
        blank.frame.height = g.height;
        laid.pages.push_back(std::move(blank));
        laid.page_kind.push_back("notes");
        laid.page_section.push_back(str(Str::notes_heading));
    }
    // Front matter: pages before the first body page.
    int front_pages = 0;
    while (front_pages < static_cast<int>(laid.pages.size()) && laid.page_kind[front_pages] != "body") ++front_pages;
    Furniture f;
    f.title = plain_text(c.meta.title.value);
    f.event = in.event.line();
    f.event_title = in.event.title;
    f.bleed = in.bleed;
    for (std::size_t i = 0; i < laid.pages.size(); ++i)
        f.labels.push_back(static_cast<int>(i) < front_pages ? roman(static_cast<int>(i) + 1)
                                                              : std::to_string(static_cast<int>(i) - front_pages + 1));
    // sections of fact-sheet pages are the group's name
    add_furniture(laid, g, in.tools, f);
    Composed out;
    out.doc.pages = std::move(laid.pages);
    out.doc.outline = std::move(laid.outline);
    out.lines = std::move(laid.lines);
    out.page_kind = laid.page_kind;
    out.front_pages = front_pages;
    out.anchors = laid.anchors;
    out.doc.labels = {{0, PageLabelRange::Style::roman_lower, 1, {}},
                      {front_pages, PageLabelRange::Style::decimal, 1, {}}};
    for (auto& page : out.doc.pages) resolve_links(page.frame, out.anchors);
    return out;
}

}  // namespace

Composed booklet(const Input& in) {
    const PageGeometry g = geometry(*in.tools.spec);
    Refs refs;
    std::vector<TocEntry> toc;
    std::size_t pages_before = 0;
    std::optional<std::size_t> tail;
    Composed out;
    // Each pass reports into its own list; only the kept pass's warnings count.
    Diagnostics last;
    // Every pass plans its pages (where the anchors land); only the kept one
    // (stable, or the last allowed) fills them: its list's last use.
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        Diagnostics diags;
        Input probe = in;
        probe.tools.diags = &diags;
        Pass p = build(probe, g, refs, toc, tail);
        PagePlan plan = plan_pages(p.list, g);
        Landing at = landing(probe, plan.laid());
        Refs next;
        for (const auto& [k, v] : at.anchors)
            next[k] = v.page < at.front_pages ? roman(v.page + 1) : std::to_string(v.page - at.front_pages + 1);
        const bool stable = pass > 0 && next == refs && at.found.size() == toc.size() && at.pages == pages_before;
        refs = std::move(next);
        toc = std::move(at.found);
        pages_before = at.pages;
        if (stable || pass + 1 == kMaxPasses) {
            out = lay_pages(probe, g, std::move(p), std::move(plan));
            last = std::move(diags);
            break;
        }
        give_back(probe, g, p);
        // The allocator keeps freed memory: a pass's list given back to the
        // system before the next pass builds its own (2,000 groups, on
        // glibc: the layout stage's peak RSS 68 -> 61 MiB).
        give_back_free_memory();
    }
    if (in.tools.diags) in.tools.diags->append(last);
    const Content& c = *in.content;
    // no later pass asks for the booklet's fact sheets (a sheet alone is fitted apart)
    for (const auto& s : c.stakeholders)
        if (s.has_content()) forget_factsheet(in, s, g);
    out.doc.meta.title = plain_text(c.meta.title.value);
    out.doc.meta.author = c.meta.author;
    out.doc.meta.subject = c.meta.subject;
    std::string kw;
    for (const auto& k : c.meta.keywords) kw += (kw.empty() ? "" : ", ") + k;
    out.doc.meta.keywords = kw;
    out.doc.meta.language = c.meta.language;
    out.doc.meta.creator = "lerbrief " + in.version;
    out.doc.fonts = in.tools.fonts->specs();
    return out;
}

std::string Event::line() const {
    std::string out;
    for (const auto* p : {&title, &date, &place})
        if (!p->empty()) out += (out.empty() ? "" : " \u00B7 ") + *p;
    return out;
}

}  // namespace lerbrief::compose
