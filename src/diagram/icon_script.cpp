#include "diagram/icon_script.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <variant>
#include <vector>

namespace lerbrief::diagram {

namespace {

using layout::Color;
using layout::PathSeg;
using layout::Point;

struct Matrix {  // x' = xx·x + xy·y + x0, y' = yx·x + yy·y + y0 (Cairo's order)
    double xx = 1, yx = 0, xy = 0, yy = 1, x0 = 0, y0 = 0;
    Point apply(double x, double y) const { return {xx * x + xy * y + x0, yx * x + yy * y + y0}; }
    // `m` applied first, then this.
    Matrix after(const Matrix& m) const {
        return {xx * m.xx + xy * m.yx, yx * m.xx + yy * m.yx, xx * m.xy + xy * m.yy,
                yx * m.xy + yy * m.yy, xx * m.x0 + xy * m.y0 + x0, yx * m.x0 + yy * m.y0 + y0};
    }
};

struct Mark {};

constexpr double kMaxArtNumber = 32767;
using Array = std::vector<double>;
using Value = std::variant<double, std::string, Color, Array, Matrix, Mark>;

struct State {
    Matrix ctm;
    std::optional<Color> source;
    double line_width = 2;  // Cairo's default
    layout::LineCap cap = layout::LineCap::butt;
    layout::LineJoin join = layout::LineJoin::miter;
    double miter_limit = 10;
    bool even_odd = false;
};

struct Unsupported {
    std::string op;
};

// What an operator that is not replayed draws, in words (--timings).
std::string described(std::string_view op) {
    if (op == "dup" || op == "exch" || op == "similar" || op == "context" || op == "push-group" || op == "pop-group")
        return "a drawing on a surface of its own (a mask, group opacity or a filter)";
    if (op == "pattern" || op == "linear" || op == "radial" || op == "mesh") return "a gradient or pattern";
    if (op == "mask") return "a mask";
    if (op == "clip" || op == "clip+") return "a clip";
    if (op == "paint" || op == "paint-with-alpha") return "a paint of the whole surface";
    if (op == "show-glyphs" || op == "show-text" || op == "glyphs" || op == "font") return "text";
    if (op == "image") return "an image";
    if (op == "<<" || op == "<|" || op == "{" || op == "(") return "data blocks";
    return fmt::format("the operator '{}'", op);
}

class Replay {
public:
    explicit Replay(double side) : frame_(std::make_shared<layout::Frame>()) {
        frame_->width = frame_->height = side;
    }

    void run(std::string_view s) {
        pos_ = 0;
        s_ = s;
        skip_header();
        for (std::string_view t; !(t = token()).empty();) op(t);
    }
    std::shared_ptr<const layout::Frame> frame() { return frame_; }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
    std::vector<Value> stack_;
    State st_;
    std::vector<State> saved_;
    std::vector<PathSeg> path_;
    unsigned path_version_ = 0, filled_version_ = ~0u;
    std::shared_ptr<layout::Frame> frame_;

    [[noreturn]] static void no(std::string_view op) { throw Unsupported{std::string(op)}; }

    static bool space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
    static bool delim(char c) { return space(c) || c == '[' || c == ']' || c == '<' || c == '>' || c == '{' || c == '}' || c == '(' || c == ')' || c == '/' || c == '%'; }

    // The next token ("" at the end). Comments are skipped; strings,
    // procedures and data blocks are not replayed.
    std::string_view token() {
        for (;;) {
            while (pos_ < s_.size() && space(s_[pos_])) ++pos_;
            if (pos_ >= s_.size()) return {};
            if (s_[pos_] != '%') break;
            while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
        }
        const std::size_t start = pos_;
        const char c = s_[pos_];
        if (c == '[' || c == ']' || c == '{' || c == '}' || c == '(' || c == ')') {
            ++pos_;
            return s_.substr(start, 1);
        }
        if (c == '<' || c == '>') {
            pos_ += pos_ + 1 < s_.size() && (s_[pos_ + 1] == c || s_[pos_ + 1] == '|') ? 2 : 1;
            return s_.substr(start, pos_ - start);
        }
        if (c == '/') {
            ++pos_;
            if (pos_ < s_.size() && s_[pos_] == '/') ++pos_;
        }
        while (pos_ < s_.size() && !delim(s_[pos_])) ++pos_;
        if (pos_ == start) ++pos_;  // a lone delimiter
        return s_.substr(start, pos_ - start);
    }

    // "<< /content //COLOR_ALPHA /width W /height H >> surface context":
    // the surface the script draws on.
    void skip_header() {
        const std::size_t at = s_.find("surface context");
        if (at == std::string_view::npos) return;
        pos_ = at + std::string_view("surface context").size();
    }

