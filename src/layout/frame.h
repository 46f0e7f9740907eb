#pragma once
// The backend-neutral result of layout: frames of positioned items.
//
// Units are PostScript points (1/72 in). The origin is the top-left corner of
// the frame and y grows downward (as in Cairo); the PDF writer flips y.
// A page is a Frame; the ecosystem diagram is a Frame too, placed on a page
// through a GroupItem. Nothing here knows about libharu or Cairo.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lerbrief::layout {

struct Color {
    double r = 0, g = 0, b = 0;  // 0..1
    bool operator==(const Color&) const = default;
    bool is_gray() const { return r == g && g == b; }
};
inline constexpr Color kBlack{0, 0, 0};
inline constexpr Color kWhite{1, 1, 1};

// Structure for tagged PDF (issue 17): what an item is to a screen reader.
// Compose sets it; render/ writes it (BDC/EMC with an MCID, the structure
// tree) and never guesses. Roles are PDF's standard structure types.
enum class Role : std::uint8_t {
    h1, h2, h3, h4, h5, h6,  // headings, following the outline's levels
    p,                       // a paragraph (a table cell's or list body's text is under TD/LBody)
    l, li, lbl, lbody,       // a list, its items, an item's marker and its text
    table, tr, th, td,       // a table: rows of header and data cells
    figure,                  // a picture: `alt` is required
    caption, blockquote, note, toc, toci, sect, span,
};
// A header cell's scope (TH): the row it heads, the column, or both.
enum class Scope : std::uint8_t { none, row, column, both };

// One element of the structure tree. Elements are shared by the items that
// belong to them (every line of a paragraph points at the paragraph); an
// element's place among its parent's children is the order in which its
// content is first drawn (pages in order, items in frame order), so the
// reading order is the drawing order. Elements with no content of their own
// (L, LI, Table, TR) exist through their children.
struct StructNode;
using Tag = std::shared_ptr<const StructNode>;
struct StructNode {
    // What few elements say besides their role.
    struct Words {
        std::string alt;          // Figure: alternative text (required); others: none
        std::string actual_text;  // read instead of the content (a TD shown as a mark)
    };
    Role role = Role::p;
    Scope scope = Scope::none;  // TH only
    Tag parent;                 // null: a child of the document
    // Null for most elements (a paragraph, a list item): a node is 32 bytes,
    // not 88 (a booklet of 5,000 groups holds some 400,000 at once).
    std::unique_ptr<const Words> words;
    const std::string& alt() const { return words ? words->alt : no_words().alt; }
    const std::string& actual_text() const { return words ? words->actual_text : no_words().actual_text; }

private:
    static const Words& no_words() {
        static const Words none;
        return none;
    }
};
// A new element; `parent` null puts it directly under the document.
inline Tag make_tag(Role role, Tag parent = {}, std::string alt = {}, std::string actual_text = {},
                    Scope scope = Scope::none) {
    auto n = std::make_shared<StructNode>();
    n->role = role, n->scope = scope, n->parent = std::move(parent);
    if (!alt.empty() || !actual_text.empty())
        n->words = std::make_unique<const StructNode::Words>(StructNode::Words{std::move(alt), std::move(actual_text)});
    return n;
}
// The heading role of `level` (1 → H1), held to H1…H6.
inline Role heading_role(int level) {
    return static_cast<Role>(static_cast<int>(Role::h1) + (level < 1 ? 0 : level > 6 ? 5 : level - 1));
}
inline Tag make_header_cell(Tag row, Scope scope) { return make_tag(Role::th, std::move(row), {}, {}, scope); }
// Every item below has a `tag`: the element its content belongs to; null
// means an artifact (running heads, page numbers, rules, bands, marks), read
// by no one.

struct Point {
    double x = 0, y = 0;
};

struct PathSeg {
    enum class Op { move, line, curve, close };
    Op op = Op::move;
    Point p[3];  // move/line: p[0]; curve: control points p[0], p[1], end p[2]
};

enum class LineCap : unsigned char { butt, round, square };
enum class LineJoin : unsigned char { miter, round, bevel };

// A filled and/or stroked path. The stroke's caps, joins and miter limit
// and the fill rule default to PDF's (an icon's paths set their own).
struct Shape {
    std::vector<PathSeg> path;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double stroke_width = 0;
    Tag tag = nullptr;
    LineCap cap = LineCap::butt;
    LineJoin join = LineJoin::miter;
    double miter_limit = 10;
    bool even_odd = false;  // the even-odd fill rule, else nonzero winding
};

// Font faces are indices into Document::fonts (see FontSpec).
using FontId = int;


// One run of text in one font, placed at its baseline start; `width` is the
// measured advance. A paragraph's line is one run per font and colour: its
// words are joined by spaces, each of which advances by `word_space`.
struct TextItem {
    Point pos;
    FontId font = 0;
    double size = 10;
    Color color = kBlack;
    std::string text;  // UTF-8, every character covered by the font
    double width = 0;
    // A hyphen layout added at a line break (not in the content): it should
    // copy and read as nothing, so the split word comes back whole.
    bool added_hyphen = false;
    Tag tag = nullptr;
    // The last piece of a line broken inside a word (at a URL's break
    // point, after the text's own hyphen): the next line continues the word.
    bool joins_next = false;
    // Not 0: every space in `text` advances by this much (points), with no
    // kerning on either side of it: the words of a justified (or ragged)
    // line set by layout, its spaces stretched alike, one item a line, not
    // one a word (a booklet of 1,000 groups held 1.3 million word items).
    // 0: the text is drawn as measured, kerning across spaces included.
    double word_space = 0;
};

