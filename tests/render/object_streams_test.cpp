// The file's compact form (render/object_streams.h): every object that is
// not a stream is inside an object stream, a hundred at most to one, the
// cross-reference table is a stream, and qpdf reads the whole file back
// without a warning.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;

namespace {

// The sample document with page 1 repeated: more than a hundred objects
// that are not streams.
lerbrief::layout::Document many_pages() {
    lerbrief::layout::Document d = t::sample_document();
    d.tagged = true;
    const lerbrief::layout::Page first = d.pages[0];
    for (int i = 0; i < 40; ++i) d.pages.push_back(first);
    return d;
}

struct Placed {
    bool compressed = false;
    unsigned stream = 0;  // the object stream it is in
};

}  // namespace

TEST_CASE("object streams: every object but a stream is in an object stream of at most 100, the table is a stream",
          "[render][pdf]") {
    t::TempDir tmp;
    const std::string pdf = lerbrief::render::render_pdf(many_pages());
    const auto path = t::write_pdf(tmp, "many.pdf", pdf);
    auto check = t::run_program({"qpdf", "--check", path.string()});
    INFO(check.out << check.err);
    REQUIRE(check.status == 0);  // 3 would be warnings
    CHECK(check.err.empty());

    // where qpdf finds each object
    auto xref = t::run_program({"qpdf", "--show-xref", path.string()});
    REQUIRE(xref.status == 0);
    std::map<unsigned, Placed> placed;
    const std::regex in_stream(R"((\d+)/0: compressed; stream = (\d+), index = \d+)");
    const std::regex outside(R"((\d+)/0: uncompressed; offset = \d+)");
    for (auto it = std::sregex_iterator(xref.out.begin(), xref.out.end(), in_stream); it != std::sregex_iterator(); ++it)
        placed[std::stoul((*it)[1].str())] = {true, static_cast<unsigned>(std::stoul((*it)[2].str()))};
    for (auto it = std::sregex_iterator(xref.out.begin(), xref.out.end(), outside); it != std::sregex_iterator(); ++it)
        placed[std::stoul((*it)[1].str())] = {false, 0};

    // which objects are streams
    auto json = t::run_program({"qpdf", "--json=2", "--json-stream-data=none", path.string()});
    REQUIRE(json.status == 0);
    std::set<unsigned> streams;
    const std::regex stream_object(R"re("obj:(\d+) 0 R": \{\s*"stream")re");
    for (auto it = std::sregex_iterator(json.out.begin(), json.out.end(), stream_object); it != std::sregex_iterator();
         ++it)
        streams.insert(static_cast<unsigned>(std::stoul((*it)[1].str())));

    std::map<unsigned, std::size_t> members;  // object stream -> how many it holds
    for (const auto& [number, where] : placed) {
        INFO("object " << number);
        CHECK(where.compressed != (streams.count(number) == 1));
        if (where.compressed) ++members[where.stream];
    }
    REQUIRE(members.size() >= 2);
    std::size_t full = 0;
    for (const auto& [stream, count] : members) {
        CHECK(count <= 100);
        full += count == 100;
    }
    CHECK(full == members.size() - 1);  // filled in order: only the last is short

    // the table: startxref points at a cross-reference stream
    const std::smatch tail = [&] {
        std::smatch m;
        std::regex_search(pdf, m, std::regex(R"(startxref\n(\d+)\n%%EOF\n$)"));
        return m;
    }();
    REQUIRE(tail.size() == 2);
    const std::size_t at = std::stoul(tail[1].str());
    CHECK(std::regex_search(pdf.substr(at, 80), std::regex(R"(^\d+ 0 obj\n<< /Type /XRef /Size \d+ /W \[ 1 [1-8] 2 \])")));
    CHECK(pdf.rfind("%PDF-1.7\n", 0) == 0);
}

TEST_CASE("object streams: pdftotext reads every page's text through them", "[render][pdf]") {
    t::TempDir tmp;
    const lerbrief::layout::Document d = many_pages();
    const auto path = t::write_pdf(tmp, "many.pdf", lerbrief::render::render_pdf(d));
    auto text = t::run_program({"pdftotext", "-layout", path.string(), "-"});
    REQUIRE(text.status == 0);
    CHECK(text.err.empty());
    std::size_t pages = 0;
    for (char c : text.out) pages += c == '\f';
    CHECK(pages == d.pages.size());
    std::size_t seen = 0;
    for (std::size_t p = text.out.find(t::kSampleLines[0]); p != std::string::npos;
         p = text.out.find(t::kSampleLines[0], p + 1))
        ++seen;
    CHECK(seen == 41);  // page 1 and its 40 copies
}
