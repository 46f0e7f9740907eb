#include "app/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace lerbrief {

bool color_for_stderr() {
    if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
    if (const char* term = std::getenv("TERM"); term && std::strcmp(term, "dumb") == 0) return false;
    return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace lerbrief
