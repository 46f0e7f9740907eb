#include "diagram/icon_cache.h"

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
#include <filesystem>
#include <mutex>
#include <tuple>

#include "diagram/limits.h"
#include "diagram/raster_io.h"
#include "diagram/rsvg_library.h"
#include "model/write_all.h"
#include "model/zlib_bytes.h"

namespace lerbrief::diagram {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "lerbrief icon cache 2\n";
constexpr std::string_view kPictureMagic = "lerbrief picture cache 2\n";
constexpr std::size_t kMaxSide = 2048;  // kMaxIconPixels is kMaxSide², checked below
static_assert(kMaxSide * kMaxSide == limits::kMaxIconPixels);
// The largest entry lerbrief writes or reads, of either kind: a quarter of
// the folder's bytes (the icon, its script or rasters, or the PNG and its
// pixels, and the words around them). A larger file is not ours.
constexpr std::uintmax_t kMaxEntryBytes = limits::kMaxIconCacheBytes / 4;
// A temporary file older than this was left by a run that was killed.
constexpr auto kStaleTemporary = std::chrono::hours(1);

struct Config {
    std::mutex mutex;
    std::string dir;    // "" when off
    bool made = false;  // the folder exists and was found usable
    std::string stamp;  // this program and its libraries
};
Config& config() {
    static Config c;
    return c;
}

// FNV-1a, 64 bits.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ull) {
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

// A file as the stamp names it: device, inode, size and modification time;
// empty when there is no such file.
std::string file_identity(const char* path) {
    struct stat st{};
    if (::stat(path, &st) != 0) return {};
    return fmt::format("{}:{}:{}:{}.{}", st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
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
                w.libraries = fnv1a(fmt::format("{} {}\n", name, file_identity(name)), w.libraries);
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

// The file name: a hash of the SVG's bytes only (of a PNG's and the size it
// is scaled to), so that a new stamp replaces the entries of the one before
// instead of adding to them.
std::string icon_entry_name(std::string_view svg) { return fmt::format("{:016x}.icon", fnv1a(svg)); }
std::string picture_entry_name(std::string_view png, int width, int height) {
    return fmt::format("{:016x}.picture", fnv1a(fmt::format("{}x{}", width, height), fnv1a(png)));
}

bool is_entry_name(const std::string& n) {
    const bool icon = n.size() == 21 && n.ends_with(".icon"), picture = n.size() == 24 && n.ends_with(".picture");
    return (icon || picture) &&
           std::all_of(n.begin(), n.begin() + 16, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
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

// Past kMaxIconCacheEntries entries or kMaxIconCacheBytes, the oldest (by
// the time they were written) go, down to three quarters of both; temporary
// files of killed runs go after an hour. Only names lerbrief writes are
// touched.
void prune(const std::string& dir) {
    struct Entry {
        fs::file_time_type written;
        fs::path path;
        std::uintmax_t bytes = 0;
    };
    std::error_code ec;
    std::vector<Entry> entries;
    std::uintmax_t total = 0;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool entry = is_entry_name(name), temporary = is_temporary_name(name);
        std::error_code e;
        if ((!entry && !temporary) || !fs::is_regular_file(it->symlink_status(e))) continue;
        const auto written = fs::last_write_time(it->path(), e);
        if (e) continue;
        if (entry) {
            const std::uintmax_t bytes = fs::file_size(it->path(), e);
            if (e) continue;
            entries.push_back({written, it->path(), bytes});
            total += bytes;
        } else if (now - written > kStaleTemporary) {
            fs::remove(it->path(), e);
        }
    }
    if (entries.size() <= limits::kMaxIconCacheEntries && total <= limits::kMaxIconCacheBytes) return;
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return std::tie(a.written, a.path) < std::tie(b.written, b.path); });
    std::size_t left = entries.size();
    for (const Entry& e : entries) {
        if (left <= limits::kMaxIconCacheEntries * 3 / 4 && total <= limits::kMaxIconCacheBytes / 4 * 3) break;
        fs::remove(e.path, ec);
        --left;
        total -= e.bytes;
    }
}

// Reads the entry's fields in turn; any mismatch leaves it failed.
struct Reader {
    std::string_view rest;
    bool ok = true;
    bool literal(std::string_view s) {
        ok = ok && rest.substr(0, s.size()) == s;
        if (ok) rest.remove_prefix(s.size());
        return ok;
    }
    std::uint64_t number(char then) {
        std::uint64_t v = 0;
        auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
        ok = ok && ec == std::errc() && p != rest.data() && p < rest.data() + rest.size() && *p == then;
        if (ok) rest.remove_prefix(static_cast<std::size_t>(p - rest.data()) + 1);
        return ok ? v : 0;
    }
    std::string_view bytes(std::uint64_t n) {
        ok = ok && n <= rest.size();
        if (!ok) return {};
        std::string_view out = rest.substr(0, n);
        rest.remove_prefix(n);
        return out;
    }
};

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

// The entry `name` read whole, when the cache is on and it is there within
// kMaxEntryBytes, with `r` past its first words (`magic`, this run's stamp):
// false for anything else.
bool open_entry(const std::string& name, std::string_view magic, BoundedRead& file, Reader& r) {
    std::string dir, stamp;
    if (!current(dir, stamp, false)) return false;
    file = read_bounded(dir + "/" + name, kMaxEntryBytes);
    if (file.problem != BoundedRead::Problem::none) return false;
    r = Reader{file.data};
    r.literal(magic);
    r.literal("stamp ");
    r.literal(stamp);
    return r.literal("\n");
}

// Writes the entry `name`: `magic`, this run's stamp, then `body`; nothing
// over kMaxEntryBytes. Written whole under a name of its own, then renamed
// over the entry: a reader sees the old entry, the new one, or none.
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
    prune(dir);
}

}  // namespace

