// Reads the TrueType tables layout needs (see font.h). Every read goes
// through FontParser::u16/i16/u32, which check the offset against the file,
// and each table is checked to be long enough for what is read from it, so a
// truncated or hostile file ends in FontError, never in a read outside the
// buffer. Table formats: OpenType spec, chapters head, hhea, hmtx, maxp,
// cmap, loca, glyf, OS/2, name and kern. A malformed 'kern' table is the
// one exception: kerning is optional, so it is ignored rather than refused.
#include "layout/font.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/bounded_read.h"
#include "model/utf8.h"

namespace lerbrief::layout {

namespace {

// Largest advance libharu can hold: it keeps widths as 16-bit signed integers.
constexpr std::uint32_t kMaxAdvance1000 = 32767;

constexpr std::uint16_t kArgsAreWords = 0x0001, kHaveScale = 0x0008, kMoreComponents = 0x0020,
                        kHaveXYScale = 0x0040, kHaveTwoByTwo = 0x0080;

struct Table {
    std::size_t offset = 0, length = 0;
    bool present() const { return length != 0; }
};

}  // namespace

// Fills a FontMetrics from the bytes of one font file, table by table.
class FontParser {
public:
    FontParser(std::shared_ptr<const std::string> file, const std::string& name)
        : file_(std::move(file)), data_(*file_), name_(name) {}

    std::shared_ptr<const FontMetrics> parse() {
        auto m = std::shared_ptr<FontMetrics>(new FontMetrics());
        m_ = m.get();
        m->file_ = file_;
        read_directory();
        read_head();
        read_maxp();
        read_hhea_hmtx();
        read_cmap();
        read_glyphs();
        read_os2();
        read_name();
        read_kern();
        std::vector<std::uint16_t> direct(FontMetrics::kDirectCodes);
        for (char32_t c = 0; c < FontMetrics::kDirectCodes; ++c) direct[c] = m->glyph(c);  // by search
        m->direct_ = std::move(direct);
        return m;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw FontError(name_ + ": " + what); }

    // Bounds-checked big-endian reads at an absolute file offset.
    void need(std::size_t off, std::size_t len, const char* what) const {
        if (off > data_.size() || len > data_.size() - off)
            fail(fmt::format("{} runs past the end of the file", what));
    }
    std::uint16_t u16(std::size_t off) const {
        need(off, 2, "a field");
        return static_cast<std::uint16_t>(byte(off) << 8 | byte(off + 1));
    }
    std::int16_t i16(std::size_t off) const { return static_cast<std::int16_t>(u16(off)); }
    std::uint32_t u32(std::size_t off) const {
        return static_cast<std::uint32_t>(u16(off)) << 16 | u16(off + 2);
    }
    unsigned byte(std::size_t off) const { return static_cast<unsigned char>(data_[off]); }

    // A table that must be there and hold at least `min_len` bytes.
    Table require(const char* tag, std::size_t min_len) const {
        Table t = find(tag);
        if (!t.present()) fail(fmt::format("no '{}' table", tag));
        if (t.length < min_len) fail(fmt::format("table '{}' is too short", tag));
        return t;
    }
    Table find(const char* tag) const {
        for (const auto& [t, table] : tables_)
            if (t == tag) return table;
        return {};
    }

    void read_directory();
    void read_head();
    void read_maxp();
    void read_hhea_hmtx();
    void read_cmap();
    void read_cmap4(std::size_t off, std::size_t end);
    void read_cmap12(std::size_t off, std::size_t end, char32_t from);
    void add_range(char32_t c, std::uint32_t gid);
    void read_glyphs();
    bool uses_composite(std::uint16_t g, std::size_t pos, std::size_t end,
                        const std::vector<bool>& composite) const;
    void read_os2();
    void read_name();
    void read_kern();
    double em1000(double v) const { return v * 1000.0 / m_->units_per_em_; }

