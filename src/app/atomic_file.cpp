#include "app/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace lerbrief {

namespace fs = std::filesystem;

std::string write_atomically(const std::string& path, std::string_view bytes) {
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return "cannot create folder " + dir.string() + ": " + ec.message();
    if (fs::is_directory(target, ec)) return path + " is a directory";

    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return "cannot write in " + dir.string() + ": " + std::strerror(errno);
    auto fail = [&](const char* what) {
        std::string why = std::string(what) + " " + path + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(tmpl.c_str());
        return why;
    };
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return fail("cannot write");
    if (::close(fd) != 0) {
        std::string why = "cannot write " + path + ": " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return why;
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string why = "cannot replace " + path + ": " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return why;
    }
    return {};
}

}  // namespace lerbrief
