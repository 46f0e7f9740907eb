#include "model/length.h"

#include <charconv>
#include <cmath>
#include <string>

namespace lerbrief {

namespace {

struct Parsed {
    double value = 0;
    std::string_view unit;  // without the spaces before it
};

std::optional<Parsed> split(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::size_t n = 0;
    while (n < text.size() && (std::isdigit(static_cast<unsigned char>(text[n])) || text[n] == '.' || text[n] == '-' || text[n] == '+'))
        ++n;
    if (n == 0) return std::nullopt;
    double v = 0;
    try {
        std::size_t used = 0;
        v = std::stod(std::string(text.substr(0, n)), &used);
        if (used != n) return std::nullopt;
    } catch (...) {
        return std::nullopt;
    }
    if (!std::isfinite(v)) return std::nullopt;
    std::string_view unit = text.substr(n);
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    return Parsed{v, unit};
}

std::optional<Length> with_unit(const Parsed& p) {
    if (p.unit == "pt") return Length::pt(p.value);
    if (p.unit == "mm") return Length::mm(p.value);
    if (p.unit == "cm") return Length::mm(p.value * 10);
    if (p.unit == "in") return Length::in(p.value);
    return std::nullopt;
}

}  // namespace

std::optional<Length> Length::parse(std::string_view text) {
    auto p = split(text);
    if (!p) return std::nullopt;
    if (p->unit.empty()) return Length::pt(p->value);
    return with_unit(*p);
}

std::optional<Length> Length::parse_with_unit(std::string_view text) {
    auto p = split(text);
    return p ? with_unit(*p) : std::nullopt;
}

bool Length::is_bare_number(std::string_view text) {
    auto p = split(text);
    return p && p->unit.empty();
}

}  // namespace lerbrief
