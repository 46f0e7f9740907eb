#include "render/pdf_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include "model/strings.h"
#include "render/glyph_run.h"
#include "render/pdf_destination.h"
#include "render/render_error.h"
#include "render/text_codes.h"
#include "render/uri.h"

namespace lerbrief::render {

namespace {

using layout::Color;

// Maps a frame's top-down point to the page's top-down point: the product of
// the groups it sits in.
struct Placement {
    double scale = 1, dx = 0, dy = 0;
    layout::Point map(double x, double y) const { return {dx + scale * x, dy + scale * y}; }
};

// What has been written to the content stream, so unchanged state is not
// written again. Saved and restored around groups, like the PDF state.
struct GraphicsState {
    std::optional<Color> fill, stroke;
    std::optional<double> line_width;
    layout::LineCap cap = layout::LineCap::butt;  // PDF's initial state
    layout::LineJoin join = layout::LineJoin::miter;
    double miter_limit = 10;
    HPDF_Font font = nullptr;
    double font_size = 0;
};

// libharu clamps every number it writes to ±32767 (HPDF_LIMIT_MAX_REAL).
constexpr double kMaxPdfNumber = 32767;

// A link's /Contents (tagged files) holds at most this many characters of
// its URL: every line of a long link is its own annotation, and a reader
// gains nothing from hearing 20,000 characters.
constexpr std::size_t kMaxLinkContents = 160;

double unit(double v) { return std::clamp(v, 0.0, 1.0); }

class PageWriter {
public:
    PageWriter(PageTargets& t, std::size_t index)
        : t_(t), doc_(t.doc), page_(t.pages[index]), page_height_(t.page_heights[index]), index_(index) {}

    // Ends the page's open marked-content sequence (at the end of the page).
    // The elements whose words this page carries over to the next (note_carry).
    std::set<const layout::StructNode*> carry() { return std::move(next_carry_); }
    void finish() {
        if (group_tag_) return;
        close_sequence();
    }

    void draw(const layout::Frame& frame, const Placement& place, int depth) {
        for (std::size_t i = 0; i < frame.items.size(); ++i) {
            link_added_hyphen(frame, i);
            if (t_.tags) mark_word_space(frame, i);
            if (t_.tags && depth == 0) note_carry(frame, i);
            path_.push_back(i);
            std::visit([&](const auto& item) { draw_item(item, frame.height, place, depth); },
                       frame.items[i]);
            path_.pop_back();
        }
    }

private:
    // The page's text that goes on from the previous page's last words (the
    // carry), and what this page's last words carry over.
    void note_carry(const layout::Frame& frame, std::size_t i) {
        const auto* item = std::get_if<layout::TextItem>(&frame.items[i]);
        if (!item || !item->tag || item->text.empty()) return;
        const layout::StructNode* node = item->tag.get();
        if (seen_.insert(node).second && t_.carry.count(node)) lead_space_.insert(item);
        const bool goes_on =
            !item->joins_next && !item->added_hyphen && item->text.back() != ' ' && !spaced_.count(item);
        if (goes_on)
            next_carry_.insert(node);
        else
            next_carry_.erase(node);
    }

    // Layout places a line's text in runs, one per font and colour, with no
    // space character between them or at the line's end: a reader of the
    // structure (a screen reader, `pdfinfo -struct-text`) would get
    // "…ateditorial" across a run's or a line's end. In a tagged file a
    // text item followed, in the same element, by a word further along its
    // line or by the next line gets a real space glyph after its last
    // character. The space draws nothing and the next item is placed on its
    // own, so the print is the same. No space where the next piece touches
    // this one (a word set in two fonts), after a hyphen layout added, or
    // after a line broken inside a word (TextItem::joins_next: a URL's break
    // point, a compound broken at its own hyphen).
    void mark_word_space(const layout::Frame& frame, std::size_t i) {
        const auto* item = std::get_if<layout::TextItem>(&frame.items[i]);
        if (!item || item->added_hyphen || item->text.empty() || item->text.back() == ' ') return;
        for (std::size_t k = i + 1; k < frame.items.size(); ++k) {
            const auto* next = std::get_if<layout::TextItem>(&frame.items[k]);
            if (!next) continue;
            if (next->tag != item->tag || next->text.empty() || next->text.front() == ' ') return;
            const double eps = 0.01 * item->size;
            if (std::abs(next->pos.y - item->pos.y) <= eps) {
                if (next->pos.x > item->pos.x + item->width + 0.1 * item->size) spaced_.insert(item);
            } else if (!item->joins_next) {  // the next line, or the next column's top
                spaced_.insert(item);
            }
            return;
        }
    }

