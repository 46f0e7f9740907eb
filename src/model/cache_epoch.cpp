#include "model/cache_epoch.h"

namespace lerbrief {

namespace {
std::atomic<unsigned> g_epoch{0};
}  // namespace

unsigned cache_epoch() { return g_epoch.load(); }
void start_cache_epoch() { ++g_epoch; }

}  // namespace lerbrief
