// The ecosystem diagram and the participation matrix, from content and
// layout: labels measured with the document's own fonts (the diagram's text
// is real PDF text), colours from the layout's palette, icons rasterised once
// per process at print resolution.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>

#include "compose/compose.h"
#include "compose/figures.h"
#include "diagram/draw.h"
#include "diagram/icon.h"
#include "diagram/geometry.h"
#include "diagram/label.h"
#include "diagram/limits.h"
#include "diagram/matrix.h"
#include "diagram/picture.h"
#include "messages/compose.h"
#include "layout/paragraph.h"
#include "messages/output.h"
#include "model/markup.h"
#include "model/cache_epoch.h"

namespace lerbrief::compose {

using namespace layout;

namespace {

diagram::Fonts diagram_fonts(const Tools& t) {
    diagram::Fonts f;
    f.regular = t.fonts->id("heading");
    f.bold = t.fonts->id("heading-bold");
    const FontSet* fonts = t.fonts;
    f.width = [fonts](std::string_view s, FontId id, double size) { return fonts->metrics(id).width(s, size); };
    const FontMetrics& m = t.fonts->metrics(f.regular);
    f.ascender = m.ascender() / 1000.0;
    f.descender = -m.descender() / 1000.0;
    return f;
}

diagram::Style diagram_style(const Tools& t) {
    diagram::Style st;
    if (!t.spec->palette.empty()) {
        st.palette.groups.clear();
        for (const auto& c : t.spec->palette) st.palette.groups.push_back(to_color(c));
    }
    return st;
}

}  // namespace

namespace {
std::mutex icon_mutex;
std::map<std::string, std::string> rasters;  // by path: why not art
}  // namespace

std::vector<std::pair<std::string, std::string>> raster_icons() {
    std::lock_guard lock(icon_mutex);
    return {rasters.begin(), rasters.end()};
}

layout::Icon icon_for(const Stakeholder& s, const Tools& t, double print_size) {
    if (!s.icon) return {};
    static std::map<std::string, layout::Icon> cache;  // rasters by path and size, art by path
    static std::map<std::string, std::string> failed;  // by path: why
    static unsigned epoch = 0;
    std::lock_guard lock(icon_mutex);
    renew_cache(epoch, cache, failed, rasters);  // --watch: the icon file may have changed since
    const bool diagram_size = print_size == kIconPrintSize;
    const std::string key = diagram_size ? s.icon->path : s.icon->path + "#" + std::to_string(print_size);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    // art has no size: one for every size (one form in a file)
    if (auto it = cache.find(s.icon->path + "#art"); it != cache.end()) return it->second;
    auto f = failed.find(s.icon->path);
    if (f == failed.end()) {
        try {
            std::string why;
            layout::Icon icon = diagram::load_icon(s.icon->path, print_size, &why);
            if (icon.raster) rasters[s.icon->path] = why;
            if (icon.raster && !diagram_size) {  // embedded beside the diagram's
                auto r = std::make_shared<Raster>(*icon.raster);
                r->key += "#" + std::to_string(static_cast<int>(print_size));
                icon.raster = std::move(r);
            }
            cache[icon.art ? s.icon->path + "#art" : key] = icon;
            return icon;
        } catch (const diagram::IconError& e) {
            f = failed.emplace(s.icon->path, e.what()).first;
        }
    }
    if (t.diags) msg::icon_not_drawn(*t.diags, s.icon->pos, f->second);
    return {};
}

std::shared_ptr<const Raster> picture_for(const Content& c, const Picture& p, const Tools& t, double width) {
    namespace fs = std::filesystem;
    const fs::path rel(p.path);
    const std::string path = rel.is_absolute() || c.root.empty() ? p.path : (fs::path(c.root) / rel).string();
    const std::string key = fmt::format("{}|{:.2f}", path, width);
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Raster>> cache;
    static std::map<std::string, std::string> failed;
    static unsigned epoch = 0;
    std::lock_guard lock(mutex);
    renew_cache(epoch, cache, failed);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    auto f = failed.find(key);
    if (f == failed.end()) {
        try {
            auto r = diagram::load_picture(path, width);
            cache[key] = r;
            return r;
        } catch (const diagram::PictureError& e) {
            f = failed.emplace(key, e.what()).first;
        }
    }
    if (t.diags) msg::picture_not_drawn(*t.diags, p.pos, f->second);
    return nullptr;
}

std::shared_ptr<const Frame> draw_diagram(const Content& c, const Tools& t, double width, double height,
                                          const std::string& highlight, bool link_groups);

std::shared_ptr<const Frame> ecosystem_diagram(const Content& c, const Tools& t, double width, double height,
                                               const std::string& highlight, FigureCache* cache, bool link_groups) {
    if (!diagram_fits(c)) {
        if (t.diags)
            msg::set_without_diagram(*t.diags, {c.root, 0, 0}, c.stakeholders.size(), diagram::limits::kMaxGroups);
        return nullptr;
    }
    // a layout whose text area leaves the diagram under its smallest frame (a
    // small page, a fact sheet at its smallest type) is set without it
    if (!(width >= diagram::kMinFrame && height >= diagram::kMinFrame)) return nullptr;
    const std::string key = fmt::format("{:.3f}x{:.3f}|{}{}", width, height, highlight, link_groups ? "|links" : "");
    // icons first: a missing icon is warned about on every layout pass, cached or not
    for (const auto& s : c.stakeholders) icon_for(s, t);
    if (cache) {
        std::lock_guard lock(cache->mutex);
        if (auto it = cache->frames.find(key); it != cache->frames.end()) return it->second;
    }
    const auto start = std::chrono::steady_clock::now();
    auto frame = draw_diagram(c, t, width, height, highlight, link_groups);
    if (cache) {
        cache->diagram_ns += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        std::lock_guard lock(cache->mutex);
        cache->frames[key] = frame;
    }
    return frame;
}

std::shared_ptr<const Frame> draw_diagram(const Content& c, const Tools& t, double width, double height,
                                          const std::string& highlight, bool link_groups) {
    diagram::Input in;
    // load::check warns about a label over the limit; here it is shortened
    const auto label = [](const Text& t) { return diagram::shorten_label(plain_text(t.value), diagram::limits::kMaxLabelBytes); };
    for (const auto& p : c.phases) in.phases.push_back(label(p.title));
    for (const auto& s : c.stakeholders)
        in.groups.push_back({s.id, label(s.diagram_label()), icon_for(s, t),
                             link_groups && s.has_content() ? "#sheet:" + s.id : std::string()});
    in.highlight = highlight;
    return std::make_shared<const Frame>(diagram::diagram(in, diagram_style(t), diagram_fonts(t), width, height));
}

namespace {
// "A and B", "A, B, and C" (figures.list-and, figures.list-serial-and)
std::string and_list(const Strings& str, const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0                  ? std::string()
                : i + 1 == names.size() ? str(names.size() > 2 ? Str::figures_list_serial_and : Str::figures_list_and)
                                        : std::string(", ")) +
               names[i];
    return out;
}
}  // namespace

