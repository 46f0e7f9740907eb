#include "app/preflight.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <variant>

#include "model/utf8.h"

namespace lerbrief::preflight {

namespace {

// How far an item may reach past the text area and still count as its content.
constexpr double kTextAreaSlack = 6;

struct Span {
    double top = 0, bottom = 0;
    bool some = false;
};

// An item's vertical extent on the page; none for links (no ink).
Span extent(const layout::Item& item, double dy, double scale) {
    struct Visit {
        double dy, scale;
        Span operator()(const layout::TextItem& t) const {  // a baseline: most of a line is above it
            return {dy + scale * (t.pos.y - 0.75 * t.size), dy + scale * (t.pos.y + 0.25 * t.size), true};
        }
        Span operator()(const layout::Shape& s) const {
            Span out;
            for (const auto& seg : s.path) {
                const int n = seg.op == layout::PathSeg::Op::curve ? 3 : seg.op == layout::PathSeg::Op::close ? 0 : 1;
                for (int i = 0; i < n; ++i) {
                    const double y = dy + scale * seg.p[i].y;
                    out.top = out.some ? std::min(out.top, y) : y;
                    out.bottom = out.some ? std::max(out.bottom, y) : y;
                    out.some = true;
                }
            }
            return out;
        }
        Span operator()(const layout::ImageItem& i) const {
            return {dy + scale * i.pos.y, dy + scale * (i.pos.y + i.height), true};
        }
        Span operator()(const layout::LinkItem&) const { return {}; }
        Span operator()(const layout::GroupItem& g) const {
            if (!g.frame) return {};
            return {dy + scale * g.offset.y, dy + scale * (g.offset.y + g.scale * g.frame->height), true};
        }
        Span operator()(const layout::QrItem& q) const {
            return {dy + scale * q.pos.y, dy + scale * (q.pos.y + q.module * (q.side + 2 * q.quiet)), true};
        }
    };
    return std::visit(Visit{dy, scale}, item);
}

// The lowest resolution of the images in `items` drawn at `scale`; counts them.
void scan_images(const std::vector<layout::Item>& items, double scale, int& count, double& lowest) {
    for (const auto& item : items) {
        if (const auto* img = std::get_if<layout::ImageItem>(&item)) {
            if (!img->raster || img->width <= 0 || img->height <= 0) continue;
            const double ppi = std::min(img->raster->width / (img->width * scale / 72),
                                        img->raster->height / (img->height * scale / 72));
            lowest = count ? std::min(lowest, ppi) : ppi;
            ++count;
        } else if (const auto* g = std::get_if<layout::GroupItem>(&item)) {
            if (g->frame) scan_images(g->frame->items, scale * g->scale, count, lowest);
        }
    }
}

// A paragraph's line that wraps to the next: not its last line, not a heading.
bool full_line(const layout::LineRecord& r) {
    return !r.info.heading && !r.info.style.empty() && !r.info.text.empty() && r.info.lines > 1 &&
           r.info.line < r.info.lines - 1;
}

std::vector<StyleChars> chars_per_line(const std::vector<layout::LineRecord>& lines) {
    std::map<std::string, std::vector<int>> by_style;
    for (const auto& r : lines)
        if (full_line(r)) by_style[r.info.style].push_back(static_cast<int>(utf8::length(r.info.text)));
    std::vector<StyleChars> out;
    for (auto& [style, counts] : by_style) {
        std::sort(counts.begin(), counts.end());
        const std::size_t n = counts.size();
        const int median = n % 2 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2] + 1) / 2;
        out.push_back({style, n, median, counts.back()});
    }
    return out;
}

// Loose lines, hyphens in a row and paragraphs ending in a split word.
void line_checks(const std::vector<layout::LineRecord>& lines, DocumentMeasures& m) {
    const layout::LineRecord* prev = nullptr;  // the line before, when of the same paragraph
    int run = 0;
    for (const auto& r : lines) {
        const auto& i = r.info;
        if (i.space_ratio > kLooseSpaceRatio) ++m.loose_lines;
        if (i.space_ratio > m.worst_ratio) m.worst_ratio = i.space_ratio, m.worst_page = r.page + 1;
        const bool follows = prev && i.block >= 0 && prev->info.block == i.block && prev->info.line + 1 == i.line;
        run = i.added_hyphen ? (follows ? run + 1 : 1) : 0;
        if (run > m.hyphen_run) m.hyphen_run = run, m.hyphen_run_page = r.page + 1;
        // the last line is the rest of a split word alone ("lum.")
        if (follows && i.lines > 1 && i.line == i.lines - 1 && prev->info.added_hyphen &&
            i.text.find(' ') == std::string::npos) {
            if (!m.split_endings) m.split_page = r.page + 1;
            ++m.split_endings;
        }
        if (is_body_style(i.style) && i.size > 0) m.body_size = m.body_size > 0 ? std::min(m.body_size, i.size) : i.size;
        prev = i.block >= 0 ? &r : nullptr;
    }
}

}  // namespace

bool holds_content(layout::PageKind kind) { return kind == "body" || kind == "front" || kind == "sheet"; }

double page_fill(const layout::Frame& page, const layout::PageGeometry& g) {
    const double top = g.top, bottom = g.height - g.bottom;
    double lowest = top;
    for (const auto& item : page.items) {
        const Span s = extent(item, 0, 1);
        if (!s.some || s.top < top - kTextAreaSlack || s.bottom > bottom + kTextAreaSlack) continue;
        lowest = std::max(lowest, s.bottom);
    }
    const double h = g.text_height();
    return h > 0 ? std::clamp((lowest - top) / h, 0.0, 1.0) : 1.0;
}

DocumentMeasures measure(const compose::Composed& c, const layout::PageGeometry& g, const std::string& name,
                         bool sheet) {
    DocumentMeasures m;
    m.name = name;
    m.sheet = sheet;
    m.pages = static_cast<int>(c.doc.pages.size());
    line_checks(c.lines, m);
    m.chars = chars_per_line(c.lines);
    int run = 0;
    for (std::size_t p = 0; p < c.doc.pages.size(); ++p) {
        const layout::PageKind kind = p < c.page_kind.size() ? c.page_kind[p] : layout::PageKind();
        const bool empty = holds_content(kind) && page_fill(c.doc.pages[p].frame, g) < kNearlyEmptyShare;
        if (empty) m.nearly_empty.push_back(static_cast<int>(p) + 1);
        run = empty ? run + 1 : 0;
        m.nearly_empty_run = std::max(m.nearly_empty_run, run);
    }
    for (const auto& page : c.doc.pages) scan_images(page.frame.items, 1, m.images, m.lowest_ppi);
    return m;
}

}  // namespace lerbrief::preflight
