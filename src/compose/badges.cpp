// Name badges: one per attendee, 4 in × 3 in, six to a sheet (two columns,
// three rows) centred on the layout's paper, with cut marks in the margins
// at every cut line (the whole grid on every sheet, so a stack of sheets is
// cut in one go; a last sheet's empty places stay blank). A badge: a band in
// the group's colour with its icon and name (text black or white, whichever
// reads on the fill), the attendee's name large and centred, the
// organisation below. An attendee with no known group gets a plain gray band
// and nothing in it: the empty group means "not given" as often as "not
// recognised" (which load warned about), and "Guest" would call a speaker or
// an organiser whose group was mistyped a guest. A name too long for one line
// shrinks to kMinName, then wraps to two lines, then is cut, with a warning.
//
// Tagged (issue 17), badge by badge in reading order: the attendee's name an
// H1 (a screen reader's way from badge to badge), the organisation a P, the
// group's name a P. The bands, icons (the group's name beside says the same)
// and cut marks are artifacts. The group's name is drawn after the name and
// organisation so that it is read after them; nothing overlaps, so the print
// is the same.
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
constexpr double kBadgeW = 4 * kIn, kBadgeH = 3 * kIn;
constexpr int kColumns = 2, kRows = 3, kPerSheet = kColumns * kRows;
// Nothing is printed within kInset of a badge's edge: a cut a little off
// the line leaves no sliver of the neighbour's band.
constexpr double kInset = 0.125 * kIn;
constexpr double kBand = 40, kBandPad = 5, kIconGap = 6;
constexpr double kPad = 0.25 * kIn;  // the name and organisation from the badge's sides and foot
constexpr double kNameToOrg = 6, kBandToName = 8;
// The attendee's name: one line from badge-name's size down to kMinName,
// then two lines at kMinName, then cut.
constexpr double kMinName = 16, kNameStep = 1;
constexpr int kNameLines = 2;
// The organisation: badge-org's size, two lines at most. The group's name in
// the band: badge-group's size down to kMinGroup, two lines at most.
constexpr int kOrgLines = 2, kGroupLines = 2;
constexpr double kMinGroup = 8;
// Cut marks: kMarkGap from the grid, at most kMarkLength long, never past
// kMarkEdge from the paper's edge.
constexpr double kMarkGap = 3, kMarkLength = 18, kMarkEdge = 1, kMarkWidth = 0.5;
const Color kNeutral{0.82, 0.82, 0.82};

void rect(std::vector<Item>& out, double x, double y, double w, double h, Color fill) {
    Shape sh;
    sh.path = {{PathSeg::Op::move, {{x, y}}},
               {PathSeg::Op::line, {{x + w, y}}},
               {PathSeg::Op::line, {{x + w, y + h}}},
               {PathSeg::Op::line, {{x, y + h}}},
               {PathSeg::Op::close, {}}};
    sh.fill = fill;
    out.push_back(std::move(sh));
}

