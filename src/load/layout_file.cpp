#include "load/layout_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "load/contained.h"
#include "load/fields.h"
#include "messages/messages.h"
#include "messages/setup.h"

namespace lerbrief::load {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxExtends = 4;

std::optional<Rgb> parse_color(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<unsigned>(d);
    }
    return Rgb{((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
}

class LayoutReader {
public:
    LayoutReader(LayoutSpec& spec, Diagnostics& d) : spec_(spec), d_(d) {}

    std::optional<Length> length(Fields& f, const char* key, bool positive) {
        const YNode* n = f.node(key, Need::optional);
        if (!n) return std::nullopt;
        auto l = n->is_scalar() ? Length::parse(n->scalar) : std::nullopt;
        if (!l) {
            msg::expected(d_, n->pos, f.field(key), "a length like 12pt, 20mm or 0.75in", n->is_scalar() ? "'" + n->scalar + "'" : kind_name(*n));
            return std::nullopt;
        }
        if (positive ? l->points() <= 0 : l->points() < 0) {
            msg::expected(d_, n->pos, f.field(key), positive ? "a length above zero" : "a length of zero or more", "'" + n->scalar + "'");
            return std::nullopt;
        }
        return l;
    }

    std::optional<double> number(Fields& f, const char* key, double lo, double hi) {
        const YNode* n = f.node(key, Need::optional);
        if (!n) return std::nullopt;
        double v = 0;
        try {
            std::size_t used = 0;
            v = n->is_scalar() ? std::stod(n->scalar, &used) : 0;
            if (!n->is_scalar() || used != n->scalar.size()) throw 0;
        } catch (...) {
            msg::expected(d_, n->pos, f.field(key), "a number", n->is_scalar() ? "'" + n->scalar + "'" : kind_name(*n));
            return std::nullopt;
        }
        if (!(v >= lo && v <= hi)) {
            msg::expected(d_, n->pos, f.field(key), fmt::format("a number from {} to {}", lo, hi), "'" + n->scalar + "'");
            return std::nullopt;
        }
        return v;
    }

    std::optional<bool> boolean(Fields& f, const char* key) {
        const YNode* n = f.node(key, Need::optional);
        if (!n) return std::nullopt;
        if (n->is_scalar() && (n->scalar == "true" || n->scalar == "yes")) return true;
        if (n->is_scalar() && (n->scalar == "false" || n->scalar == "no")) return false;
        msg::expected(d_, n->pos, f.field(key), "true or false", n->is_scalar() ? "'" + n->scalar + "'" : kind_name(*n));
        return std::nullopt;
    }

    std::optional<Rgb> color(const YNode& n, const std::string& field) {
        if (n.is_scalar()) {
            if (auto c = parse_color(trim(n.scalar))) return c;
            if (auto it = spec_.colors.find(trim(n.scalar)); it != spec_.colors.end()) return it->second;
        }
        msg::expected(d_, n.pos, field, "a colour like \"#1f4e79\" or a colour name", n.is_scalar() ? "'" + n.scalar + "'" : kind_name(n));
        return std::nullopt;
    }

    void page(Fields& top) {
        const YNode* p = top.mapping("page", Need::optional);
        if (!p) return;
        Fields f(*p, "page", "page", {"size", "margins"}, d_);
        if (const YNode* size = f.node("size", Need::optional)) {
            if (size->is_scalar() && trim(size->scalar) == "letter") {
                spec_.page_width = Length::in(8.5), spec_.page_height = Length::in(11);
            } else if (size->is_scalar() && trim(size->scalar) == "a4") {
                spec_.page_width = Length::mm(210), spec_.page_height = Length::mm(297);
            } else if (size->is_seq() && size->items.size() == 2) {
                auto w = size->items[0].is_scalar() ? Length::parse(size->items[0].scalar) : std::nullopt;
                auto h = size->items[1].is_scalar() ? Length::parse(size->items[1].scalar) : std::nullopt;
                if (!w || !h || w->points() <= 0 || h->points() <= 0)
                    msg::expected(d_, size->pos, "page.size", "two lengths above zero, like [8.5in, 11in]", "something else");
                else if (w->points() > 14400 || h->points() > 14400)
                    msg::expected(d_, size->pos, "page.size", "a page no larger than 200 in (the PDF limit)", "a larger page");
                else
                    spec_.page_width = *w, spec_.page_height = *h;
            } else {
                msg::expected(d_, size->pos, "page.size", "letter, a4 or [width, height]", size->is_scalar() ? "'" + size->scalar + "'" : kind_name(*size));
            }
        }
        if (const YNode* m = f.mapping("margins", Need::optional)) {
            Fields mf(*m, "page.margins", "margins", {"top", "bottom", "inner", "outer"}, d_);
            if (auto l = length(mf, "top", false)) spec_.margin_top = *l;
            if (auto l = length(mf, "bottom", false)) spec_.margin_bottom = *l;
            if (auto l = length(mf, "inner", false)) spec_.margin_inner = *l;
            if (auto l = length(mf, "outer", false)) spec_.margin_outer = *l;
            mf.finish();
        }
        f.finish();
    }

    void styles(Fields& top) {
        const YNode* s = top.mapping("styles", Need::optional);
        if (!s) return;
        for (const auto& [k, v] : s->entries) {
            const std::string field = "styles." + k.scalar;
            if (!v.is_map()) {
                msg::expected(d_, v.pos, field, "a mapping", kind_name(v));
                continue;
            }
            if (!is_style_name(k.scalar)) {  // no document is set in it
                std::vector<std::string> known;
                for (std::string_view n : kStyleNames) known.push_back("styles." + std::string(n));
                msg::unknown_field(d_, k.pos, field, known);
                continue;
            }
            TypeStyle st = spec_.styles.count(k.scalar) ? spec_.styles[k.scalar] : spec_.style("body");
            Fields f(v, field, "a style", {"font", "size", "leading", "space-before", "space-after", "color", "align"}, d_);
            if (auto t = f.plain("font", Need::optional)) {
                if (!spec_.fonts.count(*t))
                    msg::unknown_reference(d_, v.get("font")->pos, "font", *t, font_names());
                else
                    st.font = *t;
            }
            if (auto x = number(f, "size", 3, 200)) st.size = *x;
            if (auto x = number(f, "leading", 3, 300)) st.leading = *x;
            if (auto x = number(f, "space-before", 0, 500)) st.space_before = *x;
            if (auto x = number(f, "space-after", 0, 500)) st.space_after = *x;
            if (auto a = f.plain("align", Need::optional)) {
                if (*a == "justify" || *a == "left" || *a == "center" || *a == "right")
                    st.align = *a;
                else
                    msg::expected(d_, v.get("align")->pos, field + ".align", "justify, left, center or right", "'" + *a + "'");
            }
            if (const YNode* c = f.node("color", Need::optional))
                if (auto rgb = color(*c, field + ".color")) st.color = *rgb;
            f.finish();
            spec_.styles[k.scalar] = st;
        }
    }

    std::vector<std::string> font_names() const {
        std::vector<std::string> v;
        for (const auto& [k, _] : spec_.fonts) v.push_back(k);
        return v;
    }

    void fonts(Fields& top, const std::string& fonts_dir) {
        const YNode* f = top.mapping("fonts", Need::optional);
        if (!f) return;
        for (const auto& [k, v] : f->entries) {
            if (!v.is_scalar()) {
                msg::expected(d_, v.pos, "fonts." + k.scalar, "a font file name", kind_name(v));
                continue;
            }
            std::string file = trim(v.scalar);
            // Only fonts the project ships are embedded (libharu's TrueType parser
            // is not hardened): a bare file name inside fonts/.
            if (file.find('/') != std::string::npos || file.empty() || file[0] == '.') {
                msg::expected(d_, v.pos, "fonts." + k.scalar, "the name of a file in fonts/", "'" + file + "'");
                continue;
            }
            std::error_code ec;  // a name longer than the file system allows is just not a bundled font
            if (!fs::is_regular_file(fs::path(fonts_dir) / file, ec)) {
                msg::not_a_bundled_font(d_, v.pos, k.scalar, file);
                continue;
            }
            spec_.fonts[k.scalar] = (fs::path(fonts_dir) / file).string();
        }
    }

    void colors(Fields& top) {
        if (const YNode* c = top.mapping("colors", Need::optional))
            for (const auto& [k, v] : c->entries)
                if (auto rgb = color(v, "colors." + k.scalar)) spec_.colors[k.scalar] = *rgb;
        if (const YNode* p = top.list("palette", Need::optional)) {
            spec_.palette.clear();
            spec_.palette_pos.clear();
            for (std::size_t i = 0; i < p->items.size(); ++i)
                if (auto rgb = color(p->items[i], fmt::format("palette[{}]", i + 1))) {
                    spec_.palette.push_back(*rgb);
                    spec_.palette_pos.push_back(p->items[i].pos);
                }
        }
    }

    void furniture(Fields& top) {
        for (const char* part : {"header", "footer"}) {
            const YNode* n = top.mapping(part, Need::optional);
            if (!n) continue;
            Fields f(*n, part, part, {"left", "right"}, d_);
            bool header = std::string(part) == "header";
            if (auto t = f.text("left", Need::optional)) (header ? spec_.header_left : spec_.footer_left) = t->value;
            if (auto t = f.text("right", Need::optional)) (header ? spec_.header_right : spec_.footer_right) = t->value;
            f.finish();
        }
    }

    void breaks(Fields& top) {
        const YNode* b = top.mapping("breaks", Need::optional);
        if (!b) return;
        static const std::vector<std::string> sections{"explainer", "ecosystem", "action-area", "matrix", "glossary",
                                                       "resources", "colophon"};
        for (const auto& [k, v] : b->entries) {
            if (std::find(sections.begin(), sections.end(), k.scalar) == sections.end()) {
                msg::unknown_field(d_, k.pos, k.scalar, sections);
                continue;
            }
            const std::string value = v.is_scalar() ? trim(v.scalar) : std::string();
            if (value != "page" && value != "left" && value != "right" && value != "none") {
                msg::expected(d_, v.pos, "breaks." + k.scalar, "page, left, right or none",
                              v.is_scalar() ? "'" + v.scalar + "'" : kind_name(v));
                continue;
            }
            spec_.breaks[k.scalar] = value;
        }
    }

    void apply(const YNode& root, const std::string& fonts_dir) {
        Fields top(root, "", "a layout",
                   {"extends", "name", "page", "columns", "column-gap", "text", "fonts", "styles", "colors", "palette",
                    "header", "footer", "factsheet", "breaks"},
                   d_);
        top.node("extends", Need::optional);
        if (auto t = top.plain("name", Need::optional)) spec_.name = *t;
        page(top);
        if (auto x = number(top, "columns", 1, 2)) spec_.columns = static_cast<int>(*x);
        if (auto l = length(top, "column-gap", false)) spec_.column_gap = *l;
        if (const YNode* t = top.mapping("text", Need::optional)) {
            Fields f(*t, "text", "text", {"justify", "hyphenate"}, d_);
            if (auto b = boolean(f, "justify")) spec_.justify = *b;
            if (auto b = boolean(f, "hyphenate")) spec_.hyphenate = *b;
            f.finish();
        }
        fonts(top, fonts_dir);
        colors(top);
        styles(top);
        furniture(top);
        breaks(top);
        if (const YNode* fs2 = top.mapping("factsheet", Need::optional)) {
            Fields f(*fs2, "factsheet", "factsheet", {"min-scale", "step"}, d_);
            if (auto x = number(f, "min-scale", 0.5, 1)) spec_.fit_min_scale = *x;
            if (auto x = number(f, "step", 0.01, 0.5)) spec_.fit_step = *x;
            f.finish();
        }
        top.finish();
    }

private:
    LayoutSpec& spec_;
    Diagnostics& d_;
};

std::string layout_path(const std::string& name_or_path, const std::string& dir) {
    if (name_or_path.find('/') != std::string::npos || name_or_path.ends_with(".yaml") ||
        name_or_path.ends_with(".yml"))
        return name_or_path;
    return (fs::path(dir) / (name_or_path + ".yaml")).string();
}

// `extends:` names a layout on the layout search path and nothing else: a
// path there would let a layout from someone else's repository make lerbrief
// read any file (and quote its keys in warnings).
bool bare_layout_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.ends_with(".yaml") || name.ends_with(".yml")) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

void load_into(LayoutSpec& spec, const std::string& path, const std::string& layouts_dir,
               const std::string& fonts_dir, Diagnostics& d, int depth) {
    if (!not_a_loop(path, d)) return;
    auto root = read_yaml_file(path, d);
    if (!root) return;
    if (!root->is_map()) return msg::expected(d, root->pos, "layout", "a mapping", kind_name(*root));
    if (const YNode* base = root->get("extends")) {
        if (!base->is_scalar() || depth >= kMaxExtends) {
            msg::extends_too_deep(d, base->pos);
        } else if (!bare_layout_name(trim(base->scalar))) {
            msg::extends_not_a_name(d, base->pos, trim(base->scalar));
        } else {
            load_into(spec, layout_path(trim(base->scalar), layouts_dir), layouts_dir, fonts_dir, d, depth + 1);
        }
    }
    LayoutReader(spec, d).apply(*root, fonts_dir);
    spec.pos = {path, 1, 1};
}

}  // namespace

LayoutSpec load_layout(const std::string& name_or_path, const std::string& layouts_dir, const std::string& fonts_dir,
                       Diagnostics& d) {
    LayoutSpec spec;
    const std::string path = layout_path(name_or_path.empty() ? "letter" : name_or_path, layouts_dir);
    load_into(spec, path, layouts_dir, fonts_dir, d, 0);
    if (spec.name.empty()) spec.name = fs::path(path).stem().string();
    const SourcePos at{path, 0, 0};
    if (!d.has_errors()) {
        double w = spec.page_width.points() - spec.margin_inner.points() - spec.margin_outer.points();
        double h = spec.page_height.points() - spec.margin_top.points() - spec.margin_bottom.points();
        if (w < 72 || h < 144)
            msg::margins_too_small(d, at);
        for (const char* face : {"body", "body-bold", "body-italic", "body-bold-italic", "heading", "heading-bold"})
            if (!spec.fonts.count(face)) msg::missing_face(d, at, face);
    }
    return spec;
}

}  // namespace lerbrief::load
