#include "compose/factsheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compose/figures.h"
#include "compose/page_setup.h"
#include "model/markup.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

// The highlighted diagram's share of the front page's text height.
constexpr double kDiagramShare = 0.36, kDiagramMaxShare = 0.55;
constexpr double kQrModule = 1.9;

void label(Builder& b, const std::string& text) { b.text(text, "label", 0, true); }

// A long one-line description is cut after its first sentence.
constexpr std::size_t kOneLineBytes = 100, kFirstWords = 12;

std::string one_line(const Text& summary) {
    std::string plain = plain_text(summary.value);
    if (auto nl = plain.find('\n'); nl != std::string::npos) plain.resize(nl);
    if (plain.size() <= kOneLineBytes) return escape_markup(plain);
    // the first sentence: a full stop, question or exclamation mark and a
    // space, past the first words (not "e.g. " at the start)
    for (std::size_t end = plain.find_first_of(".?!", kFirstWords); end != std::string::npos && end + 1 < plain.size();
         end = plain.find_first_of(".?!", end + 1))
        if (plain[end + 1] == ' ' && plain.compare(end - 3, 4, "e.g.") != 0 && plain.compare(end - 3, 4, "i.e.") != 0) {
            plain.resize(end + 1);
            break;
        }
    return escape_markup(plain);
}

}  // namespace

// "From the LER Ecosystem Map, lermap.t3networkhub.org · CC BY 4.0 · set for
// print by lerbrief": what the content's source says, in one small line; empty
// when it names neither its title nor its link.
std::string credit_line(const Source& src) {
    if (src.name.empty() && src.url.empty()) return {};
    std::string line = "From ";
    if (!src.name.empty()) line += "the " + escape_markup(src.name);
    if (!src.url.empty())
        line += (src.name.empty() ? "" : ", ") + std::string("[") + escape_markup(short_url(src.url)) + "](" + src.url + ")";
    if (!src.license.empty()) line += " \u00B7 " + escape_markup(src.license);
    return line + " \u00B7 set for print by lerbrief";
}

FitError::FitError(const std::string& g, const std::string& p, double o, const SourcePos& at)
    : std::runtime_error(fmt::format("fact sheet '{}' does not fit: the {} overflows by {:.0f} pt", g, p, o)),
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
    std::vector<std::string> lines;
    for (const auto& cm : s.commitments)
        if (const ActionArea* a = c.find_area(cm.area))
            lines.push_back("**" + a->title.value + "**" + (a->summary.empty() ? "" : " \u2014 " + one_line(a->summary)));
    if (lines.empty()) return;
    label(b, "ACTION AREAS");
    for (const auto& l : lines) b.text(l, "area-line");
}

std::vector<VItem> front_side(const Input& in, const Stakeholder& s, double measure, double scale, bool standalone) {
    const Content& c = *in.content;
    const PageGeometry g = geometry(*in.tools.spec);
    Builder b(in.tools, measure, scale);
    label(b, "STAKEHOLDER GROUP");
    b.heading(s.name.value, "h1", 2, "sheet:" + s.id, plain_text(s.name.value));
    label(b, "DEFINITION");
    b.text(s.definition, "body");
    if (!s.examples.empty()) {
        label(b, "EXAMPLES");
        b.text(s.examples, "body");
    }
    if (standalone) area_lines(b, c, s);
    // The diagram takes the room the text leaves, between a minimum and a
    // maximum share of the page.
    Builder rest(in.tools, measure, scale);
    const std::string credit = credit_line(c.meta.source);
    if (s.quote) rest.quote(*s.quote);
    if (!credit.empty()) rest.text(credit, "credit");
    const double used = list_height(b.items()) + list_height(rest.items()) + 30 * scale;
    const double dh = std::clamp(g.text_height() - used, g.text_height() * kDiagramShare * scale,
                                 g.text_height() * kDiagramMaxShare);
    if (auto d = ecosystem_diagram(c, in.tools, measure, dh, s.id, in.figures.get())) b.figure(d, measure, dh);
    b.space(8);
    if (s.quote) b.quote(*s.quote);
    if (!credit.empty()) b.text(credit, "credit");
    return std::move(b.items());
}

