#include "compose/builder.h"

#include <algorithm>

#include "layout/paragraph.h"
#include "layout/paragraph_memo.h"
#include "model/limits.h"
#include "model/markup.h"

namespace lerbrief::compose {

using namespace layout;

namespace {
// Hanging indent of a bullet list level and the bullet character.
constexpr double kBulletIndentEm = 1.4;
const char* const kBullets[] = {"\u2022", "\u2013", "\u25E6"};
}  // namespace

Color to_color(const Rgb& c) { return Color{c.r, c.g, c.b}; }

std::string fill_markup(const Strings& s, Str id,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    return fill_placeholders(escape_markup(s(id)), values);
}

void set_tags(std::vector<Item>& items, const Tag& tag) {
    for (auto& it : items)
        std::visit(
            [&](auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, TextItem> || std::is_same_v<T, LinkItem> ||
                              std::is_same_v<T, ImageItem>)
                    x.tag = tag;
            },
            it);
}

void set_tags(std::vector<VItem>& list, std::size_t first, const Tag& tag) {
    for (std::size_t k = first; k < list.size(); ++k) set_tags(list[k].items, tag);
}

Builder::Tags Builder::list_item(const Tag& list) {
    Tags t;
    const Tag li = make_tag(Role::li, list);
    t.text = make_tag(Role::lbody, li);
    t.marker = make_tag(Role::lbl, li);
    return t;
}

int Builder::heading_level(StyleName style, int outline_level) const {
    int level = outline_level;
    if (level <= 0)
        level = level_offset_ + (style == "title" || style == "h1" ? 1 : style == "h2" || style == "term" ? 2 : 3);
    return std::clamp(level, 1, std::min(6, last_level_ + 1));
}

Builder::Builder(const Tools& tools, double measure, double scale) : tools_(tools), measure_(measure), scale_(scale) {}

ParaStyle Builder::para_style(StyleName name) const {
    const TypeStyle& ts = spec().style(name);
    const FontSet& f = *tools_.fonts;
    // The family is the face name up to its first '-': "body", "heading".
    const std::string family = ts.font.substr(0, ts.font.find('-'));
    auto face = [&](const std::string& suffix, FontId fallback) {
        return spec().fonts.count(family + suffix) ? f.id(family + suffix) : fallback;
    };
    ParaStyle ps;
    ps.regular = f.id(ts.font);
    const bool base_bold = ts.font.find("bold") != std::string::npos;
    const bool base_italic = ts.font.find("italic") != std::string::npos;
    ps.bold = base_bold ? ps.regular : face("-bold", ps.regular);
    ps.italic = base_italic ? ps.regular : face(base_bold ? "-bold-italic" : "-italic", ps.regular);
    ps.bold_italic = face("-bold-italic", ps.bold);
    ps.size = ts.size * scale_;
    ps.leading = ts.leading * scale_;
    ps.color = to_color(ts.color);
    ps.link_color = ps.color;
    ps.justify = ts.align.empty() ? spec().justify : ts.align == "justify";
    if (ts.align == "center") ps.align = ParaStyle::Align::center;
    if (ts.align == "right") ps.align = ParaStyle::Align::right;
    ps.hyphenate = spec().hyphenate;
    return ps;
}

