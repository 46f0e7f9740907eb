#include "layout/links.h"

#include <memory>
#include <variant>
#include <vector>

namespace lerbrief::layout {

namespace {
bool holds(const Frame& f, const std::function<bool(const LinkItem&)>& concerns) {
    for (const auto& item : f.items) {
        if (auto* l = std::get_if<LinkItem>(&item); l && concerns(*l)) return true;
        if (auto* g = std::get_if<GroupItem>(&item); g && g->frame && holds(*g->frame, concerns)) return true;
    }
    return false;
}
}  // namespace

void edit_links(Frame& frame, const std::function<bool(const LinkItem&)>& concerns,
                const std::function<bool(LinkItem&)>& edit) {
    std::vector<Item> kept;
    kept.reserve(frame.items.size());
    for (auto& item : frame.items) {
        if (auto* l = std::get_if<LinkItem>(&item); l && concerns(*l)) {
            if (!edit(*l)) continue;
        } else if (auto* g = std::get_if<GroupItem>(&item); g && g->frame && holds(*g->frame, concerns)) {
            auto copy = std::make_shared<Frame>(*g->frame);
            edit_links(*copy, concerns, edit);
            g->frame = std::move(copy);
        }
        kept.push_back(std::move(item));
    }
    frame.items = std::move(kept);
}

}  // namespace lerbrief::layout
