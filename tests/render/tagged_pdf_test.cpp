// Tagged PDF (issue 17): the structure a screen reader follows, from the
// items' tags, checked with mupdf (tagged_check.js walks the tree against the
// page contents), poppler and qpdf; and the same pixels as untagged output.
#include <catch2/catch.hpp>
#include <regex>

#include "render/pdf_tags.h"
#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace {

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using namespace lerbrief::layout;
using lerbrief::render::render_pdf;

Shape rule(double x, double y, double w, Tag tag = nullptr) {
    Shape s;
    PathSeg a, b;
    a.op = PathSeg::Op::move, a.p[0] = {x, y};
    b.op = PathSeg::Op::line, b.p[0] = {x + w, y};
    s.path = {a, b};
    s.stroke = Color{0.5, 0.5, 0.5};
    s.stroke_width = 1;
    s.tag = std::move(tag);
    return s;
}

TextItem tagged_text(double x, double y, FontId font, std::string s, Tag tag, double size = 12) {
    TextItem item = t::text_at(x, y, font, std::move(s), size);
    item.tag = std::move(tag);
    return item;
}

// Two pages: a running head and a rule (artifacts), a heading, a paragraph
// with a link that runs on to page 2, a list of two items, a table whose
// header cell heads its row and whose second data cell is empty, a figure
// (a group with alt text, its inner tags ignored), an internal link under
// the document, and a page number (artifact).
Document tagged_document() {
    Document d;
    d.fonts = t::bundled_fonts();
    Page p1, p2;
    p1.frame.width = p2.frame.width = 612;
    p1.frame.height = p2.frame.height = 792;
    auto& items = p1.frame.items;
    items.push_back(t::text_at(72, 40, 4, "Running head", 9));
    items.push_back(rule(72, 48, 468));

    Tag h1 = make_tag(Role::h1);
    items.push_back(tagged_text(72, 100, 5, "Learning records", h1, 20));

    Tag p = make_tag(Role::p);
    items.push_back(tagged_text(72, 140, 0, "Read the guide at example.org", p));
    items.push_back(LinkItem{{200, 128}, 120, 14, "https://example.org/guide", -1, 0, p});
    items.push_back(tagged_text(72, 156, 0, "before you start, then", p));

    Tag list = make_tag(Role::l);
    for (int i = 0; i < 2; ++i) {
        Tag li = make_tag(Role::li, list);
        double y = 190 + 18.0 * i;
        items.push_back(tagged_text(80, y, 0, "•", make_tag(Role::lbl, li)));
        items.push_back(tagged_text(96, y, 0, i == 0 ? "First item" : "Second item", make_tag(Role::lbody, li)));
    }

    Tag table = make_tag(Role::table);
    Tag row = make_tag(Role::tr, table);
    items.push_back(tagged_text(72, 260, 1, "Issuer", make_header_cell(row, Scope::row)));
    items.push_back(tagged_text(200, 260, 0, "University", make_tag(Role::td, row)));
    Shape empty_cell;
    empty_cell.tag = make_tag(Role::td, row);  // draws nothing, still a cell
    items.push_back(empty_cell);

    auto diagram = std::make_shared<Frame>();
    diagram->width = 200, diagram->height = 100;
    diagram->items.push_back(rule(10, 50, 180, make_tag(Role::p)));  // ignored: the group is the Figure
    diagram->items.push_back(tagged_text(20, 40, 4, "Issuer → Holder", make_tag(Role::p)));
    items.push_back(GroupItem{{72, 300}, 1, diagram, false, make_tag(Role::figure, {}, "Issuer sends a record to the holder")});

    items.push_back(t::text_at(72, 440, 0, "See page two", 10));
    items.push_back(LinkItem{{72, 430}, 80, 14, "", 1, 100});
    items.push_back(t::text_at(300, 760, 4, "1", 9));

    p2.frame.items.push_back(tagged_text(72, 100, 0, "the paragraph ends here.", p));
    p2.frame.items.push_back(t::text_at(300, 760, 4, "2", 9));
    d.pages = {p1, p2};
    d.meta.title = "Tagged <test> & “quotes”";
    d.meta.author = "lerbrief tests";
    d.meta.language = "en-US";
    d.meta.date = "2023-11-14T22:13:20";
    d.meta.page_link = "Go to page {page}";  // strings/en.yaml's print.go-to-page
    return d;
}