    double num() {
        if (stack_.empty() || !std::holds_alternative<double>(stack_.back())) no("an operand that is not a number");
        double v = std::get<double>(stack_.back());
        stack_.pop_back();
        return v;
    }
    std::string name() {
        if (stack_.empty() || !std::holds_alternative<std::string>(stack_.back())) no("an operand that is not a name");
        std::string v = std::move(std::get<std::string>(stack_.back()));
        stack_.pop_back();
        return v;
    }
    template <class T>
    T pop(const char* what) {
        if (stack_.empty() || !std::holds_alternative<T>(stack_.back())) no(what);
        T v = std::move(std::get<T>(stack_.back()));
        stack_.pop_back();
        return v;
    }

    // Coordinates and widths a PDF can hold (libharu's ±32767; an icon's art is 100 units).
    static double checked(double v) {
        if (!(std::abs(v) <= kMaxArtNumber)) no("a number outside the page");
        return v;
    }

    // A matrix operand: `identity`, `[…] matrix`, or the bare array Cairo
    // writes before a rotated or skewed stroke ([xx yx xy yy x0 y0]).
    Matrix matrix() {
        if (!stack_.empty() && std::holds_alternative<Array>(stack_.back())) {
            Array a = pop<Array>("a matrix");
            if (a.size() != 6) no("a matrix that is not six numbers");
            return {a[0], a[1], a[2], a[3], a[4], a[5]};
        }
        return pop<Matrix>("a matrix that is not a matrix");
    }

    void seg(PathSeg::Op op, std::initializer_list<Point> pts) {
        PathSeg s{op, {}};
        std::size_t i = 0;
        for (Point p : pts) {
            Point d = st_.ctm.apply(p.x, p.y);
            s.p[i++] = {checked(d.x), checked(d.y)};
        }
        if (op == PathSeg::Op::move && !path_.empty() && path_.back().op == PathSeg::Op::move)
            path_.back() = s;  // a move after a move replaces it
        else
            path_.push_back(s);
        ++path_version_;
    }

    // The path as painted: no trailing move (Cairo adds one after each close).
    std::vector<PathSeg> painted() const {
        std::vector<PathSeg> p = path_;
        while (!p.empty() && p.back().op == PathSeg::Op::move) p.pop_back();
        return p;
    }

    layout::Shape shape() const {
        layout::Shape s;
        s.path = painted();
        s.cap = st_.cap, s.join = st_.join, s.miter_limit = st_.miter_limit, s.even_odd = st_.even_odd;
        return s;
    }

    void fill() {
        if (!st_.source) no("fill without a colour");
        layout::Shape s = shape();
        if (s.path.empty()) return;
        s.fill = *st_.source;
        frame_->items.push_back(std::move(s));
        filled_version_ = path_version_;
    }

    void stroke() {
        if (!st_.source) no("stroke without a colour");
        const Matrix& m = st_.ctm;
        const double sx = std::hypot(m.xx, m.yx), sy = std::hypot(m.xy, m.yy);
        if (std::abs(sx - sy) > 1e-6 * std::max(sx, sy) || std::abs(m.xx * m.xy + m.yx * m.yy) > 1e-9 * sx * sy)
            no("a stroke under an unequal scale");
        const double width = checked(st_.line_width * sx);
        // a fill of the same path just before: one fill-and-stroke
        if (filled_version_ == path_version_ && !frame_->items.empty()) {
            auto* last = std::get_if<layout::Shape>(&frame_->items.back());
            if (last && last->fill && !last->stroke) {
                last->stroke = *st_.source;
                last->stroke_width = width;
                last->cap = st_.cap, last->join = st_.join, last->miter_limit = st_.miter_limit;
                return;
            }
        }
        layout::Shape s = shape();
        if (s.path.empty()) return;
        s.stroke = *st_.source;
        s.stroke_width = width;
        frame_->items.push_back(std::move(s));
    }