    // A hyphen layout added at a line break copies as the rest of the word
    // (ActualText), and the rest of the word where the next line starts
    // copies as nothing, so copied text has the word whole where the
    // hyphen was ("completion,", not "comple-⏎tion,"). The rest is the
    // next line's first text item in the same frame, up to its first space.
    // A word continued in another frame (the next page) keeps its hyphen.
    void link_added_hyphen(const layout::Frame& frame, std::size_t i) {
        const auto* hyphen = std::get_if<layout::TextItem>(&frame.items[i]);
        if (!hyphen || !hyphen->added_hyphen) return;
        for (std::size_t k = i + 1; k < frame.items.size(); ++k) {
            const auto* next = std::get_if<layout::TextItem>(&frame.items[k]);
            if (!next) continue;
            if (next->added_hyphen || next->pos.y <= hyphen->pos.y || next->pos.x >= hyphen->pos.x) return;
            std::string_view rest = next->text;
            rest = rest.substr(0, std::min(rest.find(' '), rest.find("\u00A0")));
            if (rest.empty()) return;
            hyphen_rest_[hyphen] = std::string(rest);
            silent_prefix_[next] = pdf_code_points(rest, where()).size();
            return;
        }
    }

    // "page 2, item 14" or "page 2, item 3.1" inside a group.
    std::string where() const {
        std::string s = fmt::format("page {}, item ", index_ + 1);
        for (std::size_t k = 0; k < path_.size(); ++k) s += (k ? "." : "") + std::to_string(path_[k] + 1);
        return s;
    }
    void check(const char* what, HPDF_STATUS st) {
        if (st != HPDF_OK || HPDF_GetError(doc_.get()) != HPDF_OK) doc_.check(where() + ": " + what, st);
    }

    void write_raw(const std::string& ops) {
        auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
        check("writing marked content", HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                                                          static_cast<HPDF_UINT>(ops.size())));
    }
    // Before an item's content: the sequence of `tag` (null: an artifact),
    // the open one when it is the same. Inside a tagged group nothing: the
    // group's sequence holds everything.
    void enter(const layout::Tag& tag) {
        if (!t_.tags || group_tag_) return;
        if (open_ && open_tag_ == tag.get()) return;
        close_sequence();
        if (tag)
            write_raw(begin_marked_content(role_name(tag->role),
                                           fmt::format("/MCID {}", t_.tags->mark(tag, index_))));
        else
            write_raw("/Artifact BMC\012");
        open_ = true;
        open_tag_ = tag.get();
    }
    void close_sequence() {
        if (!t_.tags || group_tag_ || !open_) return;
        write_raw(end_marked_content());
        open_ = false;
        open_tag_ = nullptr;
    }
    // An item with a tag that draws nothing: its element still takes its place.
    void touch(const layout::Tag& tag) {
        if (t_.tags && !group_tag_ && tag) t_.tags->touch(tag);
    }

    // A number for libharu; NaN, infinities and numbers it would clamp are
    // layout bugs that would draw in the wrong place.
    HPDF_REAL real(double v) const {
        if (!(std::abs(v) <= kMaxPdfNumber))
            throw RenderError(fmt::format("pdf: {}: number {} is outside ±{}", where(), v, kMaxPdfNumber));
        return static_cast<HPDF_REAL>(v);
    }

    void set_fill(const Color& c) {
        if (state_.fill == c) return;
        check("setting the fill colour",
              c.is_gray() ? HPDF_Page_SetGrayFill(page_, real(unit(c.r)))
                          : HPDF_Page_SetRGBFill(page_, real(unit(c.r)), real(unit(c.g)), real(unit(c.b))));
        state_.fill = c;
    }
    void set_stroke(const Color& c, double width) {
        if (state_.stroke != c)
            check("setting the stroke colour",
                  c.is_gray()
                      ? HPDF_Page_SetGrayStroke(page_, real(unit(c.r)))
                      : HPDF_Page_SetRGBStroke(page_, real(unit(c.r)), real(unit(c.g)), real(unit(c.b))));
        state_.stroke = c;
        if (state_.line_width != width)
            check("setting the line width", HPDF_Page_SetLineWidth(page_, real(width)));
        state_.line_width = width;
    }

