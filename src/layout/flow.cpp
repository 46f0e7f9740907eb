#include "layout/flow.h"

#include <set>

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
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// Rounds of page-flow fixes (each re-lays the list once).
constexpr int kMaxFlowRounds = 64;

// Changes to the greedy flow: page breaks before these items, and forced
// breaks that are dropped.
struct Plan {
    std::set<std::size_t> early, dropped;
};

// Per page, for the flow fixes.
struct PageStat {
    std::size_t first = kNone;  // first list item placed on the page
    bool flowed = false;        // started because the previous page was full (or by an early break)
    int columns = 1;
    double used = 0;            // column * H + y of the lowest content
    int lines = 0;              // placed items with content (tall ones count kMinTailLines)
    std::size_t items = 0;      // positioned items on the page (what a filled flow reserves)
};

// What a flow produces: only where things go (pages, their kinds, stats and
// fill: what the flow fixes look at), or the pages' items and line records
// too, copied from the list or moved out of it (its last use).
enum class Fill { plan, copy, move };

struct Cursor {
    const PageGeometry& g;
    Laid& out;
    Fill fill = Fill::copy;
    int column = 0;
    int columns = g.columns;
    double y = 0;  // inside the column, from the text area's top
    bool column_empty = true;
    PageKind kind;
    std::string section;
    std::vector<PageStat> stats{};
    std::vector<double> at{};  // per list item: column * H + y where it was placed
    std::size_t records = 0;   // line records (counted in every Fill)
    // The same flow laid before (Fill::plan): each page's items are reserved
    // at once, not grown by doubling (a booklet's pages held a third spare).
    const std::vector<PageStat>* sized = nullptr;
    bool keep_records = true;  // false: placed lines are counted, not recorded
    // Not null (a list moved whole onto its pages): each page's items wait
    // here in the list items' own vectors, placed but not yet gathered, so
    // that the list's array can go before the pages' vectors are made
    // (gather()). A booklet of 5,000 groups held both: its list of some
    // 500,000 items (50 MB) and every page's items, moved out of the
    // items' vectors into new ones.
    std::vector<std::vector<std::vector<Item>>>* waiting = nullptr;

    void new_page(PageKind next_kind, bool flowed = false) {
        if (!next_kind.empty()) kind = next_kind;
        Page p;
        p.frame.width = g.width, p.frame.height = g.height;
        if (sized && fill != Fill::plan && !waiting && out.pages.size() < sized->size())
            p.frame.items.reserve((*sized)[out.pages.size()].items);
        if (waiting) waiting->emplace_back();
        out.pages.push_back(std::move(p));
        out.page_kind.push_back(kind);
        out.page_section.push_back(section);
        column = 0, y = 0, column_empty = true;
        stats.push_back({kNone, flowed, columns, 0, 0});
    }
    int page() const { return static_cast<int>(out.pages.size()) - 1; }
    bool verso() const { return page() % 2 == 1; }  // 0-based odd = left-hand page
    bool page_empty() const { return column == 0 && column_empty; }
    double left() const {
        double margin_left = verso() ? g.outer : g.inner;
        return margin_left + column * (g.column_width(columns) + g.column_gap);
    }
    // Returns true when it turned the page.
    bool next_column() {
        if (column + 1 < columns) {
            ++column, y = 0, column_empty = true;
            return false;
        }
        new_page("", true);
        return true;
    }
    // `take`: v itself, whose items and record may be moved out (Fill::move).
    void place(const VItem& v, std::size_t index = kNone, VItem* take = nullptr) {
        const std::size_t n_items = v.items.size();  // v's items may be moved below
        const bool has_items = n_items > 0;
        const bool record = !v.text().text.empty() || v.block >= 0;  // v's text may be moved below
        if (!column_empty) y += v.space_before;
        if (index != kNone) {
            at[index] = column * g.text_height() + y;
            if (stats.back().first == kNone) stats.back().first = index;
        }
        if (fill != Fill::plan) {
            const bool move = take && fill == Fill::move;
            std::vector<Item> items = move ? std::move(take->items) : v.items;
            offset_items(items, left(), g.top + y);
            if (waiting) {
                if (!items.empty()) waiting->back().push_back(std::move(items));
            } else {
                auto& frame = out.pages.back().frame;
                frame.items.insert(frame.items.end(), std::make_move_iterator(items.begin()),
                                   std::make_move_iterator(items.end()));
            }
            if (record && keep_records)
                out.lines.push_back(LineRecord{page(), column, left(), g.top + y, move ? take->take_info() : v.info()});
        }
        // anchors and bookmarks in every Fill: a plan tells where they land (PagePlan)
        const VMarks& m = v.marks();
        if (!m.anchor.empty()) out.anchors[m.anchor] = {page(), g.top + y};
        if (!m.outline.empty()) out.outline.push_back({m.outline, m.outline_level, page(), g.top + y, m.anchor});
        if (record) ++records;
        if (const std::string& s = v.marks().section; !s.empty()) section = out.page_section.back() = s;
        y += v.height;
        // an empty marker (a page break, an anchor) leaves the column empty, so
        // the next item's space above is still dropped
        if (v.height > 0 || has_items) column_empty = false;
        stats.back().items += n_items;
        if (has_items) {
            stats.back().used = std::max(stats.back().used, column * g.text_height() + y);
            stats.back().lines += v.height > kTallItem ? kMinTailLines : 1;
        }
    }
    // The waiting items onto their pages, each page's vector made at its
    // size, each item's vector freed as soon as it is emptied.
    void gather() {
        for (std::size_t p = 0; p < waiting->size(); ++p) {
            auto& pieces = (*waiting)[p];
            std::size_t n = 0;
            for (const auto& piece : pieces) n += piece.size();
            auto& items = out.pages[p].frame.items;
            items.reserve(items.size() + n);
            for (auto& piece : pieces) {
                items.insert(items.end(), std::make_move_iterator(piece.begin()), std::make_move_iterator(piece.end()));
                std::vector<Item>().swap(piece);
            }
            std::vector<std::vector<Item>>().swap(pieces);
        }
    }
};
}  // namespace

