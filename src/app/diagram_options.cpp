#include "app/diagram_options.h"

#include <cctype>
#include <cmath>
#include <filesystem>

#include "messages/cli.h"
#include "model/length.h"
#include "model/limits.h"

namespace lerbrief {

namespace {

// The standalone diagram: a 16:9 slide in points.
constexpr double kSlideWidth = 960, kSlideHeight = 540;

// The extension in lower case, as diagram::write_standalone reads it.
std::string extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

std::optional<std::pair<double, double>> parse_diagram_size(const std::string& s) {
    if (s.empty() || s == "slide") return std::pair{kSlideWidth, kSlideHeight};
    if (s == "square") return std::pair{kSlideHeight, kSlideHeight};
    if (s == "letter") return std::pair{Length::in(11).points(), Length::in(8.5).points()};
    if (s == "a4") return std::pair{Length::mm(297).points(), Length::mm(210).points()};
    auto x = s.find('x');
    if (x == std::string::npos) return std::nullopt;
    auto w = Length::parse_with_unit(s.substr(0, x)), h = Length::parse_with_unit(s.substr(x + 1));
    if (!w || !h || w->points() < 72 || h->points() < 72 || w->points() > 14400 || h->points() > 14400)
        return std::nullopt;
    return std::pair{w->points(), h->points()};
}

std::pair<long long, long long> diagram_pixels(std::pair<double, double> size_pt, int dpi) {
    const double k = dpi / 72.0;
    auto px = [k](double pt) { return std::max(1LL, static_cast<long long>(std::ceil(pt * k - 1e-6))); };
    return {px(size_pt.first), px(size_pt.second)};
}

bool check_diagram_options(const Options& o, Diagnostics& diags) {
    if (o.mode != Mode::diagram) return true;
    const std::string ext = extension(o.diagram_path);
    if (ext != ".pdf" && ext != ".svg" && ext != ".png") {
        msg::unknown_diagram_format(diags, o.diagram_path);
        return false;
    }
    const auto size = parse_diagram_size(o.diagram_size);
    if (!size) {
        const auto x = o.diagram_size.find('x');
        if (x != std::string::npos && (Length::is_bare_number(o.diagram_size.substr(0, x)) ||
                                       Length::is_bare_number(o.diagram_size.substr(x + 1))))
            msg::size_without_unit(diags, o.diagram_size);
        else
            msg::bad_diagram_size(diags, o.diagram_size);
        return false;
    }
    if (ext != ".png") return true;
    const auto [w, h] = diagram_pixels(*size, o.dpi);
    if (static_cast<unsigned long long>(w * h) <= limits::kMaxDiagramPixels) return true;
    msg::png_too_large(diags, o.diagram_size.empty() ? "slide" : o.diagram_size, o.dpi, w, h);
    return false;
}

}  // namespace lerbrief
