#include "layout/frame.h"

namespace lerbrief::layout {

Shape qr_shape(const QrItem& qr) {
    Shape dark;
    dark.fill = qr.color;
    const int n = qr.side;
    if (n <= 0 || qr.bits.size() < (static_cast<std::size_t>(n) * static_cast<std::size_t>(n) + 7) / 8) return dark;
    // Five segments a run, reserved exactly.
    std::size_t runs = 0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (qr.dark(x, y) && (x == 0 || !qr.dark(x - 1, y))) ++runs;
    dark.path.reserve(5 * runs);
    const double m = qr.module;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n;) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < n && qr.dark(run, y)) ++run;
            const double x0 = qr.pos.x + (x + qr.quiet) * m, y0 = qr.pos.y + (y + qr.quiet) * m;
            const double x1 = qr.pos.x + (run + qr.quiet) * m, y1 = y0 + m;
            dark.path.push_back({PathSeg::Op::move, {{x0, y0}}});
            dark.path.push_back({PathSeg::Op::line, {{x1, y0}}});
            dark.path.push_back({PathSeg::Op::line, {{x1, y1}}});
            dark.path.push_back({PathSeg::Op::line, {{x0, y1}}});
            dark.path.push_back({PathSeg::Op::close, {}});
            x = run;
        }
    }
    return dark;
}

}  // namespace lerbrief::layout
