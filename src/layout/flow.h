#pragma once
// Flowing content into pages. Compose code (src/compose) describes a document
// as a sequence of vertical items through a Flow: headings, paragraphs,
// bullet lists, quotes, figures, explicit page breaks. paginate() then cuts
// the vertical list into pages:
//   - a page may break only before an item marked breakable;
//   - paragraphs allow breaks only where at least two lines stay on each side
//     (no widows, no orphans), so paragraphs of three lines or fewer and other
//     short blocks never split;
//   - a heading is kept with the first two lines of what follows it;
//   - space before an item is dropped at the top of a page or column;
//   - explicit breaks may ask for a left-hand (even-numbered, verso) or
//     right-hand page, inserting a blank page when needed.
// Pages then get their running header and footer (furniture.h).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/document.h"
#include "layout/paragraph.h"

namespace lerbrief::layout {

// The text area of pages, and how many columns it has.
struct PageGeometry {
    double width = 612, height = 792;
    double top = 54, bottom = 54, inner = 54, outer = 54;
    int columns = 1;
    double column_gap = 18;
    double text_width() const { return width - inner - outer; }
    double text_height() const { return height - top - bottom; }
    double column_width() const { return column_width(columns); }
    double column_width(int n) const { return (text_width() - (n - 1) * column_gap) / n; }
};

enum class Parity { any, left, right };

// One item of the vertical list.
struct VItem {
    double height = 0;
    double space_before = 0;  // dropped at the top of a column
    std::vector<Item> items;  // relative to the item's top-left at the column's left edge
    bool breakable = true;    // may a page break come before this item?
    bool force_break = false;
    Parity parity = Parity::any;
    std::string page_kind;    // on a forced break: the furniture of the new pages ("" = same)
    int columns = 0;          // on a forced break: columns from here on (0 = the geometry's)
    std::string anchor;       // records where the item lands
    std::string section;      // sets the running section title
    std::string outline;      // adds a bookmark at this item
    int outline_level = 1;
    // For the layout dump and tests: what this item is.
    struct Info {
        std::string text;          // the line's text ("" for figures, spaces, rules)
        double width = 0, measure = 0;
        int block = -1;            // items of one paragraph share a block number
        int line = 0, lines = 0;   // line index in its block, and the block's line count
        bool heading = false;
        // For preflight (typography checks): the named style and type size
        // the line was set in, its word space over the font's space (0: no
        // interword space), and whether it ends in a hyphen layout added.
        std::string style;
        double size = 0;
        double space_ratio = 0;
        bool added_hyphen = false;
    } info;
    bool fill_page = false;   // a figure that takes the rest of the page
};

struct Placed {
    int page = 0;  // 0-based
    double y = 0;  // top-down on the page
};

// Where one line (or figure) landed.
struct LineRecord {
    int page = 0, column = 0;
    double x = 0, y = 0;
    VItem::Info info;
};

struct Laid {
    std::vector<Page> pages;
    std::vector<std::string> page_kind;     // per page
    std::vector<std::string> page_section;  // running section per page
    std::map<std::string, Placed> anchors;
    std::vector<OutlineEntry> outline;
    std::vector<LineRecord> lines;          // every placed item that has text or is a figure
};

// One line per record: "p3 c0 y=123.4 x=72.0 w=300.12/432.00 b12 2/5 | text".
std::string dump_line(const LineRecord& r);

// A paragraph's set lines as vertical items; `block` numbers the paragraph.
std::vector<VItem> as_vitems(const std::vector<SetLine>& lines, double leading, double space_before,
                             double space_after, double indent, int block = -1);

Laid paginate(const std::vector<VItem>& list, const PageGeometry& g);

// Moves items by (dx, dy): shapes' points, groups' offsets, the rest's positions.
void offset_items(std::vector<Item>& items, double dx, double dy);

}  // namespace lerbrief::layout
