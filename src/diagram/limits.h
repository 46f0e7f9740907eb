#pragma once
// The diagram's limits live with every other input limit in model/limits.h;
// `diagram::limits::kMaxGroups` and friends keep working through this alias.
#include "model/limits.h"

namespace lerbrief::diagram {
namespace limits = ::lerbrief::limits;
}  // namespace lerbrief::diagram
