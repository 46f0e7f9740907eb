// Table tents: one sheet per stakeholder group with content, the layout's
// paper turned landscape and folded in half along its long edge. Each half
// is a face: the group's colour as a band along the fold with its icon, and
// its name below in tent-name (66 pt; never under 60 pt), readable from five
// metres. The lower face reads as printed; the upper face is the same face
// turned half a turn, so each side of the tent reads from its side of the
// table. A face's top is at the fold: folded, the names stand upright with
// their baselines towards the table. Dashed ticks at the paper's edges mark
// the fold; nothing else comes within kEdge of an edge (office printers).
//
// Tagged (issue 17): a tent is read once. The near face's name is the page's
// H1 (each page is one group); the far face, the same name turned, is an
// artifact, as are the bands, the icons (the name beside says the same) and
// the fold ticks.
#include <algorithm>
#include <memory>

#include "compose/compose.h"
#include "compose/kit_marks.h"
#include "compose/kit_page.h"
#include "compose/page_setup.h"
#include "messages/kit_badges.h"
#include "model/markup.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

constexpr double kIn = 72;
// From the printed area to the paper's left, right and table edges; the
// fold ticks run in the side margin, from the paper's edge to kTick.
constexpr double kSide = 0.6 * kIn, kTableEdge = 0.5 * kIn;
constexpr double kTick = 0.45 * kIn, kTickDash = 4, kTickGap = 3, kTickWidth = 0.6;
// Between the fold and the band: a fold a little off the line still leaves
// each face's band on its own face.
constexpr double kFoldGap = 0.2 * kIn;
// The band takes what the name leaves, between these; the icon sits in it.
constexpr double kBandMax = 1.0 * kIn, kBandMin = 0.5 * kIn, kBandToName = 12, kIconInset = 6;
// The name: two lines at the style's size, stepping down to kMinName; then
// three lines at kMinName; then the third line is cut (with a warning).
constexpr double kMinName = 60, kNameStep = 2;
constexpr int kNameLines = 2, kMaxNameLines = 3;

// The band's height on a face `h` high, and the top of the name's first
// line: centred in what the band leaves.
double band_height(double h, const kit::FitText& name) {
    return std::clamp(h - kFoldGap - kTableEdge - name.height() - kBandToName, kBandMin, kBandMax);
}
double name_top(double h, const kit::FitText& name) {
    const double top = kFoldGap + band_height(h, name) + kBandToName, bottom = h - kTableEdge;
    return top + std::max(0.0, (bottom - top - name.height()) / 2);
}

// One face, `w` × `h`, its top at the fold; the name is `tag`'s content.
std::shared_ptr<const Frame> face(const Input& in, const Stakeholder& s, double w, double h,
                                  const kit::FitText& name, const Tag& tag) {
    auto f = std::make_shared<Frame>();
    f->width = w, f->height = h;
    const double band = band_height(h, name);
    Shape sh;
    const double x0 = kSide, x1 = w - kSide, y0 = kFoldGap, y1 = kFoldGap + band;
    sh.path = {{PathSeg::Op::move, {{x0, y0}}},
               {PathSeg::Op::line, {{x1, y0}}},
               {PathSeg::Op::line, {{x1, y1}}},
               {PathSeg::Op::line, {{x0, y1}}},
               {PathSeg::Op::close, {}}};
    sh.fill = kit::group_color(*in.content, *in.tools.spec, s);
    f->items.push_back(std::move(sh));
    if (auto icon = kit::group_icon(s, in.tools)) {
        const double side = std::min(band - 2 * kIconInset, kit::kIconSize);
        f->items.push_back(icon_item(icon, {(w - side) / 2, y0 + (band - side) / 2}, side));
    }
    kit::place(name, kSide, name_top(h, name), f->items, nullptr, 0, 0, true, tag);
    return f;
}

}  // namespace

Composed table_tents(const Input& in) {
    const Content& c = *in.content;
    const PageGeometry g = geometry(*in.tools.spec);
    const double W = std::max(g.width, g.height), H = std::min(g.width, g.height);  // landscape
    const double fh = H / 2;  // a face
    Composed out;
    int block = 0;
    for (const Stakeholder& s : c.stakeholders) {
        if (!s.has_content()) continue;
        const std::string plain = plain_text(s.name.value);
        kit::FitText name = kit::fit_text(in.tools, "tent-name", plain, W - 2 * kSide, kMinName, kNameStep,
                                          kNameLines, kMaxNameLines, s.name.pos);
        if (name.cut && in.tools.diags) msg::tent_name_cut(*in.tools.diags, s.name.pos, plain, name.size, name.printed);
        auto f = face(in, s, W, fh, name, make_tag(Role::h1));
        auto far = std::make_shared<Frame>(*f);
        set_tags(far->items, nullptr);
        const int page = static_cast<int>(out.doc.pages.size());
        Page p;
        p.frame.width = W, p.frame.height = H;
        // the far face: the upper half, turned, all artifact; the near face: the lower half
        p.frame.items.push_back(GroupItem{{0, 0}, 1, far, true});
        std::vector<Item> near = f->items;
        layout::offset_items(near, 0, fh);
        p.frame.items.insert(p.frame.items.end(), near.begin(), near.end());
        // fold ticks at both ends of the fold line
        kit::dashed(p.frame.items, {0, fh}, {kTick, fh}, kTickDash, kTickGap, kTickWidth);
        kit::dashed(p.frame.items, {W, fh}, {W - kTick, fh}, kTickDash, kTickGap, kTickWidth);
        // the dump: the far face's lines where they land turned, then the near face's
        const double top = name_top(fh, name);
        for (std::size_t i = 0; i < name.lines.size(); ++i) {
            const auto& l = name.lines[i];
            LineRecord r;
            r.page = page;
            r.x = kSide;
            r.y = fh - (top + name.leading * static_cast<double>(i + 1));  // its top after the half turn
            r.info = {l.text, l.width, l.measure, block, static_cast<int>(i), static_cast<int>(name.lines.size()), true, {}, 0, 0, false};
            out.lines.push_back(r);
        }
        std::vector<Item> scratch;
        kit::place(name, kSide, fh + top, scratch, &out.lines, page, block + 1, true);
        block += 2;
        out.doc.outline.push_back({plain, 1, page, 0, {}});
        out.doc.pages.push_back(std::move(p));
        out.page_kind.push_back("tent");
    }
    const Strings& strings = *in.tools.strings;
    kit::set_document(out, in, strings.fill(Str::tents_title, {{"title", kit::event_or_content_title(in)}}),
                      strings(Str::tents_subject));
    return out;
}

}  // namespace lerbrief::compose
