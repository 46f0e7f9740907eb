// The file's compact form (render/object_streams.h): every object that is
// not a stream is inside an object stream, a hundred at most to one, the
// cross-reference table is a stream, and qpdf reads the whole file back
// without a warning.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "render/hpdf_handle.h"
#include "render/object_streams.h"
#include "render/pdf_writer.h"
#include "render/render_error.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using lerbrief::render::HpdfDoc;
using lerbrief::render::RenderError;

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

HPDF_STATUS to_string(HPDF_Stream s, const HPDF_BYTE* p, HPDF_UINT n) {
    static_cast<std::string*>(s->attr)->append(reinterpret_cast<const char*>(p), n);
    return HPDF_OK;
}

// `doc` saved by lerbrief's writer, as a string.
std::string written(HpdfDoc& doc) {
    std::string out;
    HPDF_Stream s = doc.need(HPDF_CallbackWriter_New(doc.get()->mmgr, to_string, &out), "stream");
    try {
        lerbrief::render::write_compact_file(doc, s);
    } catch (...) {
        HPDF_Stream_Free(s);
        throw;
    }
    HPDF_Stream_Free(s);
    return out;
}

// A document of one empty page, made through libharu alone.
void one_page(HpdfDoc& doc) { doc.need(HPDF_AddPage(doc.get()), "HPDF_AddPage"); }

// The file's /ID (its first string), or "" when it has none.
std::string file_id(const std::string& pdf) {
    std::smatch m;
    return std::regex_search(pdf, m, std::regex(R"(/ID \[ <([0-9A-F]{32})> <\1> \])")) ? m[1].str() : std::string();
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

TEST_CASE("object streams: the /ID is the body's hash, the same for the same document, another for another",
          "[render][pdf]") {
    const std::string a = lerbrief::render::render_pdf(many_pages());
    const std::string again = lerbrief::render::render_pdf(many_pages());
    const std::string other = lerbrief::render::render_pdf(t::sample_document());
    REQUIRE(!file_id(a).empty());
    CHECK(file_id(a) == file_id(again));
    CHECK(file_id(other).size() == 32);
    CHECK(file_id(other) != file_id(a));
}

TEST_CASE("object streams: past 16 MiB the offsets take four bytes, and qpdf reads the file", "[render][pdf]") {
    HpdfDoc doc;
    one_page(doc);
    HPDF_Doc pdf = doc.get();
    // 17 MiB that do not compress, then 150 small objects after them
    HPDF_Dict big = doc.need(HPDF_DictStream_New(pdf->mmgr, pdf->xref), "stream");
    std::string noise(17u << 20, '\0');
    unsigned x = 12345;
    for (char& c : noise) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    doc.check("write", HPDF_Stream_Write(big->stream, reinterpret_cast<const HPDF_BYTE*>(noise.data()),
                                         static_cast<HPDF_UINT>(noise.size())));
    for (int i = 0; i < 150; ++i) {
        HPDF_Dict d = doc.need(HPDF_Dict_New(pdf->mmgr), "dict");
        doc.check("add", HPDF_Xref_Add(pdf->xref, d));
        doc.check("number", HPDF_Dict_AddNumber(d, "N", i));
    }
    const std::string file = written(doc);
    REQUIRE(file.size() > (17u << 20));
    CHECK(std::regex_search(file.substr(file.size() - 400), std::regex(R"(/W \[ 1 4 2 \])")));
    t::TempDir tmp;
    const auto path = t::write_pdf(tmp, "big.pdf", file);
    auto check = t::run_program({"qpdf", "--check", path.string()});
    INFO(check.out << check.err);
    CHECK(check.status == 0);
    auto last = t::run_program({"qpdf", "--show-object=" + std::to_string(pdf->xref->entries->count - 3), path.string()});
    CHECK(last.out.find("/N 1") != std::string::npos);  // an object placed past 16 MiB, read back
}

TEST_CASE("object streams: a stream's /Length placed before its stream is refused, not written wrong",
          "[render][pdf]") {
    HpdfDoc doc;
    one_page(doc);
    HPDF_Doc pdf = doc.get();
    HPDF_Number early = doc.need(HPDF_Number_New(pdf->mmgr, 0), "number");
    doc.check("add", HPDF_Xref_Add(pdf->xref, early));
    HPDF_Dict s = doc.need(HPDF_DictStream_New(pdf->mmgr, pdf->xref), "stream");
    doc.check("write", HPDF_Stream_WriteStr(s->stream, "0 0 m 10 10 l S"));
    doc.check("length", HPDF_Dict_Add(s, "Length", early));  // the stream's length, numbered before it
    CHECK_THROWS_WITH(written(doc), "pdf: a stream's length was written before the stream");
}

TEST_CASE("object streams: a dictionary that becomes a stream as it is written is refused", "[render][pdf]") {
    HpdfDoc doc;
    one_page(doc);
    HPDF_Doc pdf = doc.get();
    HPDF_Dict d = doc.need(HPDF_Dict_New(pdf->mmgr), "dict");
    doc.check("add", HPDF_Xref_Add(pdf->xref, d));
    // as HPDF_DictStream_New makes one: a memory stream, and its /Length in the table
    static HPDF_Xref table = nullptr;
    table = pdf->xref;
    d->before_write_fn = [](HPDF_Dict self) -> HPDF_STATUS {
        self->stream = HPDF_MemStream_New(self->mmgr, 64);
        HPDF_Number length = HPDF_Number_New(self->mmgr, 0);
        if (!self->stream || !length || HPDF_Xref_Add(table, length) != HPDF_OK) return HPDF_FAILD_TO_ALLOC_MEM;
        return HPDF_Dict_Add(self, "Length", length);
    };
    CHECK_THROWS_WITH(written(doc), "pdf: a dictionary became a stream as it was written");
}

TEST_CASE("object streams: an encrypted document, or one saved already, is refused", "[render][pdf]") {
    HpdfDoc locked;
    one_page(locked);
    locked.check("password", HPDF_SetPassword(locked.get(), "owner", "user"));
    CHECK_THROWS_WITH(written(locked), "pdf: the document has a table lerbrief does not write");
    HpdfDoc twice;
    one_page(twice);
    CHECK(written(twice).rfind("%PDF-1.5\n", 0) == 0);
    CHECK_THROWS_WITH(written(twice), "pdf: the document was saved already");
}
