#include "model/layout_spec.h"

namespace lerbrief {

const TypeStyle& LayoutSpec::style(StyleName n) const {
    static const TypeStyle fallback;
    if (auto it = styles.find(n.name()); it != styles.end()) return it->second;
    if (auto it = styles.find("body"); it != styles.end()) return it->second;
    return fallback;
}

Rgb LayoutSpec::color(const std::string& n) const {
    auto it = colors.find(n);
    return it == colors.end() ? Rgb{} : it->second;
}

}  // namespace lerbrief
