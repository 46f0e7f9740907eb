#include "layout/frame.h"

namespace lerbrief::layout {

Item icon_item(const Icon& icon, Point pos, double side, Tag tag) {
    if (icon.art && icon.art->width > 0)
        return GroupItem{pos, side / icon.art->width, icon.art, false, std::move(tag), true};
    return ImageItem{pos, side, side, icon.raster, std::move(tag)};
}

}  // namespace lerbrief::layout
