#include "render/sfnt_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "render/render_error.h"

namespace lerbrief::render {

namespace {

using Tag = std::array<char, 4>;

constexpr std::array<std::string_view, 9> kKept = {"cvt ", "fpgm", "glyf", "head", "hhea",
                                                   "hmtx", "loca", "maxp", "prep"};
constexpr std::array<std::string_view, 6> kRequired = {"glyf", "head", "hhea", "hmtx", "loca", "maxp"};
constexpr std::size_t kHeaderSize = 12, kRecordSize = 16;
constexpr std::size_t kHeadAdjustment = 8;  // head.checkSumAdjustment
constexpr std::uint32_t kHeadMagic = 0x5F0F3CF5, kChecksumBase = 0xB1B0AFBA;

[[noreturn]] void bad(std::string_view what) {
    throw RenderError(fmt::format("pdf: the embedded font file is not as expected: {}", what));
}

std::uint32_t u32(std::string_view s, std::size_t at) {
    if (at > s.size() || s.size() - at < 4) bad("a value lies past the end of its table");
    auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i])); };
    return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}
std::uint16_t u16(std::string_view s, std::size_t at) {
    if (at > s.size() || s.size() - at < 2) bad("a value lies past the end of its table");
    auto b = [&](std::size_t i) { return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at + i])); };
    return static_cast<std::uint16_t>(b(0) << 8 | b(1));
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (24 - 8 * i) & 0xFF);
}
void put16(std::string& s, std::size_t at, std::uint16_t v) {
    s[at] = static_cast<char>(v >> 8), s[at + 1] = static_cast<char>(v & 0xFF);
}

// The sum of the big-endian 32-bit words of `data`, the last zero-padded.
std::uint32_t checksum(std::string_view data) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < data.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word = word << 8 | (i + k < data.size() ? static_cast<unsigned char>(data[i + k]) : 0u);
        sum += word;
    }
    return sum;
}

struct Table {
    Tag tag;
    std::string_view data;
    std::string_view name() const { return {tag.data(), 4}; }
};

// The kept tables of `sfnt`, sorted by tag, bounds checked.
std::vector<Table> read_tables(std::string_view sfnt) {
    if (sfnt.size() < kHeaderSize) bad("shorter than its header");
    const std::uint32_t version = u32(sfnt, 0);
    if (version != 0x00010000 && version != 0x74727565)  // 1.0 or 'true'
        bad(fmt::format("sfnt version {:#010x} is not TrueType", version));
    const std::size_t count = u16(sfnt, 4);
    if ((sfnt.size() - kHeaderSize) / kRecordSize < count) bad("the table directory is truncated");
    std::vector<Table> kept;
    std::vector<Tag> seen;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = kHeaderSize + kRecordSize * i;
        Tag tag;
        std::copy_n(sfnt.data() + at, 4, tag.begin());
        if (std::find(seen.begin(), seen.end(), tag) != seen.end())
            bad(fmt::format("table '{}' is listed twice", std::string_view(tag.data(), 4)));
        seen.push_back(tag);
        const std::uint32_t offset = u32(sfnt, at + 8), length = u32(sfnt, at + 12);
        if (offset > sfnt.size() || sfnt.size() - offset < length)
            bad(fmt::format("table '{}' lies outside the file", std::string_view(tag.data(), 4)));
        const std::string_view name(tag.data(), 4);
        if (std::find(kKept.begin(), kKept.end(), name) == kKept.end()) continue;
        if (length == 0 && name != "glyf") continue;  // libharu lists a missing cvt/fpgm/prep as empty
        kept.push_back({tag, sfnt.substr(offset, length)});
    }
    std::sort(kept.begin(), kept.end(), [](const Table& a, const Table& b) {
        return std::lexicographical_compare(a.tag.begin(), a.tag.end(), b.tag.begin(), b.tag.end(),
                                            [](char x, char y) {
                                                return static_cast<unsigned char>(x) <
                                                       static_cast<unsigned char>(y);
                                            });
    });
    for (std::string_view need : kRequired)
        if (std::none_of(kept.begin(), kept.end(), [&](const Table& t) { return t.name() == need; }))
            bad(fmt::format("it has no '{}' table", need));
    return kept;
}

