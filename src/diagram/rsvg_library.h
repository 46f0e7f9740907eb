#pragma once
// librsvg, loaded when an icon is first parsed (dlopen), not when lerbrief
// starts. It brings GLib, GIO, Pango, GdkPixbuf and a score of other
// libraries (about 5 MiB resident and a third of the start-up's relocations),
// and a run whose icons all come from the cache (icon_cache.h), or that draws
// no icon, needs none of them.
//
// The path is the one the build found (pkg-config's libdir), falling back to
// the library's soname; the Debian package depends on librsvg2-2 by name,
// since dpkg-shlibdeps no longer sees it (cmake/install.cmake).
#include <librsvg/rsvg.h>

#include <string>

namespace lerbrief::diagram {

struct RsvgCalls {
    decltype(&rsvg_handle_new_from_stream_sync) new_from_stream_sync;
    decltype(&rsvg_handle_render_document) render_document;
    decltype(&g_memory_input_stream_new_from_data) memory_input_stream_new_from_data;
    decltype(&g_object_unref) object_unref;
    decltype(&g_error_free) error_free;
    std::string version;  // "2.54.7", of the library loaded
};

struct RsvgLibrary {
    RsvgCalls calls{};
    std::string error;            // why it could not be loaded; empty when it was
    bool from_build_path = false;  // loaded from the file rsvg_file_identity names
};

// librsvg, loaded on the first call (thread-safe), or why it could not be.
const RsvgLibrary& rsvg_library();

// The librsvg file the build found, which rsvg_library() loads first: the
// icon cache names it by its file's identity, since reading its version
// would load it.
const char* rsvg_build_path();

}  // namespace lerbrief::diagram
