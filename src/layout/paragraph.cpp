// Paragraph setting. Words are split into boxes at their break points:
//   - hyphenation points from the pattern dictionary (a flagged penalty whose
//     width is the hyphen's, hyphen_penalty),
//   - after an explicit hyphen or dash (flagged, no added width),
//   - inside URLs and long tokens after / . - _ ? & = # (unflagged, no added
//     width, kUrlBreakPenalty),
//   - and, for a token wider than the whole measure, between any two
//     characters (kEmergencyBreakPenalty) so that no line ever overflows.
// Interword glue follows TeX's proportions (stretch 1/2, shrink 1/3 of a
// space), a word space never wider than kMaxSpaceRatio spaces. The space
// before a dash that follows a word cannot break. The paragraph ends with infinite glue and a forced break.
#include "layout/paragraph.h"

#include <fmt/format.h>

#include <set>

#include "layout/linebreak.h"
#include "messages/setup.h"
#include "model/preflight.h"
#include "model/utf8.h"

namespace lerbrief::layout {

namespace {

constexpr double kSpaceStretch = 0.5, kSpaceShrink = 1.0 / 3.0;
// Even colour: a justified line's word space stays within kMaxSpaceRatio of
// the font's space, i.e. an adjustment ratio of at most kTolerance. The
// first pass (no hyphenation) takes lines up to 1.5 spaces; hyphenation is
// tried before any line goes looser. A line no breaking can fill that well
// (the emergency pass) is set short of its measure: SetLine::underfull.
constexpr double kMaxSpaceRatio = preflight::kMaxSpaceRatio;  // the limit preflight holds every line to
constexpr double kPretolerance = (1.5 - 1) / kSpaceStretch;
constexpr double kTolerance = (kMaxSpaceRatio - 1) / kSpaceStretch;
// An underfull line may fall this many ems short of its measure (invisible);
// beyond, the paragraph is set ragged-right.
constexpr double kMaxShortfallEm = 0.5;
constexpr double kHyphenPenalty = 50;
constexpr double kExplicitHyphenPenalty = 50;
constexpr double kUrlBreakPenalty = 100;
constexpr double kEmergencyBreakPenalty = 5000;
// Ragged-right lines may leave up to this many ems unused before badness bites.
constexpr double kRaggedStretchEm = 3.0;

const std::string kNoLink;

// A run of one style inside a word. The link is the Span's own string, never
// a copy: a long URL is cut into one piece per break point, and a copy in each
// piece made a 20,000-character URL cost 800 MB.
struct Frag {
    std::string text;
    FontId font = 0;
    const std::string* link = &kNoLink;  // points into the Paragraph being set
};

struct Word {
    std::vector<Frag> frags;
    bool glued = false;  // no line break in the space before it (a dash after a word)
    std::string text() const {
        std::string s;
        for (const auto& f : frags) s += f.text;
        return s;
    }
};

// What each break item stands for, for placing the line.
struct Payload {
    Frag frag;  // boxes: the text and its style
    FontId space_font = 0;
};

FontId pick(const ParaStyle& st, const Span& s) {
    if (s.bold && s.italic) return st.bold_italic;
    if (s.bold) return st.bold;
    if (s.italic) return st.italic;
    return st.regular;
}

BreakItem box_item(double w) { return BreakItem{BreakItem::Kind::box, w}; }
BreakItem glue_item(double w, double stretch, double shrink) {
    return BreakItem{BreakItem::Kind::glue, w, stretch, shrink};
}
BreakItem penalty_item(double value, double w = 0, bool flagged = false) {
    return BreakItem{BreakItem::Kind::penalty, w, 0, 0, value, flagged};
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n'; }

// Removes characters the font lacks, warning once per character and font.
std::string covered(const std::string& text, FontId font, const SetContext& ctx, const SourcePos& pos,
                    std::set<std::pair<char32_t, FontId>>& warned) {
    const FontMetrics& m = ctx.fonts->metrics(font);
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        char32_t cp = utf8::next(text, i);
        if (cp != utf8::kInvalid && m.covers(cp)) {
            out.append(text, start, i - start);
            continue;
        }
        if (ctx.diags && warned.insert({cp, font}).second) {
            std::string shown = cp == utf8::kInvalid ? "?" : text.substr(start, i - start);
            msg::character_left_out(*ctx.diags, pos, shown, cp == utf8::kInvalid ? "invalid" : utf8::code_point_name(cp),
                                    m.postscript_name());
        }
    }
    return out;
}

// An em dash, or an en dash standing alone (" – "), at text[at]: the space
// before it does not break, so the dash never starts a line (it may end one).
bool opens_with_dash(const std::string& text, std::size_t at) {
    std::size_t i = at;
    const char32_t cp = utf8::next(text, i);
    if (cp == 0x2014) return true;
    return cp == 0x2013 && (i == text.size() || is_space(utf8::next(text, i)));
}

std::vector<Word> split_words(const Paragraph& para, const ParaStyle& st, const SetContext& ctx,
                              const SourcePos& pos) {
    std::vector<Word> words;
    std::set<std::pair<char32_t, FontId>> warned;
    bool in_word = false;
    for (const Span& span : para.spans) {
        const FontId font = pick(st, span);
        std::string text = covered(span.text, font, ctx, pos, warned);
        for (std::size_t i = 0; i < text.size();) {
            std::size_t start = i;
            char32_t cp = utf8::next(text, i);
            if (is_space(cp)) {
                in_word = false;
                continue;
            }
            if (!in_word) {
                words.emplace_back();
                words.back().glued = words.size() > 1 && opens_with_dash(text, start);
                in_word = true;
            }
            auto& frags = words.back().frags;
            if (frags.empty() || frags.back().font != font || *frags.back().link != span.link)
                frags.push_back(Frag{{}, font, &span.link});
            frags.back().text.append(text, start, i - start);
        }
    }
    return words;
}

bool url_break_after(char c) { return c == '/' || c == '.' || c == '_' || c == '?' || c == '&' || c == '=' || c == '#'; }

bool looks_like_url(const std::string& w) {
    return w.find("://") != std::string::npos || w.rfind("www.", 0) == 0 || w.find('/') != std::string::npos;
}

// Byte offsets inside `w` where the word may break, with their kind.
struct BreakPoint {
    std::size_t at;
    double penalty;
    bool add_hyphen;
};

std::vector<BreakPoint> break_points(const std::string& w, double word_width, double measure, const SetContext& ctx,
                                     bool hyphenate) {
    std::vector<BreakPoint> out;
    if (looks_like_url(w)) {
        for (std::size_t i = 1; i + 1 < w.size(); ++i)
            if (url_break_after(w[i]) && !url_break_after(w[i + 1]) && w[i + 1] != '/')
                out.push_back({i + 1, kUrlBreakPenalty, false});
    } else {
        for (std::size_t i = 1; i + 1 < w.size(); ++i) {
            if (w[i] == '-' || w[i] == '/') out.push_back({i + 1, kExplicitHyphenPenalty, false});
            // after an em or en dash (U+2014, U+2013: E2 80 94 / E2 80 93)
            if (i + 3 < w.size() && static_cast<unsigned char>(w[i]) == 0xE2 && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
                (static_cast<unsigned char>(w[i + 2]) == 0x94 || static_cast<unsigned char>(w[i + 2]) == 0x93))
                out.push_back({i + 3, kExplicitHyphenPenalty, false});
        }
        if (hyphenate && ctx.hyphenator && out.empty())
            for (int p : ctx.hyphenator->points(w)) out.push_back({static_cast<std::size_t>(p), kHyphenPenalty, true});
    }
    if (word_width > measure) {  // a token wider than the line: allow a break anywhere
        std::set<std::size_t> have;
        for (const auto& b : out) have.insert(b.at);
        for (std::size_t i = 0; i < w.size();) {
            utf8::next(w, i);
            if (i < w.size() && !have.count(i)) out.push_back({i, kEmergencyBreakPenalty, false});
        }
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.at < b.at; });
    return out;
}

// Splits a word's fragments at byte offsets of the whole word.
std::vector<std::vector<Frag>> cut(const Word& w, const std::vector<BreakPoint>& bps) {
    std::vector<std::vector<Frag>> pieces(1);
    std::size_t offset = 0, next = 0;
    for (const Frag& f : w.frags) {
        std::size_t i = 0;
        while (i < f.text.size()) {
            std::size_t end = f.text.size();
            if (next < bps.size() && bps[next].at < offset + end) end = bps[next].at - offset;
            if (end > i) pieces.back().push_back(Frag{f.text.substr(i, end - i), f.font, f.link});
            i = end;
            if (next < bps.size() && bps[next].at == offset + i && i < f.text.size()) {
                pieces.emplace_back();
                ++next;
            }
        }
        offset += f.text.size();
        if (next < bps.size() && bps[next].at == offset && &f != &w.frags.back()) {
            pieces.emplace_back();
            ++next;
        }
    }
    return pieces;
}

}  // namespace

