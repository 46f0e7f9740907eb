#include "layout/flow.h"

#include <fmt/format.h>

namespace lerbrief::layout {

void offset_items(std::vector<Item>& items, double dx, double dy) {
    for (auto& it : items)
        std::visit(
            [&](auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, Shape>) {
                    for (auto& s : x.path)
                        for (auto& p : s.p) p.x += dx, p.y += dy;
                } else if constexpr (std::is_same_v<T, GroupItem>) {
                    x.offset.x += dx, x.offset.y += dy;
                } else {
                    x.pos.x += dx, x.pos.y += dy;
                }
            },
            it);
}

namespace {

// Lines of a paragraph that must stay together at its start and its end.
constexpr std::size_t kMinOrphanLines = 2, kMinWidowLines = 2;

struct Cursor {
    const PageGeometry& g;
    Laid& out;
    int column = 0;
    int columns = g.columns;
    double y = 0;  // inside the column, from the text area's top
    bool column_empty = true;
    std::string kind, section;

    void new_page(const std::string& next_kind) {
        if (!next_kind.empty()) kind = next_kind;
        Page p;
        p.frame.width = g.width, p.frame.height = g.height;
        out.pages.push_back(std::move(p));
        out.page_kind.push_back(kind);
        out.page_section.push_back(section);
        column = 0, y = 0, column_empty = true;
    }
    int page() const { return static_cast<int>(out.pages.size()) - 1; }
    bool verso() const { return page() % 2 == 1; }  // 0-based odd = left-hand page
    double left() const {
        double margin_left = verso() ? g.outer : g.inner;
        return margin_left + column * (g.column_width(columns) + g.column_gap);
    }
    void next_column() {
        if (column + 1 < columns) {
            ++column, y = 0, column_empty = true;
        } else {
            new_page("");
        }
    }
    void place(const VItem& v) {
        if (!column_empty) y += v.space_before;
        std::vector<Item> items = v.items;
        offset_items(items, left(), g.top + y);
        auto& frame = out.pages.back().frame;
        frame.items.insert(frame.items.end(), items.begin(), items.end());
        if (!v.anchor.empty()) out.anchors[v.anchor] = {page(), g.top + y};
        if (!v.section.empty()) section = out.page_section.back() = v.section;
        if (!v.outline.empty()) out.outline.push_back({v.outline, v.outline_level, page(), g.top + y, v.anchor});
        if (!v.info.text.empty() || v.info.block >= 0)
            out.lines.push_back(LineRecord{page(), column, left(), g.top + y, v.info});
        y += v.height;
        // an empty marker (a page break, an anchor) leaves the column empty, so
        // the next item's space above is still dropped
        if (v.height > 0 || !v.items.empty()) column_empty = false;
    }
};

}  // namespace

std::string dump_line(const LineRecord& r) {
    return fmt::format("p{} c{} y={:.1f} x={:.1f} w={:.2f}/{:.2f} b{} {}/{}{} | {}", r.page + 1, r.column, r.y, r.x,
                       r.info.width, r.info.measure, r.info.block, r.info.line + 1, r.info.lines,
                       r.info.heading ? " H" : "", r.info.text);
}

std::vector<VItem> as_vitems(const std::vector<SetLine>& lines, double leading, double space_before,
                             double space_after, double indent, int block) {
    std::vector<VItem> out;
    const std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        VItem v;
        v.height = leading + (i + 1 == n ? space_after : 0);
        v.space_before = i == 0 ? space_before : 0;
        v.items = lines[i].items;
        offset_items(v.items, indent, 0);
        v.breakable = i == 0 || (i >= kMinOrphanLines && n - i >= kMinWidowLines);
        v.info = {lines[i].text, lines[i].width, lines[i].measure, block, static_cast<int>(i), static_cast<int>(n), false, {}, 0, 0, false};
        v.info.space_ratio = lines[i].space_ratio;
        v.info.added_hyphen = lines[i].added_hyphen;
        out.push_back(std::move(v));
    }
    return out;
}

Laid paginate(const std::vector<VItem>& list, const PageGeometry& g) {
    Laid out;
    Cursor cur{g, out, 0, g.columns, 0, true, {}, {}};
    cur.new_page(list.empty() ? std::string() : list.front().page_kind);
    const double H = g.text_height();
    std::size_t i = 0;
    while (i < list.size()) {
        const VItem& v = list[i];
        if (v.force_break) {
            cur.columns = v.columns > 0 ? v.columns : g.columns;
            if (!cur.column_empty || cur.column > 0)
                cur.new_page(v.page_kind);
            else if (!v.page_kind.empty())  // already at the top of a fresh page: it takes the new kind
                cur.kind = out.page_kind.back() = v.page_kind;
            if ((v.parity == Parity::left && !cur.verso()) || (v.parity == Parity::right && cur.verso())) {
                // the page skipped to reach the right side stays blank: no running head
                out.page_kind.back() = "blank";
                cur.new_page(v.page_kind.empty() ? cur.kind : v.page_kind);
            }
        }
        // Find the run of items up to the next allowed break: it must fit whole.
        std::size_t j = i + 1;
        while (j < list.size() && !list[j].breakable && !list[j].force_break) ++j;
        double run = 0;
        for (std::size_t k = i; k < j; ++k) run += list[k].height + (k == i && cur.column_empty ? 0 : list[k].space_before);
        if (cur.y + run > H + 0.01 && !cur.column_empty) {
            cur.next_column();
            continue;  // retry the run at the top of the next column
        }
        if (v.fill_page) {
            VItem f = v;
            f.height = std::max(v.height, H - cur.y);
            cur.place(f);
            ++i;
            continue;
        }
        // An unbreakable run taller than a whole column is placed anyway, one
        // item per line, breaking where it must (the check reports it).
        for (std::size_t k = i; k < j; ++k) {
            if (cur.y + list[k].height > H + 0.01 && !cur.column_empty) cur.next_column();
            cur.place(list[k]);
        }
        i = j;
    }
    return out;
}

}  // namespace lerbrief::layout
