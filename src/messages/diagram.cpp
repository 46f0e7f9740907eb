#include "messages/diagram.h"

#include <fmt/format.h>

namespace lerbrief::msg {

std::string labels_below_minimum(double size, double minimum, std::size_t groups, double width, double height) {
    return fmt::format("diagram: labels set at {:g} pt, below the {:g} pt minimum, to fit {} groups in {:.0f} × {:.0f} pt",
                       size, minimum, groups, width, height);
}

std::string only_highlighted_label(std::size_t groups, double width, double height) {
    return fmt::format("diagram: {} group labels do not fit in {:.0f} × {:.0f} pt; only the highlighted one is set",
                       groups, width, height);
}

std::string labels_left_out(std::size_t groups, double width, double height) {
    return fmt::format("diagram: {} group labels do not fit in {:.0f} × {:.0f} pt and are left out", groups, width,
                       height);
}

std::string nodes_overlap(std::size_t groups, double width, double height) {
    return fmt::format("diagram: {} groups do not fit in {:.0f} × {:.0f} pt; nodes overlap", groups, width, height);
}

}  // namespace lerbrief::msg
