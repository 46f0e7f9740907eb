#include "diagram/icon_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <libxml/parser.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cairo.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <cstring>
#include <mutex>

#include "diagram/limits.h"
#include "diagram/raster_io.h"
#include "diagram/rsvg_library.h"

namespace lerbrief::diagram {

namespace {

constexpr std::string_view kMagic = "lerbrief icon cache 1\n";
// An entry holds an icon (kMaxIconBytes), its script (icon.cpp bounds it at
// 16 MiB) or a compressed raster (at most kMaxIconPixels × 4): a file larger
// than this is not ours.
constexpr std::uintmax_t kMaxEntryBytes = 40u * 1024 * 1024;

struct Config {
    std::mutex mutex;
    std::string dir;    // "" when off
    std::string stamp;  // this program and its libraries
};
Config& config() {
    static Config c;
    return c;
}

// The GNU build ID of the executable: it changes with any change to
// lerbrief's code. Empty when the linker wrote none.
std::string build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
            auto& hex = *static_cast<std::string*>(out);
            for (int i = 0; i < info->dlpi_phnum && hex.empty(); ++i) {
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
                        for (unsigned k = 0; k < n.n_descsz; ++k) hex += fmt::format("{:02x}", desc[k]);
                        break;
                    }
                    p = next;
                }
            }
            return 1;  // the first object is the executable itself
        },
        &id);
    return id;
}

// FNV-1a, 64 bits: only a file name; an entry is used only when its bytes
// match. The stamp is not in the name: a new build of lerbrief replaces the
// entries of the one before instead of adding to them.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

std::string entry_path(const std::string& dir, std::string_view svg) {
    return fmt::format("{}/{:016x}.icon", dir, fnv1a(svg));
}

// Past kMaxEntries, the oldest entries (by the time they were written) go,
// down to three quarters of it: the folder holds the icons of recent runs.
constexpr std::size_t kMaxEntries = 256;
void prune(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() != ".icon" && p.filename().string().rfind(".tmp-", 0) != 0) continue;
        std::error_code time_ec;
        const auto written = fs::last_write_time(p, time_ec);
        if (!time_ec) entries.emplace_back(written, p);
    }
    if (entries.size() <= kMaxEntries) return;
    std::sort(entries.begin(), entries.end());
    const std::size_t keep = kMaxEntries * 3 / 4;
    for (std::size_t i = 0; i + keep < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

// A folder of this user's that no one else may write: made when missing.
bool usable_dir(const std::string& dir) {
    std::string partial;
    for (std::size_t at = 0; at != std::string::npos;) {
        at = dir.find('/', at + 1);
        partial = dir.substr(0, at);
        if (!partial.empty()) ::mkdir(partial.c_str(), 0700);  // those that exist stay as they are
    }
    struct stat st{};
    return ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() &&
           (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
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

bool write_whole(int fd, std::string_view s) {
    while (!s.empty()) {
        const ssize_t n = ::write(fd, s.data(), s.size());
        if (n <= 0) return false;
        s.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

void use_icon_cache(const std::string& dir) {
    Config& c = config();
    std::lock_guard lock(c.mutex);
    c.dir.clear();
    if (dir.empty() || dir.front() != '/' || !usable_dir(dir)) return;
    // librsvg by its file, not its version: reading the version would load it
    const std::string id = build_id(), rsvg = rsvg_file_identity();
    if (id.empty() || rsvg.empty()) return;
    c.stamp = fmt::format("lerbrief {} cairo {} librsvg {} libxml2 {}", id, cairo_version_string(), rsvg,
                          xmlParserVersion);
    c.dir = dir;
}

std::optional<CachedIcon> find_cached_icon(std::string_view svg) {
    std::string dir, stamp;
    {
        Config& c = config();
        std::lock_guard lock(c.mutex);
        if (c.dir.empty()) return std::nullopt;
        dir = c.dir;
        stamp = c.stamp;
    }
    BoundedRead file = read_bounded(entry_path(dir, svg), kMaxEntryBytes);
    if (file.problem != BoundedRead::Problem::none) return std::nullopt;
    Reader r{file.data};
    r.literal(kMagic);
    r.literal("stamp ");
    r.literal(stamp);
    r.literal("\nsvg ");
    if (r.bytes(r.number('\n')) != svg || !r.ok) return std::nullopt;
    CachedIcon out;
    if (r.literal("art ")) {
        out.script = std::string(r.bytes(r.number('\n')));
        if (!r.ok || !r.rest.empty() || out.script.empty()) return std::nullopt;
        return out;
    }
    r.ok = true;
    r.literal("raster ");
    const std::uint64_t side = r.number(' ');
    const std::uint64_t why = r.number(' ');
    const std::uint64_t packed = r.number('\n');
    out.unsupported = std::string(r.bytes(why));
    const std::string_view deflated = r.bytes(packed);
    if (!r.ok || !r.rest.empty() || side == 0 || side * side > limits::kMaxIconPixels) return std::nullopt;
    out.side = static_cast<int>(side);
    out.rgba.resize(static_cast<std::size_t>(side * side * 4));
    uLongf size = static_cast<uLongf>(out.rgba.size());
    if (uncompress(out.rgba.data(), &size, reinterpret_cast<const Bytef*>(deflated.data()),
                   static_cast<uLong>(deflated.size())) != Z_OK ||
        size != out.rgba.size())
        return std::nullopt;
    return out;
}

void store_cached_icon(std::string_view svg, const CachedIcon& entry) {
    std::string dir, stamp;
    {
        Config& c = config();
        std::lock_guard lock(c.mutex);
        if (c.dir.empty()) return;
        dir = c.dir;
        stamp = c.stamp;
    }
    std::string text = fmt::format("{}stamp {}\nsvg {}\n", kMagic, stamp, svg.size());
    text += svg;
    if (!entry.script.empty()) {
        text += fmt::format("art {}\n", entry.script.size());
        text += entry.script;
    } else {
        if (entry.side <= 0 || entry.rgba.size() != static_cast<std::size_t>(entry.side) * entry.side * 4) return;
        std::string deflated(compressBound(static_cast<uLong>(entry.rgba.size())), '\0');
        uLongf size = static_cast<uLongf>(deflated.size());
        if (compress2(reinterpret_cast<Bytef*>(deflated.data()), &size, entry.rgba.data(),
                      static_cast<uLong>(entry.rgba.size()), Z_BEST_SPEED) != Z_OK)
            return;
        deflated.resize(size);
        text += fmt::format("raster {} {} {}\n", entry.side, entry.unsupported.size(), deflated.size());
        text += entry.unsupported;
        text += deflated;
    }
    // Written whole under a name of its own, then renamed over the entry: a
    // reader sees the old entry, the new one, or none.
    std::string temp = dir + "/.tmp-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return;
    const bool written = write_whole(fd, text);
    if (::close(fd) != 0 || !written || ::rename(temp.c_str(), entry_path(dir, svg).c_str()) != 0)
        ::unlink(temp.c_str());
    prune(dir);
}

}  // namespace lerbrief::diagram
