// Saving into a sink (render/pdf_writer.h): libharu's save goes straight to
// the caller's file, piece by piece, so no copy of a large PDF is held; a
// sink that fails stops the save with its own error.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "render/pdf_writer.h"
#include "render/sample_document.h"

namespace t = lerbrief::test;
using lerbrief::render::PdfSink;

namespace {

struct Pieces : PdfSink {
    std::string bytes;
    std::size_t calls = 0, largest = 0;
    void write(std::string_view b) override {
        bytes.append(b);
        ++calls;
        largest = std::max(largest, b.size());
    }
};

struct FullAfter : PdfSink {
    std::size_t room;
    std::size_t taken = 0;
    explicit FullAfter(std::size_t n) : room(n) {}
    void write(std::string_view b) override {
        if (taken + b.size() > room) throw std::runtime_error("no space left on the test's device");
        taken += b.size();
    }
};

}  // namespace

TEST_CASE("pdf sink: the file arrives in pieces, the same bytes as in memory", "[render][pdf]") {
    const lerbrief::layout::Document d = t::sample_document();
    const std::string whole = lerbrief::render::render_pdf(d);
    Pieces p;
    lerbrief::render::render_pdf(d, p);
    CHECK(p.bytes == whole);
    CHECK(p.bytes.rfind("%PDF-1.", 0) == 0);
    CHECK(p.calls > 10);                  // written as it is made ...
    CHECK(p.largest < whole.size() / 2);  // ... never as one copy of the file
}

TEST_CASE("pdf sink: a sink that fails stops the save with its own error", "[render][pdf]") {
    const lerbrief::layout::Document d = t::sample_document();
    const std::size_t size = lerbrief::render::render_pdf(d).size();
    for (std::size_t room : {std::size_t{0}, size / 2, size - 1}) {
        INFO(room);
        FullAfter sink(room);
        CHECK_THROWS_WITH(lerbrief::render::render_pdf(d, sink), "no space left on the test's device");
        CHECK(sink.taken <= room);
    }
    FullAfter enough(size);
    CHECK_NOTHROW(lerbrief::render::render_pdf(d, enough));
    CHECK(enough.taken == size);
}