namespace {
std::vector<SetLine> place(const std::vector<Line>& lines, const std::vector<BreakItem>& items,
                           const std::vector<Payload>& payload, const BreakParams& bp, const ParaStyle& st,
                           bool justify, const FontSet& fonts);
}  // namespace

double text_width(const FontSet& fonts, FontId font, const std::string& text, double size) {
    return fonts.metrics(font).width(text, size);
}

// The kerning between the last character of `left` and the first of
// `right` in one font: pieces of a word are measured apart (they may end a
// line) but drawn as one run, which the PDF kerns across the join.
double join_kern(const FontSet& fonts, FontId font, const std::string& left, const std::string& right, double size) {
    if (left.empty() || right.empty()) return 0;
    const std::string l = left.substr(utf8::floor_boundary(left, left.size() - 1));
    std::size_t i = 0;
    utf8::next(right, i);
    const std::string r = right.substr(0, i);
    return text_width(fonts, font, l + r, size) - text_width(fonts, font, l, size) - text_width(fonts, font, r, size);
}

std::vector<SetLine> set_paragraph(const Paragraph& para, const ParaStyle& st, const std::vector<double>& widths,
                                   const SetContext& ctx, const SourcePos& pos) {
    const FontSet& fonts = *ctx.fonts;
    auto width_of = [&](const Frag& f) { return text_width(fonts, f.font, f.text, st.size); };
    std::vector<Word> words = split_words(para, st, ctx, pos);
    std::vector<BreakItem> items;
    std::vector<Payload> payload;
    const double measure = *std::min_element(widths.begin(), widths.end());
    const bool hyph = st.hyphenate && st.justify;

    for (std::size_t wi = 0; wi < words.size(); ++wi) {
        const Word& w = words[wi];
        if (wi > 0) {
            const FontId sf = words[wi - 1].frags.back().font;
            const double space = text_width(fonts, sf, " ", st.size);
            if (w.glued) {  // TeX's ~: the glue follows a penalty, not a box, so it is no break
                items.push_back(penalty_item(kInfPenalty));
                payload.push_back({{}, sf});
            }
            items.push_back(st.justify ? glue_item(space, space * kSpaceStretch, space * kSpaceShrink)
                                       : glue_item(space, 0, 0));
            payload.push_back({{}, sf});
        }
        double ww = 0;
        for (const auto& f : w.frags) ww += width_of(f);
        auto bps = break_points(w.text(), ww, measure, ctx, hyph);
        auto pieces = cut(w, bps);
        for (std::size_t pi = 0; pi < pieces.size(); ++pi) {
            if (pi > 0) {
                const BreakPoint& bp = bps[pi - 1];
                const FontId hf = pieces[pi - 1].empty() ? st.regular : pieces[pi - 1].back().font;
                const double hw = bp.add_hyphen ? text_width(fonts, hf, "-", st.size) : 0;
                items.push_back(penalty_item(bp.penalty, hw, bp.add_hyphen || bp.penalty == kExplicitHyphenPenalty));
                payload.push_back({{}, hf});
            }
            for (const Frag& f : pieces[pi]) {
                items.push_back(box_item(width_of(f)));
                payload.push_back({f, f.font});
            }
        }
    }
    items.push_back(glue_item(0, kFill, 0));
    payload.push_back({});
    items.push_back(penalty_item(-kInfPenalty));
    payload.push_back({});

    BreakParams bp;
    bp.line_widths = widths;
    bp.justify = st.justify;
    bp.ragged_stretch = kRaggedStretchEm * st.size;
    bp.hyphen_penalty = kHyphenPenalty;
    bp.pretolerance = kPretolerance;
    bp.tolerance = kTolerance;
    std::vector<SetLine> out = place(break_lines(items, bp), items, payload, bp, st, st.justify, fonts);
    // A justified line left well short of its measure reads as a paragraph
    // end: then the whole paragraph is set ragged instead (its own breaks).
    for (const SetLine& l : out)
        if (l.underfull && l.measure - l.width > kMaxShortfallEm * st.size) {
            bp.justify = false;
            return place(break_lines(items, bp), items, payload, bp, st, false, fonts);
        }
    return out;
}

