#include "app/diagram_options.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <ostream>

#include "model/diagnostic.h"
#include "model/length.h"
#include "model/limits.h"

namespace lerbrief {

namespace {

// The standalone diagram: a 16:9 slide in points.
constexpr double kSlideWidth = 960, kSlideHeight = 540;

bool is_png(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".png";
}

}  // namespace

std::optional<std::pair<double, double>> parse_diagram_size(const std::string& s) {
    if (s.empty() || s == "slide") return std::pair{kSlideWidth, kSlideHeight};
    if (s == "square") return std::pair{kSlideHeight, kSlideHeight};
    if (s == "letter") return std::pair{Length::in(11).points(), Length::in(8.5).points()};
    if (s == "a4") return std::pair{Length::mm(297).points(), Length::mm(210).points()};
    auto x = s.find('x');
    if (x == std::string::npos) return std::nullopt;
    auto w = Length::parse(s.substr(0, x)), h = Length::parse(s.substr(x + 1));
    if (!w || !h || w->points() < 72 || h->points() < 72 || w->points() > 14400 || h->points() > 14400)
        return std::nullopt;
    return std::pair{w->points(), h->points()};
}

std::pair<long long, long long> diagram_pixels(std::pair<double, double> size_pt, int dpi) {
    const double k = dpi / 72.0;
    auto px = [k](double pt) { return std::max(1LL, static_cast<long long>(std::ceil(pt * k - 1e-6))); };
    return {px(size_pt.first), px(size_pt.second)};
}

std::optional<ExitStatus> check_diagram_options(const Options& o, std::ostream& err) {
    if (o.mode != Mode::diagram || !is_png(o.diagram_path)) return std::nullopt;
    const auto size = parse_diagram_size(o.diagram_size);
    if (!size) return std::nullopt;  // produce() names a size that is not one
    const auto [w, h] = diagram_pixels(*size, o.dpi);
    if (static_cast<unsigned long long>(w * h) <= limits::kMaxDiagramPixels) return std::nullopt;
    const std::string size_name = o.diagram_size.empty() ? "slide" : o.diagram_size;
    err << format(Diagnostic{Severity::error, {},
                             fmt::format("--size {} at --dpi {} is {} × {} pixels, more than the {} a PNG may have",
                                         size_name, o.dpi, w, h, limits::kMaxDiagramPixels),
                             "lower --dpi or --size, or write the diagram as .svg or .pdf"},
                  o.color)
        << '\n';
    return ExitStatus::usage_error;
}

}  // namespace lerbrief
