#pragma once
// A thin layer over the layout engine that speaks the layout file's language:
// named styles (LayoutSpec::styles) instead of fonts and sizes. Compose code
// (booklet.cpp, factsheet.cpp) calls it block by block; `items()` is the
// vertical list for layout::paginate().
#include <memory>
#include <string>
#include <vector>

#include "layout/flow.h"
#include "model/content.h"
#include "model/layout_spec.h"
#include "model/strings.h"

namespace lerbrief::layout {
class ParagraphMemo;
}

namespace lerbrief::compose {

// A fixed string put into markup: its text escaped (a "*" in a translation
// stays a star), each {name} replaced by the markup given, which the caller
// has escaped as it needs ("**" + escape_markup(name) + "**" sets it bold).
std::string fill_markup(const Strings& s, Str id,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> values);

layout::Color to_color(const Rgb& c);

// Structure tags (issue 17): sets `tag` on every text, link and image item
// of `items`; shapes and groups (rules, boxes, figures) keep theirs.
void set_tags(std::vector<layout::Item>& items, const layout::Tag& tag);
// The same for the items of vertical items [first, end) of `list`.
void set_tags(std::vector<layout::VItem>& list, std::size_t first, const layout::Tag& tag);

struct Tools {
    const LayoutSpec* spec = nullptr;
    const layout::FontSet* fonts = nullptr;
    const layout::Hyphenator* hyphenator = nullptr;
    Diagnostics* diags = nullptr;
    // The fixed text and typography of the edition's language; never null
    // once a job has set up (tests make one with compose::test_strings()).
    const Strings* strings = nullptr;
    // Each line keeps its text, and the booklet's pages a record of each
    // placed line (Composed::lines): for --dump-layout and --preflight only.
    // Without them a booklet of 2,000 groups holds ~8 MB less while it is
    // laid out.
    bool line_records = true;
    // Where paragraphs already set are kept (layout/paragraph_memo.h): a
    // fact sheet's fitting attempt sets each paragraph once. Null: set each
    // time.
    layout::ParagraphMemo* paragraphs = nullptr;
};

class Builder {
public:
    // `scale` steps all type down (fact sheets that do not fit).
    Builder(const Tools& tools, double measure, double scale = 1.0);

    layout::ParaStyle para_style(StyleName style) const;
    double leading(StyleName style) const { return spec().style(style).leading * scale_; }

    // A paragraph (or several, separated by blank lines) of markup.
    void text(const Text& t, StyleName style, double indent = 0, bool keep_with_next = false);
    void text(const std::string& markup, StyleName style, double indent = 0, bool keep_with_next = false);
    // Structure tags (issue 17), set by every call below: text() makes one P
    // a paragraph (all its lines and links share it); heading() an H1–H6;
    // bullets()/numbered()/cases() one L a call, an LI an item with its marker
    // as Lbl and its text as LBody; quote() a BlockQuote holding the quote's
    // and the attribution's P; table() a Table, a TR a row, the left cell a
    // TH (Scope::row) and the right a TD, the cells' text and links tagged
    // with the cell itself; picture_row() the picture as a Figure with `alt`,
    // the title as a heading, the text as P; figure() the tag given. A group
    // heading repeated "(continued)" by the flow, rules and spaces: artifacts.
    //
    // Heading levels: a heading's level is its outline level; with none (0),
    // its style's ("title", "h1": 1; "h2", "term": 2; others 3) plus the
    // context's offset. Never more than one below the heading before it, so
    // levels never skip (the first heading is H1 unless the context says
    // what comes before: a fact sheet inside the booklet).
    void set_heading_context(int offset, int previous_level) {
        level_offset_ = offset;
        last_level_ = previous_level;
    }
    int heading_offset() const { return level_offset_; }
    int last_heading_level() const { return last_level_; }
    // The heading level heading() gives a heading in `style` now.
    int heading_level(StyleName style, int outline_level) const;