namespace {

std::vector<SetLine> place(const std::vector<Line>& lines, const std::vector<BreakItem>& items,
                           const std::vector<Payload>& payload, const BreakParams& bp, const ParaStyle& st,
                           bool justify, const FontSet& fonts) {
    std::vector<SetLine> out;
    const double ascent = st.leading - (st.leading - st.size) / 2 - st.size * 0.22;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const Line& line = lines[li];
        SetLine sl;
        sl.measure = line_width_at(bp, li);
        sl.hyphenated = line.hyphenated;
        const bool last = li + 1 == lines.size();
        // A line the emergency pass left looser than kTolerance is set with
        // its spaces at kMaxSpaceRatio, short of the measure.
        const double ratio = justify && !last ? std::min(line.ratio, kTolerance) : std::min(line.ratio, 0.0);
        sl.underfull = justify && !last && line.ratio > kTolerance + 1e-9;
        double x = 0;
        if (!justify && st.align != ParaStyle::Align::left) {
            double slack = std::max(0.0, sl.measure - line.natural_width);
            x = st.align == ParaStyle::Align::center ? slack / 2 : slack;
        }
        // The joins of a word's pieces are kerned when drawn: a justified
        // line gives what they take back to its spaces, so it still ends at
        // the measure.
        std::vector<double> joins(line.end - line.begin, 0.0);
        double joined = 0;
        int spaces = 0;
        {
            const Frag* prev = nullptr;
            for (std::size_t k = line.begin; k < line.end; ++k) {
                const BreakItem& it = items[k];
                if (it.kind == BreakItem::Kind::glue) {
                    if (it.stretch < kFill) ++spaces;
                    prev = nullptr;
                } else if (it.kind == BreakItem::Kind::box) {
                    const Frag& f = payload[k].frag;
                    if (prev && prev->font == f.font)
                        joined += joins[k - line.begin] = join_kern(fonts, f.font, prev->text, f.text, st.size);
                    prev = &f;
                }
            }
        }
        const double give_back = justify && !last && spaces > 0 ? -joined / spaces : 0;
        long cur = -1, link = -1;  // indices into sl.items of the open text run and link
        // The space before the next word, when the open run may take it in:
        // its advance, and the font its width was measured in.
        double space_gap = 0;
        FontId space_font = 0;
        bool after_space = false;
        for (std::size_t k = line.begin; k < line.end; ++k) {
            const BreakItem& it = items[k];
            if (it.kind == BreakItem::Kind::glue) {
                if (it.stretch >= kFill) continue;
                // never past kMaxSpaceRatio: a line already at it ends a hair short
                const double set = it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
                const double gap = std::max(set, std::min(set + give_back, it.width * kMaxSpaceRatio));
                if (gap < set + give_back - 1e-9) sl.underfull = true;
                if (it.width > 0) sl.space_ratio = std::max(sl.space_ratio, gap / it.width);
                x += gap;
                sl.text += ' ';
                // a link stays open over the space: one LinkItem per URL and line
                after_space = true, space_gap = gap, space_font = payload[k].space_font;
                continue;
            }
            if (it.kind == BreakItem::Kind::penalty) continue;
            const Frag& f = payload[k].frag;
            const Color color = f.link->empty() ? st.color : st.link_color;
            auto* run = cur >= 0 ? &std::get<TextItem>(sl.items[static_cast<std::size_t>(cur)]) : nullptr;
            // Across a space, the run goes on in the same font and colour
            // when the space is one of its font's and set as its others.
            const bool across = after_space && run && run->font == f.font && run->color == color &&
                                space_font == f.font &&
                                (run->word_space == 0 || run->word_space == space_gap);
            if (!after_space && run && run->font == f.font) {
                x += joins[k - line.begin];
                run->text += f.text;
                run->width += it.width + joins[k - line.begin];
            } else if (across) {
                run->text += ' ';
                run->text += f.text;
                run->word_space = space_gap;
                run->width = x + it.width - run->pos.x;
            } else {
                sl.items.push_back(TextItem{{x, ascent}, f.font, st.size, color, f.text, it.width});
                cur = static_cast<long>(sl.items.size()) - 1;
            }
            after_space = false;
            if (!f.link->empty()) {
                auto* open = link >= 0 ? &std::get<LinkItem>(sl.items[static_cast<std::size_t>(link)]) : nullptr;
                if (open && open->uri == *f.link) {
                    open->width = x + it.width - open->pos.x;
                } else {
                    sl.items.push_back(LinkItem{{x, 0}, it.width, st.leading, *f.link});
                    link = static_cast<long>(sl.items.size()) - 1;
                }
            } else {
                link = -1;
            }
            sl.text += f.text;
            x += it.width;
        }
        if (line.hyphenated && line.end < items.size() && items[line.end].kind == BreakItem::Kind::penalty &&
            items[line.end].width > 0) {
            const FontId hf = payload[line.end].space_font;
            TextItem hyphen{{x, ascent}, hf, st.size, st.color, "-", items[line.end].width};
            hyphen.added_hyphen = true;
            sl.items.push_back(std::move(hyphen));
            x += items[line.end].width;
            sl.text += '-';
            sl.added_hyphen = true;
        } else if (line.end < items.size() && items[line.end].kind == BreakItem::Kind::penalty &&
                   items[line.end].penalty > -kInfPenalty) {
            // broken inside a word (a URL's break point, after a hyphen of
            // the text): the next line goes on with no space between
            for (auto it = sl.items.rbegin(); it != sl.items.rend(); ++it)
                if (auto* t = std::get_if<TextItem>(&*it)) {
                    t->joins_next = true;
                    break;
                }
        }
        sl.width = x;
        out.push_back(std::move(sl));
    }
    return out;
}

}  // namespace

}  // namespace lerbrief::layout
