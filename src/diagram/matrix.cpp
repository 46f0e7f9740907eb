// The matrix is a table set from top to bottom: a row of column heads
// (bottom-aligned, centred over their columns), a rule, then one row per
// group (its name left, vertically centred; a dot centred in each cell where
// it takes part), every other row on a light band so rows can be followed
// across in grayscale; a rule closes the table.
//
// Tagged as a Table (issue 17): a header row of TH (column scope) — an empty
// corner cell, then the areas — and one TR per group: the name a TH (row
// scope), then a TD per area, a dot read as the caller's mark_text, an empty
// cell a TD that draws nothing, so every row has as many cells as the header. Rules and
// bands are artifacts. The items are drawn in reading order (row by row, left
// to right): the corner and empty cells are Shapes with an empty path.
#include "diagram/matrix.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "diagram/geometry.h"
#include "diagram/label.h"
#include "diagram/limits.h"
#include "diagram/path.h"

namespace lerbrief::diagram {

namespace {

constexpr double kCellPadEm = 0.45;   // padding in cells, × label size
constexpr double kMarkEm = 0.8;       // dot diameter, × label size
constexpr double kColumnGapEm = 0.6;  // between the name column and the first area
constexpr double kHeadStep = 0.5;

void check(const std::vector<std::string>& groups, const std::vector<std::string>& areas,
           const std::vector<std::vector<bool>>& takes_part, double width) {
    if (groups.size() > limits::kMaxGroups || areas.size() > limits::kMaxMatrixAreas)
        throw std::invalid_argument(fmt::format("matrix: {} groups × {} areas; at most {} × {}", groups.size(),
                                                areas.size(), limits::kMaxGroups, limits::kMaxMatrixAreas));
    if (takes_part.size() != groups.size())
        throw std::invalid_argument(fmt::format("matrix: {} rows of marks for {} groups", takes_part.size(), groups.size()));
    for (std::size_t g = 0; g < takes_part.size(); ++g)
        if (takes_part[g].size() != areas.size())
            throw std::invalid_argument(fmt::format("matrix: row {} has {} marks for {} areas", g + 1,
                                                    takes_part[g].size(), areas.size()));
    if (!(width > 0)) throw std::invalid_argument("matrix: width must be positive");
}

void add_text(layout::Frame& f, const Label& label, layout::Color colour, const layout::Tag& tag) {
    for (const auto& l : label.lines)
        f.items.push_back(layout::TextItem{{l.x, l.baseline}, label.font, label.size, colour, l.text, l.width, false, tag});
}

// An item that draws nothing but places `tag`'s element (an empty cell).
void add_empty(layout::Frame& f, const layout::Tag& tag) {
    layout::Shape s;
    s.tag = tag;
    f.items.push_back(std::move(s));
}

layout::Tag mark_cell(const layout::Tag& row, const std::string& text) {
    return layout::make_tag(layout::Role::td, row, {}, text);
}

}  // namespace

layout::Frame matrix(const std::vector<std::string>& groups, const std::vector<std::string>& areas,
                     const std::vector<std::vector<bool>>& takes_part, const std::string& mark_text,
                     const Style& style, const Fonts& fonts, double width) {
    check(groups, areas, takes_part, width);
    const double s = style.label_size, pad = kCellPadEm * s;
    const auto& pal = style.palette;
    Measure regular = [&](std::string_view t) { return fonts.width(t, fonts.regular, s); };

    // The name column: as wide as the longest name, at most the share.
    double names = 0;
    for (const auto& g : groups) names = std::max(names, regular(g));
    names = std::min(names, kLabelColumnShare * width - 2 * pad);
    double x_areas = names + 2 * pad + kColumnGapEm * s;
    double column = areas.empty() ? 0 : (width - x_areas) / static_cast<double>(areas.size());
    double inner = column - 2 * pad;

    // Heads: the largest size at which every word fits its column.
    double head = s;
    for (; head > kFloorLabelSize; head -= kHeadStep) {
        double widest = 0;
        for (const auto& a : areas)
            widest = std::max(widest, widest_word(a, [&](std::string_view t) { return fonts.width(t, fonts.bold, head); }));
        if (widest <= inner) break;
    }
    std::vector<Label> heads;
    double head_height = 0;
    for (const auto& a : areas) {
        Measure m = [&](std::string_view t) { return fonts.width(t, fonts.bold, head); };
        heads.push_back(set_label(wrap_balanced(a, inner, m), fonts.bold, head, Align::centre, fonts, style.leading));
        head_height = std::max(head_height, heads.back().box.height());
    }

    layout::Frame f;
    f.width = width;
    PathBuilder pb;
    const layout::Tag table = layout::make_tag(layout::Role::table);
    const layout::Tag head_row = layout::make_tag(layout::Role::tr, table);
    add_empty(f, layout::make_header_cell(head_row, layout::Scope::column));  // the corner, over the names
    double y = pad;
    for (std::size_t a = 0; a < heads.size(); ++a) {
        auto& h = heads[a];
        translate(h, x_areas + column * static_cast<double>(a) + (column - h.box.width()) / 2,
                  y + head_height - h.box.height());
        add_text(f, h, pal.text, layout::make_header_cell(head_row, layout::Scope::column));
    }
    y += head_height + pad;
    auto rule = [&](double at) {
        cairo_move_to(pb.cr(), 0, at);
        cairo_line_to(pb.cr(), width, at);
        f.items.push_back(layout::Shape{pb.take(), std::nullopt, pal.rule, style.line_width});
    };
    rule(y);

    const double mark = kMarkEm * s;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        Label name = set_label(wrap_balanced(groups[g], names, regular), fonts.regular, s, Align::left, fonts, style.leading);
        double row = std::max(name.box.height(), mark) + 2 * pad;
        if (g % 2 == 1) {
            add_rounded_box(pb.cr(), {0, y, width, y + row}, 0);
            f.items.push_back(layout::Shape{pb.take(), pal.band, std::nullopt, 0});
        }
        const layout::Tag tr = layout::make_tag(layout::Role::tr, table);
        translate(name, pad, y + (row - name.box.height()) / 2);
        add_text(f, name, pal.text, layout::make_header_cell(tr, layout::Scope::row));
        for (std::size_t a = 0; a < areas.size(); ++a) {
            if (!takes_part[g][a]) {
                add_empty(f, layout::make_tag(layout::Role::td, tr));
                continue;
            }
            add_circle(pb.cr(), {x_areas + column * (static_cast<double>(a) + 0.5), y + row / 2}, mark / 2);
            f.items.push_back(layout::Shape{pb.take(), pal.mark, std::nullopt, 0, mark_cell(tr, mark_text)});
        }
        y += row;
    }
    rule(y);
    f.height = y + style.line_width / 2;
    return f;
}

}  // namespace lerbrief::diagram
