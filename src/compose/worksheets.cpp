// The worksheets of a convening (--kit): one page per action area, for a
// table to fill in. The area's title and what it is about; "Our organisation
// will…" with a checkbox before each of the area's bullets; ruled lines for
// "What we need" and "Who we will work with"; a box for the table's
// stakeholder group. Each page holds one area: with many bullets the ruled
// lines go first (down to two a section), then the type steps down like a
// fact sheet's; what still does not fit is left out with a warning.
//
// Tagged (issue 17), a page: the "WORKSHEET · ACTION AREA n" label a P, the
// area's title the H1, its description a P; "Our organisation will…", "What
// we need" and "Who we will work with" H2 (styled "h3", but the next level
// under the H1); the bullets an L of LI/LBody (the empty squares artifacts);
// the box's label a P; the credit a P. Ruled lines, the box and the footer
// are artifacts.
#include <algorithm>

#include "compose/compose.h"
#include "compose/factsheet.h"
#include "compose/kit_page.h"
#include "compose/page_setup.h"
#include "messages/kit_agenda.h"
#include "model/markup.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

constexpr double kRuling = 0.33 * 72;  // handwriting: a ruled line this far below the last
constexpr int kMaxRuled = 8, kMinRuled = 2;
constexpr double kCheckbox = 10, kCheckGap = 8;  // the empty square, and the text hanging after it
constexpr double kBoxHeight = 64, kBoxPad = 10;  // the stakeholder group's box

// What one page shows, and how tightly.
struct Plan {
    int ruled = kMaxRuled;
    double scale = 1;
    std::size_t bullets = 0;    // how many of the area's bullets
    bool description = true;
};

void ruled_lines(Builder& b, int n) {
    const Color c = to_color(b.tools().spec->color("rule"));
    for (int i = 0; i < n; ++i) {
        VItem v;
        v.height = kRuling;
        v.breakable = false;
        v.items.push_back(kit::line(0, kRuling, b.measure(), kRuling, c, 0.5));
        b.items().push_back(std::move(v));
    }
}

// A bullet with an empty square before it; its lines hang after the square.
// An item of `list`: its text the LBody, the square an artifact.
void checkbox_line(Builder& b, const Text& t, const Tag& list) {
    const std::size_t first = b.items().size();
    b.text(t, "worksheet-item", kCheckbox + kCheckGap);
    if (b.items().size() == first) return;
    set_tags(b.items(), first, make_tag(Role::lbody, make_tag(Role::li, list)));
    VItem& v = b.items()[first];
    double baseline = b.tools().spec->style("worksheet-item").size;
    for (const auto& it : v.items)
        if (const auto* ti = std::get_if<TextItem>(&it)) {
            baseline = ti->pos.y;
            break;
        }
    // the square's middle on the middle of the lowercase letters
    const double size = b.tools().spec->style("worksheet-item").size * b.scale();
    const double mid = baseline - size * 0.33;
    v.items.push_back(kit::rect(0, mid - kCheckbox / 2, kCheckbox, kCheckbox, to_color(b.tools().spec->color("accent")),
                                0.8));
}

VItem group_box(const Builder& b) {
    const Tools& t = b.tools();
    const double w = b.measure();
    VItem v;
    v.space_before = 10;
    v.height = kBoxHeight;
    v.breakable = false;
    v.items.push_back(kit::rect(0, 0, w, kBoxHeight, to_color(t.spec->color("accent")), 0.8));
    const double label = t.spec->style("label").size;
    const std::string& label_text = (*t.strings)(Str::worksheet_group_box);
    TextItem head = kit::one_line(t, "label", label_text, kBoxPad, kBoxPad + label, -1,
                                  w - 2 * kBoxPad);
    head.tag = make_tag(Role::p);
    v.items.push_back(std::move(head));
    v.items.push_back(kit::line(kBoxPad, kBoxHeight - kBoxPad - 4, w - kBoxPad, kBoxHeight - kBoxPad - 4,
                                to_color(t.spec->color("rule")), 0.5));
    v.set_text() = {"[box] " + label_text, w, w};  // the dump's (tests): what the box says
    return v;
}