    // A heading; kept with what follows. `outline_level` 0: no bookmark.
    // A heading in a style other than "h1" or "title" opens a group: the items after it
    // (up to the next heading as large or larger, a page break, or body text
    // after the group's list) repeat it as Str::continued_heading on a page the
    // flow breaks to inside the group. Nested groups: the innermost repeats.
    void heading(const std::string& markup, StyleName style, int outline_level, const std::string& anchor = {},
                 const std::string& section = {});
    void bullets(const std::vector<Text>& items, StyleName style, int level = 0);
    // A numbered list: "1." … hanging like bullets.
    void numbered(const std::vector<Text>& items, StyleName style);
    // "Title — description" items (business and social case).
    void cases(const std::vector<Case>& items, StyleName style);
    void quote(const Quote& q);
    // `tag`: the element the figure is (a Figure with its alt text); null
    // when the frame's items carry their own tags (the participation matrix
    // as a Table).
    void figure(std::shared_ptr<const layout::Frame> frame, double width, double height, bool center = true,
                bool keep_with_next = false, layout::Tag tag = nullptr);
    void space(double points);
    void rule(const std::string& color = "rule", double width = 0.6);
    void page_break(layout::Parity parity = layout::Parity::any, layout::PageKind kind = {});
    // The break the layout asks for before `section` (LayoutSpec::breaks), or
    // `fallback` ("page", "left", "right", "none") when it does not say.
    void section_break(const std::string& section, const std::string& fallback = "page");
    // A two-column table: each row a left and a right cell of markup; a row is
    // never split across pages. `left_share` is the left column's share of the measure.
    void table(const std::vector<std::pair<Text, Text>>& rows, StyleName left_style,
               StyleName right_style, double left_share = 0.28);
    // A step block: `picture` (may be null: the room stays empty) `picture_width`
    // wide on the left, and on the right `title` in `title_style` over `text`
    // in `text_style`. One item: never split across pages. `alt`: the
    // picture's alternative text (its Figure's).
    void picture_row(std::shared_ptr<const layout::Raster> picture, double picture_width, const Text& title,
                     const Text& text, StyleName title_style, StyleName text_style,
                     const std::string& alt = {});
    // Marks the next item: where it lands is recorded under `anchor`.
    void anchor_next(const std::string& anchor) { pending_anchor_ = anchor; }
    void keep_with_next() { keep_next_ = true; }

    std::vector<layout::VItem>& items() { return items_; }
    double measure() const { return measure_; }
    double scale() const { return scale_; }
    const Tools& tools() const { return tools_; }
    // Continue block numbering after another builder's (fact sheet parts).
    int next_block() const { return next_block_; }
    void set_next_block(int b) { next_block_ = b; }

private:
    const LayoutSpec& spec() const { return *tools_.spec; }
    void push(std::vector<layout::VItem> v);
    // How the lines of one call are tagged: `text` for every paragraph's
    // items when set, else a new P under `parent` a paragraph; `marker` for
    // the marker; `untagged`: artifacts.
    struct Tags {
        layout::Tag text;
        layout::Tag parent;
        bool untagged = false;
        layout::Tag marker;
    };
    // The lines of `markup` as vertical items; `block` < 0: numbered from next_block_.
    std::vector<layout::VItem> lines(const std::string& markup, const SourcePos& pos, StyleName style,
                                     double indent, double first_indent, const std::string& marker, bool numbered,
                                     const Tags& tags);
    void set(const std::string& markup, const SourcePos& pos, StyleName style, double indent,
             double first_indent, const std::string& marker, bool keep_with_next, const Tags& tags);
    // A list item's tags: an LI under `list`, its Lbl and LBody.
    static Tags list_item(const layout::Tag& list);

    Tools tools_;
    double measure_, scale_;
    std::vector<layout::VItem> items_;
    std::string pending_anchor_;
    bool keep_next_ = false;
    int next_block_ = 0;
    int level_offset_ = 0, last_level_ = 0;
    // Open groups, outermost first: each one's heading as repeated, and the
    // type size of its heading.
    struct Group {
        std::shared_ptr<const std::vector<layout::VItem>> repeat;
        double size = 0;
        bool list = false;  // a list (bullets, table) came in the group
    };
    std::vector<Group> groups_;
    void list_seen() {
        if (!groups_.empty()) groups_.back().list = true;
    }
};

}  // namespace lerbrief::compose
