#include "app/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

// Bytes per write(2): a large PDF is written in steps, so a process killed
// while writing leaves a partial temporary file, never a partial target.
constexpr std::size_t kWriteChunk = 64 * 1024;

// ".NAME.tmp-PID-RANDOM": hidden, next to the target, and naming the process
// that made it, so that a later run can tell a dead run's leftover from a
// live run's file.
std::string temp_prefix(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

std::string temp_name(const fs::path& target) {
    static std::mt19937_64 rng{std::random_device{}()};
    return temp_prefix(target) + std::to_string(::getpid()) + "-" + std::to_string(rng() % 1'000'000'000);
}

// Removes temporary files of this target left by runs that no longer exist
// (killed between naming their file and renaming it). Files of live runs,
// and names that do not parse, are left alone.
void remove_stale_temps(const fs::path& dir, const fs::path& target) {
    const std::string prefix = temp_prefix(target);
    DIR* d = ::opendir(dir.c_str());
    if (!d) return;
    while (dirent* e = ::readdir(d)) {
        std::string_view name(e->d_name);
        if (name.substr(0, prefix.size()) != prefix) continue;
        std::string_view rest = name.substr(prefix.size());
        auto dash = rest.find('-');
        if (dash == 0 || dash == std::string_view::npos) continue;
        std::string pid_text(rest.substr(0, dash));
        if (!std::all_of(pid_text.begin(), pid_text.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) ::unlinkat(::dirfd(d), e->d_name, 0);
    }
    ::closedir(d);
}

bool write_all(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, std::min(left, kWriteChunk));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string error_text(const char* what, const std::string& path, int err) {
    return std::string(what) + " " + path + ": " + std::strerror(err);
}

}  // namespace

std::string write_atomically(const std::string& path, std::string_view bytes) {
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return "cannot create folder " + dir.string() + ": " + ec.message();
    if (fs::is_directory(target, ec)) return path + " is a directory";
    remove_stale_temps(dir, target);

    // First choice: an unnamed file in the target's folder (O_TMPFILE). If the
    // process dies before it is named, the kernel drops it: nothing is left.
    // Folders whose file system cannot do that get a named file from the start.
    std::string tmp;  // the temporary file's name once it has one
    // Naming it later goes through /proc/self/fd: without /proc, named from the start.
    int fd = ::access("/proc/self/fd", F_OK) == 0 ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644) : -1;
    if (fd < 0) {
        if (errno != 0 && errno != ENOENT && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
            return "cannot write in " + dir.string() + ": " + std::strerror(errno);
        for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
            tmp = (dir / temp_name(target)).string();
            fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd < 0 && errno != EEXIST) return "cannot write in " + dir.string() + ": " + std::strerror(errno);
        }
        if (fd < 0) return "cannot write in " + dir.string() + ": no free temporary name";
    }
    auto fail = [&](const char* what) {
        const int err = errno;
        ::close(fd);
        if (!tmp.empty()) ::unlink(tmp.c_str());
        return error_text(what, path, err);
    };
    if (!write_all(fd, bytes)) return fail("cannot write");
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return fail("cannot write");
    if (tmp.empty()) {
        // Name the finished file (linkat through /proc needs no privilege).
        const std::string self = "/proc/self/fd/" + std::to_string(fd);
        for (int attempt = 0; tmp.empty() && attempt < 100; ++attempt) {
            std::string name = (dir / temp_name(target)).string();
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) tmp = name;
            else if (errno != EEXIST) return fail("cannot write");
        }
        if (tmp.empty()) return fail("cannot write");
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return error_text("cannot write", path, err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return error_text("cannot replace", path, err);
    }
    // The rename is durable once the folder's entry is on disk.
    if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

}  // namespace lerbrief