std::vector<VItem> page(const Input& in, const ActionArea& a, std::size_t index, const Plan& p, int& block,
                        double fill_to) {
    const Content& c = *in.content;
    const PageGeometry g = geometry(*in.tools.spec);
    Builder b(in.tools, g.text_width(), p.scale);
    b.set_next_block(block);
    b.page_break(Parity::any, "worksheet");
    // each block's own element, whatever the Builder tagged
    std::size_t first = b.items().size();
    auto tag = [&](Role r) {
        set_tags(b.items(), first, make_tag(r));
        first = b.items().size();
    };
    const Strings& s = *in.tools.strings;
    b.text(escape_markup(s.fill(Str::worksheet_label, {{"number", std::to_string(index + 1)}})), "label", 0, true);
    tag(Role::p);
    b.heading(a.title.value, "h1", 1, "worksheet:" + a.id, plain_text(a.title.value));
    tag(Role::h1);
    if (p.description) {
        if (a.lead.empty())
            b.text(a.summary, "body");
        else
            b.text(Text{"**" + a.lead.value + "**" + (a.summary.empty() ? "" : " " + a.summary.value), a.lead.pos},
                   "body");
        tag(Role::p);
    }
    if (!a.bullets.empty()) {
        b.heading(escape_markup(s(Str::worksheet_commitments)), "h3", 0);
        tag(Role::h2);
        const Tag list = make_tag(Role::l);
        for (std::size_t i = 0; i < p.bullets && i < a.bullets.size(); ++i) checkbox_line(b, a.bullets[i], list);
        first = b.items().size();
    } else {
        b.heading(escape_markup(s(Str::worksheet_own_commitments)), "h3", 0);
        tag(Role::h2);
        ruled_lines(b, p.ruled);
    }
    b.heading(escape_markup(s(Str::worksheet_needs)), "h3", 0);
    tag(Role::h2);
    ruled_lines(b, p.ruled);
    b.heading(escape_markup(s(Str::worksheet_partners)), "h3", 0);
    tag(Role::h2);
    ruled_lines(b, p.ruled);
    VItem box = group_box(b);
    const std::string credit = credit_line(*in.tools.strings, c.meta.source);
    Builder tail(in.tools, g.text_width(), p.scale);
    if (!credit.empty()) tail.text(credit, "credit");
    set_tags(tail.items(), 0, make_tag(Role::p));
    // the box and the credit sit at the foot of the text area
    if (fill_to > 0) {
        const double used = list_height(b.items()) + box.space_before + box.height + list_height(tail.items()) +
                            (tail.items().empty() ? 0 : tail.items().front().space_before);
        VItem gap;
        gap.height = std::max(0.0, fill_to - used);
        gap.breakable = false;
        b.items().push_back(gap);
    }
    b.items().push_back(std::move(box));
    for (auto& v : tail.items()) {
        v.breakable = false;
        if (v.block >= 0) v.block = b.next_block();
        b.items().push_back(std::move(v));
    }
    b.set_next_block(b.next_block() + 1);
    block = b.next_block();
    return std::move(b.items());
}

bool fits(const std::vector<VItem>& v, const PageGeometry& g) {
    return list_height(v) <= g.text_height() + 0.01 && paginate(v, g).pages.size() == 1;
}

// The plan that fits: ruled lines first, then smaller type, then fewer bullets, then no description.
std::vector<VItem> fit_page(const Input& in, const ActionArea& a, std::size_t index, int& block) {
    const LayoutSpec& spec = *in.tools.spec;
    const PageGeometry g = geometry(spec);
    Diagnostics quiet;  // a try's warnings (a missing glyph) are said again by the one kept
    Input probe = in;
    probe.tools.diags = &quiet;
    auto attempt = [&](const Plan& p) {
        int b = block;
        return fits(page(probe, a, index, p, b, 0), g);
    };
    Plan p;
    p.bullets = a.bullets.size();
    auto search = [&]() {
        for (p.scale = 1.0; p.scale >= spec.fit_min_scale - 1e-9; p.scale -= spec.fit_step)
            for (p.ruled = kMaxRuled; p.ruled >= kMinRuled; --p.ruled)
                if (attempt(p)) return true;
        return false;
    };
    bool ok = search();
    while (!ok && p.bullets > 0) {
        --p.bullets;
        ok = search();
    }
    if (!ok) {
        p.description = false;
        p.bullets = a.bullets.size();
        ok = search();
        while (!ok && p.bullets > 0) {
            --p.bullets;
            ok = search();
        }
        if (in.tools.diags) msg::worksheet_description_left_out(*in.tools.diags, a.pos, plain_text(a.title.value));
    }
    if (!ok) p.scale = spec.fit_min_scale, p.ruled = kMinRuled;  // as little as there is: paginate spills over
    if (p.bullets < a.bullets.size() && in.tools.diags)
        msg::worksheet_bullets_left_out(*in.tools.diags, a.pos, plain_text(a.title.value), a.bullets.size() - p.bullets,
                                        a.bullets.size());
    return page(in, a, index, p, block, g.text_height() - 0.5);
}

}  // namespace

Composed worksheets(const Input& in) {
    const LayoutSpec& spec = *in.tools.spec;
    const PageGeometry g = geometry(spec);
    const Content& c = *in.content;
    std::vector<VItem> items;
    int block = 0;
    for (std::size_t i = 0; i < c.action_areas.size(); ++i) {
        auto v = fit_page(in, c.action_areas[i], i, block);
        items.insert(items.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    }
    Laid laid = paginate(items, g);
    if (items.empty()) laid.pages.clear(), laid.page_kind.clear(), laid.page_section.clear();
    for (auto& k : laid.page_kind) k = "worksheet";
    const std::string title = kit::event_or_content_title(in);
    kit::Footer f;
    f.left = in.event.line().empty() ? title : in.event.line();
    f.right = plain_text(c.meta.title.value);
    if (f.right == f.left) f.right.clear();
    kit::add_footer(laid, g, in.tools, f);
    const Strings& s = *in.tools.strings;
    return kit::finish(std::move(laid), in, s.fill(Str::worksheets_title, {{"title", title}}),
                       s.fill(Str::worksheets_subject, {{"title", title}}));
}

}  // namespace lerbrief::compose