std::string_view find(const std::vector<Table>& tables, std::string_view name) {
    for (const Table& t : tables)
        if (t.name() == name) return t.data;
    return {};
}

// Where glyph g starts in glyf, by loca in head's format (0: half the
// offset in two bytes; 1: the offset in four).
std::size_t glyph_start(std::string_view loca, bool long_offsets, std::size_t g) {
    return long_offsets ? std::size_t{u32(loca, 4 * g)} : std::size_t{u16(loca, 2 * g)} * 2;
}

// head, maxp and loca agree: a viewer finds every glyph inside glyf.
void check_glyph_index(const std::vector<Table>& tables) {
    const std::string_view head = find(tables, "head"), maxp = find(tables, "maxp"),
                           loca = find(tables, "loca"), glyf = find(tables, "glyf");
    if (head.size() < 54) bad("'head' is too short");
    if (u32(head, 12) != kHeadMagic) bad("'head' has the wrong magic number");
    const std::uint16_t format = u16(head, 50);
    if (format > 1) bad("'head' names an unknown loca format");
    if (maxp.size() < 6) bad("'maxp' is too short");
    const std::size_t glyphs = u16(maxp, 4), entry = format == 0 ? 2 : 4;
    if (loca.size() < (glyphs + 1) * entry) bad("'loca' is shorter than maxp's glyph count");
    std::size_t last = 0;
    for (std::size_t g = 0; g <= glyphs; ++g) {
        const std::size_t at = glyph_start(loca, format == 1, g);
        if (at < last || at > glyf.size()) bad("'loca' points outside 'glyf'");
        last = at;
    }
}

// A file of `tables` (sorted by tag): the directory (searchRange,
// entrySelector, rangeShift, checksums), each table 4-byte aligned and
// zero-padded, head's checkSumAdjustment set for the whole file.
std::string write_sfnt(const std::vector<Table>& tables) {
    const std::size_t count = tables.size();
    std::size_t power = 1, selector = 0;
    while (power * 2 <= count) power *= 2, ++selector;
    std::string out(kHeaderSize + kRecordSize * count, '\0');
    put32(out, 0, 0x00010000);
    put16(out, 4, static_cast<std::uint16_t>(count));
    put16(out, 6, static_cast<std::uint16_t>(power * kRecordSize));
    put16(out, 8, static_cast<std::uint16_t>(selector));
    put16(out, 10, static_cast<std::uint16_t>((count - power) * kRecordSize));

    std::size_t head_at = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const Table& t = tables[i];
        const std::size_t offset = out.size();
        out.append(t.data);
        if (t.name() == "head") {
            head_at = offset;
            put32(out, offset + kHeadAdjustment, 0);  // summed as zero
        }
        const std::size_t record = kHeaderSize + kRecordSize * i;
        out.replace(record, 4, t.tag.data(), 4);
        put32(out, record + 4, checksum(std::string_view(out).substr(offset, t.data.size())));
        put32(out, record + 8, static_cast<std::uint32_t>(offset));
        put32(out, record + 12, static_cast<std::uint32_t>(t.data.size()));
        out.append((4 - out.size() % 4) % 4, '\0');
    }
    put32(out, head_at + kHeadAdjustment, kChecksumBase - checksum(out));
    return out;
}

// Composite glyph flags (TrueType 'glyf').
constexpr std::uint16_t kArgsAreWords = 0x0001, kHaveScale = 0x0008, kMoreComponents = 0x0020,
                        kHaveXYScale = 0x0040, kHaveTwoByTwo = 0x0080;

}  // namespace