std::string dump_line(const LineRecord& r) {
    return fmt::format("p{} c{} y={:.1f} x={:.1f} w={:.2f}/{:.2f} b{} {}/{}{} | {}", r.page + 1, r.column, r.y, r.x,
                       r.info.width, r.info.measure, r.info.block, r.info.line + 1, r.info.lines,
                       r.info.heading ? " H" : "", r.info.text);
}

LineInfo VItem::info() const {
    const Text& t = text();
    return {t.text, t.width, t.measure, block, line, lines, heading, std::string(style), t.size, t.space_ratio,
            t.added_hyphen};
}

LineInfo VItem::take_info() {
    std::string moved = text().text.empty() ? std::string() : std::move(set_text().text);
    LineInfo i = info();
    i.text = std::move(moved);
    return i;
}

std::vector<VItem> as_vitems(const std::vector<SetLine>& lines, double leading, double space_before,
                             double space_after, double indent, int block, bool text) {
    std::vector<VItem> out;
    const std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        VItem v;
        v.height = leading + (i + 1 == n ? space_after : 0);
        v.space_before = i == 0 ? space_before : 0;
        v.items = lines[i].items;
        offset_items(v.items, indent, 0);
        // never after a hyphenated line: a word is not split across a page
        // or column break (TeX's \brokenpenalty, made absolute)
        v.breakable = i == 0 || (i >= kMinOrphanLines && n - i >= kMinWidowLines && !lines[i - 1].added_hyphen);
        v.block = block, v.line = static_cast<int>(i), v.lines = static_cast<int>(n);
        if (text)
            v.set_text() = {lines[i].text, lines[i].width, lines[i].measure, 0, lines[i].space_ratio,
                            lines[i].added_hyphen};
        out.push_back(std::move(v));
    }
    return out;
}

void ListOfRuns::add(std::vector<VItem>& from, std::size_t at, std::size_t n, std::function<void()> placed) {
    for (std::size_t i = at; i < at + n; ++i) refs_.push_back(&from[i]);
    if (placed) placed_.emplace_back(refs_.size(), std::move(placed));
}

void ListOfRuns::placed_before(std::size_t i) {
    for (; next_placed_ < placed_.size() && placed_[next_placed_].first <= i; ++next_placed_) {
        placed_[next_placed_].second();
        placed_[next_placed_].second = nullptr;
    }
}

void ListOfRuns::clear() {
    std::vector<VItem*>().swap(refs_);
    placed_.clear();
    next_placed_ = 0;
}

