#pragma once
// Flowing content into pages. Compose code (src/compose) describes a document
// as a sequence of vertical items through a Flow: headings, paragraphs,
// bullet lists, quotes, figures, explicit page breaks. paginate() then cuts
// the vertical list into pages:
//   - a page may break only before an item marked breakable;
//   - paragraphs allow breaks only where at least two lines stay on each side
//     (no widows, no orphans), and never after a line ending in a hyphen
//     layout added (no word split across pages or columns), so paragraphs of three lines or fewer and other
//     short blocks never split;
//   - a heading is kept with the first two lines of what follows it;
//   - space before an item is dropped at the top of a page or column;
//   - explicit breaks may ask for a left-hand (even-numbered, verso) or
//     right-hand page, inserting a blank page when needed;
//   - a page the flow breaks inside a group (VItem::repeat) starts with that
//     group's heading again, "… (continued)" (the Builder sets it);
//   - page flow (issue #16): a short run never spills alone onto a page before
//     a forced break or the end: the page break moves earlier so the last
//     page carries at least kMinTailLines lines and kNearlyEmptyShare of the
//     text area, while the page it takes them from keeps kMinDonorShare;
//     and of two nearly empty pages in a row (under kNearlyEmptyShare, blank
//     pages aside) separated by a plain page break, the break is dropped when
//     both fit on one page. A fix is kept only if it adds no page.
// Pages then get their running header and footer (furniture.h).
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/document.h"
#include "layout/paragraph.h"
#include "model/preflight.h"

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

// Page flow (see above). A page is nearly empty when its content takes less
// than kNearlyEmptyShare of its text area (all columns); preflight uses the
// same test (nearly_empty, Laid::page_fill).
inline constexpr double kNearlyEmptyShare = preflight::kNearlyEmptyShare;  // one threshold, kept with preflight's
// The last page of a run (before a forced break or the end) carries at least
// this many lines; an item taller than kTallItem pt (a figure) counts as that many.
inline constexpr int kMinTailLines = 4;
inline constexpr double kTallItem = 36;
// A page that gives lines to the next keeps at least this share of its text area.
inline constexpr double kMinDonorShare = 0.5;
// Moving a break earlier, prefer the start of a group (a heading) when it
// costs no more than this share of the text area besides.
inline constexpr double kGroupPullShare = 0.2;
inline bool nearly_empty(double fill) { return fill < kNearlyEmptyShare; }

// What kind of page a page is: its furniture (running heads, folios,
// bands) and what preflight expects of it. A name checked when lerbrief is
// compiled: PageKind("bdy") does not compile. The empty kind on a VItem's
// break means "the same as before".
inline constexpr std::array<std::string_view, 11> kPageKinds = {
    "", "cover", "front", "body", "sheet", "blank", "notes", "agenda", "worksheet", "tent", "badges"};

class PageKind {
public:
    constexpr PageKind() = default;
    consteval PageKind(const char* name) : name_(name) {  // NOLINT: implicit, so "body" reads as a kind
        bool known = false;
        for (std::string_view k : kPageKinds) known = known || k == name_;
        if (!known) throw "not a page kind: add it to kPageKinds";
    }
    bool empty() const { return name_.empty(); }
    std::string_view name() const { return name_; }
    friend bool operator==(PageKind a, PageKind b) { return a.name_ == b.name_; }

private:
    std::string_view name_;
};

