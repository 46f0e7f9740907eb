#pragma once
// Documents for the PDF writer tests, built by hand (no content, no layout
// stage), and helpers to inspect the written PDF with poppler and qpdf.
// Test-only.
#include <hpdf.h>

#include <map>
#include <string>
#include <vector>

#include "layout/document.h"
#include "support/support.h"

namespace lerbrief::test {

// The bundled faces as FontSpecs, FontId = index: serif regular, bold,
// italic, bold italic, sans regular, sans bold.
std::vector<layout::FontSpec> bundled_fonts();

layout::TextItem text_at(double x, double y, layout::FontId font, std::string s, double size = 12);

// One line of text per bundled face on page 1, in this order (ids 0..5).
extern const std::vector<std::string> kSampleLines;

// Two Letter pages: text in every face, a filled and stroked shape, an image
// with alpha placed twice, a URI link and an internal link to page 2, a
// group (a scaled nested frame with text), three bookmarks, page labels
// roman then decimal, and metadata.
layout::Document sample_document();

// One Letter page of `items`, the bundled faces as the document's fonts.
layout::Document letter_page(std::vector<layout::Item> items);

// Writes `pdf` to dir/name and returns the path.
fs::path write_pdf(const TempDir& dir, const std::string& name, const std::string& pdf);

// The PDF with streams uncompressed and objects one per line (qpdf --qdf).
std::string qdf_text(const fs::path& pdf);

// The objects inside a lerbrief PDF's object streams, by number, each as
// libharu wrote its value (the streams found in the raw bytes, inflated with
// zlib and split by their index). Throws std::runtime_error on a stream it
// cannot read.
std::map<unsigned, std::string> object_stream_members(const std::string& pdf);

// Everything libharu would write of stream `s` when it saves, read as it
// reads it (from the start). Throws std::runtime_error when a read fails.
std::string read_back(HPDF_Stream s);

}  // namespace lerbrief::test
