#include "diagram/draw.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "diagram/icon.h"
#include "diagram/path.h"

namespace lerbrief::diagram {

namespace {

constexpr double kOrbitWidth = 0.75;        // × line width
constexpr double kMutedWidth = 0.6;         // × line width
constexpr double kArcIntoHead = 0.7;        // the arc stops this far (× head length) behind the tip, under the head

layout::Shape filled(std::vector<layout::PathSeg> path, std::optional<layout::Color> fill,
                     std::optional<layout::Color> stroke = std::nullopt, double width = 0) {
    return layout::Shape{std::move(path), fill, stroke, stroke ? width : 0};
}

void add_text(layout::Frame& f, const Label& label, layout::Color colour) {
    for (const auto& l : label.lines)
        f.items.push_back(layout::TextItem{{l.x, l.baseline}, label.font, label.size, colour, l.text, l.width});
}

void draw_cycle(layout::Frame& f, PathBuilder& pb, const CycleGeometry& c, const Style& style) {
    const auto& pal = style.palette;
    for (const auto& a : c.arrows) {
        // The head spans head_length along the ellipse: in parameter, that
        // length over the ellipse's speed |d at / dt| at the tip.
        double speed = std::hypot(c.rx * std::cos(a.to), c.ry * std::sin(a.to));
        double back = c.head_length / speed;
        auto tip = c.at(a.to), tail = c.at(a.to - back);
        double len = std::hypot(tip.x - tail.x, tip.y - tail.y);
        add_elliptic_arc(pb.cr(), c.centre, c.rx, c.ry, a.from, a.to - kArcIntoHead * back);
        f.items.push_back(filled(pb.take(), std::nullopt, pal.arrow, c.arrow_width));
        add_arrow_head(pb.cr(), tip, {(tip.x - tail.x) / len, (tip.y - tail.y) / len}, c.head_length, c.head_width);
        f.items.push_back(filled(pb.take(), pal.arrow));
    }
    for (const auto& p : c.phases) {
        add_rounded_box(pb.cr(), p.box, p.corner);
        f.items.push_back(filled(pb.take(), pal.phase_fill, pal.phase_stroke, style.line_width));
        add_text(f, p.label, pal.text);
    }
}

}  // namespace

layout::Frame draw(const Geometry& g, const Input& input, const Style& style, const Fonts&) {
    layout::Frame f;
    f.width = g.width;
    f.height = g.height;
    PathBuilder pb;
    const auto& pal = style.palette;

    if (g.nodes.size() >= 2) {
        add_ellipse(pb.cr(), g.centre, g.ring_rx, g.ring_ry);
        f.items.push_back(filled(pb.take(), std::nullopt, pal.orbit, style.line_width * kOrbitWidth));
    }
    draw_cycle(f, pb, g.cycle, style);


    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& n = g.nodes[i];
        add_outline(pb.cr(), n.look.shape, n.centre, n.r);
        layout::Color fill = n.muted || pal.groups.empty() ? pal.muted_fill : pal.groups[n.look.colour % pal.groups.size()];
        if (n.highlighted)
            f.items.push_back(filled(pb.take(), fill, pal.highlight_stroke, style.highlight_width));
        else if (n.muted)
            f.items.push_back(filled(pb.take(), fill, pal.muted_stroke, style.line_width * kMutedWidth));
        else
            f.items.push_back(filled(pb.take(), fill, pal.node_stroke, style.line_width));

        const auto& icon = input.groups[i].icon;
        if (icon && n.icon_size > 0)
            f.items.push_back(layout::icon_item(n.muted ? muted_icon(icon) : icon, n.icon_pos, n.icon_size));
    }
    for (const auto& n : g.nodes) add_text(f, n.label, pal.text);
    // a group's link covers its node and its label
    std::map<std::string, std::string> links;
    for (const auto& grp : input.groups)
        if (!grp.link.empty()) links[grp.id] = grp.link;
    for (const auto& n : g.nodes) {
        auto link = links.find(n.id);
        if (link == links.end()) continue;
        Box b{n.centre.x - n.outer_r, n.centre.y - n.outer_r, n.centre.x + n.outer_r, n.centre.y + n.outer_r};
        if (!n.label.empty())
            b = {std::min(b.x0, n.label.box.x0), std::min(b.y0, n.label.box.y0), std::max(b.x1, n.label.box.x1),
                 std::max(b.y1, n.label.box.y1)};
        f.items.push_back(layout::LinkItem{{b.x0, b.y0}, b.width(), b.height(), link->second});
    }
    return f;
}

layout::Frame diagram(const Input& input, const Style& style, const Fonts& fonts, double width, double height) {
    return draw(compute(input, style, fonts, width, height), input, style, fonts);
}

}  // namespace lerbrief::diagram