// One badge with its top-left at (x, y).
void badge(const Input& in, const Attendee& a, double x, double y, int page, int& block, Page& p,
           std::vector<LineRecord>& lines) {
    const Content& c = *in.content;
    const Tools& t = in.tools;
    auto& items = p.frame.items;
    const Stakeholder* s = a.group.empty() ? nullptr : c.find_stakeholder(a.group);
    const double bx = x + kInset, by = y + kInset, bw = kBadgeW - 2 * kInset;
    const Color fill = s ? kit::group_color(c, *t.spec, *s) : kNeutral;
    rect(items, bx, by, bw, kBand, fill);
    kit::FitText group;
    double tx = bx + kBandPad;
    if (s) {
        if (auto icon = kit::group_icon(*s, t)) {
            const double side = kBand - 2 * kBandPad;
            items.push_back(icon_item(icon, {tx, by + kBandPad}, side));
            tx += side + kIconGap;
        }
        const double measure = bx + bw - kBandPad - tx;
        group = kit::fit_text(t, "badge-group", plain_text(s->name.value), measure, kMinGroup, 0.5, 1, kGroupLines,
                              s->name.pos);
        for (auto& l : group.lines)
            for (auto& it : l.items)
                if (auto* ti = std::get_if<TextItem>(&it)) ti->color = kit::text_on(fill);
    }
    // the name and the organisation, centred together below the band
    const double measure = kBadgeW - 2 * kPad;
    kit::FitText name = kit::fit_text(t, "badge-name", a.name, measure, kMinName, kNameStep, 1, kNameLines, a.pos);
    if (t.diags && name.cut)
        msg::badge_text_cut(*t.diags, a.pos, a.name, "name", kNameLines, name.size, name.printed);
    else if (t.diags && name.wrapped)
        msg::badge_name_wrapped(*t.diags, a.pos, a.name, name.size);
    kit::FitText org;
    if (!a.organization.empty()) {
        const double size = t.spec->style("badge-org").size;
        org = kit::fit_text(t, "badge-org", a.organization, measure, size, 0, kOrgLines, kOrgLines, a.pos);
        if (t.diags && org.cut)
            msg::badge_text_cut(*t.diags, a.pos, a.name, "organization", kOrgLines, org.size, org.printed);
    }
    const double top = by + kBand + kBandToName, bottom = y + kBadgeH - kPad;
    const double block_h = name.height() + (org.lines.empty() ? 0 : kNameToOrg + org.height());
    const double ny = top + std::max(0.0, (bottom - top - block_h) / 2);
    kit::place(name, x + kPad, ny, items, &lines, page, block++, true, make_tag(Role::h1));
    kit::place(org, x + kPad, ny + name.height() + kNameToOrg, items, &lines, page, block++, false,
               make_tag(Role::p));
    if (s) kit::place(group, tx, by + (kBand - group.height()) / 2, items, nullptr, page, 0, false, make_tag(Role::p));
}

// Short lines in the margins at every cut line of the grid at (ox, oy).
void cut_marks(std::vector<Item>& out, double ox, double oy) {
    const double gw = kColumns * kBadgeW, gh = kRows * kBadgeH;
    const double vlen = std::min(kMarkLength, oy - kMarkGap - kMarkEdge);
    const double hlen = std::min(kMarkLength, ox - kMarkGap - kMarkEdge);
    if (vlen > 0)
        for (int i = 0; i <= kColumns; ++i) {
            const double x = ox + i * kBadgeW;
            kit::line(out, {x, oy - kMarkGap - vlen}, {x, oy - kMarkGap}, kMarkWidth);
            kit::line(out, {x, oy + gh + kMarkGap}, {x, oy + gh + kMarkGap + vlen}, kMarkWidth);
        }
    if (hlen > 0)
        for (int j = 0; j <= kRows; ++j) {
            const double y = oy + j * kBadgeH;
            kit::line(out, {ox - kMarkGap - hlen, y}, {ox - kMarkGap, y}, kMarkWidth);
            kit::line(out, {ox + gw + kMarkGap, y}, {ox + gw + kMarkGap + hlen, y}, kMarkWidth);
        }
}

}  // namespace

Composed badges(const Input& in) {
    const PageGeometry g = geometry(*in.tools.spec);
    const double W = g.width, H = g.height;
    const double ox = (W - kColumns * kBadgeW) / 2, oy = (H - kRows * kBadgeH) / 2;
    const auto& people = in.event.attendees;
    Composed out;
    int block = 0;
    for (std::size_t first = 0; first < people.size(); first += kPerSheet) {
        const int page = static_cast<int>(out.doc.pages.size());
        Page p;
        p.frame.width = W, p.frame.height = H;
        for (std::size_t k = 0; k < kPerSheet && first + k < people.size(); ++k) {
            const double x = ox + static_cast<double>(k % kColumns) * kBadgeW;
            const double y = oy + static_cast<double>(k / kColumns) * kBadgeH;
            badge(in, people[first + k], x, y, page, block, p, out.lines);
        }
        cut_marks(p.frame.items, ox, oy);
        out.doc.pages.push_back(std::move(p));
        out.page_kind.push_back("badges");
    }
    const Strings& strings = *in.tools.strings;
    kit::set_document(out, in, strings.fill(Str::badges_title, {{"title", kit::event_or_content_title(in)}}),
                      strings(Str::badges_subject));
    return out;
}

}  // namespace lerbrief::compose
