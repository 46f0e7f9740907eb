#include "press/saddle.h"

#include <fmt/format.h>

#include "press/press_error.h"

namespace lerbrief::press {

int booklet_page_count(int pages) { return pages <= 0 ? 4 : (pages + 3) / 4 * 4; }

std::vector<SheetSide> saddle_stitch(int pages) {
    if (pages <= 0 || pages % 4 != 0)
        throw PressError(fmt::format("saddle stitch: {} pages is not a positive multiple of four", pages));
    std::vector<SheetSide> sides;
    for (int s = 0; s < pages / 4; ++s) {
        sides.push_back({s, false, pages - 1 - 2 * s, 2 * s});
        sides.push_back({s, true, 2 * s + 1, pages - 2 - 2 * s});
    }
    return sides;
}

}  // namespace lerbrief::press
