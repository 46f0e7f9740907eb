#include "render/glyph_run.h"

#include <fmt/format.h>
#include <hpdf_conf.h>
#include <hpdf_consts.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "model/utf8.h"
#include "render/render_error.h"

namespace lerbrief::render {

bool GlyphRun::kerned() const {
    return std::any_of(kern.begin(), kern.end(), [](double k) { return k != 0; });
}

GlyphRun make_glyph_run(std::vector<char32_t> codes, const layout::FontMetrics& font) {
    GlyphRun run;
    run.kern.assign(codes.size(), 0);
    for (std::size_t i = 1; i < codes.size(); ++i) run.kern[i] = font.kerning(codes[i - 1], codes[i]);
    run.codes = std::move(codes);
    return run;
}

void set_word_spaces(GlyphRun& run, std::size_t count, double word_space, double size,
                     const layout::FontMetrics& font) {
    if (word_space == 0 || size <= 0) return;
    const double extra = std::round((word_space / size * 1000.0 - font.advance(U' ')) * 1000.0) / 1000.0;
    count = std::min(count, run.codes.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (run.codes[i] != U' ') continue;
        run.kern[i] = 0;
        if (i + 1 < run.codes.size()) run.kern[i + 1] = extra;
    }
}

namespace {

// `code` as four lowercase hex digits, or more when it needs them: what
// fmt's "{:04x}" gives, without formatting a string a glyph.
void append_code(std::string& out, unsigned code) {
    if (code > 0xFFFF) {
        fmt::format_to(std::back_inserter(out), "{:04x}", code);
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    const char digits[4] = {kHex[code >> 12], kHex[(code >> 8) & 0xF], kHex[(code >> 4) & 0xF], kHex[code & 0xF]};
    out.append(digits, 4);
}

}  // namespace

std::string show_operator(const GlyphRun& run, std::size_t from, std::size_t to) {
    to = std::min(to, run.codes.size());
    if (from >= to) return {};
    const bool array =
        std::any_of(run.kern.begin() + static_cast<long>(from), run.kern.begin() + static_cast<long>(to),
                    [](double k) { return k != 0; });
    std::string out = array ? "[" : "";
    bool open = false;  // inside a hex string
    for (std::size_t i = from; i < to; ++i) {
        if (run.kern[i] != 0) {
            if (open) out += "> ";
            fmt::format_to(std::back_inserter(out), "{} ", -run.kern[i]);  // TJ moves left by n/1000 em; kerning < 0 is closer
            open = false;
        }
        if (!open) out += '<';
        open = true;
        append_code(out, static_cast<unsigned>(run.codes[i]));
    }
    out += array ? ">] TJ\012" : "> Tj\012";
    return out;
}

std::string pdf_text_string(std::string_view utf8) {
    if (utf8.empty()) return "()";
    std::string out = "<FEFF";
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t c = utf8::next(utf8, pos);
        if (c == utf8::kInvalid) continue;
        if (c > 0xFFFF) {  // a surrogate pair
            c -= 0x10000;
            out += fmt::format("{:04X}{:04X}", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
        } else {
            out += fmt::format("{:04X}", static_cast<unsigned>(c));
        }
    }
    return out + ">";
}

std::string begin_marked_content(std::string_view tag, std::string_view properties) {
    return fmt::format("/{} <<{}>> BDC\012", tag, properties);
}

std::string end_marked_content() { return "EMC\012"; }

std::string begin_actual_text(std::string_view utf8) {
    return begin_marked_content("Span", "/ActualText " + pdf_text_string(utf8));
}

void show_glyph_run(HpdfDoc& doc, HPDF_Page page, HPDF_Font font, const GlyphRun& run, const CopyText& copy,
                    std::string_view where) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (attr->gmode != HPDF_GMODE_TEXT_OBJECT)
        throw RenderError(fmt::format("pdf: {}: a glyph run outside a text object", where));
    // What HPDF_Page_ShowText does through HPDF_Font_TextWidth: mark each
    // glyph (and a composite's parts) for the subset.
    auto fontdef = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
    for (char32_t c : run.codes) HPDF_TTFontDef_GetCharWidth(fontdef, static_cast<HPDF_UINT16>(c));
    doc.check(fmt::format("{}: marking glyphs for the subset", where));

    const std::size_t split = std::min(copy.silent_prefix, run.codes.size());
    auto span = [&](std::string_view text) {
        const std::string props = "/ActualText " + pdf_text_string(text);
        return copy.span_mcid ? begin_marked_content("Span", fmt::format("/MCID {} {}", *copy.span_mcid, props))
                              : begin_marked_content("Span", props);
    };
    std::string ops;
    if (copy.actual_text) ops += span(*copy.actual_text);
    if (split > 0) ops += span("") + show_operator(run, 0, split) + end_marked_content();
    const std::string rest = show_operator(run, split, run.codes.size());
    if (copy.rest_mcid && !rest.empty())
        ops += begin_marked_content(copy.rest_tag, fmt::format("/MCID {}", *copy.rest_mcid)) + rest +
               end_marked_content();
    else
        ops += rest;
    if (copy.actual_text) ops += end_marked_content();
    doc.check(fmt::format("{}: writing a glyph run", where),
              HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                                static_cast<HPDF_UINT>(ops.size())));
}

}  // namespace lerbrief::render
