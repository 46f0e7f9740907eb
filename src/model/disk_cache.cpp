#include "model/disk_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <iterator>
#include <mutex>
#include <tuple>
#include <utility>
#include <vector>

#include "model/cache_epoch.h"
#include "model/write_all.h"

namespace lerbrief::disk_cache {

namespace {

// A temporary file older than this was left by a run that was killed.
constexpr auto kStaleTemporary = std::chrono::hours(1);

struct Config {
    std::mutex mutex;
    std::string dir;    // "" when off
    bool made = false;  // the folder exists and was found usable
    std::string stamp;  // this program and its libraries
    // The folder as this run last listed it (prune): its entries and their
    // bytes, and what this run stored since. Not listed yet: `listed` false.
    bool listed = false;
    std::size_t entries = 0;
    std::uintmax_t bytes = 0;
};
Config& config() {
    static Config c;
    return c;
}

// The executable's GNU build ID (it changes with any change to lerbrief's
// code) and a hash of every library loaded: its path and its file's
// identity, so that an upgraded library is another stamp. Empty when the
// linker wrote no build ID.
std::string program_stamp() {
    struct Walk {
        std::string build_id;
        std::uint64_t libraries = 0xcbf29ce484222325ull;
        bool first = true;
    } walk;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
            auto& w = *static_cast<Walk*>(out);
            if (!w.first) {  // a library (or the vDSO, which has no file)
                const char* name = info->dlpi_name ? info->dlpi_name : "";
                w.libraries = hash64(fmt::format("{} {}\n", name, file_identity(name)), w.libraries);
                return 0;
            }
            w.first = false;  // the first object is the executable itself
            for (int i = 0; i < info->dlpi_phnum && w.build_id.empty(); ++i) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
                const auto* end = p + ph.p_memsz;
                while (p + sizeof(ElfW(Nhdr)) <= end) {
                    ElfW(Nhdr) n;
                    std::memcpy(&n, p, sizeof n);
                    const unsigned char* name = p + sizeof n;
                    const unsigned char* desc = name + ((n.n_namesz + 3) & ~3u);
                    const unsigned char* next = desc + ((n.n_descsz + 3) & ~3u);
                    if (next > end) break;
                    if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        for (unsigned k = 0; k < n.n_descsz; ++k) w.build_id += fmt::format("{:02x}", desc[k]);
                        break;
                    }
                    p = next;
                }
            }
            return 0;
        },
        &walk);
    if (walk.build_id.empty()) return {};
    return fmt::format("lerbrief {} libraries {:016x}", walk.build_id, walk.libraries);
}

constexpr std::string_view kKindNames[] = {"icon", "picture", "yaml", "deflated"};