std::vector<VItem> back_side(const Input& in, const Stakeholder& s, double measure, double scale, int first_block,
                             bool standalone) {
    const Content& c = *in.content;
    Builder b(in.tools, measure, scale);
    b.set_next_block(first_block);
    if (!s.roles.empty()) {
        b.heading("Role in each phase", "h2", 0);
        for (const auto& r : s.roles) {
            const Phase* p = c.find_phase(r.phase);
            b.heading(p ? p->title.value : r.phase, "h3", 0);
            if (p && !p->summary.empty()) b.text(p->summary, "phase-meaning", 0, !r.bullets.empty());
            b.bullets(r.bullets, "bullet");
        }
    }
    // alone, the front names every area in one line: the back keeps the
    // areas where the group has commitments of its own
    std::vector<const Commitment*> areas;
    for (const auto& cm : s.commitments)
        if (!standalone || !cm.bullets.empty()) areas.push_back(&cm);
    if (!areas.empty()) {
        b.heading("Action areas", "h2", 0);
        for (const Commitment* p : areas) {
            const Commitment& cm = *p;
            const ActionArea* a = c.find_area(cm.area);
            b.heading(a ? a->title.value : cm.area, "h3", 0);
            if (cm.bullets.empty() && a && !a->summary.empty())
                b.text(a->summary, "small");
            b.bullets(cm.bullets, "bullet");
        }
    }
    if (!s.business_case.empty()) {
        b.heading("Business case", "h2", 0);
        b.cases(s.business_case, "bullet");
    }
    if (!s.social_case.empty()) {
        b.heading("Social case", "h2", 0);
        b.cases(s.social_case, "bullet");
    }
    if (!c.meta.base_url.empty()) {
        if (auto qr = qr_block(c.meta.base_url + s.id, in.tools, kQrModule * scale, b.measure()))
            b.figure(qr, b.measure(), qr->height, false);
    }
    return std::move(b.items());
}

int max_block(const std::vector<VItem>& v) {
    int m = -1;
    for (const auto& x : v) m = std::max(m, x.info.block);
    return m;
}

}  // namespace

// Each side is fitted on its own: the front steps its type down only when the
// front needs it. The back is set in one column when it fits at full size,
// else in two columns, stepping down from full size. The sides returned are
// the ones that fitted, so nothing is set twice. (A character the fonts lack
// is warned about once: Diagnostics keeps one copy of a repeated warning.)
static SheetParts fit_uncached(const Input& in, const Stakeholder& s, const PageGeometry& g, bool standalone) {
    const LayoutSpec& spec = *in.tools.spec;
    const double H = g.text_height();
    auto fits = [&](const std::vector<VItem>& v, int columns) {
        PageGeometry pg = g;
        pg.columns = columns;
        return list_height(v) <= columns * H && paginate(v, pg).pages.size() == 1;
    };
    auto steps = [&](auto&& try_scale) {  // 1, 1 - step, … down to the layout's minimum
        for (double scale = 1.0; scale >= spec.fit_min_scale - 1e-9; scale -= spec.fit_step)
            if (try_scale(scale)) return true;
        return false;
    };
    SheetParts parts;
    double over = 0;
    if (!steps([&](double scale) {
            parts.front = front_side(in, s, g.text_width(), scale, standalone);
            over = list_height(parts.front) - H;
            return fits(parts.front, 1);
        }))
        throw FitError(s.id, "front", std::max(over, 1.0), s.pos);
    const int first_block = max_block(parts.front) + 1;
    parts.back = back_side(in, s, g.text_width(), 1.0, first_block, standalone);
    if (fits(parts.back, 1)) return parts;  // one column, full size
    parts.back_columns = kBackColumns;
    if (!steps([&](double scale) {
            parts.back = back_side(in, s, g.column_width(kBackColumns), scale, first_block, standalone);
            over = list_height(parts.back) - kBackColumns * H;
            return fits(parts.back, kBackColumns);
        }))
        throw FitError(s.id, "back", std::max(over, 1.0), s.pos);
    return parts;
}

SheetParts fit_factsheet(const Input& in, const Stakeholder& s, const PageGeometry& g, bool standalone) {
    const std::string key =
        fmt::format("{}|{:.3f}x{:.3f}|{}", s.id, g.text_width(), g.text_height(), standalone ? "alone" : "booklet");
    std::shared_ptr<const FittedSheet> fitted;
    if (in.sheets) {
        std::lock_guard lock(in.sheets->mutex);
        if (auto it = in.sheets->sheets.find(key); it != in.sheets->sheets.end()) fitted = it->second;
    }
    if (!fitted) {
        auto f = std::make_shared<FittedSheet>();
        Input probe = in;
        probe.tools.diags = &f->warnings;
        f->parts = fit_uncached(probe, s, g, standalone);  // a FitError is not cached: the job stops
        fitted = f;
        if (in.sheets) {
            std::lock_guard lock(in.sheets->mutex);
            in.sheets->sheets.emplace(key, fitted);
        }
    }
    if (in.tools.diags) in.tools.diags->append(fitted->warnings);
    return fitted->parts;
}

}  // namespace lerbrief::compose
