// The sample document through render_pdf, inspected with qpdf and poppler:
// what a print shop and a reader would check.
#include "render/pdf_writer.h"

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "render/sample_document.h"

namespace {

namespace t = lerbrief::test;
using lerbrief::render::render_pdf;

// Rendered once per test process; each test writes it to its own folder.
const std::string& sample_pdf() {
    static const std::string pdf = render_pdf(t::sample_document());
    return pdf;
}

std::vector<std::vector<std::string>> table_rows(const std::string& out, int header_lines) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(out);
    std::string line;
    for (int i = 0; i < header_lines && std::getline(in, line); ++i) {
    }
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<std::string> row;
        for (std::string w; words >> w;) row.push_back(w);
        if (!row.empty()) rows.push_back(row);
    }
    return rows;
}

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l == line || l == "\f" + line) return true;  // a form feed starts each page
    return false;
}

}  // namespace

TEST_CASE("the sample document passes qpdf --check", "[render][pdf]") {
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "sample.pdf", sample_pdf());
    auto r = t::run_program({"qpdf", "--check", path.string()});
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(r.err.empty());
    CHECK(sample_pdf().rfind("%PDF-1.7", 0) == 0);  // tagged (issue 17); untagged is 1.5, for its object streams
}

TEST_CASE("pdffonts: every face embedded, subset, with a ToUnicode map, and no warning", "[render][pdf]") {
    t::TempDir tmp;
    auto r = t::run_program({"pdffonts", t::write_pdf(tmp, "sample.pdf", sample_pdf()).string()});
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    auto rows = table_rows(r.out, 2);
    CHECK(rows.size() == 6);
    std::set<std::string> names;
    for (const auto& row : rows) {
        REQUIRE(row.size() >= 8);
        names.insert(row[0].substr(row[0].find('+') + 1));
        CHECK(row[row.size() - 5] == "yes");  // emb
        CHECK(row[row.size() - 4] == "yes");  // sub
        CHECK(row[row.size() - 3] == "yes");  // uni
        CHECK(row[1] + " " + row[2] == "CID TrueType");
    }
    CHECK(names == std::set<std::string>{"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                                         "LiberationSerif-BoldItalic", "LiberationSans",
                                         "LiberationSans-Bold"});
}

TEST_CASE("pdftotext gives every string back exactly and poppler says nothing on stderr", "[render][pdf]") {
    t::TempDir tmp;
    auto r = t::run_program(
        {"pdftotext", "-enc", "UTF-8", t::write_pdf(tmp, "s.pdf", sample_pdf()).string(), "-"});
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());  // no "Invalid 'begincidrange' operator in ToUnicode CMap"
    for (const std::string& line : t::kSampleLines) CHECK(has_line(r.out, line));
    for (const char* line :
         {"https://example.org/ler?a=1&b=é", "See page two", "Page two — the link target", "Diagram label"})
        CHECK(has_line(r.out, line));
    CHECK(r.out.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
}

TEST_CASE("the ToUnicode CMaps are written with bfrange/bfchar, not cidrange", "[render][pdf]") {
    t::TempDir tmp;
    std::string qdf = t::qdf_text(t::write_pdf(tmp, "s.pdf", sample_pdf()));
    CHECK(qdf.find("begincidrange") == std::string::npos);
    CHECK(qdf.find("beginbfrange") != std::string::npos);
    CHECK(qdf.find("<2014> <2014>") != std::string::npos);  // — maps to itself
}

TEST_CASE("pdfinfo shows the metadata and the date from the document", "[render][pdf]") {
    t::TempDir tmp;
    auto r = t::run_program({"pdfinfo", "-isodates", t::write_pdf(tmp, "s.pdf", sample_pdf()).string()});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    std::map<std::string, std::string> info;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        auto value = line.substr(colon + 1);
        info[line.substr(0, colon)] = value.substr(value.find_first_not_of(' '));
    }
    CHECK(info["Title"] == "LER Briefing — “Test”");
    CHECK(info["Author"] == "lerbrief tests");
    CHECK(info["Subject"] == "Rendering check");
    CHECK(info["Keywords"] == "LER, PDF, café");
    CHECK(info["Creator"] == "lerbrief");
    CHECK(info["CreationDate"] == "2023-11-14T22:13:20Z");
    CHECK(info["ModDate"] == "2023-11-14T22:13:20Z");
    CHECK(info["Pages"] == "2");
    CHECK(info["Page size"].rfind("612 x 792 pts", 0) == 0);
}