// A value kept on the heap, and only once set: a VItem's rare fields cost a
// plain line one pointer. Copies copy the value (a VItem stays a value).
template <class T>
class SideRecord {
public:
    SideRecord() = default;
    SideRecord(const SideRecord& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    SideRecord& operator=(const SideRecord& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    SideRecord(SideRecord&&) noexcept = default;
    SideRecord& operator=(SideRecord&&) noexcept = default;
    // The value, or T's defaults when it was never set.
    const T& get() const {
        static const T none{};
        return p_ ? *p_ : none;
    }
    T& set() {
        if (!p_) p_ = std::make_unique<T>();
        return *p_;
    }

private:
    std::unique_ptr<T> p_;
};

// What few items of the vertical list carry: a forced break's new pages,
// where the item lands, the running section, a bookmark.
struct VMarks {
    Parity parity = Parity::any;
    PageKind page_kind;       // on a forced break: the furniture of the new pages (empty = same)
    int columns = 0;          // on a forced break: columns from here on (0 = the geometry's)
    std::string anchor;       // records where the item lands
    std::string section;      // sets the running section title
    std::string outline;      // adds a bookmark at this item
    int outline_level = 1;
};

// What a line record says of the item (LineRecord, the layout dump,
// preflight): what layout reads of it and what only records keep.
struct LineInfo {
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
};

// One item of the vertical list. A booklet of 1,000 groups has some 60,000,
// held by the list and the fact sheets' cache: what only line records need
// (VItem::Text) and the rare fields (VMarks) live apart, so a plain line is
// 104 bytes, not 192.
struct VItem {
    double height = 0;
    double space_before = 0;  // dropped at the top of a column
    std::vector<Item> items;  // relative to the item's top-left at the column's left edge
    bool breakable = true;    // may a page break come before this item?
    bool force_break = false;
    bool fill_page = false;   // a figure that takes the rest of the page
    bool heading = false;     // a heading's line
    int block = -1;           // items of one paragraph share a block number
    int line = 0, lines = 0;  // line index in its block, and the block's line count
    std::string_view style;   // the named style it was set in: a name in kStyleNames (static), or ""
    // The heading of the group this item belongs to, set with " (continued)":
    // placed first on a page the flow breaks to before this item (not on a
    // forced break, not on a new column of the same page). Null: no group.
    std::shared_ptr<const std::vector<VItem>> repeat;

    // What only line records (--dump-layout, --preflight, tests) use: what
    // the item is. Kept only when set (a builder sets it when records are
    // asked for, and on figures and boxes).
    struct Text {
        std::string text;  // the line's text ("" for figures, spaces, rules)
        double width = 0, measure = 0;
        double size = 0, space_ratio = 0;  // as LineInfo
        bool added_hyphen = false;
    };
    const Text& text() const { return text_.get(); }
    Text& set_text() { return text_.set(); }
    // The record of this item: its own fields and text().
    LineInfo info() const;
    // The same, the text moved out (the item's last use).
    LineInfo take_info();

    // The rare fields: marks() reads (defaults when none were set),
    // set_marks() writes (and allocates them on first use).
    const VMarks& marks() const { return marks_.get(); }
    VMarks& set_marks() { return marks_.set(); }

private:
    SideRecord<VMarks> marks_;
    SideRecord<Text> text_;
};

struct Placed {
    int page = 0;  // 0-based
    double y = 0;  // top-down on the page
};

// Where one line (or figure) landed.
struct LineRecord {
    int page = 0, column = 0;
    double x = 0, y = 0;
    LineInfo info;
};

struct Laid {
    std::vector<Page> pages;
    std::vector<PageKind> page_kind;        // per page
    std::vector<std::string> page_section;  // running section per page
    std::map<std::string, Placed> anchors;
    std::vector<OutlineEntry> outline;
    std::vector<LineRecord> lines;          // every placed item that has text or is a figure
    std::vector<double> page_fill;          // per page: share of the text area (all columns) used
};

// One line per record: "p3 c0 y=123.4 x=72.0 w=300.12/432.00 b12 2/5 | text".
std::string dump_line(const LineRecord& r);

// A paragraph's set lines as vertical items; `block` numbers the paragraph.
// `text`: keep each line's VItem::Text (for line records).
std::vector<VItem> as_vitems(const std::vector<SetLine>& lines, double leading, double space_before,
                             double space_after, double indent, int block = -1, bool text = true);

Laid paginate(const std::vector<VItem>& list, const PageGeometry& g);
// The same, for the list's last use: its items are moved onto the pages
// instead of copied, so the two are not held at once, and `list` is left
// empty: its array is freed before the pages' vectors are made.
Laid paginate(std::vector<VItem>&& list, const PageGeometry& g);
// The same, but the items marked in `keep` (one flag per item of the list)
// are copied and stay in `list` as they were (the booklet gives the fact
// sheets back to their cache); the others are moved out.
Laid paginate(std::vector<VItem>&& list, const PageGeometry& g, const std::vector<bool>& keep);

// A vertical list that is runs of other lists' items, in order, read where
// they are (the booklet's passes: the booklet's own items and, between them,
// each fact sheet's lines where the sheet cache keeps them, so a pass holds
// no second array of them). The runs' vectors must keep their items in
// place while the list is used: no insertion, no growth.
class ListOfRuns {
public:
    ListOfRuns() = default;
    // Moved, never copied: a copy would name the same runs and call their `placed`.
    ListOfRuns(ListOfRuns&&) = default;
    ListOfRuns& operator=(ListOfRuns&&) = default;
    ListOfRuns(const ListOfRuns&) = delete;
    ListOfRuns& operator=(const ListOfRuns&) = delete;
    void reserve(std::size_t n) { refs_.reserve(n); }
    // Items [at, at + n) of `from`. `placed`, when given, is called once
    // fill_pages has moved every item of this run and those before it onto
    // their pages: what held them may be freed then (a fact sheet's lines,
    // freed sheet by sheet as the pages fill, not all at the end).
    void add(std::vector<VItem>& from, std::size_t at, std::size_t n, std::function<void()> placed = {});
    // Runs the `placed` of every run that ends at or before item `i`.
    void placed_before(std::size_t i);
    std::size_t size() const { return refs_.size(); }
    bool empty() const { return refs_.empty(); }
    const VItem& operator[](std::size_t i) const { return *refs_[i]; }
    VItem& operator[](std::size_t i) { return *refs_[i]; }
    // Called by fill_pages once every item is moved onto its page: frees
    // the runs' vectors (their owner's), before the pages' own are made.
    std::function<void()> release;
    void clear();

private:
    std::vector<VItem*> refs_;
    std::vector<std::pair<std::size_t, std::function<void()>>> placed_;  // (end of the run, what to call)
    std::size_t next_placed_ = 0;
};

// paginate() in two steps, for a list that may be dropped unfilled (the
// booklet lays its list up to three times and keeps one): plan_pages runs
// the flow and its fixes without filling any page; fill_pages fills the
// pages by that plan, moving the list's items out (its last use), without
// running the fixes again. fill_pages(std::move(l), g, plan_pages(l, g))
// gives what paginate(std::move(l), g) gives.
class PagePlan {
public:
    PagePlan(PagePlan&&) noexcept;
    PagePlan& operator=(PagePlan&&) noexcept;
    ~PagePlan();
    // Where things land: the pages (empty frames), their kinds, sections and
    // fill, the anchors and the outline as the filled pages will have them;
    // no line records.
    const Laid& laid() const;

    struct Impl;

private:
    explicit PagePlan(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    friend PagePlan plan_pages(const std::vector<VItem>& list, const PageGeometry& g);
    friend Laid fill_pages(std::vector<VItem>&& list, const PageGeometry& g, PagePlan&& plan, bool line_records);
    friend PagePlan plan_pages(const ListOfRuns& list, const PageGeometry& g);
    friend Laid fill_pages(ListOfRuns&& list, const PageGeometry& g, PagePlan&& plan, bool line_records);
};

PagePlan plan_pages(const std::vector<VItem>& list, const PageGeometry& g);
// `list`: the one planned, unchanged (another is paginated anew); left
// empty, as paginate(std::move(list), g) leaves it.
// `line_records`: false, the pages get no LineRecords (Laid::lines empty).
Laid fill_pages(std::vector<VItem>&& list, const PageGeometry& g, PagePlan&& plan, bool line_records = true);
// The same for a list of runs: what the vector of the same items gives. Its
// items are moved out, then `list.release` is called and the list left empty.
PagePlan plan_pages(const ListOfRuns& list, const PageGeometry& g);
Laid fill_pages(ListOfRuns&& list, const PageGeometry& g, PagePlan&& plan, bool line_records = true);

// Moves items by (dx, dy): shapes' points, groups' offsets, the rest's positions.
void offset_items(std::vector<Item>& items, double dx, double dy);

}  // namespace lerbrief::layout
