// Fuzz target: the cache's entries of icons and pictures (diagram/icon_cache.h)
// and of parsed YAML (load/yaml_cache.h), read back as a warm run reads them. The cache sits in the user's own
// folder, but an entry may be cut by a full disk, edited, or left by another
// program: whatever it holds must be a miss or the drawing it stands for,
// never a crash, a hang or a huge allocation. Each input becomes the rest of
// an entry after the words a real entry starts with (the magic, this run's
// stamp, and the bundled funders icon's bytes, a small picture's, or the
// bundled phases.yaml's), so the fuzzer works on what follows: an icon's
// "art" script or "raster" sizes, a picture's "pdf" line and streams, or a
// YAML file's tree. The first byte chooses the kind (bit 1 set: YAML; else
// bit 0 set: a picture; else an icon). The icon is then loaded and muted, the
// picture loaded, the YAML file read, as the diagram, the booklet and the
// loader do; a miss loads the file again and rewrites the entry, which the
// next input replaces. A YAML input is the tree, written with its own hash
// (the entry's check of damage), so the fuzzer works on the tree reader.
// Nothing is expected to be thrown, and the YAML file always reads (from its
// entry, or afresh).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "diagram/cairo_ptr.h"
#include "diagram/icon.h"
#include "diagram/icon_cache.h"
#include "diagram/picture.h"
#include "fuzz_support.h"
#include "load/yaml_tree.h"
#include "model/cache_epoch.h"
#include "model/disk_cache.h"

using namespace lerbrief;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The only file in `dir` whose name ends with `ending`.
fs::path entry(const fs::path& dir, const std::string& ending) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().string().ends_with(ending)) return e.path();
    throw std::runtime_error("no " + ending + " entry was stored");
}

// `text` up to the end of the bytes its "LABEL N\n" line counts, and `more`.
std::string head(const std::string& text, const std::string& label, std::size_t more) {
    const std::size_t at = text.find(label);
    if (at == std::string::npos) throw std::runtime_error("an entry without" + label);
    const std::size_t count = std::stoul(text.substr(at + label.size()));
    return text.substr(0, text.find('\n', at + label.size()) + 1 + count + more);
}

struct Setup {
    fs::path dir = fs::path(fuzz::scratch_dir()) / "cache";
    std::string svg = (fs::path(fuzz::source_dir()) / "data" / "icons" / "funders.svg").string();
    std::string png = (fs::path(fuzz::scratch_dir()) / "picture.png").string();
    std::string yaml = (fs::path(fuzz::source_dir()) / "data" / "phases.yaml").string();
    fs::path icon_entry, picture_entry, yaml_entry;
    std::string icon_head, picture_head;  // a real entry's words up to what the input replaces
    std::string yaml_stamp, yaml_bytes;   // a YAML entry's words up to its "yaml" line; the file
    Setup() {
        // a picture of 400 × 300, scaled to 300 × 225 at 72 pt: small, so that a miss decodes it quickly
        diagram::SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 300));
        diagram::ContextPtr cr(cairo_create(s.get()));
        cairo_set_source_rgba(cr.get(), 0.9, 0.6, 0.1, 1);
        cairo_arc(cr.get(), 200, 150, 120, 0, 6.3);
        cairo_fill(cr.get());
        if (cairo_surface_write_to_png(s.get(), png.c_str()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("no PNG");
        Diagnostics quiet;
        yaml_bytes = read_file(yaml);
        diagram::use_icon_cache(dir.string());
        diagram::load_icon(svg, 40);
        diagram::load_picture(png, 72);
        if (!load::read_yaml_file(yaml, quiet)) throw std::runtime_error("phases.yaml does not load");
        icon_entry = entry(dir, ".icon");
        picture_entry = entry(dir, ".picture");
        yaml_entry = entry(dir, ".yaml");
        icon_head = head(read_file(icon_entry), "\nsvg ", 0);
        picture_head = head(read_file(picture_entry), "\npng ", 1);  // and the newline after the PNG
        const std::string text = read_file(yaml_entry);
        yaml_stamp = text.substr(0, text.find("\nyaml ") + 1);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Setup setup;
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    start_cache_epoch();
    if (data[0] & 2) {  // the input is the tree, named by its own hash
        fuzz::write_file(setup.yaml_entry.string(),
                         fmt::format("{}yaml {} {}\n{}\n{}", setup.yaml_stamp, setup.yaml_bytes.size(),
                                     disk_cache::hex(disk_cache::hash64(rest)), setup.yaml_bytes, rest));
        Diagnostics diags;
        const auto tree = load::read_yaml_file(setup.yaml, diags);
        if (!tree) throw std::logic_error("phases.yaml did not read");
        return 0;
    }
    if (data[0] & 1) {
        fuzz::write_file(setup.picture_entry.string(), setup.picture_head + std::string(rest));
        auto picture = diagram::load_picture(setup.png, 72);
        return static_cast<int>(picture->rgba.size() == 1);
    }
    fuzz::write_file(setup.icon_entry.string(), setup.icon_head + std::string(rest));
    auto icon = diagram::load_icon(setup.svg, 40);
    auto muted = diagram::muted_icon(icon);
    return muted.art ? static_cast<int>(muted.art->items.size() == 1) : static_cast<int>(muted.raster->rgba.size() == 1);
}
