#pragma once
// A layout: page geometry, type, colours and fonts for the booklet and the
// fact sheets, from layouts/<name>.yaml (see docs/LAYOUTS.md). Code never
// hard-codes these.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/length.h"
#include "model/source_pos.h"

namespace lerbrief {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

struct TypeStyle {
    std::string font = "body";  // a face name of LayoutSpec::fonts
    double size = 10;           // points
    double leading = 13;        // baseline to baseline, points
    double space_before = 0, space_after = 0;
    Rgb color;
    std::string align;  // "justify", "left", "center", "right"; empty: the layout's text.justify
};

// The type styles lerbrief's documents are set in: the names a layout file's
// `styles:` may set (docs/LAYOUTS.md). A layout that leaves one out sets it
// in its `body` style.
inline constexpr std::array<std::string_view, 28> kStyleNames = {
    "body", "small", "bullet", "quote", "attribution", "term", "title", "subtitle", "h1", "h2", "h3", "label",
    "header", "footer", "toc", "toc-group", "legend", "phase-meaning", "credit", "area-line",
    // the convening kit
    "agenda-time", "agenda-item", "agenda-detail", "worksheet-item", "tent-name", "badge-name", "badge-org",
    "badge-group"};

constexpr bool is_style_name(std::string_view name) {
    for (std::string_view n : kStyleNames)
        if (n == name) return true;
    return false;
}

// The name of a style, checked when lerbrief is compiled: a name that is not
// in kStyleNames, StyleName("bodyy"), does not compile.
class StyleName {
public:
    consteval StyleName(const char* name) : name_(name) {  // NOLINT: implicit, so "body" reads as a style
        if (!is_style_name(name_)) throw "not a style name: add it to kStyleNames and docs/LAYOUTS.md";
    }
    // A name read at run time (a layout file's key); nullopt when unknown.
    static std::optional<StyleName> find(std::string_view name) {
        for (std::string_view n : kStyleNames)
            if (n == name) return StyleName(n);
        return std::nullopt;
    }
    std::string_view name() const { return name_; }
    std::string str() const { return std::string(name_); }
    friend bool operator==(StyleName a, StyleName b) { return a.name_ == b.name_; }

private:
    explicit constexpr StyleName(std::string_view name) : name_(name) {}
    std::string_view name_;
};

struct LayoutSpec {
    std::string name;
    SourcePos pos;
    Length page_width = Length::in(8.5), page_height = Length::in(11);
    Length margin_top = Length::in(0.75), margin_bottom = Length::in(0.8);
    Length margin_inner = Length::in(0.9), margin_outer = Length::in(0.75);
    int columns = 1;
    Length column_gap = Length::pt(18);
    bool justify = true;
    bool hyphenate = true;
    // Face name → file name in fonts/ ("body", "body-bold", "body-italic",
    // "body-bold-italic", "heading", "heading-bold").
    std::map<std::string, std::string> fonts;
    // The text styles the layout sets, by name (kStyleNames).
    std::map<std::string, TypeStyle, std::less<>> styles;
    // Named colours: accent, rule, muted, band; the diagram palette.
    std::map<std::string, Rgb> colors;
    std::vector<Rgb> palette;
    std::vector<SourcePos> palette_pos;  // where each palette fill is written
    // Running header/footer templates: {section} {event} {page} {title}.
    std::string header_left = "{title}", header_right = "{section}";
    std::string footer_left = "{event}", footer_right = "{page}";
    // Where the booklet starts a new page: section → "page", "left",
    // "right" or "none". Sections: ecosystem, action-area, matrix, glossary,
    // resources, colophon. Absent: a new page. (Fact sheets always start on
    // a left-hand page, so they open as a spread.)
    std::map<std::string, std::string> breaks;
    // Fact sheets: type steps down by `fit_step` until it fits or reaches `fit_min_scale`.
    double fit_min_scale = 0.8;
    double fit_step = 0.05;

    const TypeStyle& style(StyleName name) const;  // one the layout leaves out: "body"
    Rgb color(const std::string& name) const;                // black when absent
};

}  // namespace lerbrief
