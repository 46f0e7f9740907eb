#include "diagram/icon.h"

#include <fmt/format.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

#include "diagram/cairo_ptr.h"
#include "diagram/limits.h"
#include "diagram/raster_io.h"
#include "diagram/style.h"
#include "diagram/svg_guard.h"
#include "model/cache_epoch.h"

namespace lerbrief::diagram {

namespace {

constexpr double kMutedLift = 0.6;  // fraction of the way from the icon's gray to white

struct GObjectDeleter {
    void operator()(gpointer p) const { g_object_unref(p); }
};
struct GErrorDeleter {
    void operator()(GError* e) const { g_error_free(e); }
};
using ErrorPtr = std::unique_ptr<GError, GErrorDeleter>;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw IconError(fmt::format("{}: icon: {}", path, what));
}

std::string read_limited(const std::string& path) {
    using P = BoundedRead::Problem;
    BoundedRead r = read_bounded(path, limits::kMaxIconBytes);
    switch (r.problem) {
        case P::none: break;
        case P::missing: fail(path, "no such file");
        case P::not_regular: fail(path, "not a regular file");
        case P::unreadable: fail(path, r.detail.empty() ? "cannot read the file" : "cannot read the file (" + r.detail + ")");
        case P::too_large:
            throw IconOverLimit(fmt::format("{}: icon: {} bytes is over the {} byte limit for an icon", path, r.size,
                                     limits::kMaxIconBytes));
        case P::grew: fail(path, "the file grew past the icon size limit while read");
    }
    return std::move(r.data);
}

}  // namespace

std::shared_ptr<layout::Raster> rasterize_svg(const std::string& path, double printed_size_pt, double dpi) {
    if (path.find("://") != std::string::npos) fail(path, "a URL; icons are read from local files only");
    double side = std::ceil(printed_size_pt / 72.0 * dpi - 1e-9);
    if (!(side >= 1) || side * side > static_cast<double>(limits::kMaxIconPixels))
        throw IconOverLimit(fmt::format("{}: icon: {:g} pt at {:g} dpi is over the {} pixel limit for an icon", path,
                                        printed_size_pt, dpi, limits::kMaxIconPixels));
    const int px = static_cast<int>(side);
    std::string svg = read_limited(path);
    guard_svg(path, svg);  // before librsvg sees it: allowlist, references, bounded work

    std::unique_ptr<GInputStream, GObjectDeleter> stream(
        g_memory_input_stream_new_from_data(svg.data(), static_cast<gssize>(svg.size()), nullptr));
    GError* raw = nullptr;
    // No base file and no flags: see icon.h.
    std::unique_ptr<RsvgHandle, GObjectDeleter> handle(
        rsvg_handle_new_from_stream_sync(stream.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &raw));
    ErrorPtr error(raw);
    if (!handle) fail(path, fmt::format("not a valid SVG ({})", error ? error->message : "unknown error"));

    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px, px));
    ContextPtr cr(cairo_create(surface.get()));
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) fail(path, "cannot allocate the raster");
    RsvgRectangle viewport{0, 0, side, side};
    raw = nullptr;
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw)) {
        error.reset(raw);
        fail(path, fmt::format("cannot render ({})", error ? error->message : "unknown error"));
    }
    return raster_from_surface(surface.get(), path);
}

namespace {
std::string cache_key(const layout::Raster& r) { return fmt::format("{}|{}x{}", r.key, r.width, r.height); }
}  // namespace

std::shared_ptr<const layout::Raster> muted_icon(const layout::Raster& icon) {
    // Every diagram but the highlighted group's mutes the same icons: each is
    // muted once per process (rasters with the same key are the same picture).
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const layout::Raster>> done;
    static unsigned epoch = 0;
    {
        std::lock_guard lock(mutex);
        renew_cache(epoch, done);
        if (auto it = done.find(cache_key(icon)); it != done.end()) return it->second;
    }
    auto out = std::make_shared<layout::Raster>(icon);
    out->key = icon.key + "#muted";
    // Icons are flat fills with anti-aliased edges: few distinct colours, each
    // computed once.
    std::unordered_map<std::uint32_t, std::uint8_t> gray;
    for (std::size_t i = 0; i + 3 < out->rgba.size(); i += 4) {
        auto* p = &out->rgba[i];
        const std::uint32_t rgb = std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | p[2];
        auto [it, fresh] = gray.try_emplace(rgb, 0);
        if (fresh) {
            double l = relative_luminance({p[0] / 255.0, p[1] / 255.0, p[2] / 255.0});
            double y = std::pow(l, 1 / 2.2);  // back to an sRGB gray value
            double v = y + (1 - y) * kMutedLift;
            it->second = static_cast<std::uint8_t>(std::lround(v * 255));
        }
        p[0] = p[1] = p[2] = it->second;
    }
    std::lock_guard lock(mutex);
    return done.emplace(cache_key(icon), std::move(out)).first->second;
}

std::string cairo_version() { return cairo_version_string(); }
std::string librsvg_version() {
    return fmt::format("{}.{}.{}", rsvg_major_version, rsvg_minor_version, rsvg_micro_version);
}

}  // namespace lerbrief::diagram
