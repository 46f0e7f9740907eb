#include "model/content.h"

#include <algorithm>

namespace lerbrief {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Stakeholder* Content::find_stakeholder(const std::string& id) const {
    return find_by_id(stakeholders, id);
}
const ActionArea* Content::find_area(const std::string& id) const { return find_by_id(action_areas, id); }
const Phase* Content::find_phase(const std::string& id) const { return find_by_id(phases, id); }

}  // namespace lerbrief
