#include "app/versions.h"

#include <fmt/format.h>

#include "diagram/icon.h"
#include "model/memory.h"
#include "render/hpdf_handle.h"

namespace lerbrief {

std::string version_text() {
    std::string text = fmt::format("lerbrief {}\nlibharu {}, Cairo {}, librsvg {}, yaml-cpp {}, libhyphen {}", LERBRIEF_VERSION,
                       render::libharu_version(), diagram::cairo_version(), diagram::librsvg_version(),
                       LERBRIEF_YAML_CPP_VERSION, LERBRIEF_HYPHEN_VERSION);
    // the allocator the process runs on, when it is not glibc's
    if (std::string alloc = allocator_version(); !alloc.empty()) text += ", " + alloc;
    return text;
}

}  // namespace lerbrief
