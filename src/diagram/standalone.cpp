// write_standalone(): the diagram alone in a file, for slides and print.
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>

#include "diagram/paint.h"

namespace lerbrief::diagram {

namespace {

namespace fs = std::filesystem;

enum class Format { pdf, svg, png };

Format format_of(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf") return Format::pdf;
    if (ext == ".svg") return Format::svg;
    if (ext == ".png") return Format::png;
    throw PaintError(fmt::format("{}: unknown diagram format '{}' (use .pdf, .svg or .png)", path, ext));
}

// Beside the target, named for this process (as app/atomic_file.cpp names
// its files), so two runs writing the same diagram never share one.
std::string partial_name(const std::string& path) {
    static std::mt19937_64 rng{std::random_device{}()};
    const fs::path p(path);
    return (p.parent_path() / fmt::format(".{}.tmp-{}-{}", p.filename().string(), ::getpid(), rng() % 1'000'000'000))
        .string();
}

// The written file on disk before it is renamed over the target.
void flush_to_disk(const std::string& file, const std::string& path) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!ok) throw PaintError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
}

void check_surface(cairo_surface_t* s, const std::string& path) {
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw PaintError(fmt::format("{}: cannot write: {}", path, cairo_status_to_string(cairo_surface_status(s))));
}

// A vector surface of the frame's size × scale, painted and finished.
void write_vector(Format format, const layout::Frame& frame, const std::string& to, const std::string& path,
                  const FontFiles& fonts, double scale, const std::string& pdf_date) {
    double w = frame.width * scale, h = frame.height * scale;
    SurfacePtr surface(format == Format::pdf ? cairo_pdf_surface_create(to.c_str(), w, h)
                                             : cairo_svg_surface_create(to.c_str(), w, h));
    check_surface(surface.get(), path);
    if (format == Format::pdf) {
        // Cairo stamps the clock as CreationDate unless told a date: the same
        // input must give the same bytes.
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, pdf_date.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "LER Ecosystem Map");
    }
    {
        ContextPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), scale, scale);
        paint(cr.get(), frame, fonts);
    }
    cairo_surface_finish(surface.get());
    check_surface(surface.get(), path);
}

}  // namespace

void write_standalone(const layout::Frame& frame, const std::string& path, const FontFiles& fonts, double scale,
                      double dpi, const std::string& pdf_date) {
    Format format = format_of(path);
    if (!(scale > 0) || !(dpi > 0)) throw PaintError(fmt::format("{}: scale and dpi must be positive", path));
    std::string partial = partial_name(path);
    try {
        if (format == Format::png) {
            auto surface = render_image(frame, fonts, dpi * scale);
            if (cairo_surface_write_to_png(surface.get(), partial.c_str()) != CAIRO_STATUS_SUCCESS)
                throw PaintError(fmt::format("{}: cannot write the PNG", path));
        } else {
            write_vector(format, frame, partial, path, fonts, scale, pdf_date);
        }
        flush_to_disk(partial, path);
        std::error_code ec;
        fs::rename(partial, path, ec);
        if (ec) throw PaintError(fmt::format("{}: cannot write: {}", path, ec.message()));
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw;
    }
}

}  // namespace lerbrief::diagram