    // Caps, joins and miter limit, written only when they change.
    void set_line_style(const layout::Shape& s) {
        if (state_.cap != s.cap)
            check("HPDF_Page_SetLineCap",
                  HPDF_Page_SetLineCap(page_, s.cap == layout::LineCap::round    ? HPDF_ROUND_END
                                              : s.cap == layout::LineCap::square ? HPDF_PROJECTING_SCUARE_END
                                                                                 : HPDF_BUTT_END));
        if (state_.join != s.join)
            check("HPDF_Page_SetLineJoin",
                  HPDF_Page_SetLineJoin(page_, s.join == layout::LineJoin::round   ? HPDF_ROUND_JOIN
                                               : s.join == layout::LineJoin::bevel ? HPDF_BEVEL_JOIN
                                                                                   : HPDF_MITER_JOIN));
        if (state_.miter_limit != s.miter_limit)
            check("HPDF_Page_SetMiterLimit", HPDF_Page_SetMiterLimit(page_, real(std::max(1.0, s.miter_limit))));
        state_.cap = s.cap, state_.join = s.join, state_.miter_limit = s.miter_limit;
    }

    // One text object per item: the font, the position, then the glyphs as
    // a kerned run (glyph_run.h), its spaces at the item's word space, with
    // what they copy as.
    void draw_item(const layout::TextItem& item, double h, const Placement&, int) {
        if (item.text.empty()) return touch(item.tag);
        const bool spaced = spaced_.count(&item) != 0, lead = lead_space_.count(&item) != 0;
        const std::string shown = spaced ? item.text + " " : item.text;
        HPDF_Font font = t_.fonts.prepare(item.font, lead ? " " + shown : shown, where());
        const layout::FontMetrics& metrics = t_.fonts.metrics(item.font, where());
        GlyphRun run = make_glyph_run(pdf_code_points(shown, where()), metrics);
        set_word_spaces(run, run.codes.size() - (spaced ? 1 : 0), item.word_space, item.size, metrics);
        CopyText copy;
        if (auto it = silent_prefix_.find(&item); it != silent_prefix_.end()) copy.silent_prefix = it->second;
        if (auto it = hyphen_rest_.find(&item); it != hyphen_rest_.end()) copy.actual_text = it->second;
        // a tagged item with a span (a hyphen layout added, the rest of its
        // word): the span takes its own MCID, outside the element's sequence
        const bool own_spans = t_.tags && !group_tag_ && item.tag && (copy.actual_text || copy.silent_prefix > 0);
        if (own_spans) {
            close_sequence();
            copy.span_mcid = t_.tags->mark(item.tag, index_);
            if (copy.silent_prefix > 0 && copy.silent_prefix < run.codes.size()) {
                copy.rest_tag = std::string(role_name(item.tag->role));
                copy.rest_mcid = t_.tags->mark(item.tag, index_);
            }
        } else {
            enter(item.tag);
        }
        set_fill(item.color);
        check("HPDF_Page_BeginText", HPDF_Page_BeginText(page_));
        if (font != state_.font || item.size != state_.font_size)
            check("HPDF_Page_SetFontAndSize", HPDF_Page_SetFontAndSize(page_, font, real(item.size)));
        state_.font = font;
        state_.font_size = item.size;
        if (lead) {  // the words before are on the previous page: a space glyph, ending where the item starts
            const GlyphRun space = make_glyph_run({U' '}, metrics);
            check("HPDF_Page_MoveTextPos", HPDF_Page_MoveTextPos(page_, real(item.pos.x - metrics.width(" ", item.size)),
                                                                 real(h - item.pos.y)));
            show_glyph_run(doc_, page_, font, space, CopyText{}, where());
            check("HPDF_Page_EndText", HPDF_Page_EndText(page_));
            check("HPDF_Page_BeginText", HPDF_Page_BeginText(page_));
        }
        check("HPDF_Page_MoveTextPos", HPDF_Page_MoveTextPos(page_, real(item.pos.x), real(h - item.pos.y)));
        show_glyph_run(doc_, page_, font, run, copy, where());
        check("HPDF_Page_EndText", HPDF_Page_EndText(page_));
    }

    void draw_item(const layout::Shape& s, double h, const Placement&, int) { draw_shape(s, s.tag, h); }

    void draw_shape(const layout::Shape& s, const layout::Tag& tag, double h) {
        if (s.path.empty() || (!s.fill && !s.stroke)) return touch(tag);
        if (s.path.front().op != layout::PathSeg::Op::move)
            throw RenderError(fmt::format("pdf: {}: a path must start with a move", where()));
        enter(tag);
        if (s.fill) set_fill(*s.fill);
        if (s.stroke) {
            set_stroke(*s.stroke, s.stroke_width);
            set_line_style(s);
        }
        write_path(s.path, h);
        HPDF_STATUS st = s.fill && s.stroke ? (s.even_odd ? HPDF_Page_EofillStroke(page_) : HPDF_Page_FillStroke(page_))
                         : s.fill           ? (s.even_odd ? HPDF_Page_Eofill(page_) : HPDF_Page_Fill(page_))
                                            : HPDF_Page_Stroke(page_);
        check("painting a path", st);
    }

