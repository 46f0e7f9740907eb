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
        const std::size_t at = format == 0 ? std::size_t{u16(loca, 2 * g)} * 2 : u32(loca, 4 * g);
        if (at < last || at > glyf.size()) bad("'loca' points outside 'glyf'");
        last = at;
    }
}

}  // namespace

std::string lean_sfnt(std::string_view sfnt) {
    const std::vector<Table> tables = read_tables(sfnt);
    check_glyph_index(tables);

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

}  // namespace lerbrief::render
