#include "diagram/icon.h"

#include <fmt/format.h>
#include <cairo-script.h>

#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "diagram/cairo_ptr.h"
#include "diagram/icon_cache.h"
#include "diagram/icon_script.h"
#include "diagram/limits.h"
#include "diagram/raster_io.h"
#include "diagram/rsvg_library.h"
#include "diagram/style.h"
#include "diagram/svg_guard.h"
#include "model/bounded_read.h"
#include "model/cache_epoch.h"

namespace lerbrief::diagram {

namespace {

constexpr double kMutedLift = 0.6;  // fraction of the way from the icon's gray to white
constexpr double kRasterDpi = 300;  // an icon that is not art, as rasterize_svg draws it by default
constexpr double kArtSide = 100;   // units a side of an icon's art (Cairo's script writes 6 decimals)

// A muted icon's colour: its luminance as an sRGB gray, lifted toward white.
layout::Color muted_color(const layout::Color& c) {
    double l = relative_luminance(c);
    double y = std::pow(l, 1 / 2.2);  // back to an sRGB gray value
    double v = y + (1 - y) * kMutedLift;
    return {v, v, v};
}


// Only made once librsvg is loaded.
struct GObjectDeleter {
    void operator()(gpointer p) const { rsvg_library().calls.object_unref(p); }
};
struct GErrorDeleter {
    void operator()(GError* e) const { rsvg_library().calls.error_free(e); }
};
using ErrorPtr = std::unique_ptr<GError, GErrorDeleter>;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw IconError(fmt::format("{}: icon: {}", path, what));
}

// librsvg's calls, loaded the first time an icon is parsed.
const RsvgCalls& rsvg(const std::string& path) {
    const RsvgLibrary& lib = rsvg_library();
    if (!lib.error.empty()) fail(path, fmt::format("librsvg cannot be loaded ({})", lib.error));
    return lib.calls;
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

namespace {

using HandlePtr = std::unique_ptr<RsvgHandle, GObjectDeleter>;

// The icon's file, read within the limit.
std::string read_svg(const std::string& path) {
    if (path.find("://") != std::string::npos) fail(path, "a URL; icons are read from local files only");
    return read_limited(path);
}

// The icon's bytes checked and parsed by librsvg; `cost`, when given,
// receives what the check measured.
HandlePtr parse_svg(const std::string& path, const std::string& svg, SvgCost* cost = nullptr) {
    const SvgCost measured = guard_svg(path, svg);
    if (cost) *cost = measured;  // before librsvg sees it: allowlist, references, bounded work
    const RsvgCalls& lib = rsvg(path);
    std::unique_ptr<GInputStream, GObjectDeleter> stream(
        lib.memory_input_stream_new_from_data(svg.data(), static_cast<gssize>(svg.size()), nullptr));
    GError* raw = nullptr;
    // No base file and no flags: see icon.h.
    HandlePtr handle(lib.new_from_stream_sync(stream.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &raw));
    ErrorPtr error(raw);
    if (!handle) fail(path, fmt::format("not a valid SVG ({})", error ? error->message : "unknown error"));
    return handle;
}

void render(const std::string& path, RsvgHandle* handle, cairo_t* cr, double side) {
    RsvgRectangle viewport{0, 0, side, side};
    GError* raw = nullptr;
    if (!rsvg(path).render_document(handle, cr, &viewport, &raw)) {
        ErrorPtr error(raw);
        fail(path, fmt::format("cannot render ({})", error ? error->message : "unknown error"));
    }
}

// Called from inside Cairo: nothing may unwind through it. A script past
// the bound stops the recording, and the icon is drawn as a raster.
struct Script {
    std::string text;
    bool cut = false;  // not all of it: never replayed
};
cairo_status_t append_script(void* out, const unsigned char* data, unsigned int length) {
    auto* script = static_cast<Script*>(out);
    if (script->cut || script->text.size() + length > limits::kMaxIconScriptBytes) {
        script->cut = true;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    try {
        script->text.append(reinterpret_cast<const char*>(data), length);
    } catch (...) {
        script->cut = true;
        return CAIRO_STATUS_NO_MEMORY;
    }
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

namespace {

// The pixel side of `printed_size_pt` at `dpi`, refused over the limit
// before anything is read or allocated.
int raster_side(const std::string& path, double printed_size_pt, double dpi) {
    double side = std::ceil(printed_size_pt / 72.0 * dpi - 1e-9);
    if (!(side >= 1) || side * side > static_cast<double>(limits::kMaxIconPixels))
        throw IconOverLimit(fmt::format("{}: icon: {:g} pt at {:g} dpi is over the {} pixel limit for an icon", path,
                                        printed_size_pt, dpi, limits::kMaxIconPixels));
    return static_cast<int>(side);
}

std::shared_ptr<layout::Raster> raster_of(const std::string& path, RsvgHandle* handle, int px) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, px, px));
    ContextPtr cr(cairo_create(surface.get()));
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) fail(path, "cannot allocate the raster");
    render(path, handle, cr.get(), px);
    return raster_from_surface(surface.get(), path);
}

// `recorded` receives the script replayed, when it is replayed.
ScriptArt art_of(const std::string& path, RsvgHandle* handle, std::string* recorded = nullptr) {
    Script script;
    {
        DevicePtr device(cairo_script_create_for_stream(append_script, &script));
        SurfacePtr surface(cairo_script_surface_create(device.get(), CAIRO_CONTENT_COLOR_ALPHA, kArtSide, kArtSide));
        ContextPtr cr(cairo_create(surface.get()));
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) fail(path, "cannot record the drawing");
        // Cairo 1.16's script surface refuses some paths an image surface
        // draws (a lone horizontal line: InvalidPathData): such an icon is
        // not art, and the raster says whether it is broken.
        RsvgRectangle viewport{0, 0, kArtSide, kArtSide};
        GError* raw = nullptr;
        if (!rsvg(path).render_document(handle, cr.get(), &viewport, &raw)) {
            ErrorPtr error(raw);
            return {nullptr, fmt::format("a path Cairo's script surface refuses ({})", error ? error->message : "unknown error")};
        }
        cr.reset();
        cairo_surface_finish(surface.get());
    }  // the device is finished and flushed here
    if (script.cut)
        return {nullptr, fmt::format("a drawing of over {} MB as a script", limits::kMaxIconScriptBytes >> 20)};
    ScriptArt art = replay_script(script.text, kArtSide);
    if (art.frame && recorded) *recorded = std::move(script.text);
    return art;
}

// What an earlier run made of these bytes (icon_cache.h): its art, or its
// raster at this size; nothing when neither is stored. Only for a hit is
// the size computed, for a raster: a miss computes it there too (after the
// checks the hit's bytes passed), so the same error comes first either way.
std::optional<layout::Icon> cached_icon(const std::string& path, const CachedIcon& hit, double printed_size_pt,
                                        std::string* why_raster) {
    if (!hit.script.empty()) {
        ScriptArt art = replay_script(hit.script, kArtSide);
        if (!art.frame) return std::nullopt;
        return layout::Icon{art.frame, nullptr};
    }
    const int side = raster_side(path, printed_size_pt, kRasterDpi);
    for (const auto& [s, deflated] : hit.rasters) {
        if (s != side) continue;
        auto raster = inflated_raster(deflated, side, side, path);
        if (!raster) return std::nullopt;
        if (why_raster) *why_raster = hit.unsupported;
        return layout::Icon{nullptr, std::move(raster)};
    }
    return std::nullopt;
}

}  // namespace