bool is_entry_name(const std::string& n) {
    if (n.size() < 18 || n[16] != '.' ||
        !std::all_of(n.begin(), n.begin() + 16, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
        return false;
    return std::find(std::begin(kKindNames), std::end(kKindNames), std::string_view(n).substr(17)) != std::end(kKindNames);
}
bool is_temporary_name(const std::string& n) { return n.size() == 11 && n.starts_with(".tmp-"); }

// A folder of this user's that no one else may write.
bool usable_dir(const std::string& dir) {
    struct stat st{};
    return ::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() &&
           (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

// Made with its missing parents, each mode 0700.
bool make_dir(const std::string& dir) {
    for (std::size_t at = 1; at != std::string::npos;) {
        at = dir.find('/', at + 1);
        ::mkdir(dir.substr(0, at).c_str(), 0700);  // those that exist stay as they are
    }
    return usable_dir(dir);
}

// Past kMaxIconCacheEntries entries or kMaxIconCacheBytes, entries go down
// to three quarters of both: those written or last read (open_entry) the
// longest ago first, by the day; of one day, compressed streams first (the
// cheapest to make again: a millisecond, where an icon or a picture costs
// librsvg or a PNG's decoding), then the rest, each oldest first. Temporary
// files of killed runs go after an hour. Only names lerbrief writes are
// touched. Returns the entries left and their bytes; nothing when the folder
// cannot be listed.
std::optional<std::pair<std::size_t, std::uintmax_t>> prune(const std::string& dir) {
    struct Entry {
        long long day;     // of the last write or read (days since 1970), the oldest first
        bool kept_longer;  // not a compressed stream: of one day, the streams go first
        std::pair<long long, long> written;  // seconds, nanoseconds
        std::string name;
        std::uintmax_t bytes = 0;
    };
    std::unique_ptr<DIR, int (*)(DIR*)> folder(::opendir(dir.c_str()), ::closedir);
    if (!folder) return std::nullopt;
    const int fd = ::dirfd(folder.get());
    std::vector<Entry> entries;
    std::uintmax_t total = 0;
    const long long now = static_cast<long long>(::time(nullptr));
    const long long stale = std::chrono::duration_cast<std::chrono::seconds>(kStaleTemporary).count();
    constexpr long long kDay = 24 * 60 * 60;
    // one status read an entry (the folder is listed at a run's first store)
    while (const dirent* d = ::readdir(folder.get())) {
        const std::string name = d->d_name;
        const bool entry = is_entry_name(name), temporary = is_temporary_name(name);
        struct stat st{};
        if ((!entry && !temporary) || ::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (entry) {
            const bool stream = name.substr(17) == kKindNames[static_cast<std::size_t>(Kind::deflated)];
            entries.push_back({st.st_mtim.tv_sec / kDay, !stream, {st.st_mtim.tv_sec, st.st_mtim.tv_nsec}, name,
                               static_cast<std::uintmax_t>(st.st_size)});
            total += static_cast<std::uintmax_t>(st.st_size);
        } else if (now - st.st_mtim.tv_sec > stale) {
            ::unlinkat(fd, name.c_str(), 0);
        }
    }
    if (entries.size() <= limits::kMaxIconCacheEntries && total <= limits::kMaxIconCacheBytes)
        return std::pair{entries.size(), total};
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.day, a.kept_longer, a.written, a.name) < std::tie(b.day, b.kept_longer, b.written, b.name);
    });
    std::size_t left = entries.size();
    for (const Entry& e : entries) {
        if (left <= limits::kMaxIconCacheEntries * 3 / 4 && total <= limits::kMaxIconCacheBytes / 4 * 3) break;
        ::unlinkat(fd, e.name.c_str(), 0);
        --left;
        total -= e.bytes;
    }
    return std::pair{left, total};
}

// After a store of `bytes`: the folder is listed and pruned at a run's first
// store, and again when the run's own stores since would take it past the
// limits (listing it costs a status read an entry: done at every store,
// a run that stores a hundred entries would list it a hundred times).
void after_store(const std::string& dir, std::uintmax_t bytes) {
    Config& c = config();
    {
        std::lock_guard lock(c.mutex);
        if (c.listed && c.entries + 1 <= limits::kMaxIconCacheEntries && c.bytes + bytes <= limits::kMaxIconCacheBytes) {
            c.entries += 1;  // counted as new even when it replaced an entry: pruned earlier, never later
            c.bytes += bytes;
            return;
        }
    }
    const auto listed = prune(dir);
    if (!listed) return;  // not listed (no descriptor to be had?): the next store tries again
    std::lock_guard lock(c.mutex);
    c.listed = true;
    c.entries = listed->first;
    c.bytes = listed->second;
}

// The folder and stamp when the cache is on; for a store, the folder made.
bool current(std::string& dir, std::string& stamp, bool make) {
    Config& c = config();
    std::lock_guard lock(c.mutex);
    if (c.dir.empty()) return false;
    if (make && !c.made && !(c.made = make_dir(c.dir))) {
        c.dir.clear();
        return false;
    }
    dir = c.dir;
    stamp = c.stamp;
    return true;
}

}  // namespace

bool open_entry(const std::string& name, std::string_view magic, BoundedRead& file, Reader& r) {
    std::string dir, stamp;
    if (!current(dir, stamp, false)) return false;
    file = read_bounded(dir + "/" + name, kMaxEntryBytes);
    if (file.problem != BoundedRead::Problem::none) return false;
    r = Reader{file.data};
    r.literal(magic);
    r.literal("stamp ");
    r.literal(stamp);
    if (!r.literal("\n")) return false;
    // used now: when the folder is pruned (by the day each entry was last
    // written or read), it goes after the entries no run has used since
    ::utimensat(AT_FDCWD, (dir + "/" + name).c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
    return true;
}

void write_entry(const std::string& name, std::string_view magic, std::string_view body) {
    std::string dir, stamp;
    if (!current(dir, stamp, true)) return;
    std::string text = fmt::format("{}stamp {}\n", magic, stamp);
    text += body;
    if (text.size() > kMaxEntryBytes) return;
    std::string temp = dir + "/.tmp-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return;
    const bool written = write_all(fd, text);
    if (::close(fd) != 0 || !written || ::rename(temp.c_str(), (dir + "/" + name).c_str()) != 0)
        ::unlink(temp.c_str());
    after_store(dir, text.size());
}


void use(const std::string& dir, std::string_view extra) {
    Config& c = config();
    std::lock_guard lock(c.mutex);
    c.dir.clear();
    c.made = false;
    c.listed = false;
    if (dir.empty() || dir.front() != '/' || extra.empty()) return;
    struct stat st{};
    if (::lstat(dir.c_str(), &st) == 0) {
        if (!usable_dir(dir)) return;
        c.made = true;
    } else if (errno != ENOENT) {
        return;
    }
    const std::string program = program_stamp();
    if (program.empty()) return;
    c.stamp = fmt::format("{} {}", program, extra);
    c.dir = dir;
}

bool Turns::take() {
    if (!on()) return false;
    std::lock_guard lock(mutex_);
    if (epoch_ != cache_epoch()) epoch_ = cache_epoch(), taken_ = 0;
    if (taken_ >= limit_) return false;
    ++taken_;
    return true;
}

bool on() {
    Config& c = config();
    std::lock_guard lock(c.mutex);
    return !c.dir.empty();
}

std::uint64_t hash64(std::string_view s, std::uint64_t h) {
    constexpr std::uint64_t kPrime = 0x100000001b3ull;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, sizeof word);
        h = (h ^ word) * kPrime;
        h ^= h >> 32;  // a multiplication carries only upward: the high bits folded down reach the next word's
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * kPrime;
    return h;
}

std::string file_identity(const char* path) {
    struct stat st{};
    if (::stat(path, &st) != 0) return {};
    return fmt::format("{}:{}:{}:{}.{}", st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

std::string hex(std::uint64_t hash) { return fmt::format("{:016x}", hash); }

std::string entry_name(std::uint64_t hash, Kind kind) {
    return hex(hash) + "." + std::string(kKindNames[static_cast<std::size_t>(kind)]);
}

bool Reader::literal(std::string_view s) {
    ok = ok && rest.substr(0, s.size()) == s;
    if (ok) rest.remove_prefix(s.size());
    return ok;
}

std::uint64_t Reader::number(char then) {
    std::uint64_t v = 0;
    auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
    ok = ok && ec == std::errc() && p != rest.data() && p < rest.data() + rest.size() && *p == then;
    if (ok) rest.remove_prefix(static_cast<std::size_t>(p - rest.data()) + 1);
    return ok ? v : 0;
}

std::string_view Reader::bytes(std::uint64_t n) {
    ok = ok && n <= rest.size();
    if (!ok) return {};
    std::string_view out = rest.substr(0, n);
    rest.remove_prefix(n);
    return out;
}

}  // namespace lerbrief::disk_cache
