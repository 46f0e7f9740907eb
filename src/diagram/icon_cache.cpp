#include "diagram/icon_cache.h"

#include <fmt/format.h>

#include "diagram/limits.h"
#include "diagram/rsvg_library.h"
#include "model/disk_cache.h"
#include "model/zlib_bytes.h"

namespace lerbrief::diagram {

namespace {

using disk_cache::hash64;
using disk_cache::Reader;

constexpr std::string_view kMagic = "lerbrief icon cache 2\n";
constexpr std::string_view kPictureMagic = "lerbrief picture cache 2\n";
constexpr std::size_t kMaxSide = 2048;  // kMaxIconPixels is kMaxSide², checked below
static_assert(kMaxSide * kMaxSide == limits::kMaxIconPixels);

// The file name: a hash of the SVG's bytes only (of a PNG's and the size it
// is scaled to), so that a new stamp replaces the entries of the one before
// instead of adding to them.
std::string icon_entry_name(std::string_view svg) { return disk_cache::entry_name(hash64(svg), disk_cache::Kind::icon); }
std::string picture_entry_name(std::string_view png, int width, int height) {
    return disk_cache::entry_name(hash64(fmt::format("{}x{}", width, height), hash64(png)), disk_cache::Kind::picture);
}

}  // namespace

void use_icon_cache(const std::string& dir) {
    const std::string rsvg = disk_cache::file_identity(rsvg_build_path());
    disk_cache::use(dir, rsvg.empty() ? std::string() : "librsvg " + rsvg);
}

bool icon_cache_on() { return disk_cache::on(); }

std::optional<CachedIcon> find_cached_icon(std::string_view svg) {
    BoundedRead file;
    Reader r;
    if (!disk_cache::open_entry(icon_entry_name(svg), kMagic, file, r)) return std::nullopt;
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
    disk_cache::write_entry(icon_entry_name(svg), kMagic, text);
}

std::optional<layout::ImageStreams> find_cached_picture(std::string_view png, int width, int height) {
    if (width <= 0 || height <= 0) return std::nullopt;
    BoundedRead file;
    Reader r;
    if (!disk_cache::open_entry(picture_entry_name(png, width, height), kPictureMagic, file, r)) return std::nullopt;
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
    disk_cache::write_entry(picture_entry_name(png, entry.width, entry.height), kPictureMagic, text);
}

std::string picture_streams_hash(std::string_view colour, std::string_view alpha) {
    return disk_cache::hex(hash64(alpha, hash64(fmt::format("{} {}", colour.size(), alpha.size()), hash64(colour))));
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
