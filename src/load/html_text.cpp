#include "load/html_text.h"

#include <array>
#include <cctype>
#include <utility>

#include "model/markup.h"
#include "model/utf8.h"

namespace lerbrief::load {

namespace {

constexpr std::array<std::pair<std::string_view, char32_t>, 26> kEntities{{
    {"amp", U'&'},      {"lt", U'<'},        {"gt", U'>'},       {"quot", U'"'},     {"apos", U'\''},
    {"colon", U':'},    {"semi", U';'},      {"comma", U','},    {"period", U'.'},   {"excl", U'!'},
    {"quest", U'?'},    {"lpar", U'('},      {"rpar", U')'},     {"nbsp", U'\u00A0'}, {"ndash", U'\u2013'},
    {"mdash", U'\u2014'}, {"hellip", U'\u2026'}, {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'}, {"ldquo", U'\u201C'},
    {"rdquo", U'\u201D'}, {"copy", U'\u00A9'},   {"reg", U'\u00AE'},  {"trade", U'\u2122'}, {"bull", U'\u2022'},
    {"num", U'#'},
}};

void append_escaped(std::string& out, char32_t cp) {
    if (is_markup_char(cp)) out += '\\';
    utf8::append(out, cp);
}

// Lower-cased tag name of "<…>" (without '/'), and whether it closes.
std::pair<std::string, bool> tag_name(std::string_view tag) {
    std::size_t i = 1;
    bool closing = i < tag.size() && tag[i] == '/';
    if (closing) ++i;
    std::string name;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++])));
    return {name, closing};
}

std::string attribute(std::string_view tag, std::string_view attr) {
    auto at = tag.find(attr);
    if (at == std::string_view::npos) return {};
    auto q = tag.find_first_of("\"'", at + attr.size());
    if (q == std::string_view::npos) return {};
    auto end = tag.find(tag[q], q + 1);
    if (end == std::string_view::npos) return {};
    std::string raw(tag.substr(q + 1, end - q - 1)), out;
    for (std::size_t i = 0; i < raw.size();) {
        if (raw[i] == '&') {
            if (std::size_t n = decode_entity(std::string_view(raw).substr(i), out)) {
                i += n;
                continue;
            }
        }
        out += raw[i++];
    }
    return out;
}

void paragraph_break(std::string& out) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.substr(out.size() >= 2 ? out.size() - 2 : 0) != "\n\n") out += "\n\n";
}

}  // namespace

std::size_t decode_entity(std::string_view s, std::string& out) {
    if (s.size() < 3 || s[0] != '&') return 0;
    auto semi = s.find(';');
    if (semi == std::string_view::npos || semi > 10) return 0;
    std::string_view body = s.substr(1, semi - 1);
    if (body.empty()) return 0;
    char32_t cp = 0;
    if (body[0] == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        for (char c : digits) {
            int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c))
                        ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                        : -1;
            if (v < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
            if (cp > 0x10FFFF) return 0;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    } else {
        bool found = false;
        for (const auto& [name, value] : kEntities)
            if (name == body) cp = value, found = true;
        if (!found) return 0;
    }
    utf8::append(out, cp);
    return semi + 1;
}

std::string html_to_markup(std::string_view html) {
    std::string out;
    std::string link_target;
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            auto end = html.find('>', i);
            auto [name, closing] = end == std::string_view::npos ? std::pair<std::string, bool>{} : tag_name(html.substr(i, end - i + 1));
            if (!name.empty()) {
                std::string_view tag = html.substr(i, end - i + 1);
                if (name == "p" || name == "br" || name == "div" || name == "li" || name == "ul") {
                    paragraph_break(out);
                } else if (name == "strong" || name == "b") {
                    out += "**";
                } else if (name == "em" || name == "i") {
                    out += "*";
                } else if (name == "a" && !closing) {
                    link_target = attribute(tag, "href");
                    if (!link_target.empty()) out += "[";
                } else if (name == "a" && closing && !link_target.empty()) {
                    out += "](" + link_target + ")";
                    link_target.clear();
                }
                i = end + 1;
                continue;
            }
        }
        if (c == '&') {
            std::string decoded;
            if (std::size_t n = decode_entity(html.substr(i), decoded)) {
                std::size_t k = 0;
                append_escaped(out, utf8::next(decoded, k));
                i += n;
                continue;
            }
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            ++i;
            continue;
        }
        if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) {
            ++i;
            continue;
        }
        append_escaped(out, utf8::next(html, i));
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

}  // namespace lerbrief::load
