#include "app/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <list>
#include <random>
#include <set>
#include <utility>

#include "model/write_all.h"

namespace lerbrief {

namespace fs = std::filesystem;

namespace {

// ".NAME.tmp-PID-RANDOM": hidden, next to the target, and naming the process
// that made it, so that a later run can tell a dead run's leftover from a
// live run's file.
std::string temp_prefix(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

std::string temp_name(const fs::path& target) {
    thread_local std::mt19937_64 rng{std::random_device{}()};  // files of a set are staged on several threads
    return temp_prefix(target) + std::to_string(::getpid()) + "-" + std::to_string(rng() % 1'000'000'000);
}

fs::path folder_of(const fs::path& target) { return target.parent_path().empty() ? fs::path(".") : target.parent_path(); }

// `dir` or the nearest of its parents that exists ("." for a relative path
// none of whose folders exist).
fs::path nearest_existing(fs::path dir) {
    std::error_code ec;
    while (!dir.empty() && !fs::exists(dir, ec)) {
        fs::path up = dir.parent_path();
        if (up == dir) break;
        dir = std::move(up);
    }
    return dir.empty() ? fs::path(".") : dir;
}

WriteError make_folder(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return msg::cannot_create_folder(dir.string(), ec.message());
    return {};
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

// Staged files open now, in every thread: a set holds each open until it is
// renamed, unless descriptors run short (descriptors_short).
std::atomic<long> g_open_staged{0};

// Kept free for what a build opens besides its staged files: fonts, icons,
// the page spool, the standard streams.
constexpr long kSpareDescriptors = 64;

// True when one more staged file held open would leave fewer than
// kSpareDescriptors under the soft limit (raised toward the hard one by
// allow_open_files, which the hard limit may stop short).
bool descriptors_short() {
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) return false;
    return g_open_staged.load() + kSpareDescriptors >= static_cast<long>(lim.rlim_cur);
}

}  // namespace

StagedFile::StagedFile(std::string path) : path_(std::move(path)), target_(path_), dir_(folder_of(target_)) {}

StagedFile::~StagedFile() {
    if (fd_ >= 0) ::close(fd_), --g_open_staged;
    if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

WriteError StagedFile::append(std::string_view bytes) {
    if (!opened_) {
        opened_ = true;
        if (WriteError why = check_target(path_); why.failed()) return why;
        remove_stale_temps(dir_, target_);
        // a set named early while its folder was still to be made left them
        // in the nearest folder that exists (name_early)
        std::error_code ec;
        if (!fs::exists(dir_, ec)) remove_stale_temps(nearest_existing(dir_), target_);
        WriteError why = open();
        if (fd_ >= 0) ++g_open_staged;
        if (why.failed()) return why;
    }
    if (fd_ < 0 || finished_) return msg::write_step_failed(msg::WriteStep::write, path_, std::strerror(EBADF));
    if (buffer_.size() + bytes.size() <= kWriteStep) {
        if (buffer_.capacity() < kWriteStep) buffer_.reserve(kWriteStep);
        buffer_.append(bytes);
        return {};
    }
    if (WriteError why = flush(); why.failed()) return why;
    if (bytes.size() >= kWriteStep) {
        if (!write_all(fd_, bytes)) return failed(msg::WriteStep::write);
        return {};
    }
    buffer_.append(bytes);
    return {};
}

WriteError StagedFile::flush() {
    if (!write_all(fd_, buffer_)) return failed(msg::WriteStep::write);
    buffer_.clear();
    return {};
}

WriteError StagedFile::finish() {
    if (!opened_)  // an empty file is still a file of the set
        if (WriteError why = append({}); why.failed()) return why;
    if (finished_) return {};
    if (fd_ < 0) return msg::write_step_failed(msg::WriteStep::write, path_, std::strerror(EBADF));
    if (WriteError why = flush(); why.failed()) return why;
    std::string().swap(buffer_);
    if (::fchmod(fd_, 0644) != 0 || ::fsync(fd_) != 0) return failed(msg::WriteStep::write);
    finished_ = true;
    // A set larger than the descriptors allow (a hard limit below it): this
    // file is named now and closed.
    if (descriptors_short()) return name_early();
    return {};
}

// Gives the unnamed file a temporary name in `folder` (linkat through /proc
// needs no privilege).
WriteError StagedFile::link_into(const fs::path& folder) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd_);
    for (int attempt = 0; tmp_.empty() && attempt < 100; ++attempt) {
        std::string name = (folder / temp_name(target_)).string();
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) tmp_ = name;
        else if (errno != EEXIST) return failed(msg::WriteStep::write);
    }
    if (tmp_.empty()) return failed(msg::WriteStep::write);
    return {};
}

WriteError StagedFile::close_file() {
    if (fd_ < 0) return {};
    const int fd = std::exchange(fd_, -1);
    --g_open_staged;
    if (::close(fd) != 0) return failed(msg::WriteStep::write);
    return {};
}

// Named and closed before the set is complete, without making its folder: a
// file whose folder is still to be made is named in the nearest folder that
// exists (where it was made unnamed: the same file system), and rename()
// moves it into its folder once name() has made it.
WriteError StagedFile::name_early() {
    if (tmp_.empty())
        if (WriteError why = link_into(folder_pending_ ? up_ : dir_); why.failed()) return why;
    return close_file();
}

// Gives the finished file its temporary name (linkat through /proc needs
// no privilege) and closes it.
WriteError StagedFile::name() {
    if (!finished_) return msg::write_step_failed(msg::WriteStep::write, path_, std::strerror(EBADF));
    if (folder_pending_) {
        if (WriteError why = make_folder(dir_); why.failed()) return why;
        folder_pending_ = false;
    }
    if (tmp_.empty())
        if (WriteError why = link_into(dir_); why.failed()) return why;
    return close_file();  // (named and closed before, when descriptors ran short)
}

WriteError StagedFile::rename() {
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) return failed(msg::WriteStep::replace);
    tmp_.clear();
    return {};
}

