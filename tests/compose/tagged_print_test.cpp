// Tagging does not change what prints (issue 17): each page of a tagged file
// renders the same pixels at 100 dpi as the same document written untagged
// (Document::tagged = false, as the imposed spreads are). The documents are
// the bundled booklet (cover, diagram, matrix, fact sheets, lists, tables,
// QR codes), a standalone fact sheet and the table tents (a half-turned face).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "compose/compose.h"
#include "compose_setup.h"
#include "render/pdf_writer.h"
#include "support/support.h"

namespace t = lerbrief::test;
namespace fs = std::filesystem;
using namespace lerbrief;

namespace {

// Every page of `pdf` as a PPM at 100 dpi, in page order.
std::vector<std::string> pages_at_100dpi(const std::string& pdf, const t::TempDir& dir, const std::string& name) {
    const fs::path file = dir / (name + ".pdf");
    t::write_file(file, pdf);
    auto r = t::run_program({"pdftoppm", "-r", "100", file.string(), (dir / name).string()});
    INFO("pdftoppm stderr:\n" << r.err);
    REQUIRE(r.status == 0);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().extension() == ".ppm" && e.path().filename().string().rfind(name + "-", 0) == 0)
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) {
        out.push_back(t::read_file(f));
        fs::remove(f);
    }
    return out;
}

void check_same_print(layout::Document doc, const std::string& name) {
    REQUIRE(doc.tagged);
    const std::string tagged = render::render_pdf(doc);
    doc.tagged = false;
    const std::string untagged = render::render_pdf(doc);
    REQUIRE(tagged != untagged);  // the tags are there
    t::TempDir dir;
    const auto a = pages_at_100dpi(tagged, dir, name + "-tagged");
    const auto b = pages_at_100dpi(untagged, dir, name + "-untagged");
    REQUIRE(a.size() == doc.pages.size());
    REQUIRE(b.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(name << ": page " << i + 1 << " of " << a.size());
        CHECK(a[i] == b[i]);
    }
}

}  // namespace

TEST_CASE("tagging: the booklet prints the same pixels tagged and untagged", "[accessibility][render]") {
    t::ComposeSetup s("letter", {}, "Regional LER Convening", "2026-12-01", "Denver, CO");
    check_same_print(compose::booklet(s.in).doc, "booklet");
}

TEST_CASE("tagging: a fact sheet and the table tents print the same pixels tagged and untagged",
          "[accessibility][render]") {
    t::ComposeSetup s("a4", {}, "Regional LER Convening", "2026-12-01", "Denver, CO");
    REQUIRE(!s.content.stakeholders.empty());
    check_same_print(compose::factsheet(s.in, s.content.stakeholders.front()).doc, "sheet");
    check_same_print(compose::table_tents(s.in).doc, "tents");
}
