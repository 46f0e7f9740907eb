#include "render/text_codes.h"

#include <fmt/format.h>

#include "model/utf8.h"
#include "render/render_error.h"

namespace lerbrief::render {

std::vector<char32_t> pdf_code_points(std::string_view text, std::string_view where) {
    if (text.size() > kMaxPdfStringBytes)
        throw RenderError(fmt::format("pdf: {}: text of {} bytes is longer than the {} libharu allows", where,
                                      text.size(), kMaxPdfStringBytes));
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t at = pos;
        char32_t c = utf8::next(text, pos);
        if (c == utf8::kInvalid)
            throw RenderError(fmt::format("pdf: {}: invalid UTF-8 at byte {}", where, at));
        if (c < 0x20 || c == 0x7F)
            throw RenderError(fmt::format("pdf: {}: control character {} cannot be drawn", where,
                                          utf8::code_point_name(c)));
        if (c > 0xFFFF)
            throw RenderError(fmt::format("pdf: {}: {} is above U+FFFF, which libharu cannot draw", where,
                                          utf8::code_point_name(c)));
        out.push_back(c);
    }
    return out;
}

}  // namespace lerbrief::render
