#pragma once
// How many threads lerbrief's work is shared among: the processors this
// process may run on (its affinity: `taskset`, a container's cpuset), not
// the machine's count. Read once. And the one way work is shared out.
#include <cstddef>
#include <functional>

namespace lerbrief {

unsigned usable_cores();

// Calls work(i, t) for every i in 0 … count−1, on up to `threads` threads (t:
// the thread's number, 0 the caller's, for state of its own), each taking the
// next i when it is done; a call that returns false stops every thread from
// taking another. `work` must not throw. When a thread cannot be started,
// the ones that did (the caller at least) do the rest.
void share_out(std::size_t count, unsigned threads, const std::function<bool(std::size_t i, unsigned t)>& work);

}  // namespace lerbrief