void use_icon_cache(const std::string& dir) {
    Config& c = config();
    std::lock_guard lock(c.mutex);
    c.dir.clear();
    c.made = false;
    if (dir.empty() || dir.front() != '/') return;
    struct stat st{};
    if (::lstat(dir.c_str(), &st) == 0) {
        if (!usable_dir(dir)) return;
        c.made = true;
    } else if (errno != ENOENT) {
        return;
    }
    const std::string program = program_stamp(), rsvg = file_identity(rsvg_build_path());
    if (program.empty() || rsvg.empty()) return;
    c.stamp = fmt::format("{} librsvg {}", program, rsvg);
    c.dir = dir;
}

bool icon_cache_on() {
    Config& c = config();
    std::lock_guard lock(c.mutex);
    return !c.dir.empty();
}

std::optional<CachedIcon> find_cached_icon(std::string_view svg) {
    BoundedRead file;
    Reader r;
    if (!open_entry(icon_entry_name(svg), kMagic, file, r)) return std::nullopt;
    r.literal("svg ");
    if (r.bytes(r.number('\n')) != svg || !r.ok) return std::nullopt;
    CachedIcon out;
    if (r.literal("art ")) {
        out.script = std::string(r.bytes(r.number('\n')));
        if (!r.ok || !r.rest.empty() || out.script.empty() || out.script.size() > limits::kMaxIconScriptBytes)
            return std::nullopt;
        return out;
    }
    r.ok = true;
    r.literal("raster ");
    const std::uint64_t why = r.number(' ');
    const std::uint64_t count = r.number('\n');
    out.unsupported = std::string(r.bytes(why));
    r.literal("\n");
    if (!r.ok || count == 0 || count > limits::kMaxIconCacheRasterSizes) return std::nullopt;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t side = r.number(' ');
        const std::string_view deflated = r.bytes(r.number('\n'));
        r.literal("\n");
        if (!r.ok || side == 0 || side > kMaxSide) return std::nullopt;
        out.rasters.emplace_back(static_cast<int>(side), std::string(deflated));
    }
    if (!r.rest.empty()) return std::nullopt;
    return out;
}

