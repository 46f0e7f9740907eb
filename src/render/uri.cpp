#include "render/uri.h"

#include <fmt/format.h>

#include "render/render_error.h"
#include "render/text_codes.h"

namespace lerbrief::render {

std::string ascii_uri(std::string_view uri, std::string_view where) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(uri.size());
    for (char ch : uri) {
        auto b = static_cast<unsigned char>(ch);
        if (b > 0x20 && b < 0x7F) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[b >> 4]);
            out.push_back(kHex[b & 0xF]);
        }
    }
    if (out.size() > kMaxPdfStringBytes)
        throw RenderError(fmt::format("pdf: {}: URI of {} bytes is longer than the {} libharu allows", where,
                                      out.size(), kMaxPdfStringBytes));
    return out;
}

}  // namespace lerbrief::render
