#pragma once
// A strong length type so points, millimetres and inches never mix by
// accident. Stored in PostScript points (1/72 in).
#include <optional>
#include <string_view>

namespace lerbrief {

class Length {
public:
    constexpr Length() = default;
    static constexpr Length pt(double v) { return Length(v); }
    static constexpr Length mm(double v) { return Length(v * 72.0 / 25.4); }
    static constexpr Length in(double v) { return Length(v * 72.0); }
    constexpr double points() const { return pt_; }
    constexpr double millimetres() const { return pt_ * 25.4 / 72.0; }
    constexpr Length operator+(Length o) const { return Length(pt_ + o.pt_); }
    constexpr Length operator-(Length o) const { return Length(pt_ - o.pt_); }
    constexpr Length operator*(double k) const { return Length(pt_ * k); }
    constexpr auto operator<=>(const Length&) const = default;

    // "12pt", "20mm", "0.75in", "1.5cm"; a bare number is points.
    static std::optional<Length> parse(std::string_view text);

private:
    constexpr explicit Length(double v) : pt_(v) {}
    double pt_ = 0;
};

}  // namespace lerbrief
