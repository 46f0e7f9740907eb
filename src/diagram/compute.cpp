// compute(): a search over the few choices that decide how a diagram looks,
// in order of preference, taking the first that fits (see geometry.h):
//
//   1. wrap: 10, 7, 5 ems, then one word a line (kWrapEms);
//   2. type size: Style::label_size down to min_label_size in half points;
//   3. node size: Style::node_size down to 60% of it (kNodeShrink steps);
//   4. ring shape: a circle, then flatter ellipses (kRingAspects).
//
// Line breaks are decided once per wrap at label_size: widths scale with the
// size, so a smaller size keeps the same breaks. The phases shrink on their
// own, only as far as the room inside the ring requires (ring.cpp), and
// never above kPhaseToLabel × the label size. Later
// sweeps let nodes shrink to Style::min_node_size, then labels below
// min_label_size, then leave labels out (with warnings). An attempt costs N
// labels set and N² box tests; a diagram takes a few milliseconds.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

#include "diagram/cycle.h"
#include "diagram/geometry.h"
#include "diagram/limits.h"
#include "messages/diagram.h"
#include "diagram/ring.h"

namespace lerbrief::diagram {

namespace {

constexpr double kWrapEms[] = {10, 7, 5, 0};  // 0: one word a line
constexpr double kSizeStep = 0.5;
constexpr double kNodeShrink = 0.85;  // each node size step
constexpr double kFirstSweepNodeFloor = 0.6;  // of Style::node_size
constexpr double kPhaseToLabel = 1.4;  // phases set at most this × the label size

void check_input(const Input& input, const Style& style, const Fonts& fonts, double width, double height) {
    if (input.groups.size() > limits::kMaxGroups)
        throw std::invalid_argument(fmt::format("diagram: {} groups; at most {} fit", input.groups.size(), limits::kMaxGroups));
    if (input.phases.size() > limits::kMaxPhases)
        throw std::invalid_argument(fmt::format("diagram: {} phases; at most {} fit", input.phases.size(), limits::kMaxPhases));
    auto check_label = [](const std::string& s) {
        if (s.size() > limits::kMaxLabelBytes)
            throw std::invalid_argument(fmt::format("diagram: label '{}…' is longer than {} bytes", s.substr(0, 40), limits::kMaxLabelBytes));
    };
    for (const auto& p : input.phases) check_label(p);
    for (const auto& g : input.groups) check_label(g.label);
    if (!input.highlight.empty() &&
        std::none_of(input.groups.begin(), input.groups.end(), [&](const Node& n) { return n.id == input.highlight; }))
        throw std::invalid_argument(fmt::format("diagram: no group '{}' to highlight", input.highlight));
    if (!(width >= kMinFrame && height >= kMinFrame))
        throw std::invalid_argument(fmt::format("diagram: a {:.0f} × {:.0f} pt frame is too small", width, height));
    if (!fonts.width) throw std::invalid_argument("diagram: no width function in Fonts");
    if (!(style.min_label_size > 0 && style.min_label_size <= style.label_size))
        throw std::invalid_argument("diagram: min_label_size must be positive and at most label_size");
}

enum class Labels { all, highlighted, none };

class Search {
public:
    Search(const Input& input, const Style& style, const Fonts& fonts, double width, double height)
        : input_(input), style_(style), fonts_(fonts), width_(width), height_(height) {
        for (const auto& g : input.groups)
            fonts_of_.push_back(!input.highlight.empty() && g.id == input.highlight ? fonts.bold : fonts.regular);
    }

    // Every wrap, then label sizes from `top` down to `bottom`, then node
    // sizes from node_size down to node_floor, then ring shapes; the first
    // fit wins. `labels` says whose labels are set (the others are left out).
    std::optional<Geometry> sweep(double top, double bottom, double node_floor, Labels labels = Labels::all) {
        for (double em : kWrapEms) {
            auto lines = wrap_all(em, labels);
            for (double size = top; size >= bottom - 1e-9; size -= kSizeStep)
                for (double d = style_.node_size; d >= node_floor - 1e-9; d *= kNodeShrink)
                    for (double aspect : kRingAspects) {
                        double phases = labels == Labels::none ? style_.phase_size : kPhaseToLabel * size;
                        RingAttempt at{lines, fonts_of_, size, d / 2, aspect, &cycles(aspect, bottom), phases};
                        auto r = place_ring(input_, at, style_, fonts_, width_, height_);
                        if (r.ok) return std::move(r.geometry);
                        last_ = std::move(r.geometry);
                    }
        }
        return std::nullopt;
    }

    Geometry last() const { return last_; }

private:
    const Input& input_;
    const Style& style_;
    const Fonts& fonts_;
    double width_, height_;
    std::vector<layout::FontId> fonts_of_;
    // Candidate cycles by (ellipse shape, smallest phase size), laid out once.
    std::map<std::pair<double, double>, std::vector<CycleGeometry>> cycles_;
    Geometry last_;