void Builder::push(std::vector<VItem> v) {
    if (v.empty()) return;
    if (!pending_anchor_.empty()) v.front().set_marks().anchor = std::move(pending_anchor_), pending_anchor_.clear();
    if (keep_next_) v.front().breakable = false, keep_next_ = false;
    if (!groups_.empty())
        for (auto& item : v)
            if (!item.repeat) item.repeat = groups_.back().repeat;
    items_.insert(items_.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
}

std::vector<VItem> Builder::lines(const std::string& markup, const SourcePos& pos, StyleName style,
                                  double indent, double first_indent, const std::string& marker, bool numbered,
                                  const Tags& tags) {
    const TypeStyle& ts = spec().style(style);
    ParaStyle ps = para_style(style);
    const SetContext ctx{tools_.fonts, spec().hyphenate ? tools_.hyphenator : nullptr, tools_.diags};
    const double width = measure_ - indent;
    auto set = [&](const SetContext& c) {
        ParagraphMemo::Paragraphs out;
        for (const Paragraph& p : parse_markup(markup)) out.push_back(set_paragraph(p, ps, {width}, c, pos));
        return out;
    };
    ParagraphMemo::Paragraphs set_here;
    const ParagraphMemo::Paragraphs& paras =
        tools_.paragraphs ? tools_.paragraphs->paragraphs(markup, pos, ps, width, ctx, set) : (set_here = set(ctx));
    std::vector<VItem> out;
    for (std::size_t i = 0; i < paras.size(); ++i) {
        const std::vector<SetLine>& set_lines = paras[i];
        const bool first = i == 0, last = i + 1 == paras.size();
        auto v = as_vitems(set_lines, ps.leading, first ? ts.space_before * scale_ : 0,
                           last ? ts.space_after * scale_ : ts.space_after * scale_ * 0.5, indent,
                           numbered ? next_block_++ : -1, tools_.line_records);
        // one element a paragraph: every line of it (and its links) shares it
        const Tag tag = tags.untagged ? nullptr : tags.text ? tags.text : make_tag(Role::p, tags.parent);
        for (auto& line : v) {
            line.style = style.name();
            if (tools_.line_records) line.set_text().size = ps.size;
            set_tags(line.items, tag);
        }
        if (first && !marker.empty() && !v.empty()) {
            // before the line's text: copied text reads "• item", in order
            const double ascent = ps.leading - (ps.leading - ps.size) / 2 - ps.size * 0.22;
            auto& items = v.front().items;
            items.insert(items.begin(), TextItem{{indent - first_indent, ascent}, ps.regular, ps.size, ps.color, marker,
                                                 text_width(*tools_.fonts, ps.regular, marker, ps.size), false,
                                                 tags.marker});
        }
        out.insert(out.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    }
    return out;
}

void Builder::set(const std::string& markup, const SourcePos& pos, StyleName style, double indent,
                  double first_indent, const std::string& marker, bool keep_with_next, const Tags& tags) {
    auto v = lines(markup, pos, style, indent, first_indent, marker, true, tags);
    if (v.empty()) return;
    push(std::move(v));
    if (keep_with_next) keep_next_ = true;  // the next item stays with this paragraph
}

void Builder::text(const Text& t, StyleName style, double indent, bool keep) {
    if (t.empty()) return;
    if (!groups_.empty() && groups_.back().list) groups_.pop_back();  // body text after a group's list: the group ended
    set(t.value, t.pos, style, indent, 0, {}, keep, Tags{});
}

void Builder::text(const std::string& markup, StyleName style, double indent, bool keep) {
    if (!groups_.empty() && groups_.back().list) groups_.pop_back();
    set(markup, {}, style, indent, 0, {}, keep, Tags{});
}

void Builder::heading(const std::string& markup, StyleName style, int outline_level, const std::string& anchor,
                      const std::string& section) {
    // a heading closes the groups of its size and smaller; a top heading
    // ("h1", a document's "title") closes all and opens none: the running
    // head names it
    const double size = spec().style(style).size;
    const bool top = style == "h1" || style == "title";
    while (!groups_.empty() && (top || groups_.back().size <= size)) groups_.pop_back();
    const std::size_t first = items_.size();
    if (!anchor.empty()) pending_anchor_ = anchor;
    const int level = heading_level(style, outline_level);
    Tags tags;
    tags.text = make_tag(heading_role(level));
    set(markup, {}, style, 0, 0, {}, false, tags);
    if (items_.size() == first) return;
    last_level_ = level;
    // only a heading with a bookmark or a running section has marks to set
    // (a plain one keeps none: VItem's rare fields are allocated when set)
    if (outline_level > 0 || !section.empty()) {
        VMarks& m = items_[first].set_marks();
        m.outline = outline_level > 0 ? plain_text(markup) : std::string();
        m.outline_level = outline_level;
        m.section = section;
    }
    // every line of a heading stays together and with what follows
    for (std::size_t k = first; k < items_.size(); ++k) {
        if (k > first) items_[k].breakable = false;
        items_[k].heading = true;
    }
    keep_next_ = true;
    if (top) return;
    // the group's heading as repeated on a page it continues on: no anchor,
    // bookmark or block number of its own, and no element: a repetition
    // (an artifact), not a heading for a reader
    Tags none;
    none.untagged = true;
    auto again = lines(fill_markup(*tools_.strings, Str::continued_heading, {{"heading", markup}}), {}, style, 0, 0, {},
                       false, none);
    for (std::size_t k = 0; k < again.size(); ++k) {
        again[k].breakable = k == 0;
        again[k].heading = true;
    }
    groups_.push_back({std::make_shared<const std::vector<VItem>>(std::move(again)), size, false});
}

void Builder::bullets(const std::vector<Text>& list, StyleName style, int level) {
    const double em = spec().style(style).size * scale_;
    const double indent = kBulletIndentEm * em * (level + 1);
    const std::string marker = kBullets[std::min(level, 2)];
    const Tag l = make_tag(Role::l);
    for (const Text& t : list)
        set(t.value, t.pos, style, indent, kBulletIndentEm * em * 0.75, marker, false, list_item(l));
    if (!list.empty()) list_seen();
}

void Builder::numbered(const std::vector<Text>& list, StyleName style) {
    const double em = spec().style(style).size * scale_;
    const double indent = kBulletIndentEm * em;
    const Tag l = make_tag(Role::l);
    for (std::size_t i = 0; i < list.size(); ++i)
        set(list[i].value, list[i].pos, style, indent, kBulletIndentEm * em * 0.85, std::to_string(i + 1) + ".", false,
            list_item(l));
    if (!list.empty()) list_seen();
}

void Builder::cases(const std::vector<Case>& list, StyleName style) {
    const double em = spec().style(style).size * scale_;
    const double indent = kBulletIndentEm * em;
    const Tag l = make_tag(Role::l);
    for (const Case& c : list) {
        std::string markup = "**" + c.title.value + "**";
        if (!c.description.empty()) markup += " \u2014 " + c.description.value;
        set(markup, c.title.pos, style, indent, kBulletIndentEm * em * 0.75, kBullets[0], false, list_item(l));
    }
    if (!list.empty()) list_seen();
}

void Builder::quote(const Quote& q) {
    const std::size_t first = items_.size();
    Tags in_quote;  // a P a paragraph, inside one BlockQuote
    in_quote.parent = make_tag(Role::blockquote);
    // the language's outer quotation marks (strings/<language>.yaml, typography.quotes)
    const auto& marks = tools_.strings->typography.quotes;
    set(escape_markup(marks[0]) + q.text.value + escape_markup(marks[1]), q.text.pos, "quote", 0, 0, {}, false, in_quote);
    if (!q.attribution.empty()) {
        keep_next_ = true;
        set("\u2014\u2002" + q.attribution.value, q.attribution.pos, "attribution", 0, 0, {}, false, in_quote);
    }
    // a quote is short: never split it
    for (std::size_t k = first + 1; k < items_.size(); ++k) items_[k].breakable = false;
}

void Builder::figure(std::shared_ptr<const Frame> frame, double width, double height, bool center, bool keep,
                     Tag tag) {
    VItem v;
    v.height = height;
    v.space_before = 6 * scale_;
    const double scale = frame->width > 0 ? width / frame->width : 1;
    const double x = center ? (measure_ - width) / 2 : 0;
    v.items.push_back(GroupItem{{x, 0}, scale, std::move(frame), false, std::move(tag)});
    v.set_text() = {"[figure]", width, measure_};
    v.block = next_block_++;
    v.lines = 1;
    push({std::move(v)});
    if (keep) keep_next_ = true;
}

void Builder::space(double points) {
    VItem v;
    v.height = points * scale_;
    push({std::move(v)});
}

void Builder::rule(const std::string& color, double width) {
    VItem v;
    v.height = 8 * scale_;
    Shape s;
    s.path = {{PathSeg::Op::move, {{0, 4 * scale_}}}, {PathSeg::Op::line, {{measure_, 4 * scale_}}}};
    s.stroke = to_color(spec().color(color));
    s.stroke_width = width;
    v.items.push_back(std::move(s));
    push({std::move(v)});
}

void Builder::page_break(Parity parity, PageKind kind) {
    VItem v;
    v.force_break = true;
    if (parity != Parity::any || !kind.empty()) {  // a plain break keeps no marks
        VMarks& m = v.set_marks();
        m.parity = parity;
        m.page_kind = kind;
    }
    v.breakable = true;
    groups_.clear();  // a group never continues past a page break
    push({std::move(v)});
}

}  // namespace lerbrief::compose

namespace lerbrief::compose {

void Builder::section_break(const std::string& section, const std::string& fallback) {
    auto it = spec().breaks.find(section);
    const std::string how = it == spec().breaks.end() ? fallback : it->second;
    if (how == "none") return;
    page_break(how == "left" ? Parity::left : how == "right" ? Parity::right : Parity::any);
}

void Builder::table(const std::vector<std::pair<Text, Text>>& rows, StyleName left_style,
                    StyleName right_style, double left_share) {
    constexpr double kGutter = 12;
    const double lw = measure_ * left_share - kGutter / 2, rw = measure_ - lw - kGutter;
    SetContext ctx{tools_.fonts, spec().hyphenate ? tools_.hyphenator : nullptr, tools_.diags};
    ParaStyle ls = para_style(left_style);
    const ParaStyle rs = para_style(right_style);
    ls.justify = ls.hyphenate = false;  // a narrow label column reads best ragged and whole
    const TypeStyle& rts = spec().style(right_style);
    // a Table, a TR a row: the left cell heads its row (TH, row scope), the
    // right is its data (TD); the cells' text and links carry the cell's tag
    const Tag table = make_tag(Role::table);
    for (const auto& [left, right] : rows) {
        const Tag tr = make_tag(Role::tr, table);
        const Tag th = make_header_cell(tr, Scope::row), td = make_tag(Role::td, tr);
        // each cell may hold several paragraphs; stack their lines
        auto cell = [&](const Text& t, const ParaStyle& ps, double width) {
            std::vector<SetLine> lines;
            for (const auto& p : parse_markup(t.value)) {
                auto more = set_paragraph(p, ps, {width}, ctx, t.pos);
                lines.insert(lines.end(), more.begin(), more.end());
            }
            return lines;
        };
        const auto l = cell(left, ls, lw), r = cell(right, rs, rw);
        VItem v;
        v.space_before = rts.space_before * scale_;
        v.height = std::max(l.size() * ls.leading, r.size() * rs.leading) + rts.space_after * scale_;
        std::string text;
        for (std::size_t i = 0; i < l.size(); ++i) {
            for (auto it : l[i].items) {
                std::visit([&](auto& x) {
                    using T = std::decay_t<decltype(x)>;
                    if constexpr (std::is_same_v<T, TextItem> || std::is_same_v<T, LinkItem>) x.pos.y += i * ls.leading;
                    x.tag = th;
                }, it);
                v.items.push_back(std::move(it));
            }
            text += (i ? " " : "") + l[i].text;
        }
        text += " | ";
        double widest = 0;
        for (std::size_t i = 0; i < r.size(); ++i) {
            for (auto it : r[i].items) {
                std::visit([&](auto& x) {
                    using T = std::decay_t<decltype(x)>;
                    if constexpr (std::is_same_v<T, TextItem> || std::is_same_v<T, LinkItem>)
                        x.pos.x += lw + kGutter, x.pos.y += i * rs.leading;
                    x.tag = td;
                }, it);
                v.items.push_back(std::move(it));
            }
            widest = std::max(widest, r[i].width);
            text += (i ? " " : "") + r[i].text;
        }
        v.set_text() = {text, lw + kGutter + widest, measure_};
        v.block = next_block_++, v.lines = 1;
        push({std::move(v)});
    }
    if (!rows.empty()) list_seen();
}

void Builder::picture_row(std::shared_ptr<const Raster> picture, double picture_width, const Text& title,
                          const Text& text, StyleName title_style, StyleName text_style,
                          const std::string& alt) {
    constexpr double kGutter = 14;
    const double x = picture_width + kGutter * scale_, w = measure_ - x;
    SetContext ctx{tools_.fonts, spec().hyphenate ? tools_.hyphenator : nullptr, tools_.diags};
    ParaStyle ts = para_style(title_style);
    ts.justify = false;
    const ParaStyle bs = para_style(text_style);
    VItem v;
    v.space_before = spec().style(title_style).space_before * scale_;
    double y = 0, widest = 0;
    std::string dump = picture ? "[picture] " : "";
    // the title a heading one level below the one before, the text a P a paragraph
    const int level = heading_level(title_style, 0);
    const Tag title_tag = make_tag(heading_role(level));
    auto add = [&](const Text& t, const ParaStyle& ps, double after, bool is_title) {
        for (const auto& p : parse_markup(t.value)) {
            const Tag tag = is_title ? title_tag : make_tag(Role::p);
            for (auto& line : set_paragraph(p, ps, {w}, ctx, t.pos)) {
                for (auto it : line.items) {
                    std::visit([&](auto& i) {
                        using T = std::decay_t<decltype(i)>;
                        if constexpr (std::is_same_v<T, TextItem> || std::is_same_v<T, LinkItem>) i.pos.x += x, i.pos.y += y;
                        i.tag = tag;
                    }, it);
                    v.items.push_back(std::move(it));
                }
                widest = std::max(widest, line.width);
                dump += (dump.empty() || dump.back() == ' ' ? "" : " ") + line.text;
                y += ps.leading;
            }
            y += after;
        }
    };
    add(title, ts, 0, true);
    if (!title.empty()) last_level_ = level;
    dump += " |";
    add(text, bs, 0, false);
    double h = y;
    if (picture && picture->width > 0) {
        // never taller than kMaxPictureAspect widths: a taller picture is set narrower
        const double aspect = static_cast<double>(picture->height) / picture->width;
        const double pw = aspect > limits::kMaxPictureAspect ? picture_width * limits::kMaxPictureAspect / aspect : picture_width;
        const double ph = pw * aspect;
        // a Figure: the content's alt text (a picture without one says what it shows in the step's title)
        const std::string fig_alt =
            alt.empty() ? tools_.strings->fill(Str::picture_alt, {{"title", plain_text(title.value)}}) : plain_text(alt);
        v.items.push_back(ImageItem{{(picture_width - pw) / 2, 2 * scale_}, pw, ph, std::move(picture),
                                    make_tag(Role::figure, nullptr, fig_alt)});
        h = std::max(h, ph + 2 * scale_);
    }
    v.height = h + spec().style(text_style).space_after * scale_;
    v.set_text() = {dump, x + widest, measure_};
    v.block = next_block_++, v.lines = 1;
    push({std::move(v)});
}

}  // namespace lerbrief::compose