namespace {

// A list moved onto its pages is freed before the pages' vectors are made.
void release_list(std::vector<VItem>& list) { std::vector<VItem>().swap(list); }
void release_list(ListOfRuns& list) {
    if (list.release) list.release();
    list.clear();
}

struct Run {
    Laid laid;
    std::vector<PageStat> stats;
    std::vector<double> at;
    std::size_t records = 0;  // line records a filled flow has
};

template <class List>
double run_height(const List& list, std::size_t i, std::size_t j, bool top) {
    double run = 0;
    for (std::size_t k = i; k < j; ++k) run += list[k].height + (k == i && top ? 0 : list[k].space_before);
    return run;
}

// The greedy flow, with the plan's changes. `owned`: the list itself, whose
// items may be moved onto the pages (Fill::move), else null.
// `sized`: the same flow laid before (Fill::plan), for the vectors' sizes.
// `keep`: items of `owned` copied, not moved (null: none).
// `line_records`: false, no LineRecords are made (only counted).
template <class List>
Run lay(const List& list, const PageGeometry& g, const Plan& plan, Fill fill = Fill::plan,
        List* owned = nullptr, const Run* sized = nullptr, const std::vector<bool>* keep = nullptr,
        bool line_records = true) {
    Run r;
    if (sized) {
        const std::size_t pages = sized->laid.pages.size();
        r.laid.pages.reserve(pages), r.laid.page_kind.reserve(pages), r.laid.page_section.reserve(pages);
        if (line_records) r.laid.lines.reserve(sized->records);
    }
    Cursor cur{g, r.laid, fill, 0, g.columns, 0, true, {}, {}};
    cur.keep_records = line_records;
    if (sized) cur.sized = &sized->stats;
    // the whole list moved (its last use): pages gathered once it is gone
    std::vector<std::vector<std::vector<Item>>> waiting;
    if (fill == Fill::move && owned && !keep) cur.waiting = &waiting;
    cur.at.assign(list.size(), -1);
    cur.new_page(list.empty() ? PageKind() : list[0].marks().page_kind);
    const double H = g.text_height();
    bool turned = false;  // the flow just turned the page before list[i]
    std::size_t i = 0;
    while (i < list.size()) {
        // the flow reads no item before list[i] again: what held those may go
        if constexpr (std::is_same_v<List, ListOfRuns>)
            if (fill == Fill::move && owned) owned->placed_before(i);
        const VItem& v = list[i];
        if (v.force_break && !plan.dropped.count(i)) {
            turned = false;
            const VMarks& m = v.marks();
            cur.columns = m.columns > 0 ? m.columns : g.columns;
            if (!cur.column_empty || cur.column > 0)
                cur.new_page(m.page_kind);
            else if (!m.page_kind.empty())  // already at the top of a fresh page: it takes the new kind
                cur.kind = r.laid.page_kind.back() = m.page_kind;
            cur.stats.back().columns = cur.columns;
            if ((m.parity == Parity::left && !cur.verso()) || (m.parity == Parity::right && cur.verso())) {
                // the page skipped to reach the right side stays blank: no running head
                r.laid.page_kind.back() = "blank";
                cur.new_page(m.page_kind.empty() ? cur.kind : m.page_kind);
            }
        } else if (plan.early.count(i) && !cur.page_empty()) {
            cur.new_page(PageKind(), true);
            turned = true;
        }
        // Find the run of items up to the next allowed break: it must fit whole.
        std::size_t j = i + 1;
        while (j < list.size() && !list[j].breakable && !(list[j].force_break && !plan.dropped.count(j))) ++j;
        double run = run_height(list, i, j, cur.column_empty);
        if (turned && v.repeat && cur.page_empty()) {
            // the group goes on: its heading again, if it fits with the run
            double rh = run_height(*v.repeat, 0, v.repeat->size(), true);
            if (rh + run_height(list, i, j, false) <= H + 0.01) {
                for (const VItem& h : *v.repeat) cur.place(h);
                run = run_height(list, i, j, false);
            }
        }
        turned = false;
        if (cur.y + run > H + 0.01 && !cur.column_empty) {
            turned = cur.next_column();
            continue;  // retry the run at the top of the next column
        }
        if (v.fill_page) {
            VItem f = v;
            f.height = std::max(v.height, H - cur.y);
            cur.place(f, i, owned ? &f : nullptr);
            ++i;
            continue;
        }
        // An unbreakable run taller than a whole column is placed anyway, one
        // item per line, breaking where it must (the check reports it).
        for (std::size_t k = i; k < j; ++k) {
            if (cur.y + list[k].height > H + 0.01 && !cur.column_empty) cur.next_column();
            cur.place(list[k], k, owned && !(keep && (*keep)[k]) ? &(*owned)[k] : nullptr);
        }
        i = j;
    }
    if constexpr (std::is_same_v<List, ListOfRuns>)
        if (fill == Fill::move && owned) owned->placed_before(list.size());
    if (cur.waiting) {
        release_list(*owned);  // `list` too: not read again
        cur.gather();
    }
    r.records = cur.records;
    r.stats = std::move(cur.stats);
    r.at = std::move(cur.at);
    for (const auto& st : r.stats) r.laid.page_fill.push_back(st.used / (st.columns * H));
    return r;
}

bool exempt(const Run& r, std::size_t p) { return r.laid.page_kind[p] == "blank" || r.stats[p].used <= 0; }

bool empty_page(const Run& r, std::size_t p) { return !exempt(r, p) && nearly_empty(r.laid.page_fill[p]); }

// The last page of a flowed run that carries too little.
bool short_tail(const Run& r, std::size_t p) {
    if (p == 0 || !r.stats[p].flowed || exempt(r, p)) return false;
    if (p + 1 < r.stats.size() && r.stats[p + 1].flowed) return false;
    return r.stats[p].lines < kMinTailLines || empty_page(r, p);
}

int problems(const Run& r) {
    int n = 0;
    for (std::size_t p = 0; p < r.stats.size(); ++p) {
        if (short_tail(r, p)) ++n;
        if (p + 1 < r.stats.size() && empty_page(r, p) && empty_page(r, p + 1)) ++n;
    }
    return n;
}

// Break earlier on page p - 1 so that page p carries enough.
template <class List>
bool pull_forward(const List& list, const Run& r, std::size_t p, const PageGeometry& g, Plan& plan) {
    const PageStat &donor = r.stats[p - 1], &tail = r.stats[p];
    if (donor.first == kNone || tail.first == kNone) return false;
    const double H = g.text_height(), cap = donor.columns * H, tail_cap = tail.columns * H;
    // lines of the items from k to the tail's first
    std::vector<int> moved(tail.first + 1, 0);
    for (std::size_t k = tail.first; k-- > donor.first;)
        moved[k] = moved[k + 1] + (list[k].items.empty() ? 0 : list[k].height > kTallItem ? kMinTailLines : 1);
    std::size_t best = kNone, group = kNone;
    for (std::size_t k = tail.first; k-- > donor.first + 1;) {
        if (!list[k].breakable || list[k].force_break || r.at[k] < 0) continue;
        if (r.at[k] < kMinDonorShare * cap) break;
        const double moved_h = donor.used - r.at[k];
        if (tail.used + moved_h > tail_cap) break;
        const bool enough = tail.lines + moved[k] >= kMinTailLines && !nearly_empty((tail.used + moved_h) / tail_cap);
        if (best == kNone && enough) best = k;
        if (best != kNone && group == kNone && list[k].heading && r.at[best] - r.at[k] <= kGroupPullShare * H) group = k;
    }
    if (best == kNone) return false;
    plan.early.insert(group != kNone ? group : best);
    return true;
}

// Two nearly empty pages p, p + 1: drop the plain page break between them.
template <class List>
bool join(const List& list, const Run& r, std::size_t p, const PageGeometry& g, Plan& plan) {
    const PageStat &a = r.stats[p], &b = r.stats[p + 1];
    if (b.flowed || b.first == kNone) return false;
    const VItem& br = list[b.first];
    const VMarks& m = br.marks();
    if (!br.force_break || m.parity != Parity::any || !m.page_kind.empty() || m.columns > 0) return false;
    if (a.columns != g.columns || b.columns != g.columns) return false;
    if (r.laid.page_kind[p] != r.laid.page_kind[p + 1]) return false;
    if (a.used + b.used > a.columns * g.text_height()) return false;
    plan.dropped.insert(b.first);
    return true;
}

}  // namespace