// First choice: an unnamed file (O_TMPFILE). If the process dies before it
// is named, the kernel drops it: nothing is left. When the target's folder
// does not exist yet, the unnamed file is made in the nearest folder that
// does (the same file system the new folder will be on), and the folder is
// made only when the set is named: a run that fails leaves no new folder.
// Folders whose file system cannot do that get their folder now and a named
// file from the start; so does a system without /proc, through which naming
// it later goes.
WriteError StagedFile::open() {
    const bool proc = ::access("/proc/self/fd", F_OK) == 0;
    std::error_code ec;
    if (proc && !fs::exists(dir_, ec)) {
        const fs::path up = nearest_existing(dir_);
        fd_ = ::open(up.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
        if (fd_ >= 0) {
            folder_pending_ = true;
            up_ = up;
            return {};
        }
        // Only a file system without unnamed files goes on to make the
        // folder now; any other failure makes nothing.
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            if (errno == EACCES || errno == EPERM || errno == EROFS)  // what making the folder would meet
                return msg::cannot_create_folder(dir_.string(), std::strerror(errno));
            return msg::cannot_write_in(up.string(), std::strerror(errno));
        }
    }
    if (WriteError why = make_folder(dir_); why.failed()) return why;
    fd_ = proc ? ::open(dir_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644) : -1;
    if (fd_ >= 0) return {};
    if (errno != 0 && errno != ENOENT && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        return msg::cannot_write_in(dir_.string(), std::strerror(errno));
    for (int attempt = 0; fd_ < 0 && attempt < 100; ++attempt) {
        std::string name = (dir_ / temp_name(target_)).string();
        fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd_ >= 0) tmp_ = name;
        else if (errno != EEXIST) return msg::cannot_write_in(dir_.string(), std::strerror(errno));
    }
    if (fd_ < 0) return msg::cannot_write_in(dir_.string(), "no free temporary name");
    return {};
}

WriteError StagedFile::failed(msg::WriteStep what) const {
    return msg::write_step_failed(what, path_, std::strerror(errno));
}

WriteError make_parent_folder(const std::string& path) { return make_folder(folder_of(path)); }

void allow_open_files(std::size_t files) {
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
    const rlim_t want = static_cast<rlim_t>(files) + 64;  // and what the process has open besides
    if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= want) return;
    lim.rlim_cur = lim.rlim_max == RLIM_INFINITY ? want : std::min(want, lim.rlim_max);
    ::setrlimit(RLIMIT_NOFILE, &lim);  // if refused, a file past the limit says "Too many open files"
}

WriteError check_target(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return {};  // absent: the write reports any problem
    using msg::NotAFile;
    const NotAFile what = S_ISDIR(st.st_mode)    ? NotAFile::directory
                          : S_ISLNK(st.st_mode)  ? NotAFile::symbolic_link
                          : S_ISFIFO(st.st_mode) ? NotAFile::named_pipe
                          : S_ISSOCK(st.st_mode) ? NotAFile::socket
                                                 : NotAFile::device;
    return msg::not_a_regular_output(path, what);
}

void remove_stale_temps(const std::string& path) { remove_stale_temps(folder_of(path), fs::path(path)); }

SetWritten write_set_atomically(const std::vector<FileToWrite>& files) {
    std::list<StagedFile> written;  // a list: StagedFile does not move
    std::vector<StagedFile*> staged;
    for (const auto& f : files) {
        StagedFile* s = f.staged;
        if (!s) {
            s = &written.emplace_back(f.path);
            WriteError why = s->append(f.bytes);
            if (!why.failed()) why = s->finish();
            if (why.failed()) return {why, {}};
        }
        staged.push_back(s);
    }
    // Named only now, all at once: a run killed before this leaves no file.
    for (StagedFile* s : staged)
        if (WriteError why = s->name(); why.failed()) return {why, {}};
    SetWritten result;
    std::set<fs::path> dirs;
    for (StagedFile* s : staged) {
        if (WriteError why = s->rename(); why.failed()) {
            result.error = why;
            return result;
        }
        result.replaced.push_back(s->path());
        dirs.insert(s->dir());
    }
    // The renames are durable once the folders' entries are on disk.
    for (const auto& dir : dirs)
        if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
            ::fsync(dfd);
            ::close(dfd);
        }
    result.replaced.clear();
    return result;
}

WriteError write_atomically(const std::string& path, std::string_view bytes) {
    return write_set_atomically({{path, bytes}}).error;
}

}  // namespace lerbrief