std::string structure_check(const std::string& pdf_path) {
    auto r = t::run_program(
        {"mutool", "run", (lerbrief::test::source_dir() / "tests/render/tagged_check.js").string(), pdf_path});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return r.out;
}

std::string pixels(const t::TempDir& tmp, const std::string& name, const std::string& pdf) {
    auto path = t::write_pdf(tmp, name + ".pdf", pdf);
    auto r = t::run_program({"pdftoppm", "-r", "100", path.string(), (tmp / name).string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::string all;
    for (int page = 1; fs::exists(tmp / (name + "-" + std::to_string(page) + ".ppm")); ++page)
        all += t::read_file(tmp / (name + "-" + std::to_string(page) + ".ppm"));
    return all;
}

}  // namespace

TEST_CASE("tagged: the structure tree follows the tags in drawing order", "[render][pdf][tagged]") {
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "tagged.pdf", render_pdf(tagged_document())).string();
    const std::string out = structure_check(path);
    INFO(out);
    CHECK(out.find("error:") == std::string::npos);
    CHECK(out.find("Document\n"
                   "  H1\n"
                   "  P\n"
                   "    Link\n"
                   "  L\n"
                   "    LI\n"
                   "      Lbl\n"
                   "      LBody\n"
                   "    LI\n"
                   "      Lbl\n"
                   "      LBody\n"
                   "  Table\n"
                   "    TR\n"
                   "      TH scope=Row\n"
                   "      TD\n"
                   "      TD\n"
                   "  Figure alt=\"Issuer sends a record to the holder\"\n"
                   "  Link\n"
                   "mcids ") == 0);
    // H1, P on each page (its two lines and the link between share one
    // sequence), 2 × (Lbl, LBody), TH, TD, Figure; both links.
    CHECK(out.find("mcids 10 links 2") != std::string::npos);
}

TEST_CASE("tagged: poppler reads the text of each element", "[render][pdf][tagged]") {
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "tagged.pdf", render_pdf(tagged_document())).string();
    auto info = t::run_program({"pdfinfo", path});
    INFO(info.out << info.err);
    CHECK(std::regex_search(info.out, std::regex(R"(Tagged: +yes)")));
    CHECK(std::regex_search(info.out, std::regex(R"(PDF version: +1\.7)")));
    auto text = t::run_program({"pdfinfo", "-struct-text", path});
    INFO(text.out << text.err);
    CHECK(text.out.find("\"Learning records\"") != std::string::npos);
    CHECK(text.out.find("\"Second item\"") != std::string::npos);
    CHECK(text.out.find("University") != std::string::npos);
    // Words placed one by one read with spaces: after "example.org" on the
    // same line, at the line's end, and over the page break
    CHECK(text.out.find("Read the guide at example.org before you start, then") != std::string::npos);
    CHECK(text.out.find("\" the paragraph ends here.\"") != std::string::npos);
    // Artifacts are in no element; the figure's text is the Figure's.
    CHECK(text.out.find("Running head") == std::string::npos);
    CHECK(std::regex_search(text.out, std::regex(R"(Figure\s+"Issuer → Holder")")));
    auto check = t::run_program({"qpdf", "--check", path});
    INFO(check.out << check.err);
    CHECK(check.status == 0);
    CHECK(check.err.empty());
}