    void op(std::string_view t) {
        const char c = t.front();
        if ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == '+') {
            double v = 0;
            const char* b = t.data() + (c == '+' ? 1 : 0);
            auto [end, ec] = std::from_chars(b, t.data() + t.size(), v);
            if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v)) no(t);
            stack_.emplace_back(v);
            return;
        }
        if (c == '/') {
            stack_.emplace_back(std::string(t.substr(t.size() > 1 && t[1] == '/' ? 2 : 1)));
            return;
        }
        if (t == "[") return stack_.emplace_back(Mark{}), void();
        if (t == "]") {
            Array a;
            while (!stack_.empty() && std::holds_alternative<double>(stack_.back())) {
                a.push_back(std::get<double>(stack_.back()));
                stack_.pop_back();
            }
            std::reverse(a.begin(), a.end());  // popped last first
            pop<Mark>("]");
            stack_.emplace_back(std::move(a));
            return;
        }
        if (t == "n") {
            path_.clear();
            ++path_version_;
        } else if (t == "m") {
            double y = num(), x = num();
            seg(PathSeg::Op::move, {{x, y}});
        } else if (t == "l") {
            double y = num(), x = num();
            if (path_.empty()) no("a line with no current point");
            seg(PathSeg::Op::line, {{x, y}});
        } else if (t == "c") {
            double y3 = num(), x3 = num(), y2 = num(), x2 = num(), y1 = num(), x1 = num();
            if (path_.empty()) no("a curve with no current point");
            seg(PathSeg::Op::curve, {{x1, y1}, {x2, y2}, {x3, y3}});
        } else if (t == "h") {
            if (!path_.empty()) seg(PathSeg::Op::close, {});
        } else if (t == "rectangle") {
            double h = num(), w = num(), y = num(), x = num();
            seg(PathSeg::Op::move, {{x, y}});
            seg(PathSeg::Op::line, {{x + w, y}});
            seg(PathSeg::Op::line, {{x + w, y + h}});
            seg(PathSeg::Op::line, {{x, y + h}});
            seg(PathSeg::Op::close, {});
        } else if (t == "rgb") {
            double b = num(), g = num(), r = num();
            stack_.emplace_back(Color{r, g, b});
        } else if (t == "rgba") {
            double a = num(), b = num(), g = num(), r = num();
            if (a < 1 - 1e-6) no("a colour that is not opaque");
            stack_.emplace_back(Color{r, g, b});
        } else if (t == "g") {
            double v = num();
            stack_.emplace_back(Color{v, v, v});
        } else if (t == "set-source") {
            st_.source = pop<Color>("a source that is not a flat colour");
        } else if (t == "fill" || t == "fill+") {
            fill();
            if (t == "fill") path_.clear(), ++path_version_;
        } else if (t == "stroke" || t == "stroke+") {
            stroke();
            if (t == "stroke") path_.clear(), ++path_version_;
        } else if (t == "set-line-width") {
            st_.line_width = num();
        } else if (t == "set-line-cap") {
            const std::string n = name();
            st_.cap = n == "LINE_CAP_ROUND" ? layout::LineCap::round
                      : n == "LINE_CAP_SQUARE" ? layout::LineCap::square
                      : n == "LINE_CAP_BUTT"   ? layout::LineCap::butt
                                               : (no(t), layout::LineCap::butt);
        } else if (t == "set-line-join") {
            const std::string n = name();
            st_.join = n == "LINE_JOIN_ROUND" ? layout::LineJoin::round
                       : n == "LINE_JOIN_BEVEL" ? layout::LineJoin::bevel
                       : n == "LINE_JOIN_MITER" ? layout::LineJoin::miter
                                                : (no(t), layout::LineJoin::miter);
        } else if (t == "set-miter-limit") {
            st_.miter_limit = num();
        } else if (t == "set-fill-rule") {
            const std::string n = name();
            if (n != "WINDING" && n != "EVEN_ODD") no(t);
            st_.even_odd = n == "EVEN_ODD";
        } else if (t == "set-tolerance" || t == "set-antialias") {
            if (stack_.empty()) no(t);
            stack_.pop_back();  // how Cairo would rasterise: nothing to a PDF
        } else if (t == "set-dash") {
            num();
            if (!pop<Array>("a dash that is not an array").empty()) no("a dashed stroke");
        } else if (t == "scale") {
            double sy = num(), sx = num();
            st_.ctm = st_.ctm.after(Matrix{sx, 0, 0, sy, 0, 0});
        } else if (t == "translate") {
            double ty = num(), tx = num();
            st_.ctm = st_.ctm.after(Matrix{1, 0, 0, 1, tx, ty});
        } else if (t == "identity") {
            stack_.emplace_back(Matrix{});
        } else if (t == "matrix") {
            Array a = pop<Array>("a matrix that is not an array");
            if (a.size() != 6) no(t);
            stack_.emplace_back(Matrix{a[0], a[1], a[2], a[3], a[4], a[5]});
        } else if (t == "set-matrix") {
            st_.ctm = matrix();
        } else if (t == "transform") {
            st_.ctm = st_.ctm.after(matrix());
        } else if (t == "pop") {
            // the script's last word pops its context, which is not on this stack
            if (!stack_.empty()) stack_.pop_back();
        } else if (t == "save") {
            saved_.push_back(st_);
        } else if (t == "restore") {
            if (saved_.empty()) no("restore without save");
            st_ = saved_.back();
            saved_.pop_back();
        } else {
            no(described(t));
        }
    }
};

}  // namespace

ScriptArt replay_script(std::string_view script, double side) {
    Replay r(side);
    try {
        r.run(script);
    } catch (const Unsupported& u) {
        return {nullptr, u.op};
    }
    return {r.frame(), {}};
}

}  // namespace lerbrief::diagram
