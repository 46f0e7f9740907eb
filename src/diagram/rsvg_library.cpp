#include "diagram/rsvg_library.h"

#include <dlfcn.h>
#include <fmt/format.h>

namespace lerbrief::diagram {

namespace {

constexpr const char* kSoname = "librsvg-2.so.2";

template <class F>
void find(void* lib, const char* name, F& out, std::string& error) {
    out = reinterpret_cast<F>(dlsym(lib, name));
    if (!out && error.empty()) error = fmt::format("{} has no {}", kSoname, name);
}

RsvgLibrary load() {
    RsvgLibrary l;
    // Never closed: GLib cannot be unloaded. The build's file first; its
    // error is the one said, as the soname names the same file on Debian.
    void* lib = dlopen(LERBRIEF_RSVG_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    l.from_build_path = lib != nullptr;
    if (!lib) {
        const char* why = dlerror();
        l.error = why ? why : LERBRIEF_RSVG_LIBRARY;
        lib = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
        if (!lib) return l;
        l.error.clear();
    }
    RsvgCalls& c = l.calls;
    find(lib, "rsvg_handle_new_from_stream_sync", c.new_from_stream_sync, l.error);
    find(lib, "rsvg_handle_render_document", c.render_document, l.error);
    // GIO, GObject and GLib are librsvg's own dependencies: found through its handle
    find(lib, "g_memory_input_stream_new_from_data", c.memory_input_stream_new_from_data, l.error);
    find(lib, "g_object_unref", c.object_unref, l.error);
    find(lib, "g_error_free", c.error_free, l.error);
    const guint* major = nullptr;
    const guint* minor = nullptr;
    const guint* micro = nullptr;
    find(lib, "rsvg_major_version", major, l.error);
    find(lib, "rsvg_minor_version", minor, l.error);
    find(lib, "rsvg_micro_version", micro, l.error);
    if (l.error.empty()) c.version = fmt::format("{}.{}.{}", *major, *minor, *micro);
    return l;
}

}  // namespace

const RsvgLibrary& rsvg_library() {
    static const RsvgLibrary loaded = load();
    return loaded;
}

const char* rsvg_build_path() { return LERBRIEF_RSVG_LIBRARY; }

}  // namespace lerbrief::diagram