std::string diagram_alt(const Strings& str, const Content& c, const std::string& highlight) {
    std::vector<std::string> phases, groups;
    for (const auto& p : c.phases) phases.push_back(plain_text(p.title.value));
    std::string out = str(Str::diagram_alt_title);
    if (phases.size() == 1)
        out = str.fill(Str::diagram_alt_one_phase, {{"diagram", out}, {"phase", phases.front()}});
    else if (!phases.empty())
        out = str.fill(Str::diagram_alt_phases,
                       {{"diagram", out}, {"count", std::to_string(phases.size())}, {"phases", and_list(str, phases)}});
    std::string lit;
    if (const Stakeholder* s = highlight.empty() ? nullptr : c.find_stakeholder(highlight))
        lit = " " + str.fill(Str::diagram_alt_highlight, {{"name", plain_text(s->name.value)}});
    if (c.stakeholders.empty()) return out + "." + lit;
    // "1 stakeholder group", "9 stakeholder groups"
    const std::string count = std::to_string(c.stakeholders.size());
    const std::string around_groups =
        str.fill(c.stakeholders.size() == 1 ? Str::diagram_alt_groups_one : Str::diagram_alt_groups_other, {{"count", count}});
    const Str around = phases.empty() ? Str::diagram_alt_around : Str::diagram_alt_around_phases;
    auto with_names = [&](const std::string& names) {
        return str.fill(around, {{"diagram", out}, {"groups", around_groups}, {"names", names}});
    };
    // names while they fit, then "and N more"
    const std::size_t room = kDiagramAltBytes - std::min(kDiagramAltBytes, with_names({}).size() + lit.size() + 24);
    std::size_t used = 0, shown = 0;
    for (const auto& s : c.stakeholders) {
        std::string name = plain_text(s.name.value);
        if (used + name.size() + 2 > room) break;
        used += name.size() + 2;
        groups.push_back(std::move(name));
        ++shown;
    }
    std::string names;
    if (shown < c.stakeholders.size()) {
        const std::string more = std::to_string(c.stakeholders.size() - shown);
        for (const auto& g : groups) names += (names.empty() ? "" : ", ") + g;
        names = names.empty() ? str.fill(Str::diagram_alt_only_more, {{"count", more}})
                              : str.fill(Str::diagram_alt_more, {{"names", names}, {"count", more}});
    } else {
        names = and_list(str, groups);
    }
    return with_names(names) + "." + lit;
}

Tag diagram_tag(const Strings& str, const Content& c, const std::string& highlight) {
    return make_tag(Role::figure, nullptr, diagram_alt(str, c, highlight));
}

bool diagram_fits(const Content& c) { return c.stakeholders.size() <= diagram::limits::kMaxGroups; }

std::vector<std::shared_ptr<const Frame>> participation_matrices(const Content& c, const Tools& t, double width) {
    std::vector<std::shared_ptr<const Frame>> out;
    for (std::size_t first = 0; first < c.stakeholders.size(); first += kMatrixRows)
        out.push_back(participation_matrix(c, t, width, first, std::min(c.stakeholders.size(), first + kMatrixRows)));
    return out;
}

std::shared_ptr<const Frame> participation_matrix(const Content& c, const Tools& t, double width, std::size_t first,
                                                  std::size_t last) {
    std::vector<std::string> groups, areas;
    std::vector<std::vector<bool>> part;
    for (const auto& a : c.action_areas) areas.push_back(plain_text(a.title.value));
    for (std::size_t i = first; i < last && i < c.stakeholders.size(); ++i) {
        const Stakeholder& s = c.stakeholders[i];
        groups.push_back(plain_text(s.name.value));
        std::vector<bool> row(c.action_areas.size(), false);
        for (const auto& cm : s.commitments)
            for (std::size_t i = 0; i < c.action_areas.size(); ++i)
                if (c.action_areas[i].id == cm.area) row[i] = true;
        part.push_back(std::move(row));
    }
    return std::make_shared<const Frame>(
        diagram::matrix(groups, areas, part, (*t.strings)(Str::matrix_takes_part), diagram_style(t), diagram_fonts(t), width));
}

}  // namespace lerbrief::compose