std::string subset_sfnt(std::string_view sfnt, const std::vector<std::uint16_t>& glyphs) {
    std::vector<Table> tables = read_tables(sfnt);
    check_glyph_index(tables);
    const std::string_view head = find(tables, "head"), maxp = find(tables, "maxp"), hhea = find(tables, "hhea"),
                           hmtx = find(tables, "hmtx"), loca = find(tables, "loca"), glyf = find(tables, "glyf");
    const std::size_t count = u16(maxp, 4);
    const bool long_loca = u16(head, 50) == 1;
    if (hhea.size() < 36) bad("'hhea' is too short");
    const std::size_t metrics = u16(hhea, 34);
    if (metrics == 0 || metrics > count) bad("'hhea' counts no metrics, or more than there are glyphs");
    if (hmtx.size() < 4 * metrics + 2 * (count - metrics)) bad("'hmtx' is shorter than its metrics");

    if (glyphs.empty() || glyphs.front() != 0) bad("the glyphs to embed do not start with glyph 0");
    std::vector<std::uint16_t> order = glyphs;  // grows by the components composites name
    std::vector<int> new_of(count, -1);
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] >= count) bad(fmt::format("glyph {} is not in the font", order[i]));
        if (new_of[order[i]] >= 0) bad(fmt::format("glyph {} is listed twice", order[i]));
        new_of[order[i]] = static_cast<int>(i);
    }
    std::string new_glyf, new_loca, new_hmtx;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::size_t old = order[i];
        const std::size_t from = glyph_start(loca, long_loca, old), to = glyph_start(loca, long_loca, old + 1);  // checked: ascending, inside glyf
        std::string g(glyf.substr(from, to - from));
        if (!g.empty() && g.size() < 10) bad(fmt::format("glyph {} is shorter than its header", old));
        if (!g.empty() && (u16(g, 0) & 0x8000)) {  // composite: numberOfContours < 0
            std::size_t at = 10;
            for (;;) {
                const std::uint16_t flags = u16(g, at), part = u16(g, at + 2);
                if (part >= count) bad(fmt::format("composite glyph {} is made of glyph {}, not in the font", old, part));
                if (new_of[part] < 0) {
                    if (order.size() >= 0xFFFF) bad("more than 65,535 glyphs");
                    new_of[part] = static_cast<int>(order.size());
                    order.push_back(part);
                }
                put16(g, at + 2, static_cast<std::uint16_t>(new_of[part]));
                at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
                at += (flags & kHaveScale) ? 2 : (flags & kHaveXYScale) ? 4 : (flags & kHaveTwoByTwo) ? 8 : 0;
                if (!(flags & kMoreComponents)) break;
            }
            if (at > g.size()) bad(fmt::format("composite glyph {} is truncated", old));
        }
        new_loca.append(4, '\0');
        put32(new_loca, new_loca.size() - 4, static_cast<std::uint32_t>(new_glyf.size()));
        new_glyf += g;
        new_glyf.append((4 - new_glyf.size() % 4) % 4, '\0');
        const std::size_t m = std::min(old, metrics - 1);  // past the last metric: its advance
        const std::uint16_t advance = u16(hmtx, 4 * m);
        const std::uint16_t lsb = old < metrics ? u16(hmtx, 4 * old + 2) : u16(hmtx, 4 * metrics + 2 * (old - metrics));
        new_hmtx.append(4, '\0');
        put16(new_hmtx, new_hmtx.size() - 4, advance);
        put16(new_hmtx, new_hmtx.size() - 2, lsb);
    }
    new_loca.append(4, '\0');
    put32(new_loca, new_loca.size() - 4, static_cast<std::uint32_t>(new_glyf.size()));
    const auto n = static_cast<std::uint16_t>(order.size());
    std::string new_head(head), new_maxp(maxp), new_hhea(hhea);
    put16(new_head, 50, 1);  // long loca offsets
    put16(new_maxp, 4, n);
    put16(new_hhea, 34, n);  // a metric for every glyph
    for (Table& t : tables) {
        const std::string_view name = t.name();
        if (name == "glyf") t.data = new_glyf;
        else if (name == "loca") t.data = new_loca;
        else if (name == "hmtx") t.data = new_hmtx;
        else if (name == "head") t.data = new_head;
        else if (name == "maxp") t.data = new_maxp;
        else if (name == "hhea") t.data = new_hhea;
    }
    return write_sfnt(tables);
}

}  // namespace lerbrief::render