// A raster's pixels as a PDF image's streams (diagram/image_streams.h):
// `colour` (RGB, or gray when every pixel is gray) and `alpha` (empty when
// every pixel is opaque), each Flate-compressed. `key`, `width` and `height`
// name the raster they were made from.
struct ImageStreams {
    std::string key;
    int width = 0, height = 0;
    bool gray = false;
    std::string colour, alpha;
};

// A raster image (an icon rendered at print resolution). Images with the
// same key are embedded once per document.
struct Raster {
    std::string key;
    int width = 0, height = 0;        // pixels
    std::vector<std::uint8_t> rgba;   // width*height*4, straight (not premultiplied) alpha
    // These pixels' streams when they came with them (a step picture kept
    // between runs, diagram/picture.cpp), else null. Used only while the key
    // and size are still theirs (ImageStreams::key): a copy made to change
    // the pixels (muted, gray, resized) takes another key, as render/ embeds
    // one image a key, and so makes its own.
    std::shared_ptr<const ImageStreams> streams;
};
struct ImageItem {
    Point pos;  // top-left
    double width = 0, height = 0;
    std::shared_ptr<const Raster> raster;
    Tag tag = nullptr;  // an icon: a Figure with the data's icon-alt, or null where the label beside says the same
};

// A clickable area: an external URI or a place in the document.
struct LinkItem {
    Point pos;  // top-left
    double width = 0, height = 0;
    std::string uri;     // external link when not empty
    int dest_page = -1;  // internal link: 0-based page index
    double dest_y = 0;   // y on that page (top-down)
    // The element the link sits in (its paragraph): render/ adds a Link
    // element there holding the annotation (OBJR). Null: under the document.
    Tag tag = nullptr;
};

struct Frame;
// Another frame drawn at an offset and scale (the diagram on a page).
struct GroupItem {
    Point offset;
    double scale = 1;
    std::shared_ptr<const Frame> frame;
    // Drawn turned half a turn about the centre of the placed frame: the far
    // face of a table tent, read from the other side of the table. Holds no
    // links (their rectangles are placed unturned).
    bool half_turn = false;
    // Not null: the whole group is this element's content (a diagram is one
    // Figure) and the tags inside are not read. Null: the items inside carry
    // their own tags (a page placed in a bleed slug).
    Tag tag = nullptr;
    // Drawn into the PDF once and placed by reference wherever it appears
    // (an icon's art, on every diagram), when the frame holds shapes only.
    bool reuse = false;
};

// A QR code kept as its module matrix (a few hundred bytes) instead of a
// path (~220 runs of five 56-byte segments: 60 KB a code, and a booklet of
// 2,000 fact sheets holds 2,000 codes until it is drawn). Whatever draws
// items turns it into a filled Shape with qr_shape() only while drawing.
struct QrItem {
    Point pos;          // top-left corner of the code's quiet zone
    double module = 0;  // side of one module
    int side = 0;       // modules a row, and rows
    int quiet = 0;      // modules of quiet zone around them
    std::vector<std::uint8_t> bits;  // side × side bits, row by row, 1 = dark; module i is bit i % 8 of byte i / 8
    Color color = kBlack;
    Tag tag = nullptr;  // a Figure whose alt gives the URL
    bool dark(int x, int y) const {
        const auto i = static_cast<std::size_t>(y) * static_cast<std::size_t>(side) + static_cast<std::size_t>(x);
        return (bits[i / 8] >> (i % 8)) & 1;
    }
};

using Item = std::variant<Shape, TextItem, ImageItem, LinkItem, GroupItem, QrItem>;

// A group's icon: vector art (a square frame of shapes, drawn as paths at
// any size) or, when its SVG could not be replayed as paths, a raster.
struct Icon {
    std::shared_ptr<const Frame> art;
    std::shared_ptr<const Raster> raster;
    explicit operator bool() const { return art || raster; }
};

// The item that draws `icon` in the square at `pos` of side `side`:
// a group of its art, or an image of its raster. `tag` as for an image.
Item icon_item(const Icon& icon, Point pos, double side, Tag tag = nullptr);

// A copy of `art` with each shape's fill and stroke passed through `to` (an
// icon muted, or turned gray); other items as they are.
std::shared_ptr<Frame> recoloured(const Frame& art, Color (*to)(const Color&));

struct Frame {
    double width = 0, height = 0;
    std::vector<Item> items;
};

// The QR code as one filled path: a rectangle (move, three lines, close) for
// each horizontal run of dark modules, rows top to bottom, runs left to
// right. Module (x, y) spans pos + (x + quiet) × module to one module more.
// An empty path when the item is malformed (bits too few for side × side).
Shape qr_shape(const QrItem& qr);

}  // namespace lerbrief::layout
