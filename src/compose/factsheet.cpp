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

}  // namespace

FitError::FitError(const std::string& g, const std::string& p, double o, const SourcePos& at)
    : std::runtime_error(fmt::format("fact sheet '{}' does not fit: the {} overflows by {:.0f} pt", g, p, o)),
      group(g), page(p), overflow_pt(o), pos(at) {}

double list_height(const std::vector<VItem>& v) {
    double h = 0;
    for (std::size_t i = 0; i < v.size(); ++i) h += v[i].height + (i > 0 ? v[i].space_before : 0);
    return h;
}

namespace {

std::vector<VItem> front_side(const Input& in, const Stakeholder& s, double measure, double scale) {
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
    // The diagram takes the room the text leaves, between a minimum and a
    // maximum share of the page.
    Builder rest(in.tools, measure, scale);
    if (s.quote) rest.quote(*s.quote);
    const double used = list_height(b.items()) + list_height(rest.items()) + 30 * scale;
    const double dh = std::clamp(g.text_height() - used, g.text_height() * kDiagramShare * scale,
                                 g.text_height() * kDiagramMaxShare);
    if (auto d = ecosystem_diagram(c, in.tools, measure, dh, s.id, in.figures.get())) b.figure(d, measure, dh);
    b.space(8);
    if (s.quote) b.quote(*s.quote);
    return std::move(b.items());
}

std::vector<VItem> back_side(const Input& in, const Stakeholder& s, double measure, double scale, int first_block) {
    const Content& c = *in.content;
    Builder b(in.tools, measure, scale);
    b.set_next_block(first_block);
    if (!s.roles.empty()) {
        b.heading("Role in each phase", "h2", 0);
        for (const auto& r : s.roles) {
            const Phase* p = c.find_phase(r.phase);
            b.heading(p ? p->title.value : r.phase, "h3", 0);
            b.bullets(r.bullets, "bullet");
        }
    }
    if (!s.commitments.empty()) {
        b.heading("Action areas", "h2", 0);
        for (const auto& cm : s.commitments) {
            const ActionArea* a = c.find_area(cm.area);
            b.heading(a ? a->title.value : cm.area, "h3", 0);
            if (cm.bullets.empty() && a && !a->summary.empty()) b.text(a->summary, "small");
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
static SheetParts fit_uncached(const Input& in, const Stakeholder& s, const PageGeometry& g) {
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
            parts.front = front_side(in, s, g.text_width(), scale);
            over = list_height(parts.front) - H;
            return fits(parts.front, 1);
        }))
        throw FitError(s.id, "front", std::max(over, 1.0), s.pos);
    const int first_block = max_block(parts.front) + 1;
    parts.back = back_side(in, s, g.text_width(), 1.0, first_block);
    if (fits(parts.back, 1)) return parts;  // one column, full size
    parts.back_columns = kBackColumns;
    if (!steps([&](double scale) {
            parts.back = back_side(in, s, g.column_width(kBackColumns), scale, first_block);
            over = list_height(parts.back) - kBackColumns * H;
            return fits(parts.back, kBackColumns);
        }))
        throw FitError(s.id, "back", std::max(over, 1.0), s.pos);
    return parts;
}

SheetParts fit_factsheet(const Input& in, const Stakeholder& s, const PageGeometry& g) {
    const std::string key = fmt::format("{}|{:.3f}x{:.3f}", s.id, g.text_width(), g.text_height());
    std::shared_ptr<const FittedSheet> fitted;
    if (in.sheets) {
        std::lock_guard lock(in.sheets->mutex);
        if (auto it = in.sheets->sheets.find(key); it != in.sheets->sheets.end()) fitted = it->second;
    }
    if (!fitted) {
        auto f = std::make_shared<FittedSheet>();
        Input probe = in;
        probe.tools.diags = &f->warnings;
        f->parts = fit_uncached(probe, s, g);  // a FitError is not cached: the job stops
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