TEST_CASE("tagged: catalog, pages, links and XMP say what PDF/UA asks", "[render][pdf][tagged]") {
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "tagged.pdf", render_pdf(tagged_document()));
    const std::string qdf = t::qdf_text(path);
    CHECK(std::regex_search(qdf, std::regex(R"(/MarkInfo <<\s*/Marked true\s*>>)")));
    CHECK(std::regex_search(qdf, std::regex(R"(/DisplayDocTitle true)")));
    CHECK(std::regex_search(qdf, std::regex(R"(/Lang \(en-US\))")));
    auto count = [&](const char* pattern) {
        const std::regex re(pattern);
        return std::distance(std::sregex_iterator(qdf.begin(), qdf.end(), re), std::sregex_iterator());
    };
    auto pages = count(R"(/Type /Page\b)");
    auto tabs = count(R"(/Tabs /S\b)");
    CHECK(pages == 2);
    CHECK(tabs == 2);
    // What a screen reader says for each link.
    CHECK(qdf.find("/Contents (https://example.org/guide)") != std::string::npos);
    CHECK(qdf.find("/Contents (Go to page 2)") != std::string::npos);
    // The artifacts are marked as such.
    CHECK(qdf.find("/Artifact BMC") != std::string::npos);
    // XMP: uncompressed, escaped, with the PDF/UA-1 identifier.
    CHECK(std::regex_search(qdf, std::regex(R"(/Subtype /XML)")));
    CHECK(qdf.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(qdf.find("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"") != std::string::npos);
    CHECK(qdf.find("Tagged &lt;test&gt; &amp; “quotes”") != std::string::npos);
    CHECK(qdf.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>") != std::string::npos);
}

TEST_CASE("tagged: a link to a page says so in the document's words, or names the page alone", "[render][pdf][tagged]") {
    t::TempDir tmp;
    Document d = tagged_document();
    d.meta.page_link = "Vaya a {page}";
    CHECK(t::qdf_text(t::write_pdf(tmp, "es.pdf", render_pdf(d))).find("/Contents (Vaya a 2)") != std::string::npos);
    d.meta.page_link.clear();
    CHECK(t::qdf_text(t::write_pdf(tmp, "none.pdf", render_pdf(d))).find("/Contents (2)") != std::string::npos);
}

TEST_CASE("tagged and untagged output draw the same pixels", "[render][pdf][tagged]") {
    t::TempDir tmp;
    for (Document d : {tagged_document(), t::sample_document()}) {
        d.tagged = true;
        std::string tagged = pixels(tmp, "tagged", render_pdf(d));
        d.tagged = false;
        std::string plain = pixels(tmp, "plain", render_pdf(d));
        REQUIRE(tagged.size() > 100000);
        CHECK(tagged == plain);
    }
}

TEST_CASE("untagged output has no marked content and no structure", "[render][pdf][tagged]") {
    t::TempDir tmp;
    Document d = tagged_document();
    d.tagged = false;
    const std::string pdf = render_pdf(d);
    CHECK(pdf.rfind("%PDF-1.5", 0) == 0);  // 1.5 for its object streams; a tagged file is 1.7
    const std::string qdf = t::qdf_text(t::write_pdf(tmp, "plain.pdf", pdf));
    for (const char* absent : {"BDC", "BMC", "EMC", "StructTreeRoot", "StructParent", "MarkInfo", "/Metadata",
                               "/Tabs", "pdfuaid"})
        CHECK(qdf.find(absent) == std::string::npos);
}

TEST_CASE("tagged output is the same bytes every time", "[render][pdf][tagged]") {
    CHECK(render_pdf(tagged_document()) == render_pdf(tagged_document()));
}

TEST_CASE("XMP packet: escaped, with the PDF/UA identifier", "[render][tagged]") {
    Metadata m;
    m.title = "A <b> & \"c\"";
    m.subject = "about";
    m.date = "2024-01-02T03:04:05";
    std::string x = lerbrief::render::xmp_packet(m, "Producer & co");
    CHECK(x.find("<rdf:li xml:lang=\"x-default\">A &lt;b&gt; &amp; &quot;c&quot;</rdf:li>") != std::string::npos);
    CHECK(x.find("<pdf:Producer>Producer &amp; co</pdf:Producer>") != std::string::npos);
    CHECK(x.find("<xmp:ModifyDate>2024-01-02T03:04:05Z</xmp:ModifyDate>") != std::string::npos);
    CHECK(x.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(x.find("dc:creator") == std::string::npos);  // no author given
}

TEST_CASE("tagged: a long document's ParentTree is split into leaves and stays complete", "[render][pdf][tagged]") {
    // 1,100 pages with one figure each: more keys than one /Nums leaf holds.
    Document d;
    Tag sect = make_tag(Role::sect);
    for (int i = 0; i < 1100; ++i) {
        Page p;
        p.frame.width = 200, p.frame.height = 200;
        Shape box = rule(20, 100, 160, make_tag(Role::figure, sect, "a line"));
        p.frame.items.push_back(box);
        d.pages.push_back(p);
    }
    d.meta.title = "Long";
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "long.pdf", render_pdf(d)).string();
    const std::string out = structure_check(path);
    CHECK(out.find("error:") == std::string::npos);
    CHECK(out.find("mcids 1100 links 0") != std::string::npos);
    const std::string qdf = t::qdf_text(path);
    CHECK(qdf.find("/Limits") != std::string::npos);
}

TEST_CASE("tagged: the structure writer forgets a node once no item or child holds it", "[render][tagged]") {
    // page_done() looks once the nodes it knows have doubled (and past 1,024)
    lerbrief::render::HpdfDoc doc;
    lerbrief::render::StructureWriter w(doc, 2);
    Tag sect = make_tag(Role::sect);  // held here: an element later pages add to
    std::vector<std::weak_ptr<const StructNode>> gone;
    std::weak_ptr<const StructNode> figure;
    {
        for (int i = 0; i < 1100; ++i) {
            Tag p = make_tag(Role::p, sect);
            w.mark(p, 0);
            gone.push_back(p);
        }
        Tag f = make_tag(Role::figure, sect, "a picture");
        w.mark(f, 0);
        figure = f;
    }
    w.page_done();
    std::size_t expired = 0;
    for (const auto& g : gone) expired += g.expired();
    CHECK(expired == gone.size());
    CHECK_FALSE(figure.expired());  // its element still writes its /Alt
}

namespace {

// `pages` pages, each with a paragraph of two lines and one that begins at
// its foot (with a link) and ends at the top of the next; a figure and a
// table's row header every tenth page.
Document running_paragraphs(int pages) {
    Document d;
    d.fonts = t::bundled_fonts();
    Tag sect = make_tag(Role::sect);
    Tag carried;
    for (int i = 0; i < pages; ++i) {
        Page p;
        p.frame.width = 300, p.frame.height = 300;
        if (carried) p.frame.items.push_back(tagged_text(20, 30, 0, "carried on " + std::to_string(i), carried));
        Tag para = make_tag(Role::p, sect);
        p.frame.items.push_back(tagged_text(20, 80, 0, "page " + std::to_string(i + 1), para));
        p.frame.items.push_back(tagged_text(20, 100, 0, "second line", para));
        if (i % 10 == 0) {
            p.frame.items.push_back(rule(20, 150, 100, make_tag(Role::figure, sect, "a rule")));
            Tag row = make_tag(Role::tr, make_tag(Role::table, sect));
            p.frame.items.push_back(tagged_text(20, 200, 0, "Row", make_header_cell(row, Scope::row)));
        }
        carried = make_tag(Role::p, sect);
        p.frame.items.push_back(tagged_text(20, 280, 0, "begins here", carried));
        LinkItem link;
        link.pos = {20, 268}, link.width = 60, link.height = 14;
        link.uri = "https://example.org/" + std::to_string(i);
        link.tag = carried;
        p.frame.items.push_back(link);
        d.pages.push_back(std::move(p));
    }
    d.meta.title = "Running";
    return d;
}

}  // namespace

TEST_CASE("tagged: a document released page by page writes the same structure as one kept whole",
          "[render][pdf][tagged]") {
    // past the writer's second look (1,024 nodes, then twice those left):
    // it forgets nodes as it goes
    constexpr int kPages = 1200;
    const std::string kept = render_pdf(running_paragraphs(kPages));
    Document released = running_paragraphs(kPages);
    const std::string bytes = lerbrief::render::render_pdf_releasing(released);
    const bool same = bytes == kept;  // (not the bytes in the report)
    CHECK(same);
    t::TempDir tmp;
    const std::string out = structure_check(t::write_pdf(tmp, "running.pdf", bytes).string());
    CHECK(out.find("error:") == std::string::npos);
    // every paragraph is one element, those carried over a page too: two a page
    const std::string qdf = t::qdf_text(tmp / "running.pdf");
    auto count = [&qdf](const std::string& s) {
        std::size_t n = 0;
        for (std::size_t at = qdf.find(s); at != std::string::npos; at = qdf.find(s, at + 1)) ++n;
        return n;
    };
    CHECK(count("/S /P\n") == 2 * kPages);
    CHECK(count("/S /Link\n") == kPages);
    CHECK(count("/S /TH\n") == kPages / 10);
    CHECK(count("/Scope /Row\n") == kPages / 10);
    CHECK(count("/Alt ") == kPages / 10);
}