TEST_CASE("two renders of the same document are byte-identical", "[render][pdf]") {
    std::string again = render_pdf(t::sample_document());
    CHECK(again.size() == sample_pdf().size());
    CHECK(again == sample_pdf());
}

TEST_CASE("an image placed twice is embedded once, with a compressed soft mask", "[render][pdf]") {
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "s.pdf", sample_pdf());
    auto r = t::run_program({"pdfimages", "-list", path.string()});
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    std::map<std::string, std::set<std::string>> objects;  // type → object ids
    std::map<std::string, int> rows;                       // type → placements
    for (const auto& row : table_rows(r.out, 2)) {
        REQUIRE(row.size() >= 12);
        objects[row[2]].insert(row[10]);
        ++rows[row[2]];
    }
    CHECK(rows["image"] == 2);
    CHECK(rows["smask"] == 2);
    REQUIRE(objects["image"].size() == 1);
    REQUIRE(objects["smask"].size() == 1);
    // pdfimages names the image's object on the smask row too; the mask is /SMask in its dictionary.
    auto image = t::run_program({"qpdf", "--show-object=" + *objects["image"].begin(), path.string()});
    std::smatch m;
    REQUIRE(std::regex_search(image.out, m, std::regex(R"(/SMask (\d+) 0 R)")));
    std::string mask = m[1];
    auto dict = t::run_program({"qpdf", "--show-object=" + mask, path.string()});
    INFO(dict.out);
    CHECK(std::regex_search(dict.out, std::regex(R"(/Filter \[? ?/FlateDecode)")));
    auto raw = t::run_program({"qpdf", "--show-object=" + mask, "--raw-stream-data", path.string()});
    CHECK(raw.out.size() < 64 * 48 / 2);  // 3,072 alpha bytes, compressed
}

TEST_CASE("links, bookmarks, page labels and /Lang are in the catalog and pages", "[render][pdf]") {
    t::TempDir tmp;
    auto path = t::write_pdf(tmp, "s.pdf", sample_pdf());
    std::string qdf = t::qdf_text(path);
    CHECK(qdf.find("/Lang (en-US)") != std::string::npos);
    CHECK(qdf.find("/URI (https://example.org/ler?a=1&b=%C3%A9)") != std::string::npos);
    CHECK(qdf.find("/URI (https://example.org/diagram)") != std::string::npos);
    auto count = [&](const std::regex& re) {
        return std::distance(std::sregex_iterator(qdf.begin(), qdf.end(), re), std::sregex_iterator());
    };
    CHECK(count(std::regex(R"(/Border \[\s*0\s+0\s+0\s*\])")) == 3);  // every link, no visible border
    CHECK(count(std::regex(R"(/XYZ\s+0\s+642\s+null)")) == 2);        // the link and the bookmark to page 2
    CHECK(count(std::regex(R"(/Subtype /Link)")) == 3);

    auto json =
        t::run_program({"qpdf", "--json=2", "--json-key=outlines", "--json-key=pagelabels", path.string()});
    INFO(json.out);
    std::string j = json.out;
    std::erase_if(j, [](char c) { return c == ' ' || c == '\n'; });
    CHECK(j.find(R"("title":"Contents")") != std::string::npos);
    CHECK(j.find(R"("title":"Café—faces")") != std::string::npos);
    CHECK(j.find(R"("title":"Pagetwo“target”")") != std::string::npos);
    // "Café — faces" nests under "Contents": the first kids array holds it.
    CHECK(j.find(R"("kids":[{"dest")") != std::string::npos);
    CHECK(std::regex_search(j, std::regex(R"("index":0,"label":\{"/S":"/r")")));
    CHECK(std::regex_search(j, std::regex(R"("index":1,"label":\{"/S":"/D")")));
}

TEST_CASE("black text is written with gray operators, colour with RGB", "[render][pdf]") {
    t::TempDir tmp;
    std::string qdf = t::qdf_text(t::write_pdf(tmp, "s.pdf", sample_pdf()));
    CHECK(qdf.find("\n0 g\n") != std::string::npos);
    CHECK(qdf.find("0 0 0 rg") == std::string::npos);
    CHECK(qdf.find("0 0.2 0.6 rg") != std::string::npos);            // the URL
    CHECK(qdf.find("0.3 G") != std::string::npos);                   // gray stroke
    CHECK(qdf.find("0.5 0 0 0.5 100 392 cm") != std::string::npos);  // the group: 792 - 300 - 0.5 * 200
}