namespace {

// The flow with its fixes, and its lay as a plan.
struct Fixed {
    Plan plan;
    Run best;
};

// The flow fixes compare trial flows by where things land (Fill::plan: no
// items copied, no line records); the pages are filled once, by the plan
// kept. A booklet of 4,000 pages held two full copies of its pages at once.
template <class List>
Fixed fix_flow(const List& list, const PageGeometry& g) {
    Plan plan;
    Run best = lay(list, g, plan);
    std::set<std::pair<int, std::size_t>> tried;  // (rule, first item of the page)
    for (int round = 0; round < kMaxFlowRounds; ++round) {
        bool changed = false;
        for (std::size_t p = 0; p < best.stats.size() && !changed; ++p) {
            Plan next = plan;
            bool fix = false;
            if (short_tail(best, p) && !tried.count({1, best.stats[p].first})) {
                tried.insert({1, best.stats[p].first});
                fix = pull_forward(list, best, p, g, next);
            } else if (p + 1 < best.stats.size() && empty_page(best, p) && empty_page(best, p + 1) &&
                       !tried.count({2, best.stats[p + 1].first})) {
                tried.insert({2, best.stats[p + 1].first});
                fix = join(list, best, p, g, next);
            }
            if (!fix) continue;
            Run trial = lay(list, g, next);
            if (trial.laid.pages.size() <= best.laid.pages.size() && problems(trial) < problems(best)) {
                plan = std::move(next);
                best = std::move(trial);
                changed = true;
            }
        }
        if (!changed) break;
    }
    return {std::move(plan), std::move(best)};
}

Laid paginate(const std::vector<VItem>& list, const PageGeometry& g, std::vector<VItem>* owned,
              const std::vector<bool>* keep = nullptr) {
    const Fixed f = fix_flow(list, g);
    return std::move(lay(list, g, f.plan, owned ? Fill::move : Fill::copy, owned, &f.best, keep).laid);
}

}  // namespace