    std::shared_ptr<const std::string> file_;
    std::string_view data_;
    const std::string& name_;
    FontMetrics* m_ = nullptr;
    std::vector<std::pair<std::string, Table>> tables_;
    std::uint16_t num_glyphs_ = 0;
    bool long_loca_ = false;
    double hhea_ascender_ = 0, hhea_descender_ = 0, hhea_line_gap_ = 0;
    double top_H_ = 0, top_x_ = 0;  // yMax of 'H' and 'x', 1/1000 em
};

void FontParser::read_directory() {
    if (data_.size() < 12) fail("not a font file (too short)");
    std::uint32_t version = u32(0);
    if (version == 0x4F54544F) fail("CFF (OpenType/CFF) outlines are not supported; use a TrueType font");
    if (version == 0x74746366) fail("font collections (.ttc) are not supported");
    if (version != 0x00010000 && version != 0x74727565) fail("not a TrueType font");
    std::uint16_t count = u16(4);
    need(12, std::size_t{16} * count, "the table directory");
    for (std::uint16_t i = 0; i < count; ++i) {
        std::size_t rec = 12 + std::size_t{16} * i;
        std::string tag(data_.substr(rec, 4));
        Table t{u32(rec + 8), u32(rec + 12)};
        need(t.offset, t.length, fmt::format("table '{}'", tag).c_str());
        if (!find(tag.c_str()).present()) tables_.emplace_back(tag, t);
    }
}

void FontParser::read_head() {
    Table t = require("head", 54);
    if (u32(t.offset + 12) != 0x5F0F3CF5) fail("table 'head' has a wrong magic number");
    m_->units_per_em_ = u16(t.offset + 18);
    if (m_->units_per_em_ < 16 || m_->units_per_em_ > 16384)
        fail(fmt::format("unitsPerEm {} is out of range (16..16384)", m_->units_per_em_));
    std::int16_t format = i16(t.offset + 50);
    if (format != 0 && format != 1) fail("table 'head' has an unknown indexToLocFormat");
    long_loca_ = format == 1;
}

void FontParser::read_maxp() {
    num_glyphs_ = u16(require("maxp", 6).offset + 4);
    if (num_glyphs_ == 0) fail("the font has no glyphs");
}

// Advances: numberOfHMetrics full records, then glyphs repeating the last
// advance. libharu writes past its buffer when numberOfHMetrics exceeds the
// glyph count, so such a font is refused.
void FontParser::read_hhea_hmtx() {
    Table hhea = require("hhea", 36);
    hhea_ascender_ = em1000(i16(hhea.offset + 4));
    hhea_descender_ = em1000(i16(hhea.offset + 6));
    hhea_line_gap_ = em1000(i16(hhea.offset + 8));
    std::uint16_t n = u16(hhea.offset + 34);
    if (n == 0 || n > num_glyphs_)
        fail(fmt::format("numberOfHMetrics {} does not fit {} glyphs", n, num_glyphs_));
    Table hmtx = require("hmtx", std::size_t{4} * n + std::size_t{2} * (num_glyphs_ - n));
    m_->advances_.resize(num_glyphs_);
    std::uint32_t advance = 0;
    for (std::uint16_t g = 0; g < num_glyphs_; ++g) {
        if (g < n) advance = u16(hmtx.offset + std::size_t{4} * g);
        // libharu: (HPDF_UINT)advance_width * 1000 / units_per_em, integer division.
        std::uint32_t w = advance * 1000u / m_->units_per_em_;
        if (w > kMaxAdvance1000) fail(fmt::format("glyph {} is too wide", g));
        m_->advances_[g] = static_cast<std::uint16_t>(w);
    }
}

// Picks the Unicode subtables: format 4 (3,1) or (0,*) for the BMP, as
// libharu does, and format 12 (3,10) or (0,4/6) above it.
void FontParser::read_cmap() {
    Table t = require("cmap", 4);
    if (u16(t.offset) != 0) fail("table 'cmap' has an unknown version");
    std::uint16_t count = u16(t.offset + 2);
    if (std::size_t{4} + std::size_t{8} * count > t.length) fail("table 'cmap' is too short");
    std::size_t f4 = 0, f12 = 0;
    int f4_rank = 0, f12_rank = 0;
    for (std::uint16_t i = 0; i < count; ++i) {
        std::size_t rec = t.offset + 4 + std::size_t{8} * i;
        std::uint16_t platform = u16(rec), encoding = u16(rec + 2);
        std::uint32_t sub = u32(rec + 4);
        if (sub + std::size_t{2} > t.length) fail("a 'cmap' subtable lies outside the table");
        std::uint16_t format = u16(t.offset + sub);
        int rank = platform == 3 ? 2 : platform == 0 ? 1 : 0;
        if (format == 4 && (platform == 0 || (platform == 3 && encoding == 1)) && rank > f4_rank)
            f4 = t.offset + sub, f4_rank = rank;
        if (format == 12 && ((platform == 3 && encoding == 10) || (platform == 0 && encoding >= 4)) &&
            rank > f12_rank)
            f12 = t.offset + sub, f12_rank = rank;
    }
    if (!f4 && !f12) fail("no Unicode 'cmap' subtable (format 4 or 12)");
    if (f4) read_cmap4(f4, t.offset + t.length);
    if (f12) read_cmap12(f12, t.offset + t.length, f4 ? 0x10000 : 0);
}

// Appends code point c → gid, extending the last range when both follow on.
void FontParser::add_range(char32_t c, std::uint32_t gid) {
    if (gid == 0 || gid >= num_glyphs_) return;
    auto& r = m_->cmap_;
    if (!r.empty() && r.back().last + 1 == c && r.back().gid + (c - r.back().first) == gid)
        r.back().last = c;
    else
        r.push_back({c, c, static_cast<std::uint16_t>(gid)});
}

void FontParser::read_cmap4(std::size_t off, std::size_t end) {
    std::size_t len = u16(off + 2);
    std::size_t seg2 = u16(off + 6);
    if (off + len > end) fail("'cmap' format 4 runs past its table");
    if (seg2 == 0 || seg2 % 2 != 0 || 16 + 4 * seg2 > len) fail("'cmap' format 4 has a bad segment count");
    std::size_t ends = off + 14, starts = ends + seg2 + 2, deltas = starts + seg2, ranges = deltas + seg2;
    // libharu reads past its arrays when the last segment does not end at U+FFFF.
    if (u16(ends + seg2 - 2) != 0xFFFF) fail("'cmap' format 4 does not end at U+FFFF");
    std::uint32_t prev_end = 0;
    for (std::size_t i = 0; i < seg2; i += 2) {
        std::uint32_t first = u16(starts + i), last = u16(ends + i);
        std::uint16_t delta = u16(deltas + i), range = u16(ranges + i);
        if (first > last || (i > 0 && first <= prev_end)) fail("'cmap' format 4 segments are out of order");
        prev_end = last;
        for (std::uint32_t c = first; c <= last; ++c) {
            std::uint32_t gid = 0;
            if (range == 0) {
                gid = (c + delta) & 0xFFFF;
            } else {
                std::size_t at = ranges + i + range + 2 * std::size_t{c - first};
                if (at + 2 > off + len) fail("'cmap' format 4 points outside its glyph array");
                std::uint16_t g = u16(at);
                gid = g ? (g + delta) & 0xFFFF : 0;
            }
            add_range(c, gid);
        }
    }
}

void FontParser::read_cmap12(std::size_t off, std::size_t end, char32_t from) {
    std::size_t len = u32(off + 4);
    std::size_t groups = u32(off + 12);
    if (len > end - off || len < 16 || groups > (len - 16) / 12) fail("'cmap' format 12 is malformed");
    char32_t prev = 0;
    for (std::size_t i = 0; i < groups; ++i) {
        std::size_t rec = off + 16 + 12 * i;
        char32_t first = u32(rec), last = u32(rec + 4);
        std::uint32_t gid = u32(rec + 8);
        if (first > last || last > 0x10FFFF || (i > 0 && first <= prev))
            fail("'cmap' format 12 groups are out of order");
        prev = last;
        if (last < from || gid >= num_glyphs_) continue;
        if (first < from) gid += from - first, first = from;  // gid < 2^16, from - first ≤ 2^16: no wrap
        if (gid == 0) ++gid, ++first;                         // the code mapped to .notdef is not covered
        if (first > last || gid >= num_glyphs_) continue;
        last = std::min<char32_t>(last, first + (num_glyphs_ - 1 - gid));  // stay inside the font
        m_->cmap_.push_back({first, last, static_cast<std::uint16_t>(gid)});
    }
}

// loca + glyf: offsets must rise and stay inside glyf (libharu's subsetter
// trusts them); composite glyphs are scanned for components that are
// themselves composite.
void FontParser::read_glyphs() {
    Table glyf = require("glyf", 0);
    std::size_t step = long_loca_ ? 4 : 2;
    Table loca = require("loca", step * (std::size_t{num_glyphs_} + 1));
    std::vector<std::size_t> at(num_glyphs_ + 1);
    for (std::size_t g = 0; g <= num_glyphs_; ++g) {
        std::size_t p = loca.offset + step * g;
        at[g] = long_loca_ ? u32(p) : std::size_t{u16(p)} * 2;
        if (at[g] > glyf.length || (g > 0 && at[g] < at[g - 1]))
            fail(fmt::format("'loca' entry {} points outside 'glyf' or goes backwards", g));
    }
    std::vector<bool> composite(num_glyphs_);  // numberOfContours < 0
    for (std::uint16_t g = 0; g < num_glyphs_; ++g) {
        if (at[g + 1] == at[g]) continue;  // an empty glyph (space)
        if (at[g + 1] - at[g] < 10) fail(fmt::format("glyph {} is too short", g));
        composite[g] = i16(glyf.offset + at[g]) < 0;
    }
    for (std::uint16_t g = 0; g < num_glyphs_; ++g)
        if (composite[g] && uses_composite(g, glyf.offset + at[g] + 10, glyf.offset + at[g + 1], composite))
            m_->nested_composites_ = true;
    auto top = [&](char32_t c) {
        std::uint16_t g = m_->glyph(c);
        std::size_t begin = glyf.offset + at[g];
        return g && at[g + 1] > at[g] ? em1000(i16(begin + 8)) : 0.0;
    };
    top_H_ = top(U'H');
    top_x_ = top(U'x');
}

// Walks the component records of composite glyph g (bytes pos..end) and
// tells whether any component is itself composite.
bool FontParser::uses_composite(std::uint16_t g, std::size_t pos, std::size_t end,
                                const std::vector<bool>& composite) const {
    bool nested = false;
    std::uint16_t flags = 0;
    do {
        if (pos + 4 > end) fail(fmt::format("composite glyph {} runs past its end", g));
        flags = u16(pos);
        std::uint16_t part = u16(pos + 2);
        if (part >= num_glyphs_) fail(fmt::format("composite glyph {} uses a glyph that does not exist", g));
        nested = nested || composite[part];
        pos += 4 + ((flags & kArgsAreWords) ? 4 : 2);
        pos += (flags & kHaveScale) ? 2 : (flags & kHaveXYScale) ? 4 : (flags & kHaveTwoByTwo) ? 8 : 0;
        if (pos > end) fail(fmt::format("composite glyph {} runs past its end", g));
    } while (flags & kMoreComponents);
    return nested;
}

void FontParser::read_os2() {
    Table t = find("OS/2");
    m_->ascender_ = hhea_ascender_;
    m_->descender_ = hhea_descender_;
    m_->line_gap_ = hhea_line_gap_;
    m_->cap_height_ = top_H_;
    m_->x_height_ = top_x_;
    if (t.length >= 78 && (i16(t.offset + 68) != 0 || i16(t.offset + 70) != 0)) {
        m_->ascender_ = em1000(i16(t.offset + 68));
        m_->descender_ = em1000(i16(t.offset + 70));
        m_->line_gap_ = em1000(i16(t.offset + 72));
    }
    if (t.length >= 90 && u16(t.offset) >= 2) {
        if (i16(t.offset + 86) > 0) m_->x_height_ = em1000(i16(t.offset + 86));
        if (i16(t.offset + 88) > 0) m_->cap_height_ = em1000(i16(t.offset + 88));
    }
    if (m_->cap_height_ <= 0) m_->cap_height_ = 0.7 * m_->ascender_;
    if (m_->x_height_ <= 0) m_->x_height_ = 0.5 * m_->ascender_;
}

// PostScript name (name ID 6): Windows UTF-16BE preferred, Macintosh Roman
// otherwise; only printable ASCII is kept, as PostScript names allow.
void FontParser::read_name() {
    Table t = find("name");
    if (t.length < 6) return;
    std::uint16_t count = u16(t.offset + 2);
    std::size_t strings = t.offset + u16(t.offset + 4);
    if (std::size_t{6} + std::size_t{12} * count > t.length) fail("table 'name' is too short");
    int best = 0;
    for (std::uint16_t i = 0; i < count; ++i) {
        std::size_t rec = t.offset + 6 + std::size_t{12} * i;
        std::uint16_t platform = u16(rec), id = u16(rec + 6), len = u16(rec + 8);
        std::size_t at = strings + u16(rec + 10);
        int rank = platform == 3 ? 2 : platform == 1 ? 1 : 0;
        if (id != 6 || rank <= best) continue;
        if (at + len > t.offset + t.length) fail("a 'name' string lies outside the table");
        std::string name;
        std::size_t unit = platform == 3 ? 2 : 1;
        for (std::size_t k = 0; k + unit <= len; k += unit) {
            unsigned c = unit == 2 ? u16(at + k) : byte(at + k);
            if (c > 32 && c < 127) name.push_back(static_cast<char>(c));
        }
        m_->postscript_name_ = name;
        best = rank;
    }
}

// Legacy 'kern' (OpenType version 0): a header (version, nTables) and
// subtables (version, length, coverage). The first horizontal format 0
// subtable that is neither minimum nor cross-stream is read: nPairs, three
// search fields, then nPairs records (left, right, FWORD value). Nothing is
// trusted: the pair array must lie inside the table (the subtable's 16-bit
// length field overflows for large tables, so nPairs and the table end are
// what count), pairs naming glyphs the font lacks are dropped, at most
// kMaxKernPairs are kept, and any inconsistency leaves the font unkerned.
void FontParser::read_kern() {
    Table t = find("kern");
    if (t.length < 4 || u16(t.offset) != 0) return;  // absent, or Apple's version 1 format
    const std::size_t end = t.offset + t.length;
    std::size_t sub = t.offset + 4;
    const std::uint16_t count = u16(t.offset + 2);
    for (std::uint16_t i = 0; i < count; ++i) {
        if (sub + 6 > end) return;
        const std::uint16_t length = u16(sub + 2), coverage = u16(sub + 4);
        const bool horizontal_format0 = (coverage & 0xFF07) == 0x0001;  // format 0, horizontal, not min/cross
        if (!horizontal_format0) {
            if (length < 6) return;
            sub += length;
            continue;
        }
        if (sub + 14 > end) return;
        const std::size_t pairs = u16(sub + 6);
        if (pairs > (end - (sub + 14)) / 6 || pairs > kMaxKernPairs) return;
        std::vector<FontMetrics::KernPair> kern;
        kern.reserve(pairs);
        for (std::size_t k = 0; k < pairs; ++k) {
            const std::size_t rec = sub + 14 + 6 * k;
            const std::uint16_t left = u16(rec), right = u16(rec + 2);
            const std::int16_t value = i16(rec + 4);
            if (left >= num_glyphs_ || right >= num_glyphs_ || value == 0) continue;
            const long v1000 = std::lround(value * 1000.0 / m_->units_per_em_);
            // a kern wider than an em is no kern: a hostile value (that would
            // also wrap in 16 bits, or make a word's width negative)
            if (v1000 == 0 || v1000 > kMaxKernEm || v1000 < -kMaxKernEm) continue;
            kern.push_back({std::uint32_t{left} << 16 | right, static_cast<std::int16_t>(v1000)});
        }
        std::stable_sort(kern.begin(), kern.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
        kern.erase(std::unique(kern.begin(), kern.end(), [](const auto& a, const auto& b) { return a.key == b.key; }),
                   kern.end());  // a repeated pair keeps its first value
        m_->kern_left_.assign(num_glyphs_, false);
        for (const auto& p : kern) m_->kern_left_[p.key >> 16] = true;
        m_->kern_ = std::move(kern);
        return;
    }
}

std::shared_ptr<const FontMetrics> FontMetrics::from_bytes(std::string_view data, const std::string& name) {
    if (data.size() > kMaxFontFileBytes)
        throw FontError(fmt::format("{}: the file is larger than {} bytes", name, kMaxFontFileBytes));
    return FontParser(std::make_shared<const std::string>(data), name).parse();
}

std::shared_ptr<const FontMetrics> FontMetrics::load(const std::string& path) {
    // read whole into a string of its size (model/bounded_read.h), as icons
    // and pictures are: grown by doubling, six faces held 3.1 MB for 2.3 MB
    using P = BoundedRead::Problem;
    BoundedRead r = read_bounded(path, kMaxFontFileBytes);
    switch (r.problem) {
        case P::none: break;
        case P::missing: throw FontError(path + ": cannot open the file");
        case P::not_regular: throw FontError(path + ": not a regular file");
        case P::unreadable: throw FontError(path + ": cannot read the file");
        case P::too_large:
        case P::grew: throw FontError(fmt::format("{}: the file is larger than {} bytes", path, kMaxFontFileBytes));
    }
    return FontParser(std::make_shared<const std::string>(std::move(r.data)), path).parse();
}

std::uint16_t FontMetrics::glyph(char32_t c) const {
    if (c < direct_.size()) return direct_[c];
    auto it = std::upper_bound(cmap_.begin(), cmap_.end(), c,
                               [](char32_t v, const CmapRange& r) { return v < r.first; });
    if (it == cmap_.begin()) return 0;
    --it;
    return c <= it->last ? static_cast<std::uint16_t>(it->gid + (c - it->first)) : 0;
}

bool FontMetrics::covers(char32_t c) const { return c <= 0xFFFF && glyph(c) != 0; }

double FontMetrics::advance(char32_t c) const { return advances_[glyph(c)]; }

int FontMetrics::kerning_glyphs(std::uint16_t left, std::uint16_t right) const {
    if (left >= kern_left_.size() || !kern_left_[left]) return 0;
    const std::uint32_t key = std::uint32_t{left} << 16 | right;
    auto it = std::lower_bound(kern_.begin(), kern_.end(), key,
                               [](const KernPair& p, std::uint32_t k) { return p.key < k; });
    return it != kern_.end() && it->key == key ? it->value : 0;
}

int FontMetrics::kerning(char32_t left, char32_t right) const { return kerning_glyphs(glyph(left), glyph(right)); }

double FontMetrics::width(std::string_view text, double size) const {
    long total = 0;  // integers, summed as libharu sums them
    std::uint16_t prev = 0;
    bool first = true;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = utf8::next(text, pos);
        if (c == utf8::kInvalid) continue;
        const std::uint16_t g = glyph(c);
        total += advances_[g];
        if (!first) total += kerning_glyphs(prev, g);
        prev = g;
        first = false;
    }
    return static_cast<double>(total) * size / 1000.0;
}

}  // namespace lerbrief::layout
