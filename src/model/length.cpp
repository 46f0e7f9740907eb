#include "model/length.h"

#include <charconv>
#include <cmath>
#include <string>

namespace lerbrief {

std::optional<Length> Length::parse(std::string_view text) {
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
    if (unit.empty() || unit == "pt") return Length::pt(v);
    if (unit == "mm") return Length::mm(v);
    if (unit == "cm") return Length::mm(v * 10);
    if (unit == "in") return Length::in(v);
    return std::nullopt;
}

}  // namespace lerbrief
