#pragma once
// The figures compose places on pages: the ecosystem diagram (optionally with
// one group highlighted), the participation matrix and QR codes. Each is a
// layout::Frame in points.
#include <memory>
#include <string>
#include <vector>

#include "compose/builder.h"
#include "layout/frame.h"

namespace lerbrief::compose {

struct Icons;  // rasterised icons, once per document (figures.cpp)

struct FigureCache;
// `cache` (may be null) keeps diagrams already drawn in this job.
std::shared_ptr<const layout::Frame> ecosystem_diagram(const Content& c, const Tools& tools, double width,
                                                       double height, const std::string& highlight = {},
                                                       FigureCache* cache = nullptr, bool link_groups = false);
// `link_groups`: each group with a fact sheet carries a LinkItem to
// "#sheet:ID" over its node and label (the booklet resolves it to the page).
// nullptr (and one warning) when the content has more groups than the
// diagram can show (diagram_fits() is false): the pages are set without it.
// The participation matrix of groups [first, last).
std::shared_ptr<const layout::Frame> participation_matrix(const Content& c, const Tools& tools, double width,
                                                          std::size_t first, std::size_t last);
// Rows of one matrix figure: more groups make several figures, which
// paginate like blocks (the diagram stage draws at most 64 rows).
inline constexpr std::size_t kMatrixRows = 40;
std::vector<std::shared_ptr<const layout::Frame>> participation_matrices(const Content& c, const Tools& tools,
                                                                         double width);
// The ecosystem diagram's alternative text (its Figure's alt), from the
// content: the phases in cycle order, the groups around them by name, and
// the group `highlight` (an id; empty: none) that a fact sheet's copy
// highlights. One or two plain sentences, at most kDiagramAltBytes (a long
// list of groups ends "and N more").
inline constexpr std::size_t kDiagramAltBytes = 1000;
// In the edition's language: figures.diagram-alt* in strings/<language>.yaml.
std::string diagram_alt(const Strings& str, const Content& c, const std::string& highlight = {});
// A Figure tag for the diagram with diagram_alt().
layout::Tag diagram_tag(const Strings& str, const Content& c, const std::string& highlight = {});

// Whether the ecosystem diagram can show every group of `c`.
bool diagram_fits(const Content& c);
// A QR code of `url` (pure black modules with a four-module quiet zone) and
// the short URL printed beside it. `module` is one module's size in points.
// Tagged: the code a Figure ("QR code linking to <url>"), the label and the
// printed URL one P holding the links.
// Null when `url` is longer than a code holds (limits::kMaxQrBytes).
std::shared_ptr<const layout::Frame> qr_block(const std::string& url, const Tools& tools, double module,
                                              double width);

// The picture `p` names (relative to the content folder) for printing
// `width` points wide, read once per process per path; null, with one warning
// naming the file, when it cannot be read or is over the picture limits.
// A group's icon (diagram::load_icon): vector art, or for an SVG that
// cannot be replayed a raster for printing up to `print_size` points (the
// diagram's nodes: kIconPrintSize, the largest they print at in the
// booklet, smaller copies reuse it), once per process and size; an icon that
// cannot be drawn is left out with a warning (each time it is asked for).
inline constexpr double kIconPrintSize = 48;
layout::Icon icon_for(const Stakeholder& s, const Tools& t, double print_size = kIconPrintSize);
// The icons of this build (cache epoch) drawn as rasters, not as art, by
// path: each with the operator that could not be replayed (--timings).
std::vector<std::pair<std::string, std::string>> raster_icons();

std::shared_ptr<const layout::Raster> picture_for(const Content& c, const Picture& p, const Tools& tools,
                                                  double width);

// "https://lermap.org/stakeholder/x" → "lermap.org/stakeholder/x"
std::string short_url(const std::string& url);

}  // namespace lerbrief::compose