    // The path's construction operators, written as HPDF_Page_MoveTo,
    // LineTo, CurveTo and ClosePath write them (libharu's own number
    // formatting, HPDF_FToA), in one write: those functions clear a 2 KB
    // buffer for each operator, and a QR code is hundreds of them. The page
    // is left in libharu's path state, as they leave it, for the painting
    // operator that follows. (Its current point is not kept, as they keep
    // it: nothing reads it, and painting the path resets it.)
    void write_path(const std::vector<layout::PathSeg>& path, double h) {
        check("starting a path", HPDF_Page_CheckState(page_, HPDF_GMODE_PAGE_DESCRIPTION | HPDF_GMODE_PATH_OBJECT));
        std::string ops;
        ops.reserve(path.size() * 24);
        char number[32];
        const auto put = [&](double v) {
            const char* end = HPDF_FToA(number, real(v), number + sizeof number - 1);
            ops.append(number, static_cast<std::size_t>(end - number));
        };
        const auto point = [&](const layout::Point& p, const char* after) {
            put(p.x);
            ops += ' ';
            put(h - p.y);
            ops += after;
        };
        for (const layout::PathSeg& seg : path) {
            const layout::Point* p = seg.p;
            switch (seg.op) {
                case layout::PathSeg::Op::move: point(p[0], " m\012"); break;
                case layout::PathSeg::Op::line: point(p[0], " l\012"); break;
                case layout::PathSeg::Op::curve:
                    point(p[0], " ");
                    point(p[1], " ");
                    point(p[2], " c\012");
                    break;
                case layout::PathSeg::Op::close: ops += "h\012"; break;
            }
        }
        auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
        check("writing a path", HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                                                  static_cast<HPDF_UINT>(ops.size())));
        attr->gmode = HPDF_GMODE_PATH_OBJECT;
    }

    // Expanded to its rectangles only while the page is drawn: the same
    // operators as the path the code once was.
    void draw_item(const layout::QrItem& qr, double h, const Placement&, int) {
        draw_shape(layout::qr_shape(qr), qr.tag, h);
    }

    void draw_item(const layout::ImageItem& item, double h, const Placement&, int) {
        if (!item.raster) throw RenderError(fmt::format("pdf: {}: image item without a raster", where()));
        HPDF_Image image = t_.images.get(*item.raster, where());
        enter(item.tag);
        check("HPDF_Page_DrawImage",
              HPDF_Page_DrawImage(page_, image, real(item.pos.x), real(h - item.pos.y - item.height),
                                  real(item.width), real(item.height)));
    }

    void draw_item(const layout::LinkItem& item, double, const Placement& place, int) {
        layout::Point a = place.map(item.pos.x, item.pos.y);
        layout::Point b = place.map(item.pos.x + item.width, item.pos.y + item.height);
        HPDF_Rect rect{real(a.x), real(page_height_ - b.y), real(b.x), real(page_height_ - a.y)};
        LinkAnnotation link;
        link.rect = rect;
        if (!item.uri.empty()) {
            link.uri = ascii_uri(item.uri, where());
            // what a screen reader announces: the address, a very long one
            // shortened (the annotation's /URI keeps it whole)
            if (t_.tags)
                link.contents = link.uri.size() <= kMaxLinkContents
                                    ? link.uri
                                    : link.uri.substr(0, kMaxLinkContents - 1) + "\u2026";
        } else if (item.dest_page >= 0 && static_cast<std::size_t>(item.dest_page) < t_.pages.size()) {
            auto target = static_cast<std::size_t>(item.dest_page);
            link.dest = make_destination(doc_, t_.pages[target], t_.page_heights[target], item.dest_y);
            if (t_.tags) {
                const std::string label = target < t_.labels.size() && !t_.labels[target].empty()
                                              ? t_.labels[target]
                                              : std::to_string(target + 1);
                link.contents = t_.page_link.empty() ? label : fill_placeholders(t_.page_link, {{"page", label}});
            }
        } else {
            throw RenderError(fmt::format("pdf: {}: link to page {} of {} and no URI", where(),
                                          item.dest_page + 1, t_.pages.size()));
        }
        auto added = t_.links.add(index_, std::move(link));
        // Inside a tagged group the link belongs to the group's element.
        if (t_.tags) t_.tags->link(group_tag_ ? group_tag_ : item.tag, added.annot, added.obj, index_);
    }

