#include "diagram/diagram_support.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "diagram/icon.h"
#include "diagram/icon_cache.h"
#include "layout/font.h"
#include "support/support.h"

namespace lerbrief::test {

CacheIn::CacheIn() { diagram::use_icon_cache(folder.string()); }
CacheIn::~CacheIn() { diagram::use_icon_cache(""); }

std::vector<fs::path> CacheIn::entries(const std::string& ending) const {
    std::vector<fs::path> out;
    if (fs::exists(folder))
        for (const auto& e : fs::directory_iterator(folder))
            if (e.path().string().ends_with(ending)) out.push_back(e.path());
    return out;
}

namespace {

// A pixel differs when any channel differs by more than this (of 255) …
constexpr int kChannelTolerance = 40;
// … and a render matches its golden when at most this fraction differs
// (anti-aliasing and FreeType versions move edges by a pixel).
constexpr double kMaxDifferingFraction = 0.004;

const char* const kMapGroups[] = {
    "Career Navigators", "Credentialing Organizations", "Data Standards Organizations", "Employers", "Funders",
    "Governance",        "HR Systems",                  "Learners & Earners",           "LER Technology Providers",
    "Supporting Systems"};

fs::path font_path(const char* file) { return source_dir() / "fonts" / file; }

bool updating() {
    const char* v = std::getenv("LERBRIEF_UPDATE_GOLDENS");
    return v && std::strcmp(v, "1") == 0;
}

}  // namespace

const diagram::Fonts& fonts() {
    static const diagram::Fonts f = [] {
        auto regular = layout::FontMetrics::load(font_path("LiberationSans-Regular.ttf").string());
        auto bold = layout::FontMetrics::load(font_path("LiberationSans-Bold.ttf").string());
        diagram::Fonts f;
        f.regular = 0;
        f.bold = 1;
        f.width = [regular, bold](std::string_view s, layout::FontId id, double size) {
            return (id == 1 ? bold : regular)->width(s, size);
        };
        f.ascender = regular->ascender() / 1000;
        f.descender = -regular->descender() / 1000;
        return f;
    }();
    return f;
}

const diagram::FontFiles& font_files() {
    static const diagram::FontFiles f = diagram::FontFiles::from_paths(
        {font_path("LiberationSans-Regular.ttf").string(), font_path("LiberationSans-Bold.ttf").string()});
    return f;
}

std::vector<std::string> phases() { return {"Developing", "Issuing", "Using", "Adopting"}; }

diagram::Input map_input() {
    diagram::Input in;
    in.phases = phases();
    for (const char* name : kMapGroups) {
        std::string id = name;
        for (auto& c : id) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        in.groups.push_back({id, name, {}, {}});
    }
    return in;
}

diagram::Input map_input_with_icons(double icon_size) {
    auto in = map_input();
    const char* icons[] = {"badge.svg", "document.svg", "person.svg"};
    for (std::size_t i = 0; i < in.groups.size(); ++i)
        in.groups[i].icon = diagram::load_icon((fixtures_dir() / "diagram" / "icons" / icons[i % 3]).string(), icon_size);
    return in;
}

diagram::Input synthetic_input(std::size_t n, bool long_names) {
    diagram::Input in;
    in.phases = phases();
    for (std::size_t i = 1; i <= n; ++i) {
        std::string label = long_names ? fmt::format("Credentialing Organizations and Very Long Named Partners {}", i)
                                       : fmt::format("Group {}", i);
        in.groups.push_back({fmt::format("g{}", i), label, {}, {}});
    }
    return in;
}

std::string compare_with_golden(const layout::Frame& frame, const std::string& name, double dpi) {
    auto actual = diagram::render_image(frame, font_files(), dpi);
    fs::path golden = fixtures_dir() / "diagram" / (name + ".png");
    if (updating()) {
        cairo_surface_write_to_png(actual.get(), golden.c_str());
        return {};
    }
    fs::path out_dir = fs::current_path() / "diagram-actual";
    fs::create_directories(out_dir);
    fs::path out = out_dir / (name + ".png");
    cairo_surface_write_to_png(actual.get(), out.c_str());

    diagram::SurfacePtr expected(cairo_image_surface_create_from_png(golden.c_str()));
    if (cairo_surface_status(expected.get()) != CAIRO_STATUS_SUCCESS)
        return fmt::format("{}: cannot read the golden (run with LERBRIEF_UPDATE_GOLDENS=1); actual: {}",
                           golden.string(), out.string());
    int w = cairo_image_surface_get_width(actual.get()), h = cairo_image_surface_get_height(actual.get());
    if (w != cairo_image_surface_get_width(expected.get()) || h != cairo_image_surface_get_height(expected.get()))
        return fmt::format("{}: size {}×{} differs from the golden's {}×{}; actual: {}", name, w, h,
                           cairo_image_surface_get_width(expected.get()),
                           cairo_image_surface_get_height(expected.get()), out.string());
    cairo_surface_flush(expected.get());
    const unsigned char* a = cairo_image_surface_get_data(actual.get());
    const unsigned char* e = cairo_image_surface_get_data(expected.get());
    int sa = cairo_image_surface_get_stride(actual.get()), se = cairo_image_surface_get_stride(expected.get());
    long differing = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w * 4; x += 4)
            for (int c = 0; c < 4; ++c)
                if (std::abs(a[y * sa + x + c] - e[y * se + x + c]) > kChannelTolerance) {
                    ++differing;
                    break;
                }
    double fraction = static_cast<double>(differing) / (static_cast<double>(w) * h);
    if (fraction <= kMaxDifferingFraction) {
        fs::remove(out);
        return {};
    }
    return fmt::format("{}: {:.2f}% of pixels differ (at most {:.2f}% allowed); actual: {}, golden: {}", name,
                       fraction * 100, kMaxDifferingFraction * 100, out.string(), golden.string());
}

}  // namespace lerbrief::test
