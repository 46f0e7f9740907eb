#include "layout/frame.h"

namespace lerbrief::layout {

Item icon_item(const Icon& icon, Point pos, double side, Tag tag) {
    if (icon.art && icon.art->width > 0)
        return GroupItem{pos, side / icon.art->width, icon.art, false, std::move(tag), true};
    return ImageItem{pos, side, side, icon.raster, std::move(tag)};
}

std::shared_ptr<Frame> recoloured(const Frame& art, Color (*to)(const Color&)) {
    auto f = std::make_shared<Frame>(art);
    for (auto& item : f->items)
        if (auto* s = std::get_if<Shape>(&item)) {
            if (s->fill) s->fill = to(*s->fill);
            if (s->stroke) s->stroke = to(*s->stroke);
        }
    return f;
}

}  // namespace lerbrief::layout