    // Cycles for a ring of `aspect`, phase sizes from Style::phase_size down
    // to min(smallest, min_label_size), largest first.
    const std::vector<CycleGeometry>& cycles(double aspect, double smallest) {
        auto shape = cycle_shape(aspect, width_, height_);
        double floor = std::min(smallest, style_.min_label_size);
        auto& list = cycles_[{shape.ey, floor}];
        if (list.empty())
            for (double p = style_.phase_size; p >= floor - 1e-9 || list.empty(); p -= kSizeStep)
                list.push_back(layout_cycle(input_.phases, p, shape.ex, shape.ey, style_, fonts_));
        return list;
    }

    std::vector<std::vector<std::string>> wrap_all(double em, Labels labels) const {
        std::vector<std::vector<std::string>> all;
        double size = style_.label_size;
        for (std::size_t i = 0; i < input_.groups.size(); ++i) {
            const auto& g = input_.groups[i];
            if (labels == Labels::none || (labels == Labels::highlighted && g.id != input_.highlight)) {
                all.emplace_back();
                continue;
            }
            Measure m = [&, font = fonts_of_[i]](std::string_view s) { return fonts_.width(s, font, size); };
            all.push_back(wrap_balanced(g.label, em * size, m));
        }
        return all;
    }
};

// Moves everything so the drawing's bounding box sits in the middle of the
// frame: labels above and below the ring differ in height, and a single
// node leaves the lower half empty. Nothing moves relative to anything else,
// so no rule can break.
void centre_content(Geometry& g) {
    Box b{g.cycle.centre.x - g.cycle.rx, g.cycle.centre.y - g.cycle.ry, g.cycle.centre.x + g.cycle.rx,
          g.cycle.centre.y + g.cycle.ry};
    auto add = [&b](const Box& o) { b = {std::min(b.x0, o.x0), std::min(b.y0, o.y0), std::max(b.x1, o.x1), std::max(b.y1, o.y1)}; };
    for (const auto& p : g.cycle.phases) add(p.box);
    for (const auto& n : g.nodes) {
        add({n.centre.x - n.outer_r, n.centre.y - n.outer_r, n.centre.x + n.outer_r, n.centre.y + n.outer_r});
        if (!n.label.empty()) add(n.label.box);
    }
    if (g.nodes.size() >= 2) add({g.centre.x - g.ring_rx, g.centre.y - g.ring_ry, g.centre.x + g.ring_rx, g.centre.y + g.ring_ry});
    double dx = g.width / 2 - b.centre().x, dy = g.height / 2 - b.centre().y;
    g.centre = {g.centre.x + dx, g.centre.y + dy};
    move_cycle(g.cycle, {g.cycle.centre.x + dx, g.cycle.centre.y + dy});
    for (auto& n : g.nodes) {
        n.centre = {n.centre.x + dx, n.centre.y + dy};
        n.icon_pos = {n.icon_pos.x + dx, n.icon_pos.y + dy};
        translate(n.label, dx, dy);
    }
}

Geometry finish(Geometry g) {
    centre_content(g);
    return g;
}

}  // namespace

Geometry compute(const Input& input, const Style& style, const Fonts& fonts, double width, double height) {
    check_input(input, style, fonts, width, height);
    Search search(input, style, fonts, width, height);
    const double min_node = std::min(style.min_node_size, style.node_size);
    const double small = style.min_label_size - kSizeStep;
    if (auto g = search.sweep(style.label_size, style.min_label_size, style.node_size * kFirstSweepNodeFloor))
        return finish(std::move(*g));
    if (auto g = search.sweep(style.label_size, style.min_label_size, min_node)) return finish(std::move(*g));
    if (auto g = search.sweep(small, kFloorLabelSize, min_node)) {
        g->warnings.push_back(
            msg::labels_below_minimum(g->label_size, style.min_label_size, input.groups.size(), width, height));
        return finish(std::move(*g));
    }
    const double tiny = std::min(kFloorNodeSize, min_node);
    if (!input.highlight.empty())
        if (auto g = search.sweep(style.label_size, kFloorLabelSize, tiny, Labels::highlighted)) {
            g->warnings.push_back(msg::only_highlighted_label(input.groups.size(), width, height));
            return finish(std::move(*g));
        }
    if (auto g = search.sweep(style.label_size, kFloorLabelSize, tiny, Labels::none)) {
        g->warnings.push_back(msg::labels_left_out(input.groups.size(), width, height));
        return finish(std::move(*g));
    }
    Geometry g = search.last();
    g.warnings.push_back(msg::nodes_overlap(input.groups.size(), width, height));
    return g;
}

}  // namespace lerbrief::diagram