    void draw_item(const layout::GroupItem& g, double h, const Placement& place, int depth) {
        if (!g.frame) throw RenderError(fmt::format("pdf: {}: group without a frame", where()));
        if (!(g.scale > 0)) throw RenderError(fmt::format("pdf: {}: group scale must be positive", where()));
        if (depth >= kMaxGroupDepth)
            throw RenderError(fmt::format("pdf: {}: groups nested deeper than {}", where(), kMaxGroupDepth));
        // A tagged group: one sequence of its tag around q…Q, tags inside
        // ignored (and an outer tagged group's wins). Untagged: no
        // sequence spans the q or the Q.
        if (g.reuse)
            if (HPDF_XObject form = t_.forms.get(g.frame, where())) return draw_form(g, h, form);
        const bool takes_tag = g.tag && !group_tag_;
        if (takes_tag) enter(g.tag);
        else close_sequence();
        GraphicsState saved = state_;
        check("HPDF_Page_GSave", HPDF_Page_GSave(page_));
        if (takes_tag) group_tag_ = g.tag;
        double s = g.scale;
        check("HPDF_Page_Concat", HPDF_Page_Concat(page_, real(s), 0, 0, real(s), real(g.offset.x),
                                                   real(h - g.offset.y - s * g.frame->height)));
        if (g.half_turn)  // (u, v) → (W − u, H − v) in the frame's own units
            check("HPDF_Page_Concat", HPDF_Page_Concat(page_, -1, 0, 0, -1, real(g.frame->width),
                                                       real(g.frame->height)));
        Placement inner{place.scale * s, place.dx + place.scale * g.offset.x,
                        place.dy + place.scale * g.offset.y};
        try {
            draw(*g.frame, inner, depth + 1);
            close_sequence();
        } catch (...) {
            HPDF_Page_GRestore(page_);  // best effort: libharu leaks a state left saved
            throw;
        }
        check("HPDF_Page_GRestore", HPDF_Page_GRestore(page_));
        if (takes_tag) group_tag_ = nullptr;
        state_ = saved;
    }

    // A reused frame (an icon's art): its form placed as the group would be
    // drawn, in one sequence of the group's tag (an artifact when it has none).
    void draw_form(const layout::GroupItem& g, double h, HPDF_XObject form) {
        enter(g.tag);
        check("HPDF_Page_GSave", HPDF_Page_GSave(page_));
        const double s = g.scale;
        check("HPDF_Page_Concat", HPDF_Page_Concat(page_, real(s), 0, 0, real(s), real(g.offset.x),
                                                   real(h - g.offset.y - s * g.frame->height)));
        if (g.half_turn)
            check("HPDF_Page_Concat", HPDF_Page_Concat(page_, -1, 0, 0, -1, real(g.frame->width),
                                                       real(g.frame->height)));
        check("HPDF_Page_ExecuteXObject", HPDF_Page_ExecuteXObject(page_, form));
        check("HPDF_Page_GRestore", HPDF_Page_GRestore(page_));
    }

    PageTargets& t_;
    HpdfDoc& doc_;
    HPDF_Page page_;
    double page_height_;
    std::size_t index_;
    GraphicsState state_;
    bool open_ = false;                      // a marked-content sequence is open
    const layout::StructNode* open_tag_ = nullptr;  // its tag (null: an artifact)
    layout::Tag group_tag_;                  // inside a tagged group: its tag
    std::vector<std::size_t> path_;  // item indices, outermost first
    std::map<const layout::TextItem*, std::string> hyphen_rest_;     // added hyphen → the word's rest
    std::map<const layout::TextItem*, std::size_t> silent_prefix_;  // that rest's item → its codes
    std::set<const layout::TextItem*> lead_space_;  // start with a space glyph (note_carry)
    std::set<const layout::StructNode*> seen_;        // elements with text on this page
    std::set<const layout::StructNode*> next_carry_;  // what this page carries to the next
    std::set<const layout::TextItem*> spaced_;  // followed by a space glyph (mark_word_space)
};

}  // namespace

void draw_page(PageTargets& targets, std::size_t index, const layout::Frame& frame) {
    PageWriter writer(targets, index);
    writer.draw(frame, Placement{}, 0);
    writer.finish();
    targets.carry = writer.carry();
}

}  // namespace lerbrief::render