struct PagePlan::Impl {
    Fixed fixed;
    std::size_t items = 0;  // the list's length, to tell it is the one planned
};

PagePlan::PagePlan(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PagePlan::PagePlan(PagePlan&&) noexcept = default;
PagePlan& PagePlan::operator=(PagePlan&&) noexcept = default;
PagePlan::~PagePlan() = default;

const Laid& PagePlan::laid() const { return impl_->fixed.best.laid; }

namespace {

template <class List>
std::unique_ptr<PagePlan::Impl> planned(const List& list, const PageGeometry& g) {
    auto impl = std::make_unique<PagePlan::Impl>();
    impl->fixed = fix_flow(list, g);
    impl->items = list.size();
    return impl;
}

// `impl`: the list's plan; another list's (or none, a plan moved from): planned anew.
template <class List>
Laid filled(List& list, const PageGeometry& g, std::unique_ptr<PagePlan::Impl> impl, bool line_records) {
    if (!impl || impl->items != list.size()) impl = planned(list, g);
    const Fixed& f = impl->fixed;
    return std::move(lay(list, g, f.plan, Fill::move, &list, &f.best, nullptr, line_records).laid);
}

}  // namespace

PagePlan plan_pages(const std::vector<VItem>& list, const PageGeometry& g) { return PagePlan(planned(list, g)); }

Laid fill_pages(std::vector<VItem>&& list, const PageGeometry& g, PagePlan&& plan, bool line_records) {
    return filled(list, g, std::move(plan.impl_), line_records);
}

PagePlan plan_pages(const ListOfRuns& list, const PageGeometry& g) { return PagePlan(planned(list, g)); }

Laid fill_pages(ListOfRuns&& list, const PageGeometry& g, PagePlan&& plan, bool line_records) {
    return filled(list, g, std::move(plan.impl_), line_records);
}

Laid paginate(const std::vector<VItem>& list, const PageGeometry& g) { return paginate(list, g, nullptr); }

Laid paginate(std::vector<VItem>&& list, const PageGeometry& g) { return paginate(list, g, &list); }

Laid paginate(std::vector<VItem>&& list, const PageGeometry& g, const std::vector<bool>& keep) {
    // flags that do not match the list: everything is copied, nothing lost
    return keep.size() == list.size() ? paginate(list, g, &list, &keep) : paginate(list, g, nullptr);
}

}  // namespace lerbrief::layout
