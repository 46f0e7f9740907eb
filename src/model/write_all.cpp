#include "model/write_all.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace lerbrief {

bool write_all(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, std::min(left, kWriteStep));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace lerbrief