void store_cached_icon(std::string_view svg, const CachedIcon& entry) {
    if (!icon_cache_on()) return;
    std::string text = fmt::format("svg {}\n", svg.size());
    text += svg;
    if (!entry.script.empty()) {
        if (entry.script.size() > limits::kMaxIconScriptBytes) return;
        text += fmt::format("art {}\n", entry.script.size());
        text += entry.script;
    } else {
        if (entry.rasters.empty() || entry.rasters.size() > limits::kMaxIconCacheRasterSizes) return;
        text += fmt::format("raster {} {}\n", entry.unsupported.size(), entry.rasters.size());
        text += entry.unsupported;
        text += '\n';
        for (const auto& [side, deflated] : entry.rasters) {
            text += fmt::format("{} {}\n", side, deflated.size());
            text += deflated;
            text += '\n';
        }
    }
    write_entry(icon_entry_name(svg), kMagic, text);
}

std::optional<layout::ImageStreams> find_cached_picture(std::string_view png, int width, int height) {
    if (width <= 0 || height <= 0) return std::nullopt;
    BoundedRead file;
    Reader r;
    if (!open_entry(picture_entry_name(png, width, height), kPictureMagic, file, r)) return std::nullopt;
    r.literal("png ");
    if (r.bytes(r.number('\n')) != png || !r.ok) return std::nullopt;
    r.literal("\npdf ");
    layout::ImageStreams out;
    const std::uint64_t w = r.number(' '), h = r.number(' '), gray = r.number(' ');
    const std::uint64_t colour = r.number(' '), alpha = r.number(' ');
    const std::string_view hash = r.bytes(16);
    r.literal("\n");
    out.colour = std::string(r.bytes(colour));
    out.alpha = std::string(r.bytes(alpha));
    if (!r.ok || !r.rest.empty() || w != static_cast<std::uint64_t>(width) || h != static_cast<std::uint64_t>(height) ||
        gray > 1 || out.colour.empty() || hash != picture_streams_hash(out.colour, out.alpha))
        return std::nullopt;
    out.width = width;
    out.height = height;
    out.gray = gray == 1;
    return out;
}

void store_cached_picture(std::string_view png, const layout::ImageStreams& entry) {
    if (!icon_cache_on() || entry.colour.empty() || entry.width <= 0 || entry.height <= 0) return;
    std::string text = fmt::format("png {}\n", png.size());
    text += png;
    text += fmt::format("\npdf {} {} {} {} {} {}\n", entry.width, entry.height, entry.gray ? 1 : 0, entry.colour.size(),
                        entry.alpha.size(), picture_streams_hash(entry.colour, entry.alpha));
    text += entry.colour;
    text += entry.alpha;
    write_entry(picture_entry_name(png, entry.width, entry.height), kPictureMagic, text);
}

std::string picture_streams_hash(std::string_view colour, std::string_view alpha) {
    return fmt::format("{:016x}", fnv1a(alpha, fnv1a(fmt::format("{} {}", colour.size(), alpha.size()), fnv1a(colour))));
}

std::string deflate_rgba(const std::vector<std::uint8_t>& rgba) {
    return zlib_deflate({reinterpret_cast<const char*>(rgba.data()), rgba.size()}, Deflate::fast);
}

std::shared_ptr<layout::Raster> inflated_raster(std::string_view deflated, int width, int height, const std::string& key) {
    // no larger than an icon's raster may be
    if (width <= 0 || height <= 0 ||
        static_cast<std::size_t>(width) > limits::kMaxIconPixels / static_cast<std::size_t>(height))
        return nullptr;
    auto raster = std::make_shared<layout::Raster>();
    raster->key = key;
    raster->width = width;
    raster->height = height;
    if (!zlib_inflate_exactly(deflated, static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4,
                              raster->rgba))
        return nullptr;
    return raster;
}

}  // namespace lerbrief::diagram
