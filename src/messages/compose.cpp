#include "messages/compose.h"

#include <fmt/format.h>

namespace lerbrief::msg {

void picture_not_drawn(Diagnostics& d, const SourcePos& at, std::string_view why) {
    d.warning(at, fmt::format("picture not drawn, the step is printed without it: {}", why));
}

}  // namespace lerbrief::msg
