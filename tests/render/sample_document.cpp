#include "render/sample_document.h"

#include <hpdf_streams.h>
#include <zlib.h>

#include <sstream>
#include <stdexcept>

namespace lerbrief::test {

using namespace layout;

std::vector<FontSpec> bundled_fonts() {
    std::vector<FontSpec> out;
    for (const char* name :
         {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
          "LiberationSerif-BoldItalic.ttf", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"})
        out.push_back({(source_dir() / "fonts" / name).string()});
    return out;
}

TextItem text_at(double x, double y, FontId font, std::string s, double size) {
    TextItem t;
    t.pos = {x, y};
    t.font = font;
    t.size = size;
    t.text = std::move(s);
    return t;
}

const std::vector<std::string> kSampleLines = {
    "“Learning and Employment Records” — café", "Issuing’s role… in résumé checks",
    "Naïve Åsa’s coöperation — “quoted”",       "Bold italic: 50 % done…",
    "Sans: Développer, ‘smart’ quotes",         "Sans bold: Straße, Ørsted, Ελλάδα, ї",
};

namespace {

std::shared_ptr<const Raster> sample_raster() {
    auto r = std::make_shared<Raster>();
    r->key = "icons/gradient.svg@300dpi";
    r->width = 64, r->height = 48;
    for (int y = 0; y < r->height; ++y)
        for (int x = 0; x < r->width; ++x)
            r->rgba.insert(r->rgba.end(), {static_cast<std::uint8_t>(x * 4), static_cast<std::uint8_t>(y * 5),
                                           160, static_cast<std::uint8_t>(x < 8 ? 0 : 255 - y * 5)});
    return r;
}

Shape rounded_box(double x, double y, double w, double h, double r) {
    const double k = 0.5523 * r;  // Bézier approximation of a quarter circle
    auto seg = [](PathSeg::Op op, Point a, Point b = {}, Point c = {}) {
        PathSeg s;
        s.op = op;
        s.p[0] = a, s.p[1] = b, s.p[2] = c;
        return s;
    };
    using O = PathSeg::Op;
    Shape s;
    s.path = {seg(O::move, {x + r, y}),
              seg(O::line, {x + w - r, y}),
              seg(O::curve, {x + w - r + k, y}, {x + w, y + r - k}, {x + w, y + r}),
              seg(O::line, {x + w, y + h}),
              seg(O::line, {x, y + h}),
              seg(O::line, {x, y + r}),
              seg(O::curve, {x, y + r - k}, {x + r - k, y}, {x + r, y}),
              seg(O::close, {})};
    s.fill = Color{0.85, 0.92, 1.0};
    s.stroke = Color{0.3, 0.3, 0.3};
    s.stroke_width = 1.5;
    return s;
}

}  // namespace

Document sample_document() {
    Document d;
    d.fonts = bundled_fonts();
    Page p1, p2;
    p1.frame.width = p2.frame.width = 612;
    p1.frame.height = p2.frame.height = 792;
    for (std::size_t i = 0; i < kSampleLines.size(); ++i)
        p1.frame.items.push_back(text_at(72, 100 + 30.0 * i, static_cast<FontId>(i), kSampleLines[i]));
    p1.frame.items.push_back(rounded_box(72, 320, 200, 80, 12));
    auto raster = sample_raster();
    p1.frame.items.push_back(ImageItem{{300, 320}, 64, 48, raster});
    p1.frame.items.push_back(ImageItem{{400, 320}, 128, 96, raster});
    TextItem url = text_at(72, 460, 4, "https://example.org/ler?a=1&b=é", 10);
    url.color = Color{0, 0.2, 0.6};
    p1.frame.items.push_back(url);
    p1.frame.items.push_back(LinkItem{{72, 450}, 200, 14, "https://example.org/ler?a=1&b=é", -1, 0});
    p1.frame.items.push_back(text_at(72, 500, 0, "See page two", 10));
    p1.frame.items.push_back(LinkItem{{72, 490}, 80, 14, "", 1, 150});

    auto diagram = std::make_shared<Frame>();
    diagram->width = 400, diagram->height = 200;
    diagram->items.push_back(rounded_box(10, 10, 380, 180, 20));
    diagram->items.push_back(text_at(40, 100, 5, "Diagram label", 24));
    p2.frame.items.push_back(text_at(72, 150, 1, "Page two — the link target", 14));
    p2.frame.items.push_back(GroupItem{{100, 300}, 0.5, diagram});
    p2.frame.items.push_back(LinkItem{{100, 300}, 200, 100, "https://example.org/diagram", -1, 0});

    d.pages = {p1, p2};
    d.outline = {{"Contents", 1, 0, 72, {}}, {"Café — faces", 2, 0, 100, {}}, {"Page two “target”", 1, 1, 150, {}}};
    d.labels = {{0, PageLabelRange::Style::roman_lower, 1, ""}, {1, PageLabelRange::Style::decimal, 1, ""}};
    d.meta.title = "LER Briefing — “Test”";
    d.meta.author = "lerbrief tests";
    d.meta.subject = "Rendering check";
    d.meta.keywords = "LER, PDF, café";
    d.meta.creator = "lerbrief";
    d.meta.language = "en-US";
    d.meta.date = "2023-11-14T22:13:20";
    return d;
}

layout::Document letter_page(std::vector<layout::Item> items) {
    layout::Document d;
    d.fonts = bundled_fonts();
    layout::Page p;
    p.frame.width = 612, p.frame.height = 792;
    p.frame.items = std::move(items);
    d.pages.push_back(std::move(p));
    return d;
}

fs::path write_pdf(const TempDir& dir, const std::string& name, const std::string& pdf) {
    fs::path p = dir / name;
    write_file(p, pdf);
    return p;
}

std::string qdf_text(const fs::path& pdf) {
    fs::path out = pdf;
    out += ".qdf";
    RunResult r = run_program({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), out.string()});
    if (r.status != 0) throw std::runtime_error("qpdf --qdf failed: " + r.err);
    return read_file(out);
}

namespace {
std::string inflated(std::string_view data) {
    z_stream z{};
    if (inflateInit(&z) != Z_OK) throw std::runtime_error("inflateInit failed");
    std::string out;
    char buf[16384];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int st = Z_OK;
    while (st == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        st = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    if (st != Z_STREAM_END) throw std::runtime_error("an object stream does not inflate");
    return out;
}

std::size_t number_after(const std::string& dict, const std::string& key) {
    const auto at = dict.find(key + " ");
    if (at == std::string::npos) throw std::runtime_error("an object stream without " + key);
    return std::stoul(dict.substr(at + key.size() + 1));
}
}  // namespace

std::map<unsigned, std::string> object_stream_members(const std::string& pdf) {
    std::map<unsigned, std::string> out;
    for (auto at = pdf.find("<< /Type /ObjStm "); at != std::string::npos; at = pdf.find("<< /Type /ObjStm ", at + 1)) {
        const auto dict_end = pdf.find(">>\nstream\n", at);
        if (dict_end == std::string::npos) throw std::runtime_error("an object stream without its data");
        const std::string dict = pdf.substr(at, dict_end - at);
        const std::size_t n = number_after(dict, "/N"), first = number_after(dict, "/First"),
                          length = number_after(dict, "/Length");
        const std::string data = inflated(std::string_view(pdf).substr(dict_end + 10, length));
        std::istringstream index(data.substr(0, first));
        std::vector<std::pair<unsigned, std::size_t>> members(n);
        for (auto& [num, off] : members)
            if (!(index >> num >> off)) throw std::runtime_error("an object stream's index is short");
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t b = first + members[i].second;
            const std::size_t e = i + 1 < n ? first + members[i + 1].second : data.size();
            std::string value = data.substr(b, e - b);
            while (!value.empty() && (value.back() == '\n' || value.back() == ' ')) value.pop_back();
            out[members[i].first] = std::move(value);
        }
    }
    return out;
}

std::string read_back(HPDF_Stream s) {
    if (HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK) throw std::runtime_error("read_back: cannot seek");
    std::string out;
    for (;;) {
        HPDF_BYTE buf[4096];
        HPDF_UINT n = sizeof buf;
        const HPDF_STATUS st = HPDF_Stream_Read(s, buf, &n);
        out.append(reinterpret_cast<const char*>(buf), n);
        if (st == HPDF_STREAM_EOF) return out;
        if (st != HPDF_OK) throw std::runtime_error("read_back: a read failed");
    }
}

}  // namespace lerbrief::test
