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

    // "12pt", "20mm", "0.75in", "1.5cm"; a bare number is points (layout
    // files, where type sizes are bare points too).
    static std::optional<Length> parse(std::string_view text);
    // The same with the unit required: on the command line "3" could as well
    // mean millimetres as points.
    static std::optional<Length> parse_with_unit(std::string_view text);
    // Whether `text` is a number without a unit, like "3" or "0.2".
    static bool is_bare_number(std::string_view text);

private:
    constexpr explicit Length(double v) : pt_(v) {}
    double pt_ = 0;
};

}  // namespace lerbrief
