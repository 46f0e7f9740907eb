#include "model/utf8.h"

#include <algorithm>

#include <cstdio>

namespace lerbrief::utf8 {

char32_t next(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = 0;
    char32_t cp = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++i;
        return kInvalid;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return kInvalid;
    }
    for (int k = 1; k < len; ++k) {
        const unsigned char b = byte(i + static_cast<std::size_t>(k));
        if ((b & 0xC0) != 0x80) {
            ++i;
            return kInvalid;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalid;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

std::optional<std::size_t> first_invalid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t at = i;
        if (next(s, i) == kInvalid) return at;
    }
    return std::nullopt;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) next(s, i);
    return n;
}

LineCol line_col(std::string_view s, std::size_t at) {
    LineCol lc;
    std::size_t i = 0;
    while (i < at && i < s.size()) {
        if (s[i] == '\n') {
            ++lc.line;
            lc.col = 1;
            ++i;
        } else {
            next(s, i);
            ++lc.col;
        }
    }
    return lc;
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

bool is_control(char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

const char* rtl_script(char32_t cp) {
    if (cp < 0x0590) return nullptr;
    if (cp <= 0x05FF) return "Hebrew";
    if (cp <= 0x06FF) return "Arabic";
    if (cp <= 0x074F) return "Syriac";
    if (cp <= 0x077F) return "Arabic";
    if (cp <= 0x07BF) return "Thaana";
    if (cp <= 0x07FF) return "N'Ko";
    if (cp <= 0x083F) return "Samaritan";
    if (cp <= 0x085F) return "Mandaic";
    if (cp <= 0x086F) return "Syriac";
    if (cp <= 0x08FF) return "Arabic";
    if (cp >= 0xFB1D && cp <= 0xFB4F) return "Hebrew";
    if (cp >= 0xFB50 && cp <= 0xFDFF) return "Arabic";
    if (cp >= 0xFE70 && cp <= 0xFEFE) return "Arabic";
    if (cp >= 0x10800 && cp <= 0x10FFF) return "right-to-left";
    if (cp >= 0x1E800 && cp <= 0x1EFFF) return "right-to-left";
    return nullptr;
}

std::string printable(std::string_view s, bool keep_newlines) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t cp = next(s, i);
        if (cp == kInvalid) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[at])));
            out += buf;
        } else if (is_control(cp) || (!keep_newlines && (cp == '\t' || cp == '\n'))) {
            out += code_point_name(cp);
        } else {
            out.append(s, at, i - at);
        }
    }
    return out;
}

std::size_t floor_boundary(std::string_view s, std::size_t i) {
    i = std::min(i, s.size());
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

}  // namespace lerbrief::utf8