std::shared_ptr<layout::Raster> rasterize_svg(const std::string& path, double printed_size_pt, double dpi) {
    if (path.find("://") != std::string::npos) fail(path, "a URL; icons are read from local files only");
    const int px = raster_side(path, printed_size_pt, dpi);
    HandlePtr handle = parse_svg(path, read_svg(path));
    return raster_of(path, handle.get(), px);
}

ScriptArt svg_art(const std::string& path) {
    HandlePtr handle = parse_svg(path, read_svg(path));
    return art_of(path, handle.get());
}

// The file is read, checked and parsed once, for the art and, when there is
// none, for the raster; or not parsed at all, when an earlier run stored
// what it made of the same bytes.
layout::Icon load_icon(const std::string& path, double printed_size_pt, std::string* why_raster) {
    const std::string svg = read_svg(path);
    std::optional<CachedIcon> hit = find_cached_icon(svg);
    if (hit)
        if (auto icon = cached_icon(path, *hit, printed_size_pt, why_raster)) return *icon;
    SvgCost cost;
    HandlePtr handle = parse_svg(path, svg, &cost);
    // Kept only what the file's bytes alone decide: not text, which librsvg
    // sets with this machine's fonts, and only what the build's librsvg made.
    const bool keep = icon_cache_on() && cost.text == 0 && rsvg_library().from_build_path;
    CachedIcon made;
    ScriptArt art = art_of(path, handle.get(), keep ? &made.script : nullptr);
    if (art.frame) {
        if (keep) store_cached_icon(svg, made);
        return {art.frame, nullptr};
    }
    if (why_raster) *why_raster = art.unsupported;
    auto raster = raster_of(path, handle.get(), raster_side(path, printed_size_pt, kRasterDpi));
    if (keep) {
        made.unsupported = art.unsupported;
        if (hit && hit->script.empty())  // the other sizes stay, the oldest going past the limit
            for (auto& r : hit->rasters)
                if (r.first != raster->width) made.rasters.push_back(std::move(r));
        while (made.rasters.size() >= limits::kMaxIconCacheRasterSizes) made.rasters.erase(made.rasters.begin());
        made.rasters.emplace_back(raster->width, deflate_rgba(raster->rgba));
        if (!made.rasters.back().second.empty()) store_cached_icon(svg, made);
    }
    return {nullptr, std::move(raster)};
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
        if (fresh) it->second = static_cast<std::uint8_t>(std::lround(muted_color({p[0] / 255.0, p[1] / 255.0, p[2] / 255.0}).r * 255));
        p[0] = p[1] = p[2] = it->second;
    }
    std::lock_guard lock(mutex);
    return done.emplace(cache_key(icon), std::move(out)).first->second;
}

layout::Icon muted_icon(const layout::Icon& icon) {
    if (icon.raster) return {nullptr, muted_icon(*icon.raster)};
    if (!icon.art) return {};
    // Each document's diagrams mute the same art: once per process.
    static MadeFrom<layout::Frame, layout::Frame> muted_art;
    const auto muted =
        muted_art.get(icon.art, [](const layout::Frame& art) { return layout::recoloured(art, muted_color); });
    return {muted, nullptr};
}

std::string cairo_version() { return cairo_version_string(); }
std::string librsvg_version() {
    const RsvgLibrary& lib = rsvg_library();
    return lib.error.empty() ? lib.calls.version : fmt::format("not loaded ({})", lib.error);
}

}  // namespace lerbrief::diagram
