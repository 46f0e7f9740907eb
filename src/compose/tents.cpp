#include "compose/compose.h"

namespace lerbrief::compose {

// STUB (#19 foundation): being written.
Composed table_tents(const Input&) { return {}; }

}  // namespace lerbrief::compose
