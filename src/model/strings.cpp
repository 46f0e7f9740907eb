#include "model/strings.h"

#include <algorithm>

namespace lerbrief {
namespace {

constexpr std::array<std::string_view, kStringCount> kKeys = {
#define LERBRIEF_STRING(id, key) key,
#include "model/strings_booklet.def"
#include "model/strings_factsheet.def"
#include "model/strings_figures.def"
#include "model/strings_kit.def"
#include "model/strings_print.def"
#include "model/strings_website.def"
#undef LERBRIEF_STRING
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view string_key(Str s) { return kKeys[static_cast<std::size_t>(s)]; }

std::optional<Str> find_string_key(std::string_view key) {
    for (std::size_t i = 0; i < kKeys.size(); ++i)
        if (kKeys[i] == key) return static_cast<Str>(i);
    return std::nullopt;
}

std::string fill_placeholders(std::string_view text,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c, ++i;
            continue;
        }
        if (c == '{') {
            const std::size_t end = text.find('}', i + 1);
            if (end != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, end - i - 1);
                const auto v = std::find_if(values.begin(), values.end(), [&](const auto& p) { return p.first == name; });
                if (v != values.end()) {
                    out += v->second;
                    i = end;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
            ++i;
            continue;
        }
        if (text[i] != '{') continue;
        const std::size_t end = text.find('}', i + 1);
        if (end == std::string_view::npos) break;
        std::string name(text.substr(i + 1, end - i - 1));
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
        i = end;
    }
    return names;
}

std::string Strings::fill(Str s, std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
    return fill_placeholders((*this)(s), values);
}

std::string Strings::date(std::string_view iso) const {
    // YYYY-MM-DD, nothing more
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(iso[i])) return std::string(iso);
    const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
    const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso);
    const std::string& name = typography.months[static_cast<std::size_t>(month - 1)];
    if (name.empty()) return std::string(iso);
    const std::string d = std::to_string(day);
    return fill_placeholders(typography.date, {{"day", d}, {"month", name}, {"year", iso.substr(0, 4)}});
}

bool is_english(std::string_view tag) {
    return tag.size() >= 2 && (tag[0] | 0x20) == 'e' && (tag[1] | 0x20) == 'n' && (tag.size() == 2 || tag[2] == '-');
}

bool is_language_tag(std::string_view tag) {
    std::size_t i = 0, first = 0;
    while (i < tag.size() && is_alpha(tag[i])) ++i;
    first = i;
    if (first < 2 || first > 8) return false;
    while (i < tag.size()) {
        if (tag[i] != '-') return false;
        const std::size_t start = ++i;
        while (i < tag.size() && (is_alpha(tag[i]) || is_digit(tag[i]))) ++i;
        if (i - start < 1 || i - start > 8) return false;
    }
    return true;
}

}  // namespace lerbrief
