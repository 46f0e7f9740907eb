#pragma once
// A layout: page geometry, type, colours and fonts for the booklet and the
// fact sheets, from layouts/<name>.yaml (see docs/LAYOUTS.md). Code never
// hard-codes these.
#include <map>
#include <string>
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
    // Named text styles: body, small, h1, h2, h3, title, subtitle, quote,
    // caption, header, footer, toc, label.
    std::map<std::string, TypeStyle> styles;
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

    const TypeStyle& style(const std::string& name) const;  // falls back to "body"
    Rgb color(const std::string& name) const;                // black when absent
};

}  // namespace lerbrief
