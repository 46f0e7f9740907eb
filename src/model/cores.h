#pragma once
// How many threads lerbrief's work is shared among: the processors this
// process may run on (its affinity: `taskset`, a container's cpuset), not
// the machine's count. Read once.

namespace lerbrief {

unsigned usable_cores();

}  // namespace lerbrief
